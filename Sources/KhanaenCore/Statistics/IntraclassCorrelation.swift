/// Shrout and Fleiss's ICC(2,1) and ICC(2,k): two-way random effects, absolute agreement, on a
/// table with no gaps (rows are entries, the targets; columns are judges).
public enum IntraclassCorrelation {
    public struct Figures: Equatable, Sendable {
        /// ICC(2,1): the agreement of one judge's value with another's.
        public var single: Double?
        /// ICC(2,k): the agreement of the mean of k judges with another panel's mean.
        public var average: Double?
    }

    /// nil (both) with fewer than 2 rows or 2 columns, or when every value is the same: the
    /// ratio is then 0/0, agreement is neither shown nor refuted. Each figure is also nil when
    /// its denominator, an estimate of variance, is not above 0 (up to rounding): with n = k = 2
    /// and no row or column effect, ICC(2,1)'s can be 0; ICC(2,k)'s is 1 + (k − 1)·ICC(2,1) in
    /// units of ICC(2,1)'s and is not positive when ICC(2,1) ≤ −1/(k − 1), where the formula would
    /// give a figure above 1 or of the wrong sign.
    public static func icc2(_ values: [Double], rows n: Int, columns k: Int) -> Figures {
        let none = Figures(single: nil, average: nil)
        guard n >= 2, k >= 2, values.count == n * k, values.allSatisfy({ $0.isFinite }) else { return none }
        guard let low = values.min(), let high = values.max(), low < high else { return none }
        let N = Double(n), K = Double(k)
        let grand = values.reduce(0, +) / (N * K)
        var rowMeans = [Double](repeating: 0, count: n), columnMeans = [Double](repeating: 0, count: k)
        for r in 0..<n {
            for c in 0..<k {
                rowMeans[r] += values[r * k + c]
                columnMeans[c] += values[r * k + c]
            }
        }
        for r in 0..<n { rowMeans[r] /= K }
        for c in 0..<k { columnMeans[c] /= N }
        let ssRows = K * rowMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let ssColumns = N * columnMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        var ssError = 0.0, ssTotal = 0.0
        for r in 0..<n {
            for c in 0..<k {
                let x = values[r * k + c]
                let e = x - rowMeans[r] - columnMeans[c] + grand
                ssError += e * e
                ssTotal += (x - grand) * (x - grand)
            }
        }
        let msr = ssRows / (N - 1), msc = ssColumns / (K - 1), mse = ssError / ((N - 1) * (K - 1))
        // Rounding leaves a denominator that should be 0 at some 1e-16 of the data's variance.
        let tiny = 1e-12 * ssTotal / (N * K - 1)
        let single = msr + (K - 1) * mse + K * (msc - mse) / N
        let average = msr + (msc - mse) / N
        return Figures(single: single > tiny ? (msr - mse) / single : nil,
                       average: average > tiny ? (msr - mse) / average : nil)
    }
}
