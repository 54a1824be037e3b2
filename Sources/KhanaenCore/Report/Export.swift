/// The files a chair exports from the console: the current method's ranking as CSV, JSON
/// and Markdown, and the announcement in the contest's published shape.
public enum Export {
    public static func files(_ r: Results, ledger: LedgerSummary) -> [(name: String, text: String)] {
        let m = r.method.rawValue
        return [
            ("ranking-\(m).csv", ReportCSV.byteOrderMark + ReportCSV.text(r, ledger: ledger)),
            ("ranking-\(m).json", ReportJSON.text(r, ledger: ledger)),
            ("ranking-\(m).md", ReportMarkdown.ranking(r, ledger: ledger)),
            ("announcement-\(m).md", ReportMarkdown.text(r, ledger: ledger)),
        ]
    }
}
