import KhanaenCore
import KhanaenText

struct ScoreCommand: Command {
    static let name = "score"
    static let summary = Phrase("ให้คะแนนผลงาน เพิ่มข้อสังเกต หรือส่งคะแนนใบให้คะแนน",
                                "set a judge's scores for an entry, add a note, or submit the sheet")
    static let usage = Phrase("""
    วิธีใช้: khanaen score --entry E [cN=VALUE …] [--clear cN …] [--note TEXT]
                        [--submit] [--judge J]

    เขียนต่อท้ายสมุดคะแนนของกรรมการที่ตรงกับบัญชีผู้ใช้ของคุณ ตามลำดับนี้: คะแนนที่ให้ในรูป เกณฑ์=ค่า
    (c1=12 c3=20.5) เกณฑ์ที่จะล้างคะแนน ข้อสังเกตของผลงาน และการส่งคะแนน ทุกการแก้ไขจะถูกตรวจ
    ก่อน และจะไม่มีการเขียนใดเลยถ้ามีข้อใดถูกปฏิเสธ: กรรมการ ผลงาน หรือเกณฑ์ที่ไม่รู้จัก; ค่าต่ำกว่า 0
    เกินคะแนนเต็มของเกณฑ์ หรือไม่ตรงขั้นของคะแนน; การส่งคะแนนใบให้คะแนนที่ยังให้คะแนนไม่ครบทุกเกณฑ์;
    การแก้ไขใบให้คะแนนที่ส่งแล้ว (ประธานกรรมการต้องเปิดแก้ไขก่อน); การแก้ไขใบให้คะแนนที่กรรมการ
    ถอนตัวแล้ว

    ตัวเลือก:
      --judge J        ใช้ได้เฉพาะการประกวดแบบเปิด (docs/access.md): รหัสของกรรมการ ใน
                       การประกวดอื่นระบุได้เพียงกรรมการที่เป็นตัวคุณเอง
      --entry E        รหัสของผลงานใน entries.json
      --clear cN       ล้างคะแนนของเกณฑ์ (ใช้ซ้ำได้)
      --note TEXT      ข้อสังเกตของกรรมการต่อผลงาน (ข้อความว่างคือลบข้อสังเกต)
      --submit         ส่งคะแนน ใบให้คะแนนเป็นฉบับสุดท้าย
      --contest DIR    โฟลเดอร์การประกวด
      --lang th|en     ภาษาของบรรทัดที่แจ้งว่าบันทึกแล้ว หรือเหตุที่ไม่ได้บันทึก (th)

    ค่าคะแนนเป็นเลขทศนิยมธรรมดา เป็นเลขอารบิกหรือเลขไทยก็ได้ ใช้จุดหรือจุลภาคคั่นทศนิยม: 12, 12.5,
    12,5, ๑๒ ค่าที่มีเครื่องหมาย เลขชี้กำลัง หรือเลขฐานสิบหก (+5, 1e1, 0x0A) จะถูกปฏิเสธ

    """, """
    usage: khanaen score --entry E [cN=VALUE …] [--clear cN …] [--note TEXT]
                         [--submit] [--judge J]

    Appends to the ledger of the judge your login is, in this order: the scores
    given as criterion=value (c1=12 c3=20.5), the criteria to clear, the note on the
    entry, and the submit. Every change is checked first, and nothing is written
    when any is refused: an unknown judge, entry or criterion; a value below 0,
    above the criterion's maximum or off the step; submitting a sheet with a
    criterion not scored; any change to a submitted sheet (the chair must reopen
    it); any change to a sheet the judge recused from.

    options:
      --judge J        only in an open contest (docs/access.md): the judge's id;
                       elsewhere it may only name your own judge
      --entry E        the entry's id in entries.json
      --clear cN       clear a criterion's score (repeatable)
      --note TEXT      the judge's note on the entry (empty text removes it)
      --submit         make the sheet final
      --contest DIR    the contest folder
      --lang th|en     the language of the line that says what was saved, or why not
                       (th)

    A value is a plain decimal, in Arabic or Thai digits, with a point or a comma
    before the fraction: 12, 12.5, 12,5, ๑๒. A sign, an exponent or hex (+5, 1e1,
    0x0A) is refused.

    """)
    static let options = OptionSpec(values: ["judge", "entry", "note", "contest", "lang"], repeatable: ["clear"],
                                     flags: ["submit"], positionals: 0...64, positionalName: Phrase(" เกณฑ์=ค่า", "criterion=value"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let entry = try args.required("entry")
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        var scores: [(criterion: String, value: Double)] = []
        for pair in args.positionals {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw UsageError(th: "\"\(pair)\" ไม่ใช่ เกณฑ์=ค่า (c1=12)", en: "\"\(pair)\" is not criterion=value (c1=12)")
            }
            let criterion = String(pair[..<eq]), text = String(pair[pair.index(after: eq)...])
            guard let value = ScoreText.parse(text) else {
                throw UsageError(th: "\(criterion)=\(text): ไม่ใช่ตัวเลขธรรมดา เช่น 12 หรือ 12.5",
                                 en: "\(criterion)=\(text): not a plain decimal such as 12 or 12.5")
            }
            scores.append((criterion, value))
        }
        if scores.isEmpty && args.all("clear").isEmpty && args.value("note") == nil && !args.has("submit") {
            throw UsageError(th: "ไม่มีอะไรให้ทำ: ให้ เกณฑ์=ค่า, --clear, --note หรือ --submit", en: "nothing to do: give criterion=value pairs, --clear, --note or --submit")
        }

        let dir = try ContestLocation.resolve(args, ctx)
        let judged = try ContestFolder.loadForJudge(dir, requested: args.value("judge"), login: ctx.login)
        let judge = judged.judgeID
        var drafts = scores.map { LedgerEvent(actor: judge, kind: .score, entry: entry, criterion: $0.criterion, value: $0.value) }
        for c in args.all("clear") { drafts.append(LedgerEvent(actor: judge, kind: .clear, entry: entry, criterion: c)) }
        if let note = args.value("note") { drafts.append(LedgerEvent(actor: judge, kind: .note, entry: entry, text: note)) }
        if args.has("submit") { drafts.append(LedgerEvent(actor: judge, kind: .submit, entry: entry)) }
        for w in judged.warnings { ctx.err(TerminalText.safe(language.t("khanaen: คำเตือน: \(w.th)", "khanaen: warning: \(w.en)")) + "\n") }
        try ContestFolder.ensureLedgerFolder(dir)
        let written: [LedgerEvent]
        do {
            written = try judged.ledger.appendJudge(judge, drafts)
        } catch let refusal as Refusal where language == .th {
            ctx.err("khanaen score: ไม่ได้บันทึก: \(TerminalText.safe(refusal.message(in: .th))) ไม่มีการเขียนลงสมุดคะแนน\n")
            return 2
        }
        let contest = judged.contest
        let sheet = judged.sheets[contest.entryIndex(entry)!]
        ctx.out(savedLine(written.count, judge: judge, entry: entry, sheet: sheet, contest: contest, language: language) + "\n")
        return 0
    }

    /// What was saved, in the judge's language: how many lines, the sheet's total or how
    /// many criteria are scored, and its status.
    static func savedLine(_ count: Int, judge: String, entry: String, sheet: Sheet, contest: Contest, language: Language) -> String {
        let total = sheet.total(maxTotal: contest.maxTotal).map { (language.t("รวม ", "total ")) + TwoDecimals.text($0) + "/100" }
            ?? (language.t("ให้คะแนนแล้ว \(sheet.setCount)/\(contest.criteria.count) เกณฑ์", "\(sheet.setCount)/\(contest.criteria.count) criteria scored"))
        let status: String
        switch sheet.status {
        case .notStarted: status = language.t("ยังไม่ให้คะแนน", "not started")
        case .draft: status = language.t("ร่าง", "draft")
        case .submitted: status = language.t("ส่งแล้ว", "submitted")
        case .recused: status = language.t("ถอนตัว", "recused")
        }
        return language.t("บันทึกแล้ว \(count) รายการ ในสมุดคะแนนของ \(judge) ผลงาน \(entry): \(total) · \(status)",
            "saved \(count) change(s) to \(judge)'s ledger for \(entry): \(total), \(status)")
    }
}
