import KhanaenCore
import KhanaenText

/// One method's results and their seal.
public struct Computed: Sendable {
    public var results: Results
    public var seal: String

    public init(results: Results, seal: String) {
        self.results = results
        self.seal = seal
    }
}

/// The ledger as the console read it: the sheets, the summary, every file's events, when, and
/// the results of the methods computed for it.
public struct ChairData: Sendable {
    public var book: SheetBook
    public var ledger: LedgerSummary
    /// Every record file's events (the judges' in contest order, then the chairs' and the witness's), for an entry's history.
    public var events: [[LedgerEvent]]
    /// When it was read, in milliseconds since 1970.
    public var time: Int64
    public var computed: [Method: Computed]
    /// The panel's statistics for a method, computed once every method is (the queue
    /// compares them).
    public var statistics: [Method: PanelStatistics] = [:]
    /// Each ledger file's last sync, when the folder is carried by git (docs/sync.md).
    public var syncs: [FileSync] = []

    public init(book: SheetBook, ledger: LedgerSummary, events: [[LedgerEvent]], time: Int64, computed: [Method: Computed]) {
        self.book = book
        self.ledger = ledger
        self.events = events
        self.time = time
        self.computed = computed
    }
}

/// The last commit that changed a ledger file: who synced it, from which machine, when.
public struct FileSync: Equatable, Sendable {
    /// The file, relative to the ledger folder (`j1/j1.jsonl`).
    public var file: String
    public var login: String
    public var machine: String
    /// Milliseconds since 1970.
    public var time: Int64

    public init(file: String, login: String, machine: String, time: Int64) {
        self.file = file
        self.login = login
        self.machine = machine
        self.time = time
    }
}

/// What the chair's console shows: every judge's sheets folded into results, the ledger's
/// integrity, and where the chair is looking. Results and seals are computed by effects
/// (`ChairEffect.compute`) by the same `Scoring.compute` and `ReportJSON.seal` as
/// `khanaen report`, so the screens and the report always agree.
public struct ChairState: Sendable {
    public enum Tab: CaseIterable, Sendable { case ranking, matrix, entry, progress, judges, methods, integrity, queue }

    public enum Row: Equatable, Sendable {
        case entry(Int)
        case cut(String)
        case heading(String)
    }

    /// A chair action being put together, or a question.
    public enum Prompt: Equatable, Sendable {
        /// Which tier for the entry.
        case tier
        /// Which judge's sheet to reopen: the entry's judges whose sheets are submitted or
        /// recused, one of them selected.
        case judge(choices: [Int], selected: Int)
        case reason(LedgerEvent, TextField)
        case confirm(LedgerEvent)
        /// Export files that exist already: replace them?
        case overwrite([String])
        /// The announcement is not final: export it as a draft?
        case draft([String])
        /// What the panel did about a discussion item.
        case outcome(DiscussionItem)
        /// The chair's eligibility ruling on these entries (one, or every entry a rule leaves
        /// open): pass, fail, or (one entry with a ruling) withdraw it.
        case ruling(entries: [Int], rule: EligibilityRule?)
        /// Which rule to rule on across every entry it leaves open.
        case ruleChoice([EligibilityRule])
        /// The reason for these rulings; `left`: entries of the rule a pass does not settle.
        case rulingReason([LedgerEvent], TextField, rule: EligibilityRule?, left: Int)
        case confirmRuling([LedgerEvent], rule: EligibilityRule?, left: Int)
        /// Which paper to print (`p`).
        case printMenu
        /// `w` on screen 4: which judge to add to the selected entry or take off it, then the
        /// reason for the assignment so changed (`draft`), then y/n.
        case reassignJudge(selected: Int)
        case reassignReason(judge: Int, add: Bool, LedgerEvent, TextField)
        case reassignConfirm(judge: Int, add: Bool, LedgerEvent)
    }

    public let contest: Contest
    public let strings: Strings
    public let chair: String
    /// The contest's time zone: every time on the console is shown in it.
    public let timeZone: ContestTimeZone
    let idWidth: Int
    public var text = ThaiText.plain

