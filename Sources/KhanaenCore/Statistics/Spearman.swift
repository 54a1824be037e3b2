/// Spearman's rank correlation, with the p-value scipy.stats.spearmanr gives: Student's t with
/// n − 2 degrees of freedom, two-sided.
public enum Spearman {
    public struct Result: Equatable, Sendable {
        public var rho: Double
        public var p: Double
        public var n: Int
    }

    /// Pearson's correlation of the average ranks of x and y (paired by position). nil with
    /// fewer than 3 pairs, pairs of unequal length, values that are not finite, or when x or y
    /// has a single value (no order to correlate with).
    public static func of(_ x: [Double], _ y: [Double]) -> Result? {
        let n = x.count
        guard n >= 3, y.count == n, x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }) else { return nil }
        let rx = AverageRanks.of(x).ranks, ry = AverageRanks.of(y).ranks
        let mean = Double(n + 1) / 2
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for k in 0..<n {
            let dx = rx[k] - mean, dy = ry[k] - mean
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        let rho = max(-1, min(1, sxy / (sxx * syy).squareRoot()))
        let df = Double(n - 2)
        let p = abs(rho) >= 1 ? 0 : StudentT.twoSidedP(rho * (df / ((1 + rho) * (1 - rho))).squareRoot(), degreesOfFreedom: df)
        return Result(rho: rho, p: p, n: n)
    }
}
