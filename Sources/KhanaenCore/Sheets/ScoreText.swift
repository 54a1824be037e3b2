/// A score as a person types it: plain decimals only, in Arabic or Thai digits (๐–๙), with a
/// point or a comma before the fraction: "12", "12.5", "๑๒", "12,5". Never a sign, an
/// exponent, hex, or a point at either end: what the workstation and `khanaen score` both take.
public enum ScoreText {
    public static func parse(_ text: String) -> Double? {
        var whole = "", fraction: String? = nil
        for s in text.unicodeScalars {
            let digit: Character?
            switch s.value {
            case 0x30...0x39: digit = Character(s)
            case 0x0E50...0x0E59: digit = Character(Unicode.Scalar(s.value - 0x0E50 + 0x30)!)
            default: digit = nil
            }
            if let digit {
                if fraction == nil { whole.append(digit) } else { fraction!.append(digit) }
            } else if (s == "." || s == ",") && fraction == nil && !whole.isEmpty {
                fraction = ""
            } else {
                return nil
            }
        }
        guard !whole.isEmpty, fraction.map({ !$0.isEmpty }) ?? true, whole.count <= 9, (fraction?.count ?? 0) <= 6 else { return nil }
        return Double(whole + (fraction.map { "." + $0 } ?? ""))
    }
}
