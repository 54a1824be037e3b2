import KhanaenText
#if canImport(Glibc)
import Glibc
#endif

/// A file in a contest folder that is not what belongs there, or cannot be opened: the
/// path and why, in one line, in both languages.
public struct FileProblem: BilingualError, Equatable, CustomStringConvertible, Sendable {
    public var path: String
    /// Why, without the path.
    public var what: Phrase
    /// Something other than a file stands where the file belongs (a link, a FIFO, a device,
    /// a folder): an integrity error, not an access error.
    public var misplaced: Bool
    /// The system's error number, when a call failed.
    public var code: Int32

    public init(_ path: String, _ what: Phrase, misplaced: Bool = false, code: Int32 = 0) {
        self.path = path
        self.what = what
        self.misplaced = misplaced
        self.code = code
    }

    public init(_ path: String, th: String, en: String, misplaced: Bool = false, code: Int32 = 0) {
        self.init(path, Phrase(th, en), misplaced: misplaced, code: code)
    }

    /// A call on the file failed with `code`: what was tried, and the system's reason.
    public init(_ path: String, failed th: String, _ en: String, code: Int32) {
        self.init(path, SystemError.failed(th, en, code: code), code: code)
    }

    /// Why, in English, without the path.
    public var problem: String { what.en }
    /// "path: why", the path shown as text (`TerminalText`).
    public var words: Phrase { Phrase(path.terminalSafe + ": " + what.th, path.terminalSafe + ": " + what.en) }
    public var description: String { words.en }
}

/// How every file of a contest folder is opened: never through a symbolic link, never
/// waiting on a FIFO or a device, and only when it is a regular file. A judge who can write
/// somewhere in the folder must not be able to make a root-run command read, append to or
/// empty a file elsewhere (docs/access.md).
public enum ContestFiles {
    /// The folder `path` itself opened as a folder, refusing a symbolic link in its last
    /// component; nil when it does not exist.
    public static func openFolder(_ path: String) throws -> Int32? {
        let fd = FileSystem.current.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
        if fd >= 0 { return fd }
        let error = errno
        if error == ENOENT { return nil }
        throw FileProblem(path, why(error, path: path, folder: true), misplaced: isMisplaced(error), code: error)
    }

