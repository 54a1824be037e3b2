import Foundation
import KhanaenCore
import KhanaenText

/// `khanaen rounds`: the chain of rounds a contest folder belongs to.
struct RoundsCommand: Command {
    static let name = "rounds"
    static let summary = Phrase("รายการรอบที่การประกวดนี้อยู่ แต่ละรอบกับผลงานและสถานะ",
                                "list the chain of rounds, each with its entries and state")
    static let usage = Phrase("""
    วิธีใช้: khanaen rounds [--lang th|en] [--contest DIR]

    แสดงรอบตั้งแต่รอบแรกถึงรอบสุดท้าย: ย้อนตาม `previousRound` ของ contest.json แต่ละรอบ และ
    ไปข้างหน้าตามโฟลเดอร์ข้างเคียงที่มี `previousRound` ระบุรอบนั้น รอบละหนึ่งบรรทัด: ลำดับรอบ
    โฟลเดอร์ ชื่อ ผลงาน และสถานะ: ยังไม่มีคะแนน (ยังไม่มีบรรทัดของกรรมการ) กำลังให้คะแนน ตัดสินแล้ว
    (ผลเป็นที่สุด ตามที่การตรวจร่างของรายงานแจ้ง) และ ผ่านเข้ารอบถัดไป N ผลงาน เมื่อประธานกรรมการ
    คัดผลงานเข้ารอบแล้ว `*` ชี้โฟลเดอร์นี้ ในการประกวดที่ใช้สิทธิ์ตามบัญชีผู้ใช้ เฉพาะประธานกรรมการเห็น
    สถานะ

    ตัวเลือก:
      --lang th|en   ภาษาของบรรทัด (th)

    """, """
    usage: khanaen rounds [--lang th|en] [--contest DIR]

    Lists the rounds from the first to the last: back through each contest.json's
    `previousRound`, and forward to the folders beside a round whose `previousRound`
    names it. One line per round: its number, folder, title, entries and state: ยังไม่
    มีคะแนน (open: no judge line yet), กำลังให้คะแนน (scoring), ตัดสินแล้ว (decided: the
    results are final, as the report's draft check says), and ผ่านเข้ารอบถัดไป N ผลงาน
    (advanced N) once its chair advanced a shortlist. `*` marks this folder. Only
    the chairs see the states of a contest whose access is by logins.

    options:
      --lang th|en   the language of the lines (th)

    """)
    static let options = OptionSpec(values: ["contest", "lang"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let here = try ContestLocation.resolve(args, ctx)
        let language = try args.language()
        guard let start = resolved(here) else { throw InputError(th: "\(here): ไม่มีโฟลเดอร์การประกวดนี้", en: "\(here): no such contest folder") }
        let chain = try chain(from: start) { dir, before in
            let (dir, before) = (TerminalText.safe(dir), TerminalText.safe(before))
            ctx.out(language.t("  (รอบก่อน \(dir): อ่าน \(before) ไม่ได้)", "  (round before \(dir): \(before) cannot be read)") + "\n")
        }
        for (k, round) in chain.enumerated() {
            let number = round.contest.round?.number ?? k + 1
            let title = round.contest.round.map { $0.title }.flatMap { $0.isEmpty ? nil : $0 } ?? round.contest.name
            let state = Identity.mayReadAllScores(round.contest, login: ctx.login, uid: ctx.uid)
                ? try state(round.dir, round.contest, language) : "—"
            let mark = round.dir == start ? "*" : " "
            let n = round.contest.entries.count
            ctx.out(TerminalText.safe(language.t("\(mark) รอบที่ \(number)  \(round.dir)  \(title)  ผลงาน \(n) ชิ้น  \(state)",
                                                 "\(mark) round \(number)  \(round.dir)  \(title)  \(n) entries  \(state)")) + "\n")
        }
        return 0
    }

    /// The rounds from the first to the last that `start` (resolved) belongs to; `note` hears of
    /// an earlier round that cannot be read.
    static func chain(from start: String, note: (_ dir: String, _ folder: String) -> Void = { _, _ in }) throws -> [(dir: String, contest: Contest)] {
        var chain: [(dir: String, contest: Contest)] = [(start, try ContestFolder.loadContest(start))]
        // Back through previousRound.
        while let previous = chain[0].contest.previousRound, chain.count < 100 {
            guard let dir = resolved(Custody.folder(of: previous, from: chain[0].dir)), !chain.contains(where: { $0.dir == dir }),
                  let contest = try? ContestFolder.loadContest(dir) else {
                note(chain[0].dir, previous.folder)
                break
            }
            chain.insert((dir, contest), at: 0)
        }
        // Forward to a sibling folder that names the last as its previous round.
        while chain.count < 100, let next = following(chain[chain.count - 1].dir), !chain.contains(where: { $0.dir == next.dir }) {
            chain.append(next)
        }
        return chain
    }

    /// The minutes' list of rounds, when `dir` is one round of several.
    static func minutes(of dir: String) -> [RoundMinutes] {
        guard let start = resolved(dir), let chain = try? chain(from: start), chain.count > 1 else { return [] }
        return chain.enumerated().map { k, round in
            let number = round.contest.round?.number ?? k + 1
            // Where each round is, as seen from this one: no machine's absolute path in the minutes.
            let folder = round.dir == start ? "." : RoundCommand.relativePath(from: start, to: round.dir)
            do {
                let ledger = try ContestFolder.ledger(of: round.contest, in: round.dir)
                return RoundMinutes(round.contest, number: number, folder: folder, isThis: round.dir == start, ledger: ledger)
            } catch {
                return RoundMinutes(number: number, title: round.contest.round?.title ?? round.contest.name, folder: folder,
                                    isThis: round.dir == start, panel: round.contest.judges.map(\.name), unreadable: error.said(in: .th))
            }
        }
    }

    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// A folder beside `dir` whose contest.json's previousRound resolves to `dir`.
    static func following(_ dir: String) -> (dir: String, contest: Contest)? {
        let parent = AtomicFile.parent(of: dir)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted() where !name.hasPrefix(".") {
            var st = stat()
            let candidate = parent + "/" + name
            guard lstat(candidate, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
                  let contest = try? ContestFolder.loadContest(candidate), let previous = contest.previousRound,
                  resolved(Custody.folder(of: previous, from: candidate)) == dir else { continue }
            return (candidate, contest)
        }
        return nil
    }

    static func state(_ dir: String, _ contest: Contest, _ language: Language) throws -> String {
        // A state is open, scoring or decided whatever the earlier round adds; one that cannot be read changes none.
        let ledger = try ContestFolder.ledger(of: (try? ContestFolder.withEarlierRound(contest, in: dir)) ?? contest, in: dir)
        let advanced = ledger.chairFiles.flatMap(\.events).last { $0.kind == .advance }.map { e in
            " · " + language.t("ผ่านเข้ารอบถัดไป \(e.advancedEntries.count) ผลงาน", "advanced \(e.advancedEntries.count)")
        } ?? ""
        guard ledger.judgeFiles.contains(where: { $0.lineCount > 0 }) else { return language.t("ยังไม่มีคะแนน", "open") + advanced }
        let book = SheetBook(ledger: ledger)
        let results = Scoring.compute(book, method: nil, includeDrafts: false)
        let statistics = ReportCommand.statisticsOf(book, results, includeDrafts: false, seed: PanelStatistics.defaultSeed,
                                                    resamples: PanelStatistics.defaultResamples)
        let draft = AnnouncementDraft.check(results, book: book, ledger: ledger.summary(book), queue: statistics.queue)
        return (draft.isEmpty ? language.t("ตัดสินแล้ว", "decided") : language.t("กำลังให้คะแนน", "scoring")) + advanced
    }
}
