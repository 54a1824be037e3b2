import Foundation
import KhanaenCore
import KhanaenText

/// `khanaen round next`: the chair advances a shortlist into the next round's folder
/// (docs/contest-format.md, "Rounds").
struct RoundCommand: Command {
    static let name = "round"
    static let summary = Phrase("ประธานกรรมการคัดผลงานเข้ารอบถัดไปเป็นโฟลเดอร์การประกวดใหม่",
                                "the chair advances a shortlist into the next round's folder")
    static let usage = Phrase("""
    วิธีใช้: khanaen round next --to DIR (--top N | --entries E1,E2,…) [--rules FILE]
                             --reason TEXT [--chair USER] [--lang th|en]
                             [--contest DIR]

    การดำเนินการของประธานกรรมการ คำนวณผลตามวิธีทางการ (เหมือน `report`) ลงตราผลคะแนนใน
    จุดตรวจ และบรรทัด `advance` ในสมุดคะแนนของประธานกรรมการ (ผลงาน ตราผลคะแนน เหตุผล)
    แล้วสร้างโฟลเดอร์ DIR ของรอบถัดไปทันที: contest.json จากของรอบนี้ (รหัสใหม่ รอบ + 1) หรือ
    จาก FILE (มีเกณฑ์และคณะกรรมการของตนเอง รหัสต้องต่างกัน) โดยมี `previousRound` ระบุ
    โฟลเดอร์นี้ ตราผลคะแนน และบรรทัด advance; entries.json ที่มีเฉพาะผลงานที่ผ่านเข้ารอบ รหัส
    เดิม; documents/ ของผลงานเหล่านั้น (เป็น hard link เมื่อระบบแฟ้มรองรับ ไม่ผ่าน symbolic
    link) คำสั่ง `verify` ของรอบถัดไปตรวจว่าสมุดคะแนนของรอบนี้ยังต่อจากตราผลคะแนน และ advance
    ระบุผลงานตรงกันทุกรายการ

    ตัวเลือก:
      --top N          ผลงาน N อันดับแรก ปฏิเสธเมื่อเส้นตัดอยู่กลางผลงานที่เสมอกัน
      --entries LIST   ผลงานที่ประธานกรรมการเลือก รหัสคั่นด้วยจุลภาค
      --rules FILE     contest.json ของรอบถัดไป (มิฉะนั้นใช้ของรอบนี้)
      --chair USER     ใช้ได้เฉพาะการประกวดแบบเปิด: ประธานกรรมการผู้ดำเนินการ
      --lang th|en     ภาษาของข้อความ (th)

    รอบหนึ่งผ่านเข้ารอบถัดไปได้ครั้งเดียว: เมื่อสั่งอีกครั้งด้วยรายชื่อเดิมขณะที่ยังไม่มีโฟลเดอร์ (สร้างไม่
    สำเร็จ) จะสร้างโฟลเดอร์จาก advance ที่ลงไว้แล้ว และไม่เขียนบรรทัดที่สอง กรณีอื่นจะถูกปฏิเสธ

    """, """
    usage: khanaen round next --to DIR (--top N | --entries E1,E2,…) [--rules FILE]
                              --reason TEXT [--chair USER] [--lang th|en]
                              [--contest DIR]

    Chair action. Computes the results by the official method (as `report` does),
    records their seal in a checkpoint and an `advance` line in the chair's ledger
    (the entries, the seal, the reason), then makes the next round's folder DIR at
    once: contest.json from this round's (a new id, round number + 1) or from FILE
    (its own criteria and panel; its id must differ), with `previousRound` naming
    this folder, the seal and the advance line; entries.json with the advancing
    entries only, same ids; their documents/ (hard links where the file system
    allows, never through a symbolic link). The next round's `verify` checks that
    this round's ledger still extends the seal and that the advance lists exactly
    its entries.

    options:
      --top N          the first N ranked entries; refused when the cut falls inside
                       a tie
      --entries LIST   the chair's choice, comma-separated ids
      --rules FILE     the next round's contest.json (else this round's)
      --chair USER     only in an open contest: the chair acting
      --lang th|en     the language of what it says (th)

    A round advances once: run again with the same shortlist while the folder is
    missing (it could not be made), it makes the folder from the advance already
    recorded and writes no second one; anything else is refused.

    """)
    static let options = OptionSpec(values: ["to", "top", "entries", "rules", "reason", "chair", "contest", "lang"],
                                    positionals: 1...1, positionalName: Phrase("สิ่งที่จะทำ (next)", "what to do (next)"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard args.positionals[0] == "next" else { throw UsageError(th: "รอบทำได้อย่างเดียวคือ next", en: "the only round action is next") }
        let target = try args.required("to"), reason = try args.required("reason")
        guard (args.value("top") == nil) != (args.value("entries") == nil) else { throw UsageError(th: "ให้ --top N หรือ --entries LIST อย่างใดอย่างหนึ่ง", en: "give either --top N or --entries LIST") }
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        var contest = try ContestFolder.loadContest(dir)
        let chair = try ChairIdentity.resolve(args, ctx, contest: contest)
        contest = try ContestFolder.withEarlierRound(contest, in: dir)
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let book = SheetBook(ledger: ledger)
        let results = Scoring.compute(book, method: nil, includeDrafts: false)
        let summary = ledger.summary(book)
        guard summary.isIntact else {
            throw InputError(th: "สมุดคะแนนไม่ครบถ้วน (\(summary.problems.count) ปัญหา) ดูรายละเอียดด้วย khanaen verify ไม่มีการเขียนลงสมุดคะแนน", en: "the ledger is not intact (\(summary.problems.count) problem(s)); khanaen verify says more; nothing was written")
        }
        let seal = ReportJSON.seal(results, ledger: summary)

        let advancing: [String]
        if let top = args.value("top") {
            guard let n = Int(top), n >= 1 else { throw UsageError(th: "--top ต้องเป็นจำนวนเต็มตั้งแต่ 1", en: "--top must be a whole number from 1") }
            do { advancing = try Shortlist.top(n, of: results) } catch { throw Refusal(th: error.words.th, en: error.words.en) }
        } else {
            advancing = try args.required("entries").split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0.trimmingCharacters(in: .whitespaces)) }
            for id in advancing where contest.entryIndex(id) == nil { throw Refusal(th: "ไม่มีผลงานรหัส \"\(id)\" ในการประกวดนี้", en: "entry \"\(id)\" is not in the contest") }
            if Set(advancing).count != advancing.count { throw Refusal(th: "--entries ระบุผลงานเดียวกันซ้ำ", en: "--entries names an entry twice") }
        }

