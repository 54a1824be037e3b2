import Foundation
import XCTest
@testable import KhanaenCore

/// The chair console over a real SSH connection: an OpenSSH server on 127.0.0.1 with its own
/// host key, config and port, a chair login and a judge login with keys, `ssh -t` driven
/// through tmux. Everything it starts and creates it stops and removes.
final class SSHEndToEndTests: XCTestCase {
    private var root = ""
    private var socket = ""
    private var port = 0
    private var logins: TestLogins?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw XCTSkip("no /usr/sbin/sshd: scripts/setup.sh installs openssh-server")
        }
        root = "/tmp/khanaen-ssh-" + UUID().uuidString
        socket = "khanaen-ssh-\(getpid())"
        port = 20_000 + Int(getpid() % 20_000)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        guard !root.isEmpty else { return }
        shell("tmux -L \(socket) kill-server")
        if let pid = try? String(contentsOfFile: root + "/sshd.pid", encoding: .utf8) { shell("kill \(pid.trimmingCharacters(in: .whitespacesAndNewlines))") }
        logins?.remove()
        try? FileManager.default.removeItem(atPath: root)
    }

    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: socket, session: "chair") }

    @discardableResult
    private func shell(_ command: String) -> (status: Int32, out: String) { driver.shell(command) }
    private func screen() -> String { driver.screen() }
    private func waitFor(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) {
        driver.waitFor(text, timeout: timeout, file: file, line: line)
    }

    func testTheChairFollowsAJudgeOverSSHAndTheJudgeIsRefusedTheConsole() throws {
        // Two judges and a chair, and a contest guarded by their logins.
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let l = try TestLogins(driver: driver, root: root, prefix: "kssh\(getpid() % 10_000)", built: built)
        logins = l
        let (binary, contest, chairUser, judgeUser) = (l.binary, l.contest, l.chair, l.judges[0])
        try FileManager.default.createDirectory(atPath: root + "/keys", withIntermediateDirectories: true)
        for u in [chairUser, judgeUser] {
            XCTAssertEqual(shell("ssh-keygen -q -t ed25519 -N '' -f \(root)/\(u)").status, 0)
            try FileManager.default.copyItem(atPath: root + "/\(u).pub", toPath: root + "/keys/\(u)")
        }
        try driver.startSSHServer(root: root, port: port, authorizedKeys: "\(root)/keys/%u", extra: "AcceptEnv LANG")
        let ssh = { (user: String) in
            "ssh -t -p \(self.port) -i \(self.root)/\(user) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \(user)@127.0.0.1"
        }

        // The chair's console over SSH, identified by the login alone.
        let remote = "LANG=C.UTF-8 TERM=xterm-256color \(binary) chair --contest \(contest)"
        XCTAssertEqual(shell("tmux -L \(socket) new-session -d -s chair -x 100 -y 30 \"\(ssh(chairUser)) '\(remote)'; sleep 60\"").status, 0)
        waitFor("ประธานกรรมการ (\(chairUser))")
        XCTAssertFalse(screen().contains("1/1"))

        // A judge saves a score over SSH, by login alone; the chair's screen shows it with no key pressed.
        let score = shell("\(ssh(judgeUser)) 'LANG=C.UTF-8 \(binary) score --contest \(contest) --entry e07 c1=15 c2=10 c3=25 c4=10 c5=15 c6=15 c7=10 --submit'")
        XCTAssertEqual(score.status, 0, score.out)
        waitFor("1/1")

        // The judge is refused the console, whatever they say they are, and cannot read the other judge's file.
        let refused = shell("\(ssh(judgeUser)) 'LANG=C.UTF-8 USER=\(chairUser) \(binary) chair --contest \(contest)'")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.out.contains("ผู้ใช้ \"\(judgeUser)\" ไม่ใช่ประธานกรรมการของการประกวดนี้"), refused.out)
        let peek = shell("\(ssh(judgeUser)) 'cat \(contest)/ledger/j2/j2.jsonl'")
        XCTAssertNotEqual(peek.status, 0)
        XCTAssertTrue(peek.out.contains("Permission denied"), peek.out)

        shell("tmux -L \(socket) send-keys -t chair q")
    }
}
