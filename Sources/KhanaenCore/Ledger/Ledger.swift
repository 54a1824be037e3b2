import Foundation

/// All the ledger files of a contest, each with exactly one writer (docs/ledger.md):
///
/// - `ledger/<judge>/<judge>.jsonl`: everything one judge did;
/// - `ledger/chairs/<login>.jsonl`: one chair's decisions and checkpoints;
/// - `ledger/<judge>/chair-<login>.jsonl`: what a chair decided that the judge must see (a
///   reopen of their own sheet, an eligibility ruling), copied from the chair's own file:
///   the judge reads these, never a chair's own file;
/// - `ledger/witness/witness.jsonl`: checkpoints written by someone who is not a chair
///   (root's cron job, the keeper).
///
/// A judge's folder is open to that judge and the chairs only, so no judge can read, or
/// even `stat`, another judge's file (docs/access.md).
public final class Ledger: Sendable {
    public static let chairsFolder = "chairs"
    public static let witnessFolder = "witness"
    public static let witnessName = "witness"
    public static let deliveryPrefix = "chair-"

    public let directory: String
    public let contest: Contest
    /// In the contest's judge order.
    public let judgeFiles: [LedgerFile]
    /// One per login of `contest.chairs`, in that order.
    public let chairFiles: [LedgerFile]
    /// `deliveries[judge][chair]`: the chair's decisions the judge must see.
    public let deliveries: [[LedgerFile]]
    public let witnessFile: LedgerFile

    public init(contest: Contest, directory: String) {
        self.contest = contest
        self.directory = directory
        let owned = contest.access == .logins
        judgeFiles = contest.judges.map {
            LedgerFile(path: "\(directory)/\($0.id)/\($0.id).jsonl", name: $0.id, contestID: contest.id,
                       owner: owned ? $0.user : nil)
        }
        chairFiles = contest.chairs.map {
            LedgerFile(path: "\(directory)/\(Ledger.chairsFolder)/\($0).jsonl", name: Ledger.chairFileName($0),
                       contestID: contest.id, keepsEveryHash: true, owner: owned ? $0 : nil)
        }
        deliveries = contest.judges.map { j in
            contest.chairs.map {
                LedgerFile(path: "\(directory)/\(j.id)/\(Ledger.deliveryPrefix)\($0).jsonl", name: Ledger.deliveryName(judge: j.id, chair: $0),
                           contestID: contest.id, keepsEveryHash: true, owner: owned ? $0 : nil)
            }
        }
        witnessFile = LedgerFile(path: "\(directory)/\(Ledger.witnessFolder)/\(Ledger.witnessName).jsonl", name: Ledger.witnessName,
                                 contestID: contest.id, keepsEveryHash: true)
    }

    /// The ledger of `contest` with the files (and what they have read) of `other`, a ledger
    /// of the same contest, judges and chairs made before the entries were read.
    public init(contest: Contest, sharingFilesOf other: Ledger) {
        precondition(contest.id == other.contest.id && contest.judges.map(\.id) == other.contest.judges.map(\.id)
                     && contest.chairs == other.contest.chairs)
        self.contest = contest
        directory = other.directory
        judgeFiles = other.judgeFiles
        chairFiles = other.chairFiles
        deliveries = other.deliveries
        witnessFile = other.witnessFile
    }

    /// A chair's own file's name (bound into its genesis): `chairs/<login>`.
    public static func chairFileName(_ login: String) -> String { "\(chairsFolder)/\(login)" }
    public static func deliveryName(judge: String, chair: String) -> String { "\(judge)/\(deliveryPrefix)\(chair)" }

    /// Where the file of this name lies, relative to the contest folder: `ledger/j1/j1.jsonl`,
    /// `ledger/chairs/alice.jsonl`, `ledger/j1/chair-alice.jsonl`, `ledger/witness/witness.jsonl`.
    public static func displayPath(ofFile name: String) -> String {
        let relative = name.contains("/") ? name : "\(name)/\(name)"
        return "\(ContestFolder.ledgerFolder)/\(relative).jsonl"
    }

