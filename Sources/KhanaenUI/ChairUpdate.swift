import KhanaenCore

public enum ChairMsg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The ledger as it now is (read when a file changed).
    case data(SheetBook, LedgerSummary, [[LedgerEvent]], time: Int64)
    /// Nothing happened for a moment: time to compute ahead.
    case idle
    /// A chair action was written and synced.
    case saved(LedgerEvent)
    /// Export files were written (paths), or some already exist and need a yes (names).
    case exported([String])
    case exportExists([String])
    /// The ledger refused or could not write a chair action; nothing was written.
    case notSaved(String)
}

/// What the console asks the outside world to do: its only writes, chair actions.
public enum ChairEffect: Equatable, Sendable {
    case append(LedgerEvent)
    /// Write the export files of the current results; `overwrite` once the chair said yes.
    case export(overwrite: Bool)
}

/// The chair console's behaviour: a pure function of state and message. It writes nothing.
public enum ChairUpdate {
    @discardableResult
    public static func update(_ s: inout ChairState, _ msg: ChairMsg) -> [ChairEffect] {
        switch msg {
        case .idle:
            s.warmUp()
        case .saved(let e):
            s.status = .init(text: s.strings.chairSaved(e), kind: .ok)
        case .notSaved(let why):
            s.status = .init(text: s.strings.notSaved(why), kind: .error)
        case .exported(let paths):
            s.status = .init(text: s.strings.exported(paths), kind: .ok)
        case .exportExists(let names):
            s.prompt = .overwrite(names)
        case .resize(let w, let h):
            s.width = w
            s.height = h
            keepSelectionVisible(&s)
        case .data(let book, let ledger, let events, let time):
            s.replace(book: book, ledger: ledger, events: events, now: time)
            keepSelectionVisible(&s)
        case .key(let key):
            if Chrome.isTooSmall(width: s.width, height: s.height) {
                if key == .char("q") { s.quit = true }
                return []
            }
            if s.showingHelp { s.showingHelp = false; return [] }
            if s.prompt != nil { return promptKey(&s, key) }
            if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= ChairState.Tab.allCases.count {
                open(&s, ChairState.Tab.allCases[n - 1])
                keepSelectionVisible(&s)
                return []
            }
            guard let action = Keymap.action(for: key, in: .chair) else { return [] }
            let tabs = ChairState.Tab.allCases
            let t = tabs.firstIndex(of: s.tab) ?? 0
            switch action {
            case .nextTab: open(&s, tabs[(t + 1) % tabs.count])
            case .previousTab: open(&s, tabs[(t + tabs.count - 1) % tabs.count])
            case .open where s.tab == .ranking: open(&s, .entry)
            case .left where s.tab == .matrix: s.leftJudge = max(0, s.leftJudge - 1)
            case .right where s.tab == .matrix: s.leftJudge = min(max(0, s.contest.judges.count - 1), s.leftJudge + 1)
            case .previousEntry, .nextEntry:
                let order = s.entryOrder
                if let e = s.selectedEntry, let p = order.firstIndex(of: e) {
                    let q = action == .nextEntry ? p + 1 : p - 1
                    if order.indices.contains(q) { s.selectedEntry = order[q]; if s.tab == .entry { s.scrollTop = 0 } }
                }
            case .method: s.cycleMethod()
            case .award:
                guard s.selectedEntry != nil else { return [] }
                s.prompt = .tier
            case .export:
                return [.export(overwrite: false)]
            case .reopen:
                guard s.selectedEntry != nil else { return [] }
                s.prompt = .judge
                s.promptText = ""
            case .help: s.showingHelp = true
            case .quit: s.quit = true
            case .up, .down, .pageUp, .pageDown, .home, .end: move(&s, action)
            default: break
            }
            keepSelectionVisible(&s)
        }
        return []
    }

