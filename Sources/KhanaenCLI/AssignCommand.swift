import KhanaenCore
import KhanaenText

/// `khanaen assign --dry-run`: who would judge what, as CSV, with a summary a chair can
/// check (loads, the judges' overlap, entries short of K and why).
struct AssignCommand: Command {
    static let name = "assign"
    static let summary = "propose who judges which entry: K judges each, no conflict of interest, even loads (CSV)"
    static let usage = """
    usage: khanaen assign --per-entry K --dry-run [--max-load N] [--seed N] [--lang th|en] [--contest DIR]

    Computes an assignment: every eligible entry gets K judges; no judge is given an entry
    they are in conflict with (khanaen conflicts); no judge gets more than --max-load
    entries or their own maxLoad in contest.json; the loads are as even as that allows; and
    the judges are linked through shared entries, every pair sharing one where the numbers
    allow. The same contest, ledger and seed give the same assignment (docs/scoring.md).

    --dry-run prints it as CSV on standard output (a header `entry,judge`, then one pair a
    line) and a summary on standard error. Entries that cannot get K judges are named with
    how many judges are free of conflict for them; then the exit code is 2.
    For the chairs (and root); in an open contest, anyone.

    """
    static let options = OptionSpec(values: ["per-entry", "max-load", "seed", "lang", "contest"], flags: ["dry-run"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        guard let k = Int(try args.required("per-entry")), k >= 1 else { throw UsageError("--per-entry must be a whole number of at least 1") }
        var maxLoad: Int? = nil
        if let text = args.value("max-load") {
            guard let n = Int(text), n >= 1 else { throw UsageError("--max-load must be a whole number of at least 1") }
            maxLoad = n
        }
        var seed: UInt64 = 1
        if let text = args.value("seed") {
            guard let n = UInt64(text) else { throw UsageError("--seed must be a whole number") }
            seed = n
        }
        guard args.has("dry-run") else {
            throw UsageError("give --dry-run: the assignment is printed for the chair to check; writing it to the ledger is not part of this version")
        }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: "an assignment")
        if k > contest.judges.count {
            throw UsageError("--per-entry \(k): the contest has \(contest.judges.count) judges")
        }
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let book = SheetBook(ledger: ledger)
        let ineligible = EligibilityRules.ineligible(book)
        let rules = Conflicts.matrix(Conflicts.computed(contest), contest: contest)
        let problem = AssignmentProblem(
            entryCount: contest.entries.count, judgeCount: contest.judges.count, perEntry: k,
            caps: contest.judges.map { j in [maxLoad, j.maxLoad].compactMap { $0 }.min() },
            // The rules' conflicts and the judges' own declarations (their recusals in force).
            conflicted: contest.entries.indices.map { e in
                contest.judges.indices.map { j in rules[e][j] || book.sheet(judge: j, entry: e).status == .recused }
            },
            skipped: contest.entries.indices.map { ineligible[$0] != nil }, seed: seed)
        let result = AssignmentSolver.solve(problem)

        var csv = "entry,judge\n"
        for (e, judges) in result.judgesOf.enumerated() {
            for j in judges { csv += "\(contest.entries[e].id),\(contest.judges[j].id)\n" }
        }
        ctx.out(csv)
        for line in summary(result, contest: contest, k: k, skipped: ineligible.count, language: language) { ctx.err(TerminalText.safe(line) + "\n") }
        return result.short.isEmpty ? 0 : 2
    }

    /// The summary's lines, each to be made safe for a terminal.
    static func summary(_ r: AssignmentResult, contest: Contest, k: Int, skipped: Int, language: Language) -> [String] {
        let th = language == .th
        let given = r.judgesOf.filter { !$0.isEmpty }.count
        var lines: [String] = []
        let loads = r.loads.isEmpty ? "" : "\(r.loads.min()!)–\(r.loads.max()!)"
        lines.append(th ? "มอบหมายผลงาน \(given) รายการ รายการละ \(k) คน · ภาระต่อกรรมการ \(loads) รายการ"
                          + (skipped > 0 ? " · ไม่มอบหมาย \(skipped) รายการที่ไม่ผ่านคุณสมบัติ" : "")
                        : "assigned \(given) entries, \(k) judges each · load per judge \(loads)"
                          + (skipped > 0 ? " · \(skipped) ineligible entries left out" : ""))
        let each = contest.judges.indices.map { "\(contest.judges[$0].id) \(r.loads[$0])" }.joined(separator: ", ")
        lines.append((th ? "ภาระ: " : "loads: ") + each)
        if let overlap = r.minOverlap {
            if r.pairsApart == 0 {
                lines.append(th ? "กรรมการทุกคู่ให้คะแนนผลงานร่วมกันอย่างน้อย \(overlap) รายการ"
                                : "every pair of judges shares at least \(overlap) entries")
            } else {
                lines.append(th ? "กรรมการ \(r.pairsApart) คู่ไม่มีผลงานร่วมกัน" + (r.overlapPossible ? "" : " (ผลงานมีไม่พอให้ทุกคู่)")
                                : "\(r.pairsApart) pairs of judges share no entry" + (r.overlapPossible ? "" : " (too few entries for every pair)"))
            }
            lines.append(r.connected ? (th ? "กรรมการทุกคนเชื่อมถึงกันผ่านผลงานที่ให้คะแนนร่วม" : "every judge is linked to every other through shared entries")
                                     : (th ? "กรรมการแยกเป็นกลุ่มที่ไม่มีผลงานร่วมกัน: เทียบคะแนนข้ามกลุ่มไม่ได้" : "the judges fall into groups that share no entry"))
        }
        for s in r.short {
            let id = contest.entries[s.entry].id
            lines.append(th ? "ผลงาน \(id) ได้กรรมการ \(s.assigned) จาก \(k) คน: มีกรรมการที่ไม่มีส่วนได้เสียเพียง \(s.free) คน"
                            : "entry \(id) has \(s.assigned) of \(k) judges: only \(s.free) judges are free of conflict for it")
        }
        return lines
    }
}

