extension StringProtocol {
    /// Without whitespace (and any of `extra`) at either end.
    func trimmed(extra: String = "") -> String {
        let scalars = unicodeScalars
        let drop: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || extra.unicodeScalars.contains($0) }
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// ASCII letters in lower case, everything else as it is (header names, MIME types, charsets).
    var asciiLowercased: String {
        String(String.UnicodeScalarView(unicodeScalars.map { s in
            s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 0x20)! : s
        }))
    }
}

extension Collection where Element == UInt8 {
    /// The bytes as text: UTF-8 when well-formed, else windows-874 (8-bit Thai in a header or
    /// a file name that declared nothing).
    var undeclaredText: String {
        TextEncoding.isValidUTF8(self) ? String(decoding: self, as: UTF8.self) : TextEncoding.windows874.decode(self)
    }
}
