/// A ledger line whose hash is valid but which breaks the contest's rules. It is left out of
/// every sheet and score, and every report and screen says so.
public struct Violation: Equatable, Sendable {
    /// The ledger file's name (`LedgerFile.name`): a judge id, `chairs/<login>`, …
    public var file: String
    /// The line's seq (its line number in the file).
    public var seq: Int
    public var message: String

    public init(file: String, seq: Int, message: String) {
        self.file = file
        self.seq = seq
        self.message = message
    }

    /// "ledger/j1/j1.jsonl:17: message"
    public var description: String { "\(Ledger.displayPath(ofFile: file)):\(seq): \(message)" }
}

/// The rules each ledger line must keep, as a reader checks them: the same rules the writer
/// checks (`Rules`) before a line is written, so that a line written by anything else, or
/// written before contest.json was changed, cannot count when it breaks them.
struct LineRules: Sendable {
    let contest: Contest
    let maxima: [Double]
    let step: Double
    /// By judge, by entry index: the conflicts of interest the contest's rules give.
    let conflicts: [LedgerName: [Int: Contest.ConflictRule]]

    init(_ contest: Contest) {
        self.contest = contest
        maxima = contest.criteria.map(\.max)
        step = contest.step
        var conflicts: [LedgerName: [Int: Contest.ConflictRule]] = [:]
        for c in Conflicts.computed(contest) {
            if case .rule(let r) = c.cause { conflicts[LedgerName(contest.judges[c.judge].id), default: [:]][c.entry] = r }
        }
        self.conflicts = conflicts
    }

    /// Why a line of judge `judge`'s file breaks the rules before it reaches a sheet, or nil.
    /// `conflict`: the rule by which the judge may not judge the line's entry (a recusal is
    /// the one line such a judge may write for it).
    @inline(__always)
    func judgeProblem(_ e: borrowing LedgerEvent, judge: LedgerName, entryIndex: Int?, criterionIndex ci: Int?,
                      conflict: Contest.ConflictRule? = nil, cleared: Bool = false) -> String? {
        if e.actorName != judge { return "written as \(e.actor), in the file of judge \(judge.text)" }
        switch e.kind {
        case .score, .clear, .note, .submit, .recuse: break
        case .reopen, .award, .checkpoint, .eligibility, .method, .discussed, .advance, .assign, .fork, .conflict:
            return "a \(e.kind.rawValue) does not belong in a judge's file"
        }
        if entryIndex == nil { return "entry \"\(e.entry)\" is not in the contest" }
        let conflict = cleared ? nil : conflict ?? (conflicts.isEmpty ? nil : entryIndex.flatMap { conflicts[judge]?[$0] })
        if let conflict, e.kind != .recuse {
            return "written for \(e.entry), from which \(judge.text) is kept by a conflict of interest: "
                + Conflicts.describe(conflict, entry: contest.entries[entryIndex!]).english
        }
        if let u = e.undoes, u < 1 || u >= e.seq { return "undoes line \(u), which does not come before it" }
        if e.criterionName != nil && ci == nil { return "criterion \"\(e.criterion ?? "")\" is not in the contest" }
        switch e.kind {
        case .score:
            guard let c = ci, let v = e.value else { return "a score with no criterion" }
            if let problem = Rules.valueProblem(v, max: maxima[c], step: step) { return "\(contest.criteria[c].id) = \(JSONWriter.numberText(v)): \(problem)" }
        case .clear:
            if ci == nil { return "a clear with no criterion" }
        case .recuse:
            if (e.text ?? "").trimmingSpaces.isEmpty { return "a recusal with no reason" }
            if let ground = e.outcome, ConflictGround(rawValue: ground) == nil {
                return "a recusal on the ground \"\(ground)\", which is none of \(ConflictGround.allCases.map(\.rawValue).joined(separator: ", "))"
            }
        default:
            break
        }
        return nil
    }

