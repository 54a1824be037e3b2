import KhanaenText
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Something wrong with a ledger file: a line at fault (events before it load; it and
/// everything after it do not), or, with `line` 0, the file as a whole (it is gone, it
/// shrank, something else stands in its place).
public struct LedgerBreak: Equatable, Sendable {
    public var line: Int
    /// What is wrong, in both languages.
    public var words: Phrase

    public init(line: Int, words: Phrase) {
        self.line = line
        self.words = words
    }

    /// What is wrong, said the same in both languages (the tests' breaks).
    public init(line: Int, message: String) { self.init(line: line, words: Phrase(message, message)) }

    /// What is wrong, in English.
    public var message: String { words.en }

    /// "path:line: message", or "path: message" for the whole file, in both languages.
    public func words(_ path: String) -> Phrase {
        let at = line > 0 ? "\(path):\(line): " : "\(path): "
        return Phrase(at + words.th, at + words.en)
    }

    /// "path:line: message" in `language`.
    public func describe(_ path: String, in language: Language = .en) -> String { words(path).text(language) }
}

/// One append-only ledger file (one judge's, or the chair's): what has been read of it and
/// verified, and the only code that reads or writes such a file.
///
/// Readers take no lock, so no reader can hold up a writer: bytes after the last newline are
/// a line being written, or one left unfinished by a crash, and are not read until a newline
/// ends them. A writer holds the file's write lock (which needs write access to the file,
/// so a judge can lock only their own); it closes an unfinished line it finds with a newline.
/// A whole line that only lost its newline (it verifies as the next line) is adopted: the
/// writer chains from it and every reader takes it. Anything else is first recorded in
/// `<file>.torn`, and readers then skip it. Nothing is ever cut or rewritten, so the
/// kernel's append-only flag can guard the file (docs/ledger.md).
public final class LedgerFile: Sendable {
    public let path: String
    /// The folder the file is in, and the file's name in it.
    public let folderPath: String
    public let fileName: String
    /// Whose file it is, bound into its genesis hash: a judge id, `chairs/<login>`,
    /// `<judge>/chair-<login>` or `witness` (`Ledger`).
    public let name: String
    /// The login that must own the file (a contest whose access is by logins): the kernel
    /// lets only the owner append, so the owner is who wrote it. nil: not checked.
    public let owner: String?
    public let genesis: Digest
    /// Whether every line's hash is kept (the chair's file, which is short), or only those of
    /// the lines in `watched`.
    public let keepsEveryHash: Bool
    /// The rounds the chain is checked with: the tests check the portable ones too.
    public let rounds: SHA256Rounds
    /// What has been read of the file: one reader or writer at a time.
    private let state: Mutex<FileState>

    public init(path: String, name: String, contestID: String, keepsEveryHash: Bool = false, owner: String? = nil,
                rounds: SHA256Rounds = .best) {
        let place = FileState.Place(path: path, name: name, genesis: LedgerLine.genesis(contestID: contestID, fileName: name),
                                    keepsEveryHash: keepsEveryHash, rounds: rounds, owner: owner)
        self.path = path
        self.owner = owner
        folderPath = place.folderPath
        fileName = place.fileName
        self.name = name
        genesis = place.genesis
        self.keepsEveryHash = keepsEveryHash
        self.rounds = rounds
        state = Mutex(FileState(place: place))
    }

    public var events: [LedgerEvent] { state.withLock { $0.events } }
    /// Hash of the last intact line; the genesis hash while the file is empty.
    public var head: Digest { state.withLock { $0.head } }
    public var broken: LedgerBreak? { state.withLock { $0.broken } }
    /// Bytes after the last complete line, as last read.
    public var pendingBytes: Int { state.withLock { $0.pendingBytes } }
    /// Unfinished lines left by crashes, recorded in `<file>.torn` and skipped.
    public var skippedTornLines: Int { state.withLock { $0.skippedTornLines } }
    /// Bytes of the file read and verified so far (skipped torn lines included).
    public var verifiedBytes: Int { state.withLock { $0.verifiedBytes } }
    /// Lines (by seq) whose hashes are kept as they are read: those checkpoints recorded.
    public var watched: Set<Int> { state.withLock { $0.watched } }
    public var headHex: String { head.hex }
    /// `ledger/…/NAME.jsonl`, as messages name the file.
    public var displayPath: String { Ledger.displayPath(ofFile: name) }
    public var lineCount: Int { state.withLock { $0.events.count } }
    public var tornPath: String { path + ".torn" }
    /// What a person should hear about that is not a break (an unfinished last line), in English.
    public var warnings: [String] { warningWords.map(\.en) }
    /// The same in both languages.
    public var warningWords: [Phrase] { state.withLock { $0.warnings } }
    /// The login that must own the file is unknown on this machine, so who wrote it was not checked.
    public var ownerUnknown: Bool { state.withLock { $0.ownerUnknown } }

    /// Keeps line `n`'s hash from now on (a checkpoint recorded it).
    public func watch(line n: Int) { state.withLock { $0.watch(line: n) } }

    /// The hash of line `n` (by seq; 0 is the genesis): kept, or found once by reading the
    /// file again when it was not watched. nil when the file has fewer intact lines.
    public func hash(atLine n: Int) -> Digest? { state.withLock { $0.hash(atLine: n) } }

    /// A ledger file that cannot be read or written (the system's reason, or the file's
    /// break), in both languages.
    public struct IOError: BilingualError, CustomStringConvertible, Sendable {
        public var words: Phrase
        public init(_ words: Phrase) { self.words = words.terminalSafe }
        public init(th: String, en: String) { self.init(Phrase(th, en)) }
        public init(_ problem: FileProblem) { self.init(problem.words) }
        public var description: String { words.en }
    }

    /// Reads whatever was appended since the last read. Returns whether anything changed.
    /// A file that disappears, shrinks or is replaced by one that does not hold what was read
    /// is marked broken (and keeps what was read), never taken as empty.
    @discardableResult
    public func refresh() throws -> Bool { try state.withLock { try $0.refresh() } }

    /// Appends events atomically: under the file's write lock it first reads what other
    /// processes appended, lets `validate` see the file's events (throwing refuses the
    /// append and writes nothing), then writes the lines in one call and fsyncs before returning.
    @discardableResult
    public func append(_ drafts: [LedgerEvent], time: Int64 = Timestamp.nowMillis(),
                       validate: ([LedgerEvent]) throws -> Void = { _ in }) throws -> [LedgerEvent] {
        try append(time: time) { existing in
            try validate(existing)
            return drafts
        }
    }

    /// The general form of `append`: `prepare` sees the file's events as they are under the
    /// lock and returns the events to write (seq and time are filled in here). It must have no
    /// side effects: it may run twice.
    @discardableResult
    public func append(time: Int64 = Timestamp.nowMillis(), prepare: ([LedgerEvent]) throws -> [LedgerEvent]) throws -> [LedgerEvent] {
        try state.withLock { try $0.append(time: time, prepare: prepare) }
    }

    static func tornRecordHeader(time: Int64, offset: Int, bytes: [UInt8], fileName: String) -> String {
        FileState.tornRecordHeader(time: time, offset: offset, bytes: bytes, fileName: fileName)
    }

    /// Makes every line read so far durable: the file read is synced (fsync works on a
    /// descriptor opened only for reading). A witness (a checkpoint, a report's seal) calls it
    /// after reading the heads it records and before it writes them, so that it never records
    /// a line a writer wrote but had not yet synced, which a power cut would take away.
    /// Throws when the file cannot be synced, or is no longer the file that was read.
    public func makeDurable() throws {
        let (identity, read, gone) = state.withLock { ($0.fileIdentity, $0.verifiedBytes + $0.pendingBytes, $0.broken?.line == 0) }
        // Nothing was read: nothing to keep. A file known to be gone or replaced is reported
        // as such by every reader; what was read of it cannot be synced any more.
        guard let identity, !gone else { return }
        let probe = FileState(place: state.withLock { $0.place })
        let opened: Int32?
        do {
            opened = try probe.openForReading()
        } catch let p as FileProblem {
            throw LedgerFile.IOError(p)
        }
        guard let fd = opened else {
            if read == 0 { return }
            throw LedgerFile.IOError(th: "\(path): หายไปหลังจากที่อ่านแล้ว จึงเขียนบรรทัดที่อ่านไว้ลงดิสก์ให้แน่นอนไม่ได้",
                                     en: "\(path): is gone since it was read; cannot make its lines durable")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw probe.ioError("ดูสถานะแฟ้มไม่ได้", "cannot stat") }
        guard FileState.FileIdentity(dev: UInt(st.st_dev), ino: UInt(st.st_ino)) == identity else {
            throw LedgerFile.IOError(th: "\(path): ถูกแทนที่หลังจากที่อ่านแล้ว จึงเขียนบรรทัดที่อ่านไว้ลงดิสก์ให้แน่นอนไม่ได้",
                                     en: "\(path): was replaced since it was read; cannot make its lines durable")
        }
        while FileSystem.current.fsync(fd) != 0 {
            if errno != EINTR { throw probe.ioError("เขียนลงดิสก์ไม่ได้", "cannot sync") }
        }
    }
}

/// What has been read of one ledger file, and the reading and writing of it.
struct FileState: Sendable {
    /// Where the file is and how it is read: fixed for the file's life.
    struct Place: Sendable {
        let path: String
        let name: String
        let genesis: Digest
        let keepsEveryHash: Bool
        let rounds: SHA256Rounds
        let folderPath: String
        let fileName: String
        let owner: String?

        init(path: String, name: String, genesis: Digest, keepsEveryHash: Bool, rounds: SHA256Rounds, owner: String?) {
            self.path = path
            self.owner = owner
            self.name = name
            self.genesis = genesis
            self.keepsEveryHash = keepsEveryHash
            self.rounds = rounds
            folderPath = AtomicFile.parent(of: path)
            fileName = path.split(separator: "/").last.map(String.init) ?? path
        }

        func everyHash(_ keep: Bool) -> Place {
            Place(path: path, name: name, genesis: genesis, keepsEveryHash: keep, rounds: rounds, owner: owner)
        }
    }

    let place: Place
    var events: [LedgerEvent] = []
    var watched: Set<Int> = []
    var hashes: [Digest] = []
    var watchedHashes: [Int: Digest] = [:]
    var head: Digest
    var broken: LedgerBreak?
    var pendingBytes = 0
    var skippedTornLines = 0
    var verifiedBytes = 0
    var fileIdentity: FileIdentity?
    /// The owner could not be checked: the login is unknown on this machine (a copy of the
    /// contest moved elsewhere). `verify` says so; it is no warning on every command.
    var ownerUnknown = false
    /// Where the last intact line starts and the head before it, when that line follows an
    /// intact line or the start (not a skipped one): the line a break after it may show was set
    /// aside by an older writer (`retractSetAsideLine`).
    var lastLine: (start: Int, headBefore: Digest)?

    struct FileIdentity: Equatable, Sendable {
        var dev: UInt, ino: UInt
    }

    init(place: Place) {
        self.place = place
        head = place.genesis
    }

    var path: String { place.path }
    var folderPath: String { place.folderPath }
    var fileName: String { place.fileName }
    var name: String { place.name }
    var genesis: Digest { place.genesis }
    var keepsEveryHash: Bool { place.keepsEveryHash }
    var rounds: SHA256Rounds { place.rounds }
    var tornPath: String { path + ".torn" }

    /// Keeps line `n`'s hash from now on (a checkpoint recorded it).
    mutating func watch(line n: Int) {
        guard n > 0, watched.insert(n).inserted else { return }
        if n == events.count { watchedHashes[n] = head }
    }

    /// The hash of line `n` (by seq; 0 is the genesis): kept, or found once by reading the
    /// file again when it was not watched. nil when the file has fewer intact lines.
    mutating func hash(atLine n: Int) -> Digest? {
        if n == 0 { return genesis }
        if n > events.count { return nil }
        if n == events.count { return head }
        if keepsEveryHash { return hashes[n - 1] }
        if let h = watchedHashes[n] { return h }
        var again = FileState(place: place.everyHash(false))
        again.watched = [n]
        _ = try? again.refresh()
        if let h = again.watchedHashes[n] { watched.insert(n); watchedHashes[n] = h }
        return again.watchedHashes[n]
    }

    /// Things a person should hear about that are not breaks: an unfinished last line.
    var warnings: [Phrase] {
        var out: [Phrase] = []
        if pendingBytes > 0 {
            out.append(Phrase("\(path): จบด้วยบรรทัดที่เขียนไม่จบ (\(pendingBytes) ไบต์): กำลังเขียนอยู่ หรือการเขียนถูกขัดจังหวะ "
                                + "การเปลี่ยนแปลงครั้งถัดไปของแฟ้มนี้จะปิดบรรทัดนั้น: หากเป็นบรรทัดที่ครบและต่อจากบรรทัดสุดท้ายจะนับ "
                                + "นอกนั้นจะถูกเก็บไว้ใน \(fileName).torn และข้ามไป",
                              "\(path): ends in an unfinished line (\(pendingBytes) bytes): a write in progress, or one interrupted; "
                                + "the next change to this file closes it: a whole line that follows the last one then counts, "
                                + "anything else is recorded in \(fileName).torn and skipped"))
        }
        if skippedTornLines > 0 {
            out.append(Phrase("\(path): มีบรรทัดที่เขียนไม่จบ \(skippedTornLines) บรรทัดจากการเขียนที่ถูกขัดจังหวะ เก็บไว้ใน \(fileName).torn และข้ามไป",
                              "\(path): \(skippedTornLines) unfinished line(s) left by interrupted writes, recorded in \(fileName).torn, skipped"))
        }
        return out
    }

    /// Reads whatever was appended since the last read. Returns whether anything changed.
    /// A file that disappears, shrinks or is replaced by one that does not hold what was read
    /// is marked broken (and keeps what was read), never taken as empty.
    mutating func refresh() throws -> Bool {
        let before = (events.count, head, broken, pendingBytes)
        if broken == nil {
            let fd: Int32?
            do {
                fd = try openForReading()
            } catch let p as FileProblem where p.misplaced {
                broken = LedgerBreak(line: 0, words: p.what)
                fd = nil
            } catch let p as FileProblem {
                throw LedgerFile.IOError(p)
            }
            if let fd {
                defer { close(fd) }
                try readNew(fd)
            } else if broken == nil && (!events.isEmpty || verifiedBytes > 0) {
                broken = LedgerBreak(line: 0, words: Phrase(
                    "หายไป: เคยมี \(events.count) บรรทัด (ท้ายสุด \(head.hex.prefix(16))) แฟ้มสมุดคะแนนต้องไม่ถูกลบ",
                    "is gone: it had \(events.count) lines (head \(head.hex.prefix(16))); a ledger file is never removed"))
            }
        }
        return before.0 != events.count || before.1 != head || before.2 != broken || before.3 != pendingBytes
    }

    /// The general form of `append`: `prepare` sees the file's events as they are under the
    /// lock and returns the events to write (seq and time are filled in here). It must have no
    /// side effects: it may run twice.
    mutating func append(time: Int64, prepare: ([LedgerEvent]) throws -> [LedgerEvent]) throws -> [LedgerEvent] {
        if let broken {
            // Not even a new file in place of one that is gone: that would pass for an empty one.
            throw LedgerFile.IOError(th: broken.describe(path, in: .th) + " ไม่มีการเขียนลงสมุดคะแนน (ดู khanaen verify)",
                                     en: broken.describe(path) + "; nothing was written (run khanaen verify)")
        }
        guard let folder = try fileOp({ try ContestFiles.openFolder(folderPath) ?? makeOwnFolder() }) else {
            throw LedgerFile.IOError(th: "\(folderPath): ไม่มีโฟลเดอร์สมุดคะแนน", en: "\(folderPath): there is no ledger folder")
        }
        defer { close(folder) }
        var created = false
        var opened = try fileOp { try ContestFiles.openFile(in: folder, fileName, flags: O_RDWR | O_APPEND, path: path) }
        if opened == nil {
            // A refused first change must not leave an empty file behind: check before creating.
            // The check runs again under the lock, where it counts.
            if try prepare([]).isEmpty { return [] }
            do {
                opened = try ContestFiles.openFile(in: folder, fileName, flags: O_RDWR | O_APPEND | O_CREAT | O_EXCL, mode: 0o640, path: path)
                created = true
            } catch let p as FileProblem where p.code == EEXIST {
                opened = try fileOp { try ContestFiles.openFile(in: folder, fileName, flags: O_RDWR | O_APPEND, path: path) }
            } catch let p as FileProblem {
                let hint = p.code == EACCES
                    ? Phrase(" (docs/access.md: `khanaen access apply` สร้างแฟ้มของกรรมการแต่ละคน)", " (docs/access.md: `khanaen access apply` makes each judge's file)")
                    : Phrase("", "")
                throw LedgerFile.IOError(Phrase(p.words.th + hint.th, p.words.en + hint.en))
            }
        }
        guard let fd = opened else { throw LedgerFile.IOError(th: "\(path): เปิดเพื่อเขียนไม่ได้", en: "\(path): cannot open for writing") }
        defer { close(fd) }
        try lockForWriting(fd)
        try readNew(fd)
        if let broken {
            throw LedgerFile.IOError(th: broken.describe(path, in: .th) + " ไม่มีการเขียนลงสมุดคะแนน (ดู khanaen verify)",
                                     en: broken.describe(path) + "; nothing was written (run khanaen verify)")
        }
        // The file's name must be as durable as its first line: synced when it was made, and
        // again by any writer that finds it empty (the one that made it may have failed to).
        if created || verifiedBytes + pendingBytes == 0 { try fileOp { try ContestFiles.syncFolder(fd: folder, path: folderPath) } }
        // An unfinished last line that is a whole line, verified as the next one, lost only its
        // newline: it is adopted (closed, counted, chained from). Anything else is set aside.
        var tail: [UInt8] = []
        var adopted: (event: LedgerEvent, hash: Digest)? = nil
        if pendingBytes > 0 {
            tail = try readTail(fd)
            adopted = adoptable(tail)
        }
        let drafts = try prepare(adopted.map { events + [$0.event] } ?? events)
        if drafts.isEmpty { return [] }
        var bytes: [UInt8] = []
        var written: [LedgerEvent] = []
        var writtenHashes: [Digest] = []
        var previous = adopted?.hash ?? head
        let firstSeq = events.count + (adopted == nil ? 0 : 1) + 1
        let closesTornLine = pendingBytes > 0
        if closesTornLine {
            // The unfinished line stays where it is, closed by a newline; one that is not
            // adopted is recorded first, and readers skip it.
            if adopted == nil { try recordTornLine(tail) }
            bytes.append(0x0A)
        }
        var lastStart = 0, lastHeadBefore = previous
        // A line's time never goes back in its file (readers take one that does as a
        // violation): a clock set back writes the last line's time instead.
        let notBefore = adopted?.event.time ?? events.last?.time ?? time
        for (k, draft) in drafts.enumerated() {
            var e = draft
            e.seq = firstSeq + k
            e.time = max(time, notBefore)
            let (line, hash) = LedgerLine.encode(e, previous: previous)
            lastStart = bytes.count
            lastHeadBefore = previous
            bytes.append(contentsOf: line)
            previous = hash
            written.append(e)
            writtenHashes.append(hash)
        }
        let sizeBefore = off_t(verifiedBytes + pendingBytes)
        do {
            try ContestFiles.writeAll(fd, bytes, path: path)
            guard FileSystem.current.fsync(fd) == 0 else { throw FileProblem(path, failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
        } catch let p as FileProblem {
            // Take back what may have been written. An append-only file refuses: what was
            // written is then an unfinished line, which the next writer records.
            _ = FileSystem.current.ftruncate(fd, sizeBefore)
            throw LedgerFile.IOError(p)
        }
        if let adopted {
            events.append(adopted.event)
            if keepsEveryHash { hashes.append(adopted.hash) }
            if watched.contains(adopted.event.seq) { watchedHashes[adopted.event.seq] = adopted.hash }
        }
        if closesTornLine {
            verifiedBytes += pendingBytes + 1
            pendingBytes = 0
            if adopted == nil { skippedTornLines += 1 }
        }
        lastLine = (Int(sizeBefore) + lastStart, lastHeadBefore)
        events.append(contentsOf: written)
        if keepsEveryHash { hashes.append(contentsOf: writtenHashes) }
        for (e, h) in zip(written, writtenHashes) where watched.contains(e.seq) { watchedHashes[e.seq] = h }
        head = previous
        verifiedBytes += bytes.count - (closesTornLine ? 1 : 0)
        return written
    }

    // MARK: reading

    func openForReading() throws -> Int32? {
        guard let folder = try ContestFiles.openFolder(folderPath) else { return nil }
        defer { close(folder) }
        return try ContestFiles.openFile(in: folder, fileName, flags: O_RDONLY, path: path)
    }

    /// Reads and verifies complete lines after `verifiedBytes`, skipping unfinished lines
    /// that `<file>.torn` records.
    mutating func readNew(_ fd: Int32) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ioError("ดูสถานะแฟ้มไม่ได้", "cannot stat") }
        let identity = FileIdentity(dev: UInt(st.st_dev), ino: UInt(st.st_ino))
        let size = Int(st.st_size)
        if broken != nil { return }
        if let owner = place.owner {
            if let uid = FileState.uid(of: owner) {
                if st.st_uid != uid {
                    let holder = FileState.login(of: st.st_uid)
                    broken = LedgerBreak(line: 0, words: Phrase(
                        "เป็นของ \(holder) ไม่ใช่ของ \(owner) เจ้าของแฟ้ม: บรรทัดในแฟ้มจึงไม่ใช่ของ \(owner) (docs/access.md) ไม่ได้อ่าน",
                        "is owned by \(holder), not by \(owner), whose file it is: its lines cannot be \(owner)'s (docs/access.md); not read"))
                    return
                }
            } else {
                ownerUnknown = true
            }
        }
        if let known = fileIdentity, known != identity, verifiedBytes > 0 {
            try adoptReplacement(fd, identity: identity)
            return
        }
        fileIdentity = identity
        if size < verifiedBytes {
            broken = LedgerBreak(line: 0, words: Phrase(
                "เล็กลงจาก \(verifiedBytes) เหลือ \(size) ไบต์: บรรทัดที่อ่านไว้ก่อนหายไป (แฟ้มสมุดคะแนนไม่มีวันถูกตัด)",
                "shrank from \(verifiedBytes) to \(size) bytes: lines read before are gone (a ledger file is never cut)"))
            return
        }
        pendingBytes = 0
        if size == verifiedBytes { return }
        let wanted = size - verifiedBytes
        var buffer = ReadBuffers.shared.take(atLeast: wanted)
        defer { ReadBuffers.shared.give(buffer) }
        var got = 0
        while got < wanted {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, wanted - got, off_t(verifiedBytes + got)) }
            if n < 0 { if errno == EINTR { continue }; throw ioError("อ่านไม่ได้", "cannot read") }
            if n == 0 { break }
            got += n
        }
        try buffer.withUnsafeBufferPointer { whole in try consume(UnsafeBufferPointer(rebasing: whole[0..<got]), fd: fd) }
    }

    /// Verifies and takes the complete lines of `bytes`, read from `verifiedBytes` on.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, fd: Int32) throws {
        var from = 0
        while true {
            let headBefore = head
            let outcome = LedgerVerifier.verify(UnsafeBufferPointer(rebasing: bytes[from...]), firstSeq: events.count + 1, head: head,
                                                lineOffset: skippedTornLines, keepAll: keepsEveryHash, watch: watched, rounds: rounds)
            watchedHashes.merge(outcome.watched) { $1 }
            if events.isEmpty {
                events = outcome.events
            } else {
                // Grown by an eighth, not doubled: the console keeps every judge's events for
                // its whole session (16,000 a judge on L), and appending to a full array
                // doubles it.
                let needed = events.count + outcome.events.count
                if events.capacity < needed { events.reserveCapacity(needed + needed / 8) }
                events.append(contentsOf: outcome.events)
            }
            if hashes.isEmpty { hashes = outcome.hashes } else { hashes.append(contentsOf: outcome.hashes) }
            head = outcome.head
            if !outcome.events.isEmpty {
                lastLine = FileState.lastLine(of: UnsafeBufferPointer(rebasing: bytes[from..<(from + outcome.bytes)]), at: verifiedBytes,
                                              lines: outcome.events.count, headBefore: headBefore)
            }
            verifiedBytes += outcome.bytes
            from += outcome.bytes
            pendingBytes = outcome.pending
            guard let b = outcome.broken else { break }
            // The line at fault starts at `from`; it may be an unfinished line a writer recorded and closed.
            let end = bytes[from...].firstIndex(of: 0x0A) ?? bytes.count
            if try isRecordedTornLine(offset: verifiedBytes, bytes: Array(bytes[from..<end])) {
                skippedTornLines += 1
                verifiedBytes += end - from + 1
                from = end + 1
                lastLine = nil
                continue
            }
            // Or the line before it was one an older Khanaen set aside, and this one follows the line before that.
            if try retractSetAsideLine(following: UnsafeBufferPointer(rebasing: bytes[from...]), fd: fd) { continue }
            broken = b
            break
        }
    }

    /// Where the last of the `lines` intact lines of `region` (read at byte `at`) starts, and
    /// the hash before it: the hash stored in the line before it, or `headBefore`.
    static func lastLine(of region: UnsafeBufferPointer<UInt8>, at offset: Int, lines: Int, headBefore: Digest) -> (start: Int, headBefore: Digest) {
        let lastEnd = region.count - 1
        let start = region[..<lastEnd].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard lines > 1 else { return (offset + start, headBefore) }
        let previousStart = region[..<(start - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let before = LedgerLine.storedHash(UnsafeBufferPointer(rebasing: region[previousStart..<(start - 1)])) ?? headBefore
        return (offset + start, before)
    }

    /// An older Khanaen closed an unfinished line that was a whole line without adopting it:
    /// it recorded it in `<file>.torn` and chained its own lines from the line before, and
    /// readers took the closed line (it verifies) and broke on the next. When the last line
    /// taken is so recorded and the lines at `rest` (starting at `verifiedBytes`) chain from the
    /// line before it, that line is set aside as the writer meant: skipped, like any recorded
    /// line. Returns whether it was.
    mutating func retractSetAsideLine(following rest: UnsafeBufferPointer<UInt8>, fd: Int32) throws -> Bool {
        guard let last = lastLine, !events.isEmpty, last.start < verifiedBytes else { return false }
        var line = [UInt8](repeating: 0, count: verifiedBytes - 1 - last.start)
        let n = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(last.start)) }
        guard n == line.count, try isRecordedTornLine(offset: last.start, bytes: line) else { return false }
        let retried = LedgerVerifier.verify(rest, firstSeq: events.count, head: last.headBefore, lineOffset: skippedTornLines + 1,
                                            rounds: rounds)
        guard !retried.events.isEmpty else { return false }
        let seq = events.removeLast().seq
        if keepsEveryHash { hashes.removeLast() }
        watchedHashes[seq] = nil
        head = last.headBefore
        skippedTornLines += 1
        lastLine = nil
        return true
    }

    /// The file was replaced (another inode): taken only when it still holds every line read
    /// before, unchanged.
    mutating func adoptReplacement(_ fd: Int32, identity: FileIdentity) throws {
        let known = events.count
        var fresh = FileState(place: place)
        fresh.watched = watched.union([known])
        fresh.fileIdentity = identity
        try fresh.readNew(fd)
        if fresh.events.count >= known && (known == 0 || fresh.watchedHashes[known] == head || (fresh.events.count == known && fresh.head == head)) {
            events = fresh.events
            hashes = fresh.hashes
            watchedHashes = fresh.watchedHashes
            head = fresh.head
            broken = fresh.broken
            pendingBytes = fresh.pendingBytes
            skippedTornLines = fresh.skippedTornLines
            verifiedBytes = fresh.verifiedBytes
            lastLine = fresh.lastLine
            fileIdentity = identity
        } else {
            broken = LedgerBreak(line: 0, words: Phrase(
                "ถูกแทนที่ด้วยแฟ้มที่ไม่มี \(known) บรรทัดที่อ่านไว้ก่อน (ท้ายสุด \(head.hex.prefix(16)))",
                "was replaced by a file that does not hold the \(known) lines read before (head \(head.hex.prefix(16)))"))
        }
    }

    /// The uid of a login, from the system's user database.
    static func uid(of login: String) -> uid_t? {
        guard let pw = getpwnam(login) else { return nil }
        return pw.pointee.pw_uid
    }

    static func login(of uid: uid_t) -> String {
        guard let pw = getpwuid(uid), let name = pw.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    /// A file's own folder (a judge's, the chairs', the witness's) made on its first write
    /// where the ledger folder allows it, its name synced into the ledger folder. In a
    /// contest set up by `khanaen access apply` it is there already.
    func makeOwnFolder() throws -> Int32? {
        let parent = AtomicFile.parent(of: folderPath)
        guard let above = try ContestFiles.openFolder(parent) else { return nil }
        defer { close(above) }
        if FileSystem.current.mkdir(folderPath, 0o750) == 0 {
            guard FileSystem.current.fsync(above) == 0 else { throw FileProblem(parent, failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
        } else if errno != EEXIST {
            throw FileProblem(folderPath, failed: "สร้างโฟลเดอร์ไม่ได้", "cannot create the folder", code: errno)
        }
        return try ContestFiles.openFolder(folderPath)
    }

    // MARK: unfinished lines

    /// A record in `<file>.torn`: one header line, then the unfinished line's bytes.
    static func tornRecordHeader(time: Int64, offset: Int, bytes: [UInt8], fileName: String) -> String {
        "# \(Timestamp.format(time)) unfinished line at byte \(offset) of \(fileName), \(bytes.count) bytes, sha256 \(Hex.encode(SHA256.hash(bytes)));"
            + " left in place and closed by a newline\n"
    }

    /// The unfinished line after `verifiedBytes`. Caller holds the write lock.
    func readTail(_ fd: Int32) throws -> [UInt8] {
        var torn = [UInt8](repeating: 0, count: pendingBytes)
        let n = torn.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, pendingBytes, off_t(verifiedBytes)) }
        guard n == pendingBytes else { throw ioError("อ่านบรรทัดสุดท้ายที่เขียนไม่จบไม่ได้", "cannot read its unfinished last line") }
        return torn
    }

    /// The event and hash of an unfinished line that is a whole line which lost only its
    /// newline: closed, it verifies as the next line, by the very code every reader uses. nil
    /// for anything else.
    func adoptable(_ tail: [UInt8]) -> (event: LedgerEvent, hash: Digest)? {
        guard !tail.isEmpty, !tail.contains(0x0A) else { return nil }
        let closed = tail + [0x0A]
        let outcome = closed.withUnsafeBufferPointer {
            LedgerVerifier.verify($0, firstSeq: events.count + 1, head: head, lineOffset: skippedTornLines, keepAll: true, rounds: rounds)
        }
        guard outcome.broken == nil, outcome.pending == 0, outcome.events.count == 1, outcome.bytes == closed.count else { return nil }
        return (outcome.events[0], outcome.head)
    }

    /// Records the unfinished line `torn` (after `verifiedBytes`) in `<file>.torn`, appended
    /// and synced, with the folder synced so the record's file survives a crash, before the
    /// writer closes it. Caller holds the write lock.
    func recordTornLine(_ torn: [UInt8]) throws {
        let header = Array(FileState.tornRecordHeader(time: Timestamp.nowMillis(), offset: verifiedBytes, bytes: torn, fileName: fileName).utf8)
        try fileOp {
            guard let folder = try ContestFiles.openFolder(folderPath) else { throw FileProblem(folderPath, th: "หายไป", en: "is gone") }
            defer { close(folder) }
            // Appended, never rewritten: a full disk leaves the records already there as they were.
            guard let aside = try ContestFiles.openFile(in: folder, fileName + ".torn", flags: O_WRONLY | O_APPEND | O_CREAT, mode: 0o640,
                                                        path: tornPath) else { throw FileProblem(tornPath, th: "เปิดไม่ได้", en: "cannot open") }
            defer { close(aside) }
            try ContestFiles.writeAll(aside, [0x0A] + header + torn + [0x0A], path: tornPath)
            guard FileSystem.current.fsync(aside) == 0 else { throw FileProblem(tornPath, failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
            // The record's file may be new: its name must be as durable as its bytes.
            try ContestFiles.syncFolder(fd: folder, path: folderPath)
        }
    }

    /// Whether `<file>.torn` records an unfinished line of exactly these bytes at this offset.
    mutating func isRecordedTornLine(offset: Int, bytes: [UInt8]) throws -> Bool {
        let records: [UInt8]?
        do {
            records = try ContestFiles.read(folder: folderPath, fileName + ".torn")
        } catch let p as FileProblem where p.misplaced {
            broken = LedgerBreak(line: 0, words: Phrase("\(fileName).torn " + p.what.th, "\(fileName).torn " + p.what.en))
            return false
        }
        guard let records else { return false }
        let wanted = Array("unfinished line at byte \(offset) of \(fileName), \(bytes.count) bytes, sha256 \(Hex.encode(SHA256.hash(bytes)));".utf8)
        return records.firstRange(of: wanted) != nil
    }

    // MARK: locks and errors

    /// The file's write lock: an open-file-description lock, which needs a descriptor open
    /// for writing, so a judge can hold their own file's only, and no reader can hold up a
    /// writer. Waited for in the kernel's queue, so two terminals of a judge take turns.
    func lockForWriting(_ fd: Int32) throws {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        let ofdSetLockWait: Int32 = 38 // F_OFD_SETLKW (Linux 3.15+), not exported by the Glibc module
        while fcntl(fd, ofdSetLockWait, &lock) != 0 {
            if errno != EINTR { throw ioError("ล็อกแฟ้มไม่ได้", "cannot lock") }
        }
    }

    func fileOp<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let p as FileProblem {
            throw LedgerFile.IOError(p)
        }
    }

    func ioError(_ th: String, _ en: String) -> LedgerFile.IOError {
        LedgerFile.IOError(FileProblem(path, failed: th, en, code: errno))
    }
}
