import Synchronization

/// An entry that may not be judged, and why: the chair ruled that it fails the contest's
/// conditions, or the contest's rules fail it and the chair has not ruled otherwise. Such an
/// entry is left out of the ranking and the awards and listed unranked with a flag
/// `ineligible` (docs/scoring.md); an entry the rules leave for review is not.
public struct Ineligibility: Equatable, Sendable {
    /// The chair's ruling (`eligibility` line, outcome `fail`), when the chair decided.
    public var ruling: SheetBook.ChairDecision?
    /// The rules that failed, when the rules decided; empty when the chair did.
    public var failed: [EligibilityRuleResult]

    public init(ruling: SheetBook.ChairDecision? = nil, failed: [EligibilityRuleResult] = []) {
        self.ruling = ruling
        self.failed = failed
    }

    /// The reason in words: the chair's own, or each failed rule's reason in `language`.
    public func reason(_ language: Language) -> String {
        if let ruling { return ruling.reason }
        return failed.map { $0.reason.words(language) }.joined(separator: "; ")
    }
}

extension EligibilityRules {
    /// The entries that may not be judged, by entry index: those the chair ruled `fail`, and,
    /// when the contest has an `eligibility` block, those the rules fail that the chair has
    /// not ruled on. A chair's `pass` stands over a rule that fails; `review` excludes nothing.
    /// A contest without the block and without rulings has none.
    public static func ineligible(contest: Contest, rulings: [Int: SheetBook.EligibilityRuling]) -> [Int: Ineligibility] {
        var out: [Int: Ineligibility] = [:]
        for (e, r) in rulings where r.status == .fail { out[e] = Ineligibility(ruling: r.decision) }
        guard let config = contest.eligibility else { return out }
        for (e, failed) in ruleFailures(contest.entries, config) where rulings[e] == nil {
            out[e] = Ineligibility(failed: failed)
        }
        return out
    }

    /// The entries the rules fail, by index, with the rules that fail them. They depend on
    /// entries.json and the eligibility block alone, while the console scores after every
    /// ledger change, so the last contest's are kept: the same entries (the same array, which
    /// compares at once, or equal ones) and block give them back without checking again.
    static func ruleFailures(_ entries: [Contest.Entry], _ config: Contest.Eligibility) -> [Int: [EligibilityRuleResult]] {
        if let kept = lastFailures.withLock({ m in m.flatMap { $0.entries == entries && $0.config == config ? $0.failures : nil } }) {
            return kept
        }
        let winners = WinnerIndex(config)
        var out: [Int: [EligibilityRuleResult]] = [:]
        for (e, entry) in entries.enumerated() {
            let failed = failures(entry, config, winners)
            if !failed.isEmpty { out[e] = failed }
        }
        lastFailures.withLock { $0 = RuleFailures(entries: entries, config: config, failures: out) }
        return out
    }

    struct RuleFailures: Sendable {
        var entries: [Contest.Entry]
        var config: Contest.Eligibility
        var failures: [Int: [EligibilityRuleResult]]
    }

    static let lastFailures = Mutex<RuleFailures?>(nil)

    /// `ineligible(contest:rulings:)` of the book's contest and the chair's rulings in it.
    public static func ineligible(_ book: SheetBook) -> [Int: Ineligibility] {
        ineligible(contest: book.contest, rulings: book.eligibility)
    }

    /// The same from the chair's file alone, for a screen that reads no other judge's file
    /// (the judge's list, which leaves these entries out).
    public static func ineligible(contest: Contest, chairEvents: [LedgerEvent]) -> [Int: Ineligibility] {
        // Only an eligibility line makes a ruling: without one, as at most of a judge's starts,
        // the book of every judge's empty sheets need not be made before the first frame.
        guard chairEvents.contains(where: { $0.kind == .eligibility }) else { return ineligible(contest: contest, rulings: [:]) }
        return ineligible(SheetBook(contest: contest, judgeEvents: [], chairEvents: chairEvents))
    }

    /// Every entry's eligibility by the contest's rules and the chair's rulings in `book`; nil
    /// for a contest without an eligibility block. What `khanaen report` and the console's
    /// statistics both compute.
    public static func evaluate(_ book: SheetBook) -> [EntryEligibility]? {
        book.contest.eligibility.map { evaluate(book.contest.entries, config: $0, decisions: decisions(book)) }
    }

    /// The chair's rulings in force, by entry id, as `evaluate` takes them.
    public static func decisions(_ book: SheetBook) -> [String: EligibilityDecision] {
        var out: [String: EligibilityDecision] = [:]
        for (e, r) in book.eligibility {
            out[book.contest.entries[e].id] = EligibilityDecision(status: r.status, reason: r.decision.reason,
                                                                  by: r.decision.actor, time: r.decision.time)
        }
        return out
    }
}
