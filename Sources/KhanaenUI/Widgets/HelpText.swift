import KhanaenCore
import KhanaenText

/// The help screen of either program: every key of its keymaps, in sections, flowing down
/// one column and then the next, two columns a page; a help longer than a page goes on to
/// the next (an 80×24 terminal holds about 40 rows of it a page). A key already explained by
/// an earlier section, with the same action, is not repeated.
struct HelpText {
    struct Section {
        var title: String
        /// Lines before the section's bindings: a label and its text.
        var extra: [(String, String)]
        var keys: Keymap
    }

    struct Line: Equatable {
        var label: String
        var text: String
        var isTitle = false
    }

    static let labelWidth = 12

    /// The items of the help, each a few lines that stay together in a column.
    static func items(_ sections: [Section], width: Int, language: Language, words: WordBreaker) -> [[Line]] {
        let half = (width - 3) / 2
        var items: [[Line]] = []
        var explained: [(String, Action)] = []
        for section in sections {
            // A title keeps with the first item under it.
            var pending: [Line] = items.isEmpty ? [] : [Line(label: "", text: "")]
            pending.append(Line(label: "", text: section.title, isTitle: true))
            var rows = section.extra
            for b in section.keys.bindings where !explained.contains(where: { $0.0 == b.label && $0.1 == b.action }) {
                explained.append((b.label, b.action))
                rows.append((b.label, b.what.text(language)))
            }
            for (label, text) in rows {
                let parts = LineWrap.wrap(text, width: max(1, half - labelWidth - 1), words: words)
                items.append(pending + parts.enumerated().map { Line(label: $0.offset == 0 ? label : "", text: $0.element) })
                pending = []
            }
            if !pending.isEmpty { items.append(pending) }
        }
        return items
    }

    /// The help in columns of `rows` lines: a column never splits an item, and never starts
    /// with a blank line.
    static func columns(_ sections: [Section], width: Int, rows: Int, language: Language, words: WordBreaker) -> [[Line]] {
        var columns: [[Line]] = [[]]
        for var item in items(sections, width: width, language: language, words: words) {
            if columns[columns.count - 1].count + item.count > rows && !columns[columns.count - 1].isEmpty {
                columns.append([])
                if item.first?.text.isEmpty == true { item.removeFirst() }
            }
            columns[columns.count - 1] += item.prefix(rows)
        }
        return columns
    }

    /// The pages of a help drawn on `rows` rows: the page's columns, and whether a row is
    /// kept for saying there are more pages.
    static func layout(_ sections: [Section], width: Int, rows: Int, language: Language, words: WordBreaker) -> (pages: [[[Line]]], rows: Int) {
        var cols = columns(sections, width: width, rows: rows, language: language, words: words)
        var used = rows
        if cols.count > 2 {
            used = rows - 1
            cols = columns(sections, width: width, rows: used, language: language, words: words)
        }
        let pages = stride(from: 0, to: cols.count, by: 2).map { Array(cols[$0..<min($0 + 2, cols.count)]) }
        return (pages, used)
    }

    /// How many pages the help takes, for moving through them.
    static func pageCount(_ sections: [Section], width: Int, rows: Int, language: Language, words: WordBreaker) -> Int {
        layout(sections, width: width, rows: rows, language: language, words: words).pages.count
    }

    /// Draws the page `scroll` is on in `r` (the screen's width); when there is more than one
    /// page, the last row says which and how to turn.
    static func draw(_ c: inout Canvas, in r: Rect, _ sections: [Section], scroll: Viewport, strings: Strings, words: WordBreaker) {
        let top = r.y, bottom = r.bottom
        let (pages, rows) = layout(sections, width: c.width, rows: r.height, language: strings.language, words: words)
        let p = scroll.first(lines: pages.count, page: 1)
        let half = (c.width - 3) / 2
        for (column, lines) in pages[p].enumerated() {
            let x = 1 + column * (half + 1)
            for (row, line) in lines.prefix(rows).enumerated() {
                let y = top + row
                if line.isTitle {
                    c.put(line.text, x: x, y: y, limit: half, role: .accent, bold: true)
                } else {
                    c.put(CellText.fit(line.label, to: labelWidth), x: x, y: y, limit: labelWidth, bold: true)
                    c.put(line.text, x: x + labelWidth + 1, y: y, limit: half - labelWidth - 1)
                }
            }
        }
        if pages.count > 1 {
            c.put(strings.helpPage(p + 1, of: pages.count), x: 1, y: bottom - 1, limit: c.width - 2, role: .muted)
        }
    }
}
