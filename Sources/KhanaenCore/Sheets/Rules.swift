/// A change the rules do not allow: the message says which and why, in English and, where
/// the rule has one, in Thai. Nothing is written.
public struct Refusal: BilingualError, Equatable, CustomStringConvertible, Sendable {
    public var words: Phrase

    public init(th: String, en: String) { words = Phrase(th, en) }
    /// A finding the ledger's reader also reports (`LineRules`), which has its English words only.
    public init(_ message: String) { words = Phrase(message, message) }

    public var message: String { words.en }
    public var description: String { message }
    public func message(in language: Language) -> String { words.text(language) }
}

/// What a judge and the chair may write, checked against the ledger as it is at the moment
/// of writing (inside the file's lock), so that two terminals cannot both get their way.
public enum Rules {
    /// Checks a judge's changes, in order, against their sheets. `time` is when they will be
    /// written: each is folded into the next one's sheet at that time, as readers will read it.
    public static func checkJudge(_ drafts: [LedgerEvent], judgeID: String, contest: Contest,
                                  ownEvents: [LedgerEvent], chairEvents: [LedgerEvent], time: Int64 = Timestamp.nowMillis()) throws {
        guard contest.judgeIndex(judgeID) != nil else { throw unknownJudge(judgeID) }
        var pending = ownEvents
        var nextSeq = (ownEvents.last?.seq ?? 0) + 1
        for draft in drafts {
            guard contest.entryIndex(draft.entry) != nil else { throw unknownEntry(draft.entry) }
            if draft.kind != .recuse, let j = contest.judgeIndex(judgeID), let ei = contest.entryIndex(draft.entry),
               let rule = Conflicts.rule(judge: j, entry: ei, contest: contest),
               !Conflicts.cleared(chairEvents: chairEvents, contest: contest).contains(where: { $0.judge == j && $0.entry == ei }) {
                let why = Conflicts.describe(rule, entry: contest.entries[ei])
                throw Refusal(th: "ท่านมีส่วนได้เสียกับผลงาน \(draft.entry): \(why.thai) ให้คะแนนผลงานนี้ไม่ได้",
                              en: "you are kept from \(draft.entry) by a conflict of interest: \(why.english)")
            }
            if draft.kind != .recuse, let pinned = pinnedConflict(judgeID: judgeID, entry: draft.entry, chairEvents: chairEvents) {
                let ground = ConflictGround(rawValue: pinned.outcome ?? "") ?? .other
                throw Refusal(th: "ประธานกรรมการระบุว่าท่านมีส่วนได้เสียกับผลงาน \(draft.entry): \(ground.thai) ให้คะแนนผลงานนี้ไม่ได้",
                              en: "a chair has recorded that you are in conflict of interest with \(draft.entry): \(ground.english)")
            }
            if let assigned = assignedEntries(judgeID: judgeID, chairEvents: chairEvents), !assigned.contains(draft.entry) {
                throw Refusal(th: "ผลงาน \(draft.entry) ไม่ได้มอบหมายให้ท่าน ให้คะแนนผลงานนี้ไม่ได้",
                              en: "\(draft.entry) is not one of the entries assigned to you")
            }
            let sheet = SheetBook.foldSheet(contest: contest, judgeID: judgeID, entryID: draft.entry,
                                            judgeEvents: pending, chairEvents: chairEvents, now: max(time, Timestamp.nowMillis()))
            try checkOne(draft, sheet: sheet, contest: contest)
            var e = draft
            e.seq = nextSeq
            e.time = time
            nextSeq += 1
            pending.append(e)
        }
    }

    /// The entries the last assignment in `chairEvents` gives judge `judgeID`; nil when there
    /// is none (every judge then has every entry).
    public static func assignedEntries(judgeID: String, chairEvents: [LedgerEvent]) -> Set<String>? {
        guard let a = SheetBook.lastAssignment(chairEvents) else { return nil }
        return Set((a.pairs ?? []).filter { $0.judges.contains(judgeID) }.map(\.entry))
    }

    /// The chair's `conflict` line that keeps judge `judgeID` from `entry`, or nil.
    public static func pinnedConflict(judgeID: String, entry: String, chairEvents: [LedgerEvent]) -> LedgerEvent? {
        chairEvents.first { $0.kind == .conflict && $0.judge == judgeID && $0.entry == entry && $0.outcome != Conflicts.clear && !$0.nonCanonical }
    }

