import KhanaenCore
import KhanaenText

/// The scoring sheet's keys: typing a score (digits in either layout, and the keys that edit
/// the field while a score is being typed), and the sheet's commands, one function each.
extension JudgeUpdate {
    /// The Thai (Kedmanee) layout's number row, unshifted: ๅ / - ภ ถ ุ ึ ค ต จ for 1 2 3 4 5 6 7 8 9 0.
    static let kedmaneeDigits: [Character: Character] = [
        "ๅ": "1", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9", "จ": "0",
    ]

    /// The digit or decimal separator a typed character stands for in a score, and whether it
    /// says that the Thai layout is on; nil for anything else.
    static func scoreCharacter(_ c: Character, thaiLayout: Bool) -> (Character, thai: Bool?)? {
        if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 {
            if v >= 0x30 && v <= 0x39 { return (c, false) }
            if v >= 0x0E50 && v <= 0x0E59 { return (Character(Unicode.Scalar(v - 0x0E50 + 0x30)!), nil) }
        }
        if let d = kedmaneeDigits[c] { return (d, true) }
        if c == "." || c == "," { return (c, nil) }
        // The Thai layout's keys where an English keyboard has . and ,
        if c == "ใ" { return (".", true) }
        if c == "ม" { return (",", true) }
        // Where the Thai layout has 2 and 3, an English keyboard has / and -.
        if thaiLayout && c == "/" { return ("2", true) }
        if thaiLayout && c == "-" { return ("3", true) }
        return nil
    }

    /// What a key typed outside the scoring field says of the layout, silently: a Thai
    /// letter or mark is the Thai layout, a Latin letter or digit the English one.
    static func learnLayout(_ s: inout JudgeState, _ key: Key) {
        guard case .char(let c) = key, let v = c.unicodeScalars.first?.value else { return }
        if (0x0E01...0x0E4F).contains(v) {
            s.layoutKnown = true
            s.thaiLayout = true
        } else if c.isASCII && (c.isLetter || c.isNumber) {
            s.layoutKnown = true
            s.thaiLayout = false
        }
    }

    /// What a key says of the judge's keyboard layout; the status line says when it is Thai.
    static func noticeLayout(_ s: inout JudgeState, thai: Bool) {
        s.layoutKnown = true
        guard thai != s.thaiLayout else { return }
        s.thaiLayout = thai
        if thai { s.status = .info(s.strings.thaiLayoutOn) }
    }

    static func sheetKey(_ s: inout JudgeState, _ key: Key) -> [JudgeEffect] {
        let minusStepped = s.minusStepped
        s.minusStepped = false
        if let typed = typeScore(&s, key, minusStepped: minusStepped) { return typed }
        if key == .backspace { return [] }
        guard let action = Keymap.sheet.action(for: key) else {
            s.status = .info(s.strings.noSuchKey(key))
            return []
        }
        return sheetCommand(&s, action, key)
    }

    // MARK: typing a score

    /// A key as part of the score being typed; nil when it is not one, and a command of the
    /// sheet (`sheetCommand`) takes it.
    static func typeScore(_ s: inout JudgeState, _ key: Key, minusStepped: Bool) -> [JudgeEffect]? {
        // Characters of a score: digits in either layout, and the decimal separator.
        if case .char(let c) = key, let (d, thai) = scoreCharacter(c, thaiLayout: s.thaiLayout) {
            if s.sheet.isLocked { s.status = .error(s.strings.locked); return [] }
            if let thai { noticeLayout(&s, thai: thai) }
            // "-" then a key of the Thai layout: the "-" was its 3, not a step down.
            if minusStepped && thai == true { s.input = TextField("3", limit: 8) }
            if s.input.text.unicodeScalars.count >= 8 && !s.input.selected { s.status = .error(s.strings.tooLong); return [] }
            s.input.type(d)
            return []
        }
        if case .char(let c) = key {
            if Keymap.kedmanee[c] != nil { noticeLayout(&s, thai: true) } else if c.isASCII && c.isLetter { noticeLayout(&s, thai: false) }
            // 3 on the Thai layout, a step down on the English one: neither, until a key says which.
            if c == "-" && !s.layoutKnown { s.status = .error(s.strings.minusUnclear); return [] }
        }
        // While a score is being typed, the arrows and Backspace edit it, and a letter is refused.
        guard !s.input.isEmpty else { return nil }
        switch key {
        case .left, .right, .home, .end, .backspace, .delete:
            _ = s.input.handle(key)
            return []
        case .escape:
            s.input = TextField(limit: 8)
            s.status = .info(s.strings.typingCancelled)
            return []
        case .char(let c):
            // Only the keys that take what was typed (commit it, step it, submit it, or leave
            // it in the field) act on it: the keymap says which (`Binding.whileTyping`).
            if Keymap.sheet.binding(for: key)?.whileTyping == true { return nil }
            // The typed digits stay as they were, not selected: the next digit goes on
            // after them, as the judge meant before the slip.
            s.status = .error(s.strings.notADigit(c))
            return []
        default:
            return nil
        }
    }

