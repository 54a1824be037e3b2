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

    public struct Status: Equatable, Sendable {
        public enum Kind: Sendable { case info, ok, error }
        public var text: String
        public var kind: Kind
    }

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
    /// Entry indexes in Thai dictionary order of organisation (then id): computed once.
    let organisationOrder: [Int]

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

    public var status: Status? = nil
    public var quit = false

    public init(contest: Contest, judge: Int, sheets: [Sheet], language: Language = .th, utcOffset: Int = 0) {
        self.contest = contest
        self.judge = judge
        self.sheets = sheets
        self.strings = Strings(language)
        self.utcOffset = utcOffset
        let collator = ThaiCollator.shared
        organisationOrder = contest.entries.indices.sorted { a, b in
            let x = contest.entries[a], y = contest.entries[b]
            switch collator.compare(x.organisation, y.organisation) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return x.id < y.id
            }
        }
        selectedEntry = contest.entries.isEmpty ? 0 : 0
    }

    public var judgeInfo: Contest.Judge { contest.judges[judge] }
    public var entry: Contest.Entry { contest.entries[selectedEntry] }
    public var sheet: Sheet { sheets[selectedEntry] }

    /// The rows of the entry list: filtered by status and search, in the chosen order.
    public var visibleEntries: [Int] {
        let base: [Int]
        switch sort {
        case .id: base = Array(contest.entries.indices)
        case .organisation: base = organisationOrder
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
            if needle.isEmpty { return true }
            let e = contest.entries[k]
            return [e.id, e.organisation, e.title, e.province, e.district].contains { $0.lowercased().contains(needle) }
        }
    }

    /// Rows the list can show at the current size.
    var listRows: Int { max(1, height - 6) }
}
