import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pipe the runtime's loop waits on beside the terminal: an effect that finishes on another
/// thread writes a byte, so its result is dispatched at once, not at the next time-out.
final class WakePipe: Sendable {
    let readEnd: Int32, writeEnd: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// A full pipe already holds a wake-up: a failed write loses nothing.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}

/// The ledger's folders watched by inotify: any file made, written, moved or removed in one
/// of them wakes the loop, which then reads what changed. Where the kernel cannot watch
/// (no inotify, or a network file system whose changes by other machines it never sees),
/// there is none, and the loop looks again every idle time-out instead.
public final class FolderWatch {
    let fd: Int32
    private let folders: [String]
    private var watched: Set<String> = []

    public init?(_ folders: [String]) {
        let mounts = FolderWatch.mounts()
        guard !folders.isEmpty, !folders.contains(where: { FolderWatch.isNetworkFileSystem($0, mounts: mounts) }) else { return nil }
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.folders = folders
        addMissing()
        if watched.isEmpty {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                             | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches the folders not watched yet (a judge's folder made after the program started).
    private func addMissing() {
        for f in folders where !watched.contains(f) {
            if inotify_add_watch(fd, f, FolderWatch.mask) >= 0 { watched.insert(f) }
        }
    }

    /// Reads the events that woke the loop; true when there was any.
    public func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var any = false
        while read(fd, &buffer, buffer.count) > 0 { any = true }
        if any && watched.count < folders.count { addMissing() }
        return any
    }

    /// The mount table, read once for all the folders watched.
    static func mounts() -> String? { try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) }

    /// Whether `path` lies on a file system whose changes made elsewhere inotify does not
    /// report (NFS, SMB, sshfs and the like), by the longest mount point above it.
    static func isNetworkFileSystem(_ path: String, mounts: String?) -> Bool {
        guard let mounts else { return false }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        var best = (length: -1, type: "")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let within = point == "/" || absolute == point || absolute.hasPrefix(point + "/")
            if within && point.count > best.length { best = (point.count, String(fields[2])) }
        }
        let remote = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "afs", "fuse.sshfs", "davfs", "lustre"]
        return remote.contains(best.type)
    }
}
