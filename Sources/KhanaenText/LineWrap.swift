/// Wraps text into lines of at most `width` cells, breaking at spaces, at Thai word
/// boundaries and between Thai and other scripts; a word longer than a line is cut
/// between clusters. Spaces at a break are dropped.
public enum LineWrap {
    public static func wrap(_ text: String, width: Int, words: WordBreaker) -> [String] {
        if width <= 0 { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width, words: words))
        }
        return lines
    }

    /// Pieces of text between break opportunities; each keeps its trailing spaces.
    static func pieces(_ text: String, words: WordBreaker) -> [String] {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return [] }
        var breakAt = [Bool](repeating: false, count: scalars.count + 1)
        var i = 0
        while i < scalars.count {
            if ThaiWords.isThaiLetter(scalars[i]) {
                var j = i
                while j < scalars.count && ThaiWords.isThaiLetter(scalars[j]) { j += 1 }
                for b in words.breaks(inThaiRun: Array(scalars[i..<j])) { breakAt[i + b] = true }
                i = j
            } else {
                i += 1
            }
        }
        for k in 1..<scalars.count {
            let prev = scalars[k - 1], next = scalars[k]
            if isSpace(prev) && !isSpace(next) { breakAt[k] = true; continue }
            if isSpace(next) { breakAt[k] = false; continue }
            // After a hyphen, but not after a slash: "y/n" stays whole.
            if prev == "-" { breakAt[k] = true; continue }
            let prevThai = ThaiWords.isThaiLetter(prev), nextThai = ThaiWords.isThaiLetter(next)
            if prevThai != nextThai {
                // Between scripts, but never before closing or after opening punctuation.
                breakAt[k] = !isClosing(next) && !isOpening(prev) && ThaiWords.mayBreak(before: next, after: prev)
            }
            if isClosing(next) || isOpening(prev) { breakAt[k] = false }
        }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for (k, s) in scalars.enumerated() {
            if breakAt[k] && !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(s)
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    private static func wrapParagraph(_ text: String, width: Int, words: WordBreaker) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            lines.append(trimTrailingSpaces(line))
            line = ""
            lineWidth = 0
        }
        for piece in pieces(text, words: words) {
            let visible = CellWidth.of(trimTrailingSpaces(piece))
            let full = CellWidth.of(piece)
            if lineWidth + visible <= width {
                line += piece
                lineWidth += full
                continue
            }
            if !line.isEmpty { flush() }
            if visible <= width {
                line = piece
                lineWidth = full
                continue
            }
            // A single piece wider than the line: cut it between clusters.
            for c in CellText.clusters(piece) {
                if lineWidth + c.width > width {
                    if c.text == " " { continue }
                    flush()
                }
                line += c.text
                lineWidth += c.width
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    private static func trimTrailingSpaces(_ s: String) -> String {
        var scalars = s.unicodeScalars[...]
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
    private static func isClosing(_ s: Unicode.Scalar) -> Bool { ")]}”’,.:;!?%".unicodeScalars.contains(s) || s == "ๆ" || s == "ฯ" }
    private static func isOpening(_ s: Unicode.Scalar) -> Bool { "([{“‘".unicodeScalars.contains(s) }
}
