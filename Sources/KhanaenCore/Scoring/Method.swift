/// How the judges' sheet totals for an entry combine into its score (docs/scoring.md).
public enum Method: String, CaseIterable, Sendable {
    case mean, median, trimmed, normalised
}

/// Scores are compared, and shown, at two decimals, rounded half up.
public enum TwoDecimals {
    @inline(__always)
    public static func key(_ x: Double) -> Int64 { Int64((x * 100 + (x >= 0 ? 1e-7 : -1e-7)).rounded()) }

    public static func text(_ x: Double) -> String {
        let k = key(x)
        let sign = k < 0 ? "-" : ""
        let a = abs(k)
        let frac = a % 100
        return "\(sign)\(a / 100)." + (frac < 10 ? "0\(frac)" : "\(frac)")
    }
}

enum Stats {
    static func mean(_ xs: [Double]) -> Double? {
        xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }

    /// Population standard deviation.
    static func sd(_ xs: [Double]) -> Double? {
        guard let m = mean(xs) else { return nil }
        return (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)).squareRoot()
    }

    static func median(_ xs: [Double]) -> Double? {
        if xs.isEmpty { return nil }
        let s = xs.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}
