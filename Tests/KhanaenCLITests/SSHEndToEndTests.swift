import Foundation
import XCTest
@testable import KhanaenCore

/// The chair console over a real SSH connection: an OpenSSH server on 127.0.0.1 with its own
/// host key, config and port, a chair login and a judge login with keys, `ssh -t` driven
/// through tmux. Everything it starts and creates it stops and removes.
final class SSHEndToEndTests: XCTestCase {
    private let chairUser = "khanaen-chair-e2e"
    private let judgeUser = "khanaen-judge-e2e"
    private var root = ""
    private var socket = ""
    private var port = 0

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            return XCTFail("no /usr/sbin/sshd: scripts/setup.sh installs openssh-server")
        }
        root = "/tmp/khanaen-ssh-" + UUID().uuidString
        socket = "khanaen-ssh-\(getpid())"
        port = 20_000 + Int(getpid() % 20_000)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o755)
    }

    override func tearDown() {
        guard !root.isEmpty else { return }
        shell("tmux -L \(socket) kill-server")
        if let pid = try? String(contentsOfFile: root + "/sshd.pid", encoding: .utf8) { shell("kill \(pid.trimmingCharacters(in: .whitespacesAndNewlines))") }
        for u in [chairUser, judgeUser] { shell("pkill -u \(u); userdel \(u)") }
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
        // The program and a contest that the two logins can reach.
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let binary = root + "/khanaen"
        try FileManager.default.copyItem(atPath: built, toPath: binary)
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        let contest = root + "/contest"
        try FileManager.default.copyItem(atPath: sample, toPath: contest)
        let contestJSON = try String(contentsOfFile: contest + "/contest.json", encoding: .utf8)
        try contestJSON.replacingOccurrences(of: "\"chairs\": [\n    \"chair\"\n  ]", with: "\"chairs\": [\"\(chairUser)\"]")
            .write(toFile: contest + "/contest.json", atomically: true, encoding: .utf8)
        XCTAssertTrue(try String(contentsOfFile: contest + "/contest.json", encoding: .utf8).contains(chairUser))
        XCTAssertEqual(shell("chmod -R a+rX \(root) && chmod a+rwx \(contest)/ledger && chmod a+rw \(contest)/ledger/*").status, 0)

        // Two logins with keys, and a server of our own.
        for u in [chairUser, judgeUser] {
            // A new account is locked ("!" for a password), and sshd refuses locked accounts without PAM.
            XCTAssertEqual(shell("id \(u) || useradd --no-create-home --home-dir \(root) --shell /bin/sh \(u); usermod -p '*' \(u)").status, 0)
            XCTAssertEqual(shell("ssh-keygen -q -t ed25519 -N '' -f \(root)/\(u)").status, 0)
            try FileManager.default.createDirectory(atPath: root + "/keys", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: root + "/\(u).pub", toPath: root + "/keys/\(u)")
        }
        XCTAssertEqual(shell("ssh-keygen -q -t ed25519 -N '' -f \(root)/host_key").status, 0)
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(root)/host_key
        PidFile \(root)/sshd.pid
        AuthorizedKeysFile \(root)/keys/%u
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        AcceptEnv LANG
        """.write(toFile: root + "/sshd_config", atomically: true, encoding: .utf8)
        shell("mkdir -p /run/sshd && chmod 755 /run/sshd")
        let started = shell("/usr/sbin/sshd -f \(root)/sshd_config -E \(root)/sshd.log")
        XCTAssertEqual(started.status, 0, started.out)
        let ssh = { (user: String) in
            "ssh -t -p \(self.port) -i \(self.root)/\(user) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \(user)@127.0.0.1"
        }

        // The chair's console over SSH.
        let remote = "LANG=C.UTF-8 TERM=xterm-256color \(binary) chair --contest \(contest)"
        XCTAssertEqual(shell("tmux -L \(socket) new-session -d -s chair -x 100 -y 30 \"\(ssh(chairUser)) '\(remote)'; sleep 60\"").status, 0)
        waitFor("ประธานกรรมการ (\(chairUser))")
        waitFor("เส้นรางวัลยอดเยี่ยม")
        XCTAssertFalse(screen().contains("5/3"))

        // A judge saves a score over SSH; the chair's screen shows it within a second.
        let score = shell("\(ssh(judgeUser)) 'LANG=C.UTF-8 \(binary) score --contest \(contest) --judge j5 --entry e07 c1=15 c2=10 c3=25 c4=10 c5=15 c6=15 c7=10 --submit'")
        XCTAssertEqual(score.status, 0, score.out)
        let saved = Date()
        waitFor("5/3", timeout: 3)
        XCTAssertLessThan(Date().timeIntervalSince(saved), 1.0)

        // The judge's login is refused the console.
        let refused = shell("\(ssh(judgeUser)) 'LANG=C.UTF-8 \(binary) chair --contest \(contest)'")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.out.contains("\"\(judgeUser)\" is not a chair of this contest"), refused.out)

        shell("tmux -L \(socket) send-keys -t chair q")
    }
}
