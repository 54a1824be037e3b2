import Foundation

/// A contest on disk: `contest.json`, `entries.json` and the `ledger/` folder.
public enum ContestFolder {
    public static let contestFile = "contest.json"
    public static let entriesFile = "entries.json"
    public static let ledgerFolder = "ledger"

    /// Reads and checks the contest definition.
    public static func loadContest(_ dir: String) throws -> Contest {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw InputError("\(dir): no such contest folder")
        }
        let contestPath = dir + "/" + contestFile, entriesPath = dir + "/" + entriesFile
        return try ContestParser.parse(contestJSON: try read(contestPath), entriesJSON: try read(entriesPath),
                                       contestFile: contestPath, entriesFile: entriesPath)
    }

    /// Reads the contest while `alongside` runs on another core with the contest's definition
    /// (contest.json without the entries): the workstation verifies the judge's ledger there
    /// while entries.json is read. `meanwhile` then runs on this thread with the whole
    /// contest, while `alongside` may still be at work: the console checks its login and
    /// opens the terminal there. An error in the contest files is reported before one of
    /// `meanwhile`'s, and that before one of `alongside`'s.
    public static func loadContest<T>(_ dir: String, alongside: @escaping @Sendable (Contest) throws -> T,
                                      meanwhile: (Contest) throws -> Void = { _ in }) throws -> (Contest, T) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw InputError("\(dir): no such contest folder")
        }
        let contestPath = dir + "/" + contestFile, entriesPath = dir + "/" + entriesFile
        let definition = try ContestParser.parseDefinition(try read(contestPath), file: contestPath)
        let side = SideResult<T>()
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { side.result = Result { try alongside(definition) } }
        let contest = Result { definition.with(entries: try ContestParser.parseEntries(try read(entriesPath), file: entriesPath)) }
        let own = contest.flatMap { c in Result { try meanwhile(c) } }
        done.wait()
        try own.get()
        return (try contest.get(), try side.result!.get())
    }

    private final class SideResult<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    /// Reads the contest and every ledger file, verifying each chain; the files are read
    /// while entries.json is parsed and `meanwhile` runs (see `loadContest`).
    public static func load(_ dir: String, meanwhile: (Contest) throws -> Void = { _ in }) throws -> Ledger {
        let (contest, files) = try loadContest(dir, alongside: { definition in
            let ledger = Ledger(contest: definition, directory: dir + "/" + ledgerFolder)
            try ledger.refresh()
            return ledger
        }, meanwhile: meanwhile)
        return Ledger(contest: contest, sharingFilesOf: files)
    }

    /// Makes the ledger folder when it is missing, so a first append can create its file.
    public static func ensureLedgerFolder(_ dir: String) throws {
        let path = dir + "/" + ledgerFolder
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError("\(path): cannot create the ledger folder: \(error.localizedDescription)")
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): cannot read (missing or not readable)")
        }
        return [UInt8](data)
    }
}