    private static func checkOne(_ e: LedgerEvent, sheet: Sheet, contest: Contest) throws {
        switch sheet.status {
        case .submitted: throw Refusal(th: "ใบให้คะแนนผลงาน \(e.entry) ส่งแล้ว มีแต่ประธานกรรมการที่เปิดใหม่ได้",
                                       en: "the sheet for \(e.entry) is submitted; only the chair can reopen it")
        case .recused: throw Refusal(th: "ท่านถอนตัวจากผลงาน \(e.entry) แล้ว มีแต่ประธานกรรมการที่เปิดใบนี้ใหม่ได้",
                                     en: "you have recused yourself from \(e.entry); only the chair can reopen the sheet")
        default: break
        }
        func criterion() throws -> Int {
            guard let id = e.criterion, let c = contest.criterionIndex(id) else {
                throw Refusal(th: "ไม่มีเกณฑ์รหัส \"\(e.criterion ?? "")\"", en: "no criterion has id \"\(e.criterion ?? "")\"")
            }
            return c
        }
        switch e.kind {
        case .score:
            let c = try criterion()
            guard let v = e.value else { throw Refusal(th: "เกณฑ์ \(c + 1): ไม่มีคะแนน", en: "\(contest.criteria[c].id): no value") }
            try checkValue(v, criterion: contest.criteria[c], contest: contest)
        case .clear:
            _ = try criterion()
        case .note:
            if e.criterion != nil { _ = try criterion() }
        case .submit:
            let missing = contest.criteria.indices.filter { sheet.scores[$0] == nil }
            if !missing.isEmpty {
                throw Refusal(th: "ส่งผลงาน \(e.entry) ไม่ได้: เกณฑ์ \(missing.map { String($0 + 1) }.joined(separator: ", ")) ยังไม่ได้ให้คะแนน",
                              en: "cannot submit \(e.entry): \(missing.map { contest.criteria[$0].id }.joined(separator: ", ")) not scored yet")
            }
        case .recuse:
            if (e.text ?? "").trimmingSpaces.isEmpty { throw Refusal(th: "การถอนตัวต้องมีเหตุผล", en: "a recusal needs a reason") }
            if let ground = e.outcome, ConflictGround(rawValue: ground) == nil {
                let grounds = ConflictGround.allCases.map(\.rawValue).joined(separator: ", ")
                throw Refusal(th: "\"\(ground)\" ไม่ใช่เหตุแห่งการมีส่วนได้เสีย (มี: \(grounds))",
                              en: "\"\(ground)\" is not a ground of conflict (one of: \(grounds))")
            }
        case .reopen, .award, .checkpoint, .eligibility, .method, .discussed, .advance, .assign, .fork, .conflict:
            throw Refusal(th: "\(e.kind.rawValue) เป็นงานของประธานกรรมการ", en: "\(e.kind.rawValue) is a chair action")
        }
    }

