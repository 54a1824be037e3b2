import Foundation
import XCTest
@testable import KhanaenCLI
@testable import KhanaenCore

/// A contest in rounds: `round next`, the custody check of a later round's `verify`, `rounds`.
final class RoundsTests: XCTestCase {
    private var root = ""
    private var round1 = ""
    private var round2 = ""
    /// The seal of the official report, run just before the advance.
    private var reportSeal: String?

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-rounds-" + UUID().uuidString
        round1 = root + "/round-1"
        round2 = root + "/round-2"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func run(_ args: [String], as login: String = "chair") -> (code: Int32, out: String, err: String) {
        runCommand(args, home: root, as: login)
    }

    /// Round 1: the sample contest with its synthetic scores (20 entries, 4 judges' sheets).
    private func demoWithScores() throws {
        let ctx = CommandContext(environment: [:], login: "x", uid: 1, out: { _ in }, err: { _ in })
        try ContestLocation.copyAtomically(from: try ContestLocation.sampleFolder(ctx), to: round1, includeLedger: true)
    }

    /// The top five of the demo advance; round 2 holds them, and verifies.
    private func shortlist() throws -> [String] {
        try demoWithScores()
        let book = SheetBook(ledger: try ContestFolder.ledger(of: try ContestFolder.loadContest(round1), in: round1))
        let top = Scoring.compute(book, method: nil, includeDrafts: false).entries.prefix(5).map(\.id)
        let report = try JSONSerialization.jsonObject(with: Data(run(["report", "--contest", round1, "--format", "json"]).out.utf8)) as! [String: Any]
        reportSeal = report["seal"] as? String
        let r = run(["round", "next", "--contest", round1, "--to", round2, "--top", "5", "--reason", "คัดเข้ารอบนำเสนอ"])
        XCTAssertEqual(r.code, 0, r.err)
        return top
    }

