import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore

/// What a command says to a person besides its errors (import's lines and warnings, access
/// check's lines, the report's warnings and problems) is in Thai by default and in English
/// with --lang en; the file, line or key at fault is named in both, and a first word a script
/// reads (imported, skipped) stays as it is.
final class CommandLanguageTests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-words-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", contest, "--demo"]).code, 0)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func run(_ args: [String], as login: String = "chair") -> (code: Int32, out: String, err: String) {
        runCommand(args, home: root, as: login)
    }

    private func both(_ args: [String]) -> (th: (code: Int32, out: String, err: String), en: (code: Int32, out: String, err: String)) {
        (run(args), run(args + ["--lang", "en"]))
    }

    /// A row skipped, a date not read and a column ignored, from a CSV.
    func testImportsSkipReasonsNotesAndWarningsSpeakTheCommandsLanguage() throws {
        let path = root + "/list.csv"
        try ("ลำดับ,หน่วยงาน,ชื่อโครงการ,วันที่เริ่มใช้งาน\n1,เทศบาลตำบลก,,\n2,เทศบาลตำบลข,ระบบ\u{1B}[2J,31 ก.พ. 2566\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try "[]\n".write(toFile: contest + "/entries.json", atomically: true, encoding: .utf8)
        let (t, e) = both(["import", "csv", path, "--contest", contest])
        XCTAssertEqual(t.code, 0, t.err)
        XCTAssertEqual(e.code, 0, e.err)
        XCTAssertEqual(t.out, "skipped \(path):2: ไม่มีช่อง ชื่อโครงการ\n"
                       + "imported e001 เทศบาลตำบลข (อ่าน วันที่เริ่มใช้งาน ไม่ได้: \"31 ก.พ. 2566\": ไม่มีวันนี้)\n")
        XCTAssertEqual(e.out, "skipped \(path):2: no ชื่อโครงการ (title)\n"
                       + "updated e001 เทศบาลตำบลข (วันที่เริ่มใช้งาน not read: \"31 ก.พ. 2566\": no such day)\n")
        XCTAssertTrue(t.err.hasPrefix("khanaen: คำเตือน: \(path):1: คอลัมน์ \"ลำดับ\" ไม่ใช่ช่องของใบส่งผลงาน ไม่ได้ใช้\n"), t.err)
        XCTAssertTrue(e.err.hasPrefix("khanaen: warning: \(path):1: column \"ลำดับ\" is not a submission field; ignored\n"), e.err)
        XCTAssertEqual(Glossary.misuses(t.out + t.err), [], t.out + t.err)
    }

    /// A path of the plan that is not as planned: its line names the path, in either language.
    func testAccessChecksLinesSpeakTheCommandsLanguage() throws {
        let path = contest + "/contest.json"
        let json = try String(contentsOfFile: path, encoding: .utf8)
        try json.replacingOccurrences(of: "\"access\": \"open\"", with: "\"access\": \"logins\"").write(toFile: path, atomically: true, encoding: .utf8)
        let ledger = contest + "/ledger"
        let (t, e) = both(["access", "check", "--contest", contest])
        XCTAssertEqual(t.code, 1, t.out + t.err)
        XCTAssertEqual(e.code, 1, e.out + e.err)
        XCTAssertTrue(t.out.contains("\n\(ledger)/j1: ไม่มี (khanaen access apply สร้างให้)\n"), t.out)
        XCTAssertTrue(e.out.contains("\n\(ledger)/j1: missing (khanaen access apply makes it)\n"), e.out)
        let thai = try XCTUnwrap(t.out.split(separator: "\n").first { $0.hasPrefix(ledger + ": ") }.map(String.init), t.out)
        let english = try XCTUnwrap(e.out.split(separator: "\n").first { $0.hasPrefix(ledger + ": ") }.map(String.init), e.out)
        XCTAssertTrue(thai.contains("โหมดเป็น ") || thai.contains("ไม่มีกลุ่ม ") || thai.contains("เจ้าของเป็น "), thai)
        XCTAssertTrue(english.contains("mode ") || english.contains("group ") || english.contains("owner "), english)
        XCTAssertFalse(t.out.contains(", not ") || t.out.contains("does not exist") || t.out.contains("missing (khanaen"), t.out)
        XCTAssertEqual(Glossary.misuses(t.out), [], t.out)
    }

    /// A judge's file cut back after a report recorded its head, and one ending in an
    /// unfinished line: the table's problems and warnings are in its language; the JSON
    /// report, which is data, stays in English.
    func testTheReportsCheckpointProblemsAndLedgerWarningsSpeakTheCommandsLanguage() throws {
        XCTAssertEqual(run(["score", "--contest", contest, "--judge", "j1", "--entry", "e01", "c1=1"], as: "judge1").code, 0)
        XCTAssertEqual(run(["score", "--contest", contest, "--judge", "j1", "--entry", "e02", "c1=1"], as: "judge1").code, 0)
        XCTAssertEqual(run(["report", "--contest", contest]).code, 0)
        let file = contest + "/ledger/j1/j1.jsonl"
        let lines = try XCTUnwrap(FileManager.default.contents(atPath: file)).split(separator: 0x0A)
        try Data(Array(lines[0]) + [0x0A] + Array("{\"unfinished".utf8)).write(to: URL(fileURLWithPath: file))

        let (t, e) = both(["report", "--contest", contest])
        XCTAssertEqual(t.code, 1, t.err)
        XCTAssertEqual(e.code, 1, e.err)
        XCTAssertTrue(t.out.contains("  ledger/j1/j1.jsonl มี 1 บรรทัด แต่จุดตรวจที่ ledger/chairs/chair.jsonl:"), t.out)
        XCTAssertTrue(t.out.contains("จดไว้ 2 บรรทัด: มีบรรทัดถูกตัด หรือแฟ้มถูกย้อนกลับหรือถูกแทนที่\n"), t.out)
        XCTAssertTrue(e.out.contains("  ledger/j1/j1.jsonl has 1 lines; the checkpoint at ledger/chairs/chair.jsonl:"), e.out)
        XCTAssertTrue(t.out.contains("j1.jsonl: จบด้วยบรรทัดที่เขียนไม่จบ (12 ไบต์)"), t.out)
        XCTAssertTrue(e.out.contains("j1.jsonl: ends in an unfinished line (12 bytes)"), e.out)
        XCTAssertFalse(t.out.contains("has 1 lines") || t.out.contains("unfinished line"), t.out)
        XCTAssertEqual(Glossary.misuses(t.out + t.err), [], t.out + t.err)
        let json = run(["report", "--contest", contest, "--format", "json"])
        XCTAssertTrue(json.out.contains("has 1 lines; the checkpoint at"), "the JSON report stays in English")
    }
}
