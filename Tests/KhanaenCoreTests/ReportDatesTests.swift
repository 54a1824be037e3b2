import XCTest
@testable import KhanaenCore

/// Dates a reader sees are in the Buddhist era in Thai and Gregorian in English, in local
/// time; the ledger and the JSON keep UTC ISO timestamps.
final class ReportDatesTests: XCTestCase {
    /// 2 ธ.ค. 2569 (2026) 14:05 in Bangkok.
    private let time = Timestamp.parse("2026-12-02T07:05:00.000Z")!
    private let bangkok = 7 * 3600

    private func decided() throws -> (Results, LedgerSummary) {
        let contest = try Fixtures.contest(judges: 2)
        var override = LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: "มติที่ประชุม")
        override.seq = 1
        override.time = time
        let book = SheetBook(contest: contest, judgeEvents: [Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8)),
                                                             Fixtures.numbered(Fixtures.sheet("j2", "e1", 8, 16, 8))],
                             chairEvents: [override])
        return (Scoring.compute(book), LedgerSummary(contest: contest, files: [], warnings: [], strays: []))
    }

    func testTheReportsShowTheChairsDecisionsInTheReadersEra() throws {
        let (r, summary) = try decided()
        let th = ReportTable.text(r, ledger: summary, language: .th, utcOffset: bangkok)
        XCTAssertTrue(th.contains("  * e1: ทอง (chair, 2 ธ.ค. 2569 14:05): มติที่ประชุม"), th)
        XCTAssertFalse(th.contains("2026"), "no Gregorian year in Thai: \(th)")
        let en = ReportTable.text(r, ledger: summary, language: .en, utcOffset: bangkok)
        XCTAssertTrue(en.contains("  * e1: ทอง (chair, 2 Dec 2026 14:05): มติที่ประชุม"), en)
        let minutes = ReportMarkdown.ranking(r, ledger: summary, utcOffset: bangkok)
        XCTAssertTrue(minutes.contains("- e1: ทอง (chair, 2 ธ.ค. 2569 14:05): มติที่ประชุม"), minutes)
        XCTAssertTrue(ReportJSON.text(r, ledger: summary).contains("\"at\": \"2026-12-02T07:05:00.000Z\""), "JSON keeps UTC ISO")
    }

    func testTheEligibilityTableShowsWhenTheChairDecided() throws {
        let contest = try Fixtures.contest()
        let config = Contest.Eligibility(closes: CalendarDate(iso: "2023-09-24")!)
        let decisions = ["e1": EligibilityDecision(status: .fail, reason: "ส่งช้า", by: "chair", time: time)]
        let results = EligibilityRules.evaluate(contest.entries, config: config, decisions: decisions)
        let th = EligibilityReport.table(results, contest: contest, language: .th, utcOffset: bangkok)
        XCTAssertTrue(th.contains("ประธานกรรมการ (chair, 2 ธ.ค. 2569 14:05; ตามเกณฑ์: ต้องพิจารณา): ส่งช้า"), th)
        let en = EligibilityReport.table(results, contest: contest, language: .en, utcOffset: bangkok)
        XCTAssertTrue(en.contains("chair (chair, 2 Dec 2026 14:05; by the rules: review): ส่งช้า"), en)
        let json = EligibilityReport.json(results, language: .th)
        XCTAssertTrue(json.contains("\"at\": \"2026-12-02T07:05:00.000Z\""), json)
    }
}
