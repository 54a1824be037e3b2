import Foundation

/// A one-way random-effects ICC for an incomplete design: each entry scored by its own judges,
/// any number of them. The totals are modelled as yᵢⱼ = μ + aᵢ + eᵢⱼ (aᵢ the entry's effect,
/// variance σ²ₐ; eᵢⱼ the sheet's, variance σ²ₑ, the judges' differences included), and the
/// variance components are the REML estimates a mixed-model fit gives (docs/scoring.md):
/// ICC(1) = σ²ₐ / (σ²ₐ + σ²ₑ).
public enum IncompleteICC {
    public struct Fit: Equatable, Sendable {
        /// σ²ₐ: the entries' variance.
        public var entries: Double
        /// σ²ₑ: the residual variance.
        public var residual: Double
        public var icc: Double { entries + residual > 0 ? entries / (entries + residual) : 0 }
    }

    /// The REML fit of `groups` (each entry's totals), or nil when fewer than 2 entries have a
    /// total, no entry has 2, or every total is the same. With λ = σ²ₐ/σ²ₑ the restricted
    /// likelihood, σ²ₑ profiled out, is
    /// −2ℓ(λ) = (N−1)·log(Q/(N−1)) + Σ log(1 + nᵢλ) + log Σ wᵢ, wᵢ = nᵢ/(1 + nᵢλ),
    /// Q = Σ [Σⱼ (yᵢⱼ − ȳᵢ)² + wᵢ(ȳᵢ − μ̂)²], μ̂ = Σ wᵢȳᵢ / Σ wᵢ; it is minimised over λ ≥ 0
    /// (a grid on log λ, then golden sections), and σ²ₑ = Q/(N−1), σ²ₐ = λσ²ₑ.
    public static func fit(_ groups: [[Double]]) -> Fit? {
        let groups = groups.filter { !$0.isEmpty }
        let n = groups.map { Double($0.count) }, N = n.reduce(0, +)
        guard groups.count >= 2, groups.contains(where: { $0.count >= 2 }), groups.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        let means = groups.map { $0.reduce(0, +) / Double($0.count) }
        let within = zip(groups, means).reduce(0.0) { s, g in s + g.0.reduce(0) { $0 + ($1 - g.1) * ($1 - g.1) } }
        let grand = groups.joined().reduce(0, +) / N
        guard within > 0 || means.contains(where: { $0 != grand }) else { return nil }

        func q(_ lambda: Double) -> (q: Double, sumW: Double) {
            let w = n.map { $0 / (1 + $0 * lambda) }
            let sumW = w.reduce(0, +)
            let mu = zip(w, means).reduce(0) { $0 + $1.0 * $1.1 } / sumW
            return (within + zip(w, means).reduce(0) { $0 + $1.0 * ($1.1 - mu) * ($1.1 - mu) }, sumW)
        }
        func objective(_ lambda: Double) -> Double {
            let (q, sumW) = q(lambda)
            return (N - 1) * log(q / (N - 1)) + n.reduce(0) { $0 + log(1 + $1 * lambda) } + log(sumW)
        }
        // log λ from e⁻²⁰ to e¹², then the best cell and its neighbours narrowed.
        let grid = stride(from: -20.0, through: 12.0, by: 0.25).map { $0 }
        let values = grid.map { objective(exp($0)) }
        let best = values.indices.min { values[$0] < values[$1] }!
        var (a, b) = (grid[max(0, best - 1)], grid[min(grid.count - 1, best + 1)])
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<100 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if objective(exp(c)) < objective(exp(d)) { b = d } else { a = c }
        }
        var lambda = exp((a + b) / 2)
        // The boundary: no entry effect at all.
        if objective(0) <= objective(lambda) { lambda = 0 }
        let residual = q(lambda).q / (N - 1)
        return Fit(entries: lambda * residual, residual: residual)
    }
}
