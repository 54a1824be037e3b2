import Foundation
import XCTest
@testable import KhanaenCore

/// A judge sets the times of their own lines: one who appends lines by hand, dated before an
/// assignment they were written after, must not score an entry the assignment keeps from them.
final class BackdatedLineTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.folder(contestJSON: Fixtures.contestJSON(quorum: 1)) }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func assign(_ ledger: Ledger, _ pairs: [AssignedEntry], at time: Int64) throws {
        try ledger.appendChair(LedgerEvent(actor: "chair", assign: pairs, reason: "แบ่งงาน"), time: time)
    }

    /// j2 is given only e2. Afterwards j2 writes, straight into their own file with a valid
    /// chain, a full submitted sheet for e1 dated a minute before the assignment.
    func testALineWrittenAfterTheAssignmentButDatedBeforeItIsAViolation() throws {
        let ledger = try ContestFolder.load(dir)
        let t = Timestamp.nowMillis() - 600_000
        try assign(ledger, [AssignedEntry(entry: "e1", judges: ["j1"]), AssignedEntry(entry: "e2", judges: ["j2"])], at: t)
        try ledger.judgeFiles[1].append(Fixtures.sheet("j2", "e1", 10, 20, 10), time: t - 60_000)
        let book = SheetBook(ledger: try ContestFolder.load(dir))
        XCTAssertEqual(book.violations.filter { $0.file == "j2" }.count, 4, "\(book.violations)")
        let e1 = Scoring.compute(book).entries.first { $0.id == "e1" }!
        XCTAssertNil(e1.rank, "e1 has no counted sheet: j1 gave none, and j2's is not theirs to give")
    }

    /// A line dated after a first assignment that did not give the entry, and before a later
    /// one, answers to the first: the later one does not open a window back in time.
    func testALaterAssignmentDoesNotBlessALineTheEarlierOneRefused() throws {
        let ledger = try ContestFolder.load(dir)
        let t = Timestamp.nowMillis() - 600_000
        try assign(ledger, [AssignedEntry(entry: "e1", judges: ["j1"]), AssignedEntry(entry: "e2", judges: ["j2"])], at: t)
        try ledger.judgeFiles[1].append(Fixtures.sheet("j2", "e1", 10, 20, 10), time: t + 60_000)
        try assign(ledger, [AssignedEntry(entry: "e1", judges: ["j1"]), AssignedEntry(entry: "e2", judges: ["j2", "j3"])], at: t + 120_000)
        let book = SheetBook(ledger: try ContestFolder.load(dir))
        XCTAssertEqual(book.violations.filter { $0.file == "j2" }.count, 4, "\(book.violations)")
    }

    /// What a judge wrote before the assignment was written still counts, as before.
    func testASheetBegunBeforeTheAssignmentStillCounts() throws {
        let ledger = try ContestFolder.load(dir)
        let t = Timestamp.nowMillis() - 600_000
        try ledger.judgeFiles[1].append(Fixtures.sheet("j2", "e1", 10, 20, 10), time: t - 60_000)
        try assign(ledger, [AssignedEntry(entry: "e1", judges: ["j1"]), AssignedEntry(entry: "e2", judges: ["j2"])], at: t)
        let book = SheetBook(ledger: try ContestFolder.load(dir))
        XCTAssertEqual(book.violations, [])
        XCTAssertEqual(Scoring.compute(book).entries.first { $0.id == "e1" }!.rank, 1)
    }
}
