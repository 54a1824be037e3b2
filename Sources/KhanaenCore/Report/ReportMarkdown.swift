/// The announcement in the shape the contest publishes it: one table per award tier,
/// หน่วยงาน | จังหวัด | ผลงานนวัตกรรมท้องถิ่นดิจิทัล, in rank order.
public enum ReportMarkdown {
    public static func text(_ r: Results, ledger: LedgerSummary) -> String {
        let contest = ledger.contest
        let w = ReportWords(.th)
        var out: [String] = ["# ประกาศผล \(contest.name)", ""]
        if r.includeDrafts { out.append("> " + w.draftsIncluded); out.append("") }
        let awarded = r.ranked + r.unranked
        for tier in contest.awards {
            let winners = awarded.filter { $0.award == tier.id }
            out.append("รางวัลประเภท\(tier.title) \(winners.count) รางวัล ได้แก่")
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

    /// "ยะลา" → "จังหวัดยะลา"; Bangkok is not a จังหวัด.
    public static func provinceName(_ p: String) -> String {
        if p.isEmpty || p.hasPrefix("จังหวัด") || p == "กรุงเทพมหานคร" { return p }
        return "จังหวัด" + p
    }

    static func cell(_ s: String) -> String {
        s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}
