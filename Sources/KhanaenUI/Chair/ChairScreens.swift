import KhanaenCore
import KhanaenText

/// One entry in full: the title, each criterion × judge with the criterion's mean and max,
/// every judge's total, the flags in words, the judges' notes and the entry's ledger history.
enum EntryView {
    static func lines(_ s: ChairState) -> [ScreenLine] {
        guard let e = s.selectedEntry, let r = s.result(e) else { return [] }
        let w = s.strings
        let words = ReportWords(w.language)
        let contest = s.contest
        let entry = contest.entries[e]
        var out = ScrollText(width: s.width - 2, words: s.text.words)
        func wrap(_ t: String, _ role: Role = .normal, bold: Bool = false, indent: String = "") { out.wrap(t, role, bold: bold, indent: indent) }
        let place = [entry.district.isEmpty ? "" : w.district + entry.district, entry.province.isEmpty ? "" : w.province + entry.province, entry.region]
            .filter { !$0.isEmpty }.joined(separator: " ")
        out.append(("\(entry.id) · \(entry.organisation) · \(place)", .normal, true))
        wrap(entry.title)
        let rank = r.rank.map { "\(w.columnRank) \($0)" } ?? w.unrankedHeading
        let award = r.award.map { id in contest.awards.first { $0.id == id }?.title ?? id } ?? "—"
        out.append(("\(rank) · \(w.columnScore) \(r.score.map(TwoDecimals.text) ?? "—") (\(w.methodName(s.method))) · SD \(r.sd.map(TwoDecimals.text) ?? "—") · \(w.columnAward) \(award)\(r.override != nil ? "*" : "")", .accent, true))
        out.append(("", .normal, false))

        // Judges' columns of seven cells: "100.00", and a draft's "(80.50)", show whole.
        let judges = contest.judges.indices
        let room = max(1, (s.width - 2 - 24 - 5 - 7) / 8)
        let shown = Array(judges.prefix(room))
        let table = TextTable([.init(w.columnCriterion, minWidth: 12), .init(w.columnMax, width: 4, align: .right)]
                              + shown.map { .init(contest.judges[$0].id, width: 7, align: .right) } + [.init(w.columnMean, width: 6, align: .right)])
        let widths = table.widths(total: s.width - 2)
        out.append((table.header(widths: widths), .muted, true))
        for (k, crit) in contest.criteria.enumerated() {
            let cells = ["\(k + 1) \(crit.short)", JSONWriter.numberText(crit.max)]
                + shown.map { j -> String in
                    let sheet = s.book.sheet(judge: j, entry: e)
                    if sheet.status == .recused { return w.recusedShort }
                    let v = sheet.scores[k].map(JSONWriter.numberText) ?? ""
                    // A draft's scores are in brackets: they do not count yet.
                    return sheet.status == .draft && !v.isEmpty ? "(\(v))" : v
                }
                + [r.criterionMeans[k].map(TwoDecimals.text) ?? "—"]
            out.append((table.line(cells, widths: widths), .normal, false))
        }
        let totals = shown.map { j -> String in
            let sheet = s.book.sheet(judge: j, entry: e)
            guard let t = sheet.total(maxTotal: contest.maxTotal).map(TwoDecimals.text) else { return sheet.status == .draft ? w.draftShort : "" }
            return sheet.status == .draft ? "(\(t))" : t
        }
        out.append((table.line([w.totalRow, "100"] + totals + [r.score.map(TwoDecimals.text) ?? "—"], widths: widths), .normal, true))
        if shown.contains(where: { s.book.sheet(judge: $0, entry: e).status == .draft }) { out.append((w.draftLegend, .muted, false)) }
        if judges.count > shown.count { out.append((w.moreJudges(judges.count - shown.count), .muted, false)) }
        out.append(("", .normal, false))

        // How sure the proposal is, and what one sheet would have to change to swing it.
        var queued = false
        if let st = s.statistics, let conf = st.confidence(entry: e), conf.ranked {
            let names = st.confidence.tiers.map { words.tierPhrase($0, contest: contest) } + [words.noAward]
            let shares = zip(names, conf.probabilities).filter { $0.1 > 0 }.map { "\($0.0) \(words.percent($0.1))" }.joined(separator: " · ")
            wrap("\(words.confidence): \(shares) \(w.resamples(st.resamples))", RankingView.isUncertain(e, st) ? .warning : .normal)
            if let swing = st.swing(entry: e) {
                if let c = swing.change {
                    wrap(w.swingWords(c, tier: words.tierPhrase(c.tier, contest: contest)) + " (\(TwoDecimals.text(c.from)) → \(TwoDecimals.text(c.to)))")
                } else {
                    wrap(w.noSingleSheetSwings, .muted)
                }
            }
            for item in st.queue where item.entry == e || (item.topic == .eligibility && item.entryIDs.contains(contest.entries[e].id)) {
                queued = true
                // An eligibility item is about many entries: this entry's own rule and reason.
                var reason = words.reason(item, contest: contest)
                if case .eligibility(let rule, let ids, let results) = item.detail, let k = ids.firstIndex(of: contest.entries[e].id) {
                    reason = "\(words.rule(rule)): \(results[k].reason.words(w.language)) (\(w.eligibilityKey))"
                }
                wrap("\(item.isOpen ? "●" : "✓") \(words.topic(item.topic)) · \(reason)", item.isOpen ? .warning : .muted)
            }
        }
        // "No flags" only when nothing above or below is flagged.
        if r.flags.isEmpty && r.tie == nil && !queued { out.append((w.noFlags, .muted, false)) }
        for f in r.flags { wrap("• " + words.describe(f, contest: contest), .warning) }
        if let tie = r.tie { wrap("• " + words.describe(tie, contest: contest), .warning) }
        if let o = r.override { wrap("* \(o.decision.actor) \(w.dateTime(o.decision.time, zone: s.timeZone)): \(o.decision.reason)", .warning) }

        var notes: [String] = []
        for j in judges {
            let sheet = s.book.sheet(judge: j, entry: e)
            if let n = sheet.note { notes.append("\(contest.judges[j].id): \(n)") }
            for (k, n) in sheet.criterionNotes.enumerated() { if let n { notes.append("\(contest.judges[j].id) \(w.criterionWord) \(k + 1): \(n)") } }
            if let reason = sheet.recuseReason { notes.append("\(contest.judges[j].id) \(w.columnRecused): \(reason)") }
        }
        if !notes.isEmpty {
            out.append(("", .normal, false))
            out.append((w.notes, .muted, true))
            for n in notes { wrap(n, indent: "  ") }
        }

        var history: [LedgerEvent] = []
        let name = LedgerName(entry.id)
        for file in s.events { history.append(contentsOf: file.filter { $0.entryName == name }) }
        history.sort { $0.time != $1.time ? $0.time > $1.time : $0.seq > $1.seq }
        if !history.isEmpty {
            out.append(("", .normal, false))
            out.append((w.history(zone: s.timeZone), .muted, true))
            for h in history {
                var text = "\(w.dateTime(h.time, zone: s.timeZone)) \(h.actor) \(h.undoes != nil ? w.undoWord : w.kind(h.kind))"
                if let j = h.judge { text += " \(j)" }
                if let c = h.criterion, let k = contest.criterionIndex(c) { text += " \(w.criterionWord) \(k + 1)" }
                if let v = h.value { text += " = \(JSONWriter.numberText(v))" }
                if let t = h.tier { text += " → \(words.tierTitle(t, contest: contest))" }
                if let t = h.text { text += ": \(t.replacingNewlines)" }
                out.append(("  " + text, h.kind == .reopen || h.kind == .award ? .warning : .normal, false))
            }
        }
        return out.lines
    }
}

