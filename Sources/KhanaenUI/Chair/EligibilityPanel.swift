import KhanaenCore
import KhanaenText

/// The console's eligibility panel (`c`): every entry's rules, pass, fail or left to the
/// chair, the chair's ruling, and the keys to rule on one entry or on one rule for every entry
/// it leaves open, each with a reason and a y/n, written as `khanaen eligibility --decide`
/// writes them (`Ledger.appendChair`, one line an entry).
enum EligibilityPanel {
    /// The entries listed: every entry, or those still waiting for a ruling.
    static func rows(_ s: ChairState) -> [Int] {
        guard let all = s.eligibility else { return [] }
        return all.indices.filter { s.eligibilityShowsAll || all[$0].status == .review }
    }

    /// Entries waiting for a ruling (the rules leave them to the chair, and the chair has not ruled).
    static func pending(_ s: ChairState) -> [Int] {
        guard let all = s.eligibility else { return [] }
        return all.indices.filter { all[$0].status == .review }
    }

    /// The rules that leave some waiting entry open, with those entries.
    static func openRules(_ s: ChairState) -> [(rule: EligibilityRule, entries: [Int])] {
        guard let all = s.eligibility else { return [] }
        let waiting = pending(s)
        return EligibilityRule.allCases.compactMap { rule in
            let members = waiting.filter { e in all[e].rules.contains { $0.rule == rule && $0.status == .review } }
            return members.isEmpty ? nil : (rule, members)
        }
    }

    static func open(_ s: inout ChairState, entry: Int?) {
        guard s.eligibility != nil else {
            s.status = .info(s.strings.noEligibilityRules)
            return
        }
        s.screen = .eligibility
        let shown = rows(s)
        let p = entry.flatMap { shown.firstIndex(of: $0) } ?? 0
        s.eligibilityList = ListWindow()
        if !shown.isEmpty { s.eligibilityList.select(p, count: shown.count, page: s.layout.eligibility.rows.pageRows) }
    }

    static func key(_ s: inout ChairState, _ key: Key) -> [ChairEffect] {
        guard let action = Keymap.eligibility.action(for: key) else {
            s.status = .info(s.strings.noSuchKey(key))
            return []
        }
        let shown = rows(s)
        switch action {
        case .move(let m):
            s.eligibilityList.move(m, count: shown.count, page: s.layout.eligibility.rows.pageRows)
        case .filter:
            let selected = s.eligibilityList.selected.flatMap { $0 < shown.count ? shown[$0] : nil }
            s.eligibilityShowsAll.toggle()
            open(&s, entry: selected)
        case .back:
            s.screen = .tab
        case .decideEntry:
            guard let p = s.eligibilityList.selected, p < shown.count else { return [] }
            s.prompt = .ruling(entries: [shown[p]], rule: nil)
        case .decideRule:
            let rules = openRules(s)
            if rules.isEmpty {
                s.status = .info(s.strings.nothingWaiting)
            } else if rules.count == 1 {
                s.prompt = .ruling(entries: rules[0].entries, rule: rules[0].rule)
            } else {
                s.prompt = .ruleChoice(rules.map(\.rule))
            }
        default:
            break
        }
        return []
    }

    /// The ruling's prompts, after Esc (which the console's prompt handling takes first).
    static func promptKey(_ s: inout ChairState, _ key: Key, _ prompt: ChairState.Prompt) -> [ChairEffect] {
        let w = s.strings
        switch prompt {
        case .ruleChoice(let rules):
            guard case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= rules.count,
                  let chosen = openRules(s).first(where: { $0.rule == rules[n - 1] }) else {
                s.status = .error(w.unknownChoice(rules.count))
                return []
            }
            s.prompt = .ruling(entries: chosen.entries, rule: chosen.rule)
        case .ruling(let entries, let rule):
            guard let all = s.eligibility else { s.prompt = nil; return [] }
            let third = thirdChoice(s, entries: entries, rule: rule)
            guard case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= (third == nil ? 2 : 3) else {
                s.status = .error(w.unknownChoice(third == nil ? 2 : 3))
                return []
            }
            // A ruling is on an entry, not on a rule: a rule passed settles only the entries it
            // alone leaves open, and the others still wait; 3 passes them on every open rule.
            var settled = entries
            var outcome = ["pass", "fail", "pass"][n - 1]
            var about = rule
            if n == 3 {
                if third == .withdraw { outcome = Contest.proposedAward } else { about = nil }
            } else if let rule, outcome == "pass" {
                settled = entries.filter { e in !all[e].rules.contains { $0.rule != rule && $0.status == .review } }
            }
            if settled.isEmpty {
                s.status = .error(w.othersStillOpen(entries.count))
                return []
            }
            let events = settled.map { LedgerEvent(actor: s.chair, kind: .eligibility, entry: s.contest.entries[$0].id, outcome: outcome) }
            s.prompt = .rulingReason(events, TextField(limit: 500), rule: about, left: entries.count - settled.count)
        case .rulingReason(var events, var field, let rule, let left):
            if key == .enter {
                let reason = field.text.trimmingSpaces
                guard !reason.isEmpty else { s.status = .error(w.reasonRequired); return [] }
                for k in events.indices { events[k].text = reason }
                s.prompt = .confirmRuling(events, rule: rule, left: left)
            } else if field.handle(key) {
                s.prompt = .rulingReason(events, field, rule: rule, left: left)
            }
        case .confirmRuling(let events, _, _):
            s.prompt = nil
            guard key.isYes else { s.status = .info(w.cancelled); return [] }
            let methods = [s.method, s.nextMethod]
            return events.count == 1 ? [.append(events[0], methods: methods)] : [.appendAll(events, methods: methods)]
        default:
            break
        }
        return []
    }

    enum Third { case withdraw, passInFull }