    /// The files whose lines are decisions or scores, and the witness: what reports seal.
    public var recordFiles: [LedgerFile] { judgeFiles + chairFiles + [witnessFile] }
    /// Every file, the deliveries last.
    public var allFiles: [LedgerFile] { recordFiles + deliveries.flatMap { $0 } }

    public func file(forJudge id: String) -> LedgerFile? {
        contest.judgeIndex(id).map { judgeFiles[$0] }
    }

    public func chairFile(for login: String) -> LedgerFile? {
        contest.chairs.firstIndex(of: login).map { chairFiles[$0] }
    }

    /// Any file by its name (a judge id, `chairs/<login>`, `<judge>/chair-<login>`, `witness`).
    public func file(named name: String) -> LedgerFile? {
        file(forJudge: name) ?? allFiles.first { $0.name == name }
    }

    /// Reads every file: the chairs' and the witness first (they are short, and their
    /// checkpoints say which lines' hashes the judge files must keep), then the judges' in
    /// parallel, each chain verified on its own, then the deliveries. Returns whether
    /// anything changed since the last refresh.
    ///
    /// A judge's file that cannot be read does not stop the other judges' being read (each
    /// judge's lines depend only on their own and the chairs'): all are read, then the first
    /// error is thrown, and the caller shows it beside what was read, which may have changed.
    /// A chairs' or the witness's file that cannot be read stops the read before the judges'
    /// files: a judge's line after a reopen not yet read would be taken for a change to a
    /// submitted sheet.
    @discardableResult
    public func refresh() throws -> Bool {
        var changed = false
        for f in chairFiles + [witnessFile] { changed = try f.refresh() || changed }
        for f in chairFiles + [witnessFile] {
            for e in f.events where e.kind == .checkpoint {
                for h in e.checkpoint?.heads ?? [] { file(named: h.file)?.watch(line: h.lines) }
            }
        }
        let files = judgeFiles + deliveries.flatMap { $0 }
        // Every file is read before an error is thrown.
        let results = Parallel.each(files.count) { k in Result { try files[k].refresh() } }
        for r in results { changed = try r.get() || changed }
        return changed
    }

    /// Gives back the buffers that files were read into, keeping those of at most `bytes`.
    /// A program that has read a whole large ledger and goes on reading only what is appended
    /// (the console: on L, 4 MiB a file read at once) needs the large ones no more.
    public static func releaseReadBuffers(largerThan bytes: Int = 1 << 20) {
        ReadBuffers.shared.release(largerThan: bytes)
    }

    /// The chairs' decisions and checkpoints as one stream (`ChairStream`): what the chairs
    /// and root fold.
    public var chairStream: ChairStream { ChairStream(files: chairFiles + [witnessFile]) }

    /// The chairs' deliveries to judge `id`.
    public func deliveries(toJudge id: String) -> [LedgerFile] {
        contest.judgeIndex(id).map { deliveries[$0] } ?? []
    }

    /// Reads what a judge's command reads: the judge's own file and the deliveries to them.
    public func refreshJudge(_ id: String) throws {
        try file(forJudge: id)?.refresh()
        for d in deliveries(toJudge: id) { try d.refresh() }
    }

    /// What judge `id` sees of the chairs: their deliveries to that judge.
    public func deliveredStream(toJudge id: String) -> ChairStream {
        ChairStream(files: contest.judgeIndex(id).map { deliveries[$0] } ?? [])
    }

    /// Every folder of the ledger: what the console watches for changes.
    public var folders: [String] {
        [directory] + contest.judges.map { "\(directory)/\($0.id)" } + ["\(directory)/\(Ledger.chairsFolder)", "\(directory)/\(Ledger.witnessFolder)"]
    }

    /// The folders a judge's workstation watches: the ledger folder (for their own folder's
    /// making) and their own.
    public func folders(forJudge id: String) -> [String] { [directory, "\(directory)/\(id)"] }

