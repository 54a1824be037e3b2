/// Column layout for tables measured in terminal cells: the report's text table and the
/// screens' tables both lay out their rows here.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var align: CellText.Alignment
        /// Fixed width in cells; nil shares the width left over among such columns.
        public var width: Int?
        /// The smallest a flexible column may get.
        public var minWidth: Int
        /// The title to show when the column is narrower than `title`.
        public var shortTitle: String?

        public init(_ title: String, width: Int? = nil, align: CellText.Alignment = .left, minWidth: Int = 4, shortTitle: String? = nil) {
            self.title = title
            self.width = width
            self.align = align
            self.minWidth = minWidth
            self.shortTitle = shortTitle
        }

        /// A fixed column of at least `width` cells and as wide as its title and the widest of
        /// `values` (the words of the screen's own it can hold: statuses, topics), so that they
        /// show whole in every language.
        public static func fitting(_ title: String, width: Int, align: CellText.Alignment = .left, values: [String] = []) -> Column {
            Column(title, width: ([width, CellWidth.of(title)] + values.map(CellWidth.of)).max()!, align: align)
        }

        func title(within width: Int) -> String {
            if let shortTitle, CellWidth.of(title) > width { return shortTitle }
            return title
        }
    }

    public var columns: [Column]
    public var separator: String

    public init(_ columns: [Column], separator: String = " ") {
        self.columns = columns
        self.separator = separator
    }

    /// Column widths for a total width; flexible columns share what is left (or take
    /// their natural width from `rows` when `total` is nil).
    public func widths(total: Int?, rows: [[String]] = []) -> [Int] {
        let sep = CellWidth.of(separator) * max(0, columns.count - 1)
        var widths = columns.map { $0.width ?? 0 }
        let flexible = columns.indices.filter { columns[$0].width == nil }
        if flexible.isEmpty { return widths }
        if let total {
            let left = max(0, total - sep - widths.reduce(0, +))
            for (k, c) in flexible.enumerated() {
                widths[c] = max(columns[c].minWidth, left / flexible.count + (k < left % flexible.count ? 1 : 0))
            }
        } else {
            for c in flexible {
                let natural = rows.map { $0.indices.contains(c) ? CellWidth.of($0[c]) : 0 }.max() ?? 0
                widths[c] = max(columns[c].minWidth, CellWidth.of(columns[c].title), natural)
            }
        }
        return widths
    }

    /// One row as a line of exactly the columns' widths.
    public func line(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (k, w) in widths.enumerated() {
            if k > 0 { out += separator }
            out += CellText.fit(k < cells.count ? cells[k] : "", to: w, align: columns[k].align)
        }
        return out
    }

    public func header(widths: [Int]) -> String {
        line(columns.indices.map { k in columns[k].title(within: k < widths.count ? widths[k] : 0) }, widths: widths)
    }

    /// Header, rule and rows, every line the same width in cells.
    public func render(_ rows: [[String]], total: Int? = nil) -> [String] {
        let w = widths(total: total, rows: rows)
        let width = w.reduce(0, +) + CellWidth.of(separator) * max(0, w.count - 1)
        return [header(widths: w), String(repeating: "─", count: width)] + rows.map { line($0, widths: w) }
    }
}
