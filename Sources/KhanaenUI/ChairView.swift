import KhanaenCore
import KhanaenText

/// The chair console's frame: title, tab bar, the current screen, a line about the selected
/// entry, the status line and a footer with the method, the time of the data and the seal.
public enum ChairView {
    public static func render(_ s: ChairState) -> Canvas {
        let w = s.strings
        if Chrome.isTooSmall(width: s.width, height: s.height) { return Chrome.tooSmall(width: s.width, height: s.height, w) }
        var c = Canvas(width: s.width, height: s.height)
        Chrome.titleBar(&c, y: 0, left: "\(w.appName) · \(s.contest.name)", right: "\(w.chair) (\(s.chair))")
        var x = 0
        for (k, tab) in ChairState.Tab.allCases.enumerated() {
            let label = " \(k + 1) \(w.tab(tab)) "
            let used = c.put(label, x: x, y: 1, role: tab == s.tab ? .selected : .muted, bold: tab == s.tab)
            x += used
        }
        if s.showingHelp {
            help(&c, s)
        } else {
            switch s.tab {
            case .ranking: RankingView.draw(&c, s)
            case .matrix: MatrixView.draw(&c, s)
            case .entry: EntryView.draw(&c, s)
            case .progress: ProgressView.draw(&c, s)
            case .judges: JudgesView.draw(&c, s)
            case .methods: MethodsView.draw(&c, s)
            case .integrity: IntegrityView.draw(&c, s)
            }
        }
        let hints = Keymap.hints(.chair, w)
        let hintWidth = CellWidth.of(hints)
        if case .overwrite(let names) = s.prompt {
            c.put(w.overwritePrompt(names), x: 1, y: s.height - 2, limit: s.width - 2, role: .accent, bold: true)
        } else if let prompt = s.prompt, let e = s.selectedEntry {
            let entry = s.contest.entries[e].id
            let label: String
            var typed = false
            switch prompt {
            case .tier: label = w.tierPrompt(s.contest.awards, entry: entry)
            case .judge: label = w.judgePrompt(entry); typed = true
            case .reason: label = w.reasonPrompt; typed = true
            case .confirm(let draft): label = w.confirmAction(draft)
            case .overwrite: label = ""
            }
            let used = c.put(label, x: 1, y: s.height - 2, limit: s.width - 2, role: .accent, bold: true)
            if typed { Chrome.typed(&c, s.promptText, x: 1 + used, y: s.height - 2) }
        } else {
            c.put(hints, x: s.width - hintWidth - 1, y: s.height - 2, role: .muted)
        }
        if s.prompt == nil, let status = s.status {
            c.put(CellText.clip(status.text, to: s.width - hintWidth - 3), x: 1, y: s.height - 2, role: status.kind == .error ? .error : .muted)
        }
        var footer = "\(w.methodLabel): \(w.methodName(s.method)) · \(w.sealLabel) \(s.seal.prefix(12)) · \(w.updatedLabel) \(JudgeUpdate.clock(s.updatedAt, offset: s.utcOffset))"
        // What a chair must never miss comes first: a ledger that is not intact, access not enforced.
        var alarms: [String] = []
        if !s.ledger.isIntact { alarms.append(w.ledgerNotIntact) }
        if s.contest.access == .open { alarms.append(w.accessOpen) }
        if !alarms.isEmpty {
            let alarm = "⚠ " + alarms.joined(separator: " · ") + " "
            let used = c.put(alarm, x: 1, y: s.height - 1, limit: s.width - 2, role: .error, bold: true)
            footer = " " + footer
            c.put(footer, x: 1 + used, y: s.height - 1, limit: s.width - 2 - used, role: .muted)
        } else {
            c.put(" " + footer, x: 0, y: s.height - 1, limit: s.width - 1, role: .muted)
        }
        return c
    }

    /// What the marks mean at the top right; every key down the left, continued under the
    /// marks when the left column is full (at 80×24 it is).
    private static func help(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let half = (c.width - 3) / 2
        let bottom = c.height - 2
        var y = 3
        for (mark, meaning) in w.flagLegend {
            c.put(mark, x: half + 2, y: y, role: .accent, bold: true)
            for line in LineWrap.wrap(meaning, width: half - 5) where y < bottom {
                c.put(line, x: half + 5, y: y, limit: half - 5)
                y += 1
            }
        }
        let underMarks = y + 1
        var x = 1
        y = 3
        for b in Keymap.bindings where b.context == .chair {
            let lines = LineWrap.wrap(w.language == .th ? b.th : b.en, width: half - 11)
            if x == 1 && y + lines.count > bottom {
                x = half + 2
                y = underMarks
            }
            c.put(CellText.fit(b.label, to: 9), x: x, y: y, bold: true)
            for line in lines where y < bottom {
                c.put(line, x: x + 10, y: y, limit: half - 11)
                y += 1
            }
        }
    }
}

