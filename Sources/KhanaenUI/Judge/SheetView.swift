import KhanaenCore
import KhanaenText

/// One entry's scoring sheet: the entry, the criteria grouped by category with my scores and
/// bars, the notes, the selected criterion's text and what its scores mean, and the live
/// total out of 100. Nothing is cut without a mark; `v` reads everything whole.
enum SheetView {
    static func render(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        let entry = s.entry
        let sheet = s.sheet
        let contest = s.contest
        let words = s.text.words
        let layout = s.layout, parts = layout.sheet
        Chrome.titleBar(&c, y: layout.title.y, left: "\(entry.id) · \(entry.organisation)", right: "\(s.judgeInfo.name) (\(s.judgeInfo.id))")

        var place: [String] = []
        if !entry.district.isEmpty { place.append(w.district + entry.district) }
        if !entry.province.isEmpty { place.append(w.province + entry.province) }
        if !entry.region.isEmpty { place.append(entry.region) }
        // A search or filter on the list narrows what `[` and `]` go through: the sheet says it.
        var narrowingWidth = 0
        if let narrowing = s.narrowing {
            let rows = s.visibleEntries
            let position = rows.firstIndex(of: s.selectedEntry).map { "\($0 + 1)/\(rows.count)" } ?? "–/\(rows.count)"
            let tag = CellText.clip("[\(narrowing) · \(position)]", to: c.width / 2)
            narrowingWidth = CellWidth.of(tag) + 1
            c.put(tag, x: c.width - narrowingWidth, y: parts.place.y, role: .accent, bold: true)
        }
        c.put(" " + place.joined(separator: "  "), x: 0, y: parts.place.y, limit: c.width - narrowingWidth - 1, role: .muted)

        var y = parts.body.y
        if let r = sheet.reopen, !sheet.isLocked {
            c.put(clipped("↺ " + w.reopenedBanner(r).replacingNewlines, w.readMore, width: c.width - 2, words: s.text.words), x: 1, y: y, limit: c.width - 2,
                  role: .warning, bold: true)
            y += 1
        }
        // The title in at most two lines (three when there is room), the cut marked.
        let titleRoom = s.height >= 30 ? 3 : 2
        let titleLines = LineWrap.wrap(entry.title, width: c.width - 2, words: words)
        for (k, line) in titleLines.prefix(titleRoom).enumerated() {
            let cut = k == titleRoom - 1 && titleLines.count > titleRoom
            c.put(cut ? clipped(line, w.readMore, width: c.width - 2, words: s.text.words) : line, x: 1, y: y, limit: c.width - 2, bold: true)
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
                let shown = value.map(JSONWriter.numberText) ?? "—"
                let cells = [selected ? "▶" : " ", "\(k + 1)", criterion.short, selected ? "" : shown,
                             "/" + JSONWriter.numberText(criterion.max), bar(value, max: criterion.max, width: barWidth),
                             sheet.criterionNotes[k] != nil ? "✎" : ""]
                c.put(table.line(cells, widths: widths), x: 2, y: y, limit: c.width - 3, role: selected ? .selected : .normal)
                let valueX = 2 + widths[0..<3].reduce(0, +) + 3
                if selected {
                    c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
                    if s.input.isEmpty {
                        c.put("[" + CellText.fit(shown, to: widths[3] - 2, align: .right) + "]", x: valueX, y: y, role: .input, bold: true)
                    } else {
                        s.input.draw(&c, x: valueX, y: y, width: widths[3])
                    }
                } else {
                    let barX = 2 + widths[0..<5].reduce(0, +) + 5
                    c.paint(y: y, x: barX, width: barWidth, role: value == nil ? .muted : .ok)
                }
                y += 1
            }
        }

        let totalY = parts.total.y
        if case .note(let criterion, let field)? = s.prompt {
            noteEditor(&c, s, criterion: criterion, field: field, top: y, bottom: parts.body.bottom - 1)
        } else {
            below(&c, s, top: y, bottom: parts.body.bottom - 1)
        }