        // Everything that can be checked is, before the ledger is written.
        var st = stat()
        let targetTaken = lstat(target, &st) == 0
            && (st.st_mode & S_IFMT != S_IFDIR || !((try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty ?? false))
        // A round advances once. The same shortlist again, whose folder was not made, makes it
        // from the advance already recorded, writing no second one.
        let recorded = ledger.chairFiles.compactMap { f in f.events.last { $0.kind == .advance }.map { (file: f, event: $0) } }.first
        if let recorded {
            let at = "\(ContestFolder.ledgerFolder)/\(recorded.file.name).jsonl:\(recorded.event.seq)"
            let before = recorded.event.advancedEntries
            if targetTaken || before != advancing {
                throw Refusal(th: "รอบนี้คัดผลงานเข้ารอบต่อไปแล้ว \(before.count) ชิ้น (\(before.joined(separator: ", "))) ที่ \(at) "
                              + "แต่ละรอบคัดได้ครั้งเดียว",
                              en: "this round already advanced \(before.count) entries (\(before.joined(separator: ", "))) at \(at); a round advances once")
            }
        } else if targetTaken {
            throw InputError(th: "\(target): มีอยู่แล้วและไม่ใช่โฟลเดอร์ว่าง ไม่ได้เขียนอะไร", en: "\(target): already exists and is not an empty folder; nothing was written")
        }
        let number = (contest.round?.number ?? 1) + 1
        let source: [UInt8]
        var newID: String? = nil
        if let rules = args.value("rules") {
            guard let bytes = FileManager.default.contents(atPath: rules) else { throw InputError(th: "\(rules): อ่านไม่ได้", en: "\(rules): cannot be read") }
            source = Array(bytes)
        } else {
            guard let bytes = try ContestFiles.read(folder: dir, ContestFolder.contestFile) else { throw InputError(th: "\(dir)/contest.json: ไม่มีแฟ้มนี้", en: "\(dir)/contest.json: missing") }
            source = bytes
            var base = contest.id
            if let r = base.range(of: "-round-", options: .backwards), Int(base[r.upperBound...]) != nil { base = String(base[..<r.lowerBound]) }
            newID = String(base.prefix(64 - "-round-\(number)".count)) + "-round-\(number)"
        }
        let parent = AtomicFile.parent(of: target)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard let from = realpath(parent, nil), let to = realpath(dir, nil) else { throw InputError(th: "\(target): หาโฟลเดอร์ที่อยู่ไม่ได้", en: "\(target): its folder cannot be resolved") }
        let targetName = target.split(separator: "/").last.map(String.init) ?? target
        let relative = relativePath(from: String(cString: from) + "/" + targetName, to: String(cString: to))
        free(from); free(to)

        // The next round's contest.json is checked whole (a `carry` needs its previousRound) before
        // anything is written.
        let placeholder = Contest.PreviousRound(folder: relative, seal: seal, advanceFile: ContestFolder.ledgerFolder + "/chairs/x.jsonl",
                                                advanceSeq: 1, advanceHash: String(repeating: "0", count: 64))
        let next = try ContestParser.parseDefinition(Array(try nextContestText(source, id: newID, number: number, previous: placeholder).utf8),
                                                     file: args.value("rules") ?? dir + "/" + ContestFolder.contestFile)
        if next.id == contest.id, let rules = args.value("rules") {
            throw InputError(th: "\(rules): รหัสซ้ำกับของรอบนี้ (\(contest.id)) ให้รอบถัดไปมีรหัสของตนเอง เพื่อไม่ให้บรรทัดใดในสมุดคะแนนตรวจผ่านได้ในทั้งสองรอบ", en: "\(rules): its id is this round's (\(contest.id)); give the next round its own, so that no ledger line verifies in both")
        }

        // The seal is witnessed with every head, then the advance recorded.
        let e: LedgerEvent, own: LedgerFile, advancedSeal: String
        if let recorded {
            (e, own, advancedSeal) = (recorded.event, recorded.file, recorded.event.advanceSeal ?? seal)
        } else {
            try ContestFolder.ensureLedgerFolder(dir)
            try ledger.appendCheckpoint(actor: chair, seal: seal)
            e = try ledger.appendChair(LedgerEvent(actor: chair, advancing: advancing, seal: seal, reason: reason))
            (own, advancedSeal) = (ledger.chairFile(for: chair)!, seal)
        }
        let file = ContestFolder.ledgerFolder + "/" + own.name + ".jsonl"
        let previous = Contest.PreviousRound(folder: relative, seal: advancedSeal, advanceFile: file, advanceSeq: e.seq,
                                             advanceHash: own.hash(atLine: e.seq)?.hex ?? "")
        let text = try nextContestText(source, id: newID, number: number, previous: previous)
        let chosen = Set(advancing)
        let entries = EntriesJSON.bytes(contest.entries.filter { chosen.contains($0.id) })
        do {
            try ContestLocation.copyAtomically(from: dir, to: target, includeLedger: false, entriesText: String(decoding: entries, as: UTF8.self),
                                               edit: { _ in text }, extra: { temp in try carryDocuments(advancing, from: dir, to: temp) })
        } catch {
            let how = JSONWriter.string(previous.json)
            ctx.err("khanaen: " + language.t("เขียนการคัดเข้ารอบลงที่ \(file):\(e.seq) แล้ว แต่สร้างโฟลเดอร์ไม่สำเร็จ ให้ลบสิ่งที่อยู่ที่ \(target) "
                                             + "แล้วสร้างเองด้วย previousRound นี้: \(how)",
                                             "the advance is recorded at \(file):\(e.seq), but the folder was not made; remove what is at \(target) "
                                             + "and make it by hand with this previousRound: \(how)") + "\n")
            throw error
        }
        let ids = advancing.joined(separator: ", ")
        ctx.out((recorded != nil
                 ? language.t("ใช้การคัดเข้ารอบที่เขียนไว้แล้วที่ \(file):\(e.seq) ไม่ได้บันทึกซ้ำ",
                              "the advance already recorded at \(file):\(e.seq) is used; no second one was written")
                 : language.t("บันทึกแล้ว: \(chair) ให้ผลงาน \(advancing.count) ผลงาน (\(ids)) ผ่านเข้ารอบถัดไป ที่ \(file):\(e.seq) ตราผลคะแนน \(seal.prefix(16))",
                              "saved: \(chair) advanced \(advancing.count) entries (\(ids)) at \(file):\(e.seq), seal \(seal.prefix(16))")) + "\n")
        ctx.out(language.t("สร้างรอบที่ \(number) แล้วที่ ", "round \(number) made at ") + TerminalText.safe(target) + "\n")
        return 0
    }

