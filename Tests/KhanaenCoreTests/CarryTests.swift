import XCTest
@testable import KhanaenCore

/// A later round that counts the earlier one (`carry`): each figure worked by hand.
final class CarryTests: XCTestCase {
    static let previous = #""previousRound": {"folder": "../round-1", "seal": "\#(String(repeating: "a", count: 64))", "#
        + #""advance": {"file": "ledger/chairs/chair.jsonl", "seq": 2, "hash": "\#(String(repeating: "b", count: 64))"}},"#

    /// Three judges give every entry the same sheet: e1 32/40 (80), e2 24/40 (60), e3 28/40 (70).
    /// Round 1 had e1 at 50 (rank 3), e2 at 100 (rank 1), e3 at 70 (rank 2).
    private func results(carry: String) throws -> (Results, Contest) {
        var contest = try Fixtures.contest(entries: 3, extra: Self.previous + carry)
        contest.earlierRound = EarlierRound(number: 1, standings: [
            "e1": .init(rank: 3, score: 50), "e2": .init(rank: 1, score: 100), "e3": .init(rank: 2, score: 70),
        ])
        let events = ["j1", "j2", "j3"].map { j in
            Fixtures.numbered(Fixtures.sheet(j, "e1", 8, 16, 8) + Fixtures.sheet(j, "e2", 6, 12, 6) + Fixtures.sheet(j, "e3", 7, 14, 7))
        }
        return (Scoring.compute(SheetBook(contest: contest, judgeEvents: events, chairEvents: [])), contest)
    }

