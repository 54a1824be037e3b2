/// A chair's decisions that a judge must see, copied from the chair's own file into the
/// judge's folder (`ledger/<judge>/chair-<login>.jsonl`): the reopens of that judge's own
/// sheets and the conflicts a chair recorded for them, every eligibility ruling and each assignment cut down to the judge's own entries. A judge reads these, never a chair's own file, so
/// nothing of another judge's scores, progress or timing reaches them (docs/access.md).
///
/// The chair's own file is the record; a delivery is a copy that must follow it: its lines,
/// compared member by member (time included), are the first lines of what the chair's file
/// says the judge must see. The chair's processes write it after every decision and catch
/// up whatever a crash left undelivered.
public enum Deliveries {
    /// Whether a chair line belongs in judge `judge`'s delivery.
    public static func isDelivered(_ e: LedgerEvent, toJudge judge: String) -> Bool {
        switch e.kind {
        case .reopen, .conflict: return e.judge == judge
        case .eligibility, .assign: return true
        default: return false
        }
    }

    /// The reason an assignment reaches a judge with, in place of the chair's: the chair's
    /// reason for a change is often another judge's conflict or departure.
    public static let assignReason = "การมอบหมายผลงานของท่าน"

    /// What the chair's own lines say judge `judge` must see, in order. An assignment reaches
    /// a judge cut down to the entries given to that judge, each naming that judge alone, with
    /// `assignReason` for its reason, and only when it changes what the judge was given: the
    /// other judges' names, the chair's reasons and the changes that concern only others never
    /// reach them (a line, even an unchanged one, would tell its time and its file's size).
    ///
    /// `others` are the other chairs' assignments, each with whether it goes before one of
    /// this chair's at the same time (the chairs' order): whether the judge's entries change
    /// is judged against the assignment in force, whoever wrote it.
    public static func projection(of chairEvents: [LedgerEvent], forJudge judge: String,
                                  others: [(line: LedgerEvent, firstOnTie: Bool)] = []) -> [LedgerEvent] {
        func mine(_ e: LedgerEvent) -> [AssignedEntry] {
            (e.pairs ?? []).filter { $0.judges.contains(judge) }.map { AssignedEntry(entry: $0.entry, judges: [judge]) }
        }
        var given: [AssignedEntry]? = nil
        var before = others.sorted { $0.line.time < $1.line.time }[...]
        return chairEvents.compactMap { e in
            guard isDelivered(e, toJudge: judge) else { return nil }
            guard e.kind == .assign, e.pairs != nil else { return e }
            while let o = before.first, o.line.time < e.time || (o.line.time == e.time && o.firstOnTie) {
                given = mine(o.line)
                before = before.dropFirst()
            }
            let entries = mine(e)
            if entries == given { return nil }
            given = entries
            var own = e
            own.pairs = entries
            own.text = assignReason
            return own
        }
    }

    /// The same decision: every member but the line's place in its file.
    public static func same(_ a: LedgerEvent, _ b: LedgerEvent) -> Bool {
        a.kind == b.kind && a.actor == b.actor && a.time == b.time && a.entry == b.entry && a.judge == b.judge
            && a.ref == b.ref && a.outcome == b.outcome && a.text == b.text && a.pairs == b.pairs
    }

    public enum Check: Equatable, Sendable {
        /// Every delivered line follows the chair's file; `missing` decisions are still to deliver.
        case follows(missing: Int)
        /// The delivered line with this seq is not the chair's next decision for the judge.
        case differs(seq: Int)
    }

    public static func check(delivered: [LedgerEvent], projection: [LedgerEvent]) -> Check {
        for (k, d) in delivered.enumerated() where k >= projection.count || !same(d, projection[k]) {
            return .differs(seq: d.seq)
        }
        return .follows(missing: projection.count - delivered.count)
    }
}

