import KhanaenCore
import KhanaenText

/// `khanaen conflict declare`: a judge declares a conflict of interest with an entry, on a
/// ground of the Administrative Procedure Act, as a line in their own ledger (a recusal with
/// its ground): the sheet no longer counts and the judge can no longer change it; only a
/// chair's reopen undoes it.
struct ConflictCommand: Command {
    static let name = "conflict"
    static let summary = "a judge declares a conflict of interest with an entry (ม.13 or ม.16), with a reason"
    static let usage = """
    usage: khanaen conflict declare --entry E --ground G --reason TEXT [--judge J] [--lang th|en] [--contest DIR]

    Records that you, the judge your login is, have a stake in entry E and do not judge it
    (มีส่วนได้เสีย), on ground G of the Administrative Procedure Act B.E. 2539:
      party           เป็นคู่กรณีเอง (ม.13(1))
      spouse          เป็นคู่หมั้นหรือคู่สมรสของคู่กรณี (ม.13(2))
      relative        เป็นญาติของคู่กรณี (ม.13(3))
      representative  เป็นหรือเคยเป็นผู้แทนหรือตัวแทนของคู่กรณี (ม.13(4))
      creditor        เป็นเจ้าหนี้ ลูกหนี้ หรือนายจ้างของคู่กรณี (ม.13(5))
      other           เหตุอื่นที่อาจทำให้การพิจารณาไม่เป็นกลาง (ม.16)
    The sheet no longer counts and can no longer be changed; only a chair can reopen it.
    `khanaen recuse` is the same with the ground "other". `khanaen conflicts` lists them.

    """
    static let options = OptionSpec(values: ["judge", "entry", "ground", "reason", "lang", "contest"], positionals: 1...1,
                                     positionalName: "declare")

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard args.positionals.first == "declare" else { throw UsageError("the only action is `declare`") }
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let entry = try args.required("entry"), reason = try args.required("reason"), word = try args.required("ground")
        guard let ground = ConflictGround(rawValue: word) else {
            throw UsageError("--ground must be one of \(ConflictGround.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(word.terminalSafe)\"")
        }
        let dir = try ContestLocation.resolve(args, ctx)
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
}
