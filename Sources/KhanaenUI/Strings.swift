import KhanaenCore

/// Every word the screens say, in Thai and English, in one place.
public struct Strings: Speaking, Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    var appName: String { t("คะแนน", "Khanaen") }
    /// The title bar's contest: the round first when contest.json names one (`round`), so a
    /// judge who sits on several rounds sees which is open.
    /// The ranking's column of each entry's rank in the earlier round: "รอบ 1".
    func columnEarlier(_ n: Int) -> String { t("รอบ \(n)", "R\(n)") }

    /// The selected entry's standing in the earlier round, and with `carry` this round's own score:
    /// "รอบนี้ 70.00 · รอบที่ 1: อันดับ 3, 81.25".
    func earlierStanding(_ r: EntryResult, round n: Int, carry: Bool) -> String {
        let own = carry ? t("รอบนี้ ", "this round ") + (r.roundScore.map(TwoDecimals.text) ?? "—") + " · " : ""
        let rank = r.earlier?.rank.map(String.init) ?? "—", score = r.earlier?.score.map(TwoDecimals.text) ?? "—"
        return own + t("รอบที่ \(n): อันดับ \(rank), \(score)", "round \(n): rank \(rank), \(score)")
    }

    func contestTitle(_ c: Contest) -> String {
        guard let r = c.round else { return c.name }
        let round = t("รอบที่ \(r.number)", "Round \(r.number)") + (r.title.isEmpty ? "" : ": " + r.title)
        return round + " · " + c.name
    }
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
        case .notStarted: return t("ยังไม่ให้คะแนน", "not started")
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
    var region: String { t("ภาค", "Region") }
    var note: String { t("ข้อสังเกต", "Note") }
    var entryNote: String { t("ข้อสังเกตของผลงาน", "Note on the entry") }
    func noteOn(_ number: Int) -> String { t("ข้อสังเกตเกณฑ์ \(number)", "Note on criterion \(number)") }
    var total: String { t("รวม", "Total") }
    var outOf100: String { t("/ 100", "/ 100") }
    var submittedReadOnly: String { t("อ่านอย่างเดียว ประธานกรรมการเปิดแก้ไขได้", "read-only; the chair can reopen it") }
    var recusedReadOnly: String { t("ถอนตัวแล้ว", "Recused") }
    var reopenedStatus: String { t("เปิดให้แก้ไข ↺", "reopened ↺") }
    /// "Reopened by the chair on (date), because …".
    func reopenedBanner(_ r: SheetBook.ChairDecision) -> String {
        t("ประธานกรรมการ \(r.actor) เปิดให้แก้ไข: \(r.reason) · ส่งคะแนนใหม่อีกครั้งเมื่อแก้เสร็จ",
          "Reopened by the chair \(r.actor): \(r.reason) · submit again when done")
    }
    func reopenedNow(_ entry: String, _ r: SheetBook.ChairDecision) -> String {
        t("ประธานกรรมการเปิดใบของ \(entry) ให้แก้ไข: \(r.reason)", "The chair reopened \(entry): \(r.reason)")
    }
    var readMore: String { t("(v อ่านต่อ)", "(v: more)") }
    var readerTitle: String { t("อ่านทั้งหมด", "In full") }
    var thaiLayoutMark: String { t("แป้นไทย", "Thai keys") }
    var thaiLayoutOn: String {
        t("แป้นพิมพ์ภาษาไทย: แถวตัวเลข ๅ / - ภ ถ ุ ึ ค ต จ อ่านเป็น 1–0 และ ๐–๙ ก็ได้", "Thai keyboard: its number row ๅ / - ภ ถ ุ ึ ค ต จ reads as 1–0; ๐–๙ too")
    }
    var minusUnclear: String {
        t("\"-\" เป็นได้ทั้งเลข 3 (แป้นไทย) และลดคะแนน (แป้นอังกฤษ): พิมพ์ตัวเลขก่อน",
          "\"-\" is 3 on Thai keys and a step down on English ones: type a digit first")
    }
    func confirmSubmit(_ entry: String) -> String {
        t("ส่งคะแนน \(entry)? ส่งแล้วแก้ไขเองไม่ได้ ต้องให้ประธานกรรมการเปิดให้ (y/n)", "Submit \(entry)? Only the chair can reopen it afterwards (y/n)")
    }
    /// The grounds of the Administrative Procedure Act, in ConflictGround's order, short enough for one line of 80.
    /// The question under the grounds (`groundChoices`): short, so that its way out is always on screen.
    var groundPrompt: String { t("มีส่วนได้เสียเพราะเหตุใด (เลข 1–6, Esc ยกเลิก): ", "Conflict of interest on which ground (1–6; Esc cancels): ") }
    /// The grounds of ม.13 and ม.16, one a row over the status line, numbered as the keys that choose them.
    var groundChoices: [String] {
        ConflictGround.allCases.enumerated().map { "\($0 + 1)  " + t($1.thai, $1.english) }
    }
    func recusePrompt(_ ground: ConflictGround) -> String {
        ground == .other ? t("เหตุที่อาจไม่เป็นกลาง (ม.16) แล้วกด Enter: ", "Why you may be partial (s.16), then Enter: ")
                         : t("รายละเอียด (\(section(ground))) แล้วกด Enter: ", "Details (\(section(ground))), then Enter: ")
    }
    /// The ground's section of the law ("ม.13(3)", "s.13(3)"), the end of its words.
    func section(_ ground: ConflictGround) -> String {
        let words = t(ground.thai, ground.english)
        guard let open = words.range(of: " (", options: .backwards), words.hasSuffix(")") else { return words }
        return String(words[open.upperBound...].dropLast())
    }
    func confirmRecuse(_ entry: String) -> String {
        t("ถอนตัวจาก \(entry)? กรรมการย้อนเองไม่ได้ ต้องให้ประธานกรรมการเปิดให้ (y/n)", "Recuse from \(entry)? You cannot undo it; only the chair can reopen it (y/n)")
    }
    var noteEditorKeys: String {
        t("Enter ตกลง · Ctrl-N ขึ้นบรรทัดใหม่ · ← → Home End เลื่อน · Esc ยกเลิก", "Enter saves · Ctrl-N new line · ← → Home End move · Esc cancels")
    }
    var cancelled: String { t("ยกเลิกแล้ว ไม่ได้บันทึก", "Cancelled; nothing saved") }
    /// The submit question answered no: nothing was submitted; what `s` saved first is said.
    func notSubmitted(saved: String?) -> String {
        guard let saved else { return t("ยังไม่ได้ส่ง ไม่ได้บันทึกอะไร", "Not submitted; nothing saved") }
        return t("ยังไม่ได้ส่ง · \(saved) บันทึกแล้ว", "Not submitted · \(saved) saved")
    }
    func scoreOf(_ number: Int, _ value: String) -> String { t("คะแนนเกณฑ์ \(number) = \(value)", "criterion \(number) = \(value)") }
    func stepped(_ number: Int, _ value: String) -> String {
        t("เกณฑ์ \(number) → \(value) ยังไม่ได้บันทึก: Enter ตกลง · Esc ยกเลิก", "Criterion \(number) → \(value), not saved yet: Enter saves · Esc drops it")
    }
    /// `]` or `[` on a sheet passed over entries the search or filter hides.
    func skipped(_ n: Int, _ narrowing: String) -> String {
        t("ข้าม \(n) ผลงานที่ไม่ตรงกับ \(narrowing) (ล้างได้ที่รายการ: Esc หรือ f)", "passed over \(n) entries outside \(narrowing) (clear it on the list: Esc or f)")
    }
    var typingCancelled: String { t("ยกเลิกค่าที่พิมพ์ ไม่ได้บันทึก", "What was typed is dropped; nothing saved") }
    var noteCancelled: String { t("ยกเลิกข้อสังเกต ไม่ได้บันทึก", "Note cancelled; nothing saved") }
    var noteUnchanged: String { t("ข้อสังเกตไม่เปลี่ยน", "The note is unchanged") }
    func saved(_ time: String, _ what: String) -> String { t("บันทึกแล้ว \(time) · \(what)", "Saved \(time) · \(what)") }
    var criterionWord: String { t("เกณฑ์", "criterion") }
    var noteWord: String { t("ข้อสังเกต", "note") }
    var submittedNow: String { t("ส่งคะแนนแล้ว", "submitted") }
    var recusedNow: String { t("ถอนตัวแล้ว", "recused") }
    var cleared: String { t("ล้างค่า", "cleared") }
    func undone(_ what: String) -> String { t("ย้อนแล้ว: \(what)", "undone: \(what)") }
    var noteSaved: String { t("ข้อสังเกต", "note") }
    var noteRemoved: String { t("ลบข้อสังเกตแล้ว", "note removed") }

    // Refusals shown on the status line
    func notANumber(_ text: String) -> String {
        t("\"\(text)\" ไม่ใช่คะแนน: พิมพ์ตัวเลข เช่น 12 หรือ 12.5 พิมพ์ใหม่ทับได้เลย", "\"\(text)\" is not a score: type a number such as 12 or 12.5; typing replaces it")
    }
    func notADigit(_ c: Character) -> String {
        t("\"\(c)\" ไม่ใช่ตัวเลข: พิมพ์คะแนนเป็นตัวเลข หรือ Esc เพื่อยกเลิก", "\"\(c)\" is not a digit: type the score in digits, or Esc to drop it")
    }
    var tooLong: String { t("คะแนนยาวเกินไป", "That is too long for a score") }
    func aboveMax(_ number: Int, _ value: String, _ max: Double) -> String {
        t("เกณฑ์ \(number) = \(value): เกินคะแนนเต็ม \(JSONWriter.numberText(max)) ไม่ได้บันทึก", "Criterion \(number) = \(value): above the maximum of \(JSONWriter.numberText(max)); not saved")
    }
    func offStep(_ number: Int, _ value: String, _ step: Double) -> String {
        t("เกณฑ์ \(number) = \(value): ต้องเป็นทวีคูณของ \(JSONWriter.numberText(step)) ไม่ได้บันทึก",
          "Criterion \(number) = \(value): must be a multiple of \(JSONWriter.numberText(step)); not saved")
    }
    func unchanged(_ number: Int, _ v: Double) -> String { t("เกณฑ์ \(number) เป็น \(JSONWriter.numberText(v)) อยู่แล้ว", "Criterion \(number) is \(JSONWriter.numberText(v)) already") }
    func stepFromNothing(_ number: Int) -> String {
        t("เกณฑ์ \(number) ยังไม่มีคะแนน: พิมพ์คะแนนก่อน แล้วใช้ + − ปรับทีละขั้น", "Criterion \(number) has no score yet: type one first, then + − step it")
    }
    func atZero(_ number: Int) -> String { t("เกณฑ์ \(number) เป็น 0 แล้ว", "Criterion \(number) is at 0") }
    func atMax(_ number: Int, _ max: Double) -> String { t("เกณฑ์ \(number) ได้เต็ม \(JSONWriter.numberText(max)) แล้ว", "Criterion \(number) is at its maximum of \(JSONWriter.numberText(max))") }
    func nothingToClear(_ number: Int) -> String { t("เกณฑ์ \(number) ยังไม่มีคะแนนให้ล้าง", "Criterion \(number) has no score to clear") }
    func missing(_ numbers: [Int]) -> String {
        let list = numbers.map(String.init).joined(separator: ", ")
        return t("ยังไม่ได้ให้คะแนนเกณฑ์ \(list)", "Not scored yet: criteria \(list)")
    }
    var locked: String { t("ใบนี้ส่งแล้วหรือถอนตัวแล้ว แก้ไขไม่ได้ ให้ประธานกรรมการเปิดแก้ไข", "This sheet is closed; the chair can reopen it") }
    var nothingToUndo: String { t("ไม่มีการแก้ไขของผลงานนี้ให้ย้อน", "Nothing of this entry to undo") }
    var reasonRequired: String { t("ต้องระบุเหตุผล", "A reason is required") }
    var lastEntry: String { t("นี่คือผลงานสุดท้ายในรายการ", "This is the last entry of the list") }
    var firstEntry: String { t("นี่คือผลงานแรกในรายการ", "This is the first entry of the list") }
    var quitWithQ: String { t("กด q เพื่อออก", "Press q to quit") }
    func noSuchKey(_ key: Key) -> String { t("ปุ่มนี้ใช้ไม่ได้ในจอนี้ (? ดูปุ่มทั้งหมด)", "That key does nothing here (? lists every key)") }
    func filterNow(_ status: Sheet.Status?) -> String { t("แสดง: \(status.map(self.status) ?? all)", "Showing: \(status.map(self.status) ?? all)") }
    func sortNow(_ order: JudgeState.SortOrder) -> String { t("เรียงตาม\(sort(order))", "Sorted by \(sort(order))") }
    func ledgerBroken(_ why: String) -> String {
        t("สมุดคะแนนเสียหาย แจ้งประธานกรรมการ (คะแนนที่บันทึกแล้วยังแสดงอยู่): \(why)", "The ledger is damaged; tell the chair (what was saved is still shown): \(why)")
    }
    func notSaved(_ why: String) -> String { t("ไม่ได้บันทึก: \(why)", "Not saved: \(why)") }
    var changedElsewhere: String { t("สมุดคะแนนมีการเปลี่ยนแปลงจากที่อื่น ปรับจอแล้ว", "The ledger changed elsewhere; the screen is up to date") }

    public func demoChair(_ chair: String) -> String {
        t("ตัวอย่าง (คะแนนสมมุติ): เปิดในนามประธานกรรมการ \(chair)", "Demo (synthetic scores): opened as chair \(chair)")
    }

    /// The demo was copied just now, on first use.
    public func demoCopied(_ path: String) -> String {
        t("คัดลอกตัวอย่าง (คะแนนสมมุติ) ไว้ที่ \(path) แล้ว", "The demo (synthetic scores) was copied to \(path)")
    }

    public func demoIdentity(_ judge: String) -> String {
        t("ตัวอย่าง (คะแนนสมมุติ): เปิดในนามกรรมการ \(judge) ใช้ --judge เพื่อเลือกกรรมการคนอื่น",
          "Demo (synthetic scores): opened as judge \(judge); --judge chooses another")
    }

    // Help
    var helpTitle: String { t("ปุ่มทั้งหมด (PgUp PgDn ↑ ↓ เปลี่ยนหน้า ปุ่มอื่นเพื่อกลับ)", "All keys (PgUp PgDn ↑ ↓ turn the page; any other key goes back)") }
    func helpPage(_ page: Int, of pages: Int) -> String {
        page < pages ? t("หน้า \(page)/\(pages) · PgDn หน้าถัดไป", "Page \(page)/\(pages) · PgDn next page")
            : t("หน้า \(page)/\(pages) · PgUp หน้าก่อนหน้า", "Page \(page)/\(pages) · PgUp previous page")
    }
    var helpList: String { t("รายการผลงาน", "Entry list") }
    var helpSheet: String { t("ใบให้คะแนน", "Scoring sheet") }
    var helpReader: String { t("อ่านทั้งหมด (v)", "Reading in full (v)") }
    /// How scores are typed, from the contest: a contest whose step is 1 never shows 12.5.
    func typingHelp(step: Double, maxima: [Double]) -> [(String, String)] {
        let example = (maxima.max() ?? 10) >= 12 ? 12.0 : (maxima.max() ?? 10) / 2
        let sample = step.truncatingRemainder(dividingBy: 1) == 0 ? JSONWriter.numberText(example)
            : "\(JSONWriter.numberText(example)) \(t("หรือ", "or")) \(JSONWriter.numberText(example + step))"
        let stepText = JSONWriter.numberText(step)
        return [
            ("0-9 . ,", t("พิมพ์คะแนน เช่น \(sample) (ทีละ \(stepText)) แล้ว Enter/Tab/↓", "type a score such as \(sample) (steps of \(stepText)), then Enter/Tab/↓")),
            ("ๅ/-ภถุึคตจ", t("แป้นไทยก็ได้: 1 2 3 4 5 6 7 8 9 0 และ ๐–๙", "in the Thai layout too: 1 2 3 4 5 6 7 8 9 0, and ๐–๙")),
            ("ใ ม", t("แป้นไทย: จุดทศนิยม (ตำแหน่งเดียวกับ . ,)", "Thai layout: the decimal point (where . and , are)")),
            ("ข ช", t("แป้นไทย: ลด / เพิ่มหนึ่งขั้น (ตำแหน่งเดียวกับ − +)", "Thai layout: one step down / up (where − and + are)")),
        ]
    }

    // Chair console
    var chair: String { t("ประธานกรรมการ", "Chair") }
    func tab(_ tab: ChairState.Tab) -> String {
        switch tab {
        case .ranking: return t("อันดับ", "Ranking")
        case .matrix: return t("ตาราง", "Matrix")
        case .entry: return t("ผลงาน", "Entry")
        case .progress: return t("คืบหน้า", "Progress")
        case .judges: return t("กรรมการ", "Judges")
        case .methods: return t("วิธีรวม", "Methods")
        case .integrity: return t("สมุดคะแนน", "Ledger")
        case .queue: return t("หารือ", "Queue")
        }
    }
    var columnRank: String { t("อันดับ", "Rank") }
    var columnScore: String { t("คะแนน", "Score") }
    var columnSheets: String { t("ใบ", "Sheets") }
    var columnSpread: String { t("การกระจาย", "Spread") }
    /// For a narrow organisation column (80 columns with long entry ids).
    var columnOrganisationShort: String { t("หน่วยงาน", "Org.") }
    var columnAward: String { t("รางวัล", "Award") }
    var columnFlags: String { t("ข้อสังเกต", "Flags") }
    var unrankedHeading: String { t("ยังไม่จัดอันดับ (ใบให้คะแนนไม่ครบองค์ หรือไม่ผ่านคุณสมบัติ)", "Not ranked (below quorum, or not eligible)") }
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
    var ledgerNotIntact: String { t("สมุดคะแนนไม่ครบถ้วน (7)", "ledger not intact (7)") }
    var accessOpen: String { t("ไม่บังคับสิทธิ์", "access open") }
    var sealLabel: String { t("ตราผลคะแนน", "Seal") }
    var methodLabel: String { t("วิธีรวม", "Method") }
    var updatedLabel: String { t("อ่านเมื่อ", "Read at") }
    var columnJudge: String { t("กรรมการ", "Judge") }
    var columnSubmitted: String { t("ส่งแล้ว", "Submitted") }
    var columnDrafts: String { t("ร่าง", "Drafts") }
    var columnNotStarted: String { t("ยังไม่ให้คะแนน", "Not scored") }
    var columnRecused: String { t("ถอนตัว", "Recused") }
    var columnDone: String { t("เสร็จ", "Done") }
    var columnLast: String { t("ล่าสุด", "Last change") }
    func overall(_ done: Int, _ total: Int) -> String {
        let percent = total == 0 ? 0 : done * 100 / total
        return t("ส่งแล้วหรือถอนตัว \(done) จาก \(total) ใบ (\(percent)%)", "Submitted or recused: \(done) of \(total) sheets (\(percent)%)")
    }
    /// The assignment's coverage: the eligible entries given judges, and those given none.
    func coverage(given: Int, gaps: [String]) -> String {
        let shown = gaps.prefix(8).joined(separator: ", ") + (gaps.count > 8 ? " …" : "")
        return gaps.isEmpty ? t("มอบหมายแล้ว: ผลงาน \(given) รายการมีกรรมการครบทุกรายการ", "Assigned: all \(given) entries have judges")
            : t("มอบหมายแล้ว: ผลงาน \(given) รายการมีกรรมการ · ยังไม่มีกรรมการ \(gaps.count) รายการ: \(shown)",
                "Assigned: \(given) entries have judges · \(gaps.count) have none: \(shown)")
    }
    /// Eligible entries given fewer judges than most entries have (`needed`), each with how many.
    func shortOfJudges(_ needed: Int, _ short: [(String, Int)]) -> String {
        let shown = short.prefix(8).map { "\($0.0) (\($0.1))" }.joined(separator: ", ") + (short.count > 8 ? " …" : "")
        return t("มีกรรมการไม่ถึง \(needed) คน \(short.count) รายการ: \(shown)", "Fewer than \(needed) judges: \(short.count) entries: \(shown)")
    }
    /// The selected entry's assigned judges, heading the list of them on screen 4.
    func assignedJudges(_ entry: String, count: Int, submitted: Int, active: Int) -> String {
        t("ผลงาน \(entry): กรรมการที่มอบหมาย \(count) คน · ส่งแล้ว \(submitted) · กำลังให้คะแนน \(active)  ([ ] ผลงานอื่น)",
          "Entry \(entry): \(count) judges assigned · \(submitted) submitted · \(active) active  ([ ] other entries)")
    }
    var reassignOnProgress: String { t("เพิ่มหรือถอนกรรมการได้ที่จอ 4 (คืบหน้า)", "Judges are added or taken off on screen 4 (progress)") }
    var noAssignmentYet: String { t("ยังไม่มีการมอบหมาย: ใช้ khanaen assign --per-entry K ก่อน", "There is no assignment yet: khanaen assign --per-entry K first") }
    func reassignPrompt(_ entry: String) -> String {
        t("เพิ่มหรือถอนกรรมการของ \(entry) คนใด (เลข หรือ ↑↓ Enter, Esc ยกเลิก): ", "Add or take off which judge of \(entry) (number, or ↑↓ Enter; Esc cancels): ")
    }
    func confirmReassign(_ judge: String, add: Bool, entry: String) -> String {
        add ? t("มอบหมาย \(entry) ให้ \(judge) เพิ่ม? (y/n)", "Give \(entry) to \(judge) as well? (y/n)")
            : t("ถอน \(judge) จาก \(entry)? (y/n)", "Take \(entry) from \(judge)? (y/n)")
    }
    var assignedWord: String { t("มอบหมายแล้ว", "assigned") }
    var notAssignedWord: String { t("ไม่ได้มอบหมาย", "not assigned") }
    var inConflict: String { t("มีส่วนได้เสีย", "in conflict") }
    var noJudgeAssigned: String { t("ยังไม่มีกรรมการ", "no judge assigned") }
    /// An assigned judge's sheet state; a draft is a judge at work.
    func assignedState(_ s: Sheet.Status) -> String { s == .draft ? t("ร่าง (กำลังให้คะแนน)", "draft (active)") : status(s) }
    var columnCriterion: String { t("เกณฑ์", "Criterion") }
    var columnMax: String { t("เต็ม", "Max") }
    var columnMean: String { t("เฉลี่ย", "Mean") }
    var recusedShort: String { t("ถอน", "rec.") }
    var judgeMeans: String { t("เฉลี่ยกรรมการ", "Judge mean") }
    /// The heading of an entry's history, whose times are in the contest's time zone.
    func history(zone: ContestTimeZone) -> String {
        t("ประวัติในสมุดคะแนน (ล่าสุดก่อน, เวลา \(zone.identifier))", "Ledger history (latest first, times \(zone.identifier))")
    }
    var notes: String { t("ข้อสังเกตของกรรมการ", "Judges' notes") }
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
        case .note: return t("ข้อสังเกต", "note")
        case .submit: return t("ส่ง", "submit")
        case .recuse: return t("ถอนตัว", "recuse")
        case .reopen: return t("เปิดแก้ไข", "reopen")
        case .award: return t("ตัดสินรางวัล", "award")
        case .checkpoint: return t("จุดตรวจสอบ", "checkpoint")
        case .eligibility: return t("วินิจฉัยคุณสมบัติ", "eligibility")
        case .method: return t("เปลี่ยนวิธีรวมคะแนนทางการ", "official method")
        case .discussed: return t("ลงผลการหารือ", "discussed")
        case .advance: return t("คัดเข้ารอบถัดไป", "advance")
        case .assign: return t("มอบหมายผลงาน", "assignment")
        case .fork: return t("ตัดสินสายที่แยก", "fork resolved")
        case .conflict: return t("ระบุการมีส่วนได้เสีย", "conflict of interest")
        }
    }
    func tierPrompt(_ tiers: [Contest.AwardTier], entry: String) -> String {
        let options = tiers.enumerated().map { "\($0.offset + 1) \($0.element.title)" }.joined(separator: "  ")
        return t("รางวัลของ \(entry): \(options)  0 ไม่มีรางวัล  a ตามข้อเสนอ  (Esc ยกเลิก)",
                 "Award for \(entry): \(options)  0 none  a as proposed  (Esc cancels)")
    }
    func judgePrompt(_ entry: String) -> String { t("เปิดแก้ไขใบ \(entry) ของกรรมการคนใด (เลข หรือ ↑↓ Enter, Esc ยกเลิก): ", "Reopen \(entry) for which judge (number, or ↑↓ Enter; Esc cancels): ") }
    var reasonPrompt: String { t("เหตุผล แล้ว Enter: ", "Reason, then Enter: ") }
    func confirmAction(_ e: LedgerEvent, contest: Contest) -> String {
        switch e.kind {
        case .reopen: return t("เปิดแก้ไขใบของ \(e.judge ?? "") สำหรับ \(e.entry)? (y/n)", "Reopen \(e.judge ?? "")'s sheet for \(e.entry)? (y/n)")
        case .discussed:
            let words = ReportWords(language)
            let about = e.entry.isEmpty ? (e.judge ?? "") : e.entry
            let outcome = DiscussionOutcome(rawValue: e.outcome ?? "").map(words.outcome) ?? ""
            let topic = DiscussionTopic(rawValue: e.topic ?? "").map { words.topic($0) } ?? ""
            return t("ลงผลการหารือ \(topic) \(about): \(outcome)? (y/n)", "Record \(topic) \(about): \(outcome)? (y/n)")
        case .method:
            let m = Method(rawValue: e.outcome ?? "") ?? .mean
            return t("ตั้ง\(methodName(m))เป็นวิธีทางการ ทุกรายงานและประกาศผลจะใช้วิธีนี้? (y/n)",
                     "Make the \(methodName(m)) the official method for every report and the announcement? (y/n)")
        default: return t("ตัดสินรางวัล \(e.entry) → \(awardWords(e.tier, contest))? (y/n)", "Set the award of \(e.entry) to \(awardWords(e.tier, contest))? (y/n)")
        }
    }
    /// A tier by its title; "no award" and "as proposed" in words.
    func awardWords(_ tier: String?, _ contest: Contest) -> String {
        switch tier {
        case Contest.noAward?: return t("ไม่มีรางวัล", "no award")
        case Contest.proposedAward?: return t("ตามที่เสนอ (ถอนการตัดสิน)", "as proposed (the decision withdrawn)")
        default: return ReportWords(language).tierTitle(tier, contest: contest)
        }
    }
    public func chairSaved(_ e: LedgerEvent, contest: Contest) -> String {
        switch e.kind {
        case .eligibility: return rulingsSaved([e])
        case .assign: return t("บันทึกแล้ว: การมอบหมายใหม่ (\(e.pairs?.count ?? 0) ผลงาน)", "Saved: the new assignment (\(e.pairs?.count ?? 0) entries)")
        case .reopen: return t("บันทึกแล้ว: เปิดแก้ไขใบของ \(e.judge ?? "") สำหรับ \(e.entry)", "Saved: reopened \(e.judge ?? "")'s sheet for \(e.entry)")
        case .discussed:
            let about = e.entry.isEmpty ? (e.judge ?? "") : e.entry
            return t("บันทึกแล้ว: ผลการหารือ \(about)", "Saved: the outcome for \(about)")
        case .method:
            let m = Method(rawValue: e.outcome ?? "") ?? .mean
            return t("บันทึกแล้ว: วิธีทางการคือ\(methodName(m))", "Saved: the official method is the \(methodName(m))")
        default: return t("บันทึกแล้ว: รางวัลของ \(e.entry) → \(awardWords(e.tier, contest))", "Saved: award of \(e.entry) → \(awardWords(e.tier, contest))")
        }
    }
    // The eligibility panel
    var helpEligibility: String { t("คุณสมบัติของผลงาน (c)", "Eligibility (c)") }
    var noEligibilityRules: String {
        t("contest.json ไม่มีเกณฑ์คุณสมบัติ (eligibility) ให้วินิจฉัย", "contest.json has no eligibility rules to rule on")
    }
    var eligibilityKey: String { t("c วินิจฉัย", "c to rule") }
    var nothingWaiting: String { t("ไม่มีผลงานที่รอคำวินิจฉัยคุณสมบัติ", "No entry waits for an eligibility ruling") }
    func unknownChoice(_ n: Int) -> String { t("กดเลข 1–\(n) หรือ Esc เพื่อยกเลิก", "Press 1–\(n), or Esc to cancel") }
    func othersStillOpen(_ n: Int) -> String {
        t("ทั้ง \(n) ผลงานยังรอเกณฑ์อื่นด้วย ผ่านเกณฑ์นี้อย่างเดียวไม่ได้: กด 3 ผ่านทุกเกณฑ์ที่รอ หรือ Esc",
          "All \(n) entries wait on another rule too, so this rule alone settles none: 3 passes every open rule, or Esc")
    }
    func eligibilityHeading(waiting: Int, of all: Int, showsAll: Bool) -> String {
        t("คุณสมบัติ: รอคำวินิจฉัย \(waiting) จาก \(all) ผลงาน · " + (showsAll ? "ทุกผลงาน (f เฉพาะที่รอ)" : "เฉพาะที่รอ (f ทุกผลงาน)"),
          "Eligibility: \(waiting) of \(all) entries wait for a ruling · " + (showsAll ? "every entry (f: waiting only)" : "waiting only (f: every entry)"))
    }
    func ruleShort(_ r: EligibilityRule) -> String {
        switch r {
        case .inUse: return t("ใช้งาน", "in use")
        case .localGovernment: return t("อปท.", "local")
        case .notPreviousWinner: return t("รางวัลเดิม", "winner")
        case .digital: return t("ดิจิทัล", "digital")
        }
    }
    var eligibilityColumnStatus: String { t("ผล", "status") }
    var eligibilityColumnRuling: String { t("คำวินิจฉัยของประธานกรรมการ", "the chair's ruling") }
    var allRulesPass: String { t("ผ่านทุกเกณฑ์", "passes every rule") }
    var eligibilityLegend: String {
        t("✓ ผ่าน  ✗ ไม่ผ่าน  ? ประธานกรรมการวินิจฉัย  ● รอคำวินิจฉัย", "✓ pass  ✗ fail  ? the chair rules  ● waiting for a ruling")
    }
    func ruleChoicePrompt(_ choices: [String]) -> (String, String) {
        (t("วินิจฉัยเกณฑ์ใด:", "Rule on which rule:"), choices.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: "  "))
    }
    /// The question and its choices, which are always shown whole.
    func rulingPrompt(_ ids: String, rule: String?, count: Int, withdraw: Bool, passInFull: Bool) -> (String, String) {
        let choices = t("1 ผ่าน  2 ไม่ผ่าน", "1 pass  2 fail") + (withdraw ? t("  3 ถอนคำวินิจฉัย", "  3 withdraw the ruling") : "")
            + (passInFull ? t("  3 ผ่านทุกเกณฑ์ที่รอ", "  3 pass on every open rule") : "")
        if let rule { return (t("เกณฑ์\(rule) ของ \(count) ผลงานที่รอ (\(ids)):", "\(rule) for the \(count) entries waiting (\(ids)):"), choices) }
        return (t("คุณสมบัติของ \(ids):", "Eligibility of \(ids):"), choices)
    }
    func rulingWord(_ outcome: String) -> String {
        switch outcome {
        case "pass": return t("ผ่าน", "pass")
        case "fail": return t("ไม่ผ่าน", "fail")
        default: return t("ตามเกณฑ์ (ถอนคำวินิจฉัย)", "by the rules (ruling withdrawn)")
        }
    }
    func confirmRuling(_ ids: String, count: Int, outcome: String, rule: String?, left: Int) -> String {
        let what = count == 1 ? ids : t("\(count) ผลงาน (\(ids))", "\(count) entries (\(ids))")
        let why = rule.map { t(" ตามเกณฑ์\($0)", " on \($0)") } ?? (count > 1 && outcome == "pass" ? t(" ทุกเกณฑ์ที่รอ", " on every open rule") : "")
        let rest = left > 0 ? t("; อีก \(left) ผลงานยังรอเกณฑ์อื่น", "; \(left) more still wait on another rule") : ""
        return t("วินิจฉัยคุณสมบัติ \(what) → \(rulingWord(outcome))\(why)\(rest)? (y/n)",
                 "Rule \(what) → \(rulingWord(outcome))\(why)\(rest)? (y/n)")
    }
    func rulingsSaved(_ events: [LedgerEvent]) -> String {
        let outcome = rulingWord(events.first?.outcome ?? "")
        if events.count == 1 { return t("บันทึกแล้ว: คุณสมบัติของ \(events[0].entry) → \(outcome)", "Saved: eligibility of \(events[0].entry) → \(outcome)") }
        return t("บันทึกแล้ว: คุณสมบัติ \(events.count) ผลงาน → \(outcome)", "Saved: eligibility of \(events.count) entries → \(outcome)")
    }
    func alreadyOfficial(_ m: Method) -> String { t("\(methodName(m))เป็นวิธีทางการอยู่แล้ว", "The \(methodName(m)) is already the official method") }
    var officialMark: String { t("ทางการ", "official") }
    var comparisonMark: String { t("เพื่อเทียบ", "comparison") }
    func officialSince(_ m: Method) -> String { t("วิธีทางการ: \(methodName(m))", "Official method: \(methodName(m))") }
    var officialFromContest: String { t("ตามที่ประกาศไว้ใน contest.json ก่อนเริ่มให้คะแนน", "as declared in contest.json before judging") }
    /// A swing in words: "j2 −3.50 → ดีเด่น".
    func swingWords(_ c: Swing.Change, tier: String) -> String {
        t("พลิกได้ถ้า \(c.judgeID) \(c.direction == .up ? "เพิ่ม" : "ลด") \(TwoDecimals.text(c.points)) คะแนน → \(tier)",
          "swings if \(c.judgeID) gives \(TwoDecimals.text(c.points)) \(c.direction == .up ? "more" : "less") → \(tier)")
    }
    var noSingleSheetSwings: String { t("ไม่มีใบใดใบเดียวที่เปลี่ยนรางวัลได้", "No single sheet can change the tier") }
    var patternsTitle: String { t("รูปแบบการให้คะแนนของกรรมการ (⚑ เกินเกณฑ์)", "Judges' patterns (⚑ past the threshold)") }
    func patternName(_ p: String) -> String {
        switch p {
        case "halo": return t("ให้ทุกเกณฑ์เท่า ๆ กัน", "halo")
        case "flat": return t("คะแนนรวมซ้ำกันมาก", "flat")
        case "drift": return t("คะแนนเลื่อนตามลำดับที่ให้", "drift")
        default: return t("เข้มหรืออ่อนกว่าคณะ", "severity")
        }
    }
    var agreementTitle: String { t("ความสอดคล้องของกรรมการ", "Panel agreement") }
    /// ICC(2,1) in words, as Koo and Li (2016) read it.
    func agreementReading(_ icc: Double?) -> String {
        guard let icc else { return t("ข้อมูลไม่พอ", "too few sheets") }
        if icc < 0.5 { return t("กรรมการเห็นต่างกัน", "judges disagree") }
        if icc < 0.75 { return t("สอดคล้องปานกลาง", "moderate agreement") }
        if icc < 0.9 { return t("สอดคล้องดี", "good agreement") }
        return t("สอดคล้องดีมาก", "excellent agreement")
    }
    var computingStatistics: String { t("กำลังคำนวณสถิติ (สุ่มซ้ำ)…", "computing the statistics (bootstrap)…") }
    /// "(bootstrap 2000)" after a confidence: the resamples.
    func resamples(_ n: Int) -> String { t("(สุ่มซ้ำ \(n) รอบ)", "(bootstrap \(n))") }
    /// The patterns table's columns: Thai words on Thai screens, the technical names in the help.
    var patternColumns: [String] { [t("เท่ากัน", "halo"), t("รวมซ้ำ", "flat"), t("เลื่อน", "drift"), t("นัยสำคัญ", "p")] }
    /// The agreement figures with Thai names (the technical names are in the help); a figure
    /// not computed is left out, not shown as "—".
    /// Each agreement figure computed, by its Thai name on a Thai screen, with what it was
    /// computed on; "too few sheets" only when none is.
    func agreementFigures(_ a: Agreement) -> String {
        let th = language == .th
        let names = th ? ["สอดคล้องรายคน", "สอดคล้องทั้งคณะ", "อันดับตรงกัน"] : ["ICC(2,1)", "ICC(2,k)", "Kendall's W"]
        let block = zip(names, [a.icc2_1, a.icc2_k, a.kendallW]).compactMap { n, v in v.map { "\(n) \(TwoDecimals.text($0))" } }
        var parts: [String] = []
        if !block.isEmpty {
            parts.append(block.joined(separator: " · ")
                         + t(" (\(a.entries) ผลงาน × \(a.judges) กรรมการ ที่ให้คะแนนครบ)", " (\(a.entries) entries × \(a.judges) judges scored by all)"))
        }
        if let x = a.alpha {
            parts.append("\(th ? "ความเที่ยง" : "α") \(TwoDecimals.text(x))"
                         + (a.icc1.map { " · " + t("สอดคล้องแบบทางเดียว", "ICC(1)") + " \(TwoDecimals.text($0))" } ?? "")
                         + t(" (\(a.alphaValues) ใบ ของ \(a.alphaEntries) ผลงาน)", " (\(a.alphaValues) sheets of \(a.alphaEntries) entries)"))
        }
        return parts.isEmpty ? t("ข้อมูลไม่พอ", "too few sheets") : parts.joined(separator: " · ")
    }
    var helpStatistics: String { t("คำศัพท์สถิติ (ชื่อทางเทคนิค)", "Statistics (technical names)") }
    var statisticsGlossary: [(String, String)] {
        [(t("สอดคล้องรายคน", "ICC(2,1)"), t("ICC(2,1): ความสอดคล้องของกรรมการหนึ่งคนกับคณะ (Shrout–Fleiss, two-way random, absolute)", "one judge's agreement with the panel (two-way random, absolute)")),
         (t("สอดคล้องทั้งคณะ", "ICC(2,k)"), t("ICC(2,k): ความสอดคล้องของคะแนนเฉลี่ยของทั้งคณะ", "the agreement of the panel's mean")),
         (t("อันดับตรงกัน", "Kendall's W"), t("Kendall's W: กรรมการเรียงลำดับผลงานตรงกันเพียงใด (0–1)", "how alike the judges rank the entries (0–1)")),
         (t("ความเที่ยง", "α"), t("Krippendorff's α (interval): ความเที่ยงของการให้คะแนน", "the scores' reliability (interval)")),
         (t("สอดคล้องแบบทางเดียว", "ICC(1)"), t("ICC(1): ความสอดคล้องเมื่อแต่ละผลงานมีกรรมการของตน (one-way random, REML)",
                                                  "agreement when each entry has its own judges (one-way random, REML)")),
         (t("เท่ากัน", "halo"), t("halo: อัตราส่วนความต่างระหว่างเกณฑ์ของกรรมการต่อของคณะ ต่ำ = ให้ทุกเกณฑ์เท่า ๆ กัน", "a judge's spread across criteria over the panel's; low: every criterion alike")),
         (t("รวมซ้ำ", "flat"), t("flat: สัดส่วนใบที่ได้คะแนนรวมเท่ากันมากที่สุด", "the share of sheets with the most frequent total")),
         (t("เลื่อน", "drift"), t("drift: สหสัมพันธ์ลำดับ (Spearman's rho) ของคะแนนกับลำดับที่ให้", "Spearman's rho of the scores against the order written")),
         (t("นัยสำคัญ", "p"), t("p-value ของ drift", "drift's p-value")),
         (t("สุ่มซ้ำ", "bootstrap"), t("bootstrap: สุ่มใบให้คะแนนซ้ำ แล้วนับว่ารางวัลที่เสนอได้ซ้ำกี่ครั้ง", "resampling the sheets, counting how often the proposed tier comes again"))]
    }
    var queueAll: String { t("แสดงทั้งหมด (f เฉพาะที่ยังไม่ได้หารือ)", "all items (f: open only)") }
    var queueOpenOnly: String { t("เฉพาะที่ยังไม่ได้หารือ (f แสดงทั้งหมด)", "open items (f: all)") }
    var queueEmpty: String { t("ไม่มีรายการที่ควรหารือ", "Nothing to discuss") }
    var queueAllDiscussed: String { t("หารือครบทุกรายการแล้ว (f แสดงทั้งหมด)", "Every item has been discussed (f: all)") }
    var columnTopic: String { t("เรื่อง", "Topic") }
    var columnReason: String { t("เหตุผล", "Why") }
    var outcomeOnQueue: String { t("ลงผลการหารือได้ที่จอ 8 (รายการที่ควรหารือ)", "Record outcomes on screen 8, the queue") }
    var unknownOutcomeKey: String { t("กด 1 2 หรือ 3 (Esc ยกเลิก)", "Press 1, 2 or 3 (Esc cancels)") }
    func outcomePrompt(_ names: [String]) -> String {
        let options = names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
        return t("ผลการหารือ: \(options)  (Esc ยกเลิก) ", "Outcome: \(options)  (Esc cancels) ")
    }
    func takenOut(_ entry: String) -> String {
        t("\(entry) ไม่ผ่านคุณสมบัติ จึงนำออกจากรายการ (คะแนนที่ให้ไว้ยังอยู่ในสมุดคะแนน)", "\(entry) is not eligible and leaves the list (what was scored stays in the ledger)")
    }
    func noLongerGiven(_ entry: String) -> String {
        t("ประธานกรรมการมอบ \(entry) ให้กรรมการอื่นแล้ว จึงนำออกจากรายการ (คะแนนที่ให้ไว้ยังอยู่ในสมุดคะแนน)",
          "The chair gave \(entry) to another judge: it leaves the list (what was scored stays in the ledger)")
    }
    func newlyGiven(_ entry: String) -> String { t("ประธานกรรมการมอบหมาย \(entry) ให้ท่านเพิ่ม", "The chair gave you \(entry) as well") }
    var documentsTitle: String { t("เอกสาร", "Documents") }
    var fieldsTab: String { t("ข้อมูลผลงาน", "Submission") }
    var noFields: String { t("ไม่มีข้อมูลเพิ่มเติมจากใบสมัคร", "The submission gave no other fields") }
    var noDocuments: String { t("ไม่มีแฟ้มแนบ", "No files came with the submission") }
    func documentsCount(_ n: Int) -> String { t("แฟ้มแนบ \(n) แฟ้ม (กดเลขเพื่อเปิด):", "\(n) files (press a number to open):") }
    var loadingDocuments: String { t("กำลังอ่านแฟ้มแนบ…", "Reading the files…") }
    var noText: String { t("แฟ้มนี้ไม่มีข้อความให้อ่าน", "This file has no text to read") }
    /// A file's kind in a word, from its MIME type.
    func fileKind(_ type: String) -> String {
        let m = type.lowercased()
        if m == "application/pdf" { return "PDF" }
        if m.contains("presentation") || m.contains("powerpoint") { return "PowerPoint" }
        if m.contains("wordprocessing") || m.contains("msword") { return "Word" }
        if m.contains("spreadsheet") || m.contains("excel") { return "Excel" }
        if m.hasPrefix("image/") { return t("รูปภาพ", "image") }
        if m.hasPrefix("text/") { return t("ข้อความ", "text") }
        return type
    }
    func fileSize(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
            : bytes >= 1024 ? "\((bytes + 512) / 1024) KB" : "\(bytes) B"
    }
    func part(_ unit: EntryDocument.Unit, _ n: Int, of total: Int) -> String {
        switch unit {
        case .slide: return t("สไลด์ \(n)/\(total) (] ถัดไป [ ก่อนหน้า)", "Slide \(n)/\(total) (] next, [ previous)")
        case .sheet: return t("ชีต \(n)/\(total) (] ถัดไป [ ก่อนหน้า)", "Sheet \(n)/\(total) (] next, [ previous)")
        default: return t("หน้า \(n)/\(total) (] ถัดไป [ ก่อนหน้า)", "Page \(n)/\(total) (] next, [ previous)")
        }
    }
    func emptyPart(_ unit: EntryDocument.Unit) -> String {
        unit == .slide ? t("สไลด์นี้ไม่มีข้อความ", "This slide has no text") : t("หน้านี้ไม่มีข้อความ", "This page has no text")
    }
    var lastPart: String { t("หน้าสุดท้ายแล้ว", "This is the last page") }
    var firstPart: String { t("หน้าแรกแล้ว", "This is the first page") }
    func found(_ q: String, part: Int?) -> String {
        part.map { t("พบ \"\(q)\" หน้า \($0) (n ถัดไป)", "Found \"\(q)\" on page \($0) (n for the next)") } ?? t("พบ \"\(q)\" (n ถัดไป)", "Found \"\(q)\" (n for the next)")
    }
    func notFound(_ q: String) -> String { t("ไม่พบ \"\(q)\" ในเอกสารนี้", "\"\(q)\" is not in this document") }
    var documentSearchPrompt: String { t("ค้นหาในเอกสาร: ", "Search the document: ") }
    var helpDocuments: String { t("เอกสาร (d)", "Documents (d)") }
    func computing(_ m: Method) -> String { t("กำลังคำนวณ\(methodName(m))…", "computing \(methodName(m))…") }
    func noSheetToReopen(_ entry: String) -> String {
        t("ไม่มีใบของ \(entry) ที่ส่งแล้วหรือถอนตัว ไม่มีอะไรให้เปิด", "No sheet of \(entry) is submitted or recused: nothing to reopen")
    }
    func unknownTierKey(_ c: Character) -> String { t("\"\(c)\" ไม่ใช่ตัวเลือก: กดเลขรางวัล 0 หรือ a (Esc ยกเลิก)", "\"\(c)\" is not a choice: a tier's number, 0 or a (Esc cancels)") }
    func unknownJudgeChoice(_ c: Character, _ n: Int) -> String {
        t("\"\(c)\" ไม่ใช่ตัวเลือก: กด 1–\(n) (Esc ยกเลิก)", "\"\(c)\" is not a choice: 1–\(n) (Esc cancels)")
    }
    var draftHeading: String { t("ประกาศผลยังเป็นร่าง เพราะ", "The announcement is a draft, because") }
    /// Before the reasons on the ranking's one line (screen 7 lists them one a line).
    func draftNotice(_ n: Int) -> String { t("ร่าง (\(n) ข้อ ดูจอ 7):", "Draft (\(n) reasons, screen 7):") }
    var draftPrompt: String { t("ส่งออกโดยมีคำว่า ร่าง ที่หัวประกาศ? (y/n) ", "Export it marked DRAFT at its top? (y/n) ") }
    var helpChair: String { t("ปุ่มของประธานกรรมการ", "The chair's keys") }
    /// What the console writes, for its help (README says the same).
    var consoleWrites: String {
        t("คอนโซลเขียนลงสมุดคะแนนของประธานกรรมการเฉพาะการตัดสิน (หลังตอบ y) และจุดตรวจสอบเมื่อเปิดคอนโซล: พยานว่าสมุดคะแนนของกรรมการไม่ถูกตัดหรือย้อนกลับ",
          "The console writes to the chair's file only the chair's decisions (after a y) and a checkpoint when it opens: a witness that no judge's file is cut back or rolled back")
    }
    var helpMarks: String { t("ความหมายของสัญลักษณ์", "What the marks mean") }
    var undoWord: String { t("ย้อน", "undo") }
    var draftShort: String { t("ร่าง", "draft") }
    var draftLegend: String { t("(วงเล็บ) คือใบที่ยังเป็นร่าง ไม่นับ", "(brackets): a draft sheet, not counted") }
    var matrixLegend: String {
        t("(วงเล็บ) คือใบที่ยังเป็นร่าง ไม่นับ · ผลและเฉลี่ยกรรมการนับเฉพาะใบที่ส่งแล้ว", "(brackets): a draft, not counted · results and judges' means count submitted sheets")
    }
    /// "2 ธ.ค. 2569 14:05:03" in Thai (Buddhist era), "2 Dec 2026 14:05:03" in English, in the contest's time zone.
    func dateTime(_ millis: Int64, zone: ContestTimeZone, seconds: Bool = true) -> String {
        let d = Timestamp.date(millis, zone: zone)
        let clock = Timestamp.clock(millis, zone: zone)
        return (language == .th ? ThaiDate.text(d) : ThaiDate.englishText(d)) + " " + (seconds ? clock : String(clock.prefix(5)))
    }
    var printing: String { t("กำลังพิมพ์เป็น PDF…", "Printing to PDF…") }
    /// The workstation's `p`: the whole path of the judge's sheet.
    func printed(path: String, pages: Int, draft: Bool, noQR: Bool = false) -> String {
        t("พิมพ์แล้ว \(pages) หน้า\(draft ? " (ร่าง)" : "")\(noQR ? " ไม่มีรหัส QR (ไม่มี libqrencode)" : ""): \(path)",
          "Printed \(pages) page\(pages == 1 ? "" : "s")\(draft ? " (draft)" : "")\(noQR ? " without QR codes (no libqrencode)" : ""): \(path)")
    }
    /// The console's `p`: how many files, into which folder.
    func printed(folder: String, count: Int, draft: Bool, noQR: Bool = false) -> String {
        t("พิมพ์แล้ว \(count) แฟ้ม\(draft ? " (ร่าง)" : "")\(noQR ? " ไม่มีรหัส QR (ไม่มี libqrencode)" : "") ไปที่ \(folder)",
          "Printed \(count) file\(count == 1 ? "" : "s")\(draft ? " (draft)" : "")\(noQR ? " without QR codes (no libqrencode)" : "") to \(folder)")
    }
    func notPrinted(_ why: String) -> String { t("ไม่ได้พิมพ์: \(why)", "Not printed: \(why)") }
    var printMenu: String { t("พิมพ์เอกสารใดเป็น PDF ไปที่ exports/ (เลข 1-4, Esc ยกเลิก): ", "Print which paper as PDF into exports/ (1-4; Esc cancels): ") }
    /// The console's print menu, one row per paper.
    var printChoices: [String] {
        [t("1  ใบให้คะแนนของกรรมการ (ทุกคน)", "1  the score sheets (every judge's)"),
         t("2  ใบสรุปผลคะแนน", "2  the summary"),
         t("3  แบบแสดงการมีส่วนได้เสีย (ทุกคน)", "3  the declarations of interest (every judge's)"),
         t("4  ประกาศผล", "4  the announcement")]
    }
    var notAPaper: String { t("กดเลข 1 ถึง 4 (Esc ยกเลิก)", "Press 1 to 4 (Esc cancels)") }
    func exported(_ paths: [String]) -> String {
        t("ส่งออกแล้ว: \(paths.joined(separator: ", "))", "Exported: \(paths.joined(separator: ", "))")
    }
    func exported(folder: String, count: Int) -> String {
        t("ส่งออกแล้ว \(count) แฟ้ม ไปที่ \(folder)", "Exported \(count) files to \(folder)")
    }
    func overwriteFiles(_ names: [String]) -> String {
        t("มีแฟ้มอยู่แล้ว \(names.count) แฟ้ม: \(names.joined(separator: ", "))", "\(names.count) files already there: \(names.joined(separator: ", "))")
    }
    var overwriteQuestion: String { t("เขียนทับ? (y/n)", "Replace them? (y/n)") }
    func overwritePrompt(_ names: [String]) -> String {
        t("มีแฟ้มอยู่แล้ว: \(names.joined(separator: ", ")) เขียนทับ? (y/n)", "Already there: \(names.joined(separator: ", ")); replace? (y/n)")
    }
    var columnFile: String { t("แฟ้ม", "File") }
    var columnLines: String { t("บรรทัด", "Lines") }
    var columnHead: String { t("แฮชล่าสุด", "Head") }
    var columnState: String { t("สถานะ", "State") }
    var intact: String { t("ครบถ้วน", "intact") }
    var lastSyncHeading: String { t("ซิงก์ล่าสุดของแต่ละแฟ้ม (git)", "Each file's last sync (git)") }
    var columnSyncedBy: String { t("ผู้ซิงก์@เครื่อง", "by@machine") }
    var columnSyncedAt: String { t("เมื่อ", "when") }
    func brokenAt(_ line: Int, _ why: String) -> String { t("เสียที่บรรทัด \(line): \(why)", "broken at line \(line): \(why)") }
    var strayFile: String { t("ไม่ใช่ของกรรมการคนใด ไม่ได้อ่าน", "belongs to no judge; not read") }
    var flagLegend: [(String, String)] {
        [("?", t("รางวัลที่เสนอยังไม่แน่นอน (มั่นใจต่ำกว่าเกณฑ์)", "the proposed tier is uncertain (confidence below the threshold)")),
         ("±", t("ความเห็นต่างสูง (SD เกินเกณฑ์)", "judges disagree (SD above the threshold)")),
         ("!", t("มีคะแนนห่างจากมัธยฐานมาก", "a sheet far from the median")),
         ("=", t("เสมอคร่อมเส้นรางวัล ให้ประธานกรรมการตัดสิน", "tied across an award line: the chair decides")),
         ("≡", t("เสมอคร่อมเส้นรางวัลที่ประธานกรรมการตัดสินแล้ว", "a tie across an award line the chair has settled")),
         ("<", t("ใบให้คะแนนไม่ครบองค์", "below quorum")),
         ("×", t("ไม่ผ่านคุณสมบัติ (ไม่จัดอันดับ)", "not eligible (not ranked)")),
         ("~", t("มีกรรมการที่ไม่ได้ปรับมาตรฐาน", "a judge not normalised")),
         ("↓ ↑", t("กรรมการของผลงานเข้มทุกคน / ใจดีทุกคน", "every judge of the entry severe / lenient")),
         ("⊘", t("ใบที่ไม่นับเพราะประธานกรรมการระบุว่ามีส่วนได้เสีย", "a sheet not counted: a chair recorded a conflict")),
         ("*", t("ประธานกรรมการตัดสินรางวัลเอง", "award set by the chair"))]
    }

    // Terminal
    func tooSmall(_ w: Int, _ h: Int) -> String {
        t("จอเล็กเกินไป ต้องการอย่างน้อย 80×24 (ตอนนี้ \(w)×\(h))", "Terminal too small: 80×24 needed (now \(w)×\(h))")
    }
}
