import Foundation
import XCTest

/// Real Unix logins and a contest folder set up for them with `khanaen access apply`, for the
/// end-to-end tests of access. Needs root (CI runs as root); everything it makes is removed.
struct TestLogins {
    let driver: TerminalDriver
    /// A private folder every login can reach, with a copy of the program in it.
    let root: String
    let binary: String
    let contest: String
    let chair: String
    let judges: [String]
    /// The secretariat: owns the contest folder (its keeper), and is neither judge nor chair.
    let keeper: String
    let groups: (panel: String, chairs: String)

    /// Makes the logins (`<prefix>c`, `<prefix>j1`, `<prefix>j2`, the keeper `<prefix>k`), a
    /// contest of the sample's entries judged by the two with quorum 1, kept by the keeper,
    /// and applies its access plan.
    init(driver: TerminalDriver, root: String, prefix: String, built: String) throws {
        self.driver = driver
        self.root = root
        chair = prefix + "c"
        judges = [prefix + "j1", prefix + "j2"]
        keeper = prefix + "k"
        groups = (prefix + "-panel", prefix + "-chairs")
        binary = root + "/khanaen"
        contest = root + "/contest"
        chmod(root, 0o755)
        try FileManager.default.copyItem(atPath: built, toPath: binary)
        for u in [chair, keeper] + judges {
            // A new account is locked ("!" for a password), and sshd refuses locked accounts without PAM.
            let made = driver.shell("id \(u) || useradd --no-create-home --home-dir \(root) --shell /bin/sh \(u); usermod -p '*' \(u)")
            XCTAssertEqual(made.status, 0, made.out)
        }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        try FileManager.default.createDirectory(atPath: contest, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: sample + "/entries.json", toPath: contest + "/entries.json")
        var json = try String(contentsOfFile: sample + "/contest.json", encoding: .utf8)
        let judgesStart = json.range(of: "\"judges\": [")!.lowerBound
        json = String(json[..<judgesStart]) + """
        "judges": [
            {"id": "j1", "name": "กรรมการ 1", "user": "\(judges[0])"},
            {"id": "j2", "name": "กรรมการ 2", "user": "\(judges[1])"}
          ],
          "chairs": ["\(chair)"]
        }
        """
        json = json.replacingOccurrences(of: "\"access\": \"open\"", with: "\"access\": \"logins\"")
            .replacingOccurrences(of: "\"quorum\": 3", with: "\"quorum\": 1")
            .replacingOccurrences(of: "\"khanaen-panel\"", with: "\"\(groups.panel)\"")
            .replacingOccurrences(of: "\"khanaen-chairs\"", with: "\"\(groups.chairs)\"")
        try json.write(toFile: contest + "/contest.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(driver.shell("chown -R \(keeper) \(contest)").status, 0)
        let applied = driver.shell("\(binary) access apply --contest \(contest)")
        XCTAssertEqual(applied.status, 0, applied.out)
    }

    /// A command line run as `login` through runuser, with the given environment only.
    func run(as login: String, _ command: String, env: String = "LANG=C.UTF-8") -> (status: Int32, out: String) {
        driver.shell("runuser -u \(login) -- env -i \(env) sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'")
    }

    /// Removes the logins, their groups and the append-only flags, so the folder can go.
    func remove() {
        driver.shell("chattr -R -a \(contest) 2>/dev/null")
        // userdel refuses a login that still has a process (an sshd session ending): wait for them.
        for u in [chair, keeper] + judges {
            driver.shell("pkill -KILL -u \(u); for i in $(seq 50); do pgrep -u \(u) >/dev/null || break; sleep 0.1; done; userdel \(u)")
        }
        driver.shell("groupdel \(groups.panel); groupdel \(groups.chairs)")
    }
}
