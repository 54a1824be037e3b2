import KhanaenCore
import KhanaenText

public enum JudgeMsg: TerminalMessages {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick
    /// The first frame is on the screen.
    case started
    /// The judge's sheets as the ledger now has them (after a save, or a change made
    /// elsewhere: another terminal of this judge, or the chair's reopen).
    case sheets([Sheet], elsewhere: Bool)
    /// Events were written and synced.
    case saved([LedgerEvent])
    /// The ledger refused or could not write; nothing was written.
    case notSaved(String)
    /// The judge's ledger file is gone, shrank or was replaced under the open workstation:
    /// what was read is kept on screen, and nothing more is written to it.
    case ledgerBroken(String)
    /// The Thai word breaker and collator are loaded.
    case textReady(ThaiText)
    /// An entry's documents, read.
    case documents(entry: Int, [EntryDocument])
    /// The entries taken out of judging, as the chair's file now says: by the contest's
    /// eligibility and conflicts, and (`notGiven`, among them) by the assignment.
    case ineligible(Set<Int>, notGiven: Set<Int> = [])
    /// The judge's sheet was printed: where (the whole path), how many pages, whether a draft,
    /// and whether its pages lack the QR code (libqrencode missing).
    case printed(path: String, pages: Int, draft: Bool, noQR: Bool = false)
    case notPrinted(String)

    public var isQuiet: Bool {
        switch self {
        case .tick, .started: return true
        default: return false
        }
    }
}

/// What the workstation asks the outside world to do.
public enum JudgeEffect: Equatable, Sendable {
    /// Append to this judge's ledger (validated there again, under the lock); the frame
    /// after the key waits for it.
    case append([LedgerEvent])
    /// Read what was appended to the judge's file and the chair's since the last look.
    case reload
    /// Load the Thai word breaker and collator.
    case prepareText
    /// Read an entry's documents (its files' text, from under the contest folder).
    case loadDocuments(entry: Int, language: Language)
    /// Print the judge's score sheet as `khanaen print sheet` does, off the screen's thread;
    /// sent back as `.printed` or `.notPrinted`.
    case printSheet
}

/// The workstation as a program of the runtime.
public enum JudgeProgram: Program {
    public static func update(_ state: inout JudgeState, _ msg: JudgeMsg) -> [JudgeEffect] { JudgeUpdate.update(&state, msg) }
    public static func view(_ state: JudgeState) -> Canvas { JudgeView.render(state) }
    public static func isFinished(_ state: JudgeState) -> Bool { state.quit }

    public static func isAwaited(_ effect: JudgeEffect) -> Bool {
        if case .append = effect { return true }
        return false
    }
}

