/// A change the rules do not allow: the message says which and why. Nothing is written.
public struct Refusal: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a judge and the chair may write, checked against the ledger as it is at the moment
/// of writing (inside the file's lock), so that two terminals cannot both get their way.
public enum Rules {
    /// Checks a judge's changes, in order, against their sheets.
    public static func checkJudge(_ drafts: [LedgerEvent], judgeID: String, contest: Contest,
                                  ownEvents: [LedgerEvent], chairEvents: [LedgerEvent]) throws {
        guard contest.judgeIndex(judgeID) != nil else { throw Refusal("no judge has id \"\(judgeID)\"") }
        var pending = ownEvents
        var nextSeq = (ownEvents.last?.seq ?? 0) + 1
        for draft in drafts {
            guard contest.entryIndex(draft.entry) != nil else { throw Refusal("no entry has id \"\(draft.entry)\"") }
            let sheet = SheetBook.foldSheet(contest: contest, judgeID: judgeID, entryID: draft.entry,
                                            judgeEvents: pending, chairEvents: chairEvents)
            try checkOne(draft, sheet: sheet, contest: contest)
            var e = draft
            e.seq = nextSeq
            nextSeq += 1
            pending.append(e)
        }
    }

    private static func checkOne(_ e: LedgerEvent, sheet: Sheet, contest: Contest) throws {
        switch sheet.status {
        case .submitted: throw Refusal("the sheet for \(e.entry) is submitted; only the chair can reopen it")
        case .recused: throw Refusal("you have recused yourself from \(e.entry); only the chair can reopen the sheet")
        default: break
        }
        func criterion() throws -> Int {
            guard let id = e.criterion, let c = contest.criterionIndex(id) else {
                throw Refusal("no criterion has id \"\(e.criterion ?? "")\"")
            }
            return c
        }
        switch e.kind {
        case .score:
            let c = try criterion()
            guard let v = e.value else { throw Refusal("\(contest.criteria[c].id): no value") }
            try checkValue(v, criterion: contest.criteria[c], contest: contest)
        case .clear:
            _ = try criterion()
        case .note:
            if e.criterion != nil { _ = try criterion() }
        case .submit:
            let missing = contest.criteria.indices.filter { sheet.scores[$0] == nil }.map { contest.criteria[$0].id }
            if !missing.isEmpty { throw Refusal("cannot submit \(e.entry): \(missing.joined(separator: ", ")) not scored yet") }
        case .recuse:
            if (e.text ?? "").trimmingSpaces.isEmpty { throw Refusal("a recusal needs a reason") }
        case .reopen, .award, .checkpoint, .eligibility, .method, .discussed:
            throw Refusal("\(e.kind.rawValue) is a chair action")
        }
    }

    /// A score must lie in [0, max] and be a whole number of steps.
    public static func checkValue(_ v: Double, criterion: Contest.Criterion, contest: Contest) throws {
        if let problem = valueProblem(v, max: criterion.max, step: contest.step) {
            throw Refusal("\(criterion.id)=\(JSONWriter.numberText(v)): \(problem)")
        }
    }

    /// Why a score breaks the rules, or nil: what the writer refuses and the reader reports.
    @inline(__always)
    static func valueProblem(_ v: Double, max: Double, step: Double) -> String? {
        if !v.isFinite || v < 0 { return "a score cannot be negative" }
        if v > max + 1e-9 { return "above the maximum of \(JSONWriter.numberText(max))" }
        let k = v / step
        if abs(k - k.rounded()) >= 1e-9 { return "not a multiple of the step \(JSONWriter.numberText(step))" }
        return nil
    }

    /// Checks a chair action against the judges' ledgers and fills in what it needs
    /// (a reopen's `ref`). Returns the event to write.
    public static func checkChair(_ draft: LedgerEvent, contest: Contest, judgeEvents: [[LedgerEvent]],
                                  chairEvents: [LedgerEvent]) throws -> LedgerEvent {
        guard contest.chairs.contains(draft.actor) else { throw Refusal("\"\(draft.actor)\" is not a chair of this contest") }
        if (draft.text ?? "").trimmingSpaces.isEmpty { throw Refusal("a chair action needs a reason") }
        var e = draft
        if [.eligibility, .method, .discussed].contains(draft.kind) {
            if let problem = LineRules(contest).chairProblem(draft, judgeEvents: judgeEvents) { throw Refusal(problem) }
            return e
        }
        guard let ei = contest.entryIndex(draft.entry) else { throw Refusal("no entry has id \"\(draft.entry)\"") }
        switch draft.kind {
        case .reopen:
            guard let judgeID = draft.judge, let j = contest.judgeIndex(judgeID) else { throw Refusal("no judge has id \"\(draft.judge ?? "")\"") }
            let sheet = SheetBook.foldSheet(contest: contest, judgeID: judgeID, entryID: contest.entries[ei].id,
                                            judgeEvents: judgeEvents[j], chairEvents: chairEvents)
            guard sheet.isLocked, let seq = sheet.lockSeq else {
                throw Refusal("the sheet of \(judgeID) for \(draft.entry) is not submitted or recused; there is nothing to reopen")
            }
            e.ref = seq
        case .award:
            guard let tier = draft.tier else { throw Refusal("an award needs a tier") }
            if tier != Contest.noAward && tier != Contest.proposedAward && !contest.awards.contains(where: { $0.id == tier }) {
                let ids = contest.awards.map { $0.id } + [Contest.noAward, Contest.proposedAward]
                throw Refusal("no award tier has id \"\(tier)\" (one of: \(ids.joined(separator: ", ")))")
            }
        default:
            throw Refusal("\(draft.kind.rawValue) is not a chair action")
        }
        return e
    }
}

extension Ledger {
    /// Validates and durably appends a judge's changes; returns them as written.
    @discardableResult
    public func appendJudge(_ judgeID: String, _ drafts: [LedgerEvent], time: Int64 = Timestamp.nowMillis()) throws -> [LedgerEvent] {
        guard let file = file(forJudge: judgeID) else { throw Refusal("no judge has id \"\(judgeID)\"") }
        try chairFile.refresh()
        let chairEvents = chairFile.events
        let contest = self.contest
        let stamped = drafts.map { d -> LedgerEvent in var e = d; e.actor = judgeID; return e }
        return try file.append(stamped, time: time) { own in
            try Rules.checkJudge(stamped, judgeID: judgeID, contest: contest, ownEvents: own, chairEvents: chairEvents)
        }
    }

    /// Validates and durably appends one chair action, with a checkpoint of the judge files
    /// as the chair saw them (docs/ledger.md); returns the action as written.
    @discardableResult
    public func appendChair(_ draft: LedgerEvent, time: Int64 = Timestamp.nowMillis()) throws -> LedgerEvent {
        for f in judgeFiles { try f.refresh() }
        let judgeEvents = judgeFiles.map { $0.events }
        let contest = self.contest
        let checkpoint = Checkpoints.now(self)
        for h in checkpoint.heads { file(forJudge: h.file)?.watch(line: h.lines) }
        let written = try chairFile.append(time: time) { own in
            [try Rules.checkChair(draft, contest: contest, judgeEvents: judgeEvents, chairEvents: own),
             LedgerEvent(actor: draft.actor, checkpoint: checkpoint)]
        }
        return written[0]
    }
}
