import Foundation
import XCTest
@testable import KhanaenCore

/// Entries that may not be judged (the chair's ruling `fail`, or the rules' fail with no
/// ruling) are left out of the ranking and the awards, listed unranked with the reason in
/// every format, and never named in the announcement; `review` excludes nothing.
final class IneligibleTests: XCTestCase {
    /// Closes 24 ก.ย. 2566, six months of use; one previous winner.
    static let block = """
         "eligibility": {"closes": "2023-09-24", "minMonthsInUse": 6,
                         "previousWinners": [{"year": 2565, "organisation": "เทศบาลตำบลสาม", "title": "ระบบเดิม"}]},
        """

    static let entries = """
    [{"id": "e1", "organisation": "เทศบาลตำบลหนึ่ง", "province": "ลำพูน", "title": "ผลงานหนึ่ง", "inUseSince": "2022-01-01"},
     {"id": "e2", "organisation": "เทศบาลตำบลสอง", "province": "ลำพูน", "title": "ผลงานสอง", "inUseSince": "2022-01-01"},
     {"id": "e3", "organisation": "เทศบาลตำบลสาม", "province": "ลำพูน", "title": "ระบบเดิม", "inUseSince": "2022-01-01"},
     {"id": "e4", "organisation": "สำนักงานจังหวัดสี่", "province": "ลำพูน", "title": "ผลงานสี่", "inUseSince": "2022-01-01"},
     {"id": "e5", "organisation": "เทศบาลตำบลห้า", "province": "ลำพูน", "title": "ผลงานห้า", "inUseSince": "2023-09-01"},
     {"id": "e6", "organisation": "เทศบาลเมืองหก", "province": "ลำพูน", "title": "ผลงานหก"}]
    """

