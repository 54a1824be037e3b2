/// The part of a rating matrix with no gaps, on which ICC and Kendall's W are computed: the
/// judges with at least one value, and the entries that have a value from every one of them.
struct CompleteBlock: Equatable, Sendable {
    /// Entry and judge indexes of the matrix, in its order.
    var entries: [Int]
    var judges: [Int]
    /// Row-major, `entries.count × judges.count`.
    var values: [Double]

    init(_ m: RatingMatrix) {
        let judges = (0..<m.judges).filter { j in (0..<m.entries).contains { m[$0, j] != nil } }
        let entries = (0..<m.entries).filter { e in !judges.isEmpty && judges.allSatisfy { m[e, $0] != nil } }
        self.judges = judges
        self.entries = entries
        var values: [Double] = []
        values.reserveCapacity(entries.count * judges.count)
        for e in entries { for j in judges { values.append(m[e, j]!) } }
        self.values = values
    }

    subscript(row: Int, column: Int) -> Double { values[row * judges.count + column] }
}
