import KhanaenCore
import KhanaenText

/// Recusal is the judge's act; reopen and award are the chair's, written to the chair's ledger.
struct RecuseCommand: Command {
    static let name = "recuse"
    static let summary = Phrase("กรรมการถอนตัวจากผลงาน (มีส่วนได้เสีย) พร้อมเหตุผล",
                                "a judge steps aside from an entry (conflict of interest), and why")
    static let usage = Phrase("""
    วิธีใช้: khanaen recuse --entry E --reason TEXT [--judge J] [--lang th|en]
                         [--contest DIR]

    ลงในสมุดคะแนนว่าคุณ ซึ่งเป็นกรรมการตามบัญชีผู้ใช้ของคุณ จะไม่ให้คะแนนผลงาน E (ถอนตัว มีส่วนได้เสีย)
    ใบให้คะแนนนั้นจะไม่นับอีกและแก้ไขไม่ได้อีก ประธานกรรมการเปิดแก้ไขได้ --judge J ใช้ได้เฉพาะ
    การประกวดแบบเปิด (docs/access.md) หรือเมื่อระบุกรรมการที่เป็นตัวคุณเอง --lang th|en: ภาษา
    ของบรรทัดที่แจ้งว่าบันทึกแล้ว (th)

    """, """
    usage: khanaen recuse --entry E --reason TEXT [--judge J] [--lang th|en]
                          [--contest DIR]

    Records that you, the judge your login is, do not score entry E (ถอนตัว,
    มีส่วนได้เสีย). The sheet no longer counts and can no longer be changed; the chair
    can reopen it. --judge J only in an open contest (docs/access.md), or naming
    your own judge. --lang th|en: the language of the line that says what was saved
    (th).

    """)
    static let options = OptionSpec(values: ["judge", "entry", "reason", "contest", "lang"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let entry = try args.required("entry"), reason = try args.required("reason")
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        let judged = try ContestFolder.loadForJudge(dir, requested: args.value("judge"), login: ctx.login)
        let judge = judged.judgeID
        try ContestFolder.ensureLedgerFolder(dir)
        try judged.ledger.appendJudge(judge, [LedgerEvent(actor: judge, kind: .recuse, entry: entry, text: reason)])
        ctx.out(language.t("บันทึกแล้ว: \(judge) ถอนตัวจากผลงาน \(entry)\n", "saved: \(judge) recused from \(entry)\n"))
        return 0
    }
}

/// The chair acting: the login must be one of the contest's chairs; --chair may name another
/// only in an open contest.
enum ChairIdentity {
    static func resolve(_ args: ParsedArguments, _ ctx: CommandContext, contest: Contest) throws -> String {
        try Identity.chair(contest, requested: args.value("chair"), login: ctx.login).login
    }
}

struct ReopenCommand: Command {
    static let name = "reopen"
    static let summary = Phrase("ประธานกรรมการเปิดแก้ไขใบให้คะแนนที่ส่งแล้วหรือถอนตัวแล้ว พร้อมเหตุผล",
                                "the chair reopens a submitted or recused sheet, with a reason")
    static let usage = Phrase("""
    วิธีใช้: khanaen reopen --judge J --entry E --reason TEXT [--chair USER]
                         [--lang th|en] [--contest DIR]

    การดำเนินการของประธานกรรมการ เขียนลงสมุดคะแนนของประธานกรรมการ ใบให้คะแนนจะกลับเป็นร่าง:
    กรรมการแก้ไขได้ และต้องส่งคะแนนอีกครั้งจึงจะนับ

    ตัวเลือก:
      --chair USER     ใช้ได้เฉพาะการประกวดแบบเปิด: ประธานกรรมการผู้ดำเนินการ (ในการประกวด
                       อื่น บัญชีผู้ใช้ของคุณต้องเป็นประธานกรรมการคนหนึ่งของการประกวด และเป็น
                       ผู้ดำเนินการ)
      --lang th|en     ภาษาของบรรทัดที่แจ้งว่าบันทึกแล้ว (th)

    """, """
    usage: khanaen reopen --judge J --entry E --reason TEXT [--chair USER]
                          [--lang th|en] [--contest DIR]

    Chair action, written to the chair's ledger. The sheet becomes a draft again:
    the judge can change it and must submit it again before it counts.

    options:
      --chair USER     only in an open contest: the chair acting (elsewhere your
                       login must be one of the contest's chairs, and is the chair
                       acting)
      --lang th|en     the language of the line that says what was saved (th)

    """)
    static let options = OptionSpec(values: ["judge", "entry", "reason", "chair", "contest", "lang"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let judge = try args.required("judge"), entry = try args.required("entry"), reason = try args.required("reason")
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        let e = try ledger.appendChair(LedgerEvent(actor: chair, kind: .reopen, judge: judge, entry: entry, text: reason))
        ctx.out(language.t("บันทึกแล้ว: \(chair) เปิดแก้ไขใบให้คะแนนของ \(judge) ผลงาน \(entry) (บรรทัด \(e.ref ?? 0) ของกรรมการ)\n",
                   "saved: \(chair) reopened the sheet of \(judge) for \(entry) (its line \(e.ref ?? 0))\n"))
        return 0
    }
}

struct AwardCommand: Command {
    static let name = "award"
    static let summary = Phrase("ประธานกรรมการกำหนดหรือถอนประเภทรางวัลของผลงาน พร้อมเหตุผล",
                                "the chair sets or withdraws an entry's award tier, with a reason")
    static let usage = Phrase("""
    วิธีใช้: khanaen award --entry E --tier ID|none|auto --reason TEXT [--chair USER]
                        [--lang th|en] [--contest DIR]

    การดำเนินการของประธานกรรมการ เขียนลงสมุดคะแนนของประธานกรรมการ: ให้ผลงาน E ได้
    ประเภทรางวัล ID (ดู "awards" ใน contest.json) หรือ none (ไม่ได้รางวัล) แทนรางวัลที่ระบบ
    เสนอ ส่วน auto ถอนการกำหนดนั้น ให้รางวัลที่เสนอมีผลอีกครั้ง รายงานทุกฉบับแสดงการกำหนดรางวัลทุก
    ครั้งพร้อมเหตุผล

    ตัวเลือก:
      --chair USER     ใช้ได้เฉพาะการประกวดแบบเปิด: ประธานกรรมการผู้ดำเนินการ
      --lang th|en     ภาษาของบรรทัดที่แจ้งว่าบันทึกแล้ว (th)

    """, """
    usage: khanaen award --entry E --tier ID|none|auto --reason TEXT [--chair USER]
                         [--lang th|en] [--contest DIR]

    Chair action, written to the chair's ledger: gives entry E the award tier ID
    (see "awards" in contest.json), or none, overriding the proposal; auto withdraws
    the override so the proposal stands again. Reports list every override with its
    reason.

    options:
      --chair USER     only in an open contest: the chair acting
      --lang th|en     the language of the line that says what was saved (th)

    """)
    static let options = OptionSpec(values: ["entry", "tier", "reason", "chair", "contest", "lang"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let entry = try args.required("entry"), tier = try args.required("tier"), reason = try args.required("reason")
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        try ledger.appendChair(LedgerEvent(actor: chair, kind: .award, entry: entry, tier: tier, text: reason))
        // The tier by its title, as the announcement names it (the id was checked when written).
        let title = contest.awards.first { $0.id == tier }.map(\.title) ?? tier
        let said = tier == "none" ? "ไม่ให้รางวัล" : tier == "auto" ? "ประเภทรางวัลตามที่คำนวณได้" : "รางวัล\(title)"
        ctx.out(TerminalText.safe(language.t("บันทึกแล้ว: ผลงาน \(entry) \(said) โดยประธานกรรมการ \(chair)", "saved: \(entry) award \(tier) by \(chair)")) + "\n")
        return 0
    }
}
