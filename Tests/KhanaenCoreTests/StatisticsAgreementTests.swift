import XCTest
@testable import KhanaenCore

/// Reference numbers were computed once, on the data typed here, with Python 3.11.7:
/// pingouin 0.7.0 `intraclass_corr` (rows "ICC(A,1)" and "ICC(A,k)", which are Shrout and
/// Fleiss's ICC2 and ICC2k; pandas 3.1.1, numpy 2.4.6) and krippendorff 0.9.0
/// `alpha(reliability_data=…, level_of_measurement="interval")`, missing values as NaN.
final class StatisticsAgreementTests: XCTestCase {
    private func flat(_ rows: [[Double]]) -> [Double] { rows.flatMap { $0 } }

    /// Shrout and Fleiss (1979), Table 2: 6 targets × 4 judges.
    private let shroutFleiss: [[Double]] = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]

    func testICCMatchesPingouinOnShroutAndFleiss() {
        let icc = IntraclassCorrelation.icc2(flat(shroutFleiss), rows: 6, columns: 4)
        XCTAssertEqual(icc.single!, 0.28976377952755916, accuracy: 1e-12)  // the paper's .29
        XCTAssertEqual(icc.average!, 0.6200505475989893, accuracy: 1e-12)  // the paper's .62
    }

    func testICCMatchesPingouinOnTotals() {
        let totals: [[Double]] = [
            [82.5, 78.0, 85.0, 80.5, 79.0], [71.0, 69.5, 74.0, 70.0, 68.5], [90.0, 88.5, 92.0, 91.0, 86.0],
            [65.5, 70.0, 66.0, 62.5, 67.0], [77.0, 75.5, 80.0, 79.5, 74.0], [58.0, 61.5, 60.0, 55.5, 63.0],
            [84.0, 80.0, 83.5, 86.0, 81.5], [73.5, 76.0, 72.0, 74.5, 70.5],
        ]
        let icc = IntraclassCorrelation.icc2(flat(totals), rows: 8, columns: 5)
        XCTAssertEqual(icc.single!, 0.9359566954363863, accuracy: 1e-12)
        XCTAssertEqual(icc.average!, 0.9864996536530264, accuracy: 1e-12)
    }

    func testICCIsNilWhereItMeansNothing() {
        XCTAssertNil(IntraclassCorrelation.icc2([1, 2, 3], rows: 1, columns: 3).single, "one entry")
        XCTAssertNil(IntraclassCorrelation.icc2([1, 2, 3], rows: 3, columns: 1).single, "one judge")
        let same = IntraclassCorrelation.icc2([0.1, 0.1, 0.1, 0.1, 0.1, 0.1], rows: 3, columns: 2)
        XCTAssertNil(same.single, "every value the same: 0/0")
        XCTAssertNil(same.average)
        // n = k = 2 with neither an entry nor a judge effect: ICC(2,1)'s denominator is 0.
        let crossed = IntraclassCorrelation.icc2([1, 0, 0, 1], rows: 2, columns: 2)
        XCTAssertNil(crossed.single)
        XCTAssertNil(crossed.average)
        XCTAssertNil(IntraclassCorrelation.icc2([1, 2, 3], rows: 2, columns: 2).single, "wrong size")
        XCTAssertNil(IntraclassCorrelation.icc2([1, .nan, 3, 4], rows: 2, columns: 2).single)
    }

    func testKendallWWithTiesByHand() {
        // Judges' values (columns) for 4 entries; ranks with ties averaged:
        // j1 10 20 20 30 → 1 2.5 2.5 4 (t = 2), j2 10 10 30 40 → 1.5 1.5 3 4 (t = 2), j3 40 30 20 10 → 4 3 2 1.
        // Rank sums 6.5 7 7.5 9 about 7.5: S = 1 + 0.25 + 0 + 2.25 = 3.5.
        // W = 12 × 3.5 / (3² × (4³ − 4) − 3 × (6 + 6)) = 42 / 504 = 1/12.
        let rows: [[Double]] = [[10, 10, 40], [20, 10, 30], [20, 30, 20], [30, 40, 10]]
        XCTAssertEqual(KendallW.of(flat(rows), rows: 4, columns: 3)!, 1.0 / 12, accuracy: 1e-15)
        // Two judges with the same order and the same ties agree fully: the tie correction makes W exactly 1
        // (S = 18, 2² × 60 − 2 × 12 = 216; without the correction it would be 216/240).
        let same: [[Double]] = [[1, 5], [2, 7], [2, 7], [3, 9]]
        XCTAssertEqual(KendallW.of(flat(same), rows: 4, columns: 2)!, 1, accuracy: 1e-15)
        // Opposite orders of two judges: W = 0.
        XCTAssertEqual(KendallW.of([1, 3, 2, 2, 3, 1], rows: 3, columns: 2)!, 0, accuracy: 1e-15)
        XCTAssertNil(KendallW.of([5, 5, 5, 5], rows: 2, columns: 2), "every judge ties every entry")
        XCTAssertNil(KendallW.of([1, 2], rows: 1, columns: 2))
    }

    func testAlphaWithMissingSheetsByHand() {
        // Entry 1: 1 and 3; entry 2: 2, 2 and 5; entry 3: 4 alone, which cannot be paired.
        // N = 5, mean 2.6, SS = 9.2; Σ m·SS_u/(m − 1) = 2·2/1 + 3·6/2 = 13.
        // D_o = 2·13/5 = 5.2, D_e = 2·9.2/4 = 4.6, α = 1 − 5.2/4.6 = −3/23.
        let m = RatingMatrix(rows: [[1, 3, nil], [2, 2, 5], [4, nil, nil]])
        XCTAssertEqual(KrippendorffAlpha.interval(m)!, -3.0 / 23, accuracy: 1e-15)
        // krippendorff 0.9.0 on the same (coders × units [[1,2,4],[3,2,nan],[nan,5,nan]]): -0.13043478260869557.
        XCTAssertEqual(KrippendorffAlpha.interval(m)!, -0.13043478260869557, accuracy: 1e-12)
    }

    func testAlphaMatchesKrippendorffWithGaps() {
        // 9 entries × 4 judges, each judge missing some.
        let m = RatingMatrix(rows: [
            [7.5, 8.0, nil, 7.0], [6.0, 5.5, 6.5, nil], [9.0, 8.5, 9.5, 9.0], [nil, 7.0, 6.5, 7.5], [5.5, nil, 5.0, 6.0],
            [8.0, 7.5, nil, 8.5], [4.0, 4.5, 3.5, nil], [nil, 6.0, 5.5, 6.0], [6.5, 7.0, 6.0, nil],
        ])
        XCTAssertEqual(KrippendorffAlpha.interval(m)!, 0.9050199657729606, accuracy: 1e-12)
    }

    func testAlphaIsNilWithNothingToPair() {
        XCTAssertNil(KrippendorffAlpha.interval(RatingMatrix(rows: [[1, nil], [nil, 2]])), "no entry has two values")
        XCTAssertNil(KrippendorffAlpha.interval(RatingMatrix(rows: [[3, 3], [3, 3]])), "every value the same")
        XCTAssertNil(KrippendorffAlpha.interval(RatingMatrix(rows: [])))
        XCTAssertNil(KrippendorffAlpha.interval(RatingMatrix(rows: [[.nan, 1]])), "NaN is missing")
    }

    /// Four judges, six entries. j4 has only a draft, so no counted sheet; j2 recused from e5 and
    /// never scored e6. The complete block is e1–e4 × j1–j3.
    private func panel() throws -> (SheetBook, Results) {
        let contest = try Fixtures.contest(judges: 4, entries: 6, quorum: 1)
        let sheets: [String: [LedgerEvent]] = [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8) + Fixtures.sheet("j1", "e2", 6, 12, 7) + Fixtures.sheet("j1", "e3", 9, 17, 9)
                + Fixtures.sheet("j1", "e4", 5, 11, 6) + Fixtures.sheet("j1", "e5", 7, 14, 7) + Fixtures.sheet("j1", "e6", 4, 9, 5),
            "j2": Fixtures.sheet("j2", "e1", 7, 15, 8) + Fixtures.sheet("j2", "e2", 7, 13, 6) + Fixtures.sheet("j2", "e3", 9, 18, 8)
                + Fixtures.sheet("j2", "e4", 6, 10, 5) + [LedgerEvent(actor: "j2", kind: .recuse, entry: "e5", text: "ญาติ")],
            "j3": Fixtures.sheet("j3", "e1", 9, 17, 9) + Fixtures.sheet("j3", "e2", 5, 12, 6) + Fixtures.sheet("j3", "e3", 10, 19, 9)
                + Fixtures.sheet("j3", "e4", 4, 10, 4) + Fixtures.sheet("j3", "e5", 8, 15, 7) + Fixtures.sheet("j3", "e6", 5, 10, 5),
            "j4": Fixtures.sheet("j4", "e1", 8, 16, 8, submit: false),
        ]
        let book = SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(sheets[$0.id] ?? []) }, chairEvents: [])
        return (book, Scoring.compute(book))
    }

    func testTheBlockAndTheFiguresFromSheets() throws {
        let (book, results) = try panel()
        let totals = RatingMatrix.totals(results)
        XCTAssertEqual(totals.entries, 6)
        XCTAssertEqual(totals.judges, 4)
        XCTAssertEqual(totals[0, 0], 80)
        XCTAssertNil(totals[0, 3], "a draft does not count")
        XCTAssertNil(totals[4, 1], "recused")
        let block = CompleteBlock(totals)
        XCTAssertEqual(block.judges, [0, 1, 2])
        XCTAssertEqual(block.entries, [0, 1, 2, 3])
        XCTAssertEqual(block.values, [80, 75, 87.5, 62.5, 65, 57.5, 87.5, 87.5, 95, 55, 52.5, 45])

        let agreement = PanelAgreement.compute(book: book, results: results)
        XCTAssertEqual(agreement.totals.entries, 4)
        XCTAssertEqual(agreement.totals.judges, 3)
        // pingouin on the block above.
        XCTAssertEqual(agreement.totals.icc2_1!, 0.9245283018867922, accuracy: 1e-12)
        XCTAssertEqual(agreement.totals.icc2_k!, 0.9735099337748343, accuracy: 1e-12)
        // Every judge orders e4 < e2 < e1 < e3.
        XCTAssertEqual(agreement.totals.kendallW!, 1, accuracy: 1e-15)
        // krippendorff over every counted total, e5 and e6 included (coders × units, j4 all NaN).
        XCTAssertEqual(agreement.totals.alpha!, 0.9191063174114021, accuracy: 1e-12)

        XCTAssertEqual(agreement.criteria.map { $0.id }, ["a", "b", "c"])
        let b = agreement.criteria[1].agreement
        XCTAssertEqual(RatingMatrix.criterion(1, book: book, results: results)[5, 2], 10)
        XCTAssertEqual(b.entries, 4)
        // pingouin on b's block [[16,15,17],[12,13,12],[17,18,19],[11,10,10]].
        XCTAssertEqual(b.icc2_1!, 0.9464285714285714, accuracy: 1e-12)
        XCTAssertEqual(b.icc2_k!, 0.9814814814814815, accuracy: 1e-12)
        XCTAssertEqual(b.alpha!, 0.9390243902439024, accuracy: 1e-12)
        // Criterion a by hand: j1 8 6 9 5, j2 7 7 9 6, j3 9 5 10 4. Ranks j1 3 2 4 1, j2 2.5 2.5 4 1 (t = 2),
        // j3 3 2 4 1. Sums 8.5 6.5 12 3 about 7.5: S = 1 + 1 + 20.25 + 20.25 = 42.5.
        // W = 12 × 42.5 / (9 × 60 − 3 × 6) = 510 / 522.
        XCTAssertEqual(agreement.criteria[0].agreement.kendallW!, 510.0 / 522, accuracy: 1e-15)
    }

    /// Issue 18: "α 0.79 — ข้อมูลไม่พอ" beside "1 ผลงาน × 5 กรรมการ" with 80 sheets in: four judges
    /// had scored every entry and the fifth one, and the block shrank to that one entry. The block
    /// now leaves that judge out, and each figure computed says what it was computed on.
    func testEachFigureSaysWhatItWasComputedOn() throws {
        let contest = try Fixtures.contest(judges: 5, entries: 6)
        var judgeEvents: [[LedgerEvent]] = []
        for j in 1...4 {
            var events: [LedgerEvent] = []
            for e in 1...6 {
                let a = Double(e), b = Double(2 * e + j % 2), c: Double = j == 3 ? Double(e) + 0.5 : Double(e)
                events += Fixtures.sheet("j\(j)", "e\(e)", a, b, c)
            }
            judgeEvents.append(Fixtures.numbered(events))
        }
        judgeEvents.append(Fixtures.numbered(Fixtures.sheet("j5", "e1", 2, 3, 1)))
        let book = SheetBook(contest: contest, judgeEvents: judgeEvents, chairEvents: [])
        let a = PanelAgreement.compute(book: book, results: Scoring.compute(book)).totals
        XCTAssertEqual([a.entries, a.judges], [6, 4], "j5, with one sheet, is left out of the block")
        XCTAssertEqual(CompleteBlock(.totals(Scoring.compute(book))).judges, [0, 1, 2, 3])
        XCTAssertNotNil(a.icc2_1)
        XCTAssertEqual([a.alphaValues, a.alphaEntries], [25, 6], "alpha takes j5's sheet too")
        let th = ReportWords(.th).agreementFigures(a)
        XCTAssertTrue(th.hasPrefix("ICC(2,1) "), th)
        XCTAssertTrue(th.contains(" (6 ผลงาน × 4 กรรมการ ที่ให้คะแนนครบ) · α "), th)
        XCTAssertTrue(th.hasSuffix(" (25 ใบ ของ 6 ผลงาน)"), th)
        XCTAssertFalse(th.contains("—") || th.contains("ข้อมูลไม่พอ"), th)
        XCTAssertTrue(ReportWords(.en).agreementFigures(a).hasSuffix(" (25 sheets of 6 entries)"))

        // No two judges share more than one entry: no block to speak of, alpha over the pairs.
        // A figure not computed is absent, not a dash beside a number.
        let three = try Fixtures.contest(judges: 3, entries: 6)
        let sparse = SheetBook(contest: three, judgeEvents: [
            Fixtures.numbered(Fixtures.sheet("j1", "e1", 5, 10, 5) + Fixtures.sheet("j1", "e2", 7, 14, 7) + Fixtures.sheet("j1", "e3", 3, 6, 3)),
            Fixtures.numbered(Fixtures.sheet("j2", "e1", 6, 10, 5) + Fixtures.sheet("j2", "e4", 8, 16, 8) + Fixtures.sheet("j2", "e5", 2, 4, 2)),
            Fixtures.numbered(Fixtures.sheet("j3", "e2", 7, 15, 7) + Fixtures.sheet("j3", "e4", 8, 17, 8) + Fixtures.sheet("j3", "e6", 4, 8, 4)),
        ], chairEvents: [])
        let b = PanelAgreement.compute(book: sparse, results: Scoring.compute(sparse)).totals
        XCTAssertFalse(b.blockComputed)
        XCTAssertNotNil(b.alpha)
        XCTAssertEqual([b.alphaValues, b.alphaEntries], [6, 3])
        let text = ReportWords(.th).agreementFigures(b)
        XCTAssertTrue(text.hasPrefix("α ") && text.hasSuffix(" (6 ใบ ของ 3 ผลงาน)"), text)
        XCTAssertFalse(text.contains("—") || text.contains("ICC(2") || text.contains("ข้อมูลไม่พอ"), text)
        // The design as it is: a one-way ICC beside alpha, where the block has none.
        XCTAssertNotNil(b.icc1)
        XCTAssertTrue(text.contains("ICC(1) "), text)
    }

    func testEmptyAndSparseContestsGiveNilNotNaN() throws {
        let contest = try Fixtures.contest(judges: 3, entries: 4)
        let empty = SheetBook(contest: contest, judgeEvents: [[], [], []], chairEvents: [])
        let none = PanelAgreement.compute(book: empty, results: Scoring.compute(empty))
        for a in [none.totals] + none.criteria.map({ $0.agreement }) {
            XCTAssertEqual([a.entries, a.judges], [0, 0])
            XCTAssertEqual([a.icc2_1, a.icc2_k, a.kendallW, a.alpha], [nil, nil, nil, nil])
        }
        // One judge only: no pairs at all.
        let one = SheetBook(contest: contest, judgeEvents: [Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8)
                                                                              + Fixtures.sheet("j1", "e2", 5, 10, 5)), [], []],
                            chairEvents: [])
        let a = PanelAgreement.compute(book: one, results: Scoring.compute(one))
        XCTAssertEqual(a.totals.judges, 1)
        XCTAssertEqual(a.totals.entries, 2)
        XCTAssertNil(a.totals.icc2_1)
        XCTAssertNil(a.totals.kendallW)
        XCTAssertNil(a.totals.alpha)
        // No entries at all.
        let bare = try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON().utf8), entriesJSON: Array("[]".utf8))
        let nothing = SheetBook(contest: bare, judgeEvents: [[], [], []], chairEvents: [])
        XCTAssertEqual(PanelAgreement.compute(book: nothing, results: Scoring.compute(nothing)).totals.entries, 0)
    }
}
