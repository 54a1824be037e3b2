#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see the old one or the new one, never half:
/// a temporary file beside it, fsync, rename, fsync of the folder.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws {
        if !overwrite && access(path, F_OK) == 0 {
            throw InputError("\(path): already exists; nothing was written (use --force to replace it)")
        }
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))") }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let why = String(cString: strerror(errno))
                close(fd); unlink(temp)
                throw InputError("\(path): cannot write: \(why)")
            }
            done += n
        }
        guard fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd); unlink(temp)
            throw InputError("\(path): cannot sync: \(why)")
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            throw InputError("\(path): cannot rename into place: \(why)")
        }
        var dir = path
        if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]) } else { dir = "." }
        let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
