import KhanaenCore
import KhanaenText

/// A message on a screen's status line: what was saved, refused or cancelled.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// The parts every screen shares: the title bar, the status line, the key hints and the
/// message shown when the terminal is too small.
enum Chrome {
    static let minWidth = 80
    static let minHeight = 24

    static func titleBar(_ c: inout Canvas, y: Int, left: String, right: String) {
        c.paint(y: y, role: .header, bold: true)
        let rightWidth = min(CellWidth.of(right), c.width / 3)
        c.put(" " + CellText.clip(left, to: c.width - rightWidth - 3), x: 0, y: y, role: .header, bold: true)
        c.put(CellText.clip(right, to: rightWidth), x: c.width - rightWidth - 1, y: y, role: .header, bold: true)
    }

    static func statusLine(_ c: inout Canvas, y: Int, _ s: JudgeState) {
        if let prompt = s.prompt {
            let label: String
            switch prompt {
            case .search: label = s.strings.searchPrompt
            case .note(let k): label = s.strings.notePrompt(k.map { s.contest.criteria[$0].id })
            case .recuse: label = s.strings.recusePrompt
            case .confirmSubmit: label = s.strings.confirmSubmit
            }
            let used = c.put(label, x: 1, y: y, role: .accent, bold: true)
            if prompt != .confirmSubmit { typed(&c, s.promptText, x: 1 + used, y: y) }
            return
        }
        guard let status = s.status else { return }
        let role: Role = status.kind == .error ? .error : (status.kind == .ok ? .ok : .muted)
        c.put(status.text, x: 1, y: y, limit: c.width - 2, role: role, bold: status.kind == .error)
    }

    /// Text being typed, with a cursor after it; a long text shows its end, so what is being
    /// typed stays in view.
    static func typed(_ c: inout Canvas, _ text: String, x: Int, y: Int) {
        var shown = text
        while CellWidth.of(shown) > c.width - x - 2, !shown.isEmpty { shown.removeFirst() }
        let w = c.put(shown, x: x, y: y, role: .input)
        c.put("▏", x: x + w, y: y, role: .input)
    }

    static func hints(_ c: inout Canvas, y: Int, _ text: String) {
        c.put(" " + text, x: 0, y: y, role: .muted)
    }

    static func tooSmall(width: Int, height: Int, _ strings: Strings) -> Canvas {
        var c = Canvas(width: width, height: height)
        let lines = LineWrap.wrap(strings.tooSmall(width, height), width: max(1, width - 2))
        let top = max(0, (height - lines.count) / 2)
        for (k, line) in lines.enumerated() {
            c.put(line, x: max(0, (width - CellWidth.of(line)) / 2), y: top + k, role: .warning, bold: true)
        }
        return c
    }

    static func isTooSmall(width: Int, height: Int) -> Bool { width < minWidth || height < minHeight }

    static func rule(_ c: inout Canvas, y: Int) {
        c.put(String(repeating: "─", count: c.width), x: 0, y: y, role: .muted)
    }
}

/// The whole workstation screen for a state.
public enum JudgeView {
    public static func render(_ s: JudgeState) -> Canvas {
        if Chrome.isTooSmall(width: s.width, height: s.height) { return Chrome.tooSmall(width: s.width, height: s.height, s.strings) }
        switch s.screen {
        case .list: return EntryListView.render(s)
        case .sheet: return SheetView.render(s)
        case .help: return HelpView.render(s)
        }
    }
}
