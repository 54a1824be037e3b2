import KhanaenCore
import KhanaenText

/// The ranking: rank, entry, organisation, province, (from 120 columns the title,) score by
/// the current method, counted sheets against the quorum, (from 100 columns the SD,) how sure
/// the proposed tier is, (in a later round, from 140 columns, the entry's rank in the earlier one,) (from 100 columns the swing,) the judges' totals on a 0–100 axis, the
/// award and flags, with a line where each award tier ends and the unranked entries below.
enum RankingView {
    /// Which columns a width holds.
    struct Layout {
        let withTitle: Bool, withSD: Bool, withSwing: Bool
        /// The earlier round's rank, in a later round; narrower, the selected entry's line says it.
        let withEarlier: Bool
        init(width: Int) {
            withEarlier = width >= 140
            withTitle = width >= 120
            withSD = width >= 100
            withSwing = width >= 100
        }
    }

    static func table(_ s: ChairState, distribution: Int) -> TextTable {
        let w = s.strings
        let layout = Layout(width: s.width)
        let words = ReportWords(w.language)
        // Below 90 columns the text columns narrow so that the flags, last, still show.
        let narrow = s.width < 90
        var columns: [TextTable.Column] = [
            .init(w.columnRank, width: 4, align: .right), .init(w.columnID, width: s.idWidth),
            .init(w.columnOrganisation, minWidth: narrow ? 8 : 12, shortTitle: w.columnOrganisationShort),
            .init(w.columnProvince, width: narrow ? 8 : 10),
        ]
        if layout.withTitle { columns.append(.init(w.columnTitle, minWidth: 16)) }
        columns += [.init(w.columnScore, width: 6, align: .right), .fitting(w.columnSheets, width: 5, align: .right)]
        if layout.withEarlier, let earlier = s.contest.earlierRound { columns.append(.fitting(w.columnEarlier(earlier.number), width: 3, align: .right)) }
        if layout.withSD { columns.append(.init("SD", width: 5, align: .right)) }
        columns.append(.fitting(words.confidence, width: 5, align: .right))
        if layout.withSwing { columns.append(.fitting(words.swing, width: 6, align: .right)) }
        columns += [.fitting(w.columnSpread, width: distribution), .init(w.columnAward, width: narrow ? 9 : 10), .fitting(w.columnFlags, width: 6)]
        return TextTable(columns)
    }

