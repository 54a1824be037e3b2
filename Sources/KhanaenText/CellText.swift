/// A piece of text that fills whole terminal cells: one spacing scalar and the
/// zero-width marks that follow it. Thai needs this rather than `Character`:
/// "ตำ" is one Character but two cells, and a mark must never leave its base.
public struct CellCluster: Equatable, Sendable {
    public var text: String
    public var width: Int

    public init(_ text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

public enum CellText {
    /// Splits text into clusters. Marks at the very start, with no base, form a cluster of width 0.
    /// Controls and bidirectional controls become visible placeholders (`TerminalText`).
    public static func clusters(_ text: String) -> [CellCluster] {
        var result: [CellCluster] = []
        result.reserveCapacity(text.utf8.count)
        var current = String.UnicodeScalarView()
        var currentWidth = 0
        for original in text.unicodeScalars {
            // A control is drawn as its placeholder, in a cell of its own.
            let scalar = TerminalText.placeholder(original) ?? original
            let w = CellWidth.of(scalar)
            if w == 0 {
                current.append(scalar)
                continue
            }
            if !current.isEmpty { result.append(CellCluster(String(current), width: currentWidth)) }
            current = String.UnicodeScalarView()
            current.append(scalar)
            currentWidth = w
        }
        if !current.isEmpty { result.append(CellCluster(String(current), width: currentWidth)) }
        return result
    }

    /// The longest prefix that fits in `width` cells, with "…" in the last cell when text was cut.
    public static func clip(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        if width <= 0 { return "" }
        if CellWidth.of(text) <= width { return text }
        let budget = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in clusters(text) {
            if used + c.width > budget { break }
            out += c.text
            used += c.width
        }
        return ellipsis ? out + "…" : out
    }

    public enum Alignment: Sendable { case left, right, center }

    /// Exactly `width` cells: clipped when longer, padded with spaces when shorter.
    public static func fit(_ text: String, to width: Int, align: Alignment = .left, ellipsis: Bool = true) -> String {
        if width <= 0 { return "" }
        let clipped = clip(text, to: width, ellipsis: ellipsis)
        let gap = width - CellWidth.of(clipped)
        if gap <= 0 { return clipped }
        switch align {
        case .left: return clipped + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + clipped
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + clipped + String(repeating: " ", count: gap - left)
        }
    }
}
