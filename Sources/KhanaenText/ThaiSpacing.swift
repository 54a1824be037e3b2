/// Spaces that a PDF's layout puts where Thai never has one: `pdftotext -layout` spaces a
/// line's glyph clusters out, and "หนองป่าครั่ง" comes back as "หนองป่ าครั่ง". A space before a
/// mark, a following vowel or SARA AM, or after a leading vowel, lies inside a syllable: it is
/// taken out. Every other space, and every line break, stays.
public enum ThaiSpacing {
    /// Never begins a syllable: the marks above and below, SARA A, SARA AA, SARA AM, LAKKHANGYAO.
    static func continuesSyllable(_ v: UInt32) -> Bool {
        v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v) || v == 0x0E30 || v == 0x0E32 || v == 0x0E33 || v == 0x0E45
    }

    /// Written before its consonant: เ แ โ ใ ไ.
    static func leadingVowel(_ v: UInt32) -> Bool { (0x0E40...0x0E44).contains(v) }

    static func thai(_ v: UInt32) -> Bool { (0x0E01...0x0E5B).contains(v) }

    public static func repair(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var k = 0
        while k < scalars.count {
            let s = scalars[k]
            if s == " " || s == "\u{00A0}", let before = out.last, thai(before.value) {
                var end = k
                while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{00A0}" { end += 1 }
                if end < scalars.count, thai(scalars[end].value),
                   continuesSyllable(scalars[end].value) || leadingVowel(before.value) {
                    k = end
                    continue
                }
            }
            out.append(s)
            k += 1
        }
        return String(out)
    }
}
