import XCTest
@testable import KhanaenCore

/// Once a chair has assigned, the quorum, each judge's progress and what keeps the
/// announcement a draft count against the assignment, not against every judge.
final class AssignmentScoringTests: XCTestCase {
    /// Four judges, quorum 3, three entries: e1 → j1 j2, e2 → j1 j2 j3, e3 → j3 j4.
    private func assigned() throws -> SheetBook {
        let contest = try Fixtures.contest(judges: 4, entries: 3, quorum: 3)
        let pairs = [AssignedEntry(entry: "e1", judges: ["j1", "j2"]), AssignedEntry(entry: "e2", judges: ["j1", "j2", "j3"]),
                     AssignedEntry(entry: "e3", judges: ["j3", "j4"])]
        let perJudge: [String: [LedgerEvent]] = [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8) + Fixtures.sheet("j1", "e2", 7, 14, 7),
            "j2": Fixtures.sheet("j2", "e1", 9, 18, 9) + Fixtures.sheet("j2", "e2", 6, 12, 6),
        ]
        return SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(perJudge[$0.id] ?? []) },
                         chairEvents: Fixtures.numbered([LedgerEvent(actor: "chair", assign: pairs, reason: "แบ่งงาน")]))
    }

    func testAnEntryNeedsItsAssignedJudgesUpToTheQuorum() throws {
        let book = try assigned()
        XCTAssertEqual(book.violations, [])
        let r = Scoring.compute(book, method: .mean)
        let e1 = r.entries.first { $0.id == "e1" }!, e2 = r.entries.first { $0.id == "e2" }!
        XCTAssertEqual(e1.assigned, 2)
        XCTAssertEqual(e1.quorum, 2, "given two judges, it needs two sheets, not the contest's three")
        XCTAssertEqual(e1.rank, 1)
        XCTAssertEqual(e2.quorum, 3)
        XCTAssertNil(e2.rank)
        XCTAssertEqual(e2.flags.first { $0.kind == .belowQuorum }?.quorum, 3)
        XCTAssertEqual(ReportWords(.en).describe(e2.flags.first { $0.kind == .belowQuorum }!, contest: book.contest), "below quorum (2/3)")
    }

    func testAJudgesProgressIsOverTheirOwnEntries() throws {
        let r = Scoring.compute(try assigned(), method: .mean)
        XCTAssertEqual(r.judges.map(\.entries), [2, 2, 2, 1])
        XCTAssertEqual(r.judges.map(\.notStarted), [0, 0, 2, 1])
        XCTAssertEqual(r.judges.map(\.submitted), [2, 2, 0, 0])
    }

    func testTheAnnouncementWaitsOnlyForAssignedSheets() throws {
        let book = try assigned()
        let reasons = AnnouncementDraft.check(Scoring.compute(book), book: book, ledger: nil, queue: nil)
        XCTAssertTrue(reasons.contains(.unscored(3)), "e2's j3, e3's j3 and j4: \(reasons)")
    }

    /// A judge given an entry and then recorded by a chair as in conflict with it is not
    /// waited for: the entry's quorum and the announcement count without them.
    func testAJudgeInAChairsConflictIsNotWaitedFor() throws {
        let contest = try Fixtures.contest(judges: 2, entries: 1, quorum: 2)
        let chair = Fixtures.numbered([LedgerEvent(actor: "chair", assign: [AssignedEntry(entry: "e1", judges: ["j1", "j2"])], reason: "แบ่งงาน"),
                                       LedgerEvent(actor: "chair", kind: .conflict, judge: "j2", entry: "e1", text: "เป็นญาติ", outcome: "relative")])
        let book = SheetBook(contest: contest, judgeEvents: [Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8)), []], chairEvents: chair)
        XCTAssertEqual(book.violations, [])
        let r = Scoring.compute(book, method: .mean)
        XCTAssertEqual(r.entries[0].quorum, 1, "j2 can give no sheet that counts")
        XCTAssertEqual(r.entries[0].rank, 1)
        let reasons = AnnouncementDraft.check(r, book: book, ledger: nil, queue: nil)
        XCTAssertFalse(reasons.contains { if case .unscored = $0 { return true } else { return false } }, "\(reasons)")
    }

    /// Two severe judges score e1–e4 low, two lenient ones e3–e6 high (out of 40: 16, 18, 20, 22
    /// against 32, 34, 36, 38). The contest's mean is 67.5%, σ √431.25 ≈ 20.77; j1 and j2's mean 47.5%
    /// (z −0.96), j3 and j4's 87.5% (z +0.96). e1 and e2 have only the severe two, e5 and e6 only
    /// the lenient two: flagged, with the sign; e3 and e4 have all four: not flagged.
    func testAnEntryWhoseJudgesAllLeanOneWayIsFlagged() throws {
        let contest = try Fixtures.contest(judges: 4, entries: 6)
        let low: [(String, Double, Double, Double)] = [("e1", 4, 8, 4), ("e2", 4.5, 9, 4.5), ("e3", 5, 10, 5), ("e4", 5.5, 11, 5.5)]
        let high: [(String, Double, Double, Double)] = [("e3", 8, 16, 8), ("e4", 8.5, 17, 8.5), ("e5", 9, 18, 9), ("e6", 9.5, 19, 9.5)]
        let events = ["j1", "j2", "j3", "j4"].map { j in
            Fixtures.numbered((j == "j1" || j == "j2" ? low : high).flatMap { Fixtures.sheet(j, $0.0, $0.1, $0.2, $0.3) })
        }
        let r = Scoring.compute(SheetBook(contest: contest, judgeEvents: events, chairEvents: []))
        func skew(_ id: String) -> String? {
            guard let f = r.entries.first(where: { $0.id == id })?.flags.first(where: { $0.kind == .skewedPanel }) else { return nil }
            return "\(f.judges.joined(separator: ",")) \(TwoDecimals.text(f.value ?? 0))"
        }
        XCTAssertEqual(skew("e1"), "j1,j2 -0.96")
        XCTAssertEqual(skew("e2"), "j1,j2 -0.96")
        XCTAssertNil(skew("e3"))
        XCTAssertNil(skew("e4"))
        XCTAssertEqual(skew("e5"), "j3,j4 0.96")
        XCTAssertEqual(skew("e6"), "j3,j4 0.96")
        let words = ReportWords(.th).describe(try XCTUnwrap(r.entries.first { $0.id == "e1" }?.flags.first { $0.kind == .skewedPanel }), contest: contest)
        XCTAssertEqual(words, "กรรมการของผลงานนี้ (j1, j2) ให้คะแนนเข้มทุกคน (0.96 SD): วิธีปรับมาตรฐานชดเชยได้")
    }

    func testWithoutAnAssignmentEveryJudgeHasEveryEntry() throws {
        let contest = try Fixtures.contest(judges: 4, entries: 3, quorum: 3)
        let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { _ in [] }, chairEvents: [])
        let r = Scoring.compute(book, method: .mean)
        XCTAssertEqual(r.judges.map(\.entries), [3, 3, 3, 3])
        XCTAssertEqual(r.entries.map(\.quorum), [3, 3, 3])
        XCTAssertEqual(r.entries.map(\.assigned), [nil, nil, nil])
    }
}
