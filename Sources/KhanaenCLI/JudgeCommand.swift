import Foundation
import KhanaenCore
import KhanaenText
import KhanaenTerminal
import KhanaenUI

/// The judge workstation: the default command.
struct JudgeCommand: Command {
    static let name = "judge"
    static let summary = Phrase("เปิดเครื่องมือให้คะแนนของกรรมการ (คำสั่งตั้งต้น)",
                                "open the judge workstation (the default)")
    static let usage = Phrase("""
    วิธีใช้: khanaen [judge] [--judge ID] [--lang th|en] [--mono] [--contest DIR]

    เปิดเครื่องมือให้คะแนนของกรรมการในเทอร์มินัลนี้ (80×24 ขึ้นไป locale เป็น UTF-8): รายการผลงาน
    และใบให้คะแนนของแต่ละผลงาน ทุกการแก้ไขที่รับแล้วจะเขียนลงสมุดคะแนนของกรรมการ และเขียนลงดิสก์
    ก่อนที่จอจะแจ้งว่าบันทึกแล้ว กด `?` ดูปุ่มทั้งหมด

    ตัวเลือก:
      --judge ID     ใช้ได้เฉพาะการประกวดแบบเปิด (docs/access.md) เลือกกรรมการคนใดก็ได้ ใน
                     การประกวดอื่น กรรมการคือผู้ที่ "user" ใน contest.json ตรงกับบัญชีผู้ใช้ของคุณ
                     และ --judge ระบุได้เพียงกรรมการคนนั้น (การประกวดแบบเปิดที่ผู้เปิดไม่ใช่
                     กรรมการคนใด เช่น การประกวดตัวอย่าง จะเปิดเป็นกรรมการคนสุดท้าย ซึ่งยังไม่ได้
                     ให้คะแนนใด)
      --lang L       th (ค่าตั้งต้น) หรือ en
      --mono         ไม่ใช้สี ใช้เพียงตัวหนา ขีดเส้นใต้ และสีกลับ (เช่นเดียวกันเมื่อตั้ง NO_COLOR)

    """, """
    usage: khanaen [judge] [--judge ID] [--lang th|en] [--mono] [--contest DIR]

    Opens the judge workstation in this terminal (80×24 or larger, UTF-8 locale):
    the entry list, and for each entry the scoring sheet. Every accepted change is
    written to the judge's ledger and synced to disk before the screen says it is
    saved. `?` lists every key.

    options:
      --judge ID     only in an open contest (docs/access.md), any judge; elsewhere
                     the judge is the one whose "user" in contest.json is your
                     login, and --judge may only name that judge (an open contest
                     opened by someone who is none of its judges, such as the demo,
                     opens as its last judge, who has scored nothing)
      --lang L       th (default) or en
      --mono         no colours, attributes only (also when NO_COLOR is set)

    """)
    static let options = OptionSpec(values: ["judge", "lang", "contest"], flags: ["mono"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        let (dir, copiedTo) = try ContestLocation.resolveForScreen(args, ctx)
        let requested = args.value("judge"), login = ctx.login
        // Who the judge is, and their ledger, need only contest.json: the ledger is verified on
        // another core while entries.json is read and its entries checked against the
        // eligibility rules (the answer is kept for the list's hidden entries).
        let (contest, opened) = try ContestFolder.loadContest(dir, alongside: { definition in
            let (judgeID, demoNotice) = try Identity.judge(definition, requested: requested, login: login,
                                                           contestFile: dir + "/" + ContestFolder.contestFile)
            let ledger = Ledger(contest: definition, directory: dir + "/" + ContestFolder.ledgerFolder)
            try ledger.refreshJudge(judgeID)
            return (judgeID: judgeID, demoNotice: demoNotice, ledger: ledger)
        }, meanwhile: { contest in _ = EligibilityRules.ineligible(contest: contest, rulings: [:]) })
        let session = try JudgeSession(contest: contest, directory: dir, ledger: Ledger(contest: contest, sharingFilesOf: opened.ledger),
                                       judgeID: opened.judgeID, login: login, language: language)
        if opened.demoNotice { session.state.status = .info(session.state.strings.demoIdentity(opened.judgeID)) }
        if let copiedTo { session.state.status = .info(session.state.strings.demoCopied(TerminalText.safe(copiedTo))) }
        return try session.run(monochrome: args.has("mono"), ctx)
    }
}

