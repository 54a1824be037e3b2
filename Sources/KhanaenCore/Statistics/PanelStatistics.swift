/// Everything the panel's statistics say about one method's results, in one value: the
/// agreement, how sure each proposed tier is, each entry's swing, the judges' patterns and the
/// discussion queue (docs/scoring.md, "Statistics for the panel"). A pure function of the
/// sheets, the results, the seed and the number of resamples: the same inputs give the same
/// value, however many cores compute it.
public struct PanelStatistics: Equatable, Sendable {
    /// The seed and resamples `khanaen report` and the console use unless told otherwise.
    public static let defaultSeed: UInt64 = TierConfidence.defaultSeed
    public static let defaultResamples = TierConfidence.defaultResamples

    /// The method of the results these statistics are about.
    public var method: Method
    public var seed: UInt64
    public var resamples: Int
    /// The threshold below which a proposal is `uncertain` (contest.json's `thresholds.uncertain`).
    public var uncertain: Double
    public var agreement: PanelAgreement
    public var confidence: TierConfidence
    /// One per ranked entry, in rank order.
    public var swing: [Swing]
    /// One per judge, in the contest's order.
    public var patterns: [JudgePatterns]
    public var queue: [DiscussionItem]

    /// Positions in `confidence.entries` and `swing` by entry index.
    private var confidenceAt: [Int: Int]
    private var swingAt: [Int: Int]

    public init(method: Method, seed: UInt64, resamples: Int, uncertain: Double, agreement: PanelAgreement,
                confidence: TierConfidence, swing: [Swing], patterns: [JudgePatterns], queue: [DiscussionItem]) {
        self.method = method
        self.seed = seed
        self.resamples = resamples
        self.uncertain = uncertain
        self.agreement = agreement
        self.confidence = confidence
        self.swing = swing
        self.patterns = patterns
        self.queue = queue
        var c = [Int: Int](), s = [Int: Int]()
        for (k, e) in confidence.entries.enumerated() { c[e.index] = k }
        for (k, e) in swing.enumerated() { s[e.entry] = k }
        confidenceAt = c
        swingAt = s
    }

    /// Computes every figure for `results` (any method, with or without drafts).
    ///
    /// - `byMethod`: the results of the other methods the caller has, for the queue's `method`
    ///   items (the tiers that depend on the method); `results` itself need not be in it, and
    ///   methods left out are not compared.
    /// - `seed`, `resamples`: the bootstrap's (`TierConfidence`); resamples below 0 count as 0,
    ///   which leaves every probability 0 and puts no `uncertain` item on the queue.
    /// - `eligibility`: each entry's eligibility, for the queue's `eligibility` items; none without it.
    public static func compute(book: SheetBook, results: Results, byMethod: [Method: Results] = [:],
                               seed: UInt64 = defaultSeed, resamples: Int = defaultResamples,
                               eligibility: [EntryEligibility]? = nil) -> PanelStatistics {
        let contest = book.contest
        let confidence = TierConfidence.compute(book: book, results: results, resamples: resamples, seed: seed)
        let swing = Swing.compute(contest: contest, results: results)
        let agreement = PanelAgreement.compute(book: book, results: results)
        let patterns = JudgePatterns.compute(book: book, results: results, thresholds: contest.thresholds.patterns)
        let queue = DiscussionQueue.build(book: book, results: results, byMethod: byMethod, confidence: confidence,
                                          patterns: patterns, eligibility: eligibility)
        return PanelStatistics(method: results.method, seed: seed, resamples: confidence.resamples,
                               uncertain: contest.thresholds.uncertain, agreement: agreement, confidence: confidence,
                               swing: swing, patterns: patterns, queue: queue)
    }

    /// The bootstrap's figures for an entry (by index into the contest's entries).
    public func confidence(entry: Int) -> TierConfidence.Entry? { confidenceAt[entry].map { confidence.entries[$0] } }

    /// The share of resamples that propose the entry's proposed tier (or none), nil for an entry
    /// the results do not have or with no resamples.
    public func confidenceOfProposal(entry: Int) -> Double? {
        guard resamples > 0, let c = confidence(entry: entry) else { return nil }
        return confidence.probability(c, c.proposed)
    }

    /// The same as a whole percentage, rounded down, so that 100 % means every resample.
    public func percentOfProposal(entry: Int) -> Int? {
        guard resamples > 0, let c = confidence(entry: entry) else { return nil }
        let slot = c.proposed.flatMap { confidence.tiers.firstIndex(of: $0) } ?? confidence.tiers.count
        return c.counts[slot] * 100 / resamples
    }

    /// The entry's swing: nil for an entry that is not ranked; its `change` is nil when no single
    /// sheet can change its tier.
    public func swing(entry: Int) -> Swing? { swingAt[entry].map { swing[$0] } }

    /// A judge's patterns (by index into the contest's judges).
    public func patterns(judge: Int) -> JudgePatterns? { judge < patterns.count && patterns[judge].judge == judge ? patterns[judge] : nil }

    /// The queue's items not yet discussed.
    public var openItems: [DiscussionItem] { queue.filter(\.isOpen) }
}
