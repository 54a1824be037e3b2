import Foundation
import XCTest
@testable import KhanaenCore

/// A contest in two rounds with real logins: a screening round of 40 entries scored by every
/// judge, a shortlist of 12 whose cut falls inside a tie the chair decides, a final round with
/// its own criteria and panel which counts the screening for 0.3 (`carry`), its awards and announcement; round 1 edited after the advance
/// caught by round 2's verify; the workstation and the console at 80×24 naming the round.
final class RoundsEndToEndTests: XCTestCase {
    private var root = ""
    private var logins: TestLogins?
    private var finalist = ""
    private var driver: TerminalDriver?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creating the test logins needs root (CI runs as root)") }
        let prefix = "kr3\(getpid() % 10_000)"
        root = "/tmp/kr3/rounds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod("/tmp/kr3", 0o755)
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let d = TerminalDriver(scratch: root, socket: prefix, session: "s")
        driver = d
        finalist = prefix + "j3"
        let made = d.shell("id \(finalist) || useradd --no-create-home --home-dir \(root) --shell /bin/sh \(finalist); usermod -p '*' \(finalist)")
        XCTAssertEqual(made.status, 0, made.out)
        logins = try TestLogins(driver: d, root: root, prefix: prefix, built: built)
    }

    override func tearDown() {
        driver?.stop()
        if let l = logins {
            l.remove()
            l.driver.shell("chattr -R -a \(root) 2>/dev/null; pkill -u \(finalist); userdel \(finalist); groupdel \(l.groups.panel)f; groupdel \(l.groups.chairs)f")
        }
        if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Sheet values for the screening round: entry k (1…40) totals 58 + c3, c3 falling by 0.5
    /// from 25, except that e13 is given e12's sheet: the two tie at rank 12.
    private func c3(_ k: Int) -> Double { 25 - 0.5 * Double((k == 13 ? 12 : k) - 1) }

    private func id(_ k: Int) -> String { k < 10 ? "e0\(k)" : "e\(k)" }

    /// A JSON file every login can read.
    private func readable(_ object: Any, _ name: String) throws -> String {
        let path = root + "/" + name
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        return path
    }

    func testAScreeningRoundAndAFinalRoundWithRealLogins() throws {
        let l = try XCTUnwrap(logins), d = l.driver
        let k = l.binary
        // Round 1: 40 entries, no eligibility rules; the keeper writes the files it keeps.
        let entries: [[String: Any]] = (1...40).map { n in
            ["id": id(n), "organisation": "เทศบาลตำบลทดสอบ\(n)", "province": "ลำพูน", "title": "ผลงานที่ \(n)"]
        }
        var rules = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: l.contest + "/contest.json"))) as! [String: Any]
        rules["eligibility"] = nil
        rules["round"] = ["number": 1, "title": "คัดกรอง"]
        for (name, object) in [("entries.json", entries as Any), ("contest.json", rules as Any)] {
            let copy = l.run(as: l.keeper, "cp \(try readable(object, "r1-" + name)) \(l.contest)/\(name)")
            XCTAssertEqual(copy.status, 0, copy.out)
        }
        for n in 1...40 {
            for (j, login) in l.judges.enumerated() {
                let s = l.run(as: login, "\(k) score --contest \(l.contest) --entry \(id(n)) c1=12 c2=8 c3=\(c3(n)) c4=7 c5=12 c6=11 c7=8 --submit")
                XCTAssertEqual(s.status, 0, "j\(j + 1) \(id(n)): \(s.out)")
            }
        }

        // The shortlist: the cut after 12 falls inside the tie of e12 and e13; the chair chooses e13.
        d.shell("chmod 1777 \(root)")
        let final = root + "/final"
        let top = l.run(as: l.chair, "\(k) round next --contest \(l.contest) --to \(final) --top 12 --reason 'คัดเข้ารอบ 12 ผลงาน' --lang en", env: "LANG=C.UTF-8")
        XCTAssertEqual(top.status, 2, top.out)
        XCTAssertTrue(top.out.contains("e12, e13 share rank 12") && top.out.contains("--entries"),
                      top.out + l.run(as: l.chair, "\(k) verify --contest \(l.contest) --lang en", env: "LANG=C.UTF-8").out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: final))
        var second = rules
        second["id"] = "kr3-final"
        second["round"] = ["number": 2, "title": "นำเสนอผลงาน"]
        second["categories"] = [["id": "p", "title": "การนำเสนอ"]]
        second["criteria"] = [["id": "p1", "category": "p", "title": "การนำเสนอผลงาน", "max": 60],
                              ["id": "p2", "category": "p", "title": "การตอบคำถามและการตรวจพื้นที่", "max": 40]]
        second["tieBreak"] = ["p1", "p2"]
        second["awards"] = [["id": "excellent", "title": "ยอดเยี่ยม", "count": 2], ["id": "outstanding", "title": "ดีเด่น", "count": 4]]
        second["quorum"] = 2
        // The screening counts for 0.3 of the final score.
        second["carry"] = ["weight": 0.3]
        second["judges"] = [["id": "f1", "name": "กรรมการรอบสุดท้าย 1", "user": l.judges[1]], ["id": "f2", "name": "กรรมการรอบสุดท้าย 2", "user": finalist]]
        second["groups"] = ["panel": l.groups.panel + "f", "chairs": l.groups.chairs + "f"]
        let chosen = (1...11).map(id) + ["e13"]
        let advance = l.run(as: l.chair, "\(k) round next --contest \(l.contest) --to \(final) --entries \(chosen.joined(separator: ",")) "
                            + "--rules \(try readable(second, "final.json")) --reason 'ประธานเลือก e13 ที่เสมอกับ e12'", env: "LANG=C.UTF-8")
        XCTAssertEqual(advance.status, 0, advance.out)
        // The ledger itself: the advance line, after the checkpoint of its seal.
        let chairLines = try String(contentsOfFile: l.contest + "/ledger/chairs/\(l.chair).jsonl", encoding: .utf8).split(separator: "\n")
        let next = try ContestFolder.loadContest(final)
        let seq = try XCTUnwrap(next.previousRound?.advanceSeq)
        let line = chairLines[seq - 1]
        XCTAssertTrue(line.contains("\"seq\":\(seq),") && line.contains("\"kind\":\"advance\"")
                      && line.contains("\"outcome\":\"\(chosen.joined(separator: ","))\""), String(line))
        XCTAssertTrue(chairLines[seq - 2].contains("\"kind\":\"checkpoint\"") && chairLines[seq - 2].contains(next.previousRound!.seal),
                      "the seal the advance stood on is witnessed before it")
        XCTAssertEqual(next.entries.map(\.id), chosen)
        XCTAssertEqual(next.criteria.map(\.id), ["p1", "p2"])
        let again = l.run(as: l.chair, "\(k) round next --contest \(l.contest) --to \(root)/other --top 5 --reason x", env: "LANG=C.UTF-8")
        XCTAssertEqual(again.status, 2, "a round advances once: \(again.out)")
        XCTAssertEqual(try String(contentsOfFile: l.contest + "/ledger/chairs/\(l.chair).jsonl", encoding: .utf8).split(separator: "\n").count,
                       chairLines.count)

        // Round 2: the keeper keeps its folder; its own panel scores the twelve.
        XCTAssertEqual(d.shell("chmod 755 \(root) && chown -R \(l.keeper) \(final)").status, 0)
        let applied = d.shell("\(k) access apply --contest \(final)")
        XCTAssertEqual(applied.status, 0, applied.out)
        for (n, entry) in chosen.enumerated() {
            for login in [l.judges[1], finalist] {
                let s = l.run(as: login, "\(k) score --contest \(final) --entry \(entry) p1=\(60 - 2 * n) p2=\(40 - n) --submit")
                XCTAssertEqual(s.status, 0, "\(login) \(entry): \(s.out)")
            }
        }
        let notTheirs = l.run(as: l.judges[0], "\(k) score --contest \(final) --entry e01 p1=1")
        XCTAssertEqual(notTheirs.status, 2, "j1 is not on the final panel: \(notTheirs.out)")
        let verify = l.run(as: l.chair, "\(k) verify --contest \(final)", env: "LANG=C.UTF-8")
        XCTAssertEqual(verify.status, 0, verify.out)
        XCTAssertTrue(verify.out.contains("ROUND ok  ../contest: สมุดคะแนนยังต่อจากตราผลคะแนน"), verify.out)

        // The results, the earlier rank as context, the awards, the announcement and the minutes.
        let json = l.run(as: l.chair, "\(k) report --contest \(final) --format json", env: "LANG=C.UTF-8")
        XCTAssertEqual(json.status, 0, json.out)
        let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let ranked = report["entries"] as! [[String: Any]]
        XCTAssertEqual(ranked.map { $0["id"] as! String }, chosen)
        XCTAssertEqual(ranked.map { $0["award"] as? String }, ["excellent", "excellent"] + Array(repeating: "outstanding", count: 4)
                       + Array(repeating: nil, count: 6))
        XCTAssertEqual(ranked.map { ($0["earlier"] as? [String: Any])?["rank"] as? Int }, (1...11).map { $0 } + [12])
        // e01: 0.7 × 100 (p1 60 + p2 40) + 0.3 × 83 (58 + c3 25) = 94.9; e13: 0.7 × 67 + 0.3 × 77.5 = 70.15.
        XCTAssertEqual(ranked.first?["roundScore"] as? Double, 100)
        XCTAssertEqual(try XCTUnwrap(ranked.first?["score"] as? Double), 94.9, accuracy: 0.00001)
        XCTAssertEqual(try XCTUnwrap(ranked.last?["score"] as? Double), 70.15, accuracy: 0.00001)
        XCTAssertEqual((report["carry"] as? [String: Any])?["weight"] as? Double, 0.3)
        let md = l.run(as: l.chair, "\(k) report --contest \(final) --format md", env: "LANG=C.UTF-8").out
        XCTAssertTrue(md.contains("ประเภทยอดเยี่ยม 2 รางวัล") && md.contains("| เทศบาลตำบลทดสอบ1 |")
                      && !md.contains("ร่าง (DRAFT)") && md.contains("## รอบการตัดสิน"), md)
        XCTAssertTrue(md.contains("- **รอบที่ 1: คัดกรอง** · ../contest · ") && md.contains("คัดเข้ารอบต่อไป 12 ผลงาน: \(chosen.joined(separator: ", "))"), md)
        XCTAssertTrue(md.contains("- **รอบที่ 2: นำเสนอผลงาน** (รอบนี้) · ") && md.contains("คณะกรรมการ 2 คน: กรรมการรอบสุดท้าย 1, กรรมการรอบสุดท้าย 2"), md)
        let first = l.run(as: l.chair, "\(k) report --contest \(l.contest) --format md", env: "LANG=C.UTF-8").out
        XCTAssertTrue(first.contains("รอบนี้ไม่ใช่รอบสุดท้าย: ผลที่ประกาศคือผลของรอบที่ 2"), first)
        let rounds = l.run(as: l.chair, "\(k) rounds --contest \(final)", env: "LANG=C.UTF-8")
        XCTAssertTrue(rounds.out.contains("รอบที่ 1") && rounds.out.contains("ผ่านเข้ารอบถัดไป 12 ผลงาน") && rounds.out.contains("* รอบที่ 2"), rounds.out)

        // The workstation and the console at 80×24 name the round; each in a session of its own.
        let judge = TerminalDriver(scratch: root, socket: d.socket, session: "judge")
        judge.start("runuser -u \(finalist) -- env -i LANG=C.UTF-8 TERM=xterm-256color \(k) --contest \(final)", width: 80, height: 24)
        judge.waitFor("รอบที่ 2: นำเสนอผลงาน")
        judge.waitFor("e13")
        let console = TerminalDriver(scratch: root, socket: d.socket, session: "console")
        console.start("runuser -u \(l.chair) -- env -i LANG=C.UTF-8 TERM=xterm-256color \(k) chair --contest \(final)", width: 80, height: 24)
        console.waitFor("รอบที่ 2: นำเสนอผลงาน")
        // At 80 columns the earlier rank is the selected entry's line; from 140 a column of its own.
        console.waitFor("e01 · รอบนี้ 100.00 · รอบที่ 1: อันดับ 1, 83.00")
        XCTAssertTrue(console.screen().contains("ข้อสังเกต"), "every column's header whole:\n\(console.screen())")
        let wide = TerminalDriver(scratch: root, socket: d.socket, session: "wide")
        wide.start("runuser -u \(l.chair) -- env -i LANG=C.UTF-8 TERM=xterm-256color \(k) chair --contest \(final)", width: 140, height: 30)
        wide.waitFor("รอบ 1  ")
        d.stop()

        // Round 1 edited after the advance (root, its append-only flag taken off): round 2's verify names it.
        let j1 = l.contest + "/ledger/j1/j1.jsonl"
        XCTAssertEqual(d.shell("chattr -a \(j1)").status, 0)
        var lines = try String(contentsOfFile: j1, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"value\":", with: "\"value\":1")
        try lines.joined(separator: "\n").write(toFile: j1, atomically: false, encoding: .utf8)
        let caught = l.run(as: l.chair, "\(k) verify --contest \(final)", env: "LANG=C.UTF-8")
        XCTAssertEqual(caught.status, 1, caught.out)
        XCTAssertTrue(caught.out.contains("ROUND     รอบที่ 1 (../contest): ledger/j1/j1.jsonl:3"), caught.out)
        let english = l.run(as: l.chair, "\(k) verify --contest \(final) --lang en", env: "LANG=C.UTF-8")
        XCTAssertTrue(english.out.contains("ROUND     round 1 (../contest): ledger/j1/j1.jsonl:3"), english.out)
    }
}
