/// Every sheet of the contest and the chair's decisions, folded from the ledger.
/// This is the one place that says what the ledger means; scoring and screens read it.
///
/// Every line is checked against the contest as it is folded: a line with a valid hash that
/// breaks the rules (a score above its maximum, a change to a submitted sheet with no reopen,
/// another judge as its actor, an entry the contest lacks…) is a `Violation`, reported and
/// left out, never counted.
public struct SheetBook: Sendable {
    public struct ChairDecision: Equatable, Sendable {
        public var seq: Int
        public var time: Int64
        public var actor: String
        public var reason: String
    }

    public struct AwardOverride: Equatable, Sendable {
        /// A tier id, or nil for "no award".
        public var tier: String?
        public var decision: ChairDecision
    }

    public struct CheckpointLine: Equatable, Sendable {
        /// The name of the file it is in (`LedgerFile.name`): a chair's, or the witness's.
        public var file: String = ""
        public var seq: Int
        public var time: Int64
        public var actor: String
        public var checkpoint: Checkpoint
    }

    public struct Reopen: Equatable, Sendable {
        public var judge: String
        public var entry: String
        public var ref: Int
        public var decision: ChairDecision
    }

    /// The chair's word on an entry's eligibility, over what the rules compute.
    public struct EligibilityRuling: Equatable, Sendable {
        public var status: EligibilityStatus
        public var decision: ChairDecision
    }

    /// A change of the official method by the chair.
    public struct MethodChange: Equatable, Sendable {
        public var method: Method
        public var decision: ChairDecision
    }

    /// The panel's outcome of one discussion-queue item, as the chair recorded it.
    public struct Discussed: Equatable, Sendable {
        public var topic: DiscussionTopic
        /// The entry the item is about; empty for a judge's pattern.
        public var entry: String
        /// The judge a pattern or an outlier sheet is about.
        public var judge: String?
        public var outcome: DiscussionOutcome
        public var decision: ChairDecision
    }

    public let contest: Contest
    /// `rows[judge][entry]`: each judge's sheets, one row per judge in contest order.
    public private(set) var rows: [[Sheet]]
    public private(set) var overrides: [Int: AwardOverride] = [:]
    public private(set) var reopens: [Reopen] = []
    /// By entry index: the chair's eligibility decisions in force.
    public private(set) var eligibility: [Int: EligibilityRuling] = [:]
    /// The chair's method changes, in order; the last is the official method.
    public private(set) var methodChanges: [MethodChange] = []
    /// Every discussion outcome recorded, in order.
    public private(set) var discussed: [Discussed] = []
    /// The checkpoints of the chairs' and the witness's files, in time order.
    public private(set) var checkpoints: [CheckpointLine] = []
    /// Lines that break the rules, in file order (judges' files in contest order, then the chairs').
    public private(set) var violations: [Violation] = []

