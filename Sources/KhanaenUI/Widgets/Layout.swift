/// A rectangle of terminal cells: where a part of a screen is drawn.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The first row below the rectangle.
    public var bottom: Int { y + height }
    /// The first column right of the rectangle.
    public var right: Int { x + width }

    /// The rows a page of what is drawn in the rectangle turns by: at least one.
    public var pageRows: Int { max(1, height) }

    /// The rectangle less `left` and `right` columns on its sides.
    public func inset(left: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y, width: width - left - right, height: height)
    }
}

/// A rectangle split into rows or into columns, as ratatui's `Layout`: each part a fixed
/// number of cells or a share of what the fixed parts leave. Both what a view draws into and
/// what update turns a page by come from one such split of the screen's size, so the two
/// never disagree about how many lines fit.
public struct Layout: Equatable, Sendable {
    public enum Size: Equatable, Sendable {
        /// Exactly this many cells (fewer when the rectangle is too small for every fixed part).
        case fixed(Int)
        /// An equal share of what the fixed parts leave.
        case fill
    }

    enum Axis: Sendable { case rows, columns }

    let axis: Axis
    public let sizes: [Size]

    /// Parts stacked from the top down.
    public static func rows(_ sizes: [Size]) -> Layout { Layout(axis: .rows, sizes: sizes) }
    /// Parts side by side from the left.
    public static func columns(_ sizes: [Size]) -> Layout { Layout(axis: .columns, sizes: sizes) }

    /// The parts of `r`, one for each size, in order. They never overlap and never leave `r`:
    /// when `r` is too small, the fills shrink first (to nothing), then the last fixed parts.
    public func split(_ r: Rect) -> [Rect] {
        let total = axis == .rows ? r.height : r.width
        var at = axis == .rows ? r.y : r.x
        return Layout.lengths(sizes, total: total).map { length in
            defer { at += length }
            return axis == .rows ? Rect(x: r.x, y: at, width: r.width, height: length)
                                 : Rect(x: at, y: r.y, width: length, height: r.height)
        }
    }

    static func lengths(_ sizes: [Size], total: Int) -> [Int] {
        var left = max(0, total)
        var out = [Int](repeating: 0, count: sizes.count)
        var fills: [Int] = []
        for (k, size) in sizes.enumerated() {
            switch size {
            case .fixed(let n):
                out[k] = min(max(0, n), left)
                left -= out[k]
            case .fill:
                fills.append(k)
            }
        }
        guard !fills.isEmpty else { return out }
        // Shares as equal as cells allow, the earlier fills taking the odd cells.
        let share = left / fills.count, odd = left % fills.count
        for (n, k) in fills.enumerated() { out[k] = share + (n < odd ? 1 : 0) }
        return out
    }
}