    static func draw(_ c: inout Canvas, _ s: ChairState) {
        // The distribution narrows until every column fits: a header never loses its last letter.
        var distribution = s.width >= 120 ? 20 : (s.width >= 100 ? 14 : (s.width >= 90 ? 10 : 8))
        var table = table(s, distribution: distribution)
        var widths = table.widths(total: c.width - 2)
        while widths.reduce(0, +) + widths.count - 1 > c.width - 2 && distribution > 6 {
            distribution -= 1
            table = Self.table(s, distribution: distribution)
            widths = table.widths(total: c.width - 2)
        }
        let layout = Layout(width: s.width)
        let organisationWidth = widths[2]
        let area = s.layout.ranking(notice: s.rankingNotice != nil)
        c.put(table.header(widths: widths), x: 1, y: area.header.y, limit: c.width - 2, role: .muted, bold: true)
        let rows = s.rankingRows
        let w = s.strings
        let words = ReportWords(w.language)
        // Why the announcement is a draft (screen 7 lists every reason), or a tier given to more
        // or fewer entries than the contest says, in words.
        if let text = s.rankingNotice {
            c.put(CellText.clip(text, to: c.width - 2), x: 1, y: area.notice.y, limit: c.width - 2, role: .warning, bold: true)
        }
        let top = area.rows.y, room = area.rows.height
        let first = min(s.list.top, max(0, rows.count - area.rows.pageRows))
        let awardIndex = widths.count - 2
        let statistics = s.statistics
        for k in 0..<room {
            let p = first + k
            guard p < rows.count else { break }
            let y = top + k
            switch rows[p] {
            case .cut(let title):
                let label = " \(w.tierLine(title)) "
                let line = String(repeating: "┈", count: 2) + label + String(repeating: "┈", count: max(0, c.width - 4 - CellWidth.of(label)))
                c.put(line, x: 1, y: y, limit: c.width - 2, role: .accent)
            case .heading(let text):
                c.put(text, x: 1, y: y, limit: c.width - 2, role: .muted, bold: true)
            case .entry(let e):
                guard let r = s.result(e) else { continue }
                let entry = s.contest.entries[e]
                let award = r.award.map { id in s.contest.awards.first { $0.id == id }?.title ?? id } ?? ""
                var cells = [r.rank.map(String.init) ?? "—", entry.id, organisation(entry.organisation, width: organisationWidth), entry.province]
                if layout.withTitle { cells.append(entry.title) }
                cells += [r.score.map(TwoDecimals.text) ?? "", "\(r.totals.count)/\(r.assigned ?? s.contest.quorum)"]
                if layout.withEarlier, s.contest.earlierRound != nil { cells.append(r.earlier?.rank.map(String.init) ?? "—") }
                if layout.withSD { cells.append(r.sd.map(TwoDecimals.text) ?? "") }
                // "…" while the bootstrap is at work; nothing for an entry it does not rank.
                let sure = statistics.map { st in st.confidenceOfProposal(entry: e).map(words.percent) ?? "" } ?? "…"
                cells.append(r.rank == nil ? "" : sure)
                if layout.withSwing { cells.append(statistics.map { words.swingText($0.swing(entry: e)) } ?? "") }
                cells += [spread(r.totals.map { $0.total }, width: distribution), award + (r.override != nil ? "*" : ""),
                          marks(r, uncertain: statistics.map { isUncertain(e, $0) } ?? false)]
                let selected = e == s.selectedEntry
                c.put(table.line(cells, widths: widths), x: 1, y: y, limit: c.width - 2, role: selected ? .selected : .normal)
                if selected {
                    c.put("▶", x: 0, y: y, role: .selected, bold: true)
                    c.paint(y: y, x: 1, width: c.width - 2, role: .selected)
                    c.paint(y: y, x: 1, width: widths[0] + widths[1] + 2, role: .selected, bold: true)
                } else {
                    if r.award != nil { c.paint(y: y, x: 1 + widths[0..<awardIndex].reduce(0, +) + awardIndex, width: widths[awardIndex], role: .ok, bold: true) }
                    if !r.flags.isEmpty {
                        c.paint(y: y, x: 1 + widths[0...awardIndex].reduce(0, +) + awardIndex + 1, width: widths[awardIndex + 1], role: .warning, bold: true)
                    }
                }
            }
        }
        // The selected entry's flags and tie, in words.
        if let e = s.selectedEntry, let r = s.result(e) {
            var parts = r.flags.map { words.describe($0, contest: s.contest) }
            if let tie = r.tie { parts.append(words.describe(tie, contest: s.contest)) }
            if let st = s.statistics, r.rank != nil, let p = st.confidenceOfProposal(entry: e) {
                var sure = "\(words.confidence) \(words.percent(p)) \(words.tierPhrase(r.proposed, contest: s.contest))"
                if let change = st.swing(entry: e)?.change {
                    sure += " · " + w.swingWords(change, tier: words.tierPhrase(change.tier, contest: s.contest))
                }
                parts.insert(sure, at: 0)
            }
            if let o = r.override { parts.append("* \(o.decision.actor): \(o.decision.reason.replacingNewlines)") }
            if let earlier = s.contest.earlierRound {
                parts.insert(w.earlierStanding(r, round: earlier.number, carry: s.contest.carry != nil), at: 0)
            }
            let text = "\(r.id) · " + (parts.isEmpty ? s.contest.entries[e].title : parts.joined(separator: " · "))
            c.put(text, x: 1, y: area.selected.y, limit: c.width - 2, role: parts.isEmpty ? .muted : .warning)
        }
    }

    /// An organisation's name, its kind abbreviated (เทศบาลตำบลครึ่ง → ทต.ครึ่ง) when the
    /// whole name does not fit: names sharing a long beginning stay apart.
    static func organisation(_ name: String, width: Int) -> String {
        CellWidth.of(name) <= width ? name : OrganisationKind.abbreviated(name)
    }

    /// The judges' totals on a 0–100 axis: how many fall in each cell, as a bar height.
    static func spread(_ totals: [Double], width: Int) -> String {
        var counts = [Int](repeating: 0, count: width)
        for t in totals { counts[min(width - 1, max(0, Int(t / 100 * Double(width))))] += 1 }
        let marks: [Character] = ["·", "▂", "▄", "▆", "█"]
        return String(counts.map { marks[min($0, 4)] })
    }

    /// Whether the entry's proposed tier is below the contest's threshold of confidence.
    static func isUncertain(_ e: Int, _ st: PanelStatistics) -> Bool {
        guard let p = st.confidenceOfProposal(entry: e) else { return false }
        return p < st.uncertain
    }

    static func marks(_ r: EntryResult, uncertain: Bool = false) -> String {
        var m = uncertain ? "?" : ""
        for f in r.flags {
            switch f.kind {
            case .spread: m += "±"
            case .outlier: m += "!"
            case .boundaryTie: m += f.settled ? "≡" : "="
            case .belowQuorum: m += "<"
            case .judgeNotNormalised: m += "~"
            case .ineligible: m += "×"
            case .conflict: m += "⊘"
            case .skewedPanel: m += (f.value ?? 0) < 0 ? "↓" : "↑"
            }
        }
        return m
    }
}
