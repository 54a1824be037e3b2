import XCTest
@testable import KhanaenCore

/// The apply-events path (`SheetBook.apply`, `JudgeFold.apply`) held to the full fold over
/// random event streams, fed to it a few events at a time.
final class IncrementalFoldTests: XCTestCase {
    /// SplitMix64: the same streams on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    static let start: Int64 = 1_700_000_000_000
    static let criteria = ["a", "b", "c"]
    static let maxima: [Double] = [10, 20, 10]

    /// A judge's file: scores (some above the maximum, off the step or of an unknown
    /// criterion), clears, notes, submits (some incomplete), recusals, undos, changes to
    /// submitted sheets, lines of an unknown entry or another judge, times that go back or lie
    /// in the future.
    static func judgeStream(_ judge: String, entries: Int, count: Int, _ r: inout Random) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        var time = start
        for k in 0..<count {
            let entry = r.chance(0.03) ? "nope" : "e\(r.int(entries) + 1)"
            let actor = r.chance(0.02) ? "j9" : judge
            var e: LedgerEvent
            switch r.int(20) {
            case 0..<10:
                let c = r.int(3)
                let value: Double = r.chance(0.05) ? maxima[c] + 1 : (r.chance(0.05) ? 0.25 : Double(r.int(Int(maxima[c]) * 2 + 1)) / 2)
                e = LedgerEvent(actor: actor, kind: .score, entry: entry, criterion: r.chance(0.03) ? "z" : criteria[c], value: value)
            case 10: e = LedgerEvent(actor: actor, kind: .clear, entry: entry, criterion: criteria[r.int(3)])
            case 11: e = LedgerEvent(actor: actor, kind: .note, entry: entry, criterion: r.chance(0.5) ? criteria[r.int(3)] : nil,
                                     text: r.chance(0.2) ? "" : "หมายเหตุ \(k)")
            case 12..<16: e = LedgerEvent(actor: actor, kind: .submit, entry: entry)
            case 16: e = LedgerEvent(actor: actor, kind: .recuse, entry: entry, text: "ญาติ")
            default:
                let c = r.int(3)
                e = LedgerEvent(actor: actor, kind: .score, entry: entry, criterion: criteria[c], value: Double(r.int(Int(maxima[c]) + 1)))
                if !events.isEmpty { e.undoes = r.int(events.count) + 1 }
            }
            e.seq = k + 1
            time += Int64(r.int(3000))
            e.time = time
            if r.chance(0.02) { e.time = time - 60_000 }          // earlier than the line before
            if r.chance(0.01) { e.time = time + 3_600_000 }       // an hour ahead of the clock
            events.append(e)
        }
        return events
    }

    /// The chairs' lines: reopens (most of a real lock, some of no lock or by a non-chair),
    /// awards, eligibility rulings, method changes and discussion outcomes.
    static func chairStream(judges: [[LedgerEvent]], entries: Int, count: Int, _ r: inout Random) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        var time = start
        for k in 0..<count {
            let entry = "e\(r.int(entries) + 1)"
            var e: LedgerEvent
            switch r.int(8) {
            case 0..<4:
                let j = r.int(judges.count)
                let locks = judges[j].filter { $0.kind == .submit || $0.kind == .recuse }
                let ref: LedgerEvent? = locks.isEmpty || r.chance(0.15) ? nil : locks[r.int(locks.count)]
                e = LedgerEvent(actor: r.chance(0.05) ? "j1" : "chair", kind: .reopen, judge: "j\(j + 1)",
                                entry: ref?.entry ?? entry, ref: ref?.seq ?? r.int(50) + 1, text: "พิมพ์ผิด")
            case 4: e = LedgerEvent(actor: "chair", kind: .award, entry: entry, tier: ["gold", "silver", "none", "auto", "bronze"][r.int(5)], text: "เหตุ")
            case 5: e = LedgerEvent(actor: "chair", kind: .eligibility, entry: entry, text: "เหตุ", outcome: ["pass", "fail", "auto", "maybe"][r.int(4)])
            case 6: e = LedgerEvent(actor: "chair", kind: .method, entry: "", text: "เหตุ", outcome: ["mean", "median", "trimmed", "best"][r.int(4)])
            default: e = LedgerEvent(actor: "chair", kind: .discussed, entry: entry, text: "เหตุ", outcome: "kept", topic: "spread")
            }
            e.seq = k + 1
            time += Int64(r.int(40_000))
            e.time = time
            events.append(e)
        }
        return events
    }

    func assertSame(_ a: SheetBook, _ b: SheetBook, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.rows, b.rows, "rows: " + context, file: file, line: line)
        if a.violations != b.violations {
            let k = (0..<min(a.violations.count, b.violations.count)).first { a.violations[$0] != b.violations[$0] } ?? min(a.violations.count, b.violations.count)
            XCTFail("violations: \(context): \(a.violations.count) against \(b.violations.count), first difference at \(k): "
                    + "\(k < a.violations.count ? "\(a.violations[k])" : "none") against \(k < b.violations.count ? "\(b.violations[k])" : "none")",
                    file: file, line: line)
        }
        XCTAssertEqual(a.reopens, b.reopens, "reopens: " + context, file: file, line: line)
        XCTAssertEqual(a.overrides, b.overrides, "overrides: " + context, file: file, line: line)
        XCTAssertEqual(a.eligibility, b.eligibility, "eligibility: " + context, file: file, line: line)
        XCTAssertEqual(a.methodChanges, b.methodChanges, "methods: " + context, file: file, line: line)
        XCTAssertEqual(a.discussed, b.discussed, "discussed: " + context, file: file, line: line)
        XCTAssertEqual(a.checkpoints, b.checkpoints, "checkpoints: " + context, file: file, line: line)
    }

    /// Cuts `n` events into a growing series of prefix lengths, a few events at a time.
    static func cuts(_ n: Int, _ r: inout Random) -> [Int] {
        var out: [Int] = [], k = 0
        while k < n {
            k = min(n, k + (r.chance(0.3) ? 0 : 1 + r.int(r.chance(0.2) ? 40 : 4)))
            out.append(k)
        }
        return out
    }

    func testApplyingNewEventsEqualsTheFullFold() throws {
        let contest = try Fixtures.contest(judges: 3, entries: 6)
        var refolds = 0, reopenedSheets = 0
        for seed in 1...40 {
            var r = Random(state: UInt64(seed))
            var judges = (1...3).map { Self.judgeStream("j\($0)", entries: 6, count: 60 + r.int(120), &r) }
            let chair = Self.chairStream(judges: judges, entries: 6, count: 10 + r.int(30), &r)
            let judgeCuts = judges.map { Self.cuts($0.count, &r) }
            let chairCuts = Self.cuts(chair.count, &r)
            let steps = max(chairCuts.count, judgeCuts.map(\.count).max() ?? 0)
            func at(_ cuts: [Int], _ step: Int) -> Int { cuts.isEmpty ? 0 : cuts[min(step, cuts.count - 1)] }
            var now = Self.start + 3_000_000
            var book = SheetBook(contest: contest, judgeEvents: judges.map { _ in [] }, chairEvents: [], now: now)
            var judgeFold = JudgeFold(contest: contest, judgeID: "j2", judgeEvents: [], chairEvents: [], now: now)
            for step in 0..<steps {
                // The clock moves on, now and then far enough to take a line dated ahead.
                if r.chance(0.3) { now += Int64(r.int(r.chance(0.1) ? 4_000_000 : 60_000)) }
                // Now and then a file is replaced by one whose last line read differs from the
                // one folded (a `LedgerFile` never changes a line it has read: one replaced by
                // a file that does not hold them is marked broken and keeps what it read).
                if step > 0 && r.chance(0.03) {
                    let j = r.int(3), n = at(judgeCuts[j], step - 1)
                    if n > 0 { judges[j][n - 1].time += 1 }
                }
                let judgeEvents = (0..<3).map { Array(judges[$0][0..<at(judgeCuts[$0], step)]) }
                let chairEvents = Array(chair[0..<at(chairCuts, step)])
                book.apply(judgeEvents: judgeEvents, chairEvents: chairEvents, now: now)
                let full = SheetBook(contest: contest, judgeEvents: judgeEvents, chairEvents: chairEvents, now: now)
                assertSame(book, full, "seed \(seed), step \(step)")
                reopenedSheets += full.rows.joined().filter { $0.reopen != nil }.count

                let delivered = chairEvents.filter { $0.kind == .reopen && $0.judge == "j2" }
                if judgeFold.apply(judgeEvents: judgeEvents[1], chairEvents: delivered, now: now) { refolds += 1 }
                let reference = SheetBook.judgeFold(contest: contest, judgeID: "j2", judgeEvents: judgeEvents[1], chairEvents: delivered, now: now)
                XCTAssertEqual(judgeFold.sheets, reference.sheets, "judge's sheets: seed \(seed), step \(step)")
                XCTAssertEqual(judgeFold.violations, reference.violations, "judge's violations: seed \(seed), step \(step)")
                if testRun?.failureCount ?? 0 > 0 { return }
            }
        }
        // The streams reach both paths: most steps fold only the new events, some fold again.
        XCTAssertGreaterThan(refolds, 10)
        // Sheets reopened by a chair and written to again are among them.
        XCTAssertGreaterThan(reopenedSheets, 10)
    }

    /// The streams are not trivially clean: every kind of violation the fold reports occurs.
    func testTheStreamsBreakTheRules() throws {
        let contest = try Fixtures.contest(judges: 3, entries: 6)
        var r = Random(state: 7)
        let judges = (1...3).map { Self.judgeStream("j\($0)", entries: 6, count: 400, &r) }
        let chair = Self.chairStream(judges: judges, entries: 6, count: 60, &r)
        let book = SheetBook(contest: contest, judgeEvents: judges, chairEvents: chair, now: Self.start + 3_000_000)
        let messages = book.violations.map(\.message)
        for part in ["submitted sheet", "after a recusal", "before every criterion", "earlier than a line", "after the time it was read",
                     "reopens line", "not in the contest"] {
            XCTAssertTrue(messages.contains { $0.contains(part) }, part)
        }
        XCTAssertFalse(book.reopens.isEmpty)
    }
}
