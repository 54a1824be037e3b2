import KhanaenCore
import KhanaenText

/// The judge's entries: id, organisation, province, title, my total and my status.
enum EntryListView {
    static func table(_ s: JudgeState) -> TextTable {
        let w = s.strings
        return TextTable([
            .init(w.columnID, width: s.idWidth), .init(w.columnOrganisation, minWidth: 16), .init(w.columnProvince, width: 12),
            .init(w.columnTitle, minWidth: 12), .init(w.columnTotal, width: 6, align: .right), .fitting(w.columnStatus, width: 14, values: [Sheet.Status.notStarted, .draft, .submitted, .recused].map(w.status) + [w.reopenedStatus]),
        ])
    }

    static func render(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        let judge = s.judgeInfo
        let layout = s.layout, list = layout.list
        Chrome.titleBar(&c, y: layout.title.y, left: "\(w.appName) · \(w.contestTitle(s.contest))", right: "\(judge.name) (\(judge.id))", words: s.text.words)

        var counts: [Sheet.Status: Int] = [:]
        for (k, sheet) in s.sheets.enumerated() where !s.hidden.contains(k) { counts[sheet.status, default: 0] += 1 }
        let byStatus = [Sheet.Status.notStarted, .draft, .submitted, .recused].map { "\(w.status($0)) \(counts[$0] ?? 0)" }.joined(separator: " · ")
        let filterName = s.filter.map { w.status($0) } ?? w.all
        // Every count must show, even at 80 columns in Thai: the total goes first (the position
        // counter shows it too), then the sort and filter lose their labels.
        // The sort and filter lose their labels before the total goes.
        let summaries = ["\(w.all) \(s.sheets.count - s.hidden.count) · " + byStatus, byStatus]
        let views = ["\(w.sortLabel): \(w.sort(s.sort)) · \(w.filterLabel): \(filterName)", "\(w.sort(s.sort)) · \(filterName)",
                     s.filter == nil ? w.sort(s.sort) : "\(w.sort(s.sort)) · \(filterName)"]
        let (summary, view) = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)].map { (summaries[$0.0], views[$0.1]) }
            .first { CellWidth.of($0.0) + CellWidth.of($0.1) + 3 <= c.width } ?? (summaries[1], views[2])
        let viewWidth = CellWidth.of(view)
        c.put(" " + summary, x: 0, y: list.summary.y, limit: c.width - viewWidth - 2)
        c.put(view, x: c.width - viewWidth - 1, y: list.summary.y, role: .accent)

        let table = table(s)
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: list.header.y, limit: c.width - 2, role: .muted, bold: true)

        let rows = s.visibleEntries
        let top = list.rows.y
        if rows.isEmpty { c.put(w.noEntries, x: 2, y: top + 1, role: .muted) }
        let maxTotal = s.contest.maxTotal
        for k in 0..<s.listRows {
            let p = s.list.top + k
            guard p < rows.count else { break }
            let e = rows[p]
            let entry = s.contest.entries[e]
            let sheet = s.sheets[e]
            let total = sheet.total(maxTotal: maxTotal).map(TwoDecimals.text)
                ?? (sheet.setCount > 0 ? "\(sheet.setCount)/\(s.contest.criteria.count)" : "")
            let status = sheet.reopen != nil && !sheet.isLocked ? w.reopenedStatus : w.status(sheet.status)
            let line = table.line([entry.id, entry.organisation, entry.province, entry.title, total, status], widths: widths)
            let y = top + k
            let selected = e == s.selectedEntry
            c.put(line, x: 1, y: y, limit: c.width - 2, role: selected ? .selected : .normal)
            if selected {
                // The whole row in reverse: clear at a glance, in colour or not.
                c.put("▶", x: 0, y: y, role: .selected, bold: true)
                c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
                c.paint(y: y, x: 1, width: widths[0], role: .selected, bold: true)
            } else {
                let statusX = 1 + widths.dropLast().reduce(0, +) + widths.count - 1
                c.paint(y: y, x: statusX, width: widths.last!, role: sheet.reopen != nil && !sheet.isLocked ? .warning : statusRole(sheet.status))
            }
        }

        let position = rows.firstIndex(of: s.selectedEntry).map { "\($0 + 1)/\(rows.count)" } ?? "0/\(rows.count)"
        // While the search is typed, the prompt below shows it: not twice.
        var searching = false
        if case .search? = s.prompt { searching = true }
        let searchNote = s.search.isEmpty || searching ? "" : "\(w.searchPrompt)\(s.search)"
        c.put(searchNote, x: 1, y: list.position.y, limit: c.width - 12, role: .accent)
        c.put(position, x: c.width - CellWidth.of(position) - 1, y: list.position.y)
        JudgeView.statusLine(&c, y: layout.status.y, s)
        JudgeView.bottomRow(&c, y: layout.hints.y, s, hints: Keymap.list.hints([.open, .search, .filter, .sort, .help, .quit], w))
        return c
    }

    static func statusRole(_ status: Sheet.Status) -> Role {
        switch status {
        case .notStarted: return .normal
        case .draft: return .warning
        case .submitted: return .ok
        case .recused: return .muted
        }
    }
}
