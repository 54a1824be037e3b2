import KhanaenCore
import KhanaenText

/// The console's keys: what is open over the screens takes a key first (the help, a prompt,
/// the eligibility panel, the documents), then the screens' numbers and Esc, then the
/// commands: those of the screen on show, the chair's decisions, and the console's own.
extension ChairUpdate {
    static func key(_ s: inout ChairState, _ key: Key) -> [ChairEffect] {
        s.status = nil
        if Chrome.isTooSmall(width: s.width, height: s.height) {
            if key == .char("q") { s.quit = true }
            return []
        }
        if s.screen == .help {
            helpKey(&s, key)
            return []
        }
        if s.prompt != nil { return promptKey(&s, key) }
        if s.screen == .eligibility { return EligibilityPanel.key(&s, key) }
        if s.screen == .documents, s.documents != nil {
            documentsKey(&s, key)
            return []
        }
        if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= ChairState.Tab.allCases.count {
            open(&s, ChairState.Tab.allCases[n - 1])
            return []
        }
        if key == .escape {
            // Esc never quits: it takes the chair back to the ranking.
            if s.tab != .ranking { open(&s, .ranking) } else { s.status = .info(s.strings.quitWithQ) }
            return []
        }
        guard let action = Keymap.chair.action(for: key) else {
            s.status = .info(s.strings.noSuchKey(key))
            return []
        }
        let effects = command(&s, action)
        keepSelectionVisible(&s)
        return effects
    }

    /// The movement keys scroll the help; any other key closes it.
    private static func helpKey(_ s: inout ChairState, _ key: Key) {
        if case .move(let m)? = Keymap.movement.action(for: key) {
            s.help.move(m, lines: ChairView.helpPages(s), page: 1)
        } else {
            s.screen = .tab
        }
    }

    private static func documentsKey(_ s: inout ChairState, _ key: Key) {
        guard var reader = s.documents else { return }
        let text = DocumentReader.parts(s.layout.documents.reader).text
        if reader.handle(key, width: text.width, page: max(1, text.height), strings: s.strings, words: s.text.words, status: &s.status) {
            s.documents = reader
        } else if Keymap.documents.action(for: key) == .back || key == .char("q") {
            s.screen = .tab
        } else {
            s.status = .info(s.strings.noSuchKey(key))
        }
    }

    static func command(_ s: inout ChairState, _ action: Action) -> [ChairEffect] {
        switch action {
        case .nextTab, .previousTab:
            let tabs = ChairState.Tab.allCases
            let t = tabs.firstIndex(of: s.tab) ?? 0
            open(&s, tabs[(t + (action == .nextTab ? 1 : tabs.count - 1)) % tabs.count])
        case .open, .filter, .recordOutcome, .scrollLeft, .scrollRight, .previousEntry, .nextEntry:
            switch s.tab {
            case .queue: queueCommand(&s, action)
            case .matrix: matrixCommand(&s, action)
            default: listCommand(&s, action)
            }
        case .award, .reopen, .makeOfficial:
            decision(&s, action)
        case .method:
            let next = s.nextMethod
            if s.data.computed[next] != nil {
                s.show(next)
            } else {
                s.pendingMethod = next
                s.status = .info(s.strings.computing(next))
                return [.compute(generation: s.generation, s.target.book, s.target.ledger, [next])]
            }
        case .documents:
            guard let e = s.selectedEntry else { return [] }
            if s.tab != .entry { open(&s, .entry) }
            s.screen = .documents
            if s.documents?.entry != e {
                s.documents = DocumentReader(entry: e, fields: EntryDocument.fields(of: s.contest.entries[e], language: s.strings.language))
                return [.loadDocuments(entry: e, language: s.strings.language)]
            }
        case .export:
            // What is exported is the official method's, whatever method is on screen, from
            // the ledger as it is now, not as the screen last showed it.
            s.exportPlan = nil
            return [.prepareExport]
        case .print:
            s.prompt = .printMenu
        case .eligibility:
            EligibilityPanel.open(&s, entry: s.selectedEntry)
        case .reassign:
            ReassignPrompt.open(&s)
        case .help:
            s.screen = .help
            s.help.reset()
        case .quit: s.quit = true
        case .move(let m): move(&s, m)
        default: break
        }
        return []
    }

