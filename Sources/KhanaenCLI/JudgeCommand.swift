import KhanaenCore

/// The default command. Until the judge workstation lands it prints the report.
struct JudgeCommand: Command {
    static let name = "judge"
    static let summary = "open the judge workstation (for now: print the report)"
    static let usage = ReportCommand.usage
    static let options = ReportCommand.options

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        try ReportCommand.run(args, ctx)
    }
}
