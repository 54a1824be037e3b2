import KhanaenCore
import KhanaenText

/// The chair console's frame: title, tab bar, the current screen, a line about the selected
/// entry, the status line and a footer with the method, the seal and the time of the data.
public enum ChairView {
    public static func render(_ s: ChairState) -> Canvas {
        let w = s.strings
        if Chrome.isTooSmall(width: s.width, height: s.height) { return Chrome.tooSmall(width: s.width, height: s.height, w) }
        var c = Canvas(width: s.width, height: s.height)
        let layout = s.layout
        Chrome.titleBar(&c, y: layout.title.y, left: "\(w.appName) · \(w.contestTitle(s.contest))", right: "\(w.chair) (\(s.chair))", words: s.text.words)
        Chrome.tabBar(&c, y: layout.tabs.y, ChairState.Tab.allCases.map(w.tab), selected: ChairState.Tab.allCases.firstIndex(of: s.tab) ?? 0)
        if s.screen == .help {
            help(&c, s)
        } else if s.screen == .eligibility {
            EligibilityPanel.draw(&c, s)
        } else if s.screen == .documents, let reader = s.documents {
            let entry = s.contest.entries[reader.entry]
            let parts = layout.documents
            c.put("\(entry.id) · \(entry.organisation) · \(w.documentsTitle)", x: 1, y: parts.heading.y, limit: s.width - 2, bold: true)
            DocumentReader.draw(&c, in: parts.reader, reader, strings: w, words: s.text.words)
        } else {
            switch s.tab {
            case .ranking: RankingView.draw(&c, s)
            case .matrix: MatrixView.draw(&c, s)
            case .queue: QueueView.draw(&c, s)
            default:
                let parts = layout.scrolled
                ScrollText.draw(&c, lines(s), s.viewport, in: parts.text.inset(left: 1, right: 1), positionRow: parts.position.y,
                                position: .whenLonger)
            }
        }
        statusLine(&c, s)
        footer(&c, s)
        return c
    }

    /// The lines of a screen that scrolls as a whole.
    static func lines(_ s: ChairState) -> [ScreenLine] {
        switch s.tab {
        case .entry: return EntryView.lines(s)
        case .progress: return ProgressView.lines(s)
        case .judges: return JudgesView.lines(s)
        case .methods: return MethodsView.lines(s)
        case .integrity: return IntegrityView.lines(s)
        case .ranking, .matrix, .queue: return []
        }
    }

    /// How many lines the screen on show has: what update clamps the scrolling to.
    static func lineCount(_ s: ChairState) -> Int { lines(s).count }

    private static func statusLine(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let y = s.layout.status.y
        if s.screen == .documents, let field = s.documents?.search {
            Chrome.prompt(&c, y: y, label: w.documentSearchPrompt, field: field, words: s.text.words)
            return
        }
        if s.screen == .documents && s.status == nil {
            Chrome.hints(&c, y: y, Keymap.documents.hints([.move(.down), .nextPage, .nextDocument, .search, .back], w))
            return
        }
        if let prompt = s.prompt {
            let entry = s.selectedEntry.map { s.contest.entries[$0].id } ?? ""
            if let (label, whole) = EligibilityPanel.promptLabel(s, prompt) {
                if case .rulingReason(_, let field, _, _) = prompt {
                    Chrome.prompt(&c, y: y, label: label, field: field, words: s.text.words)
                } else if let whole {
                    Chrome.prompt(&c, y: y, label: label + " ", field: nil, question: whole, words: s.text.words)
                } else {
                    Chrome.prompt(&c, y: y, label: label, field: nil, words: s.text.words)
                }
                return
            }
            switch prompt {
            case .tier: Chrome.prompt(&c, y: y, label: w.tierPrompt(s.contest.awards, entry: entry), field: nil, words: s.text.words)
            case .judge(let choices, let selected):
                let rows = choices.enumerated().map { k, j in
                    let judge = s.contest.judges[j]
                    let sheet = s.selectedEntry.map { s.book.sheet(judge: j, entry: $0) }
                    return "\(k == selected ? "▶" : " ") \(k + 1)  \(judge.name) (\(judge.id))" + (sheet.map { "  · " + w.status($0.status) } ?? "")
                }
                Chrome.panel(&c, rows, bottom: y, selected: selected)
                Chrome.prompt(&c, y: y, label: w.judgePrompt(entry), field: nil, words: s.text.words)
            case .reason(_, let field): Chrome.prompt(&c, y: y, label: w.reasonPrompt, field: field, words: s.text.words)
            case .confirm(let draft): Chrome.prompt(&c, y: y, label: w.confirmAction(draft, contest: s.contest), field: nil, words: s.text.words)
            case .overwrite(let names): Chrome.prompt(&c, y: y, label: w.overwriteFiles(names), field: nil, question: w.overwriteQuestion, words: s.text.words)
            case .outcome:
                // The item's reason is already under the queue, just above.
                let words = ReportWords(w.language)
                Chrome.prompt(&c, y: y, label: w.outcomePrompt(DiscussionOutcome.allCases.map(words.outcome)), field: nil, words: s.text.words)
            case .ruling, .ruleChoice, .rulingReason, .confirmRuling:
                break
            case .reassignJudge(let selected):
                // A panel of more judges than the rows above the prompt shows those around the cursor.
                let rows = ReassignPrompt.rows(s, selected: selected), room = max(1, y - 3)
                let first = max(0, min(selected - room / 2, rows.count - room))
                Chrome.panel(&c, Array(rows.dropFirst(first).prefix(room)), bottom: y, selected: selected - first)
                Chrome.prompt(&c, y: y, label: w.reassignPrompt(entry), field: nil, words: s.text.words)
            case .reassignReason(_, _, _, let field): Chrome.prompt(&c, y: y, label: w.reasonPrompt, field: field, words: s.text.words)
            case .reassignConfirm(let judge, let add, _):
                Chrome.prompt(&c, y: y, label: w.confirmReassign(s.contest.judges[judge].id, add: add, entry: entry), field: nil, words: s.text.words)
            case .printMenu:
                Chrome.panel(&c, w.printChoices, bottom: y, selected: nil)
                Chrome.prompt(&c, y: y, label: w.printMenu, field: nil, words: s.text.words)
            case .draft(let reasons):
                let lines = reasons.flatMap { LineWrap.wrap("• " + $0, width: s.width - 4, words: s.text.words) }
                Chrome.panel(&c, [w.draftHeading] + lines, bottom: y, selected: nil)
                Chrome.prompt(&c, y: y, label: w.draftPrompt, field: nil, words: s.text.words)
            }
            return
        }
        if s.screen == .help && s.status == nil {
            Chrome.status(&c, y: y, .info(w.helpTitle), words: s.text.words)
            return
        }
        if s.screen == .eligibility && s.status == nil {
            Chrome.hints(&c, y: y, Keymap.eligibility.hints([.decideEntry, .decideRule, .filter, .back], w))
            return
        }
        let shown: [Action] = s.tab == .progress && s.book.assignment != nil ? [.nextTab, .reassign, .method, .help, .quit] : [.nextTab, .method, .award, .help, .quit]
        let hints = Keymap.chair.hints(shown, w).components(separatedBy: "  ")
        Chrome.statusWithHints(&c, y: y, s.status, hints: hints, words: s.text.words)
    }