    public private(set) var data: ChairData
    /// The generation of the newest data, counted up as data arrives; `shownGeneration` is
    /// the one on the screen, older while newer data waits for its methods.
    public private(set) var generation = 0
    private var shownGeneration = 0
    var shownGenerationNow: Int { shownGeneration }
    /// Whether the last `.computed` changed what the screen shows (`ChairProgram.redraws`).
    var computedShows = true
    /// Why a file of the ledger could not be read at the last read, said beside the data
    /// last read; nil once a read succeeds.
    public var readProblem: String?
    /// The methods whose statistics were asked for, for the newest data.
    var statisticsAsked: Set<Method> = []
    public private(set) var method: Method = .mean
    /// The method `m` asked for, while its results are computed.
    public var pendingMethod: Method?
    /// A ledger change waiting to be shown until the methods on screen and next are computed.
    var incoming: ChairData?

    public var prompt: Prompt?
    public var tab: Tab = .ranking
    /// What the console shows: the tab's screen, or one screen over the tabs, as the
    /// workstation's `JudgeState.Screen` does; closing it goes back to the tab.
    public enum Screen: Equatable, Sendable { case tab, help, documents, eligibility }
    public var screen: Screen = .tab
    public var selectedEntry: Int?
    /// The ranking's and the matrix's rows, and the other screens' offsets.
    public var list = ListWindow()
    public var viewport = Viewport()
    /// Where the help is scrolled to.
    public var help = Viewport()
    /// The documents of the entry last opened with `d`.
    public var documents: DocumentReader?
    /// The discussion queue's selection, and whether it shows the items already discussed.
    public var queueList = ListWindow()
    public var queueShowsAll = false
    /// The eligibility panel: its selection, and whether it lists every entry or only those
    /// waiting for a ruling.
    public var eligibilityList = ListWindow()
    public var eligibilityShowsAll = true
    /// Every entry's eligibility under the contest's rules and the chair's rulings in the data
    /// shown; nil when contest.json has no eligibility block.
    public private(set) var eligibility: [EntryEligibility]?
    /// The first frame is drawn: background work may begin.
    public var started = false
    /// The first judge column shown on the matrix.
    public var leftJudge = 0
    public var width = 80
    public var height = 24
    public var quit = false
    public var status: StatusMessage?
    /// The export the chair is being asked about (a draft, files to replace).
    public var exportPlan: ExportPlan?

    /// `data` must hold the results of `method`, the official method when not given (the
    /// console computes them before its first frame).
    public init(data: ChairData, chair: String, language: Language = .th, timeZone: ContestTimeZone? = nil, method: Method? = nil) {
        let method = method ?? data.book.method
        precondition(data.computed[method] != nil, "the first frame's method is computed before it")
        self.data = data
        contest = data.book.contest
        strings = Strings(language)
        self.chair = chair
        self.timeZone = timeZone ?? data.book.contest.timeZone
        self.method = method
        idWidth = min(10, max(4, contest.entries.map { CellWidth.of($0.id) }.max() ?? 4))
        selectedEntry = data.computed[method]!.results.entries.first?.index
        assessDraft()
        assessEligibility()
    }

    private mutating func assessEligibility() {
        eligibility = contest.eligibility.map { EligibilityRules.evaluate(contest.entries, config: $0, decisions: EligibilityRules.decisions(data.book)) }
    }

    /// Why the announcement (the official method's results) is not final, for the data shown
    /// (`AnnouncementDraft`); the discussion queue counts once the official method's
    /// statistics are computed for it.
    public private(set) var draft: [AnnouncementDraft.Reason] = []

    private mutating func assessDraft() {
        let official = data.book.method
        guard let r = data.computed[official]?.results else { return }
        draft = AnnouncementDraft.check(r, book: data.book, ledger: data.ledger, queue: data.statistics[official]?.queue)
    }

    /// The line above the ranking: why the announcement is a draft, or, when it is final, a
    /// tier of the method on screen given to more or fewer entries than the contest says.
    public var rankingNotice: String? {
        let words = ReportWords(strings.language)
        if !draft.isEmpty {
            return "⚠ " + strings.draftNotice(draft.count) + " " + draft.map { AnnouncementDraft.describe($0, contest: contest, words: words) }.joined(separator: " · ")
        }
        if !results.tierCounts.isEmpty {
            return "⚠ " + results.tierCounts.map { words.describe($0, contest: contest) }.joined(separator: " · ")
        }
        return nil
    }