    func testTheScoreIsThisRoundsAndTheEarlierRoundsByTheWeight() throws {
        let (r, _) = try results(carry: #""carry": {"weight": 0.3},"#)
        // e2: 0.7 × 60 + 0.3 × 100 = 72; e1: 0.7 × 80 + 0.3 × 50 = 71; e3: 0.7 × 70 + 0.3 × 70 = 70.
        XCTAssertEqual(r.entries.map(\.id), ["e2", "e1", "e3"])
        XCTAssertEqual(r.entries.map { TwoDecimals.text($0.score!) }, ["72.00", "71.00", "70.00"])
        XCTAssertEqual(r.entries.map { TwoDecimals.text($0.roundScore!) }, ["60.00", "80.00", "70.00"])
        XCTAssertEqual(r.entries.map { $0.earlier?.rank }, [1, 3, 2])
    }

    /// The bootstrap draws this round's sheets and adds the earlier round's share as `Scoring`
    /// does: with every sheet alike, each entry is proposed its tier in every resample.
    func testTheBootstrapCountsTheCarriedPart() throws {
        let (r, contest) = try results(carry: #""carry": {"weight": 0.3},"#)
        let events = ["j1", "j2", "j3"].map { j in
            Fixtures.numbered(Fixtures.sheet(j, "e1", 8, 16, 8) + Fixtures.sheet(j, "e2", 6, 12, 6) + Fixtures.sheet(j, "e3", 7, 14, 7))
        }
        let confidence = TierConfidence.compute(book: SheetBook(contest: contest, judgeEvents: events, chairEvents: []), results: r,
                                                resamples: 200)
        XCTAssertEqual(Set(r.entries.map(\.proposed)).count > 1, true, "the tiers must tell the entries apart")
        for e in confidence.entries { XCTAssertEqual(confidence.probability(e, e.proposed), 1, e.id) }
    }

    /// The swing solves for this round's part and compares the whole score. Tiers: gold 1,
    /// silver 2; a total's step is 1.25 out of 100. e2 (72, gold) drops below e1's 71 when j1's
    /// 60 goes to 55 (0.7 × 58.33 + 30 = 70.83; at 56.25 it is still 71.13); e1 (71) passes
    /// e2's 72 when j1's 80 goes to 85 (0.7 × 81.67 + 15 = 72.17); e3 (70) when j1's 70 goes to
    /// 78.75 (0.7 × 72.92 + 21 = 72.04; at 77.5 it is 71.75).
    func testTheSwingCountsTheCarriedPart() throws {
        let (r, contest) = try results(carry: #""carry": {"weight": 0.3},"#)
        let swings = Dictionary(uniqueKeysWithValues: Swing.compute(contest: contest, results: r).map { ($0.id, $0) })
        func change(_ id: String) -> [String] {
            guard let c = swings[id]?.change else { return [] }
            return [c.judgeID, c.direction.rawValue, TwoDecimals.text(c.from), TwoDecimals.text(c.to), c.tier ?? "none"]
        }
        XCTAssertEqual(change("e2"), ["j1", "down", "60.00", "55.00", "silver"])
        XCTAssertEqual(change("e1"), ["j1", "up", "80.00", "85.00", "gold"])
        XCTAssertEqual(change("e3"), ["j1", "up", "70.00", "78.75", "gold"])
    }

    func testWithoutCarryTheRoundsScoreIsItsOwnAndTheEarlierIsContext() throws {
        let (r, _) = try results(carry: "")
        XCTAssertEqual(r.entries.map(\.id), ["e1", "e3", "e2"])
        XCTAssertEqual(r.entries.map { TwoDecimals.text($0.score!) }, ["80.00", "70.00", "60.00"])
        XCTAssertEqual(r.entries.map { $0.earlier?.score }, [50, 70, 100])
    }

    func testEveryReportShowsBothParts() throws {
        let (r, contest) = try results(carry: #""carry": {"weight": 0.3},"#)
        let summary = LedgerSummary(contest: contest, files: [], warnings: [], strays: [])
        let json = ReportJSON.text(r, ledger: summary)
        XCTAssertTrue(json.contains(#""carry": {"#) && json.contains(#""weight": 0.3"#), json)
        XCTAssertTrue(json.contains(#""roundScore": 60"#) && json.contains(#""earlier": {"#) && json.contains(#""score": 100"#), json)
        XCTAssertEqual(ReportJSON.compactBytes(r, ledger: summary),
                       JSONWriter.bytes(ReportJSON.value(r, ledger: summary, includeSeal: false)), "the seal covers what the report shows")
        let csv = ReportCSV.text(r, ledger: summary)
        let header = csv.split(separator: "\r\n")[0]
        XCTAssertTrue(header.hasSuffix("คะแนนรอบนี้,อันดับรอบ 1,คะแนนรอบ 1"), String(header))
        XCTAssertTrue(csv.split(separator: "\r\n")[1].hasPrefix("1,e2,") && csv.split(separator: "\r\n")[1].hasSuffix(",60.00,1,100.00"), csv)
        let table = ReportTable.text(r, ledger: summary)
        XCTAssertTrue(table.contains("คะแนน = 0.7 × คะแนนรอบนี้ + 0.3 × คะแนนรอบที่ 1"), table)
        XCTAssertTrue(table.contains("72.00") && table.contains("60.00") && table.contains("100.00"), table)
        let md = ReportMarkdown.ranking(r, ledger: summary)
        XCTAssertTrue(md.contains("| 1 | e2 |") && md.contains("| 72.00 | 3 | 0.00 | 1 | 100.00 | 60.00 |"), md)
    }

    func testCarryIsPartOfTheRulesAndNeedsAnEarlierRound() throws {
        let (_, with) = try results(carry: #""carry": {"weight": 0.3},"#)
        let (_, without) = try results(carry: "")
        XCTAssertNotEqual(with.rulesHash, without.rulesHash)
        XCTAssertEqual(without.rulesHash, try Fixtures.contest(entries: 3).rulesHash, "a contest without carry keeps its rules hash")
        XCTAssertThrowsError(try Fixtures.contest(entries: 3, extra: #""carry": {"weight": 0.3},"#)) { error in
            XCTAssertTrue("\(error)".contains("carry: counts an earlier round's score, but this contest has no previousRound"), "\(error)")
        }
        XCTAssertThrowsError(try Fixtures.contest(entries: 3, extra: Self.previous + #""carry": {"weight": 1},"#)) { error in
            XCTAssertTrue("\(error)".contains("carry.weight: must be above 0 and below 1"), "\(error)")
        }
    }
}
