/// Entries × judges, each cell one judge's value for one entry or none: what the agreement
/// figures are computed on.
public struct RatingMatrix: Equatable, Sendable {
    public let entries: Int
    public let judges: Int
    /// Row-major: `values[entry * judges + judge]`.
    public let values: [Double?]

    /// One row per entry, one column per judge. Short rows are padded with nil; a value that
    /// is not finite counts as missing.
    public init(rows: [[Double?]]) {
        entries = rows.count
        judges = rows.map { $0.count }.max() ?? 0
        var values = [Double?](repeating: nil, count: entries * judges)
        for (e, row) in rows.enumerated() {
            for (j, v) in row.enumerated() where v?.isFinite == true { values[e * judges + j] = v }
        }
        self.values = values
    }

    public subscript(entry: Int, judge: Int) -> Double? { values[entry * judges + judge] }

    /// The counted sheets' totals, by entry index and judge index. A sheet counts when
    /// `results` counted it (it is in the entry's `totals`).
    public static func totals(_ results: Results) -> RatingMatrix {
        counted(results) { _, _, total in total }
    }

    /// The counted sheets' points on criterion `criterion` (an index into the contest's criteria).
    public static func criterion(_ criterion: Int, book: SheetBook, results: Results) -> RatingMatrix {
        counted(results) { e, j, _ in
            let scores = book.sheet(judge: j, entry: e).scores
            return criterion < scores.count ? scores[criterion] : nil
        }
    }

    private static func counted(_ results: Results, _ value: (Int, Int, Double) -> Double?) -> RatingMatrix {
        let nE = (results.entries.map { $0.index }.max() ?? -1) + 1
        let nJ = results.judges.count
        var rows = [[Double?]](repeating: [Double?](repeating: nil, count: nJ), count: nE)
        for r in results.entries {
            for (j, total) in r.totals where j < nJ { rows[r.index][j] = value(r.index, j, total) }
        }
        return RatingMatrix(rows: rows)
    }
}
