import KhanaenText

/// Text being typed: a score, a search, a reason, a note. The cursor moves over whole cells
/// (a Thai mark never leaves its base); after a refused value the whole text is selected, so
/// that the next character typed replaces it, as a spreadsheet does.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor, as a count of Unicode scalars from the start.
    public private(set) var cursor: Int
    /// The whole text is selected: typing replaces it, Backspace clears it.
    public var selected = false
    /// Whether Ctrl-N starts a new line (a note).
    public let multiline: Bool
    /// The most scalars it holds.
    public let limit: Int

    public init(_ text: String = "", multiline: Bool = false, limit: Int = 2000) {
        self.text = text
        cursor = text.unicodeScalars.count
        self.multiline = multiline
        self.limit = limit
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text, the cursor at its end.
    public mutating func set(_ new: String) {
        text = new
        cursor = new.unicodeScalars.count
        selected = false
    }

    /// Types `c` at the cursor (replacing a selection).
    public mutating func type(_ c: Character) {
        if selected { set("") }
        insert(String(c))
    }

    /// What a key does to the text; false when it is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            type(c)
        case .ctrl("n") where multiline:
            if selected { set("") }
            insert("\n")
        case .backspace:
            if selected { set(""); return true }
            guard cursor > 0 else { return true }
            var scalars = Array(text.unicodeScalars)
            scalars.remove(at: cursor - 1)
            cursor -= 1
            text = String(String.UnicodeScalarView(scalars))
        case .delete:
            if selected { set(""); return true }
            var scalars = Array(text.unicodeScalars)
            guard cursor < scalars.count else { return true }
            // The whole cell after the cursor: a base and its marks go together.
            let end = nextBoundary(after: cursor)
            scalars.removeSubrange(cursor..<end)
            text = String(String.UnicodeScalarView(scalars))
        case .left:
            selected = false
            cursor = previousBoundary(before: cursor)
        case .right:
            selected = false
            cursor = nextBoundary(after: cursor)
        case .home:
            selected = false
            cursor = multiline ? lineStart(cursor) : 0
        case .end:
            selected = false
            cursor = multiline ? lineEnd(cursor) : text.unicodeScalars.count
        case .up where multiline, .down where multiline:
            selected = false
            moveLine(key == .up ? -1 : 1)
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ piece: String) {
        let count = text.unicodeScalars.count
        let added = piece.unicodeScalars.count
        guard count + added <= limit else { return }
        var scalars = Array(text.unicodeScalars)
        scalars.insert(contentsOf: piece.unicodeScalars, at: cursor)
        text = String(String.UnicodeScalarView(scalars))
        cursor += added
    }

    /// Scalar offsets where a cell begins (and the end).
    private var boundaries: [Int] {
        var out: [Int] = []
        var at = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || CellWidth.of(scalar) > 0 { out.append(at) }
            at += 1
        }
        out.append(at)
        return out
    }

    private func previousBoundary(before k: Int) -> Int { boundaries.last { $0 < k } ?? 0 }
    private func nextBoundary(after k: Int) -> Int { boundaries.first { $0 > k } ?? text.unicodeScalars.count }

    private func lineStart(_ k: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        var i = k
        while i > 0 && scalars[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd(_ k: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        var i = k
        while i < scalars.count && scalars[i] != "\n" { i += 1 }
        return i
    }

    private mutating func moveLine(_ direction: Int) {
        let start = lineStart(cursor)
        let column = CellWidth.of(String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<cursor])))
        let scalars = Array(text.unicodeScalars)
        let target: Int
        if direction < 0 {
            guard start > 0 else { cursor = 0; return }
            target = lineStart(start - 1)
        } else {
            let end = lineEnd(cursor)
            guard end < scalars.count else { cursor = end; return }
            target = end + 1
        }
        var k = target, used = 0
        while k < scalars.count && scalars[k] != "\n" {
            let w = CellWidth.of(scalars[k])
            if used + w > column { break }
            used += w
            k += 1
            while k < scalars.count && CellWidth.of(scalars[k]) == 0 && scalars[k] != "\n" { k += 1 }
        }
        cursor = k
    }

    // MARK: drawing

    /// Draws one line of the field from (x, y), `width` cells: the end of a long text when the
    /// cursor is there, the cursor as a bar; a selection in the selection's colours.
    public func draw(_ c: inout Canvas, x: Int, y: Int, width: Int, role: Role = .input) {
        guard width > 1 else { return }
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        if selected {
            c.put(CellText.clip(flat, to: width - 1), x: x, y: y, limit: width - 1, role: .selected, bold: true)
            return
        }
        let before = String(String.UnicodeScalarView(Array(flat.unicodeScalars)[0..<min(cursor, flat.unicodeScalars.count)]))
        let after = String(String.UnicodeScalarView(Array(flat.unicodeScalars)[min(cursor, flat.unicodeScalars.count)...]))
        // Keep the cursor in view: drop cells from the start of what is before it.
        var shown = before
        while CellWidth.of(shown) > width - 2, !shown.isEmpty { shown.unicodeScalars.removeFirst() }
        let used = c.put(shown, x: x, y: y, limit: width - 1, role: role)
        c.put("▏", x: x + used, y: y, role: role)
        c.put(after, x: x + used + 1, y: y, limit: max(0, width - used - 1), role: role)
    }

    /// The field's lines wrapped to `width` cells with the cursor marked, for a note editor.
    public func wrappedLines(width: Int, words: WordBreaker) -> [String] {
        var marked = Array(text.unicodeScalars)
        marked.insert("▏", at: min(cursor, marked.count))
        return LineWrap.wrap(String(String.UnicodeScalarView(marked)), width: max(1, width), words: words)
    }
}
