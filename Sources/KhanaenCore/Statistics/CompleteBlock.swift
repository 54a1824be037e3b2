/// The part of a rating matrix with no gaps, on which ICC and Kendall's W are computed: the
/// judges with the most values, as many of them as give the largest table (entries × judges),
/// and the entries that have a value from every one of them. A judge who has scored one entry
/// so does not shrink the table to that entry; with every judge scoring every entry it is the
/// whole matrix. Ties go to more judges, then to the contest's order.
struct CompleteBlock: Equatable, Sendable {
    /// Entry and judge indexes of the matrix, in its order.
    var entries: [Int]
    var judges: [Int]
    /// Row-major, `entries.count × judges.count`.
    var values: [Double]

    init(_ m: RatingMatrix) {
        let counts = (0..<m.judges).map { j in (0..<m.entries).reduce(0) { $0 + (m[$1, j] != nil ? 1 : 0) } }
        let ranked = (0..<m.judges).filter { counts[$0] > 0 }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        var judges: [Int] = [], entries: [Int] = []
        for k in stride(from: ranked.count, through: 1, by: -1) {
            let chosen = ranked.prefix(k).sorted()
            let complete = (0..<m.entries).filter { e in chosen.allSatisfy { m[e, $0] != nil } }
            if complete.count * k > entries.count * judges.count || judges.isEmpty {
                judges = chosen
                entries = complete
            }
        }
        self.judges = judges
        self.entries = entries
        var values: [Double] = []
        values.reserveCapacity(entries.count * judges.count)
        for e in entries { for j in judges { values.append(m[e, j]!) } }
        self.values = values
    }

    subscript(row: Int, column: Int) -> Double { values[row * judges.count + column] }
}
