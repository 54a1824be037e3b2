import XCTest
@testable import KhanaenCore

/// Spearman's reference numbers were computed once with scipy 1.17.1 `scipy.stats.spearmanr`
/// (Python 3.11.7, numpy 2.4.6) on the data typed here.
final class StatisticsPatternsTests: XCTestCase {
    func testSpearmanMatchesScipy() {
        let x = (1...12).map(Double.init)
        let r = Spearman.of(x, [70, 72.5, 71, 75, 74, 74, 78, 77.5, 80, 76, 82, 81])!
        XCTAssertEqual(r.rho, 0.9141870411815418, accuracy: 1e-12)
        XCTAssertEqual(r.p, 3.1685945855277265e-05, accuracy: 1e-15)
        XCTAssertEqual(r.p / 3.1685945855277265e-05, 1, accuracy: 1e-9)
        let s = Spearman.of(x, [80, 78, 81, 79, 80, 77, 82, 78, 80, 79, 81, 80])!
        XCTAssertEqual(s.rho, 0.14673020240898965, accuracy: 1e-12)
        XCTAssertEqual(s.p, 0.6490730213318353, accuracy: 1e-12)
        XCTAssertEqual(Spearman.of([1, 2, 3, 4], [4, 3, 2, 1])!.rho, -1)
        XCTAssertEqual(Spearman.of([1, 2, 3, 4], [4, 3, 2, 1])!.p, 0)
        XCTAssertNil(Spearman.of([1, 2, 3], [5, 5, 5]), "no order to correlate with")
        XCTAssertNil(Spearman.of([1, 2], [1, 2]))
        XCTAssertNil(Spearman.of([1, 2, 3], [1, 2]))
    }

    func testIncompleteBetaAgainstClosedForms() {
        // I_x(1, 1) = x; I_x(a, 1) = xᵃ; I_x(1/2, 1/2) = (2/π) asin(√x); t with 1 df is Cauchy: P(|T| ≥ 1) = 1/2.
        XCTAssertEqual(IncompleteBeta.regularized(0.3, 1, 1), 0.3, accuracy: 1e-14)
        XCTAssertEqual(IncompleteBeta.regularized(0.7, 3, 1), 0.343, accuracy: 1e-14)
        XCTAssertEqual(IncompleteBeta.regularized(0.2, 0.5, 0.5), 2 / Double.pi * asin(0.2.squareRoot()), accuracy: 1e-13)
        XCTAssertEqual(StudentT.twoSidedP(1, degreesOfFreedom: 1), 0.5, accuracy: 1e-14)
        // 2 df: P(|T| ≥ t) = 1 − t/√(t² + 2).
        XCTAssertEqual(StudentT.twoSidedP(3, degreesOfFreedom: 2), 1 - 3 / 11.0.squareRoot(), accuracy: 1e-14)
    }

    /// 15 entries, five judges, each judge's sheets in entry order (so in time order):
    /// j1 ordinary; j2 ordinary but 2 points lower on every criterion; j3 gives an entry the same
    /// share on every criterion (halo); j4 gives 11 of 15 entries 30 points (flat); j5's totals
    /// climb with the order scored, whatever the entry (drift).
    static let quality = [7, 3, 9, 1, 12, 5, 14, 8, 2, 11, 6, 13, 4, 10, 0]

    static func sheets() -> [String: [LedgerEvent]] {
        var events: [String: [LedgerEvent]] = [:]
        func add(_ j: String, _ e: Int, _ a: Double, _ b: Double, _ c: Double) { events[j, default: []] += Fixtures.sheet(j, "e\(e + 1)", a, b, c) }
        let flat: [(Double, Double, Double)] = [(8, 14, 8), (6, 16, 8), (9, 13, 8), (7, 15, 8), (10, 12, 8), (8, 16, 6), (5, 17, 8), (9, 14, 7)]
        for (e, q) in quality.enumerated() {
            let qd = Double(q)
            let a = Double(3 + (q * 7 + 3) % 7), c = Double(3 + (q * 5 + 2) % 7), b = min(20, 6 + qd)
            add("j1", e, a, b, c)
            add("j2", e, max(0, a - 2), max(0, b - 2), max(0, c - 2))
            let share = 0.35 + 0.04 * qd
            let h = (share * 20).rounded() / 2
            add("j3", e, h, (share * 40).rounded() / 2, h)
            if e < 11 { let f = flat[e % flat.count]; add("j4", e, f.0, f.1, f.2) } else { add("j4", e, a, b, c) }
            add("j5", e, Double(3 + e % 4), min(20, 8 + Double(e)), Double(3 + (e * 3) % 5))
        }
        return events
    }

