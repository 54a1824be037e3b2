import Foundation
import XCTest

/// `khanaen sync` between real Unix logins: a bare repository with the server's hook
/// (scripts/sync-pre-receive) on local disk, and three clones, each its own login's, reaching
/// it over a real OpenSSH server on 127.0.0.1 (its own host key, config and port). Everything
/// it starts and creates it stops and removes.
final class SyncLoginsEndToEndTests: XCTestCase {
    private var root = ""
    private var port = 0
    private var logins: [String] = []
    private var group = ""
    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: "kg5-unused", session: "none") }

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw XCTSkip("no /usr/sbin/sshd: scripts/setup.sh installs openssh-server")
        }
        root = "/tmp/khanaen-sync-logins-" + UUID().uuidString
        port = 40_000 + Int(getpid() % 20_000)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o755)
    }

    override func tearDown() {
        guard !root.isEmpty else { return }
        if let pid = try? String(contentsOfFile: root + "/sshd.pid", encoding: .utf8) { shell("kill \(pid.trimmingCharacters(in: .whitespacesAndNewlines))") }
        for u in logins { shell("pkill -u \(u); userdel \(u)") }
        if !group.isEmpty { shell("groupdel \(group)") }
        try? FileManager.default.removeItem(atPath: root)
    }

    @discardableResult
    private func shell(_ command: String) -> (status: Int32, out: String) { driver.shell(command) }

    /// A command run as `login` (its home, a UTF-8 locale and PATH only).
    private func run(as login: String, _ command: String) -> (status: Int32, out: String) {
        shell("cd / && runuser -u \(login) -- env -i HOME=\(root)/home/\(login) PATH=/usr/bin:/bin LANG=C.UTF-8 sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'")
    }

    private func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func testThreeLoginsSyncOverSSHAndTheHookRefusesAnotherJudgesFile() throws {
        let prefix = "kg5\(getpid() % 10_000)"
        let judges = [prefix + "a", prefix + "b", prefix + "c"], keeper = prefix + "k"
        group = prefix + "-git"
        XCTAssertEqual(shell("groupadd \(group)").status, 0)
        for u in judges + [keeper] {
            let made = shell("useradd --no-create-home --home-dir \(root)/home/\(u) --shell /bin/sh -G \(group) \(u) && usermod -p '*' \(u)")
            XCTAssertEqual(made.status, 0, made.out)
            logins.append(u)
            shell("mkdir -p \(root)/home/\(u)/.ssh && chown -R \(u) \(root)/home/\(u) && chmod 700 \(root)/home/\(u)")
        }
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let khanaen = root + "/khanaen"
        try FileManager.default.copyItem(atPath: built, toPath: khanaen)
        chmod(khanaen, 0o755)

        // The secretariat's contest folder: the sample's rules, an open contest (each login
        // names its judge), judges j1–j3 being these logins.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        let seed = root + "/seed"
        try FileManager.default.createDirectory(atPath: seed, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: sample + "/entries.json", toPath: seed + "/entries.json")
        var json = try String(contentsOfFile: sample + "/contest.json", encoding: .utf8)
        for (k, u) in judges.enumerated() { json = json.replacingOccurrences(of: "\"user\": \"judge\(k + 1)\"", with: "\"user\": \"\(u)\"") }
        try json.write(toFile: seed + "/contest.json", atomically: true, encoding: .utf8)
        shell("chown -R \(keeper) \(seed)")

        // The bare repository, shared by the group, with the hook and its list of writers.
        let remote = root + "/remote.git"
        let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/sync-pre-receive").path
        shell("mkdir \(remote) && chown \(keeper):\(group) \(remote) && chmod 2775 \(remote)")
        let made = run(as: keeper, "git init -q --bare --shared=group -b main \(remote) && git -C \(remote) config receive.denyNonFastForwards true"
                       + " && git -C \(remote) config receive.denyDeletes true")
        guard made.status == 0 else { return XCTFail(made.out) }
        shell("chgrp -R \(group) \(remote) && cp \(hook) \(remote)/hooks/pre-receive && chmod 755 \(remote)/hooks/pre-receive")
        let writers = run(as: keeper, "\(khanaen) sync --writers \(keeper) --contest \(seed) > \(remote)/khanaen-writers")
        XCTAssertEqual(writers.status, 0, writers.out)
        for u in judges + [keeper] {
            // git refuses a repository another login owns unless told it is safe.
            XCTAssertEqual(run(as: u, "git config --global safe.directory \(remote)").status, 0)
        }
        let setup = run(as: keeper, "\(khanaen) sync --setup \(remote) --contest \(seed) --lang en")
        guard setup.status == 0 else { return XCTFail(setup.out) }

        // On local disk: a judge's push of another judge's file is refused by the hook.
        let local = root + "/home/\(judges[0])/local"
        XCTAssertEqual(run(as: judges[0], "git clone -q \(remote) \(local) && \(khanaen) sync --setup --contest \(local)").status, 0)
        XCTAssertEqual(run(as: judges[0], "\(khanaen) score --contest \(local) --judge j2 --entry e01 c1=5").status, 0)
        let pushed = run(as: judges[0], "cd \(local) && git add ledger && git -c user.name=x -c user.email=x@x commit -qm j2 && git push -q origin main")
        XCTAssertNotEqual(pushed.status, 0, pushed.out)
        XCTAssertTrue(pushed.out.contains("khanaen: refused: the login \(judges[0]) may not change ledger/j2/j2.jsonl"), pushed.out)
        XCTAssertNotEqual(run(as: keeper, "git -C \(remote) cat-file -e main:ledger/j2/j2.jsonl").status, 0, "the server took nothing of it")

        // The OpenSSH server, and each login's key and ssh configuration (sync passes no ssh
        // settings of its own: the login's ~/.ssh/config says how to reach the server).
        try driver.startSSHServer(root: root, port: port, authorizedKeys: "\(root)/home/%u/.ssh/authorized_keys")
        for u in judges {
            let ssh = "\(root)/home/\(u)/.ssh"
            XCTAssertEqual(run(as: u, "ssh-keygen -q -t ed25519 -N '' -f \(ssh)/id_ed25519 && cp \(ssh)/id_ed25519.pub \(ssh)/authorized_keys && printf '"
                               + "Host judging\\n HostName 127.0.0.1\\n Port \(port)\\n StrictHostKeyChecking no\\n UserKnownHostsFile /dev/null\\n LogLevel ERROR\\n' > \(ssh)/config").status, 0)
        }

        // Three clones over SSH, each scoring offline as its own judge, syncing in every order.
        var clones: [String] = []
        for (k, u) in judges.enumerated() {
            let dir = root + "/home/\(u)/award"
            let cloned = run(as: u, "git clone -q judging:\(remote) \(dir) && \(khanaen) sync --setup --contest \(dir)")
            XCTAssertEqual(cloned.status, 0, "j\(k + 1): " + cloned.out)
            clones.append(dir)
        }
        var written = [0, 0, 0]
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        for (round, order) in orders.enumerated() {
            for (k, u) in judges.enumerated() {
                for c in 1...(1 + round % 3) {
                    let s = run(as: u, "\(khanaen) score --contest \(clones[k]) --judge j\(k + 1) --entry e\(String(format: "%02d", round + 1)) c\(c)=\(c + round % 4)")
                    XCTAssertEqual(s.status, 0, s.out)
                    written[k] += 1
                }
            }
            for k in order {
                let r = run(as: judges[k], "\(khanaen) sync --contest \(clones[k]) --judge j\(k + 1) --lang en")
                XCTAssertEqual(r.status, 0, "round \(round), j\(k + 1): " + r.out)
            }
        }
        for k in 0..<3 { XCTAssertEqual(run(as: judges[k], "\(khanaen) sync --contest \(clones[k]) --judge j\(k + 1)").status, 0) }
        // Every score everywhere, byte for byte, every chain valid, read from the ledger itself.
        for (k, dir) in clones.enumerated() {
            for j in 0..<3 {
                let file = "\(dir)/ledger/j\(j + 1)/j\(j + 1).jsonl"
                XCTAssertEqual(bytes(file).filter { $0 == 0x0A }.count, written[j], "j\(k + 1)'s clone has every line of j\(j + 1)")
                XCTAssertEqual(bytes(file), bytes("\(clones[j])/ledger/j\(j + 1)/j\(j + 1).jsonl"))
            }
            let v = run(as: judges[k], "\(khanaen) verify --contest \(dir) --lang en")
            XCTAssertEqual(v.status, 0, v.out)
        }
        for j in 0..<3 {
            XCTAssertEqual(run(as: keeper, "git -C \(remote) show main:ledger/j\(j + 1)/j\(j + 1).jsonl | wc -l").out.trimmingCharacters(in: .whitespacesAndNewlines),
                           "\(written[j])")
        }

        // Over SSH too, a judge's sync of another judge's file is refused by the server.
        XCTAssertEqual(run(as: judges[1], "\(khanaen) score --contest \(clones[1]) --judge j3 --entry e09 c1=3").status, 0)
        let refused = run(as: judges[1], "\(khanaen) sync --contest \(clones[1]) --judge j3 --lang en")
        XCTAssertEqual(refused.status, 2, refused.out)
        XCTAssertTrue(refused.out.contains("khanaen: refused: the login \(judges[1]) may not change ledger/j3/j3.jsonl"), refused.out)
        XCTAssertEqual(run(as: keeper, "git -C \(remote) show main:ledger/j3/j3.jsonl | wc -l").out.trimmingCharacters(in: .whitespacesAndNewlines), "\(written[2])")
    }
}
