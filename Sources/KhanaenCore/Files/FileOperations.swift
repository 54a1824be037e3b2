#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The file operations whose order and durability decide what a crash leaves: every one the
/// ledger (`LedgerFile`: its appends, its `.torn` records, its folders), `AtomicFile` and
/// `ContestFiles` make goes through this interface. The product uses the system's
/// (`POSIXFileOperations`); the tests install one that records each operation, from which
/// they rebuild every state a power cut may leave (SQLite's crash-test file layer and ALICE
/// are the model; docs/ledger.md "Crashes"). Each call is the system call of the same name:
/// it returns what the system call returns and leaves `errno` as the system call set it.
/// Reads (`pread`, `fstat`) are not here: a crash does not depend on them.
public protocol FileOperations: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// A file's or a folder's (`fsync` of a folder makes the names in it durable).
    func fsync(_ fd: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func mkdir(_ path: String, _ mode: mode_t) -> Int32
    func unlink(_ path: String) -> Int32
    func ftruncate(_ fd: Int32, _ size: off_t) -> Int32
}

/// The system's file operations.
public struct POSIXFileOperations: FileOperations {
    public init() {}
    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
    public func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.openat(folder, name, flags, mode) }
    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return Glibc.write(fd, base, bytes.count)
    }
    public func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
    public func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    public func mkdir(_ path: String, _ mode: mode_t) -> Int32 { Glibc.mkdir(path, mode) }
    public func unlink(_ path: String) -> Int32 { Glibc.unlink(path) }
    public func ftruncate(_ fd: Int32, _ size: off_t) -> Int32 { Glibc.ftruncate(fd, size) }
}

/// The file operations in use: the system's, unless a test installed others.
public enum FileSystem {
    private static let installed = Mutex<any FileOperations>(POSIXFileOperations())

    public static var current: any FileOperations { installed.withLock { $0 } }

    /// Runs `body` with `operations` in use, then puts back what was in use before.
    public static func using<T>(_ operations: any FileOperations, _ body: () throws -> T) rethrows -> T {
        let before = installed.withLock { old in
            let before = old
            old = operations
            return before
        }
        defer { installed.withLock { $0 = before } }
        return try body()
    }
}
