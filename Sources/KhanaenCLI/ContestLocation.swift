import Foundation
import KhanaenCore

/// Which contest folder a command works on: --contest, else $KHANAEN_CONTEST, else the
/// demo contest, which is copied from the sources on first use so they never change.
enum ContestLocation {
    static let demoName = "digital-local-2566"

    static func resolve(_ args: ParsedArguments, _ ctx: CommandContext) throws -> String {
        if let dir = args.value("contest") { return dir }
        if let dir = ctx.environment["KHANAEN_CONTEST"], !dir.isEmpty { return dir }
        // The copy's notice in the command's language (--lang en, as CLI.run reads it).
        return try demoFolder(ctx, language: args.value("lang") == "en" ? .en : .th)
    }

    /// For the terminal programs: as `resolve`, but a demo copied now is not said on standard
    /// error (curses would hide it until quitting): its path is returned, for the status line.
    static func resolveForScreen(_ args: ParsedArguments, _ ctx: CommandContext) throws -> (dir: String, copiedTo: String?) {
        if let dir = args.value("contest") { return (dir, nil) }
        if let dir = ctx.environment["KHANAEN_CONTEST"], !dir.isEmpty { return (dir, nil) }
        var copied: String? = nil
        let dir = try demoFolder(ctx, language: args.value("lang") == "en" ? .en : .th) { copied = $0 }
        return (dir, copied)
    }

    /// Whether the command works on the built-in demo (no --contest, no $KHANAEN_CONTEST).
    static func isDemo(_ args: ParsedArguments, _ ctx: CommandContext) -> Bool {
        args.value("contest") == nil && (ctx.environment["KHANAEN_CONTEST"] ?? "").isEmpty
    }

    /// Why entries may not be imported into `dir`: its entries are still the sample contest's
    /// (2566's winners, copied by `init --demo`, or by `init` before it made new contests), and
    /// imported ones would be added to them. nil when they are not (or the sample is not found).
    static func stillTheSample(_ dir: String, entries: [Contest.Entry], _ ctx: CommandContext) -> Phrase? {
        guard !entries.isEmpty, let sample = try? ContestFolder.loadContest(sampleFolder(ctx)) else { return nil }
        let ours = Set(entries.map { [$0.id, $0.organisation, $0.title] })
        guard sample.entries.allSatisfy({ ours.contains([$0.id, $0.organisation, $0.title]) }) else { return nil }
        let file = "\(dir)/\(ContestFolder.entriesFile)", first = sample.entries.first!.id, last = sample.entries.last!.id
        return Phrase("\(file): ผลงานในแฟ้มยังเป็นของการประกวดตัวอย่าง (ผลงาน \(sample.entries.count) ชิ้น \(first)–\(last) ผู้ได้รางวัลปี 2566 "
                        + "ตามที่ khanaen init --demo คัดลอกมา) ผลงานที่นำเข้าจะถูกเพิ่มต่อจากนั้น ให้สร้างการประกวดใหม่ด้วย khanaen init DIR (ซึ่งไม่มีผลงาน) "
                        + "หรือทำให้ \(ContestFolder.entriesFile) ว่าง ([]) ก่อน ไม่ได้นำเข้าสิ่งใด",
                      "\(file): its entries are still the sample contest's (\(sample.entries.count) entries, "
                        + "\(first)–\(last), the 2566 winners, as khanaen init --demo copies them); "
                        + "imported entries would be added to them. Make a new contest with khanaen init DIR (it has no entries), "
                        + "or empty \(ContestFolder.entriesFile) ([]) first; nothing was imported")
    }

