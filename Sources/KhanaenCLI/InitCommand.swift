import KhanaenCore

struct InitCommand: Command {
    static let name = "init"
    static let summary = "make a new contest folder from the sample contest, without its ledger"
    static let usage = """
    usage: khanaen init DIR

    Creates DIR with the sample contest's contest.json and entries.json and an empty
    ledger/ folder. Edit the two files for your contest (docs/contest-format.md), then
    `khanaen verify --contest DIR` checks them. DIR must not exist or be empty.

    """
    static let options = OptionSpec(positionals: 1...1, positionalName: "DIR")

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let target = args.positionals[0]
        let source = try ContestLocation.sampleFolder(ctx)
        try ContestLocation.copyAtomically(from: source, to: target, includeLedger: false)
        _ = try ContestFolder.loadContest(target)
        ctx.out("created \(target): edit contest.json and entries.json, then khanaen verify --contest \(target)\n")
        return 0
    }
}
