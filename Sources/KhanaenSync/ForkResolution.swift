import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// Which side of a fork a chair keeps as the judge's file.
public enum ForkKeep: String, Sendable, CaseIterable {
    /// This folder's lines.
    case mine
    /// The remote's lines (the side kept beside the file as `.fork-<commit>`).
    case theirs
    /// The remote's lines, then this folder's events that still apply, replayed as new lines.
    case both
}

/// A fork's other side, kept beside the judge's file by a sync that stopped on it.
public struct KeptFork: Equatable, Sendable {
    /// `ledger/j1/j1.jsonl.fork-<commit>`, relative to the contest folder.
    public var path: String
    /// The judge's file it is the other side of.
    public var file: String
    public var judge: String
}

/// What `khanaen fork resolve` did.
public struct ForkResolution: Sendable {
    public var judge: String
    public var keep: ForkKeep
    /// The first line at which the two sides differ.
    public var line: Int
    /// The hash of the last line of the side set aside (the chair's line names it).
    public var setAside: String
    /// Replayed events: the line of this folder's side and the line it is now.
    public var replayed: [(from: Int, to: Int)] = []
    /// Events of this folder's side that could not apply on the kept side, and why.
    public var notApplied: [(line: Int, why: Phrase)] = []
    public var sync = SyncResult()
}

extension Sync {
    /// The other sides of forks kept in the folder: one for each stopped sync not yet resolved.
    public static func keptForks(in dir: String, contest: Contest) -> [KeptFork] {
        var found: [KeptFork] = []
        for j in contest.judges {
            let file = Ledger.displayPath(ofFile: j.id)
            let folder = dir + "/" + file[..<file.lastIndex(of: "/")!]
            guard let d = opendir(folder) else { continue }
            let prefix = "\(j.id).jsonl.fork-"
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                let hex = name.dropFirst(prefix.count)
                if name.hasPrefix(prefix), !hex.isEmpty, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
                    found.append(KeptFork(path: String(file[..<file.lastIndex(of: "/")!]) + "/" + name, file: file, judge: j.id))
                }
            }
            closedir(d)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// A chair resolves a fork of judge `judge`'s file in the folder that met it: the kept
    /// side becomes the file, the chair's `fork` line records the decision, and a merge commit
    /// joins both histories (so every line stays in git); then a sync sends it.
    public static func resolveFork(_ options: SyncOptions, judge: String, keep: ForkKeep, reason: String, chair: String) throws -> ForkResolution {
        try Session(options).resolveFork(judge: judge, keep: keep, reason: reason, chair: chair)
    }

