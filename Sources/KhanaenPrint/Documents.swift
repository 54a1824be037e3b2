import KhanaenCore
import KhanaenText

/// The signed papers (issue 24): built from the ledger's figures, set by `Typesetter`.
public enum PaperDocuments {
    static let words = ReportWords(.th)

    /// "18", "17.5": a criterion's score as the judge gave it.
    public static func scoreText(_ v: Double) -> String {
        if v == v.rounded() { return String(Int(v)) }
        var s = TwoDecimals.text(v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    public static func statusText(_ s: Sheet.Status) -> String {
        switch s {
        case .notStarted: return words.notStarted
        case .draft: return words.drafts
        case .submitted: return words.submitted
        case .recused: return words.recused
        }
    }

    /// "7 ธันวาคม พ.ศ. 2569 เวลา 14:05 น.": when a paper was printed, in the contest's zone.
    public static func printedText(_ millis: Int64, zone: ContestTimeZone) -> String {
        ThaiDate.longText(Timestamp.date(millis, zone: zone)) + " เวลา " + Timestamp.clock(millis, zone: zone, seconds: false) + " น."
    }

    /// A QR code's text: ASCII, so that the code stays small enough for a footer and plain to
    /// any reader: `khanaen verify --printed <hex> # <what> <UTC minute>`.
    static func qr(_ hex: String, about: String, printedAt: Int64) -> String {
        "khanaen verify --printed \(hex) # \(about) \(Timestamp.format(printedAt).prefix(16))Z"
    }

    static func signature(role: String, name: String, position: String = "", date: String) -> [String] {
        ["ลงชื่อ .............................. \(role)", "(\(name.isEmpty ? "......................................." : name))"]
            + (position.isEmpty ? [] : ["ตำแหน่ง \(position)"]) + [date]
    }

    /// "กรรมการ: ชื่อ (j1)", and the judge's position when contest.json gives it.
    static func judgeLine(_ judge: Contest.Judge) -> [PrintBlock] {
        [.text("\(words.judge): \(judge.name) (\(judge.id))" + (judge.position.isEmpty ? "" : "   ตำแหน่ง: \(judge.position)"), size: 15)]
    }

    /// The ledger file a sheet stands on: its path in the contest, its line count and head.
    public struct FileWitness: Sendable {
        public var path: String
        public var lines: Int
        public var head: String
        public init(path: String, lines: Int, head: String) {
            self.path = path
            self.lines = lines
            self.head = head
        }

        /// The footer's verification line, which `khanaen verify --printed` reads back by the head.
        public func line(printed: String) -> String {
            "ตรวจสอบกับสมุดคะแนน: \(path) · \(lines) บรรทัด · หัว \(head) · พิมพ์เมื่อ \(printed)"
        }

        /// The verification line's figures for the footer's QR code, as the command to check them.
        public func qr(printedAt: Int64) -> String {
            PaperDocuments.qr(head, about: "\(path) \(lines)", printedAt: printedAt)
        }
    }

    /// One judge's score sheet (แบบบันทึกคะแนน สำหรับกรรมการรายบุคคล): one row per entry given to
    /// the judge (`given`, by entry index, as the workstation lists them; nil: every entry), the
    /// criteria with their maxima in the heading, the total out of 100 and the status.
    public static func scoreSheet(contest: Contest, judge: Contest.Judge, sheets: [Sheet], given: Set<Int>? = nil, witness: FileWitness,
                                  printedAt: Int64, notes: Bool) -> PrintDocument {
        let listed = contest.entries.indices.filter { given?.contains($0) ?? true }
        let printed = printedText(printedAt, zone: contest.timeZone)
        var blocks: [PrintBlock] = [
            .text("แบบบันทึกคะแนน สำหรับกรรมการรายบุคคล", size: 20, bold: true, alignment: .center),
            .text(contest.name, size: 16, bold: true, alignment: .center),
            .space(6),
        ] + judgeLine(judge) + [
            .text("เกณฑ์การให้คะแนน: " + contest.criteria.enumerated().map { k, c in
                "\(k + 1). \(c.title) (\(scoreText(c.max)) คะแนน)"
            }.joined(separator: "  "), size: 11),
            .space(6),
        ]
        var columns = [TableColumn("ที่", weight: 3, alignment: .right), TableColumn(words.id, weight: 5),
                       TableColumn(words.organisation, weight: 12), TableColumn(words.title, weight: 26)]
        for (k, c) in contest.criteria.enumerated() {
            columns.append(TableColumn("\(k + 1)\n(\(scoreText(c.max)))", weight: 4, alignment: .right))
        }
        columns.append(TableColumn("รวม\n(100)", weight: 6, alignment: .right))
        columns.append(TableColumn("สถานะ", weight: 8, alignment: .center))
        var rows: [[String]] = []
        for (n, k) in listed.enumerated() {
            let entry = contest.entries[k]
            let sheet = k < sheets.count ? sheets[k] : Sheet(criteria: contest.criteria.count)
            var row = [String(n + 1), entry.id, entry.organisation, entry.title]
            row += sheet.scores.map { $0.map(scoreText) ?? "" }
            row.append(sheet.total(maxTotal: contest.maxTotal).map(TwoDecimals.text) ?? "")
            row.append(statusText(sheet.status))
            rows.append(row)
        }
        blocks.append(.table(PrintTable(columns: columns, rows: rows, size: 12)))
        if notes {
            var lines: [String] = []
            for k in listed where k < sheets.count {
                let entry = contest.entries[k], s = sheets[k]
                var parts: [String] = []
                for (c, n) in s.criterionNotes.enumerated() { if let n { parts.append("เกณฑ์ \(c + 1): \(n)") } }
                if let n = s.note { parts.append(n) }
                if let r = s.recuseReason { parts.append("ถอนตัว: \(r)") }
                if !parts.isEmpty { lines.append("\(entry.id) \(parts.joined(separator: " · "))") }
            }
            if !lines.isEmpty {
                blocks.append(.space(10))
                blocks.append(.text(words.flags, size: 15, bold: true))
                for l in lines { blocks.append(.text(l, size: 13)) }
            }
        }
        blocks.append(.space(28))
        // On the right, as a Thai form signs.
        blocks.append(.signatures([[], signature(role: words.judge, name: judge.name, position: judge.position,
                                                 date: "วันที่ " + ThaiDate.longText(Timestamp.date(printedAt, zone: contest.timeZone)))],
                                  perRow: 2))
        let draft = listed.contains { k in k >= sheets.count || !sheets[k].isLocked }
        return PrintDocument(title: "แบบบันทึกคะแนน \(judge.name)", landscape: true, blocks: blocks, draft: draft,
                             footer: ["\(contest.name) · \(words.judge) \(judge.name) (\(judge.id))", witness.line(printed: printed)],
                             font: contest.printFont ?? PrintDocument.defaultFont, qr: witness.qr(printedAt: printedAt))
    }

    /// The declaration of interest (แบบแสดงการมีส่วนได้เสีย): the grounds of the Administrative
    /// Procedure Act as boxes, each ticked when the judge declared a conflict on it (`declared`:
    /// the judge's recusals in force, `Conflicts.declared`), the entries and reasons under it; the
    /// conflicts contest.json's rules compute for the judge and a chair has not cleared, and those a chair
    /// recorded for the judge (`computed`); the judge's signature.
    public static func declaration(contest: Contest, judge: Contest.Judge, declared: [Conflict], computed: [Conflict],
                                   witness: FileWitness, printedAt: Int64) -> PrintDocument {
        let printed = printedText(printedAt, zone: contest.timeZone)
        var blocks: [PrintBlock] = [
            .text("แบบแสดงการมีส่วนได้เสีย", size: 18, bold: true, alignment: .center),
            .text(contest.name, size: 16, bold: true, alignment: .center),
            .space(6),
        ] + judgeLine(judge) + [
            .space(4),
            .text("ข้าพเจ้าได้ตรวจสอบผลงานที่ได้รับมอบหมายให้พิจารณาแล้ว ขอแสดงการมีส่วนได้เสียตามมาตรา 13 และมาตรา 16 "
                  + "แห่งพระราชบัญญัติวิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539 ดังนี้", size: 13),
            .space(6),
            .check("ไม่มีส่วนได้เสียกับผลงานใด", checked: declared.isEmpty, size: 13),
            .check("มีส่วนได้เสีย ด้วยเหตุดังต่อไปนี้", checked: !declared.isEmpty, size: 13),
        ]
        for ground in ConflictGround.allCases {
            let mine = declared.filter { if case .declared(let g, _, _) = $0.cause { g == ground } else { false } }
            blocks.append(.check(ground.thai, checked: !mine.isEmpty, size: 13, indent: 1))
            for c in mine {
                guard case .declared(_, let reason, let time) = c.cause else { continue }
                let entry = contest.entries[c.entry]
                blocks.append(.text("ผลงาน \(entry.id) \(entry.organisation): \(entry.title) — \(reason) (แจ้งเมื่อ "
                                    + ThaiDate.moment(time, zone: contest.timeZone, language: .th) + ")", size: 12, indent: 2))
            }
        }
        blocks.append(.space(6))
        blocks.append(.text("ผลงานที่กรรมการพิจารณาไม่ได้ตามข้อมูลการประกวด (คำนวณจากจังหวัดและหน่วยงานของกรรมการ) หรือที่ประธานกรรมการระบุไว้", size: 13, bold: true))
        if computed.isEmpty {
            blocks.append(.text("ไม่มี", size: 13))
        } else {
            blocks.append(.space(4))
            let columns = [TableColumn(words.id, weight: 2), TableColumn(words.organisation, weight: 5), TableColumn(words.title, weight: 8),
                           TableColumn("เหตุ", weight: 5)]
            blocks.append(.table(PrintTable(columns: columns, rows: computed.map { c in
                let entry = contest.entries[c.entry]
                let cause: String
                switch c.cause {
                case .rule(let rule): cause = Conflicts.describe(rule, entry: entry).thai
                case .declared(let ground, _, _): cause = ground.thai
                case .chair(let ground, let reason, let chair, _): cause = "ประธานกรรมการ \(chair) ระบุ: \(ground.thai) — \(reason)"
                }
                return [entry.id, entry.organisation, entry.title, cause]
            }, size: 12)))
        }
        blocks.append(.space(6))
        blocks.append(.text("ข้าพเจ้าขอรับรองว่าข้อความข้างต้นเป็นความจริง หากภายหลังพบว่ามีส่วนได้เสียกับผลงานใด จะแจ้งต่อประธานกรรมการ"
                            + "และงดการพิจารณาผลงานนั้นทันที", size: 13))
        blocks.append(.space(14))
        // Portrait: the block across the page, so that a long position keeps to one line.
        blocks.append(.signatures([signature(role: words.judge, name: judge.name, position: judge.position,
                                                 date: "วันที่ " + ThaiDate.longText(Timestamp.date(printedAt, zone: contest.timeZone)))],
                                  perRow: 1))
        return PrintDocument(title: "แบบแสดงการมีส่วนได้เสีย \(judge.name)", blocks: blocks, draft: false,
                             footer: ["\(contest.name) · \(words.judge) \(judge.name) (\(judge.id))", witness.line(printed: printed)],
                             font: contest.printFont ?? PrintDocument.defaultFont, qr: witness.qr(printedAt: printedAt))
    }

    /// The summary (ใบสรุปผลคะแนน): every judge's total per entry, the method, the score, the
    /// rank, the proposed and decided award; signature lines for every judge and the chair.
    public static func summary(results r: Results, contest: Contest, seal: String, draft: Bool, draftReasons: [String],
                               printedAt: Int64) -> PrintDocument {
        let printed = printedText(printedAt, zone: contest.timeZone)
        var blocks: [PrintBlock] = [
            .text("ใบสรุปผลคะแนน", size: 20, bold: true, alignment: .center),
            .text(contest.name, size: 16, bold: true, alignment: .center),
            .space(6),
            .text("วิธีคิดคะแนน: " + words.methodOf(r), size: 13),
            .text(words.judge + ": " + contest.judges.map { "\($0.id) \($0.name)" }.joined(separator: " · "), size: 13),
        ]
        if draft && !draftReasons.isEmpty {
            blocks.append(.text(words.draftHeading + " " + draftReasons.joined(separator: "; "), size: 12))
        }
        blocks.append(.space(6))
        var columns = [TableColumn(words.rank, weight: 5.5, alignment: .right), TableColumn(words.id, weight: 5),
                       TableColumn(words.organisation, weight: 12), TableColumn(words.title, weight: 18)]
        for j in contest.judges { columns.append(TableColumn(j.id, weight: 5, alignment: .right)) }
        columns += [TableColumn(words.score, weight: 6, alignment: .right), TableColumn("รางวัลที่เสนอ", weight: 8),
                    TableColumn("รางวัลที่ตัดสิน", weight: 8), TableColumn(words.flags, weight: 12)]
        let entries = contest.entries
        let ordered = r.ranked.sorted { ($0.rank!, $0.index) < ($1.rank!, $1.index) } + r.unranked
        var rows: [[String]] = []
        for e in ordered {
            let entry = entries[e.index]
            var row = [e.rank.map(String.init) ?? "–", e.id, entry.organisation, entry.title]
            for j in contest.judges.indices {
                row.append(e.totals.first { $0.judge == j }.map { TwoDecimals.text($0.total) } ?? "")
            }
            row.append(e.score.map(TwoDecimals.text) ?? "")
            row.append(awardText(e.proposed, contest: contest))
            row.append(e.override.map { awardText($0.tier, contest: contest) } ?? "")
            row.append(e.flags.map { words.describe($0, contest: contest) }.joined(separator: "; "))
            rows.append(row)
        }
        blocks.append(.table(PrintTable(columns: columns, rows: rows, size: 11)))
        blocks.append(.space(28))
        let date = "วันที่ ......................................."
        var signatures = contest.judges.map { signature(role: words.judge, name: $0.name, position: $0.position, date: date) }
        signatures.append(signature(role: contest.announcement.signedAs, name: contest.announcement.signedBy, date: date))
        blocks.append(.signatures(signatures, perRow: 3))
        return PrintDocument(title: "ใบสรุปผลคะแนน \(contest.name)", landscape: true, blocks: blocks, draft: draft,
                             footer: [contest.name, "ตรวจสอบกับสมุดคะแนน: \(words.seal) \(seal) · พิมพ์เมื่อ \(printed)"],
                             font: contest.printFont ?? PrintDocument.defaultFont, qr: qr(seal, about: "seal", printedAt: printedAt))
    }

    /// The announcement (ประกาศผล), in the shape `report --format md` gives it: the heading, per award
    /// tier its line and a table of the winners in the announcement's order (never rank order), the
    /// date in the Buddhist era and the chair's signature block; ร่าง while the results are not final.
    public static func announcement(results r: Results, contest: Contest, seal: String, draft: Bool, draftReasons: [String],
                                    printedAt: Int64, collator: ThaiCollator = .load()) -> PrintDocument {
        let words = contest.announcement
        var blocks: [PrintBlock] = []
        if draft && !draftReasons.isEmpty {
            blocks.append(.text(self.words.draftHeading + " " + draftReasons.joined(separator: "; "), size: 12))
            blocks.append(.space(6))
        }
        blocks.append(.text(words.heading.replacingOccurrences(of: "{contest}", with: contest.name), size: 18, bold: true, alignment: .center))
        blocks.append(.space(8))
        // An ineligible entry has no award; it is never named (as the report's announcement).
        let awarded = r.ranked + r.unranked.filter { $0.unrankedReason != Flag.Kind.ineligible.rawValue }
        for tier in contest.awards {
            let winners = ReportMarkdown.announcementOrder(awarded.filter { $0.award == tier.id }.map { contest.entries[$0.index] }, collator: collator)
            blocks.append(.text(words.tier.replacingOccurrences(of: "{tier}", with: tier.title)
                .replacingOccurrences(of: "{count}", with: String(winners.count)), size: 15, bold: true))
            blocks.append(.space(4))
            let columns = words.columns.enumerated().map { k, title in TableColumn(title, weight: k == 2 ? 5 : (k == 1 ? 2 : 3)) }
            blocks.append(.table(PrintTable(columns: columns, rows: winners.map {
                [$0.organisation, ReportMarkdown.provinceName($0.province), $0.title]
            }, size: 13)))
            blocks.append(.space(12))
        }
        // The date and the signature block kept together, centred.
        let dated = ["ประกาศ ณ วันที่ " + ThaiDate.longText(Timestamp.date(printedAt, zone: contest.timeZone)), "", ""]
        blocks.append(.signatures([dated + signature(role: words.signedAs, name: words.signedBy, date: "")], perRow: 1))
        return PrintDocument(title: words.heading.replacingOccurrences(of: "{contest}", with: contest.name), blocks: blocks, draft: draft,
                             footer: ["วิธีรวมคะแนน: " + self.words.methodOf(r),
                                      "ตรวจสอบกับสมุดคะแนน: \(self.words.seal) \(seal) · พิมพ์เมื่อ \(printedText(printedAt, zone: contest.timeZone))"],
                             font: contest.printFont ?? PrintDocument.defaultFont, qr: qr(seal, about: "seal", printedAt: printedAt))
    }

    static func awardText(_ tier: String?, contest: Contest) -> String {
        guard let tier else { return "" }
        if tier == Contest.noAward { return "ไม่ได้รับรางวัล" }
        return words.tierTitle(tier, contest: contest)
    }
}
