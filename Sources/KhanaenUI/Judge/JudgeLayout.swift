/// Where each part of a workstation screen is, for a terminal of a size: what the views draw
/// into, and what update turns a page by.
struct JudgeLayout {
    let title: Rect, body: Rect, status: Rect, hints: Rect

    init(width: Int, height: Int) {
        let p = Layout.rows([.fixed(1), .fill, .fixed(1), .fixed(1)]).split(Rect(width: width, height: height))
        (title, body, status, hints) = (p[0], p[1], p[2], p[3])
    }

    /// The entry list: the counts, the columns' header, the entries, and where the selection is.
    var list: (summary: Rect, header: Rect, rows: Rect, position: Rect) {
        let p = Layout.rows([.fixed(1), .fixed(1), .fill, .fixed(1)]).split(body)
        return (p[0], p[1], p[2], p[3])
    }

    /// The sheet: the entry's place, the title, criteria and notes, a rule, the total.
    var sheet: (place: Rect, body: Rect, rule: Rect, total: Rect) {
        let p = Layout.rows([.fixed(1), .fill, .fixed(1), .fixed(1)]).split(body)
        return (p[0], p[1], p[2], p[3])
    }

    /// The whole reading of an entry: the text, and where it is.
    var reader: (text: Rect, position: Rect) {
        let p = Layout.rows([.fill, .fixed(1)]).split(body)
        return (p[0], p[1])
    }

    /// An entry's documents, with their tabs and position (`DocumentReader`'s own parts).
    var documents: Rect { body }

    /// The help, under a blank row, down to the bottom of the screen.
    var help: Rect {
        let whole = Rect(width: title.width, height: hints.bottom)
        return Layout.rows([.fixed(1), .fixed(1), .fill]).split(whole)[2]
    }
}