    /// A judge's line replayed by a fork's resolution names the line it replays:
    /// `fork:` and that line's hash (docs/sync.md).
    public static func isReplayOrigin(_ topic: String) -> Bool {
        let u = Array(topic.utf8)
        return u.count == 69 && topic.hasPrefix("fork:") && u[5...].allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A score must lie in [0, max] and be a whole number of steps.
    public static func checkValue(_ v: Double, criterion: Contest.Criterion, contest: Contest) throws {
        if let problem = valueProblem(v, max: criterion.max, step: contest.step) {
            let number = (contest.criterionIndex(criterion.id) ?? 0) + 1, value = JSONWriter.numberText(v)
            throw Refusal(th: "เกณฑ์ \(number) = \(value): \(problem.th)", en: "\(criterion.id)=\(value): \(problem.en)")
        }
    }

    static func unknownJudge(_ id: String) -> Refusal { Refusal(th: "ไม่มีกรรมการรหัส \"\(id)\"", en: "no judge has id \"\(id)\"") }
    static func unknownEntry(_ id: String) -> Refusal { Refusal(th: "ไม่มีผลงานรหัส \"\(id)\"", en: "no entry has id \"\(id)\"") }

    /// Why a score breaks the rules, or nil: what the writer refuses and the reader reports.
    @inline(__always)
    static func valueProblem(_ v: Double, max: Double, step: Double) -> Phrase? {
        if !v.isFinite || v < 0 { return Phrase("คะแนนติดลบไม่ได้", "a score cannot be negative") }
        if v > max + 1e-9 { return Phrase("เกินคะแนนเต็ม \(JSONWriter.numberText(max))", "above the maximum of \(JSONWriter.numberText(max))") }
        let k = v / step
        if abs(k - k.rounded()) >= 1e-9 {
            return Phrase("ต้องเป็นทวีคูณของ \(JSONWriter.numberText(step))", "not a multiple of the step \(JSONWriter.numberText(step))")
        }
        return nil
    }

    /// Checks a chair action against the judges' ledgers and fills in what it needs
    /// (a reopen's `ref`). Returns the event to write.
    public static func checkChair(_ draft: LedgerEvent, contest: Contest, judgeEvents: [[LedgerEvent]],
                                  chairEvents: [LedgerEvent]) throws -> LedgerEvent {
        guard contest.chairs.contains(draft.actor) else {
            throw Refusal(th: "\"\(draft.actor)\" ไม่ใช่ประธานกรรมการของการประกวดนี้", en: "\"\(draft.actor)\" is not a chair of this contest")
        }
        if (draft.text ?? "").trimmingSpaces.isEmpty { throw Refusal(th: "การตัดสินของประธานกรรมการต้องมีเหตุผล", en: "a chair action needs a reason") }
        var e = draft
        if [.eligibility, .method, .discussed, .advance, .assign, .fork, .conflict].contains(draft.kind) {
            if let problem = LineRules(contest).chairProblem(draft, judgeEvents: judgeEvents, cleared: LineRules.cleared(chairEvents, contest: contest)) {
                throw Refusal(th: problem.th, en: problem.en)
            }
            return e
        }
        guard let ei = contest.entryIndex(draft.entry) else { throw unknownEntry(draft.entry) }
        switch draft.kind {
        case .reopen:
            guard let judgeID = draft.judge, let j = contest.judgeIndex(judgeID) else { throw unknownJudge(draft.judge ?? "") }
            let sheet = SheetBook.foldSheet(contest: contest, judgeID: judgeID, entryID: contest.entries[ei].id,
                                            judgeEvents: judgeEvents[j], chairEvents: chairEvents)
            guard sheet.isLocked, let seq = sheet.lockSeq else {
                throw Refusal(th: "ใบของ \(judgeID) สำหรับผลงาน \(draft.entry) ยังไม่ได้ส่งหรือถอนตัว ไม่มีอะไรให้เปิดใหม่",
                              en: "the sheet of \(judgeID) for \(draft.entry) is not submitted or recused; there is nothing to reopen")
            }
            e.ref = seq
        case .award:
            guard let tier = draft.tier else { throw Refusal(th: "การตัดสินรางวัลต้องระบุประเภทรางวัล", en: "an award needs a tier") }
            if tier != Contest.noAward && tier != Contest.proposedAward && !contest.awards.contains(where: { $0.id == tier }) {
                let ids = contest.awards.map { $0.id } + [Contest.noAward, Contest.proposedAward]
                throw Refusal(th: "ไม่มีประเภทรางวัลรหัส \"\(tier)\" (มี: \(ids.joined(separator: ", ")))",
                              en: "no award tier has id \"\(tier)\" (one of: \(ids.joined(separator: ", ")))")
            }
        default:
            throw Refusal(th: "\(draft.kind.rawValue) ไม่ใช่งานของประธานกรรมการ", en: "\(draft.kind.rawValue) is not a chair action")
        }
        return e
    }
}

extension Ledger {
    /// Validates and durably appends a judge's changes, against the chairs' decisions
    /// delivered to the judge; returns them as written.
    @discardableResult
    public func appendJudge(_ judgeID: String, _ drafts: [LedgerEvent], time: Int64 = Timestamp.nowMillis()) throws -> [LedgerEvent] {
        guard let file = file(forJudge: judgeID), let j = contest.judgeIndex(judgeID) else { throw Rules.unknownJudge(judgeID) }
        for d in deliveries[j] { try d.refresh() }
        let chairEvents = deliveredStream(toJudge: judgeID).events
        let contest = self.contest
        let stamped = drafts.map { d -> LedgerEvent in var e = d; e.actor = judgeID; return e }
        return try file.append(stamped, time: time) { own in
            try Rules.checkJudge(stamped, judgeID: judgeID, contest: contest, ownEvents: own, chairEvents: chairEvents, time: time)
        }
    }

    /// Validates and durably appends one chair action to the chair's own file, with a
    /// checkpoint of every other file as the chair saw them (docs/ledger.md), then delivers
    /// it to the judges who must see it; returns the action as written. The decision is made
    /// once it is in the chair's file: a delivery that fails is caught up later.
    @discardableResult
    public func appendChair(_ draft: LedgerEvent, time: Int64 = Timestamp.nowMillis()) throws -> LedgerEvent {
        guard let own = chairFile(for: draft.actor) else {
            throw Refusal(th: "\"\(draft.actor)\" ไม่ใช่ประธานกรรมการของการประกวดนี้", en: "\"\(draft.actor)\" is not a chair of this contest")
        }
        for f in allFiles where f !== own { try f.refresh() }
        let judgeEvents = judgeFiles.map { $0.events }
        let contest = self.contest
        let checkpoint = Checkpoints.now(self, own: own)
        for h in checkpoint.heads { file(named: h.file)?.watch(line: h.lines) }
        for f in allFiles where f !== own { try f.makeDurable() } // the checkpoint records only durable lines
        let others = chairStream
        let written = try own.append(time: time) { mine in
            // Every chair's decisions count: a reopen's sheet may have been reopened by another.
            let all = (others.events.filter { $0.actor != draft.actor } + mine).sorted { $0.time < $1.time }
            return [try Rules.checkChair(draft, contest: contest, judgeEvents: judgeEvents, chairEvents: all),
                    LedgerEvent(actor: draft.actor, checkpoint: checkpoint)]
        }
        deliver(chair: draft.actor, time: time)
        return written[0]
    }
}