    /// The method, the seal's first digits and the time of the data; first, what a chair must
    /// never miss: a ledger that is not intact, access not enforced.
    private static func footer(_ c: inout Canvas, _ s: ChairState) {
        let w = s.strings
        let mark = s.method == s.official ? w.officialMark : w.comparisonMark
        // The method's name alone says what it is: its label would push the seal off at 80 columns.
        var parts = ["\(w.methodName(s.method)) (\(mark))", "\(w.sealLabel) \(s.seal.prefix(12))",
                     "\(w.updatedLabel) \(Timestamp.clock(s.updatedAt, zone: s.timeZone))"]
        if let m = s.pendingMethod { parts.insert(w.computing(m), at: 0) }
        // What does not fit is dropped whole, never cut inside: the seal's digits are read as they are.
        func footer(_ room: Int) -> String { Chrome.fitted(parts, room: room, separator: " · ") }
        var alarms: [String] = []
        if !s.ledger.isIntact || s.readProblem != nil { alarms.append(w.ledgerNotIntact) }
        if s.contest.access == .open { alarms.append(w.accessOpen) }
        let y = s.layout.footer.y
        if alarms.isEmpty {
            c.put(" " + footer(s.width - 2), x: 0, y: y, role: .muted)
        } else {
            // The alarms and the method are two things: a separator keeps them from reading as one.
            let used = c.put("⚠ " + alarms.joined(separator: " · "), x: 1, y: y, limit: s.width - 2, role: .error, bold: true)
            // One cell, as the space it replaces: at 80 columns the seal still fits beside them.
            if used < s.width - 2 { c.put("│" + footer(max(0, s.width - 3 - used)), x: 1 + used, y: y, role: .muted) }
        }
    }

    /// Every key, from the keymap, and what the marks mean.
    private static func help(_ c: inout Canvas, _ s: ChairState) {
        HelpText.draw(&c, in: s.layout.help, helpSections(s), scroll: s.help, strings: s.strings, words: s.text.words)
    }

    static func helpSections(_ s: ChairState) -> [HelpText.Section] {
        let w = s.strings
        return [.init(title: w.helpChair, extra: [("", w.consoleWrites)], keys: Keymap.chair),
                .init(title: w.helpEligibility, extra: [], keys: Keymap.eligibility),
                .init(title: w.helpDocuments, extra: [], keys: Keymap.documents),
                .init(title: w.helpMarks, extra: w.flagLegend, keys: Keymap([])),
                .init(title: w.helpStatistics, extra: w.statisticsGlossary, keys: Keymap([]))]
    }

    /// How many pages the help has.
    static func helpPages(_ s: ChairState) -> Int {
        HelpText.pageCount(helpSections(s), width: s.width, rows: s.layout.help.height, language: s.strings.language, words: s.text.words)
    }
}
