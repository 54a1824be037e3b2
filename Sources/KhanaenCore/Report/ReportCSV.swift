import KhanaenText

/// The ranking as CSV (RFC 4180, UTF-8), one row per entry, ranked first. Every row says
/// whether drafts were counted, so a copied row cannot pass for an official figure. A ledger
/// that is not intact, or a contest whose access is open, is said in rows of one cell above
/// the header; the last row is `seal` and the results seal. With `statistics`, four columns
/// follow the criteria's: `confidence` (the share of resamples that propose the entry's proposed
/// tier, 0–1), `swing` (the points one sheet's total must move to change the tier; empty when
/// no single sheet can, or the entry is not ranked), `swingDirection` (`up` or `down`) and
/// `swingJudge` (whose sheet). The swing has no sign: a cell starting with `-` would be guarded
/// as a formula and no longer read as a number.
public enum ReportCSV {
    /// Put before the CSV in a file (not on standard output): without it, Excel on Windows
    /// reads the file in the system's code page and shows the Thai as garbage.
    public static let byteOrderMark = "\u{FEFF}"

    public static func text(_ r: Results, ledger: LedgerSummary, language: Language = .th, statistics: PanelStatistics? = nil) -> String {
        let contest = ledger.contest
        let words = ReportWords(language)
        var lines = words.banners(ledger).map { field("# " + $0) }
        var header = ["rank", "id", "organisation", "province", "title", "score", "sheets", "sd", "award", "proposed", "flags", "includeDrafts"]
        header.append(contentsOf: contest.criteria.map { $0.id })
        header.append("unranked")
        if statistics != nil { header.append(contentsOf: ["confidence", "swing", "swingDirection", "swingJudge"]) }
        lines.append(header.map(field).joined(separator: ","))
        for e in r.entries {
            let entry = contest.entries[e.index]
            var row = [e.rank.map(String.init) ?? "", e.id, entry.organisation, entry.province, entry.title,
                       e.score.map(TwoDecimals.text) ?? "", String(e.totals.count), e.sd.map(TwoDecimals.text) ?? "",
                       e.award ?? "", e.proposed ?? "", e.flags.map { $0.kind.rawValue }.joined(separator: " "),
                       r.includeDrafts ? "true" : "false"]
            row.append(contentsOf: e.criterionMeans.map { $0.map(TwoDecimals.text) ?? "" })
            // Why it is not ranked, in words: ineligible and the reason, or below quorum.
            let why = e.rank == nil ? e.flags.first { $0.kind == .ineligible || $0.kind == .belowQuorum } : nil
            row.append(why.map { words.describe($0, contest: contest) } ?? "")
            if let statistics {
                let change = statistics.swing(entry: e.index)?.change
                row.append(statistics.confidenceOfProposal(entry: e.index).map(fourDecimals) ?? "")
                row.append(change.map { TwoDecimals.text($0.points) } ?? "")
                row.append(change?.direction.rawValue ?? "")
                row.append(change?.judgeID ?? "")
            }
            lines.append(row.map(field).joined(separator: ","))
        }
        lines.append(["seal", ReportJSON.seal(r, ledger: ledger)].map(field).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// 0.8 → "0.8000".
    static func fourDecimals(_ p: Double) -> String {
        let k = Int64((p * 10_000).rounded())
        let fraction = String(k % 10_000)
        return "\(k / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// One field: a cell a spreadsheet would take for a formula (it starts with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a `'` before it, as OWASP advises; controls
    /// other than line breaks are shown as placeholders; then RFC 4180 quoting.
    static func field(_ raw: String) -> String {
        var s = TerminalText.safe(raw, keepingLineBreaks: true)
        if let first = s.unicodeScalars.first, first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r" {
            s = "'" + s
        }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        }
        return s
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
