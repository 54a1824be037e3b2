/// One item for the panel's meeting: what it is about, the figures behind it, and what the panel
/// recorded about it, if anything (docs/scoring.md, "The discussion queue").
public struct DiscussionItem: Equatable, Sendable {
    /// The tier each compared method proposes.
    public struct MethodTier: Equatable, Sendable {
        public var method: Method
        /// nil for no award.
        public var tier: String?
    }

    /// One of a judge's flagged patterns (`JudgePatterns`) with its figure and threshold.
    public struct PatternFlag: Equatable, Sendable {
        public enum Kind: String, CaseIterable, Sendable { case halo, flat, drift, severity }
        public var kind: Kind
        /// halo: the ratio; flat: the share of the most frequent total; drift: rho; severity: z.
        public var value: Double
        /// flat: the most frequent total; drift: the p-value; nil otherwise.
        public var extra: Double?
        /// halo: `haloRatio`; flat: `flatShare`; drift: `driftRho`; severity: `severitySD`.
        public var threshold: Double
    }

    /// The figures behind an item, by topic.
    public enum Detail: Equatable, Sendable {
        /// Entries sharing a rank across the last place of `tier`: every member, in the results'
        /// order, and the places of `tier` left for the chair.
        case tie(tier: String, entries: [String], places: Int)
        /// The proposed tier (nil: none), the share of resamples that propose it, the likeliest
        /// other outcome and its share, and the threshold it is under.
        case uncertain(tier: String?, probability: Double, other: String?, otherProbability: Double, threshold: Double)
        /// The tier proposed under each method compared, in `Method.allCases` order.
        case method([MethodTier])
        /// The judge's total, the entry's median total, and the threshold the distance is above.
        case outlier(total: Double, median: Double, threshold: Double)
        /// The population SD of the entry's totals and the threshold it is above.
        case spread(sd: Double, threshold: Double)
        /// The judge's flagged patterns.
        case pattern([PatternFlag])
        /// One eligibility rule that leaves entries to the chair: the entries still without a
        /// ruling that it leaves open (in the results' order), and its result on each.
        case eligibility(rule: EligibilityRule, entries: [String], results: [EligibilityRuleResult])
    }

    public var topic: DiscussionTopic
    /// The entry (index into the contest's entries) and its id; nil for a judge's pattern. For a
    /// tie, the group's first member in the results' order.
    public var entry: Int?
    public var entryID: String?
    /// The judge (index into the contest's judges) and id: an outlier sheet's, a pattern's.
    public var judge: Int?
    public var judgeID: String?
    /// The entry's rank under the results' method.
    public var rank: Int?
    public var detail: Detail
    /// The latest `discussed` line that matches the item (`matches`), nil while none does.
    public var outcome: SheetBook.Discussed?

    /// Not yet discussed: no outcome is recorded for it.
    public var isOpen: Bool { outcome == nil }

    /// A stable name for the item: `topic:entry` (`tie:e03`, `uncertain:e05`, `method:e05`,
    /// `spread:e05`), `outlier:entry:judge` (`outlier:e05:j3`), `pattern:judge` (`pattern:j2`)
    /// and `eligibility:rule` (`eligibility:digital`). Ids never hold a colon, so a key is unambiguous; it is
    /// what a `discussed` line names, and it stays the same while the item is on the queue.
    public var key: String {
        switch topic {
        case .pattern: return "pattern:" + (judgeID ?? "")
        case .outlier: return "outlier:" + (entryID ?? "") + ":" + (judgeID ?? "")
        case .eligibility:
            if case .eligibility(let rule, _, _) = detail { return "eligibility:" + rule.rawValue }
            return "eligibility:" + (entryID ?? "")
        default: return topic.rawValue + ":" + (entryID ?? "")
        }
    }

    /// The entries a `discussed` line may name for this item: a tie's or an eligibility rule's
    /// every member, else the entry.
    public var entryIDs: [String] {
        if case .tie(_, let entries, _) = detail { return entries }
        if case .eligibility(_, let entries, _) = detail { return entries }
        return entryID.map { [$0] } ?? []
    }

