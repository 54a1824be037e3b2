import XCTest
@testable import KhanaenCore
import KhanaenText

/// One table of bilingual words: a `Phrase` is said in Thai unless the language is English,
/// wherever it comes from (a screen's `Strings`, a report's `ReportWords`, a refusal).
final class PhraseTests: XCTestCase {
    func testAPhraseIsThaiUnlessEnglishIsAsked() {
        let p = Phrase("บันทึกแล้ว", "saved")
        XCTAssertEqual(p.text(.th), "บันทึกแล้ว")
        XCTAssertEqual(p.text(.en), "saved")
        XCTAssertEqual(Language.th.t("ผลงาน", "entry"), "ผลงาน")
        XCTAssertEqual(ReportWords(.en).t("ผลงาน", "entry"), "entry")
    }

    func testARefusalSpeaksTheLanguageAsked() {
        let r = Refusal(th: "การถอนตัวต้องมีเหตุผล", en: "a recusal needs a reason")
        XCTAssertEqual(r.message(in: .th), "การถอนตัวต้องมีเหตุผล")
        XCTAssertEqual(r.message(in: .en), "a recusal needs a reason")
        XCTAssertEqual(r.description, "a recusal needs a reason")
    }

    /// The queue's column and the minutes name a topic from the one list, in both languages;
    /// the short word is never the longer.
    func testEveryTopicHasItsFullAndShortWordsInOneList() {
        for language in Language.allCases {
            let words = ReportWords(language)
            for topic in DiscussionTopic.allCases {
                let full = words.topic(topic), short = words.topic(topic, short: true)
                XCTAssertFalse(full.isEmpty || short.isEmpty, "\(topic) \(language)")
                XCTAssertLessThanOrEqual(CellWidth.of(short), CellWidth.of(full), "\(topic) \(language)")
            }
        }
        XCTAssertEqual(ReportWords(.th).topic(.outlier, short: true), "ใบห่าง")
        XCTAssertEqual(ReportWords(.en).topic(.tie), "tie at an award line")
    }
}
