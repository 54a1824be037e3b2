import KhanaenCore

/// What the judge workstation is told.
public enum JudgeMsg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The judge's sheets as the ledger now has them (after a save, or a change made elsewhere).
    case sheets([Sheet], elsewhere: Bool)
    /// Events were written and synced; `time` is when.
    case saved([LedgerEvent], time: Int64)
    /// The ledger refused or could not write; nothing was written.
    case notSaved(String)
    /// The judge's ledger file is gone, shrank or was replaced under the open workstation:
    /// what was read is kept on screen, and nothing more is written to it.
    case ledgerBroken(String)
}

/// What the workstation asks the outside world to do.
public enum JudgeEffect: Equatable, Sendable {
    /// Append to this judge's ledger (validated there again, under the lock).
    case append([LedgerEvent])
}

/// The workstation's behaviour: a pure function of state and message.
public enum JudgeUpdate {
    public static func update(_ s: inout JudgeState, _ msg: JudgeMsg) -> [JudgeEffect] {
        switch msg {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            keepSelectionVisible(&s)
            return []
        case .sheets(let sheets, let elsewhere):
            let before = s.sheets
            s.sheets = sheets
            if elsewhere && before != sheets { s.status = .init(text: s.strings.changedElsewhere, kind: .info) }
            keepSelectionVisible(&s)
            return []
        case .saved(let events, let time):
            s.undoPending = false
            s.status = .init(text: s.strings.saved(clock(time, offset: s.utcOffset), describe(events, s)), kind: .ok)
            return []
        case .ledgerBroken(let why):
            s.status = .init(text: s.strings.ledgerBroken(why), kind: .error)
            return []
        case .notSaved(let why):
            // The change the undo stack was told about never reached the ledger.
            if s.undoPending { s.undo.removeLast(); s.undoPending = false }
            s.status = .init(text: s.strings.notSaved(why), kind: .error)
            return []
        case .key(let key):
            // On a screen too small to show what a key would do, only quitting from the list works.
            if Chrome.isTooSmall(width: s.width, height: s.height) {
                if key == .char("q") && s.screen == .list && s.prompt == nil { s.quit = true }
                return []
            }
            if s.screen == .help { s.screen = s.returnScreen; return [] }
            if s.prompt != nil { return promptKey(&s, key) }
            return s.screen == .list ? listKey(&s, key) : sheetKey(&s, key)
        }
    }

    // MARK: entry list

