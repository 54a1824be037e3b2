import KhanaenCore
import KhanaenSync
import KhanaenText

struct ForkCommand: Command {
    static let name = "fork"
    static let summary = Phrase("ประธานกรรมการตัดสินแฟ้มกรรมการที่แยกสาย ซึ่ง sync พบ พร้อมเหตุผล",
                                "the chair resolves a fork of a judge's file met by sync")
    static let usage = Phrase("""
    วิธีใช้: khanaen fork resolve --judge J --keep mine|theirs|both --reason TEXT
                               [--chair USER] [--contest DIR] [--no-push]
                               [--lang th|en]

    การดำเนินการของประธานกรรมการ ในโฟลเดอร์ที่ khanaen sync หยุดเพราะแฟ้มของกรรมการ J
    แยกสาย (เครื่องสองเครื่องของกรรมการคนเดียวเขียนบรรทัดต่างกันต่อจากบรรทัดเดียวกัน ฉบับของอีกฝั่ง
    เก็บไว้ข้างแฟ้มเป็น ledger/J/J.jsonl.fork-<commit>) ฝั่งที่เลือกเก็บจะเป็นแฟ้มของกรรมการ:
      mine     บรรทัดของโฟลเดอร์นี้
      theirs   บรรทัดของ remote
      both     บรรทัดของ remote ตามด้วยเหตุการณ์ของโฟลเดอร์นี้ที่ยังใช้ได้ ต่อท้ายเป็นบรรทัดใหม่ ซึ่ง
               แต่ละบรรทัดระบุบรรทัดเดิมที่นำมาเล่นซ้ำ ("topic": "fork:<แฮชของบรรทัดนั้น>") ส่วน
               เหตุการณ์ที่ใช้ไม่ได้แล้วจะแจ้งไว้
    การตัดสินนี้เป็นบรรทัด `fork` ในแฟ้มของประธานกรรมการ (docs/ledger-format.md) merge
    commit รวมประวัติทั้งสองฝั่ง บรรทัดของฝั่งใดจึงไม่หายจาก git แล้วจึง sync การ sync ของเครื่องอื่น
    ทุกเครื่องจะรับฝั่งที่เลือกเก็บแทนฝั่งที่แยกไว้ ดู docs/sync.md

    ตัวเลือก:
      --chair USER   ใช้ได้เฉพาะการประกวดแบบเปิด: ประธานกรรมการผู้ดำเนินการ
      --no-push      ตัดสินและ commit แต่ไม่ส่งสิ่งใดออกไป
      --lang th|en   ภาษาของข้อความ (ค่าตั้งต้นเป็นภาษาไทย)

    รหัสออก: 0 ตัดสินแล้ว (และ sync แล้ว); 1 การ sync หลังการตัดสินหยุด; 2 ไม่มีสิ่งที่ต้องตัดสิน git
    ล้มเหลว หรือใช้คำสั่งผิด

    """, """
    usage: khanaen fork resolve --judge J --keep mine|theirs|both --reason TEXT
                                [--chair USER] [--contest DIR] [--no-push]
                                [--lang th|en]

    Chair action, in the folder where khanaen sync stopped on a fork of judge J's
    file (two machines of one judge that appended different lines from the same
    line; the other side is kept beside the file as ledger/J/J.jsonl.fork-<commit>).
    The kept side becomes the
    judge's file:
      mine     this folder's lines
      theirs   the remote's lines
      both     the remote's lines, then this folder's events that still apply,
               appended as new lines that each name the line they replay ("topic":
               "fork:<its hash>"); the events that no longer apply are named
    The decision is a `fork` line in the chair's file (docs/ledger-format.md); a
    merge commit joins both histories, so neither side's lines leave git; then it
    syncs. Every other machine's sync takes the kept side in place of the one set
    aside. See docs/sync.md.

    options:
      --chair USER   only in an open contest: the chair acting
      --no-push      resolve and commit, but send nothing
      --lang th|en   the language of what is said (Thai by default)

    Exit codes: 0 resolved (and synced); 1 the sync after it stopped; 2 nothing to
    resolve, git failed, or a usage error.

    """)
    static let options = OptionSpec(values: ["contest", "lang", "judge", "chair", "keep", "reason"], flags: ["no-push"],
                                    positionals: 1...1, positionalName: Phrase(" resolve", "resolve"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard args.positionals == ["resolve"] else { throw UsageError(th: "khanaen fork ทำได้อย่างเดียวคือ resolve", en: "khanaen fork takes one action: resolve") }
        let judge = try args.required("judge"), reason = try args.required("reason")
        guard let keep = ForkKeep(rawValue: try args.required("keep")) else { throw UsageError(th: "--keep ต้องเป็น mine, theirs หรือ both", en: "--keep must be mine, theirs or both") }
        let language = try args.language()
        if ContestLocation.isDemo(args, ctx) { throw UsageError(th: "fork ทำงานกับโฟลเดอร์การประกวด: ให้ --contest DIR", en: "fork works on a contest folder: pass --contest DIR") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        var writable: [String]? = SyncPaths.writable(by: chair, uid: ctx.uid, in: contest)
        if contest.access == .open { writable = nil }
        let options = SyncOptions(dir: dir, login: ctx.login, host: MachineName.current, writable: writable, push: !args.has("no-push"), language: language)
        let resolution: ForkResolution
        do {
            resolution = try Sync.resolveFork(options, judge: judge, keep: keep, reason: reason, chair: chair)
        } catch let f as SyncFailure {
            ctx.err(TerminalText.safe("khanaen fork: \(f.words.text(language))") + "\n")
            return 2
        }
        let code = resolution.sync.exitCode
        for line in resolution.sync.said { (code == 0 ? ctx.out : ctx.err)(TerminalText.safe(line) + "\n") }
        return code
    }
}
