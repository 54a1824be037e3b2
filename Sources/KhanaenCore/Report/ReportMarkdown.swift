import KhanaenText

/// The announcement in the shape the contest publishes it: its heading, then per award tier
/// a line and a table หน่วยงาน | จังหวัด | ผลงานนวัตกรรมท้องถิ่นดิจิทัล, in the announcement's
/// order; marked DRAFT with the reasons while the results are not final.
public enum ReportMarkdown {
    /// `draft`: why the announcement is not final (`AnnouncementDraft.check`), empty when it is.
    /// `issued`: the moment it is made, whose date (in the contest's time zone, พ.ศ.) it carries
    /// above the chair's signature block.
    public static func text(_ r: Results, ledger: LedgerSummary, draft reasons: [AnnouncementDraft.Reason],
                            issued: Int64 = Timestamp.nowMillis(), collator: ThaiCollator = .load(), rounds: [RoundMinutes] = []) -> String {
        let contest = ledger.contest
        let words = contest.announcement
        let w = ReportWords(.th)
        // What is wrong with the ledger comes first, before anything else is read; that the
        // contest's access is open comes under the heading, which it qualifies.
        var out: [String] = bannerLines(ledger, w, access: false)
        // The announcement is the final round's: an earlier round's results are its shortlist.
        if let this = rounds.firstIndex(where: \.isThis), let final = rounds.last, this < rounds.count - 1 {
            out += ["> **รอบนี้ไม่ใช่รอบสุดท้าย: ผลที่ประกาศคือผลของรอบที่ \(final.number) (\(cell(final.folder)))**", ""]
        }
        let draft = reasons.map { AnnouncementDraft.describe($0, contest: contest, words: w) }
        if !draft.isEmpty {
            out.append("> **ร่าง (DRAFT): ยังไม่ใช่ผลทางการ**")
            out.append(contentsOf: draft.map { "> - " + cell($0) })
            out.append("")
        }
        out.append("# " + cell(words.heading.replacingAll("{contest}", with: contest.name)))
        out.append("")
        if contest.access == .open { out.append("> ⚠ " + cell(w.accessOpen)); out.append("") }
        if r.includeDrafts { out.append("> " + w.draftsIncluded); out.append("") }
        // An ineligible entry has no award; it is never named, whatever the chair decided.
        let awarded = r.ranked + r.unranked.filter { $0.unrankedReason != Flag.Kind.ineligible.rawValue }
        for tier in contest.awards {
            // The public list is in the announcement's order, never in rank order, which it
            // must not reveal: by kind of local government, then in Thai dictionary order.
            let winners = announcementOrder(awarded.filter { $0.award == tier.id }.map { contest.entries[$0.index] }, collator: collator)
            out.append(cell(words.tier.replacingAll("{tier}", with: tier.title).replacingAll("{count}", with: String(winners.count))))
            out.append("")
            out.append("| " + words.columns.map(cell).joined(separator: " | ") + " |")
            out.append("|---|---|---|")
            for entry in winners {
                out.append("| \(cell(entry.organisation)) | \(cell(provinceName(entry.province))) | \(cell(entry.title)) |")
            }
            out.append("")
        }
        out.append(contentsOf: signatureLines(contest, issued: issued))
        out.append("")
        let seal = ReportJSON.seal(r, ledger: ledger)
        out.append("วิธีรวมคะแนน: \(w.methodOf(r)) · \(w.seal) \(seal)")
        if !rounds.isEmpty { out += [""] + roundLines(rounds, seal: seal, zone: contest.timeZone) }
        return out.joined(separator: "\n") + "\n"
    }

    /// The minutes of a contest in rounds: each round with its dates, panel, shortlist and seal.
    static func roundLines(_ rounds: [RoundMinutes], seal: String, zone: ContestTimeZone) -> [String] {
        var out = ["## รอบการตัดสิน", ""]
        for round in rounds {
            var parts = ["**รอบที่ \(round.number): \(cell(round.title))**" + (round.isThis ? " (รอบนี้)" : "")]
            if !round.isThis { parts.append(cell(round.folder)) }
            if let why = round.unreadable {
                parts.append("อ่านสมุดคะแนนไม่ได้: " + cell(why))
            } else {
                func day(_ t: Int64) -> String { ThaiDate.text(Timestamp.date(t, zone: zone)) }
                if let first = round.first, let last = round.last {
                    parts.append(day(first) == day(last) ? day(first) : "\(day(first)) – \(day(last))")
                } else {
                    parts.append("ยังไม่มีบรรทัดในสมุดคะแนน")
                }
            }
            parts.append("คณะกรรมการ \(round.panel.count) คน: " + cell(round.panel.joined(separator: ", ")))
            if let shortlist = round.shortlist {
                parts.append("คัดเข้ารอบต่อไป \(shortlist.count) ผลงาน: " + shortlist.joined(separator: ", "))
                parts.append("ตราผลคะแนนที่ใช้คัด \(round.seal ?? "—")")
            } else if round.isThis {
                parts.append("ตราผลคะแนน \(seal)")
            }
            out.append("- " + parts.joined(separator: " · "))
        }
        return out
    }

