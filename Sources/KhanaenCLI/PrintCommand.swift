import Foundation
import KhanaenCore
import KhanaenPrint
import KhanaenText
import KhanaenUI

/// `khanaen print`: the signed papers as Thai A4 PDF (docs/printing.md, issue 24).
struct PrintCommand: Command {
    static let name = "print"
    static let summary = Phrase("เอกสารลงนามเป็น PDF ขนาด A4: ใบให้คะแนน ใบสรุป แบบแสดง ประกาศผล",
                                "papers to sign as A4 PDF: sheets, summary, declarations, results")
    static let usage = Phrase("""
    วิธีใช้: khanaen print sheet [--judge J] [--notes] [--output FILE [--force]]
                              [--lang th|en] [--contest DIR]
          khanaen print summary [--method M] [--output FILE [--force]]
                                [--lang th|en] [--contest DIR]
          khanaen print announcement [--method M] [--output FILE [--force]]
                                     [--lang th|en] [--contest DIR]
          khanaen print declaration [--judge J] [--output FILE [--force]]
                                    [--lang th|en] [--contest DIR]

    sheet    ใบให้คะแนนของกรรมการหนึ่งคน (แบบบันทึกคะแนน สำหรับกรรมการรายบุคคล):
             แถวละหนึ่งผลงานที่มอบหมายให้กรรมการ (ทุกผลงานจนกว่าประธานกรรมการจะมอบหมาย)
             พร้อมคะแนนรายเกณฑ์ คะแนนรวมจาก 100 และสถานะ และส่วนลงนาม กรรมการพิมพ์ของ
             ตนเอง ประธานกรรมการพิมพ์ของกรรมการคนใดก็ได้ (--judge J) หรือเมื่อไม่ระบุ --judge
             พิมพ์ของกรรมการทุกคน คนละแฟ้ม (sheet-J.pdf ลงใน --output DIR หรือ exports/)
    declaration
             แบบแสดงการมีส่วนได้เสียของกรรมการหนึ่งคน (แบบแสดงการมีส่วนได้เสีย): เหตุตาม ม.13
             และ ม.16 เป็นช่องกาเครื่องหมาย กาตามการมีส่วนได้เสียที่กรรมการแจ้ง (`khanaen
             conflict declare`) และที่กติกาใน contest.json คำนวณ และบรรทัดลงนาม ใครพิมพ์
             ของใคร และเก็บที่ใด เหมือนใบให้คะแนน (declaration-J.pdf)
    summary  ใบสรุปผลคะแนน สำหรับประธานกรรมการ: คะแนนรวมของกรรมการทุกคน
             ต่อผลงาน วิธีคำนวณ คะแนน อันดับ รางวัลที่เสนอและที่ตัดสิน ข้อสังเกต และบรรทัดลงนามของ
             กรรมการทุกคนและประธานกรรมการ
    announcement
             ประกาศผล สำหรับประธานกรรมการ ตามรูปแบบของ `report --format md`: ผู้ได้รับ
             รางวัลในแต่ละประเภทรางวัลตามลำดับของประกาศ ลงวันที่เป็นพุทธศักราช พร้อมส่วนลงนามของ
             ประธานกรรมการ

    ใบให้คะแนนที่ยังไม่ส่งคะแนน (หรือถอนตัว) ทำให้เอกสารเป็นร่าง: มีคำว่า ร่าง ทุกหน้า เช่นเดียวกับ
    ใบสรุปหรือประกาศผลที่ผลยังไม่เป็นที่สุด ท้ายทุกหน้าแสดง หน้า n จาก m และสิ่งที่เอกสารอ้างอิง: แฟ้ม
    สมุดคะแนนของกรรมการ (จำนวนบรรทัดและแฮชล่าสุด) สำหรับใบให้คะแนนหรือแบบแสดงการมีส่วนได้เสีย
    ตราผลคะแนนสำหรับใบสรุปและประกาศผล และเวลาที่พิมพ์ พร้อม QR code ของข้อมูลนี้ (`khanaen
    verify --printed …`; ไม่มีถ้าไม่มี libqrencode) ฝังแบบอักษร Laksaman
    (fonts-tlwg-laksaman) หรือ print.font ของ contest.json ไว้ในเอกสาร Pango, Cairo
    และ libqrencode ถูกเปิดใช้เฉพาะที่นี่ (scripts/setup.sh ติดตั้งให้) ถ้าไม่ระบุ --output เอกสาร
    ของกรรมการจะเขียนลงโฟลเดอร์ปัจจุบัน ของประธานกรรมการลง exports/

    ตัวเลือก:
      --judge J     กรรมการที่จะพิมพ์ใบให้คะแนนหรือแบบแสดงการมีส่วนได้เสีย (สำหรับประธานกรรมการ
                    กรรมการพิมพ์ได้เฉพาะของตน)
      --notes       เพิ่มข้อสังเกตของกรรมการไว้ใต้ตาราง
      --method M    วิธีคำนวณของใบสรุป (mean, median, trimmed, normalised) ค่าตั้งต้นคือวิธี
                    ทางการ
      --output F    แฟ้มที่จะเขียน (โฟลเดอร์ เมื่อพิมพ์ของกรรมการทุกคน)
      --force       แทนที่ F เมื่อมีอยู่แล้ว
      --lang th|en  ภาษาของข้อความที่คำสั่งแจ้ง (th) ตัวเอกสารเป็นภาษาไทย

    """, """
    usage: khanaen print sheet [--judge J] [--notes] [--output FILE [--force]]
                               [--lang th|en] [--contest DIR]
           khanaen print summary [--method M] [--output FILE [--force]]
                                 [--lang th|en] [--contest DIR]
           khanaen print announcement [--method M] [--output FILE [--force]]
                                      [--lang th|en] [--contest DIR]
           khanaen print declaration [--judge J] [--output FILE [--force]]
                                     [--lang th|en] [--contest DIR]

    sheet    one judge's score sheet (แบบบันทึกคะแนน สำหรับกรรมการรายบุคคล):
             one row per entry given to the judge (every entry until a chair
             assigns) with the scores per criterion, the total out of 100 and the
             status, and the signature block. A judge prints their own; a chair any
             judge (--judge J), or without --judge every judge's, one file each
             (sheet-J.pdf, into --output DIR or exports/).
    declaration
             one judge's declaration of interest (แบบแสดงการมีส่วนได้เสีย): the grounds
             of ม.13 and ม.16 as boxes, ticked from the conflicts the judge declared
             (`khanaen conflict declare`), the conflicts contest.json's rules
             compute, and the signature line. Who prints which, and where, as for
             the sheet (declaration-J.pdf).
    summary  the summary (ใบสรุปผลคะแนน), for the chairs: every judge's total per
             entry, the method, the score, the rank, the proposed and decided award,
             the flags, and a signature line for every judge and the chair.
    announcement
             the announcement (ประกาศผล), for the chairs, as `report --format md`
             shapes it: per award tier the winners in the announcement's order,
             dated in the Buddhist era, with the chair's signature block.

    A sheet that is not submitted (or recused) makes the paper a draft: ร่าง on every
    page, as on a summary or announcement whose results are not final. Every page's
    footer says page n of m and what the paper stands on: the judge's ledger file
    (its line count and head hash) for a sheet or a declaration, the results seal
    for the summary and the announcement, and when it was printed, with a QR code of
    it (`khanaen verify --printed …`; none where libqrencode is missing). Laksaman
    (fonts-tlwg-laksaman), or contest.json's print.font, is embedded; Pango, Cairo
    and libqrencode are opened only here (scripts/setup.sh installs them). Without
    --output a judge's paper is written to the current folder, a chair's to
    exports/.

    options:
      --judge J     the judge whose sheet or declaration to print (a chair; a judge
                    prints only their own)
      --notes       add the judge's notes (ข้อสังเกต) under the table
      --method M    the summary's method (mean, median, trimmed, normalised); the
                    official one by default
      --output F    the file to write (a folder for every judge's sheets or
                    declarations)
      --force       replace F when it exists
      --lang th|en  the language of what the command says (th); the paper is Thai

    """)
    static let options = OptionSpec(values: ["contest", "judge", "output", "method", "lang"], flags: ["notes", "force"],
                                    positionals: 1...1, positionalName: Phrase("สิ่งที่จะพิมพ์ (sheet, summary, announcement หรือ declaration)", "what to print (sheet, summary, announcement or declaration)"))

