import KhanaenText

/// The ranking as CSV (RFC 4180, UTF-8), one row per entry, ranked first. The header is the
/// first row, so that a spreadsheet shows no comment as data: what a reader must not miss is in
/// columns of every row, so that a copied row cannot pass for an official figure: whether drafts
/// were counted, whether the announcement is final (when `draft` is given), whether access is
/// enforced, whether the ledger is intact (and if not, its problems). The last row is `seal` and the results seal. In Thai
/// (the default) the headers, the awards (the tiers' titles), the flags and those states are in
/// Thai; with `.en` they are the English names tools read (`rank`, `excellent`, `true`). With
/// `statistics`, four columns follow the criteria's: `confidence` (the share of resamples that
/// propose the entry's proposed tier, 0–1), `swing` (the points one sheet's total must move to
/// change the tier; empty when no single sheet can, or the entry is not ranked), `swingDirection`
/// (`up` or `down`) and `swingJudge` (whose sheet). The swing has no sign: a cell starting with
/// `-` would be guarded as a formula and no longer read as a number.
public enum ReportCSV {
    /// Put before the CSV in a file (not on standard output): without it, Excel on Windows
    /// reads the file in the system's code page and shows the Thai as garbage.
    public static let byteOrderMark = "\u{FEFF}"

    public static func text(_ r: Results, ledger: LedgerSummary, language: Language = .th, statistics: PanelStatistics? = nil,
                            draft: [AnnouncementDraft.Reason]? = nil) -> String {
        let contest = ledger.contest
        let words = ReportWords(language)
        let th = language == .th
        var lines: [String] = []
        var header = th ? ["อันดับ", "รหัส", "หน่วยงาน", "จังหวัด", "ผลงาน", "คะแนน", "จำนวนใบ", "SD", "รางวัล", "รางวัลที่เสนอ", "ข้อสังเกต", "นับใบร่าง"]
            : ["rank", "id", "organisation", "province", "title", "score", "sheets", "sd", "award", "proposed", "flags", "includeDrafts"]
        if draft != nil { header.append(language.t("ประกาศผล", "announcement")) }
        header.append(contentsOf: [language.t("สิทธิ์ตามบัญชีผู้ใช้", "access"), language.t("สมุดคะแนน", "ledger")])
        header.append(contentsOf: contest.criteria.enumerated().map { k, c in th ? "เกณฑ์ \(k + 1) \(c.short)" : c.id })
        header.append(language.t("เหตุที่ไม่จัดอันดับ", "unranked"))
        if contest.carry != nil { header.append(language.t("คะแนนรอบนี้", "roundScore")) }
        if let earlier = contest.earlierRound {
            header += th ? [words.earlierRank(earlier.number), words.earlierScore(earlier.number)] : ["earlierRank", "earlierScore"]
        }
        if statistics != nil {
            header.append(contentsOf: th ? ["ความมั่นใจ", "พลิกได้ถ้าเปลี่ยน", "ทิศทาง", "ใบของกรรมการ"] : ["confidence", "swing", "swingDirection", "swingJudge"])
        }
        lines.append(header.map(field).joined(separator: ","))
        let award = { (id: String?) -> String in
            guard let id else { return "" }
            return th ? words.tierTitle(id, contest: contest) : id
        }
        // The same on every row: the states a copied row must carry.
        var states: [String] = []
        if let draft { states.append(draft.isEmpty ? language.t("ฉบับจริง", "final") : language.t("ร่าง", "draft")) }
        states.append(contest.access == .open ? language.t("ไม่บังคับ", "open") : language.t("บังคับ", "enforced"))
        states.append(ledger.isIntact ? language.t("ครบถ้วน", "intact")
                      : ([language.t("ไม่ครบถ้วน", "not-intact")] + ledger.problems(in: language)).joined(separator: "; "))
        for e in r.entries {
            let entry = contest.entries[e.index]
            var row = [e.rank.map(String.init) ?? "", e.id, entry.organisation, entry.province, entry.title,
                       e.score.map(TwoDecimals.text) ?? "", String(e.totals.count), e.sd.map(TwoDecimals.text) ?? "",
                       award(e.award), award(e.proposed), e.flags.map { th ? flagWord($0.kind) : $0.kind.rawValue }.joined(separator: " "),
                       r.includeDrafts ? language.t("นับ", "true") : language.t("ไม่นับ", "false")]
            row.append(contentsOf: states)
            row.append(contentsOf: e.criterionMeans.map { $0.map(TwoDecimals.text) ?? "" })
            // Why it is not ranked, in words: ineligible and the reason, or below quorum.
            let why = e.rank == nil ? e.flags.first { $0.kind == .ineligible || $0.kind == .belowQuorum } : nil
            row.append(why.map { words.describe($0, contest: contest) } ?? "")
            if contest.carry != nil { row.append(e.roundScore.map(TwoDecimals.text) ?? "") }
            if contest.earlierRound != nil { row += [e.earlier?.rank.map(String.init) ?? "", e.earlier?.score.map(TwoDecimals.text) ?? ""] }
            if let statistics {
                let change = statistics.swing(entry: e.index)?.change
                row.append(statistics.confidenceOfProposal(entry: e.index).map(fourDecimals) ?? "")
                row.append(change.map { TwoDecimals.text($0.points) } ?? "")
                row.append(change.map { th ? ($0.direction == .up ? "เพิ่ม" : "ลด") : $0.direction.rawValue } ?? "")
                row.append(change?.judgeID ?? "")
            }
            lines.append(row.map(field).joined(separator: ","))
        }
        lines.append([language.t("ตราผลคะแนน", "seal"), ReportJSON.seal(r, ledger: ledger)].map(field).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A flag's name in a Thai cell.
    static func flagWord(_ k: Flag.Kind) -> String {
        switch k {
        case .spread: return "ความเห็นต่างสูง"
        case .outlier: return "คะแนนห่างกลุ่ม"
        case .boundaryTie: return "เสมอที่เส้นรางวัล"
        case .belowQuorum: return "ไม่ครบองค์"
        case .judgeNotNormalised: return "ไม่ได้ปรับมาตรฐาน"
        case .ineligible: return "ไม่ผ่านคุณสมบัติ"
        case .conflict: return "ใบที่ไม่นับเพราะมีส่วนได้เสีย"
        case .skewedPanel: return "กรรมการเข้มหรือใจดีทั้งหมด"
        }
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
