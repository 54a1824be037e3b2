import Foundation
import KhanaenCore
import KhanaenImport
import KhanaenText

struct ImportCommand: Command {
    static let name = "import"
    static let summary = Phrase("อ่านผลงานที่ส่งมาทางอีเมลหรือ CSV ลงใน entries.json",
                                "read submissions from e-mail or a CSV into entries.json")
    static let usage = Phrase("""
    วิธีใช้: khanaen import mail PATH… [--lang th|en] [--contest DIR]
          khanaen import csv FILE [--encoding utf-8|windows-874|tis-620]
                             [--lang th|en] [--contest DIR]

    mail อ่านอีเมลส่งผลงานจากแต่ละ PATH: แฟ้ม mbox, Maildir (โฟลเดอร์ที่มี cur/ และ new/),
    โฟลเดอร์ของแฟ้ม .eml หรือแฟ้ม .eml แฟ้มเดียว อีเมลที่มีหัวเรื่อง
      "ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล <หน่วยงาน>"
    (หรือฉบับที่ส่งต่อมา) และเนื้อความมี หน่วยงาน และ ชื่อโครงการ จะเป็นผลงานหนึ่งรายการ แฟ้มแนบเก็บ
    ไว้ใต้ documents/<รหัสผลงาน>/ แต่ละแฟ้มมีข้อความที่สกัดได้วางไว้ข้างกันเมื่อสกัดได้ แฟ้มแนบที่ใหญ่กว่า
    import.attachmentLimitMB ของ contest.json (ค่าตั้งต้น 50) หรือที่ทำให้อีเมลของตนเกิน
    import.messageLimitMB (ค่าตั้งต้น 100) จะไม่เก็บ และบรรทัดของอีเมลนั้นจะแจ้งชื่อไว้ ในเทอร์มินัลมี
    บรรทัดความคืบหน้าแสดงจำนวน อัตรา และเวลาที่เหลือ
    csv อ่านข้อมูลชุดเดียวกันจากตารางคำนวณที่บันทึกแล้วเป็น CSV (คั่นด้วยจุลภาคหรือแท็บ)

    ผลงานที่ส่งซ้ำกับที่มีอยู่แล้ว (Message-ID เดียวกัน หรือหน่วยงานและชื่อโครงการเดียวกัน) จะปรับปรุง
    ผลงานเดิม: นำเข้าซ้ำไม่สร้างรายการที่สอง อีเมลหรือแถวแต่ละรายการให้หนึ่งบรรทัด: imported ID,
    updated ID หรือ skipped พร้อมเหตุ คำแรกคงเดิมทั้งสองภาษาเพื่อให้สคริปต์อ่านได้ ส่วนที่เหลือเป็น
    ภาษาตาม --lang entries.json ถูกแทนที่ทั้งแฟ้มในคราวเดียว (atomic) ถ้าอ่านกล่องจดหมายหรือแฟ้ม
    ไม่ได้ จะไม่มีการเขียนใด

    ตัวเลือก:
      --encoding E   รหัสอักขระของ CSV เมื่อเดาผิด (ค่าตั้งต้น: UTF-8 เมื่อข้อความเป็น UTF-8 ที่
                     ถูกต้อง มิฉะนั้น windows-874 ตามที่ Excel ภาษาไทยจัดเก็บ)
      --lang th|en   ภาษาของบรรทัด คำเตือน และสรุป (th)

    """, """
    usage: khanaen import mail PATH… [--lang th|en] [--contest DIR]
           khanaen import csv FILE [--encoding utf-8|windows-874|tis-620]
                              [--lang th|en] [--contest DIR]

    mail reads submission e-mails from each PATH: an mbox file, a Maildir (a folder
    with cur/ and new/), a folder of .eml files or one .eml file. A message whose
    subject is "ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล <หน่วยงาน>" (or a forwarded copy) and
    whose body has หน่วยงาน and ชื่อโครงการ becomes an entry; its attachments are saved
    under documents/<entry id>/, each with its text beside it where one can be
    extracted. An attachment larger than contest.json's import.attachmentLimitMB
    (default 50), or that would take its message's past import.messageLimitMB
    (default 100), is not saved, and the message's line names it. On a terminal a
    progress line shows the count, the rate and the time left.
    csv reads the same fields from a spreadsheet saved as CSV (comma or tab
    separated).

    A copy of a submission already there (the same Message-ID, or the same
    organisation and title) updates its entry: importing again never makes a second
    one. Each message or row gives one line: imported ID, updated ID, or skipped and
    why; the first word stays as it is in either language, for scripts, and the rest
    is in --lang's. entries.json is replaced atomically; a mailbox or file that
    cannot be read writes nothing.

    options:
      --encoding E   the CSV's encoding when the guess is wrong (default: UTF-8 when
                     the text is valid UTF-8, else windows-874, as Thai Excel saves
                     it)
      --lang th|en   the language of the lines, the warnings and the summary (th)

    """)
    static let options = OptionSpec(values: ["contest", "encoding", "lang"], positionals: 2...100_000, positionalName: Phrase(" mail หรือ csv และที่อยู่แฟ้ม", "mail or csv and a path"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let kind = args.positionals[0]
        let paths = Array(args.positionals.dropFirst())
        let language = try args.language()
        guard kind == "mail" || kind == "csv" else { throw UsageError(th: "อาร์กิวเมนต์แรกต้องเป็น mail หรือ csv ไม่ใช่ \"\(kind.terminalSafe)\"", en: "the first argument must be mail or csv, got \"\(kind.terminalSafe)\"") }
        var encoding: TextEncoding? = nil
        if let e = args.value("encoding") {
            guard kind == "csv" else { throw UsageError(th: "--encoding ใช้กับ import csv", en: "--encoding is for import csv") }
            guard let parsed = TextEncoding(label: e), [.utf8, .windows874, .tis620].contains(parsed) else {
                throw UsageError(th: "--encoding ต้องเป็น utf-8, windows-874 หรือ tis-620", en: "--encoding must be utf-8, windows-874 or tis-620")
            }
            encoding = parsed
        }
        if kind == "csv" && paths.count != 1 { throw UsageError(th: "import csv รับ FILE เดียว", en: "import csv takes one FILE") }

        let dir = try ContestLocation.resolve(args, ctx)
        let entriesPath = dir + "/" + ContestFolder.entriesFile
        let before = FileManager.default.contents(atPath: entriesPath).map { [UInt8]($0) }
        // A new contest may have no entries.json yet: the import makes it.
        let contest = before == nil ? try loadDefinition(dir) : try ContestFolder.loadContest(dir)
        let entries = before == nil ? [] : contest.entries
        if let reason = ContestLocation.stillTheSample(dir, entries: entries, ctx) { throw InputError(reason) }

        let result: ImportResult
        if kind == "csv" {
            result = try CSVImport.run(file: paths[0], bytes: try Mailbox.read(paths[0]), encoding: encoding, entries: entries)
        } else {
            // Only on a terminal: a log or a pipe gets the result lines alone.
            let line: ProgressLine? = isatty(STDERR_FILENO) == 1 ? ProgressLine(language: language, write: ctx.err) : nil
            var report: (@Sendable (MailImport.Progress) -> Void)? = nil
            if let line { report = { @Sendable p in line.show(p) } }
            result = try MailImport.run(paths: paths, contestDir: dir, entries: entries, limits: contest.importLimits, progress: report)
            line?.clear()
        }
        for w in result.warnings { ctx.err(language.t("khanaen: คำเตือน: ", "khanaen: warning: ") + w.text(language).terminalSafe + "\n") }
        for line in result.lines { ctx.out(line.text(language).terminalSafe + "\n") }

        let bytes = EntriesJSON.bytes(result.entries)
        if bytes != before {
            try AtomicFile.write(bytes, to: entriesPath, overwrite: true)
        }
        let count = { (k: ImportResult.Line.Kind) in result.lines.filter { $0.kind == k }.count }
        if language == .th {
            ctx.err("khanaen: นำเข้า \(count(.imported)) ปรับปรุง \(count(.updated)) ข้าม \(count(.skipped)); "
                    + (bytes != before ? "บันทึกแล้ว \(entriesPath)" : "entries.json ไม่เปลี่ยน") + "\n")
        } else {
            ctx.err("khanaen: \(count(.imported)) imported, \(count(.updated)) updated, \(count(.skipped)) skipped; "
                    + (bytes != before ? "wrote \(entriesPath)" : "entries.json unchanged") + "\n")
        }
        return 0
    }

    /// The import's progress on one line of a terminal (stderr), rewritten at most ten times a
    /// second: `reading messages 1,200 of 10,000, 410 a second, 0:21 left`.
    final class ProgressLine: @unchecked Sendable {
        let language: Language
        let write: (String) -> Void
        let lock = NSLock()
        var phaseStart: (phase: MailImport.Progress.Phase, time: UInt64)? = nil
        var lastShown: UInt64 = 0
        var shown = false

        init(language: Language = .th, write: @escaping (String) -> Void) {
            self.language = language
            self.write = write
        }

        func show(_ p: MailImport.Progress) {
            lock.lock()
            defer { lock.unlock() }
            let now = DispatchTime.now().uptimeNanoseconds
            if phaseStart?.phase != p.phase { phaseStart = (p.phase, now) }
            guard now - lastShown >= 100_000_000 || p.done == p.total else { return }
            lastShown = now
            write("\r" + ProgressLine.text(p, seconds: Double(now - phaseStart!.time) / 1e9, language: language) + "\u{1B}[K")
            shown = true
        }

        func clear() {
            lock.lock()
            defer { lock.unlock() }
            if shown { write("\r\u{1B}[K") }
        }

        static func text(_ p: MailImport.Progress, seconds: Double, language: Language = .en) -> String {
            var text = "khanaen: \(p.phase.words.text(language)) " + language.t("\(grouped(p.done)) จาก \(grouped(p.total))", "\(grouped(p.done)) of \(grouped(p.total))")
            if p.done > 0 && seconds > 0.2 {
                let rate = Double(p.done) / seconds
                let left = Int((Double(p.total - p.done) / rate).rounded(.up))
                let clock = "\(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)"
                text += language.t(" วินาทีละ \(grouped(Int(rate.rounded()))) เหลืออีก \(clock)", ", \(grouped(Int(rate.rounded()))) a second, \(clock) left")
            }
            return text
        }

        static func grouped(_ n: Int) -> String {
            var s = String(n)
            var k = s.count - 3
            while k > 0 { s.insert(",", at: s.index(s.startIndex, offsetBy: k)); k -= 3 }
            return s
        }
    }

    /// contest.json alone, checked, for a contest that has no entries.json yet.
    static func loadDefinition(_ dir: String) throws -> Contest {
        let path = dir + "/" + ContestFolder.contestFile
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(th: "\(path): อ่านไม่ได้ (ไม่มีแฟ้มหรือไม่มีสิทธิ์อ่าน)", en: "\(path): cannot read (missing or not readable)") }
        return try ContestParser.parseDefinition([UInt8](data), file: path)
    }
}
