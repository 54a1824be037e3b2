import Foundation
import XCTest
@testable import KhanaenCore

/// The chair's eligibility decisions, method changes and discussion outcomes: written by
/// the rules' check, read back from the chair's file, and refused when malformed.
final class ChairDecisionTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.folder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func ledger() throws -> Ledger { try ContestFolder.load(dir) }

    func testEachDecisionIsWrittenReadBackAndFolded() throws {
        let l = try ledger()
        try l.appendChair(LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: "ใช้งานจริงไม่ถึง 6 เดือน", outcome: "fail"))
        try l.appendChair(LedgerEvent(actor: "chair", kind: .method, entry: "", text: "มติที่ประชุมก่อนเริ่มให้คะแนน", outcome: "median"))
        try l.appendChair(LedgerEvent(actor: "chair", kind: .discussed, judge: "j2", entry: "", text: "ได้คุยกับกรรมการแล้ว",
                                      outcome: "kept", topic: "pattern"))
        try l.appendChair(LedgerEvent(actor: "chair", kind: .discussed, entry: "e1", text: "คะแนนสูงจริง", outcome: "kept", topic: "spread"))
        // Read from disk, as another process would.
        let again = try ledger()
        let book = SheetBook(ledger: again)
        XCTAssertEqual(book.violations, [])
        XCTAssertEqual(book.eligibility[1]?.status, .fail)
        XCTAssertEqual(book.eligibility[1]?.decision.reason, "ใช้งานจริงไม่ถึง 6 เดือน")
        XCTAssertEqual(book.method, .median, "the chair's change stands over contest.json's")
        XCTAssertEqual(book.contest.method, .mean)
        XCTAssertEqual(Scoring.compute(book).method, .median, "reports use the official method by default")
        XCTAssertEqual(book.discussed.map { "\($0.topic.rawValue) \($0.entry) \($0.judge ?? "") \($0.outcome.rawValue)" },
                       ["pattern  j2 kept", "spread e1  kept"])
        let lines = try String(contentsOfFile: dir + "/ledger/chairs/chair.jsonl", encoding: .utf8).split(separator: "\n")
        let method = lines.first { $0.contains("\"kind\":\"method\"") }!
        XCTAssertFalse(method.contains("\"entry\""), "a method change is about no entry: \(method)")
        XCTAssertTrue(method.contains("\"outcome\":\"median\""))
        XCTAssertTrue(again.allFiles.allSatisfy { $0.broken == nil }, "every line verifies")
        // Withdrawing the eligibility decision leaves the rules' result.
        try again.appendChair(LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: "ถอนการวินิจฉัย", outcome: "auto"))
        XCTAssertNil(SheetBook(ledger: try ledger()).eligibility[1])
    }

    func testMalformedDecisionsAreRefusedBeforeWriting() throws {
        let l = try ledger()
        let refusals: [(LedgerEvent, String)] = [
            (LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: "x", outcome: "maybe"), "is not pass, fail or auto"),
            (LedgerEvent(actor: "chair", kind: .eligibility, entry: "e99", text: "x", outcome: "pass"), "entry \"e99\" is not in the contest"),
            (LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: " ", outcome: "pass"), "needs a reason"),
            (LedgerEvent(actor: "judge1", kind: .eligibility, entry: "e2", text: "x", outcome: "pass"), "is not a chair"),
            (LedgerEvent(actor: "chair", kind: .method, entry: "", text: "x", outcome: "mode"), "is not mean, median, trimmed or normalised"),
            (LedgerEvent(actor: "chair", kind: .discussed, entry: "e1", text: "x", outcome: "kept", topic: "weather"), "is not a kind of discussion item"),
            (LedgerEvent(actor: "chair", kind: .discussed, entry: "e1", text: "x", outcome: "forgot", topic: "tie"), "is not kept, changed or reopened"),
            (LedgerEvent(actor: "chair", kind: .discussed, judge: "j9", entry: "", text: "x", outcome: "kept", topic: "pattern"), "judge \"j9\""),
        ]
        for (draft, expected) in refusals {
            XCTAssertThrowsError(try l.appendChair(draft), expected) { e in
                XCTAssertTrue("\(e)".contains(expected), "\(e) does not say \(expected)")
            }
        }
        XCTAssertEqual(try ledger().chairFile(for: "chair")!.events.count, 0, "nothing was written")
    }

    /// Lines planted with valid hashes but breaking the rules are violations, never decisions.
    func testPlantedDecisionsThatBreakTheRulesAreViolations() throws {
        let contest = try ContestFolder.loadContest(dir)
        try Ledger(contest: contest, directory: dir + "/ledger").chairFile(for: "chair")!.append([
            LedgerEvent(actor: "judge1", kind: .method, entry: "", text: "ผมเลือกเอง", outcome: "median"),
            LedgerEvent(actor: "chair", kind: .eligibility, entry: "e1", text: "x", outcome: "maybe"),
        ])
        try Ledger(contest: contest, directory: dir + "/ledger").file(forJudge: "j1")!.append([
            LedgerEvent(actor: "j1", kind: .method, entry: "", text: "x", outcome: "median"),
        ])
        let book = SheetBook(ledger: try ledger())
        XCTAssertEqual(book.method, .mean, "a judge cannot change the method")
        XCTAssertTrue(book.eligibility.isEmpty)
        XCTAssertEqual(book.violations.count, 3, "\(book.violations)")
        XCTAssertTrue(book.violations.contains { $0.message.contains("does not belong in a judge's file") })
    }
}
