/// Something the chair should look at, with what it concerns.
public struct Flag: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case spread
        case outlier
        case boundaryTie = "boundary-tie"
        case belowQuorum = "below-quorum"
        case judgeNotNormalised = "judge-not-normalised"
        case ineligible
        /// A judge's begun sheet left out because a chair recorded a conflict of interest for
        /// the pair after it was written (or before): the chair should know it is not counted.
        case conflict
        /// Every counted judge of the entry is severe, or every one lenient (their mean at least
        /// `PatternThresholds.severitySD` σ from the contest's), where the entry has fewer judges
        /// than the panel: its score by mean, median or trimmed carries their bias.
        case skewedPanel = "skewed-panel"
    }

    public var kind: Kind
    /// Judges concerned (outlier, judge-not-normalised, conflict, skewed-panel).
    public var judges: [String] = []
    /// The figure behind the flag: the SD (spread), counted sheets (below-quorum), the judges'
    /// mean distance from the contest's mean in σ (skewed-panel: negative severe, positive lenient).
    public var value: Double? = nil
    /// The contested tier (boundary-tie).
    public var tier: String? = nil
    /// Entries tied with this one (boundary-tie).
    public var entries: [String] = []
    /// Places of `tier` left for the chair to give among the tied entries (boundary-tie).
    public var places: Int? = nil
    /// A boundary tie the chair has settled: every entry of the tie has an award decision.
    public var settled = false
    /// Why the entry may not be judged, by the chair's ruling or the contest's rules (ineligible).
    public var ineligibility: Ineligibility? = nil
    /// The counted sheets the entry needs (below-quorum): the contest's quorum, or fewer when
    /// the assignment gives the entry fewer judges.
    public var quorum: Int? = nil
}

/// An award tier whose entries, after the chair's decisions, are not as many as the contest gives.
public struct TierCount: Equatable, Sendable {
    public var tier: String
    public var given: Int
    public var count: Int
}

/// How an entry stands against the entry just above it when their scores are equal at two decimals.
public struct TieNote: Equatable, Sendable {
    /// The entry above.
    public var above: String
    /// The criterion whose mean separated them, or nil when they share the rank.
    public var criterion: String?
    public var aboveValue: Double?
    public var value: Double?
}

public struct EntryResult: Equatable, Sendable {
    public var index: Int
    public var id: String
    /// Counted sheets: judge index and total out of 100.
    public var totals: [(judge: Int, total: Double)]
    /// Totals after normalisation, in the order of `totals` (method normalised only).
    public var normalisedTotals: [Double]?
    /// The final score: `roundScore`, or with `carry` (1 − w) · roundScore + w · the earlier round's.
    public var score: Double?
    /// This round's score by the method, before any earlier round is counted.
    public var roundScore: Double? = nil
    /// The entry's rank and score in the earlier round, when this round has one and it was read.
    public var earlier: EarlierRound.Standing? = nil
    public var sd: Double?
    public var medianTotal: Double?
    /// Mean of each criterion over the counted sheets.
    public var criterionMeans: [Double?]
    public var rank: Int?
    /// Why the entry is not ranked: `below-quorum`, or `ineligible` (it may not be judged;
    /// it has no award, whatever the chair's award decisions say).
    public var unrankedReason: String?
    public var proposed: String?
    public var override: SheetBook.AwardOverride?
    public var flags: [Flag]
    public var tie: TieNote?
    /// The judges the assignment gives the entry; nil when no chair has assigned.
    public var assigned: Int? = nil
    /// The counted sheets it needs to be ranked: the contest's quorum, at most `assigned`.
    public var quorum: Int = 0

    /// The award after the chair's override, if any.
    public var award: String? { override.map { $0.tier } ?? proposed }

    public static func == (a: EntryResult, b: EntryResult) -> Bool {
        a.index == b.index && a.score == b.score && a.rank == b.rank && a.proposed == b.proposed && a.override == b.override
            && a.flags == b.flags && a.tie == b.tie && a.totals.map { $0.total } == b.totals.map { $0.total }
    }
}

public struct JudgeResult: Equatable, Sendable {
    public var index: Int
    public var id: String
    public var submitted: Int
    public var drafts: Int
    public var recused: Int
    public var notStarted: Int
    /// Sheets that count under the current rules (submitted, or complete drafts with --include-drafts).
    public var counted: Int
    public var mean: Double?
    public var sd: Double?
    /// False when normalisation leaves this judge's totals as they are (fewer than 3 counted sheets, or SD 0).
    public var normalisable: Bool
    public var lastChange: Int64?
    /// The judge's entries: every entry, or once a chair has assigned, those given to the
    /// judge and any other whose sheet they began before.
    public var entries: Int = 0
}

public struct Results: Equatable, Sendable {
    public var method: Method
    /// The contest's official method (contest.json, or the chair's last change of it): the
    /// results of any other method are for comparison only.
    public var official: Method
    public var isOfficial: Bool { method == official }
    public var includeDrafts: Bool
    /// Ranked entries in rank order, then unranked ones by id.
    public var entries: [EntryResult]
    public var judges: [JudgeResult]
    /// Mean and population SD of every counted sheet total in the contest.
    public var contestMean: Double?
    public var contestSD: Double?
    /// The tiers whose entries, after the chair's decisions, differ from the contest's count.
    public var tierCounts: [TierCount]

    /// `tierCounts` in words, for the JSON report and the logs.
    public var tierWarnings: [String] { tierCounts.map { "\($0.tier): \($0.given) awarded, the contest gives \($0.count)" } }

    public var ranked: [EntryResult] { entries.filter { $0.rank != nil } }
    public var unranked: [EntryResult] { entries.filter { $0.rank == nil } }
}
