#if canImport(Glibc)
import Glibc
#endif

extension Session {
    /// A git killed part way (a sync killed with its git, a power cut) leaves its lock files
    /// behind (`index.lock`, a ref's `.lock`, `packed-refs.lock`…), and every later git that
    /// needs the same one refuses to run. Each is removed when no git runs in this folder and no
    /// process holds it open, as far as this login can see, and it is at least a second old (a
    /// git that just made one holds it open); otherwise sync stops, naming it.
    func clearStaleLocks() throws {
        let gitDir = try git.text(["rev-parse", "--path-format=absolute", "--git-dir"])
        var locks: [String] = []
        Self.findLocks(gitDir, into: &locks)
        guard !locks.isEmpty else { return }
        let busy = Self.gitRunning(in: dir, gitDir: gitDir)
        for lock in locks.sorted() {
            var st = stat()
            guard lstat(lock, &st) == 0 else { continue }
            // To the nanosecond: in whole seconds a lock made 0.1 s before a second's turn was a second old.
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let age = Double(now.tv_sec - st.st_mtim.tv_sec) + Double(now.tv_nsec - st.st_mtim.tv_nsec) / 1e9
            if !busy && age >= Self.staleAfter && !Self.isOpen(lock) && unlink(lock) == 0 {
                say(o.language.t("ลบ \(lock) ที่ git ซึ่งถูกหยุดกลางคันทิ้งไว้", "removed \(lock), left by a git that was stopped part way"))
                continue
            }
            throw SyncFailure(th: "มี \(lock) อยู่: git อีกตัวกำลังทำงานในโฟลเดอร์นี้ (หรือตัวที่ถูกหยุดกลางคันยังถือล็อกไว้ หรือล็อกใหม่เกินกว่าจะบอกได้) "
                                  + "ซิงก์อีกครั้งในอีกครู่ หรือลบทิ้งเมื่อไม่มี git ทำงานแล้ว",
                              en: "\(lock) exists: another git is running in this folder (or one was stopped part way and its lock "
                                  + "is held or too new to tell); sync again in a moment, or remove it once no git runs")
        }
    }

    static let staleAfter = 1.0

    /// Lock files under the repository's folder (its objects aside: git writes those under
    /// temporary names, and an unfinished one is only garbage).
    static func findLocks(_ folder: String, into locks: inout [String]) {
        guard let d = opendir(folder) else { return }
        defer { closedir(d) }
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || name == "objects" { continue }
            let path = folder + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                findLocks(path, into: &locks)
            } else if name.hasSuffix(".lock") {
                locks.append(path)
            }
        }
    }

    /// Whether a git process runs in this folder (its working folder inside it).
    static func gitRunning(in dir: String, gitDir: String) -> Bool {
        processes { pid in
            var target = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/\(pid)/cwd", &target, target.count - 1)
            guard n > 0 else { return false }
            let cwd = String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard cwd == dir || cwd.hasPrefix(dir + "/") || cwd == gitDir else { return false }
            guard let comm = LocalFiles.read("/proc/\(pid)/comm") else { return false }
            return String(decoding: comm, as: UTF8.self).hasPrefix("git")
        }
    }

    /// Whether any process whose file descriptors this login may read has `path` open.
    static func isOpen(_ path: String) -> Bool {
        processes { pid in
            let fds = "/proc/\(pid)/fd"
            guard let d = opendir(fds) else { return false }
            defer { closedir(d) }
            while let f = readdir(d) {
                let name = withUnsafeBytes(of: f.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                var target = [CChar](repeating: 0, count: 4096)
                let n = readlink(fds + "/" + name, &target, target.count - 1)
                if n > 0 && String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) == path { return true }
            }
            return false
        }
    }

    /// Whether `test` holds for any process; true when /proc cannot be read (nothing is removed).
    static func processes(_ test: (String) -> Bool) -> Bool {
        guard let proc = opendir("/proc") else { return true }
        defer { closedir(proc) }
        while let p = readdir(proc) {
            let pid = withUnsafeBytes(of: p.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !pid.isEmpty, pid.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { continue }
            if test(pid) { return true }
        }
        return false
    }
}