    /// Choosing a tier or a judge, typing the reason, confirming: only then is anything written.
    private static func promptKey(_ s: inout ChairState, _ key: Key) -> [ChairEffect] {
        if case .overwrite = s.prompt {
            s.prompt = nil
            if key == .char("y") || key == .char("Y") { return [.export(overwrite: true)] }
            s.status = .init(text: s.strings.cancelled, kind: .info)
            return []
        }
        guard let prompt = s.prompt, let e = s.selectedEntry else { s.prompt = nil; return [] }
        let entry = s.contest.entries[e].id
        if key == .escape {
            s.prompt = nil
            s.status = .init(text: s.strings.cancelled, kind: .info)
            return []
        }
        switch prompt {
        case .tier:
            guard case .char(let c) = key else { return [] }
            let tiers = s.contest.awards
            let tier: String
            if let n = c.wholeNumberValue, n >= 1, n <= tiers.count { tier = tiers[n - 1].id }
            else if c == "0" { tier = "none" }
            else if c == "a" { tier = "auto" }
            else { return [] }
            s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .award, entry: entry, tier: tier))
            s.promptText = ""
        case .judge:
            switch key {
            case .enter:
                let id = s.promptText.trimmingSpacesAndNewlines
                guard let j = s.contest.judgeIndex(id) else {
                    s.status = .init(text: s.strings.noSuchJudge(id), kind: .error)
                    return []
                }
                guard s.book.sheet(judge: j, entry: e).isLocked else {
                    s.status = .init(text: s.strings.nothingToReopen(id, entry), kind: .error)
                    s.prompt = nil
                    return []
                }
                s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .reopen, judge: id, entry: entry))
                s.promptText = ""
            default: edit(&s.promptText, key)
            }
        case .reason(var draft):
            switch key {
            case .enter:
                let reason = s.promptText.trimmingSpacesAndNewlines
                guard !reason.isEmpty else { s.status = .init(text: s.strings.reasonRequired, kind: .error); return [] }
                draft.text = reason
                s.prompt = .confirm(draft)
            default: edit(&s.promptText, key)
            }
        case .confirm(let draft):
            s.prompt = nil
            if key == .char("y") || key == .char("Y") { return [.append(draft)] }
            s.status = .init(text: s.strings.cancelled, kind: .info)
        case .overwrite:
            break
        }
        return []
    }

    private static func edit(_ text: inout String, _ key: Key) {
        switch key {
        case .backspace:
            var scalars = text.unicodeScalars
            if !scalars.isEmpty { scalars.removeLast(); text = String(scalars) }
        case .char(let c):
            if text.unicodeScalars.count < 500 { text.append(c) }
        default: break
        }
    }

    private static func open(_ s: inout ChairState, _ tab: ChairState.Tab) {
        s.tab = tab
        s.scrollTop = 0
        if tab == .methods || tab == .judges { s.computeAllMethods() }
    }

    private static func move(_ s: inout ChairState, _ action: Action) {
        guard s.tab == .ranking || s.tab == .matrix else {
            // The other screens scroll as a whole.
            switch action {
            case .up: s.scrollTop = max(0, s.scrollTop - 1)
            case .down: s.scrollTop += 1
            case .pageUp: s.scrollTop = max(0, s.scrollTop - s.bodyRows)
            case .pageDown: s.scrollTop += s.bodyRows
            case .home: s.scrollTop = 0
            default: s.scrollTop += 1_000_000
            }
            return
        }
        let entries = s.tab == .matrix ? s.entryOrder
            : s.rankingRows.compactMap { row -> Int? in if case .entry(let e) = row { return e } else { return nil } }
        guard !entries.isEmpty else { return }
        let p = s.selectedEntry.flatMap { entries.firstIndex(of: $0) } ?? 0
        let q: Int
        switch action {
        case .up: q = p - 1
        case .down: q = p + 1
        case .pageUp: q = p - s.bodyRows
        case .pageDown: q = p + s.bodyRows
        case .home: q = 0
        default: q = entries.count - 1
        }
        s.selectedEntry = entries[min(max(0, q), entries.count - 1)]
    }

    static func keepSelectionVisible(_ s: inout ChairState) {
        let n = s.tab == .matrix ? s.bodyRows - 1 : s.bodyRows
        guard s.tab == .ranking || s.tab == .matrix else { return }
        let rows: [ChairState.Row] = s.tab == .matrix ? s.entryOrder.map { .entry($0) } : s.rankingRows
        s.scrollTop = min(s.scrollTop, max(0, rows.count - n))
        guard let e = s.selectedEntry, let p = rows.firstIndex(of: .entry(e)) else { return }
        if p < s.scrollTop { s.scrollTop = p }
        if p >= s.scrollTop + n { s.scrollTop = p - n + 1 }
    }
}

private extension String {
    var trimmingSpacesAndNewlines: String {
        var t = Substring(self)
        while let f = t.first, f.isWhitespace { t = t.dropFirst() }
        while let l = t.last, l.isWhitespace { t = t.dropLast() }
        return String(t)
    }
}
