#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see the old one or the new one, never half: a
/// temporary file beside it under a name no one can guess (created with O_EXCL, so a planted
/// file or link is never written through), fsync, rename, fsync of the folder.
public enum AtomicFile {
    /// `mode` is a new file's permission bits (the umask still applies); a file replaced keeps
    /// its mode and group (entries.json as `khanaen access apply` left it, say).
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, mode: mode_t = 0o644) throws {
        let folder = parent(of: path)
        var st = stat()
        var kept: (mode: mode_t, group: gid_t)? = nil
        if lstat(path, &st) == 0 {
            if !overwrite { throw InputError(th: "\(path): มีอยู่แล้ว ไม่ได้เขียนอะไร (ใช้ --force เพื่อเขียนทับ)", en: "\(path): already exists; nothing was written (use --force to replace it)") }
            if st.st_mode & S_IFMT != S_IFREG {
                throw InputError(th: "\(path): เป็น\(ContestFiles.kind(st.st_mode).th) ไม่ใช่แฟ้มธรรมดา ไม่ได้เขียนอะไร", en: "\(path): is \(ContestFiles.kind(st.st_mode).en), not a file; nothing was written")
            }
            kept = (st.st_mode & 0o7777, st.st_gid)
        }
        let (fd, temp) = try createTemporary(beside: path, folder: folder, mode: kept?.mode ?? mode)
        if let kept {
            _ = fchown(fd, uid_t.max, kept.group)
            _ = fchmod(fd, kept.mode)
        }
        do {
            try ContestFiles.writeAll(fd, bytes, path: temp)
            guard FileSystem.current.fsync(fd) == 0 else { throw InputError(path, failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
        } catch {
            close(fd)
            _ = FileSystem.current.unlink(temp)
            // The problem already says what failed ("cannot write: No space left on device").
            if let problem = error as? FileProblem { throw InputError(FileProblem(path, problem.what)) }
            throw error
        }
        close(fd)
        if !overwrite && lstat(path, &st) == 0 {
            _ = FileSystem.current.unlink(temp)
            throw InputError(th: "\(path): มีอยู่แล้ว ไม่ได้เขียนอะไร (ใช้ --force เพื่อเขียนทับ)", en: "\(path): already exists; nothing was written (use --force to replace it)")
        }
        guard FileSystem.current.rename(temp, path) == 0 else {
            let error = errno
            _ = FileSystem.current.unlink(temp)
            throw InputError(path, failed: "ย้ายแฟ้มใหม่เข้าที่ไม่ได้", "cannot rename into place", code: error)
        }
        do {
            try ContestFiles.syncFolder(folder)
        } catch let p as FileProblem {
            throw InputError(th: "\(path): เขียนแล้ว แต่ไม่แน่ว่าจะอยู่รอดหากเครื่องดับ: \(p.words.th)",
                             en: "\(path): written, but not known to survive a crash: \(p.words.en)")
        }
    }

    /// A new file `.<name>.<random>` in `folder`, created exclusively.
    static func createTemporary(beside path: String, folder: String, mode: mode_t) throws -> (Int32, String) {
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        for _ in 0..<16 {
            let random = UInt64.random(in: 0...UInt64.max)
            let temp = folder + "/." + name + "." + String(random, radix: 36)
            let fd = FileSystem.current.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, temp) }
            if errno != EEXIST { throw InputError(path, failed: "เขียนไม่ได้", "cannot write", code: errno) }
        }
        throw InputError(th: "\(path): สร้างแฟ้มชั่วคราวข้างกันไม่ได้", en: "\(path): cannot create a temporary file beside it")
    }

    /// The folder a path is in: "." for a bare name.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
