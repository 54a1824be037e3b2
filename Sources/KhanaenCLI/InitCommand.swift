import KhanaenCore
import KhanaenText

struct InitCommand: Command {
    static let name = "init"
    static let summary = "make a new contest folder from the sample contest, without its ledger"
    static let usage = """
    usage: khanaen init DIR

    Creates DIR with the sample contest's contest.json and entries.json and an empty
    ledger/ folder. Edit the two files for your contest (docs/contest-format.md), then
    `khanaen verify --contest DIR` checks them. DIR must not exist or be empty. The new
    contest's access is "logins": who judges is decided by the operating system's logins
    (docs/access.md; `khanaen access apply` sets the files' owners and modes).

    """
    static let options = OptionSpec(positionals: 1...1, positionalName: "DIR")

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let target = args.positionals[0]
        let source = try ContestLocation.sampleFolder(ctx)
        // A contest made for real judging is guarded by the logins (docs/access.md).
        try ContestLocation.copyAtomically(from: source, to: target, includeLedger: false) { json in
            json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"_access\"") }
                .joined(separator: "\n").replacingOccurrences(of: "\"access\": \"open\"", with: "\"access\": \"logins\"")
        }
        _ = try ContestFolder.loadContest(target)
        ctx.out("created \(TerminalText.safe(target)): edit contest.json and entries.json, then khanaen verify --contest \(TerminalText.safe(target))\n")
        return 0
    }
}
