import XCTest
@testable import KhanaenCore

final class MatchKeyTests: XCTestCase {
    /// What `compact` is defined to be: `cleaned` without its spaces, lower-cased.
    private func reference(_ text: String) -> String {
        String(String.UnicodeScalarView(MatchKey.cleaned(text).unicodeScalars.filter { $0 != " " })).lowercased()
    }

    func testCompactIsCleanedWithoutSpacesLowerCased() {
        let samples = [
            "", " ", "เทศบาลตำบลครึ่ง", " ทต. ครึ่ง ", "ระบบบริการประชาชนออนไลน์ E-Service", "Big Data  เพื่อ\u{00A0}พัฒนา",
            "ก\u{0E4D}\u{0E32}", "ก\u{0E4D} \u{0E32}", "ก\u{0E4D}\u{200B}\u{0E32}", "\u{0E4D}\u{0E32}\u{0E4D}\u{0E32}", "ก\u{0E4D}\t\n\u{0E32}",
            "ÉCOLE Ärger ΣΑΣ İstanbul ß", "\u{FEFF}ชื่อ\u{00AD}เรื่อง\u{2060}", "a\u{3000}b\u{2028}c\u{1C}d", "ﬁle ＡＢＣ", "\u{0E00}\u{0E5C}\u{0E7F}",
        ]
        for s in samples { XCTAssertEqual(MatchKey.compact(s), reference(s), s.debugDescription) }
        // And on random mixtures of the scalars that matter.
        let pool: [Unicode.Scalar] = ["ก", "ำ", "\u{0E4D}", "\u{0E32}", " ", "\t", "\u{00A0}", "\u{200B}", "\u{FEFF}", "A", "z", "É", "Σ", "İ",
                                      "\u{3000}", ".", "1", "๑", "\u{1C}", "\u{85}"]
        var rng = SplitMix64(seed: 13)
        for _ in 0..<2_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<12, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            let text = String(s)
            XCTAssertEqual(MatchKey.compact(text), reference(text), text.debugDescription)
        }
    }

    /// The shortcut for ASCII and Thai is Unicode's White_Space exactly, over every scalar of
    /// the planes names are written in.
    func testIsSpaceIsUnicodesWhiteSpace() {
        for v in UInt32(0)...0x3100 {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(MatchKey.isSpace(s), s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(MatchKey.cleaned(" \tเทศบาล\u{00A0}\u{2003}ตำบล\nครึ่ง\u{3000}"), "เทศบาล ตำบล ครึ่ง")
    }
}
