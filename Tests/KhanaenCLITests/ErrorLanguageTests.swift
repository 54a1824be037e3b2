import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore
@testable import KhanaenSync

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
        runCommand(args, home: root, as: login)
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

    /// Terminal controls anywhere in `text`: C0 (but the newline), DEL, C1 and the bidirectional controls.
    private func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || TerminalTextControls.bidi.contains(v)
        }
    }

    private func emptyEntries() throws {
        try "[]\n".write(toFile: contest + "/entries.json", atomically: true, encoding: .utf8)
    }

    /// A value read from contest.json is echoed into the error that names it; an escape
    /// sequence (ESC [ 2 J, clearing the screen), a C1 control (CSI) and a bidirectional
    /// override in it reach the terminal as placeholders, and the line still names the file,
    /// its line and the field, in either language.
    func testAHostileValueInContestJSONReachesTheTerminalAsPlaceholders() throws {
        let path = contest + "/contest.json"
        let json = try String(contentsOfFile: path, encoding: .utf8)
        let hostile = "\u{1B}[2J\u{9B}31m\u{202E}c1"
        let escaped = "\\u001b[2J\\u009b31m\\u202ec1"
        try json.replacingOccurrences(of: "\"id\": \"c1\"", with: "\"id\": \"\(escaped)\"").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try String(contentsOfFile: path, encoding: .utf8), json, "the criterion's id is the hostile one")
        let line = json.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"id\": \"c1\"") }! + 1
        for language in [[], ["--lang", "en"]] {
            let r = run(["report", "--contest", contest] + language)
            XCTAssertEqual(r.code, 2, r.err)
            XCTAssertEqual(controls(r.err), [], "no control reaches the terminal: \(r.err.debugDescription)")
            XCTAssertFalse(r.err.contains(hostile))
            XCTAssertTrue(r.err.hasPrefix("khanaen: \(path):\(line): criteria[0].id: "), r.err)
            XCTAssertTrue(r.err.contains("\"␛[2J\u{FFFD}31m\u{FFFD}c1\""), "the value is shown, its controls as placeholders: \(r.err)")
            XCTAssertTrue(r.err.hasSuffix("\n") && r.err.filter { $0 == "\n" }.count == 1, r.err)
        }
        // The parser's error itself is safe, before any command prints it.
        XCTAssertThrowsError(try ContestFolder.loadContest(contest)) { error in
            let words = (error as? InputError)?.words
            XCTAssertEqual(controls(words?.th ?? "x\u{1B}"), [], "\(String(describing: words))")
            XCTAssertEqual(controls(words?.en ?? "x\u{1B}"), [], "\(String(describing: words))")
        }
        // A key holding an OSC 52 (clipboard) sequence, named as the field at fault.
        try ("{\n  \"\\u001b]52;c;aGk=\\u0007\": 1," + json.dropFirst()).write(toFile: path, atomically: true, encoding: .utf8)
        let key = run(["report", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(controls(key.err), [], key.err.debugDescription)
        XCTAssertTrue(key.err.hasPrefix("khanaen: \(path):2: ␛]52;c;aGk=␇: unknown field"), key.err)
    }

    /// The system's reasons come from one table in both languages: a missing file is ENOENT's.
    func testTheSystemsReasonIsSaidInTheCommandsLanguage() throws {
        try emptyEntries()
        let missing = root + "/none.csv"
        saysBoth(["import", "csv", missing, "--contest", contest],
                 th: "khanaen: \(missing): อ่านไม่ได้: ไม่มีแฟ้มหรือโฟลเดอร์นี้", en: "khanaen: \(missing): cannot read: No such file or directory")
        XCTAssertEqual(SystemError.words(ENOENT), Phrase("ไม่มีแฟ้มหรือโฟลเดอร์นี้", "No such file or directory"))
        XCTAssertEqual(SystemError.words(EACCES).th, "ไม่มีสิทธิ์เข้าถึง")
        XCTAssertEqual(SystemError.words(ENOSPC).th, "ที่ว่างบนดิสก์เต็ม")
        XCTAssertEqual(SystemError.words(EWOULDBLOCK), SystemError.words(EAGAIN))
        // The table's English is the C library's own; an errno not in it is strerror's in both.
        for code in SystemError.table.keys {
            XCTAssertEqual(SystemError.words(code).en, String(cString: strerror(code)), "errno \(code)")
            XCTAssertNotEqual(SystemError.words(code).th, SystemError.words(code).en, "errno \(code) has Thai")
            XCTAssertEqual(Glossary.misuses(SystemError.words(code).th), [])
        }
        XCTAssertEqual(SystemError.words(ECHILD), Phrase(String(cString: strerror(ECHILD)), String(cString: strerror(ECHILD))))
    }

    /// verify's BROKEN line for an altered ledger line and its note for a torn one, and the
    /// workstation's refusal to start on a broken file, in the command's language.
    func testABrokenLedgerLineIsSaidInTheCommandsLanguage() throws {
        XCTAssertEqual(run(["score", "--contest", contest, "--entry", "e01", "c1=1"], as: "judge1").code, 0)
        let path = contest + "/ledger/j1/j1.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let n = text.split(separator: "\n").count
        // A torn last line: a write cut short.
        try (text + "{\"v\":1,\"seq\"").write(toFile: path, atomically: true, encoding: .utf8)
        var t = run(["verify", "--contest", contest]), e = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(t.code, 0, t.out + t.err)
        XCTAssertTrue(t.out.contains("note      \(path): จบด้วยบรรทัดที่เขียนไม่จบ (12 ไบต์)"), t.out)
        XCTAssertTrue(e.out.contains("note      \(path): ends in an unfinished line (12 bytes)"), e.out)
        XCTAssertEqual(Glossary.misuses(t.out), [], t.out)
        // An altered line.
        try text.replacingOccurrences(of: "\"value\":1,", with: "\"value\":2,").write(toFile: path, atomically: true, encoding: .utf8)
        t = run(["verify", "--contest", contest])
        e = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(t.code, 1, t.out + t.err)
        XCTAssertTrue(t.out.contains("BROKEN    ledger/j1/j1.jsonl:\(n): ค่าแฮชไม่ตรง: บรรทัดนี้หรือบรรทัดใดก่อนมันถูกแก้ไข\n"), t.out)
        XCTAssertTrue(e.out.contains("BROKEN    ledger/j1/j1.jsonl:\(n): hash does not match: the line was changed, or a line before it was\n"), e.out)
        XCTAssertFalse(t.out.contains("hash does not match"), t.out)
        XCTAssertEqual(Glossary.misuses(t.out), [], t.out)
        // Not a ledger line at all.
        try text.replacingOccurrences(of: "{\"v\"", with: "[\"v\"").write(toFile: path, atomically: true, encoding: .utf8)
        t = run(["verify", "--contest", contest])
        e = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertTrue(t.out.contains("BROKEN    ledger/j1/j1.jsonl:1: ไม่ใช่บรรทัดของสมุดคะแนน\n"), t.out)
        XCTAssertTrue(e.out.contains("BROKEN    ledger/j1/j1.jsonl:1: not a ledger line\n"), e.out)
        // A judge's change on a broken file is refused, saying where and why.
        saysBoth(["score", "--contest", contest, "--entry", "e02", "c1=1"], as: "judge1",
                 th: "ledger/j1/j1.jsonl:1: ไม่ใช่บรรทัดของสมุดคะแนน ไม่มีการเขียนลงสมุดคะแนน (ดู khanaen verify)",
                 en: "ledger/j1/j1.jsonl:1: not a ledger line; nothing was written (run khanaen verify)")
    }

    /// A CSV of mixed encodings, a file still holding the sample's entries, and the import's
    /// last line, in the command's language.
    func testImportSpeaksTheCommandsLanguage() throws {
        let csv = root + "/list.csv"
        try Data("หน่วยงาน,ชื่อโครงการ\nเทศบาลตำบลครึ่ง,ระบบ\n".utf8).write(to: URL(fileURLWithPath: csv))
        saysBoth(["import", "csv", csv, "--contest", contest],
                 th: "/entries.json: ผลงานในแฟ้มยังเป็นของการประกวดตัวอย่าง", en: "/entries.json: its entries are still the sample contest's")
        try emptyEntries()
        var bytes = Array("หน่วยงาน,ชื่อโครงการ\nเทศบาลตำบลครึ่ง,ระบบแจ้งเหตุ\n".utf8)
        bytes += [0xE0, 0xB7, 0xC8, 0xBA, 0xD2, 0xC5, 0x2C, 0xA1, 0x0A] // "เทศบาล,ก" in TIS-620
        let mixed = root + "/mixed.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: mixed))
        saysBoth(["import", "csv", mixed, "--contest", contest],
                 th: "khanaen: \(mixed):3: การเข้ารหัสปนกัน: แฟ้มเป็น UTF-8 แต่บรรทัด 3 ไม่ใช่ (TIS-620 หรือ windows-874?) ให้จัดเก็บแฟ้มใหม่ด้วยการเข้ารหัสเดียว หรือระบุ --encoding",
                 en: "khanaen: \(mixed):3: the encoding is mixed: the file is UTF-8 but line 3 is not (TIS-620 or windows-874?); save the file again in one encoding, or give --encoding")
        let t = run(["import", "csv", csv, "--contest", contest])
        XCTAssertEqual(t.code, 0, t.err)
        XCTAssertEqual(t.err, "khanaen: นำเข้า 1 ปรับปรุง 0 ข้าม 0; บันทึกแล้ว \(contest)/entries.json\n")
        XCTAssertEqual(Glossary.misuses(t.err), [], t.err)
        let e = run(["import", "csv", csv, "--contest", contest, "--lang", "en"])
        XCTAssertEqual(e.err, "khanaen: 0 imported, 1 updated, 0 skipped; entries.json unchanged\n")
    }

    /// sync's refusals: its own, and the server hook's, which speaks English whoever pushes.
    func testSyncRefusesInTheCommandsLanguage() throws {
        saysBoth(["sync", "--contest", contest],
                 th: "khanaen sync: \(contest) ยังไม่ได้ตั้งค่าการซิงก์: สั่ง khanaen sync --setup [REMOTE] ก่อน (docs/sync.md)",
                 en: "khanaen sync: \(contest) is not set up for sync: run khanaen sync --setup [REMOTE] first (docs/sync.md)")
        let said = "remote: khanaen: refused: the login judge1 may not change ledger/j2/j2.jsonl; ! [remote rejected] main -> main"
        XCTAssertEqual(PushOutcome.thai(said),
                       "remote: khanaen: ปฏิเสธ: ผู้ใช้ judge1 ไม่มีสิทธิ์แก้ ledger/j2/j2.jsonl; ! [remote rejected] main -> main")
        XCTAssertEqual(PushOutcome.thai("remote: khanaen: refused: ledger/j1/j1.jsonl: a ledger line was changed or cut (only appending is taken)"),
                       "remote: khanaen: ปฏิเสธ: ledger/j1/j1.jsonl: บรรทัดในสมุดคะแนนถูกแก้หรือตัด (รับเฉพาะการเขียนต่อท้าย)")
        XCTAssertEqual(Glossary.misuses(PushOutcome.thai(said)), [])
    }
}

/// The bidirectional controls `TerminalText` shows as placeholders.
enum TerminalTextControls {
    static let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029]
}
