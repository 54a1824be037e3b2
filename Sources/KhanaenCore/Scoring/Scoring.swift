/// Turns sheets into totals, combines the judges, ranks the entries and proposes the
/// awards. A pure function of the contest and its sheets; docs/scoring.md is its specification.
public enum Scoring {
    /// The results by `method`, the official method when not given.
    public static func compute(_ book: SheetBook, method: Method? = nil, includeDrafts: Bool = false) -> Results {
        let method = method ?? book.method
        let contest = book.contest
        let nJ = contest.judges.count, nE = contest.entries.count, nC = contest.criteria.count
        let maxTotal = contest.maxTotal
        let rows = book.rows
        // Entries that may not be judged: unranked, and their sheets are left out of the
        // judges' figures, so that they change no other entry's normalised score.
        let ineligible = EligibilityRules.ineligible(book)
        let excluded = (0..<nE).map { ineligible[$0] != nil }
        // Once a chair has assigned, a judge's work is the entries given to them (and any
        // sheet they began before), and an entry's quorum is at most the judges it was given.
        let assignment = book.assignment
        // A conflict a chair recorded takes the judge's sheet out, whenever it was written.
        let pinned = (0..<nJ).map { j in Set(book.chairConflicts.filter { $0.judge == j }.map(\.entry)) }
        // A judge given an entry and then found in conflict with it can give no sheet that counts.
        let assigned = assignment.map { m in m.indices.map { e in (0..<nJ).filter { m[e][$0] && !pinned[$0].contains(e) }.count } }

        // Each judge's counts and figures, and each sheet's counted total (NaN when it does
        // not count), worked out once for the entries' pass: a judge's row is its own.
        let perJudge = Parallel.map(nJ, minimum: 8) { j -> (JudgeResult, [Double], [Double]) in
            var r = JudgeResult(index: j, id: contest.judges[j].id, submitted: 0, drafts: 0, recused: 0, notStarted: 0,
                                counted: 0, mean: nil, sd: nil, normalisable: false, lastChange: nil, entries: 0)
            var totals: [Double] = []
            var counted = [Double](repeating: .nan, count: nE)
            for (e, sheet) in rows[j].enumerated() {
                if sheet.status == .notStarted && (pinned[j].contains(e) || assignment.map { !$0[e][j] } ?? false) { continue }
                r.entries += 1
                switch sheet.status {
                case .submitted: r.submitted += 1
                case .draft: r.drafts += 1
                case .recused: r.recused += 1
                case .notStarted: r.notStarted += 1
                }
                if let t = sheet.lastChange, t > (r.lastChange ?? Int64.min) { r.lastChange = t }
                let counts = sheet.status == .submitted || (includeDrafts && sheet.status == .draft && sheet.isComplete)
                if counts, !pinned[j].contains(e), let t = sheet.total(maxTotal: maxTotal) {
                    if !excluded[e] { totals.append(t) }
                    counted[e] = t
                }
            }
            r.counted = totals.count
            r.mean = Stats.mean(totals)
            r.sd = Stats.sd(totals)
            r.normalisable = r.counted >= 3 && (r.sd ?? 0) > 0
            return (r, totals, counted)
        }
        let judges = perJudge.map { $0.0 }
        let allTotals = perJudge.flatMap { $0.1 }
        let counted = perJudge.map { $0.2 }
        let mu = Stats.mean(allTotals), sigma = Stats.sd(allTotals)
        let judgesCounting = judges.filter { $0.counted > 0 }.count
        let severity = PatternThresholds().severitySD

        // Each entry's result depends on its own sheets and the judges' figures alone.
        let entries = Parallel.map(nE) { e -> EntryResult in
            var totals: [(judge: Int, total: Double)] = []
            totals.reserveCapacity(nJ)
            var sums = [Double](repeating: 0, count: nC)
            for j in 0..<nJ {
                let t = counted[j][e]
                if t.isNaN { continue }
                totals.append((j, t))
                let scores = rows[j][e].scores
                for c in 0..<nC { sums[c] += scores[c] ?? 0 }
            }
            let raw = totals.map { $0.total }
            let given = assigned.map { $0[e] }
            let quorum = given.map { $0 > 0 ? min(contest.quorum, $0) : contest.quorum } ?? contest.quorum
            var r = EntryResult(index: e, id: contest.entries[e].id, totals: totals, normalisedTotals: nil, score: nil,
                                sd: Stats.sd(raw), medianTotal: Stats.median(raw),
                                criterionMeans: sums.map { totals.isEmpty ? nil : $0 / Double(totals.count) },
                                rank: nil, unrankedReason: nil, proposed: nil, override: book.overrides[e], flags: [], tie: nil,
                                assigned: given, quorum: quorum)
            switch method {
            case .mean: r.score = Stats.mean(raw)
            case .median: r.score = r.medianTotal
            case .trimmed:
                if raw.count >= 5 { r.score = Stats.mean(Array(raw.sorted().dropFirst().dropLast())) } else { r.score = Stats.mean(raw) }
            case .normalised:
                var n: [Double] = []
                var unnormalised: [String] = []
                for (j, t) in totals {
                    let jr = judges[j]
                    if jr.normalisable, let mu, let sigma, let mj = jr.mean, let sj = jr.sd {
                        n.append(min(100, max(0, mu + sigma * (t - mj) / sj)))
                    } else {
                        n.append(t)
                        unnormalised.append(jr.id)
                    }
                }
                r.normalisedTotals = n
                r.score = Stats.mean(n)
                if !unnormalised.isEmpty { r.flags.append(Flag(kind: .judgeNotNormalised, judges: unnormalised)) }
            }
            // The round's own score, and with `carry` the earlier round's share added; an entry
            // with no earlier score is scored on this round alone.
            r.roundScore = r.score
            r.earlier = contest.earlierRound?.standings[r.id]
            if let w = contest.carry, let own = r.score, let before = r.earlier?.score { r.score = (1 - w) * own + w * before }
            if let sd = r.sd, sd > contest.thresholds.spread { r.flags.append(Flag(kind: .spread, value: sd)) }
            if let med = r.medianTotal {
                let far = totals.filter { abs($0.total - med) > contest.thresholds.outlier }.map { contest.judges[$0.judge].id }
                if !far.isEmpty { r.flags.append(Flag(kind: .outlier, judges: far)) }
            }
            // Judges who all lean one way, on an entry the whole panel did not score: the bias the
            // normalised method exists to take out.
            if totals.count >= 2, totals.count < judgesCounting, let mu, let sigma, sigma > 0 {
                let z = totals.compactMap { judges[$0.judge].mean.map { ($0 - mu) / sigma } }
                if z.count == totals.count, z.allSatisfy({ $0 < -severity }) || z.allSatisfy({ $0 > severity }) {
                    r.flags.append(Flag(kind: .skewedPanel, judges: totals.map { contest.judges[$0.judge].id },
                                        value: z.reduce(0, +) / Double(z.count)))
                }
            }
            let leftOut = (0..<nJ).filter { pinned[$0].contains(e) && rows[$0][e].status != .notStarted }
            if !leftOut.isEmpty { r.flags.append(Flag(kind: .conflict, judges: leftOut.map { contest.judges[$0].id })) }
            if let why = ineligible[e] {
                // Whatever else might be said of it, it is out of the ranking and the awards.
                r.unrankedReason = Flag.Kind.ineligible.rawValue
                r.flags = [Flag(kind: .ineligible, ineligibility: why)]
                r.override = nil
            } else if totals.count < quorum {
                r.unrankedReason = Flag.Kind.belowQuorum.rawValue
                r.flags.append(Flag(kind: .belowQuorum, value: Double(totals.count), quorum: quorum))
            }
            return r
        }

        var ranked = entries.filter { $0.unrankedReason == nil }
        let unranked = entries.filter { $0.unrankedReason != nil }.sorted { $0.id < $1.id }
        let order = contest.tieBreak.compactMap { contest.criterionIndex($0) }
        // Each entry's sort keys (its score, then the tie-break criteria's means, at two
        // decimals), side by side in one array; the entries' indexes are sorted, not the
        // entries, which are large.
        let width = 1 + order.count
        var keys = [Int64](repeating: 0, count: ranked.count * width)
        for (k, r) in ranked.enumerated() {
            keys[k * width] = TwoDecimals.key(r.score ?? 0)
            for (c, criterion) in order.enumerated() { keys[k * width + 1 + c] = TwoDecimals.key(r.criterionMeans[criterion] ?? 0) }
        }
        /// The first key in which a and b differ, or nil when they tie on every key.
        func firstDifference(_ a: Int, _ b: Int) -> Int? {
            (0..<width).first { keys[a * width + $0] != keys[b * width + $0] }
        }
        let sorted = ranked.indices.sorted { a, b in
            if let d = firstDifference(a, b) { return keys[a * width + d] > keys[b * width + d] }
            return ranked[a].id < ranked[b].id
        }
        ranked = sorted.map { ranked[$0] }
        for k in ranked.indices {
            let difference = k > 0 ? firstDifference(sorted[k], sorted[k - 1]) : 0
            if difference == nil {
                ranked[k].rank = ranked[k - 1].rank
            } else {
                ranked[k].rank = k + 1
            }
            if k > 0 && difference != 0 {
                let c = difference.map { order[$0 - 1] }
                ranked[k].tie = TieNote(above: ranked[k - 1].id, criterion: c.map { contest.criteria[$0].id },
                                        aboveValue: c.flatMap { ranked[k - 1].criterionMeans[$0] },
                                        value: c.flatMap { ranked[k].criterionMeans[$0] })
            }
        }
        proposeAwards(&ranked, contest: contest)

        // A boundary tie is the chair's to settle; once every entry of it has a decision, it is settled.
        let decided = Set(ranked.filter { $0.override != nil }.map(\.id))
        for k in ranked.indices {
            for f in ranked[k].flags.indices where ranked[k].flags[f].kind == .boundaryTie {
                ranked[k].flags[f].settled = decided.contains(ranked[k].id) && ranked[k].flags[f].entries.allSatisfy(decided.contains)
            }
        }
        var tierCounts: [TierCount] = []
        let final = ranked + unranked
        for tier in contest.awards {
            let given = final.filter { $0.award == tier.id }.count
            if given != tier.count { tierCounts.append(TierCount(tier: tier.id, given: given, count: tier.count)) }
        }
        return Results(method: method, official: book.method, includeDrafts: includeDrafts, entries: final, judges: judges,
                       contestMean: mu, contestSD: sigma, tierCounts: tierCounts)
    }

