import KhanaenText

/// A file name from a mail attachment made safe to create in an entry's folder: only its
/// last path component (after / or \), no control, bidirectional or invisible characters,
/// none of `: * ? " < > |` (the folder may be copied to Windows), no leading dots or spaces,
/// no Windows device name (CON, nul.txt, aux.pdf, COM1: `_CON`…),
/// at most `maxBytes` bytes of UTF-8 with the extension kept, and never empty.
public enum SafeFileName {
    /// Room under the file system's 255 bytes for " (99)" and ".txt".
    public static let maxBytes = 200

    /// Zero-width space, word joiner, byte-order mark, line and paragraph separators.
    static let invisible: Set<UInt32> = [0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029]

    public static func make(_ raw: String?, fallback: String) -> String {
        var name = raw ?? ""
        if let cut = name.unicodeScalars.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
            name = String(name.unicodeScalars[name.unicodeScalars.index(after: cut)...])
        }
        var scalars = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            let v = s.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || TerminalText.isBidiControl(v) || invisible.contains(v) { continue }
            if ":*?\"<>|".unicodeScalars.contains(s) { scalars.append("_"); continue }
            scalars.append(s.properties.isWhitespace ? " " : s)
        }
        name = String(scalars)
        // No leading dots (hidden files, . and ..) or spaces, no trailing ones (Windows drops them).
        while let f = name.unicodeScalars.first, f == "." || f == " " { name.unicodeScalars.removeFirst() }
        while let l = name.unicodeScalars.last, l == "." || l == " " { name.unicodeScalars.removeLast() }
        if name.isEmpty { name = fallback }
        // CON, nul.txt, Aux.tar.gz, COM1: Windows opens a device, not the file, and a copy
        // of the folder to Windows fails. Such a name gets a leading "_", as a ":" becomes "_".
        if isWindowsDeviceName(name) { name = "_" + name }
        return limited(name, to: maxBytes)
    }

    /// CON, PRN, AUX, NUL, COM0–9 and LPT0–9 (also with ¹ ² ³), in any case, alone or before
    /// an extension, with or without spaces or dots after: names Windows keeps for devices.
    public static func isWindowsDeviceName(_ name: String) -> Bool {
        var stem = Substring(name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        while let l = stem.unicodeScalars.last, l == " " || l == "." { stem = Substring(stem.unicodeScalars.dropLast()) }
        let upper = stem.uppercased()
        if ["CON", "PRN", "AUX", "NUL"].contains(upper) { return true }
        let scalars = Array(upper.unicodeScalars)
        guard scalars.count == 4, ["COM", "LPT"].contains(String(String.UnicodeScalarView(scalars[0..<3]))) else { return false }
        return ("0"..."9").contains(scalars[3]) || ["\u{00B9}", "\u{00B2}", "\u{00B3}"].contains(scalars[3])
    }

    /// The name cut to `bytes` bytes at a character boundary, keeping a short extension.
    static func limited(_ name: String, to bytes: Int) -> String {
        if name.utf8.count <= bytes { return name }
        let (stem, ext) = split(name)
        let keepExt = ext.utf8.count <= 16 ? ext : ""
        var out = ""
        for c in stem {
            if out.utf8.count + c.utf8.count + keepExt.utf8.count > bytes { break }
            out.append(c)
        }
        // A cut stem may end in a space or dot; the name must stay plain.
        while let l = out.unicodeScalars.last, l == "." || l == " " { out.unicodeScalars.removeLast() }
        return (out.isEmpty ? "file" : out) + keepExt
    }

    /// "report.final.pdf" → ("report.final", ".pdf"); a name with no dot after its first character has no extension.
    static func split(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }

    /// The n-th name for a file whose name is taken: "name (2).pdf", "name (3).pdf".
    public static func numbered(_ name: String, _ n: Int) -> String {
        if n <= 1 { return name }
        let (stem, ext) = split(name)
        return stem + " (\(n))" + ext
    }
}
