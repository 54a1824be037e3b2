import KhanaenCore
import KhanaenText

struct VerifyCommand: Command {
    static let name = "verify"
    static let summary = "check the contest files, every ledger chain and its rules; one line per file"
    static let usage = """
    usage: khanaen verify [--seal HEX] [--contest DIR]

    Checks contest.json and entries.json, then every ledger file line by line: its format,
    its sequence numbers and its hash chain (docs/ledger.md); every line against the
    contest's rules (a score above its maximum, a change to a submitted sheet with no
    reopen, another judge as its actor…); and every judge file against the checkpoints of
    the chair's file (a file cut back, rolled back or replaced). Prints one line per file
    with its line count and head hash, then one line per problem. Exit code 1 when any.
    A judge (in a contest whose access is by logins) verifies their own file and the chair's.

    options:
      --seal HEX     whether today's ledger still extends the one a published report's seal
                     (its first 12 or more hex digits) was computed on: the report recorded
                     its seal in a checkpoint

    """
    static let options = OptionSpec(values: ["contest", "seal"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        if let seal = args.value("seal") {
            guard seal.utf8.count >= 12, seal.utf8.count <= 64, seal.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                throw UsageError("--seal takes 12 to 64 lower-case hex digits of a results seal")
            }
        }
        let ledger = Ledger(contest: contest, directory: dir + "/" + ContestFolder.ledgerFolder)
        let all = Identity.mayReadAllScores(contest, login: ctx.login, uid: ctx.uid)
        var files = ledger.allFiles
        func say(_ line: String) { ctx.out(TerminalText.safe(line) + "\n") }
        if !all {
            // A judge can read only their own file: they check it, and the chair's.
            guard let judge = contest.judge(forUser: ctx.login) else {
                say("ok        \(ContestFolder.contestFile) and \(ContestFolder.entriesFile): \(contest.entries.count) entries, "
                    + "\(contest.judges.count) judges")
                say("note      the ledger files are not read: the login \"\(ctx.login)\" is neither a judge nor a chair of this contest")
                return 0
            }
            files = [ledger.file(forJudge: judge.id)!, ledger.chairFile]
        }
        for f in files { try f.refresh() }
        var problems = 0
        for f in files {
            let rel = ContestFolder.ledgerFolder + "/" + f.name + ".jsonl"
            if let b = f.broken {
                problems += 1
                say("BROKEN    " + b.describe(rel))
            } else {
                say("ok        \(rel): \(f.lineCount) lines, head \(f.headHex.prefix(16))")
            }
        }
        if !all { say("note      the other judges' files are not read: a judge verifies their own") }
        let book = all ? SheetBook(ledger: ledger) : nil
        let violations = book?.violations
            ?? SheetBook.judgeFold(contest: contest, judgeID: files[0].name, judgeEvents: files[0].events, chairEvents: ledger.chairFile.events).violations
        for v in violations { problems += 1; say("VIOLATION " + v.description) }
        if let book {
            for p in Checkpoints.problems(ledger, checkpoints: book.checkpoints) { problems += 1; say("CHECKPOINT " + p) }
            for stray in ledger.strayFiles() { say("note      \(ContestFolder.ledgerFolder)/\(stray): belongs to no judge of this contest; not read") }
        }
        for w in files.flatMap(\.warnings) { say("note      \(w)") }
        if let seal = args.value("seal") {
            guard let book else { throw NotAllowed("--seal needs every judge's file, which only the chairs can read") }
            let found = Checkpoints.sealed(seal, ledger, checkpoints: book.checkpoints)
            if found.isEmpty {
                problems += 1
                say("SEAL      no checkpoint of the chair's file records a seal starting \(seal): it was not made from this ledger, or the chair's file lost it")
            }
            for (c, missing) in found {
                let at = "\(ContestFolder.ledgerFolder)/chair.jsonl:\(c.seq) (\(Timestamp.format(c.time)), by \(c.actor))"
                if missing.isEmpty {
                    say("SEAL ok   today's ledger extends the one sealed \(c.checkpoint.seal ?? seal) at \(at)")
                } else {
                    problems += 1
                    say("SEAL      today's ledger does not extend the one sealed \(c.checkpoint.seal ?? seal) at \(at):")
                    for m in missing { say("            " + m) }
                }
            }
        }
        return problems > 0 ? 1 : 0
    }
}
