import Foundation
import KhanaenCore
import KhanaenPrint
import KhanaenText

/// `khanaen print`: the signed papers as Thai A4 PDF (docs/printing.md, issue 24).
struct PrintCommand: Command {
    static let name = "print"
    static let summary = "a judge's score sheet or the summary as a Thai A4 PDF to sign"
    static let usage = """
    usage: khanaen print sheet [--judge J] [--notes] [--output FILE [--force]] [--lang th|en]
           khanaen print summary [--method M] [--output FILE [--force]] [--lang th|en]
           khanaen print announcement [--method M] [--output FILE [--force]] [--lang th|en]

    sheet    one judge's score sheet (แบบบันทึกคะแนน สำหรับกรรมการรายบุคคล): one row per entry with
             the scores per criterion, the total out of 100 and the status, and the signature
             block. A judge prints their own; a chair any judge (--judge J), or without --judge
             every judge's, one file each (sheet-J.pdf, into --output DIR or exports/).
    summary  the summary (ใบสรุปผลคะแนน), for the chairs: every judge's total per entry, the
             method, the score, the rank, the proposed and decided award, the flags, and a
             signature line for every judge and the chair.
    announcement  the announcement (ประกาศผล), for the chairs, as `report --format md` shapes it:
             per award tier the winners in the announcement's order, dated in the Buddhist
             era, with the chair's signature block.

    A sheet that is not submitted (or recused) makes the paper a draft: ร่าง on every page, as
    on a summary or announcement whose results are not final. Every page's footer says page n of m and what
    the paper stands on: the judge's ledger file (its line count and head hash) for a sheet,
    the results seal for the summary and the announcement, and when it was printed. Laksaman (fonts-tlwg-laksaman)
    is embedded; Pango and Cairo are opened only here (scripts/setup.sh installs them).
    Without --output a judge's sheet is written to the current folder, a chair's to exports/.

    options:
      --judge J     the judge whose sheet to print (a chair; a judge prints only their own)
      --notes       add the judge's notes (ข้อสังเกต) under the table
      --method M    the summary's method (mean, median, trimmed, normalised); the official one by default
      --output F    the file to write (a folder for every judge's sheets)
      --force       replace F when it exists
      --lang th|en  the language of what the command says (th); the paper is Thai

    """
    static let options = OptionSpec(values: ["contest", "judge", "output", "method", "lang"], flags: ["notes", "force"],
                                    positionals: 1...1, positionalName: "what to print (sheet, summary or announcement)")

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        _ = try args.language()
        let now = Timestamp.nowMillis()
        switch args.positionals[0] {
        case "sheet": return try sheet(args, ctx, dir: dir, now: now)
        case "summary": return try summary(args, ctx, dir: dir, now: now, announcement: false)
        case "announcement": return try summary(args, ctx, dir: dir, now: now, announcement: true)
        default: throw UsageError("print sheet, summary or announcement, not \"\(TerminalText.safe(args.positionals[0]))\"")
        }
    }

    static func sheet(_ args: ParsedArguments, _ ctx: CommandContext, dir: String, now: Int64) throws -> Int32 {
        if args.value("method") != nil { throw UsageError("--method is for the summary") }
        let contest = try ContestFolder.loadContest(dir)
        let requested = args.value("judge")
        let own = contest.judge(forUser: ctx.login)
        var papers: [(judge: Contest.Judge, sheets: [Sheet], file: LedgerFile)] = []
        if let own, requested == nil || requested == own.id, !(contest.isChair(ctx.login) && requested == nil) {
            // A judge: only their own file and the chairs' deliveries to them are read.
            let mine = try ContestFolder.loadForJudge(dir, requested: requested, login: ctx.login)
            papers.append((contest.judges[contest.judgeIndex(mine.judgeID)!], mine.sheets, mine.file))
        } else {
            try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: "printing another judge's sheet")
            if let requested, contest.judgeIndex(requested) == nil {
                throw InputError("no judge has id \"\(requested)\" (judges: \(contest.judges.map(\.id).joined(separator: ", ")))")
            }
            let ledger = try ContestFolder.ledger(of: contest, in: dir)
            let book = SheetBook(ledger: ledger)
            for (j, judge) in contest.judges.enumerated() where requested == nil || requested == judge.id {
                papers.append((judge, book.rows[j], ledger.file(forJudge: judge.id)!))
            }
        }
        let single = papers.count == 1
        let chair = own == nil || contest.isChair(ctx.login)
        for p in papers {
            let witness = PaperDocuments.FileWitness(path: p.file.displayPath, lines: p.file.lineCount, head: p.file.headHex)
            let document = PaperDocuments.scoreSheet(contest: contest, judge: p.judge, sheets: p.sheets, witness: witness,
                                                     printedAt: now, notes: args.has("notes"))
            let name = "sheet-\(p.judge.id).pdf"
            let path: String
            if single, let output = args.value("output"), !isFolder(output) { path = output }
            else if let output = args.value("output") { path = output + "/" + name }
            else { path = try defaultFolder(dir, chair: chair) + name }
            try write(document, to: path, args, ctx)
        }
        return 0
    }

    static func summary(_ args: ParsedArguments, _ ctx: CommandContext, dir: String, now: Int64, announcement: Bool) throws -> Int32 {
        if args.value("judge") != nil || args.has("notes") { throw UsageError("--judge and --notes are for the sheet") }
        let method = try args.value("method").map { try ReportCommand.parseMethod($0) }
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: "the summary")
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let book = SheetBook(ledger: ledger)
        let results = Scoring.compute(book, method: method, includeDrafts: false)
        let summary = ledger.summary(book)
        let statistics = ReportCommand.statisticsOf(book, results, includeDrafts: false, seed: PanelStatistics.defaultSeed,
                                                    resamples: PanelStatistics.defaultResamples)
        let draft = AnnouncementDraft.check(results, book: book, ledger: summary, queue: statistics.queue)
        let reasons = AnnouncementDraft.reasons(results, book: book, ledger: summary, queue: statistics.queue, words: ReportWords(.th))
        let seal = ReportJSON.seal(results, ledger: summary)
        let isDraft = !draft.isEmpty || !summary.isIntact
        let allReasons = reasons + (summary.isIntact ? [] : [ReportWords(.th).notIntact])
        let document = announcement
            ? PaperDocuments.announcement(results: results, contest: contest, seal: seal, draft: isDraft, draftReasons: allReasons, printedAt: now)
            : PaperDocuments.summary(results: results, contest: contest, seal: seal, draft: isDraft, draftReasons: allReasons, printedAt: now)
        let path = try args.value("output") ?? (defaultFolder(dir, chair: true) + (announcement ? "announcement.pdf" : "summary.pdf"))
        try write(document, to: path, args, ctx)
        // As the report does: the seal the paper carries is recorded, for `khanaen verify --seal`.
        do {
            try ledger.appendCheckpoint(actor: ctx.login, seal: seal)
        } catch {
            let why = TerminalText.safe("\(error)")
            ctx.err("khanaen: " + (try args.language()).t("คำเตือน: ไม่ได้บันทึกตราผลคะแนนของใบสรุปลงในแฟ้มของประธานกรรมการ: \(why)",
                                                           "warning: the summary's seal was not recorded in the chair's file: \(why)") + "\n")
        }
        return summary.isIntact ? 0 : 1
    }

    static func isFolder(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }

    /// exports/ for a chair (made as the chairs' folder, as the console's exports are); the current folder for a judge.
    static func defaultFolder(_ dir: String, chair: Bool) throws -> String {
        guard chair else { return "" }
        let folder = dir + "/exports"
        try ContestFolder.ensureFolder(folder, mode: 0o2770)
        return folder + "/"
    }

    static func write(_ document: PrintDocument, to path: String, _ args: ParsedArguments, _ ctx: CommandContext) throws {
        if !args.has("force") && FileManager.default.fileExists(atPath: path) {
            throw InputError("\(path) exists (--force replaces it)")
        }
        do {
            let pages = try Typesetter.write(document, to: path)
            let file = TerminalText.safe(path), draft = document.draft ? ", ร่าง" : ""
            ctx.err("khanaen: " + (try args.language()).t("เขียนแล้ว \(file) (\(pages) หน้า\(draft))",
                                                           "wrote \(file) (\(pages) page\(pages == 1 ? "" : "s")\(draft))") + "\n")
        } catch let e as PrintError {
            throw InputError(e.description)
        }
    }
}

