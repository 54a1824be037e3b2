import Foundation
import XCTest

/// One repository per judge (docs/sync.md), between real Unix logins on local disk: the chairs'
/// bare repository and one for each of two judges, each readable only by its group, each with
/// the server's hook. Every judge scores offline in a clone of their own repository and syncs;
/// the chair's sync takes both and sends each judge what they may read. A judge's login cannot
/// open the other judge's repository, and no object in a judge's clone carries a line of the
/// other judge's file. Everything it creates it removes.
final class SyncJudgeRepositoriesEndToEndTests: XCTestCase {
    private var root = ""
    private var logins: [String] = []
    private var groups: [String] = []
    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: "kc5-unused", session: "none") }

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        root = "/tmp/khanaen-judge-repos-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o755)
    }

    override func tearDown() {
        guard !root.isEmpty else { return }
        if let pid = try? String(contentsOfFile: root + "/sshd.pid", encoding: .utf8) { shell("kill \(pid.trimmingCharacters(in: .whitespacesAndNewlines))") }
        for u in logins { shell("pkill -u \(u); userdel \(u)") }
        for g in groups { shell("groupdel \(g)") }
        try? FileManager.default.removeItem(atPath: root)
    }

    @discardableResult
    private func shell(_ command: String) -> (status: Int32, out: String) { driver.shell(command) }

    /// A command run as `login` (its home, a UTF-8 locale and PATH only).
    private func run(as login: String, _ command: String) -> (status: Int32, out: String) {
        shell("cd / && runuser -u \(login) -- env -i HOME=\(root)/home/\(login) PATH=/usr/bin:/bin LANG=C.UTF-8 sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'")
    }

    private func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// The hashes of a ledger file's lines: each names its line wherever its bytes are.
    private func lineHashes(_ path: String) -> [String] {
        String(decoding: bytes(path), as: UTF8.self).split(separator: "\n").compactMap { line in
            line.range(of: "\"hash\":\"").map { String(line[$0.upperBound...].prefix(64)) }
        }
    }

    /// Every object of a clone's git store, each one's content (blobs, trees, commits, packed or loose).
    private func everyObject(as login: String, _ dir: String) -> String {
        let file = "\(root)/home/\(login)/objects"
        XCTAssertEqual(run(as: login, "git -C \(dir) cat-file --batch-all-objects --batch > \(file)").status, 0)
        return String(decoding: bytes(file), as: UTF8.self)
    }

    func testEachJudgesCloneHoldsOnlyWhatTheyMayReadAndTheChairSeesAll() throws { try scenario(ssh: false) }

    /// The same, every clone, fetch and push of the judges and the chair over a real OpenSSH
    /// server on 127.0.0.1 (its own host key, config and port).
    func testTheSameOverSSH() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw XCTSkip("no /usr/sbin/sshd: scripts/setup.sh installs openssh-server")
        }
        try scenario(ssh: true)
    }

    /// Starts sshd and gives each login a key and an ~/.ssh/config naming it `judging`.
    private func startSSH(for users: [String]) throws {
        let port = 30_000 + Int(getpid() % 10_000)
        try driver.startSSHServer(root: root, port: port, authorizedKeys: "\(root)/home/%u/.ssh/authorized_keys")
        for u in users {
            let ssh = "\(root)/home/\(u)/.ssh"
            XCTAssertEqual(run(as: u, "mkdir -p \(ssh) && ssh-keygen -q -t ed25519 -N '' -f \(ssh)/id_ed25519 && cp \(ssh)/id_ed25519.pub \(ssh)/authorized_keys && printf '"
                               + "Host judging\\n HostName 127.0.0.1\\n Port \(port)\\n StrictHostKeyChecking no\\n UserKnownHostsFile /dev/null\\n LogLevel ERROR\\n' > \(ssh)/config").status, 0)
        }
    }

    private func scenario(ssh: Bool) throws {
        let prefix = "kc5\(getpid() % 10_000)\(ssh ? "s" : "")"
        let a = prefix + "a", b = prefix + "b", chair = prefix + "c", keeper = prefix + "k"
        let chairsGroup = prefix + "-ch", groupOf = ["j1": prefix + "-j1", "j2": prefix + "-j2"]
        for g in [chairsGroup, groupOf["j1"]!, groupOf["j2"]!] {
            XCTAssertEqual(shell("groupadd \(g)").status, 0)
            groups.append(g)
        }
        let member = [a: [groupOf["j1"]!], b: [groupOf["j2"]!], chair: [chairsGroup, groupOf["j1"]!, groupOf["j2"]!],
                      keeper: [chairsGroup, groupOf["j1"]!, groupOf["j2"]!]]
        for u in [a, b, chair, keeper] {
            let made = shell("useradd --no-create-home --home-dir \(root)/home/\(u) --shell /bin/sh -G \(member[u]!.joined(separator: ",")) \(u) && usermod -p '*' \(u)")
            XCTAssertEqual(made.status, 0, made.out)
            logins.append(u)
            shell("mkdir -p \(root)/home/\(u) && chown -R \(u) \(root)/home/\(u) && chmod 700 \(root)/home/\(u)")
            // git refuses a repository another login owns unless told it is safe.
            XCTAssertEqual(run(as: u, "git config --global safe.directory '*'").status, 0)
        }
        if ssh { try startSSH(for: [a, b, chair]) }
        func url(_ path: String) -> String { ssh ? "judging:" + path : path }
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let khanaen = root + "/khanaen"
        try FileManager.default.copyItem(atPath: built, toPath: khanaen)
        chmod(khanaen, 0o755)

        // The secretariat's folder: the sample's rules, an open contest whose judges j1 and j2
        // are these logins, and whose chair is the chair's login.
        let top = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seed = root + "/seed"
        try FileManager.default.createDirectory(atPath: seed, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: top.appendingPathComponent("Data/digital-local-2566/entries.json").path, toPath: seed + "/entries.json")
        var json = try String(contentsOfFile: top.appendingPathComponent("Data/digital-local-2566/contest.json").path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"user\": \"judge1\"", with: "\"user\": \"\(a)\"")
            .replacingOccurrences(of: "\"user\": \"judge2\"", with: "\"user\": \"\(b)\"")
            .replacingOccurrences(of: "\"chairs\": [\n    \"chair\"\n  ]", with: "\"chairs\": [\n    \"\(chair)\"\n  ]")
        XCTAssertTrue(json.contains("\"\(chair)\""))
        try json.write(toFile: seed + "/contest.json", atomically: true, encoding: .utf8)
        shell("chown -R \(keeper) \(seed)")

        // The bare repositories: the chairs' (the chairs and the secretariat), and each judge's
        // (that judge, the chairs and the secretariat), no one else; each with the hook and its list.
        let hook = top.appendingPathComponent("scripts/sync-pre-receive").path
        func bare(_ path: String, group: String, writers: String) {
            shell("mkdir \(path) && chown \(keeper):\(group) \(path) && chmod 2770 \(path)")
            let made = run(as: keeper, "git init -q --bare --shared=0660 -b main \(path) && git -C \(path) config receive.denyNonFastForwards true"
                           + " && git -C \(path) config receive.denyDeletes true && \(khanaen) sync --writers \(keeper) \(writers) --contest \(seed) > \(path)/khanaen-writers")
            XCTAssertEqual(made.status, 0, made.out)
            shell("cp \(hook) \(path)/hooks/pre-receive && chmod 755 \(path)/hooks/pre-receive && chgrp -R \(group) \(path)")
        }
        let chairs = root + "/award.git", repo = ["j1": root + "/award-j1.git", "j2": root + "/award-j2.git"]
        bare(chairs, group: chairsGroup, writers: "")
        for j in ["j1", "j2"] { bare(repo[j]!, group: groupOf[j]!, writers: "--judge \(j)") }
        try "j1 \(repo["j1"]!)\nj2 \(repo["j2"]!)\n".write(toFile: chairs + "/khanaen-judges", atomically: true, encoding: .utf8)
        shell("chown \(keeper):\(chairsGroup) \(chairs)/khanaen-judges && chmod 640 \(chairs)/khanaen-judges")
        let setup = run(as: keeper, "\(khanaen) sync --setup \(chairs) --contest \(seed) --lang en")
        XCTAssertEqual(setup.status, 0, setup.out)

        // The chair's clone names each judge's repository; its first sync fills them.
        let chairDir = root + "/home/\(chair)/award"
        let chairSetup = run(as: chair, "git clone -q \(url(chairs)) \(chairDir) && \(khanaen) sync --setup --contest \(chairDir)"
                             + " && git -C \(chairDir) remote add judge-j1 \(url(repo["j1"]!)) && git -C \(chairDir) remote add judge-j2 \(url(repo["j2"]!))"
                             + " && \(khanaen) sync --contest \(chairDir) --lang en")
        XCTAssertEqual(chairSetup.status, 0, chairSetup.out)
        XCTAssertTrue(chairSetup.out.contains("sent judge j1 what they may read"), chairSetup.out)

        // Each judge clones their own repository and scores offline, then syncs.
        let judgeDir = ["j1": root + "/home/\(a)/award", "j2": root + "/home/\(b)/award"], login = ["j1": a, "j2": b]
        var written = ["j1": 0, "j2": 0]
        for round in 0..<2 {
            for j in ["j1", "j2"] {
                let u = login[j]!, dir = judgeDir[j]!
                if round == 0 {
                    let cloned = run(as: u, "git clone -q \(url(repo[j]!)) \(dir) && \(khanaen) sync --setup --contest \(dir)")
                    XCTAssertEqual(cloned.status, 0, cloned.out)
                }
                for c in 1...(2 + round) {
                    let s = run(as: u, "\(khanaen) score --contest \(dir) --judge \(j) --entry e0\(round + 1) c\(c)=\(c + round)")
                    XCTAssertEqual(s.status, 0, s.out)
                    written[j]! += 1
                }
                let synced = run(as: u, "\(khanaen) sync --contest \(dir) --judge \(j) --lang en")
                XCTAssertEqual(synced.status, 0, synced.out)
            }
            let chairSync = run(as: chair, "\(khanaen) sync --contest \(chairDir) --lang en")
            XCTAssertEqual(chairSync.status, 0, chairSync.out)
        }
        // A chair's decision about j1 reaches j1 as a delivery in j1's folder, and j2 not at all.
        let declared = run(as: chair, "\(khanaen) conflict declare --contest \(chairDir) --chair \(chair) --judge j1 --entry e09 --ground creditor --reason test")
        XCTAssertEqual(declared.status, 0, declared.out)
        let delivered = run(as: chair, "\(khanaen) sync --contest \(chairDir) --lang en")
        XCTAssertEqual(delivered.status, 0, delivered.out)
        for j in ["j1", "j2"] {
            let synced = run(as: login[j]!, "\(khanaen) sync --contest \(judgeDir[j]!) --judge \(j) --lang en")
            XCTAssertEqual(synced.status, 0, synced.out)
        }
        let delivery = "ledger/j1/chair-\(chair).jsonl"
        XCTAssertFalse(bytes("\(chairDir)/\(delivery)").isEmpty)
        XCTAssertEqual(bytes("\(judgeDir["j1"]!)/\(delivery)"), bytes("\(chairDir)/\(delivery)"), "j1 has the chair's delivery")
        XCTAssertEqual(run(as: b, "ls -R \(judgeDir["j2"]!)/ledger").out.contains("chair-"), false)

        // The chair sees both judges' files, byte for byte, and so does the chairs' repository.
        for j in ["j1", "j2"] {
            let mine = "\(judgeDir[j]!)/ledger/\(j)/\(j).jsonl"
            XCTAssertEqual(bytes(mine).filter { $0 == 0x0A }.count, written[j]!)
            XCTAssertEqual(bytes("\(chairDir)/ledger/\(j)/\(j).jsonl"), bytes(mine), "the chair's clone holds \(j)'s file")
            XCTAssertEqual(run(as: keeper, "git -C \(chairs) show main:ledger/\(j)/\(j).jsonl | wc -l").out.trimmingCharacters(in: .whitespacesAndNewlines),
                           "\(written[j]!)")
        }

        // Neither judge holds anything of the other's file: no file, no object in their clone.
        let chairObjects = everyObject(as: chair, chairDir)
        for (j, other) in [("j1", "j2"), ("j2", "j1")] {
            let dir = judgeDir[j]!, u = login[j]!
            XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/ledger/\(other)"), "\(j)'s clone has no folder of \(other)")
            let hashes = lineHashes("\(judgeDir[other]!)/ledger/\(other)/\(other).jsonl")
            XCTAssertEqual(hashes.count, written[other]!)
            let objects = everyObject(as: u, dir)
            XCTAssertFalse(objects.isEmpty)
            for h in hashes {
                XCTAssertTrue(chairObjects.contains(h), "the chair's clone holds \(other)'s line \(h)")
                XCTAssertFalse(objects.contains(h), "\(j)'s clone holds an object with \(other)'s line \(h)")
            }
            XCTAssertFalse(run(as: u, "git -C \(dir) log --all --name-only --format=").out.contains("ledger/\(other)/"))
            // The server keeps the other judge's repository, and the chairs', from this login.
            for closed in [repo[other]!, chairs] {
                let listed = run(as: u, "git ls-remote \(closed) 2>&1; ls \(closed)/objects 2>&1")
                XCTAssertTrue(listed.out.contains("Permission denied"), "\(u) reads \(closed): " + listed.out)
                XCTAssertNotEqual(run(as: u, "git clone -q \(url(closed)) \(root)/home/\(u)/stolen").status, 0)
            }
            // A judge's clone holds nothing of the chairs' files: it is verified as the judge sees it.
            let v = run(as: u, "\(khanaen) verify --contest \(dir) --judge \(j) --lang en")
            XCTAssertEqual(v.status, 0, "\(j): " + v.out)
            if j == "j1" { XCTAssertTrue(v.out.contains("ok        ledger/j1/chair-\(chair).jsonl: 1 lines"), v.out) }
        }
        let v = run(as: chair, "\(khanaen) verify --contest \(chairDir) --lang en")
        XCTAssertEqual(v.status, 0, v.out)

        // A judge's push of another judge's file to their own repository is refused by its hook.
        let dir = judgeDir["j1"]!
        XCTAssertEqual(run(as: a, "\(khanaen) score --contest \(dir) --judge j2 --entry e05 c1=4").status, 0)
        let pushed = run(as: a, "cd \(dir) && git add ledger && git -c user.name=x -c user.email=x@x commit -qm j2 && git push -q origin main")
        XCTAssertNotEqual(pushed.status, 0, pushed.out)
        XCTAssertTrue(pushed.out.contains("khanaen: refused: the login \(a) may not change ledger/j2/j2.jsonl"), pushed.out)
        XCTAssertNotEqual(run(as: keeper, "git -C \(repo["j1"]!) cat-file -e main:ledger/j2/j2.jsonl").status, 0, "the server took nothing of it")

        // The chairs' repository takes a judge's file from a chair only as that judge's own
        // repository holds it: a line of j1's that j1 never pushed is refused.
        XCTAssertEqual(run(as: chair, "\(khanaen) score --contest \(chairDir) --judge j1 --entry e06 c1=4").status, 0)
        let forged = run(as: chair, "cd \(chairDir) && git add ledger/j1 && git -c user.name=x -c user.email=x@x commit -qm j1 && git push -q origin main")
        XCTAssertNotEqual(forged.status, 0, forged.out)
        XCTAssertTrue(forged.out.contains("khanaen: refused: the login \(chair) may not change ledger/j1/j1.jsonl"), forged.out)
        XCTAssertEqual(run(as: keeper, "git -C \(chairs) show main:ledger/j1/j1.jsonl | wc -l").out.trimmingCharacters(in: .whitespacesAndNewlines),
                       "\(written["j1"]!)")

        // A judge's repository that somehow holds a file outside the judge's folder (here the
        // secretariat's login, which may push anything, put one there) is refused whole by the
        // chair's sync, naming it, and nothing is sent there.
        let stray = root + "/home/\(keeper)/stray"
        let put = run(as: keeper, "git clone -q \(repo["j1"]!) \(stray) && mkdir -p \(stray)/ledger/j2 && echo x > \(stray)/ledger/j2/j2.jsonl"
                      + " && cd \(stray) && git add ledger && git -c user.name=k -c user.email=k@k commit -qm stray && git push -q origin main")
        XCTAssertEqual(put.status, 0, put.out)
        let head = run(as: keeper, "git -C \(repo["j1"]!) rev-parse main").out
        let refused = run(as: chair, "git -C \(chairDir) reset -q --hard origin/main && \(khanaen) sync --contest \(chairDir) --lang en")
        XCTAssertEqual(refused.status, 1, refused.out)
        XCTAssertTrue(refused.out.contains("ledger/j2/j2.jsonl line 1 is outside judge j1's folder"), refused.out)
        XCTAssertEqual(run(as: keeper, "git -C \(repo["j1"]!) rev-parse main").out, head)
    }
}
