import KhanaenText
import XCTest
@testable import KhanaenCore

final class EligibilityTests: XCTestCase {
    /// The 2566 contest's conditions, with two made-up previous winners.
    private let config = Contest.Eligibility(
        closes: CalendarDate(iso: "2023-09-24")!, inUseBefore: CalendarDate(iso: "2023-02-01")!, minMonthsInUse: 6,
        organisationKinds: [.cityMunicipality, .townMunicipality, .subdistrictMunicipality, .subdistrictAdministration, .provincialAdministration],
        previousWinners: [
            .init(year: 2565, organisation: "เทศบาลตำบลบ้านกลาง", title: "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ ณ จุดเดียว"),
            .init(year: 2564, organisation: "องค์การบริหารส่วนตำบลสิงหนาท", title: "ระบบบริการประชาชนออนไลน์ E-Service"),
        ])

    private func entry(_ organisation: String = "เทศบาลตำบลครึ่ง", title: String = "ถังเงิน ถังทอง", since: String? = "1 ม.ค. 2566") -> Contest.Entry {
        Contest.Entry(id: "e1", organisation: organisation, title: title, inUseSince: since.flatMap(ThaiDate.date))
    }

    func testInUseCountsMonthsToTheClosingDayOrADayBefore() {
        func status(_ since: String?) -> EligibilityStatus { EligibilityRules.inUse(entry(since: since), config).status }
        XCTAssertEqual(status("24 มี.ค. 2566"), .pass, "exactly six months before 24 ก.ย. 2566")
        XCTAssertEqual(status("25 มี.ค. 2566"), .fail, "a day short of six months")
        XCTAssertEqual(status("1 ก.ย. 2566"), .fail)
        XCTAssertEqual(status("31/1/2566"), .pass)
        XCTAssertEqual(status(nil), .review, "no date is for the chair")
        // With a later "before" day than the six months, the before day alone makes it pass.
        var late = config
        late.inUseBefore = CalendarDate(iso: "2023-06-01")
        XCTAssertEqual(EligibilityRules.inUse(entry(since: "1 พ.ค. 2566"), late).status, .pass)
        XCTAssertEqual(EligibilityRules.inUse(entry(since: "1 พ.ค. 2566"), late).reason.code, "in-use.before-day")
        XCTAssertEqual(EligibilityRules.inUse(entry(since: "1 มิ.ย. 2566"), late).status, .fail)
    }

    func testLocalGovernmentKnowsTheKindsAndTheirAbbreviations() {
        func status(_ organisation: String) -> EligibilityStatus { EligibilityRules.localGovernment(entry(organisation), config).status }
        for name in ["เทศบาลนครยะลา", "เทศบาลเมืองตาคลี", "เทศบาลตำบลครึ่ง", "องค์การบริหารส่วนตำบลวัดไทรย์", "องค์การบริหารส่วนจังหวัดระยอง",
                     "อบต.เสม็ดใต้", "อบต. เสม็ดใต้", "ทต.บางเสร่", "ทม. พิจิตร", "ทน.รังสิต", "อบจ.ลำพูน", "องค์กรบริหารส่วนตำบลสิงหนาท"] {
            XCTAssertEqual(status(name), .pass, name)
        }
        XCTAssertEqual(status("กรุงเทพมหานคร"), .fail, "a kind the contest does not list")
        XCTAssertEqual(EligibilityRules.localGovernment(entry("กรุงเทพมหานคร"), config).reason, .kindNotAccepted(.bangkok))
        XCTAssertEqual(status("โรงเรียนเทศบาลอุโมงค์ 1"), .review, "names a kind, but is not one")
        XCTAssertEqual(status("เทศบาลบางเสร่"), .review, "เทศบาล of no level")
        XCTAssertEqual(status("สำนักงานจังหวัดลำพูน"), .fail)
        XCTAssertEqual(status("ทนายความ สมชาย"), .fail, "ทน without a dot is not ทน.")
    }

