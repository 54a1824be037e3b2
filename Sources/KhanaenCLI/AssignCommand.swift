import Foundation
import KhanaenCore
import KhanaenText

/// `khanaen assign`: who judges what. `--dry-run` prints it as CSV, with a summary a chair can
/// check (loads, the judges' overlap, entries short of K and why); without it, or with
/// `--apply FILE`, the assignment is written as one chair `assign` line (docs/ledger.md).
struct AssignCommand: Command {
    static let name = "assign"
    static let summary = Phrase("มอบหมายผลงานให้กรรมการ: ผลงานละ K คน ไม่มีส่วนได้เสีย ภาระเท่ากัน",
                                "assign who judges which entry: K each, no conflict, even loads")
    static let usage = Phrase("""
    วิธีใช้: khanaen assign --per-entry K --dry-run [--max-load N] [--seed N]
                         [--lang th|en] [--contest DIR]
          khanaen assign --per-entry K [--max-load N] [--seed N] --reason TEXT
                         [--chair USER] [--contest DIR]
          khanaen assign --apply FILE --reason TEXT [--chair USER] [--contest DIR]
          khanaen assign --entry E (--add J | --remove J) --reason TEXT
                         [--chair USER] [--contest DIR]
          khanaen assign --remove-judge J [--max-load N] --reason TEXT
                         [--chair USER] [--contest DIR]

    คำนวณการมอบหมาย: ผลงานที่ผ่านคุณสมบัติทุกรายการได้กรรมการ K คน ไม่มีกรรมการคนใดได้รับผลงานที่
    ตนมีส่วนได้เสีย (khanaen conflicts) ไม่มีกรรมการคนใดได้รับผลงานเกิน --max-load รายการหรือ
    เกิน maxLoad ของตนใน contest.json ภาระงานเท่ากันเท่าที่ทำได้ และกรรมการเชื่อมถึงกันผ่านผลงาน
    ที่ให้คะแนนร่วมกัน โดยกรรมการทุกคู่มีผลงานร่วมกันเมื่อจำนวนเอื้อให้ การประกวด สมุดคะแนน และ seed
    ชุดเดียวกันให้การมอบหมายเดียวกัน (docs/scoring.md)

    --dry-run พิมพ์การมอบหมายเป็น CSV ออกทางเอาต์พุตมาตรฐาน (หัวตาราง `entry,judge` แล้ว
    บรรทัดละหนึ่งคู่) และสรุปออกทางเอาต์พุตข้อผิดพลาดมาตรฐาน ผลงานที่ได้กรรมการไม่ครบ K คน จะแจ้ง
    รหัสพร้อมจำนวนกรรมการที่ไม่มีส่วนได้เสียกับผลงานนั้น แล้วออกด้วยรหัส 2

    เมื่อไม่ใช้ --dry-run การมอบหมายจะเขียนลงสมุดคะแนนของประธานกรรมการเป็นหนึ่งบรรทัด พร้อม
    เหตุผล และส่งให้กรรมการแต่ละคนเฉพาะผลงานของตน นับแต่นั้นกรรมการจะเห็นและให้คะแนนได้เฉพาะ
    ผลงานที่มอบหมายให้ตน ทำทั้งหมดหรือไม่ทำเลย: เมื่อผลงานใดได้กรรมการไม่ครบ K คน จะแจ้งผลงานนั้น
    ไม่มีการเขียนใด และออกด้วยรหัส 2

    --apply FILE เขียนการมอบหมายตาม FILE แทน: CSV แบบที่ --dry-run พิมพ์ (หัวตาราง
    `entry,judge` แล้วบรรทัดละหนึ่งคู่) จะแก้ไขแล้วหรือไม่ก็ได้ ผลงานหรือกรรมการที่ไม่รู้จัก คู่ที่
    มีส่วนได้เสีย หรือคู่ที่ซ้ำ ทำให้ปฏิเสธทั้งแฟ้ม โดยแจ้งบรรทัดนั้น ไม่มีการเขียนใด

    --entry E --add J มอบผลงาน E ให้กรรมการ J เพิ่ม (ปฏิเสธเมื่อ J มีส่วนได้เสียกับ E)
    --entry E --remove J นำผลงานออกจาก J --remove-judge J สำหรับกรรมการที่ออกจากคณะ
    กรรมการ ส่งผลงานแต่ละรายการที่ J ยังไม่ได้ส่งคะแนนหรือถอนตัว ให้กรรมการที่มีภาระน้อยที่สุด ไม่
    มีส่วนได้เสียกับผลงานนั้น และยังไม่เกินเพดานของตน โดยคงผลงานที่ J ส่งคะแนนแล้วไว้ เมื่อผลงานใดหา
    กรรมการไม่ได้ จะแจ้งผลงานนั้น ไม่มีการเขียนใด และออกด้วยรหัส 2 ทุกแบบเขียนการมอบหมายที่มีผล ซึ่ง
    เปลี่ยนแล้ว เป็นบรรทัดใหม่พร้อมเหตุผล เครื่องมือของกรรมการที่เปิดอยู่จะแสดงการเปลี่ยนเมื่ออ่าน
    สมุดคะแนนครั้งถัดไป สำหรับประธานกรรมการ (และ root) ในการประกวดแบบเปิด ใครก็ได้

    """, """
    usage: khanaen assign --per-entry K --dry-run [--max-load N] [--seed N]
                          [--lang th|en] [--contest DIR]
           khanaen assign --per-entry K [--max-load N] [--seed N] --reason TEXT
                          [--chair USER] [--contest DIR]
           khanaen assign --apply FILE --reason TEXT [--chair USER] [--contest DIR]
           khanaen assign --entry E (--add J | --remove J) --reason TEXT
                          [--chair USER] [--contest DIR]
           khanaen assign --remove-judge J [--max-load N] --reason TEXT
                          [--chair USER] [--contest DIR]

    Computes an assignment: every eligible entry gets K judges; no judge is given an
    entry they are in conflict with (khanaen conflicts); no judge gets more than
    --max-load entries or their own maxLoad in contest.json; the loads are as even
    as that allows; and the judges are linked through shared entries, every pair
    sharing one where the numbers allow. The same contest, ledger and seed give the
    same assignment (docs/scoring.md).

    --dry-run prints it as CSV on standard output (a header `entry,judge`, then one
    pair a line) and a summary on standard error. Entries that cannot get K judges
    are named with how many judges are free of conflict for them; then the exit code
    is 2.

    Without --dry-run the assignment is written to the chair's ledger as one line,
    with the reason, and each judge is sent only their own entries; from then on a
    judge sees and scores only the entries given to them. All or nothing: when an
    entry cannot get K judges, they are named, nothing is written, and the exit code
    is 2.

    --apply FILE writes the assignment in FILE instead: CSV as --dry-run prints it
    (a header `entry,judge`, then one pair a line), edited or not. An unknown entry
    or judge, a pair in conflict of interest or a pair given twice refuses the whole
    file, naming its line; nothing is written.

    --entry E --add J gives entry E to judge J as well (refused when J is in
    conflict with E); --entry E --remove J takes it from J. --remove-judge J, for a
    judge who leaves the panel, hands each entry J has not submitted or recused to
    the least loaded judge free of conflict for it and under their cap, keeping what
    J submitted; when an entry finds no one it is named, nothing is written and the
    exit code is 2. Each writes the assignment in force, so changed, as a new line
    with the reason; each judge's open workstation shows the change at its next
    reading of the ledger. For the chairs (and root); in an open contest, anyone.

    """)
    static let options = OptionSpec(values: ["per-entry", "max-load", "seed", "lang", "contest", "reason", "apply", "chair",
                                             "entry", "add", "remove", "remove-judge"], flags: ["dry-run"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        if let file = args.value("apply") {
            if args.has("dry-run") || args.value("per-entry") != nil { throw UsageError(th: "--apply ไม่รับ --per-entry หรือ --dry-run", en: "--apply takes no --per-entry or --dry-run") }
            return try apply(file: file, reason: try reason(args), args, ctx, language: language)
        }
        if args.value("entry") != nil || args.value("add") != nil || args.value("remove") != nil || args.value("remove-judge") != nil {
            if args.has("dry-run") || args.value("per-entry") != nil { throw UsageError(th: "--entry, --add, --remove และ --remove-judge ไม่รับ --per-entry หรือ --dry-run", en: "--entry, --add, --remove and --remove-judge take no --per-entry or --dry-run") }
            return try change(args, ctx, language: language)
        }
        let reason = args.has("dry-run") ? nil : try reason(args)
        guard let k = Int(try args.required("per-entry")), k >= 1 else { throw UsageError(th: "--per-entry ต้องเป็นจำนวนเต็มตั้งแต่ 1", en: "--per-entry must be a whole number of at least 1") }
        var maxLoad: Int? = nil
        if let text = args.value("max-load") {
            guard let n = Int(text), n >= 1 else { throw UsageError(th: "--max-load ต้องเป็นจำนวนเต็มตั้งแต่ 1", en: "--max-load must be a whole number of at least 1") }
            maxLoad = n
        }
        var seed: UInt64 = 1
        if let text = args.value("seed") {
            guard let n = UInt64(text) else { throw UsageError(th: "--seed ต้องเป็นจำนวนเต็ม", en: "--seed must be a whole number") }
            seed = n
        }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: Phrase("การมอบหมาย", "an assignment"))
        if k > contest.judges.count {
            throw UsageError(th: "--per-entry \(k): การประกวดนี้มีกรรมการ \(contest.judges.count) คน", en: "--per-entry \(k): the contest has \(contest.judges.count) judges")
        }
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let book = SheetBook(ledger: ledger)
        let ineligible = EligibilityRules.ineligible(book)
        let problem = AssignmentProblem(
            entryCount: contest.entries.count, judgeCount: contest.judges.count, perEntry: k,
            caps: contest.judges.map { j in [maxLoad, j.maxLoad].compactMap { $0 }.min() },
            // The rules' conflicts and the judges' own declarations (their recusals in force).
            conflicted: conflicted(contest, book: book),
            skipped: contest.entries.indices.map { ineligible[$0] != nil }, seed: seed)
        let result = AssignmentSolver.solve(problem)

        if let reason {
            for line in summary(result, contest: contest, k: k, skipped: ineligible.count, language: language) { ctx.err(TerminalText.safe(line) + "\n") }
            guard result.short.isEmpty else {
                ctx.err(language.t("ไม่ได้บันทึกการมอบหมาย: มีผลงานที่ได้กรรมการไม่ครบ \(k) คน\n",
                                        "nothing written: some entries cannot get \(k) judges\n"))
                return 2
            }
            let pairs = result.judgesOf.enumerated().compactMap { e, judges -> AssignedEntry? in
                judges.isEmpty ? nil : AssignedEntry(entry: contest.entries[e].id, judges: judges.sorted().map { contest.judges[$0].id })
            }
            return try write(pairs, reason: reason, contest: contest, dir: dir, args, ctx, language: language)
        }

        var csv = "entry,judge\n"
        for (e, judges) in result.judgesOf.enumerated() {
            for j in judges { csv += "\(contest.entries[e].id),\(contest.judges[j].id)\n" }
        }
        ctx.out(csv)
        for line in summary(result, contest: contest, k: k, skipped: ineligible.count, language: language) { ctx.err(TerminalText.safe(line) + "\n") }
        return result.short.isEmpty ? 0 : 2
    }

