#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs a tool (pdftotext, unzip) with posix_spawnp, its arguments as an array and never
/// through a shell, standard input from /dev/null, and collects its output with a time
/// limit and a size limit. Foundation's Process is not used: its child reaping can hang
/// in a process that also runs XCTest.
public enum Subprocess {
    public struct Outcome: Sendable {
        public enum End: Equatable, Sendable {
            /// Exited with this status.
            case exited(Int32)
            /// Killed by this signal.
            case signalled(Int32)
            /// Still running at the time limit, and killed.
            case timedOut
            /// Wrote more than the size limit, and killed.
            case tooMuchOutput
            /// Could not be started: not installed (ENOENT) or not runnable.
            case notStarted(Int32)
        }

        public var end: End
        public var output: [UInt8]
        public var errorOutput: [UInt8]

        public var succeeded: Bool { end == .exited(0) }

        /// The first line the tool wrote to standard error, for a note.
        public var firstErrorLine: String {
            let line = errorOutput.split(separator: 0x0A).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
            return String(line.prefix(200))
        }
    }

    /// Runs `program` (looked up on PATH) with `arguments`; never throws.
    public static func run(_ program: String, _ arguments: [String], timeout: Double, outputLimit: Int = 64 << 20) -> Outcome {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        // The child starts with default signal handling and its own process group, so that a
        // timeout can kill it and anything it started.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGHUP)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        // The tools read no locale-dependent input here, but their messages should be plain.
        let environment: [String] = ["PATH=" + searchPath(), "LC_ALL=C.UTF-8"]
        let env: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for e in env { free(e) } }

        // pipe2 with O_CLOEXEC is out of Swift's sight (a GNU extension), so the pipes are
        // made and marked close-on-exec under a lock that every spawn here takes: no child
        // of another thread can inherit their ends in between and hold them open.
        var pid: pid_t = 0
        let spawned: Int32 = spawnLock.withLock { _ in
            guard pipe(&outPipe) == 0 else { return errno }
            guard pipe(&errPipe) == 0 else {
                let e = errno
                close(outPipe[0]); close(outPipe[1])
                outPipe = [-1, -1]
                return e
            }
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            let r = posix_spawnp(&pid, program, &actions, &attributes, argv, env)
            close(outPipe[1]); close(errPipe[1])
            return r
        }
        if spawned != 0 {
            for fd in [outPipe[0], errPipe[0]] where fd >= 0 { close(fd) }
            return Outcome(end: .notStarted(spawned), output: [], errorOutput: [])
        }

        var output: [UInt8] = [], errorOutput: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var limitEnd: Outcome.End? = nil
        let deadline = now() + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty && limitEnd == nil {
            let left = deadline - now()
            if left <= 0 { limitEnd = .timedOut; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000)) + 1)
            if ready < 0 && errno != EINTR { break }
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if f.fd == outPipe[0] { output.append(contentsOf: buffer[0..<n]) } else if errorOutput.count < 65536 { errorOutput.append(contentsOf: buffer[0..<n]) }
                    if output.count > outputLimit { limitEnd = .tooMuchOutput }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(f.fd)
                    open.removeAll { $0 == f.fd }
                }
            }
        }
        for fd in open { close(fd) }

        // A tool that closed its output may still be running: it gets the rest of its time.
        // It nearly always ends a moment after closing them, so the waits start short.
        var status: Int32 = 0
        var pause: UInt32 = 20
        while limitEnd == nil {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { break }
            if now() >= deadline { limitEnd = .timedOut; break }
            usleep(pause)
            pause = min(pause * 2, 5000)
        }
        if limitEnd != nil {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if let limitEnd { return Outcome(end: limitEnd, output: output, errorOutput: errorOutput) }
        // WIFEXITED and friends are macros Swift cannot see.
        let signal = status & 0x7F
        let end: Outcome.End = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        return Outcome(end: end, output: output, errorOutput: errorOutput)
    }

    private static let spawnLock = Mutex<Void>(())

    /// Whether `program` is on PATH and runnable.
    public static func isAvailable(_ program: String) -> Bool {
        searchPath().split(separator: ":").contains { access(String($0) + "/" + program, X_OK) == 0 }
    }

    static func searchPath() -> String {
        if let p = getenv("PATH") { return String(cString: p) }
        return "/usr/local/bin:/usr/bin:/bin"
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
