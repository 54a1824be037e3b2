import Foundation
import XCTest
@testable import KhanaenCore

/// Access enforced by the operating system, with real logins: two judges and a chair,
/// `khanaen access apply`, and every command run as those users through runuser.
final class AccessEndToEndTests: XCTestCase {
    private var root = ""
    private var logins: TestLogins?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        root = "/tmp/khanaen-access-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        logins = try TestLogins(driver: TerminalDriver(scratch: root, socket: "unused", session: "unused"), root: root,
                                prefix: "kacc\(getpid() % 10_000)", built: built)
    }

    override func tearDown() {
        logins?.remove()
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
    }

    private func ledgerBytes(_ l: TestLogins) -> [String: Data] {
        var all: [String: Data] = [:]
        for name in (FileManager.default.subpaths(atPath: l.contest + "/ledger") ?? []) where name.hasSuffix(".jsonl") {
            all[name] = FileManager.default.contents(atPath: l.contest + "/ledger/" + name)
        }
        return all
    }

    func testJudgesAreBlindAndOnlyTheChairDecides() throws {
        let l = try XCTUnwrap(logins)
        let (a, b) = (l.judges[0], l.judges[1])
        XCTAssertEqual(l.driver.shell("\(l.binary) access check --contest \(l.contest)").status, 0, "apply leaves nothing for check to report")

        // A judge scores by login alone.
        let scored = l.run(as: a, "\(l.binary) score --contest \(l.contest) --entry e01 c1=15 c2=10 c3=25 c4=10 c5=15 c6=15 c7=10 --submit")
        XCTAssertEqual(scored.status, 0, scored.out)
        XCTAssertTrue(scored.out.contains("j1"), scored.out)
        XCTAssertEqual(l.run(as: b, "\(l.binary) score --contest \(l.contest) --entry e02 c1=1").status, 0)

        // Each judge reads their own file only.
        XCTAssertEqual(l.run(as: a, "cat \(l.contest)/ledger/j1/j1.jsonl").status, 0)
        let peek = l.run(as: a, "cat \(l.contest)/ledger/j2/j2.jsonl")
        XCTAssertNotEqual(peek.status, 0)
        XCTAssertTrue(peek.out.contains("Permission denied"), peek.out)
        XCTAssertTrue(l.run(as: b, "cat \(l.contest)/ledger/j1/j1.jsonl").out.contains("Permission denied"))
        XCTAssertTrue(l.run(as: a, "cat \(l.contest)/exports/x 2>&1; ls \(l.contest)/exports").out.contains("Permission denied"))

        // Spoofing: flags and the environment name someone else; refused, nothing written.
        let before = ledgerBytes(l)
        for (who, command) in [
            (a, "\(l.binary) score --contest \(l.contest) --judge j2 --entry e03 c1=1"),
            (a, "USER=\(b) LOGNAME=\(b) \(l.binary) score --contest \(l.contest) --judge j2 --entry e03 c1=1"),
            (a, "USER=\(l.chair) \(l.binary) award --contest \(l.contest) --entry e01 --tier none --reason x"),
            (a, "\(l.binary) award --contest \(l.contest) --entry e01 --tier none --reason x --chair \(l.chair)"),
            (b, "\(l.binary) reopen --contest \(l.contest) --judge j1 --entry e01 --reason x --chair \(l.chair)"),
            (a, "USER=\(l.chair) \(l.binary) report --contest \(l.contest)"),
            (a, "USER=\(l.chair) TERM=xterm \(l.binary) chair --contest \(l.contest)"),
            (l.chair, "\(l.binary) score --contest \(l.contest) --judge j1 --entry e03 c1=1"),
        ] {
            let r = l.run(as: who, command)
            XCTAssertEqual(r.status, 2, "\(who): \(command)\n\(r.out)")
            XCTAssertTrue(r.out.contains("ไม่มีสิทธิ์:") && r.out.contains("ไม่มีการเขียนลงสมุดคะแนน"), r.out)
            XCTAssertEqual(ledgerBytes(l), before, "nothing written by \(command)")
        }

        // A judge cannot cut or rewrite their own history, nor loosen its mode.
        XCTAssertNotEqual(l.run(as: a, ": > \(l.contest)/ledger/j1/j1.jsonl").status, 0)
        XCTAssertNotEqual(l.run(as: a, "chmod 644 \(l.contest)/ledger/j1/j1.jsonl").status, 0)
        XCTAssertNotEqual(l.run(as: a, "rm -f \(l.contest)/ledger/j1/j1.jsonl").status, 0)
        XCTAssertNotEqual(l.run(as: a, "mv \(l.contest)/ledger/j1/j1.jsonl \(l.contest)/ledger/x").status, 0)
        XCTAssertEqual(ledgerBytes(l), before)

        // The chair, with an empty environment, reports and decides.
        let report = l.run(as: l.chair, "\(l.binary) report --contest \(l.contest) --format json", env: "")
        XCTAssertEqual(report.status, 0, report.out)
        let json = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as! [String: Any]
        XCTAssertEqual(json["access"] as? String, "logins")
        let award = l.run(as: l.chair, "\(l.binary) award --contest \(l.contest) --entry e01 --tier none --reason 'ขาดคุณสมบัติ'", env: "")
        XCTAssertEqual(award.status, 0, award.out)
        let chairFile = try String(contentsOfFile: l.contest + "/ledger/chairs/\(l.chair).jsonl", encoding: .utf8)
        XCTAssertTrue(chairFile.contains("\"actor\":\"\(l.chair)\",\"kind\":\"award\""), chairFile)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) verify --contest \(l.contest)", env: "").status, 0)
        XCTAssertEqual(l.run(as: a, "\(l.binary) verify --contest \(l.contest)").status, 0, "a judge verifies their own file")

        // Loosened by hand: check names the path.
        chmod(l.contest + "/contest.json", 0o644)
        let check = l.driver.shell("\(l.binary) access check --contest \(l.contest)")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.out.contains("contest.json: โหมดเป็น 644 ไม่ใช่ 640"), check.out)
    }

    /// A ledger folder left writable (a setup gone wrong): a judge plants a link to a file
    /// only root may read, and a FIFO, where ledger files belong. A root-run verify and report
    /// neither follow the link nor wait on the FIFO: both are integrity errors naming the path.
    func testFilesPlantedByAJudgeAreNeverFollowedByRoot() throws {
        let l = try XCTUnwrap(logins)
        let secret = l.root + "/root-only"
        try "secret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o600)
        XCTAssertEqual(l.driver.shell("chattr -a \(l.contest)/ledger/j2/j2.jsonl \(l.contest)/ledger/j2/j2.jsonl.torn && rm \(l.contest)/ledger/j2/j2.jsonl* && chmod 1777 \(l.contest)/ledger/j2 && chmod 755 \(l.contest)").status, 0)
        let a = l.judges[0]
        XCTAssertEqual(l.run(as: a, "ln -s \(secret) \(l.contest)/ledger/j2/j2.jsonl && mkfifo \(l.contest)/ledger/j2/j2.jsonl.torn").status, 0)
        let start = Date()
        let verify = l.driver.shell("\(l.binary) verify --contest \(l.contest)")
        XCTAssertEqual(verify.status, 1, verify.out)
        XCTAssertTrue(verify.out.contains("BROKEN    ledger/j2/j2.jsonl: เป็นลิงก์สัญลักษณ์ ไม่ได้ตามไป"), verify.out)
        let report = l.driver.shell("\(l.binary) report --contest \(l.contest) --format json")
        XCTAssertEqual(report.status, 1)
        XCTAssertFalse(report.out.contains("secret"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "nothing waited on the FIFO")
        XCTAssertEqual(try String(contentsOfFile: secret, encoding: .utf8), "secret\n")
        let check = l.driver.shell("\(l.binary) access check --contest \(l.contest)")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.out.contains("ledger/j2/j2.jsonl: เป็นลิงก์สัญลักษณ์ ไม่ใช่แฟ้ม"), check.out)
        XCTAssertTrue(check.out.contains("ledger/j2: โหมดเป็น 1777 ไม่ใช่ 750"), check.out)
        let english = l.driver.shell("\(l.binary) access check --contest \(l.contest) --lang en")
        XCTAssertTrue(english.out.contains("ledger/j2/j2.jsonl: is a symbolic link"), english.out)
        XCTAssertTrue(english.out.contains("ledger/j2: mode 1777, not 750"), english.out)
    }
}
