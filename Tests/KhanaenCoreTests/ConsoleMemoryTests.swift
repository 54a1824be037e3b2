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

    /// The bootstrap's arrays hold the sheets' values once, not the spare room of arrays grown
    /// by appending (on L, 100,000 sheets).
    func testTheBootstrapsArraysAreSizedOnce() throws {
        let contest = try Fixtures.contest(judges: 3, entries: 700, quorum: 2, extra: #" "tieBreak": ["b", "a"],"#)
        var events: [String: [LedgerEvent]] = [:]
        for e in 1...700 {
            for j in 1...3 {
                events["j\(j)", default: []] += Fixtures.sheet("j\(j)", "e\(e)", Double((e * j) % 10), Double((e + j) % 20), Double(e % 10))
            }
        }
        let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(events[$0.id] ?? []) }, chairEvents: [])
        let kernel = TierConfidence.Kernel(book: book, results: Scoring.compute(book))
        XCTAssertEqual(kernel.values.count, 2100)
        XCTAssertEqual(kernel.tieBreak.count, 4200)
        XCTAssertTrue(kernel.wideTieBreak.isEmpty, "whole points are Floats")
        for (name, count, capacity) in [("values", kernel.values.count, kernel.values.capacity), ("judges", kernel.judges.count, kernel.judges.capacity),
                                        ("tieBreak", kernel.tieBreak.count, kernel.tieBreak.capacity)] {
            XCTAssertLessThanOrEqual(capacity, count + count / 16 + 8, name)
        }
    }

    /// The tie-break points are kept as Float only when each is one exactly: in tenths (7.3 is
    /// no Float) they are Doubles, those before the first such point included, and the
    /// tallies are the ones the Doubles give.
    func testTheTieBreakPointsAreFloatsOnlyWhenExactly() throws {
        for step in ["0.5", "0.1"] {
            let json = Fixtures.contestJSON(judges: 3, quorum: 2, extra: #" "tieBreak": ["b", "a"],"#)
                .replacingOccurrences(of: "\"step\": 0.5", with: "\"step\": \(step)")
            let contest = try ContestParser.parse(contestJSON: Array(json.utf8), entriesJSON: Array(Fixtures.entriesJSON(60).utf8))
            var events: [String: [LedgerEvent]] = [:]
            for e in 1...60 {
                // The first half in whole points; then, in tenths, a's points are not Floats.
                let tenth = step == "0.1" && e > 30 ? 0.3 : 0
                for j in 1...3 {
                    events["j\(j)", default: []] += Fixtures.sheet("j\(j)", "e\(e)", Double((e * j) % 9) + tenth, Double((e + j) % 19), Double(e % 10))
                }
            }
            let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(events[$0.id] ?? []) }, chairEvents: [])
            for method in Method.allCases {
                let results = Scoring.compute(book, method: method)
                let narrow = TierConfidence.Kernel(book: book, results: results)
                let wide = TierConfidence.Kernel(book: book, results: results, narrow: false)
                XCTAssertEqual(narrow.wideTieBreak.isEmpty, step == "0.5", "\(step) \(method)")
                XCTAssertEqual(narrow.tieBreak.isEmpty, step == "0.1", "\(step) \(method)")
                XCTAssertEqual(wide.wideTieBreak.count, 180 * 2)
                if step == "0.1" { XCTAssertEqual(narrow.wideTieBreak, wide.wideTieBreak, "\(method)") }
                XCTAssertEqual(narrow.tally(resamples: 0..<400, seed: 3), wide.tally(resamples: 0..<400, seed: 3), "\(step) \(method)")
            }
        }
    }
}
