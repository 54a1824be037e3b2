/// Why an announcement cannot be published yet. It is final only when the ledger is intact,
/// every sheet that counts (each judge's, for every entry not ruled out as ineligible) is
/// submitted or recused, no sheet is reopened and waiting to be submitted again, no eligibility
/// ruling is pending, every entry is ranked, every boundary tie is decided, every tier is given
/// to as many entries as the contest says, every item of the discussion queue has an outcome
/// recorded by the chair with a reason, and the results are the official method's without
/// drafts. Otherwise it is a draft (ร่าง), with each reason, counted, in every format and on the
/// console, and the console asks before exporting it (docs/scoring.md, "Final or draft").
public enum AnnouncementDraft {
    /// One reason, with what it counts.
    public enum Reason: Equatable, Sendable {
        case notIntact
        /// Sheets that count, neither submitted nor recused (not counting the reopened ones).
        case unscored(Int)
        /// Sheets a chair reopened that are not submitted again.
        case reopened(Int)
        /// Entries whose eligibility the rules leave to the chair, with no ruling.
        case eligibilityPending(Int)
        /// Entries not ranked for want of sheets.
        case belowQuorum(Int)
        /// Entries tied across an award line the chair has not settled.
        case boundaryTies([String])
        case tierCount(TierCount)
        /// Items of the discussion queue with no outcome recorded.
        case openDiscussion(Int)
        case draftsIncluded
        case notOfficial(method: Method, official: Method)
    }

    /// Every reason the announcement of `r` is not final. `book` is the ledger `r` was computed
    /// from; `queue` is the discussion queue of `r` (`PanelStatistics.queue`): without it the
    /// queue is not checked, so every caller that decides finality passes it.
    public static func check(_ r: Results, book: SheetBook, ledger: LedgerSummary?, queue: [DiscussionItem]?) -> [Reason] {
        var out: [Reason] = []
        if let ledger, !ledger.isIntact { out.append(.notIntact) }
        let contest = book.contest
        let ineligible = EligibilityRules.ineligible(book)
        var unscored = 0, reopened = 0
        let pinned = Set(book.chairConflicts.map { [$0.judge, $0.entry] })
        for e in contest.entries.indices where ineligible[e] == nil {
            for j in contest.judges.indices {
                let sheet = book.sheet(judge: j, entry: e)
                if sheet.isLocked { continue }
                // A chair recorded the judge in conflict: no sheet of theirs will count, none is awaited.
                if pinned.contains([j, e]) { continue }
                // Once a chair has assigned, a sheet never begun for an entry not given is no one's to write.
                if let a = book.assignment, !a[e][j], sheet.status == .notStarted { continue }
                if sheet.reopen != nil { reopened += 1 } else { unscored += 1 }
            }
        }
        if unscored > 0 { out.append(.unscored(unscored)) }
        if reopened > 0 { out.append(.reopened(reopened)) }
        if let config = contest.eligibility {
            let pending = EligibilityRules.evaluate(contest.entries, config: config, decisions: EligibilityRules.decisions(book))
                .filter { $0.status == .review }.count
            if pending > 0 { out.append(.eligibilityPending(pending)) }
        }
        // An ineligible entry is not waiting for anything: it is out of the results.
        let unranked = r.unranked.filter { $0.unrankedReason == Flag.Kind.belowQuorum.rawValue }.count
        if unranked > 0 { out.append(.belowQuorum(unranked)) }
        let open = Set(r.entries.filter { $0.flags.contains { $0.kind == .boundaryTie && !$0.settled } }.map(\.id))
        if !open.isEmpty { out.append(.boundaryTies(open.sorted())) }
        out.append(contentsOf: r.tierCounts.map { .tierCount($0) })
        if let queue {
            let items = queue.filter(\.isOpen).count
            if items > 0 { out.append(.openDiscussion(items)) }
        }
        if r.includeDrafts { out.append(.draftsIncluded) }
        if !r.isOfficial { out.append(.notOfficial(method: r.method, official: r.official)) }
        return out
    }

    /// The reasons in words, one line each.
    public static func reasons(_ r: Results, book: SheetBook, ledger: LedgerSummary?, queue: [DiscussionItem]?, words: ReportWords) -> [String] {
        check(r, book: book, ledger: ledger, queue: queue).map { describe($0, contest: book.contest, words: words) }
    }

    /// A reason's name for other tools (the JSON report).
    public static func code(_ reason: Reason) -> String {
        switch reason {
        case .notIntact: return "not-intact"
        case .unscored: return "unscored"
        case .reopened: return "reopened"
        case .eligibilityPending: return "eligibility-pending"
        case .belowQuorum: return "below-quorum"
        case .boundaryTies: return "boundary-tie"
        case .tierCount: return "tier-count"
        case .openDiscussion: return "open-discussion"
        case .draftsIncluded: return "drafts-included"
        case .notOfficial: return "not-official"
        }
    }

    public static func describe(_ reason: Reason, contest: Contest, words: ReportWords) -> String {
        switch reason {
        case .notIntact: return words.notIntact
        case .unscored(let n): return words.t("\(n) ใบยังไม่ได้ให้คะแนน", "\(n) sheets not yet scored")
        case .reopened(let n): return words.t("\(n) ใบเปิดแก้ไขแล้วยังไม่ส่งใหม่", "\(n) reopened sheets not submitted again")
        case .eligibilityPending(let n):
            return words.t("ผลงาน \(n) รายการรอประธานกรรมการวินิจฉัยคุณสมบัติ", "\(n) entries await the chair's eligibility ruling")
        case .belowQuorum(let n):
            return words.t("ผลงาน \(n) รายการยังไม่จัดอันดับ (ใบให้คะแนนไม่ครบองค์)", "\(n) entries are not ranked (below quorum)")
        case .boundaryTies(let ids):
            let list = ids.joined(separator: ", ")
            return words.t("เสมอคร่อมเส้นรางวัลที่ยังไม่ได้ตัดสิน \(ids.count) รายการ: \(list)", "\(ids.count) entries tied across an award line, not settled: \(list)")
        case .tierCount(let t): return words.describe(t, contest: contest)
        case .openDiscussion(let n):
            return words.t("\(n) เรื่องในคิวพิจารณายังไม่ได้ลงผล", "\(n) discussion items have no outcome recorded")
        case .draftsIncluded: return words.draftsIncluded
        case .notOfficial(let m, let official):
            return words.t("คำนวณด้วย\(words.method(m)) ไม่ใช่วิธีทางการ (\(words.method(official)))",
                      "computed by the \(words.method(m)), not the official method (\(words.method(official)))")
        }
    }
}