/// `khanaen verify --printed HEX`: whether today's ledger still holds what a printed sheet
/// stood on (the head hash in its footer), or, for a summary, its results seal.
enum PrintedPaper {
    enum Finding {
        /// The hash is a line of one of `files`; the problems it counts.
        case line(problems: Int)
        /// No line has that hash: it may be a results seal.
        case notALine
    }

    static func check(_ hex: String, files: [LedgerFile], say: (String) -> Void) -> Finding {
        let needle = Array("\"hash\":\"\(hex)".utf8)
        for f in files {
            guard let bytes = FileManager.default.contents(atPath: f.path), let n = lineNumber(of: needle, in: Array(bytes)) else { continue }
            let rel = f.displayPath
            guard n <= f.lineCount, let hash = f.hash(atLine: n), hash.hex.hasPrefix(hex) else {
                say("PRINTED   \(rel):\(n) had the printed head \(hex), but that line is no longer intact: the paper's lines were cut or rewritten")
                return .line(problems: 1)
            }
            if n == f.lineCount {
                say("PRINTED ok \(rel) is as printed: \(n) lines, head \(hash.hex)")
                return .line(problems: 0)
            }
            let later = f.events.dropFirst(n)
            var changed: [String] = []
            for e in later where !e.entry.isEmpty && !changed.contains(e.entry) { changed.append(e.entry) }
            say("PRINTED ok \(rel) still holds the printed \(n) lines (head \(hash.hex.prefix(16))), but \(later.count) were added since: "
                + "the paper is out of date" + (changed.isEmpty ? "" : " for " + changed.joined(separator: ", ")))
            return .line(problems: 0)
        }
        return .notALine
    }

    /// The 1-based line of `bytes` holding `needle`, or nil.
    static func lineNumber(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var line = 1
        var k = 0
        while k + needle.count <= bytes.count {
            if bytes[k] == 0x0A { line += 1 } else if bytes[k] == needle[0] && Array(bytes[k..<k + needle.count]) == needle { return line }
            k += 1
        }
        return nil
    }
}
