import Foundation
import KhanaenCore
import KhanaenText

struct EligibilityCommand: Command {
    static let name = "eligibility"
    static let summary = Phrase("ตรวจคุณสมบัติของผลงานตามกติกา ประธานกรรมการวินิจฉัย",
                                "check each entry's eligibility by the rules; the chair decides")
    static let usage = Phrase("""
    วิธีใช้: khanaen eligibility [--format table|json] [--wide] [--lang th|en]
                              [--contest DIR]
          khanaen eligibility --entry E --decide pass|fail|auto --reason TEXT
                              [--chair USER] [--lang th|en] [--contest DIR]

    ตรวจผลงานทุกรายการตามกติกาในส่วน eligibility ของ contest.json
    (docs/contest-format.md): ใช้งานจริงนานพอ (in-use) ส่งโดยองค์กรปกครองส่วนท้องถิ่น
    (local-government) ไม่เคยได้รับรางวัลมาก่อน (not-previous-winner) และเป็นนวัตกรรมดิจิทัล
    (digital ซึ่งประธานกรรมการเท่านั้นวินิจฉัยได้) ผลงานแต่ละรายการผ่าน ไม่ผ่าน หรือต้องพิจารณา
    คำวินิจฉัยของประธานกรรมการมีผลเหนือผลที่กติกาคำนวณ และแสดงพร้อมผู้วินิจฉัย เวลา และเหตุผล

    เมื่อใช้ --decide ประธานกรรมการลงคำวินิจฉัยต่อผลงาน E ในสมุดคะแนนของประธานกรรมการ: pass
    (ผ่าน) หรือ fail (ไม่ผ่าน) เหนือผลของกติกา หรือ auto ถอนคำวินิจฉัย ให้ผลของกติกามีผลอีกครั้ง
    ผลงานที่ไม่ผ่าน (ตามคำวินิจฉัยของประธานกรรมการ หรือตามกติกาเมื่อไม่มีคำวินิจฉัย) จะไม่ถูกจัดอันดับและ
    ไม่ได้รับรางวัล และแสดงเป็นไม่จัดอันดับพร้อมเหตุผล ส่วนผลงานที่ต้องพิจารณายังจัดอันดับ เฉพาะ
    ประธานกรรมการวินิจฉัยได้ (บัญชีผู้ใช้ของคุณต้องเป็นประธานกรรมการคนหนึ่งของการประกวด) คำวินิจฉัยที่
    ถูกปฏิเสธจะไม่เขียนสิ่งใด

    ตัวเลือก:
      --wide           ตารางแบบยาว ผลงานละหนึ่งบรรทัดพร้อมเหตุผล ไม่ว่าจะกว้างเท่าใด ถ้าไม่ใช้
                       ตารางจะพอดีกับเทอร์มินัล (หรือ $COLUMNS ถ้าไม่มี 80 คอลัมน์) และเหตุผลของ
                       แต่ละผลงานจะตัดบรรทัดอยู่ใต้แถวของผลงาน
      --format F       table (ค่าตั้งต้น) หรือ json:
                       {"entries": [{"id", "status",
                                   "rules": [{"id", "status", "reason"}],
                                   "decision"?: {"status", "by", "at", "reason"}}]}
      --lang L         th (ค่าตั้งต้น) หรือ en สำหรับเหตุผลและการยืนยัน
      --entry E        ใช้กับ --decide: รหัสของผลงาน
      --decide D       pass fail หรือ auto
      --reason TEXT    ใช้กับ --decide: เหตุผลเป็นถ้อยคำ (ต้องระบุ)
      --chair USER     ใช้ได้เฉพาะการประกวดแบบเปิด: ประธานกรรมการผู้ดำเนินการ

    """, """
    usage: khanaen eligibility [--format table|json] [--wide] [--lang th|en]
                               [--contest DIR]
           khanaen eligibility --entry E --decide pass|fail|auto --reason TEXT
                               [--chair USER] [--lang th|en] [--contest DIR]

    Checks every entry against the rules of contest.json's eligibility block
    (docs/contest-format.md): in real use long enough (in-use), entered by a local
    government (local-government), not a previous winner (not-previous-winner), and
    a digital innovation (digital, which only the chair can decide). Each entry
    passes, fails, or needs review; a chair's decision stands over what the rules
    compute, and is shown with who made it, when and why.

    With --decide, a chair records a decision on entry E in the chair's ledger: pass
    or fail, over what the rules say, or auto to withdraw the decision so the rules'
    result stands again. An entry that fails (by the chair's decision, or by the
    rules with no decision) is left out of the ranking and the awards and listed
    unranked with the reason; one that needs review is ranked. Only a chair may
    decide (your login must be one of the contest's chairs); a refused decision
    writes nothing.

    options:
      --wide           the table's long form, one line an entry with its reasons,
                       however wide; without it the table fits the terminal (or
                       $COLUMNS, else 80 columns) and each entry's reasons are
                       wrapped under its row
      --format F       table (default) or json:
                       {"entries": [{"id", "status",
                                   "rules": [{"id", "status", "reason"}],
                                   "decision"?: {"status", "by", "at", "reason"}}]}
      --lang L         th (default) or en, for the reasons and the confirmation
      --entry E        with --decide: the entry's id
      --decide D       pass, fail or auto
      --reason TEXT    with --decide: why, in words (required)
      --chair USER     only in an open contest: the chair acting

    """)
    static let options = OptionSpec(values: ["format", "lang", "contest", "entry", "decide", "reason", "chair"], flags: ["wide"])

