import KhanaenCore
import KhanaenText

struct CheckpointCommand: Command {
    static let name = "checkpoint"
    static let summary = Phrase("ลงจุดตรวจแฮชล่าสุดของแฟ้มกรรมการทุกคน เพื่อจับการย้อนแฟ้ม",
                                "record every judge file's head, so a later rollback is caught")
    static let usage = Phrase("""
    วิธีใช้: khanaen checkpoint [--lang th|en] [--contest DIR]

    เพิ่มจุดตรวจต่อท้ายแฟ้มสมุดคะแนนของประธานกรรมการ: จำนวนบรรทัดและแฮชล่าสุดของแฟ้มกรรมการทุกคน
    และแฮชของกติกาการให้คะแนนของการประกวด (docs/ledger.md) นับแต่นั้น `khanaen verify`
    จะแจ้งแฟ้มกรรมการที่ไม่ถึงแฮชล่าสุดเหล่านั้นอีก (ถูกตัด ถูกย้อน หรือถูกแทนที่) และการเปลี่ยนกติกา
    การให้คะแนนใด ๆ คอนโซลลงจุดตรวจเมื่อเปิดและทุกครั้งที่ประธานกรรมการดำเนินการ รายงานทุกฉบับลง
    จุดตรวจพร้อมตราผลคะแนน ให้สั่งคำสั่งนี้จาก cron เพื่อเป็นพยานระหว่างนั้น ถ้าไม่มีอะไรเปลี่ยนตั้งแต่
    จุดตรวจครั้งก่อน จะไม่มีการเขียนใด สำหรับประธานกรรมการ (และ root) ในการประกวดแบบเปิด ใคร
    ก็ได้ --lang en แจ้งสิ่งที่ทำเป็นภาษาอังกฤษ (ค่าตั้งต้นเป็น th)

    """, """
    usage: khanaen checkpoint [--lang th|en] [--contest DIR]

    Appends a checkpoint to the chair's ledger file: the line count and head hash of
    every judge's file, and the hash of the contest's scoring rules
    (docs/ledger.md). From then on `khanaen verify` reports any judge file that no
    longer reaches those heads (cut back, rolled back, replaced) and any change to
    the scoring rules. The console records one when it opens and with every chair
    action, and every report records one with its seal; run this from cron for a
    witness between them. Nothing is written when nothing changed since the last
    checkpoint. For the chairs (and root); in an open contest, anyone. --lang en
    says what was done in English (th by default).

    """)
    static let options = OptionSpec(values: ["contest", "lang"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: Phrase("จุดตรวจ", "a checkpoint"))
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        let written = try ledger.appendCheckpoint(actor: ctx.login)
        let heads = ledger.judgeFiles.map { "\($0.name) \($0.lineCount)" }.joined(separator: ", ")
        let own = ledger.checkpointFile(for: ctx.login)
        if written {
            ctx.out(TerminalText.safe(language.t("บันทึกแล้ว: จุดตรวจที่ \(own.displayPath):\(own.lineCount): \(heads)",
                                         "checkpoint at \(own.displayPath):\(own.lineCount): \(heads)")) + "\n")
        } else {
            ctx.out(TerminalText.safe(language.t("ไม่มีอะไรเปลี่ยนตั้งแต่จุดตรวจครั้งก่อน: \(heads)",
                                         "unchanged since the last checkpoint: \(heads)")) + "\n")
        }
        return 0
    }
}
