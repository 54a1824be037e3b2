import Foundation
import KhanaenCore
import KhanaenText
import KhanaenTerminal
import KhanaenUI

/// The chair's console: live ranking, progress and integrity of the ledger.
struct ChairCommand: Command {
    static let name = "chair"
    static let summary = Phrase("เปิดคอนโซลของประธานกรรมการ: อันดับสด ความคืบหน้า ความครบถ้วนของสมุดคะแนน",
                                "open the chair's console: live ranking, progress, ledger integrity")
    static let usage = Phrase("""
    วิธีใช้: khanaen chair [--lang th|en] [--mono] [--contest DIR]

    เปิดคอนโซลของประธานกรรมการ สำหรับบัญชีผู้ใช้ที่อยู่ใน "chairs" ของ contest.json ผู้อื่นเปิดไม่ได้
    (ในการประกวดแบบเปิด เช่น การประกวดตัวอย่าง ทุกคนเป็นประธานกรรมการได้: docs/access.md)
    จอต่าง ๆ: 1 อันดับตามวิธีคำนวณปัจจุบัน (m สลับ mean / median / trimmed / normalised) พร้อม
    เส้นรางวัล การกระจายของคะแนนกรรมการ และข้อสังเกต; 2 ผลงาน × กรรมการ; 3 ผลงานหนึ่ง
    รายการโดยละเอียด พร้อมประวัติในสมุดคะแนน; 4 ความคืบหน้าของกรรมการแต่ละคน; 5 ความเข้มงวด
    ของกรรมการและเกณฑ์; 6 รางวัลที่ขึ้นกับวิธีคำนวณ; 7 สายแฮชและแฮชล่าสุดของแฟ้มสมุดคะแนนทุกแฟ้ม
    และตราผลคะแนน ซึ่งเลข 12 หลักแรกแสดงอยู่ทุกจอ จอทั้งหมดติดตามสมุดคะแนน: คะแนนที่กรรมการคนใด
    บันทึกแล้ว จะปรากฏภายในหนึ่งวินาที สิ่งเดียวที่คอนโซลนี้เขียนคือการดำเนินการของประธานกรรมการ ซึ่ง
    ต้องมีเหตุผลและยืนยัน y/n: `a` กำหนดหรือถอนรางวัลของผลงานที่เลือก (ใช้ตัดสินการเสมอคร่อม
    เส้นรางวัลด้วย) `o` เปิดแก้ไขใบให้คะแนนที่ส่งแล้วหรือถอนตัวแล้วของกรรมการ

    """, """
    usage: khanaen chair [--lang th|en] [--mono] [--contest DIR]

    Opens the chair's console for a login listed in "chairs" of contest.json; anyone
    else is refused (in an open contest such as the demo, anyone is its chair:
    docs/access.md). Screens: 1 ranking by the current method (m cycles mean /
    median / trimmed / normalised) with the award lines, the judges' spread and
    flags; 2 entries × judges; 3 one entry in full with its ledger history; 4 each
    judge's progress; 5 judges' severity and criteria; 6 the awards that depend on
    the method; 7 every ledger file's chain and head, and the results seal, whose
    first 12 digits are on every screen. The screens follow the ledger: a score
    saved by any judge shows within a second. Its only writes are chair actions,
    each with a reason and a y/n: `a` sets or withdraws the selected entry's award
    (this is also how a boundary tie is resolved), `o` reopens a judge's submitted
    or recused sheet.

    """)
    static let options = OptionSpec(values: ["lang", "contest"], flags: ["mono"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        let (dir, copiedTo) = try ContestLocation.resolveForScreen(args, ctx)
        var chair = ""
        var demoNotice = false
        var opened: Terminal?
        // While the ledger files are read on the other cores: the login is checked first,
        // so that a refused one never sees the screen change.
        let loaded = Result {
            try ContestFolder.load(dir) { contest in
                (chair, demoNotice) = try Identity.chair(contest, requested: nil, login: ctx.login)
                do {
                    opened = try Terminal(monochrome: args.has("mono"))
                } catch let e as Terminal.StartError {
                    throw InputError(e)
                }
            }
        }
        // A ledger that cannot be read: the terminal is given back before the error is printed.
        guard case .success(let read) = loaded, let terminal = opened else {
            opened?.stop()
            _ = try loaded.get()
            preconditionFailure("the terminal opens once the contest is read")
        }
        defer { terminal.stop() }
        // The earlier round's standings, for the ranking's context and any carried score.
        let ledger = Ledger(contest: try ContestFolder.withEarlierRound(read.contest, in: dir), sharingFilesOf: read)
        // Every file is read: from now on only what is appended is, into small buffers.
        Ledger.releaseReadBuffers()
        let session = ChairSession(ledger: ledger, directory: dir, chair: chair, language: language)
        var state = ChairState(data: ChairSession.read(ledger), chair: chair, language: language)
        if demoNotice { state.status = .info(state.strings.demoChair(chair)) }
        if let copiedTo { state.status = .info(state.strings.demoCopied(TerminalText.safe(copiedTo))) }
        return session.run(state, terminal: terminal)
    }

    /// Writes the export files atomically; asks first (by message) when any is there already.
    static func export(_ plan: ExportPlan, to folder: String, overwrite: Bool, language: Language = .th) -> ChairMsg {
        let files = Export.files(plan.results, ledger: plan.ledger, statistics: plan.statistics, draft: plan.draft)
        let existing = files.map { $0.name }.filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        if !existing.isEmpty && !overwrite { return .exportExists(existing) }
        do {
            // The exports are the chairs' (docs/access.md): not readable by anyone else.
            try ContestFolder.ensureFolder(folder, mode: 0o2770)
            for f in files { try AtomicFile.write(Array(f.text.utf8), to: folder + "/" + f.name, overwrite: true, mode: 0o660) }
        } catch {
            return .notSaved(TerminalText.safe(error.said(in: language)))
        }
        return .exported(files.map { folder + "/" + $0.name })
    }
}