    /// `chairFiles` names each chair event's file (`ChairStream`), and `chairViolations` are
    /// the lines the stream already refused (a decision in a file its actor cannot write).
    /// `now` is the reader's clock, which no line's time may be far after (`LineTimes`).
    public init(contest: Contest, judgeEvents: [[LedgerEvent]], chairEvents: [LedgerEvent], chairFiles: [String] = [],
                chairViolations streamViolations: [Violation] = [], now: Int64 = Timestamp.nowMillis()) {
        self.contest = contest
        let nE = contest.entries.count, nC = contest.criteria.count
        let rules = LineRules(contest)

        // The locks the chair has reopened, per judge, by entry index and the lock's seq.
        var reopenedLocks = [[SheetLock: ChairDecision]](repeating: [:], count: contest.judges.count)
        var chairViolations = streamViolations
        let untimely = SheetBook.formAndTimeProblems(chairEvents, files: chairFiles, now: now)
        for (k, e) in chairEvents.enumerated() {
            let file = k < chairFiles.count ? chairFiles[k] : ContestParser.chairFileName
            if let problem = untimely[k] ?? rules.chairProblem(e, judgeEvents: judgeEvents) {
                chairViolations.append(Violation(file: file, seq: e.seq, message: problem))
                continue
            }
            let decision = ChairDecision(seq: e.seq, time: e.time, actor: e.actor, reason: e.text ?? "")
            switch e.kind {
            case .reopen:
                let (j, ei) = (contest.judgeIndex(e.judge ?? "")!, contest.entryIndex(e.entry)!)
                reopenedLocks[j][SheetLock(entry: ei, seq: e.ref ?? 0)] = decision
                reopens.append(Reopen(judge: e.judge ?? "", entry: e.entry, ref: e.ref ?? 0, decision: decision))
            case .award:
                let ei = contest.entryIndex(e.entry)!
                switch e.tier {
                case Contest.proposedAward: overrides[ei] = nil
                case Contest.noAward: overrides[ei] = AwardOverride(tier: nil, decision: decision)
                default: overrides[ei] = AwardOverride(tier: e.tier, decision: decision)
                }
            case .checkpoint:
                if let c = e.checkpoint { checkpoints.append(CheckpointLine(file: file, seq: e.seq, time: e.time, actor: e.actor, checkpoint: c)) }
            case .eligibility:
                let ei = contest.entryIndex(e.entry)!
                let status = EligibilityStatus(rawValue: e.outcome ?? "")
                eligibility[ei] = status.map { EligibilityRuling(status: $0, decision: decision) }
            case .method:
                methodChanges.append(MethodChange(method: Method(rawValue: e.outcome ?? "")!, decision: decision))
            case .discussed:
                discussed.append(Discussed(topic: DiscussionTopic(rawValue: e.topic ?? "")!, entry: e.entry, judge: e.judge,
                                           outcome: DiscussionOutcome(rawValue: e.outcome ?? "")!, decision: decision))
            default:
                break
            }
        }

        // Each judge's sheets depend on that judge's events and the chair's reopens alone,
        // so the judges are folded on all cores at once, each into its own row.
        let names = Names(contest)
        let locks = reopenedLocks
        // The conflicts of interest the contest's rules give: such a judge's lines for such an
        // entry never count.
        var conflicted: [[Int: Contest.ConflictRule]] = Array(repeating: [:], count: contest.judges.count)
        for c in Conflicts.computed(contest) { if case .rule(let r) = c.cause { conflicted[c.judge][c.entry] = r } }
        let conflicts = conflicted
        let folded = Parallel.each(contest.judges.count) { j -> ([Sheet], [Violation]) in
            // Empty sheets share one array of scores until each is first written: one array
            // per judge, so that two cores never count references on the same one.
            var row = [Sheet](repeating: Sheet(criteria: nC), count: nE)
            guard j < judgeEvents.count else { return (row, []) }
            var violations: [Violation] = []
            let judge = contest.judges[j]
            let judgeName = LedgerName(judge.id)
            let reopened = locks[j]
            // A judge's lines come a sheet at a time: the last entry's index is nearly always
            // the next one's.
            var lastEntry: LedgerName? = nil, lastIndex: Int? = nil
            var times = LineTimes(now: now)
            for e in judgeEvents[j] {
                if let problem = times.problem(e) {
                    violations.append(Violation(file: judge.id, seq: e.seq, message: problem))
                    continue
                }
                if e.entryName != lastEntry {
                    lastEntry = e.entryName
                    lastIndex = names.entry(e.entryName)
                }
                let ci = e.criterionName.flatMap { names.criterion($0) }
                if let problem = rules.judgeProblem(e, judge: judgeName, entryIndex: lastIndex, criterionIndex: ci,
                                                    conflict: lastIndex.flatMap { conflicts[j][$0] }) {
                    violations.append(Violation(file: judge.id, seq: e.seq, message: problem))
                    continue
                }
                let ei = lastIndex!
                if let refused = SheetBook.apply(e, criterionIndex: ci, to: &row[ei], entry: ei, reopened: reopened) {
                    violations.append(Violation(file: judge.id, seq: e.seq, message: LineRules.describe(refused, entry: e.entry)))
                }
            }
            if !reopened.isEmpty {
                for ei in 0..<nE { SheetBook.settle(&row[ei], entry: ei, reopened: reopened) }
            }
            return (row, violations)
        }
        rows = folded.map(\.0)
        violations = folded.flatMap(\.1) + chairViolations
    }

