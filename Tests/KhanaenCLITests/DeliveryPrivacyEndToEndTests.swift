import Foundation
import XCTest
@testable import KhanaenCore

/// What a judge can read of a chair's conflict recorded for another judge, and of the
/// reassignment that follows it, on a contest of real logins set up by `khanaen access
/// apply`: nothing. The judge's delivery neither grows nor carries the chair's reason.
final class DeliveryPrivacyEndToEndTests: XCTestCase {
    private var root = ""
    private var logins: TestLogins?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        let tag = "kat\(getpid() % 10_000)"
        root = "/tmp/khanaen-delivery-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        logins = try TestLogins(driver: TerminalDriver(scratch: root, socket: tag + "-delivery", session: "s"), root: root, prefix: tag, built: built)
    }

    override func tearDown() {
        logins?.remove()
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
    }

    func testAnotherJudgesConflictAndReassignmentDoNotReachAJudge() throws {
        let l = try XCTUnwrap(logins)
        let k = l.binary, c = l.contest, j1 = l.judges[0]
        let plan = root + "/plan.csv"
        try "entry,judge\ne01,j1\ne02,j1\ne03,j2\ne04,j2\n".write(toFile: plan, atomically: true, encoding: .utf8)
        chmod(plan, 0o644)
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --apply \(plan) --reason 'แบ่งงาน'").status, 0)
        let delivery = "\(c)/ledger/j1/chair-\(l.chair).jsonl"
        let before = l.run(as: j1, "stat -c '%s %Y' \(delivery) && cat \(delivery)")

        // The chair learns j2 is e03's mayor's brother, records it, and moves e03 on.
        let secret = "j2 เป็นพี่ชายนายกเทศมนตรี"
        XCTAssertEqual(l.run(as: l.chair, "\(k) conflict declare --contest \(c) --judge j2 --entry e03 --ground relative --reason '\(secret)'").status, 0)
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --entry e04 --remove j2 --reason 'ย้ายจาก j2: \(secret)'").status, 0)
        let after = l.run(as: j1, "stat -c '%s %Y' \(delivery) && cat \(delivery)")
        XCTAssertEqual(after.status, 0, after.out)
        XCTAssertEqual(after.out, before.out, "a change that leaves j1's entries as they were does not reach j1")

        // A change that gives j1 an entry reaches j1 with its entries, not the chair's reason.
        XCTAssertEqual(l.run(as: l.chair, "\(k) assign --contest \(c) --entry e03 --add j1 --reason 'แทน j2: \(secret)'").status, 0)
        let given = l.run(as: j1, "cat \(delivery)")
        XCTAssertFalse(given.out.contains("j2"), given.out)
        XCTAssertFalse(given.out.contains("พี่ชาย"), given.out)
        let lines = given.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, given.out)
        XCTAssertTrue(lines.last!.contains(#""pairs":{"e01":["j1"],"e02":["j1"],"e03":["j1"]}"#), given.out)
        XCTAssertEqual(l.run(as: j1, "\(k) score --contest \(c) --entry e03 c1=10").status, 0, "j1 is given e03")
        // The chair's verify holds every delivery to the chair's own file.
        let verify = l.run(as: l.chair, "\(k) verify --contest \(c) --lang en")
        XCTAssertEqual(verify.status, 0, verify.out)
        XCTAssertFalse(verify.out.contains("DELIVERY"), verify.out)
    }
}