    private static func reason(_ args: ParsedArguments) throws -> String {
        guard let reason = args.value("reason"), !reason.trimmed.isEmpty else {
            throw UsageError(th: "ให้ --reason: การมอบหมายเขียนลงสมุดคะแนนพร้อมเหตุผล (หรือ --dry-run เพื่อพิมพ์ดูเท่านั้น)", en: "give --reason: an assignment is written to the ledger with its reason (or --dry-run to print it)")
        }
        return reason
    }

    /// Writes `pairs` as the chair's `assign` line and delivers each judge their own entries.
    private static func write(_ pairs: [AssignedEntry], reason: String, contest: Contest, dir: String, _ args: ParsedArguments,
                              _ ctx: CommandContext, language: Language) throws -> Int32 {
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        try ContestFolder.ensureLedgerFolder(dir)
        try ledger.appendChair(LedgerEvent(actor: chair, assign: pairs, reason: reason))
        let count = pairs.reduce(0) { $0 + $1.judges.count }
        ctx.out(language.t("บันทึกแล้ว: \(chair) มอบหมายผลงาน \(pairs.count) รายการ (\(count) คู่กรรมการ–ผลงาน)\n",
                                "saved: \(chair) assigned \(pairs.count) entries (\(count) judge–entry pairs)\n"))
        return 0
    }

