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

    /// A conflict of interest a chair recorded for a judge, with its ground.
    public struct ChairConflict: Equatable, Sendable {
        public var judge: Int
        public var entry: Int
        public var ground: ConflictGround
        public var decision: ChairDecision
    }

    public let contest: Contest
    /// `rows[judge][entry]`: each judge's sheets, one row per judge in contest order.
    public private(set) var rows: [[Sheet]]
    public private(set) var overrides: [Int: AwardOverride] = [:]
    public private(set) var reopens: [Reopen] = []
    /// By entry index: the chair's eligibility decisions in force.
    public private(set) var eligibility: [Int: EligibilityRuling] = [:]
    /// The last assignment in force, by entry × judge (`[e][j]`: judge j is given entry e);
    /// nil when no chair has assigned: every judge then has every entry.
    public private(set) var assignment: [[Bool]]? = nil
    /// The time of that assignment's line.
    public private(set) var assignmentTime: Int64? = nil
    /// Every assignment in force in turn, in order: its time, its matrix, and by judge how
    /// many lines of the judge's file the checkpoint written with it held (nil: no such
    /// checkpoint). A line past them was written after the assignment, whatever its own time
    /// says: a judge sets the times of their own lines.
    private var assignments: [(time: Int64, matrix: [[Bool]], held: [Int?])] = []
    /// The conflicts of interest the chairs recorded for judges (`conflict` lines), in order:
    /// the judge's sheet for the entry no longer counts, whenever it was written.
    public private(set) var chairConflicts: [ChairConflict] = []
    /// The conflicts by the contest's rules the chairs cleared (`conflict` lines, `clear`),
    /// in order (their `ground` is `other` and means nothing).
    public private(set) var clearedConflicts: [ChairConflict] = []
    /// The chair's method changes, in order; the last is the official method.
    public private(set) var methodChanges: [MethodChange] = []
    /// Every discussion outcome recorded, in order.
    public private(set) var discussed: [Discussed] = []
    /// The checkpoints of the chairs' and the witness's files, in time order.
    public private(set) var checkpoints: [CheckpointLine] = []
    /// Lines that break the rules, in file order (judges' files in contest order, then the chairs').
    public private(set) var violations: [Violation] = []

    /// Where each judge's row stands in that judge's events: what the apply-events path
    /// (`apply(judgeEvents:…)`) goes on from.
    struct JudgeProgress: Sendable {
        /// How many of the judge's events are folded into the row.
        var count = 0
        /// The last of them, to tell a file that was replaced from one that grew.
        var last: LedgerEvent?
        /// The last line whose time was taken: the time check goes on from it.
        var lastTimed: LedgerEvent?
        /// The reader's clock the row was folded at.
        var now: Int64
        /// A line was left out for being dated after `now`: a later clock may take it.
        var refusedFuture = false
        var violations: [Violation] = []
    }

    private let rules: LineRules
    private let names: Names
    private var progress: [JudgeProgress] = []
    /// The locks the chair has reopened, per judge, by entry index and the lock's seq.
    private var reopenedLocks: [[SheetLock: ChairDecision]] = []
    private var chairViolationList: [Violation] = []

    /// The last assignment and the chairs' conflicts as they bear on each judge (nil: neither,
    /// every entry theirs).
    private var givenByJudge: [Given?] {
        contest.judges.indices.map { j in
            var g = Given()
            g.assignments = assignments.map { a in Given.Assignment(time: a.time, entries: a.matrix.map { $0[j] }, held: a.held[j]) }
            for c in chairConflicts where c.judge == j && g.pinned[c.entry] == nil { g.pinned[c.entry] = c.decision.time }
            for c in clearedConflicts where c.judge == j && g.cleared[c.entry] == nil { g.cleared[c.entry] = c.decision.time }
            return g.assignments.isEmpty && g.pinned.isEmpty && g.cleared.isEmpty ? nil : g
        }
    }

    /// An assignment as it bears on one judge: when it was made, and the entries (by index)
    /// given to the judge; and the entries a chair recorded the judge in conflict with, from
    /// when. A judge's line for another entry, or (but a recusal) for such an entry, written
    /// after it, is a violation.
    struct Given: Equatable, Sendable {
        /// One assignment as it bears on the judge. `held`: how many of the judge's lines the
        /// checkpoint written with it held; the lines after them came later, however dated.
        struct Assignment: Equatable, Sendable {
            var time: Int64
            var entries: [Bool]
            var held: Int?
        }
        /// Every assignment in order; a line answers to the last one written before it.
        var assignments: [Assignment] = []
        var pinned: [Int: Int64] = [:]
        /// The entries whose conflict by the rules a chair cleared, from when.
        var cleared: [Int: Int64] = [:]

        /// Whether a line for entry `ei` at time `t` comes after a chair cleared the rules' conflict.
        func clears(_ ei: Int?, at t: Int64) -> Bool {
            guard let ei, let from = cleared[ei] else { return false }
            return t > from
        }

        /// The last assignment and the conflicts among a judge's delivered chair lines, or nil.
        static func of(contest: Contest, judgeID: String, chairEvents: [LedgerEvent]) -> Given? {
            guard let j = contest.judgeIndex(judgeID) else { return nil }
            var g = Given()
            for a in chairEvents where a.kind == .assign && contest.isChair(a.actor) && !a.nonCanonical {
                g.assignments.append(Assignment(time: a.time, entries: SheetBook.assignmentMatrix(a.pairs ?? [], contest: contest).map { $0[j] }, held: nil))
            }
            for e in chairEvents where e.kind == .conflict && e.judge == judgeID && contest.isChair(e.actor) && !e.nonCanonical {
                guard let ei = contest.entryIndex(e.entry) else { continue }
                if e.outcome == Conflicts.clear {
                    if g.cleared[ei] == nil { g.cleared[ei] = e.time }
                } else if g.pinned[ei] == nil, ConflictGround(rawValue: e.outcome ?? "") != nil {
                    g.pinned[ei] = e.time
                }
            }
            return g.assignments.isEmpty && g.pinned.isEmpty && g.cleared.isEmpty ? nil : g
        }

        /// Why judge `judge`'s line `e` for entry `ei` is refused by the assignment or a chair's conflict, or nil.
        func problem(_ e: borrowing LedgerEvent, entry ei: Int, judge: String) -> Phrase? {
            if let t = pinned[ei], e.time > t, e.kind != .recuse {
                return Phrase("เขียนให้ผลงาน \(e.entry) หลังจากที่ประธานกรรมการแจ้งไว้เมื่อ \(Timestamp.format(t)) ว่า \(judge) มีส่วนได้เสียกับผลงานนี้",
                              "written for \(e.entry) after a chair recorded, at \(Timestamp.format(t)), that \(judge) is in conflict of interest with it")
            }
            // The assignment in force when the line was written: a later one neither blesses
            // nor condemns it.
            guard let a = assignments.last(where: { e.time > $0.time || $0.held.map { e.seq > $0 } == true }), !a.entries[ei] else { return nil }
            if e.time > a.time {
                return Phrase("เขียนให้ผลงาน \(e.entry) หลังการมอบหมายเมื่อ \(Timestamp.format(a.time)) ซึ่งไม่ได้มอบหมายผลงานนี้ให้ \(judge)",
                              "written for \(e.entry) after the assignment of \(Timestamp.format(a.time)), which does not give it to \(judge)")
            }
            return Phrase("เขียนให้ผลงาน \(e.entry) หลังการมอบหมายเมื่อ \(Timestamp.format(a.time)) ซึ่งไม่ได้มอบหมายผลงานนี้ให้ \(judge): "
                          + "จุดตรวจที่เขียนพร้อมการมอบหมายมีบรรทัดของแฟ้มนี้ \(a.held ?? 0) บรรทัด แม้บรรทัดนี้ลงเวลาก่อนนั้น",
                          "written for \(e.entry) after the assignment of \(Timestamp.format(a.time)), which does not give it to \(judge): "
                          + "the checkpoint written with the assignment held \(a.held ?? 0) line(s) of the file, though this line is dated before it")
        }
    }

    /// `chairFiles` names each chair event's file (`ChairStream`), and `chairViolations` are
    /// the lines the stream already refused (a decision in a file its actor cannot write).
    /// `now` is the reader's clock, which no line's time may be far after (`LineTimes`).
    /// This is the full fold: the reference `apply(judgeEvents:…)` is held to.
    public init(contest: Contest, judgeEvents: [[LedgerEvent]], chairEvents: [LedgerEvent], chairFiles: [String] = [],
                chairViolations streamViolations: [Violation] = [], now: Int64 = Timestamp.nowMillis()) {
        self.contest = contest
        rules = LineRules(contest)
        names = Names(contest)
        rows = []
        foldChair(judgeEvents: judgeEvents, chairEvents: chairEvents, chairFiles: chairFiles, streamViolations: streamViolations, now: now)
        // Each judge's sheets depend on that judge's events and the chair's reopens alone,
        // so the judges are folded on all cores at once, each into its own row.
        let (contest, rules, names, locks, given) = (contest, rules, names, reopenedLocks, givenByJudge)
        let folded = Parallel.each(contest.judges.count) { j -> ([Sheet], JudgeProgress) in
            SheetBook.foldJudge(j, contest: contest, rules: rules, names: names, events: j < judgeEvents.count ? judgeEvents[j] : [],
                                reopened: locks[j], given: given[j], now: now)
        }
        rows = folded.map(\.0)
        progress = folded.map(\.1)
        violations = progress.flatMap(\.violations) + chairViolationList
    }

    /// The book as a full fold of these events would make it, from the book folded before
    /// (`self`), when each judge's events are the ones folded then with new ones after them:
    /// only the new events are folded. The chairs' lines, few, are folded again whole; a judge
    /// whose reopened locks changed, whose file is no longer the one folded (fewer lines, or a
    /// different line where the last folded one was), or who had a line refused as dated
    /// after a clock that has since moved on, is folded again from the start.
    public mutating func apply(judgeEvents: [[LedgerEvent]], chairEvents: [LedgerEvent], chairFiles: [String] = [],
                               chairViolations streamViolations: [Violation] = [], now: Int64 = Timestamp.nowMillis()) {
        let lockedBefore = reopenedLocks, givenBefore = givenByJudge
        foldChair(judgeEvents: judgeEvents, chairEvents: chairEvents, chairFiles: chairFiles, streamViolations: streamViolations, now: now)
        var again: [Int] = []
        for j in contest.judges.indices {
            let events = j < judgeEvents.count ? judgeEvents[j] : []
            let p = progress[j]
            let grew = events.count >= p.count && (p.count == 0 || events[p.count - 1] == p.last)
            if reopenedLocks[j] != lockedBefore[j] || givenByJudge[j] != givenBefore[j] || !grew || now < p.now || (p.refusedFuture && now != p.now) {
                again.append(j)
            } else if events.count > p.count {
                SheetBook.foldJudge(j, contest: contest, rules: rules, names: names, events: events, reopened: reopenedLocks[j],
                                    given: givenByJudge[j], now: now, into: &rows[j], progress: &progress[j])
            }
        }
        if !again.isEmpty {
            let (contest, rules, names, locks, again, given) = (contest, rules, names, reopenedLocks, again, givenByJudge)
            let folded = Parallel.each(again.count) { k -> ([Sheet], JudgeProgress) in
                let j = again[k]
                return SheetBook.foldJudge(j, contest: contest, rules: rules, names: names, events: j < judgeEvents.count ? judgeEvents[j] : [],
                                           reopened: locks[j], given: given[j], now: now)
            }
            for (k, j) in again.enumerated() { (rows[j], progress[j]) = folded[k] }
        }
        violations = progress.flatMap(\.violations) + chairViolationList
    }

    /// `apply(judgeEvents:…)` with the ledger as read now.
    public mutating func apply(ledger: Ledger, now: Int64 = Timestamp.nowMillis()) {
        let chairs = ledger.chairStream
        apply(judgeEvents: ledger.judgeFiles.map { $0.events }, chairEvents: chairs.events, chairFiles: chairs.files,
              chairViolations: chairs.violations, now: now)
    }

    /// The chairs' lines, folded whole: every decision and checkpoint, and the locks reopened.
    private mutating func foldChair(judgeEvents: [[LedgerEvent]], chairEvents: [LedgerEvent], chairFiles: [String],
                                    streamViolations: [Violation], now: Int64) {
        overrides = [:]
        reopens = []
        eligibility = [:]
        methodChanges = []
        discussed = []
        checkpoints = []
        assignment = nil
        assignmentTime = nil
        assignments = []
        chairConflicts = []
        clearedConflicts = []
        var cleared = Set<LineRules.Cleared>()
        var reopenedLocks = [[SheetLock: ChairDecision]](repeating: [:], count: contest.judges.count)
        var chairViolations = streamViolations
        let untimely = SheetBook.formAndTimeProblems(chairEvents, files: chairFiles, now: now)
        for (k, e) in chairEvents.enumerated() {
            let file = k < chairFiles.count ? chairFiles[k] : ContestParser.chairFileName
            if let problem = untimely[k] ?? rules.chairProblem(e, judgeEvents: judgeEvents, cleared: cleared) {
                chairViolations.append(Violation(file: file, seq: e.seq, words: problem))
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
            case .assign:
                assignment = SheetBook.assignmentMatrix(e.pairs ?? [], contest: contest)
                assignmentTime = e.time
                var held = [Int?](repeating: nil, count: contest.judges.count)
                // The chair's writer appends the assignment and its checkpoint as one write.
                if k + 1 < chairEvents.count, case let next = chairEvents[k + 1], next.kind == .checkpoint, next.actor == e.actor,
                   next.time == e.time, next.seq == e.seq + 1, (k + 1 < chairFiles.count ? chairFiles[k + 1] : file) == file,
                   untimely[k + 1] == nil, let heads = next.checkpoint?.heads {
                    held = contest.judges.map { j in heads.first { $0.file == j.id }?.lines }
                }
                assignments.append((e.time, assignment!, held))
            case .conflict:
                let c = ChairConflict(judge: contest.judgeIndex(e.judge ?? "")!, entry: contest.entryIndex(e.entry)!,
                                      ground: ConflictGround(rawValue: e.outcome ?? "") ?? .other, decision: decision)
                if e.outcome == Conflicts.clear {
                    clearedConflicts.append(c)
                    cleared.insert(LineRules.Cleared(judge: e.judge ?? "", entry: c.entry))
                } else {
                    chairConflicts.append(c)
                }
            case .discussed:
                discussed.append(Discussed(topic: DiscussionTopic(rawValue: e.topic ?? "")!, entry: e.entry, judge: e.judge,
                                           outcome: DiscussionOutcome(rawValue: e.outcome ?? "")!, decision: decision))
            default:
                break
            }
        }
        self.reopenedLocks = reopenedLocks
        chairViolationList = chairViolations
    }

    /// Judge `j`'s row folded from the start.
    fileprivate static func foldJudge(_ j: Int, contest: Contest, rules: LineRules, names: Names, events: [LedgerEvent],
                                  reopened: [SheetLock: ChairDecision], given: Given? = nil, now: Int64) -> ([Sheet], JudgeProgress) {
        // Empty sheets share one array of scores until each is first written: one array
        // per judge, so that two cores never count references on the same one.
        var row = [Sheet](repeating: Sheet(criteria: contest.criteria.count), count: contest.entries.count)
        var progress = JudgeProgress(now: now)
        foldJudge(j, contest: contest, rules: rules, names: names, events: events, reopened: reopened, given: given, now: now,
                  into: &row, progress: &progress)
        return (row, progress)
    }

    /// Folds judge `j`'s events after `progress.count` into the row, and moves `progress` on.
    fileprivate static func foldJudge(_ j: Int, contest: Contest, rules: LineRules, names: Names, events: [LedgerEvent],
                                  reopened: [SheetLock: ChairDecision], given: Given? = nil, now: Int64, into row: inout [Sheet],
                                  progress: inout JudgeProgress) {
        guard progress.count < events.count else { return }
        let judge = contest.judges[j]
        let judgeName = LedgerName(judge.id)
        // The time check goes on from the last line it took, at the reader's clock now.
        var times = LineTimes(now: now)
        if let last = progress.lastTimed { _ = times.problem(last) }
        var lastTimed = progress.lastTimed
        // A judge's lines come a sheet at a time: the last entry's index is nearly always
        // the next one's.
        var lastEntry: LedgerName? = nil, lastIndex: Int? = nil
        var touched: [Int] = []
        for e in events[progress.count...] {
            if let problem = times.problem(e) {
                if e.time > now + LineTimes.skew { progress.refusedFuture = true }
                progress.violations.append(Violation(file: judge.id, seq: e.seq, words: problem))
                continue
            }
            lastTimed = e
            if e.entryName != lastEntry {
                lastEntry = e.entryName
                lastIndex = names.entry(e.entryName)
            }
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if let problem = rules.judgeProblem(e, judge: judgeName, entryIndex: lastIndex, criterionIndex: ci,
                                                cleared: given?.clears(lastIndex, at: e.time) ?? false) {
                progress.violations.append(Violation(file: judge.id, seq: e.seq, words: problem))
                continue
            }
            let ei = lastIndex!
            if let problem = given?.problem(e, entry: ei, judge: judge.id) {
                progress.violations.append(Violation(file: judge.id, seq: e.seq, words: problem))
                continue
            }
            if !reopened.isEmpty { touched.append(ei) }
            if let refused = SheetBook.apply(e, criterionIndex: ci, to: &row[ei], entry: ei, reopened: reopened) {
                progress.violations.append(Violation(file: judge.id, seq: e.seq, words: LineRules.describe(refused, entry: e.entry)))
            }
        }
        if !reopened.isEmpty {
            // The rest were settled when they were last folded, with the same reopens.
            let all = progress.count == 0
            for ei in all ? Array(row.indices) : touched { SheetBook.settle(&row[ei], entry: ei, reopened: reopened) }
        }
        progress.count = events.count
        progress.last = events.last
        progress.lastTimed = lastTimed
        progress.now = now
    }

    /// An assignment's pairs by entry × judge (ids not in the contest are passed over: the
    /// line's rules are checked before).
    public static func assignmentMatrix(_ pairs: [AssignedEntry], contest: Contest) -> [[Bool]] {
        var m = [[Bool]](repeating: [Bool](repeating: false, count: contest.judges.count), count: contest.entries.count)
        for p in pairs {
            guard let e = contest.entryIndex(p.entry) else { continue }
            for j in p.judges { if let j = contest.judgeIndex(j) { m[e][j] = true } }
        }
        return m
    }

    /// The last `assign` line of a chair stream (unchecked), or nil.
    public static func lastAssignment(_ chairEvents: [LedgerEvent]) -> LedgerEvent? {
        chairEvents.last { $0.kind == .assign }
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
    static func formAndTimeProblems(_ events: [LedgerEvent], files: [String], now: Int64) -> [Int: Phrase] {
        var byFile: [String: [Int]] = [:]
        for k in events.indices { byFile[k < files.count ? files[k] : "", default: []].append(k) }
        var problems: [Int: Phrase] = [:]
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
        let reopened = judgeReopens(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        let given = Given.of(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        var sheets = Array(repeating: Sheet(criteria: contest.criteria.count), count: contest.entries.count)
        var violations: [Violation] = []
        let names = Names(contest)
        let judgeName = LedgerName(judgeID)
        var times = LineTimes(now: now)
        for e in judgeEvents {
            if let problem = times.problem(e) {
                violations.append(Violation(file: judgeID, seq: e.seq, words: problem))
                continue
            }
            let ei = names.entry(e.entryName)
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if let problem = rules.judgeProblem(e, judge: judgeName, entryIndex: ei, criterionIndex: ci, cleared: given?.clears(ei, at: e.time) ?? false) {
                violations.append(Violation(file: judgeID, seq: e.seq, words: problem))
                continue
            }
            if let problem = given?.problem(e, entry: ei!, judge: judgeID) {
                violations.append(Violation(file: judgeID, seq: e.seq, words: problem))
                continue
            }
            if let refused = apply(e, criterionIndex: ci, to: &sheets[ei!], entry: ei!, reopened: reopened) {
                violations.append(Violation(file: judgeID, seq: e.seq, words: LineRules.describe(refused, entry: e.entry)))
            }
        }
        if !reopened.isEmpty {
            for ei in sheets.indices { settle(&sheets[ei], entry: ei, reopened: reopened) }
        }
        return (sheets, violations)
    }

    /// The locks of judge `judgeID`'s sheets that the chairs' lines delivered to them reopen.
    static func judgeReopens(contest: Contest, judgeID: String, chairEvents: [LedgerEvent]) -> [SheetLock: ChairDecision] {
        var reopened: [SheetLock: ChairDecision] = [:]
        for e in chairEvents where e.kind == .reopen && e.judge == judgeID && contest.isChair(e.actor) && !e.nonCanonical {
            if let ref = e.ref, let ei = contest.entryIndex(e.entry) {
                reopened[SheetLock(entry: ei, seq: ref)] = ChairDecision(seq: e.seq, time: e.time, actor: e.actor, reason: e.text ?? "")
            }
        }
        return reopened
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
        let given = SheetBook.Given.of(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        // Every line's time is checked, in order, as the readers do: a line left out of their
        // sheets is left out of the writer's.
        var times = LineTimes(now: now)
        for e in judgeEvents {
            if times.problem(e) != nil || e.entryName != entry { continue }
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if rules.judgeProblem(e, judge: judgeName, entryIndex: ei, criterionIndex: ci, cleared: given?.clears(ei, at: e.time) ?? false) != nil { continue }
            if given?.problem(e, entry: ei, judge: judgeID) != nil { continue }
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

/// One judge's sheets as the workstation holds them: `SheetBook.judgeFold` (the reference),
/// kept up to date by folding only the events that came after the ones folded.
public struct JudgeFold: Sendable {
    public let contest: Contest
    public let judgeID: String
    public private(set) var sheets: [Sheet]
    public var violations: [Violation] { progress.violations }
    private let judge: Int
    private let rules: LineRules
    private let names: SheetBook.Names
    private var progress: SheetBook.JudgeProgress
    private var reopened: [SheetBook.SheetLock: SheetBook.ChairDecision]
    private var given: SheetBook.Given?

    public init(contest: Contest, judgeID: String, judgeEvents: [LedgerEvent], chairEvents: [LedgerEvent],
                now: Int64 = Timestamp.nowMillis()) {
        self.contest = contest
        self.judgeID = judgeID
        judge = contest.judgeIndex(judgeID)!
        rules = LineRules(contest)
        names = SheetBook.Names(contest)
        reopened = SheetBook.judgeReopens(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        given = SheetBook.Given.of(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        (sheets, progress) = SheetBook.foldJudge(judge, contest: contest, rules: rules, names: names, events: judgeEvents,
                                                 reopened: reopened, given: given, now: now)
    }

    /// The sheets as `SheetBook.judgeFold` would make them of these events: only the events
    /// after those folded before are folded, unless the reopens changed, the file is no
    /// longer the one folded, or a line dated after an earlier clock was left out; then the
    /// judge's file is folded again from the start. Returns whether it was.
    @discardableResult
    public mutating func apply(judgeEvents events: [LedgerEvent], chairEvents: [LedgerEvent], now: Int64 = Timestamp.nowMillis()) -> Bool {
        let reopens = SheetBook.judgeReopens(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        let givenNow = SheetBook.Given.of(contest: contest, judgeID: judgeID, chairEvents: chairEvents)
        let p = progress
        let grew = events.count >= p.count && (p.count == 0 || events[p.count - 1] == p.last)
        if reopens != reopened || givenNow != given || !grew || now < p.now || (p.refusedFuture && now != p.now) {
            reopened = reopens
            given = givenNow
            (sheets, progress) = SheetBook.foldJudge(judge, contest: contest, rules: rules, names: names, events: events,
                                                     reopened: reopened, given: given, now: now)
            return true
        }
        SheetBook.foldJudge(judge, contest: contest, rules: rules, names: names, events: events, reopened: reopened,
                            given: given, now: now, into: &sheets, progress: &progress)
        return false
    }
}