    /// Files in the ledger folder that belong to nobody of the contest.
    public func strayFiles() -> [String] {
        let known = Set(allFiles.map { String($0.path.dropFirst(directory.count + 1)) })
        let folders = [""] + contest.judges.map { $0.id + "/" } + [Ledger.chairsFolder + "/", Ledger.witnessFolder + "/"]
        var out: [String] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
            out += names.filter { $0.hasSuffix(".jsonl") && !known.contains(folder + $0) }.map { folder + $0 }
        }
        return out.sorted()
    }

    public var warnings: [String] { allFiles.flatMap { $0.warnings } }
    /// The same in both languages.
    public var warningWords: [Phrase] { allFiles.flatMap { $0.warningWords } }

    public var breaks: [(file: LedgerFile, problem: LedgerBreak)] {
        allFiles.compactMap { f in f.broken.map { (f, $0) } }
    }
}

/// The chairs' lines from several files, merged into one stream in time order (a tie
/// broken by the files' order, then by line), each with the file it came from. A line in a
/// chair's own file or delivery whose actor is not that chair, or a decision in the
/// witness's file, is a violation here: who decided is proven by who could write the file.
public struct ChairStream: Sendable {
    public var events: [LedgerEvent] = []
    /// The name of each event's file (`LedgerFile.name`).
    public var files: [String] = []
    public var violations: [Violation] = []

    public init(files: [LedgerFile]) {
        var items: [(time: Int64, file: Int, event: LedgerEvent)] = []
        for (k, f) in files.enumerated() {
            let owner = ChairStream.chair(ofFile: f.name)
            for e in f.events {
                if let judge = ChairStream.judge(ofDelivery: f.name), !Deliveries.isDelivered(e, toJudge: judge) {
                    violations.append(Violation(file: f.name, seq: e.seq,
                        words: Phrase("บรรทัดชนิด \(e.kind.rawValue) ในแฟ้มที่ส่งถึง \(judge) ซึ่งมีเพียงการเปิดแก้ไขใบให้คะแนนของ \(judge) และผลการตรวจคุณสมบัติ",
                                     "a \(e.kind.rawValue) in a delivery to \(judge), which holds only the reopens of \(judge)'s sheets and eligibility rulings")))
                    continue
                }
                if let owner {
                    if e.actor != owner {
                        violations.append(Violation(file: f.name, seq: e.seq,
                            words: Phrase("เขียนในนาม \"\(e.actor)\" ในแฟ้มของประธานกรรมการ \(owner): ในแฟ้มนี้ตัดสินได้เฉพาะ \(owner)",
                                         "written as \"\(e.actor)\" in the file of chair \(owner): only \(owner) decides here")))
                        continue
                    }
                } else if e.kind != .checkpoint {
                    violations.append(Violation(file: f.name, seq: e.seq,
                        words: Phrase("บรรทัดชนิด \(e.kind.rawValue) ในแฟ้มของผู้เป็นพยาน ซึ่งมีเพียงจุดตรวจ: การตัดสินเป็นของประธานกรรมการ",
                                     "a \(e.kind.rawValue) in the witness's file, which holds checkpoints only: a decision is a chair's")))
                    continue
                }
                items.append((e.time, k, e))
            }
        }
        items.sort { ($0.time, $0.file, $0.event.seq) < ($1.time, $1.file, $1.event.seq) }
        events = items.map(\.event)
        self.files = items.map { files[$0.file].name }
    }

    public init(events: [LedgerEvent], files: [String]) {
        self.events = events
        self.files = files
    }

    /// The judge a delivery is for; nil for any other file.
    public static func judge(ofDelivery name: String) -> String? {
        guard let slash = name.firstIndex(of: "/"), name[name.index(after: slash)...].hasPrefix(Ledger.deliveryPrefix) else { return nil }
        return String(name[..<slash])
    }

    /// The chair whose file this is (`chairs/<login>` or `<judge>/chair-<login>`); nil for the witness.
    public static func chair(ofFile name: String) -> String? {
        if name.hasPrefix(Ledger.chairsFolder + "/") { return String(name.dropFirst(Ledger.chairsFolder.count + 1)) }
        if let slash = name.firstIndex(of: "/"), name[name.index(after: slash)...].hasPrefix(Ledger.deliveryPrefix) {
            return String(name[name.index(after: slash)...].dropFirst(Ledger.deliveryPrefix.count))
        }
        return nil
    }
}
