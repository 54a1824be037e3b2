import KhanaenCore
import KhanaenText

/// Entries × judges with each sheet's total; drafts dim, recusals marked, missing sheets
/// empty; each judge's mean below. Entry and judge headers stay while the body scrolls.
enum MatrixView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let left = 1 + s.idWidth + 1 + 18 + 1
        let cell = 7
        let remaining = s.contest.judges.count - s.leftJudge
        var room = max(1, (c.width - left - 1) / cell)
        // Judges beyond the right edge are counted in a column of their own ("+13 →").
        if remaining > room { room = max(1, (c.width - left - 1 - 7) / cell) }
        let judges = Array(s.contest.judges.indices.dropFirst(s.leftJudge).prefix(room))
        c.put(CellText.fit(w.columnID, to: s.idWidth) + " " + CellText.fit(w.columnOrganisation, to: 18), x: 1, y: 2, role: .muted, bold: true)
        for (k, j) in judges.enumerated() {
            c.put(CellText.fit(s.contest.judges[j].id, to: cell - 1, align: .right), x: left + k * cell, y: 2, role: .muted, bold: true)
        }
        let hidden = remaining - judges.count
        if hidden > 0 { c.put("+\(hidden) →", x: left + judges.count * cell + 1, y: 2, role: .accent) }
        if s.leftJudge > 0 {
            let before = "← +\(s.leftJudge)"
            c.put(before, x: left - CellWidth.of(before) - 1, y: 2, role: .accent)
        }
        let order = s.entryOrder
        let rows = s.bodyRows - 1
        let maxTotal = s.contest.maxTotal
        for k in 0..<rows {
            let p = s.scrollTop + k
            guard p < order.count else { break }
            let e = order[p]
            let y = 3 + k
            let entry = s.contest.entries[e]
            c.put(CellText.fit(entry.id, to: s.idWidth) + " " + CellText.fit(entry.organisation, to: 18), x: 1, y: y)
            for (col, j) in judges.enumerated() {
                let sheet = s.book.sheet(judge: j, entry: e)
                let x = left + col * cell
                switch sheet.status {
                case .submitted:
                    c.put(CellText.fit(sheet.total(maxTotal: maxTotal).map(TwoDecimals.text) ?? "", to: cell - 1, align: .right), x: x, y: y)
                case .draft:
                    let shown = sheet.total(maxTotal: maxTotal).map(TwoDecimals.text) ?? "\(sheet.setCount)/\(s.contest.criteria.count)"
                    c.put(CellText.fit(shown, to: cell - 1, align: .right), x: x, y: y, role: .muted)
                case .recused:
                    c.put(CellText.fit(w.recusedShort, to: cell - 1, align: .right), x: x, y: y, role: .warning)
                case .empty:
                    break
                }
            }
            if e == s.selectedEntry {
                c.put("▶", x: 0, y: y, role: .selected, bold: true)
                c.paint(y: y, x: 1, width: s.idWidth, role: .selected, bold: true)
            }
        }
        let footerY = 3 + rows
        c.put(CellText.fit(w.judgeMeans, to: s.idWidth + 19), x: 1, y: footerY, role: .accent, bold: true)
        for (col, j) in judges.enumerated() {
            let mean = s.results.judges[j].mean.map(TwoDecimals.text) ?? "—"
            c.put(CellText.fit(mean, to: cell - 1, align: .right), x: left + col * cell, y: footerY, role: .accent, bold: true)
        }
        if let e = s.selectedEntry {
            c.put(s.contest.entries[e].id + " · " + s.contest.entries[e].title, x: 1, y: s.height - 3, limit: c.width - 2, role: .muted)
        }
    }
}