/// The workstation's behaviour: a pure function of state and message.
public enum JudgeUpdate {
    public static func update(_ s: inout JudgeState, _ msg: JudgeMsg) -> [JudgeEffect] {
        switch msg {
        case .started:
            return [.prepareText]
        case .tick:
            return [.reload]
        case .textReady(let text):
            s.text = text
            if s.organisationOrder != nil { s.organisationOrder = JudgeState.order(s.contest, text.collator) }
            keepSelectionVisible(&s)
            return []
        case .documents(let entry, let documents):
            if s.documents?.entry == entry { s.documents?.documents = documents }
            return []
        case .printed(let path, let pages, let draft, let noQR):
            s.printing = false
            let fixed = CellWidth.of("✓ " + s.strings.printed(path: "", pages: pages, draft: draft, noQR: noQR))
            s.status = .ok(s.strings.printed(path: Chrome.middle(path, to: max(12, s.width - 2 - fixed)), pages: pages, draft: draft, noQR: noQR))
            return []
        case .notPrinted(let why):
            s.printing = false
            s.status = .error(s.strings.notPrinted(why))
            return []
        case .ineligible(let hidden, let notGiven):
            let newly = hidden.subtracting(s.hidden), given = s.notGiven.subtracting(notGiven).subtracting(hidden)
            s.hidden = hidden
            s.notGiven = notGiven
            if newly.contains(s.selectedEntry) && s.screen != .list {
                // The chair ruled while the judge had it open: back to the list, and why.
                s.screen = .list
                s.prompt = nil
                s.input = TextField(limit: 8)
            }
            if let e = newly.sorted().first {
                let id = s.contest.entries[e].id
                s.status = .info(notGiven.contains(e) ? s.strings.noLongerGiven(id) : s.strings.takenOut(id))
            } else if let e = given.sorted().first {
                s.status = .info(s.strings.newlyGiven(s.contest.entries[e].id))
            }
            reselect(&s)
            return []
        case .resize(let w, let h):
            s.width = w
            s.height = h
            keepSelectionVisible(&s)
            return []
        case .sheets(let sheets, let elsewhere):
            let before = s.sheets
            s.sheets = sheets
            if elsewhere && before != sheets {
                let reopened = s.contest.entries.indices.filter { before[$0].isLocked && !sheets[$0].isLocked && sheets[$0].reopen != nil }
                if let e = reopened.first, let r = sheets[e].reopen {
                    s.status = .info(s.strings.reopenedNow(s.contest.entries[e].id, r))
                } else {
                    s.status = .info(s.strings.changedElsewhere)
                }
            }
            keepSelectionVisible(&s)
            return []
        case .saved(let events):
            if let k = s.undo.lastIndex(where: { $0.seq == nil }), let last = events.last { s.undo[k].seq = last.seq }
            s.status = .ok(s.strings.saved(Timestamp.clock(events.last?.time ?? 0, zone: s.timeZone), describe(events, s))
                           + (s.afterSave.map { " · " + $0 } ?? ""))
            s.afterSave = nil
            s.sent = nil
            return []
        case .notSaved(let why):
            // A typed score the ledger refused stays where it was typed, selected, as one the
            // screen refuses does: the next digit replaces it, Enter tries it again.
            if let sent = s.sent, s.screen == .sheet || s.screen == .list {
                s.selectedEntry = sent.entry
                s.screen = .sheet
                s.criterion = sent.criterion
                s.input = sent.field
                s.input.selected = true
                keepSelectionVisible(&s)
            }
            s.sent = nil
            // The change the undo stack was told about never reached the ledger.
            if let k = s.undo.lastIndex(where: { $0.seq == nil }) { s.undo.remove(at: k) }
            // The score `s` saved first was refused: no question about submitting without it.
            if case .confirmSubmit(let saved?)? = s.prompt, !saved.isEmpty { s.prompt = nil }
            s.status = .error(s.strings.notSaved(why))
            return []
        case .ledgerBroken(let why):
            s.ledgerProblem = s.strings.ledgerBroken(why)
            return []
        case .key(let key):
            // A message belongs to the moment: the next key clears it.
            s.status = nil
            s.afterSave = nil
            // On a screen too small to show what a key would do, only quitting from the list works.
            if Chrome.isTooSmall(width: s.width, height: s.height) {
                if key == .char("q") && s.screen == .list && s.prompt == nil { s.quit = true }
                return []
            }
            // The keyboard's layout is learnt from every key typed, wherever it is typed (a
            // note, a search, a prompt); the sheet reads its own keys more finely below.
            if s.prompt != nil || s.screen != .sheet { learnLayout(&s, key) }
            if s.prompt != nil { return promptKey(&s, key) }
            switch s.screen {
            case .help:
                // The movement keys scroll the help; any other key goes back.
                if case .move(let m)? = Keymap.movement.action(for: key) {
                    s.help.move(m, lines: JudgeView.helpPages(s), page: 1)
                } else {
                    s.screen = s.helpReturn
                }
                return []
            case .reader:
                readerKey(&s, key)
                return []
            case .documents:
                documentsKey(&s, key)
                return []
            case .list:
                return listKey(&s, key)
            case .sheet:
                return sheetKey(&s, key)
            }
        }
    }

    // MARK: entry list