    private func contest(block: Bool = true) throws -> Contest {
        try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON(judges: 3, quorum: 2, extra: block ? Self.block : "").utf8),
                                entriesJSON: Array(Self.entries.utf8))
    }

    /// Totals e2 100, e3 90, e5 87.5, e1 80, e4 70, e6 60, each judge a little apart.
    private func judgeEvents(_ contest: Contest, leaving: Set<String> = []) -> [[LedgerEvent]] {
        let scores: [(String, Double, Double, Double)] = [("e1", 8, 16, 8), ("e2", 10, 20, 10), ("e3", 9, 18, 9), ("e4", 7, 14, 7),
                                                          ("e5", 9, 17, 9), ("e6", 6, 12, 6)]
        return contest.judges.enumerated().map { j, judge in
            Fixtures.numbered(scores.filter { !leaving.contains($0.0) }.flatMap { e, a, b, c in
                Fixtures.sheet(judge.id, e, a, b - Double(j), c)
            })
        }
    }

    /// The chair: e2 given gold, then ruled ineligible; e4 ruled eligible over the rules.
    private let chair = Fixtures.numbered([
        LedgerEvent(actor: "chair", kind: .award, entry: "e2", tier: "gold", text: "คะแนนสูงสุด"),
        LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: "ส่งผลงานหลังวันปิดรับ", outcome: "fail"),
        LedgerEvent(actor: "chair", kind: .eligibility, entry: "e4", text: "หน่วยงานในกำกับของ อบจ.", outcome: "pass"),
    ])

    private func results(method: Method = .mean) throws -> (Results, LedgerSummary) {
        let c = try contest()
        let book = SheetBook(contest: c, judgeEvents: judgeEvents(c), chairEvents: chair)
        XCTAssertEqual(book.violations, [])
        let summary = LedgerSummary(contest: c, files: [], warnings: [], strays: [])
        return (Scoring.compute(book, method: method), summary)
    }

    func testTheChairsFailAndTheRulesFailAreUnrankedAndReviewIsNot() throws {
        let c = try contest()
        let book = SheetBook(contest: c, judgeEvents: judgeEvents(c), chairEvents: chair)
        let out = EligibilityRules.ineligible(book)
        XCTAssertEqual(out.keys.sorted(), [1, 2, 4], "e2 by the chair, e3 and e5 by the rules; e4's rule fail is overruled")
        XCTAssertEqual(out[1]?.ruling?.reason, "ส่งผลงานหลังวันปิดรับ")
        XCTAssertEqual(out[2]?.failed.map(\.rule), [.notPreviousWinner])
        XCTAssertEqual(out[4]?.failed.map(\.rule), [.inUse])
        XCTAssertEqual(out[4]?.reason(.th), "เริ่มใช้งาน 1 ก.ย. 2566: หลัง 24 มี.ค. 2566 (ไม่ครบ 6 เดือน)")

        XCTAssertEqual(EligibilityRules.ineligible(contest: c, chairEvents: chair), out, "a judge's screen, from the chair's file alone")
        // A chair's file with no eligibility line (the judge's list reads it without a fold).
        for lines in [[], Array(chair.prefix(1))] {
            XCTAssertEqual(EligibilityRules.ineligible(contest: c, chairEvents: lines),
                           EligibilityRules.ineligible(SheetBook(contest: c, judgeEvents: [], chairEvents: lines)))
            XCTAssertEqual(EligibilityRules.ineligible(contest: c, chairEvents: lines).keys.sorted(), [2, 3, 4], "e3, e4 and e5 by the rules, none ruled on")
        }

        let (r, _) = try results()
        XCTAssertEqual(r.ranked.map { "\($0.rank!) \($0.id) \($0.award ?? "-")" }, ["1 e1 gold", "2 e4 silver", "3 e6 silver"],
                       "e6 is for review (digital, no date): ranked")
        XCTAssertEqual(r.unranked.map(\.id), ["e2", "e3", "e5"])
        for e in r.unranked {
            XCTAssertEqual(e.unrankedReason, "ineligible")
            XCTAssertEqual(e.flags.map(\.kind), [.ineligible], e.id)
            XCTAssertNil(e.award, "\(e.id): no award, whatever the chair gave before")
            XCTAssertNil(e.proposed)
            XCTAssertNotNil(e.score, "its figures are still shown")
        }
        XCTAssertEqual(r.tierCounts, [], "the tiers are full without e2's gold")
    }

    func testTheirSheetsChangeNoOtherEntrysNormalisedScore() throws {
        let (with, _) = try results(method: .normalised)
        let c = try contest()
        // The same contest with the ineligible entries' sheets never written, and e4 passed.
        let without = Scoring.compute(SheetBook(contest: c, judgeEvents: judgeEvents(c, leaving: ["e2", "e3", "e5"]),
                                                chairEvents: Array(chair.suffix(1))), method: .normalised)
        for id in ["e1", "e4", "e6"] {
            let a = with.entries.first { $0.id == id }!, b = without.entries.first { $0.id == id }!
            XCTAssertEqual(a.score!, b.score!, accuracy: 1e-9, id)
        }
        XCTAssertEqual(with.judges.map(\.counted), [3, 3, 3])
        XCTAssertEqual(with.judges.map(\.submitted), [6, 6, 6], "the sheets are still there")
    }

    func testEveryFormatListsThemUnrankedWithTheReason() throws {
        let (r, summary) = try results()
        let contest = summary.contest

        let table = ReportTable.text(r, ledger: summary, language: .th)
        let unranked = table.components(separatedBy: "ยังไม่จัดอันดับ:\n")[1]
        XCTAssertTrue(unranked.contains("e2      เทศบาลตำบลสอง"), table)
        XCTAssertTrue(unranked.contains("ไม่ผ่านคุณสมบัติ ตามที่ประธานกรรมการวินิจฉัย (chair): ส่งผลงานหลังวันปิดรับ"), table)
        XCTAssertTrue(unranked.contains("ไม่ผ่านคุณสมบัติตามเกณฑ์: เคยได้รับรางวัลปี 2565: ระบบเดิม"), table)
        let ranking = table.components(separatedBy: "ยังไม่จัดอันดับ:")[0]
        XCTAssertFalse(ranking.contains("เทศบาลตำบลสอง"), "not in the ranking rows")
        let en = ReportTable.text(r, ledger: summary, language: .en, timeZone: .utc)
        XCTAssertTrue(en.contains("ineligible by the rules: in use since 2023-09-01"), en)
        XCTAssertTrue(en.contains("ineligible by the chair's ruling (chair): ส่งผลงานหลังวันปิดรับ"), en)

        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.text(r, ledger: summary).utf8)) as! [String: Any]
        let entries = json["entries"] as! [[String: Any]]
        func entry(_ id: String) -> [String: Any] { entries.first { $0["id"] as? String == id }! }
        XCTAssertTrue(entry("e2")["rank"] is NSNull)
        XCTAssertTrue(entry("e2")["award"] is NSNull)
        XCTAssertEqual(entry("e2")["unranked"] as? String, "ineligible")
        let chairFlag = (entry("e2")["flags"] as! [[String: Any]])[0]
        XCTAssertEqual(chairFlag["kind"] as? String, "ineligible")
        XCTAssertEqual(chairFlag["reason"] as? String, "ส่งผลงานหลังวันปิดรับ")
        XCTAssertEqual(chairFlag["by"] as? String, "chair")
        XCTAssertEqual(chairFlag["at"] as? String, Timestamp.format(chair[1].time))
        XCTAssertNil(chairFlag["rules"])
        let rulesFlag = (entry("e5")["flags"] as! [[String: Any]])[0]
        XCTAssertEqual(rulesFlag["rules"] as? [String], ["in-use"])
        XCTAssertEqual(rulesFlag["reason"] as? String, "เริ่มใช้งาน 1 ก.ย. 2566: หลัง 24 มี.ค. 2566 (ไม่ครบ 6 เดือน)")
        XCTAssertNil(rulesFlag["by"])
        XCTAssertEqual(entry("e4")["rank"] as? Int, 2)

        let csv = ReportCSV.text(r, ledger: summary, language: .th).components(separatedBy: "\r\n")
        XCTAssertTrue(csv[0].hasSuffix(",เหตุที่ไม่จัดอันดับ"), csv[0])
        let e2 = csv.first { $0.contains(",e2,") }!
        XCTAssertTrue(e2.hasPrefix(",e2,เทศบาลตำบลสอง"), "no rank: \(e2)")
        XCTAssertTrue(e2.contains(",ไม่ผ่านคุณสมบัติ,ไม่นับ,"), e2)
        XCTAssertTrue(e2.hasSuffix(",ไม่ผ่านคุณสมบัติ ตามที่ประธานกรรมการวินิจฉัย (chair): ส่งผลงานหลังวันปิดรับ"), e2)
        XCTAssertTrue(csv.first { $0.contains(",e1,") }!.hasSuffix(","), "a ranked entry's last cell is empty")

        let minutes = ReportMarkdown.ranking(r, ledger: summary, timeZone: .utc)
        let row = minutes.split(separator: "\n").first { $0.contains("| e3 |") }!
        XCTAssertTrue(row.hasPrefix("| — | e3 |"), String(row))
        XCTAssertTrue(row.contains("ไม่ผ่านคุณสมบัติตามเกณฑ์: เคยได้รับรางวัลปี 2565: ระบบเดิม"), String(row))

        let announcement = ReportMarkdown.text(r, ledger: summary, draft: [])
        for id in ["e2", "e3", "e5"] {
            let organisation = contest.entries[contest.entryIndex(id)!].organisation
            XCTAssertFalse(announcement.contains(organisation), "\(id) is never announced: \(announcement)")
        }
        XCTAssertTrue(announcement.contains("| เทศบาลตำบลหนึ่ง |"))
        XCTAssertFalse(announcement.contains("ร่าง (DRAFT)"), "ineligible entries do not make the announcement a draft: \(announcement)")
    }

    func testWithoutTheBlockOnlyTheChairsRulingsCount() throws {
        let c = try contest(block: false)
        XCTAssertTrue(EligibilityRules.ineligible(SheetBook(contest: c, judgeEvents: judgeEvents(c), chairEvents: [])).isEmpty,
                      "no rules, no rulings: nothing changes")
        let book = SheetBook(contest: c, judgeEvents: judgeEvents(c), chairEvents: chair)
        XCTAssertEqual(EligibilityRules.ineligible(book).keys.sorted(), [1])
        XCTAssertEqual(Scoring.compute(book).ranked.map(\.id), ["e3", "e5", "e1", "e4", "e6"])
        // A withdrawn ruling ranks the entry again, with the chair's award as before.
        let withdrawn = SheetBook(contest: c, judgeEvents: judgeEvents(c), chairEvents: chair + Fixtures.numbered([
            LedgerEvent(actor: "chair", kind: .eligibility, entry: "e2", text: "ตรวจแล้วส่งทันเวลา", outcome: "auto"),
        ]).map { var e = $0; e.seq += chair.count; e.time = chair.last!.time + 1000; return e })
        let r = Scoring.compute(withdrawn)
        XCTAssertEqual(r.ranked.first?.id, "e2")
        XCTAssertEqual(r.ranked.first?.award, "gold")
    }

    /// The rules' fails are kept for the last contest seen: another contest, or the same one
    /// with an entry changed, is checked again.
    func testAChangedEntryIsCheckedAgain() throws {
        let c = try contest()
        XCTAssertEqual(EligibilityRules.ineligible(contest: c, rulings: [:]).keys.sorted(), [2, 3, 4])
        var entries = c.entries
        entries[2].title = "ระบบใหม่"
        entries[4].inUseSince = CalendarDate(iso: "2022-01-01")
        XCTAssertEqual(EligibilityRules.ineligible(contest: c.with(entries: entries), rulings: [:]).keys.sorted(), [3])
        XCTAssertEqual(EligibilityRules.ineligible(contest: c, rulings: [:]).keys.sorted(), [2, 3, 4])
        var stricter = c.eligibility!
        stricter.organisationKinds = [.cityMunicipality]
        var other = c
        other.eligibility = stricter
        XCTAssertEqual(EligibilityRules.ineligible(contest: other, rulings: [:]).keys.sorted(), [0, 1, 2, 3, 4, 5])
    }

    /// The ranking's quick check of the rules gives exactly the fails of the full check.
    func testTheQuickCheckAgreesWithTheFullOne() throws {
        let c = try contest()
        let config = c.eligibility!
        var entries = c.entries
        entries += [
            Contest.Entry(id: "x1", organisation: "ทต.สาม", title: "ระบบ  เดิม", inUseSince: CalendarDate(iso: "2023-09-30")),
            Contest.Entry(id: "x2", organisation: "เทศบาลตำบลสาม", title: "ระบบเดิม ระยะที่ 2"),
            Contest.Entry(id: "x3", organisation: "กรุงเทพมหานคร", title: "ก"),
            Contest.Entry(id: "x4", organisation: "โรงเรียนเทศบาล 1", title: "ข", inUseSince: CalendarDate(iso: "2023-03-24")),
        ]
        let winners = WinnerIndex(config)
        for (e, full) in zip(entries, EligibilityRules.evaluate(entries, config: config)) {
            XCTAssertEqual(EligibilityRules.failures(e, config, winners), full.rules.filter { $0.status == .fail }, e.id)
        }
    }
}