/// Per judge: submitted, drafts, not started, recused, a bar, and when they last changed
/// anything (the date too when it was not today).
enum ProgressView {
    static func lines(_ s: ChairState) -> [ScreenLine] {
        let w = s.strings
        // Each judge's own entries: every entry, or those the assignment gives them.
        let done = s.results.judges.reduce(0) { $0 + $1.submitted + $1.recused }
        let total = s.results.judges.reduce(0) { $0 + $1.entries }
        var out: [ScreenLine] = [(w.overall(done, total), .normal, true)]
        // Once a chair has assigned: how many entries have judges, and the eligible ones with none.
        if s.results.entries.contains(where: { $0.assigned != nil }) {
            let eligible = s.results.entries.filter { $0.unrankedReason != Flag.Kind.ineligible.rawValue }
            let gaps = eligible.filter { ($0.assigned ?? 0) == 0 }.map(\.id).sorted()
            out.append((w.coverage(given: eligible.count - gaps.count, gaps: gaps), gaps.isEmpty ? .normal : .warning, false))
            out += assigned(s, eligible: eligible)
        }
        // The last column holds a date and a time whole ("20 พ.ย. 2569 02:00").
        let barWidth = max(8, s.width - 86)
        let table = TextTable([
            .init(w.columnJudge, minWidth: 14), .fitting(w.columnSubmitted, width: 8, align: .right),
            .fitting(w.columnDrafts, width: 5, align: .right), .fitting(w.columnNotStarted, width: 11, align: .right),
            .fitting(w.columnRecused, width: 7, align: .right), .fitting(w.columnDone, width: barWidth), .fitting(w.columnLast, width: 18),
        ])
        let widths = table.widths(total: s.width - 2)
        out.append((table.header(widths: widths), .muted, true))
        let today = Timestamp.date(s.updatedAt, zone: s.timeZone)
        for j in s.results.judges {
            let judge = s.contest.judges[j.index]
            let finished = j.submitted + j.recused, entries = j.entries
            let filled = entries == 0 ? 0 : finished * barWidth / entries
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)
            let last = j.lastChange.map { t in
                Timestamp.date(t, zone: s.timeZone) == today ? Timestamp.clock(t, zone: s.timeZone) : w.dateTime(t, zone: s.timeZone, seconds: false)
            } ?? "—"
            out.append((table.line(["\(judge.name) (\(judge.id))", "\(j.submitted)", "\(j.drafts)", "\(j.notStarted)", "\(j.recused)", bar, last],
                                   widths: widths), finished == entries ? .ok : .normal, false))
        }
        return out
    }

    /// The eligible entries short of judges, then the selected entry's assigned judges, each
    /// with their sheet's state. "Enough" is the count most entries have: what the chair last
    /// gave each entry (`--per-entry K`), as no line records K itself.
    static func assigned(_ s: ChairState, eligible: [EntryResult]) -> [ScreenLine] {
        guard let assignment = s.book.assignment else { return [] }
        let w = s.strings
        var out: [ScreenLine] = []
        var tally: [Int: Int] = [:]
        for e in eligible where (e.assigned ?? 0) > 0 { tally[e.assigned!, default: 0] += 1 }
        if let needed = tally.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key {
            let short = eligible.filter { ($0.assigned ?? 0) > 0 && $0.assigned! < needed }.sorted { $0.id < $1.id }.map { ($0.id, $0.assigned!) }
            if !short.isEmpty { out.append((w.shortOfJudges(needed, short), .warning, false)) }
        }
        guard let e = s.selectedEntry, assignment.indices.contains(e) else { return out }
        let judges = s.contest.judges.indices.filter { assignment[e][$0] }
        let states = judges.map { s.book.sheet(judge: $0, entry: e).status }
        out.append(("", .normal, false))
        out.append((w.assignedJudges(s.contest.entries[e].id, count: judges.count, submitted: states.filter { $0 == .submitted }.count,
                                     active: states.filter { $0 == .draft }.count), .accent, true))
        if judges.isEmpty { out.append(("  " + w.noJudgeAssigned, .warning, false)) }
        for (j, state) in zip(judges, states) {
            let judge = s.contest.judges[j]
            out.append(("  \(judge.name) (\(judge.id)) · \(w.assignedState(state))", state == .submitted || state == .recused ? .ok : .normal, false))
        }
        out.append(("", .normal, false))
        return out
    }
}