/// One entry in full: the title, each criterion × judge with the criterion's mean and max,
/// every judge's total, the flags in words, the judges' notes and the entry's ledger history.
enum EntryView {
    static func lines(_ s: ChairState) -> [(String, Role, Bool)] {
        guard let e = s.selectedEntry, let r = s.result(e) else { return [] }
        let w = s.strings
        let words = ReportWords(w.language)
        let contest = s.contest
        let entry = contest.entries[e]
        var out: [(String, Role, Bool)] = []
        let place = [entry.district.isEmpty ? "" : w.district + entry.district, entry.province.isEmpty ? "" : w.province + entry.province, entry.region]
            .filter { !$0.isEmpty }.joined(separator: " ")
        out.append(("\(entry.id) · \(entry.organisation) · \(place)", .normal, true))
        for line in LineWrap.wrap(entry.title, width: s.width - 2) { out.append((line, .normal, false)) }
        let rank = r.rank.map { "\(w.columnRank) \($0)" } ?? w.unrankedHeading
        let award = r.award.map { id in contest.awards.first { $0.id == id }?.title ?? id } ?? "—"
        out.append(("\(rank) · \(w.columnScore) \(r.score.map(TwoDecimals.text) ?? "—") (\(w.methodName(s.method))) · SD \(r.sd.map(TwoDecimals.text) ?? "—") · \(w.columnAward) \(award)\(r.override != nil ? "*" : "")", .accent, true))
        out.append(("", .normal, false))

        let judges = contest.judges.indices
        let room = max(1, (s.width - 2 - 24 - 5 - 7) / 6)
        let shown = Array(judges.prefix(room))
        let table = TextTable([.init(w.columnCriterion, minWidth: 12), .init(w.columnMax, width: 4, align: .right)]
                              + shown.map { .init(contest.judges[$0].id, width: 5, align: .right) } + [.init(w.columnMean, width: 6, align: .right)])
        let widths = table.widths(total: s.width - 2)
        out.append((table.header(widths: widths), .muted, true))
        for (k, crit) in contest.criteria.enumerated() {
            let cells = ["\(k + 1) \(crit.short)", JSONWriter.numberText(crit.max)]
                + shown.map { j -> String in
                    let sheet = s.book.sheet(judge: j, entry: e)
                    if sheet.status == .recused { return w.recusedShort }
                    return sheet.scores[k].map(JSONWriter.numberText) ?? ""
                }
                + [r.criterionMeans[k].map(TwoDecimals.text) ?? "—"]
            out.append((table.line(cells, widths: widths), .normal, false))
        }
        let totals = shown.map { j -> String in
            let sheet = s.book.sheet(judge: j, entry: e)
            return sheet.total(maxTotal: contest.maxTotal).map(TwoDecimals.text) ?? ""
        }
        out.append((table.line([w.totalRow, "100"] + totals + [r.score.map(TwoDecimals.text) ?? "—"], widths: widths), .normal, true))
        if judges.count > shown.count { out.append((w.moreJudges(judges.count - shown.count), .muted, false)) }
        out.append(("", .normal, false))

        if r.flags.isEmpty && r.tie == nil { out.append((w.noFlags, .muted, false)) }
        for f in r.flags { out.append(("• " + words.describe(f, contest: contest), .warning, false)) }
        if let tie = r.tie { out.append(("• " + words.describe(tie, contest: contest), .warning, false)) }
        if let o = r.override { out.append(("* \(o.decision.actor) \(Timestamp.format(o.decision.time)): \(o.decision.reason)", .warning, false)) }

        var notes: [String] = []
        for j in judges {
            let sheet = s.book.sheet(judge: j, entry: e)
            if let n = sheet.note { notes.append("\(contest.judges[j].id): \(n)") }
            for (k, n) in sheet.criterionNotes.enumerated() { if let n { notes.append("\(contest.judges[j].id) \(contest.criteria[k].id): \(n)") } }
            if let reason = sheet.recuseReason { notes.append("\(contest.judges[j].id) \(w.columnRecused): \(reason)") }
        }
        if !notes.isEmpty {
            out.append(("", .normal, false))
            out.append((w.notes, .muted, true))
            for n in notes { for line in LineWrap.wrap(n.replacingNewlines, width: s.width - 4) { out.append(("  " + line, .normal, false)) } }
        }

        var history: [LedgerEvent] = []
        let name = LedgerName(entry.id)
        for file in s.events { history.append(contentsOf: file.filter { $0.entryName == name }) }
        history.sort { $0.time > $1.time }
        if !history.isEmpty {
            out.append(("", .normal, false))
            out.append((w.history(offset: s.utcOffset), .muted, true))
            for h in history {
                // Local time, as every other clock on the console; the ledger itself keeps UTC.
                let local = Timestamp.format(h.time + Int64(s.utcOffset) * 1000)
                var text = "\(local.prefix(19).replacingT) \(h.actor) \(w.kind(h.kind))"
                if let j = h.judge { text += " \(j)" }
                if let c = h.criterion { text += " \(c)" }
                if let v = h.value { text += " = \(JSONWriter.numberText(v))" }
                if let t = h.tier { text += " → \(t)" }
                if let t = h.text { text += ": \(t.replacingNewlines)" }
                out.append(("  " + text, h.kind == .reopen || h.kind == .award ? .warning : .normal, false))
            }
        }
        return out
    }

    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let all = lines(s)
        let top = min(s.scrollTop, max(0, all.count - s.bodyRows - 1))
        for k in 0..<(s.bodyRows + 1) where top + k < all.count {
            let (text, role, bold) = all[top + k]
            c.put(text, x: 1, y: 2 + k, limit: c.width - 2, role: role, bold: bold)
        }
    }
}

