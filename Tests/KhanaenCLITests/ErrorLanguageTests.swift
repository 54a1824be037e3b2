import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore

/// Every refusal and error a command gives is said in Thai by default and in English with
/// --lang en, with the glossary's words; the names in it (logins, files, lines, keys, options)
/// stay as they are.
final class ErrorLanguageTests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-errors-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", contest, "--demo"]).code, 0)
        let path = contest + "/contest.json"
        let json = try! String(contentsOfFile: path, encoding: .utf8)
        try! json.replacingOccurrences(of: "\"access\": \"open\"", with: "\"access\": \"logins\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func run(_ args: [String], as login: String = "chair") -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(args, CommandContext(environment: ["HOME": root, "USER": login], login: login, uid: 1000,
                                                out: { out += $0 }, err: { err += $0 }))
        return (code, out, err)
    }

    /// `args` fails with exit 2 and one line on stderr holding `th`, and with --lang en
    /// (given `english`, else appended) one holding `en`; the Thai line has no English of `en`'s.
    private func saysBoth(_ args: [String], as login: String = "chair", english: [String]? = nil, th: String, en: String,
                          file: StaticString = #filePath, line: UInt = #line) {
        let t = run(args, as: login), e = run(english ?? args + ["--lang", "en"], as: login)
        XCTAssertEqual(t.code, 2, t.err, file: file, line: line)
        XCTAssertEqual(e.code, 2, e.err, file: file, line: line)
        XCTAssertTrue(t.err.contains(th), "\(args): \(t.err)", file: file, line: line)
        XCTAssertTrue(e.err.contains(en), "\(args) --lang en: \(e.err)", file: file, line: line)
        XCTAssertFalse(t.err.contains(en), "\(args): English by default: \(t.err)", file: file, line: line)
        XCTAssertEqual(t.err.filter { $0 == "\n" }.count, 1, t.err, file: file, line: line)
        XCTAssertEqual(Glossary.misuses(t.err), [], t.err, file: file, line: line)
    }

    func testWhoMayActIsRefusedInTheCommandsLanguage() {
        let award = ["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x"]
        saysBoth(award, as: "judge1",
                 th: "khanaen award: ไม่มีสิทธิ์: ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการของการประกวดนี้ (ประธานกรรมการ: chair) ไม่มีการเขียนลงสมุดคะแนน",
                 en: "khanaen award: not allowed: the login \"judge1\" is not a chair of this contest (chairs: chair); nothing was written")
        saysBoth(award + ["--chair", "someone"],
                 th: "ผู้ใช้ \"chair\" ทำได้ในนามของตนเท่านั้น (ไม่รับ --chair someone)",
                 en: "the login \"chair\" acts only as itself (--chair someone refused)")
        saysBoth(["score", "--contest", contest, "--judge", "j2", "--entry", "e01", "c1=1"], as: "judge1",
                 th: "ผู้ใช้ \"judge1\" เป็นกรรมการ j1 กรรมการทำได้ในนามของตนเท่านั้น (ไม่รับ --judge j2)",
                 en: "the login \"judge1\" is judge j1; a judge acts only as themselves (--judge j2 refused)")
        saysBoth(["score", "--contest", contest, "--entry", "e01", "c1=1"], as: "nobody",
                 th: "ผู้ใช้ \"nobody\" ไม่ใช่กรรมการของการประกวดนี้", en: "the login \"nobody\" is not a judge of this contest")
        saysBoth(["report", "--contest", contest], as: "judge1",
                 th: "รายงานแสดงคะแนนของกรรมการทุกคน ซึ่งมีแต่ประธานกรรมการที่ดูได้ ผู้ใช้ \"judge1\" เป็นกรรมการ j1",
                 en: "the report shows every judge's scores, which only the chairs see; the login \"judge1\" is judge j1")
        saysBoth(["checkpoint", "--contest", contest], as: "nobody",
                 th: "จุดตรวจแสดงคะแนนของกรรมการทุกคน ซึ่งมีแต่ประธานกรรมการที่ดูได้ ผู้ใช้ \"nobody\" ไม่ใช่ประธานกรรมการ",
                 en: "a checkpoint shows every judge's scores, which only the chairs see; the login \"nobody\" is not a chair")
        saysBoth(["conflicts", "--contest", contest], as: "nobody",
                 th: "ผู้ใช้ \"nobody\" ไม่ได้เป็นกรรมการหรือประธานกรรมการของการประกวดนี้",
                 en: "the login \"nobody\" is neither a judge nor a chair of this contest")
    }

    /// A wrong command line is said in the asked language even when the parse fails before
    /// --lang is read; bad contest.json keeps its file, line and key as they are.
    func testUsageAndInputErrorsSpeakTheCommandsLanguage() throws {
        saysBoth(["grade", "--contest", contest], th: "khanaen: ไม่รู้จักคำสั่ง \"grade\" (ดู khanaen --help)",
                 en: "khanaen: unknown command \"grade\" (see khanaen --help)")
        saysBoth(["report", "--contest", contest, "--bogus"],
                 th: "khanaen report: ไม่รู้จักตัวเลือก --bogus (ดู khanaen report --help)",
                 en: "khanaen report: unknown option --bogus (see khanaen report --help)")
        saysBoth(["report", "--contest"], english: ["report", "--lang", "en", "--contest"],
                 th: "khanaen report: --contest ต้องมีค่า", en: "khanaen report: --contest needs a value")
        saysBoth(["award", "--contest", contest, "--entry", "e01", "--tier", "none"],
                 th: "khanaen award: ต้องให้ --reason", en: "khanaen award: --reason is required")
        saysBoth(["report", "--contest", contest, "--format", "xml"],
                 th: "--format ต้องเป็น table, json, csv หรือ md", en: "--format must be table, json, csv or md")
        saysBoth(["print"], th: "khanaen print: ขาดสิ่งที่จะพิมพ์ (sheet, summary, announcement หรือ declaration)",
                 en: "khanaen print: missing what to print (sheet, summary, announcement or declaration)")

        let path = contest + "/contest.json"
        let json = try String(contentsOfFile: path, encoding: .utf8)
        try ("{\n  \"bogus\": 1," + json.dropFirst()).write(toFile: path, atomically: true, encoding: .utf8)
        saysBoth(["report", "--contest", contest],
                 th: "khanaen: \(contest)/contest.json:2: bogus: ไม่รู้จักช่องนี้ (ช่องที่ใช้ได้: id, name, categories,",
                 en: "khanaen: \(contest)/contest.json:2: bogus: unknown field (expected one of: id, name, categories,")
        try json.replacingOccurrences(of: "\"quorum\": 3,", with: "\"quorum\": \"three\",").write(toFile: path, atomically: true, encoding: .utf8)
        let line = json.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"quorum\"") }! + 1
        saysBoth(["report", "--contest", contest], th: "/contest.json:\(line): quorum: ต้องเป็นตัวเลข ไม่ใช่ข้อความ",
                 en: "/contest.json:\(line): quorum: must be a number, got a string")
        try "{\n  \"id\": \"x\",\n  \"id\": \"y\"}".write(toFile: path, atomically: true, encoding: .utf8)
        saysBoth(["report", "--contest", contest], th: "khanaen: \(contest)/contest.json:3: ชื่อช่องซ้ำ \"id\"",
                 en: "khanaen: \(contest)/contest.json:3: duplicate key \"id\"")
        try "{\n  \"id\": \"x\"\n  \"name\": \"y\"}".write(toFile: path, atomically: true, encoding: .utf8)
        saysBoth(["report", "--contest", contest], th: "contest.json:3: ควรเป็น ',' หรือ '}' ในออบเจกต์",
                 en: "contest.json:3: expected ',' or '}' in object")
        try FileManager.default.removeItem(atPath: path)
        saysBoth(["report", "--contest", contest], th: "khanaen: \(contest)/contest.json: ไม่มีแฟ้มนี้",
                 en: "khanaen: \(contest)/contest.json: missing")
    }

    /// The rules a line must keep: a writer's refusal and verify's VIOLATION lines, whose first
    /// word stays as it is.
    func testLineRulesSpeakTheCommandsLanguage() throws {
        saysBoth(["conflict", "clear", "--contest", contest, "--judge", "j1", "--entry", "e01", "--reason", "x"],
                 th: "ยกเลิกส่วนได้เสียของ j1 กับผลงาน e01 ที่กติกาของการประกวดไม่ได้กำหนด",
                 en: "clears a conflict of j1 with e01 that the contest's rules do not give")
        XCTAssertEqual(run(["score", "--contest", contest, "--entry", "e01", "c1=1"], as: "judge1").code, 0)
        try ContestFolder.load(contest).file(forJudge: "j1")!.append([LedgerEvent(actor: "j2", kind: .score, entry: "e01", criterion: "c1", value: 3)])
        let t = run(["verify", "--contest", contest]), e = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(t.code, 1, t.out + t.err)
        XCTAssertTrue(t.out.contains("VIOLATION ledger/j1/j1.jsonl:2: เขียนในนาม j2 ในแฟ้มของกรรมการ j1\n"), t.out)
        XCTAssertTrue(e.out.contains("VIOLATION ledger/j1/j1.jsonl:2: written as j2, in the file of judge j1\n"), e.out)
        XCTAssertEqual(Glossary.misuses(t.out), [], t.out)
        let report = run(["report", "--contest", contest]), english = run(["report", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(report.code, 1, report.err)
        XCTAssertTrue(report.out.contains("  ledger/j1/j1.jsonl:2: เขียนในนาม j2 ในแฟ้มของกรรมการ j1\n"), report.out)
        XCTAssertTrue(report.err.hasPrefix("khanaen: สมุดคะแนนไม่ครบถ้วน (1 ปัญหา"), report.err)
        XCTAssertTrue(english.out.contains("  ledger/j1/j1.jsonl:2: written as j2, in the file of judge j1\n"), english.out)
        XCTAssertTrue(english.err.hasPrefix("khanaen: the ledger is not intact (1 problem(s)"), english.err)
        XCTAssertEqual(Glossary.misuses(report.out + report.err), [], report.out + report.err)
    }
}
