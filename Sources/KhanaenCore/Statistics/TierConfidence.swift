/// How sure each entry's proposed tier is, by the bootstrap: each resample draws, for every
/// entry, as many sheets as it has counted, with replacement, from its own counted sheets, and
/// proposes the awards again by the same rules (docs/scoring.md): the same method, scores and
/// tie-break criterion means compared at two decimals, entries tied on every key sharing a
/// place, a tied group across a tier's last place given the tier of the group's last place.
///
/// - An entry keeps its number of sheets, so the quorum puts it in or out exactly as it does
///   now: an entry below quorum is never ranked and its "none" is certain.
/// - Method `normalised`: the judges' and the contest's normalisation figures (μⱼ, σⱼ, μ, σ) are
///   held at their values from the data; a resample draws the entry's normalised totals Nₖ as
///   the data has them (T for a judge who is not normalisable). Recomputing them per resample
///   would make every entry's score depend on every other entry's draw, which the chair cannot
///   read as the uncertainty of one entry's own sheets.
/// - The tie-break criterion means are those of the drawn sheets.
/// - Chair overrides play no part: this is about the proposal.
///
/// Resample b draws from its own stream of the seed (`Xoshiro256StarStar(seed:stream: b)`), so the
/// result depends on the seed and the number of resamples alone, not on how many cores ran them.
public struct TierConfidence: Equatable, Sendable {
    public static let defaultSeed: UInt64 = 0x6B68_616E_6165_6E14  // "khanaen" and issue 14
    public static let defaultResamples = 2000

    public struct Entry: Equatable, Sendable {
        public var index: Int
        public var id: String
        public var ranked: Bool
        /// The tier proposed now (before any chair override), nil for none.
        public var proposed: String?
        /// Resamples that proposed each tier, in the contest's order of tiers, then "none" last.
        public var counts: [Int]
        /// `counts` over the number of resamples (all 0 with no resamples).
        public var probabilities: [Double]
    }

    public var method: Method
    public var resamples: Int
    public var seed: UInt64
    /// The contest's tier ids; `Entry.counts` has one more place, for "none".
    public var tiers: [String]
    /// In the order of `Results.entries`: ranked entries by rank, then the others.
    public var entries: [Entry]

    /// The probability that `entry` is proposed `tier` (nil for none).
    public func probability(_ entry: Entry, _ tier: String?) -> Double {
        entry.probabilities[tier.flatMap { tiers.firstIndex(of: $0) } ?? tiers.count]
    }

    public static func compute(book: SheetBook, results: Results, resamples: Int = defaultResamples,
                               seed: UInt64 = defaultSeed) -> TierConfidence {
        let kernel = Kernel(book: book, results: results)
        let b = max(0, resamples)
        let slots = kernel.places.none + 1
        // One run of resamples per core; each resample's numbers come from its own stream,
        // so the split does not change the tallies.
        let runs = max(1, min(Parallel.cores, b))
        let tallies = Parallel.map(runs, minimum: 2) { run -> [Int] in
            kernel.tally(resamples: (run * b / runs)..<((run + 1) * b / runs), seed: seed)
        }
        var total = [Int](repeating: 0, count: kernel.ranked.count * slots)
        for t in tallies { for i in total.indices { total[i] += t[i] } }

        var rankedSlot = [Int: Int]()
        for (r, e) in kernel.ranked.enumerated() { rankedSlot[e] = r }
        let entries = results.entries.map { e -> Entry in
            var counts = [Int](repeating: 0, count: slots)
            if let r = rankedSlot[e.index] {
                counts = Array(total[(r * slots)..<((r + 1) * slots)])
            } else {
                counts[slots - 1] = b
            }
            return Entry(index: e.index, id: e.id, ranked: e.rank != nil, proposed: e.proposed, counts: counts,
                         probabilities: counts.map { b > 0 ? Double($0) / Double(b) : 0 })
        }
        return TierConfidence(method: results.method, resamples: b, seed: seed, tiers: kernel.places.ids, entries: entries)
    }