    // MARK: sheet commands

    static func sheetCommand(_ s: inout JudgeState, _ action: Action, _ key: Key) -> [JudgeEffect] {
        switch action {
        case .nextCriterion, .previousCriterion: return moveCriterion(&s, forward: action == .nextCriterion)
        case .stepUp, .stepDown: return step(&s, up: action == .stepUp, key)
        case .clear: return clearScore(&s)
        case .note, .entryNote: openNote(&s, onCriterion: action == .note)
        case .read:
            s.reader.reset()
            s.screen = .reader
        case .documents: return openDocuments(&s)
        case .submit: return submit(&s)
        case .recuse:
            guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
            s.input = TextField(limit: 8)
            s.prompt = .conflictGround
        case .undo: return undoLast(&s)
        case .previousEntry, .nextEntry: return moveEntry(&s, forward: action == .nextEntry)
        case .help:
            s.helpReturn = .sheet
            s.help.reset()
            s.screen = .help
        case .back:
            guard let effects = commitTyped(&s) else { return [] }
            s.screen = .list
            keepSelectionVisible(&s)
            return effects
        default:
            break
        }
        return []
    }

    /// What was typed, saved before the judge leaves the field: no effect when nothing was
    /// typed; nil when it is refused (the judge stays, the text selected).
    private static func commitTyped(_ s: inout JudgeState) -> [JudgeEffect]? {
        s.input.isEmpty ? [] : commitInput(&s)
    }

    private static func moveCriterion(_ s: inout JudgeState, forward: Bool) -> [JudgeEffect] {
        guard let effects = commitTyped(&s) else { return [] }
        let count = s.contest.criteria.count
        s.criterion = forward ? min(count - 1, s.criterion + 1) : max(0, s.criterion - 1)
        return effects
    }

    /// + and -: the field one step up or down, from what was typed or the saved score.
    private static func step(_ s: inout JudgeState, up: Bool, _ key: Key) -> [JudgeEffect] {
        guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
        let c = s.contest.criteria[s.criterion]
        let current: Double?
        if s.input.isEmpty {
            current = s.sheet.scores[s.criterion]
        } else {
            guard let typed = ScoreText.parse(s.input.text) else {
                s.status = .error(s.strings.notANumber(s.input.text))
                s.input.selected = true
                return []
            }
            // Stepping from a value that is not a score would save one nobody typed.
            if typed > c.max + 1e-9 || !s.contest.isOnStep(typed) {
                let number = s.criterion + 1
                s.status = .error(typed > c.max + 1e-9 ? s.strings.aboveMax(number, s.input.text, c.max)
                                                        : s.strings.offStep(number, s.input.text, s.contest.step))
                s.input.selected = true
                return []
            }
            current = typed
        }
        if key == .char("-") && s.input.isEmpty && !s.thaiLayout { s.minusStepped = true }
        // Stepping from nothing would make up a score: the judge types the first one.
        guard let current else { s.status = .error(s.strings.stepFromNothing(s.criterion + 1)); return [] }
        let next = current + (up ? s.contest.step : -s.contest.step)
        if next > c.max + 1e-9 || next < -1e-9 {
            s.status = .info(next < 0 ? s.strings.atZero(s.criterion + 1) : s.strings.atMax(s.criterion + 1, c.max))
            return []
        }
        // A step changes the field, not the ledger: it is saved as a typed value is, on
        // Enter or on leaving the field, and Esc drops it.
        var field = TextField(JSONWriter.numberText(next), limit: 8)
        field.selected = true
        s.input = field
        s.status = .info(s.strings.stepped(s.criterion + 1, JSONWriter.numberText(next)))
        return []
    }

    private static func clearScore(_ s: inout JudgeState) -> [JudgeEffect] {
        guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
        guard let previous = s.sheet.scores[s.criterion] else {
            s.status = .info(s.strings.nothingToClear(s.criterion + 1))
            return []
        }
        s.undo.append(.init(entry: s.selectedEntry, what: .score(criterion: s.criterion, previous: previous)))
        return [.append([event(s, .clear, criterion: s.criterion)])]
    }

