import Foundation
import XCTest

/// Runs shell commands and drives one tmux session for the end-to-end tests.
struct TerminalDriver {
    /// Where command output is kept for a moment; removed by the test.
    let scratch: String
    /// The tmux server's socket name, one per test so tests never share a server.
    let socket: String
    let session: String

    /// Runs a shell command with its output in a file. posix_spawn and waitpid rather than
    /// Foundation's Process, whose wait does not return once a tmux server has been started.
    @discardableResult
    func shell(_ command: String) -> (status: Int32, out: String) {
        let output = scratch + "/shell-\(UUID().uuidString).out"
        let args = ["/bin/sh", "-c", "(\(command)) >'\(output)' 2>&1 </dev/null"]
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: output)
        return ((status >> 8) & 0xFF, out)
    }

    @discardableResult
    func tmux(_ args: [String]) -> String {
        shell((["tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")).out
    }

    /// Starts `command` in the session at a size; the session outlives the command by a minute
    /// so that its last screen can be read.
    func start(_ command: String, width: Int = 100, height: Int = 30) {
        tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command + "; sleep 60"])
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", session]) }
    func keys(_ k: String...) { tmux(["send-keys", "-t", session] + k) }
    func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }
    func stop() { tmux(["kill-server"]) }

    func waitFor(_ text: String, timeout: Double = 20, file: StaticString = #filePath, line: UInt = #line) {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if screen().contains(text) { return }
            usleep(50_000)
        }
        XCTFail("the screen never showed \(text):\n\(screen())", file: file, line: line)
    }
}