    /// What to print and how: the command's options, or the workstation's and console's `p`.
    struct Request {
        var paper: Paper
        var judge: String? = nil
        var notes = false
        var method: String? = nil
        var output: String? = nil
        var force = false
        var login: String
        var uid: UInt32
        /// The language of what is said about the papers (the papers themselves are Thai).
        var language: Language = .th
    }

    typealias Paper = PaperKind

    /// A file written: where, how many pages, and whether it is a draft (ร่าง).
    struct Written: Sendable {
        var path: String
        var pages: Int
        var draft: Bool
        /// Why the pages carry no QR code (libqrencode missing), or nil.
        var noQR: String? = nil
    }

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        let language = try args.language()
        guard let paper = Paper(rawValue: args.positionals[0]) else {
            throw UsageError(th: "พิมพ์ได้ sheet, summary, announcement หรือ declaration ไม่ใช่ \"\(TerminalText.safe(args.positionals[0]))\"", en: "print sheet, summary, announcement or declaration, not \"\(TerminalText.safe(args.positionals[0]))\"")
        }
        let request = Request(paper: paper, judge: args.value("judge"), notes: args.has("notes"), method: args.value("method"),
                              output: args.value("output"), force: args.has("force"), login: ctx.login, uid: ctx.uid,
                              language: language)
        var intact = true
        let written = try write(request, dir: dir, now: Timestamp.nowMillis(), intact: &intact) {
            ctx.err("khanaen: " + language.t("คำเตือน: ", "warning: ") + TerminalText.safe($0) + "\n")
        }
        for w in written {
            let file = TerminalText.safe(w.path), draft = w.draft ? ", ร่าง" : ""
            ctx.err("khanaen: " + language.t("เขียนแล้ว \(file) (\(w.pages) หน้า\(draft))",
                                             "wrote \(file) (\(w.pages) page\(w.pages == 1 ? "" : "s")\(draft))") + "\n")
        }
        if let why = written.lazy.compactMap(\.noQR).first {
            let safe = TerminalText.safe(why)
            ctx.err("khanaen: " + language.t("คำเตือน: \(safe): หน้ากระดาษไม่มีรหัส QR (scripts/setup.sh ติดตั้งให้ได้)",
                                             "warning: \(safe): the pages carry no QR code; scripts/setup.sh installs it") + "\n")
        }
        return intact ? 0 : 1
    }

    /// Sets and writes the papers `r` asks for; `intact` false when the ledger is not (the
    /// summary and the announcement are then drafts, and the command exits 1).
    static func write(_ r: Request, dir: String, now: Int64, intact: inout Bool, warn: (String) -> Void) throws -> [Written] {
        switch r.paper {
        case .sheet, .declaration: return try sheet(r, dir: dir, now: now)
        case .summary, .announcement: return try summary(r, dir: dir, now: now, intact: &intact, warn: warn)
        }
    }

    /// One judge's paper: their sheets, their ledger file and the entries their sheet lists.
    struct JudgePaper {
        var index: Int
        var judge: Contest.Judge
        var sheets: [Sheet]
        var file: LedgerFile
        var given: Set<Int>?
        /// The chairs' lines the judge's paper depends on (assignment, eligibility, conflicts).
        var chairEvents: [LedgerEvent]
    }

    /// A sheet or a declaration: a judge's own, or a chair's of any judge or all.
    static func sheet(_ r: Request, dir: String, now: Int64) throws -> [Written] {
        let declaration = r.paper == .declaration
        if r.method != nil { throw UsageError(th: "--method ใช้กับ summary", en: "--method is for the summary") }
        if declaration && r.notes { throw UsageError(th: "--notes ใช้กับ sheet", en: "--notes is for the sheet") }
        let contest = try ContestFolder.loadContest(dir)
        let requested = r.judge
        let own = contest.judge(forUser: r.login)
        var papers: [JudgePaper] = []
        if let own, requested == nil || requested == own.id, !(contest.isChair(r.login) && requested == nil) {
            // A judge: only their own file and the chairs' deliveries to them are read.
            let mine = try ContestFolder.loadForJudge(dir, requested: requested, login: r.login)
            papers.append(judgePaper(mine))
        } else {
            try Identity.requireAllScores(contest, login: r.login, uid: r.uid, command: Phrase("การพิมพ์ใบให้คะแนนของกรรมการคนอื่น", "printing another judge's sheet"))
            if let requested, contest.judgeIndex(requested) == nil {
                throw InputError(th: "ไม่มีกรรมการรหัส \"\(requested)\" (กรรมการ: \(contest.judges.map(\.id).joined(separator: ", ")))", en: "no judge has id \"\(requested)\" (judges: \(contest.judges.map(\.id).joined(separator: ", ")))")
            }
            let ledger = try ContestFolder.ledger(of: contest, in: dir)
            let book = SheetBook(ledger: ledger)
            let chairEvents = ledger.chairStream.events
            for (j, judge) in contest.judges.enumerated() where requested == nil || requested == judge.id {
                papers.append(JudgePaper(index: j, judge: judge, sheets: book.rows[j], file: ledger.file(forJudge: judge.id)!,
                                         given: listed(contest: contest, judge: j, chairEvents: chairEvents), chairEvents: chairEvents))
            }
        }
        let single = papers.count == 1
        let chair = own == nil || contest.isChair(r.login)
        var written: [Written] = []
        for p in papers {
            let document = declaration ? declarationDocument(p, contest: contest, now: now)
                                       : sheetDocument(p, contest: contest, now: now, notes: r.notes)
            let name = "\(declaration ? "declaration" : "sheet")-\(p.judge.id).pdf"
            let path: String
            if single, let output = r.output, !isFolder(output) { path = output }
            else if let output = r.output { path = output + "/" + name }
            else { path = try defaultFolder(dir, chair: chair) + name }
            written.append(try write(document, to: path, force: r.force))
        }
        return written
    }

    /// A judge's own paper, from what a judge may read: their file and the chairs' deliveries to them.
    static func judgePaper(_ mine: JudgeLedger) -> JudgePaper {
        let contest = mine.contest, j = contest.judgeIndex(mine.judgeID)!
        return JudgePaper(index: j, judge: contest.judges[j], sheets: mine.sheets, file: mine.file,
                          given: listed(contest: contest, judge: j, chairEvents: mine.chairEvents), chairEvents: mine.chairEvents)
    }

    /// The entries judge `j`'s sheet lists, as the workstation lists them (`OutOfReach`): the
    /// others the judge cannot score, and they would leave the sheet a draft for ever.
    static func listed(contest: Contest, judge j: Int, chairEvents: [LedgerEvent]) -> Set<Int> {
        Set(contest.entries.indices).subtracting(OutOfReach.entries(judge: j, contest: contest, chairEvents: chairEvents))
    }

    /// The conflicts that keep judge `j` from entries: the rules' (less those a chair cleared) and
    /// those a chair recorded for the judge.
    static func keptAway(contest: Contest, judge j: Int, chairEvents: [LedgerEvent]) -> [Conflict] {
        let cleared = Conflicts.cleared(chairEvents: chairEvents, contest: contest).filter { $0.judge == j }.map(\.entry)
        return Conflicts.computed(contest).filter { $0.judge == j && !cleared.contains($0.entry) }
            + Conflicts.recorded(chairEvents: chairEvents, contest: contest).filter { $0.judge == j }
    }

    static func witness(_ p: JudgePaper) -> PaperDocuments.FileWitness {
        PaperDocuments.FileWitness(path: p.file.displayPath, lines: p.file.lineCount, head: p.file.headHex)
    }

    static func sheetDocument(_ p: JudgePaper, contest: Contest, now: Int64, notes: Bool) -> PrintDocument {
        PaperDocuments.scoreSheet(contest: contest, judge: p.judge, sheets: p.sheets, given: p.given, witness: witness(p),
                                  printedAt: now, notes: notes)
    }

    static func declarationDocument(_ p: JudgePaper, contest: Contest, now: Int64) -> PrintDocument {
        let declared = Conflicts.declared(rows: [(p.index, p.sheets, p.file.events)])
        let computed = keptAway(contest: contest, judge: p.index, chairEvents: p.chairEvents)
        return PaperDocuments.declaration(contest: contest, judge: p.judge, declared: declared, computed: computed, witness: witness(p),
                                          printedAt: now)
    }

    static func summary(_ r: Request, dir: String, now: Int64, intact: inout Bool, warn: (String) -> Void) throws -> [Written] {
        let announcement = r.paper == .announcement
        if r.judge != nil || r.notes { throw UsageError(th: "--judge และ --notes ใช้กับ sheet", en: "--judge and --notes are for the sheet") }
        let method = try r.method.map { try ReportCommand.parseMethod($0) }
        var contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: r.login, uid: r.uid, command: Phrase("ใบสรุปผลคะแนน", "the summary"))
        contest = try ContestFolder.withEarlierRound(contest, in: dir)
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
        let path = try r.output ?? (defaultFolder(dir, chair: true) + (announcement ? "announcement.pdf" : "summary.pdf"))
        let written = try write(document, to: path, force: r.force)
        // As the report does: the seal the paper carries is recorded, for `khanaen verify --seal`.
        do {
            try ledger.appendCheckpoint(actor: r.login, seal: seal)
        } catch {
            warn(r.language.t("ไม่ได้บันทึกตราผลคะแนนของใบสรุปลงในแฟ้มของประธานกรรมการ: \(error)",
                              "the summary's seal was not recorded in the chair's file: \(error)"))
        }
        intact = summary.isIntact
        return [written]
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

    static func write(_ document: PrintDocument, to path: String, force: Bool) throws -> Written {
        if !force && FileManager.default.fileExists(atPath: path) {
            throw InputError(th: "\(path) มีอยู่แล้ว (--force เพื่อเขียนทับ)", en: "\(path) exists (--force replaces it)")
        }
        do {
            let pages = try Typesetter.write(document, to: path)
            return Written(path: path, pages: pages, draft: document.draft, noQR: document.qr == nil ? nil : Typesetter.qrProblem())
        } catch let e as PrintError {
            throw InputError(e)
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

    static func check(_ hex: String, files: [LedgerFile], language: Language = .en, say: (String) -> Void) -> Finding {
        let needle = Array("\"hash\":\"\(hex)".utf8)
        for f in files {
            guard let bytes = FileManager.default.contents(atPath: f.path), let n = lineNumber(of: needle, in: Array(bytes)) else { continue }
            let rel = f.displayPath
            guard n <= f.lineCount, let hash = f.hash(atLine: n), hash.hex.hasPrefix(hex) else {
                say(language.t("PRINTED   \(rel):\(n) เคยมีค่าท้ายสุดที่พิมพ์ไว้ \(hex) แต่บรรทัดนั้นไม่ครบถ้วนแล้ว: บรรทัดที่พิมพ์ไว้ถูกตัดหรือเขียนใหม่",
                               "PRINTED   \(rel):\(n) had the printed head \(hex), but that line is no longer intact: the paper's lines were cut or rewritten"))
                return .line(problems: 1)
            }
            if n == f.lineCount {
                say(language.t("PRINTED ok \(rel) ตรงกับที่พิมพ์ไว้: \(n) บรรทัด ค่าท้ายสุด \(hash.hex)", "PRINTED ok \(rel) is as printed: \(n) lines, head \(hash.hex)"))
                return .line(problems: 0)
            }
            let later = f.events.dropFirst(n)
            var changed: [String] = []
            for e in later where !e.entry.isEmpty && !changed.contains(e.entry) { changed.append(e.entry) }
            let entries = changed.joined(separator: ", ")
            say(language.t("PRINTED ok \(rel) ยังมี \(n) บรรทัดที่พิมพ์ไว้ (ค่าท้ายสุด \(hash.hex.prefix(16))) แต่มีเพิ่มอีก \(later.count) บรรทัดหลังจากนั้น: "
                             + "กระดาษไม่เป็นปัจจุบันแล้ว" + (changed.isEmpty ? "" : " สำหรับผลงาน " + entries),
                           "PRINTED ok \(rel) still holds the printed \(n) lines (head \(hash.hex.prefix(16))), but \(later.count) were added since: "
                             + "the paper is out of date" + (changed.isEmpty ? "" : " for " + entries)))
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
