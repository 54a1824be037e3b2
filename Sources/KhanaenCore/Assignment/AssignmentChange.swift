/// `khanaen assign --entry E --add J | --remove J` and `--remove-judge J`, and the console's
/// reassignment on screen 4: the assignment in force changed and written again whole, as a new
/// chair `assign` line (the last one stands).
public enum AssignmentChange {
    public enum Change: Equatable, Sendable {
        case add(entry: Int, judge: Int)
        case remove(entry: Int, judge: Int)
        /// The judge leaves: every entry they have not submitted or recused goes to another.
        case removeJudge(Int)
    }

    /// The entries of a change that found no judge free of conflict and under their cap.
    public struct Short: Error {
        public var entries: [(entry: Int, free: Int)]
    }

    /// A change refused (a pair in conflict, already there, not there); nothing is written.
    public struct Refused: BilingualError, Equatable {
        public var words: Phrase
        public init(th: String, en: String) { words = Phrase(th, en) }
    }

    /// `current` (`[entry][judge]`) with `change` made. A judge handed on gets, for each of
    /// their open entries in contest order, the least loaded judge free of conflict for it,
    /// not already on it and under their cap (the first in contest order among equals): the
    /// solver's cost of load, one entry at a time. Throws `Short` naming every entry that
    /// found no one; an added pair in conflict or a pair that is not there is `Refused`.
    public static func apply(_ change: Change, to current: [[Bool]], book: SheetBook, conflicted: [[Bool]], caps: [Int?]) throws -> [[Bool]] {
        let contest = book.contest
        var m = current
        switch change {
        case .add(let e, let j):
            let (eid, jid) = (contest.entries[e].id, contest.judges[j].id)
            if conflicted[e][j] {
                throw Refused(th: "\(jid) มีส่วนได้เสียกับผลงาน \(eid) (khanaen conflicts): มอบหมายไม่ได้ ไม่มีการเขียนลงสมุดคะแนน",
                                 en: "\(jid) is in conflict of interest with \(eid) (khanaen conflicts); nothing written")
            }
            if m[e][j] { throw Refused(th: "\(eid) มอบหมายให้ \(jid) อยู่แล้ว", en: "\(eid) is already given to \(jid)") }
            m[e][j] = true
        case .remove(let e, let j):
            let (eid, jid) = (contest.entries[e].id, contest.judges[j].id)
            if !m[e][j] { throw Refused(th: "\(eid) ไม่ได้มอบหมายให้ \(jid)", en: "\(eid) is not given to \(jid)") }
            m[e][j] = false
        case .removeJudge(let j):
            var loads = contest.judges.indices.map { k in m.reduce(0) { $0 + ($1[k] ? 1 : 0) } }
            var short: [(Int, Int)] = []
            for e in m.indices where m[e][j] {
                let status = book.sheet(judge: j, entry: e).status
                if status == .submitted || status == .recused { continue }
                m[e][j] = false
                loads[j] -= 1
                let free = contest.judges.indices.filter { $0 != j && !conflicted[e][$0] }
                let open = free.filter { k in !m[e][k] && (caps[k].map { loads[k] < $0 } ?? true) }
                guard let k = open.min(by: { (loads[$0], $0) < (loads[$1], $1) }) else {
                    short.append((e, free.count))
                    continue
                }
                m[e][k] = true
                loads[k] += 1
            }
            if !short.isEmpty { throw Short(entries: short) }
        }
        return m
    }

    /// The pairs of `m`, as an `assign` line holds them.
    public static func pairs(_ m: [[Bool]], contest: Contest) -> [AssignedEntry] {
        m.indices.compactMap { e in
            let judges = contest.judges.indices.filter { m[e][$0] }.map { contest.judges[$0].id }
            return judges.isEmpty ? nil : AssignedEntry(entry: contest.entries[e].id, judges: judges)
        }
    }

    /// By entry × judge: the pairs the rules, the judges' recusals in force and the chairs'
    /// recorded conflicts keep apart.
    public static func conflicted(_ contest: Contest, book: SheetBook) -> [[Bool]] {
        var m = Conflicts.matrix(Conflicts.computed(contest), contest: contest)
        for c in book.clearedConflicts { m[c.entry][c.judge] = false }
        for c in book.chairConflicts { m[c.entry][c.judge] = true }
        for e in contest.entries.indices {
            for j in contest.judges.indices where book.sheet(judge: j, entry: e).status == .recused { m[e][j] = true }
        }
        return m
    }
}
