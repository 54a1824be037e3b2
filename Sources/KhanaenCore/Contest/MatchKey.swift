/// The forms in which two names or titles are compared: what a typist varies without meaning
/// to (spaces, invisible characters, SARA AM typed as NIKHAHIT + SARA AA, Latin case) does
/// not make two names differ.
public enum MatchKey {
    /// Whitespace runs (NBSP too) as one space, zero-width characters removed, SARA AM
    /// composed, trimmed. Case and every letter are kept: this is for display and parsing.
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var previous: Unicode.Scalar? = nil
        for s in text.unicodeScalars {
            if isSpace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            if s.value >= 0x80 && invisible.contains(s.value) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false; previous = " " }
            // NIKHAHIT (U+0E4D) then SARA AA (U+0E32) looks exactly like SARA AM (U+0E33).
            if s.value == 0x0E32, previous?.value == 0x0E4D {
                out.removeLast()
                out.append("\u{0E33}")
                previous = "\u{0E33}"
                continue
            }
            out.append(s)
            previous = s
        }
        return String(out)
    }

    /// Unicode's White_Space, without its table lookup for ASCII and Thai (the names and titles
    /// read at every start: the lookup was most of the eligibility check's time).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x0E01 && v <= 0x0E7F { return false }
        return s.properties.isWhitespace
    }

    /// `cleaned` with no spaces at all and Latin letters in lower case: Thai is written
    /// without spaces between words, so a space is never what tells two names apart.
    ///
    /// The same as `cleaned(text)` without its spaces, lower-cased, in one pass (the ranking
    /// compares every entry's title this way after each ledger change): a whitespace run
    /// still keeps NIKHAHIT and SARA AA apart, as the space `cleaned` puts there does.
    public static func compact(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.utf8.count)
        var afterNikhahit = false
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x0E01 && v <= 0x0E7F {
                // Thai: no case, no spaces, nothing invisible.
                if v == 0x0E32 && afterNikhahit {
                    out.removeLast()
                    out.append("\u{0E33}")
                    afterNikhahit = false
                } else {
                    out.append(s)
                    afterNikhahit = v == 0x0E4D
                }
                continue
            }
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) { afterNikhahit = false; continue }
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : s)
                afterNikhahit = false
                continue
            }
            if s.properties.isWhitespace { afterNikhahit = false; continue }
            if invisible.contains(v) { continue }
            out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            afterNikhahit = false
        }
        return String(out)
    }

    /// An organisation's key: its kind written in full (ทต. and เทศบาลตำบล are one), then compact.
    public static func organisation(_ name: String) -> String {
        compact(OrganisationKind.expanded(name))
    }

    /// A title's key.
    public static func title(_ title: String) -> String { compact(title) }

    /// Zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen.
    static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
}
