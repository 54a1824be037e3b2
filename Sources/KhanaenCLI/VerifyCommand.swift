import KhanaenCore
import KhanaenSync
import KhanaenText

struct VerifyCommand: Command {
    static let name = "verify"
    static let summary = Phrase("ตรวจแฟ้มการประกวด สายแฮชและกติกาของสมุดคะแนน แฟ้มละบรรทัด",
                                "check the contest files, every ledger chain and its rules")
    static let usage = Phrase("""
    วิธีใช้: khanaen verify [--seal HEX] [--printed HEX] [--judge J] [--lang th|en]
                         [--contest DIR]

    ตรวจ contest.json และ entries.json แล้วตรวจแฟ้มสมุดคะแนนทุกแฟ้มทีละบรรทัด: รูปแบบ
    เลขลำดับ และสายแฮช (docs/ledger.md); ทุกบรรทัดตามกติกาของการประกวด (คะแนนเกินคะแนนเต็ม
    การแก้ใบให้คะแนนที่ส่งแล้วโดยไม่มีการเปิดแก้ไข ผู้กระทำเป็นกรรมการคนอื่น การตัดสินในแฟ้มที่ผู้ตัดสินเขียน
    ไม่ได้…); ทุกแฟ้มเทียบกับจุดตรวจในแฟ้มอื่น (แฟ้มที่ถูกตัด ถูกย้อน หรือถูกแทนที่); และทุกการส่งเทียบกับแฟ้ม
    ของประธานกรรมการผู้ส่ง พิมพ์แฟ้มละหนึ่งบรรทัดพร้อมจำนวนบรรทัดและแฮชล่าสุด แล้วปัญหาละหนึ่งบรรทัด
    ออกด้วยรหัส 1 เมื่อมีปัญหา กรรมการ (ในการประกวดที่ใช้สิทธิ์ตามบัญชีผู้ใช้) ตรวจแฟ้มของตนเองและสิ่งที่
    ประธานกรรมการส่งถึงตน --judge J ก็เช่นกัน โดยขอมุมมองของกรรมการ J ในการประกวดแบบเปิด
    (สำเนาคลังของกรรมการเองไม่มีสิ่งอื่น: docs/sync.md)

    ตัวเลือก:
      --seal HEX     สมุดคะแนนวันนี้ยังต่อจากสมุดคะแนนที่ใช้คำนวณตราผลคะแนนของรายงานที่เผยแพร่
                     หรือไม่ (เลขฐานสิบหก 12 หลักแรกขึ้นไป): รายงานลงตราไว้ในจุดตรวจแล้ว
      --printed HEX  สมุดคะแนนวันนี้ยังมีสิ่งที่เอกสารพิมพ์อ้างอิงหรือไม่: แฮชล่าสุดของใบให้คะแนน (แฟ้ม
                     ตามที่พิมพ์ บรรทัดที่เพิ่มหลังจากนั้นและผลงานที่บรรทัดเหล่านั้นเปลี่ยน หรือออกด้วยรหัส
                     1 เมื่อบรรทัดที่พิมพ์ถูกตัดหรือเขียนใหม่) หรือตราผลคะแนนของใบสรุป (เหมือน
                     --seal); docs/printing.md
      --judge J      (การประกวดแบบเปิด) ตรวจตามที่กรรมการ J เห็น: แฟ้มของเขาและสิ่งที่ส่งถึงเขา
      --lang th|en   ภาษาของบรรทัด (th) คำแรกของแต่ละบรรทัด (ok, BROKEN, VIOLATION,
                     CHECKPOINT, DELIVERY, ROUND, FORK, SEAL, PRINTED, note) คงเดิม

    """, """
    usage: khanaen verify [--seal HEX] [--printed HEX] [--judge J] [--lang th|en]
                          [--contest DIR]

    Checks contest.json and entries.json, then every ledger file line by line: its
    format, its sequence numbers and its hash chain (docs/ledger.md); every line
    against the contest's rules (a score above its maximum, a change to a submitted
    sheet with no reopen, another judge as its actor, a decision in a file its
    author cannot write…); every file against the checkpoints of the others (a file
    cut back, rolled back or replaced); and every delivery against its chair's file.
    Prints one line per file with its line count and head hash, then one line per
    problem. Exit code 1 when any. A judge (in a contest whose access is by logins)
    verifies their own file and the chairs' deliveries to them; so does --judge J,
    which asks for that view of judge J in an open contest (a judge's clone of their
    own repository holds nothing else: docs/sync.md).

    options:
      --seal HEX     whether today's ledger still extends the one a published
                     report's seal (its first 12 or more hex digits) was computed
                     on: the report recorded its seal in a checkpoint
      --printed HEX  whether today's ledger still holds what a printed paper stood
                     on: a sheet's head hash (the file as printed, lines added since
                     and the entries they change, or exit 1 when the printed lines
                     were cut or rewritten) or a summary's seal (as --seal);
                     docs/printing.md
      --judge J      (an open contest) verify as judge J sees: their file and the
                     deliveries to them
      --lang th|en   the language of the lines (th); each line's first word (ok,
                     BROKEN, VIOLATION, CHECKPOINT, DELIVERY, ROUND, FORK, SEAL,
                     PRINTED, note) stays as it is

    """)
    static let options = OptionSpec(values: ["contest", "seal", "printed", "lang", "judge"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let language = try args.language()
        for seal in [args.value("seal"), args.value("printed")].compactMap({ $0 }) {
            guard seal.utf8.count >= 12, seal.utf8.count <= 64, seal.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                throw UsageError(th: "--seal และ --printed รับเลขฐานสิบหกตัวพิมพ์เล็ก 12 ถึง 64 หลักของตราผลคะแนนหรือค่าท้ายสุดที่พิมพ์ไว้", en: "--seal and --printed take 12 to 64 lower-case hex digits of a results seal or a printed head")
            }
        }
        let ledger = Ledger(contest: contest, directory: dir + "/" + ContestFolder.ledgerFolder)
        var viewOf: Contest.Judge? = nil
        if let j = args.value("judge") {
            let picked = try Identity.judge(contest, requested: j, login: ctx.login, contestFile: dir + "/" + ContestFolder.contestFile)
            viewOf = contest.judges.first { $0.id == picked.id }
        }
        let all = viewOf == nil && Identity.mayReadAllScores(contest, login: ctx.login, uid: ctx.uid)
        var files = ledger.allFiles
        func say(_ line: String) { ctx.out(TerminalText.safe(line) + "\n") }
        if !all {
            // A judge can read only their own folder: their file and the chairs' deliveries.
            guard let judge = viewOf ?? contest.judge(forUser: ctx.login) else {
                say(language.t("ok        \(ContestFolder.contestFile) และ \(ContestFolder.entriesFile): ผลงาน \(contest.entries.count) ชิ้น "
                                 + "กรรมการ \(contest.judges.count) คน",
                               "ok        \(ContestFolder.contestFile) and \(ContestFolder.entriesFile): \(contest.entries.count) entries, "
                                 + "\(contest.judges.count) judges"))
                say(language.t("note      ไม่ได้อ่านสมุดคะแนน: ผู้ใช้ \"\(ctx.login)\" ไม่ได้เป็นกรรมการหรือประธานกรรมการของการประกวดนี้",
                       "note      the ledger files are not read: the login \"\(ctx.login)\" is neither a judge nor a chair of this contest"))
                return 0
            }
            files = [ledger.file(forJudge: judge.id)!] + ledger.deliveries(toJudge: judge.id)
        }
        for f in files { try f.refresh() }
        var problems = 0
        let deliveries = Set(ledger.deliveries.flatMap { $0 }.map { ObjectIdentifier($0) } + [ObjectIdentifier(ledger.witnessFile)])
        // A delivery or the witness with nothing in it is not worth a line.
        for f in files where !(deliveries.contains(ObjectIdentifier(f)) && f.lineCount == 0 && f.broken == nil) {
            let rel = f.displayPath
            if let b = f.broken {
                problems += 1
                say("BROKEN    " + b.describe(rel, in: language))
            } else {
                say(language.t("ok        \(rel): \(f.lineCount) บรรทัด ท้ายสุด \(f.headHex.prefix(16))",
                       "ok        \(rel): \(f.lineCount) lines, head \(f.headHex.prefix(16))"))
            }
        }
        if !all {
            say(language.t("note      ไม่ได้อ่านสมุดคะแนนของกรรมการคนอื่น: กรรมการตรวจได้เฉพาะของตน",
                   "note      the other judges' files are not read: a judge verifies their own"))
        }
        let book = all ? SheetBook(ledger: ledger) : nil
        let delivered = ChairStream(files: Array(files.dropFirst()))
        let violations = book?.violations
            ?? (SheetBook.judgeFold(contest: contest, judgeID: files[0].name, judgeEvents: files[0].events, chairEvents: delivered.events).violations
                + delivered.violations)
        for v in violations { problems += 1; say("VIOLATION " + v.description(in: language)) }
        if let book {
            for p in Checkpoints.problemWords(ledger, checkpoints: book.checkpoints) { problems += 1; say("CHECKPOINT " + p.text(language)) }
            let deliveries = ledger.deliveryFindingWords()
            for p in deliveries.problems { problems += 1; say("DELIVERY  " + p.text(language)) }
            for p in deliveries.pending { say("note      " + p.text(language)) }
            if let previous = contest.previousRound {
                let custody = Custody.problems(contest, directory: dir, language: language) { d in
                    try ContestFolder.ledger(of: try ContestFolder.loadContest(d), in: d)
                }
                for p in custody { problems += 1; say("ROUND     " + p) }
                if custody.isEmpty {
                    say(language.t("ROUND ok  \(previous.folder): สมุดคะแนนยังต่อจากตราผลคะแนน \(previous.seal.prefix(16)) และบรรทัดคัดเข้ารอบที่ "
                             + "\(previous.advanceFile):\(previous.advanceSeq) ระบุผลงานของรอบนี้ครบ \(contest.entries.count) ชิ้นพอดี",
                           "ROUND ok  \(previous.folder): its ledger extends the seal \(previous.seal.prefix(16)) and its advance at "
                             + "\(previous.advanceFile):\(previous.advanceSeq) lists exactly this round's \(contest.entries.count) entries"))
                }
            }
            for stray in ledger.strayFiles() {
                say(language.t("note      \(ContestFolder.ledgerFolder)/\(stray): ไม่ใช่ของผู้ใดในการประกวดนี้ ไม่ได้อ่าน",
                       "note      \(ContestFolder.ledgerFolder)/\(stray): belongs to nobody of this contest; not read"))
            }
        }
        // A fork a sync met stays a problem until a chair resolves it (docs/sync.md).
        for f in Sync.keptForks(in: dir, contest: contest) where all || f.judge == files[0].name {
            problems += 1
            say(language.t("FORK      \(f.file): สายของกรรมการ \(f.judge) แยกเป็นสองฉบับ อีกฉบับเก็บไว้ที่ \(f.path) ประธานกรรมการต้องตัดสิน: "
                     + "khanaen fork resolve --judge \(f.judge) --keep mine|theirs|both --reason …",
                   "FORK      \(f.file): judge \(f.judge)'s file forked; the other side is kept as \(f.path); a chair resolves it: "
                     + "khanaen fork resolve --judge \(f.judge) --keep mine|theirs|both --reason …"))
        }
        for w in files.flatMap(\.warningWords) { say("note      \(w.text(language))") }
        for f in files where f.ownerUnknown {
            say(language.t("note      \(f.displayPath): ไม่ได้ตรวจเจ้าของแฟ้ม: เครื่องนี้ไม่รู้จักผู้ใช้ \(f.owner ?? "")",
                   "note      \(f.displayPath): its owner is not checked: the login \(f.owner ?? "") is unknown on this machine"))
        }
        var sealToCheck = args.value("seal")
        if let printed = args.value("printed") {
            switch PrintedPaper.check(printed, files: files, language: language, say: say) {
            case .line(let p): problems += p
            case .notALine where all: sealToCheck = sealToCheck ?? printed
            case .notALine:
                problems += 1
                say(language.t("PRINTED   ไม่มีบรรทัดใดในแฟ้มของท่านที่มีค่าท้ายสุด \(printed): บรรทัดที่พิมพ์ไว้ถูกตัดหรือเขียนใหม่",
                       "PRINTED   no line of your file has the head \(printed): the printed lines were cut or rewritten"))
            }
        }
        if let seal = sealToCheck {
            guard let book else {
                throw NotAllowed(th: "--seal ต้องอ่านสมุดคะแนนของกรรมการทุกคน ซึ่งมีแต่ประธานกรรมการที่อ่านได้",
                                 en: "--seal needs every judge's file, which only the chairs can read")
            }
            let found = Checkpoints.sealed(seal, ledger, checkpoints: book.checkpoints)
            if found.isEmpty {
                problems += 1
                say(language.t("SEAL      ไม่มีจุดตรวจใดที่มีตราผลคะแนนขึ้นต้นด้วย \(seal): ตรานี้ไม่ได้ทำจากสมุดคะแนนนี้ หรือแฟ้มที่เก็บไว้ทำหายไป",
                       "SEAL      no checkpoint records a seal starting \(seal): it was not made from this ledger, or the file that held it lost it"))
            }
            for (c, missing) in found {
                let at = "\(Ledger.displayPath(ofFile: c.file)):\(c.seq) (\(Timestamp.format(c.time)), " + (language.t("โดย", "by")) + " \(c.actor))"
                if missing.isEmpty {
                    say(language.t("SEAL ok   สมุดคะแนนวันนี้ต่อจากสมุดคะแนนที่ประทับตรา \(c.checkpoint.seal ?? seal) ไว้ที่ \(at)",
                           "SEAL ok   today's ledger extends the one sealed \(c.checkpoint.seal ?? seal) at \(at)"))
                } else {
                    problems += 1
                    say(language.t("SEAL      สมุดคะแนนวันนี้ไม่ได้ต่อจากสมุดคะแนนที่ประทับตรา \(c.checkpoint.seal ?? seal) ไว้ที่ \(at):",
                           "SEAL      today's ledger does not extend the one sealed \(c.checkpoint.seal ?? seal) at \(at):"))
                    for m in missing { say("            " + m.text(language)) }
                }
            }
        }
        return problems > 0 ? 1 : 0
    }
}