    /// Fills the tiers in rank order. A group of entries sharing a rank that straddles a tier's
    /// last place gets the tier of the group's last place (possibly none) and is flagged
    /// boundary-tie with the higher tier: its remaining places are the chair's to give.
    static func proposeAwards(_ ranked: inout [EntryResult], contest: Contest) {
        var tierOfPlace: [Int] = []
        var tierStart: [Int] = []
        for (t, tier) in contest.awards.enumerated() {
            tierStart.append(tierOfPlace.count)
            tierOfPlace.append(contentsOf: Array(repeating: t, count: tier.count))
        }
        func tierAt(_ p: Int) -> Int? { p < tierOfPlace.count ? tierOfPlace[p] : nil }
        var a = 0
        while a < ranked.count {
            var b = a
            while b + 1 < ranked.count && ranked[b + 1].rank == ranked[a].rank { b += 1 }
            let top = tierAt(a), bottom = tierAt(b)
            let proposed = bottom.map { contest.awards[$0].id }
            let group = ranked[a...b].map { $0.id }
            for k in a...b {
                ranked[k].proposed = proposed
                if top != bottom, let top {
                    let placesLeft = tierStart[top] + contest.awards[top].count - a
                    ranked[k].flags.append(Flag(kind: .boundaryTie, tier: contest.awards[top].id,
                                                entries: group.filter { $0 != ranked[k].id }, places: placesLeft))
                }
            }
            a = b + 1
        }
    }
}