    /// The terminal's width when standard output is one, else $COLUMNS, else 80.
    static func terminalWidth(_ ctx: CommandContext) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        if let c = ctx.environment["COLUMNS"].flatMap({ Int($0) }), c >= 20 { return c }
        return 80
    }

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        if args.value("decide") != nil {
            if args.has("wide") { throw UsageError(th: "--wide ใช้กับตาราง ไม่ใช้กับ --decide", en: "--wide is for the table, not --decide") }
            return try decide(args, ctx, language: language)
        }
        for option in ["entry", "reason", "chair"] where args.value(option) != nil {
            throw UsageError(th: "--\(option) ใช้คู่กับ --decide", en: "--\(option) goes with --decide")
        }
        let format = args.value("format") ?? "table"
        guard ["table", "json"].contains(format) else { throw UsageError(th: "--format ต้องเป็น table หรือ json", en: "--format must be table or json") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        guard let config = contest.eligibility else {
            throw InputError(th: "\(dir)/\(ContestFolder.contestFile): eligibility: ขาดหายไป เพิ่มส่วนนี้เพื่อตรวจคุณสมบัติผลงาน (docs/contest-format.md)", en: "\(dir)/\(ContestFolder.contestFile): eligibility: missing; add the block to check entries (docs/contest-format.md)")
        }
        // A judge reads the rulings delivered to them; the chairs and root the chairs' own
        // files. Neither holds a score, so anyone of the panel can run this.
        let ledger = Ledger(contest: contest, directory: dir + "/" + ContestFolder.ledgerFolder)
        let files: [LedgerFile]
        if let judge = contest.judge(forUser: ctx.login), contest.access == .logins {
            files = ledger.deliveries(toJudge: judge.id)
        } else {
            files = ledger.chairFiles
        }
        var readable: [LedgerFile] = []
        for f in files {
            do {
                try f.refresh()
                readable.append(f)
            } catch {
                ctx.err(TerminalText.safe(language.t("khanaen: คำเตือน: \(error.said(in: .th)) ไม่ได้อ่านคำวินิจฉัยของประธานกรรมการในแฟ้มนี้",
                                                     "khanaen: warning: \(error.said(in: .en)); the chairs' rulings in it are not read")) + "\n")
                continue
            }
            if let broken = f.broken {
                let unread = broken.line > 0 ? Phrase("ไม่ได้อ่านคำวินิจฉัยตั้งแต่บรรทัดนั้นไป", "the decisions from that line on are not read")
                    : Phrase("ไม่ได้อ่านคำวินิจฉัยใดในแฟ้มนี้", "no decision in it is read")
                ctx.err(TerminalText.safe(language.t("khanaen: คำเตือน: \(broken.describe(f.displayPath, in: .th)) \(unread.th) (khanaen verify บอกรายละเอียด)",
                                                     "khanaen: warning: \(broken.describe(f.displayPath)); \(unread.en) (khanaen verify says more)")) + "\n")
            }
        }
        let book = SheetBook(contest: contest, judgeEvents: [], chairEvents: ChairStream(files: readable).events)
        let results = EligibilityRules.evaluate(contest.entries, config: config, decisions: EligibilityRules.decisions(book))
        ctx.out(format == "json" ? EligibilityReport.json(results, language: language)
                    : EligibilityReport.table(results, contest: contest, language: language,
                                              width: args.has("wide") ? nil : terminalWidth(ctx), words: WordBreaker.libthai() ?? .icu))
        return 0
    }

    /// The chair's decision on one entry, written to the chair's ledger, then one line saying so.
    static func decide(_ args: ParsedArguments, _ ctx: CommandContext, language: Language) throws -> Int32 {
        let outcome = args.value("decide") ?? ""
        guard ["pass", "fail", Contest.proposedAward].contains(outcome) else {
            throw UsageError(th: "--decide ต้องเป็น pass, fail หรือ auto ไม่ใช่ \"\(outcome.terminalSafe)\"", en: "--decide must be pass, fail or auto, got \"\(outcome.terminalSafe)\"")
        }
        if args.value("format") != nil { throw UsageError(th: "--format ใช้กับตาราง ส่วน --decide พิมพ์บรรทัดเดียว", en: "--format is for the table; --decide prints one line") }
        let entry = try args.required("entry"), reason = try args.required("reason")
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        guard let index = contest.entryIndex(entry) else {
            throw InputError(th: "ไม่มีผลงานรหัส \"\(entry.terminalSafe)\" ใน \(ContestFolder.entriesFile)", en: "no entry has id \"\(entry.terminalSafe)\" in \(ContestFolder.entriesFile)")
        }
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        let written = try ledger.appendChair(LedgerEvent(actor: chair, kind: .eligibility, entry: entry, text: reason, outcome: outcome))
        // What stands now: the rules' result once the decision is withdrawn.
        let computed = contest.eligibility.map { EligibilityRules.evaluate([contest.entries[index]], config: $0)[0].computed }
        let when = ThaiDate.moment(written.time, zone: contest.timeZone, language: language)
        ctx.out(TerminalText.safe(confirmation(outcome: outcome, chair: chair, entry: entry, reason: reason, when: when,
                                               computed: computed, language: language)) + "\n")
        return 0
    }

    static func confirmation(outcome: String, chair: String, entry: String, reason: String, when: String,
                             computed: EligibilityStatus?, language: Language) -> String {
        let said = language.t("บันทึกแล้ว \(when): ประธานกรรมการ (\(chair)) ", "saved \(when): \(chair) ")
        let why = language.t(" เหตุผล: \(reason)", "; reason: \(reason)")
        switch outcome {
        case "pass":
            return said + (language.t("วินิจฉัยว่าผลงาน \(entry) ผ่านคุณสมบัติ", "ruled \(entry) eligible (pass)")) + why
        case "fail":
            return said + (language.t("วินิจฉัยว่าผลงาน \(entry) ไม่ผ่านคุณสมบัติ: ไม่จัดอันดับและไม่ได้รับรางวัล",
                              "ruled \(entry) ineligible (fail): neither ranked nor awarded")) + why
        default:
            let standing = computed.map { EligibilityReport.word($0, language) }
            return said + language.t("ถอนคำวินิจฉัยคุณสมบัติของผลงาน \(entry)" + (standing.map { " ใช้ผลตามเกณฑ์: \($0)" } ?? ""),
                                     "withdrew the ruling on \(entry)" + (standing.map { "; the rules' result stands: \($0)" } ?? "")) + why
        }
    }
}