    /// The official method: contest.json's, or the chair's last change of it.
    public var method: Method { methodChanges.last?.method ?? contest.method }

    public init(ledger: Ledger, now: Int64 = Timestamp.nowMillis()) {
        let chairs = ledger.chairStream
        self.init(contest: ledger.contest, judgeEvents: ledger.judgeFiles.map { $0.events }, chairEvents: chairs.events,
                  chairFiles: chairs.files, chairViolations: chairs.violations, now: now)
    }

    /// The form and time problems (`LineTimes`) of a stream of lines merged from several
    /// files, by index in the stream: each file's lines are checked in their own order.
    static func formAndTimeProblems(_ events: [LedgerEvent], files: [String], now: Int64) -> [Int: String] {
        var byFile: [String: [Int]] = [:]
        for k in events.indices { byFile[k < files.count ? files[k] : "", default: []].append(k) }
        var problems: [Int: String] = [:]
        for (_, indexes) in byFile {
            var times = LineTimes(now: now)
            for k in indexes.sorted(by: { events[$0].seq < events[$1].seq }) {
                if let p = times.problem(events[k]) { problems[k] = p }
            }
        }
        return problems
    }

    public func sheet(judge: Int, entry: Int) -> Sheet { rows[judge][entry] }

    /// Every sheet, judge by judge.
    public var sheets: [Sheet] { rows.flatMap { $0 } }

    /// One judge's sheets for every entry, folded from that judge's events and the chair's
    /// reopens alone: what the judge's own screen needs, and no other judge's scores. The
    /// violations are those of the judge's own lines.
    public static func judgeSheets(contest: Contest, judgeID: String, judgeEvents: [LedgerEvent],
                                   chairEvents: [LedgerEvent], now: Int64 = Timestamp.nowMillis()) -> [Sheet] {
        judgeFold(contest: contest, judgeID: judgeID, judgeEvents: judgeEvents, chairEvents: chairEvents, now: now).sheets
    }

    public static func judgeFold(contest: Contest, judgeID: String, judgeEvents: [LedgerEvent],
                                 chairEvents: [LedgerEvent], now: Int64 = Timestamp.nowMillis()) -> (sheets: [Sheet], violations: [Violation]) {
        let rules = LineRules(contest)
        var reopened: [SheetLock: ChairDecision] = [:]
        for e in chairEvents where e.kind == .reopen && e.judge == judgeID && contest.isChair(e.actor) && !e.nonCanonical {
            if let ref = e.ref, let ei = contest.entryIndex(e.entry) {
                reopened[SheetLock(entry: ei, seq: ref)] = ChairDecision(seq: e.seq, time: e.time, actor: e.actor, reason: e.text ?? "")
            }
        }
        var sheets = Array(repeating: Sheet(criteria: contest.criteria.count), count: contest.entries.count)
        var violations: [Violation] = []
        let names = Names(contest)
        let judgeName = LedgerName(judgeID)
        var times = LineTimes(now: now)
        let j = contest.judgeIndex(judgeID)
        let conflicted = j.map { Conflicts.entries(ofJudge: $0, contest: contest) } ?? []
        for e in judgeEvents {
            if let problem = times.problem(e) {
                violations.append(Violation(file: judgeID, seq: e.seq, message: problem))
                continue
            }
            let ei = names.entry(e.entryName)
            let ci = e.criterionName.flatMap { names.criterion($0) }
            let conflict = ei.flatMap { conflicted.contains($0) ? Conflicts.rule(judge: j!, entry: $0, contest: contest) : nil }
            if let problem = rules.judgeProblem(e, judge: judgeName, entryIndex: ei, criterionIndex: ci, conflict: conflict) {
                violations.append(Violation(file: judgeID, seq: e.seq, message: problem))
                continue
            }
            if let refused = apply(e, criterionIndex: ci, to: &sheets[ei!], entry: ei!, reopened: reopened) {
                violations.append(Violation(file: judgeID, seq: e.seq, message: LineRules.describe(refused, entry: e.entry)))
            }
        }
        if !reopened.isEmpty {
            for ei in sheets.indices { settle(&sheets[ei], entry: ei, reopened: reopened) }
        }
        return (sheets, violations)
    }

