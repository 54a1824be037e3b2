/// The files a chair exports from the console: the current method's ranking as CSV, JSON
/// and Markdown, and the announcement in the contest's published shape. The ranking's files
/// carry the panel's statistics when they are given; the announcement never does.
public enum Export {
    /// `draft`: why the announcement is not final (`AnnouncementDraft.check`), empty when it is.
    public static func files(_ r: Results, ledger: LedgerSummary, statistics: PanelStatistics? = nil,
                             draft: [AnnouncementDraft.Reason], issued: Int64 = Timestamp.nowMillis()) -> [(name: String, text: String)] {
        let m = r.method.rawValue
        return [
            ("ranking-\(m).csv", ReportCSV.byteOrderMark + ReportCSV.text(r, ledger: ledger, statistics: statistics, draft: draft)),
            ("ranking-\(m).json", ReportJSON.text(r, ledger: ledger, statistics: statistics, draft: draft)),
            ("ranking-\(m).md", ReportMarkdown.ranking(r, ledger: ledger, statistics: statistics)),
            ("announcement-\(m).md", ReportMarkdown.text(r, ledger: ledger, draft: draft, issued: issued)),
        ]
    }
}
