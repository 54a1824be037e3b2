import KhanaenCore
import KhanaenText

public enum ChairMsg: TerminalMessages {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick
    /// The first frame is on the screen.
    case started
    /// The ledger as it now is (read because a file changed), with the methods computed for it.
    case data(ChairData)
    /// A method's results for the data of `generation`.
    case computed(generation: Int, Method, Computed)
    /// A method's panel statistics for the data of `generation`.
    case statistics(generation: Int, Method, PanelStatistics)
    /// A chair action was written and synced (the data read after it follows as `.data`).
    case saved(LedgerEvent)
    /// Several chair actions were written and synced, in order (rulings on many entries).
    case savedAll([LedgerEvent])
    /// The export, computed from the ledger as it was when the chair pressed `e`.
    case exportPlanned(ExportPlan)
    /// Export files were written (paths), or some already exist and need a yes (names).
    case exported([String])
    case exportExists([String])
    /// Papers were printed (their paths; `draft` when any is ร่าง; `noQR` when libqrencode is
    /// missing and the pages carry no QR code), or could not be (why).
    case printed([String], draft: Bool, noQR: Bool = false)
    case notPrinted(String)
    /// The ledger refused or could not write; nothing was written.
    case notSaved(String)
    /// A file of the ledger could not be read (why): an integrity problem, said beside the
    /// data last read until a read succeeds.
    case ledgerUnreadable(String)
    case textReady(ThaiText)
    /// An entry's documents, read.
    case documents(entry: Int, [EntryDocument])

    public var isQuiet: Bool {
        switch self {
        case .tick, .started: return true
        default: return false
        }
    }
}

/// What the console asks the outside world to do: read and compute, and its only writes,
/// chair actions, checkpoints and exports.
public enum ChairEffect: Sendable {
    /// Read what was appended to every file; when anything changed, fold it and compute
    /// `methods` for it, and send it as `.data`.
    case reload(methods: [Method])
    /// Compute these methods' results and seals for the data of `generation`.
    case compute(generation: Int, SheetBook, LedgerSummary, [Method])
    /// Compute a method's panel statistics (the bootstrap, agreement, swing, patterns, the
    /// queue) for the data of `generation`, from every method's results.
    case computeStatistics(generation: Int, SheetBook, [Method: Results], Method)
    /// Append a chair action (with a checkpoint); the frame after the key waits for it. The
    /// ledger is then read again and sent as `.data` with `methods` computed, whether or not
    /// anyone else wrote: the console's own line is already in the file it holds, so the idle
    /// reload would see no change.
    case append(LedgerEvent, methods: [Method])
    /// Append several chair actions in order (one eligibility ruling per entry), as `append`
    /// does one; the ledger is read again once, after the last.
    case appendAll([LedgerEvent], methods: [Method])
    /// Record a checkpoint of every judge file, as the console opens; when one is written, the
    /// ledger is read again and sent as `.data` with `methods` computed.
    case checkpoint(methods: [Method])
    /// Read every file again, fold it and compute the official method's results, seal,
    /// statistics and whether the announcement is final, as `khanaen report` would now; sent
    /// as `.exportPlanned` (and `.data`, every method computed, when the ledger changed). Awaited.
    case prepareExport
    /// Write a planned export (the ranking in three formats and the announcement) into the
    /// contest's exports folder; `overwrite` once the chair said yes.
    case export(ExportPlan, overwrite: Bool)
    /// Load the Thai word breaker and collator.
    case prepareText
    /// Read an entry's documents (its files' text, from under the contest folder).
    case loadDocuments(entry: Int, language: Language)
    /// Print a paper into exports/ as `khanaen print` does (every judge's, for the sheets and
    /// the declarations), off the screen's thread; sent back as `.printed` or `.notPrinted`.
    case print(PaperKind)
}

