import Foundation
import XCTest
import KhanaenPrint
@testable import KhanaenCLI
@testable import KhanaenCore
@testable import KhanaenUI

/// The sessions' `p`: the workstation writes the judge's own sheet where it was started, the
/// console the chosen paper into exports/, each saying where, as `khanaen print` would.
final class SessionPrintTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("pdftotext is missing (scripts/setup.sh)") }
        root = NSTemporaryDirectory() + "khanaen-session-print-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/here", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func demo() throws -> String {
        let ctx = CommandContext(environment: ["XDG_DATA_HOME": root + "/data", "HOME": root, "USER": "chair"], login: "chair", uid: 1000,
                                 out: { _ in }, err: { _ in })
        return try ContestLocation.demoFolder(ctx)
    }

    private func messages<M>(_ inbox: Inbox<M>) -> [M] {
        inbox.wait(all: true, limit: 60)
        return inbox.take()
    }

    private func text(_ pdf: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-raw", pdf, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
    }

    func testTheWorkstationPrintsTheJudgesOwnSheetWhereItWasStarted() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let judge = ledger.contest.judges[0]
        let session = try JudgeSession(contest: ledger.contest, directory: dir, ledger: ledger, judgeID: judge.id, login: judge.user, language: .th)
        session.printFolder = root + "/here"
        let inbox = Inbox<JudgeMsg>()
        session.perform(.printSheet, inbox)
        let said = messages(inbox)
        guard said.count == 1, case .printed(let path, let pages, let draft, let noQR) = said[0] else { return XCTFail("\(said)") }
        XCTAssertEqual(path, root + "/here/sheet-\(judge.id).pdf")
        XCTAssertGreaterThan(pages, 0)
        XCTAssertEqual(noQR, Typesetter.qrProblem() != nil)
        let file = ledger.file(forJudge: judge.id)!
        XCTAssertEqual(draft, ledger.contest.entries.indices.contains { k in
            !SheetBook.judgeSheets(contest: ledger.contest, judgeID: judge.id, judgeEvents: file.events, chairEvents: [])[k].isLocked
        })
        let all = try text(path)
        XCTAssertTrue(all.contains("แบบบันทึกคะแนนสำหรับกรรมการรายบุคคล"))
        XCTAssertTrue(all.contains("(\(judge.name.filter { !$0.isWhitespace }))"))
        // Printed again, the file is replaced.
        session.perform(.printSheet, inbox)
        guard case .printed? = messages(inbox).first else { return XCTFail("a second print") }
    }

    func testTheConsolePrintsTheChosenPaperIntoExports() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: ledger.contest.chairs[0], language: .th)
        let inbox = Inbox<ChairMsg>()
        session.perform(.print(.declaration), inbox)
        var said = messages(inbox)
        guard said.count == 1, case .printed(let paths, _, _) = said[0] else { return XCTFail("\(said)") }
        XCTAssertEqual(paths, ledger.contest.judges.map { "\(dir)/exports/declaration-\($0.id).pdf" })
        XCTAssertTrue(try text(paths[0]).contains("แบบแสดงการมีส่วนได้เสีย"))
        session.perform(.print(.summary), inbox)
        said = messages(inbox)
        guard said.count == 1, case .printed(let summary, _, _) = said[0] else { return XCTFail("\(said)") }
        XCTAssertEqual(summary, ["\(dir)/exports/summary.pdf"])
        XCTAssertTrue(try text(summary[0]).contains("ใบสรุปผลคะแนน"))
    }
}
