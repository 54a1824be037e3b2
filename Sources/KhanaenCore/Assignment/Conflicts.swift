/// A ground on which a judge may not judge an entry, as the Administrative Procedure Act
/// B.E. 2539 (พ.ร.บ.วิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539) gives them: section 13's list, and
/// section 16's "any other ground that could make the judgment partial".
public enum ConflictGround: String, CaseIterable, Equatable, Sendable {
    case party, spouse, relative, representative, creditor, other

    public var thai: String {
        switch self {
        case .party: return "เป็นคู่กรณีเอง (ม.13(1))"
        case .spouse: return "เป็นคู่หมั้นหรือคู่สมรสของคู่กรณี (ม.13(2))"
        case .relative: return "เป็นญาติของคู่กรณี ทางสายโลหิตภายในสามชั้น หรือทางการแต่งงานภายในสองชั้น (ม.13(3))"
        case .representative: return "เป็นหรือเคยเป็นผู้แทนหรือตัวแทนของคู่กรณี (ม.13(4))"
        case .creditor: return "เป็นเจ้าหนี้ ลูกหนี้ หรือนายจ้างของคู่กรณี (ม.13(5))"
        case .other: return "เหตุอื่นที่อาจทำให้การพิจารณาไม่เป็นกลาง (ม.16)"
        }
    }

    public var english: String {
        switch self {
        case .party: return "a party (s.13(1))"
        case .spouse: return "the fiancé(e) or spouse of a party (s.13(2))"
        case .relative: return "a relative of a party (s.13(3))"
        case .representative: return "a present or past representative of a party (s.13(4))"
        case .creditor: return "a creditor, debtor or employer of a party (s.13(5))"
        case .other: return "another ground that could make the judgment partial (s.16)"
        }
    }
}

/// One judge kept away from one entry, and why.
public struct Conflict: Equatable, Sendable {
    public enum Cause: Equatable, Sendable {
        /// contest.json's rules: the same province, or one of the judge's organisations.
        case rule(Contest.ConflictRule)
        /// The judge's own recusal in force, with its ground (none given: `other`).
        case declared(ground: ConflictGround, reason: String, time: Int64)
        /// Recorded for the judge by a chair (a `conflict` line): the judge cannot remove it.
        case chair(ground: ConflictGround, reason: String, chair: String, time: Int64)
    }

    public var judge: Int
    public var entry: Int
    public var cause: Cause

    public init(judge: Int, entry: Int, cause: Cause) {
        self.judge = judge
        self.entry = entry
        self.cause = cause
    }
}

public enum Conflicts {
    /// A chair's `conflict` line with this `outcome` clears a conflict the rules give.
    public static let clear = "clear"

    /// The rules' conflicts the chairs cleared among `chairEvents`: judge, entry and the line.
    public static func cleared(chairEvents: [LedgerEvent], contest: Contest) -> [(judge: Int, entry: Int, line: LedgerEvent)] {
        chairEvents.compactMap { e in
            guard e.kind == .conflict, e.outcome == clear, contest.isChair(e.actor), !e.nonCanonical,
                  let j = contest.judgeIndex(e.judge ?? ""), let ei = contest.entryIndex(e.entry), rule(judge: j, entry: ei, contest: contest) != nil
            else { return nil }
            return (j, ei, e)
        }
    }

    /// The conflicts contest.json's rules give (`conflictRules`): a judge whose province is
    /// the entry's, and an entry whose organisation is one of the judge's, compared as the
    /// import compares organisations (ทต./ทม./ทน./อบต. or the full name, spacing, Thai digits).
    public static func computed(_ contest: Contest) -> [Conflict] {
        let byProvince = contest.conflictRules.contains(.province), byOrganisation = contest.conflictRules.contains(.organisation)
        // Most contests give their judges no province or organisations: nothing to compare.
        guard contest.judges.contains(where: { !$0.province.isEmpty || !$0.organisations.isEmpty }) else { return [] }
        let entryProvince = contest.entries.map { MatchKey.compact($0.province) }
        let entryOrganisation = contest.entries.map { MatchKey.organisation($0.organisation) }
        var out: [Conflict] = []
        for (j, judge) in contest.judges.enumerated() {
            let province = MatchKey.compact(judge.province)
            let organisations = Set(judge.organisations.map { MatchKey.organisation($0) })
            for e in contest.entries.indices {
                if byOrganisation && organisations.contains(entryOrganisation[e]) {
                    out.append(Conflict(judge: j, entry: e, cause: .rule(.organisation)))
                } else if byProvince && !province.isEmpty && province == entryProvince[e] {
                    out.append(Conflict(judge: j, entry: e, cause: .rule(.province)))
                }
            }
        }
        return out
    }

