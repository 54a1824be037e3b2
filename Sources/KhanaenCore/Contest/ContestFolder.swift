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

    /// Reads the contest and every ledger file, verifying each chain.
    public static func load(_ dir: String) throws -> Ledger {
        let contest = try loadContest(dir)
        let ledger = Ledger(contest: contest, directory: dir + "/" + ledgerFolder)
        try ledger.refresh()
        return ledger
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