    func testTheDemosTopEntriesAdvanceIntoARound2Folder() throws {
        let top = try shortlist()
        let next = try ContestFolder.loadContest(round2)
        XCTAssertEqual(next.entries.map(\.id).sorted(), top.sorted())
        let first = try ContestFolder.loadContest(round1)
        for e in next.entries { XCTAssertEqual(e, first.entries[first.entryIndex(e.id)!], "the same entry, unchanged") }
        XCTAssertNotEqual(next.id, first.id, "a round of its own: no ledger line verifies in both")
        XCTAssertEqual(next.round?.number, 2)
        let previous = try XCTUnwrap(next.previousRound)
        XCTAssertEqual(previous.folder, "../round-1")
        XCTAssertEqual(previous.advanceFile, "ledger/chairs/chair.jsonl")
        // The advance line in round 1: its entries, its seal, its reason; and a checkpoint recorded the seal.
        let ledger = try ContestFolder.ledger(of: first, in: round1)
        let advance = ledger.chairFile(for: "chair")!.events[previous.advanceSeq - 1]
        XCTAssertEqual(advance.kind, .advance)
        XCTAssertEqual(advance.advancedEntries, top)
        XCTAssertEqual(advance.advanceSeal, previous.seal)
        XCTAssertEqual(advance.text, "คัดเข้ารอบนำเสนอ")
        XCTAssertEqual(ledger.chairFile(for: "chair")!.hash(atLine: previous.advanceSeq)?.hex, previous.advanceHash)
        XCTAssertEqual(reportSeal, previous.seal, "the seal is the official report's")
        XCTAssertEqual(run(["verify", "--contest", round1, "--seal", previous.seal]).code, 0)
        let v = run(["verify", "--contest", round2])
        XCTAssertEqual(v.code, 0, v.out)
        XCTAssertTrue(v.out.contains("ROUND ok  ../round-1: สมุดคะแนนยังต่อจากตราผลคะแนน"), v.out)
        XCTAssertTrue(run(["verify", "--contest", round2, "--lang", "en"]).out.contains("ROUND ok  ../round-1: its ledger extends the seal"))
        let chairFile = FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl")
        let again = run(["round", "next", "--contest", round1, "--to", root + "/round-2c", "--top", "3", "--reason", "again"])
        XCTAssertEqual(again.code, 2)
        XCTAssertTrue(again.err.contains("รอบนี้คัดผลงานเข้ารอบต่อไปแล้ว 5 ชิ้น") && again.err.contains("ledger/chairs/chair.jsonl:\(previous.advanceSeq)"), again.err)
        let same = run(["round", "next", "--contest", round1, "--to", round2, "--top", "5", "--reason", "again", "--lang", "en"])
        XCTAssertEqual(same.code, 2, "a folder already made is never replaced")
        XCTAssertTrue(same.err.contains("refused: this round already advanced 5 entries"), same.err)
        XCTAssertEqual(FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl"), chairFile, "no second advance")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/round-2c"))
    }

    func testDocumentsAreCarriedOverAsHardLinksNeverThroughASymbolicLink() throws {
        try demoWithScores()
        let docs = round1 + "/documents/e01"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data("ข้อเสนอ".utf8).write(to: URL(fileURLWithPath: docs + "/proposal.txt"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: root + "/outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: docs + "/link.txt", withDestinationPath: root + "/outside.txt")
        XCTAssertEqual(run(["round", "next", "--contest", round1, "--to", round2, "--entries", "e01,e02", "--reason", "r"]).code, 0)
        var a = stat(), b = stat()
        XCTAssertEqual(lstat(docs + "/proposal.txt", &a), 0)
        XCTAssertEqual(lstat(round2 + "/documents/e01/proposal.txt", &b), 0)
        XCTAssertEqual(a.st_ino, b.st_ino, "a hard link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: round2 + "/documents/e01/link.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: round2 + "/documents/e03"))
    }

    func testATieAtTheCutIsRefusedWithTopAndAcceptedWithEntries() throws {
        XCTAssertEqual(run(["init", round1, "--demo"]).code, 0)
        func sheet(_ judge: String, _ entry: String, _ c3: String) {
            let r = run(["score", "--contest", round1, "--judge", judge, "--entry", entry,
                         "c1=12", "c2=8", "c3=\(c3)", "c4=7", "c5=12", "c6=11", "c7=8", "--submit"], as: "judge" + judge.dropFirst())
            XCTAssertEqual(r.code, 0, r.err)
        }
        for j in ["j1", "j2", "j3"] {
            sheet(j, "e01", "25")
            sheet(j, "e02", "20")
            sheet(j, "e03", "20")
        }
        let before = FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl")
        let refused = run(["round", "next", "--contest", round1, "--to", round2, "--top", "2", "--reason", "r", "--lang", "en"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("inside a tie: e02, e03 share rank 2") && refused.err.contains("--entries"), refused.err)
        let thai = run(["round", "next", "--contest", round1, "--to", round2, "--top", "2", "--reason", "r"])
        XCTAssertTrue(thai.err.contains("khanaen round: ไม่ได้บันทึก: จุดตัดหลังอันดับ 2 อยู่กลางคะแนนเท่ากัน: e02, e03 ได้อันดับ 2 ร่วมกัน")
                      && thai.err.contains("ไม่มีการเขียนลงสมุดคะแนน"), thai.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: round2))
        XCTAssertEqual(FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl"), before, "nothing written")
        let results = Scoring.compute(SheetBook(ledger: try ContestFolder.ledger(of: try ContestFolder.loadContest(round1), in: round1)))
        XCTAssertEqual(try Shortlist.top(3, of: results), ["e01", "e02", "e03"], "a cut after the tie is no cut inside it")
        let chosen = run(["round", "next", "--contest", round1, "--to", root + "/round-2b", "--entries", "e01,e03", "--reason", "ประธานเลือก e03"])
        XCTAssertEqual(chosen.code, 0, chosen.err)
        XCTAssertEqual(try ContestFolder.loadContest(root + "/round-2b").entries.map(\.id), ["e01", "e03"])
    }

    func testRound2sVerifyCatchesARewrittenRound1Line() throws {
        _ = try shortlist()
        let path = round1 + "/ledger/j1/j1.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let old = lines[2]
        lines[2] = old.replacingOccurrences(of: "\"value\":", with: "\"value\":1")
        XCTAssertNotEqual(lines[2], old)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 1, v.out)
        XCTAssertTrue(v.out.contains("ROUND     round 1 (../round-1): ledger/j1/j1.jsonl:3"), v.out)
    }

    /// Round 1's chair file forged whole: an award put before the advance, every line chained
    /// anew, so that round 1's own verify passes; round 2 holds the advance line's hash.
    func testRound2sVerifyCatchesAnAwardForgedIntoRound1BeforeTheAdvance() throws {
        _ = try shortlist()
        let contest = try ContestFolder.loadContest(round1)
        let file = try ContestFolder.ledger(of: contest, in: round1).chairFile(for: "chair")!
        var events = file.events
        let award = LedgerEvent(seq: 1, time: events[0].time, actor: "chair", kind: .award, entry: "e20", tier: contest.awards[0].id, text: "x")
        events = [award] + events.map { var e = $0; e.seq += 1; return e }
        var previous = file.genesis, bytes: [UInt8] = []
        for e in events {
            let (line, hash) = LedgerLine.encode(e, previous: previous)
            bytes += line
            previous = hash
        }
        try Data(bytes).write(to: URL(fileURLWithPath: round1 + "/ledger/chairs/chair.jsonl"))
        XCTAssertEqual(run(["verify", "--contest", round1]).code, 0, "round 1 alone cannot see it")
        let v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 1, v.out)
        XCTAssertTrue(v.out.contains("ROUND     round 1 (../round-1): ledger/chairs/chair.jsonl:"), v.out)
    }

    func testRound2sVerifyCatchesEntriesThatWereNotAdvanced() throws {
        _ = try shortlist()
        let path = round2 + "/entries.json"
        let first = try ContestFolder.loadContest(round1)
        var entries = try ContestFolder.loadContest(round2).entries
        entries.append(first.entries.last!)
        try Data(EntriesJSON.bytes(entries)).write(to: URL(fileURLWithPath: path))
        let v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 1, v.out)
        XCTAssertTrue(v.out.contains("this round's entries differ (not advanced: \(first.entries.last!.id))"), v.out)
        let thai = run(["verify", "--contest", round2])
        XCTAssertEqual(thai.code, 1)
        XCTAssertTrue(thai.out.contains("ROUND     รอบที่ 1 (../round-1): ledger/chairs/chair.jsonl:")
                      && thai.out.contains("ผลงานของรอบนี้ไม่ตรงกัน (ไม่ได้คัดเข้ารอบ: \(first.entries.last!.id))"), thai.out)
    }

    func testPreviousRoundIsCheckedWithFileLineAndKey() throws {
        _ = try shortlist()
        let path = round2 + "/contest.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let seal = try ContestFolder.loadContest(round2).previousRound!.seal
        try text.replacingOccurrences(of: seal, with: "abc").write(toFile: path, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(seal) }! + 1
        let v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 2)
        XCTAssertTrue(v.err.contains("contest.json:\(line): previousRound.seal: must be 64 lower-case hex digits"), v.err)
    }

    func testRoundsListsTheChainFromAnyRound() throws {
        _ = try shortlist()
        for dir in [round1, round2] {
            let r = run(["rounds", "--contest", dir, "--lang", "en"])
            XCTAssertEqual(r.code, 0, r.err)
            let lines = r.out.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, r.out)
            XCTAssertTrue(lines[0].contains("round 1") && lines[0].contains("round-1") && lines[0].contains("20 entries")
                          && lines[0].contains("scoring · advanced 5"), r.out)
            XCTAssertTrue(lines[1].contains("round 2") && lines[1].contains("round-2") && lines[1].contains("5 entries")
                          && lines[1].contains("open"), r.out)
            let thai = run(["rounds", "--contest", dir]).out.split(separator: "\n")
            XCTAssertTrue(thai[0].contains("รอบที่ 1") && thai[0].contains("ผลงาน 20 ชิ้น")
                          && thai[0].contains("กำลังให้คะแนน · ผ่านเข้ารอบถัดไป 5 ผลงาน"), thai.joined(separator: "\n"))
            XCTAssertTrue(thai[1].contains("รอบที่ 2") && thai[1].contains("ผลงาน 5 ชิ้น") && thai[1].contains("ยังไม่มีคะแนน"),
                          thai.joined(separator: "\n"))
            XCTAssertEqual(Glossary.misuses(thai.joined(separator: "\n")), [])
            XCTAssertEqual(lines.filter { $0.hasPrefix("*") }.count, 1)
            XCTAssertTrue(lines[dir == round1 ? 0 : 1].hasPrefix("*"), r.out)
        }
    }

    /// `round next` says what it did in Thai by default and in English with --lang en (issue 21).
    func testRoundNextSpeaksThaiByDefaultAndEnglishOnRequest() throws {
        try demoWithScores()
        let th = run(["round", "next", "--contest", round1, "--to", round2, "--top", "3", "--reason", "คัดเข้ารอบ"])
        XCTAssertEqual(th.code, 0, th.err)
        XCTAssertTrue(th.out.hasPrefix("บันทึกแล้ว: chair ให้ผลงาน 3 ผลงาน (") && th.out.contains("ผ่านเข้ารอบถัดไป ที่ ledger/chairs/chair.jsonl:")
                      && th.out.contains("ตราผลคะแนน ") && th.out.contains("สร้างรอบที่ 2 แล้วที่ \(round2)"), th.out)
        XCTAssertEqual(Glossary.misuses(th.out), [])
        let en = run(["round", "next", "--contest", round1, "--to", root + "/round-2b", "--top", "3", "--reason", "again", "--lang", "en"])
        XCTAssertEqual(en.code, 0, en.err)
        // The same shortlist again, to a folder not yet made: the advance already recorded is used.
        XCTAssertTrue(en.out.hasPrefix("the advance already recorded at ledger/chairs/chair.jsonl:") && en.out.contains("round 2 made at \(root)/round-2b"), en.out)
        let twice = ["round", "next", "--contest", round1, "--to", root + "/x", "--entries", "e01,e01", "--reason", "r"]
        XCTAssertTrue(run(twice).err.contains("--entries ระบุผลงานเดียวกันซ้ำ"), run(twice).err)
        XCTAssertTrue(run(twice + ["--lang", "en"]).err.contains("refused: --entries names an entry twice"))
    }
}

