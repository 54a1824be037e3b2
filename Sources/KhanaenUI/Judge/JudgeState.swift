import KhanaenCore
import KhanaenText

/// Everything the judge workstation shows, as plain values. Only this judge's sheets are
/// here: blind judging is kept by never loading another judge's scores into the screen.
public struct JudgeState: Sendable {
    public enum SortOrder: CaseIterable, Sendable { case id, organisation, total }
    public enum Screen: Equatable, Sendable { case list, sheet, help, reader, documents }

    /// A line or a few lines being typed, or a question, on the status line.
    public enum Prompt: Equatable, Sendable {
        case search(TextField)
        /// A note on a criterion (nil: on the entry), in a multi-line editor.
        case note(criterion: Int?, TextField)
        /// A conflict of interest being declared: its ground (ม.13, or ม.16 "other"), then its
        /// reason, then a y/n; it is written as a recusal with that ground.
        case conflictGround
        case recuseReason(ground: ConflictGround, TextField)
        case confirmRecuse(ground: ConflictGround, reason: String)
        /// `saved`: what the `s` that asked saved first (a typed score), so that a `n` says it.
        case confirmSubmit(saved: String?)
    }

    /// One change the judge made this session, so `u` can put it back.
    public struct Change: Equatable, Sendable {
        public enum What: Equatable, Sendable {
            case score(criterion: Int, previous: Double?)
            /// A note on a criterion, or on the entry (nil).
            case note(criterion: Int?, previous: String?)
        }

        public var entry: Int
        public var what: What
        /// The seq of the line that made the change, once the ledger has written it.
        public var seq: Int?
    }

    public let contest: Contest
    public let judge: Int
    public let strings: Strings
    /// The contest's time zone, for showing the time of a save (whatever the machine's zone).
    public let timeZone: ContestTimeZone
    /// The id column's width: the longest id, within 4 to 10 cells.
    let idWidth: Int

    public var sheets: [Sheet]
    /// The word breaker and collator the screens are drawn with; `plain` until they are loaded.
    public var text = ThaiText.plain
    /// Entry indexes in the collator's order of organisation, then id: sorted when the judge
    /// first asks for that order, not before the first frame.
    var organisationOrder: [Int]?
    /// Per entry, the lower-cased text a search looks in: made when a search first needs it.
    var searchIndex: [String]?

    public var screen: Screen = .list
    /// A print of the judge's sheet is at work (`p`): another waits for it.
    public var printing = false
    public var helpReturn: Screen = .list
    public var width = 80
    public var height = 24

    // Entry list
    public var list = ListWindow()
    public var selectedEntry = 0
    public var sort: SortOrder = .id
    public var filter: Sheet.Status? = nil
    public var search = ""

    // Scoring sheet
    public var criterion = 0
    /// The score being typed.
    public var input = TextField(limit: 8)
    /// The judge types on the Thai (Kedmanee) layout: its number row and ๐–๙ are digits.
    public var thaiLayout = false
    /// A key has shown which layout the judge types on (a digit or a letter of one of them):
    /// until then `-`, which is 3 on the Thai layout and a step down on the English one, does
    /// neither.
    public var layoutKnown = false
    /// The field holds a step down made by "-" read as the English layout's minus: if the
    /// next key shows the Thai layout, that "-" was the digit 3.
    var minusStepped = false
    public var reader = Viewport()
    /// Where the help is scrolled to.
    public var help = Viewport()
    /// Entries the contest's eligibility takes out of judging (failed by its rules or the
    /// chair's ruling): not on the list. What a judge already wrote for them stays in the ledger.
    public var hidden: Set<Int> = []
    /// Of those, the entries the chair's assignment does not give this judge.
    public var notGiven: Set<Int> = []
    /// The documents of the entry last opened with `d`.
    public var documents: DocumentReader?

    public var prompt: Prompt? = nil
    /// Said after the message of the save a key caused (a `]` that skipped entries the search hides).
    var afterSave: String? = nil
    public var undo: [Change] = []
    /// The score typed and sent to the ledger, until it says saved: where it was typed and the
    /// field as it was, put back (selected) when the ledger refuses it.
    var sent: (entry: Int, criterion: Int, field: TextField)? = nil
    public var status: StatusMessage? = nil
    /// What is wrong with the judge's ledger file, shown until the program ends: a file
    /// that disappeared or shrank under the workstation.
    public var ledgerProblem: String? = nil
    public var quit = false

    public init(contest: Contest, judge: Int, sheets: [Sheet], language: Language = .th, timeZone: ContestTimeZone? = nil) {
        self.contest = contest
        self.judge = judge
        self.sheets = sheets
        self.strings = Strings(language)
        self.timeZone = timeZone ?? contest.timeZone
        idWidth = min(10, max(4, contest.entries.map { CellWidth.of($0.id) }.max() ?? 4))
    }

    static func order(_ contest: Contest, _ collator: ThaiCollator) -> [Int] {
        contest.entries.indices.sorted { a, b in
            switch collator.compare(contest.entries[a].organisation, contest.entries[b].organisation) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return contest.entries[a].id < contest.entries[b].id
            }
        }
    }

    public var judgeInfo: Contest.Judge { contest.judges[judge] }
    public var entry: Contest.Entry { contest.entries[selectedEntry] }
    public var sheet: Sheet { sheets[selectedEntry] }

    /// The rows of the entry list: filtered by status and search, in the chosen order.
    public var visibleEntries: [Int] { entries(filtered: true) }

    /// The search and the status filter on, in words ("ค้นหา: ขยะ · แสดง: ร่าง"); nil when neither is.
    var narrowing: String? {
        var parts: [String] = []
        if !search.isEmpty { parts.append(strings.searchPrompt + search) }
        if let filter { parts.append("\(strings.filterLabel): \(strings.status(filter))") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The list's entries in the chosen order, with or without the search and filter.
    func entries(filtered: Bool) -> [Int] {
        let base: [Int]
        switch sort {
        case .id: base = Array(contest.entries.indices)
        case .organisation: base = organisationOrder ?? JudgeState.order(contest, text.collator)
        case .total:
            let maxTotal = contest.maxTotal
            base = contest.entries.indices.sorted { a, b in
                let x = sheets[a].total(maxTotal: maxTotal) ?? -1, y = sheets[b].total(maxTotal: maxTotal) ?? -1
                return x != y ? x > y : a < b
            }
        }
        let needle = filtered ? search.lowercased() : ""
        let filter = filtered ? self.filter : nil
        return base.filter { k in
            if hidden.contains(k) { return false }
            if let filter, sheets[k].status != filter { return false }
            return needle.isEmpty || (searchIndex?[k] ?? JudgeState.searchText(contest.entries[k])).contains(needle)
        }
    }

    static func searchText(_ e: Contest.Entry) -> String {
        [e.id, e.organisation, e.title, e.province, e.district].joined(separator: "\u{1}").lowercased()
    }

    /// Where each part of a screen is at the current size.
    var layout: JudgeLayout { JudgeLayout(width: width, height: height) }

    /// Rows the list can show at the current size.
    var listRows: Int { max(1, layout.list.rows.height) }
}
