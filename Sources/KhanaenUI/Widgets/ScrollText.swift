import KhanaenText

/// A line of a long text: its text, role and weight.
typealias ScreenLine = (text: String, role: Role, bold: Bool)

/// A long text that scrolls as a whole, in both programs (the console's screens 3–7, the
/// judge's full reading, an entry's documents): lines with roles, wrapped at Thai word
/// boundaries as they are added, and drawn a page at a time from a `Viewport`, with the
/// position ("12/40") on the row under them.
struct ScrollText {
    private(set) var lines: [ScreenLine] = []
    let width: Int
    let words: WordBreaker
    /// Whether a new line in the text starts a new line on screen (a document's paragraphs),
    /// or is read as a space (a field from a form or a mail).
    let keepsNewlines: Bool

    init(width: Int, words: WordBreaker, keepsNewlines: Bool = false) {
        self.width = width
        self.words = words
        self.keepsNewlines = keepsNewlines
    }

    /// `text` wrapped to the width, each line after `indent`.
    mutating func wrap(_ text: String, _ role: Role = .normal, bold: Bool = false, indent: String = "") {
        let text = keepsNewlines ? text : text.replacingNewlines
        for l in LineWrap.wrap(text, width: max(1, width - CellWidth.of(indent)), words: words) { lines.append((indent + l, role, bold)) }
    }

    /// One line as it is (a table's row, a heading cut to the screen when drawn).
    mutating func line(_ text: String, _ role: Role = .normal, bold: Bool = false) { lines.append((text, role, bold)) }

    mutating func blank() { lines.append(("", .normal, false)) }

    mutating func append(_ line: ScreenLine) { lines.append(line) }

    mutating func append(contentsOf more: [ScreenLine]) { lines += more }

    /// When the position under the text is shown.
    enum Position { case always, whenLonger }

    /// The page of `lines` that `viewport` is at, in `r`, each line cut to its width; the
    /// position right-aligned on `positionRow`.
    static func draw(_ c: inout Canvas, _ lines: [ScreenLine], _ viewport: Viewport, in r: Rect, positionRow: Int,
                     position: Position = .always) {
        let rows = max(1, r.height)
        let first = viewport.first(lines: lines.count, page: rows)
        for (k, line) in lines.dropFirst(first).prefix(r.height).enumerated() {
            c.put(line.text, x: r.x, y: r.y + k, limit: r.width, role: line.role, bold: line.bold)
        }
        guard position == .always || lines.count > rows else { return }
        let shown = "\(min(lines.count, first + rows))/\(lines.count)"
        c.put(shown, x: c.width - CellWidth.of(shown) - 1, y: positionRow, role: .muted)
    }
}

/// A text as screen lines, wrapped to `width` at Thai word boundaries.
func wrappedLines(_ text: String, width: Int, role: Role = .normal, bold: Bool = false, indent: String = "", words: WordBreaker) -> [ScreenLine] {
    var t = ScrollText(width: width, words: words)
    t.wrap(text, role, bold: bold, indent: indent)
    return t.lines
}
