import Foundation
import XCTest
@testable import KhanaenCore

/// Issue 19 item 5: a line is exactly what Khanaen writes, and its time can be trusted.
/// Every line below is planted with a valid hash chain, as anything but Khanaen could write
/// it: each bad one is reported with its file and line, and counts for nothing.
final class CanonicalLineTests: XCTestCase {
    private var dir = ""
    /// 2023-11-14T22:13:20.000Z, the time of the planted lines.
    private let t0: Int64 = 1_700_000_000_000

    override func setUp() { dir = Fixtures.folder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `lines` to `file` (a ledger file name: `j1`, `chairs/chair`), each the canonical
    /// encoding of its event with `edit` applied to its text, chained with valid hashes.
    private func plant(_ file: String, _ lines: [(LedgerEvent, edit: (String) -> String)]) throws {
        let contest = try ContestFolder.loadContest(dir)
        var previous = LedgerLine.genesis(contestID: contest.id, fileName: file)
        var out: [UInt8] = []
        for (k, (event, edit)) in lines.enumerated() {
            var e = event
            e.seq = k + 1
            let body = edit(String(decoding: LedgerLine.canonical(e), as: UTF8.self))
            var h = SHA256()
            h.update(previous.bytes)
            h.update(Array(body.utf8))
            previous = Digest(bytes: h.finalize())!
            out += Array(body.dropLast().utf8) + Array(",\"hash\":\"\(Hex.encode(previous.bytes))\"}\n".utf8)
        }
        let path = dir + "/" + Ledger.displayPath(ofFile: file)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    private func line(_ e: LedgerEvent, at time: Int64, _ edit: @escaping (String) -> String = { $0 }) -> (LedgerEvent, edit: (String) -> String) {
        var e = e
        e.time = time
        return (e, edit)
    }

    private func score(_ criterion: String, _ value: Double, entry: String = "e1") -> LedgerEvent {
        LedgerEvent(actor: "j1", kind: .score, entry: entry, criterion: criterion, value: value)
    }

    private func load(now: Int64 = Timestamp.nowMillis()) throws -> (Ledger, SheetBook) {
        let ledger = try ContestFolder.load(dir)
        XCTAssertTrue(ledger.breaks.isEmpty, "\(ledger.breaks.map(\.problem))")
        return (ledger, SheetBook(ledger: ledger, now: now))
    }

    /// One sheet scored a = 4, then a planted line that would set a to `value` if it counted.
    private func assertNotCounted(_ planted: String, value: Double, edit: @escaping (String) -> String,
                                  file: StaticString = #filePath, line l: UInt = #line) throws {
        try plant("j1", [
            line(score("a", 4), at: t0),
            line(score("a", value), at: t0 + 1000) { text in
                let edited = edit(text)
                XCTAssertNotEqual(edited, text, "the edit applies", file: file, line: l)
                XCTAssertTrue(edited.contains(planted), edited, file: file, line: l)
                return edited
            },
            line(score("b", 7), at: t0 + 2000),
        ])
        let (ledger, book) = try load()
        XCTAssertEqual(ledger.judgeFiles[0].lineCount, 3, "the chain goes on past the line", file: file, line: l)
        XCTAssertEqual(book.violations.map { "\(Ledger.displayPath(ofFile: $0.file)):\($0.seq)" }, ["ledger/j1/j1.jsonl:2"], file: file, line: l)
        XCTAssertTrue(book.violations.first?.message.contains("not written as Khanaen writes a line") == true,
                      book.violations.first?.message ?? "", file: file, line: l)
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).scores, [4, 7, nil], "\(planted) does not count", file: file, line: l)
        XCTAssertFalse(ledger.summary(book).isIntact, file: file, line: l)
    }

    func testANumberWithAnExponentIsAViolation() throws {
        try assertNotCounted("\"value\":1e1", value: 10) { $0.replacingOccurrences(of: "\"value\":10", with: "\"value\":1e1") }
    }

    func testANumberWithATrailingZeroIsAViolation() throws {
        try assertNotCounted("\"value\":5.0", value: 5) { $0.replacingOccurrences(of: "\"value\":5", with: "\"value\":5.0") }
    }

    func testMinusZeroIsAViolation() throws {
        try assertNotCounted("\"value\":-0", value: 0) { $0.replacingOccurrences(of: "\"value\":0", with: "\"value\":-0") }
    }

    func testAFractionWithAnExponentIsAViolation() throws {
        try assertNotCounted("\"value\":0.50e1", value: 5) { $0.replacingOccurrences(of: "\"value\":5", with: "\"value\":0.50e1") }
    }

    func testMembersOutOfOrderAreAViolation() throws {
        try assertNotCounted("\"criterion\":\"a\",\"entry\":\"e1\"", value: 9) {
            $0.replacingOccurrences(of: "\"entry\":\"e1\",\"criterion\":\"a\"", with: "\"criterion\":\"a\",\"entry\":\"e1\"")
        }
    }

