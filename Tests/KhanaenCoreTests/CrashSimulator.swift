import Foundation
import Synchronization
@testable import KhanaenCore

/// A crash-state simulator (issue 20), after SQLite's crash-test file layer and ALICE (OSDI '14):
/// `RecordingFileOperations` performs every file operation on the real file system and records
/// it against a model of the file system (files and folders by identity, names by folder); then
/// `CrashStates` rebuilds, for every cut of the recorded run, the states a POSIX file system may
/// leave after a power cut there:
///
/// - every prefix of the operations (a cut before each one);
/// - of the operations not yet made durable (a write or truncation before the file's next
///   `fsync`; a creation, `mkdir`, rename or removal before its folder's next `fsync`): all
///   kept, all dropped, and each one dropped with the later ones on the same file or folder
///   (a file keeps a prefix of its unsynced writes; a folder a prefix of its unsynced changes);
/// - the last operation, when it is a write, torn at every byte offset (with the other unsynced
///   operations kept, and with them dropped).
///
/// Reads are not recorded: a crash does not depend on them. States that come out the same are
/// checked once.
final class RecordingFileOperations: FileOperations, @unchecked Sendable {
    enum Op: CustomStringConvertible {
        case create(dir: Int, name: String, id: Int)
        case mkdir(dir: Int, name: String, id: Int)
        case write(id: Int, offset: Int, bytes: [UInt8])
        case truncate(id: Int, size: Int)
        case rename(fromDir: Int, fromName: String, toDir: Int, toName: String)
        case unlink(dir: Int, name: String)
        case fsyncFile(id: Int)
        case fsyncDir(id: Int)
        /// Not an operation: the scenario's step `label` returned (was acknowledged) here.
        case ack(String)

        var description: String {
            switch self {
            case let .create(d, n, id): return "create \(d)/\(n) #\(id)"
            case let .mkdir(d, n, id): return "mkdir \(d)/\(n) #\(id)"
            case let .write(id, o, b): return "write #\(id) @\(o) \(b.count)B"
            case let .truncate(id, s): return "truncate #\(id) \(s)"
            case let .rename(fd, fname, td, tname): return "rename \(fd)/\(fname) -> \(td)/\(tname)"
            case let .unlink(d, n): return "unlink \(d)/\(n)"
            case let .fsyncFile(id): return "fsync #\(id)"
            case let .fsyncDir(id): return "fsync dir #\(id)"
            case let .ack(l): return "ack \(l)"
            }
        }
    }

    /// The model of the file system when the recording began.
    struct Snapshot {
        var entries: [Int: [String: Int]] = [:]   // folder id → name → id
        var data: [Int: [UInt8]] = [:]            // file id → bytes
    }

    private let real = POSIXFileOperations()
    private let lock = NSLock()
    let root: String
    private(set) var snapshot = Snapshot()
    private(set) var ops: [Op] = []
    private var ids: [UInt64: Int] = [:]          // inode → model id
    private var isFolder: [Int: Bool] = [:]
    private var fds: [Int32: Int] = [:]           // descriptor → model id
    private var names: [Int: String] = [:]        // model id → path (for hooks)
    private var next = 1
    /// Runs once, right after the first write to a file whose path ends in `suffix` (and
    /// before that write is synced): another process acting in the window (`afterWrite`).
    var afterWrite: (suffix: String, body: () -> Void)?

    init(root: String) {
        self.root = root
        ids[inode(root)!] = 0
        isFolder[0] = true
        names[0] = root
        snapshot.entries[0] = [:]
        scan(root, id: 0)
    }

