import KhanaenCore

struct VerifyCommand: Command {
    static let name = "verify"
    static let summary = "check the contest files and every ledger chain; one line per file"
    static let usage = """
    usage: khanaen verify [--contest DIR]

    Checks contest.json and entries.json, then every ledger file line by line: its format,
    its sequence numbers and its hash chain (docs/ledger.md). Prints one line per file with
    its line count and head hash, or the first line at fault. Exit code 1 when any file is
    broken; a torn final line left by a crash is moved aside and reported, and is not a break.

    """
    static let options = OptionSpec(values: ["contest"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        let ledger = try ContestFolder.load(dir)
        var broken = false
        for f in ledger.allFiles {
            let rel = ContestFolder.ledgerFolder + "/" + f.name + ".jsonl"
            if let b = f.broken {
                broken = true
                ctx.out("BROKEN \(rel):\(b.line): \(b.message)\n")
            } else {
                ctx.out("ok     \(rel): \(f.lineCount) lines, head \(f.headHex.prefix(16))\n")
            }
        }
        for stray in ledger.strayFiles() { ctx.out("note   \(ContestFolder.ledgerFolder)/\(stray): belongs to no judge of this contest; not read\n") }
        for w in ledger.warnings { ctx.out("note   \(w)\n") }
        return broken ? 1 : 0
    }
}
