import KhanaenCore
import KhanaenText

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
            if prompt != .confirmSubmit {
                // Show the end of a long text, so what is being typed stays in view.
                let room = c.width - used - 3
                var text = s.promptText
                while CellWidth.of(text) > room, !text.isEmpty { text.removeFirst() }
                let w = c.put(text, x: 1 + used, y: y, role: .input)
                c.put("▏", x: 1 + used + w, y: y, role: .input)
            }
            return
        }
        guard let status = s.status else { return }
        let role: Role = status.kind == .error ? .error : (status.kind == .ok ? .ok : .muted)
        c.put(status.text, x: 1, y: y, limit: c.width - 2, role: role, bold: status.kind == .error)
    }

    static func hints(_ c: inout Canvas, y: Int, _ text: String) {
        c.put(" " + text, x: 0, y: y, role: .muted)
    }

    static func tooSmall(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let lines = LineWrap.wrap(s.strings.tooSmall(s.width, s.height), width: max(1, s.width - 2))
        let top = max(0, (s.height - lines.count) / 2)
        for (k, line) in lines.enumerated() {
            c.put(line, x: max(0, (s.width - CellWidth.of(line)) / 2), y: top + k, role: .warning, bold: true)
        }
        return c
    }

    static func rule(_ c: inout Canvas, y: Int) {
        c.put(String(repeating: "─", count: c.width), x: 0, y: y, role: .muted)
    }
}

/// The whole workstation screen for a state.
public enum JudgeView {
    public static func render(_ s: JudgeState) -> Canvas {
        if s.width < Chrome.minWidth || s.height < Chrome.minHeight { return Chrome.tooSmall(s) }
        switch s.screen {
        case .list: return EntryListView.render(s)
        case .sheet: return SheetView.render(s)
        case .help: return HelpView.render(s)
        }
    }
}