    // MARK: by screen

    /// Screen 8, the discussion queue.
    private static func queueCommand(_ s: inout ChairState, _ action: Action) {
        let shown = QueueView.items(s)
        switch action {
        case .open:
            // To the item's entry, or for a judge's pattern to the judges screen.
            guard let p = s.queueList.selected, p < shown.count else { return }
            if shown[p].topic == .eligibility {
                // A rule's rulings are made on the eligibility panel, its first entry selected.
                EligibilityPanel.open(&s, entry: shown[p].entry)
            } else if let e = shown[p].entry {
                s.selectedEntry = e
                open(&s, .entry)
            } else {
                open(&s, .judges)
            }
        case .filter:
            s.queueShowsAll.toggle()
            s.queueList = ListWindow()
        case .recordOutcome:
            guard let p = s.queueList.selected, p < shown.count else {
                s.status = .info(s.strings.outcomeOnQueue)
                return
            }
            s.prompt = .outcome(shown[p])
        case .previousEntry, .nextEntry:
            stepEntry(&s, forward: action == .nextEntry, in: s.listEntries)
        default: break
        }
    }

    /// Screen 2, every judge's score of every entry.
    private static func matrixCommand(_ s: inout ChairState, _ action: Action) {
        switch action {
        case .open: open(&s, .entry)
        case .scrollLeft: s.leftJudge = max(0, s.leftJudge - 1)
        case .scrollRight: s.leftJudge = min(max(0, s.contest.judges.count - 1), s.leftJudge + 1)
        case .recordOutcome: s.status = .info(s.strings.outcomeOnQueue)
        case .previousEntry, .nextEntry: stepEntry(&s, forward: action == .nextEntry, in: s.entryOrder)
        default: break
        }
    }

    /// The ranking, and the screens that show one entry or the panel.
    private static func listCommand(_ s: inout ChairState, _ action: Action) {
        switch action {
        case .open where s.tab == .ranking: open(&s, .entry)
        case .recordOutcome: s.status = .info(s.strings.outcomeOnQueue)
        case .previousEntry, .nextEntry: stepEntry(&s, forward: action == .nextEntry, in: s.listEntries)
        default: break
        }
    }

    /// `[` and `]`: the entry before or after the selected one, in the screen's order.
    private static func stepEntry(_ s: inout ChairState, forward: Bool, in order: [Int]) {
        guard let e = s.selectedEntry, let p = order.firstIndex(of: e) else { return }
        let q = forward ? p + 1 : p - 1
        guard order.indices.contains(q) else { return }
        s.selectedEntry = order[q]
        if s.tab == .entry { s.viewport.reset() }
    }

    // MARK: the chair's decisions

    /// `a`, `o`, `O`: each asks first (a tier, a judge, a reason); nothing is written before y.
    private static func decision(_ s: inout ChairState, _ action: Action) {
        switch action {
        case .award:
            guard s.selectedEntry != nil else { return }
            s.prompt = .tier
        case .reopen:
            guard let e = s.selectedEntry else { return }
            let locked = s.contest.judges.indices.filter { s.book.sheet(judge: $0, entry: e).isLocked }
            guard !locked.isEmpty else {
                s.status = .error(s.strings.noSheetToReopen(s.contest.entries[e].id))
                return
            }
            s.prompt = .judge(choices: locked, selected: 0)
        case .makeOfficial:
            if s.method == s.official {
                s.status = .info(s.strings.alreadyOfficial(s.method))
                return
            }
            s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .method, entry: "", outcome: s.method.rawValue), TextField(limit: 500))
        default: break
        }
    }
}