    private func scan(_ path: String, id: Int) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            let p = path + "/" + name
            var st = stat()
            guard lstat(p, &st) == 0 else { continue }
            let child = fresh(UInt64(st.st_ino), folder: st.st_mode & S_IFMT == S_IFDIR, path: p)
            snapshot.entries[id, default: [:]][name] = child
            if st.st_mode & S_IFMT == S_IFDIR {
                snapshot.entries[child] = [:]
                scan(p, id: child)
            } else {
                snapshot.data[child] = Array(FileManager.default.contents(atPath: p) ?? Data())
            }
        }
    }

    private func fresh(_ ino: UInt64, folder: Bool, path: String) -> Int {
        let id = next
        next += 1
        ids[ino] = id
        isFolder[id] = folder
        names[id] = path
        return id
    }

    private func inode(_ path: String) -> UInt64? {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    private func inode(fd: Int32) -> UInt64? {
        var st = stat()
        return fstat(fd, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    private func parent(_ path: String) -> (dir: Int, name: String)? {
        let folder = AtomicFile.parent(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let ino = inode(folder), let dir = ids[ino] else { return nil }
        return (dir, name)
    }

    private func record(_ op: Op) { ops.append(op) }

    func mark(_ label: String) { lock.withLock { record(.ack(label)) } }

    // MARK: the operations

    private func opened(_ fd: Int32, dir: Int?, name: String, flags: Int32, existed: Bool, path: String) -> Int32 {
        guard fd >= 0 else { return fd }
        let saved = errno
        defer { errno = saved }
        guard let ino = inode(fd: fd) else { return fd }
        lock.withLock {
            if !existed && flags & O_CREAT != 0, let dir {
                let id = fresh(ino, folder: false, path: path)
                record(.create(dir: dir, name: name, id: id))
            }
            if let id = ids[ino] { fds[fd] = id } else { fds[fd] = nil }
        }
        return fd
    }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        let existed = inode(path) != nil
        let where_ = lock.withLock { parent(path) }
        let fd = real.open(path, flags, mode)
        return opened(fd, dir: where_?.dir, name: where_?.name ?? path, flags: flags, existed: existed, path: path)
    }

    func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        var st = stat()
        let existed = fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0
        let dir = lock.withLock { fds[folder] }
        let path = lock.withLock { dir.flatMap { names[$0] }.map { $0 + "/" + name } ?? name }
        let fd = real.openat(folder, name, flags, mode)
        return opened(fd, dir: dir, name: name, flags: flags, existed: existed, path: path)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        var st = stat()
        _ = fstat(fd, &st)
        let offset = fcntl(fd, F_GETFL) & O_APPEND != 0 ? Int(st.st_size) : Int(lseek(fd, 0, SEEK_CUR))
        let n = real.write(fd, bytes)
        guard n > 0 else { return n }
        let saved = errno
        var hook: (() -> Void)? = nil
        lock.withLock {
            guard let id = fds[fd] else { return }
            record(.write(id: id, offset: offset, bytes: Array(bytes[0..<n])))
            if let a = afterWrite, names[id]?.hasSuffix(a.suffix) == true {
                hook = a.body
                afterWrite = nil
            }
        }
        hook?()
        errno = saved
        return n
    }

    func fsync(_ fd: Int32) -> Int32 {
        let r = real.fsync(fd)
        guard r == 0 else { return r }
        lock.withLock {
            guard let id = fds[fd] else { return }
            record(isFolder[id] == true ? .fsyncDir(id: id) : .fsyncFile(id: id))
        }
        return r
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        let (f, t) = lock.withLock { (parent(from), parent(to)) }
        let r = real.rename(from, to)
        guard r == 0, let f, let t else { return r }
        lock.withLock { record(.rename(fromDir: f.dir, fromName: f.name, toDir: t.dir, toName: t.name)) }
        return r
    }

    func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        let r = real.mkdir(path, mode)
        guard r == 0 else { return r }
        let saved = errno
        defer { errno = saved }
        lock.withLock {
            guard let p = parent(path), let ino = inode(path) else { return }
            let id = fresh(ino, folder: true, path: path)
            record(.mkdir(dir: p.dir, name: p.name, id: id))
        }
        return r
    }

    func unlink(_ path: String) -> Int32 {
        let p = lock.withLock { parent(path) }
        let r = real.unlink(path)
        guard r == 0, let p else { return r }
        lock.withLock { record(.unlink(dir: p.dir, name: p.name)) }
        return r
    }

    func ftruncate(_ fd: Int32, _ size: off_t) -> Int32 {
        let r = real.ftruncate(fd, size)
        guard r == 0 else { return r }
        lock.withLock { if let id = fds[fd] { record(.truncate(id: id, size: Int(size))) } }
        return r
    }
}

/// The crash states of a recorded run (see `RecordingFileOperations`).
struct CrashStates {
    typealias Op = RecordingFileOperations.Op

    struct State {
        /// Operations issued before the power cut.
        var cut: Int
        /// What the state keeps of them.
        var variant: String
        /// The steps acknowledged before the cut.
        var acknowledged: [String]
        var tree: Tree
    }

    /// A file system tree by path from the root: a file's bytes, or nil for a folder.
    typealias Tree = [String: [UInt8]?]

    let snapshot: RecordingFileOperations.Snapshot
    let ops: [Op]

    /// Which torn offsets of a write of `count` bytes are tried: every one (the default), or
    /// with `sample`, those near a newline, the ends and every `sample`-th.
    var sample: Int? = nil

    /// The objects an operation's durability depends on (a file for its data, the folders for
    /// a name), nil for an fsync or a mark.
    static func object(_ op: Op) -> [String]? {
        switch op {
        case let .write(id, _, _), let .truncate(id, _): return ["f\(id)"]
        case let .create(d, _, _), let .mkdir(d, _, _), let .unlink(d, _): return ["d\(d)"]
        case let .rename(fd, _, td, _): return fd == td ? ["d\(fd)"] : ["d\(fd)", "d\(td)"]
        case .fsyncFile, .fsyncDir, .ack: return nil
        }
    }

