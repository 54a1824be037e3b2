import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// Which of a contest folder's files travel, and whose they are.
public enum SyncPaths {
    /// A ledger file (`ledger/…/*.jsonl`) or its record of torn lines (`*.jsonl.torn`): the
    /// files that only grow, and are checked so on arrival.
    public static func travels(_ path: String) -> Bool {
        path.hasPrefix(ContestFolder.ledgerFolder + "/") && (path.hasSuffix(".jsonl") || path.hasSuffix(".jsonl.torn"))
    }

    /// The ledger file's name, as bound into its genesis (`j1`, `chairs/alice`, `j1/chair-alice`,
    /// `witness`), for a path `ledger/…/X.jsonl`; nil for anything else.
    public static func ledgerName(_ path: String) -> String? {
        guard path.hasPrefix(ContestFolder.ledgerFolder + "/"), path.hasSuffix(".jsonl") else { return nil }
        let inner = String(path.dropFirst(ContestFolder.ledgerFolder.count + 1).dropLast(".jsonl".count))
        let parts = inner.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return parts[0] == parts[1] ? String(parts[0]) : inner
    }

    /// The judge whose folder the file is in (`ledger/j1/…`); nil for the chairs' and the witness's.
    public static func judge(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == Substring(ContestFolder.ledgerFolder),
              parts[1] != Substring(Ledger.chairsFolder), parts[1] != Substring(Ledger.witnessFolder) else { return nil }
        return String(parts[1])
    }

    /// The files a login writes, relative to the contest folder: a judge's own file; a chair's
    /// own file and deliveries; the witness's for root (its cron job's checkpoints).
    public static func writable(by login: String, uid: UInt32, in contest: Contest) -> [String] {
        var paths: [String] = []
        if let judge = contest.judge(forUser: login) { paths.append(Ledger.displayPath(ofFile: judge.id)) }
        if contest.isChair(login) {
            paths.append(Ledger.displayPath(ofFile: Ledger.chairFileName(login)))
            for j in contest.judges { paths.append(Ledger.displayPath(ofFile: Ledger.deliveryName(judge: j.id, chair: login))) }
        }
        if uid == 0 { paths.append(Ledger.displayPath(ofFile: Ledger.witnessName)) }
        return paths
    }
}