/// `khanaen conflicts`: every conflict of interest the contest's rules give, with its cause.
struct ConflictsCommand: Command {
    static let name = "conflicts"
    static let summary = "list the conflicts of interest: which judge may not judge which entry, and why"
    static let usage = """
    usage: khanaen conflicts [--format table|json] [--lang th|en] [--contest DIR]

    Lists every pair of judge and entry in conflict, with its cause: the same province as
    the judge, or one of the judge's organisations (contest.json's conflictRules, and each
    judge's province and organisations; docs/contest-format.md), or the judge's own
    declaration (`khanaen conflict declare`, a recusal) with its ground, reason and time.
    A judge sees their own; the chairs and root every judge's.

    """
    static let options = OptionSpec(values: ["format", "lang", "contest"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let format = args.value("format") ?? "table"
        guard ["table", "json"].contains(format) else { throw UsageError("--format must be table or json") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        var conflicts = Conflicts.computed(contest)
        let ledger = Ledger(contest: contest, directory: dir + "/" + ContestFolder.ledgerFolder)
        var judges = Array(contest.judges.indices)
        let chairEvents: [LedgerEvent]
        if contest.access == .logins, !Identity.mayReadAllScores(contest, login: ctx.login, uid: ctx.uid) {
            guard let own = contest.judges.firstIndex(where: { $0.user == ctx.login }) else {
                throw NotAllowed("the login \"\(ctx.login)\" is neither a judge nor a chair of this contest")
            }
            conflicts = conflicts.filter { $0.judge == own }
            judges = [own]
            try ledger.refreshJudge(contest.judges[own].id)
            chairEvents = ledger.deliveredStream(toJudge: contest.judges[own].id).events
        } else {
            for f in ledger.chairFiles { try f.refresh() }
            for j in judges { try ledger.judgeFiles[j].refresh() }
            chairEvents = ledger.chairStream.events
        }
        conflicts += Conflicts.declared(rows: judges.map { j in
            let events = ledger.judgeFiles[j].events
            return (j, SheetBook.judgeSheets(contest: contest, judgeID: contest.judges[j].id, judgeEvents: events, chairEvents: chairEvents), events)
        })
        conflicts.sort { ($0.judge, $0.entry) < ($1.judge, $1.entry) }
        func cause(_ c: Conflict) -> (code: String, words: String) {
            switch c.cause {
            case .rule(.province):
                return ("province", language == .th ? "จังหวัดเดียวกับกรรมการ (\(contest.entries[c.entry].province))"
                                                    : "the judge's province (\(contest.entries[c.entry].province))")
            case .rule(.organisation):
                return ("organisation", language == .th ? "หน่วยงานของกรรมการ (\(contest.entries[c.entry].organisation))"
                                                        : "the judge's organisation (\(contest.entries[c.entry].organisation))")
            case .declared(let ground, let reason, let time):
                let when = ThaiDate.moment(time, zone: contest.timeZone, language: language)
                return ("declared:" + ground.rawValue, (language == .th ? "กรรมการแจ้งเอง: \(ground.thai) — \(reason) (\(when))"
                                                                         : "declared by the judge: \(ground.english) — \(reason) (\(when))"))
            }
        }
        if format == "json" {
            let items: [JSONValue] = conflicts.map { c in
                .obj([("judge", .string(contest.judges[c.judge].id)), ("entry", .string(contest.entries[c.entry].id)),
                      ("cause", .string(cause(c).code)), ("reason", .string(cause(c).words))])
            }
            ctx.out(String(decoding: JSONWriter.bytes(.arr(items), indent: 2), as: UTF8.self) + "\n")
            return 0
        }
        if conflicts.isEmpty {
            ctx.out(language == .th ? "ไม่มีกรรมการที่มีส่วนได้เสียกับผลงานใด\n" : "no judge is in conflict with any entry\n")
            return 0
        }
        let table = TextTable([.init(language == .th ? "กรรมการ" : "judge", width: 8), .init(language == .th ? "ผลงาน" : "entry", width: 8),
                               .init(language == .th ? "เหตุ" : "cause", minWidth: 20)])
        let widths = table.widths(total: 80)
        ctx.out(TerminalText.safe(table.header(widths: widths)) + "\n")
        for c in conflicts {
            ctx.out(TerminalText.safe(table.line([contest.judges[c.judge].id, contest.entries[c.entry].id, cause(c).words], widths: widths)) + "\n")
        }
        return 0
    }
}
