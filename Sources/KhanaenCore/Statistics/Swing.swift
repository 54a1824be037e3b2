/// How far one judge would have to change their mind to change an entry's proposed tier.
///
/// For a ranked entry E proposed tier τ under the results' method, one of E's counted sheets
/// is given another total T′ in place of its total T, every other sheet as it is, and the awards
/// are proposed again:
///
/// - T′ is a total a judge can give: a multiple of 100 × step / Σ max within 0…100.
/// - E's score is recomputed by the method with T′ in place of T. Method `normalised`: the
///   judges' and the contest's figures μⱼ, σⱼ, μ, σ are held at their current values and T′ is
///   normalised with them, N′ = clamp(μ + σ(T′ − μⱼ)/σⱼ, 0, 100) (N′ = T′ for a judge who is
///   not normalisable); so, as with the other methods, no other entry's score moves.
/// - E's tie-break criterion means are held at their current values (a total does not say
///   which criteria moved): E passes an entry with the same score at two decimals only when its
///   current tie-break means already rank it above that entry, and falls below one only when
///   they already rank it below or level.
/// - Every other entry keeps its score and keys; tiers are filled as the proposal fills them,
///   a group tied on every key across a tier's last place getting the tier of its last place.
///
/// The swing is the smallest |T′ − T| over E's counted sheets and both directions that gives E
/// a proposed tier other than τ; between equal changes the earlier judge wins, then up. There is
/// none when no single sheet can change E's tier (the top tier cannot go up and no award cannot
/// go down; with `median` one sheet may be unable to move the score far enough; T′ must stay
/// within 0…100). Entries that are not ranked have no swing. Chair overrides play no part.
///
/// It is computed, not searched: every method's score as a function of one sheet's value y is
/// a + b·clamp(y, lo, hi) with b > 0 (mean: the others' sum and 1/n; trimmed: the others'
/// sum without their lowest and highest and 1/(n − 2), clamped between those two; median:
/// clamped between the others' middle values), and y is T′ or a clamped line in T′, so the total
/// at which E's score reaches the score key that changes its place is solved for directly. That
/// total is put on the grid of totals and confirmed by recomputing E's score the way `Scoring`
/// does, which absorbs the last digit's rounding.
public struct Swing: Equatable, Sendable {
    public enum Direction: String, Sendable { case up, down }

    public struct Change: Equatable, Sendable {
        /// The judge whose sheet changes (index into the contest's judges) and their id.
        public var judge: Int
        public var judgeID: String
        public var direction: Direction
        /// The sheet's total now, and the nearest total that changes the tier.
        public var from: Double
        public var to: Double
        /// The tier E would then be proposed, nil for none.
        public var tier: String?
        /// |to − from|, out of 100.
        public var points: Double { abs(to - from) }
    }

    public var entry: Int
    public var id: String
    /// The tier proposed now, nil for none.
    public var tier: String?
    /// nil when no single sheet can change the tier.
    public var change: Change?

    /// One swing per ranked entry, in rank order.
    public static func compute(contest: Contest, results: Results) -> [Swing] {
        let field = Field(contest: contest, results: results)
        return Parallel.map(field.ranked.count) { field.swing(of: $0) }
    }

    /// The ranked entries' keys, in rank order, and what solving for a sheet's total needs.
    private struct Field: Sendable {
        let contest: Contest
        let results: Results
        let ranked: [EntryResult]
        let places: TierPlaces
        /// Per ranked entry: its score key, then its tie-break means' keys (`width` in all).
        let keys: [Int64]
        let width: Int
        /// Ranked entries by their keys, best first (rank order).
        let sorted: [Int]
        let positionOf: [Int]
        /// A total's step, out of 100, and the number of steps from 0 to 100.
        let grid: Double
        let steps: Int

        init(contest: Contest, results: Results) {
            self.contest = contest
            self.results = results
            ranked = results.entries.filter { $0.rank != nil && !$0.totals.isEmpty && $0.score != nil }
            places = TierPlaces(contest)
            let order = contest.tieBreak.compactMap { contest.criterionIndex($0) }
            width = 1 + order.count
            var keys = [Int64](repeating: 0, count: ranked.count * width)
            for (k, r) in ranked.enumerated() {
                keys[k * width] = TwoDecimals.key(r.score ?? 0)
                for (c, criterion) in order.enumerated() {
                    keys[k * width + 1 + c] = TwoDecimals.key(criterion < r.criterionMeans.count ? r.criterionMeans[criterion] ?? 0 : 0)
                }
            }
            self.keys = keys
            let w = width
            let sorted = ranked.indices.sorted { a, b in
                for c in 0..<w where keys[a * w + c] != keys[b * w + c] { return keys[a * w + c] > keys[b * w + c] }
                return a < b
            }
            self.sorted = sorted
            var positionOf = [Int](repeating: 0, count: ranked.count)
            for (p, k) in sorted.enumerated() { positionOf[k] = p }
            self.positionOf = positionOf
            let maxTotal = contest.maxTotal
            if contest.step > 0 && maxTotal > 0 && maxTotal / contest.step <= 1e7 {
                grid = 100 * contest.step / maxTotal
                steps = Int((maxTotal / contest.step).rounded())
            } else {
                grid = 0
                steps = 0
            }
        }

