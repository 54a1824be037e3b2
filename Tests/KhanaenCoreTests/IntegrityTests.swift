import Foundation
import XCTest
@testable import KhanaenCore

/// The ledger checked against the contest and against its checkpoints: lines with valid
/// hashes that break the rules are violations, left out of every score; a judge file that no
/// longer reaches a checkpoint's head was cut, rolled back or replaced.
final class IntegrityTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.folder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func load() throws -> (Ledger, SheetBook, LedgerSummary) {
        let ledger = try ContestFolder.load(dir)
        let book = SheetBook(ledger: ledger)
        return (ledger, book, ledger.summary(book))
    }

    /// Lines written straight to a file, with valid hashes, as anything but Khanaen could.
    private func plant(_ judge: String, _ events: [LedgerEvent]) throws {
        let contest = try ContestFolder.loadContest(dir)
        try Ledger(contest: contest, directory: dir + "/ledger").file(forJudge: judge)!.append(events)
    }

    func testLinesThatBreakTheRulesAreViolationsAndNeverCount() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10))
        try plant("j2", [
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "a", value: 99),
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "a", value: -1),
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "a", value: 2.3),
            LedgerEvent(actor: "j3", kind: .score, entry: "e1", criterion: "b", value: 5),
            LedgerEvent(actor: "j2", kind: .award, entry: "e1", tier: "gold", text: "x"),
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "a", value: 10),
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "b", value: 20),
            LedgerEvent(actor: "j2", kind: .submit, entry: "e1"),
            LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "c", value: 10),
            LedgerEvent(actor: "j2", kind: .submit, entry: "e1"),
            LedgerEvent(actor: "j2", kind: .score, entry: "e9", criterion: "a", value: 1),
        ])
        let (_, book, summary) = try load()
        XCTAssertEqual(book.violations.map(\.description), [
            "ledger/j2/j2.jsonl:1: a = 99: above the maximum of 10",
            "ledger/j2/j2.jsonl:2: a = -1: a score cannot be negative",
            "ledger/j2/j2.jsonl:3: a = 2.3: not a multiple of the step 0.5",
            "ledger/j2/j2.jsonl:4: written as j3, in the file of judge j2",
            "ledger/j2/j2.jsonl:5: a award does not belong in a judge's file",
            "ledger/j2/j2.jsonl:8: submits e1 before every criterion is scored",
            "ledger/j2/j2.jsonl:11: entry \"e9\" is not in the contest",
        ])
        XCTAssertFalse(summary.isIntact)
        XCTAssertEqual(book.sheet(judge: 1, entry: 0).scores, [10, 20, 10])
        XCTAssertEqual(book.sheet(judge: 1, entry: 0).status, .submitted, "the second submit, once complete, counts")
        let r = Scoring.compute(book)
        XCTAssertEqual(r.entries.first { $0.id == "e1" }?.score, 100)
        // A change after the submit, with no reopen.
        try plant("j2", [LedgerEvent(actor: "j2", kind: .score, entry: "e1", criterion: "a", value: 0)])
        let (_, again, _) = try load()
        XCTAssertEqual(again.violations.last?.description, "ledger/j2/j2.jsonl:12: changes the submitted sheet of e1 with no reopen by a chair")
        XCTAssertEqual(again.sheet(judge: 1, entry: 0).scores, [10, 20, 10])
    }

    func testChairLinesAreCheckedToo() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10))
        let contest = try ContestFolder.loadContest(dir)
        let chair = Ledger(contest: contest, directory: dir + "/ledger").chairFile(for: "chair")!
        try chair.append([
            LedgerEvent(actor: "mallory", kind: .award, entry: "e1", tier: "gold", text: "x"),
            LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: 2, text: "x"),
            LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "platinum", text: "x"),
            LedgerEvent(actor: "chair", kind: .score, entry: "e1", criterion: "a", value: 1),
            LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: 4, text: "กรอกผิด"),
        ])
        let (_, book, _) = try load()
        XCTAssertEqual(book.violations.map(\.description), [
            "ledger/chairs/chair.jsonl:1: written as \"mallory\" in the file of chair chair: only chair decides here",
            "ledger/chairs/chair.jsonl:2: reopens line 2 of j1's file, which is not a submit or recuse of e1",
            "ledger/chairs/chair.jsonl:3: award tier \"platinum\" is not in the contest",
            "ledger/chairs/chair.jsonl:4: a score does not belong in the chair's file",
        ])
        XCTAssertNil(book.overrides[0])
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).status, .draft, "the valid reopen counts")
    }

    /// Lowering a maximum after scoring: the scores above it become violations, no total
    /// goes above 100, and the checkpoint says the rules changed.
    func testAMaximumLoweredAfterScoringIsReported() throws {
        for j in ["j1", "j2"] { try plant(j, Fixtures.sheet(j, "e1", 10, 20, 10)) }
        var (ledger, _, _) = try load()
        try ledger.appendCheckpoint(actor: "chair")
        let path = dir + "/contest.json"
        try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "\"max\": 20", with: "\"max\": 18")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let book: SheetBook, summary: LedgerSummary
        (ledger, book, summary) = try load()
        XCTAssertEqual(book.violations.count, 4, "each b = 20, and each submit of a sheet left incomplete")
        XCTAssertTrue(summary.checkpointProblems.contains { $0.contains("scoring rules") && $0.contains("changed since the checkpoint") })
        let r = Scoring.compute(book)
        XCTAssertTrue(r.entries.allSatisfy { ($0.score ?? 0) <= 100 })
        XCTAssertTrue(r.entries.flatMap { $0.totals.map(\.total) }.allSatisfy { $0 <= 100 })
    }

    /// Every kind of rollback after a checkpoint is found: a file cut at a line boundary, an
    /// older copy put back, a file removed, a file rewritten with other lines.
    func testEveryRollbackAfterACheckpointIsFound() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10) + Fixtures.sheet("j1", "e2", 5, 5, 5))
        let path = dir + "/ledger/j1/j1.jsonl"
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = full.split(separator: 0x0A, omittingEmptySubsequences: false)
        let firstFour = Data(lines.prefix(4).joined(separator: [0x0A])) + Data([0x0A])
        try ContestFolder.load(dir).appendCheckpoint(actor: "chair")
        XCTAssertTrue(try load().2.isIntact)

        func expectProblem(_ what: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let (_, _, summary) = try load()
            XCTAssertFalse(summary.isIntact, what, file: file, line: line)
            XCTAssertTrue(summary.checkpointProblems.contains { $0.contains(expected) }, "\(what): \(summary.checkpointProblems)", file: file, line: line)
        }
        try firstFour.write(to: URL(fileURLWithPath: path))
        try expectProblem("cut at a line boundary", "ledger/j1/j1.jsonl has 4 lines; the checkpoint at ledger/chairs/chair.jsonl:1 (")
        try full.write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(try load().2.isIntact, "put back whole")
        try FileManager.default.removeItem(atPath: path)
        try expectProblem("removed", "ledger/j1/j1.jsonl has 0 lines; the checkpoint at ledger/chairs/chair.jsonl:1")
        // Other lines, as many, with valid hashes: the checkpoint's head is not reached.
        try plant("j1", Fixtures.sheet("j1", "e3", 1, 1, 1) + Fixtures.sheet("j1", "e4", 2, 2, 2))
        try expectProblem("rewritten", "ledger/j1/j1.jsonl: line 8 is not the one the checkpoint")
    }

    func testAPublishedSealIsFoundAndItsLedgerStillExtended() throws {
        for j in ["j1", "j2"] { try plant(j, Fixtures.sheet(j, "e1", 10, 20, 10)) }
        var (ledger, book, summary) = try load()
        let seal = ReportJSON.seal(Scoring.compute(book), ledger: summary)
        try ledger.appendCheckpoint(actor: "chair", seal: seal)
        (ledger, book, summary) = try load()
        XCTAssertEqual(ReportJSON.seal(Scoring.compute(book), ledger: summary), seal, "the checkpoint itself changes no seal")
        try plant("j3", Fixtures.sheet("j3", "e1", 1, 1, 1))
        (ledger, book, _) = try load()
        let found = Checkpoints.sealed(String(seal.prefix(12)), ledger, checkpoints: book.checkpoints)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.problems, [], "more lines since: the sealed ledger is still there")
        try Data().write(to: URL(fileURLWithPath: dir + "/ledger/j2/j2.jsonl"))
        (ledger, book, _) = try load()
        XCTAssertEqual(Checkpoints.sealed(String(seal.prefix(12)), ledger, checkpoints: book.checkpoints).first?.problems.count, 1)
        XCTAssertTrue(Checkpoints.sealed("0123456789ab", ledger, checkpoints: book.checkpoints).isEmpty)
    }

    func testEveryReportSaysAtItsTopThatTheLedgerIsNotIntact() throws {
        try plant("j1", [LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 99)])
        let (_, book, summary) = try load()
        let r = Scoring.compute(book)
        let where_ = "ledger/j1/j1.jsonl:1: a = 99: เกินคะแนนเต็ม 10", english = "ledger/j1/j1.jsonl:1: a = 99: above the maximum of 10"
        for (format, text) in [("table", ReportTable.text(r, ledger: summary)), ("md", ReportMarkdown.text(r, ledger: summary, draft: AnnouncementDraft.check(r, book: book, ledger: summary, queue: nil))),
                               ("ranking", ReportMarkdown.ranking(r, ledger: summary)), ("csv", ReportCSV.text(r, ledger: summary))] {
            // The CSV says it in a column of every row, its header being the first row.
            let top = text.split(separator: "\n").prefix(format == "csv" ? 2 : 6).joined(separator: "\n")
            XCTAssertTrue(top.contains(format == "csv" ? "ไม่ครบถ้วน; " : "สมุดคะแนนไม่ครบถ้วน") && top.contains(where_), "\(format):\n\(top)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.text(r, ledger: summary).utf8)) as! [String: Any]
        XCTAssertEqual(json["intact"] as? Bool, false)
        XCTAssertEqual(json["problems"] as? [String], [english], "the JSON, which the seal covers, keeps to English")
        XCTAssertTrue(ReportTable.text(r, ledger: summary, language: .en).contains(english))
    }

    /// Who is judged and who judges is witnessed once scoring has begun: two entries' ids
    /// swapped, two judges' logins swapped, a chair added or the eligibility rules changed
    /// are each reported by name; the same changes before the first score are not.
    func testTheEntriesAndThePanelAreWitnessedOnceScoringBegan() throws {
        let contestPath = dir + "/contest.json", entriesPath = dir + "/entries.json"
        let contest = try String(contentsOfFile: contestPath, encoding: .utf8)
        let entries = try String(contentsOfFile: entriesPath, encoding: .utf8)
        func problems() -> [String] { try! load().2.checkpointProblems }

        try ContestFolder.load(dir).appendCheckpoint(actor: "chair")
        try entries.replacingOccurrences(of: "ผลงาน 1", with: "ผลงานที่หนึ่ง").write(toFile: entriesPath, atomically: true, encoding: .utf8)
        XCTAssertEqual(problems(), [], "before the first score the secretariat may still correct the entries")
        try entries.write(toFile: entriesPath, atomically: true, encoding: .utf8)

        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10))
        try ContestFolder.load(dir).appendCheckpoint(actor: "chair")
        XCTAssertEqual(problems(), [])
        let swapped = entries.replacingOccurrences(of: "\"e1\"", with: "\"tmp\"").replacingOccurrences(of: "\"e2\"", with: "\"e1\"")
            .replacingOccurrences(of: "\"tmp\"", with: "\"e2\"")
        try swapped.write(toFile: entriesPath, atomically: true, encoding: .utf8)
        XCTAssertEqual(problems().count, 1)
        XCTAssertTrue(problems()[0].hasPrefix("the entries (an id, organisation, province, title or day in use) in entries.json changed after scoring began: "
                                                  + "it is not what the checkpoint at ledger/chairs/chair.jsonl:2"), "\(problems())")
        try entries.write(toFile: entriesPath, atomically: true, encoding: .utf8)
        XCTAssertEqual(problems(), [], "put back")

        for (what, edited) in [
            ("logins swapped", contest.replacingOccurrences(of: "\"judge1\"", with: "\"tmp\"").replacingOccurrences(of: "\"judge2\"", with: "\"judge1\"")
                .replacingOccurrences(of: "\"tmp\"", with: "\"judge2\"")),
            ("a chair added", contest.replacingOccurrences(of: "\"chairs\": [\"chair\"]", with: "\"chairs\": [\"chair\", \"secretary\"]")),
        ] {
            XCTAssertNotEqual(edited, contest, what)
            try edited.write(toFile: contestPath, atomically: true, encoding: .utf8)
            XCTAssertTrue(problems().contains { $0.hasPrefix("the panel (the judges' ids, logins, provinces and organisations, the chairs, the access, the conflict rules) in contest.json changed") },
                          "\(what): \(problems())")
        }
        try contest.write(toFile: contestPath, atomically: true, encoding: .utf8)
        XCTAssertEqual(problems(), [])
        // A later checkpoint that recorded the change does not hide it: the first one after scoring still differs.
        try swapped.write(toFile: entriesPath, atomically: true, encoding: .utf8)
        try ContestFolder.load(dir).appendCheckpoint(actor: "chair")
        XCTAssertEqual(problems().count, 1, "\(problems())")
    }

    /// The chairs' own files are witnessed too: root's cron checkpoint (the witness's file)
    /// records the chair's head, so cutting an award off the chair's file, emptying it, or
    /// putting it back rechained without its checkpoints is reported with the line that saw it.
    func testACutChairFileIsCaughtByTheWitness() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10))
        try ContestFolder.load(dir).appendChair(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: "ดีมาก"))
        XCTAssertTrue(try ContestFolder.load(dir).appendCheckpoint(actor: "root"), "root is no chair: the witness's file")
        XCTAssertTrue(try load().2.isIntact)
        let path = dir + "/ledger/chairs/chair.jsonl"
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let first = Data(full.split(separator: 0x0A).first!) + Data([0x0A])
        for (what, bytes) in [("the award cut off", first), ("emptied", Data())] {
            try bytes.write(to: URL(fileURLWithPath: path))
            let problems = try load().2.checkpointProblems
            XCTAssertTrue(problems.contains { $0.hasPrefix("ledger/chairs/chair.jsonl has ") && $0.contains("the checkpoint at ledger/witness/witness.jsonl:1") },
                          "\(what): \(problems)")
        }
        try full.write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(try load().2.isIntact, "put back whole")
    }
}
