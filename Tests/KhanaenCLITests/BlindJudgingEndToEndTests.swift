import Foundation
import XCTest
@testable import KhanaenCore

/// The two promises a panel relies on most, attacked with real logins on a contest set up by
/// `khanaen access apply`: a judge learns nothing of another judge (not from any file they can
/// read, nor from what `stat` tells of any file they can reach), and a decision is the chair's
/// who wrote it (the secretariat, keeper of the folder, cannot decide in a chair's name).
final class BlindJudgingEndToEndTests: XCTestCase {
    private var root = ""
    private var logins: TestLogins?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        root = "/tmp/khanaen-blind-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        logins = try TestLogins(driver: TerminalDriver(scratch: root, socket: "unused", session: "unused"), root: root,
                                prefix: "kbl\(getpid() % 10_000)", built: built)
    }

    override func tearDown() {
        logins?.remove()
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
    }

    /// What `login` can learn of the contest folder: every path it can reach with its size
    /// and modification and change times, and the bytes of every file it can read.
    private func seen(by login: String, _ l: TestLogins) -> (stats: String, bytes: String) {
        let stats = l.run(as: login, "find \(l.contest) -printf '%p %s %T@ %C@\\n' 2>/dev/null | sort").out
        let bytes = l.run(as: login, "find \(l.contest) -type f -readable -exec cat {} + 2>/dev/null").out
        return (stats, bytes)
    }

    /// Every hash in a ledger file, as root reads it: each line's and so the head.
    private func hashes(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            line.range(of: "\"hash\":\"").map { String(line[$0.upperBound...].prefix(64)) }
        }
    }

    /// The attack of the report: judge j1 gathers every head hash and every file's size and
    /// time it can, around j2's saves and the chair's and root's checkpoints, to brute-force
    /// j2's next line. j1 must see none of j2's hashes and nothing that moves when j2 saves.
    func testAJudgeLearnsNothingOfAnotherJudge() throws {
        let l = try XCTUnwrap(logins)
        let (a, b) = (l.judges[0], l.judges[1])
        XCTAssertEqual(l.driver.shell("\(l.binary) access check --contest \(l.contest)").status, 0)
        // Things a judge may see: a reopen of their own sheet and an eligibility ruling.
        XCTAssertEqual(l.run(as: a, "\(l.binary) score --contest \(l.contest) --entry e01 c1=15 c2=10 c3=25 c4=10 c5=15 c6=15 c7=10 --submit").status, 0)
        XCTAssertEqual(l.run(as: b, "\(l.binary) score --contest \(l.contest) --entry e05 c3=17.5").status, 0)
        let reopen = l.run(as: l.chair, "\(l.binary) reopen --contest \(l.contest) --judge j1 --entry e01 --reason 'กรอกผิด'", env: "")
        XCTAssertEqual(reopen.status, 0, reopen.out)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) eligibility --contest \(l.contest) --entry e07 --decide fail --reason x", env: "").status, 0)
        XCTAssertEqual(l.driver.shell("\(l.binary) checkpoint --contest \(l.contest)").status, 0, "root's cron job")

        let before = seen(by: a, l)
        XCTAssertFalse(before.stats.isEmpty)
        // j2 saves twice; the chair and root witness it.
        XCTAssertEqual(l.run(as: b, "\(l.binary) score --contest \(l.contest) --entry e05 c1=12").status, 0)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) checkpoint --contest \(l.contest)", env: "").status, 0)
        XCTAssertEqual(l.driver.shell("\(l.binary) checkpoint --contest \(l.contest)").status, 0)
        XCTAssertEqual(l.run(as: b, "\(l.binary) score --contest \(l.contest) --entry e06 c2=8 --note 'ดี'").status, 0)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) report --contest \(l.contest) --format json", env: "").status, 0)
        let after = seen(by: a, l)

        XCTAssertEqual(after.stats, before.stats, "nothing j1 can stat changed when j2 saved or the chair and root witnessed it")
        let secrets = try hashes(l.contest + "/ledger/j2/j2.jsonl")
        XCTAssertEqual(secrets.count, 4)
        for h in secrets {
            XCTAssertFalse(after.bytes.contains(h), "j1 can read a hash of j2's chain (\(h.prefix(12))…)")
            XCTAssertFalse(after.bytes.contains(String(h.prefix(16))), "nor a prefix of one")
        }
        XCTAssertFalse(after.bytes.contains("\"actor\":\"j2\""), "nor any line of j2's")
        XCTAssertFalse(after.bytes.contains("\"judge\":\"j2\""), "nor any decision about j2")
        // What j1 does see: their own reopen and the ruling, delivered.
        XCTAssertTrue(after.bytes.contains("\"kind\":\"reopen\",\"judge\":\"j1\""), after.bytes)
        XCTAssertTrue(after.bytes.contains("\"kind\":\"eligibility\""))
        XCTAssertFalse(after.bytes.contains("\"kind\":\"checkpoint\""), "no checkpoint reaches a judge")
        for path in ["ledger/j2/j2.jsonl", "ledger/j2/chair-\(l.chair).jsonl", "ledger/chairs/\(l.chair).jsonl", "ledger/witness/witness.jsonl"] {
            let stat = l.run(as: a, "stat \(l.contest)/\(path)")
            XCTAssertNotEqual(stat.status, 0, "j1 can stat \(path): \(stat.out)")
            XCTAssertTrue(stat.out.contains("Permission denied"), stat.out)
        }
        // And the workstation's rules still hold for j1, from the deliveries alone.
        let again = l.run(as: a, "\(l.binary) score --contest \(l.contest) --entry e01 c1=14")
        XCTAssertEqual(again.status, 0, "the reopen reached j1: \(again.out)")
        XCTAssertEqual(l.run(as: a, "\(l.binary) verify --contest \(l.contest)").status, 0)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) verify --contest \(l.contest)", env: "").status, 0)
    }

    /// The secretariat keeps the folder but cannot decide: not through khanaen, not by writing
    /// a chair's file, not by a decision with a valid hash in a file it owns; and root's
    /// replacement of a chair's file is reported, not read.
    func testOnlyAChairDecidesInTheirOwnName() throws {
        let l = try XCTUnwrap(logins)
        let k = l.keeper
        XCTAssertEqual(l.run(as: l.judges[0], "\(l.binary) score --contest \(l.contest) --entry e02 c1=15 c2=10 c3=25 c4=10 c5=15 c6=15 c7=10 --submit").status, 0)
        XCTAssertEqual(l.run(as: l.chair, "\(l.binary) checkpoint --contest \(l.contest)", env: "").status, 0)
        XCTAssertEqual(l.run(as: k, "\(l.binary) checkpoint --contest \(l.contest)").status, 2, "the keeper cannot read the scores it would witness")
        XCTAssertEqual(l.driver.shell("\(l.binary) checkpoint --contest \(l.contest)").status, 0, "root's cron job witnesses")
        let chairPath = l.contest + "/ledger/chairs/\(l.chair).jsonl", witnessPath = l.contest + "/ledger/witness/witness.jsonl"
        let chairBefore = try Data(contentsOf: URL(fileURLWithPath: chairPath))

        let award = l.run(as: k, "\(l.binary) award --contest \(l.contest) --entry e02 --tier excellent --reason x --chair \(l.chair)")
        XCTAssertEqual(award.status, 2, award.out)
        let forged = try forgedAward(after: chairPath, actor: l.chair, name: Ledger.chairFileName(l.chair), l)
        let append = l.run(as: k, "cat \(forged) >> \(chairPath)")
        XCTAssertNotEqual(append.status, 0)
        XCTAssertTrue(append.out.contains("Permission denied"), append.out)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: chairPath)), chairBefore)

        // A decision with a valid hash, in the file the keeper does own.
        let inWitness = try forgedAward(after: witnessPath, actor: l.chair, name: Ledger.witnessName, l)
        XCTAssertEqual(l.run(as: k, "cat \(inWitness) >> \(witnessPath)").status, 0)
        var verify = l.run(as: l.chair, "\(l.binary) verify --contest \(l.contest)", env: "")
        XCTAssertEqual(verify.status, 1, verify.out)
        XCTAssertTrue(verify.out.contains("VIOLATION ledger/witness/witness.jsonl:2: บรรทัดชนิด award ในแฟ้มของผู้เป็นพยาน"), verify.out)
        XCTAssertTrue(try SheetBook(ledger: ContestFolder.load(l.contest)).overrides.isEmpty, "the forged award counts for nothing")

        // Root (or a restore from a copy) puts a file of its own in the chair's place.
        var lines = try String(contentsOfFile: chairPath, encoding: .utf8)
        lines += try String(contentsOfFile: try forgedAward(after: chairPath, actor: l.chair, name: Ledger.chairFileName(l.chair), l), encoding: .utf8)
        XCTAssertEqual(l.driver.shell("chattr -a \(chairPath) && rm \(chairPath)").status, 0)
        try lines.write(toFile: chairPath, atomically: false, encoding: .utf8)
        verify = l.run(as: l.chair, "\(l.binary) verify --contest \(l.contest)", env: "")
        XCTAssertEqual(verify.status, 1, verify.out)
        XCTAssertTrue(verify.out.contains("BROKEN    ledger/chairs/\(l.chair).jsonl: เป็นของ root ไม่ใช่ของ \(l.chair)"), verify.out)
        XCTAssertTrue(try SheetBook(ledger: ContestFolder.load(l.contest)).overrides.isEmpty)
        XCTAssertEqual(l.driver.shell("\(l.binary) access check --contest \(l.contest)").status, 1)
    }

    /// An award line chained from the head of the file at `path`, with a valid hash, written
    /// to a file every login can read.
    private func forgedAward(after path: String, actor: String, name: String, _ l: TestLogins) throws -> String {
        let contest = try ContestFolder.loadContest(l.contest)
        let file = LedgerFile(path: path, name: name, contestID: contest.id, keepsEveryHash: true)
        try file.refresh()
        var e = LedgerEvent(actor: actor, kind: .award, entry: "e02", tier: "excellent", text: "forged by the secretariat")
        e.seq = file.lineCount + 1
        e.time = Timestamp.nowMillis()
        let out = root + "/forged-\(UUID().uuidString)"
        try Data(LedgerLine.encode(e, previous: file.head).line).write(to: URL(fileURLWithPath: out))
        chmod(out, 0o644)
        return out
    }
}