/// Every ledger file: lines, head hash and whether its chain is intact; what the checkpoints
/// found; the lines that break the rules; warnings; the full seal.
enum IntegrityView {
    static func lines(_ s: ChairState) -> [ScreenLine] {
        let w = s.strings
        let words = ReportWords(w.language)
        let table = TextTable([
            .init(w.columnFile, width: 22), .init(w.columnLines, width: 7, align: .right), .init(w.columnHead, width: 16),
            .init(w.columnState, minWidth: 10),
        ])
        let widths = table.widths(total: s.width - 2)
        var out: [ScreenLine] = [(table.header(widths: widths), .muted, true)]
        out += s.ledger.files.map { f in
            let state = f.broken.map { $0.line > 0 ? w.brokenAt($0.line, $0.words.text(w.language)) : $0.words.text(w.language) } ?? w.intact
            let file = String(Ledger.displayPath(ofFile: f.name).dropFirst(ContestFolder.ledgerFolder.count + 1))
            return (table.line([file, "\(f.lines)", String(f.head.prefix(16)), state], widths: widths), f.broken == nil ? .normal : .error, false)
        }
        if !s.data.syncs.isEmpty {
            // Who and which machine come from a commit: text from elsewhere, made safe.
            let synced = TextTable([.init(w.columnFile, width: 22), .init(w.columnSyncedBy, minWidth: 16), .init(w.columnSyncedAt, width: 20)])
            let sw = synced.widths(total: s.width - 2)
            out.append(("", .normal, false))
            out.append((w.lastSyncHeading, .muted, true))
            for f in s.data.syncs {
                out.append((synced.line([TerminalText.safe(f.file), TerminalText.safe("\(f.login)@\(f.machine)"),
                                         w.dateTime(f.time, zone: s.timeZone, seconds: false)], widths: sw), .normal, false))
            }
        }
        func say(_ text: String, _ role: Role) { out += wrappedLines(text, width: s.width - 2, role: role, words: s.text.words) }
        for problem in [s.readProblem].compactMap({ $0 }) + (s.ledger.checkpointProblemWords + s.ledger.deliveryProblemWords).map({ $0.text(w.language) })
            + s.ledger.violations.map { $0.description(in: w.language) } { say(problem, .error) }
        for stray in s.ledger.strays { say("\(stray): \(w.strayFile)", .warning) }
        // The method on screen's tiers, when it is not the official one (whose are in the draft's reasons).
        let tiers = s.results.isOfficial ? [] : s.results.tierCounts.map { words.describe($0, contest: s.contest) }
        for warning in s.ledger.warnings(in: w.language) + tiers { say(warning, .warning) }
        if s.contest.access == .open { say(words.accessOpen, .warning) }
        out.append(("", .normal, false))
        out.append(("\(w.sealLabel) (\(w.methodName(s.method))):", .accent, false))
        out.append((s.seal, .accent, false))
        // Why the announcement is not final, every reason (the ranking has them on one line).
        if !s.draft.isEmpty {
            out.append(("", .normal, false))
            say(w.draftHeading, .warning)
            for reason in s.draft { say("• " + AnnouncementDraft.describe(reason, contest: s.contest, words: words), .warning) }
        }
        return out
    }
}