    private static func openNote(_ s: inout JudgeState, onCriterion: Bool) {
        guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return }
        let c: Int? = onCriterion ? s.criterion : nil
        s.prompt = .note(criterion: c, TextField((c.map { s.sheet.criterionNotes[$0] } ?? s.sheet.note) ?? "", multiline: true))
    }

    private static func openDocuments(_ s: inout JudgeState) -> [JudgeEffect] {
        // What was typed stays in the field, for when the judge comes back to it.
        s.screen = .documents
        if s.documents?.entry != s.selectedEntry {
            s.documents = DocumentReader(entry: s.selectedEntry, fields: EntryDocument.fields(of: s.entry, language: s.strings.language))
            return [.loadDocuments(entry: s.selectedEntry, language: s.strings.language)]
        }
        return []
    }

    /// `s`: what was typed saved first, every criterion scored, then the y/n question.
    private static func submit(_ s: inout JudgeState) -> [JudgeEffect] {
        guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
        guard let effects = commitTyped(&s) else { return [] }
        let missing = s.contest.criteria.indices.filter { k in
            s.sheet.scores[k] == nil && !effects.contains { if case .append(let es) = $0 { return es.contains { $0.criterion == s.contest.criteria[k].id } } else { return false } }
        }
        if !missing.isEmpty {
            s.status = .error(s.strings.missing(missing.map { $0 + 1 }))
            return effects
        }
        let saved = effects.compactMap { e -> String? in
            if case .append(let events) = e, let last = events.last { return describeScore(last, s) } else { return nil }
        }.first
        s.prompt = .confirmSubmit(saved: saved)
        return effects
    }

    /// `[` and `]`: the previous or next entry the list shows, what was typed saved first.
    private static func moveEntry(_ s: inout JudgeState, forward: Bool) -> [JudgeEffect] {
        let rows = s.visibleEntries
        guard let p = rows.firstIndex(of: s.selectedEntry) else { return [] }
        let q = forward ? p + 1 : p - 1
        guard rows.indices.contains(q) else {
            s.status = .info(forward ? s.strings.lastEntry : s.strings.firstEntry)
            return []
        }
        guard let effects = commitTyped(&s) else { return [] }
        s.selectedEntry = rows[q]
        openSheet(&s)
        keepSelectionVisible(&s)
        // Entries the search or filter hides were passed over: say so, and which narrowing.
        let all = s.entries(filtered: false)
        if let narrowing = s.narrowing, let a = all.firstIndex(of: rows[p]), let b = all.firstIndex(of: rows[q]), abs(b - a) > 1 {
            let skipped = s.strings.skipped(abs(b - a) - 1, narrowing)
            if effects.isEmpty { s.status = .info(skipped) } else { s.afterSave = skipped }
        }
        return effects
    }

    /// Turns the typed text into a score for the current criterion. nil when refused: the
    /// reason is on the status line, and the text stays, selected, so the next digit replaces it.
    static func commitInput(_ s: inout JudgeState) -> [JudgeEffect]? {
        guard let v = ScoreText.parse(s.input.text) else {
            s.status = .error(s.strings.notANumber(s.input.text))
            s.input.selected = true
            return nil
        }
        guard let effects = setScore(&s, v) else {
            s.input.selected = true
            return nil
        }
        // Kept until the ledger answers: a refused score goes back where it was typed.
        if !effects.isEmpty { s.sent = (s.selectedEntry, s.criterion, s.input) }
        s.input = TextField(limit: 8)
        return effects
    }

    /// nil when the value is refused; no effect when it is already the score.
    private static func setScore(_ s: inout JudgeState, _ v: Double) -> [JudgeEffect]? {
        let c = s.contest.criteria[s.criterion]
        let number = s.criterion + 1
        if v > c.max + 1e-9 {
            s.status = .error(s.strings.aboveMax(number, JSONWriter.numberText(v), c.max))
            return nil
        }
        if !s.contest.isOnStep(v) {
            s.status = .error(s.strings.offStep(number, JSONWriter.numberText(v), s.contest.step))
            return nil
        }
        let previous = s.sheet.scores[s.criterion]
        if previous == v {
            s.status = .info(s.strings.unchanged(number, v))
            return []
        }
        s.undo.append(.init(entry: s.selectedEntry, what: .score(criterion: s.criterion, previous: previous)))
        return [.append([event(s, .score, criterion: s.criterion, value: v)])]
    }

    /// Puts back the judge's last change to this entry, a score or a note, as a new ledger
    /// line that says which line it undoes.
    private static func undoLast(_ s: inout JudgeState) -> [JudgeEffect] {
        guard let k = s.undo.lastIndex(where: { $0.entry == s.selectedEntry && $0.seq != nil }) else {
            s.status = .info(s.strings.nothingToUndo)
            return []
        }
        guard !s.sheet.isLocked else { s.status = .error(s.strings.locked); return [] }
        let change = s.undo.remove(at: k)
        s.input = TextField(limit: 8)
        var e: LedgerEvent
        switch change.what {
        case .score(let criterion, let previous):
            s.criterion = criterion
            e = previous.map { event(s, .score, criterion: criterion, value: $0) } ?? event(s, .clear, criterion: criterion)
        case .note(let criterion, let previous):
            e = event(s, .note, criterion: criterion, text: previous ?? "")
        }
        e.undoes = change.seq
        return [.append([e])]
    }
}
