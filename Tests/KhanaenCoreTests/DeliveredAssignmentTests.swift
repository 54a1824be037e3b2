import Foundation
import XCTest
@testable import KhanaenCore

/// An assignment reaches a judge only when it changes the judge's entries, with a fixed reason:
/// the chair's reason and the changes that concern only others stay in the chair's file.
final class DeliveredAssignmentTests: XCTestCase {
    private var dir = ""

    override func setUp() {
        dir = Fixtures.folder(contestJSON: Fixtures.contestJSON().replacingOccurrences(of: #""chairs": ["chair"]"#, with: #""chairs": ["chair", "chair2"]"#))
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private let start = Timestamp.nowMillis() - 600_000

    private func assign(_ ledger: Ledger, by chair: String, j1: [String], reason: String, minute: Int64) throws {
        let pairs = ["e1", "e2", "e3"].map { e in AssignedEntry(entry: e, judges: (j1.contains(e) ? ["j1"] : []) + ["j2"]) }
        try ledger.appendChair(LedgerEvent(actor: chair, assign: pairs, reason: reason), time: start + minute * 60_000)
    }

    private func delivered(_ judge: String) throws -> [LedgerEvent] {
        try ContestFolder.load(dir).deliveredStream(toJudge: judge).events.filter { $0.kind == .assign }
    }

    func testAChangeForOthersDoesNotReachAJudgeAndNoReasonDoes() throws {
        let ledger = try ContestFolder.load(dir)
        try assign(ledger, by: "chair", j1: ["e1", "e2"], reason: "แบ่งงาน", minute: 0)
        try ledger.appendChair(LedgerEvent(actor: "chair", assign: [AssignedEntry(entry: "e1", judges: ["j1", "j2"]),
                                                                    AssignedEntry(entry: "e2", judges: ["j1", "j3"]),
                                                                    AssignedEntry(entry: "e3", judges: ["j3"])],
                                           reason: "j2 ขัดกันกับ e2"), time: start + 60_000)
        let j1 = try delivered("j1")
        XCTAssertEqual(j1.count, 1, "j1's entries did not change")
        XCTAssertEqual(j1[0].text, Deliveries.assignReason)
        let j2 = try delivered("j2")
        XCTAssertEqual(j2.map { $0.pairs?.map(\.entry) ?? [] }, [["e1", "e2", "e3"], ["e1"]])
        XCTAssertFalse(j2.contains { ($0.text ?? "").contains("ขัดกัน") })
        XCTAssertTrue(ledger.deliveryFindings().problems.isEmpty)
    }

    /// Two chairs: what one chair gives back after the other's change reaches the judge, though
    /// it is what the first chair gave before.
    func testAnAssignmentBackAfterAnotherChairsChangeReachesTheJudge() throws {
        let ledger = try ContestFolder.load(dir)
        try assign(ledger, by: "chair", j1: ["e1"], reason: "แบ่งงาน", minute: 0)
        try assign(ledger, by: "chair2", j1: ["e2"], reason: "สลับ", minute: 1)
        try assign(ledger, by: "chair", j1: ["e1"], reason: "คืน", minute: 2)
        let last = try XCTUnwrap(try delivered("j1").max { $0.time < $1.time })
        XCTAssertEqual(last.pairs?.map(\.entry), ["e1"], "the assignment in force gives j1 e1")
        let book = SheetBook(ledger: try ContestFolder.load(dir))
        XCTAssertEqual(book.assignment?.map { $0[0] }, [true, false, false, false, false])
        XCTAssertTrue(try ContestFolder.load(dir).deliveryFindings().problems.isEmpty)
    }
}
