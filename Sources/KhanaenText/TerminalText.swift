/// Text from a contest, an entries file, a ledger or a mailbox is untrusted: an escape
/// sequence in an entry's title could retitle the chair's window or write to their clipboard
/// (OSC 52), and a bidirectional override could make a line read as something it is not.
/// Such characters are shown as visible placeholders, never sent; Thai marks are untouched.
public enum TerminalText {
    /// The placeholder for a scalar that must not reach a terminal, or nil for one that may.
    /// C0 controls show as their control pictures (ESC as ␛), DEL as ␡, C1 controls and
    /// bidirectional controls as �.
    @inline(__always)
    public static func placeholder(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v < 0x7F { return nil }
        if v == 0x7F { return "\u{2421}" }
        if v < 0xA0 { return "\u{FFFD}" }
        if v < 0x061C { return nil }
        // Bidirectional controls, and the line and paragraph separators, which some
        // terminals take for line breaks.
        if isBidiControl(v) || v == 0x2028 || v == 0x2029 { return "\u{FFFD}" }
        return nil
    }

    /// U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: the marks, embeddings, overrides
    /// and isolates that reorder what a terminal shows.
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// Whether `text` holds nothing that must be replaced (the common case: no copy is made).
    public static func isSafe(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        for s in text.unicodeScalars where placeholder(s) != nil {
            if keepingLineBreaks && (s == "\n" || s == "\t") { continue }
            return false
        }
        return true
    }

    /// `text` with every control and bidirectional control replaced by its placeholder;
    /// with `keepingLineBreaks`, newlines and tabs stay (for output of several lines).
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        if isSafe(text, keepingLineBreaks: keepingLineBreaks) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if keepingLineBreaks && (s == "\n" || s == "\t") {
                out.append(s)
            } else {
                out.append(placeholder(s) ?? s)
            }
        }
        return String(out)
    }
}

extension String {
    /// This text with terminal controls shown as placeholders (see `TerminalText`).
    public var terminalSafe: String { TerminalText.safe(self) }
}
