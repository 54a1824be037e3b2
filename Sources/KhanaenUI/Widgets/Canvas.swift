import KhanaenText

/// What a cell means; the backend turns it into colours, or into attributes alone on a
/// monochrome terminal.
public enum Role: UInt8, CaseIterable, Sendable {
    case normal, header, selected, ok, error, muted, accent, warning, input

    /// One letter for a golden frame's style layer; upper case when bold.
    public var code: Character {
        switch self {
        case .normal: "n"
        case .header: "h"
        case .selected: "s"
        case .ok: "o"
        case .error: "e"
        case .muted: "m"
        case .accent: "a"
        case .warning: "w"
        case .input: "i"
        }
    }
}

public struct Cell: Equatable, Sendable {
    /// One cluster (a base and its marks), or "" for the second half of a wide character.
    public var text: String
    public var role: Role
    public var bold: Bool

    public static let blank = Cell(text: " ", role: .normal, bold: false)
}

/// A grid of terminal cells: the only thing a view produces. Text is placed by clusters
/// measured in cells, so a Thai mark stays with its base and nothing runs past its limit.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from (x, y), at most `limit` cells (to the right edge by default).
    /// Returns the cells used. A wide character that does not fit leaves a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, role: Role = .normal, bold: Bool = false) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var cx = x
        for c in CellText.clusters(text) where c.width > 0 {
            if cx + c.width > end {
                if cx < end && c.width == 2 { cells[y * width + cx] = Cell(text: " ", role: role, bold: bold); cx += 1 }
                break
            }
            cells[y * width + cx] = Cell(text: c.text, role: role, bold: bold)
            if c.width == 2 { cells[y * width + cx + 1] = Cell(text: "", role: role, bold: bold) }
            cx += c.width
        }
        return cx - x
    }

    /// Paints a stretch of a row with a role, keeping its text.
    public mutating func paint(y: Int, x: Int = 0, width w: Int? = nil, role: Role, bold: Bool? = nil) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (w ?? width))
        for cx in max(0, x)..<max(max(0, x), end) {
            cells[y * width + cx].role = role
            if let bold { cells[y * width + cx].bold = bold }
        }
    }

    /// The rows as text, each exactly `width` cells: what tests compare.
    public var lines: [String] { (0..<height).map(row) }

    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        return s
    }

    /// Each row's styles, one letter a cell (`Role.code`, upper case when bold): what a
    /// golden frame holds beside the text, so that a selection, an error colour or a dimmed
    /// draft is checked too.
    public var styleLines: [String] {
        (0..<height).map { y in
            String((0..<width).map { x -> Character in
                let c = cells[y * width + x]
                return c.bold ? Character(c.role.code.uppercased()) : c.role.code
            })
        }
    }

    /// The frame as a golden file holds it: the text rows, a rule, the style rows.
    public var snapshot: String {
        (lines + [String(repeating: "=", count: width)] + styleLines).joined(separator: "\n") + "\n"
    }
}
