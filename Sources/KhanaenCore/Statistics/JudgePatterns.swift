/// Patterns in one judge's counted sheets worth the chair's look, each with its figure:
///
/// - `halo`: r = h_j / h_panel, where h is the mean over sheets of the population SD of the
///   sheet's criterion shares sᵢ / maxᵢ, h_j over the judge's counted sheets and h_panel over
///   every other judge's. A judge who gives an entry the same share on every criterion (one
///   overall impression) has r near 0. Flagged when r < `haloRatio`.
/// - `flat`: the share of the judge's counted totals equal (at two decimals) to their most
///   frequent total. Flagged when above `flatShare`.
/// - `drift`: Spearman's rho between the judge's residuals and the order they scored the sheets in
///   (by default each sheet's last change, which for a submitted sheet is its submit), with its
///   two-sided p-value. A sheet's residual is its total minus the mean of the other judges'
///   counted totals for that entry; a sheet no other judge counts for has none and takes no part.
///   Residuals, not totals: a judge who happens to score the best entries first has falling totals
///   but no trend against the panel. Positive: later sheets were scored higher than the panel
///   scored them. Flagged when p < `driftP` and |rho| > `driftRho`.
/// - `severity`: z = mean over the judge's counted sheets of (T − m_e) / σ, where m_e is the mean
///   of entry e's counted totals (every judge's, this one's included) and σ the population SD of
///   every counted total in the contest; only entries that another judge also counts for take
///   part. When every judge counts for every entry this is (the judge's mean − the panel's
///   mean) / σ; with gaps it does not blame a judge for the entries they happened to get.
///   Negative: severe; positive: lenient. Flagged when |z| > `severitySD`.
///
/// A pattern with fewer sheets than its minimum in `PatternThresholds`, or nothing to compare
/// with (a panel of one, every total the same, a single time), is not assessed: its value is nil
/// and it is not flagged.
public struct JudgePatterns: Equatable, Sendable {
    public struct Figure: Equatable, Sendable {
        /// nil when the pattern is not assessed.
        public var value: Double?
        public var flagged: Bool
        /// The sheets the figure rests on.
        public var sheets: Int
    }

    public var judge: Int
    public var id: String
    public var counted: Int
    public var halo: Figure
    /// The two sides of the halo ratio: the judge's and the other judges' mean within-sheet SD of shares.
    public var shareSD: Double?
    public var panelShareSD: Double?
    public var flat: Figure
    public var mostFrequentTotal: Double?
    public var drift: Figure
    public var driftP: Double?
    public var severity: Figure

