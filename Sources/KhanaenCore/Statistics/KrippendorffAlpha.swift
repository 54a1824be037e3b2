/// Krippendorff's alpha with the interval metric: agreement over every value given, gaps allowed.
public enum KrippendorffAlpha {
    /// α = 1 − D_o / D_e over the pairable values: those of entries with at least 2 values
    /// (an entry with one value cannot be compared with anything). With N pairable values,
    /// entry u's m_u values and their sum of squared deviations SS_u, SS their sum of squared
    /// deviations from their overall mean:
    ///
    ///     D_o = (2/N) Σᵤ m_u SS_u / (m_u − 1),  D_e = 2 SS / (N − 1)
    ///
    /// which is the coincidence-matrix definition, since Σ_{i≠j} (vᵢ − vⱼ)² = 2m Σ(v − v̄)².
    /// nil when no entry has 2 values, or when every pairable value is the same (D_e = 0).
    public static func interval(_ m: RatingMatrix) -> Double? {
        var units: [[Double]] = []
        for e in 0..<m.entries {
            let unit = (0..<m.judges).compactMap { m[e, $0] }
            if unit.count >= 2 { units.append(unit) }
        }
        let all = units.flatMap { $0 }
        guard all.count >= 2, let low = all.min(), let high = all.max(), low < high else { return nil }
        let N = Double(all.count)
        let mean = all.reduce(0, +) / N
        let ss = all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        var within = 0.0
        for unit in units {
            let mu = Double(unit.count)
            let uMean = unit.reduce(0, +) / mu
            let ssu = unit.reduce(0) { $0 + ($1 - uMean) * ($1 - uMean) }
            within += mu * ssu / (mu - 1)
        }
        let observed = 2 * within / N, expected = 2 * ss / (N - 1)
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}