/// An export as `khanaen report` would compute it at the moment the chair pressed `e`: the
/// official method's results from the ledger read again then, their seal, the panel's
/// statistics, and why the announcement is not final (empty when it is).
public struct ExportPlan: Sendable {
    public var results: Results
    public var ledger: LedgerSummary
    public var statistics: PanelStatistics?
    public var draft: [AnnouncementDraft.Reason]
    public var seal: String

    public init(results: Results, ledger: LedgerSummary, statistics: PanelStatistics?, draft: [AnnouncementDraft.Reason], seal: String) {
        self.results = results
        self.ledger = ledger
        self.statistics = statistics
        self.draft = draft
        self.seal = seal
    }
}

/// The console as a program of the runtime.
public enum ChairProgram: Program {
    public static func update(_ state: inout ChairState, _ msg: ChairMsg) -> [ChairEffect] { ChairUpdate.update(&state, msg) }
    public static func view(_ state: ChairState) -> Canvas { ChairView.render(state) }
    public static func isFinished(_ state: ChairState) -> Bool { state.quit }

    /// `.computed` for a method the screen does not show draws nothing.
    public static func redraws(after msg: ChairMsg, in state: ChairState) -> Bool {
        if case .computed = msg { return state.computedShows }
        return !msg.isQuiet
    }

    public static func isAwaited(_ effect: ChairEffect) -> Bool {
        switch effect {
        case .append, .export, .prepareExport: return true
        default: return false
        }
    }
}

/// The chair console's behaviour: a pure function of state and message.
public enum ChairUpdate {
    @discardableResult
    public static func update(_ s: inout ChairState, _ msg: ChairMsg) -> [ChairEffect] {
        let effects = react(&s, msg)
        if msg.isQuiet && !s.started { return effects }
        return effects + statisticsMissing(&s)
    }

    /// The statistics of the method on screen, asked for once every method's results are
    /// there for the newest data, and only once.
    private static func statisticsMissing(_ s: inout ChairState) -> [ChairEffect] {
        let target = s.target
        guard s.started, target.statistics[s.method] == nil, !s.statisticsAsked.contains(s.method),
              Method.allCases.allSatisfy({ target.computed[$0] != nil }) else { return [] }
        s.statisticsAsked.insert(s.method)
        return [.computeStatistics(generation: s.generation, target.book, target.computed.mapValues(\.results), s.method)]
    }

