import Foundation
import XCTest
@testable import KhanaenCLI
@testable import KhanaenCore
@testable import KhanaenUI

/// The chair's console headless but whole: the runtime, the program and the real session
/// against the demo contest's files, at 80×24. What the chair does is on the frame after the
/// key, and what it exports is what `khanaen report` says at that moment.
final class ChairConsoleTests: XCTestCase {
    private var root = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-console-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func context(_ login: String, out: @escaping (String) -> Void = { _ in }) -> CommandContext {
        CommandContext(environment: ["XDG_DATA_HOME": root + "/data", "HOME": root, "USER": login], login: login, uid: 1000,
                       out: out, err: { _ in })
    }

    /// The demo: four judges have scored every entry, the fifth nothing, the chair nothing.
    private func demo() throws -> String { try ContestLocation.demoFolder(context("chair")) }

    /// A terminal that gives one step a read: a key, or some work done outside the console
    /// (another process's write) followed by the next step's input, with no idle read between.
    final class ScriptBackend: TerminalBackend {
        enum Step {
            case input(TerminalInput)
            case outside(() -> Void)
            /// Idle reads (a tick each, the time passing) until the console's state says so.
            case until((ChairState) -> Bool)
        }
        /// The console's state, read between two inputs on the runtime's own thread.
        var state: (() -> ChairState)?
        var size: (width: Int, height: Int) = (80, 24)
        private(set) var frames: [Canvas] = []
        /// `frames.count` at each read: the frames after read k are frames[readAt[k]..<readAt[k+1]].
        private(set) var readAt: [Int] = []
        /// The read that returned each input step.
        private(set) var inputAt: [Int] = []
        private var steps: [Step]
        private var idle = 0
        private var waited = 0

        init(_ steps: [Step]) { self.steps = steps }

        func read(timeout: Int) -> TerminalInput {
            readAt.append(frames.count)
            while true {
                switch steps.first {
                case .outside(let work)?:
                    steps.removeFirst()
                    work()
                case .until(let ready)?:
                    if let state, !ready(state()), waited < 400 {
                        waited += 1
                        usleep(UInt32(timeout) * 1000)
                        return .idle
                    }
                    steps.removeFirst()
                    waited = 0
                case .input(let input)?:
                    steps.removeFirst()
                    inputAt.append(readAt.count - 1)
                    // Nothing typed for a while: the time passes, as on a terminal.
                    if input == .idle { usleep(UInt32(timeout) * 1000) }
                    return input
                case nil:
                    idle += 1
                    usleep(UInt32(timeout) * 1000)
                    return idle > 8 ? .closed : .idle
                }
            }
        }

        func draw(_ canvas: Canvas) { frames.append(canvas) }

        /// The last frame drawn after the `n`-th input step (0-based) was read, before the next read.
        func frame(afterInput n: Int) -> [String] {
            let k = inputAt[n]
            let end = k + 1 < readAt.count ? readAt[k + 1] : frames.count
            return frames[end - 1].lines
        }
    }

    private static func keys(_ text: String) -> [ScriptBackend.Step] { text.map { .input(.key(.char($0))) } }

    /// The number of input steps among these: the index of the input step that follows them.
    private static func reads(_ steps: [ScriptBackend.Step]) -> Int {
        steps.filter { if case .input = $0 { return true } else { return false } }.count
    }

