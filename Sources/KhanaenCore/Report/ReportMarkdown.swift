import KhanaenText

/// The announcement in the shape the contest publishes it: one table per award tier,
/// หน่วยงาน | จังหวัด | ผลงานนวัตกรรมท้องถิ่นดิจิทัล, in rank order.
public enum ReportMarkdown {
    public static func text(_ r: Results, ledger: LedgerSummary) -> String {
        let contest = ledger.contest
        let w = ReportWords(.th)
        var out: [String] = ["# ประกาศผล \(cell(contest.name))", ""]
        out.append(contentsOf: bannerLines(ledger, w))
        if r.includeDrafts { out.append("> " + w.draftsIncluded); out.append("") }
        let awarded = r.ranked + r.unranked
        for tier in contest.awards {
            let winners = awarded.filter { $0.award == tier.id }
            out.append("รางวัลประเภท\(cell(tier.title)) \(winners.count) รางวัล ได้แก่")
            out.append("")
            out.append("| หน่วยงาน | จังหวัด | ผลงานนวัตกรรมท้องถิ่นดิจิทัล |")
            out.append("|---|---|---|")
            for e in winners {
                let entry = contest.entries[e.index]
                out.append("| \(cell(entry.organisation)) | \(cell(provinceName(entry.province))) | \(cell(entry.title)) |")
            }
            out.append("")
        }
        out.append("วิธีรวมคะแนน: \(w.method(r.method)) · \(w.seal) \(ReportJSON.seal(r, ledger: ledger))")
        return out.joined(separator: "\n") + "\n"
    }

    /// The whole ranking as a Markdown table, for the minutes of the panel.
    public static func ranking(_ r: Results, ledger: LedgerSummary) -> String {
        let contest = ledger.contest
        let w = ReportWords(.th)
        var out: [String] = ["# \(w.rank) · \(cell(contest.name))", ""]
        out.append(contentsOf: bannerLines(ledger, w))
        out += ["วิธีรวมคะแนน: \(w.method(r.method))", ""]
        if r.includeDrafts { out.append("> " + w.draftsIncluded); out.append("") }
        out.append("| \(w.rank) | \(w.id) | \(w.organisation) | \(w.province) | \(w.score) | \(w.sheets) | SD | \(w.award) | \(w.flags) |")
        out.append("|---:|---|---|---|---:|---:|---:|---|---|")
        for e in r.entries {
            let entry = contest.entries[e.index]
            let award = w.tierTitle(e.award, contest: contest) + (e.override != nil ? " *" : "")
            let flags = e.flags.map { w.describe($0, contest: contest) }.joined(separator: "; ")
            out.append("| \(e.rank.map(String.init) ?? "—") | \(e.id) | \(cell(entry.organisation)) | \(cell(entry.province)) | "
                       + "\(e.score.map(TwoDecimals.text) ?? "") | \(e.totals.count) | \(e.sd.map(TwoDecimals.text) ?? "") | \(cell(award)) | \(cell(flags)) |")
        }
        let overridden = r.entries.filter { $0.override != nil }
        if !overridden.isEmpty {
            out.append("")
            out.append("\(w.overrides):")
            out.append("")
            for e in overridden {
                guard let o = e.override else { continue }
                out.append("- \(e.id): \(o.tier.map { w.tierTitle($0, contest: contest) } ?? "—") (\(o.decision.actor), \(Timestamp.format(o.decision.time))): \(cell(o.decision.reason))")
            }
        }
        out.append("")
        out.append("\(w.seal): \(ReportJSON.seal(r, ledger: ledger))")
        return out.joined(separator: "\n") + "\n"
    }

    /// "ยะลา" → "จังหวัดยะลา"; Bangkok is not a จังหวัด.
    public static func provinceName(_ p: String) -> String {
        if p.isEmpty || p.hasPrefix("จังหวัด") || p == "กรุงเทพมหานคร" { return p }
        return "จังหวัด" + p
    }

    /// The banners as a quoted block, then a blank line; nothing when there are none.
    static func bannerLines(_ ledger: LedgerSummary, _ w: ReportWords) -> [String] {
        let banners = w.banners(ledger)
        if banners.isEmpty { return [] }
        return banners.map { "> ⚠ " + cell($0) } + [""]
    }

    /// Text for a table cell or a line: `|` escaped, line breaks as spaces, controls as
    /// placeholders.
    static func cell(_ s: String) -> String {
        TerminalText.safe(s.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " "))
            .replacingAll("|", with: "\\|")
    }
}
