import Foundation
import KhanaenCore
import KhanaenSync
import KhanaenText

struct SyncCommand: Command {
    static let name = "sync"
    static let summary = Phrase("ส่งการประกวดระหว่างเครื่องด้วย git: commit ตรวจ รวม แล้ว push",
                                "carry the contest between machines with git, checked before merge")
    static let usage = Phrase("""
    วิธีใช้: khanaen sync [--contest DIR] [--no-push] [--lang th|en]
          khanaen sync --setup [REMOTE] [--contest DIR]
          khanaen sync --writers SECRETARIAT [--judge J] [--contest DIR]

    commit บรรทัดใหม่ที่สมบูรณ์ของแฟ้มสมุดคะแนนที่บัญชีผู้ใช้นี้เขียน (แฟ้มของกรรมการเอง; แฟ้มและการส่ง
    ของประธานกรรมการเอง; ในการประกวดแบบเปิด แฟ้มของ --judge J หรือ --chair C หรือแฟ้ม
    สมุดคะแนนทุกแฟ้มที่ยาวขึ้น) fetch จาก remote ของโฟลเดอร์ และตรวจทุก commit ที่เข้ามาก่อนรวม
    สิ่งใด: บรรทัดของสมุดคะแนนที่ถูกแก้ ถูกตัด หรือสลับลำดับ ทำให้ปฏิเสธประวัติที่ fetch มาทั้งหมด (แจ้ง
    แฟ้ม บรรทัด และ commit) และทุกแฟ้มที่ยาวขึ้นต้องต่อสายแฮชได้ (docs/ledger.md) จากนั้นรวม (แฟ้ม
    สมุดคะแนนรวมด้วยการต่อท้ายสิ่งที่ขาด ไม่รวมทีละบรรทัด) แล้ว push ถ้า push แพ้การแข่งกับเครื่องอื่น
    จะ fetch ตรวจ และลองใหม่ ไม่เกิน 5 ครั้ง ไม่ force-push หรือ rebase เลย

    สองฝั่งที่เขียนบรรทัดต่างกันต่อท้ายแฟ้มเดียวกันจากบรรทัดเดียวกัน เป็นการแยกสาย (fork): ไม่รวมสิ่งใด
    เก็บฉบับของอีกฝั่งไว้ข้างแฟ้ม (ledger/J/J.jsonl.fork-<commit>) และ sync ออกด้วยรหัส 1 พร้อม
    แจ้งกรรมการและบรรทัด

    --setup ทำให้โฟลเดอร์เป็นคลัง git (หรือตั้งค่าสำเนาที่ clone มา): .gitattributes ที่คงทุกแฟ้ม
    ให้ตรงทุกไบต์ .gitignore สำหรับสิ่งที่อยู่เฉพาะเครื่องนี้ core.fsync=all และ commit แรกของกติกา
    (contest.json, entries.json) เมื่อระบุ REMOTE จะตั้งชื่อ remote (origin) แล้ว sync ดู
    docs/sync.md

    --writers พิมพ์จาก contest.json ว่าใคร push แฟ้มใดได้ สำหรับ hook ของเครื่องแม่ข่าย
    (scripts/sync-pre-receive อ่านเป็น khanaen-writers ของคลัง bare) บัญชีผู้ใช้ SECRETARIAT
    push ได้ทุกแฟ้ม เมื่อระบุ --judge J จะเป็นรายการสำหรับคลังของกรรมการ J เอง

    บนเครื่องของประธานกรรมการที่โฟลเดอร์ระบุคลังของกรรมการแต่ละคน (remote ของ git ชื่อ
    judge-<id>) sync จะรับบรรทัดใหม่ของกรรมการแต่ละคนจากคลังของเขา และ push ไปที่นั่น บนประวัติ
    ของคลังนั้นเอง เฉพาะสิ่งที่กรรมการคนนั้นอ่านได้: แฟ้มสาธารณะและโฟลเดอร์ของกรรมการคนนั้น
    (docs/sync.md, "One repository per judge")

    ตัวเลือก:
      --no-push      commit, fetch ตรวจ และรวม แต่ไม่ส่งสิ่งใดออกไป
      --judge J      (การประกวดแบบเปิด) กรรมการที่เครื่องนี้เขียนแฟ้มให้
      --chair C      (การประกวดแบบเปิด) ประธานกรรมการที่เครื่องนี้เขียนแฟ้มให้
      --lang th|en   ภาษาของข้อความ (ค่าตั้งต้นเป็นภาษาไทย)

    รหัสออก: 0 sync แล้ว; 1 แยกสาย ประวัติที่ถูกปฏิเสธ หรือแฟ้มในเครื่องนี้ถูกเปลี่ยน (ไม่ได้รวมสิ่งใด);
    2 git ล้มเหลว push ถูกปฏิเสธ หรือใช้คำสั่งผิด

    """, """
    usage: khanaen sync [--contest DIR] [--no-push] [--lang th|en]
           khanaen sync --setup [REMOTE] [--contest DIR]
           khanaen sync --writers SECRETARIAT [--judge J] [--contest DIR]

    Commits the new whole lines of the ledger files this login writes (a judge's own
    file; a chair's own file and deliveries; in an open contest the file of
    --judge J or --chair C, or every ledger file that grew), fetches from the
    folder's remote, and checks every incoming commit before anything is merged: a
    ledger line changed, cut or reordered refuses the fetched history whole (naming
    the file, the line and the commit), and every file that grew must chain
    (docs/ledger.md). Then merges (the ledger files by appending what they lack,
    never line by line) and pushes; a push that lost a race is fetched, checked and
    tried again, at most 5 times. Never force-pushes or rebases.

    Two sides that appended different lines to one file from the same line make a
    fork: nothing is merged, the other side's version is kept beside the file
    (ledger/J/J.jsonl.fork-<commit>), and sync exits 1 naming the judge and the
    line.

    --setup makes the folder a git repository (or sets up a clone): .gitattributes
    keeping every file byte-exact, a .gitignore for what stays here, core.fsync=all,
    and a first commit of the rules (contest.json, entries.json); with REMOTE it
    names the remote (origin) and syncs. See docs/sync.md.

    --writers prints, from contest.json, who may push which files, for the server's
    hook (scripts/sync-pre-receive reads it as the bare repository's
    khanaen-writers); the login SECRETARIAT may push every file. With --judge J, the
    list for judge J's own repository.

    On a chair's machine whose folder names judges' own repositories (git remotes
    named judge-<id>), sync then takes each judge's new lines from their repository
    and pushes there, on its own history, only what that judge may read: the public
    files and the judge's own folder (docs/sync.md, "One repository per judge").

    options:
      --no-push      commit, fetch, check and merge, but send nothing
      --judge J      (an open contest) the judge whose file this machine writes
      --chair C      (an open contest) the chair whose files this machine writes
      --lang th|en   the language of what is said (Thai by default)

    Exit codes: 0 synced; 1 a fork, a refused history or a changed file here
    (nothing merged); 2 git failed, the push was refused, or a usage error.

    """)
    static let options = OptionSpec(values: ["contest", "lang", "judge", "chair"], flags: ["setup", "no-push", "writers"],
                                    positionals: 0...1, positionalName: Phrase(" REMOTE", "REMOTE"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        if !args.positionals.isEmpty && !args.has("setup") && !args.has("writers") {
            throw UsageError(th: "ให้ REMOTE ได้เฉพาะกับ --setup", en: "REMOTE is given only with --setup")
        }
        if ContestLocation.isDemo(args, ctx) { throw UsageError(th: "sync ทำงานกับโฟลเดอร์การประกวด: ให้ --contest DIR", en: "sync works on a contest folder: pass --contest DIR") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        if args.has("writers") {
            guard let secretariat = args.positionals.first else { throw UsageError(th: "--writers ต้องมีชื่อผู้ใช้ของฝ่ายเลขานุการ", en: "--writers needs the secretariat's login") }
            if let j = args.value("judge"), !contest.judges.contains(where: { $0.id == j }) {
                throw UsageError(th: "--judge \(j): ไม่มีกรรมการนี้ใน \(dir)/\(ContestFolder.contestFile)",
                                 en: "--judge \(j): no such judge in \(dir)/\(ContestFolder.contestFile)")
            }
            ctx.out(SyncPaths.writers(contest, secretariat: secretariat, judge: args.value("judge")))
            return 0
        }
        var writable: [String]? = SyncPaths.writable(by: ctx.login, uid: ctx.uid, in: contest)
        let file = "\(dir)/\(ContestFolder.contestFile)"
        if let j = args.value("judge") {
            let judge = try Identity.judge(contest, requested: j, login: ctx.login, contestFile: file)
            writable = [Ledger.displayPath(ofFile: judge.id)]
        } else if let c = args.value("chair") {
            let chair = try Identity.chair(contest, requested: c, login: ctx.login)
            writable = [Ledger.displayPath(ofFile: Ledger.chairFileName(chair.login))]
                + contest.judges.map { Ledger.displayPath(ofFile: Ledger.deliveryName(judge: $0.id, chair: chair.login)) }
        } else if contest.access == .open {
            writable = nil
        }
        let options = SyncOptions(dir: dir, login: ctx.login, host: MachineName.current, writable: writable,
                                  push: !args.has("no-push"), language: language)
        let result: SyncResult
        do {
            result = args.has("setup") ? try Sync.setup(options, remote: args.positionals.first) : try Sync.run(options)
        } catch let f as SyncFailure {
            ctx.err(TerminalText.safe("khanaen sync: \(f.words.text(language))") + "\n")
            return 2
        }
        for line in result.said { (result.exitCode == 0 ? ctx.out : ctx.err)(TerminalText.safe(line) + "\n") }
        return result.exitCode
    }
}

/// This machine's name, as the commits of a sync name it (`login@machine`).
enum MachineName {
    static var current: String {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        return String(cString: host)
    }
}