    func testPreviousWinnersFailExactlyAndNearTitlesAskForReview() {
        func rule(_ organisation: String, _ title: String) -> EligibilityRuleResult {
            EligibilityRules.notPreviousWinner(entry(organisation, title: title), config)
        }
        XCTAssertEqual(rule("เทศบาลตำบลบ้านกลาง", "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ ณ จุดเดียว").status, .fail)
        XCTAssertEqual(rule("ทต. บ้านกลาง", "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ  ณ จุดเดียว").status, .fail, "abbreviation and spaces")
        XCTAssertEqual(rule("อบต.สิงหนาท", "ระบบบริการประชาชนออนไลน์ e-service").reason, .previousWinner(year: 2564, title: "ระบบบริการประชาชนออนไลน์ E-Service"))
        XCTAssertEqual(rule("เทศบาลตำบลบ้านกลาง", "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ ณ จุดเดียว (ระยะที่ 2)").status, .review, "the old title inside the new")
        XCTAssertEqual(rule("เทศบาลตำบลบ้านกลาง", "ศูนย์ดิจิตอลบริการเบ็ดเสร็จ ณ จุดเดียว").status, .review, "a few letters changed")
        XCTAssertEqual(rule("อบต.สิงหนาท", "E-Service ระบบบริการประชาชนออนไลน์").status, .review, "the same words in another order")
        XCTAssertEqual(rule("เทศบาลตำบลบ้านกลาง", "ระบบแจ้งเหตุฉุกเฉินผ่านไลน์").status, .pass, "a new work of the same organisation")
        XCTAssertEqual(rule("เทศบาลตำบลอื่น", "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ ณ จุดเดียว").status, .pass, "another organisation's work")
    }

    func testEvaluateCombinesTheRulesAndTheChairDecides() {
        let entries = [
            Contest.Entry(id: "e1", organisation: "เทศบาลตำบลครึ่ง", title: "ถังเงิน", inUseSince: ThaiDate.date("1 ม.ค. 2566")),
            Contest.Entry(id: "e2", organisation: "สำนักงานจังหวัด", title: "ระบบ", inUseSince: ThaiDate.date("1 ม.ค. 2566")),
            Contest.Entry(id: "e3", organisation: "เทศบาลตำบลครึ่ง", title: "อีกระบบ"),
        ]
        let results = EligibilityRules.evaluate(entries, config: config,
                                                decisions: ["e2": .init(status: .pass, reason: "หน่วยงานในกำกับ อปท.")])
        XCTAssertEqual(results.map(\.id), ["e1", "e2", "e3"])
        XCTAssertEqual(results[0].rules.map(\.rule.rawValue), ["in-use", "local-government", "not-previous-winner", "digital"])
        XCTAssertEqual(results[0].status, .review, "digital always asks the chair")
        XCTAssertEqual(results[1].computed, .fail)
        XCTAssertEqual(results[1].status, .pass, "the chair's decision stands")
        XCTAssertEqual(results[2].rules[0].status, .review)

        let json = EligibilityReport.json(results, language: .en)
        let parsed = try! JSONParser.parse(json)
        guard case .object(let top) = parsed.value, top.map(\.key) == ["entries"], case .array(let items) = top[0].value.value,
              case .object(let first) = items[0].value, case .array(let rules) = first[2].value.value, case .object(let rule) = rules[0].value else {
            return XCTFail(json)
        }
        XCTAssertEqual(first.map(\.key), ["id", "status", "rules"])
        XCTAssertEqual(rule.map(\.key), ["id", "status", "reason"])
        XCTAssertTrue(json.contains("\"reason\": \"in use since 2023-01-01, 6 months by 2023-03-24\""), json)
        XCTAssertTrue(EligibilityReport.json(results, language: .th).contains("ใช้งานจริงตั้งแต่ 1 ม.ค. 2566"))
    }

    func testTheTableIsAlignedInCells() {
        let contest = try! Fixtures.contest().with(entries: [
            Contest.Entry(id: "e1", organisation: "องค์การบริหารส่วนตำบลวัดไทรย์", title: "ก", inUseSince: ThaiDate.date("1 ม.ค. 2566")),
            Contest.Entry(id: "e2", organisation: "เทศบาลตำบล\u{1B}[31mครึ่ง", title: "ข"),
        ])
        let results = EligibilityRules.evaluate(contest.entries, config: config)
        let lines = EligibilityReport.table(results, contest: contest, language: .th).split(separator: "\n").map(String.init)
        let widths = Set(lines.prefix(4).map { CellWidth.of($0) })
        XCTAssertEqual(widths.count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[2].contains("อบต.วัดไทรย์"))
        XCTAssertFalse(lines.joined().contains("\u{1B}"), "the escape is shown, not sent")
    }

