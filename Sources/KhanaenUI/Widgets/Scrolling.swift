/// Moving through a list or a long text: up, down, a page, the ends.
public enum Movement: Equatable, Sendable {
    case up, down, pageUp, pageDown, home, end
}

/// A selected row in a list of `count` rows, shown `page` rows at a time. One policy for
/// every list: the offsets are always clamped, and when the selection passes an edge the
/// list turns a whole page, as mutt's does, rather than scroll a row: a scrolled-in row is
/// sent whole (Thai is three bytes a letter), while a new page reuses every cell that stays
/// the same.
public struct ListWindow: Equatable, Sendable {
    /// The selected row, or nil when the list is empty.
    public private(set) var selected: Int?
    /// The first row shown.
    public private(set) var top = 0

    public init(selected: Int? = 0) { self.selected = selected }

    public mutating func move(_ m: Movement, count: Int, page: Int) {
        guard count > 0 else { selected = nil; top = 0; return }
        let p = selected ?? 0
        let page = max(1, page)
        switch m {
        case .up: select(p - 1, count: count, page: page)
        case .down: select(p + 1, count: count, page: page)
        case .pageUp:
            top = max(0, top - page)
            select(p - page, count: count, page: page)
        case .pageDown:
            top = min(max(0, count - page), top + page)
            select(p + page, count: count, page: page)
        case .home: select(0, count: count, page: page)
        case .end: select(count - 1, count: count, page: page)
        }
    }

    /// Selects row `r` (clamped) and keeps it in view.
    public mutating func select(_ r: Int, count: Int, page: Int) {
        guard count > 0 else { selected = nil; top = 0; return }
        selected = min(max(0, r), count - 1)
        keepInView(count: count, page: page)
    }

    /// After the rows or the page size changed: the offsets clamped, the selection in view.
    public mutating func keepInView(count: Int, page: Int) {
        let page = max(1, page)
        guard count > 0 else { selected = nil; top = 0; return }
        if let s = selected, s >= count { selected = count - 1 }
        if selected == nil { selected = 0 }
        top = min(max(0, top), max(0, count - page))
        let s = selected!
        if s < top { top = max(0, s - page + 1) }
        if s >= top + page { top = min(s, max(0, count - page)) }
    }
}

/// A long text shown `page` lines at a time: the offset of its first line, always clamped to
/// the text's length, so that End and then Up moves at once.
public struct Viewport: Equatable, Sendable {
    public private(set) var top = 0

    public init() {}

    public mutating func move(_ m: Movement, lines: Int, page: Int) {
        let last = max(0, lines - max(1, page))
        switch m {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, page - 1)
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        case .end: top = last
        }
        top = min(max(0, top), last)
    }

    public mutating func reset() { top = 0 }

    /// The first line to show of `lines`, for a page of `page` (the text may have shrunk).
    public func first(lines: Int, page: Int) -> Int { min(top, max(0, lines - max(1, page))) }
}