/// Each judge's severity (mean and SD of their counted totals) and how normalisation moves
/// their totals; each criterion's mean as a share of its maximum.
enum JudgesView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        guard let normalised = s.allMethods[.normalised] else { return }
        var lines: [(String, Role, Bool)] = [(w.severity, .muted, true)]
        let table = TextTable([.init(w.columnJudge, minWidth: 14), .fitting(w.columnCounted, width: 5, align: .right),
                               .fitting(w.columnMean, width: 7, align: .right), .init("SD", width: 6, align: .right),
                               .fitting(w.columnShift, width: 8, align: .right)])
        let widths = table.widths(total: min(c.width - 2, 70))
        lines.append((table.header(widths: widths), .muted, true))
        // Every judge's shifts in one pass over the entries (L: 2,000 entries × 50 judges).
        var shiftSum = [Double](repeating: 0, count: s.contest.judges.count), shiftCount = [Int](repeating: 0, count: s.contest.judges.count)
        for e in normalised.entries {
            guard let n = e.normalisedTotals else { continue }
            for (k, t) in e.totals.enumerated() {
                shiftSum[t.judge] += n[k] - t.total
                shiftCount[t.judge] += 1
            }
        }
        for j in s.results.judges {
            let count = shiftCount[j.index]
            let shift = j.normalisable ? (count == 0 ? "—" : signed(shiftSum[j.index] / Double(count))) : w.notNormalised
            let judge = s.contest.judges[j.index]
            lines.append((table.line(["\(judge.name) (\(judge.id))", "\(j.counted)", j.mean.map(TwoDecimals.text) ?? "—",
                                      j.sd.map(TwoDecimals.text) ?? "—", shift], widths: widths), .normal, false))
        }
        lines.append(("", .normal, false))
        lines.append((w.criteriaShare, .muted, true))
        let ranked = s.results.entries.filter { !$0.totals.isEmpty }
        for (k, crit) in s.contest.criteria.enumerated() {
            var sum = 0.0, n = 0.0
            for e in ranked { if let m = e.criterionMeans[k] { sum += m * Double(e.totals.count); n += Double(e.totals.count) } }
            let share = n > 0 ? sum / n / crit.max : 0
            let bar = String(repeating: "█", count: Int((share * 20).rounded())) + String(repeating: "·", count: 20 - Int((share * 20).rounded()))
            let text = CellText.fit("\(k + 1) \(crit.short)", to: 30) + " " + CellText.fit(n > 0 ? "\(Int((share * 100).rounded()))%" : "—", to: 5, align: .right) + " " + bar
            lines.append((text, .normal, false))
        }
        let top = min(s.scrollTop, max(0, lines.count - s.bodyRows - 1))
        for k in 0..<(s.bodyRows + 1) where top + k < lines.count {
            let (text, role, bold) = lines[top + k]
            c.put(text, x: 1, y: 2 + k, limit: c.width - 2, role: role, bold: bold)
        }
    }

    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + TwoDecimals.text(x) }
}

/// The entries whose proposed award differs between mean, median, trimmed and normalised:
/// the decisions that depend on the method.
enum MethodsView {
    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        c.put(w.methodsTitle, x: 1, y: 2, limit: c.width - 2, role: .muted, bold: true)
        guard s.allMethods.count == Method.allCases.count else { return }
        let table = TextTable([.init(w.columnID, width: s.idWidth), .init(w.columnOrganisation, minWidth: 12)]
                              + Method.allCases.map { .init(w.methodName($0), width: 12, shortTitle: w.methodShortName($0)) })
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: 3, limit: c.width - 2, role: .muted, bold: true)
        // Where each entry stands in each method's results, found once per frame (by index:
        // L has 2,000 entries) rather than by a search per cell.
        let all = Method.allCases.map { s.allMethods[$0]! }
        var at = [[Int]](repeating: [Int](repeating: -1, count: s.contest.entries.count), count: all.count)
        for (k, r) in all.enumerated() {
            for (p, x) in r.entries.enumerated() { at[k][x.index] = p }
        }
        func proposed(_ k: Int, _ e: Int) -> String? { at[k][e] < 0 ? nil : all[k].entries[at[k][e]].proposed }
        func cell(_ k: Int, _ e: Int) -> String {
            guard at[k][e] >= 0 else { return "" }
            let x = all[k].entries[at[k][e]]
            let tier = x.proposed.map { id in s.contest.awards.first { $0.id == id }?.title ?? id } ?? "—"
            return x.rank.map { "\($0). \(tier)" } ?? tier
        }
        let differing = s.entryOrder.filter { e in
            let first = proposed(0, e)
            return (1..<all.count).contains { proposed($0, e) != first }
        }
        if differing.isEmpty { c.put(w.methodsNone, x: 2, y: 5, role: .ok) }
        for (k, e) in differing.dropFirst(min(s.scrollTop, max(0, differing.count - 1))).prefix(s.bodyRows - 1).enumerated() {
            let entry = s.contest.entries[e]
            c.put(table.line([entry.id, entry.organisation] + all.indices.map { cell($0, e) }, widths: widths),
                  x: 1, y: 4 + k, limit: c.width - 2)
        }
    }
}

extension Substring {
    var replacingT: String { String(map { $0 == "T" ? " " : $0 }) }
}