    /// One sheet, folded from the judge's own events alone: what the rules check before a write.
    public static func foldSheet(contest: Contest, judgeID: String, entryID: String,
                                 judgeEvents: [LedgerEvent], chairEvents: [LedgerEvent], now: Int64 = Timestamp.nowMillis()) -> Sheet {
        var reopened: [Int: ChairDecision] = [:]
        for e in chairEvents where e.kind == .reopen && e.judge == judgeID && e.entry == entryID && contest.isChair(e.actor) && !e.nonCanonical {
            if let ref = e.ref { reopened[ref] = ChairDecision(seq: e.seq, time: e.time, actor: e.actor, reason: e.text ?? "") }
        }
        let rules = LineRules(contest)
        var sheet = Sheet(criteria: contest.criteria.count)
        let entry = LedgerName(entryID), names = Names(contest, entries: false), judgeName = LedgerName(judgeID)
        guard let ei = contest.entryIndex(entryID) else { return sheet }
        let conflict = contest.judgeIndex(judgeID).flatMap { Conflicts.rule(judge: $0, entry: ei, contest: contest) }
        // Every line's time is checked, in order, as the readers do: a line left out of their
        // sheets is left out of the writer's.
        var times = LineTimes(now: now)
        for e in judgeEvents {
            if times.problem(e) != nil || e.entryName != entry { continue }
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if rules.judgeProblem(e, judge: judgeName, entryIndex: ei, criterionIndex: ci, conflict: conflict) != nil { continue }
            _ = sheet.apply(e, criterionIndex: ci) { reopened[$0] }
        }
        sheet.settle { reopened[$0] }
        return sheet
    }

    /// The contest's entry and criterion ids as ledger names, by index.
    struct Names: Sendable {
        /// Entry index by name handle, -1 for a name that is not an entry's: handles are
        /// numbered from 0 as names are first met, so an array beats hashing.
        private var entryByHandle: [Int32] = []
        let criteria: [LedgerName]

        init(_ contest: Contest, entries withEntries: Bool = true) {
            if withEntries {
                let handles = contest.entries.indices.map { LedgerName(contest.entries[$0].id).handle }
                entryByHandle = Array(repeating: -1, count: Int(handles.max() ?? 0) + 1)
                for (k, h) in handles.enumerated() { entryByHandle[Int(h)] = Int32(k) }
            }
            criteria = contest.criteria.map { LedgerName($0.id) }
        }

        func entry(_ name: LedgerName) -> Int? {
            let h = Int(name.handle)
            guard h < entryByHandle.count, entryByHandle[h] >= 0 else { return nil }
            return Int(entryByHandle[h])
        }

        /// A handful of criteria: a scan of numbers beats hashing.
        func criterion(_ name: LedgerName) -> Int? { criteria.firstIndex(of: name) }
    }

    /// One of a judge's events into its sheet. `reopened` holds the locks the chair has reopened
    /// for that judge, nearly always none: the closure that asks it is then one that captures
    /// nothing, which spares reference counts on every event.
    @inline(__always)
    private static func apply(_ e: borrowing LedgerEvent, criterionIndex ci: Int?, to sheet: inout Sheet, entry ei: Int,
                              reopened: [SheetLock: ChairDecision]) -> Sheet.Refused? {
        if reopened.isEmpty {
            return sheet.apply(e, criterionIndex: ci) { _ in nil }
        } else {
            return sheet.apply(e, criterionIndex: ci) { reopened[SheetLock(entry: ei, seq: $0)] }
        }
    }

    /// Brings a sheet up to date with a reopen that came after its last own event.
    @inline(__always)
    private static func settle(_ sheet: inout Sheet, entry ei: Int, reopened: [SheetLock: ChairDecision]) {
        sheet.settle { reopened[SheetLock(entry: ei, seq: $0)] }
    }

    /// A submit or recuse line of a judge's file, by its sheet's entry and its seq.
    struct SheetLock: Hashable, Sendable {
        var entry: Int
        var seq: Int
    }
}
