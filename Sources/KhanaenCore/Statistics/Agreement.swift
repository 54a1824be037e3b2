/// How far the judges agree on one kind of value: the sheet totals, or one criterion's points.
public struct Agreement: Equatable, Sendable {
    /// The complete block ICC and W are computed on: the judges with at least one value, and
    /// the entries with a value from every one of them.
    public var entries: Int
    public var judges: Int
    /// ICC(2,1) and ICC(2,k) on the block (see `IntraclassCorrelation.icc2`).
    public var icc2_1: Double?
    public var icc2_k: Double?
    /// Kendall's W on the block (see `KendallW.of`).
    public var kendallW: Double?
    /// Krippendorff's interval alpha over every value, gaps allowed (see `KrippendorffAlpha.interval`).
    public var alpha: Double?
    /// What alpha is computed on, which is not the block: the pairable values (sheets of the
    /// entries with at least 2 values) and those entries.
    public var alphaValues: Int
    public var alphaEntries: Int
    /// ICC(1), one-way random effects, on the same values as alpha (each entry's own judges,
    /// as many as it has): the design as it is, complete or not (see `IncompleteICC.fit`).
    public var icc1: Double?

    /// Whether any of the block's figures (ICC, W) is computed.
    public var blockComputed: Bool { icc2_1 != nil || icc2_k != nil || kendallW != nil }

    public init(_ m: RatingMatrix) {
        let block = CompleteBlock(m)
        entries = block.entries.count
        judges = block.judges.count
        let icc = IntraclassCorrelation.icc2(block.values, rows: entries, columns: judges)
        icc2_1 = icc.single
        icc2_k = icc.average
        kendallW = KendallW.of(block.values, rows: entries, columns: judges)
        alpha = KrippendorffAlpha.interval(m)
        var values = 0, units = 0
        var groups: [[Double]] = []
        for e in 0..<m.entries {
            let sheets = (0..<m.judges).compactMap { m[e, $0] }
            if sheets.count >= 2 { values += sheets.count; units += 1; groups.append(sheets) }
        }
        alphaValues = values
        alphaEntries = units
        icc1 = IncompleteICC.fit(groups)?.icc
    }
}

/// The panel's agreement on the totals and on each criterion, over the sheets `Results` counted.
public struct PanelAgreement: Equatable, Sendable {
    public struct Criterion: Equatable, Sendable {
        public var id: String
        public var agreement: Agreement
    }

    public var totals: Agreement
    /// In the contest's order of criteria.
    public var criteria: [Criterion]

    public static func compute(book: SheetBook, results: Results) -> PanelAgreement {
        PanelAgreement(totals: Agreement(.totals(results)),
                       criteria: book.contest.criteria.indices.map { c in
                           Criterion(id: book.contest.criteria[c].id, agreement: Agreement(.criterion(c, book: book, results: results)))
                       })
    }
}
