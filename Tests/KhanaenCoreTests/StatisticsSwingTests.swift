import XCTest
@testable import KhanaenCore

/// The swing against brute force: every total one sheet could be given (multiples of
/// 100 × 0.5 / 40 = 1.25 in 0…100) tried one at a time, on small random contests with ties.
final class StatisticsSwingTests: XCTestCase {
    private func book(_ contest: Contest, _ perJudge: [String: [LedgerEvent]]) -> SheetBook {
        SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(perJudge[$0.id] ?? []) }, chairEvents: [])
    }

    /// A sheet giving `points` (a multiple of 0.5 within 0…40) over criteria a (10), b (20), c (10).
    private func sheet(_ judge: String, _ entry: String, points: Double) -> [LedgerEvent] {
        let a = min(10, points), b = min(20, points - a)
        return Fixtures.sheet(judge, entry, a, b, points - a - b)
    }

    /// Few distinct scores, so that scores tie and tie-breaks decide; some sheets missing.
    private func randomContest(_ rng: inout SplitMix64, judges: Int, tieBreak: Bool, tiers: [Int]) throws -> SheetBook {
        var contest = try Fixtures.contest(judges: judges, entries: 7, quorum: 3, extra: tieBreak ? "" : #" "tieBreak": [],"#)
        contest.awards = tiers.enumerated().map { .init(id: "t\($0.offset + 1)", title: "รางวัล \($0.offset + 1)", count: $0.element) }
        var events: [String: [LedgerEvent]] = [:]
        for j in contest.judges {
            for e in contest.entries where Int.random(in: 0..<8, using: &rng) != 0 {
                let quality = Double(Int(e.id.dropFirst())!)
                let a = [5.0, 6, 7, 8, 9].randomElement(using: &rng)!, b = [10.0, 12, 14, 16, 18].randomElement(using: &rng)!
                let c = min(10, max(0, [4.0, 6, 8].randomElement(using: &rng)! + (quality < 3 ? 2 : 0)))
                events[j.id, default: []] += Fixtures.sheet(j.id, e.id, a, b, c)
            }
        }
        return book(contest, events)
    }

    private func score(_ v: [Double], _ method: Method) -> Double {
        let s = v.sorted(), n = v.count
        switch method {
        case .mean, .normalised: return v.reduce(0, +) / Double(n)
        case .median: return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
        case .trimmed: return n >= 5 ? s[1..<(n - 1)].reduce(0, +) / Double(n - 2) : v.reduce(0, +) / Double(n)
        }
    }

    /// The tier of ranked entry q with this score, every other entry as it is and q's tie-break
    /// means held: ranked as Scoring ranks, tiers filled by Scoring's own `proposeAwards`.
    private func tier(_ results: Results, _ contest: Contest, entry q: Int, score: Double) -> String? {
        let order = contest.tieBreak.compactMap { contest.criterionIndex($0) }
        var ranked = results.ranked
        ranked[q].score = score
        let keys = ranked.map { r in [TwoDecimals.key(r.score!)] + order.map { TwoDecimals.key(r.criterionMeans[$0]!) } }
        let sorted = ranked.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b], by: >) : ranked[a].id < ranked[b].id
        }
        var inOrder = sorted.map { ranked[$0] }
        for k in inOrder.indices {
            inOrder[k].rank = k > 0 && keys[sorted[k]] == keys[sorted[k - 1]] ? inOrder[k - 1].rank : k + 1
            inOrder[k].flags = []
        }
        Scoring.proposeAwards(&inOrder, contest: contest)
        return inOrder.first { $0.id == ranked[q].id }!.proposed
    }

    private struct Expected: Equatable {
        var judge: Int, direction: Swing.Direction, to: Double, tier: String?
    }

    /// The smallest change found by trying totals ever further from each sheet's, one grid step
    /// at a time: at each distance every sheet in judge order, up before down.
    private func bruteForce(_ results: Results, _ contest: Contest, entry q: Int) -> Expected? {
        let r = results.ranked[q]
        let method = results.method
        let values = method == .normalised ? r.normalisedTotals! : r.totals.map { $0.total }
        let now = r.proposed
        XCTAssertEqual(tier(results, contest, entry: q, score: r.score!), now, "the reference agrees with Scoring")
        for distance in 1...80 {
            for (i, sheet) in r.totals.enumerated() {
                let judge = results.judges[sheet.judge]
                let current = Int((sheet.total / 1.25).rounded())
                for (direction, k) in [(Swing.Direction.up, current + distance), (.down, current - distance)] where (0...80).contains(k) {
                    let x = 100 * (Double(k) * 0.5) / 40
                    var v = values
                    if method == .normalised && judge.normalisable {
                        v[i] = min(100, max(0, results.contestMean! + results.contestSD! * (x - judge.mean!) / judge.sd!))
                    } else {
                        v[i] = x
                    }
                    let t = tier(results, contest, entry: q, score: score(v, method))
                    if t != now { return Expected(judge: sheet.judge, direction: direction, to: x, tier: t) }
                }
            }
        }
        return nil
    }

    func testSwingEqualsBruteForceForEveryMethod() throws {
        var rng = SplitMix64(seed: 14)
        var seen = Set<String>()
        for round in 0..<16 {
            let judges = round % 2 == 0 ? 5 : 6
            let tiers = round % 3 == 0 ? [1, 2, 2] : [1, 2]
            let b = try randomContest(&rng, judges: judges, tieBreak: true, tiers: tiers)
            for method in Method.allCases {
                let results = Scoring.compute(b, method: method)
                let swings = Swing.compute(contest: b.contest, results: results)
                XCTAssertEqual(swings.map { $0.id }, results.ranked.map { $0.id })
                for (q, s) in swings.enumerated() {
                    XCTAssertEqual(s.tier, results.ranked[q].proposed)
                    let expected = bruteForce(results, b.contest, entry: q)
                    let got = s.change.map { Expected(judge: $0.judge, direction: $0.direction, to: $0.to, tier: $0.tier) }
                    XCTAssertEqual(got, expected, "round \(round) \(method) \(s.id)")
                    if let c = s.change {
                        XCTAssertEqual(c.from, results.ranked[q].totals.first { $0.judge == c.judge }!.total)
                        XCTAssertEqual(c.judgeID, b.contest.judges[c.judge].id)
                        seen.insert("\(method) \(c.direction)")
                    } else {
                        seen.insert("\(method) none")
                    }
                }
            }
        }
        for method in Method.allCases { for what in ["up", "down"] { XCTAssertTrue(seen.contains("\(method) \(what)"), "\(method) \(what)") } }
        XCTAssertTrue(seen.contains { $0.hasSuffix("none") }, "some entries cannot be moved by one sheet")
    }

    /// With no tie-break criteria the held means play no part, so the swing can be checked against
    /// Scoring itself on a ledger in which one sheet's scores really change: the change found
    /// changes the tier, no smaller one does, and where there is none, neither 0 nor 100 on any
    /// sheet changes it (an entry's score, and so its tier, only moves one way with a sheet's total).
    func testSwingEqualsScoringOnChangedSheets() throws {
        var rng = SplitMix64(seed: 1414)
        var changed = 0, unchanged = 0
        for round in 0..<12 {
            let b = try randomContest(&rng, judges: 5 + round % 2, tieBreak: false, tiers: [1, 2])
            let contest = b.contest
            // Each judge's events per entry, so that one sheet can be swapped.
            let perSheet = contest.judges.indices.map { j in
                contest.entries.indices.map { e -> [LedgerEvent] in
                    let sheet = b.sheet(judge: j, entry: e)
                    return sheet.status == .submitted ? self.sheet(contest.judges[j].id, contest.entries[e].id, points: sheet.points) : []
                }
            }
            for method in [Method.mean, .median, .trimmed] {
                let results = Scoring.compute(b, method: method)
                func proposal(_ entry: Int, judge: Int, total: Double) -> String? {
                    var events: [String: [LedgerEvent]] = [:]
                    for j in contest.judges.indices {
                        for e in contest.entries.indices {
                            events[contest.judges[j].id, default: []] += j == judge && e == entry
                                ? self.sheet(contest.judges[j].id, contest.entries[e].id, points: (total / 1.25).rounded() * 0.5)
                                : perSheet[j][e]
                        }
                    }
                    return Scoring.compute(book(contest, events), method: method).entries.first { $0.index == entry }!.proposed
                }
                for s in Swing.compute(contest: contest, results: results) {
                    let r = results.entries.first { $0.id == s.id }!
                    guard let c = s.change else {
                        for (judge, _) in r.totals {
                            XCTAssertEqual(proposal(r.index, judge: judge, total: 0), r.proposed, "round \(round) \(method) \(s.id)")
                            XCTAssertEqual(proposal(r.index, judge: judge, total: 100), r.proposed, "round \(round) \(method) \(s.id)")
                        }
                        unchanged += 1
                        continue
                    }
                    changed += 1
                    XCTAssertEqual(proposal(r.index, judge: c.judge, total: c.to), c.tier, "round \(round) \(method) \(s.id)")
                    XCTAssertNotEqual(c.tier, r.proposed)
                    // One step short of the swing, every sheet either way (within 0…100), keeps the tier;
                    // so, by that one-way movement, does everything nearer.
                    let short = c.points - 1.25
                    for (judge, total) in r.totals {
                        for x in [min(100, total + short), max(0, total - short)] where x != total {
                            XCTAssertEqual(proposal(r.index, judge: judge, total: x), r.proposed, "round \(round) \(method) \(s.id): \(x)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(changed, 10)
        XCTAssertGreaterThan(unchanged, 0)
    }

    func testByHand() throws {
        // gold ×1, silver ×2; mean; two judges. Totals (j1, j2) and b means (the first tie-break):
        // e1 80 80 (b 20), e2 75 70 (b 19), e3 65 65 (b 16), e4 50 50 (b 10). A grid step is 1.25.
        let contest = try Fixtures.contest(judges: 2, entries: 4, quorum: 2)
        var events: [String: [LedgerEvent]] = [:]
        for (j, rows) in [("j1", [32.0, 30, 26, 20]), ("j2", [32.0, 28, 26, 20])] {
            for (e, points) in rows.enumerated() { events[j, default: []] += sheet(j, "e\(e + 1)", points: points) }
        }
        let results = Scoring.compute(book(contest, events))
        XCTAssertEqual(results.ranked.map { $0.proposed }, ["gold", "silver", "silver", nil])
        let swings = Swing.compute(contest: contest, results: results)
        // e1 loses gold below e2: e1's b mean is higher, so a mean equal to e2's 72.5 keeps it first;
        // it needs 72.49 at most, (x + 80)/2 < 72.495, x < 64.99: 63.75 on the grid, −16.25 (j1 first).
        XCTAssertEqual(swings[0].change, Swing.Change(judge: 0, judgeID: "j1", direction: .down, from: 80, to: 63.75, tier: "silver"))
        // e2 passes e1 only above 80 (its b mean is lower): (x + 70)/2 ≥ 80.005, x ≥ 90.01: 91.25,
        // +16.25; j2's sheet needs the same. Down, it would have to fall below e4: −46.25.
        XCTAssertEqual(swings[1].change, Swing.Change(judge: 0, judgeID: "j1", direction: .up, from: 75, to: 91.25, tier: "gold"))
        XCTAssertEqual(swings[1].change?.points, 16.25)
        // e3: up to gold needs a mean ≥ 80.005, x ≥ 95.01: 96.25, +31.25; down to none needs a mean
        // under e4's 50 (its b mean is higher), x < 34.99: 33.75, −31.25. Equal: up first.
        XCTAssertEqual(swings[2].change, Swing.Change(judge: 0, judgeID: "j1", direction: .up, from: 65, to: 96.25, tier: "gold"))
        // e4 takes silver above e3's 65 (e4's b mean is lower): x ≥ 80.01: 81.25, +31.25.
        XCTAssertEqual(swings[3].change, Swing.Change(judge: 0, judgeID: "j1", direction: .up, from: 50, to: 81.25, tier: "silver"))
    }

    func testUnrankedAndEmptyAndTiny() throws {
        let contest = try Fixtures.contest(judges: 2, entries: 3, quorum: 2)
        let empty = book(contest, [:])
        XCTAssertTrue(Swing.compute(contest: contest, results: Scoring.compute(empty)).isEmpty, "nothing ranked")
        // One ranked entry: nothing to pass or fall below.
        let one = book(contest, ["j1": sheet("j1", "e1", points: 30), "j2": sheet("j2", "e1", points: 20) + sheet("j2", "e2", points: 10)])
        for method in Method.allCases {
            let swings = Swing.compute(contest: contest, results: Scoring.compute(one, method: method))
            XCTAssertEqual(swings.map { $0.id }, ["e1"])
            XCTAssertNil(swings[0].change)
        }
    }
}