        /// Compares ranked entry a's tie-break keys with b's: -1, 0 or 1.
        private func compareTieBreaks(_ a: Int, _ b: Int) -> Int {
            for c in 1..<width where keys[a * width + c] != keys[b * width + c] {
                return keys[a * width + c] > keys[b * width + c] ? 1 : -1
            }
            return 0
        }

        /// The tier entry e gets with score key s and its own tie-break keys, the others as they are.
        private func tier(of e: Int, scoreKey s: Int64) -> Int {
            var atLeast = 0
            for o in ranked.indices where o != e {
                let os = keys[o * width]
                if os > s || (os == s && compareTieBreaks(o, e) >= 0) { atLeast += 1 }
            }
            return places.tier(atPlace: atLeast)
        }

        /// The k-th best of the ranked entries other than e (k from 0).
        private func other(_ k: Int, except e: Int) -> Int { sorted[k < positionOf[e] ? k : k + 1] }

        func swing(of e: Int) -> Swing {
            let r = ranked[e]
            let now = tier(of: e, scoreKey: keys[e * width])
            var result = Swing(entry: r.index, id: r.id, tier: places.id(now), change: nil)
            guard grid > 0, ranked.count >= 2 else { return result }
            let others = ranked.count - 1

            // The score keys at which e's tier changes: at least sUp, at most sDown.
            var sUp: Int64? = nil, sDown: Int64? = nil
            if now > 0 && places.places > 0 {
                let last = (now == places.none ? places.places : places.start[now]) - 1
                if last < others {
                    let o = other(last, except: e)
                    sUp = keys[o * width] + (compareTieBreaks(e, o) > 0 ? 0 : 1)
                }
            }
            if now != places.none {
                let first = places.start[now] + places.count[now]
                if first - 1 < others {
                    let o = other(first - 1, except: e)
                    sDown = keys[o * width] - (compareTieBreaks(o, e) >= 0 ? 0 : 1)
                }
            }
            if sUp == nil && sDown == nil { return result }

            let method = results.method
            let normalising = method == .normalised
            let values: [Double] = normalising ? (r.normalisedTotals ?? r.totals.map { $0.total }) : r.totals.map { $0.total }
            let n = values.count
            var best: (steps: Int, judge: Int, direction: Direction, k: Int, sheet: Int)? = nil
            // With `carry` the score is a × this round's + the earlier round's share c, which no
            // sheet of this round moves: solve for this round's part, compare the whole.
            let (a, c) = contest.carry.flatMap { w in r.earlier?.score.map { (1 - w, w * $0) } } ?? (1, 0)
            func own(_ theta: Double) -> Double { (theta - c) / a }

            for i in 0..<n {
                let judge = r.totals[i].judge
                let total = r.totals[i].total
                let current = Int((total / grid).rounded())
                let shape = Shape(method: method, values: values, replacing: i)
                let line = Line(results: results, judge: judge, normalising: normalising)
                // E's score with this sheet at grid total k, worked out the way Scoring works it out.
                func scoreKey(_ k: Int) -> Int64 {
                    var v = values
                    v[i] = line.value(total: 100 * (Double(k) * contest.step) / contest.maxTotal)
                    return TwoDecimals.key(a * Swing.score(v, method: method) + c)
                }
                if let sUp {
                    let y = shape.lowestValue(reaching: own((Double(sUp) - 0.5 - 1e-7) / 100))
                    if let x = y.flatMap({ line.lowestTotal(giving: $0) }) {
                        var k = min(steps + 1, max(current + 1, Int((x / grid - 1e-9).rounded(.up))))
                        while k <= steps && scoreKey(k) < sUp { k += 1 }
                        while k - 1 > current && scoreKey(k - 1) >= sUp { k -= 1 }
                        if k <= steps && k - current < (best?.steps ?? Int.max) {
                            best = (k - current, judge, .up, k, i)
                        }
                    }
                }
                if let sDown {
                    let y = shape.highestValue(below: own((Double(sDown) + 0.5 - 1e-7) / 100))
                    if let x = y.flatMap({ line.highestTotal(below: $0) }) {
                        var k = max(-1, min(current - 1, Int((x / grid - 1e-9).rounded(.up)) - 1))
                        while k >= 0 && scoreKey(k) > sDown { k -= 1 }
                        while k + 1 < current && scoreKey(k + 1) <= sDown { k += 1 }
                        if k >= 0 && current - k < (best?.steps ?? Int.max) {
                            best = (current - k, judge, .down, k, i)
                        }
                    }
                }
            }
            guard let best else { return result }
            var v = values
            let to = 100 * (Double(best.k) * contest.step) / contest.maxTotal
            v[best.sheet] = Line(results: results, judge: best.judge, normalising: normalising).value(total: to)
            let after = tier(of: e, scoreKey: TwoDecimals.key(a * Swing.score(v, method: method) + c))
            result.change = Change(judge: best.judge, judgeID: results.judges[best.judge].id, direction: best.direction,
                                   from: r.totals[best.sheet].total, to: to, tier: places.id(after))
            return result
        }
    }

