/// Ranks 1…n with ties given the mean of the ranks they span, as Kendall's W and Spearman's
/// rho need them.
enum AverageRanks {
    /// The ranks of `xs` (smallest first) and Σ(t³ − t) over the groups of t equal values,
    /// the tie correction of Kendall's W.
    static func of(_ xs: [Double]) -> (ranks: [Double], ties: Double) {
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        var ranks = [Double](repeating: 0, count: xs.count)
        var ties = 0.0
        var a = 0
        while a < order.count {
            var b = a
            while b + 1 < order.count && xs[order[b + 1]] == xs[order[a]] { b += 1 }
            let rank = Double(a + b) / 2 + 1
            for k in a...b { ranks[order[k]] = rank }
            let t = Double(b - a + 1)
            ties += t * t * t - t
            a = b + 1
        }
        return (ranks, ties)
    }
}