    /// The folder `name` inside the open folder `folder`, refusing a symbolic link or anything
    /// that is not a folder; nil when it does not exist.
    public static func openFolder(in folder: Int32, _ name: String, path: String) throws -> Int32? {
        let fd = FileSystem.current.openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
        if fd >= 0 { return fd }
        let error = errno
        if error == ENOENT { return nil }
        var st = stat()
        if error == ENOTDIR, fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            let what = st.st_mode & S_IFMT == S_IFLNK ? symbolicLink : notA(st.st_mode, folder: true)
            throw FileProblem(path, what, misplaced: true, code: error)
        }
        throw FileProblem(path, why(error, path: path, folder: true), misplaced: isMisplaced(error), code: error)
    }

    /// At most `limit` bytes from the start of an open file, and whether there was more.
    public static func readPrefix(_ fd: Int32, limit: Int, path: String) throws -> (bytes: [UInt8], truncated: Bool) {
        var out = [UInt8](repeating: 0, count: max(0, limit) + 1)
        var got = 0
        while got < out.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path, failed: "อ่านไม่ได้", "cannot read", code: errno)
            }
            if n == 0 { break }
            got += n
        }
        let truncated = got > limit
        out.removeSubrange(min(got, max(0, limit))...)
        return (out, truncated)
    }

    private static func isMisplaced(_ error: Int32) -> Bool { error == ELOOP || error == ENOTDIR || error == EISDIR || error == ENXIO }

    /// `name` in the open folder `folder`, opened with `flags` (plus no-follow, close-on-exec
    /// and non-blocking, so that a FIFO never holds the reader), and checked to be a regular
    /// file. nil when it does not exist and `flags` do not create it.
    public static func openFile(in folder: Int32, _ name: String, flags: Int32, mode: mode_t = 0o640, path: String) throws -> Int32? {
        let fd = FileSystem.current.openat(folder, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode)
        if fd < 0 {
            let error = errno
            if error == ENOENT && flags & O_CREAT == 0 { return nil }
            throw FileProblem(path, why(error, path: path, folder: false), misplaced: isMisplaced(error), code: error)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let error = errno
            close(fd)
            throw FileProblem(path, failed: "ดูสถานะแฟ้มไม่ได้", "cannot stat", code: error)
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw FileProblem(path, notA(st.st_mode, folder: false), misplaced: true)
        }
        // Regular files do not block; the flag was only there for the open.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The whole of a regular file `name` of the folder at `folderPath`; nil when missing.
    public static func read(folder folderPath: String, _ name: String) throws -> [UInt8]? {
        guard let folder = try openFolderFollowingUser(folderPath) else { return nil }
        defer { close(folder) }
        let path = folderPath + "/" + name
        guard let fd = try openFile(in: folder, name, flags: O_RDONLY, path: path) else { return nil }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    /// A contest folder named by the user (`--contest`), which may itself be reached through a
    /// link of the user's own; nil when missing.
    public static func openFolderFollowingUser(_ path: String) throws -> Int32? {
        let fd = FileSystem.current.open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if fd >= 0 { return fd }
        let error = errno
        if error == ENOENT { return nil }
        throw FileProblem(path, why(error, path: path, folder: true))
    }

    public static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var st = stat()
        _ = fstat(fd, &st)
        var out = [UInt8](repeating: 0, count: max(0, Int(st.st_size)))
        var got = 0
        while true {
            if got == out.count { out.append(contentsOf: repeatElement(0, count: max(4096, out.count))) }
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path, failed: "อ่านไม่ได้", "cannot read", code: errno)
            }
            if n == 0 { break }
            got += n
        }
        out.removeSubrange(got...)
        return out
    }

    /// Writes all of `bytes`; on failure throws with the path and the reason (what was
    /// written stays: the caller decides what to do about it).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var done = 0
        let files = FileSystem.current
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { files.write(fd, UnsafeRawBufferPointer(rebasing: $0[done...])) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path, failed: "เขียนไม่ได้", "cannot write", code: errno)
            }
            done += n
        }
    }

    /// Syncs a folder, so that a file created or renamed in it survives a crash. Throws when
    /// the folder cannot be opened or synced: the entry is then not known to be durable, and
    /// the caller must not say "saved".
    public static func syncFolder(_ path: String) throws {
        let folder = path.isEmpty ? "." : path
        let fd = FileSystem.current.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else {
            let error = errno
            throw FileProblem(folder, failed: "เปิดโฟลเดอร์เพื่อเขียนลงดิสก์ไม่ได้", "cannot open the folder to sync it", code: error)
        }
        defer { close(fd) }
        try syncFolder(fd: fd, path: folder)
    }

    /// Syncs an open folder; throws when it cannot be synced.
    public static func syncFolder(fd: Int32, path: String) throws {
        while FileSystem.current.fsync(fd) != 0 {
            let error = errno
            if error == EINTR { continue }
            throw FileProblem(path, failed: "เขียนโฟลเดอร์ลงดิสก์ไม่ได้", "cannot sync the folder", code: error)
        }
    }

    static func kind(_ mode: mode_t) -> Phrase {
        switch mode & S_IFMT {
        case S_IFDIR: return Phrase("โฟลเดอร์", "a folder")
        case S_IFIFO: return Phrase("FIFO", "a FIFO")
        case S_IFCHR: return Phrase("อุปกรณ์แบบตัวอักษร", "a character device")
        case S_IFBLK: return Phrase("อุปกรณ์แบบบล็อก", "a block device")
        case S_IFSOCK: return Phrase("ซ็อกเก็ต", "a socket")
        case S_IFLNK: return Phrase("ลิงก์สัญลักษณ์", "a symbolic link")
        default: return Phrase("สิ่งที่ไม่ใช่แฟ้มธรรมดา", "not a regular file")
        }
    }

    static let symbolicLink = Phrase("เป็นลิงก์สัญลักษณ์ ไม่ได้ตามไป", "is a symbolic link; not followed")

    /// "is a FIFO, not a file; not opened", and the same of a folder.
    static func notA(_ mode: mode_t, folder: Bool) -> Phrase {
        let k = kind(mode)
        return folder ? Phrase("เป็น\(k.th) ไม่ใช่โฟลเดอร์ ไม่ได้เปิด", "is \(k.en), not a folder; not opened")
            : Phrase("เป็น\(k.th) ไม่ใช่แฟ้ม ไม่ได้เปิด", "is \(k.en), not a file; not opened")
    }

    private static func why(_ error: Int32, path: String, folder: Bool) -> Phrase {
        if error == ELOOP { return symbolicLink }
        if error == ENOTDIR && folder {
            var st = stat()
            if lstat(path, &st) == 0 { return notA(st.st_mode, folder: true) }
        }
        if error == EISDIR { return Phrase("เป็นโฟลเดอร์ ไม่ใช่แฟ้ม ไม่ได้เปิด", "is a folder, not a file; not opened") }
        if error == ENXIO { return Phrase("เป็น FIFO หรือซ็อกเก็ต ไม่ใช่แฟ้ม ไม่ได้เปิด", "is a FIFO or a socket, not a file; not opened") }
        return SystemError.failed("เปิดไม่ได้", "cannot open", code: error)
    }
}