    func testANeedlessEscapeIsAViolation() throws {
        try assertNotCounted("\"actor\":\"j\\u0031\"", value: 9) { $0.replacingOccurrences(of: "\"actor\":\"j1\"", with: "\"actor\":\"j\\u0031\"") }
    }

    /// A space between members is no ledger line at all (a break, as before); inside a
    /// checkpoint's heads it reads, and is a violation: the checkpoint witnesses nothing.
    func testASpacedCheckpointIsAViolation() throws {
        let heads = [Checkpoint.Head(file: "j1", lines: 99, hash: String(repeating: "0", count: 64))]
        try plant("witness", [
            line(LedgerEvent(actor: "root", checkpoint: Checkpoint(heads: heads, rules: "r")), at: t0) {
                $0.replacingOccurrences(of: "{\"lines\"", with: "{ \"lines\"")
            },
        ])
        let (ledger, book) = try load()
        XCTAssertEqual(book.violations.map { "\(Ledger.displayPath(ofFile: $0.file)):\($0.seq)" }, ["ledger/witness/witness.jsonl:1"])
        XCTAssertTrue(book.checkpoints.isEmpty)
        XCTAssertTrue(Checkpoints.problems(ledger, checkpoints: book.checkpoints).isEmpty)
    }

    /// A chair's decision not in canonical form is left out too: the award is not given.
    func testAChairsLineNotInCanonicalFormIsAViolation() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10).enumerated().map { k, e in line(e, at: t0 + Int64(k) * 1000) })
        try plant("chairs/chair", [
            line(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: "ดีมาก"), at: t0 + 10_000) {
                $0.replacingOccurrences(of: "\"tier\":\"gold\"", with: "\"tier\":\"g\\u006fld\"")
            },
        ])
        let (_, book) = try load()
        XCTAssertEqual(book.violations.map { "\(Ledger.displayPath(ofFile: $0.file)):\($0.seq)" }, ["ledger/chairs/chair.jsonl:1"])
        XCTAssertNil(book.overrides[0])
    }

    /// An `assign` line reads back as the event written (`pairs` in entry order, judges in
    /// contest order) and is the last assignment in force; the same line with a space in its
    /// pairs, or giving an entry to a judge not in the contest, is a violation and assigns nothing.
    func testAnAssignmentLineIsCanonicalAndFolded() throws {
        let pairs = [AssignedEntry(entry: "e1", judges: ["j1", "j2"]), AssignedEntry(entry: "e3", judges: ["j3"])]
        let event = LedgerEvent(actor: "chair", assign: pairs, reason: "แบ่งงาน")
        let text = String(decoding: LedgerLine.canonical(event), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix(#""kind":"assign","pairs":{"e1":["j1","j2"],"e3":["j3"]},"reason":"แบ่งงาน"}"#), text)
        try plant("chairs/chair", [line(event, at: t0)])
        let (ledger, first) = try load()
        XCTAssertEqual(first.violations, [])
        XCTAssertEqual(ledger.chairStream.events.first?.pairs, pairs)
        XCTAssertEqual(first.assignment, [[true, true, false], [false, false, false], [false, false, true], [false, false, false], [false, false, false]])

        try plant("chairs/chair", [line(event, at: t0) { $0.replacingOccurrences(of: #""e3":["j3"]"#, with: #""e3": ["j3"]"#) }])
        var (_, book) = try load()
        XCTAssertEqual(book.violations.map { "\(Ledger.displayPath(ofFile: $0.file)):\($0.seq)" }, ["ledger/chairs/chair.jsonl:1"])
        XCTAssertNil(book.assignment)

        try plant("chairs/chair", [line(LedgerEvent(actor: "chair", assign: [AssignedEntry(entry: "e1", judges: ["j9"])], reason: "x"), at: t0)])
        (_, book) = try load()
        XCTAssertEqual(book.violations.map(\.message), [#"judge "j9" is not in the contest"#])
        XCTAssertNil(book.assignment)
    }

    /// A line dated before the line before it is a violation; the lines after it, dated
    /// after the last good one, count.
    func testATimeThatGoesBackIsAViolation() throws {
        try plant("j1", [
            line(score("a", 4), at: t0),
            line(score("a", 9), at: t0 - 1),
            line(score("b", 7), at: t0 + 1000),
            line(score("c", 3), at: t0 + 500),
        ])
        let (_, book) = try load()
        XCTAssertEqual(book.violations.map(\.seq), [2, 4])
        XCTAssertEqual(book.violations.first?.message,
                       "dated 2023-11-14T22:13:19.999Z, earlier than a line before it in the file (2023-11-14T22:13:20.000Z): a file's times never go back")
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).scores, [4, 7, nil])
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).lastChange, t0 + 1000)
    }

    /// A line dated beyond five minutes after the moment it is read is a violation, and its
    /// time is not taken: the next line, dated now, is not "going back". Drift and the
    /// history read the times of the sheets, which it does not reach.
    func testATimeInTheFutureIsAViolation() throws {
        let now = t0 + 3_600_000
        let far = Timestamp.parse("2099-01-01T00:00:00.000Z")!
        try plant("j1", [
            line(score("a", 4), at: t0),
            line(score("a", 9), at: far),
            line(score("b", 7), at: now + 5 * 60_000),
            line(score("c", 3), at: now + 5 * 60_000 + 1),
        ])
        let (_, book) = try load(now: now)
        XCTAssertEqual(book.violations.map(\.seq), [2, 4])
        XCTAssertEqual(book.violations.first?.message,
                       "dated 2099-01-01T00:00:00.000Z, more than 5 minutes after the time it was read (2023-11-14T23:13:20.000Z)")
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).scores, [4, 7, nil])
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).lastChange, now + 5 * 60_000)
        // The judge's own fold, what verify reads for a judge, says the same.
        let contest = try ContestFolder.loadContest(dir)
        let events = try ContestFolder.load(dir).judgeFiles[0].events
        let own = SheetBook.judgeFold(contest: contest, judgeID: "j1", judgeEvents: events, chairEvents: [], now: now)
        XCTAssertEqual(own.violations.map(\.seq), [2, 4])
        XCTAssertEqual(own.sheets[0].scores, [4, 7, nil])
        // What the writer checks a change against leaves it out too.
        XCTAssertEqual(SheetBook.foldSheet(contest: contest, judgeID: "j1", entryID: "e1", judgeEvents: events, chairEvents: [], now: now).scores,
                       [4, 7, nil])
    }

    /// A line dated before 2023 is earlier than any Khanaen ledger.
    func testATimeBeforeAnyLedgerIsAViolation() throws {
        let old = Timestamp.parse("2020-06-01T00:00:00.000Z")!
        try plant("j1", [
            line(score("a", 9), at: old),
            line(score("a", 4), at: t0),
        ])
        let (_, book) = try load()
        XCTAssertEqual(book.violations.map(\.seq), [1])
        XCTAssertEqual(book.sheet(judge: 0, entry: 0).scores, [4, nil, nil])
    }

    /// A chair's file is held to its own order of time, though the chairs' files are merged by time.
    func testAChairsTimeThatGoesBackIsAViolation() throws {
        try plant("j1", Fixtures.sheet("j1", "e1", 10, 20, 10).enumerated().map { k, e in line(e, at: t0 + Int64(k) * 1000) })
        try plant("chairs/chair", [
            line(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "silver", text: "x"), at: t0 + 10_000),
            line(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: "y"), at: t0 + 9_000),
        ])
        let (_, book) = try load()
        XCTAssertEqual(book.violations.map { "\(Ledger.displayPath(ofFile: $0.file)):\($0.seq)" }, ["ledger/chairs/chair.jsonl:2"])
        XCTAssertEqual(book.overrides[0]?.tier, "silver")
    }

    /// Every line Khanaen writes is canonical, through either reader: the fast reader takes
    /// only canonical scores, and the general reader finds each one canonical.
    func testEveryScoreKhanaenWritesReadsAsCanonical() {
        var names = LedgerLine.NameCache()
        for k in 0..<20_000 {
            let value = Double(k) / [1, 2, 4, 10, 100, 1000, 10_000][k % 7]
            var e = score("c\(k % 5)", value)
            e.seq = k + 1
            e.time = t0 + Int64(k)
            let body = Array(LedgerLine.canonical(e).dropLast())
            body.withUnsafeBufferPointer { b in
                XCTAssertEqual(try? LedgerLine.parseFields(b, names: &names), e, "\(value)")
                if let fast = LedgerLine.commonEvent(b, names: &names) { XCTAssertEqual(fast, e, "\(value)") }
            }
        }
    }

    /// A chair's resolution of a fork, and a judge's line replayed by it naming its origin,
    /// read back as written; a `topic` on a judge's line that names no origin is refused.
    func testAForkLineAndAReplayedLineReadAsWritten() throws {
        var names = LedgerLine.NameCache()
        let hash = String(repeating: "ab", count: 32)
        var fork = LedgerEvent(actor: "chair", kind: .fork, judge: "j1", entry: "", ref: 2, text: "สองเครื่อง", outcome: "both", topic: hash)
        fork.seq = 3
        fork.time = t0
        var replayed = score("c1", 5)
        replayed.seq = 9
        replayed.time = t0
        replayed.topic = "fork:" + hash
        var stray = replayed
        stray.topic = "anything"
        for e in [fork, replayed] {
            let body = Array(LedgerLine.canonical(e).dropLast())
            try body.withUnsafeBufferPointer { b in
                XCTAssertEqual(try LedgerLine.parseFields(b, names: &names), e)
                if let fast = LedgerLine.commonEvent(b, names: &names) { XCTAssertEqual(fast, e) }
            }
        }
        XCTAssertTrue(String(decoding: LedgerLine.canonical(fork), as: UTF8.self)
            .contains("\"kind\":\"fork\",\"judge\":\"j1\",\"ref\":2,\"topic\":\"\(hash)\",\"outcome\":\"both\""))
        try Array(LedgerLine.canonical(stray).dropLast()).withUnsafeBufferPointer { b in
            XCTAssertThrowsError(try LedgerLine.parseFields(b, names: &names))
        }
    }
}
