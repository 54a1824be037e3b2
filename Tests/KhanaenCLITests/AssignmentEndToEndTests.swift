import Foundation
import XCTest
@testable import KhanaenCore

/// The assignment held against real logins on a contest set up by `khanaen access apply`: a
/// judge cannot see, open or score an entry not given to them or in conflict with them, from
/// the command line or the workstation (tmux, 80×24), and the chair's change of the
/// assignment reaches the judge's open workstation.
final class AssignmentEndToEndTests: XCTestCase {
    private var root = ""
    private var socket = ""
    private var logins: TestLogins?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        let tag = "ka2\(getpid() % 10_000)"
        root = "/tmp/khanaen-assign-" + UUID().uuidString
        socket = tag + "-assign"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        logins = try TestLogins(driver: driver, root: root, prefix: tag, built: built)
    }

    override func tearDown() {
        driver.stop()
        logins?.remove()
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
    }

    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: socket, session: "s") }

    /// Judge j1's own file, as root reads it.
    private func ownLines(_ l: TestLogins) throws -> [LedgerEvent] { try ContestFolder.load(l.contest).file(forJudge: "j1")!.events }

    func testAJudgeSeesOpensAndScoresOnlyTheirOwnEntries() throws {
        let l = try XCTUnwrap(logins)
        let k = l.binary, c = l.contest
        // j1 works with e04's organisation: a conflict by the rules.
        let path = c + "/contest.json"
        var json = try String(contentsOfFile: path, encoding: .utf8)
        json = json.replacingOccurrences(of: #""user": "\#(l.judges[0])"}"#, with: #""user": "\#(l.judges[0])", "organisations": ["ทน.รังสิต"]}"#)
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let conflicts = l.run(as: l.chair, "\(k) conflicts --contest \(c) --format json")
        XCTAssertTrue(conflicts.out.contains(#""entry" : "e04""#) || conflicts.out.contains(#""entry": "e04""#), conflicts.out)

        let plan = root + "/plan.csv"
        try "entry,judge\ne01,j1\ne02,j1\ne03,j2\ne04,j2\ne05,j2\n".write(toFile: plan, atomically: true, encoding: .utf8)
        chmod(plan, 0o644)
        let refused = root + "/bad.csv"
        try "entry,judge\ne04,j1\n".write(toFile: refused, atomically: true, encoding: .utf8)
        chmod(refused, 0o644)
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --apply \(refused) --reason x", env: "").status, 2, "a conflicted pair")
        let applied = l.run(as: l.chair, "\(k) assign --contest \(c) --apply \(plan) --reason 'แบ่งงาน'", env: "")
        XCTAssertEqual(applied.status, 0, applied.out)
        XCTAssertEqual(l.run(as: l.judges[0], "\(k) assign --contest \(c) --entry e03 --add j1 --reason x").status, 2, "a judge cannot assign")

        // The command line: e03 is j2's, e04 is in conflict; e01 is j1's.
        let notGiven = l.run(as: l.judges[0], "\(k) score --contest \(c) --entry e03 c1=15")
        XCTAssertEqual(notGiven.status, 2, notGiven.out)
        XCTAssertTrue(notGiven.out.contains("ผลงาน e03 ไม่ได้มอบหมายให้ท่าน"), notGiven.out)
        XCTAssertEqual(l.run(as: l.judges[0], "\(k) score --contest \(c) --entry e04 c1=15").status, 2)
        XCTAssertEqual(l.run(as: l.judges[0], "\(k) score --contest \(c) --entry e01 c1=15").status, 0)
        XCTAssertEqual(try ownLines(l).map(\.entry), ["e01"], "nothing of e03 or e04 reached j1's file")

        // The workstation, as j1's login.
        driver.start("runuser -u \(l.judges[0]) -- env -i LANG=C.UTF-8 TERM=xterm-256color HOME=\(root) \(k) --contest \(c)", width: 80, height: 24)
        driver.waitFor("กรรมการ 1 (j1)")
        driver.waitFor("e02")
        var screen = driver.screen()
        for other in ["e03", "e04", "e05", "e06"] { XCTAssertFalse(screen.contains(other), "j1 sees \(other):\n\(screen)") }
        driver.keys("/"); driver.type("e03")
        usleep(300_000)
        screen = driver.screen()
        driver.keys("Escape")
        // The search being typed is on the status line, below the rows.
        XCTAssertFalse(screen.split(separator: "\n").dropLast(2).contains { $0.contains("e03") }, "a search finds no entry not given:\n\(screen)")

        // The chair gives j1 e05 and takes e01 back: the open workstation follows.
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --entry e05 --add j1 --reason 'เพิ่ม'", env: "").status, 0)
        driver.waitFor("ประธานกรรมการมอบหมาย e05 ให้ท่านเพิ่ม")
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --entry e01 --remove j1 --reason 'ย้าย'", env: "").status, 0)
        driver.waitFor("ประธานกรรมการมอบ e01 ให้กรรมการอื่นแล้ว")
        XCTAssertFalse(driver.screen().split(separator: "\n").dropLast(2).contains { $0.contains("e01") }, "e01 left j1's list:\n\(driver.screen())")
        XCTAssertEqual(l.run(as: l.judges[0], "\(k) score --contest \(c) --entry e01 c1=14").status, 2, "nor can j1 score it now")

        // From the list, j1 declares a conflict with e02 (the first row now), ground 3.
        driver.keys("g"); driver.keys("r")
        driver.waitFor("มีส่วนได้เสียเพราะเหตุใด")
        driver.keys("3"); driver.type("ผู้ประสานงานเป็นน้องสาว"); driver.keys("Enter")
        driver.waitFor("(y/n)")
        driver.keys("y")
        let declared = Date().addingTimeInterval(20)
        while try Date() < declared && ownLines(l).last?.kind != .recuse { usleep(100_000) }
        let last = try XCTUnwrap(try ownLines(l).last)
        XCTAssertEqual([last.kind.rawValue, last.entry, last.outcome, last.text], ["recuse", "e02", "relative", "ผู้ประสานงานเป็นน้องสาว"])
        XCTAssertEqual(l.run(as: l.judges[0], "\(k) score --contest \(c) --entry e02 c1=14").status, 2, "a declared conflict cannot be scored")
        let listed = l.run(as: l.chair, "\(k) conflicts --contest \(c) --lang en", env: "")
        XCTAssertTrue(listed.out.contains("declared by the judge"), listed.out)
        driver.keys("q")
        let verify = l.run(as: l.chair, "\(k) verify --contest \(c)", env: "")
        XCTAssertEqual(verify.status, 0, verify.out)
    }
}
