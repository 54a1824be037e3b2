/// When a judge's scoring pattern is flagged, and the fewest sheets it is judged on. The member
/// names are those `thresholds` in contest.json is to use.
public struct PatternThresholds: Equatable, Sendable {
    /// `halo`: flagged when the judge's mean within-sheet SD of criterion shares is below this
    /// fraction of the other judges'. 0.5: the judge separates an entry's criteria half as much as
    /// the rest of the panel does.
    public var haloRatio = 0.5
    /// `halo` is assessed with at least this many of the judge's counted sheets, and as many of
    /// the other judges', and at least 2 criteria.
    public var haloMinSheets = 5

    /// `flat`: flagged when more than this share of the judge's counted totals equal their most
    /// frequent total (at two decimals). On a 0.5-point grid a judge who discriminates seldom gives
    /// even a quarter of their sheets one total.
    public var flatShare = 0.4
    /// `flat` is assessed with at least this many counted sheets: with fewer, a few equal totals
    /// are a large share by chance.
    public var flatMinSheets = 8

    /// `drift`: flagged when Spearman's rho between the judge's totals and the order they scored
    /// them in has a p-value below `driftP` and |rho| above `driftRho`: significant, and large
    /// enough to matter (on a long list a small drift is significant yet harmless).
    public var driftP = 0.01
    public var driftRho = 0.3
    /// `drift` is assessed with at least this many counted sheets with a time.
    public var driftMinSheets = 10

    /// `severity`: flagged when the judge's mean departure from the entries' means is more than
    /// this many of the panel's SDs either way.
    public var severitySD = 0.5
    /// `severity` is assessed with at least this many of the judge's counted sheets on entries
    /// another judge also counts for (3, as for normalisation).
    public var severityMinSheets = 3

    public init() {}
}
