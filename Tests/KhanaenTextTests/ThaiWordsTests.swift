import XCTest
@testable import KhanaenText

final class ThaiWordsTests: XCTestCase {
    private let text = ThaiText.load()

    private func words(_ s: String, using: WordBreaker? = nil) -> [String] {
        let scalars = Array(s.unicodeScalars)
        var out: [String] = []
        var last = 0
        for b in (using ?? text.words).breaks(inThaiRun: scalars) + [scalars.count] {
            out.append(String(String.UnicodeScalarView(scalars[last..<b])))
            last = b
        }
        return out
    }

    func testLibThaiIsLoadedOnThisMachine() {
        XCTAssertEqual(text.words.engine, .libthai, "libthai0 is installed by scripts/setup.sh")
        XCTAssertTrue(text.collator.isDictionaryOrder, "ICU's Thai collation is installed")
    }

    func testLibThaiSegmentsTheLongTitle() {
        XCTAssertEqual(words("โครงการบริหารจัดการขยะแบบบูรณาการบนพื้นฐานดิจิทัลแพลตฟอร์ม"),
                       ["โครงการ", "บริหาร", "จัดการ", "ขยะ", "แบบ", "บูรณาการ", "บน", "พื้นฐาน", "ดิจิทัล", "แพลตฟอร์ม"])
    }

    func testICUIsOpenedOnFirstUse() {
        // ICU is opened with dlopen by the names of the headers Khanaen was built with: a wrong
        // name would silently leave the fallback without any breaks.
        XCTAssertGreaterThan(words("การส่งเสริมสุขภาพประชาชน", using: .icu).count, 2)
    }

    func testICUFallbackIsRepairedSoNoLineStartsWithADependentVowel() {
        for w in words("โครงการบริหารจัดการขยะแบบบูรณาการบนพื้นฐานดิจิทัลแพลตฟอร์ม", using: .icu)
            + words("การส่งเสริมสุขภาพประชาชนกลุ่มเปราะบาง", using: .icu) {
            let first = w.unicodeScalars.first!
            XCTAssertTrue(ThaiWords.mayBreak(before: first, after: "ก"), "a piece starts with \(w)")
        }
        XCTAssertFalse(words("บูรณาการ", using: .icu).contains("า"))
    }

    func testWrapKeepsWordsWholeAndFitsTheWidth() {
        let title = "โครงการบริหารจัดการขยะแบบบูรณาการ บนพื้นฐานดิจิทัลแพลตฟอร์ม เพื่อสร้างสิ่งแวดล้อมที่ดีอย่างยั่งยืน (แอพพลิเคชั่นถังเงิน ถังทอง)"
        for width in [12, 20, 30, 40, 60] {
            let lines = LineWrap.wrap(title, width: width, words: text.words)
            XCTAssertEqual(lines.joined().replacingSpaces(), title.replacingSpaces(), "nothing lost at \(width)")
            for line in lines {
                XCTAssertLessThanOrEqual(CellWidth.of(line), width, line)
                let first = line.unicodeScalars.first!
                XCTAssertTrue(ThaiWords.mayBreak(before: first, after: "ก"), "line starts with a mark: \(line)")
            }
        }
        let at20 = LineWrap.wrap(title, width: 20, words: text.words)
        XCTAssertFalse(at20.contains { $0.hasSuffix("บูรณ") }, "บูรณาการ is one word")
        XCTAssertEqual(at20[0], "โครงการบริหารจัดการขยะ", "20 cells exactly")
    }

    func testWrapHealthTitleKeepsสุขภาพ() {
        let lines = LineWrap.wrap("การส่งเสริมสุขภาพประชาชนกลุ่มเปราะบาง ด้วยระบบ“เมืองพิบูล ยิ้มกว้างอย่างเป็นสุข”(Phibun Big Smile Healthy Care System)", width: 14, words: text.words)
        XCTAssertFalse(lines.contains { $0.hasSuffix("สุข") && !$0.hasSuffix("เป็นสุข") })
        XCTAssertFalse(lines.contains { $0.hasPrefix("”") || $0.hasPrefix(")") })
        for l in lines { XCTAssertLessThanOrEqual(CellWidth.of(l), 14) }
    }

    func testPlainBreaksOnlyAtSpacesAndScripts() {
        XCTAssertEqual(words("โครงการบริหาร", using: .plain), ["โครงการบริหาร"])
        XCTAssertEqual(LineWrap.wrap("ขยะ ถังเงินABC", width: 7, words: .plain), ["ขยะ", "ถังเงิน", "ABC"])
    }

    func testWrapCutsAWordLongerThanTheLine() {
        let lines = LineWrap.wrap("แพลตฟอร์ม", width: 4, words: text.words)
        XCTAssertEqual(lines.joined(), "แพลตฟอร์ม")
        for l in lines { XCTAssertLessThanOrEqual(CellWidth.of(l), 4) }
    }

    func testThaiDictionaryOrder() {
        let expected = ["กาญจนบุรี", "ขอนแก่น", "ฉะเชิงเทรา", "ชลบุรี", "เชียงราย", "เชียงใหม่", "เทศบาลตำบลครึ่ง", "เทศบาลนครยะลา", "ไทรย์",
                        "นครสวรรค์", "โนนสะอาด", "บวกค้าง", "บางเสร่", "บ้านกลาง", "พิษณุโลก", "แม่เหียะ", "ระยอง", "ลำพูน", "หนองบัวลำภู",
                        "ใหม่", "องค์การบริหารส่วนตำบลเสม็ดใต้", "อยุธยา", "อุบลราชธานี"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            XCTAssertEqual(text.collator.sorted(expected.shuffled(using: &rng)), expected)
        }
        XCTAssertNotEqual(expected.sorted(), expected, "code-point order differs, so the test means something")
    }
}

private extension String {
    func replacingSpaces() -> String { String(unicodeScalars.filter { $0 != " " }.map(Character.init)) }
}
