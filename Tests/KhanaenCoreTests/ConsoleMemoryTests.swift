import Foundation
import XCTest
@testable import KhanaenCore

/// What the console holds on a large ledger, for its whole session or while it computes
/// (docs/performance.md, "The console's memory on L").
final class ConsoleMemoryTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testASheetIsSmallAndItsWordsAreKeptApart() {
        XCTAssertLessThanOrEqual(MemoryLayout<Sheet>.stride, 48)
        let fresh = Sheet(criteria: 3)
        var s = fresh
        XCTAssertEqual(s.criterionNotes, [nil, nil, nil])
        XCTAssertFalse(s.hasContent)
        s.criterionNotes[1] = "ดี"
        XCTAssertEqual(s.criterionNotes, [nil, "ดี", nil])
        XCTAssertTrue(s.hasContent)
        XCTAssertNotEqual(s, fresh)
        s.criterionNotes[1] = nil
        XCTAssertEqual(s, fresh)
        s.note = "ผลงานดี"
        XCTAssertTrue(s.hasContent)
        s.recuseReason = "ญาติ"
        s.reopen = SheetBook.ChairDecision(seq: 3, time: 1, actor: "chair", reason: "แก้")
        XCTAssertEqual(s.note, "ผลงานดี")
        XCTAssertEqual(s.recuseReason, "ญาติ")
        XCTAssertEqual(s.reopen?.seq, 3)
        var copy = s
        copy.note = nil
        XCTAssertEqual(s.note, "ผลงานดี", "a copy's change is its own")
        XCTAssertNil(copy.note)
        copy.recuseReason = nil
        copy.reopen = nil
        XCTAssertEqual(copy, fresh)
        XCTAssertFalse(copy.hasContent)
    }
}