    /// The sample contest shipped in Data/.
    static func sampleFolder(_ ctx: CommandContext) throws -> String {
        if let dir = ctx.environment["KHANAEN_DATA"], !dir.isEmpty { return dir + "/" + demoName }
        // The checkout this binary was built from: Sources/KhanaenCLI/ContestLocation.swift → Data/.
        let source = URL(fileURLWithPath: #filePath)
        let data = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").appendingPathComponent(demoName).path
        if FileManager.default.fileExists(atPath: data + "/" + ContestFolder.contestFile) { return data }
        throw InputError(th: "ไม่พบการประกวดตัวอย่างที่ \(data) ให้ --contest DIR หรือตั้ง KHANAEN_DATA เป็นโฟลเดอร์ Data", en: "the demo contest was not found at \(data); pass --contest DIR or set KHANAEN_DATA to the Data folder")
    }

    static func dataHome(_ ctx: CommandContext) throws -> String {
        if let x = ctx.environment["XDG_DATA_HOME"], x.hasPrefix("/") { return x + "/khanaen" }
        guard let home = ctx.environment["HOME"], !home.isEmpty else {
            throw InputError(th: "ไม่ได้ตั้งทั้ง XDG_DATA_HOME และ HOME: ให้ --contest DIR", en: "neither XDG_DATA_HOME nor HOME is set: pass --contest DIR")
        }
        return home + "/.local/share/khanaen"
    }

    /// The user's copy of the demo, made on first use.
    /// `copied`, when given, is told the path of a copy made now, instead of standard error.
    static func demoFolder(_ ctx: CommandContext, language: Language = .th, copied: ((String) -> Void)? = nil) throws -> String {
        let target = try dataHome(ctx) + "/" + demoName
        let fm = FileManager.default
        if fm.fileExists(atPath: target + "/" + ContestFolder.contestFile) {
            // A copy made by an earlier version keeps its files directly in ledger/, which this
            // version does not read (docs/access.md): it is set aside, never changed, and the
            // demo copied anew.
            let flat = ((try? fm.contentsOfDirectory(atPath: target + "/" + ContestFolder.ledgerFolder)) ?? []).filter { $0.hasSuffix(".jsonl") }
            if flat.isEmpty { return target }
            let aside = target + ".earlier-" + String(Timestamp.nowMillis() / 1000)
            guard rename(target, aside) == 0 else {
                throw InputError(target, failed: "การประกวดตัวอย่างจากรุ่นก่อน ซึ่งย้ายออกไปเก็บไม่ได้",
                                 "a demo of an earlier version, which cannot be set aside", code: errno)
            }
            ctx.err(language.t("khanaen: ย้ายการประกวดตัวอย่างที่รุ่นก่อนคัดลอกไว้ไปเก็บเป็น \(aside)",
                               "khanaen: the demo copied by an earlier version was set aside as \(aside)") + "\n")
        }
        let source = try sampleFolder(ctx)
        try copyAtomically(from: source, to: target, includeLedger: true)
        if let copied {
            copied(target)
        } else {
            ctx.err(language.t("khanaen: คัดลอกการประกวดตัวอย่าง (คะแนนสังเคราะห์) ไปที่ \(target)",
                               "khanaen: the demo contest (synthetic scores) was copied to \(target)") + "\n")
        }
        return target
    }

    /// Copies a contest folder into a temporary sibling, then renames it into place, so a
    /// half-copied folder is never left where a contest is expected. `edit` may change
    /// contest.json's text on the way; `entriesText`, when given, is written as entries.json
    /// instead of the source's. Every error names the path and the reason.
    /// `extra`, when given, adds to the new folder (its temporary path) before it is put in place.
    static func copyAtomically(from source: String, to target: String, includeLedger: Bool, entriesText: String? = nil,
                               edit: (String) -> String = { $0 }, extra: (String) throws -> Void = { _ in }) throws {
        let parent = AtomicFile.parent(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let temp = parent + "/." + name + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        func fail(_ path: String, _ th: String, _ en: String, _ code: Int32 = errno) -> InputError {
            InputError(path, failed: th, en, code: code)
        }
        var st = stat()
        if lstat(target, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw InputError(th: "\(target): มีอยู่แล้วและไม่ใช่โฟลเดอร์ ไม่ได้เขียนอะไร", en: "\(target): already exists and is not a folder; nothing was written") }
            // An empty folder named by the user is replaced; anything else is kept.
            guard (try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty == true else {
                throw InputError(th: "\(target): มีอยู่แล้วและไม่ว่าง ไม่ได้เขียนอะไร", en: "\(target): already exists and is not empty; nothing was written")
            }
        }
        // The folders above it that do not exist yet are made, each synced into its own parent,
        // so that a contest said to be made survives a power cut.
        var missing: [String] = []
        var above = parent
        while !above.isEmpty && above != "/" && lstat(above, &st) != 0 {
            missing.append(above)
            above = AtomicFile.parent(of: above)
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            for folder in missing.reversed() { try ContestFiles.syncFolder(AtomicFile.parent(of: folder)) }
        } catch let p as FileProblem {
            throw InputError(p)
        } catch {
            throw InputError(parent, failed: "สร้างโฟลเดอร์สำหรับ \(name) ไม่ได้", "cannot create the folder for \(name)", code: errno)
        }
        // What an init a crash interrupted left beside it: never put in place, so never used.
        for stale in ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []) where stale.hasPrefix("." + name + ".tmp-") {
            var sst = stat()
            if lstat(parent + "/" + stale, &sst) == 0, sst.st_mode & S_IFMT == S_IFDIR { try? FileManager.default.removeItem(atPath: parent + "/" + stale) }
        }
        guard mkdir(temp, 0o755) == 0 else { throw fail(temp, "สร้างโฟลเดอร์ไม่ได้", "cannot create a folder") }
        do {
            for file in [ContestFolder.contestFile, ContestFolder.entriesFile] {
                if file == ContestFolder.entriesFile, let entriesText {
                    try AtomicFile.write(Array(entriesText.utf8), to: temp + "/" + file, overwrite: false)
                    continue
                }
                guard var bytes = try ContestFiles.read(folder: source, file) else { throw InputError(th: "\(source)/\(file): ไม่มีแฟ้มนี้", en: "\(source)/\(file): missing") }
                if file == ContestFolder.contestFile { bytes = Array(edit(String(decoding: bytes, as: UTF8.self)).utf8) }
                try AtomicFile.write(bytes, to: temp + "/" + file, overwrite: false)
            }
            guard mkdir(temp + "/" + ContestFolder.ledgerFolder, 0o755) == 0 else { throw fail(temp + "/" + ContestFolder.ledgerFolder, "สร้างโฟลเดอร์ไม่ได้", "cannot create a folder") }
            let ledgerSource = source + "/" + ContestFolder.ledgerFolder
            if includeLedger, let folders = try? FileManager.default.contentsOfDirectory(atPath: ledgerSource) {
                // Each writer's files are in a folder of their own (docs/ledger.md); links are never followed.
                for folder in folders.sorted() {
                    var sub = stat()
                    guard lstat(ledgerSource + "/" + folder, &sub) == 0, sub.st_mode & S_IFMT == S_IFDIR,
                          let names = try? FileManager.default.contentsOfDirectory(atPath: ledgerSource + "/" + folder) else { continue }
                    let into = temp + "/" + ContestFolder.ledgerFolder + "/" + folder
                    guard mkdir(into, 0o750) == 0 else { throw fail(into, "สร้างโฟลเดอร์ไม่ได้", "cannot create a folder") }
                    for file in names.sorted() where file.hasSuffix(".jsonl") {
                        guard let bytes = try ContestFiles.read(folder: ledgerSource + "/" + folder, file) else { continue }
                        try AtomicFile.write(bytes, to: into + "/" + file, overwrite: false, mode: 0o640)
                    }
                }
            }
            try extra(temp)
            // Every folder made inside is in its parent before the whole is moved into place.
            try ContestFiles.syncFolder(temp + "/" + ContestFolder.ledgerFolder)
            try ContestFiles.syncFolder(temp)
            if lstat(target, &st) == 0 && rmdir(target) != 0 { throw fail(target, "แทนที่โฟลเดอร์ว่างไม่ได้", "cannot replace the empty folder") }
            guard rename(temp, target) == 0 else { throw fail(target, "ย้ายการประกวดใหม่เข้าที่ไม่ได้", "cannot move the new contest into place") }
            try ContestFiles.syncFolder(parent)
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            if let e = error as? InputError { throw e }
            if let p = error as? FileProblem { throw InputError(p) }
            if let e = error as? BilingualError { throw InputError(e) }
            throw InputError(th: "\(target): สร้างโฟลเดอร์การประกวดไม่ได้: \(error)", en: "\(target): cannot create the contest folder: \(error)")
        }
    }
}