    /// `--entry E --add J | --remove J`, `--remove-judge J`: the assignment in force, changed.
    static func change(_ args: ParsedArguments, _ ctx: CommandContext, language: Language) throws -> Int32 {
        let reason = try reason(args)
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: Phrase("การมอบหมาย", "an assignment"))
        func judge(_ key: String) throws -> Int {
            let id = try args.required(key)
            guard let j = contest.judgeIndex(id) else { throw UsageError(th: "--\(key): ไม่มีกรรมการรหัส \"\(id.terminalSafe)\"", en: "--\(key): no judge has id \"\(id.terminalSafe)\"") }
            return j
        }
        let change: AssignmentChange.Change
        if args.value("remove-judge") != nil {
            if args.value("entry") != nil || args.value("add") != nil || args.value("remove") != nil {
                throw UsageError(th: "--remove-judge ไม่รับ --entry, --add หรือ --remove", en: "--remove-judge takes no --entry, --add or --remove")
            }
            change = .removeJudge(try judge("remove-judge"))
        } else {
            let id = try args.required("entry")
            guard let e = contest.entryIndex(id) else { throw UsageError(th: "--entry: ไม่มีผลงานรหัส \"\(id.terminalSafe)\"", en: "--entry: no entry has id \"\(id.terminalSafe)\"") }
            switch (args.value("add"), args.value("remove")) {
            case (.some, nil): change = .add(entry: e, judge: try judge("add"))
            case (nil, .some): change = .remove(entry: e, judge: try judge("remove"))
            default: throw UsageError(th: "--entry ต้องมี --add J หรือ --remove J อย่างใดอย่างหนึ่ง", en: "--entry takes one of --add J or --remove J")
            }
        }
        var maxLoad: Int? = nil
        if let text = args.value("max-load") {
            guard let n = Int(text), n >= 1 else { throw UsageError(th: "--max-load ต้องเป็นจำนวนเต็มตั้งแต่ 1", en: "--max-load must be a whole number of at least 1") }
            maxLoad = n
        }
        let book = SheetBook(ledger: try ContestFolder.ledger(of: contest, in: dir))
        guard let current = book.assignment else {
            throw UsageError(th: "ยังไม่มีการมอบหมาย: ใช้ khanaen assign --per-entry K ก่อน",
                             en: "there is no assignment yet: khanaen assign --per-entry K first")
        }
        let changed: [[Bool]]
        do {
            changed = try AssignmentChange.apply(change, to: current, book: book, conflicted: try conflicted(contest, dir: dir),
                                                 caps: contest.judges.map { j in [maxLoad, j.maxLoad].compactMap { $0 }.min() })
        } catch let refused as AssignmentChange.Refused {
            throw UsageError(th: refused.words.th, en: refused.words.en)
        } catch let short as AssignmentChange.Short {
            for s in short.entries {
                let id = contest.entries[s.entry].id
                ctx.err(TerminalText.safe(language == .th ? "ผลงาน \(id) หากรรมการแทนไม่ได้: มีกรรมการอื่นที่ไม่มีส่วนได้เสียเพียง \(s.free) คน ทุกคนมีผลงานนี้แล้วหรือเต็มภาระ"
                                                          : "entry \(id) finds no other judge: only \(s.free) are free of conflict for it, each already on it or at their cap") + "\n")
            }
            ctx.err(language == .th ? "ไม่ได้บันทึกการมอบหมาย\n" : "nothing written\n")
            return 2
        }
        return try write(AssignmentChange.pairs(changed, contest: contest), reason: reason, contest: contest, dir: dir, args, ctx, language: language)
    }

    /// `--apply FILE`: the CSV `entry,judge`, checked whole before anything is written.
    static func apply(file: String, reason: String, _ args: ParsedArguments, _ ctx: CommandContext, language: Language) throws -> Int32 {
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        try Identity.requireAllScores(contest, login: ctx.login, uid: ctx.uid, command: Phrase("การมอบหมาย", "an assignment"))
        guard let data = FileManager.default.contents(atPath: file) else { throw InputError(th: "\(file): อ่านไม่ได้", en: "\(file): cannot be read") }
        let pairs = try parseCSV(String(decoding: data, as: UTF8.self), file: file, contest: contest,
                                 conflicted: try conflicted(contest, dir: dir))
        return try write(pairs, reason: reason, contest: contest, dir: dir, args, ctx, language: language)
    }

    /// By entry × judge: the pairs the rules and the judges' recusals in force keep apart.
    static func conflicted(_ contest: Contest, dir: String) throws -> [[Bool]] {
        conflicted(contest, book: SheetBook(ledger: try ContestFolder.ledger(of: contest, in: dir)))
    }

    /// By entry × judge: the pairs the rules, the judges' recusals in force and the chairs'
    /// recorded conflicts keep apart.
    static func conflicted(_ contest: Contest, book: SheetBook) -> [[Bool]] { AssignmentChange.conflicted(contest, book: book) }

    /// The pairs of an `entry,judge` CSV (a header, then one pair a line) in entry order,
    /// each entry's judges in contest order; throws naming the first line at fault.
    static func parseCSV(_ text: String, file: String, contest: Contest, conflicted: [[Bool]]) throws -> [AssignedEntry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard lines.first.map({ $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 })?.trimmed == "entry,judge" else { throw InputError(th: "\(file):1: บรรทัดหัวต้องเป็น entry,judge", en: "\(file):1: the header must be entry,judge") }
        var given = [[Bool]](repeating: [Bool](repeating: false, count: contest.judges.count), count: contest.entries.count)
        for (k, line) in lines.enumerated().dropFirst() where !line.trimmed.isEmpty {
            let at = "\(file):\(k + 1)"
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard fields.count == 2 else { throw InputError(th: "\(at): ไม่ใช่คู่ entry,judge: \(line)", en: "\(at): not a pair entry,judge: \(line)") }
            guard let e = contest.entryIndex(fields[0]) else { throw InputError(th: "\(at): ไม่มีผลงานรหัส \"\(fields[0])\" ไม่มีการเขียนลงสมุดคะแนน", en: "\(at): no entry has id \"\(fields[0])\"; nothing written") }
            guard let j = contest.judgeIndex(fields[1]) else { throw InputError(th: "\(at): ไม่มีกรรมการรหัส \"\(fields[1])\" ไม่มีการเขียนลงสมุดคะแนน", en: "\(at): no judge has id \"\(fields[1])\"; nothing written") }
            if conflicted[e][j] {
                throw InputError(th: "\(at): \(fields[1]) มีส่วนได้เสียกับผลงาน \(fields[0]) (khanaen conflicts) ไม่มีการเขียนลงสมุดคะแนน", en: "\(at): \(fields[1]) is in conflict of interest with \(fields[0]) (khanaen conflicts); nothing written")
            }
            if given[e][j] { throw InputError(th: "\(at): \(fields[0]),\(fields[1]) มีซ้ำสองครั้ง ไม่มีการเขียนลงสมุดคะแนน", en: "\(at): \(fields[0]),\(fields[1]) is given twice; nothing written") }
            given[e][j] = true
        }
        return contest.entries.indices.compactMap { e in
            let judges = contest.judges.indices.filter { given[e][$0] }.map { contest.judges[$0].id }
            return judges.isEmpty ? nil : AssignedEntry(entry: contest.entries[e].id, judges: judges)
        }
    }

    /// The summary's lines, each to be made safe for a terminal.
    static func summary(_ r: AssignmentResult, contest: Contest, k: Int, skipped: Int, language: Language) -> [String] {
        let given = r.judgesOf.filter { !$0.isEmpty }.count
        var lines: [String] = []
        let loads = r.loads.isEmpty ? "" : "\(r.loads.min()!)–\(r.loads.max()!)"
        lines.append(language.t("มอบหมายผลงาน \(given) รายการ รายการละ \(k) คน · ภาระต่อกรรมการ \(loads) รายการ"
                                  + (skipped > 0 ? " · ไม่มอบหมาย \(skipped) รายการที่ไม่ผ่านคุณสมบัติ" : ""),
                                "assigned \(given) entries, \(k) judges each · load per judge \(loads)"
                                  + (skipped > 0 ? " · \(skipped) ineligible entries left out" : "")))
        let each = contest.judges.indices.map { "\(contest.judges[$0].id) \(r.loads[$0])" }.joined(separator: ", ")
        lines.append((language.t("ภาระ: ", "loads: ")) + each)
        if let overlap = r.minOverlap {
            if r.pairsApart == 0 {
                lines.append(language.t("กรรมการทุกคู่ให้คะแนนผลงานร่วมกันอย่างน้อย \(overlap) รายการ",
                                "every pair of judges shares at least \(overlap) entries"))
            } else {
                lines.append(language.t("กรรมการ \(r.pairsApart) คู่ไม่มีผลงานร่วมกัน" + (r.overlapPossible ? "" : " (ผลงานมีไม่พอให้ทุกคู่)"),
                                        "\(r.pairsApart) pairs of judges share no entry" + (r.overlapPossible ? "" : " (too few entries for every pair)")))
            }
            lines.append(r.connected ? (language.t("กรรมการทุกคนเชื่อมถึงกันผ่านผลงานที่ให้คะแนนร่วม", "every judge is linked to every other through shared entries"))
                                     : (language.t("กรรมการแยกเป็นกลุ่มที่ไม่มีผลงานร่วมกัน: เทียบคะแนนข้ามกลุ่มไม่ได้", "the judges fall into groups that share no entry")))
        }
        for s in r.short {
            let id = contest.entries[s.entry].id
            lines.append(language.t("ผลงาน \(id) ได้กรรมการ \(s.assigned) จาก \(k) คน: มีกรรมการที่ไม่มีส่วนได้เสียเพียง \(s.free) คน",
                            "entry \(id) has \(s.assigned) of \(k) judges: only \(s.free) judges are free of conflict for it"))
        }
        return lines
    }
}

