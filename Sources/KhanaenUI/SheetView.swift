import KhanaenCore
import KhanaenText

/// One entry's scoring sheet: the entry, the criteria grouped by category with my scores and
/// bars, the selected criterion's full text, and the live total out of 100.
enum SheetView {
    static func render(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        let entry = s.entry
        let sheet = s.sheet
        let contest = s.contest
        Chrome.titleBar(&c, y: 0, left: "\(entry.id) · \(entry.organisation)", right: "\(s.judgeInfo.name) (\(s.judgeInfo.id))")

        var place: [String] = []
        if !entry.district.isEmpty { place.append(w.district + entry.district) }
        if !entry.province.isEmpty { place.append(w.province + entry.province) }
        if !entry.region.isEmpty { place.append(entry.region) }
        c.put(" " + place.joined(separator: "  "), x: 0, y: 1, role: .muted)

        var y = 2
        let titleLines = LineWrap.wrap(entry.title, width: c.width - 2)
        for (k, line) in titleLines.prefix(3).enumerated() {
            let shown = k == 2 && titleLines.count > 3 ? CellText.clip(line + " …", to: c.width - 2) : line
            c.put(shown, x: 1, y: y, limit: c.width - 2, bold: true)
            y += 1
        }
        Chrome.rule(&c, y: y)
        y += 1

        let barWidth = max(8, min(20, c.width / 5))
        let table = TextTable([
            .init("", width: 1), .init("", width: 2, align: .right), .init("", minWidth: 10),
            .init("", width: 8, align: .right), .init("", width: 4), .init("", width: barWidth), .init("", width: 1),
        ])
        let widths = table.widths(total: c.width - 3)
        for category in contest.categories {
            let members = contest.criteria.indices.filter { contest.criteria[$0].category == category.id }
            if members.isEmpty { continue }
            c.put(category.title, x: 1, y: y, limit: c.width - 2, role: .accent, bold: true)
            y += 1
            for k in members {
                let criterion = contest.criteria[k]
                let selected = k == s.criterion
                let value = sheet.scores[k]
                let shown: String
                if selected && !s.input.isEmpty { shown = s.input + "▏" } else { shown = value.map(JSONWriter.numberText) ?? "—" }
                let cells = [selected ? "▶" : " ", "\(k + 1)", criterion.short, selected ? "[\(shown)]" : shown,
                             "/" + JSONWriter.numberText(criterion.max), bar(value, max: criterion.max, width: barWidth),
                             sheet.criterionNotes[k] != nil ? "✎" : ""]
                c.put(table.line(cells, widths: widths), x: 2, y: y, limit: c.width - 3, role: selected ? .selected : .normal)
                if selected {
                    c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
                    let valueX = 2 + widths[0..<3].reduce(0, +) + 3
                    c.paint(y: y, x: valueX, width: widths[3], role: .input, bold: true)
                } else {
                    let barX = 2 + widths[0..<5].reduce(0, +) + 5
                    c.paint(y: y, x: barX, width: barWidth, role: value == nil ? .muted : .ok)
                }
                y += 1
            }
        }

        // The note of the selected criterion, or of the entry.
        let note = sheet.criterionNotes[s.criterion].map { "\(w.note) \(contest.criteria[s.criterion].id): \($0)" }
            ?? sheet.note.map { "\(w.entryNote): \($0)" }
        if let note {
            c.put(CellText.clip(note.replacingNewlines, to: c.width - 2), x: 1, y: y, role: .muted)
            y += 1
        }

        // The selected criterion's full text, in what room is left above the total.
        let totalY = s.height - 3
        let room = totalY - y - 1
        if room > 0 {
            let criterion = contest.criteria[s.criterion]
            let lines = LineWrap.wrap("\(s.criterion + 1). \(criterion.title) (\(JSONWriter.numberText(criterion.max)))", width: c.width - 4)
            for (k, line) in lines.prefix(room).enumerated() {
                let shown = k == room - 1 && lines.count > room ? CellText.clip(line + " …", to: c.width - 4) : line
                c.put(shown, x: 2, y: y + 1 + k, role: .muted)
            }
        }

        Chrome.rule(&c, y: totalY - 1 < y ? y : totalY - 1)
        let points = sheet.points
        let total = 100 * points / contest.maxTotal
        var line = "\(w.total) \(TwoDecimals.text(total)) \(w.outOf100) · \(sheet.setCount)/\(contest.criteria.count) · \(w.status(sheet.status))"
        if sheet.status == .submitted { line += " · " + w.submittedReadOnly }
        if sheet.status == .recused { line += " · " + w.recusedReadOnly + (sheet.recuseReason.map { ": \($0)" } ?? "") }
        c.put(line, x: 1, y: totalY, limit: c.width - 2, role: sheet.isLocked ? .warning : .normal, bold: true)
        Chrome.statusLine(&c, y: s.height - 2, s)
        Chrome.hints(&c, y: s.height - 1, Keymap.hints(.sheet, w, readOnly: sheet.isLocked))
        return c
    }

    /// Points as a bar of `width` cells, in half cells.
    static func bar(_ value: Double?, max: Double, width: Int) -> String {
        guard let value, max > 0 else { return String(repeating: "·", count: width) }
        let halves = Int((value / max * Double(width * 2)).rounded())
        return String(repeating: "█", count: halves / 2) + (halves % 2 == 1 ? "▌" : "")
            + String(repeating: "·", count: width - halves / 2 - halves % 2)
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
