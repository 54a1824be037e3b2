import KhanaenCore

/// Every word the screens say, in Thai and English, in one place.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    func t(_ th: String, _ en: String) -> String { language == .th ? th : en }

    var appName: String { t("คะแนน", "Khanaen") }
    var judge: String { t("กรรมการ", "Judge") }

    // Entry list
    var columnID: String { t("รหัส", "ID") }
    var columnOrganisation: String { t("หน่วยงาน", "Organisation") }
    var columnProvince: String { t("จังหวัด", "Province") }
    var columnTitle: String { t("ผลงาน", "Entry") }
    var columnTotal: String { t("คะแนน", "Total") }
    var columnStatus: String { t("สถานะ", "Status") }
    var all: String { t("ทั้งหมด", "all") }
    var noEntries: String { t("ไม่พบผลงานที่ตรงกับการค้นหาหรือตัวกรอง", "No entry matches the search or filter") }
    var searchPrompt: String { t("ค้นหา: ", "Search: ") }
    var sortLabel: String { t("เรียง", "sort") }
    var filterLabel: String { t("แสดง", "show") }

    func status(_ s: Sheet.Status) -> String {
        switch s {
        case .empty: return t("ยังไม่ให้คะแนน", "not scored")
        case .draft: return t("ร่าง", "draft")
        case .submitted: return t("ส่งแล้ว", "submitted")
        case .recused: return t("ถอนตัว", "recused")
        }
    }

    func sort(_ s: JudgeState.SortOrder) -> String {
        switch s {
        case .id: return t("รหัส", "id")
        case .organisation: return t("หน่วยงาน", "organisation")
        case .total: return t("คะแนนของฉัน", "my total")
        }
    }

    // Scoring sheet
    var district: String { t("อ.", "District ") }
    var province: String { t("จ.", "Province ") }
    var note: String { t("บันทึก", "Note") }
    var entryNote: String { t("บันทึกของผลงาน", "Entry note") }
    var total: String { t("รวม", "Total") }
    var outOf100: String { t("/ 100", "/ 100") }
    var submittedReadOnly: String { t("อ่านอย่างเดียว ประธานกรรมการเปิดแก้ไขได้", "read-only; the chair can reopen it") }
    var recusedReadOnly: String { t("ถอนตัวแล้ว", "Recused") }
    var confirmSubmit: String { t("ส่งคะแนนผลงานนี้? ส่งแล้วแก้ไขไม่ได้ (y/n)", "Submit this sheet? It cannot be changed afterwards (y/n)") }
    var recusePrompt: String { t("เหตุผลที่ถอนตัว (มีส่วนได้เสีย) แล้วกด Enter: ", "Reason for recusal (conflict of interest), then Enter: ") }
    func notePrompt(_ criterion: String?) -> String {
        criterion.map { t("บันทึก \($0): ", "Note on \($0): ") } ?? t("บันทึกของผลงาน: ", "Note on the entry: ")
    }
    var cancelled: String { t("ยกเลิกแล้ว", "Cancelled") }
    func saved(_ time: String, _ what: String) -> String { t("บันทึกแล้ว \(time) · \(what)", "Saved \(time) · \(what)") }
    var submittedNow: String { t("ส่งคะแนนแล้ว", "submitted") }
    var recusedNow: String { t("ถอนตัวแล้ว", "recused") }
    var cleared: String { t("ล้างค่า", "cleared") }
    var undone: String { t("ย้อนแล้ว", "undone") }
    var noteSaved: String { t("บันทึกข้อความแล้ว", "note saved") }

    // Refusals shown on the status line
    func notANumber(_ text: String) -> String { t("\"\(text)\" ไม่ใช่ตัวเลข", "\"\(text)\" is not a number") }
    func aboveMax(_ c: String, _ max: String) -> String { t("\(c): เกินคะแนนเต็ม \(max) ไม่ได้บันทึก", "\(c): above the maximum of \(max); not saved") }
    func negative(_ c: String) -> String { t("\(c): ติดลบไม่ได้ ไม่ได้บันทึก", "\(c): cannot be negative; not saved") }
    func offStep(_ c: String, _ step: String) -> String { t("\(c): ต้องเป็นทวีคูณของ \(step) ไม่ได้บันทึก", "\(c): must be a multiple of \(step); not saved") }
    func missing(_ ids: [String]) -> String { t("ยังไม่ได้ให้คะแนน: \(ids.joined(separator: ", "))", "Not scored yet: \(ids.joined(separator: ", "))") }
    var locked: String { t("ใบนี้ส่งแล้วหรือถอนตัวแล้ว แก้ไขไม่ได้ ให้ประธานกรรมการเปิดแก้ไข", "This sheet is closed; the chair can reopen it") }
    var nothingToUndo: String { t("ไม่มีการแก้ไขให้ย้อน", "Nothing to undo") }
    var reasonRequired: String { t("ต้องระบุเหตุผล", "A reason is required") }
    func ledgerBroken(_ why: String) -> String {
        t("สมุดบันทึกคะแนนเสียหาย: \(why) คะแนนที่บันทึกแล้วยังแสดงอยู่ แจ้งประธานกรรมการ", "The ledger is damaged: \(why); what was saved is still shown; tell the chair")
    }
    func notSaved(_ why: String) -> String { t("ไม่ได้บันทึก: \(why)", "Not saved: \(why)") }
    var changedElsewhere: String { t("สมุดบันทึกคะแนนมีการเปลี่ยนแปลงจากที่อื่น ปรับหน้าจอแล้ว", "The ledger changed elsewhere; the screen is up to date") }

    public func demoIdentity(_ judge: String) -> String {
        t("ตัวอย่าง (คะแนนสมมุติ): เปิดในนามกรรมการ \(judge) ใช้ --judge เพื่อเลือกกรรมการคนอื่น",
          "Demo (synthetic scores): opened as judge \(judge); --judge chooses another")
    }

    // Chair console
    var chair: String { t("ประธานกรรมการ", "Chair") }
    func tab(_ tab: ChairState.Tab) -> String {
        switch tab {
        case .ranking: return t("อันดับ", "Ranking")
        case .matrix: return t("ตาราง", "Matrix")
        case .entry: return t("ผลงาน", "Entry")
        case .progress: return t("ความคืบหน้า", "Progress")
        case .judges: return t("กรรมการ", "Judges")
        case .methods: return t("วิธีรวม", "Methods")
        case .integrity: return t("ความถูกต้อง", "Integrity")
        }
    }
    var columnRank: String { t("อันดับ", "Rank") }
    var columnScore: String { t("คะแนน", "Score") }
    var columnSheets: String { t("ใบ", "Sheets") }
    var columnSpread: String { t("การกระจาย", "Spread") }
    /// For a narrow organisation column (80 columns with long entry ids).
    var columnOrganisationShort: String { t("หน่วยงาน", "Org.") }
    var columnAward: String { t("รางวัล", "Award") }
    var columnFlags: String { t("สังเกต", "Flags") }
    var unrankedHeading: String { t("ยังไม่จัดอันดับ (ใบให้คะแนนไม่ครบองค์)", "Not ranked (below quorum)") }
    func tierLine(_ title: String) -> String { t("เส้นรางวัล\(title)", "end of \(title)") }
    func methodName(_ m: Method) -> String { ReportWords(language).method(m) }
    /// For a column narrower than the method's name.
    func methodShortName(_ m: Method) -> String {
        switch m {
        case .mean: return t("ค่าเฉลี่ย", "mean")
        case .median: return t("มัธยฐาน", "median")
        case .trimmed: return t("ตัดปลาย", "trimmed")
        case .normalised: return t("ปรับมาตรฐาน", "normalised")
        }
    }
    var ledgerNotIntact: String { t("สมุดไม่ครบถ้วน ดูหน้า 7", "ledger not intact: screen 7") }
    var accessOpen: String { t("ไม่บังคับสิทธิ์", "access open") }
    var sealLabel: String { t("ตราผลคะแนน", "Seal") }
    var methodLabel: String { t("วิธีรวม", "Method") }
    var updatedLabel: String { t("อ่านเมื่อ", "Read at") }
    var columnJudge: String { t("กรรมการ", "Judge") }
    var columnSubmitted: String { t("ส่งแล้ว", "Submitted") }
    var columnDrafts: String { t("ร่าง", "Drafts") }
    var columnNotStarted: String { t("ยังไม่เริ่ม", "Not started") }
    var columnRecused: String { t("ถอนตัว", "Recused") }
    var columnDone: String { t("เสร็จ", "Done") }
    var columnLast: String { t("ล่าสุด", "Last change") }
    func overall(_ done: Int, _ total: Int) -> String {
        let percent = total == 0 ? 0 : done * 100 / total
        return t("ส่งแล้วหรือถอนตัว \(done) จาก \(total) ใบ (\(percent)%)", "Submitted or recused: \(done) of \(total) sheets (\(percent)%)")
    }
    var columnCriterion: String { t("เกณฑ์", "Criterion") }
    var columnMax: String { t("เต็ม", "Max") }
    var columnMean: String { t("เฉลี่ย", "Mean") }
    var recusedShort: String { t("ถอน", "rec.") }
    var judgeMeans: String { t("เฉลี่ยกรรมการ", "Judge mean") }
    /// The heading of an entry's history, whose times are local: `offset` seconds east of UTC.
    func history(offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+", m = abs(offset) / 60
        let zone = "UTC" + sign + (m / 60 < 10 ? "0" : "") + String(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + String(m % 60)
        return t("ประวัติในสมุดบันทึกคะแนน (ล่าสุดก่อน, เวลา \(zone))", "Ledger history (latest first, times \(zone))")
    }
    var notes: String { t("บันทึกของกรรมการ", "Judges' notes") }
    var noFlags: String { t("ไม่มีข้อสังเกต", "No flags") }
    var totalRow: String { t("รวม /100", "Total /100") }
    func moreJudges(_ n: Int) -> String { t("อีก \(n) คน →", "\(n) more →") }
    var severity: String { t("ความเข้ม (เฉลี่ย, SD) และการปรับมาตรฐาน", "Severity (mean, SD) and normalisation") }
    var columnCounted: String { t("นับ", "Counted") }
    var columnShift: String { t("ปรับ ±", "Shift") }
    var notNormalised: String { t("ไม่ปรับ", "kept") }
    var criteriaShare: String { t("เกณฑ์: ค่าเฉลี่ยเทียบคะแนนเต็ม", "Criteria: mean as a share of the maximum") }
    var methodsTitle: String { t("ผลงานที่รางวัลที่เสนอขึ้นกับวิธีรวมคะแนน", "Entries whose proposed award depends on the method") }
    var methodsNone: String { t("ทุกวิธีเสนอรางวัลเหมือนกัน", "Every method proposes the same awards") }
    func kind(_ k: LedgerEvent.Kind) -> String {
        switch k {
        case .score: return t("ให้คะแนน", "score")
        case .clear: return t("ล้าง", "clear")
        case .note: return t("บันทึก", "note")
        case .submit: return t("ส่ง", "submit")
        case .recuse: return t("ถอนตัว", "recuse")
        case .reopen: return t("เปิดแก้ไข", "reopen")
        case .award: return t("ตัดสินรางวัล", "award")
        case .checkpoint: return t("จุดตรวจสอบ", "checkpoint")
        }
    }
    func tierPrompt(_ tiers: [Contest.AwardTier], entry: String) -> String {
        let options = tiers.enumerated().map { "\($0.offset + 1) \($0.element.title)" }.joined(separator: "  ")
        return t("รางวัลของ \(entry): \(options)  0 ไม่มีรางวัล  a ตามข้อเสนอ  (Esc ยกเลิก)",
                 "Award for \(entry): \(options)  0 none  a as proposed  (Esc cancels)")
    }
    func judgePrompt(_ entry: String) -> String { t("เปิดแก้ไขใบของ \(entry) ของกรรมการ (รหัส) แล้ว Enter: ", "Reopen \(entry) for judge (id), then Enter: ") }
    var reasonPrompt: String { t("เหตุผล แล้ว Enter: ", "Reason, then Enter: ") }
    func confirmAction(_ e: LedgerEvent) -> String {
        switch e.kind {
        case .reopen: return t("เปิดแก้ไขใบของ \(e.judge ?? "") สำหรับ \(e.entry)? (y/n)", "Reopen \(e.judge ?? "")'s sheet for \(e.entry)? (y/n)")
        default: return t("ตัดสินรางวัล \(e.entry) → \(e.tier ?? "")? (y/n)", "Set the award of \(e.entry) to \(e.tier ?? "")? (y/n)")
        }
    }
    public func chairSaved(_ e: LedgerEvent) -> String {
        switch e.kind {
        case .reopen: return t("บันทึกแล้ว: เปิดแก้ไขใบของ \(e.judge ?? "") สำหรับ \(e.entry)", "Saved: reopened \(e.judge ?? "")'s sheet for \(e.entry)")
        default: return t("บันทึกแล้ว: รางวัลของ \(e.entry) → \(e.tier ?? "")", "Saved: award of \(e.entry) → \(e.tier ?? "")")
        }
    }
    func exported(_ paths: [String]) -> String {
        t("ส่งออกแล้ว: \(paths.joined(separator: ", "))", "Exported: \(paths.joined(separator: ", "))")
    }
    func overwritePrompt(_ names: [String]) -> String {
        t("มีไฟล์อยู่แล้ว: \(names.joined(separator: ", ")) เขียนทับ? (y/n)", "Already there: \(names.joined(separator: ", ")); replace? (y/n)")
    }
    func noSuchJudge(_ id: String) -> String { t("ไม่มีกรรมการรหัส \"\(id)\"", "No judge has id \"\(id)\"") }
    func nothingToReopen(_ judge: String, _ entry: String) -> String {
        t("ใบของ \(judge) สำหรับ \(entry) ยังไม่ได้ส่งหรือถอนตัว ไม่มีอะไรให้เปิด", "\(judge)'s sheet for \(entry) is not submitted or recused")
    }
    var columnFile: String { t("ไฟล์", "File") }
    var columnLines: String { t("บรรทัด", "Lines") }
    var columnHead: String { t("แฮชล่าสุด", "Head") }
    var columnState: String { t("สถานะ", "State") }
    var intact: String { t("ครบถ้วน", "intact") }
    func brokenAt(_ line: Int, _ why: String) -> String { t("เสียที่บรรทัด \(line): \(why)", "broken at line \(line): \(why)") }
    var strayFile: String { t("ไม่ใช่ของกรรมการคนใด ไม่ได้อ่าน", "belongs to no judge; not read") }
    var flagLegend: [(String, String)] {
        [("±", t("ความเห็นต่างสูง (SD เกินเกณฑ์)", "judges disagree (SD above the threshold)")),
         ("!", t("มีคะแนนห่างจากมัธยฐานมาก", "a sheet far from the median")),
         ("=", t("เสมอคร่อมเส้นรางวัล ให้ประธานกรรมการตัดสิน", "tied across an award line: the chair decides")),
         ("<", t("ใบให้คะแนนไม่ครบองค์", "below quorum")),
         ("~", t("มีกรรมการที่ไม่ได้ปรับมาตรฐาน", "a judge not normalised")),
         ("*", t("ประธานกรรมการตัดสินรางวัลเอง", "award set by the chair"))]
    }

    // Help and terminal
    var helpTitle: String { t("ปุ่มทั้งหมด (กดปุ่มใดก็ได้เพื่อกลับ)", "All keys (press any key to go back)") }
    var helpList: String { t("รายการผลงาน", "Entry list") }
    var helpSheet: String { t("ใบให้คะแนน", "Scoring sheet") }
    var helpDigits: String { t("พิมพ์คะแนน เช่น 12 หรือ 12.5 แล้วกด Enter/Tab/↓", "type a score such as 12 or 12.5, then Enter/Tab/↓") }
    func tooSmall(_ w: Int, _ h: Int) -> String {
        t("หน้าจอเล็กเกินไป ต้องการอย่างน้อย 80×24 (ตอนนี้ \(w)×\(h))", "Terminal too small: 80×24 needed (now \(w)×\(h))")
    }
}
