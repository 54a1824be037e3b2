import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// The last commit that changed a ledger file, as sync names its commits: author the login,
/// e-mail `login@machine`.
public struct LastSync: Equatable, Sendable {
    /// Relative to the contest folder (`ledger/j1/j1.jsonl`).
    public var path: String
    public var login: String
    public var machine: String
    /// Milliseconds since 1970 (the commit's time).
    public var time: Int64
}

extension Sync {
    /// Each ledger file's last sync, newest history first, from one `git log`; empty when the
    /// folder is not a repository of its own (then git is not even run).
    public static func lastSyncs(_ dir: String) -> [LastSync] {
        guard access(dir + "/.git", F_OK) == 0 else { return [] }
        let git = Git(dir: dir, name: "khanaen", email: "khanaen@localhost", timeout: 30)
        guard let r = try? git.outcome(["log", "--no-merges", "-z", "--format=%x01%an%x00%ae%x00%ct", "--name-only", "HEAD", "--", ContestFolder.ledgerFolder]),
              r.succeeded else { return [] }
        var found: [String: LastSync] = [:]
        for record in r.output.split(separator: 0x01) {
            let fields = record.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 3 else { continue }
            let login = fields[0], email = fields[1]
            let time = Int64(fields[2]) ?? 0
            let machine = email.split(separator: "@", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            // After the time's NUL, a newline, then the file names, each ended by a NUL.
            for name in fields.dropFirst(3).map({ String($0.drop { $0 == "\n" }) }) where SyncPaths.travels(name) && name.hasSuffix(".jsonl") && found[name] == nil {
                found[name] = LastSync(path: name, login: login, machine: machine, time: time * 1000)
            }
        }
        return found.values.sorted { $0.path < $1.path }
    }
}
