import KhanaenCore
import KhanaenText

/// Everything the judge workstation shows, as plain values. Only this judge's sheets are
/// here: blind judging is kept by never loading another judge's scores into the screen.
public struct JudgeState: Sendable {
    public enum SortOrder: CaseIterable, Sendable { case id, organisation, total }
    public enum Screen: Equatable, Sendable { case list, sheet, help }

    /// A line of text being typed: the search, a note, a recusal reason.
    public enum Prompt: Equatable, Sendable {
        case search
        case note(criterion: Int?)
        case recuse
        case confirmSubmit
    }

    public typealias Status = StatusMessage

    /// One change the judge made this session, so `u` can put the value back.
    public struct Change: Equatable, Sendable {
        public var entry: Int
        public var criterion: Int
        public var previous: Double?
    }

    public let contest: Contest
    public let judge: Int
    public let strings: Strings
    /// Seconds east of UTC, for showing the time of a save in local time.
    public let utcOffset: Int
    /// Entry indexes in Thai dictionary order of organisation (then id), computed the first
    /// time that order is asked for, not before the first frame.
    let organisationOrder: ThaiOrder
    /// Per entry, the text a search looks in, lower-cased the first time a search needs it.
    let searchText: SearchText
    /// The id column's width: the longest id, within 4 to 10 cells.
    let idWidth: Int

    public var sheets: [Sheet]
    public var screen: Screen = .list
    public var returnScreen: Screen = .list
    public var width = 80
    public var height = 24

    // Entry list
    public var selectedEntry: Int
    public var scrollTop = 0
    public var sort: SortOrder = .id
    public var filter: Sheet.Status? = nil
    public var search = ""

    // Scoring sheet
    public var criterion = 0
    public var input = ""
    public var prompt: Prompt? = nil
    public var promptText = ""
    public var undo: [Change] = []
    /// The last change on `undo` is on its way to the ledger.
    public var undoPending = false

    public var status: Status? = nil
    public var quit = false

    public init(contest: Contest, judge: Int, sheets: [Sheet], language: Language = .th, utcOffset: Int = 0) {
        self.contest = contest
        self.judge = judge
        self.sheets = sheets
        self.strings = Strings(language)
        self.utcOffset = utcOffset
        organisationOrder = ThaiOrder(contest.entries.map { ($0.organisation, $0.id) })
        searchText = SearchText(contest.entries.map { [$0.id, $0.organisation, $0.title, $0.province, $0.district].joined(separator: "\u{1}") })
        idWidth = min(10, max(4, contest.entries.map { CellWidth.of($0.id) }.max() ?? 4))
        selectedEntry = 0
    }

    public var judgeInfo: Contest.Judge { contest.judges[judge] }
    public var entry: Contest.Entry { contest.entries[selectedEntry] }
    public var sheet: Sheet { sheets[selectedEntry] }

    /// The rows of the entry list: filtered by status and search, in the chosen order.
    public var visibleEntries: [Int] {
        let base: [Int]
        switch sort {
        case .id: base = Array(contest.entries.indices)
        case .organisation: base = organisationOrder.indexes
        case .total:
            let maxTotal = contest.maxTotal
            base = contest.entries.indices.sorted { a, b in
                let x = sheets[a].total(maxTotal: maxTotal) ?? -1, y = sheets[b].total(maxTotal: maxTotal) ?? -1
                return x != y ? x > y : a < b
            }
        }
        let needle = search.lowercased()
        return base.filter { k in
            if let filter, sheets[k].status != filter { return false }
            return needle.isEmpty || searchText.lowercased[k].contains(needle)
        }
    }


    /// Rows the list can show at the current size.
    var listRows: Int { max(1, height - 6) }
}

/// Indexes of (name, id) pairs in Thai dictionary order of name, then id; sorted on first use.
public final class ThaiOrder: @unchecked Sendable {
    private let keys: [(name: String, id: String)]
    private var sorted: [Int]?

    init(_ keys: [(String, String)]) { self.keys = keys.map { (name: $0.0, id: $0.1) } }

    var indexes: [Int] {
        if let sorted { return sorted }
        let collator = ThaiCollator.shared
        let result = keys.indices.sorted { a, b in
            switch collator.compare(keys[a].name, keys[b].name) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return keys[a].id < keys[b].id
            }
        }
        sorted = result
        return result
    }
}

/// Texts to search in, lower-cased on first use: lower-casing 500 Thai titles is a tenth of
/// the workstation's start-up, and most sessions never search.
public final class SearchText: @unchecked Sendable {
    private let texts: [String]
    private var cache: [String]?

    init(_ texts: [String]) { self.texts = texts }

    var lowercased: [String] {
        if let cache { return cache }
        let result = texts.map { $0.lowercased() }
        cache = result
        return result
    }
}