    func testTheBlockParsesAndNamesItsErrors() throws {
        func parse(_ text: String) throws -> Contest.Eligibility {
            try ContestParser.parseEligibility(try Fields(try JSONParser.parse(text), file: "contest.json", path: "eligibility"))
        }
        let e = try parse("""
        {"closes": "2023-09-24", "inUseBefore": "2023-02-01", "minMonthsInUse": 6,
         "organisationKinds": ["เทศบาลนคร", "ทม.", "ทต", "อบต.", "องค์การบริหารส่วนจังหวัด"],
         "previousWinners": [{"year": 2565, "organisation": "เทศบาลตำบลบ้านกลาง", "title": "ศูนย์ดิจิทัล"}]}
        """)
        XCTAssertEqual(e.closes, CalendarDate(iso: "2023-09-24"))
        XCTAssertEqual(e.inUseBy, CalendarDate(iso: "2023-03-24"))
        XCTAssertEqual(e.organisationKinds, [.cityMunicipality, .townMunicipality, .subdistrictMunicipality, .subdistrictAdministration, .provincialAdministration])
        XCTAssertEqual(e.previousWinners.count, 1)
        XCTAssertEqual(try parse(#"{"closes": "2023-09-24"}"#).organisationKinds, OrganisationKind.allCases)
        let errors = [
            (#"{"closes": "24/9/2566"}"#, "contest.json:1: eligibility.closes: \"24/9/2566\" is not a date"),
            (#"{}"#, "eligibility.closes: missing"),
            (#"{"closes": "2023-09-24", "organisationKinds": ["โรงเรียน"]}"#, "eligibility.organisationKinds[0]: \"โรงเรียน\" is not a kind"),
            (#"{"closes": "2023-09-24", "minMonthsInUse": -1}"#, "minMonthsInUse: must be 0 to 1200"),
            (#"{"closes": "2023-09-24", "previousWinners": [{"year": 2565, "title": "x"}]}"#, "previousWinners[0].organisation: missing"),
            (#"{"closes": "2023-09-24", "close": 1}"#, "eligibility.close: unknown field"),
        ]
        for (text, message) in errors {
            XCTAssertThrowsError(try parse(text)) { XCTAssertTrue(($0 as! InputError).message.contains(message), "\($0)") }
        }
    }

    func testOrganisationKindsAbbreviateAndOrder() {
        XCTAssertEqual(OrganisationKind.abbreviated("องค์การบริหารส่วนตำบลเสม็ดใต้"), "อบต.เสม็ดใต้")
        XCTAssertEqual(OrganisationKind.abbreviated("เทศบาลตำบลครึ่ง"), "ทต.ครึ่ง")
        XCTAssertEqual(OrganisationKind.abbreviated("เทศบาลเมืองพิจิตร"), "ทม.พิจิตร")
        XCTAssertEqual(OrganisationKind.abbreviated("เทศบาลนครยะลา"), "ทน.ยะลา")
        XCTAssertEqual(OrganisationKind.abbreviated("องค์การบริหารส่วนจังหวัดระยอง"), "อบจ.ระยอง")
        XCTAssertEqual(OrganisationKind.abbreviated("สำนักงานจังหวัด"), "สำนักงานจังหวัด")
        XCTAssertEqual(OrganisationKind.expanded("ทต. ครึ่ง"), "เทศบาลตำบลครึ่ง")
        let names = ["องค์การบริหารส่วนตำบลก", "อื่น", "เทศบาลตำบลข", "เทศบาลนครค", "เทศบาลเมืองง", "อบจ.จ"]
        XCTAssertEqual(names.sorted { OrganisationKind.order($0) < OrganisationKind.order($1) }.prefix(4),
                       ["เทศบาลนครค", "เทศบาลเมืองง", "เทศบาลตำบลข", "องค์การบริหารส่วนตำบลก"])
        XCTAssertEqual(OrganisationKind.order("อบจ.จ"), 4)
    }
}