/// The ranking: rank, entry, organisation, province, score by the current method, counted
/// sheets against the quorum, SD, the judges' totals on a 0–100 axis, the award and flags,
/// with a line where each award tier ends and the unranked entries below.
enum RankingView {
    static func table(_ s: ChairState, distribution: Int) -> TextTable {
        let w = s.strings
        // Below 90 columns the text columns narrow so that the flags, last, still show.
        let narrow = s.width < 90
        return TextTable([
            .init(w.columnRank, width: 4, align: .right), .init(w.columnID, width: s.idWidth),
            .init(w.columnOrganisation, minWidth: narrow ? 8 : 12, shortTitle: w.columnOrganisationShort),
            .init(w.columnProvince, width: narrow ? 8 : 10), .init(w.columnScore, width: 6, align: .right),
            .fitting(w.columnSheets, width: 5, align: .right), .init("SD", width: 5, align: .right), .fitting(w.columnSpread, width: distribution),
            .init(w.columnAward, width: narrow ? 9 : 10), .init(w.columnFlags, width: 6),
        ])
    }

    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let distribution = s.width >= 120 ? 20 : (s.width >= 100 ? 14 : (s.width >= 90 ? 10 : 8))
        let table = table(s, distribution: distribution)
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: 2, limit: c.width - 2, role: .muted, bold: true)
        let rows = s.rankingRows
        let w = s.strings
        for k in 0..<s.bodyRows {
            let p = s.scrollTop + k
            guard p < rows.count else { break }
            let y = 3 + k
            switch rows[p] {
            case .cut(let title):
                let label = " \(w.tierLine(title)) "
                let line = String(repeating: "┈", count: 2) + label + String(repeating: "┈", count: max(0, c.width - 4 - CellWidth.of(label)))
                c.put(line, x: 1, y: y, limit: c.width - 2, role: .accent)
            case .heading(let text):
                c.put(text, x: 1, y: y, limit: c.width - 2, role: .muted, bold: true)
            case .entry(let e):
                guard let r = s.result(e) else { continue }
                let entry = s.contest.entries[e]
                let award = r.award.map { id in s.contest.awards.first { $0.id == id }?.title ?? id } ?? ""
                let cells = [r.rank.map(String.init) ?? "—", entry.id, entry.organisation, entry.province,
                             r.score.map(TwoDecimals.text) ?? "", "\(r.totals.count)/\(s.contest.quorum)",
                             r.sd.map(TwoDecimals.text) ?? "", spread(r.totals.map { $0.total }, width: distribution),
                             award + (r.override != nil ? "*" : ""), marks(r)]
                c.put(table.line(cells, widths: widths), x: 1, y: y, limit: c.width - 2)
                if r.award != nil { c.paint(y: y, x: 1 + widths[0..<8].reduce(0, +) + 8, width: widths[8], role: .ok, bold: true) }
                if !r.flags.isEmpty { c.paint(y: y, x: 1 + widths[0..<9].reduce(0, +) + 9, width: widths[9], role: .warning, bold: true) }
                if e == s.selectedEntry {
                    c.put("▶", x: 0, y: y, role: .selected, bold: true)
                    c.paint(y: y, x: 1, width: widths[0] + widths[1] + 2, role: .selected, bold: true)
                }
            }
        }
        // The selected entry's flags and tie, in words.
        if let e = s.selectedEntry, let r = s.result(e) {
            let words = ReportWords(s.strings.language)
            var parts = r.flags.map { words.describe($0, contest: s.contest) }
            if let tie = r.tie { parts.append(words.describe(tie, contest: s.contest)) }
            if let o = r.override { parts.append("* \(o.decision.actor): \(o.decision.reason)") }
            let text = "\(r.id) · " + (parts.isEmpty ? s.contest.entries[e].title : parts.joined(separator: " · "))
            c.put(text, x: 1, y: s.height - 3, limit: c.width - 2, role: parts.isEmpty ? .muted : .warning)
        }
    }

    /// The judges' totals on a 0–100 axis: how many fall in each cell, as a bar height.
    static func spread(_ totals: [Double], width: Int) -> String {
        var counts = [Int](repeating: 0, count: width)
        for t in totals { counts[min(width - 1, max(0, Int(t / 100 * Double(width))))] += 1 }
        let marks: [Character] = ["·", "▂", "▄", "▆", "█"]
        return String(counts.map { marks[min($0, 4)] })
    }

    static func marks(_ r: EntryResult) -> String {
        var m = ""
        for f in r.flags {
            switch f.kind {
            case .spread: m += "±"
            case .outlier: m += "!"
            case .boundaryTie: m += "="
            case .belowQuorum: m += "<"
            case .judgeNotNormalised: m += "~"
            }
        }
        return m
    }
}

