import KhanaenCore
import KhanaenText

/// A message on a screen's status line: what was saved, refused or cancelled. It belongs to
/// the moment: the next action clears it.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    public static func ok(_ text: String) -> StatusMessage { .init(text: text, kind: .ok) }
    public static func error(_ text: String) -> StatusMessage { .init(text: text, kind: .error) }
    public static func info(_ text: String) -> StatusMessage { .init(text: text, kind: .info) }

    /// The words with a mark that tells an error from a success without colour (`--mono`).
    var marked: String {
        switch kind {
        case .ok: return "✓ " + text
        case .error: return "✗ " + text
        case .info: return text
        }
    }
}

/// The parts every screen of both programs shares: the title bar, the tab bar, the status
/// line, the key hints, a rule, and the message shown when the terminal is too small.
enum Chrome {
    static let minWidth = 80
    static let minHeight = 24

    /// The title bar: `left` cut between words (with `words`) when it does not fit beside `right`.
    static func titleBar(_ c: inout Canvas, y: Int, left: String, right: String, words: WordBreaker? = nil) {
        c.paint(y: y, role: .header, bold: true)
        let rightWidth = min(CellWidth.of(right), c.width / 3)
        let room = c.width - rightWidth - 3
        c.put(" " + (words.map { clip(left, to: room, words: $0) } ?? CellText.clip(left, to: room)), x: 0, y: y, role: .header, bold: true)
        c.put(CellText.clip(right, to: rightWidth), x: c.width - rightWidth - 1, y: y, role: .header, bold: true)
    }

    /// The tabs, each " 1 label "; when they are wider than the screen (English at 80 columns),
    /// each loses its leading space rather than the last tab its last letters.
    static func tabBar(_ c: inout Canvas, y: Int, _ labels: [String], selected: Int) {
        let items = labels.enumerated().map { "\($0 + 1) \($1) " }
        let lead = CellWidth.of(items.map { " " + $0 }.joined()) <= c.width ? " " : ""
        var x = lead.isEmpty ? 1 : 0
        for (k, item) in items.enumerated() {
            x += c.put(lead + item, x: x, y: y, role: k == selected ? .selected : .muted, bold: k == selected)
        }
    }

    /// A status message, marked so that --mono tells an error from a success; cut between
    /// words with "…" when wider than `limit`.
    static func status(_ c: inout Canvas, y: Int, _ status: StatusMessage?, limit: Int? = nil, words: WordBreaker) {
        guard let status else { return }
        let role: Role = status.kind == .error ? .error : (status.kind == .ok ? .ok : .muted)
        c.put(clip(status.marked, to: limit ?? c.width - 2, words: words), x: 1, y: y, role: role, bold: status.kind == .error)
    }

    /// `text` in `width` cells: whole, or cut between two words (Thai words too) and ended
    /// with "…"; a word so long that cutting before it would leave most of the room empty (a
    /// path, a hash) is cut inside instead.
    static func clip(_ text: String, to width: Int, words: WordBreaker) -> String {
        if CellWidth.of(text) <= width { return text }
        guard width > 1 else { return CellText.clip(text, to: width) }
        let first = LineWrap.wrap(text.replacingOccurrences(of: "\n", with: " "), width: width - 1, words: words).first ?? ""
        // A first word wider than the room: the most of it that fits, as before.
        if CellWidth.of(first) < width / 2 || !text.hasPrefix(first) { return CellText.clip(text, to: width) }
        // Cut just after a "…" of the text's own (a list of ids shortened): not a second one.
        let kept = String(first.reversed().drop { $0 == " " }.reversed())
        return kept.hasSuffix("…") ? kept : first + "…"
    }

