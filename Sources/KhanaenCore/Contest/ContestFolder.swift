import Foundation
import Synchronization

/// A contest on disk: `contest.json`, `entries.json` and the `ledger/` folder.
public enum ContestFolder {
    public static let contestFile = "contest.json"
    public static let entriesFile = "entries.json"
    public static let ledgerFolder = "ledger"

    /// Reads and checks the contest definition.
    public static func loadContest(_ dir: String) throws -> Contest {
        try checkFolder(dir)
        let contestPath = dir + "/" + contestFile, entriesPath = dir + "/" + entriesFile
        return try ContestParser.parse(contestJSON: try read(dir, contestFile), entriesJSON: try read(dir, entriesFile),
                                       contestFile: contestPath, entriesFile: entriesPath)
    }

    private static func checkFolder(_ dir: String) throws {
        do {
            guard let fd = try ContestFiles.openFolderFollowingUser(dir) else { throw InputError(th: "\(dir): ไม่มีโฟลเดอร์การประกวดนี้", en: "\(dir): no such contest folder") }
            close(fd)
        } catch let p as FileProblem {
            throw InputError(p)
        }
    }

    /// Reads the contest while `alongside` runs on another core with the contest's definition
    /// (contest.json without the entries): the workstation verifies the judge's ledger there
    /// while entries.json is read. `meanwhile` then runs on this thread with the whole
    /// contest, while `alongside` may still be at work: the console checks its login and
    /// opens the terminal there. An error in the contest files is reported before one of
    /// `meanwhile`'s, and that before one of `alongside`'s.
    public static func loadContest<T: Sendable>(_ dir: String, alongside: @escaping @Sendable (Contest) throws -> T,
                                      meanwhile: (Contest) throws -> Void = { _ in }) throws -> (Contest, T) {
        try checkFolder(dir)
        let contestPath = dir + "/" + contestFile, entriesPath = dir + "/" + entriesFile
        let definition = try ContestParser.parseDefinition(try read(dir, contestFile), file: contestPath)
        let side = Mutex<Result<T, Error>?>(nil)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            let result = Result { try alongside(definition) }
            side.withLock { $0 = result }
        }
        let contest = Result { definition.with(entries: try ContestParser.parseEntries(try read(dir, entriesFile), file: entriesPath)) }
        let own = contest.flatMap { c in Result { try meanwhile(c) } }
        done.wait()
        try own.get()
        return (try contest.get(), try side.withLock { $0 }!.get())
    }

    /// Reads the contest and every ledger file, verifying each chain; the files are read
    /// while entries.json is parsed and `meanwhile` runs (see `loadContest`). Then, still
    /// while they are read, the entries are checked against the eligibility rules, which
    /// scoring will ask for (`EligibilityRules.ineligible` keeps the answer).
    public static func load(_ dir: String, meanwhile: (Contest) throws -> Void = { _ in }) throws -> Ledger {
        let (contest, files) = try loadContest(dir, alongside: { definition in
            let ledger = Ledger(contest: definition, directory: dir + "/" + ledgerFolder)
            try ledger.refresh()
            return ledger
        }, meanwhile: { contest in
            try meanwhile(contest)
            _ = EligibilityRules.ineligible(contest: contest, rulings: [:])
        })
        return Ledger(contest: contest, sharingFilesOf: files)
    }

    /// Every ledger file of a contest already read, verified.
    public static func ledger(of contest: Contest, in dir: String) throws -> Ledger {
        let ledger = Ledger(contest: contest, directory: dir + "/" + ledgerFolder)
        try ledger.refresh()
        return ledger
    }

    /// Makes a folder of the contest (exports/) when it is missing; something else in its
    /// place (a link, a file) is an error, never followed.
    public static func ensureFolder(_ path: String, mode: mode_t) throws {
        // A new folder's name is synced into its parent, as a new file's is: what is then
        // written into it and said to be saved must not vanish with the folder in a crash.
        if try makeFolder(path, mode: mode, what: Phrase("สร้างโฟลเดอร์ไม่ได้", "cannot create the folder")) {
            do { try ContestFiles.syncFolder(AtomicFile.parent(of: path)) } catch let p as FileProblem { throw InputError(p) }
        }
    }

    /// Makes the ledger folder when it is missing, so a first append can create its file.
    /// Something else in its place (a link, a file) is an error, never followed.
    public static func ensureLedgerFolder(_ dir: String) throws {
        // A new folder's name is synced into its parent, as a new file's is.
        if try makeFolder(dir + "/" + ledgerFolder, mode: 0o755, what: Phrase("สร้างโฟลเดอร์สมุดคะแนนไม่ได้", "cannot create the ledger folder")) {
            do { try ContestFiles.syncFolder(dir) } catch let p as FileProblem { throw InputError(p) }
        }
    }

    /// Whether the folder was made; false when it was there already.
    private static func makeFolder(_ path: String, mode: mode_t, what: Phrase) throws -> Bool {
        if FileSystem.current.mkdir(path, mode) == 0 { return true }
        let error = errno
        do {
            if error == EEXIST, let fd = try ContestFiles.openFolder(path) {
                close(fd)
                return false
            }
        } catch let p as FileProblem {
            throw InputError(p)
        }
        throw InputError(path, failed: what.th, what.en, code: error)
    }

    static func read(_ dir: String, _ name: String) throws -> [UInt8] {
        do {
            guard let bytes = try ContestFiles.read(folder: dir, name) else { throw InputError(th: "\(dir)/\(name): ไม่มีแฟ้มนี้", en: "\(dir)/\(name): missing") }
            return bytes
        } catch let p as FileProblem {
            throw InputError(p)
        }
    }
}