    private static func react(_ s: inout ChairState, _ msg: ChairMsg) -> [ChairEffect] {
        switch msg {
        case .started:
            s.started = true
            return [.checkpoint(methods: [s.method, s.nextMethod]), .prepareText] + computeMissing(s)
        case .tick:
            return [.reload(methods: [s.method, s.nextMethod])]
        case .textReady(let text):
            s.text = text
            return []
        case .documents(let entry, let documents):
            if s.documents?.entry == entry { s.documents?.documents = documents }
            return []
        case .data(let new):
            s.readProblem = nil
            s.receive(new)
            keepSelectionVisible(&s)
            return computeMissing(s)
        case .computed(let g, let m, let c):
            let before = (s.shownGenerationNow, s.method)
            s.store(m, c, generation: g)
            keepSelectionVisible(&s)
            // Another method's results, for the data shown or still waiting, change nothing
            // on the screen unless it shows them: every method's (methods, judges' shifts),
            // or the official one's (the draft notice).
            s.computedShows = s.shownGenerationNow != before.0 || s.method != before.1
                || (g == s.shownGenerationNow && (m == s.method || m == s.official || s.tab == .methods || s.tab == .judges))
            return []
        case .statistics(let g, let m, let st):
            s.storeStatistics(m, st, generation: g)
            return []
        case .saved(let e):
            s.status = .ok(s.strings.chairSaved(e, contest: s.contest))
            return []
        case .savedAll(let events):
            s.status = .ok(s.strings.rulingsSaved(events))
            return []
        case .exportPlanned(let plan):
            s.exportPlan = plan
            if !plan.draft.isEmpty {
                let words = ReportWords(s.strings.language)
                s.prompt = .draft(plan.draft.map { AnnouncementDraft.describe($0, contest: s.contest, words: words) })
                return []
            }
            return [.export(plan, overwrite: false)]
        case .notSaved(let why):
            s.status = .error(s.strings.notSaved(why))
            return []
        case .ledgerUnreadable(let why):
            s.readProblem = why
            s.status = .error(s.strings.ledgerNotIntact + ": " + why)
            return []
        case .exported(let paths):
            s.exportPlan = nil
            // The folder, shortened in its middle to fit the line, and the files' names.
            let folder = paths.first.map { p in String(p[..<(p.range(of: "/", options: .backwards)?.lowerBound ?? p.endIndex)]) } ?? ""
            let fixed = CellWidth.of("✓ " + s.strings.exported(folder: "", count: paths.count))
            s.status = .ok(s.strings.exported(folder: Chrome.middle(folder, to: max(12, s.width - 2 - fixed)), count: paths.count))
            return []
        case .printed(let paths, let draft, let noQR):
            let folder = paths.first.map { p in String(p[..<(p.range(of: "/", options: .backwards)?.lowerBound ?? p.endIndex)]) } ?? ""
            let fixed = CellWidth.of("✓ " + s.strings.printed(folder: "", count: paths.count, draft: draft, noQR: noQR))
            s.status = .ok(s.strings.printed(folder: Chrome.middle(folder, to: max(12, s.width - 2 - fixed)), count: paths.count, draft: draft,
                                             noQR: noQR))
            return []
        case .notPrinted(let why):
            s.status = .error(s.strings.notPrinted(why))
            return []
        case .exportExists(let names):
            s.prompt = .overwrite(names)
            return []
        case .resize(let w, let h):
            s.width = w
            s.height = h
            keepSelectionVisible(&s)
            return []
        case .key(let key):
            return self.key(&s, key)
        }
    }

    /// The methods the data shown lacks, to compute on another core.
    private static func computeMissing(_ s: ChairState) -> [ChairEffect] {
        let missing = s.missingMethods
        return missing.isEmpty ? [] : [.compute(generation: s.generation, s.target.book, s.target.ledger, missing)]
    }

