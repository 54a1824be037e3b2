import Dispatch
import KhanaenCore
import KhanaenText

/// What the chair's console shows: every judge's sheets folded into results, the ledger's
/// integrity, and where the chair is looking. Results and seal are derived here, so the
/// screens and `khanaen report` always agree.
public struct ChairState: Sendable {
    public enum Tab: CaseIterable, Sendable { case ranking, matrix, entry, progress, judges, methods, integrity }

    public enum Row: Equatable, Sendable {
        case entry(Int)
        case cut(String)
        case heading(String)
    }

    public let contest: Contest
    public let strings: Strings
    public let chair: String
    public let utcOffset: Int
    let idWidth: Int

    public private(set) var book: SheetBook
    public private(set) var ledger: LedgerSummary
    /// Every file's events (the judges' in contest order, then the chair's), for an entry's history.
    public private(set) var events: [[LedgerEvent]]
    /// The results under every method, for the methods and judges screens; made when one is open.
    public private(set) var allMethods: [Method: Results] = [:]
    /// The seal of each method in `allMethods`.
    private var seals: [Method: String] = [:]
    /// The methods not shown, being computed on another core since the data last changed.
    private var ahead: MethodsAhead?
    public private(set) var method: Method = .mean
    public private(set) var results: Results
    public private(set) var seal: String
    /// When the data was last read, in milliseconds since 1970.
    public private(set) var updatedAt: Int64

    /// A chair action being put together: which tier or judge, then the reason, then y/n.
    public enum Prompt: Equatable, Sendable {
        case tier
        case judge
        case reason(LedgerEvent)
        case confirm(LedgerEvent)
        /// Export files that exist already: replace them?
        case overwrite([String])
    }

    public var prompt: Prompt?
    public var promptText = ""
    public var tab: Tab = .ranking
    public var showingHelp = false
    public var selectedEntry: Int?
    public var scrollTop = 0
    /// The first judge column shown on the matrix.
    public var leftJudge = 0
    public var width = 80
    public var height = 24
    public var quit = false
    public var status: StatusMessage?

    public init(book: SheetBook, ledger: LedgerSummary, events: [[LedgerEvent]] = [], chair: String, language: Language = .th,
                utcOffset: Int = 0, now: Int64 = 0) {
        self.events = events
        contest = book.contest
        strings = Strings(language)
        self.chair = chair
        self.utcOffset = utcOffset
        idWidth = min(10, max(4, contest.entries.map { CellWidth.of($0.id) }.max() ?? 4))
        self.book = book
        self.ledger = ledger
        results = Scoring.compute(book, method: .mean)
        seal = ReportJSON.seal(results, ledger: ledger)
        allMethods[.mean] = results
        seals[.mean] = seal
        updatedAt = now
        selectedEntry = results.entries.first?.index
    }

    mutating func replace(book: SheetBook, ledger: LedgerSummary, events: [[LedgerEvent]], now: Int64) {
        self.book = book
        self.ledger = ledger
        self.events = events
        allMethods = [:]
        seals = [:]
        ahead = MethodsAhead(book: book, ledger: ledger, except: method)
        updatedAt = now
        recompute()
        // The method `m` goes to was computed on the other core meanwhile, as large a piece
        // of work: the change is shown once it is ready too, so that `m` never waits for it.
        _ = computed(nextMethod)
    }

    /// The method `m` goes to.
    var nextMethod: Method {
        let all = Method.allCases
        return all[((all.firstIndex(of: method) ?? 0) + 1) % all.count]
    }

    mutating func cycleMethod() {
        method = nextMethod
        recompute()
    }

    mutating func recompute() {
        (results, seal) = computed(method)
        if tab == .methods || tab == .judges { computeAllMethods() }
        if let e = selectedEntry, !results.entries.contains(where: { $0.index == e }) { selectedEntry = results.entries.first?.index }
    }

    /// A method's results and seal, each computed once per ledger change.
    private mutating func computed(_ m: Method) -> (Results, String) {
        if let r = allMethods[m], let seal = seals[m] { return (r, seal) }
        if let (r, seal) = ahead?.take(m) {
            allMethods[m] = r
            seals[m] = seal
            return (r, seal)
        }
        let r = Scoring.compute(book, method: m)
        let seal = ReportJSON.seal(r, ledger: ledger)
        allMethods[m] = r
        seals[m] = seal
        return (r, seal)
    }

    mutating func computeAllMethods() {
        for m in Method.allCases { _ = computed(m) }
    }

    /// Starts computing the other methods on another core, once the first frame is drawn
    /// (a ledger change starts them at once).
    public mutating func computeAhead() {
        if ahead == nil { ahead = MethodsAhead(book: book, ledger: ledger, except: method) }
    }

    /// Takes the methods computed ahead once they are ready, without waiting for them.
    /// Returns whether it took any.
    @discardableResult
    public mutating func warmUp() -> Bool {
        guard let ahead else {
            computeAhead()
            return false
        }
        var took = false
        for m in Method.allCases where seals[m] == nil && m != ahead.shown && ahead.isReady(m) {
            _ = computed(m)
            took = true
        }
        return took
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

    /// Rows the body of a screen can show.
    var bodyRows: Int { max(1, height - 7) }

    func result(_ entry: Int) -> EntryResult? { results.entries.first { $0.index == entry } }
}

/// The results and seals of the methods not on screen, computed on another core as soon as
/// the data changes, so that `m` and the methods and judges screens answer at once. They are
/// computed one at a time, starting with the one `m` goes to next, and each can be taken as
/// soon as it is ready.
final class MethodsAhead: @unchecked Sendable {
    let shown: Method
    /// One per method, made in init and only read after.
    private let slots: [Method: Slot]

    /// Written once on the other core before `ready` is left; read only after waiting on it.
    private final class Slot: @unchecked Sendable {
        let ready = DispatchGroup()
        var value: (Results, String)?
        init() { ready.enter() }
    }

    init(book: SheetBook, ledger: LedgerSummary, except shown: Method) {
        self.shown = shown
        let all = Method.allCases
        let start = all.firstIndex(of: shown) ?? 0
        let order = (1..<all.count).map { all[(start + $0) % all.count] }
        let work = order.map { ($0, Slot()) }
        slots = Dictionary(uniqueKeysWithValues: work)
        DispatchQueue.global().async {
            for (m, slot) in work {
                let r = Scoring.compute(book, method: m)
                slot.value = (r, ReportJSON.seal(r, ledger: ledger))
                slot.ready.leave()
            }
        }
    }

    func isReady(_ m: Method) -> Bool { slots[m].map { $0.ready.wait(timeout: .now()) == .success } ?? false }

    /// Method `m`'s results and seal, waiting for them if need be; nil for the method shown,
    /// which is not computed here.
    func take(_ m: Method) -> (Results, String)? {
        guard let slot = slots[m] else { return nil }
        slot.ready.wait()
        return slot.value
    }
}
