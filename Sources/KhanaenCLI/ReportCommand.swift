import KhanaenCore

struct ReportCommand: Command {
    static let name = "report"
    static let summary = "totals, ranking, proposed awards and flags (table, json, csv or md)"
    static let usage = """
    usage: khanaen report [--method mean|median|trimmed|normalised] [--format table|json|csv|md]
                          [--include-drafts] [--output FILE [--force]] [--lang th|en]

    Computes every entry's score by the method (docs/scoring.md), ranks the entries with
    the contest's tie-break order, proposes the award tiers, applies the chair's overrides
    and lists the flags. table is aligned for a terminal; md is the announcement, one
    table per award tier; json and csv are for other tools. Every format ends with, or
    contains, the results seal: a SHA-256 over the report and every ledger head.

    options:
      --method M         mean (default), median, trimmed or normalised
      --format F         table (default), json, csv or md
      --include-drafts   also count complete sheets not yet submitted (the output says so)
      --output FILE      write to FILE (atomically) instead of standard output
      --force            replace FILE when it exists
      --lang L           th (default) or en, for the table

    """
    static let options = OptionSpec(values: ["method", "format", "output", "lang", "contest"], flags: ["include-drafts", "force"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let method = try parseMethod(args.value("method"))
        let format = args.value("format") ?? "table"
        guard ["table", "json", "csv", "md"].contains(format) else { throw UsageError("--format must be table, json, csv or md") }
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let dir = try ContestLocation.resolve(args, ctx)
        let ledger = try ContestFolder.load(dir)
        if format != "table" {
            for w in ledger.warnings { ctx.err("khanaen: warning: \(w)\n") }
            for b in ledger.breaks { ctx.err("khanaen: warning: \(b.file.path):\(b.problem.line): \(b.problem.message); the report uses the lines before it\n") }
        }
        let results = Scoring.compute(SheetBook(ledger: ledger), method: method, includeDrafts: args.has("include-drafts"))
        let summary = ledger.summary
        let text: String
        switch format {
        case "json": text = ReportJSON.text(results, ledger: summary)
        case "csv": text = ReportCSV.text(results, contest: ledger.contest)
        case "md": text = ReportMarkdown.text(results, ledger: summary)
        default: text = ReportTable.text(results, ledger: summary, language: language)
        }
        if let output = args.value("output") {
            let file = format == "csv" ? ReportCSV.byteOrderMark + text : text
            try AtomicFile.write(Array(file.utf8), to: output, overwrite: args.has("force"))
            ctx.err("khanaen: wrote \(output)\n")
        } else {
            ctx.out(text)
        }
        return 0
    }

    static func parseMethod(_ text: String?) throws -> Method {
        guard let text else { return .mean }
        guard let m = Method(rawValue: text) else { throw UsageError("--method must be mean, median, trimmed or normalised") }
        return m
    }
}
