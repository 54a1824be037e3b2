import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// Why a sync or a setup could not go on: git failed, or is missing. Exit 2. Said in the
/// caller's language; what git, the server or a file says is kept as terminal-safe text.
public struct SyncFailure: BilingualError, CustomStringConvertible, Sendable {
    public var words: Phrase
    public init(_ words: Phrase) { self.words = words.terminalSafe }
    public init(th: String, en: String) { self.init(Phrase(th, en)) }
    /// Another error's words (a contest file's, a ledger file's).
    public init(_ error: BilingualError) { self.init(error.words) }
    /// "what was tried: the system's reason" for a call that failed with `code`.
    public init(failed th: String, _ en: String, code: Int32) { self.init(SystemError.failed(th, en, code: code)) }
    public var description: String { words.en }
}

/// The system's `git`, run as Subprocess runs pdftotext: posix_spawnp with its arguments as an
/// array (never a shell), standard input from /dev/null, a time limit. Every call names the
/// contest folder (`-C`) and the committer, and turns off what could change a file's bytes
/// (end-of-line conversion) or run someone else's code (hooks are not run by the commands used).
struct Git: Sendable {
    let dir: String
    let name: String
    let email: String
    /// A private index file, for building a merge without touching the folder's index.
    var indexFile: String? = nil
    var timeout: Double = 300

    var base: [String] {
        ["-C", dir, "-c", "user.name=\(name)", "-c", "user.email=\(email)", "-c", "core.autocrlf=false",
         "-c", "core.safecrlf=false", "-c", "commit.gpgsign=false", "-c", "core.quotepath=false"]
    }

    /// Runs git; the outcome whatever its exit status. Throws only when git could not be run.
    func outcome(_ arguments: [String]) throws -> Subprocess.Outcome {
        // Subprocess gives a tool only PATH and the locale: env(1) adds the login's home, so git
        // reads that login's own ~/.gitconfig (its safe.directory, for a repository on this
        // disk another login owns), and the index's name.
        var environment = ["HOME=" + Git.home]
        if let indexFile { environment.append("GIT_INDEX_FILE=" + indexFile) }
        let result = Subprocess.run("env", environment + ["git"] + base + arguments, timeout: timeout)
        switch result.end {
        case .notStarted: throw SyncFailure(th: "เรียก git ไม่ได้ (ติดตั้งไว้หรือยัง? apt install git)", en: "git could not be run (is it installed? apt install git)")
        case .timedOut: throw SyncFailure(th: "git \(arguments.first ?? "") ไม่จบภายใน \(Int(timeout)) วินาที", en: "git \(arguments.first ?? "") did not finish within \(Int(timeout)) s")
        case .tooMuchOutput: throw SyncFailure(th: "git \(arguments.first ?? "") พิมพ์ออกมามากเกินคาด", en: "git \(arguments.first ?? "") wrote more than expected")
        default: return result
        }
    }

    /// The real user's home, from the password database (never $HOME).
    static let home: String = {
        guard let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir else { return "/nonexistent" }
        return String(cString: dir)
    }()

    /// Runs git and returns its standard output; throws when it fails.
    @discardableResult
    func bytes(_ arguments: [String]) throws -> [UInt8] {
        let r = try outcome(arguments)
        guard r.succeeded else {
            let command = "git " + arguments.prefix(2).joined(separator: " ")
            throw SyncFailure(th: "\(command) ไม่สำเร็จ: \(r.firstErrorLine)", en: "\(command) failed: \(r.firstErrorLine)")
        }
        return r.output
    }

    /// Standard output as text, without its final newline.
    @discardableResult
    func text(_ arguments: [String]) throws -> String {
        var s = String(decoding: try bytes(arguments), as: UTF8.self)
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// Whether git exits 0 (a question: `merge-base --is-ancestor`, `rev-parse --verify`).
    func succeeds(_ arguments: [String]) throws -> Bool { try outcome(arguments).succeeded }

    /// The files under `ledger/` of a commit (or tree): path → blob id.
    func ledgerBlobs(_ commit: String) throws -> [String: String] {
        var blobs: [String: String] = [:]
        let out = try bytes(["ls-tree", "-r", "-z", commit, "--", "ledger"])
        for record in out.split(separator: 0) {
            // "<mode> blob <oid>\t<path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let head = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard head.count == 3, head[1] == "blob", SyncPaths.travels(path) else { continue }
            blobs[path] = String(head[2])
        }
        return blobs
    }

    func blob(_ oid: String?) throws -> [UInt8] {
        guard let oid else { return [] }
        return try bytes(["cat-file", "blob", oid])
    }
}