/// `khanaen conflicts`: every conflict of interest the contest's rules give, with its cause.
struct ConflictsCommand: Command {
    static let name = "conflicts"
    static let summary = Phrase("รายการมีส่วนได้เสีย: กรรมการคนใดให้คะแนนผลงานใดไม่ได้ เพราะอะไร",
                                "list the conflicts of interest: who may not judge what, and why")
    static let usage = Phrase("""
    วิธีใช้: khanaen conflicts [--format table|json] [--lang th|en] [--contest DIR]

    แสดงทุกคู่ของกรรมการกับผลงานที่มีส่วนได้เสีย พร้อมสาเหตุ: อยู่จังหวัดเดียวกับกรรมการ หรือเป็นหน่วยงาน
    หนึ่งของกรรมการ (conflictRules ใน contest.json และจังหวัดกับหน่วยงานของกรรมการแต่ละคน:
    docs/contest-format.md) หรือกรรมการแจ้งเอง (`khanaen conflict declare`
    หรือการถอนตัว) พร้อมเหตุตามกฎหมาย เหตุผล และเวลา กรรมการเห็นเฉพาะของตน
    ประธานกรรมการและ root เห็นของกรรมการทุกคน

    """, """
    usage: khanaen conflicts [--format table|json] [--lang th|en] [--contest DIR]

    Lists every pair of judge and entry in conflict, with its cause: the same
    province as the judge, or one of the judge's organisations (contest.json's
    conflictRules, and each judge's province and organisations;
    docs/contest-format.md), or the judge's own declaration (`khanaen conflict
    declare`, a recusal) with its ground, reason and time. A judge sees their own;
    the chairs and root every judge's.

    """)
    static let options = OptionSpec(values: ["format", "lang", "contest"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        let format = args.value("format") ?? "table"
        guard ["table", "json"].contains(format) else { throw UsageError(th: "--format ต้องเป็น table หรือ json", en: "--format must be table or json") }
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        var conflicts = Conflicts.computed(contest)
        let ledger = Ledger(contest: contest, directory: dir + "/" + ContestFolder.ledgerFolder)
        var judges = Array(contest.judges.indices)
        let chairEvents: [LedgerEvent]
        if contest.access == .logins, !Identity.mayReadAllScores(contest, login: ctx.login, uid: ctx.uid) {
            guard let own = contest.judges.firstIndex(where: { $0.user == ctx.login }) else {
                throw NotAllowed(th: "ผู้ใช้ \"\(ctx.login)\" ไม่ได้เป็นกรรมการหรือประธานกรรมการของการประกวดนี้",
                                 en: "the login \"\(ctx.login)\" is neither a judge nor a chair of this contest")
            }
            conflicts = conflicts.filter { $0.judge == own }
            judges = [own]
            try ledger.refreshJudge(contest.judges[own].id)
            chairEvents = ledger.deliveredStream(toJudge: contest.judges[own].id).events
        } else {
            for f in ledger.chairFiles { try f.refresh() }
            for j in judges { try ledger.judgeFiles[j].refresh() }
            chairEvents = ledger.chairStream.events
        }
        conflicts += Conflicts.declared(rows: judges.map { j in
            let events = ledger.judgeFiles[j].events
            return (j, SheetBook.judgeSheets(contest: contest, judgeID: contest.judges[j].id, judgeEvents: events, chairEvents: chairEvents), events)
        })
        conflicts += Conflicts.recorded(chairEvents: chairEvents, contest: contest).filter { judges.contains($0.judge) }
        let cleared = Conflicts.cleared(chairEvents: chairEvents, contest: contest)
        conflicts.sort { ($0.judge, $0.entry) < ($1.judge, $1.entry) }
        func cause(_ c: Conflict) -> (code: String, words: String) {
            if case .rule(let rule) = c.cause, let clear = cleared.first(where: { $0.judge == c.judge && $0.entry == c.entry })?.line {
                let when = ThaiDate.moment(clear.time, zone: contest.timeZone, language: language)
                let words = Conflicts.describe(rule, entry: contest.entries[c.entry])
                return ("cleared:" + rule.rawValue, language == .th
                    ? "\(words.thai): ประธานกรรมการ \(clear.actor) ยกเว้นแล้ว — \(clear.text ?? "") (\(when))"
                    : "\(words.english): cleared by the chair \(clear.actor) — \(clear.text ?? "") (\(when))")
            }
            switch c.cause {
            case .rule(.province):
                return ("province", language.t("จังหวัดเดียวกับกรรมการ (\(contest.entries[c.entry].province))",
                                                    "the judge's province (\(contest.entries[c.entry].province))"))
            case .rule(.organisation):
                return ("organisation", language.t("หน่วยงานของกรรมการ (\(contest.entries[c.entry].organisation))",
                                                        "the judge's organisation (\(contest.entries[c.entry].organisation))"))
            case .declared(let ground, let reason, let time):
                let when = ThaiDate.moment(time, zone: contest.timeZone, language: language)
                return ("declared:" + ground.rawValue, (language.t("กรรมการแจ้งเอง: \(ground.thai) — \(reason) (\(when))",
                                                                         "declared by the judge: \(ground.english) — \(reason) (\(when))")))
            case .chair(let ground, let reason, let chair, let time):
                let when = ThaiDate.moment(time, zone: contest.timeZone, language: language)
                return ("chair:" + ground.rawValue, (language.t("ประธานกรรมการ \(chair) ระบุ: \(ground.thai) — \(reason) (\(when))",
                                                                     "recorded by the chair \(chair): \(ground.english) — \(reason) (\(when))")))
            }
        }
        if format == "json" {
            let items: [JSONValue] = conflicts.map { c in
                .obj([("judge", .string(contest.judges[c.judge].id)), ("entry", .string(contest.entries[c.entry].id)),
                      ("cause", .string(cause(c).code)), ("reason", .string(cause(c).words))])
            }
            ctx.out(JSONWriter.escapingInvisible(JSONWriter.string(.arr(items), indent: 2)) + "\n")
            return 0
        }
        if conflicts.isEmpty {
            ctx.out(language.t("ไม่มีกรรมการที่มีส่วนได้เสียกับผลงานใด\n", "no judge is in conflict with any entry\n"))
            return 0
        }
        let table = TextTable([.init(language.t("กรรมการ", "judge"), width: 8), .init(language.t("ผลงาน", "entry"), width: 8),
                               .init(language.t("เหตุ", "cause"), minWidth: 20)])
        let widths = table.widths(total: 80)
        ctx.out(TerminalText.safe(table.header(widths: widths)) + "\n")
        for c in conflicts {
            ctx.out(TerminalText.safe(table.line([contest.judges[c.judge].id, contest.entries[c.entry].id, cause(c).words], widths: widths)) + "\n")
        }
        return 0
    }
}

private extension String {
    var trimmed: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
