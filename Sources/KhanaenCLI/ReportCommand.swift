import KhanaenCore
import KhanaenText

struct ReportCommand: Command {
    static let name = "report"
    static let summary = Phrase("คะแนนรวม อันดับ รางวัลที่เสนอ และข้อสังเกต (table json csv md)",
                                "totals, ranking, proposed awards and flags (table, json, csv, md)")
    static let usage = Phrase("""
    วิธีใช้: khanaen report [--method mean|median|trimmed|normalised]
                         [--format table|json|csv|md] [--include-drafts]
                         [--output FILE [--force]] [--lang th|en] [--seed N]
                         [--resamples B] [--contest DIR]

    คำนวณคะแนนของผลงานทุกรายการตามวิธีคำนวณ (docs/scoring.md) จัดอันดับตามลำดับการตัดสินเมื่อ
    คะแนนเท่ากันของการประกวด เสนอประเภทรางวัล ใช้การกำหนดรางวัลของประธานกรรมการ และแสดง
    ข้อสังเกต table จัดแนวสำหรับเทอร์มินัล md คือประกาศผล ประเภทรางวัลละหนึ่งตาราง json และ csv
    สำหรับโปรแกรมอื่น ทุกรูปแบบลงท้ายหรือมีตราผลคะแนน: SHA-256 ของรายงานและแฮชล่าสุดของ
    สมุดคะแนนทุกแฟ้ม ตรานี้ลงไว้ในจุดตรวจในแฟ้มของประธานกรรมการ (`khanaen verify --seal`)
    สมุดคะแนนที่ไม่ครบถ้วน (สายแฮชขาด บรรทัดที่ผิดกติกา แฟ้มที่ไม่ถึงจุดตรวจ) จะแจ้งไว้ที่ต้นของทุกรูปแบบ
    และออกด้วยรหัส 1 table, json และ csv ยังมีสถิติของคณะกรรมการ (docs/scoring.md):
    ความมั่นใจของประเภทรางวัลที่เสนอ (bootstrap) ความผันผวนของแต่ละผลงาน
    ความสอดคล้องและแบบแผนของกรรมการ และรายการที่ต้องหารือ ตราผลคะแนนไม่ครอบคลุมส่วนนี้
    md ซึ่งเป็นประกาศผล ไม่แสดงส่วนนี้
    md, table และ json แสดงว่า ร่าง พร้อมนับทุกเหตุ จนกว่าผลจะเป็นที่สุด: ใบให้คะแนนที่นับทุกใบ
    ส่งคะแนนหรือถอนตัวแล้ว ไม่มีใบที่เปิดแก้ไข ไม่มีคำวินิจฉัยคุณสมบัติค้าง การเสมอคร่อมเส้นรางวัลตัดสินครบ
    จำนวนรางวัลแต่ละประเภทตรงกับของการประกวด และทุกรายการที่ต้องหารือลงผลการหารือแล้ว ใน
    การประกวดที่มีหลายรอบ md ลงท้ายด้วยรายงานการประชุมของทุกรอบ (docs/contest-format.md,
    "Rounds") และทุกรูปแบบแสดงอันดับและคะแนนของแต่ละผลงานในรอบก่อน (เมื่อใช้ `carry` แสดง
    คะแนนทั้งสองส่วน) สมุดคะแนน seed และ resamples ชุดเดียวกันให้ผลลัพธ์เดียวกันทุกไบต์ เฉพาะ
    ประธานกรรมการของการประกวด (และ root) สั่งได้ ยกเว้นการประกวดแบบเปิด

    ตัวเลือก:
      --method M         mean, median, trimmed หรือ normalised ถ้าไม่ระบุ ใช้วิธีทางการของ
                         การประกวด (method ใน contest.json หรือที่ประธานกรรมการเปลี่ยน)
                         วิธีอื่นจะระบุว่าเป็นการเปรียบเทียบ
      --format F         table (ค่าตั้งต้น), json, csv หรือ md
      --include-drafts   นับใบให้คะแนนที่ให้คะแนนครบแต่ยังไม่ส่งคะแนนด้วย (ผลลัพธ์จะระบุไว้)
      --output FILE      เขียนลง FILE (ในคราวเดียว) แทนเอาต์พุตมาตรฐาน
      --force            แทนที่ FILE เมื่อมีอยู่แล้ว
      --lang L           th (ค่าตั้งต้น) หรือ en สำหรับตาราง
      --seed N           seed ของ bootstrap จำนวนเต็มตั้งแต่ 0 ถึง 18446744073709551615
                         (ค่าตั้งต้น \(PanelStatistics.defaultSeed))
      --resamples B      จำนวนการสุ่มซ้ำของ bootstrap ตั้งแต่ 1 ถึง \(maxResamples) (ค่าตั้งต้น
                         \(PanelStatistics.defaultResamples))

    """, """
    usage: khanaen report [--method mean|median|trimmed|normalised]
                          [--format table|json|csv|md] [--include-drafts]
                          [--output FILE [--force]] [--lang th|en] [--seed N]
                          [--resamples B] [--contest DIR]

    Computes every entry's score by the method (docs/scoring.md), ranks the entries
    with the contest's tie-break order, proposes the award tiers, applies the
    chair's overrides and lists the flags. table is aligned for a terminal; md is
    the announcement, one table per award tier; json and csv are for other tools.
    Every format ends with, or contains, the results seal: a SHA-256 over the report
    and every ledger head; the seal is recorded in a checkpoint of the chair's file
    (`khanaen verify --seal`). A ledger that is not intact (a break, a line that
    breaks the rules, a file that no longer reaches a checkpoint) is said at the top
    of every format, and the exit code is then 1. table, json and csv also carry the
    panel's statistics (docs/scoring.md): how sure each proposed tier is (a
    bootstrap), each entry's swing, the judges' agreement and patterns, and the
    discussion queue; the seal does not cover them. md, the announcement, never
    shows them. md, table and json say ร่าง (draft), with every reason counted, until
    the results are final: every sheet that counts submitted or recused, none
    reopened, no eligibility ruling pending, every boundary tie decided, the tiers'
    counts the contest's and every discussion item given an outcome. In a contest in
    rounds, md ends with the minutes of every round (docs/contest-format.md,
    "Rounds"), and every format shows each entry's rank and score in the earlier
    round (with `carry`, both parts of its score). The same ledger, seed and
    resamples give the same output, byte for byte. Only the contest's chairs (and
    root) may run it, except in an open contest.

    options:
      --method M         mean, median, trimmed or normalised; the contest's official
                         method when not given (contest.json's method, or the
                         chair's change of it); any other is marked as a comparison
      --format F         table (default), json, csv or md
      --include-drafts   also count complete sheets not yet submitted (the output
                         says so)
      --output FILE      write to FILE (atomically) instead of standard output
      --force            replace FILE when it exists
      --lang L           th (default) or en, for the table
      --seed N           the bootstrap's seed, a whole number from 0 to
                         18446744073709551615 (default
                         \(PanelStatistics.defaultSeed))
      --resamples B      the bootstrap's resamples, from 1 to \(maxResamples)
                         (default \(PanelStatistics.defaultResamples))

    """)
    static let options = OptionSpec(values: ["method", "format", "output", "lang", "contest", "seed", "resamples"],
                                    flags: ["include-drafts", "force"])
    /// More would take minutes on a large contest (about 50 ms per 1,000 on 500 entries × 20 judges).
    static let maxResamples = 100_000

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let method = try args.value("method").map { try parseMethod($0) }
        let format = args.value("format") ?? "table"
        guard ["table", "json", "csv", "md"].contains(format) else { throw UsageError(th: "--format ต้องเป็น table, json, csv หรือ md", en: "--format must be table, json, csv or md") }
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        let seed = try args.value("seed").map(parseSeed) ?? PanelStatistics.defaultSeed
        let resamples = try args.value("resamples").map(parseResamples) ?? PanelStatistics.defaultResamples
        let dir = try ContestLocation.resolve(args, ctx)
        var contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: Phrase("รายงาน", "the report"))
        contest = try ContestFolder.withEarlierRound(contest, in: dir)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let book = SheetBook(ledger: ledger)
        let results = Scoring.compute(book, method: method, includeDrafts: args.has("include-drafts"))
        let summary = ledger.summary(book)
        // The announcement shows no statistics, but whether it is final depends on the
        // discussion queue, which they hold.
        let statistics = statisticsOf(book, results, includeDrafts: args.has("include-drafts"), seed: seed, resamples: resamples)
        let draft = AnnouncementDraft.check(results, book: book, ledger: summary, queue: statistics.queue)
        let text: String
        switch format {
        case "json": text = ReportJSON.text(results, ledger: summary, statistics: statistics, draft: draft)
        case "csv": text = ReportCSV.text(results, ledger: summary, language: language, statistics: statistics, draft: draft)
        case "md": text = ReportMarkdown.text(results, ledger: summary, draft: draft, rounds: RoundsCommand.minutes(of: dir))
        default: text = ReportTable.text(results, ledger: summary, language: language, statistics: statistics, draft: draft)
        }
        if let output = args.value("output") {
            let file = format == "csv" ? ReportCSV.byteOrderMark + text : text
            try AtomicFile.write(Array(file.utf8), to: output, overwrite: args.has("force"))
            ctx.err(language.t("khanaen: เขียน \(TerminalText.safe(output)) แล้ว", "khanaen: wrote \(TerminalText.safe(output))") + "\n")
        } else {
            ctx.out(text)
        }
        // The report is a published witness of the ledger: a checkpoint records its seal, so
        // that `khanaen verify --seal` can later tell whether the ledger still extends it.
        do {
            try ledger.appendCheckpoint(actor: ctx.login, seal: ReportJSON.seal(results, ledger: summary))
        } catch {
            let why = TerminalText.safe(error.said(in: language))
            ctx.err(language.t("khanaen: คำเตือน: ไม่ได้บันทึกตราผลคะแนนของรายงานลงแฟ้มของประธานกรรมการ: \(why)\n",
                               "khanaen: warning: the report's seal was not recorded in the chair's file: \(why)\n"))
        }
        if !summary.isIntact {
            ctx.err(language.t("khanaen: สมุดคะแนนไม่ครบถ้วน (\(summary.problems.count) ปัญหา อยู่ที่ต้นรายงาน) ดูรายละเอียดด้วย khanaen verify\n",
                               "khanaen: the ledger is not intact (\(summary.problems.count) problem(s), listed at the top of the report); "
                                + "khanaen verify says more\n"))
            return 1
        }
        return 0
    }

    /// The statistics of `results`, with every method's results for the queue's `method` items and,
    /// when contest.json has an eligibility block, each entry's eligibility with the chair's decisions.
    static func statisticsOf(_ book: SheetBook, _ results: Results, includeDrafts: Bool, seed: UInt64, resamples: Int) -> PanelStatistics {
        var byMethod: [Method: Results] = [results.method: results]
        for m in Method.allCases where m != results.method { byMethod[m] = Scoring.compute(book, method: m, includeDrafts: includeDrafts) }
        return PanelStatistics.compute(book: book, results: results, byMethod: byMethod, seed: seed, resamples: resamples,
                                       eligibility: EligibilityRules.evaluate(book))
    }

    static func parseSeed(_ text: String) throws -> UInt64 {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seed = UInt64(text) else {
            throw UsageError(th: "--seed ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง \(UInt64.max) ไม่ใช่ \"\(TerminalText.safe(text))\"", en: "--seed must be a whole number from 0 to \(UInt64.max), got \"\(TerminalText.safe(text))\"")
        }
        return seed
    }

    static func parseResamples(_ text: String) throws -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let b = Int(text), b >= 1, b <= maxResamples else {
            throw UsageError(th: "--resamples ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง \(maxResamples) ไม่ใช่ \"\(TerminalText.safe(text))\"", en: "--resamples must be a whole number from 1 to \(maxResamples), got \"\(TerminalText.safe(text))\"")
        }
        return b
    }

    static func parseMethod(_ text: String) throws -> Method {
        guard let m = Method(rawValue: text) else { throw UsageError(th: "--method ต้องเป็น mean, median, trimmed หรือ normalised", en: "--method must be mean, median, trimmed or normalised") }
        return m
    }
}