    /// Runs the console on `dir` through `steps`; returns the backend and the final state.
    private func console(_ dir: String, _ steps: [ScriptBackend.Step]) throws -> (ScriptBackend, ChairState) {
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .th)
        let state = ChairState(data: ChairSession.read(ledger), chair: "chair", language: .th)
        let backend = ScriptBackend(steps)
        let runtime = Runtime<ChairProgram>(state: state, backend: backend) { session.perform($0, $1) }
        backend.state = { runtime.state }
        _ = runtime.run(first: [.started])
        return (backend, runtime.state)
    }

    /// The seal `khanaen report --format md` prints now, and the whole announcement.
    private func report(_ dir: String) -> (seal: String, text: String) {
        var out = ""
        XCTAssertEqual(CLI.run(["report", "--contest", dir, "--format", "md"], context("chair", out: { out += $0 })), 0)
        let seal = out.split(separator: "\n").last { $0.contains("ตราผลคะแนน") }.map { String($0.split(separator: " ").last!) } ?? ""
        return (seal, out)
    }

    private func chairLines(_ dir: String) -> [String] {
        ((try? String(contentsOfFile: dir + "/ledger/chairs/chair.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// e04 is ranked fourth, under ดีเด่น; the chair gives it ยอดเยี่ยม. The frame after `y`
    /// shows it, with the tiers' counts, the seal of the ledger as written and the time read.
    func testTheFrameAfterTheChairsYesShowsTheAward() throws {
        let dir = try demo()
        var steps: [ScriptBackend.Step] = [.input(.key(.down)), .input(.key(.down)), .input(.key(.down))] + Self.keys("a1")
        steps += Self.keys("ผลกระทบต่อชุมชนสูง") + [.input(.key(.enter))]
        let yes = Self.reads(steps)
        steps += Self.keys("y")
        let seven = Self.reads(steps)
        steps += Self.keys("7") + [.input(.key(.end))]
        let end = Self.reads(steps) - 1
        steps += Self.keys("q")
        let (backend, _) = try console(dir, steps)
        let lines = chairLines(dir)
        let before = backend.frames[0].lines
        XCTAssertTrue(before.contains { $0.contains("e04") && $0.contains("ดีเด่น") }, before.joined(separator: "\n"))

        let after = backend.frame(afterInput: yes)
        let text = after.joined(separator: "\n")
        XCTAssertTrue(text.contains("บันทึกแล้ว: รางวัลของ e04 → ยอดเยี่ยม"), text)
        XCTAssertTrue(after.contains { $0.contains("e04") && $0.contains("ยอดเยี่ยม*") }, "the row shows the award:\n" + text)
        XCTAssertTrue(lines.contains { $0.contains("\"award\"") && $0.contains("e04") })
        let (seal, _) = report(dir)
        XCTAssertTrue(after.last!.contains(String(seal.prefix(12))), "the footer's seal is the ledger's as written: \(seal)\n" + after.last!)

        // Screen 7 counts the chair file's lines as they are.
        let integrity = backend.frame(afterInput: seven).joined(separator: "\n")
        let count = lines.count
        XCTAssertTrue(integrity.range(of: "chair.jsonl +\(count) ", options: .regularExpression) != nil,
                      "chair.jsonl has \(count) lines:\n" + integrity)
        // The tiers' counts follow: the announcement is a draft because of them, on screen 7.
        let reasons = backend.frame(afterInput: end).joined(separator: "\n")
        XCTAssertTrue(reasons.contains("• รางวัลยอดเยี่ยม มี 3 ผลงาน แต่การประกวดกำหนด 2"), reasons)
    }

    /// `w` on screen 4 gives the selected entry to one more judge: the chair's ledger file gets
    /// the `assign` line `khanaen assign --entry E --add J` writes, and the frame after `y` lists
    /// the judge among the entry's.
    func testReassigningOnScreenFourWritesTheChairsAssignLine() throws {
        let dir = try demo()
        XCTAssertEqual(CLI.run(["assign", "--contest", dir, "--per-entry", "2", "--seed", "5", "--reason", "แบ่งงาน"], context("chair")), 0)
        let ledger = try ContestFolder.load(dir)
        let data = ChairSession.read(ledger)
        let book = data.book
        let e = try XCTUnwrap(data.computed[book.method]?.results.entries.first?.index)
        let conflicted = AssignmentChange.conflicted(book.contest, book: book)
        let j = try XCTUnwrap(book.contest.judges.indices.first { !book.assignment![e][$0] && !conflicted[e][$0] })
        let (eid, jid) = (book.contest.entries[e].id, book.contest.judges[j].id)
        let before = chairLines(dir).filter { $0.contains("\"assign\"") }.count
        var steps: [ScriptBackend.Step] = Self.keys("4w") + Array(repeating: .input(.key(.down)), count: j) + [.input(.key(.enter))]
        steps += Self.keys("เพิ่มกรรมการ") + [.input(.key(.enter))]
        let yes = Self.reads(steps)
        steps += Self.keys("y") + Self.keys("q")
        let (backend, _) = try console(dir, steps)
        let lines = chairLines(dir)
        XCTAssertEqual(lines.filter { $0.contains("\"assign\"") }.count, before + 1, "one line more")
        let written = try XCTUnwrap(try ContestFolder.load(dir).chairStream.events.last { $0.kind == .assign })
        XCTAssertEqual(written.text, "เพิ่มกรรมการ")
        XCTAssertTrue(written.pairs?.first { $0.entry == eid }?.judges.contains(jid) ?? false, lines.last ?? "")
        XCTAssertTrue(try XCTUnwrap(SheetBook(ledger: try ContestFolder.load(dir)).assignment)[e][j])
        let after = backend.frame(afterInput: yes).joined(separator: "\n")
        XCTAssertTrue(after.contains("บันทึกแล้ว: การมอบหมายใหม่"), after)
        XCTAssertTrue(after.contains("ผลงาน \(eid): กรรมการที่มอบหมาย 3 คน") && after.contains("(\(jid)) · "), after)
    }

    /// A discussion outcome and a reopen are on the frame after `y` too: the queue counts one
    /// item fewer open, and the reopened sheet is no longer counted as submitted.
    func testTheFrameAfterTheChairsYesShowsAnOutcomeAndAReopen() throws {
        let dir = try demo()
        // The queue is there once the statistics are computed, on other cores.
        var steps: [ScriptBackend.Step] = Self.keys("8") + [.until { $0.statistics != nil }]
        steps += Self.keys("r1") + Self.keys("ดูแล้ว") + [.input(.key(.enter))]
        let outcome = Self.reads(steps)
        steps += Self.keys("y")
        steps += Self.keys("1o1") + Self.keys("กรอกผิด") + [.input(.key(.enter))]
        let reopen = Self.reads(steps)
        steps += Self.keys("y") + Self.keys("q")
        let (backend, _) = try console(dir, steps)
        let queue = backend.frame(afterInput: outcome).joined(separator: "\n")
        guard let open = queue.range(of: #"ยังไม่ได้หารือ (\d+) จาก (\d+)"#, options: .regularExpression).map({ String(queue[$0]) }) else {
            return XCTFail("no queue heading:\n" + queue)
        }
        let numbers = open.split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(numbers.count, 2)
        XCTAssertEqual(numbers[0], numbers[1] - 1, "one item has its outcome on the frame after y:\n" + queue)

        let ranking = backend.frame(afterInput: reopen)
        XCTAssertTrue(ranking.joined().contains("บันทึกแล้ว"), ranking.joined(separator: "\n"))
        XCTAssertTrue(ranking.contains { $0.contains("e01") && $0.contains("3/3") }, "e01 counts three sheets:\n" + ranking.joined(separator: "\n"))
    }

    /// A judge submits while the console's screen is still the old one; `e` exports the
    /// ledger as it is then: the announcement counts the sheet, and its seal is the report's.
    func testAnExportIsTheLedgerAsItIsWhenEIsPressed() throws {
        let dir = try demo()
        let score: ScriptBackend.Step = .outside { [self] in
            let args = ["score", "--contest", dir, "--judge", "j5", "--entry", "e05",
                        "c1=15", "c2=10", "c3=25", "c4=10", "c5=15", "c6=15", "c7=10", "--submit"]
            XCTAssertEqual(CLI.run(args, context("judge5")), 0)
        }
        let before: [ScriptBackend.Step] = [.input(.idle), .input(.idle), score]
        let question = Self.reads(before)
        let steps = before + Self.keys("e")
        let (backend, _) = try console(dir, steps + Self.keys("y") + Self.keys("q"))
        let asked = backend.frame(afterInput: question).joined(separator: "\n")
        XCTAssertTrue(asked.contains("19 ใบยังไม่ได้ให้คะแนน"), "the question counts the sheet just submitted:\n" + asked)
        let announcement = try String(contentsOfFile: dir + "/exports/announcement-mean.md", encoding: .utf8)
        let (seal, now) = report(dir)
        XCTAssertTrue(announcement.contains("ตราผลคะแนน " + seal), "export:\n\(announcement)\nreport's seal \(seal)")
        XCTAssertEqual(announcement, now, "the export's announcement is the report's")
    }
}
