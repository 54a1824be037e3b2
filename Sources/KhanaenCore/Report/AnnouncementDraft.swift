/// Why an announcement cannot be published yet: entries not ranked, boundary ties the chair
/// has not settled, tiers given to more or fewer entries than the contest says, a ledger that
/// is not intact. An announcement with any of these says DRAFT at its top, and the console
/// asks before exporting it.
public enum AnnouncementDraft {
    public static func reasons(_ r: Results, contest: Contest, words: ReportWords, ledger: LedgerSummary? = nil) -> [String] {
        var out: [String] = []
        let th = words.language == .th
        if let ledger, !ledger.isIntact { out.append(words.notIntact) }
        // An ineligible entry is not waiting for anything: it is out of the results.
        let unranked = r.unranked.filter { $0.unrankedReason == Flag.Kind.belowQuorum.rawValue }.count
        if unranked > 0 {
            out.append(th ? "ผลงาน \(unranked) รายการยังไม่จัดอันดับ (ใบให้คะแนนไม่ครบองค์)" : "\(unranked) entries are not ranked (below quorum)")
        }
        let open = Set(r.entries.filter { $0.flags.contains { $0.kind == .boundaryTie && !$0.settled } }.map(\.id))
        if !open.isEmpty {
            let list = open.sorted().joined(separator: ", ")
            out.append(th ? "เสมอคร่อมเส้นรางวัลที่ยังไม่ได้ตัดสิน: \(list)" : "boundary ties not settled: \(list)")
        }
        out.append(contentsOf: r.tierCounts.map { words.describe($0, contest: contest) })
        if r.includeDrafts { out.append(words.draftsIncluded) }
        if !r.isOfficial {
            out.append(th ? "คำนวณด้วย\(words.method(r.method)) ไม่ใช่วิธีทางการ (\(words.method(r.official)))"
                          : "computed by the \(words.method(r.method)), not the official method (\(words.method(r.official)))")
        }
        return out
    }
}