    /// A prompt: its label, then the text being typed (when there is one). A question's end
    /// (`question`, or the "(y/n)" a label ends with) is always whole: what is cut is the
    /// text before it, marked with "…".
    static func prompt(_ c: inout Canvas, y: Int, label: String, field: TextField?, question: String? = nil, words: WordBreaker) {
        var body = label, tail = question ?? ""
        if question == nil, let r = label.range(of: "(y/n)", options: .backwards) {
            body = String(label[..<r.lowerBound])
            tail = String(label[r.lowerBound...])
        }
        let room = c.width - 2 - (field == nil ? 0 : 8)
        let shown = CellWidth.of(body + tail) <= room ? body + tail : clip(body, to: max(1, room - CellWidth.of(tail) - 1), words: words) + " " + tail
        let used = c.put(shown, x: 1, y: y, limit: c.width - 2, role: .accent, bold: true)
        if let field { field.draw(&c, x: 1 + used, y: y, width: c.width - 2 - used) }
    }

    /// The status line with the hints on its right: the message first, and of the hints only
    /// the whole items that fit beside it, ended with "…" when some do not; a message wider
    /// than the line is cut between words with "…".
    static func statusWithHints(_ c: inout Canvas, y: Int, _ status: StatusMessage?, hints: [String], words: WordBreaker) {
        let room = c.width - 2
        let message = status.map { CellWidth.of($0.marked) } ?? 0
        let text = fitted(hints, room: room - (message > 0 ? message + 2 : 0))
        let width = CellWidth.of(text)
        if width > 0 { c.put(text, x: c.width - width - 1, y: y, role: .muted) }
        guard let status else { return }
        self.status(&c, y: y, status, limit: room - (width > 0 ? width + 2 : 0), words: words)
    }

    /// `text` shortened in its middle to `width` cells ("/tmp/kh…/exports"): the start and
    /// the end of a path are what tell it apart.
    static func middle(_ text: String, to width: Int) -> String {
        if CellWidth.of(text) <= width { return text }
        guard width > 2 else { return CellText.clip(text, to: width) }
        let clusters = CellText.clusters(text).map(\.text)
        var head = "", tail = ""
        var k = 0, j = clusters.count - 1
        let budget = width - 1
        while k <= j {
            if CellWidth.of(head) <= CellWidth.of(tail) {
                if CellWidth.of(head + clusters[k]) + CellWidth.of(tail) > budget { break }
                head += clusters[k]; k += 1
            } else {
                if CellWidth.of(head) + CellWidth.of(clusters[j] + tail) > budget { break }
                tail = clusters[j] + tail; j -= 1
            }
        }
        return head + "…" + tail
    }

    static func hints(_ c: inout Canvas, y: Int, _ text: String) {
        c.put(" " + fitted(text.components(separatedBy: "  ").filter { !$0.isEmpty }, room: c.width - 2), x: 0, y: y, role: .muted)
    }

    /// Hints in `room` cells: all of them, or the first whole items that fit with "…" after
    /// them to say that more keys are in the help (as bubbles' help does); nothing when not
    /// even one fits.
    static func fitted(_ items: [String], room: Int, separator: String = "  ") -> String {
        let all = items.joined(separator: separator)
        if CellWidth.of(all) <= room { return all }
        var shown: [String] = []
        for item in items {
            if CellWidth.of((shown + [item]).joined(separator: separator) + " …") > room { break }
            shown.append(item)
        }
        return shown.isEmpty ? "" : shown.joined(separator: separator) + " …"
    }

    /// Rows that stand over the bottom of a screen, just above its status line, for a prompt
    /// that needs more than one line: the choices, or the reasons to read before a yes. With
    /// `words`, a row too wide is cut between words with "…".
    static func panel(_ c: inout Canvas, _ rows: [String], bottom: Int, selected: Int?, words: WordBreaker? = nil) {
        let shown = rows.prefix(max(0, bottom - 3))
        let top = bottom - shown.count
        for (k, row) in shown.enumerated() {
            let role: Role = k == selected ? .selected : .header
            let text = words.map { " " + clip(row, to: c.width - 2, words: $0) } ?? " " + row
            c.put(CellText.fit(text, to: c.width), x: 0, y: top + k, role: role, bold: k == selected)
        }
    }


    static func tooSmall(width: Int, height: Int, _ strings: Strings) -> Canvas {
        var c = Canvas(width: width, height: height)
        let lines = LineWrap.wrap(strings.tooSmall(width, height), width: max(1, width - 2), words: .plain)
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
