/// The encodings Thai mail and Thai Excel write text in, decoded (and, for making test files,
/// encoded) here rather than through iconv, whose Thai tables differ between systems.
///
/// TIS-620 puts the Thai letters at 0xA1–0xFB (U+0E01–U+0E5B, the same order); windows-874 is
/// TIS-620 with punctuation in 0x80–0x9F (€ … ‘ ’ “ ” • – —) and NBSP at 0xA0. Below 0x80 both
/// are ASCII. A byte that neither defines becomes U+FFFD.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows874 = "windows-874"
    case tis620 = "tis-620"
    case latin1 = "iso-8859-1"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// An encoding from a MIME charset or a command-line name; nil when unknown.
    public init?(label: String) {
        switch label.lowercased().trimmed(extra: "\"'") {
        case "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii": self = .utf8
        case "windows-874", "cp874", "x-windows-874", "ms874", "windows874": self = .windows874
        case "tis-620", "tis620", "iso-8859-11", "iso8859-11", "iso_8859-11", "x-tis-620", "th": self = .tis620
        case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1", "latin-1": self = .latin1
        case "utf-16le": self = .utf16le
        case "utf-16be", "utf-16": self = .utf16be
        default: return nil
        }
    }

    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows874, .tis620, .latin1:
            var scalars = String.UnicodeScalarView()
            for b in bytes { scalars.append(scalar(b)) }
            return String(scalars)
        case .utf16le, .utf16be:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var it = bytes.makeIterator()
            while let a = it.next(), let b = it.next() {
                units.append(self == .utf16le ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
            }
            return String(decoding: units, as: UTF16.self)
        }
    }

    /// One byte of a single-byte encoding as a scalar.
    func scalar(_ b: UInt8) -> Unicode.Scalar {
        if b < 0x80 { return Unicode.Scalar(b) }
        if self == .latin1 { return Unicode.Scalar(b) }
        if b == 0xA0 { return "\u{00A0}" }
        if (0xA1...0xDA).contains(b) || (0xDF...0xFB).contains(b) { return Unicode.Scalar(UInt32(b) + 0x0D60)! }
        if self == .windows874, let p = TextEncoding.windows874Punctuation[b] { return p }
        return "\u{FFFD}"
    }

    static let windows874Punctuation: [UInt8: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x85: "\u{2026}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}",
        0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
    ]

    /// Text in a single-byte encoding; nil if a character has no byte in it.
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf16le, .utf16be:
            return text.utf16.flatMap { u in self == .utf16le ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
        case .windows874, .tis620, .latin1:
            var out: [UInt8] = []
            out.reserveCapacity(text.unicodeScalars.count)
            for s in text.unicodeScalars {
                let v = s.value
                if v < 0x80 || (self == .latin1 && v < 0x100) { out.append(UInt8(v)); continue }
                if v == 0xA0 { out.append(0xA0); continue }
                if v >= 0x0E01 && v <= 0x0E5B, scalar(UInt8(v - 0x0D60)) == s { out.append(UInt8(v - 0x0D60)); continue }
                if self == .windows874, let b = TextEncoding.windows874Punctuation.first(where: { $0.value == s })?.key { out.append(b); continue }
                return nil
            }
            return out
        }
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Text whose encoding nobody declared, as Thai systems write it: a byte-order mark says
    /// UTF-8 or UTF-16; else well-formed UTF-8 is UTF-8 and anything else windows-874.
    public static func detect(_ bytes: [UInt8]) -> (encoding: TextEncoding, bomLength: Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16le, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16be, 2) }
        return (isValidUTF8(bytes) ? .utf8 : .windows874, 0)
    }

    /// Text whose encoding nobody declared (see `detect`).
    public static func decodeUndeclared(_ bytes: [UInt8]) -> String {
        let (encoding, bom) = detect(bytes)
        return encoding.decode(bytes[bom...])
    }
}