    /// Every judge's patterns, in the contest's order of judges, over the sheets `results` counted.
    /// `order`, when given, lists for judge j the entry indexes in the order j scored them (`order[j]`);
    /// counted sheets it does not list are left out of drift. Without it, drift orders the sheets
    /// by `Sheet.lastChange`.
    public static func compute(book: SheetBook, results: Results, thresholds: PatternThresholds = PatternThresholds(),
                               order: [[Int]]? = nil) -> [JudgePatterns] {
        let contest = book.contest
        let nJ = results.judges.count
        var sheets = [[(entry: Int, total: Double)]](repeating: [], count: nJ)
        var entryMean = [Int: Double](), entryCount = [Int: Int](), entrySum = [Int: Double]()
        for e in results.entries where !e.totals.isEmpty {
            for (j, t) in e.totals where j < nJ { sheets[j].append((e.index, t)) }
            let sum = e.totals.reduce(0) { $0 + $1.total }
            entryMean[e.index] = sum / Double(e.totals.count)
            entrySum[e.index] = sum
            entryCount[e.index] = e.totals.count
        }
        /// A sheet's total minus the mean of the other judges' counted totals for its entry.
        func residual(_ s: (entry: Int, total: Double)) -> Double? {
            guard let n = entryCount[s.entry], n >= 2, let sum = entrySum[s.entry] else { return nil }
            return s.total - (sum - s.total) / Double(n - 1)
        }

        // Each counted sheet's spread of criterion shares, summed per judge.
        let maxima = contest.criteria.map { $0.max }
        var shareSums = [Double](repeating: 0, count: nJ), shareSheets = [Int](repeating: 0, count: nJ)
        for j in 0..<nJ {
            for s in sheets[j] {
                let scores = book.sheet(judge: j, entry: s.entry).scores
                let shares = maxima.indices.compactMap { c -> Double? in
                    guard c < scores.count, let v = scores[c], maxima[c] > 0 else { return nil }
                    return v / maxima[c]
                }
                if shares.count >= 2, let sd = Stats.sd(shares) {
                    shareSums[j] += sd
                    shareSheets[j] += 1
                }
            }
        }
        let allShareSum = shareSums.reduce(0, +), allShareSheets = shareSheets.reduce(0, +)

        return (0..<nJ).map { j -> JudgePatterns in
            let own = sheets[j]
            var p = JudgePatterns(judge: j, id: results.judges[j].id, counted: own.count,
                                  halo: Figure(value: nil, flagged: false, sheets: shareSheets[j]), shareSD: nil, panelShareSD: nil,
                                  flat: Figure(value: nil, flagged: false, sheets: own.count), mostFrequentTotal: nil,
                                  drift: Figure(value: nil, flagged: false, sheets: 0), driftP: nil,
                                  severity: Figure(value: nil, flagged: false, sheets: 0))

            let panelSheets = allShareSheets - shareSheets[j]
            if shareSheets[j] > 0 { p.shareSD = shareSums[j] / Double(shareSheets[j]) }
            if panelSheets > 0 { p.panelShareSD = (allShareSum - shareSums[j]) / Double(panelSheets) }
            if shareSheets[j] >= max(1, thresholds.haloMinSheets), panelSheets >= max(1, thresholds.haloMinSheets),
               let mine = p.shareSD, let panel = p.panelShareSD, panel > 0 {
                let ratio = mine / panel
                p.halo.value = ratio
                p.halo.flagged = ratio < thresholds.haloRatio
            }

            if own.count >= max(1, thresholds.flatMinSheets) {
                var frequency = [Int64: Int]()
                for s in own { frequency[TwoDecimals.key(s.total), default: 0] += 1 }
                let most = frequency.values.max() ?? 0
                let mode = frequency.filter { $0.value == most }.keys.min() ?? 0
                let share = Double(most) / Double(own.count)
                p.flat.value = share
                p.flat.flagged = share > thresholds.flatShare
                p.mostFrequentTotal = Double(mode) / 100
            }

            var when: [Double] = [], residuals: [Double] = []
            if let order, j < order.count {
                var position = [Int: Int]()
                for (k, e) in order[j].enumerated() where position[e] == nil { position[e] = k }
                for s in own { if let k = position[s.entry], let r = residual(s) { when.append(Double(k)); residuals.append(r) } }
            } else {
                for s in own {
                    if let t = book.sheet(judge: j, entry: s.entry).lastChange, let r = residual(s) {
                        when.append(Double(t)); residuals.append(r)
                    }
                }
            }
            p.drift.sheets = when.count
            if when.count >= max(3, thresholds.driftMinSheets), let r = Spearman.of(when, residuals) {
                p.drift.value = r.rho
                p.driftP = r.p
                p.drift.flagged = r.p < thresholds.driftP && abs(r.rho) > thresholds.driftRho
            }

            let shared = own.filter { (entryCount[$0.entry] ?? 0) >= 2 }
            p.severity.sheets = shared.count
            if shared.count >= max(1, thresholds.severityMinSheets), let sigma = results.contestSD, sigma > 0 {
                let z = shared.reduce(0) { $0 + ($1.total - (entryMean[$1.entry] ?? $1.total)) } / Double(shared.count) / sigma
                p.severity.value = z
                p.severity.flagged = abs(z) > thresholds.severitySD
            }
            return p
        }
    }
}