/// Each judge's severity (mean and SD of their counted totals) and how normalisation moves
/// their totals; each criterion's mean as a share of its maximum.
enum JudgesView {
    static func lines(_ s: ChairState) -> [ScreenLine] {
        let w = s.strings
        var out: [ScreenLine] = [(w.severity, .muted, true)]
        guard let normalised = s.allMethods[.normalised] else { return out + [(w.computing(.normalised), .muted, false)] }
        let table = TextTable([.init(w.columnJudge, minWidth: 14), .fitting(w.columnCounted, width: 5, align: .right),
                               .fitting(w.columnMean, width: 7, align: .right), .init("SD", width: 6, align: .right),
                               .fitting(w.columnShift, width: 8, align: .right)])
        let widths = table.widths(total: min(s.width - 2, 70))
        out.append((table.header(widths: widths), .muted, true))
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
            out.append((table.line(["\(judge.name) (\(judge.id))", "\(j.counted)", j.mean.map(TwoDecimals.text) ?? "—",
                                    j.sd.map(TwoDecimals.text) ?? "—", shift], widths: widths), .normal, false))
        }
        if let st = s.statistics {
            out.append(("", .normal, false))
            out += patterns(s, st)
            out.append(("", .normal, false))
            out += agreement(s, st)
        } else {
            out.append(("", .normal, false))
            out.append((w.computingStatistics, .muted, false))
        }
        out.append(("", .normal, false))
        out.append((w.criteriaShare, .muted, true))
        let counted = s.results.entries.filter { !$0.totals.isEmpty }
        for (k, crit) in s.contest.criteria.enumerated() {
            var sum = 0.0, n = 0.0
            for e in counted { if let m = e.criterionMeans[k] { sum += m * Double(e.totals.count); n += Double(e.totals.count) } }
            let share = n > 0 ? sum / n / crit.max : 0
            let filled = Int((share * 20).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 20 - filled)
            let text = CellText.fit("\(k + 1) \(crit.short)", to: 30) + " " + CellText.fit(n > 0 ? "\(Int((share * 100).rounded()))%" : "—", to: 5, align: .right) + " " + bar
            out.append((text, .normal, false))
        }
        return out
    }

    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + TwoDecimals.text(x) }

    /// Each judge's patterns with their figures; a flagged one is marked and in words.
    static func patterns(_ s: ChairState, _ st: PanelStatistics) -> [ScreenLine] {
        let w = s.strings
        let names = w.patternColumns
        let table = TextTable([.init(w.columnJudge, minWidth: 14), .fitting(names[0], width: 6, align: .right), .fitting(names[1], width: 6, align: .right),
                               .fitting(names[2], width: 6, align: .right), .fitting(names[3], width: 7, align: .right), .init(w.columnFlags, minWidth: 8)])
        let widths = table.widths(total: s.width - 2)
        var out: [ScreenLine] = [(w.patternsTitle, .muted, true), (table.header(widths: widths), .muted, true)]
        for p in st.patterns {
            func figure(_ f: JudgePatterns.Figure) -> String { f.value.map { (f.flagged ? "⚑" : "") + TwoDecimals.text($0) } ?? "—" }
            let flagged = [("halo", p.halo), ("flat", p.flat), ("drift", p.drift), ("severity", p.severity)].filter { $0.1.flagged }.map { w.patternName($0.0) }
            let judge = s.contest.judges[p.judge]
            // The flagged patterns in words, wrapped in their column rather than cut.
            let named = LineWrap.wrap(flagged.joined(separator: ", "), width: max(1, widths.last ?? 1), words: s.text.words)
            out.append((table.line(["\(judge.name) (\(judge.id))", figure(p.halo), figure(p.flat), figure(p.drift),
                                    p.driftP.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "—", named.first ?? ""],
                                   widths: widths), flagged.isEmpty ? .normal : .warning, false))
            for more in named.dropFirst() {
                out.append((table.line(["", "", "", "", "", more], widths: widths), .warning, false))
            }
        }
        return out
    }

    /// The panel's agreement on the totals, then the criteria from the least agreed, each
    /// with a reading in words.
    static func agreement(_ s: ChairState, _ st: PanelStatistics) -> [ScreenLine] {
        let w = s.strings
        let words = ReportWords(w.language)
        var out: [ScreenLine] = [(w.agreementTitle, .muted, true)]
        let total = st.agreement.totals
        // Each figure with what it was computed on; the reading only when ICC is computed.
        let readingText = total.icc2_1 == nil ? "" : " — " + w.agreementReading(total.icc2_1)
        out += wrappedLines("\(words.totalsWord): \(w.agreementFigures(total))\(readingText)", width: s.width - 2,
                            role: reading(total.icc2_1), words: s.text.words)
        let criteria = st.agreement.criteria.enumerated().sorted { ($0.element.agreement.icc2_1 ?? 2) < ($1.element.agreement.icc2_1 ?? 2) }
        for (k, c) in criteria {
            let short = s.contest.criteria.first { $0.id == c.id }?.short ?? c.id
            let index = (s.contest.criterionIndex(c.id) ?? k) + 1
            let figure = c.agreement.icc2_1.map { "\(w.t("สอดคล้อง", "ICC")) \(TwoDecimals.text($0)) " + w.agreementReading($0) }
                ?? w.agreementFigures(c.agreement)
            out.append((CellText.fit("\(index) \(short)", to: 30) + " " + figure, reading(c.agreement.icc2_1), false))
        }
        return out
    }

    private static func reading(_ icc: Double?) -> Role {
        guard let icc else { return .muted }
        return icc < 0.5 ? .warning : .normal
    }
}