        Chrome.rule(&c, y: parts.rule.y)
        let total = 100 * sheet.points / contest.maxTotal
        var line = "\(w.total) \(TwoDecimals.text(total)) \(w.outOf100) · \(sheet.setCount)/\(contest.criteria.count) · \(w.status(sheet.status))"
        if sheet.status == .submitted { line += " · " + w.submittedReadOnly }
        if sheet.status == .recused { line += " · " + w.recusedReadOnly + (sheet.recuseReason.map { ": \($0.replacingNewlines)" } ?? "") }
        let used = c.put(line, x: 1, y: totalY, limit: c.width - 2, role: sheet.isLocked ? .warning : .normal, bold: true)
        if s.thaiLayout { c.put(" · " + w.thaiLayoutMark, x: 1 + used, y: totalY, limit: c.width - 2 - used, role: .accent) }
        JudgeView.statusLine(&c, y: layout.status.y, s)
        JudgeView.bottomRow(&c, y: layout.hints.y, s, hints: Keymap.sheet.hints(sheet.isLocked ? [.nextCriterion, .read, .nextEntry, .help, .back]
                                                                         : [.nextCriterion, .submit, .note, .read, .undo, .nextEntry, .help, .back], w))
        return c
    }

    /// The notes, the selected criterion's text and its levels, in the rows between the
    /// criteria and the total; whatever is cut is marked, and `v` shows it whole.
    private static func below(_ c: inout Canvas, _ s: JudgeState, top: Int, bottom: Int) {
        let w = s.strings
        let sheet = s.sheet
        let criterion = s.contest.criteria[s.criterion]
        var y = top
        func line(_ text: String, role: Role, bold: Bool = false) {
            guard y <= bottom else { return }
            c.put(clipped(text.replacingNewlines, w.readMore, width: c.width - 2, words: s.text.words), x: 1, y: y, limit: c.width - 2, role: role, bold: bold)
            y += 1
        }
        // The entry's note is always in view; the criterion's when it has one.
        line("\(w.entryNote): " + (sheet.note ?? "—"), role: sheet.note == nil ? .muted : .normal)
        if let n = sheet.criterionNotes[s.criterion] { line("\(w.noteOn(s.criterion + 1)): \(n)", role: .normal) }
        // What the score typed (or saved) means, when the contest says.
        let value = ScoreText.parse(s.input.text) ?? sheet.scores[s.criterion]
        if !criterion.levels.isEmpty && y <= bottom {
            let parts = criterion.levels.reversed().map { l -> (String, Bool) in
                ("\(JSONWriter.numberText(l.from))–\(JSONWriter.numberText(l.to)) \(l.text)", value.map { l.contains($0) } ?? false)
            }
            if let hit = parts.first(where: { $0.1 }) {
                line("◆ " + hit.0, role: .accent, bold: true)
            } else {
                line(parts.map(\.0).joined(separator: " · "), role: .muted)
            }
        }
        // The criterion's own words, in what room is left.
        let room = bottom - y + 1
        guard room > 0 else { return }
        let lines = LineWrap.wrap("\(s.criterion + 1). \(criterion.title) (\(JSONWriter.numberText(criterion.max)))", width: c.width - 4,
                                  words: s.text.words)
        for (k, text) in lines.prefix(room).enumerated() {
            let cut = k == room - 1 && lines.count > room
            c.put(cut ? clipped(text, w.readMore, width: c.width - 4, words: s.text.words) : text, x: 2, y: y + k, limit: c.width - 4, role: .muted)
        }
    }

    /// The note being written, wrapped, with its cursor, in the rows below the criteria.
    private static func noteEditor(_ c: inout Canvas, _ s: JudgeState, criterion: Int?, field: TextField, top: Int, bottom: Int) {
        let w = s.strings
        let title = criterion.map { w.noteOn($0 + 1) } ?? w.entryNote
        c.put(title + ":", x: 1, y: top, limit: c.width - 2, role: .accent, bold: true)
        let lines = field.wrappedLines(width: c.width - 4, words: s.text.words)
        let room = max(1, bottom - top)
        // The lines around the cursor stay in view.
        let cursorLine = lines.firstIndex { $0.contains("▏") } ?? 0
        let first = max(0, min(cursorLine - room + 1, lines.count - room))
        for (k, text) in lines.dropFirst(first).prefix(room).enumerated() {
            c.put(text, x: 2, y: top + 1 + k, limit: c.width - 4, role: .input)
        }
    }

    /// `text` within `width` cells; when cut, it is cut between words and ends with "…" and
    /// `mark` (which says how to read it whole).
    static func clipped(_ text: String, _ mark: String, width: Int, words: WordBreaker) -> String {
        if CellWidth.of(text) <= width { return text }
        return Chrome.clip(text, to: max(1, width - CellWidth.of(mark) - 1), words: words) + " " + mark
    }

    /// Points as a bar of `width` cells, in half cells.
    static func bar(_ value: Double?, max: Double, width: Int) -> String {
        guard let value, max > 0 else { return String(repeating: "·", count: width) }
        let halves = Int((value / max * Double(width * 2)).rounded())
        return String(repeating: "█", count: halves / 2) + (halves % 2 == 1 ? "▌" : "")
            + String(repeating: "·", count: width - halves / 2 - halves % 2)
    }
}

