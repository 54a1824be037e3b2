import KhanaenCore
import KhanaenText

/// The discussion queue for the panel meeting: one row an item (open ones first, or all),
/// with its topic, entry or judge, and why it is there; the selected item's reason and what
/// was recorded for it below. Enter goes to the entry, `r` records the panel's outcome.
enum QueueView {
    /// The items shown: the open ones, or every one.
    static func items(_ s: ChairState) -> [DiscussionItem] {
        guard let queue = s.statistics?.queue else { return [] }
        return s.queueShowsAll ? queue : queue.filter(\.isOpen)
    }

    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let words = ReportWords(w.language)
        let parts = s.layout.queue
        guard let st = s.statistics else {
            c.put(w.computingStatistics, x: 1, y: parts.heading.y, limit: c.width - 2, role: .muted)
            return
        }
        let open = st.queue.filter(\.isOpen).count
        let heading = words.queueHeading(open: open, of: st.queue.count) + " · " + (s.queueShowsAll ? w.queueAll : w.queueOpenOnly)
        c.put(heading, x: 1, y: parts.heading.y, limit: c.width - 2, role: .muted, bold: true)
        let shown = items(s)
        if shown.isEmpty {
            c.put(st.queue.isEmpty ? w.queueEmpty : w.queueAllDiscussed, x: 1, y: parts.items.y, limit: c.width - 2, role: .ok)
            return
        }
        let table = TextTable([.init("", width: 1), .fitting(w.columnTopic, width: 10, values: DiscussionTopic.allCases.map { words.topic($0, short: true) }), .init(w.columnID, width: max(s.idWidth, 5)),
                               .init(w.columnReason, minWidth: 20)])
        let widths = table.widths(total: c.width - 2)
        let rows = parts.items.pageRows
        let first = min(s.queueList.top, max(0, shown.count - rows))
        for (k, item) in shown.dropFirst(first).prefix(parts.items.height).enumerated() {
            let p = first + k
            let y = parts.items.y + k
            let mark = item.isOpen ? "●" : "✓"
            let who = item.topic == .pattern ? (item.judgeID ?? "") : (item.entryID ?? "")
            let line = table.line([mark, words.topic(item.topic, short: true), who, words.reason(item, contest: s.contest).replacingNewlines], widths: widths)
            let selected = p == s.queueList.selected
            c.put(line, x: 1, y: y, limit: c.width - 2, role: selected ? .selected : (item.isOpen ? .normal : .muted))
            if selected {
                c.put("▶", x: 0, y: y, role: .selected, bold: true)
                c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
            } else if item.isOpen {
                c.paint(y: y, x: 1, width: 1, role: .warning, bold: true)
            }
        }
        // The selected item whole: its reason, and what the panel decided.
        if let p = s.queueList.selected, p < shown.count {
            let item = shown[p]
            var text = words.reason(item, contest: s.contest)
            if let d = item.outcome {
                text = "\(words.outcome(d.outcome)) · \(w.dateTime(d.decision.time, zone: s.timeZone)) \(d.decision.actor): \(d.decision.reason)"
            }
            let lines = LineWrap.wrap(text.replacingNewlines, width: c.width - 2, words: s.text.words)
            for (k, l) in lines.prefix(parts.selected.height).enumerated() {
                c.put(l, x: 1, y: parts.selected.y + k, limit: c.width - 2, role: item.isOpen ? .warning : .ok)
            }
        }
        let position = "\(min(shown.count, (s.queueList.selected ?? 0) + 1))/\(shown.count)"
        c.put(position, x: c.width - CellWidth.of(position) - 1, y: parts.heading.y, role: .muted)
    }
}
