/// Text from outside (a mailbox, a CSV, a file name) made safe to print on a terminal:
/// every character that could move the cursor, change colours, reorder what follows it
/// or start an escape sequence is replaced by a visible placeholder of one cell, and
/// everything else, Thai marks included, is left as it is.
public enum TerminalSafe {
    /// The placeholder for a C1 control or a bidirectional control, which have no control picture.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// C0 controls become their control pictures (ESC → ␛, LF → ␊, NUL → ␀), DEL becomes ␡,
    /// C1 controls and bidirectional controls become �.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(isUnsafe(s) ? placeholder(s) : s)
        }
        return String(out)
    }

    /// Whether a scalar must not reach a terminal as it is.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        return isBidiControl(v) || v == 0x2028 || v == 0x2029
    }

    /// The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
    /// direction marks (U+200E, U+200F, U+061C): each can make a line read in another order.
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    static func placeholder(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
        if v == 0x7F { return "\u{2421}" }
        return replacement
    }
}

extension String {
    /// This text with terminal controls shown as placeholders (see `TerminalSafe`).
    public var terminalSafe: String { TerminalSafe.sanitized(self) }
}