    /// Every state, each distinct tree once, passed to `visit`; returns how many.
    func forEach(_ visit: (State) -> Void) -> Int {
        var seen = Set<Int>()
        var count = 0
        for cut in 0...ops.count {
            let prefix = Array(ops[0..<cut])
            let acknowledged = prefix.compactMap { if case let .ack(l) = $0 { return l } else { return nil } }
            // Unsynced: a mutating op with no later sync of its object within the prefix.
            var synced = Set<String>()
            var unsynced: [Int] = []
            for i in stride(from: prefix.count - 1, through: 0, by: -1) {
                switch prefix[i] {
                case let .fsyncFile(id): synced.insert("f\(id)")
                case let .fsyncDir(id): synced.insert("d\(id)")
                default:
                    if let objects = CrashStates.object(prefix[i]), !objects.allSatisfy(synced.contains) { unsynced.append(i) }
                }
            }
            unsynced.reverse()
            var variants: [(String, Set<Int>, (index: Int, keep: Int)?)] = [("all kept", [], nil)]
            if !unsynced.isEmpty {
                variants.append(("unsynced dropped", Set(unsynced), nil))
                for u in unsynced where unsynced.count > 1 {
                    let o = CrashStates.object(prefix[u])!
                    let dropped = Set(unsynced.filter { $0 >= u && CrashStates.object(prefix[$0])! == o })
                    variants.append(("dropped from op \(u) (\(prefix[u]))", dropped, nil))
                }
            }
            if let last = prefix.indices.last, case let .write(_, _, bytes) = prefix[last], bytes.count > 1 {
                for t in offsets(bytes) {
                    variants.append(("last write torn at \(t)/\(bytes.count)", [], (last, t)))
                    let others = Set(unsynced.filter { $0 != last })
                    if !others.isEmpty { variants.append(("last write torn at \(t)/\(bytes.count), other unsynced dropped", others, (last, t))) }
                }
            }
            for (name, dropped, torn) in variants {
                let tree = replay(prefix, dropping: dropped, torn: torn)
                var h = Hasher()
                h.combine(acknowledged.count)
                for (path, bytes) in tree.sorted(by: { $0.key < $1.key }) { h.combine(path); h.combine(bytes) }
                guard seen.insert(h.finalize()).inserted else { continue }
                count += 1
                visit(State(cut: cut, variant: name, acknowledged: acknowledged, tree: tree))
            }
        }
        return count
    }

    private func offsets(_ bytes: [UInt8]) -> [Int] {
        guard let sample else { return Array(1..<bytes.count) }
        var out = Set([1, bytes.count - 1])
        for (k, b) in bytes.enumerated() where b == 0x0A { out.formUnion([k - 1, k, k + 1, k + 2]) }
        out.formUnion(stride(from: 1, to: bytes.count, by: sample))
        return out.filter { $0 >= 1 && $0 < bytes.count }.sorted()
    }

    /// The tree the kept operations leave.
    func replay(_ prefix: [Op], dropping: Set<Int>, torn: (index: Int, keep: Int)?) -> Tree {
        var entries = snapshot.entries
        var data = snapshot.data
        for (i, op) in prefix.enumerated() where !dropping.contains(i) {
            switch op {
            case let .create(d, n, id):
                entries[d, default: [:]][n] = id
                if data[id] == nil { data[id] = [] }
            case let .mkdir(d, n, id):
                entries[d, default: [:]][n] = id
                entries[id] = entries[id] ?? [:]
            case let .write(id, offset, bytes):
                let b = torn?.index == i ? Array(bytes[0..<torn!.keep]) : bytes
                var file = data[id] ?? []
                if file.count < offset + b.count { file += [UInt8](repeating: 0, count: offset + b.count - file.count) }
                file.replaceSubrange(offset..<(offset + b.count), with: b)
                data[id] = file
            case let .truncate(id, size):
                var file = data[id] ?? []
                if file.count > size { file.removeSubrange(size...) } else { file += [UInt8](repeating: 0, count: size - file.count) }
                data[id] = file
            case let .rename(fd, fname, td, tname):
                guard let id = entries[fd]?[fname] else { continue }
                entries[fd]?[fname] = nil
                entries[td, default: [:]][tname] = id
            case let .unlink(d, n):
                entries[d]?[n] = nil
            case .fsyncFile, .fsyncDir, .ack:
                break
            }
        }
        var tree: Tree = [:]
        func walk(_ id: Int, _ path: String) {
            for (name, child) in entries[id] ?? [:] {
                let p = path.isEmpty ? name : path + "/" + name
                if entries[child] != nil {
                    tree[p] = .some(nil)
                    walk(child, p)
                } else {
                    tree[p] = .some(data[child] ?? [])
                }
            }
        }
        walk(0, "")
        return tree
    }

    /// Writes `tree` out as the folder `path` (emptied first).
    static func materialize(_ tree: Tree, at path: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: path)
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (p, bytes) in tree.sorted(by: { $0.key < $1.key }) {
            if let bytes {
                guard fm.createFile(atPath: path + "/" + p, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
            } else {
                try fm.createDirectory(atPath: path + "/" + p, withIntermediateDirectories: true)
            }
        }
    }
}
