import KhanaenCore
import KhanaenText

/// Entries × judges with each sheet's total; drafts dim and in brackets (not counted, as the
/// legend under the means says), recusals marked, missing sheets empty; each judge's mean below. Entry and judge headers stay while the body scrolls.
enum MatrixView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let left = 1 + s.idWidth + 1 + 18 + 1
        // Wide enough for a draft's total in brackets: "(78.50)".
        let cell = 8
        let remaining = s.contest.judges.count - s.leftJudge
        var room = max(1, (c.width - left - 1) / cell)
        // Judges beyond the right edge are counted in a column of their own ("+13 →").
        if remaining > room { room = max(1, (c.width - left - 1 - 7) / cell) }
        let judges = Array(s.contest.judges.indices.dropFirst(s.leftJudge).prefix(room))
        let parts = s.layout.matrix
        let headerY = parts.header.y
        c.put(CellText.fit(w.columnID, to: s.idWidth) + " " + CellText.fit(w.columnOrganisation, to: 18), x: 1, y: headerY, role: .muted, bold: true)
        for (k, j) in judges.enumerated() {
            c.put(CellText.fit(s.contest.judges[j].id, to: cell - 1, align: .right), x: left + k * cell, y: headerY, role: .muted, bold: true)
        }
        let hidden = remaining - judges.count
        if hidden > 0 { c.put("+\(hidden) →", x: left + judges.count * cell + 1, y: headerY, role: .accent) }
        if s.leftJudge > 0 {
            let before = "← +\(s.leftJudge)"
            c.put(before, x: left - CellWidth.of(before) - 1, y: headerY, role: .accent)
        }
        let order = s.entryOrder
        let maxTotal = s.contest.maxTotal
        let first = min(s.list.top, max(0, order.count - parts.rows.pageRows))
        var draftShown = false
        for k in 0..<parts.rows.height {
            let p = first + k
            guard p < order.count else { break }
            let e = order[p]
            let y = parts.rows.y + k
            let entry = s.contest.entries[e]
            let selected = e == s.selectedEntry
            c.put(CellText.fit(entry.id, to: s.idWidth) + " " + CellText.fit(RankingView.organisation(entry.organisation, width: 18), to: 18), x: 1, y: y,
                  role: selected ? .selected : .normal)
            for (col, j) in judges.enumerated() {
                let sheet = s.book.sheet(judge: j, entry: e)
                let x = left + col * cell
                switch sheet.status {
                case .submitted:
                    c.put(CellText.fit(sheet.total(maxTotal: maxTotal).map(TwoDecimals.text) ?? "", to: cell - 1, align: .right), x: x, y: y)
                case .draft:
                    let shown = sheet.total(maxTotal: maxTotal).map(TwoDecimals.text) ?? "\(sheet.setCount)/\(s.contest.criteria.count)"
                    // In brackets as on screen 3: a draft is not counted.
                    c.put(CellText.fit("(\(shown))", to: cell - 1, align: .right), x: x, y: y, role: .muted)
                    draftShown = true
                case .recused:
                    c.put(CellText.fit(w.recusedShort, to: cell - 1, align: .right), x: x, y: y, role: .warning)
                case .notStarted:
                    break
                }
            }
            if selected {
                c.put("▶", x: 0, y: y, role: .selected, bold: true)
                c.paint(y: y, x: 1, width: s.idWidth, role: .selected, bold: true)
            }
        }
        let footerY = parts.means.y
        c.put(CellText.fit(w.judgeMeans, to: s.idWidth + 19), x: 1, y: footerY, role: .accent, bold: true)
        for (col, j) in judges.enumerated() {
            let mean = s.results.judges[j].mean.map(TwoDecimals.text) ?? "—"
            c.put(CellText.fit(mean, to: cell - 1, align: .right), x: left + col * cell, y: footerY, role: .accent, bold: true)
        }
        // What is counted, whenever a draft is on screen.
        if draftShown { c.put(w.matrixLegend, x: 1, y: parts.legend.y, limit: c.width - 2, role: .muted) }
        if let e = s.selectedEntry {
            c.put(s.contest.entries[e].id + " · " + s.contest.entries[e].title, x: 1, y: parts.selected.y, limit: c.width - 2, role: .muted)
        }
    }
}