    /// Choosing a tier or a judge, typing the reason, confirming: only then is anything written.
    static func promptKey(_ s: inout ChairState, _ key: Key) -> [ChairEffect] {
        guard let prompt = s.prompt else { return [] }
        let w = s.strings
        if key == .escape {
            s.prompt = nil
            s.status = .info(w.cancelled)
            return []
        }
        switch prompt {
        case .ruling, .ruleChoice, .rulingReason, .confirmRuling:
            return EligibilityPanel.promptKey(&s, key, prompt)
        case .printMenu:
            return printMenuKey(&s, key)
        case .reassignJudge, .reassignReason, .reassignConfirm:
            return ReassignPrompt.key(&s, key, prompt)
        case .overwrite:
            s.prompt = nil
            if key.isYes, let plan = s.exportPlan { return [.export(plan, overwrite: true)] }
            s.exportPlan = nil
            s.status = .info(w.cancelled)
        case .draft:
            s.prompt = nil
            if key.isYes, let plan = s.exportPlan { return [.export(plan, overwrite: false)] }
            s.exportPlan = nil
            s.status = .info(w.cancelled)
        case .tier:
            guard let e = s.selectedEntry, case .char(let c) = key else { return [] }
            let tiers = s.contest.awards
            let tier: String
            if let n = c.wholeNumberValue, n >= 1, n <= tiers.count { tier = tiers[n - 1].id }
            else if c == "0" { tier = Contest.noAward }
            else if c == "a" { tier = Contest.proposedAward }
            else {
                s.status = .error(w.unknownTierKey(c))
                return []
            }
            s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .award, entry: s.contest.entries[e].id, tier: tier), TextField(limit: 500))
        case .judge(let choices, var selected):
            guard let e = s.selectedEntry else { s.prompt = nil; return [] }
            switch key {
            case .up, .down:
                selected = (selected + (key == .up ? choices.count - 1 : 1)) % choices.count
                s.prompt = .judge(choices: choices, selected: selected)
            case .enter:
                let j = choices[selected]
                s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .reopen, judge: s.contest.judges[j].id, entry: s.contest.entries[e].id),
                                   TextField(limit: 500))
            case .char(let c):
                if let n = c.wholeNumberValue, n >= 1, n <= choices.count {
                    let j = choices[n - 1]
                    s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .reopen, judge: s.contest.judges[j].id, entry: s.contest.entries[e].id),
                                       TextField(limit: 500))
                } else {
                    s.status = .error(w.unknownJudgeChoice(c, choices.count))
                }
            default:
                break
            }
        case .reason(var draft, var field):
            switch key {
            case .enter:
                let reason = field.text.trimmingSpaces
                guard !reason.isEmpty else { s.status = .error(w.reasonRequired); return [] }
                draft.text = reason
                s.prompt = .confirm(draft)
            default:
                if field.handle(key) { s.prompt = .reason(draft, field) }
            }
        case .outcome(let item):
            guard case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= DiscussionOutcome.allCases.count else {
                s.status = .error(w.unknownOutcomeKey)
                return []
            }
            let outcome = DiscussionOutcome.allCases[n - 1]
            s.prompt = .reason(LedgerEvent(actor: s.chair, kind: .discussed, judge: item.topic == .pattern || item.topic == .outlier ? item.judgeID : nil,
                                           entry: item.entryID ?? "", outcome: outcome.rawValue, topic: item.topic.rawValue), TextField(limit: 500))
        case .confirm(let draft):
            s.prompt = nil
            if key.isYes { return [.append(draft, methods: [s.method, s.nextMethod])] }
            s.status = .info(w.cancelled)
        }
        return []
    }

    static func open(_ s: inout ChairState, _ tab: ChairState.Tab) {
        s.tab = tab
        s.screen = .tab
        s.viewport.reset()
        keepSelectionVisible(&s)
    }

    static func move(_ s: inout ChairState, _ m: Movement) {
        if s.tab == .queue {
            s.queueList.move(m, count: QueueView.items(s).count, page: s.layout.queue.items.pageRows)
            return
        }
        guard s.tab == .ranking || s.tab == .matrix else {
            // The other screens scroll as a whole, within their text.
            s.viewport.move(m, lines: ChairView.lineCount(s), page: s.layout.scrolled.text.pageRows)
            return
        }
        let entries = s.listEntries
        guard !entries.isEmpty else { return }
        var picker = ListWindow(selected: s.selectedEntry.flatMap { entries.firstIndex(of: $0) } ?? 0)
        picker.move(m, count: entries.count, page: listPage(s))
        if let p = picker.selected { s.selectedEntry = entries[p] }
    }

    /// The rows a list screen shows at once.
    static func listPage(_ s: ChairState) -> Int {
        (s.tab == .matrix ? s.layout.matrix.rows : s.layout.ranking(notice: s.rankingNotice != nil).rows).pageRows
    }

    /// The rows of the list screen on show: the ranking's (with its cut lines) or the matrix's.
    static func listRows(_ s: ChairState) -> [ChairState.Row] {
        s.tab == .matrix ? s.entryOrder.map { .entry($0) } : s.rankingRows
    }

    static func keepSelectionVisible(_ s: inout ChairState) {
        guard s.tab == .ranking || s.tab == .matrix else { return }
        let rows = listRows(s)
        if let e = s.selectedEntry, let r = rows.firstIndex(of: .entry(e)) {
            s.list.select(r, count: rows.count, page: listPage(s))
        } else {
            s.list.keepInView(count: rows.count, page: listPage(s))
        }
    }
}