    private static func listKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        if key == .escape {
            // Esc never quits: it closes the search that is on.
            if !s.search.isEmpty {
                s.search = ""
                reselect(&s)
            } else {
                s.status = .info(s.strings.quitWithQ)
            }
            return []
        }
        guard let action = Keymap.list.action(for: key) else {
            s.status = .info(s.strings.noSuchKey(key))
            return []
        }
        let rows = s.visibleEntries
        switch action {
        case .move(let m):
            s.list.move(m, count: rows.count, page: s.listRows)
            if let r = s.list.selected { s.selectedEntry = rows[r] }
        case .open:
            guard !rows.isEmpty else { return [] }
            openSheet(&s)
        case .search:
            prepareSearch(&s)
            s.prompt = .search(TextField(s.search, limit: 200))
        case .filter:
            let cycle: [Sheet.Status?] = [nil, .notStarted, .draft, .submitted, .recused]
            s.filter = cycle[((cycle.firstIndex { $0 == s.filter } ?? 0) + 1) % cycle.count]
            reselect(&s)
            s.status = .info(s.strings.filterNow(s.filter))
        case .sort:
            let all = JudgeState.SortOrder.allCases
            s.sort = all[((all.firstIndex(of: s.sort) ?? 0) + 1) % all.count]
            if s.sort == .organisation && s.organisationOrder == nil {
                s.organisationOrder = JudgeState.order(s.contest, s.text.collator)
            }
            reselect(&s)
            s.status = .info(s.strings.sortNow(s.sort))
        case .recuse:
            guard !rows.isEmpty else { return [] }
            guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
            s.prompt = .conflictGround
        case .help:
            s.helpReturn = .list
            s.help.reset()
            s.screen = .help
        case .print:
            if s.printing { s.status = .info(s.strings.printing); return [] }
            s.printing = true
            s.status = .info(s.strings.printing)
            return [.printSheet]
        case .quit:
            s.quit = true
        default:
            break
        }
        keepSelectionVisible(&s)
        return []
    }

    private static func prepareSearch(_ s: inout JudgeState) {
        if s.searchIndex == nil { s.searchIndex = s.contest.entries.map(JudgeState.searchText) }
    }

    /// After the rows change, keep the selection when it is still shown, else take the first row.
    private static func reselect(_ s: inout JudgeState) {
        let rows = s.visibleEntries
        if let r = rows.firstIndex(of: s.selectedEntry) {
            s.list.select(r, count: rows.count, page: s.listRows)
        } else if let first = rows.first {
            s.selectedEntry = first
            s.list = ListWindow()
        }
        keepSelectionVisible(&s)
    }

    static func keepSelectionVisible(_ s: inout JudgeState) {
        let rows = s.visibleEntries
        if let r = rows.firstIndex(of: s.selectedEntry) {
            if s.list.selected != r { s.list.select(r, count: rows.count, page: s.listRows) }
        } else if s.screen == .list, !rows.isEmpty {
            // The entry left the filtered list (scored, say): the one now in its row is selected,
            // so that Enter opens what the highlight shows.
            let r = min(s.list.selected ?? 0, rows.count - 1)
            s.selectedEntry = rows[r]
            s.list.select(r, count: rows.count, page: s.listRows)
        }
        s.list.keepInView(count: rows.count, page: s.listRows)
    }

    static func openSheet(_ s: inout JudgeState) {
        s.screen = .sheet
        s.input = TextField(limit: 8)
        s.reader.reset()
        s.criterion = s.sheet.scores.firstIndex { $0 == nil } ?? 0
    }

    static func event(_ s: JudgeState, _ kind: LedgerEvent.Kind, criterion: Int? = nil, value: Double? = nil, text: String? = nil,
                      outcome: String? = nil) -> LedgerEvent {
        LedgerEvent(actor: s.judgeInfo.id, kind: kind, entry: s.entry.id, criterion: criterion.map { s.contest.criteria[$0].id },
                    value: value, text: text, outcome: outcome)
    }

    // MARK: reading a whole text

    /// The documents reader: its own keys, then back to the criterion the judge was on.
    private static func documentsKey(_ s: inout JudgeState, _ key: Key) {
        guard var reader = s.documents else { s.screen = .sheet; return }
        let text = DocumentReader.parts(s.layout.documents).text
        if reader.handle(key, width: text.width, page: max(1, text.height), strings: s.strings, words: s.text.words, status: &s.status) {
            s.documents = reader
            return
        }
        switch Keymap.documents.action(for: key) ?? Keymap.sheet.action(for: key) {
        case .back?: s.screen = .sheet
        case .help?:
            s.helpReturn = .documents
            s.help.reset()
            s.screen = .help
        default: s.status = .info(s.strings.noSuchKey(key))
        }
    }

    private static func readerKey(_ s: inout JudgeState, _ key: Key) {
        guard let action = Keymap.reader.action(for: key) else { return }
        switch action {
        case .move(let m): s.reader.move(m, lines: ReaderView.lines(s).count, page: ReaderView.page(s))
        case .back: s.screen = .sheet
        default: break
        }
    }

    // MARK: prompts

    private static func promptKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        guard let prompt = s.prompt else { return [] }
        switch prompt {
        case .confirmSubmit(let saved):
            s.prompt = nil
            if key.isYes { return [.append([event(s, .submit)])] }
            s.status = .info(s.strings.notSubmitted(saved: saved))
            return []
        case .confirmRecuse(let ground, let reason):
            s.prompt = nil
            if key.isYes { return [.append([event(s, .recuse, text: reason, outcome: ground.rawValue)])] }
            s.status = .info(s.strings.cancelled)
            return []
        case .search(var field):
            switch key {
            case .escape:
                s.prompt = nil
                s.search = ""
                reselect(&s)
            case .enter:
                s.prompt = nil
            case .down, .up, .pageDown, .pageUp:
                // Moving in the list ends a search and keeps what it found.
                s.prompt = nil
                return listKey(&s, key)
            default:
                if field.handle(key) {
                    s.prompt = .search(field)
                    s.search = field.text
                    reselect(&s)
                }
            }
            return []
        case .note(let criterion, var field):
            switch key {
            case .escape:
                s.prompt = nil
                s.status = .info(s.strings.noteCancelled)
            case .enter:
                s.prompt = nil
                let previous = criterion.map { s.sheet.criterionNotes[$0] } ?? s.sheet.note
                if (previous ?? "") == field.text { s.status = .info(s.strings.noteUnchanged); return [] }
                s.undo.append(.init(entry: s.selectedEntry, what: .note(criterion: criterion, previous: previous)))
                return [.append([event(s, .note, criterion: criterion, text: field.text)])]
            default:
                if field.handle(key) { s.prompt = .note(criterion: criterion, field) }
            }
            return []
        case .conflictGround:
            switch key {
            case .escape, .char("q"):
                s.prompt = nil
                s.status = .info(s.strings.cancelled)
            case .char(let c):
                // 1–6 as the list shows them, in Arabic or Thai digits.
                let digits = ["1", "2", "3", "4", "5", "6"], thai = ["๑", "๒", "๓", "๔", "๕", "๖"]
                guard let k = digits.firstIndex(of: String(c)) ?? thai.firstIndex(of: String(c)) else { return [] }
                s.prompt = .recuseReason(ground: ConflictGround.allCases[k], TextField(limit: 500))
            default:
                break
            }
            return []
        case .recuseReason(let ground, var field):
            switch key {
            case .escape:
                s.prompt = nil
                s.status = .info(s.strings.cancelled)
            case .enter:
                let reason = field.text.trimmingSpaces
                guard !reason.isEmpty else { s.status = .error(s.strings.reasonRequired); return [] }
                s.prompt = .confirmRecuse(ground: ground, reason: reason)
            default:
                if field.handle(key) { s.prompt = .recuseReason(ground: ground, field) }
            }
            return []
        }
    }


    // MARK: words for the status line

    static func describe(_ events: [LedgerEvent], _ s: JudgeState) -> String {
        guard let e = events.last else { return "" }
        let number = e.criterion.flatMap { s.contest.criterionIndex($0) }.map { $0 + 1 }
        let w = s.strings
        if e.undoes != nil {
            switch e.kind {
            case .score: return w.undone("\(e.entry) \(w.criterionWord) \(number ?? 0) = \(JSONWriter.numberText(e.value ?? 0))")
            case .clear: return w.undone("\(e.entry) \(w.criterionWord) \(number ?? 0) \(w.cleared)")
            default: return w.undone("\(e.entry) " + (number.map { w.noteOn($0) } ?? w.entryNote))
            }
        }
        switch e.kind {
        case .score: return "\(e.entry) \(w.criterionWord) \(number ?? 0) = \(JSONWriter.numberText(e.value ?? 0))"
        case .clear: return "\(e.entry) \(w.criterionWord) \(number ?? 0) \(w.cleared)"
        case .note: return "\(e.entry) \((e.text ?? "").isEmpty ? w.noteRemoved : w.noteSaved)"
        case .submit: return "\(e.entry) \(w.submittedNow)"
        case .recuse: return "\(e.entry) \(w.recusedNow)"
        default: return e.entry
        }
    }

    /// "คะแนนเกณฑ์ 7 = 8": a score line, as the message after a cancelled submit names it.
    static func describeScore(_ e: LedgerEvent, _ s: JudgeState) -> String? {
        guard e.kind == .score, let c = e.criterion.flatMap({ s.contest.criterionIndex($0) }) else { return nil }
        return s.strings.scoreOf(c + 1, JSONWriter.numberText(e.value ?? 0))
    }

}

extension String {
    var trimmingSpaces: String {
        var t = Substring(self)
        while let f = t.first, f.isWhitespace { t = t.dropFirst() }
        while let l = t.last, l.isWhitespace { t = t.dropLast() }
        return String(t)
    }
}