    /// The ranked entries' counted sheets laid out for resampling, and one resample's proposal.
    struct Kernel: Sendable {
        enum Combine: Sendable { case mean, median, trimmed }
        /// Entry indexes of the ranked entries.
        let ranked: [Int]
        /// Entry r's sheets are `offsets[r]..<offsets[r + 1]`, sorted by value.
        let offsets: [Int]
        /// Each sheet's value under the method: its total, or its normalised total.
        let values: [Double]
        /// Each sheet's judge.
        let judges: [Int32]
        /// Each sheet's points on the tie-break criteria, in tie-break order: `width` per sheet.
        /// As Float when every such point is one exactly (points in halves or quarters, as
        /// contests score them: on L, 700,000 points, half the memory), else `wideTieBreak`.
        let tieBreak: [Float]
        /// The points as Double when some point is not a Float exactly (then `tieBreak` is empty).
        let wideTieBreak: [Double]
        let width: Int
        /// With `carry`, entry r's score is `ownWeight[r]` × its drawn score + `carried[r]` (the
        /// earlier round's share, fixed: that round is decided); 1 and 0 otherwise.
        let ownWeight: [Double]
        let carried: [Double]
        let combine: Combine
        let places: TierPlaces

        /// `narrow`: whether the tie-break points may be kept as Float (the tests compare both ways).
        init(book: SheetBook, results: Results, narrow: Bool = true) {
            let contest = book.contest
            let order = contest.tieBreak.compactMap { contest.criterionIndex($0) }
            var ranked: [Int] = [], offsets = [0], values: [Double] = [], judges: [Int32] = []
            var tieBreak: [Float] = [], wideTieBreak: [Double] = [], wide = !narrow
            var ownWeight: [Double] = [], carried: [Double] = []
            // Sized once: grown by appending, on L (100,000 sheets) the arrays' spare capacity
            // and their copies while growing were half as much again as the sheets' values.
            let sheets = results.entries.reduce(0) { $0 + ($1.rank != nil ? $1.totals.count : 0) }
            values.reserveCapacity(sheets)
            judges.reserveCapacity(sheets)
            if wide { wideTieBreak.reserveCapacity(sheets * order.count) } else { tieBreak.reserveCapacity(sheets * order.count) }
            for e in results.entries where e.rank != nil && !e.totals.isEmpty {
                ranked.append(e.index)
                if let w = contest.carry, let before = e.earlier?.score {
                    ownWeight.append(1 - w)
                    carried.append(w * before)
                } else {
                    ownWeight.append(1)
                    carried.append(0)
                }
                let own: [Double]
                if results.method == .normalised, let n = e.normalisedTotals, n.count == e.totals.count {
                    own = n
                } else {
                    own = e.totals.map { $0.total }
                }
                for k in own.indices.sorted(by: { own[$0] < own[$1] }) {
                    values.append(own[k])
                    judges.append(Int32(e.totals[k].judge))
                    let scores = book.sheet(judge: e.totals[k].judge, entry: e.index).scores
                    for c in order {
                        let point = c < scores.count ? scores[c] ?? 0 : 0
                        if !wide, Double(Float(point)) == point {
                            tieBreak.append(Float(point))
                        } else {
                            if !wide {
                                // A point no Float holds: every point as Double from here on.
                                wide = true
                                wideTieBreak.reserveCapacity(sheets * order.count)
                                wideTieBreak.append(contentsOf: tieBreak.lazy.map { Double($0) })
                                tieBreak = []
                            }
                            wideTieBreak.append(point)
                        }
                    }
                }
                offsets.append(values.count)
            }
            self.ranked = ranked
            self.offsets = offsets
            self.values = values
            self.judges = judges
            self.tieBreak = tieBreak
            self.wideTieBreak = wideTieBreak
            self.ownWeight = ownWeight
            self.carried = carried
            width = order.count
            switch results.method {
            case .mean, .normalised: combine = .mean
            case .median: combine = .median
            case .trimmed: combine = .trimmed
            }
            places = TierPlaces(contest)
        }

        /// Each ranked entry's tally of proposed tiers over these resamples: `places.none + 1` per entry.
        func tally(resamples: Range<Int>, seed: UInt64) -> [Int] {
            let slots = places.none + 1
            var tally = [Int](repeating: 0, count: ranked.count * slots)
            guard !ranked.isEmpty else { return tally }
            var scratch = Scratch(self)
            for b in resamples {
                resample(b, seed: seed, &scratch)
                propose(&scratch)
                for r in ranked.indices { tally[r * slots + scratch.tiers[r]] += 1 }
            }
            return tally
        }

        /// One resample's working arrays, reused from one resample to the next.
        struct Scratch {
            /// How often each sheet was drawn.
            var drawn: [Int32]
            /// Score key and ranked entry, one Int64 each, best first once sorted: sorting plain
            /// integers is several times faster than sorting indexes through a comparison.
            var packed: [Int64]
            /// The tier proposed to each ranked entry (`places.none` for none).
            var tiers: [Int]
            var group: [Int] = [], groupKeys: [Int64] = []