    /// The rule that keeps judge `j` from entry `e`, or nil: one pair, for a write.
    public static func rule(judge j: Int, entry e: Int, contest: Contest) -> Contest.ConflictRule? {
        let judge = contest.judges[j], entry = contest.entries[e]
        if contest.conflictRules.contains(.organisation), !judge.organisations.isEmpty,
           judge.organisations.map({ MatchKey.organisation($0) }).contains(MatchKey.organisation(entry.organisation)) {
            return .organisation
        }
        if contest.conflictRules.contains(.province), !judge.province.isEmpty, MatchKey.compact(judge.province) == MatchKey.compact(entry.province) {
            return .province
        }
        return nil
    }

    /// The entries judge `j` is in conflict with, by the rules.
    public static func entries(ofJudge j: Int, contest: Contest) -> Set<Int> {
        let judge = contest.judges[j]
        guard !judge.province.isEmpty || !judge.organisations.isEmpty else { return [] }
        return Set(contest.entries.indices.filter { rule(judge: j, entry: $0, contest: contest) != nil })
    }

    /// In words, for a message: "same province (ลำพูน)", "one of the judge's organisations".
    public static func describe(_ rule: Contest.ConflictRule, entry: Contest.Entry) -> (english: String, thai: String) {
        switch rule {
        case .province: return ("the judge's province (\(entry.province))", "จังหวัดเดียวกับกรรมการ (\(entry.province))")
        case .organisation: return ("one of the judge's organisations (\(entry.organisation))", "หน่วยงานของกรรมการ (\(entry.organisation))")
        }
    }

    /// The recusals in force in the judges' sheets (`rows[judge][entry]`), found in the
    /// judges' own lines: each a declared conflict with its ground, reason and time.
    public static func declared(rows: [(judge: Int, sheets: [Sheet], events: [LedgerEvent])]) -> [Conflict] {
        var out: [Conflict] = []
        for (j, sheets, events) in rows {
            let bySeq = Dictionary(events.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
            for (e, sheet) in sheets.enumerated() where sheet.status == .recused {
                guard let seq = sheet.lockSeq, let line = bySeq[seq] else { continue }
                let ground = line.outcome.flatMap(ConflictGround.init(rawValue:)) ?? .other
                out.append(Conflict(judge: j, entry: e, cause: .declared(ground: ground, reason: line.text ?? "", time: line.time)))
            }
        }
        return out
    }

    /// The conflicts the chairs recorded (`conflict` lines by a chair, with a ground) among
    /// `chairEvents`, a chair stream or a judge's deliveries, each with its chair and time.
    public static func recorded(chairEvents: [LedgerEvent], contest: Contest) -> [Conflict] {
        chairEvents.compactMap { e in
            guard e.kind == .conflict, contest.isChair(e.actor), !e.nonCanonical, let j = contest.judgeIndex(e.judge ?? ""),
                  let ei = contest.entryIndex(e.entry), let ground = ConflictGround(rawValue: e.outcome ?? "") else { return nil }
            return Conflict(judge: j, entry: ei, cause: .chair(ground: ground, reason: e.text ?? "", chair: e.actor, time: e.time))
        }
    }

    /// `matrix[entry][judge]`: whether the pair is in conflict.
    public static func matrix(_ conflicts: [Conflict], contest: Contest) -> [[Bool]] {
        var m = Array(repeating: Array(repeating: false, count: contest.judges.count), count: contest.entries.count)
        for c in conflicts { m[c.entry][c.judge] = true }
        return m
    }
}
