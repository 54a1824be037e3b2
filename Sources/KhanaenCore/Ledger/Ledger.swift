import Foundation

/// All the ledger files of a contest: one per judge (`ledger/<judge id>.jsonl`) and the
/// chair's (`ledger/chair.jsonl`).
public final class Ledger: Sendable {
    public let directory: String
    public let contest: Contest
    /// In the contest's judge order.
    public let judgeFiles: [LedgerFile]
    public let chairFile: LedgerFile

    public init(contest: Contest, directory: String) {
        self.contest = contest
        self.directory = directory
        judgeFiles = contest.judges.map {
            LedgerFile(path: directory + "/" + $0.id + ".jsonl", name: $0.id, contestID: contest.id)
        }
        chairFile = LedgerFile(path: directory + "/" + ContestParser.chairFileName + ".jsonl",
                               name: ContestParser.chairFileName, contestID: contest.id, keepsEveryHash: true)
    }

    /// The ledger of `contest` with the files (and what they have read) of `other`, a ledger
    /// of the same contest and judges made before the entries were read.
    public init(contest: Contest, sharingFilesOf other: Ledger) {
        precondition(contest.id == other.contest.id && contest.judges.map(\.id) == other.contest.judges.map(\.id))
        self.contest = contest
        directory = other.directory
        judgeFiles = other.judgeFiles
        chairFile = other.chairFile
    }

    public var allFiles: [LedgerFile] { judgeFiles + [chairFile] }

    public func file(forJudge id: String) -> LedgerFile? {
        contest.judgeIndex(id).map { judgeFiles[$0] }
    }

    /// Reads every file: the chair's first (it is short, and its checkpoints say which lines'
    /// hashes the judge files must keep), then the judges' in parallel, each chain verified
    /// on its own. Returns whether anything changed since the last refresh.
    @discardableResult
    public func refresh() throws -> Bool {
        var changed = try chairFile.refresh()
        for e in chairFile.events where e.kind == .checkpoint {
            for h in e.checkpoint?.heads ?? [] { file(forJudge: h.file)?.watch(line: h.lines) }
        }
        let files = judgeFiles
        let results = Parallel.each(files.count) { k in Result { try files[k].refresh() } }
        for r in results { changed = try r.get() || changed }
        return changed
    }

    /// Files in the ledger folder that belong to no judge of the contest.
    public func strayFiles() -> [String] {
        let known = Set(allFiles.map { ($0.path as NSString).lastPathComponent })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && !known.contains($0) }.sorted()
    }

    public var warnings: [String] { allFiles.flatMap { $0.warnings } }

    public var breaks: [(file: LedgerFile, problem: LedgerBreak)] {
        allFiles.compactMap { f in f.broken.map { (f, $0) } }
    }
}