extension RoundsTests {
    /// The folder could not be made after the advance was recorded: the same command again
    /// makes it from the recorded advance, and writes no second one.
    func testRunningAgainMakesTheMissingFolderFromTheRecordedAdvance() throws {
        _ = try shortlist()
        let made = try ContestFolder.loadContest(round2)
        try FileManager.default.removeItem(atPath: round2)
        let before = FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl")
        let r = run(["round", "next", "--contest", round1, "--to", round2, "--top", "5", "--reason", "คัดเข้ารอบนำเสนอ"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("ไม่ได้บันทึกซ้ำ"), r.out)
        XCTAssertEqual(FileManager.default.contents(atPath: round1 + "/ledger/chairs/chair.jsonl"), before)
        XCTAssertEqual(try ContestFolder.loadContest(round2).previousRound, made.previousRound)
        XCTAssertEqual(run(["verify", "--contest", round2]).code, 0)
    }
}

extension RoundsTests {
    /// Round 2 from a rules file that carries round 1 at 0.3: its own id and `carry`.
    private func carryRound(weight: String?) throws -> [String: Any] {
        try demoWithScores()
        var rules = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: round1 + "/contest.json"))) as! [String: Any]
        rules["id"] = "digital-local-final"
        rules["round"] = ["number": 2, "title": "นำเสนอผลงาน"]
        if let weight { rules["carry"] = ["weight": Double(weight)!] }
        let file = root + "/final.json"
        try JSONSerialization.data(withJSONObject: rules).write(to: URL(fileURLWithPath: file))
        let r = run(["round", "next", "--contest", round1, "--to", round2, "--top", "5", "--rules", file, "--reason", "คัดเข้ารอบนำเสนอ"])
        XCTAssertEqual(r.code, 0, r.err)
        let earlier = try JSONSerialization.jsonObject(with: Data(run(["report", "--contest", round1, "--format", "json"]).out.utf8)) as! [String: Any]
        // Each finalist: three judges' identical sheets, 58 + c3 points.
        for (k, id) in try ContestFolder.loadContest(round2).entries.map(\.id).enumerated() {
            for j in ["j1", "j2", "j3"] {
                let s = run(["score", "--contest", round2, "--judge", j, "--entry", id, "c1=12", "c2=8", "c3=\(10 + 2 * k)", "c4=7",
                             "c5=12", "c6=11", "c7=8", "--submit"], as: "judge" + j.dropFirst())
                XCTAssertEqual(s.code, 0, s.err)
            }
        }
        return earlier
    }

    private func entries(_ report: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (report["entries"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
    }

    func testACarriedRoundsScoreIsBothPartsInEveryReport() throws {
        let first = entries(try carryRound(weight: "0.3"))
        let out = run(["report", "--contest", round2, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as! [String: Any]
        XCTAssertEqual((report["carry"] as? [String: Any])?["weight"] as? Double, 0.3)
        for (k, id) in try ContestFolder.loadContest(round2).entries.map(\.id).enumerated() {
            let e = entries(report)[id]!, own = Double(68 + 2 * k), before = first[id]!["score"] as! Double
            XCTAssertEqual(try XCTUnwrap(e["roundScore"] as? Double, "\(e)"), own, accuracy: 0.0001)
            let earlier = try XCTUnwrap(e["earlier"] as? [String: Any])
            XCTAssertEqual(try XCTUnwrap(earlier["score"] as? Double), before, accuracy: 0.0001)
            XCTAssertEqual(earlier["rank"] as? Int, first[id]!["rank"] as? Int)
            XCTAssertEqual(e["score"] as! Double, 0.7 * own + 0.3 * before, accuracy: 0.0001, id)
        }
        let csv = run(["report", "--contest", round2, "--format", "csv"]).out
        XCTAssertTrue(csv.hasPrefix("อันดับ,") && csv.contains(",คะแนนรอบนี้,อันดับรอบ 1,คะแนนรอบ 1"), csv)
        let table = run(["report", "--contest", round2]).out
        XCTAssertTrue(table.contains("คะแนน = 0.7 × คะแนนรอบนี้ + 0.3 × คะแนนรอบที่ 1"), table)
        // The weight is a rule: changed after the scores, the checkpoints say so.
        let path = round2 + "/contest.json"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"weight\": 0.3", with: "\"weight\": 0.5")
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ContestFolder.loadContest(round2).carry, 0.5)
        let v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 1)
        XCTAssertTrue(v.out.contains("the scoring rules") && v.out.contains("changed since the checkpoint"), v.out)
    }

    func testTheMinutesListEveryRoundAndTheAnnouncementIsTheFinalRounds() throws {
        _ = try carryRound(weight: nil)
        let seal = try ContestFolder.loadContest(round2).previousRound!.seal
        let report = run(["report", "--contest", round2, "--format", "md"])
        let md = report.out
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let minutes = try XCTUnwrap(lines.firstIndex(of: "## รอบการตัดสิน"), md)
        guard lines.count > minutes + 3 else { return XCTFail(md) }
        let one = lines[minutes + 2], two = lines[minutes + 3]
        XCTAssertTrue(one.hasPrefix("- **รอบที่ 1: ") && one.contains(" · ../round-1 · ") && one.contains("คณะกรรมการ 5 คน")
                      && one.contains("คัดเข้ารอบต่อไป 5 ผลงาน: ") && one.contains("ตราผลคะแนนที่ใช้คัด \(seal)") && one.contains(" – "), one)
        XCTAssertTrue(two.hasPrefix("- **รอบที่ 2: นำเสนอผลงาน** (รอบนี้)") && two.contains("ตราผลคะแนน "), two)
        XCTAssertFalse(md.contains("รอบนี้ไม่ใช่รอบสุดท้าย"))
        // The JSON report of round 2 gives each entry's earlier rank and score as context.
        let json = run(["report", "--contest", round2, "--format", "json"]).out
        XCTAssertTrue(json.contains("\"earlier\": {") && !json.contains("\"roundScore\""), json)
        let first = run(["report", "--contest", round1, "--format", "md"]).out
        XCTAssertTrue(first.contains("> **รอบนี้ไม่ใช่รอบสุดท้าย: ผลที่ประกาศคือผลของรอบที่ 2"), first)
    }
}

extension RoundsTests {
    /// Round 1 is closed once it advanced: a judge's new line there, or a chair's decision,
    /// would change the results round 2 shows (and may carry); round 2's verify names it.
    func testALineWrittenInRound1AfterTheAdvanceIsReported() throws {
        _ = try shortlist()
        XCTAssertEqual(run(["verify", "--contest", round2]).code, 0)
        XCTAssertEqual(run(["score", "--contest", round1, "--judge", "j5", "--entry", "e07", "c1=3"], as: "judge5").code, 0)
        var v = run(["verify", "--contest", round2, "--lang", "en"])
        XCTAssertEqual(v.code, 1, v.out)
        XCTAssertTrue(v.out.contains("ROUND     round 1 (../round-1): ledger/j5/j5.jsonl:1: written after the advance"), v.out)
        XCTAssertEqual(run(["award", "--contest", round1, "--entry", "e09", "--tier", "none", "--reason", "x"]).code, 0)
        v = run(["verify", "--contest", round2])
        XCTAssertTrue(v.out.contains("ledger/chairs/chair.jsonl:") && v.out.contains("การตัดสิน (award) หลังการคัดเข้ารอบ"), v.out)
    }
}
