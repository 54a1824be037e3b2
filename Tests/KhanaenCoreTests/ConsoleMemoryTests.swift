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

    /// A judge's file read whole, then a line appended by another process: the reader's
    /// events grow by what is needed and an eighth, not to twice the file.
    func testAJudgesEventsAreNotDoubledWhenTheFileGrows() throws {
        let writer = LedgerFile(path: dir + "/j1.jsonl", name: "j1", contestID: "t1")
        try writer.append((0..<1000).map { k in
            LedgerEvent(actor: "j1", kind: .score, entry: "e\(k % 7 + 1)", criterion: "a", value: Double(k % 10))
        }, time: 1_700_000_000_000)
        let reader = LedgerFile(path: dir + "/j1.jsonl", name: "j1", contestID: "t1")
        try reader.refresh()
        XCTAssertEqual(reader.lineCount, 1000)
        let held = reader.events // as the console's data holds them
        try writer.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 5)], time: 1_700_000_001_000)
        XCTAssertTrue(try reader.refresh())
        XCTAssertEqual(reader.lineCount, 1001)
        XCTAssertLessThanOrEqual(reader.events.capacity, 1001 + 1001 / 8 + 16)
        XCTAssertEqual(held.count, 1000)
        try writer.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 6)], time: 1_700_000_002_000)
        try reader.refresh()
        XCTAssertEqual(reader.events.map(\.seq), Array(1...1002))
    }

    func testTheLargeReadBuffersAreGivenBack() {
        let buffers = ReadBuffers()
        let large = buffers.take(atLeast: 3 << 20), small = buffers.take(atLeast: 1000)
        buffers.give(large)
        buffers.give(small)
        XCTAssertGreaterThanOrEqual(buffers.idleBytes, 3 << 20)
        buffers.release(largerThan: 1 << 20)
        XCTAssertEqual(buffers.idleBytes, small.count, "the small one is kept for what is appended")
    }
}
