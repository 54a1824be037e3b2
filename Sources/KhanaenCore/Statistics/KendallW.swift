/// Kendall's coefficient of concordance W: how far the judges put the entries in the same order.
public enum KendallW {
    /// W of a table with no gaps (rows are entries, columns are judges), with each judge's
    /// ranks averaged over ties and the tie correction:
    ///
    ///     W = 12 S / (m²(n³ − n) − m Σⱼ Σ(t³ − t)),  S = Σᵢ (Rᵢ − m(n + 1)/2)²
    ///
    /// for n entries and m judges, Rᵢ the sum of entry i's ranks, t the sizes of each judge's
    /// groups of equal values. nil with fewer than 2 entries or 2 judges, or when every judge
    /// gives every entry the same value (the denominator is 0).
    public static func of(_ values: [Double], rows n: Int, columns m: Int) -> Double? {
        guard n >= 2, m >= 2, values.count == n * m, values.allSatisfy({ $0.isFinite }) else { return nil }
        var rankSums = [Double](repeating: 0, count: n)
        var ties = 0.0
        for j in 0..<m {
            let column = (0..<n).map { values[$0 * m + j] }
            let (ranks, t) = AverageRanks.of(column)
            for i in 0..<n { rankSums[i] += ranks[i] }
            ties += t
        }
        let N = Double(n), M = Double(m)
        let centre = M * (N + 1) / 2
        let s = rankSums.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
        let denominator = M * M * (N * N * N - N) - M * ties
        guard denominator > 0 else { return nil }
        return 12 * s / denominator
    }
}