            init(_ kernel: Kernel) {
                drawn = [Int32](repeating: 0, count: kernel.values.count)
                packed = [Int64](repeating: 0, count: kernel.ranked.count)
                tiers = [Int](repeating: kernel.places.none, count: kernel.ranked.count)
            }
        }

        /// Draws resample b from its own stream and sorts the entries by score.
        func resample(_ b: Int, seed: UInt64, _ s: inout Scratch) {
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(b))
            for r in ranked.indices {
                let lo = offsets[r], hi = offsets[r + 1], n = hi - lo
                for k in lo..<hi { s.drawn[k] = 0 }
                var sum = 0.0
                for _ in 0..<n {
                    let k = lo + Int(rng.below(UInt64(n)))
                    s.drawn[k] &+= 1
                    sum += values[k]
                }
                let score: Double
                switch combine {
                case .mean: score = sum / Double(n)
                case .median:
                    score = n % 2 == 1 ? drawnValue(at: n / 2, lo, hi, s.drawn)
                        : (drawnValue(at: n / 2 - 1, lo, hi, s.drawn) + drawnValue(at: n / 2, lo, hi, s.drawn)) / 2
                case .trimmed:
                    score = n >= 5 ? (sum - drawnValue(at: 0, lo, hi, s.drawn) - drawnValue(at: n - 1, lo, hi, s.drawn)) / Double(n - 2)
                        : sum / Double(n)
                }
                s.packed[r] = TwoDecimals.key(ownWeight[r] * score + carried[r]) << 32 | Int64(r)
            }
            s.packed.sort(by: >)
        }

        /// The tiers proposed for the resample just drawn.
        func propose(_ s: inout Scratch) {
            let nR = ranked.count
            for r in 0..<nR { s.tiers[r] = places.none }
            // Only the places with a tier need working out; everything after them stays none.
            var p = 0
            while p < min(nR, places.places) {
                let key = s.packed[p] >> 32
                var q = p + 1
                while q < nR && s.packed[q] >> 32 == key { q += 1 }
                if q == p + 1 {
                    s.tiers[Int(s.packed[p] & 0xFFFF_FFFF)] = places.tier(atPlace: p)
                } else {
                    // Entries equal on the score: their tie-break means decide, then they share.
                    s.group.removeAll(keepingCapacity: true)
                    s.groupKeys.removeAll(keepingCapacity: true)
                    for i in p..<q {
                        let r = Int(s.packed[i] & 0xFFFF_FFFF)
                        s.group.append(r)
                        let lo = offsets[r], hi = offsets[r + 1], n = Double(hi - lo)
                        for c in 0..<width {
                            var sum = 0.0
                            if wideTieBreak.isEmpty {
                                for k in lo..<hi where s.drawn[k] > 0 { sum += Double(s.drawn[k]) * Double(tieBreak[k * width + c]) }
                            } else {
                                for k in lo..<hi where s.drawn[k] > 0 { sum += Double(s.drawn[k]) * wideTieBreak[k * width + c] }
                            }
                            s.groupKeys.append(TwoDecimals.key(sum / n))
                        }
                    }
                    let w = width, keys = s.groupKeys
                    func equal(_ a: Int, _ b: Int) -> Bool { (0..<w).allSatisfy { keys[a * w + $0] == keys[b * w + $0] } }
                    let sorted = s.group.indices.sorted { a, b in
                        for c in 0..<w where keys[a * w + c] != keys[b * w + c] { return keys[a * w + c] > keys[b * w + c] }
                        return false
                    }
                    var a = 0
                    while a < sorted.count {
                        var z = a
                        while z + 1 < sorted.count && equal(sorted[z + 1], sorted[a]) { z += 1 }
                        let tier = places.tier(atPlace: p + z)
                        for i in a...z { s.tiers[s.group[sorted[i]]] = tier }
                        a = z + 1
                    }
                }
                p = q
            }
        }

        /// The value at place q (from 0) of the entry's drawn sheets in ascending order.
        @inline(__always)
        private func drawnValue(at q: Int, _ lo: Int, _ hi: Int, _ drawn: [Int32]) -> Double {
            var seen = 0
            for k in lo..<hi {
                seen += Int(drawn[k])
                if seen > q { return values[k] }
            }
            return values[hi - 1]
        }
    }
}