extension SyncPaths {
    /// The server hook's list of who may write what (scripts/sync-pre-receive): each judge's
    /// login their own file, each chair's their own file and deliveries, and `secretariat`
    /// (the login that pushes the rules) everything. With `judge`, the list for that judge's own
    /// repository: the judge their own file; each chair their deliveries to that judge and the
    /// public files a chair's sync sends there; nothing of any other judge.
    public static func writers(_ contest: Contest, secretariat: String, judge: String? = nil) -> String {
        var lines = ["# khanaen sync --writers: login and the files (shell patterns) it may push; see docs/sync.md"]
        lines.append("\(secretariat) *")
        if let judge, let j = contest.judges.first(where: { $0.id == judge }) {
            let own = Ledger.displayPath(ofFile: j.id)
            if !j.user.isEmpty { lines += ["\(j.user) \(own)", "\(j.user) \(own).torn"] }
            for c in contest.chairs {
                let delivery = Ledger.displayPath(ofFile: Ledger.deliveryName(judge: j.id, chair: c))
                lines += ["\(c) \(delivery)", "\(c) \(delivery).torn"]
                lines += [ContestFolder.contestFile, ContestFolder.entriesFile, ".gitattributes", ".gitignore", "documents/*"].map { "\(c) \($0)" }
            }
            return lines.joined(separator: "\n") + "\n"
        }
        for j in contest.judges where !j.user.isEmpty {
            let own = Ledger.displayPath(ofFile: j.id)
            lines += ["\(j.user) \(own)", "\(j.user) \(own).torn"]
        }
        for c in contest.chairs {
            let own = Ledger.displayPath(ofFile: Ledger.chairFileName(c))
            let delivery = "\(ContestFolder.ledgerFolder)/*/\(Ledger.deliveryPrefix)\(c).jsonl"
            lines += ["\(c) \(own)", "\(c) \(own).torn", "\(c) \(delivery)", "\(c) \(delivery).torn"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// How two versions of one append-only file stand to each other, byte for byte.
public enum Growth: Equatable, Sendable {
    case same
    /// `new` holds every byte of `old`, then these many more lines.
    case extends(lines: Int)
    /// `old` holds every byte of `new` and more: `new` is behind.
    case behind(lines: Int)
    /// They differ at this line (from 1) of both.
    case differs(line: Int)

    public static func of(_ new: [UInt8], from old: [UInt8]) -> Growth {
        if new == old { return .same }
        let common = commonPrefix(new, old)
        if common == old.count, wholeLines(old) { return .extends(lines: lineCount(new[common...])) }
        if common == new.count, wholeLines(new) { return .behind(lines: lineCount(old[common...])) }
        return .differs(line: lineCount(new[..<lineStart(new, before: common)]) + 1)
    }

    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var k = 0
        let n = min(a.count, b.count)
        while k < n && a[k] == b[k] { k += 1 }
        return k
    }

    static func wholeLines(_ bytes: [UInt8]) -> Bool { bytes.isEmpty || bytes.last == 0x0A }

    static func lineStart(_ bytes: [UInt8], before index: Int) -> Int {
        var k = index
        while k > 0 && bytes[k - 1] != 0x0A { k -= 1 }
        return k
    }

    static func lineCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}

/// Checks one ledger file's bytes as Khanaen reads it: every line a ledger line that chains
/// from the one before (with the file's `.torn` record beside it, which may explain a line set
/// aside after a crash). The bytes are written to a scratch folder and read with `LedgerFile`.
enum ChainCheck {
    /// nil when the chain holds; else the break ("line 3: hash does not …").
    static func problem(name: String, contestID: String, bytes: [UInt8], torn: [UInt8], scratch: String) throws -> Phrase? {
        let folder = scratch + "/chain-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        guard mkdir(folder, 0o700) == 0 else { throw SyncFailure(failed: "สร้าง \(folder) ไม่ได้", "cannot make \(folder)", code: errno) }
        defer {
            unlink(folder + "/f.jsonl"); unlink(folder + "/f.jsonl.torn")
            rmdir(folder)
        }
        try write(bytes, to: folder + "/f.jsonl")
        if !torn.isEmpty { try write(torn, to: folder + "/f.jsonl.torn") }
        let file = LedgerFile(path: folder + "/f.jsonl", name: name, contestID: contestID)
        try file.refresh()
        if let b = file.broken {
            return b.line > 0 ? Phrase("บรรทัด \(b.line): \(b.words.th)", "line \(b.line): \(b.words.en)") : b.words
        }
        if file.pendingBytes > 0 { return Phrase("บรรทัดสุดท้ายไม่มีตัวขึ้นบรรทัดใหม่", "its last line has no newline") }
        return nil
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SyncFailure(failed: "เขียน \(path) ไม่ได้", "cannot write \(path)", code: errno) }
        defer { close(fd) }
        try LocalFiles.writeAll(fd, bytes, path: path)
    }
}

/// The folder's own files, read and appended to as the ledger's writers do.
enum LocalFiles {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// The whole lines of a file (its bytes up to the last newline): a line still being
    /// written never travels.
    static func wholeLines(_ path: String) -> [UInt8]? {
        guard let bytes = read(path) else { return nil }
        return Array(bytes[..<Growth.lineStart(bytes, before: bytes.count)])
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 { if errno == EINTR { continue }; throw SyncFailure(failed: "เขียน \(path) ไม่ได้", "cannot write \(path)", code: errno) }
            done += n
        }
    }

    /// Brings a ledger file in the folder up to `target` by appending what it lacks, under the
    /// file's write lock (as `LedgerFile` takes it), then fsync: the file is never replaced, so
    /// its readers (a console) take the new lines as any other appended ones, and an
    /// append-only flag does not stand in the way. Returns false, writing nothing, when the file
    /// holds anything that is not the start of `target`.
    static func appendUpTo(_ target: [UInt8], path: String) throws -> Bool {
        let folder = String(path[..<path.lastIndex(of: "/")!])
        if access(folder, F_OK) != 0 { try makeFolders(folder) }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw SyncFailure(failed: "เปิด \(path) ไม่ได้", "cannot open \(path)", code: errno) }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        let ofdSetLockWait: Int32 = 38 // F_OFD_SETLKW, as LedgerFile takes it
        while fcntl(fd, ofdSetLockWait, &lock) != 0 {
            if errno != EINTR { throw SyncFailure(failed: "ล็อก \(path) ไม่ได้", "cannot lock \(path)", code: errno) }
        }
        guard let now = read(path) else { throw SyncFailure(th: "อ่าน \(path) ไม่ได้", en: "cannot read \(path)") }
        guard now.count <= target.count, Array(target[..<now.count]) == now else { return false }
        if now.count < target.count {
            try writeAll(fd, Array(target[now.count...]), path: path)
            guard fsync(fd) == 0 else { throw SyncFailure(failed: "เขียน \(path) ลงดิสก์ไม่ได้", "cannot sync \(path)", code: errno) }
        }
        return true
    }

    static func makeFolders(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o750) != 0 && errno != EEXIST {
                throw SyncFailure(failed: "สร้าง \(built) ไม่ได้", "cannot make \(built)", code: errno)
            }
        }
    }
}
