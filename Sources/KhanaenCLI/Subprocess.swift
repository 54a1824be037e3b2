import Foundation
import KhanaenCore

/// Runs one of the system's own tools (groupadd, gpasswd) with its arguments as given,
/// never through a shell, and waits for it.
enum Subprocess {
    static func run(_ args: [String]) throws {
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, args[0], nil, nil, &cargs, environ)
        guard spawned == 0 else { throw InputError("\(args[0]): cannot run: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status >> 8) & 0xFF
        guard status & 0x7F == 0 && code == 0 else { throw InputError("\(args.joined(separator: " ")): failed (exit \(code))") }
    }
}
