import KhanaenText

/// The report as aligned text for a terminal (`khanaen report`, the default format). With
/// `statistics`, each ranked entry also shows how sure its proposed tier is and its swing, each
/// judge their flagged patterns, and the report the discussion queue and the panel's agreement.
public enum ReportTable {
    /// Times are shown in the contest's time zone (or `timeZone`), in the Buddhist era in Thai.
    public static func text(_ r: Results, ledger: LedgerSummary, language: Language = .th,
                            statistics: PanelStatistics? = nil, draft: [AnnouncementDraft.Reason]? = nil,
                            timeZone: ContestTimeZone? = nil) -> String {
        let contest = ledger.contest
        let zone = timeZone ?? contest.timeZone
        let w = ReportWords(language)
        var out: [String] = []
        out.append(contest.name)
        out.append("\(w.methodOf(r)) · \(contest.entries.count) \(w.title) · \(contest.judges.count) \(w.judge)")
        if let carry = contest.carry { out.append(w.carryFormula(carry, round: contest.earlierRound?.number ?? 1)) }
        out.append(contentsOf: w.banners(ledger).map { "⚠ " + $0 })
        if let draft, !draft.isEmpty {
            // Why the results are not final, one reason a line (AnnouncementDraft).
            out.append("⚠ " + w.draftHeading)
            out.append(contentsOf: draft.map { "  - " + AnnouncementDraft.describe($0, contest: contest, words: w) })
        } else if r.includeDrafts {
            out.append("⚠ " + w.draftsIncluded)
        }
        out.append("")

        var columns: [TextTable.Column] = [
            .init(w.rank, width: 6, align: .right), .init(w.id, width: 6), .init(w.organisation, width: 30),
            .init(w.province, width: 14), .init(w.score, width: 6, align: .right), .init(w.sheets, width: 4, align: .right),
            .init(w.sd, width: 5, align: .right),
        ]
        let earlier = contest.earlierRound
        if contest.carry != nil { columns.insert(.fitting(w.roundScore, width: 6, align: .right), at: 5) }
        if let earlier {
            columns += [.fitting(w.earlierRank(earlier.number), width: 4, align: .right),
                        .fitting(w.earlierScore(earlier.number), width: 6, align: .right)]
        }
        if statistics != nil { columns += [.fitting(w.confidence, width: 4, align: .right), .fitting(w.swing, width: 6, align: .right)] }
        columns += [.init(w.award, width: 9), .init(w.flags, minWidth: 8)]
        let table = TextTable(columns, separator: "  ")
        var rows: [[String]] = []
        var lastTier: String?? = .none
        for e in r.ranked {
            let entry = contest.entries[e.index]
            if case .some(let t) = lastTier, t != e.proposed, t != nil {
                rows.append(["", "", "┄┄ " + w.tierTitle(t, contest: contest) + " ┄┄"])
            }
            lastTier = .some(e.proposed)
            let award = w.tierTitle(e.award, contest: contest) + (e.override != nil ? " *" : "")
            var row = [String(e.rank ?? 0), e.id, entry.organisation, entry.province, e.score.map(TwoDecimals.text) ?? "",
                       String(e.totals.count), e.sd.map(TwoDecimals.text) ?? ""]
            if contest.carry != nil { row.insert(e.roundScore.map(TwoDecimals.text) ?? "", at: 5) }
            if earlier != nil { row += [e.earlier?.rank.map(String.init) ?? "—", e.earlier?.score.map(TwoDecimals.text) ?? "—"] }
            if let statistics {
                row += [statistics.percentOfProposal(entry: e.index).map { "\($0)%" } ?? "", w.swingText(statistics.swing(entry: e.index))]
            }
            rows.append(row + [award, e.flags.map { $0.kind.rawValue }.joined(separator: " ")])
        }
        out.append(contentsOf: table.render(rows))
        if let statistics { out.append(w.statisticsNote(statistics)) }

        if !r.unranked.isEmpty {
            out.append("")
            out.append(w.unranked + ":")
            for e in r.unranked {
                let entry = contest.entries[e.index]
                let why = e.flags.first { $0.kind == .ineligible || $0.kind == .belowQuorum }.map { w.describe($0, contest: contest) } ?? ""
                out.append("  " + CellText.fit(e.id, to: 6) + "  " + CellText.fit(entry.organisation, to: 30) + "  " + why)
            }
        }

        let notes = r.ranked.compactMap { e in e.tie.map { "  \(e.id): " + w.describe($0, contest: contest) } }
        if !notes.isEmpty {
            out.append("")
            out.append(w.ties + ":")
            out.append(contentsOf: notes)
        }

        let flagged = r.entries.filter { !$0.flags.isEmpty }
        if !flagged.isEmpty {
            out.append("")
            out.append(w.flags + ":")
            for e in flagged {
                out.append("  \(e.id): " + e.flags.map { w.describe($0, contest: contest) }.joined(separator: "; "))
            }
        }

        let overridden = r.entries.filter { $0.override != nil }
        if !overridden.isEmpty {
            out.append("")
            out.append(w.overrides + ":")
            for e in overridden {
                guard let o = e.override else { continue }
                let tier = o.tier.map { w.tierTitle($0, contest: contest) } ?? "—"
                out.append("  * \(e.id): \(tier) (\(o.decision.actor), \(ThaiDate.moment(o.decision.time, zone: zone, language: language))): \(o.decision.reason)")
            }
        }

        if let statistics {
            out.append("")
            out.append(w.queueHeading(open: statistics.openItems.count, of: statistics.queue.count) + ":")
            for item in statistics.queue {
                out.append("  \(item.key): \(w.reason(item, contest: contest)) · \(w.status(item))")
            }
        }

        out.append("")
        var judgeColumns: [TextTable.Column] = [
            .init(w.judge, width: 8), .init(w.submitted, width: 8, align: .right), .init(w.drafts, width: 6, align: .right),
            .init(w.recused, width: 7, align: .right), .init(w.notStarted, width: 11, align: .right),
            .init(w.mean, width: 7, align: .right), .init(w.sd, width: 6, align: .right),
        ]
        if statistics != nil { judgeColumns.append(.init(w.patterns, minWidth: 8)) }
        let judgeTable = TextTable(judgeColumns, separator: "  ")
        out.append(contentsOf: judgeTable.render(r.judges.map { j in
            var row = [j.id, String(j.submitted), String(j.drafts), String(j.recused), String(j.notStarted),
                       j.mean.map(TwoDecimals.text) ?? "", j.sd.map(TwoDecimals.text) ?? ""]
            if let statistics { row.append(patternSummary(statistics.patterns(judge: j.index))) }
            return row
        }))
        if let statistics {
            out.append("")
            out.append(w.agreementLine(statistics.agreement.totals))
            for c in statistics.agreement.criteria { out.append("  \(c.id): " + w.agreementFigures(c.agreement)) }
        }

        let warnings = r.tierCounts.map { w.describe($0, contest: contest) } + ledger.warnings(in: w.language)
        if !warnings.isEmpty {
            out.append("")
            out.append(w.warnings + ":")
            out.append(contentsOf: warnings.map { "  " + $0 })
        }
        out.append("")
        out.append("\(w.seal): \(ReportJSON.seal(r, ledger: ledger))")
        // Every line may hold text from the contest or the ledger: nothing in it reaches the
        // terminal raw.
        return out.map { TerminalText.safe(trimRight($0)) }.joined(separator: "\n") + "\n"
    }

    /// A judge's flagged patterns with their figures, as short as a column wants: "halo 0.31 drift +0.45".
    static func patternSummary(_ p: JudgePatterns?) -> String {
        guard let p else { return "" }
        var parts: [String] = []
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + TwoDecimals.text(x) }
        if p.halo.flagged, let v = p.halo.value { parts.append("halo " + TwoDecimals.text(v)) }
        if p.flat.flagged, let v = p.flat.value { parts.append("flat " + TwoDecimals.text(v)) }
        if p.drift.flagged, let v = p.drift.value { parts.append("drift " + signed(v)) }
        if p.severity.flagged, let v = p.severity.value { parts.append("severity " + signed(v)) }
        return parts.joined(separator: " ")
    }

    static func trimRight(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