    /// The hash of a ledger file's last line (its `hash` member), or nil for no whole line.
    static func lastLineHash(_ bytes: [UInt8]) -> String? {
        // A canonical line ends `,"hash":"<64 hex>"}` and a newline.
        guard bytes.count >= 76, bytes.last == 0x0A, bytes[bytes.count - 2] == UInt8(ascii: "}"), bytes[bytes.count - 3] == UInt8(ascii: "\"") else { return nil }
        let hex = bytes[(bytes.count - 67)..<(bytes.count - 3)]
        guard Array(bytes[(bytes.count - 76)..<(bytes.count - 67)]) == Array(",\"hash\":\"".utf8) else { return nil }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether the chairs' files of a tree hold a chair's `fork` line for the judge whose file is
    /// `path`, setting aside the version whose last line has hash `head`: a file may then leave
    /// that version for the kept side, the one change other than appending that sync takes.
    static func resolves(_ chairBlobs: [[UInt8]], path: String, head: String?) -> Bool {
        guard let head, let judge = SyncPaths.judge(path), SyncPaths.ledgerName(path) == judge else { return false }
        let kind = Array("\"kind\":\"fork\",\"judge\":\"\(judge)\"".utf8), topic = Array("\"topic\":\"\(head)\"".utf8)
        for bytes in chairBlobs {
            for line in bytes.split(separator: 0x0A) where contains(line, kind) && contains(line, topic) { return true }
        }
        return false
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count, let first = needle.first else { return false }
        var i = hay.startIndex
        while i <= hay.endIndex - needle.count {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

extension Session {
    /// The chairs' files of a commit, for `Sync.resolves`.
    func chairBlobs(_ blobs: [String: String]) throws -> [[UInt8]] {
        let prefix = "\(ContestFolder.ledgerFolder)/\(Ledger.chairsFolder)/"
        return try blobs.filter { $0.key.hasPrefix(prefix) && $0.key.hasSuffix(".jsonl") }.sorted { $0.key < $1.key }.map { try git.blob($0.value) }
    }

    func resolveFork(judge: String, keep: ForkKeep, reason: String, chair: String) throws -> ForkResolution {
        guard try isOwnRepository(), try hasHead() else {
            throw SyncFailure(th: "\(dir) ยังไม่ได้ตั้งค่าการซิงก์: สั่ง khanaen sync --setup [REMOTE] ก่อน (docs/sync.md)",
                              en: "\(dir) is not set up for sync: run khanaen sync --setup [REMOTE] first (docs/sync.md)")
        }
        let contest = try ContestFolder.loadContest(dir)
        contestID = contest.id
        mkdir(scratch, 0o700)
        guard contest.judgeIndex(judge) != nil else { throw SyncFailure(th: "ไม่มีกรรมการรหัส \"\(judge)\"", en: "no judge has id \"\(judge)\"") }
        let path = Ledger.displayPath(ofFile: judge)
        let kept = Sync.keptForks(in: dir, contest: contest).filter { $0.judge == judge }
        // The newest stop is the one against what the remote holds now.
        guard let fork = kept.max(by: { mtime(dir + "/" + $0.path) < mtime(dir + "/" + $1.path) }) else {
            throw SyncFailure(th: "\(path) ไม่มีฉบับที่แยกเก็บไว้ข้างกัน (\(path).fork-…): ไม่มีอะไรให้ตัดสิน khanaen sync จะบอกเมื่อพบแฟ้มที่แยกเป็นสองฉบับ",
                              en: "\(path) has no fork kept beside it (\(path).fork-…): nothing to resolve; khanaen sync names a fork when it meets one")
        }
        let short = String(fork.path.split(separator: "-").last!)
        let upstream = try git.outcome(["rev-parse", "--verify", "-q", short + "^{commit}"])
        guard upstream.succeeded else {
            throw SyncFailure(th: "\(fork.path): คอมมิต \(short) ไม่อยู่ในที่เก็บนี้ สั่ง khanaen sync อีกครั้ง",
                              en: "\(fork.path): the commit \(short) is not in this repository; run khanaen sync again")
        }
        let commit = String(decoding: upstream.output, as: UTF8.self).trimmingNewlines
        let b = try git.text(["symbolic-ref", "--short", "HEAD"])
        try git.text(["reset", "-q"])

        // 1. This folder's side, all of it committed (a judge may have scored after the stop);
        //    a file already replaced by an interrupted resolution is made again below.
        let head = try git.ledgerBlobs("HEAD")
        if let local = LocalFiles.wholeLines(dir + "/" + path), case .extends = Growth.of(local, from: try git.blob(head[path])) {
            guard try commitOwnLines(only: [path]) else { return ForkResolution(judge: judge, keep: keep, line: 0, setAside: "", sync: result) }
        }
        let mine = try git.blob(try git.ledgerBlobs("HEAD")[path])
        let theirs = try git.blob(try git.ledgerBlobs(commit)[path])
        guard case .differs(let line) = Growth.of(theirs, from: mine) else {
            throw SyncFailure(th: "\(path) ที่นี่และใน \(short) ไม่ได้แยกกันแล้ว: ไม่มีอะไรให้ตัดสิน (khanaen sync)",
                              en: "\(path) here and in \(short) no longer differ as a fork: nothing to resolve (khanaen sync)")
        }
        for (side, bytes) in [(Phrase("ที่นี่", "here"), mine), (Phrase(short, short), theirs)] {
            let torn = try git.blob(try git.ledgerBlobs(side.en == "here" ? "HEAD" : commit)[path + ".torn"])
            if let problem = try ChainCheck.problem(name: judge, contestID: contestID, bytes: bytes, torn: torn, scratch: scratch) {
                throw SyncFailure(th: "\(path) (\(side.th)): \(problem.th): เก็บฉบับที่เสียไว้ไม่ได้ (khanaen verify)",
                                  en: "\(path) (\(side.en)): \(problem.en): a broken side cannot be kept; khanaen verify")
            }
        }
        guard let mineHead = Sync.lastLineHash(mine), let theirsHead = Sync.lastLineHash(theirs) else {
            throw SyncFailure(th: "\(path): บรรทัดสุดท้ายของฉบับหนึ่งไม่มีค่าแฮช", en: "\(path): a side's last line has no hash")
        }
        var resolution = ForkResolution(judge: judge, keep: keep, line: line, setAside: keep == .mine ? theirsHead : mineHead)

        // 2. The kept side; for both, this side's events replayed onto the remote's, as the
        //    judge's writer would append them, each naming the line it replays.
        var keptBytes = keep == .mine ? mine : theirs
        if keep == .both {
            let (bytes, replayed, notApplied) = try replay(contest: contest, judge: judge, onto: theirs, from: mine, after: line - 1)
            keptBytes = bytes
            resolution.replayed = replayed
            resolution.notApplied = notApplied
        }
        if LocalFiles.read(dir + "/" + path) != keptBytes {
            do { try AtomicFile.write(keptBytes, to: dir + "/" + path, overwrite: true, mode: 0o640) } catch let e as InputError { throw SyncFailure(e) }
        }
        let keptTorn = try git.blob(try git.ledgerBlobs(keep == .mine ? "HEAD" : commit)[path + ".torn"])
        if keptTorn.isEmpty { unlink(dir + "/" + path + ".torn") } else { try ChainCheck.write(keptTorn, to: dir + "/" + path + ".torn") }

        // 3. The chair's decision, in the chair's file, then committed with the kept side and
        //    joined to the remote's history (a merge commit: both sides stay in git).
        //    A resolution interrupted after its line was written (and run again) writes no second one.
        let ledger = try ContestFolder.ledger(of: contest, in: dir)
        let written = ledger.chairStream.events.contains {
            $0.kind == .fork && $0.judge == judge && $0.topic == resolution.setAside && $0.outcome == keep.rawValue
        }
        do {
            if !written {
                try ledger.appendChair(LedgerEvent(actor: chair, kind: .fork, judge: judge, entry: "", ref: line, text: reason,
                                                   outcome: keep.rawValue, topic: resolution.setAside))
            }
        } catch let r as Refusal {
            throw SyncFailure(Phrase(r.message(in: .th), r.message))
        }
        let chairFile = Ledger.displayPath(ofFile: Ledger.chairFileName(chair))
        guard try commitOwnLines(only: [chairFile]) else { return resolution }
        let keptOID = try hashObject(keptBytes)
        guard try integrate(commit, branch: b, remote: "origin", resolved: [path: keptOID]) else {
            resolution.sync = result
            return resolution
        }
        for f in kept { unlink(dir + "/" + f.path) }
        say(o.language.t("ประธานกรรมการ \(chair) ตัดสินสายที่แยกของกรรมการ \(judge) (\(path) ตั้งแต่บรรทัด \(line)): เก็บ\(keepWords(keep, th: true))",
                 "chair \(chair) resolved the fork of judge \(judge)'s file (\(path) from line \(line)): kept \(keepWords(keep, th: false))"))
        for r in resolution.replayed {
            say(o.language.t("เล่นซ้ำบรรทัด \(r.from) ของเครื่องนี้เป็นบรรทัด \(r.to)", "replayed this side's line \(r.from) as line \(r.to)"))
        }
        for n in resolution.notApplied {
            say(o.language.t("บรรทัด \(n.line) ของเครื่องนี้ใช้ไม่ได้แล้ว: \(n.why.th)", "this side's line \(n.line) could not apply: \(n.why.en)"))
        }
        // 4. Then a sync as any other, which sends it (when there is a remote and pushing).
        let said = result.said
        result = SyncResult()
        result = try sync()
        result.said = said + result.said
        resolution.sync = result
        return resolution
    }

    func keepWords(_ keep: ForkKeep, th: Bool) -> String {
        switch keep {
        case .mine: th ? "ฉบับของเครื่องนี้" : "this folder's side"
        case .theirs: th ? "ฉบับของที่เก็บต้นทาง" : "the remote's side"
        case .both: th ? "ฉบับของที่เก็บต้นทาง แล้วเล่นซ้ำบรรทัดของเครื่องนี้" : "the remote's side, with this side's events replayed"
        }
    }

    func mtime(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec) : 0
    }

    func hashObject(_ bytes: [UInt8]) throws -> String {
        let blobFile = scratch + "/blob"
        try ChainCheck.write(bytes, to: blobFile)
        defer { unlink(blobFile) }
        return try git.text(["hash-object", "-w", "--no-filters", blobFile])
    }

    /// This side's events after line `after`, appended one by one onto `theirs` in a scratch
    /// copy of the judge's folder (with the chairs' deliveries to the judge), as the judge's
    /// writer appends: an event the rules refuse there (a change to a sheet submitted on the
    /// other side, say) is not written, and is named.
    func replay(contest: Contest, judge: String, onto theirs: [UInt8], from mine: [UInt8], after: Int)
        throws -> (bytes: [UInt8], replayed: [(from: Int, to: Int)], notApplied: [(line: Int, why: Phrase)]) {
        let top = scratch + "/replay-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let folder = top + "/" + ContestFolder.ledgerFolder + "/" + judge
        try LocalFiles.makeFolders(folder)
        defer { removeTree(top) }
        let own = top + "/" + Ledger.displayPath(ofFile: judge)
        try ChainCheck.write(theirs, to: own)
        for c in contest.chairs {
            let delivery = Ledger.displayPath(ofFile: Ledger.deliveryName(judge: judge, chair: c))
            if let bytes = LocalFiles.read(dir + "/" + delivery) { try ChainCheck.write(bytes, to: top + "/" + delivery) }
        }
        let source = top + "/mine.jsonl"
        try ChainCheck.write(mine, to: source)
        let file = LedgerFile(path: source, name: judge, contestID: contest.id)
        try file.refresh()
        let ledger = Ledger(contest: contest, directory: top + "/" + ContestFolder.ledgerFolder)
        try ledger.refresh()
        var replayed: [(from: Int, to: Int)] = [], notApplied: [(line: Int, why: Phrase)] = []
        let events = file.events
        for (k, e) in events.enumerated() where k >= after {
            var draft = LedgerEvent(actor: judge, kind: e.kind, entry: e.entry, criterion: e.criterion, value: e.value, text: e.text,
                                    outcome: e.kind == .recuse ? e.outcome : nil, topic: "fork:" + (file.hash(atLine: k + 1)?.hex ?? ""))
            // An undo names a line of this side's numbering: it is replayed as the change it makes.
            draft.undoes = nil
            do {
                let written = try ledger.appendJudge(judge, [draft])
                replayed.append((k + 1, written.first?.seq ?? 0))
            } catch let r as Refusal {
                notApplied.append((k + 1, r.words))
            } catch let r as InputError {
                notApplied.append((k + 1, r.words))
            }
        }
        guard let bytes = LocalFiles.read(own) else { throw SyncFailure(th: "อ่าน \(own) ไม่ได้", en: "cannot read \(own)") }
        return (bytes, replayed, notApplied)
    }

    func removeTree(_ path: String) {
        if let d = opendir(path) {
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                var st = stat()
                if lstat(path + "/" + name, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { removeTree(path + "/" + name) } else { unlink(path + "/" + name) }
            }
            closedir(d)
        }
        rmdir(path)
    }
}