extension Ledger {
    /// Brings every delivery of chair `login` up to the chair's own file: appends, under each
    /// delivery's lock, the decisions not yet in it. A delivery that does not follow the
    /// chair's file is left alone (verify reports it). Returns the problems met, one line each.
    @discardableResult
    public func deliver(chair login: String, time: Int64 = Timestamp.nowMillis()) -> [String] {
        guard let own = chairFile(for: login), let c = contest.chairs.firstIndex(of: login) else { return [] }
        var problems: [String] = []
        do { try own.refresh() } catch { return ["\(own.displayPath): \(error)"] }
        let chairEvents = own.events
        for (k, f) in chairFiles.enumerated() where k != c { _ = try? f.refresh() }
        let others = otherAssignments(chair: c)
        for (j, judge) in contest.judges.enumerated() {
            let projection = Deliveries.projection(of: chairEvents, forJudge: judge.id, others: others)
            let file = deliveries[j][c]
            do {
                // One decision at a time, each with its own time: a copy must be the same line
                // (time included) as the chair's, also when a crash interrupted the delivery
                // and a later action catches it up. The time is guessed from what was read; under
                // the lock the file may hold more (another process delivered, or an unfinished
                // line the writer adopts): then the time of the decision really missing is
                // taken on the next round. Bounded: each round writes one or learns the time.
                var time: Int64? = nil
                for _ in 0..<(2 * projection.count + 2) {
                    if time == nil {
                        try file.refresh()
                        guard case .follows(let missing) = Deliveries.check(delivered: file.events, projection: projection), missing > 0 else { break }
                        time = projection[projection.count - missing].time
                    }
                    var wanted: Int64? = nil
                    let written = try file.append(time: time!) { delivered in
                        switch Deliveries.check(delivered: delivered, projection: projection) {
                        case .differs(let seq):
                            throw LedgerFile.IOError(th: "\(file.displayPath):\(seq): ไม่ใช่การตัดสินที่ \(own.displayPath) มี ไม่ได้ส่งต่อ",
                                                                     en: "\(file.displayPath):\(seq): not the decision \(own.displayPath) holds; nothing delivered")
                        case .follows(let missing):
                            guard missing > 0 else { return [] }
                            let next = projection[projection.count - missing]
                            guard next.time == time else { wanted = next.time; return [] }
                            return [next]
                        }
                    }
                    if written.isEmpty && wanted == nil { break }
                    time = wanted
                }
            } catch {
                problems.append("\(error)")
            }
        }
        return problems
    }

    /// The assignments in the other chairs' files as they were last read, each with whether
    /// it goes before chair `c`'s at the same time.
    func otherAssignments(chair c: Int) -> [(line: LedgerEvent, firstOnTie: Bool)] {
        contest.chairs.indices.filter { $0 != c }.flatMap { k in
            chairFiles[k].events.filter { $0.kind == .assign && $0.actor == contest.chairs[k] }.map { ($0, k < c) }
        }
    }

    /// One line for each delivery that does not follow its chair's file (a problem), and one
    /// for each that lags behind it (a note: the chair's next action delivers the rest); in English.
    public func deliveryFindings() -> (problems: [String], pending: [String]) {
        let found = deliveryFindingWords()
        return (found.problems.map(\.en), found.pending.map(\.en))
    }

    /// The same in both languages.
    public func deliveryFindingWords() -> (problems: [Phrase], pending: [Phrase]) {
        var problems: [Phrase] = [], pending: [Phrase] = []
        for (c, login) in contest.chairs.enumerated() {
            let source = chairFiles[c]
            let others = otherAssignments(chair: c)
            for (j, judge) in contest.judges.enumerated() {
                let file = deliveries[j][c]
                if file.broken != nil { continue }
                switch Deliveries.check(delivered: file.events, projection: Deliveries.projection(of: source.events, forJudge: judge.id, others: others)) {
                case .differs(let seq):
                    problems.append(Phrase("\(file.displayPath):\(seq): ไม่ใช่การตัดสินของ \(source.displayPath) สำหรับ \(judge.id): "
                                             + "การส่งต่อคัดลอกได้เฉพาะบรรทัดของประธานกรรมการเอง",
                                           "\(file.displayPath):\(seq): not a decision of \(source.displayPath) for \(judge.id): "
                                             + "a delivery only copies the chair's own lines"))
                case .follows(let missing) where missing > 0:
                    pending.append(Phrase("\(file.displayPath): การตัดสิน \(missing) รายการของ \(login) ยังไม่ได้ส่งต่อถึง \(judge.id) "
                                            + "การกระทำครั้งถัดไปของ \(login) หรือ `khanaen checkpoint` จะส่งต่อให้",
                                          "\(file.displayPath): \(missing) decision(s) of \(login) not yet delivered to \(judge.id); "
                                            + "\(login)'s next action or `khanaen checkpoint` delivers them"))
                default: break
                }
            }
        }
        return (problems, pending)
    }
}
