import KhanaenCore

struct EligibilityCommand: Command {
    static let name = "eligibility"
    static let summary = "checks each entry against the contest's eligibility rules"
    static let usage = """
    usage: khanaen eligibility [--format table|json] [--lang th|en] [--contest DIR]

    Checks every entry against the rules of contest.json's eligibility block
    (docs/contest-format.md): in real use long enough (in-use), entered by a local
    government (local-government), not a previous winner (not-previous-winner), and a
    digital innovation (digital, which only the chair can decide). Each entry passes,
    fails, or needs review; a chair's decision stands over what the rules compute.

    options:
      --format F   table (default) or json:
                   {"entries": [{"id", "status", "rules": [{"id", "status", "reason"}]}]}
      --lang L     th (default) or en, for the reasons

    """
    static let options = OptionSpec(values: ["format", "lang", "contest"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let format = args.value("format") ?? "table"
        guard ["table", "json"].contains(format) else { throw UsageError("--format must be table or json") }
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        guard let config = contest.eligibility else {
            throw InputError("\(dir)/\(ContestFolder.contestFile): eligibility: missing; add the block to check entries (docs/contest-format.md)")
        }
        // The chair's decisions (entry id → pass or fail and why) go here once they are recorded.
        let decisions: [String: EligibilityDecision] = [:]
        let results = EligibilityRules.evaluate(contest.entries, config: config, decisions: decisions)
        ctx.out(format == "json" ? EligibilityReport.json(results, language: language)
                    : EligibilityReport.table(results, contest: contest, language: language))
        return 0
    }
}