/// The entries whose proposed award differs between mean, median, trimmed and normalised:
/// the decisions that depend on the method.
enum MethodsView {
    static func lines(_ s: ChairState) -> [ScreenLine] {
        let w = s.strings
        var out: [ScreenLine] = [(w.officialSince(s.official), .accent, true)]
        if s.book.methodChanges.isEmpty {
            out.append(("  " + w.officialFromContest, .muted, false))
        }
        for change in s.book.methodChanges {
            let d = change.decision
            out += wrappedLines("\(w.dateTime(d.time, zone: s.timeZone)) \(d.actor) → \(w.methodName(change.method)): \(d.reason)",
                                width: s.width - 2, role: .warning, indent: "  ", words: s.text.words)
        }
        out.append(("", .normal, false))
        out.append((w.methodsTitle, .muted, true))
        let missing = Method.allCases.filter { s.allMethods[$0] == nil }
        if let m = missing.first { return out + [(w.computing(m), .muted, false)] }
        let table = TextTable([.init(w.columnID, width: s.idWidth), .init(w.columnOrganisation, minWidth: 12)]
                              + Method.allCases.map { .init(w.methodName($0), width: 12, shortTitle: w.methodShortName($0)) })
        let widths = table.widths(total: s.width - 2)
        out.append((table.header(widths: widths), .muted, true))
        // Where each entry stands in each method's results, found once (L has 2,000 entries).
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
        if differing.isEmpty { out.append((w.methodsNone, .ok, false)) }
        for e in differing {
            let entry = s.contest.entries[e]
            out.append((table.line([entry.id, RankingView.organisation(entry.organisation, width: widths[1])] + all.indices.map { cell($0, e) }, widths: widths),
                        .normal, false))
        }
        return out
    }
}