/// Everything about the entry and the judge's sheet, whole: the title, the submission's
/// fields, every criterion's text, levels, score and note. Scrolled with the movement keys.
enum ReaderView {
    static func page(_ s: JudgeState) -> Int { max(1, s.layout.reader.text.height) }

    static func lines(_ s: JudgeState) -> [ScreenLine] {
        let w = s.strings
        let e = s.entry, sheet = s.sheet
        var text = ScrollText(width: s.width - 4, words: s.text.words, keepsNewlines: true)
        func wrap(_ t: String, _ role: Role = .normal, bold: Bool = false, indent: String = "") { text.wrap(t, role, bold: bold, indent: indent) }
        wrap(e.title, bold: true)
        for (label, value) in [(w.columnOrganisation, e.organisation), (w.district, e.district), (w.province, e.province),
                               (w.region, e.region)] where !value.isEmpty {
            wrap("\(label) \(value)", .muted)
        }
        text.blank()
        if let r = sheet.reopen, !sheet.isLocked { wrap("↺ " + w.reopenedBanner(r), .warning, bold: true); text.blank() }
        wrap("\(w.entryNote): " + (sheet.note ?? "—"))
        for (k, criterion) in s.contest.criteria.enumerated() {
            text.blank()
            let score = sheet.scores[k].map(JSONWriter.numberText) ?? "—"
            wrap("\(k + 1). \(criterion.short) · \(score)/\(JSONWriter.numberText(criterion.max))", .accent, bold: true)
            wrap(criterion.title, indent: "  ")
            for l in criterion.levels.reversed() {
                wrap("\(JSONWriter.numberText(l.from))–\(JSONWriter.numberText(l.to)) \(l.text)", .muted, indent: "  • ")
            }
            if let n = sheet.criterionNotes[k] { wrap("\(w.note): \(n)", indent: "  ") }
        }
        return text.lines
    }

    static func render(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        let layout = s.layout
        Chrome.titleBar(&c, y: layout.title.y, left: "\(s.entry.id) · \(s.entry.organisation)", right: w.readerTitle)
        ScrollText.draw(&c, lines(s), s.reader, in: layout.reader.text.inset(left: 2, right: 2), positionRow: layout.reader.position.y)
        JudgeView.statusLine(&c, y: layout.status.y, s)
        JudgeView.bottomRow(&c, y: layout.hints.y, s, hints: Keymap.reader.hints([.move(.down), .move(.pageDown), .back], w))
        return c
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
