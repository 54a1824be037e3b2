#if canImport(Glibc)
import Glibc
#endif
import KhanaenCore

/// Replaces a file so that readers see the old one or the new one, never half: the bytes go
/// to a temporary file created with O_EXCL under an unpredictable name in the same folder,
/// which is synced and renamed over the file, and then the folder is synced.
public enum AtomicWrite {
    public static func replace(_ path: String, with bytes: [UInt8]) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temp = "", fd: Int32 = -1
        for _ in 0..<16 {
            temp = (folder.isEmpty ? "" : folder + "/") + ".\(base).tmp-\(randomHex())"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw InputError("\(path): cannot write: \(errorText())") }
        func fail(_ what: String) -> InputError {
            let e = InputError("\(path): cannot \(what): \(errorText())")
            close(fd)
            unlink(temp)
            return e
        }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw fail("write") }
            done += n
        }
        fchmod(fd, 0o644)
        guard fsync(fd) == 0 else { throw fail("sync") }
        close(fd)
        guard rename(temp, path) == 0 else {
            let e = InputError("\(path): cannot rename into place: \(errorText())")
            unlink(temp)
            throw e
        }
        let dfd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