    private func panel() throws -> (SheetBook, Results) {
        let contest = try Fixtures.contest(judges: 5, entries: 15)
        let events = Self.sheets()
        let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(events[$0.id] ?? []) }, chairEvents: [])
        return (book, Scoring.compute(book))
    }

    /// Issue 18: the demo's judges scored in id order, which is also the order of quality, and all
    /// were flagged for drift. Five judges score 15 entries best first, each with its own small
    /// wobble: their totals fall with the order, but only j5, whose totals climb against the
    /// panel's as they go, drifts.
    func testJudgesScoringTheBestFirstAreNotFlaggedForDrift() throws {
        let contest = try Fixtures.contest(judges: 5, entries: 15)
        var events: [String: [LedgerEvent]] = [:]
        for e in 0..<15 {
            let q = Double(14 - e)   // entry e1 is the best, e15 the least
            for j in 1...5 {
                let wobble = Double((e * 7 + j * 3) % 5) * 0.5 - 1
                var b = min(20, 4 + q + wobble)
                if j == 5 { b = min(20, max(0, 4 + q - 3 + Double(e) * 0.5)) }   // from 3 below the panel to 4 above
                events["j\(j)", default: []] += Fixtures.sheet("j\(j)", "e\(e + 1)", 2 + (q / 2).rounded(.down), b, 3 + (q / 3).rounded(.down))
            }
        }
        let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(events[$0.id] ?? []) }, chairEvents: [])
        let results = Scoring.compute(book)
        let p = JudgePatterns.compute(book: book, results: results)
        // Every judge's raw totals fall steeply with the order written.
        for j in 0..<4 {
            let totals = results.entries.sorted { $0.index < $1.index }.map { e in e.totals.first { $0.judge == j }!.total }
            XCTAssertLessThan(Spearman.of((0..<15).map(Double.init), totals)!.rho, -0.9)
        }
        XCTAssertEqual(p.filter { $0.drift.flagged }.map { $0.id }, ["j5"])
        XCTAssertGreaterThan(p[4].drift.value!, 0.3)
        XCTAssertEqual(p.map { $0.drift.sheets }, [15, 15, 15, 15, 15])
    }

    func testConstructedJudges() throws {
        let (book, results) = try panel()
        let p = JudgePatterns.compute(book: book, results: results)
        XCTAssertEqual(p.map { $0.id }, ["j1", "j2", "j3", "j4", "j5"])
        XCTAssertEqual(p.map { $0.counted }, [15, 15, 15, 15, 15])
        XCTAssertEqual(p.filter { $0.halo.flagged }.map { $0.id }, ["j3"])
        XCTAssertEqual(p.filter { $0.flat.flagged }.map { $0.id }, ["j4"])
        // j4's first 11 sheets are flat, well below the panel, and the last 4 ordinary: its residuals
        // climb with the order written, which is drift too.
        XCTAssertEqual(p.filter { $0.drift.flagged }.map { $0.id }, ["j4", "j5"])
        XCTAssertTrue(p[1].severity.flagged)
        XCTAssertLessThan(p[1].severity.value!, 0, "j2 is severe")
        XCTAssertFalse(p[0].halo.flagged || p[0].flat.flagged || p[0].drift.flagged || p[0].severity.flagged, "j1 is ordinary")
        XCTAssertFalse(p[1].drift.flagged || p[2].drift.flagged, "j2 is severe and j3 haloed, but neither drifts")

        // j5's totals in the order scored, and its residuals: each total minus the other four judges' mean.
        let byEntry = results.entries.sorted { $0.index < $1.index }
        let j5 = byEntry.map { e in e.totals.first { $0.judge == 4 }!.total }
        XCTAssertEqual(j5, [35.0, 47.5, 47.5, 60.0, 50.0, 50.0, 62.5, 62.5, 65.0, 65.0, 65.0, 77.5, 67.5, 77.5, 75.0])
        let residuals = byEntry.map { e -> Double in
            let others = e.totals.filter { $0.judge != 4 }.map { $0.total }
            return e.totals.first { $0.judge == 4 }!.total - others.reduce(0, +) / Double(others.count)
        }
        let expected = Spearman.of((0..<15).map(Double.init), residuals)!
        XCTAssertEqual(p[4].drift.value!, expected.rho, accuracy: 1e-12)
        XCTAssertEqual(p[4].driftP!, expected.p, accuracy: 1e-15)
        XCTAssertNotEqual(p[4].drift.value!, Spearman.of((0..<15).map(Double.init), j5)!.rho, accuracy: 1e-6, "residuals, not totals")
        XCTAssertEqual(p[4].drift.sheets, 15)
        // The same order given explicitly, and reversed.
        let inOrder = Array(0..<15)
        let given = JudgePatterns.compute(book: book, results: results, order: Array(repeating: inOrder, count: 5))
        XCTAssertEqual(given[4].drift.value!, expected.rho, accuracy: 1e-12)
        let reversed = JudgePatterns.compute(book: book, results: results, order: Array(repeating: Array(inOrder.reversed()), count: 5))
        XCTAssertEqual(reversed[4].drift.value!, -expected.rho, accuracy: 1e-12)
        XCTAssertTrue(reversed[4].drift.flagged)
        // A threshold above the figure turns the flag off.
        var strict = PatternThresholds()
        strict.driftRho = expected.rho + 0.01
        XCTAssertFalse(JudgePatterns.compute(book: book, results: results, thresholds: strict)[4].drift.flagged)
        // The panel's side of j1's halo ratio: the mean over the other judges' sheets of their shares' SD.
        var sds: [Double] = []
        for e in 0..<15 {
            for j in 1..<5 {
                let s = book.sheet(judge: j, entry: e).scores.map { $0! }
                let shares = [s[0] / 10, s[1] / 20, s[2] / 10], m = shares.reduce(0, +) / 3
                sds.append((shares.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 3).squareRoot())
            }
        }
        XCTAssertEqual(p[0].panelShareSD!, sds.reduce(0, +) / Double(sds.count), accuracy: 1e-12)
        // j3's halo: its shares differ only by rounding to half points.
        XCTAssertLessThan(p[2].halo.value!, 0.1)
        XCTAssertEqual(p[2].halo.value!, p[2].shareSD! / p[2].panelShareSD!, accuracy: 1e-15)

        // j4: 11 of 15 totals are 75 (30 points).
        XCTAssertEqual(p[3].flat.value!, 11.0 / 15, accuracy: 1e-15)
        XCTAssertEqual(p[3].mostFrequentTotal, 75)
        XCTAssertEqual(p[3].flat.sheets, 15)

        // Every judge scored every entry, so severity is (judge's mean − panel's mean) / panel SD.
        let all = results.entries.flatMap { $0.totals.map { $0.total } }
        let mean = all.reduce(0, +) / Double(all.count)
        for j in p {
            let own = results.entries.flatMap { $0.totals.filter { $0.judge == j.judge }.map { $0.total } }
            XCTAssertEqual(j.severity.value!, (own.reduce(0, +) / Double(own.count) - mean) / results.contestSD!, accuracy: 1e-12)
        }
    }

    func testMinimumSheetsAndNothingToCompareWith() throws {
        let contest = try Fixtures.contest(judges: 2, entries: 5)
        // j1 four sheets, all 75; j2 none.
        var events: [LedgerEvent] = []
        for e in 1...4 { events += Fixtures.sheet("j1", "e\(e)", 7.5, 15, 7.5) }
        let book = SheetBook(contest: contest, judgeEvents: [Fixtures.numbered(events), []], chairEvents: [])
        let p = JudgePatterns.compute(book: book, results: Scoring.compute(book))
        for j in p {
            for figure in [j.halo, j.flat, j.drift, j.severity] {
                XCTAssertNil(figure.value)
                XCTAssertFalse(figure.flagged)
            }
        }
        XCTAssertEqual(p[0].counted, 4)
        XCTAssertEqual(p[0].shareSD, 0)
        XCTAssertNil(p[0].panelShareSD, "no other judge")
        var lax = PatternThresholds()
        lax.flatMinSheets = 4
        XCTAssertEqual(JudgePatterns.compute(book: book, results: Scoring.compute(book), thresholds: lax)[0].flat.value, 1)
    }
}
