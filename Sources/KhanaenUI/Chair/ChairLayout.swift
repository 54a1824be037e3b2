/// Where each part of a console screen is, for a terminal of a size: what the views draw
/// into, and what update turns a page by.
struct ChairLayout {
    let title: Rect, tabs: Rect, body: Rect, status: Rect, footer: Rect

    init(width: Int, height: Int) {
        let p = Layout.rows([.fixed(1), .fixed(1), .fill, .fixed(1), .fixed(1)]).split(Rect(width: width, height: height))
        (title, tabs, body, status, footer) = (p[0], p[1], p[2], p[3], p[4])
    }

    /// A screen that scrolls as a whole (3–7): the text, a blank row, where it is.
    var scrolled: (text: Rect, position: Rect) {
        let p = Layout.rows([.fill, .fixed(1), .fixed(1)]).split(body)
        return (p[0], p[2])
    }

    /// The ranking: the columns' header, the notice (when there is one), the rows, a blank
    /// row, the selected entry's line.
    func ranking(notice: Bool) -> (header: Rect, notice: Rect, rows: Rect, selected: Rect) {
        let p = Layout.rows([.fixed(1), .fixed(notice ? 1 : 0), .fill, .fixed(1), .fixed(1)]).split(body)
        return (p[0], p[1], p[2], p[4])
    }

    /// The matrix: the judges' header, the rows, the judges' means, the legend, the selected
    /// entry's line.
    var matrix: (header: Rect, rows: Rect, means: Rect, legend: Rect, selected: Rect) {
        let p = Layout.rows([.fixed(1), .fill, .fixed(1), .fixed(1), .fixed(1)]).split(body)
        return (p[0], p[1], p[2], p[3], p[4])
    }

    /// The discussion queue: its heading, the items, a blank row, the selected item in two lines.
    var queue: (heading: Rect, items: Rect, selected: Rect) {
        let p = Layout.rows([.fixed(1), .fill, .fixed(1), .fixed(2)]).split(body)
        return (p[0], p[1], p[3])
    }

    /// The eligibility panel: its heading, the columns' header, the entries, the selected
    /// entry's rules in two lines, the legend.
    var eligibility: (heading: Rect, header: Rect, rows: Rect, selected: Rect, legend: Rect) {
        let p = Layout.rows([.fixed(1), .fixed(1), .fill, .fixed(2), .fixed(1)]).split(body)
        return (p[0], p[1], p[2], p[3], p[4])
    }

    /// An entry's documents: whose they are, then the reader (`DocumentReader`'s own parts).
    var documents: (heading: Rect, reader: Rect) {
        let p = Layout.rows([.fixed(1), .fill]).split(body)
        return (p[0], p[1])
    }

    /// The help, under a blank row.
    var help: Rect { Layout.rows([.fixed(1), .fill]).split(body)[1] }
}
