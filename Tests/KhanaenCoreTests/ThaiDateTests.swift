import XCTest
@testable import KhanaenCore

final class ThaiDateTests: XCTestCase {
    private let feb1 = CalendarDate(year: 2023, month: 2, day: 1)!

    func testEveryFormTheBriefNamesGivesTheFirstOfFebruary2023() {
        for text in ["1 กุมภาพันธ์ 2566", "1 ก.พ. 66", "1 ก.พ. 2566", "01/02/2566", "1/2/66", "2023-02-01",
                     "1 กุมภาพันธ์ พ.ศ. 2566", "๑ กุมภาพันธ์ ๒๕๖๖", "๐๑/๐๒/๒๕๖๖", "วันพุธที่ 1 กุมภาพันธ์ 2566",
                     "วันที่ 1 ก.พ.66", "1ก.พ.2566", "1 กพ 66", "1-2-2566", "1.2.2566", "1 Feb 2023", "1 กุมภาพันธ์ ค.ศ. 2023",
                     "2566-02-01", "1/2/2023", "ตั้งแต่ 1 ก.พ. 2566", "1 ก.พ. 2566 "] {
            XCTAssertEqual(ThaiDate.date(text), feb1, text)
        }
    }

    func testYearsOfBothErasAndTwoDigitYears() {
        XCTAssertEqual(ThaiDate.date("24 กันยายน 2566"), CalendarDate(year: 2023, month: 9, day: 24))
        XCTAssertEqual(ThaiDate.date("24/9/2023"), CalendarDate(year: 2023, month: 9, day: 24))
        XCTAssertEqual(ThaiDate.date("31/12/65"), CalendarDate(year: 2022, month: 12, day: 31), "65 is พ.ศ. 2565")
        XCTAssertEqual(ThaiDate.date("1 ม.ค. ค.ศ. 23"), CalendarDate(year: 2023, month: 1, day: 1), "ค.ศ. makes 23 2023")
        XCTAssertEqual(ThaiDate.date("29 ก.พ. 2567"), CalendarDate(year: 2024, month: 2, day: 29), "2024 is a leap year")
    }

    func testWhatIsNotADateSaysWhy() {
        let cases = [
            ("29 ก.พ. 2566", "no such day"), ("31/4/2566", "no such day"), ("กุมภาพันธ์ 2566", "no day"),
            ("2/13/2566", "no month 13"), ("1 ก.พ. 2566 ประมาณ", "is not part of a date"), ("", "no date"),
            ("1 ก.พ. พ.ศ. 2023", "not a year of พ.ศ."), ("1 ก.พ. ค.ศ. 2566", "not a year of ค.ศ."),
            ("1 ก.พ. 256", "is not a year"), ("1 ก.พ. มี.ค. 2566", "two months"), ("12345", "not a date"),
        ]
        for (text, why) in cases {
            switch ThaiDate.parse(text) {
            case .success(let d): XCTFail("\(text) gave \(d)")
            case .failure(let p): XCTAssertTrue(p.message.contains(why), "\(text): \(p.message)")
            }
        }
    }

    func testCalendarDatesReadAndWriteISOAndCountMonths() {
        XCTAssertEqual(CalendarDate(iso: "2023-09-24")?.iso, "2023-09-24")
        XCTAssertNil(CalendarDate(iso: "2023-02-29"))
        XCTAssertNil(CalendarDate(iso: "2023-2-1"))
        XCTAssertEqual(CalendarDate(year: 2023, month: 9, day: 24)!.addingMonths(-6), CalendarDate(year: 2023, month: 3, day: 24))
        XCTAssertEqual(CalendarDate(year: 2023, month: 8, day: 31)!.addingMonths(-6), CalendarDate(year: 2023, month: 2, day: 28))
        XCTAssertEqual(CalendarDate(year: 2023, month: 1, day: 15)!.addingMonths(-1), CalendarDate(year: 2022, month: 12, day: 15))
        XCTAssertEqual(ThaiDate.text(CalendarDate(year: 2023, month: 9, day: 24)!), "24 ก.ย. 2566")
    }

    /// A moment from the ledger (UTC) as a reader sees it: local time, พ.ศ. in Thai.
    func testMomentsInTheBuddhistEraInThaiAndGregorianInEnglish() {
        let t = Timestamp.parse("2026-12-02T07:05:09.000Z")!
        let bangkok = 7 * 3600
        XCTAssertEqual(ThaiDate.moment(t, offset: bangkok, language: .th), "2 ธ.ค. 2569 14:05")
        XCTAssertEqual(ThaiDate.moment(t, offset: bangkok, language: .en), "2 Dec 2026 14:05")
        XCTAssertEqual(ThaiDate.moment(t, offset: bangkok, language: .th, seconds: true), "2 ธ.ค. 2569 14:05:09")
        XCTAssertEqual(ThaiDate.moment(t, offset: 0, language: .th), "2 ธ.ค. 2569 07:05")
        // The offset can turn the day, the month and the year.
        let newYear = Timestamp.parse("2026-12-31T20:30:00.000Z")!
        XCTAssertEqual(ThaiDate.moment(newYear, offset: bangkok, language: .th), "1 ม.ค. 2570 03:30")
        XCTAssertEqual(ThaiDate.moment(newYear, offset: -5 * 3600, language: .en), "31 Dec 2026 15:30")
    }
}