    /// An entry's score from its sheets' values, as `Scoring` computes it.
    static func score(_ values: [Double], method: Method) -> Double {
        switch method {
        case .mean, .normalised: return Stats.mean(values) ?? 0
        case .median: return Stats.median(values) ?? 0
        case .trimmed:
            return values.count >= 5 ? Stats.mean(Array(values.sorted().dropFirst().dropLast())) ?? 0 : Stats.mean(values) ?? 0
        }
    }

    /// An entry's score as a function of one sheet's value y, the other values fixed:
    /// a + b·clamp(y, lo, hi), b > 0.
    private struct Shape {
        var a: Double, b: Double, lo: Double, hi: Double

        init(method: Method, values: [Double], replacing i: Int) {
            var others = values
            others.remove(at: i)
            others.sort()
            let n = values.count
            let sum = others.reduce(0, +)
            (a, b, lo, hi) = (sum / Double(n), 1 / Double(n), -.infinity, .infinity)
            switch method {
            case .mean, .normalised: break
            case .trimmed:
                if n >= 5 {
                    let low = others[0], high = others[n - 2]
                    (a, b, lo, hi) = ((sum - low - high) / Double(n - 2), 1 / Double(n - 2), low, high)
                }
            case .median:
                let m = n / 2
                if n % 2 == 1 {
                    // The middle of n values is the other values' two middle ones' clamp.
                    (a, b) = (0, 1)
                    lo = m >= 1 ? others[m - 1] : -.infinity
                    hi = m < others.count ? others[m] : .infinity
                } else {
                    // The mean of the two middle ones: the others' middle, and y clamped between its neighbours.
                    (a, b) = (others[m - 1] / 2, 0.5)
                    lo = m >= 2 ? others[m - 2] : -.infinity
                    hi = m < others.count ? others[m] : .infinity
                }
            }
        }

        /// The lowest y whose score is at least θ, nil when none is.
        func lowestValue(reaching theta: Double) -> Double? {
            let c = (theta - a) / b
            if c > hi + 1e-9 * max(1, abs(hi)) { return nil }
            return max(lo, min(c, hi))
        }

        /// The bound below which y gives a score under θ (any y below it does), nil when none does.
        func highestValue(below theta: Double) -> Double? {
            let c = (theta - a) / b
            if c <= lo - 1e-9 * max(1, abs(lo)) { return nil }
            return min(hi, max(c, lo))
        }
    }

    /// A sheet's value as a function of its total: the total itself, or normalised with the
    /// judge's and the contest's current figures.
    private struct Line {
        var mu = 0.0, sigma = 1.0, mj = 0.0, sj = 1.0
        var normalised = false

        init(results: Results, judge: Int, normalising: Bool) {
            if normalising, judge < results.judges.count, results.judges[judge].normalisable,
               let mu = results.contestMean, let sigma = results.contestSD, let mj = results.judges[judge].mean,
               let sj = results.judges[judge].sd, sj > 0, sigma > 0 {
                (self.mu, self.sigma, self.mj, self.sj) = (mu, sigma, mj, sj)
                normalised = true
            }
        }

        func value(total t: Double) -> Double {
            normalised ? min(100, max(0, mu + sigma * (t - mj) / sj)) : t
        }

        /// The lowest total in 0…100 whose value is at least y, nil when none is.
        func lowestTotal(giving y: Double) -> Double? {
            guard normalised else { return y <= 100 + 1e-9 ? max(0, y) : nil }
            if y > 100 + 1e-9 { return nil }
            if y <= 0 { return 0 }
            let t = mj + sj * (y - mu) / sigma
            return t <= 100 + 1e-9 ? max(0, t) : nil
        }

        /// The bound in 0…100 below which a total's value is under y, nil when no total's is.
        func highestTotal(below y: Double) -> Double? {
            guard normalised else { return y > -1e-9 ? min(100, y) : nil }
            if y <= 0 - 1e-9 { return nil }
            if y > 100 { return 100 + 1e-9 }
            let t = mj + sj * (y - mu) / sigma
            return t > -1e-9 ? min(100 + 1e-9, t) : nil
        }
    }
}
