import XCTest
@testable import KhanaenCore

/// Dates a reader sees are in the Buddhist era in Thai and Gregorian in English, in the
/// contest's time zone whatever the machine's; the ledger and the JSON keep UTC ISO timestamps.
final class ReportDatesTests: XCTestCase {
    /// 2 ธ.ค. 2569 (2026) 14:05 in Bangkok.
    private let time = Timestamp.parse("2026-12-02T07:05:00.000Z")!

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
        let th = ReportTable.text(r, ledger: summary, language: .th)
        XCTAssertTrue(th.contains("  * e1: ทอง (chair, 2 ธ.ค. 2569 14:05): มติที่ประชุม"), th)
        XCTAssertFalse(th.contains("2026"), "no Gregorian year in Thai: \(th)")
        let en = ReportTable.text(r, ledger: summary, language: .en)
        XCTAssertTrue(en.contains("  * e1: ทอง (chair, 2 Dec 2026 14:05): มติที่ประชุม"), en)
        let minutes = ReportMarkdown.ranking(r, ledger: summary)
        XCTAssertTrue(minutes.contains("- e1: ทอง (chair, 2 ธ.ค. 2569 14:05): มติที่ประชุม"), minutes)
        XCTAssertTrue(ReportJSON.text(r, ledger: summary).contains("\"at\": \"2026-12-02T07:05:00.000Z\""), "JSON keeps UTC ISO")
    }

    func testTheEligibilityTableShowsWhenTheChairDecided() throws {
        let contest = try Fixtures.contest()
        let config = Contest.Eligibility(closes: CalendarDate(iso: "2023-09-24")!)
        let decisions = ["e1": EligibilityDecision(status: .fail, reason: "ส่งช้า", by: "chair", time: time)]
        let results = EligibilityRules.evaluate(contest.entries, config: config, decisions: decisions)
        let th = EligibilityReport.table(results, contest: contest, language: .th)
        XCTAssertTrue(th.contains("ประธานกรรมการ (chair, 2 ธ.ค. 2569 14:05; ตามเกณฑ์: ต้องพิจารณา): ส่งช้า"), th)
        let en = EligibilityReport.table(results, contest: contest, language: .en)
        XCTAssertTrue(en.contains("chair (chair, 2 Dec 2026 14:05; by the rules: review): ส่งช้า"), en)
        let json = EligibilityReport.json(results, language: .th)
        XCTAssertTrue(json.contains("\"at\": \"2026-12-02T07:05:00.000Z\""), json)
    }

    /// Issue 18: times were shown in the machine's zone (`UTC+00:00` on a server in UTC). The
    /// contest's zone is used whatever TZ says.
    func testTimesAreInTheContestsZoneWhateverTheMachinesZone() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", "America/Los_Angeles", 1)
        tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let (r, summary) = try decided()
        XCTAssertEqual(summary.contest.timeZone.identifier, "Asia/Bangkok", "the default")
        XCTAssertTrue(ReportTable.text(r, ledger: summary).contains("(chair, 2 ธ.ค. 2569 14:05)"))
        XCTAssertTrue(ReportMarkdown.ranking(r, ledger: summary).contains("(chair, 2 ธ.ค. 2569 14:05)"))
        let contest = try Fixtures.contest()
        let config = Contest.Eligibility(closes: CalendarDate(iso: "2023-09-24")!)
        let results = EligibilityRules.evaluate(contest.entries, config: config,
                                                decisions: ["e1": EligibilityDecision(status: .fail, reason: "ส่งช้า", by: "chair", time: time)])
        XCTAssertTrue(EligibilityReport.table(results, contest: contest, language: .th).contains("chair, 2 ธ.ค. 2569 14:05;"))
    }

    /// A declared zone, with its offset for the moment shown: New York is UTC−4 in July, UTC−5 in December.
    func testADeclaredZoneAndItsSummerTime() throws {
        let contest = try Fixtures.contest(extra: #" "timeZone": "America/New_York","#)
        XCTAssertEqual(contest.timeZone.identifier, "America/New_York")
        let july = Timestamp.parse("2026-07-02T16:05:00.000Z")!
        XCTAssertEqual(ThaiDate.moment(july, zone: contest.timeZone, language: .th), "2 ก.ค. 2569 12:05")
        XCTAssertEqual(ThaiDate.moment(time, zone: contest.timeZone, language: .en), "2 Dec 2026 02:05")
        XCTAssertEqual(contest.timeZone.utcText(at: july), "UTC-04:00")
        XCTAssertEqual(Timestamp.date(Timestamp.parse("2026-12-02T03:00:00.000Z")!, zone: contest.timeZone),
                       CalendarDate(iso: "2026-12-01")!, "still the day before in New York")
        // A zone the system does not know, or an abbreviation, is refused with its line and key.
        for bad in ["Mars/Olympus", "ICT", ""] {
            XCTAssertThrowsError(try Fixtures.contest(extra: " \"timeZone\": \"\(bad)\",")) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("contest.json:") && text.contains("timeZone"), text)
            }
        }
    }

    /// The announcement carries its date in the Buddhist era, in the contest's zone, and the
    /// chair's signature block; an open contest's warning is under the heading.
    func testTheAnnouncementIsDatedAndSigned() throws {
        let (r, summary) = try decided()
        // 2026-12-02T20:00Z is already 3 December in Bangkok.
        let text = ReportMarkdown.text(r, ledger: summary, draft: [], issued: Timestamp.parse("2026-12-02T20:00:00.000Z")!)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let dated = try XCTUnwrap(lines.firstIndex(of: "ประกาศ ณ วันที่ 3 ธันวาคม พ.ศ. 2569"), text)
        XCTAssertTrue(lines[dated + 2].hasPrefix("(ลงชื่อ) ....") && lines[dated + 3].hasPrefix("(....") && lines[dated + 4] == "ประธานกรรมการ", text)
        XCTAssertTrue(lines.last { !$0.isEmpty }!.hasPrefix("วิธีรวมคะแนน:"), "the seal stays last")

        var open = try Fixtures.contest(judges: 2, extra: #" "access": "open", "announcement": {"signedBy": "นายสมชาย ใจดี", "signedAs": "ประธานคณะกรรมการตัดสิน"},"#)
        open.entries = summary.contest.entries
        let signed = ReportMarkdown.text(r, ledger: LedgerSummary(contest: open, files: [], warnings: [], strays: []), draft: [], issued: time)
        let s = signed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try XCTUnwrap(s.firstIndex { $0.hasPrefix("# ") }, signed)
        let warning = try XCTUnwrap(s.firstIndex { $0.hasPrefix("> ⚠") }, signed)
        XCTAssertGreaterThan(warning, heading, "the open-access warning is below the heading")
        XCTAssertTrue(s.contains("(นายสมชาย ใจดี)  ") && s.contains("ประธานคณะกรรมการตัดสิน") && s.contains("ประกาศ ณ วันที่ 2 ธันวาคม พ.ศ. 2569"), signed)
    }
}
