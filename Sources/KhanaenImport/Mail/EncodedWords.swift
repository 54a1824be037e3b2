/// Header text as mail carries it: RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?TIS-620?Q?…?=`),
/// with the whitespace between two adjacent encoded words dropped, and raw 8-bit text that
/// declared nothing read as UTF-8 or else windows-874.
public enum EncodedWords {
    public static func decode<C: Collection>(_ raw: C) -> String where C.Element == UInt8 {
        let b = Array(raw)
        var segments: [Segment] = []
        var plainStart = 0
        var k = 0
        while k + 1 < b.count {
            if b[k] == 0x3D && b[k + 1] == 0x3F, let (word, end) = encodedWord(b, at: k) {
                if plainStart < k { segments.append(.plain(Array(b[plainStart..<k]))) }
                segments.append(.encoded(charset: word.charset, bytes: word.bytes))
                k = end
                plainStart = end
            } else {
                k += 1
            }
        }
        if plainStart < b.count { segments.append(.plain(Array(b[plainStart...]))) }

        // Adjacent words of one charset are joined before decoding: clients split a Thai
        // character's UTF-8 bytes across two words.
        var text = ""
        var pending: (charset: String, bytes: [UInt8])? = nil
        func flush() {
            if let p = pending { text += Charset.decode(p.bytes, label: p.charset) }
            pending = nil
        }
        for (n, s) in segments.enumerated() {
            switch s {
            case .encoded(let charset, let bytes):
                if let p = pending, p.charset == charset {
                    pending!.bytes += bytes
                } else {
                    flush()
                    pending = (charset, bytes)
                }
            case .plain(let bytes):
                let betweenWords = n > 0 && n + 1 < segments.count && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
                if case .encoded = segments[max(0, n - 1)], case .encoded = segments[min(segments.count - 1, n + 1)], betweenWords { continue }
                flush()
                text += bytes.undeclaredText
            }
        }
        flush()
        return text
    }

    enum Segment { case plain([UInt8]), encoded(charset: String, bytes: [UInt8]) }

    /// `=?charset?B|Q?text?=` at `at`: its charset (any RFC 2231 language removed), its bytes,
    /// and where it ends.
    static func encodedWord(_ b: [UInt8], at start: Int) -> (word: (charset: String, bytes: [UInt8]), end: Int)? {
        var k = start + 2
        let charsetStart = k
        while k < b.count && b[k] != 0x3F {
            if b[k] <= 0x20 { return nil }
            k += 1
        }
        guard k + 2 < b.count, k > charsetStart, b[k + 2] == 0x3F else { return nil }
        var charset = String(decoding: b[charsetStart..<k], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let mode = b[k + 1] | 0x20
        guard mode == UInt8(ascii: "b") || mode == UInt8(ascii: "q") else { return nil }
        let textStart = k + 3
        var e = textStart
        while e + 1 < b.count && !(b[e] == 0x3F && b[e + 1] == 0x3D) {
            if b[e] == 0x20 || b[e] == 0x0A || b[e] == 0x0D { return nil }
            e += 1
        }
        guard e + 1 < b.count else { return nil }
        let text = b[textStart..<e]
        let bytes = mode == UInt8(ascii: "b") ? TransferEncoding.base64(text) : TransferEncoding.quotedPrintable(text, underscoreIsSpace: true)
        return ((charset, bytes), e + 2)
    }
}

/// A MIME charset label to text.
public enum Charset {
    /// Bytes in the charset `label`. Text labelled TIS-620 or ISO-8859-11 is read as
    /// windows-874, its superset: Thai mail clients label cp874 punctuation (“ ” –) TIS-620.
    /// An unknown or missing label reads as undeclared text.
    public static func decode<C: Collection>(_ bytes: C, label: String?) -> String where C.Element == UInt8 {
        guard let label, let encoding = TextEncoding(label: label) else { return bytes.undeclaredText }
        switch encoding {
        case .tis620, .windows874: return TextEncoding.windows874.decode(bytes)
        case .utf8: return TextEncoding.isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : bytes.undeclaredText
        default: return encoding.decode(bytes)
        }
    }
}