    /// Why an assignment's pairs break the rules (an unknown entry or judge, a pair in conflict
    /// by the contest's rules, an entry or a judge named twice), or nil.
    func assignmentProblem(_ pairs: [AssignedEntry], cleared: Set<Cleared> = []) -> String? {
        var seen = Set<String>()
        for p in pairs {
            guard let ei = contest.entryIndex(p.entry) else { return "entry \"\(p.entry)\" is not in the contest" }
            if !seen.insert(p.entry).inserted { return "entry \(p.entry) is assigned twice" }
            var judges = Set<String>()
            for j in p.judges {
                guard contest.judgeIndex(j) != nil else { return "judge \"\(j)\" is not in the contest" }
                if !judges.insert(j).inserted { return "judge \(j) is given \(p.entry) twice" }
                if let rule = conflicts[LedgerName(j)]?[ei], !cleared.contains(Cleared(judge: j, entry: ei)) {
                    return "gives \(p.entry) to \(j), who is kept from it by a conflict of interest: "
                        + Conflicts.describe(rule, entry: contest.entries[ei]).english
                }
            }
        }
        return nil
    }

    /// A conflict by the contest's rules that a chair cleared (a `conflict` line, `clear`).
    struct Cleared: Hashable, Sendable {
        var judge: String
        var entry: Int
    }

    /// The pairs the chairs' lines among `chairEvents` clear of the rules' conflicts.
    static func cleared(_ chairEvents: [LedgerEvent], contest: Contest) -> Set<Cleared> {
        Set(chairEvents.compactMap { e in
            guard e.kind == .conflict, e.outcome == Conflicts.clear, contest.isChair(e.actor), !e.nonCanonical,
                  let ei = contest.entryIndex(e.entry), let j = e.judge else { return nil }
            return Cleared(judge: j, entry: ei)
        })
    }

    static func describe(_ refused: Sheet.Refused, entry: String) -> String {
        switch refused {
        case .submitted: return "changes the submitted sheet of \(entry) with no reopen by a chair"
        case .recused: return "changes the sheet of \(entry) after a recusal, with no reopen by a chair"
        case .incomplete: return "submits \(entry) before every criterion is scored"
        }
    }

    /// Why a line of the chair's file breaks the rules, or nil. A reopen is checked against
    /// the judge's file when it was read (`judgeEvents` holds the judges' events in contest
    /// order; an empty list for a file not read).
    func chairProblem(_ e: LedgerEvent, judgeEvents: [[LedgerEvent]], cleared: Set<Cleared> = []) -> String? {
        switch e.kind {
        case .reopen, .award:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "a \(e.kind.rawValue) with no reason" }
            guard let ei = contest.entryIndex(e.entry) else { return "entry \"\(e.entry)\" is not in the contest" }
            if e.kind == .award {
                let tier = e.tier ?? ""
                if tier != Contest.noAward && tier != Contest.proposedAward && !contest.awards.contains(where: { $0.id == tier }) {
                    return "award tier \"\(tier)\" is not in the contest"
                }
                return nil
            }
            guard let judgeID = e.judge, let j = contest.judgeIndex(judgeID) else { return "judge \"\(e.judge ?? "")\" is not in the contest" }
            guard let ref = e.ref else { return "a reopen with no line" }
            if j < judgeEvents.count {
                let events = judgeEvents[j]
                let entryID = contest.entries[ei].id
                guard ref >= 1, ref <= events.count, events[ref - 1].seq == ref, events[ref - 1].entry == entryID,
                      events[ref - 1].kind == .submit || events[ref - 1].kind == .recuse else {
                    return "reopens line \(ref) of \(judgeID)'s file, which is not a submit or recuse of \(entryID)"
                }
            }
            return nil
        case .eligibility, .method, .discussed:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "a \(e.kind.rawValue) decision with no reason" }
            let outcome = e.outcome ?? ""
            switch e.kind {
            case .eligibility:
                if contest.entryIndex(e.entry) == nil { return "entry \"\(e.entry)\" is not in the contest" }
                if !["pass", "fail", Contest.proposedAward].contains(outcome) { return "eligibility outcome \"\(outcome)\" is not pass, fail or auto" }
            case .method:
                if Method(rawValue: outcome) == nil { return "method \"\(outcome)\" is not mean, median, trimmed or normalised" }
            default:
                guard let topic = DiscussionTopic(rawValue: e.topic ?? "") else { return "topic \"\(e.topic ?? "")\" is not a kind of discussion item" }
                if topic == .pattern {
                    if contest.judgeIndex(e.judge ?? "") == nil { return "judge \"\(e.judge ?? "")\" is not in the contest" }
                } else if contest.entryIndex(e.entry) == nil {
                    return "entry \"\(e.entry)\" is not in the contest"
                }
                if DiscussionOutcome(rawValue: outcome) == nil { return "outcome \"\(outcome)\" is not kept, changed or reopened" }
            }
            return nil
        case .fork:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "a fork resolved with no reason" }
            if contest.judgeIndex(e.judge ?? "") == nil { return "judge \"\(e.judge ?? "")\" is not in the contest" }
            if !["mine", "theirs", "both"].contains(e.outcome ?? "") { return "a fork kept \"\(e.outcome ?? "")\", not mine, theirs or both" }
            let set = e.topic ?? ""
            if set.utf8.count != 64 || !set.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
                return "a fork's side set aside is not a line's hash (64 hex digits)"
            }
            return nil
        case .assign:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "an assignment with no reason" }
            return assignmentProblem(e.pairs ?? [], cleared: cleared)
        case .checkpoint:
            return nil
        case .advance:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "an advance with no reason" }
            let ids = e.advancedEntries
            if ids.isEmpty || ids.contains(where: { contest.entryIndex($0) == nil }) { return "an advance names an entry not in the contest" }
            if Set(ids).count != ids.count { return "an advance names an entry twice" }
            return nil
        case .conflict:
            if !contest.isChair(e.actor) { return "by \(e.actor), who is not a chair of this contest" }
            if (e.text ?? "").trimmingSpaces.isEmpty { return "a conflict with no reason" }
            if contest.entryIndex(e.entry) == nil { return "entry \"\(e.entry)\" is not in the contest" }
            if contest.judgeIndex(e.judge ?? "") == nil { return "judge \"\(e.judge ?? "")\" is not in the contest" }
            if e.outcome == Conflicts.clear {
                if conflicts[LedgerName(e.judge ?? "")]?[contest.entryIndex(e.entry)!] == nil {
                    return "clears a conflict of \(e.judge ?? "") with \(e.entry) that the contest's rules do not give"
                }
                return nil
            }
            if ConflictGround(rawValue: e.outcome ?? "") == nil {
                return "a conflict on the ground \"\(e.outcome ?? "")\", which is none of \(ConflictGround.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            return nil
        case .score, .clear, .note, .submit, .recuse:
            return "a \(e.kind.rawValue) does not belong in the chair's file"
        }
    }
}