    /// Whether a `discussed` line is about this item: the same topic and, for a pattern, the same
    /// judge; otherwise the same entry (any member of a tie), and for an outlier the same judge
    /// (a line about an outlier that names no judge covers every outlier sheet of the entry).
    public func matches(_ d: SheetBook.Discussed) -> Bool {
        guard d.topic == topic else { return false }
        switch topic {
        case .pattern: return d.judge != nil && d.judge == judgeID
        case .outlier: return d.entry == entryID && (d.judge == nil || d.judge == "" || d.judge == judgeID)
        default: return entryIDs.contains(d.entry)
        }
    }
}

/// The panel's discussion queue: one ordered list of what the meeting should look at.
public enum DiscussionQueue {
    /// Builds the queue from the results of the method shown and what the statistics found:
    ///
    /// - `tie`: each group of entries flagged `boundary-tie` that the chair has not settled;
    /// - `uncertain`: each entry whose proposed tier (or none) the bootstrap confirms in fewer
    ///   than `uncertain` of its resamples (none with no resamples);
    /// - `method`: each entry proposed different tiers by the methods in `byMethod` and `results`;
    /// - `outlier`: each sheet flagged `outlier`;
    /// - `spread`: each entry flagged `spread`;
    /// - `pattern`: each judge with a flagged pattern;
    /// - `eligibility`: each rule that leaves entries whose eligibility status is `review` to the
    ///   chair, with those entries (one item a rule, not one an entry), when `eligibility` is given.
    ///
    /// In that order of topics, then by the entry's place in `results` (rank, then the unranked
    /// by id), then by judge. Each item carries the latest matching outcome in `book.discussed`.
    public static func build(book: SheetBook, results: Results, byMethod: [Method: Results], confidence: TierConfidence,
                             patterns: [JudgePatterns], eligibility: [EntryEligibility]? = nil,
                             uncertain: Double? = nil) -> [DiscussionItem] {
        let contest = book.contest
        let thresholds = contest.thresholds
        let uncertain = uncertain ?? thresholds.uncertain
        // Place of each entry in the results' order, for sorting.
        var place = [Int: Int]()
        for (k, e) in results.entries.enumerated() { place[e.index] = k }
        func item(_ topic: DiscussionTopic, _ e: EntryResult?, judge: Int? = nil, _ detail: DiscussionItem.Detail) -> DiscussionItem {
            DiscussionItem(topic: topic, entry: e?.index, entryID: e?.id, judge: judge,
                           judgeID: judge.map { contest.judges[$0].id }, rank: e?.rank, detail: detail, outcome: nil)
        }
        var items: [DiscussionItem] = []

        // Boundary ties not settled: one item per group, named by its first member.
        var inTie = Set<String>()
        for e in results.entries where !inTie.contains(e.id) {
            guard let f = e.flags.first(where: { $0.kind == .boundaryTie && !$0.settled }), let tier = f.tier else { continue }
            let members = results.entries.filter { $0.id == e.id || f.entries.contains($0.id) }.map(\.id)
            inTie.formUnion(members)
            items.append(item(.tie, e, .tie(tier: tier, entries: members, places: f.places ?? 0)))
        }

        // Uncertain proposals.
        let slots = confidence.tiers.count + 1
        if confidence.resamples > 0 && slots > 1 {
            for c in confidence.entries {
                guard let k = place[c.index], results.entries[k].rank != nil else { continue }
                let e = results.entries[k]
                let mine = confidence.tiers.firstIndex(of: e.proposed ?? "") ?? confidence.tiers.count
                let p = c.probabilities[mine]
                guard p < uncertain else { continue }
                var other = mine == 0 ? 1 : 0
                for s in 0..<slots where s != mine && c.probabilities[s] > c.probabilities[other] { other = s }
                items.append(item(.uncertain, e, .uncertain(tier: e.proposed, probability: p,
                                                            other: other < confidence.tiers.count ? confidence.tiers[other] : nil,
                                                            otherProbability: c.probabilities[other], threshold: uncertain)))
            }
        }

        // Tiers that depend on the method.
        var compared = byMethod
        compared[results.method] = results
        if compared.count > 1 {
            let methods = Method.allCases.filter { compared[$0] != nil }
            let proposals = methods.map { m -> [Int: String?] in
                var out = [Int: String?]()
                for e in compared[m]!.entries { out[e.index] = e.proposed }
                return out
            }
            for e in results.entries {
                let tiers = methods.indices.map { DiscussionItem.MethodTier(method: methods[$0], tier: proposals[$0][e.index] ?? nil) }
                if Set(tiers.map { $0.tier ?? "" }).count > 1 { items.append(item(.method, e, .method(tiers))) }
            }
        }

        // Outlier sheets and spreads, from the flags.
        for e in results.entries {
            guard let f = e.flags.first(where: { $0.kind == .outlier }), let median = e.medianTotal else { continue }
            for t in e.totals where f.judges.contains(contest.judges[t.judge].id) {
                items.append(item(.outlier, e, judge: t.judge, .outlier(total: t.total, median: median, threshold: thresholds.outlier)))
            }
        }
        for e in results.entries {
            if let f = e.flags.first(where: { $0.kind == .spread }) {
                items.append(item(.spread, e, .spread(sd: f.value ?? e.sd ?? 0, threshold: thresholds.spread)))
            }
        }

        // Judges' patterns.
        let pt = thresholds.patterns
        for p in patterns where p.judge < contest.judges.count {
            var flags: [DiscussionItem.PatternFlag] = []
            if p.halo.flagged, let v = p.halo.value { flags.append(.init(kind: .halo, value: v, extra: nil, threshold: pt.haloRatio)) }
            if p.flat.flagged, let v = p.flat.value { flags.append(.init(kind: .flat, value: v, extra: p.mostFrequentTotal, threshold: pt.flatShare)) }
            if p.drift.flagged, let v = p.drift.value { flags.append(.init(kind: .drift, value: v, extra: p.driftP, threshold: pt.driftRho)) }
            if p.severity.flagged, let v = p.severity.value {
                flags.append(.init(kind: .severity, value: v, extra: nil, threshold: pt.severitySD))
            }
            if !flags.isEmpty { items.append(item(.pattern, nil, judge: p.judge, .pattern(flags))) }
        }

        // Eligibility left to the chair: one item a rule, with every entry it leaves open.
        if let eligibility {
            var byID = [String: EntryEligibility]()
            for x in eligibility { byID[x.id] = x }
            for rule in EligibilityRule.allCases {
                var members: [EntryResult] = []
                var found: [EligibilityRuleResult] = []
                for e in results.entries {
                    guard let x = byID[e.id], x.status == .review, let r = x.rules.first(where: { $0.rule == rule && $0.status == .review })
                    else { continue }
                    members.append(e)
                    found.append(r)
                }
                guard let first = members.first else { continue }
                items.append(item(.eligibility, first, .eligibility(rule: rule, entries: members.map(\.id), results: found)))
            }
        }

        // Severity of topic, then place, then judge; the latest outcome of each.
        let topicOrder = Dictionary(uniqueKeysWithValues: DiscussionTopic.allCases.enumerated().map { ($1, $0) })
        func sortKey(_ i: DiscussionItem) -> (Int, Int, Int) {
            // Eligibility's items in the rules' order.
            if case .eligibility(let rule, _, _) = i.detail {
                return (topicOrder[i.topic] ?? 0, EligibilityRule.allCases.firstIndex(of: rule) ?? 0, -1)
            }
            return (topicOrder[i.topic] ?? 0, i.entry.flatMap { place[$0] } ?? -1, i.judge ?? -1)
        }
        items.sort { sortKey($0) < sortKey($1) }
        for k in items.indices {
            items[k].outcome = book.discussed.last { items[k].matches($0) }
        }
        return items
    }
}
