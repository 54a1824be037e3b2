/// How alike two titles of the same organisation are, to catch a past winner entered again
/// under a slightly changed title. Titles are compared in `MatchKey.compact` form.
///
/// Near means any of: an edit distance (in Unicode scalars) of at most a quarter of the
/// longer title; one title containing the other, the shorter being at least 8 scalars long;
/// or at least two words shared, which are at least half of all the words of the two.
public enum TitleSimilarity {
    public static let maxEditShare = 0.25
    public static let minContainedLength = 8

    public static func isNear(_ a: String, _ b: String) -> Bool {
        let x = Array(MatchKey.compact(a).unicodeScalars), y = Array(MatchKey.compact(b).unicodeScalars)
        if x.isEmpty || y.isEmpty { return false }
        let longer = max(x.count, y.count)
        if Double(editDistance(x, y)) <= maxEditShare * Double(longer) { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short.count >= minContainedLength && contains(long, short) { return true }
        let wa = words(a), wb = words(b)
        let shared = wa.intersection(wb).count
        return shared >= 2 && Double(shared) >= 0.5 * Double(wa.union(wb).count)
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one scalar each.
    public static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The words of a title as written, split at spaces and punctuation, Latin in lower case.
    static func words(_ title: String) -> Set<String> {
        var result = Set<String>()
        var word = String.UnicodeScalarView()
        for s in MatchKey.cleaned(title).lowercased().unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil || (s.value >= 0x0E01 && s.value <= 0x0E5B) {
                word.append(s)
            } else if !word.isEmpty {
                result.insert(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { result.insert(String(word)) }
        return result
    }

    static func contains(_ long: [Unicode.Scalar], _ short: [Unicode.Scalar]) -> Bool {
        guard short.count <= long.count else { return false }
        for start in 0...(long.count - short.count) where long[start] == short[0] {
            if long[start..<(start + short.count)].elementsEqual(short) { return true }
        }
        return false
    }
}