/// What a reader checks of each line before its meaning: that it is in canonical form, and
/// that its time can be trusted (docs/ledger.md, "A line's form and time"). One per file,
/// fed the file's lines in order. A line at fault is a violation: left out of every sheet,
/// score and statistic, and its time moves nothing on.
struct LineTimes: Sendable {
    /// 2023-01-01T00:00:00.000Z: earlier than any Khanaen ledger. contest.json records no
    /// moment the contest was made, and a folder's own creation time is not kept by a copy
    /// or a restore from backup, so the floor is fixed; the times after a file's first line
    /// are held to it by never going back.
    static let floor: Int64 = 1_672_531_200_000
    /// How far after the reader's clock a line may be dated: another machine's clock, or
    /// this one's, may be a little off.
    static let skew: Int64 = 5 * 60_000

    /// The reader's clock when it read the file.
    let now: Int64
    /// The latest time of a line taken so far.
    private(set) var latest: Int64?

    init(now: Int64) { self.now = now }

    /// Why line `e` cannot be taken before its meaning is looked at, or nil; takes its time.
    mutating func problem(_ e: borrowing LedgerEvent) -> String? {
        if e.nonCanonical {
            return "not written as Khanaen writes a line (members in order with no spaces, numbers in their shortest form, "
                + "only the escapes needed): it is not the event it reads as"
        }
        let t = e.time
        if t < LineTimes.floor {
            return "dated \(Timestamp.format(t)), before \(Timestamp.format(LineTimes.floor)), earlier than any Khanaen ledger"
        }
        if t > now + LineTimes.skew {
            return "dated \(Timestamp.format(t)), more than 5 minutes after the time it was read (\(Timestamp.format(now)))"
        }
        if let latest, t < latest {
            return "dated \(Timestamp.format(t)), earlier than a line before it in the file (\(Timestamp.format(latest))): a file's times never go back"
        }
        latest = t
        return nil
    }
}