    public var book: SheetBook { data.book }
    /// The contest's official method: contest.json's, or the chair's last change of it.
    public var official: Method { data.book.method }
    public var ledger: LedgerSummary { data.ledger }
    public var events: [[LedgerEvent]] { data.events }
    public var updatedAt: Int64 { data.time }
    public var results: Results { data.computed[method]!.results }
    public var seal: String { data.computed[method]!.seal }
    public var allMethods: [Method: Results] { data.computed.mapValues(\.results) }

    /// The method `m` goes to.
    public var nextMethod: Method {
        let all = Method.allCases
        return all[((all.firstIndex(of: method) ?? 0) + 1) % all.count]
    }

    /// The data new results are computed for: the newest, which is the data shown unless
    /// newer data waits for its methods.
    var target: ChairData { incoming ?? data }

    /// Methods not yet computed for the newest data.
    var missingMethods: [Method] { Method.allCases.filter { target.computed[$0] == nil } }

    // Called by ChairUpdate only.

    mutating func show(_ m: Method) {
        method = m
        pendingMethod = nil
        if let e = selectedEntry, !results.entries.contains(where: { $0.index == e }) { selectedEntry = results.entries.first?.index }
    }

    /// New data arrives: shown at once when it holds the method on screen and the next, so that
    /// `m` answers at once; else held until they are computed.
    mutating func receive(_ new: ChairData) {
        generation += 1
        statisticsAsked = []
        incoming = new
        adoptIfReady()
    }

    /// A method's results for the data of generation `g`: the newest data's, or the shown
    /// data's while newer data waits; results for anything older are dropped.
    mutating func store(_ m: Method, _ c: Computed, generation g: Int) {
        if g == generation && incoming != nil {
            incoming!.computed[m] = c
            adoptIfReady()
        } else if g == shownGeneration {
            data.computed[m] = c
            if m == official { assessDraft() }
        } else {
            return
        }
        if let p = pendingMethod, data.computed[p] != nil { show(p) }
    }

    /// A method's statistics for the data of generation `g`, as `store` takes results.
    mutating func storeStatistics(_ m: Method, _ st: PanelStatistics, generation g: Int) {
        if g == generation && incoming != nil {
            incoming!.statistics[m] = st
        } else if g == shownGeneration {
            data.statistics[m] = st
            if m == official { assessDraft() }
        }
    }

    /// The statistics of the method on screen, once computed.
    public var statistics: PanelStatistics? { data.statistics[method] }

    private mutating func adoptIfReady() {
        guard let new = incoming, new.computed[method] != nil, new.computed[pendingMethod ?? nextMethod] != nil else { return }
        data = new
        incoming = nil
        assessDraft()
        assessEligibility()
        shownGeneration = generation
        if let p = pendingMethod { show(p) }
        if let e = selectedEntry, !results.entries.contains(where: { $0.index == e }) { selectedEntry = results.entries.first?.index }
    }

    /// Entries in the order the ranking lists them.
    public var entryOrder: [Int] { results.entries.map { $0.index } }

    /// The ranking as rows: ranked entries with a cut line where each award tier ends, then
    /// the unranked entries under a heading.
    public var rankingRows: [Row] {
        var rows: [Row] = []
        var boundaries: [Int: String] = [:]
        var placed = 0
        for tier in contest.awards {
            placed += tier.count
            boundaries[placed] = tier.title
        }
        let ranked = results.ranked
        for (p, e) in ranked.enumerated() {
            rows.append(.entry(e.index))
            if let title = boundaries[p + 1], p + 1 < ranked.count { rows.append(.cut(title)) }
        }
        let unranked = results.unranked
        if !unranked.isEmpty {
            rows.append(.heading(strings.unrankedHeading))
            rows.append(contentsOf: unranked.map { .entry($0.index) })
        }
        return rows
    }

    /// The entries a list screen moves through, in order.
    var listEntries: [Int] {
        tab == .matrix ? entryOrder : rankingRows.compactMap { if case .entry(let e) = $0 { return e } else { return nil } }
    }

    /// Where each part of a screen is at the current size.
    var layout: ChairLayout { ChairLayout(width: width, height: height) }

    func result(_ entry: Int) -> EntryResult? { results.entries.first { $0.index == entry } }
}