    /// The next round's contest.json: the source's members, with `id` (when given) replaced,
    /// `round` added when absent, and `previousRound` set.
    static func nextContestText(_ source: [UInt8], id: String?, number: Int, previous: Contest.PreviousRound) throws -> String {
        guard case .object(var members) = try JSONParser.parse(source).value else { throw InputError(th: "contest.json: ไม่ใช่ออบเจกต์", en: "contest.json: not an object") }
        func set(_ key: String, _ value: JSONValue) {
            guard case .object(let one) = JSONValue.obj([(key, value)]) else { return }
            let located = one[0].value
            if let k = members.firstIndex(where: { $0.key == key }) { members[k].value = located } else { members.append((key, located)) }
        }
        if let id { set("id", .string(id)) }
        if !members.contains(where: { $0.key == "round" }) { set("round", .obj([("number", .number(Double(number)))])) }
        set("previousRound", previous.json)
        return JSONWriter.string(.object(members), indent: 2) + "\n"
    }

    /// Hard-links (or else copies) each advancing entry's documents/<id>/ files into the new
    /// folder; a symbolic link, or anything not a plain file or folder, is never followed.
    static func carryDocuments(_ ids: [String], from dir: String, to temp: String) throws {
        let docs = dir + "/documents"
        var st = stat()
        guard lstat(docs, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return }
        for id in ids {
            let from = docs + "/" + id
            guard lstat(from, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { continue }
            let into = temp + "/documents/" + id
            try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: from).sorted() {
                guard lstat(from + "/" + name, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
                if link(from + "/" + name, into + "/" + name) == 0 { continue }
                guard let bytes = try ContestFiles.read(folder: from, name) else { continue }
                try AtomicFile.write(bytes, to: into + "/" + name, overwrite: false)
            }
            try ContestFiles.syncFolder(into)
        }
        try ContestFiles.syncFolder(temp + "/documents")
        try ContestFiles.syncFolder(temp)
    }

    /// `to` as seen from `from`; both absolute and resolved.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var k = 0
        while k < a.count && k < b.count && a[k] == b[k] { k += 1 }
        let parts = Array(repeating: "..", count: a.count - k) + b[k...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