    private static func listKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        guard let action = Keymap.action(for: key, in: .list) else { return [] }
        let rows = s.visibleEntries
        let position = rows.firstIndex(of: s.selectedEntry)
        func select(_ p: Int) {
            guard !rows.isEmpty else { return }
            s.selectedEntry = rows[min(max(0, p), rows.count - 1)]
        }
        switch action {
        case .up: select((position ?? 0) - 1)
        case .down: select((position ?? -1) + 1)
        case .pageUp: select((position ?? 0) - s.listRows); s.scrollTop = max(0, s.scrollTop - s.listRows)
        case .pageDown: select((position ?? 0) + s.listRows); s.scrollTop += s.listRows
        case .home: select(0)
        case .end: select(rows.count - 1)
        case .open:
            guard position != nil else { return [] }
            openSheet(&s)
        case .search:
            s.prompt = .search
            s.promptText = s.search
        case .filter:
            let cycle: [Sheet.Status?] = [nil, .empty, .draft, .submitted, .recused]
            s.filter = cycle[((cycle.firstIndex { $0 == s.filter } ?? 0) + 1) % cycle.count]
            reselect(&s)
        case .sort:
            let all = JudgeState.SortOrder.allCases
            s.sort = all[((all.firstIndex(of: s.sort) ?? 0) + 1) % all.count]
            reselect(&s)
        case .help:
            s.returnScreen = .list
            s.screen = .help
        case .quit: s.quit = true
        default: break
        }
        keepSelectionVisible(&s)
        return []
    }

    /// After the rows change, keep the selection when it is still shown, else take the first row.
    private static func reselect(_ s: inout JudgeState) {
        let rows = s.visibleEntries
        if !rows.contains(s.selectedEntry), let first = rows.first { s.selectedEntry = first }
        s.scrollTop = 0
    }

    static func keepSelectionVisible(_ s: inout JudgeState) {
        let rows = s.visibleEntries
        let n = s.listRows
        s.scrollTop = min(s.scrollTop, max(0, rows.count - n))
        guard let p = rows.firstIndex(of: s.selectedEntry) else { return }
        // Past an edge the list turns a whole page, as mutt's does, rather than scroll a row:
        // a scrolled-in row is sent whole (Thai is three bytes a letter), while a new page
        // reuses every cell that stays the same (statuses, scores, "เทศบาลตำบล…").
        if p < s.scrollTop { s.scrollTop = max(0, p - n + 1) }
        if p >= s.scrollTop + n { s.scrollTop = min(p, max(0, rows.count - n)) }
    }

    private static func openSheet(_ s: inout JudgeState) {
        s.screen = .sheet
        s.input = ""
        s.status = nil
        s.criterion = s.sheet.scores.firstIndex { $0 == nil } ?? 0
    }

    // MARK: scoring sheet

    private static func sheetKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        if case .char(let c) = key, c.isASCII, c.isNumber || c == "." {
            if s.sheet.isLocked { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            if s.input.count < 8 { s.input.append(c) }
            return []
        }
        if key == .backspace {
            if !s.input.isEmpty { s.input.removeLast() }
            return []
        }
        if key == .escape && !s.input.isEmpty {
            s.input = ""
            return []
        }
        guard let action = Keymap.action(for: key, in: .sheet) else { return [] }
        let count = s.contest.criteria.count
        switch action {
        case .down, .up:
            var effects: [JudgeEffect] = []
            if !s.input.isEmpty {
                guard let committed = commitInput(&s) else { return [] }
                effects = committed
            }
            s.criterion = action == .down ? min(count - 1, s.criterion + 1) : max(0, s.criterion - 1)
            return effects
        case .stepUp, .stepDown:
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            let c = s.contest.criteria[s.criterion]
            let current = s.input.isEmpty ? s.sheet.scores[s.criterion] : Double(s.input)
            let next = (current ?? (action == .stepUp ? -s.contest.step : c.max + s.contest.step))
                + (action == .stepUp ? s.contest.step : -s.contest.step)
            s.input = ""
            return setScore(&s, min(c.max, max(0, next))) ?? []
        case .clear:
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            s.input = ""
            guard s.sheet.scores[s.criterion] != nil else { return [] }
            s.undo.append(.init(entry: s.selectedEntry, criterion: s.criterion, previous: s.sheet.scores[s.criterion]))
            s.undoPending = true
            return [.append([event(s, .clear, criterion: s.criterion)])]
        case .note, .entryNote:
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            let c: Int? = action == .note ? s.criterion : nil
            s.prompt = .note(criterion: c)
            s.promptText = (c.map { s.sheet.criterionNotes[$0] } ?? s.sheet.note) ?? ""
        case .submit:
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            if !s.input.isEmpty { return commitInput(&s) ?? [] }
            let missing = s.contest.criteria.indices.filter { s.sheet.scores[$0] == nil }.map { s.contest.criteria[$0].id }
            if !missing.isEmpty { s.status = .init(text: s.strings.missing(missing), kind: .error); return [] }
            s.prompt = .confirmSubmit
        case .recuse:
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            s.prompt = .recuse
            s.promptText = ""
        case .undo:
            guard let last = s.undo.last(where: { $0.entry == s.selectedEntry }) else {
                s.status = .init(text: s.strings.nothingToUndo, kind: .error)
                return []
            }
            guard !s.sheet.isLocked else { s.status = .init(text: s.strings.locked, kind: .error); return [] }
            s.undo.remove(at: s.undo.lastIndex(of: last)!)
            s.criterion = last.criterion
            s.input = ""
            if let v = last.previous { return [.append([event(s, .score, criterion: last.criterion, value: v)])] }
            return [.append([event(s, .clear, criterion: last.criterion)])]
        case .previousEntry, .nextEntry:
            let rows = s.visibleEntries
            guard let p = rows.firstIndex(of: s.selectedEntry) else { return [] }
            let q = action == .nextEntry ? p + 1 : p - 1
            guard rows.indices.contains(q) else { return [] }
            if !s.input.isEmpty { s.input = "" }
            s.selectedEntry = rows[q]
            openSheet(&s)
            keepSelectionVisible(&s)
        case .help:
            s.returnScreen = .sheet
            s.screen = .help
        case .back:
            s.input = ""
            s.screen = .list
            keepSelectionVisible(&s)
        default: break
        }
        return []
    }

    /// Turns the typed text into a score for the current criterion. nil when refused: the
    /// reason is on the status line and the text stays for correcting.
    private static func commitInput(_ s: inout JudgeState) -> [JudgeEffect]? {
        let text = s.input
        guard let v = Double(text), !text.hasPrefix("."), !text.hasSuffix(".") || text.count > 1 else {
            s.status = .init(text: s.strings.notANumber(text), kind: .error)
            return nil
        }
        guard let effects = setScore(&s, v) else { return nil }
        s.input = ""
        return effects
    }

    /// nil when the value is refused; no effect when it is already the score.
    private static func setScore(_ s: inout JudgeState, _ v: Double) -> [JudgeEffect]? {
        let c = s.contest.criteria[s.criterion]
        do {
            try Rules.checkValue(v, criterion: c, contest: s.contest)
        } catch {
            let shown = JSONWriter.numberText(v)
            if v < 0 { s.status = .init(text: s.strings.negative(c.id), kind: .error) }
            else if v > c.max { s.status = .init(text: s.strings.aboveMax("\(c.id)=\(shown)", JSONWriter.numberText(c.max)), kind: .error) }
            else { s.status = .init(text: s.strings.offStep("\(c.id)=\(shown)", JSONWriter.numberText(s.contest.step)), kind: .error) }
            return nil
        }
        let previous = s.sheet.scores[s.criterion]
        if previous == v { return [] }
        s.undo.append(.init(entry: s.selectedEntry, criterion: s.criterion, previous: previous))
        s.undoPending = true
        return [.append([event(s, .score, criterion: s.criterion, value: v)])]
    }

    private static func event(_ s: JudgeState, _ kind: LedgerEvent.Kind, criterion: Int? = nil, value: Double? = nil, text: String? = nil) -> LedgerEvent {
        LedgerEvent(actor: s.judgeInfo.id, kind: kind, entry: s.entry.id, criterion: criterion.map { s.contest.criteria[$0].id },
                    value: value, text: text)
    }

    // MARK: prompts

    private static func promptKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        guard let prompt = s.prompt else { return [] }
        if prompt == .confirmSubmit {
            s.prompt = nil
            if key == .char("y") || key == .char("Y") {
                return [.append([event(s, .submit)])]
            }
            s.status = .init(text: s.strings.cancelled, kind: .info)
            return []
        }
        switch key {
        case .escape:
            s.prompt = nil
            if prompt == .search { s.search = ""; reselect(&s); keepSelectionVisible(&s) }
            s.status = .init(text: s.strings.cancelled, kind: .info)
        case .enter:
            s.prompt = nil
            let text = s.promptText
            switch prompt {
            case .search:
                break
            case .note(let c):
                return [.append([event(s, .note, criterion: c, text: text)])]
            case .recuse:
                if text.trimmingCharacters(in: " ").isEmpty {
                    s.status = .init(text: s.strings.reasonRequired, kind: .error)
                    return []
                }
                return [.append([event(s, .recuse, text: text)])]
            case .confirmSubmit:
                break
            }
        case .backspace:
            if !s.promptText.unicodeScalars.isEmpty {
                var scalars = s.promptText.unicodeScalars
                scalars.removeLast()
                s.promptText = String(scalars)
            }
            if prompt == .search { s.search = s.promptText; reselect(&s); keepSelectionVisible(&s) }
        case .char(let c):
            if s.promptText.unicodeScalars.count < 500 { s.promptText.append(c) }
            if prompt == .search { s.search = s.promptText; reselect(&s); keepSelectionVisible(&s) }
        case .down where prompt == .search, .up where prompt == .search, .pageDown where prompt == .search,
             .pageUp where prompt == .search:
            // Moving in the list ends a search; a note or a reason being typed stays open.
            s.prompt = nil
            return listKey(&s, key)
        default:
            break
        }
        return []
    }

    // MARK: words for the status line

    static func describe(_ events: [LedgerEvent], _ s: JudgeState) -> String {
        guard let e = events.last else { return "" }
        switch e.kind {
        case .score: return "\(e.entry) \(e.criterion ?? "") = \(JSONWriter.numberText(e.value ?? 0))"
        case .clear: return "\(e.entry) \(e.criterion ?? "") \(s.strings.cleared)"
        case .note: return "\(e.entry) \(s.strings.noteSaved)"
        case .submit: return "\(e.entry) \(s.strings.submittedNow)"
        case .recuse: return "\(e.entry) \(s.strings.recusedNow)"
        default: return e.entry
        }
    }

    /// "HH:MM:SS" in local time.
    static func clock(_ millis: Int64, offset: Int) -> String {
        let secs = ((millis / 1000 + Int64(offset)) % 86_400 + 86_400) % 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))"
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