/// Per judge: submitted, drafts, not started, recused, a bar, and the time of the last change.
enum ProgressView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let entries = s.contest.entries.count
        let done = s.results.judges.reduce(0) { $0 + $1.submitted + $1.recused }
        let total = entries * s.contest.judges.count
        c.put(w.overall(done, total), x: 1, y: 2, limit: c.width - 2, bold: true)
        let barWidth = max(10, c.width - 76)
        let table = TextTable([
            .init(w.columnJudge, minWidth: 14), .fitting(w.columnSubmitted, width: 8, align: .right),
            .fitting(w.columnDrafts, width: 5, align: .right), .fitting(w.columnNotStarted, width: 11, align: .right),
            .fitting(w.columnRecused, width: 7, align: .right), .fitting(w.columnDone, width: barWidth), .fitting(w.columnLast, width: 8),
        ])
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: 3, limit: c.width - 2, role: .muted, bold: true)
        let judges = s.results.judges
        for k in 0..<max(0, s.bodyRows - 1) {
            let p = min(s.scrollTop, max(0, judges.count - (s.bodyRows - 1))) + k
            guard p < judges.count else { break }
            let j = judges[p]
            let judge = s.contest.judges[j.index]
            let finished = j.submitted + j.recused
            let filled = entries == 0 ? 0 : finished * barWidth / entries
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)
            let last = j.lastChange.map { JudgeUpdate.clock($0, offset: s.utcOffset) } ?? "—"
            c.put(table.line(["\(judge.name) (\(judge.id))", "\(j.submitted)", "\(j.drafts)", "\(j.notStarted)", "\(j.recused)", bar, last],
                             widths: widths), x: 1, y: 4 + k, limit: c.width - 2)
            c.paint(y: 4 + k, x: 1 + widths[0..<5].reduce(0, +) + 5, width: barWidth, role: finished == entries ? .ok : .accent)
        }
    }
}

/// Every ledger file: lines, head hash and whether its chain is intact; warnings; the full seal.
enum IntegrityView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let table = TextTable([
            .init(w.columnFile, width: 16), .init(w.columnLines, width: 7, align: .right), .init(w.columnHead, width: 16),
            .init(w.columnState, minWidth: 10),
        ])
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: 2, limit: c.width - 2, role: .muted, bold: true)
        var lines: [(String, Role)] = s.ledger.files.map { f in
            let state = f.broken.map { $0.line > 0 ? w.brokenAt($0.line, $0.message) : $0.message } ?? w.intact
            return (table.line([f.name + ".jsonl", "\(f.lines)", String(f.head.prefix(16)), state], widths: widths), f.broken == nil ? .normal : .error)
        }
        lines += (s.ledger.checkpointProblems + s.ledger.violations.map(\.description)).map { ($0, .error) }
        lines += s.ledger.strays.map { ("\($0): \(w.strayFile)", .warning) }
        lines += (s.ledger.warnings + s.results.tierWarnings).map { ($0, .warning) }
        lines.append(("", .normal))
        lines.append(("\(w.sealLabel) (\(w.methodName(s.method))):", .accent))
        lines.append((s.seal, .accent))
        let top = min(s.scrollTop, max(0, lines.count - s.bodyRows))
        for k in 0..<s.bodyRows where top + k < lines.count {
            let (text, role) = lines[top + k]
            c.put(text, x: 1, y: 3 + k, limit: c.width - 2, role: role)
        }
    }
}