    /// The ruling prompt's third choice: withdraw one entry's ruling, or pass a rule's entries
    /// on every rule they wait on, when some wait on another rule too.
    static func thirdChoice(_ s: ChairState, entries: [Int], rule: EligibilityRule?) -> Third? {
        guard let all = s.eligibility else { return nil }
        if let rule {
            return entries.contains { e in all[e].rules.contains { $0.rule != rule && $0.status == .review } } ? .passInFull : nil
        }
        return entries.count == 1 && all[entries[0]].decision != nil ? .withdraw : nil
    }

    /// The prompt's words on the status line, and the part always shown whole (the choices, or
    /// the question and its y/n).
    static func promptLabel(_ s: ChairState, _ prompt: ChairState.Prompt) -> (String, String?)? {
        let w = s.strings
        let words = ReportWords(w.language)
        switch prompt {
        case .ruleChoice(let rules):
            let open = openRules(s)
            let (label, choices) = w.ruleChoicePrompt(rules.map { r in "\(words.rule(r)) (\(open.first { $0.rule == r }?.entries.count ?? 0))" })
            return (label, choices)
        case .ruling(let entries, let rule):
            let third = thirdChoice(s, entries: entries, rule: rule)
            let (label, choices) = w.rulingPrompt(ids(s, entries), rule: rule.map(words.rule), count: entries.count, withdraw: third == .withdraw,
                                                  passInFull: third == .passInFull)
            return (label, choices)
        case .rulingReason: return (w.reasonPrompt, nil)
        case .confirmRuling(let events, let rule, let left):
            let entries = events.compactMap { s.contest.entryIndex($0.entry) }
            return (w.confirmRuling(ids(s, entries), count: events.count, outcome: events.first?.outcome ?? "", rule: rule.map(words.rule), left: left), nil)
        default: return nil
        }
    }

    /// A few ids, the rest counted.
    static func ids(_ s: ChairState, _ entries: [Int]) -> String {
        let names = entries.map { s.contest.entries[$0].id }
        return names.count <= 3 ? names.joined(separator: " ") : names.prefix(2).joined(separator: " ") + " … " + names.last!
    }

    static func draw(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let words = ReportWords(w.language)
        guard let all = s.eligibility else { return }
        let shown = rows(s)
        let waiting = pending(s).count
        let parts = s.layout.eligibility
        c.put(w.eligibilityHeading(waiting: waiting, of: all.count, showsAll: s.eligibilityShowsAll), x: 1, y: parts.heading.y, limit: c.width - 10,
              role: .muted, bold: true)
        let position = "\(min(shown.count, (s.eligibilityList.selected ?? 0) + 1))/\(shown.count)"
        c.put(position, x: c.width - CellWidth.of(position) - 1, y: parts.heading.y, role: .muted)
        let ruleColumns = EligibilityRule.allCases.map { TextTable.Column.fitting(w.ruleShort($0), width: 3) }
        let table = TextTable([.init("", width: 1), .init(w.columnID, width: max(s.idWidth, 4)), .fitting(w.eligibilityColumnStatus, width: 11, values: EligibilityStatus.allCases.map { EligibilityReport.word($0, w.language) })]
                              + ruleColumns + [.init(w.eligibilityColumnRuling, minWidth: 8)])
        let widths = table.widths(total: c.width - 2)
        c.put(table.header(widths: widths), x: 1, y: parts.header.y, limit: c.width - 2, role: .muted, bold: true)
        if shown.isEmpty {
            c.put(w.nothingWaiting, x: 1, y: parts.rows.y, limit: c.width - 2, role: .ok)
        }
        let first = min(s.eligibilityList.top, max(0, shown.count - parts.rows.pageRows))
        for (k, e) in shown.dropFirst(first).prefix(parts.rows.height).enumerated() {
            let x = all[e]
            let selected = first + k == s.eligibilityList.selected
            let marks = EligibilityRule.allCases.map { rule in x.rules.first { $0.rule == rule }.map { mark($0.status) } ?? "" }
            let ruling = x.decision.map { "\(EligibilityReport.word($0.status, w.language)) · \($0.reason)" } ?? "—"
            let line = table.line([x.status == .review ? "●" : " ", x.id, EligibilityReport.word(x.status, w.language)] + marks
                                  + [ruling.replacingNewlines], widths: widths)
            let y = parts.rows.y + k
            c.put(line, x: 1, y: y, limit: c.width - 2, role: selected ? .selected : (x.status == .fail ? .muted : .normal))
            if selected {
                c.put("▶", x: 0, y: y, role: .selected, bold: true)
                c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
            } else if x.status == .review {
                c.paint(y: y, x: 1, width: 1, role: .warning, bold: true)
            }
        }
        // The selected entry's rules that did not pass, in words, and what the marks mean.
        if let p = s.eligibilityList.selected, p < shown.count {
            let x = all[shown[p]]
            let open = x.rules.filter { $0.status != .pass }.map { "\(words.rule($0.rule)): \($0.reason.words(w.language))" }
            let text = "\(x.id) · " + (open.isEmpty ? w.allRulesPass : open.joined(separator: " · "))
            let lines = LineWrap.wrap(text.replacingNewlines, width: c.width - 2, words: s.text.words)
            for (k, l) in lines.prefix(parts.selected.height).enumerated() {
                c.put(l, x: 1, y: parts.selected.y + k, limit: c.width - 2, role: x.status == .review ? .warning : .normal)
            }
        }
        c.put(w.eligibilityLegend, x: 1, y: parts.legend.y, limit: c.width - 2, role: .muted)
    }

    static func mark(_ status: EligibilityStatus) -> String {
        switch status {
        case .pass: return "✓"
        case .fail: return "✗"
        case .review: return "?"
        }
    }
}