    /// "ประกาศ ณ วันที่ 7 ธันวาคม พ.ศ. 2569" (the date of `issued` in the contest's time zone), then
    /// the signature block: a line to sign, the chair's name in brackets (a dotted line when
    /// contest.json gives none) and position. Lines end in two spaces: Markdown's line break.
    static func signatureLines(_ contest: Contest, issued: Int64) -> [String] {
        let dots = String(repeating: ".", count: 40)
        let name = contest.announcement.signedBy.isEmpty ? dots : cell(contest.announcement.signedBy)
        return ["ประกาศ ณ วันที่ " + ThaiDate.longText(Timestamp.date(issued, zone: contest.timeZone)), "",
                "(ลงชื่อ) " + dots + "  ", "(" + name + ")  ", cell(contest.announcement.signedAs)]
    }

    /// เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, องค์การบริหารส่วนตำบล, the others; within a kind, by
    /// the name in Thai dictionary order, then by title.
    public static func announcementOrder(_ entries: [Contest.Entry], collator: ThaiCollator) -> [Contest.Entry] {
        func key(_ e: Contest.Entry) -> (Int, String) {
            guard let (kind, place) = OrganisationKind.of(e.organisation) else { return (OrganisationKind.allCases.count, e.organisation) }
            return (kind.rawValue, place)
        }
        return entries.sorted { a, b in
            let (ka, pa) = key(a), (kb, pb) = key(b)
            if ka != kb { return ka < kb }
            switch collator.compare(pa, pb) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return collator.areInIncreasingOrder(a.title, b.title) || (a.title == b.title && a.id < b.id)
            }
        }
    }

    /// The whole ranking as a Markdown table, for the minutes of the panel. With `statistics`, it
    /// also gives how sure each proposed tier is and each entry's swing, the panel's agreement,
    /// the judges' flagged patterns and the discussion queue with what the panel decided (the
    /// announcement, `text`, never shows them).
    /// Times in the contest's time zone (or `timeZone`), in the Buddhist era.
    public static func ranking(_ r: Results, ledger: LedgerSummary, statistics: PanelStatistics? = nil,
                               timeZone: ContestTimeZone? = nil) -> String {
        let contest = ledger.contest
        let zone = timeZone ?? contest.timeZone
        let w = ReportWords(.th)
        var out: [String] = ["# \(w.rank) · \(cell(contest.name))", ""]
        out.append(contentsOf: bannerLines(ledger, w))
        out += ["วิธีรวมคะแนน: \(w.methodOf(r))", ""]
        if let carry = contest.carry { out += [w.carryFormula(carry, round: contest.earlierRound?.number ?? 1), ""] }
        if r.includeDrafts { out.append("> " + w.draftsIncluded); out.append("") }
        var extra = statistics != nil ? " \(w.confidence) | \(w.swing) |" : ""
        var align = statistics != nil ? "---:|---:|" : ""
        if contest.carry != nil { extra = " \(w.roundScore) |" + extra; align = "---:|" + align }
        if let earlier = contest.earlierRound {
            extra = " \(w.earlierRank(earlier.number)) | \(w.earlierScore(earlier.number)) |" + extra
            align = "---:|---:|" + align
        }
        out.append("| \(w.rank) | \(w.id) | \(w.organisation) | \(w.province) | \(w.score) | \(w.sheets) | SD |\(extra) \(w.award) | \(w.flags) |")
        out.append("|---:|---|---|---|---:|---:|---:|" + align + "---|---|")
        for e in r.entries {
            let entry = contest.entries[e.index]
            let award = w.tierTitle(e.award, contest: contest) + (e.override != nil ? " *" : "")
            let flags = e.flags.map { w.describe($0, contest: contest) }.joined(separator: "; ")
            var figures = ""
            if let statistics {
                let sure = e.rank == nil ? "" : statistics.percentOfProposal(entry: e.index).map { "\($0)%" } ?? ""
                figures = " \(sure) | \(w.swingText(statistics.swing(entry: e.index))) |"
            }
            if contest.carry != nil { figures = " \(e.roundScore.map(TwoDecimals.text) ?? "") |" + figures }
            if contest.earlierRound != nil {
                figures = " \(e.earlier?.rank.map(String.init) ?? "—") | \(e.earlier?.score.map(TwoDecimals.text) ?? "—") |" + figures
            }
            out.append("| \(e.rank.map(String.init) ?? "—") | \(e.id) | \(cell(entry.organisation)) | \(cell(entry.province)) | "
                       + "\(e.score.map(TwoDecimals.text) ?? "") | \(e.totals.count) | \(e.sd.map(TwoDecimals.text) ?? "") |\(figures) \(cell(award)) | \(cell(flags)) |")
        }
        if let statistics {
            out.append("")
            out.append(cell(w.statisticsNote(statistics)))
        }
        let overridden = r.entries.filter { $0.override != nil }
        if !overridden.isEmpty {
            out.append("")
            out.append("\(w.overrides):")
            out.append("")
            for e in overridden {
                guard let o = e.override else { continue }
                out.append("- \(e.id): \(o.tier.map { w.tierTitle($0, contest: contest) } ?? "—") (\(o.decision.actor), \(ThaiDate.moment(o.decision.time, zone: zone, language: .th))): \(cell(o.decision.reason))")
            }
        }
        if let statistics { out.append(contentsOf: statisticsSections(statistics, contest: contest, w)) }
        out.append("")
        out.append("\(w.seal): \(ReportJSON.seal(r, ledger: ledger))")
        return out.joined(separator: "\n") + "\n"
    }

    /// The panel's agreement, the judges' flagged patterns and the discussion queue, for the minutes.
    static func statisticsSections(_ s: PanelStatistics, contest: Contest, _ w: ReportWords) -> [String] {
        var out = ["", "## \(w.agreement)", ""]
        out.append("| | ICC(2,1) | ICC(2,k) | Kendall's W | α | \(w.title) × \(w.judge) |")
        out.append("|---|---:|---:|---:|---:|---:|")
        func row(_ name: String, _ a: Agreement) -> String {
            func f(_ x: Double?) -> String { x.map(TwoDecimals.text) ?? "—" }
            return "| \(cell(name)) | \(f(a.icc2_1)) | \(f(a.icc2_k)) | \(f(a.kendallW)) | \(f(a.alpha)) | \(a.entries) × \(a.judges) |"
        }
        out.append(row(w.totalsWord, s.agreement.totals))
        for c in s.agreement.criteria { out.append(row(c.id, c.agreement)) }
        let flagged = s.patterns.map { ReportTable.patternSummary($0) }
        if flagged.contains(where: { !$0.isEmpty }) {
            out += ["", "\(w.patterns):", ""]
            for (p, text) in zip(s.patterns, flagged) where !text.isEmpty { out.append("- \(cell(p.id)): \(cell(text))") }
        }
        out += ["", "## " + cell(w.queueHeading(open: s.openItems.count, of: s.queue.count)), ""]
        if !s.queue.isEmpty {
            out.append("| # | " + w.queueColumns.joined(separator: " | ") + " |")
            out.append("|---:|---|---|---|---|")
            for (k, item) in s.queue.enumerated() {
                out.append("| \(k + 1) | \(item.key) | \(cell(w.topic(item.topic))) | \(cell(w.reason(item, contest: contest))) | \(cell(w.status(item))) |")
            }
        }
        return out
    }

    /// "ยะลา" → "จังหวัดยะลา"; Bangkok is not a จังหวัด.
    public static func provinceName(_ p: String) -> String {
        if p.isEmpty || p.hasPrefix("จังหวัด") || p == "กรุงเทพมหานคร" { return p }
        return "จังหวัด" + p
    }

    /// The banners as a quoted block, then a blank line; nothing when there are none.
    static func bannerLines(_ ledger: LedgerSummary, _ w: ReportWords, access: Bool = true) -> [String] {
        let banners = w.banners(ledger, access: access)
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
