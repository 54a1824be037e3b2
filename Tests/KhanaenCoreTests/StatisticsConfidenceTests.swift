import XCTest
@testable import KhanaenCore

final class StatisticsConfidenceTests: XCTestCase {
    private func book(_ contest: Contest, _ perJudge: [String: [LedgerEvent]]) -> SheetBook {
        SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(perJudge[$0.id] ?? []) }, chairEvents: [])
    }

    func testTheGeneratorIsXoshiro256StarStar() {
        // The reference C code (prng.di.unimi.it/xoshiro256starstar.c) from the state {1, 2, 3, 4}.
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual((0..<6).map { _ in g.next() },
                       [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600])
        // Streams of one seed differ, and each is the same every time.
        var a = Xoshiro256StarStar(seed: 7, stream: 0), b = Xoshiro256StarStar(seed: 7, stream: 1), c = Xoshiro256StarStar(seed: 7, stream: 0)
        let first = a.next()
        XCTAssertNotEqual(first, b.next())
        XCTAssertEqual(first, c.next())
    }

    func testBelowIsUniformAndInRange() {
        var g = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[Int(g.below(6))] += 1 }
        // Each count is Binomial(60000, 1/6): SD ≈ 91; 5 SDs either way.
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 460, "\(counts)") }
        XCTAssertEqual(g.below(1), 0)
    }

    /// Seven entries, five judges with varied totals; gold ×1, silver ×2. e1 is far above every
    /// other; e4 is second; e2 and e3 have the same sheets and tie across silver's last place; e7
    /// has two sheets (quorum 3).
    private func contest() throws -> SheetBook {
        let contest = try Fixtures.contest(judges: 5, entries: 7, quorum: 3)
        var events: [String: [LedgerEvent]] = [:]
        let rows: [(String, [(Double, Double, Double)])] = [
            ("e1", [(10, 20, 10), (10, 19, 10), (9.5, 20, 10), (10, 20, 9.5), (10, 19.5, 10)]),
            ("e2", [(7, 14, 7), (8, 15, 8), (6, 13, 6), (7.5, 14, 7), (8, 16, 7)]),
            ("e3", [(7, 14, 7), (8, 15, 8), (6, 13, 6), (7.5, 14, 7), (8, 16, 7)]),
            ("e4", [(9, 17, 9), (8.5, 18, 9), (9, 17.5, 8.5), (9, 18, 8), (8.5, 17, 9)]),
            ("e5", [(5, 10, 5), (6, 12, 6), (4, 9, 4), (5, 11, 6), (6, 11, 5)]),
            ("e6", [(3, 6, 3), (4, 8, 4), (2, 5, 2), (3, 7, 4), (4, 6, 3)]),
        ]
        for (entry, sheets) in rows {
            for (j, s) in sheets.enumerated() { events["j\(j + 1)", default: []] += Fixtures.sheet("j\(j + 1)", entry, s.0, s.1, s.2) }
        }
        events["j1", default: []] += Fixtures.sheet("j1", "e7", 10, 20, 10)
        events["j2", default: []] += Fixtures.sheet("j2", "e7", 10, 20, 10)
        return book(contest, events)
    }

    func testSameSeedSameResultOtherSeedOtherResult() throws {
        let b = try contest()
        for method in Method.allCases {
            let results = Scoring.compute(b, method: method)
            let one = TierConfidence.compute(book: b, results: results, resamples: 500)
            XCTAssertEqual(one, TierConfidence.compute(book: b, results: results, resamples: 500), "\(method)")
            XCTAssertEqual(one.seed, TierConfidence.defaultSeed)
            let other = TierConfidence.compute(book: b, results: results, resamples: 500, seed: 12345)
            XCTAssertNotEqual(one.entries.map { $0.counts }, other.entries.map { $0.counts }, "\(method)")
            for e in one.entries {
                XCTAssertEqual(e.counts.reduce(0, +), 500)
                XCTAssertEqual(e.probabilities.reduce(0, +), 1, accuracy: 1e-12)
            }
        }
    }

    func testTheTalliesDoNotDependOnHowTheResamplesAreSplit() throws {
        let b = try contest()
        let kernel = TierConfidence.Kernel(book: b, results: Scoring.compute(b, method: .median))
        let whole = kernel.tally(resamples: 0..<300, seed: 99)
        let parts = [0..<1, 1..<120, 120..<121, 121..<300].map { kernel.tally(resamples: $0, seed: 99) }
        XCTAssertEqual(whole, parts.reduce([Int](repeating: 0, count: whole.count)) { acc, t in zip(acc, t).map { $0 + $1 } })
    }

    func testFarAboveTheCutIsSureAndExactlyTiedIsNot() throws {
        let b = try contest()
        for method in Method.allCases {
            let results = Scoring.compute(b, method: method)
            let c = TierConfidence.compute(book: b, results: results)
            XCTAssertEqual(c.tiers, ["gold", "silver"])
            let entry = { (id: String) in c.entries.first { $0.id == id }! }
            XCTAssertGreaterThanOrEqual(c.probability(entry("e1"), "gold"), 0.99, "\(method)")
            XCTAssertGreaterThanOrEqual(c.probability(entry("e6"), nil), 0.99, "\(method)")
            // e2 and e3 are the same: each is as likely as the other to take the silver the other misses.
            for id in ["e2", "e3"] {
                XCTAssertTrue(results.entries.first { $0.id == id }!.flags.contains { $0.kind == .boundaryTie }, "\(method)")
                let silver = c.probability(entry(id), "silver")
                XCTAssertTrue((0.2...0.95).contains(silver), "\(method) \(id): silver \(silver)")
                XCTAssertGreaterThan(c.probability(entry(id), nil), 0.05, "\(method) \(id)")
            }
            XCTAssertEqual(abs(c.probability(entry("e2"), "silver") - c.probability(entry("e3"), "silver")), 0, accuracy: 0.06)
            // Below quorum: never ranked, so never awarded.
            XCTAssertFalse(entry("e7").ranked)
            XCTAssertEqual(c.probability(entry("e7"), nil), 1)
        }
    }

    /// When every judge gives an entry the same sheet, every resample is the data itself, so the
    /// bootstrap must give the proposal with certainty: ties on the score broken by the criteria,
    /// shared ranks and a boundary tie included.
    func testADegenerateBootstrapReproducesTheProposal() throws {
        var contest = try Fixtures.contest(judges: 5, entries: 9, quorum: 3)
        contest.awards = [.init(id: "gold", title: "ทอง", count: 2), .init(id: "silver", title: "เงิน", count: 3)]
        // Totals: e1 90; e2, e3 and e4 75, e2 ahead on b, e3 and e4 equal on every key; e6 and e7
        // 72.5, equal, across silver's last place; e5 70; e8 50; e9 only drafts, so unranked
        // (and no judge's normalisation figures move).
        let sheets: [(String, Double, Double, Double)] = [
            ("e1", 9, 18, 9), ("e2", 5, 20, 5), ("e3", 10, 10, 10), ("e4", 10, 10, 10), ("e5", 7, 14, 7),
            ("e6", 8, 13, 8), ("e7", 8, 13, 8), ("e8", 5, 10, 5),
        ]
        var events: [String: [LedgerEvent]] = [:]
        for j in contest.judges {
            for s in sheets { events[j.id, default: []] += Fixtures.sheet(j.id, s.0, s.1, s.2, s.3) }
            events[j.id, default: []] += Fixtures.sheet(j.id, "e9", 10, 20, 10, submit: false)
        }
        let b = book(contest, events)
        for method in Method.allCases {
            let results = Scoring.compute(b, method: method)
            XCTAssertEqual(results.entries.filter { $0.flags.contains { $0.kind == .boundaryTie } }.map { $0.id }, ["e6", "e7"])
            XCTAssertEqual(results.entries.map { $0.proposed }, ["gold", "gold", "silver", "silver", nil, nil, nil, nil, nil])
            let c = TierConfidence.compute(book: b, results: results, resamples: 50)
            for e in c.entries {
                XCTAssertEqual(c.probability(e, e.proposed), 1, "\(method) \(e.id) proposed \(e.proposed ?? "none")")
            }
            XCTAssertEqual(c.entries.map { $0.proposed }, results.entries.map { $0.proposed })
        }
    }

    /// Each resample, laid out as a contest of its own, ranked by Scoring: the kernel must propose
    /// the same tiers. (Not `normalised`, whose figures the bootstrap holds at the data's.)
    func testEachResampleProposesWhatScoringWouldOnIt() throws {
        let b = try contest()
        let contest = b.contest
        for method in [Method.mean, .median, .trimmed] {
            let results = Scoring.compute(b, method: method)
            let kernel = TierConfidence.Kernel(book: b, results: results)
            var scratch = TierConfidence.Kernel.Scratch(kernel)
            var separated = 0
            for resample in 0..<40 {
                kernel.resample(resample, seed: 5, &scratch)
                kernel.propose(&scratch)
                // Entry e's n drawn sheets go to the judges who scored it, one each.
                var events: [String: [LedgerEvent]] = [:]
                for (r, e) in kernel.ranked.enumerated() {
                    let judges = results.entries.first { $0.index == e }!.totals.map { $0.judge }
                    var drawn: [Int] = []
                    for k in kernel.offsets[r]..<kernel.offsets[r + 1] {
                        drawn += Array(repeating: Int(kernel.judges[k]), count: Int(scratch.drawn[k]))
                    }
                    XCTAssertEqual(drawn.count, judges.count)
                    for (slot, source) in drawn.enumerated() {
                        let s = b.sheet(judge: source, entry: e).scores.map { $0! }
                        let judge = contest.judges[judges[slot]].id
                        events[judge, default: []] += Fixtures.sheet(judge, contest.entries[e].id, s[0], s[1], s[2])
                    }
                }
                let again = Scoring.compute(book(contest, events), method: method)
                for (r, e) in kernel.ranked.enumerated() {
                    let proposed = again.entries.first { $0.index == e }!.proposed
                    XCTAssertEqual(kernel.places.id(scratch.tiers[r]), proposed, "\(method) resample \(resample) entry \(e)")
                }
                if again.entries.contains(where: { $0.tie?.criterion != nil }) { separated += 1 }
            }
            XCTAssertGreaterThan(separated, 0, "\(method): some resamples were decided by a tie-break criterion")
        }
    }

    func testEmptyContestsAndNoResamplesDoNotFail() throws {
        let contest = try Fixtures.contest(judges: 2, entries: 3)
        let empty = book(contest, [:])
        let c = TierConfidence.compute(book: empty, results: Scoring.compute(empty))
        XCTAssertEqual(c.entries.count, 3)
        XCTAssertTrue(c.entries.allSatisfy { !$0.ranked && $0.probabilities == [0, 0, 1] })
        let b = try self.contest()
        let none = TierConfidence.compute(book: b, results: Scoring.compute(b), resamples: 0)
        XCTAssertTrue(none.entries.allSatisfy { $0.probabilities.allSatisfy { $0 == 0 } })
        let bare = try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON().utf8), entriesJSON: Array("[]".utf8))
        let nothing = book(bare, [:])
        XCTAssertTrue(TierConfidence.compute(book: nothing, results: Scoring.compute(nothing)).entries.isEmpty)
    }
}
