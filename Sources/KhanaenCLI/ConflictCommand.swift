import KhanaenCore
import KhanaenText

/// `khanaen conflict declare`: a judge declares a conflict of interest with an entry, on a
/// ground of the Administrative Procedure Act, as a line in their own ledger (a recusal with
/// its ground): the sheet no longer counts and the judge can no longer change it; only a
/// chair's reopen undoes it.
struct ConflictCommand: Command {
    static let name = "conflict"
    static let summary = Phrase("กรรมการแจ้งการมีส่วนได้เสียกับผลงาน (ม.13 หรือ ม.16) พร้อมเหตุผล",
                                "a judge declares a conflict of interest (ม.13, ม.16), and why")
    static let usage = Phrase("""
    วิธีใช้: khanaen conflict declare --entry E --ground G --reason TEXT [--judge J]
                                   [--lang th|en] [--contest DIR]
          khanaen conflict declare --judge J --entry E --ground G --reason TEXT
                                   [--chair USER] [--contest DIR]
          khanaen conflict clear --judge J --entry E --reason TEXT [--chair USER]
                                 [--contest DIR]

    ลงในสมุดคะแนนว่าคุณ ซึ่งเป็นกรรมการตามบัญชีผู้ใช้ของคุณ มีส่วนได้เสียในผลงาน E และจะไม่พิจารณา
    ผลงานนั้น ด้วยเหตุ G ตามพระราชบัญญัติวิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539:
      party           เป็นคู่กรณีเอง (ม.13(1))
      spouse          เป็นคู่หมั้นหรือคู่สมรสของคู่กรณี (ม.13(2))
      relative        เป็นญาติของคู่กรณี (ม.13(3))
      representative  เป็นหรือเคยเป็นผู้แทนหรือตัวแทนของคู่กรณี (ม.13(4))
      creditor        เป็นเจ้าหนี้ ลูกหนี้ หรือนายจ้างของคู่กรณี (ม.13(5))
      other           เหตุอื่นที่อาจทำให้การพิจารณาไม่เป็นกลาง (ม.16)
    ใบให้คะแนนนั้นจะไม่นับอีกและแก้ไขไม่ได้อีก มีเพียงประธานกรรมการที่เปิดแก้ไขได้ `khanaen recuse`
    เหมือนกัน โดยใช้เหตุ "other" `khanaen conflicts` แสดงรายการทั้งหมด

    เมื่อประธานกรรมการสั่ง (ด้วย --chair USER หรือจากบัญชีผู้ใช้ของประธานกรรมการ ในการประกวดที่
    กรรมการมีบัญชีผู้ใช้) จะลงการมีส่วนได้เสียของกรรมการ J ในสมุดคะแนนของประธานกรรมการเองแทน: J
    ให้คะแนน E ไม่ได้อีก ลบรายการนี้ไม่ได้ และใบให้คะแนน E ของ J ไม่ว่าเขียนเมื่อใด จะไม่นับ

    `clear` เฉพาะประธานกรรมการ ยกเลิกการมีส่วนได้เสียที่เกิดจากกติกาของการประกวด (จังหวัดเดียวกัน
    หรือหน่วยงานหนึ่งของกรรมการ) ของกรรมการ J กับผลงาน E พร้อมเหตุผล: จากนั้นมอบหมาย E ให้ J
    และ J ให้คะแนน E ได้ การแจ้งของกรรมการเอง หรือการมีส่วนได้เสียที่ประธานกรรมการลงไว้ ยังคงอยู่

    """, """
    usage: khanaen conflict declare --entry E --ground G --reason TEXT [--judge J]
                                    [--lang th|en] [--contest DIR]
           khanaen conflict declare --judge J --entry E --ground G --reason TEXT
                                    [--chair USER] [--contest DIR]
           khanaen conflict clear --judge J --entry E --reason TEXT [--chair USER]
                                  [--contest DIR]

    Records that you, the judge your login is, have a stake in entry E and do not
    judge it (มีส่วนได้เสีย), on ground G of the Administrative Procedure Act B.E. 2539:
      party           เป็นคู่กรณีเอง (ม.13(1))
      spouse          เป็นคู่หมั้นหรือคู่สมรสของคู่กรณี (ม.13(2))
      relative        เป็นญาติของคู่กรณี (ม.13(3))
      representative  เป็นหรือเคยเป็นผู้แทนหรือตัวแทนของคู่กรณี (ม.13(4))
      creditor        เป็นเจ้าหนี้ ลูกหนี้ หรือนายจ้างของคู่กรณี (ม.13(5))
      other           เหตุอื่นที่อาจทำให้การพิจารณาไม่เป็นกลาง (ม.16)
    The sheet no longer counts and can no longer be changed; only a chair can reopen
    it. `khanaen recuse` is the same with the ground "other". `khanaen conflicts`
    lists them.

    Run by a chair (with --chair USER, or from a chair's login where judges have
    logins), it records the conflict for judge J in the chair's own ledger instead:
    J can no longer score E, cannot remove it, and J's sheet for E, whenever
    written, no longer counts.

    `clear`, a chair's only, lifts a conflict the contest's rules give (the same
    province, one of the judge's organisations) for judge J and entry E, with the
    reason: J may then be assigned and score E. A judge's own declaration or a
    chair's recorded conflict stays.

    """)
    static let options = OptionSpec(values: ["judge", "entry", "ground", "reason", "lang", "contest", "chair"], positionals: 1...1,
                                     positionalName: Phrase(" declare หรือ clear", "declare or clear"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard ["declare", "clear"].contains(args.positionals.first) else { throw UsageError(th: "สิ่งที่จะทำคือ `declare` หรือ `clear`", en: "the action is `declare` or `clear`") }
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        if args.positionals.first == "clear" { return try clear(args, ctx, language: language) }
        let entry = try args.required("entry"), reason = try args.required("reason"), word = try args.required("ground")
        guard let ground = ConflictGround(rawValue: word) else {
            let grounds = ConflictGround.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(th: "--ground ต้องเป็นหนึ่งใน \(grounds) ไม่ใช่ \"\(word.terminalSafe)\"",
                             en: "--ground must be one of \(grounds), got \"\(word.terminalSafe)\"")
        }
        let dir = try ContestLocation.resolve(args, ctx)
        // In an open contest anyone may act as a judge (--judge), a chair too: only --chair makes it the chair's.
        let contest = try ContestFolder.loadContest(dir)
        if args.value("chair") != nil || (contest.access == .logins && contest.chairs.contains(ctx.login)) {
            return try recordForJudge(entry: entry, ground: ground, reason: reason, dir: dir, args, ctx, language: language)
        }
        let judged = try ContestFolder.loadForJudge(dir, requested: args.value("judge"), login: ctx.login)
        let judge = judged.judgeID
        try ContestFolder.ensureLedgerFolder(dir)
        do {
            try judged.ledger.appendJudge(judge, [LedgerEvent(actor: judge, kind: .recuse, entry: entry, text: reason, outcome: ground.rawValue)])
        } catch let refusal as Refusal where language == .th {
            ctx.err("khanaen conflict: ไม่ได้บันทึก: \(TerminalText.safe(refusal.message(in: .th))) ไม่มีการเขียนลงสมุดคะแนน\n")
            return 2
        }
        ctx.out(TerminalText.safe(language.t("บันทึกแล้ว: \(judge) มีส่วนได้เสียกับผลงาน \(entry): \(ground.thai)",
                                                  "saved: \(judge) declared a conflict with \(entry): \(ground.english)")) + "\n")
        return 0
    }

    /// A chair's `conflict` line, `clear`: the rules' conflict of `--judge` with `--entry` lifted.
    private static func clear(_ args: ParsedArguments, _ ctx: CommandContext, language: Language) throws -> Int32 {
        let judge = try args.required("judge"), entry = try args.required("entry"), reason = try args.required("reason")
        if args.value("ground") != nil { throw UsageError(th: "clear ไม่รับ --ground", en: "clear takes no --ground") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        do {
            try ledger.appendChair(LedgerEvent(actor: chair, kind: .conflict, judge: judge, entry: entry, text: reason, outcome: Conflicts.clear))
        } catch let refusal as Refusal {
            ctx.err("khanaen conflict: " + (language == .th ? "ไม่ได้บันทึก: \(TerminalText.safe(refusal.message(in: .th))) ไม่มีการเขียนลงสมุดคะแนน"
                                                           : "nothing written: \(TerminalText.safe(refusal.message))") + "\n")
            return 2
        }
        ctx.out(TerminalText.safe(language == .th ? "บันทึกแล้ว: \(chair) ยกเว้นการมีส่วนได้เสียของ \(judge) กับผลงาน \(entry) ตามกฎของการประกวด"
                                                  : "saved: \(chair) cleared the rules' conflict of \(judge) with \(entry)") + "\n")
        return 0
    }

    /// A chair's `conflict` line: the conflict recorded for judge `--judge`, pinned.
    private static func recordForJudge(entry: String, ground: ConflictGround, reason: String, dir: String, _ args: ParsedArguments,
                                       _ ctx: CommandContext, language: Language) throws -> Int32 {
        let judge = try args.required("judge")
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        do {
            try ledger.appendChair(LedgerEvent(actor: chair, kind: .conflict, judge: judge, entry: entry, text: reason, outcome: ground.rawValue))
        } catch let refusal as Refusal where language == .th {
            ctx.err("khanaen conflict: ไม่ได้บันทึก: \(TerminalText.safe(refusal.message(in: .th))) ไม่มีการเขียนลงสมุดคะแนน\n")
            return 2
        }
        ctx.out(TerminalText.safe(language == .th ? "บันทึกแล้ว: \(chair) ระบุว่า \(judge) มีส่วนได้เสียกับผลงาน \(entry): \(ground.thai)"
                                                  : "saved: \(chair) recorded that \(judge) is in conflict with \(entry): \(ground.english)") + "\n")
        return 0
    }
}
