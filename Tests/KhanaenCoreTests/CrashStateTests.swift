import Foundation
import XCTest
@testable import KhanaenCore

/// Power loss at every operation (issue 20): each scenario runs once against the real file
/// system through `RecordingFileOperations`, and every crash state `CrashStates` derives from
/// the run is written out and checked as the next program would meet it:
///
/// - the contest loads, and verify finds nothing wrong (no break, violation, checkpoint or
///   delivery problem): an unfinished line is a warning, never a problem;
/// - every step acknowledged before the cut (its call returned: "saved") is present;
/// - the ledger accepts the next write (both judges' and a chair's checkpoint), and then
///   verifies, with the acknowledged steps still present.
///
/// The figures (states per scenario) are in docs/ledger.md "Crashes".
final class CrashStateTests: XCTestCase {
    /// A step of a scenario: what it does, and whether a state shows it (nil: it does).
    struct Step {
        var label: String
        var run: (String) throws -> Void
        var present: (Ledger, String) -> String?
    }

    private var folders: [String] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(atPath: f) }
        folders = []
    }

    private func contestFolder() -> String {
        let dir = Fixtures.folder(contestJSON: Fixtures.contestJSON(judges: 2))
        folders.append(dir)
        return dir
    }

    // MARK: steps

    static func judged(_ judge: String, _ events: [LedgerEvent], label: String? = nil) -> Step {
        let want = events.map { e -> LedgerEvent in var x = e; x.actor = judge; return x }
        return Step(label: label ?? "\(judge) \(events.map { "\($0.kind.rawValue) \($0.entry) \($0.criterion ?? "")" }.joined(separator: ", "))",
                    run: { dir in try ContestFolder.load(dir).appendJudge(judge, want) },
                    present: { ledger, _ in
                        let mine = ledger.file(forJudge: judge)?.events ?? []
                        // The call's lines, in order, at the end of some prefix of the file: find them as a run.
                        let shape = { (e: LedgerEvent) in "\(e.kind) \(e.entry) \(e.criterion ?? "") \(e.value ?? -1)" }
                        let wanted = want.map(shape), have = mine.map(shape)
                        guard have.count >= wanted.count,
                              (0...(have.count - wanted.count)).contains(where: { Array(have[$0..<($0 + wanted.count)]) == wanted })
                        else { return "\(judge)'s acknowledged lines \(wanted) are missing from \(have)" }
                        return nil
                    })
    }

    static func checkpoint(_ actor: String, seal: String? = nil) -> Step {
        // Which checkpoint: the one recording this seal, or any by the actor.
        Step(label: "checkpoint by \(actor)" + (seal.map { " sealing \($0)" } ?? ""),
             run: { dir in _ = try ContestFolder.load(dir).appendCheckpoint(actor: actor, seal: seal, unlessUnchanged: false) },
             present: { ledger, _ in
                 let file = ledger.checkpointFile(for: actor)
                 return file.events.contains { $0.kind == .checkpoint && (seal == nil || $0.checkpoint?.seal == seal) }
                     ? nil : "\(file.displayPath) lost its acknowledged checkpoint"
             })
    }

    static func reopen(_ judge: String, _ entry: String) -> Step {
        Step(label: "chair reopens \(judge) \(entry)",
             run: { dir in _ = try ContestFolder.load(dir).appendChair(LedgerEvent(actor: "chair", kind: .reopen, judge: judge, entry: entry, text: "recount")) },
             present: { ledger, _ in
                 let own = ledger.chairFile(for: "chair")?.events ?? []
                 guard own.contains(where: { $0.kind == .reopen && $0.judge == judge && $0.entry == entry }) else { return "the chair's reopen is missing" }
                 let delivered = ledger.deliveries(toJudge: judge).flatMap(\.events)
                 guard delivered.contains(where: { $0.kind == .reopen && $0.entry == entry }) else { return "the reopen was not delivered to \(judge)" }
                 return nil
             })
    }

    /// `later`: the texts later steps write to the same file, which a state may hold instead.
    static func export(_ name: String, _ text: String, later: [String] = []) -> Step {
        Step(label: "export \(name) \(text.count)",
             run: { dir in
                 try ContestFolder.ensureFolder(dir + "/exports", mode: 0o755)
                 try AtomicFile.write(Array(text.utf8), to: dir + "/exports/" + name, overwrite: true)
             },
             present: { _, dir in
                 let now = FileManager.default.contents(atPath: dir + "/exports/" + name).map { String(decoding: $0, as: UTF8.self) }
                 return now.map { ([text] + later).contains($0) } == true ? nil : "exports/\(name) is \(now.map { "\"\($0.prefix(20))…\"" } ?? "missing"), not the acknowledged \(text.count) bytes"
             })
    }

    static func score(_ entry: String, _ criterion: String, _ value: Double) -> LedgerEvent {
        LedgerEvent(actor: "", kind: .score, entry: entry, criterion: criterion, value: value)
    }

    // MARK: the checks

    /// What `khanaen verify` would report as problems.
    static func problems(_ ledger: Ledger) -> [String] {
        var out = ledger.breaks.map { "BROKEN " + $0.problem.describe($0.file.displayPath) }
        let book = SheetBook(ledger: ledger)
        out += book.violations.map { "VIOLATION \($0)" }
        out += Checkpoints.problems(ledger, checkpoints: book.checkpoints).map { "CHECKPOINT " + $0 }
        out += ledger.deliveryFindings().problems.map { "DELIVERY " + $0 }
        return out
    }

    /// Why the state in `dir` is wrong, or nil. `exports`: every version of each export
    /// written (a state may hold any whole one, or none, but never a part).
    static func check(_ dir: String, acknowledged: [Step], exports: [String: [String]]) -> String? {
        let ledger: Ledger
        do { ledger = try ContestFolder.load(dir) } catch { return "does not load: \(error)" }
        let found = problems(ledger)
        if !found.isEmpty { return "verify: " + found.joined(separator: "; ") }
        for s in acknowledged { if let p = s.present(ledger, dir) { return "acknowledged \"\(s.label)\": \(p)" } }
        for (name, versions) in exports {
            if let now = FileManager.default.contents(atPath: dir + "/exports/" + name).map({ String(decoding: $0, as: UTF8.self) }),
               !versions.contains(now) {
                return "exports/\(name) holds \(now.utf8.count) bytes that no write wrote whole"
            }
        }
        // The next writes.
        do {
            try ledger.appendJudge("j1", [score("e5", "a", 7)])
            try ledger.appendJudge("j2", [score("e5", "b", 9)])
            try ledger.appendCheckpoint(actor: "chair", unlessUnchanged: false)
        } catch {
            return "refuses the next write: \(error)"
        }
        let after: Ledger
        do { after = try ContestFolder.load(dir) } catch { return "after the next write, does not load: \(error)" }
        let again = problems(after)
        if !again.isEmpty { return "after the next write, verify: " + again.joined(separator: "; ") }
        guard after.file(forJudge: "j1")?.events.last.map({ $0.kind == .score && $0.entry == "e5" && $0.value == 7 }) == true,
              after.file(forJudge: "j2")?.events.last.map({ $0.kind == .score && $0.entry == "e5" && $0.value == 9 }) == true
        else { return "the next write is not the last line read back" }
        for s in acknowledged { if let p = s.present(after, dir) { return "after the next write, acknowledged \"\(s.label)\": \(p)" } }
        return nil
    }

    struct Outcome {
        var states = 0
        var operations = 0
        var failures: [String] = []
    }

    /// Runs `steps` in a fresh contest (after `setup`, which is not recorded) through the
    /// recorder, then checks every crash state. `window` runs, once, right after the first write
    /// to a file whose path ends in the suffix, before that write is synced (another process
    /// acting meanwhile); its steps count as acknowledged when it returns.
    func explore(setup: [Step] = [], _ steps: [Step], window: (suffix: String, steps: [Step])? = nil,
                 sample: Int? = nil) throws -> Outcome {
        let dir = contestFolder()
        for s in setup { try s.run(dir) }
        let recorder = RecordingFileOperations(root: dir)
        var windowError: Error? = nil
        if let window {
            recorder.afterWrite = (window.suffix, {
                do {
                    for s in window.steps { try s.run(dir); recorder.mark(s.label) }
                } catch { windowError = error }
            })
        }
        try FileSystem.using(recorder) {
            for s in steps {
                try s.run(dir)
                recorder.mark(s.label)
            }
        }
        if let windowError { throw windowError }
        let all = steps + (window?.steps ?? [])
        var exports: [String: [String]] = [:]
        for (name, text) in exportTexts { exports[name, default: []].append(text) }
        var outcome = Outcome(operations: recorder.ops.filter { if case .ack = $0 { return false } else { return true } }.count)
        let crash = Fixtures.temporaryFolder()
        folders.append(crash)
        var states = CrashStates(snapshot: recorder.snapshot, ops: recorder.ops)
        // KHANAEN_CRASH_EVERY_BYTE=1 tears every write at every byte (some minutes).
        states.sample = ProcessInfo.processInfo.environment["KHANAEN_CRASH_EVERY_BYTE"] == "1" ? nil : sample
        // The checks need no durability: their syncs are skipped, which makes them many times faster.
        outcome.states = FileSystem.using(UnsyncedFileOperations()) { states.forEach { state in
            do { try CrashStates.materialize(state.tree, at: crash) } catch {
                outcome.failures.append("cannot write the state out: \(error)")
                return
            }
            let acknowledged = setup + all.filter { state.acknowledged.contains($0.label) }
            if let problem = CrashStateTests.check(crash, acknowledged: acknowledged, exports: exports) {
                let last = state.cut > 0 ? "\(recorder.ops[state.cut - 1])" : "nothing"
                outcome.failures.append("cut after \(state.cut) ops (last: \(last)), \(state.variant): \(problem)")
            }
        } }
        return outcome
    }

    /// The system's operations without their syncs, for checking states quickly.
    struct UnsyncedFileOperations: FileOperations {
        let real = POSIXFileOperations()
        func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { real.open(path, flags, mode) }
        func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 { real.openat(folder, name, flags, mode) }
        func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { real.write(fd, bytes) }
        func fsync(_ fd: Int32) -> Int32 { 0 }
        func rename(_ from: String, _ to: String) -> Int32 { real.rename(from, to) }
        func mkdir(_ path: String, _ mode: mode_t) -> Int32 { real.mkdir(path, mode) }
        func unlink(_ path: String) -> Int32 { real.unlink(path) }
        func ftruncate(_ fd: Int32, _ size: off_t) -> Int32 { real.ftruncate(fd, size) }
    }

    /// Every text an export step of the running test writes (set by the test).
    private var exportTexts: [(String, String)] = []

    private func assertClean(_ o: Outcome, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        print("crash states: \(name): \(o.operations) operations, \(o.states) states, \(o.failures.count) failing")
        if !o.failures.isEmpty {
            XCTFail("\(name): \(o.failures.count) of \(o.states) crash states fail; the first:\n" + o.failures.prefix(5).joined(separator: "\n"),
                    file: file, line: line)
        }
    }

    // MARK: scenarios

    /// Two judges score and submit, their first lines creating their folders and files.
    func testTwoJudgesScoreAndSubmit() throws {
        let o = try explore([
            Self.judged("j1", [Self.score("e1", "a", 5), Self.score("e1", "b", 10)]),
            Self.judged("j2", [Self.score("e1", "a", 6)]),
            Self.judged("j1", [Self.score("e1", "c", 5), LedgerEvent(actor: "", kind: .submit, entry: "e1")]),
            Self.judged("j2", Fixtures.sheet("j2", "e2", 1, 2, 3)),
        ], sample: 16)
        assertClean(o, "two judges score and submit")
    }

    /// A chair's decision: the chair's own file (a reopen and its checkpoint), then the
    /// delivery to the judge, then the judge's next change to the reopened sheet.
    func testAChairsDecisionAndItsDelivery() throws {
        let o = try explore(setup: [Self.judged("j1", Fixtures.sheet("j1", "e1", 5, 10, 5))], [
            Self.reopen("j1", "e1"),
            Self.judged("j1", [Self.score("e1", "a", 6)]),
        ], sample: 16)
        assertClean(o, "a chair's decision")
    }

    /// Checkpoints into the chair's file and the witness's (its folder made by the first),
    /// between the judges' changes.
    func testCheckpoints() throws {
        let o = try explore(setup: [Self.judged("j1", [Self.score("e1", "a", 5)]), Self.judged("j2", [Self.score("e1", "a", 6)])], [
            Self.checkpoint("chair"),
            Self.judged("j1", [Self.score("e1", "b", 10)]),
            Self.checkpoint("root"),
            Self.judged("j2", [Self.score("e1", "b", 11)]),
            Self.checkpoint("chair", seal: "5eal5eal5eal5eal"),
        ], sample: 16)
        assertClean(o, "checkpoints")
    }

    /// An export (AtomicFile), written and then replaced, its folder made by the first.
    func testAnExportReplacedAtomically() throws {
        exportTexts = [("results.csv", "first,version\n"), ("results.csv", String(repeating: "second version\n", count: 3))]
        let o = try explore(setup: [Self.judged("j1", [Self.score("e1", "a", 5)])], [
            Self.export("results.csv", exportTexts[0].1, later: [exportTexts[1].1]),
            Self.checkpoint("chair", seal: "0123456789ab"),
            Self.export("results.csv", exportTexts[1].1),
        ], sample: 16)
        assertClean(o, "an export")
    }

    /// Issue 20's first bug as a scenario: a score's write torn at every byte, among them just
    /// before its newline (the whole line without it), then the next write. With the adoption
    /// taken out (the next writer set the whole line aside and chained from the line before it;
    /// readers took it), the states torn at the last byte fail: "after the next write, verify:
    /// BROKEN ledger/j1/j1.jsonl:3".
    func testAScoreTornAtEveryByteThenTheNextWrite() throws {
        let o = try explore(setup: [Self.judged("j1", [Self.score("e1", "a", 5)])], [Self.judged("j1", [Self.score("e1", "b", 10)])])
        assertClean(o, "a score torn at every byte")
    }

    /// Issue 20's second bug as a scenario: a checkpoint is written while a judge's line is
    /// written but not yet synced (another process, in the window between the judge's `write`
    /// and `fsync`). The checkpoint must not record a line a power cut can take away: without
    /// `makeDurable`, the state that keeps the checkpoint and drops the judge's unsynced line
    /// fails ("CHECKPOINT ledger/j1/j1.jsonl has 1 lines; … recorded 2").
    func testACheckpointWrittenWhileAJudgesLineIsUnsynced() throws {
        let o = try explore(setup: [Self.judged("j1", [Self.score("e1", "a", 5)])],
                            [Self.judged("j1", [Self.score("e1", "b", 10)])],
                            window: ("/j1/j1.jsonl", [Self.checkpoint("chair"), Self.checkpoint("root")]), sample: 16)
        assertClean(o, "a checkpoint in a judge's unsynced window")
    }

    /// The next writer meets an unfinished line (part of one, left by an earlier crash): it
    /// records it in `.torn` (a new file, synced with its folder) before closing it and writing
    /// its own line. No state may hold the closed line without its record.
    func testAWriterSettingAsideAnUnfinishedLine() throws {
        let partial = Step(label: "a torn write", run: { dir in
            let h = try XCTUnwrap(FileHandle(forWritingAtPath: dir + "/ledger/j1/j1.jsonl"))
            h.seekToEndOfFile()
            h.write(Data(#"{"v":1,"seq":2,"ts":"2026-12-0"#.utf8))
            h.closeFile()
        }, present: { _, _ in nil })
        let o = try explore(setup: [Self.judged("j1", [Self.score("e1", "a", 5)]), partial],
                            [Self.judged("j1", [Self.score("e1", "b", 10)]), Self.judged("j1", [Self.score("e1", "c", 5)])], sample: 16)
        assertClean(o, "a writer setting aside an unfinished line")
    }

    /// The simulator itself: it sees loss. A writer that says "saved" before its line is
    /// synced (the control) fails, in the state that drops the unsynced line.
    func testTheSimulatorSeesAnAcknowledgedLineThatWasNotSynced() throws {
        let unsynced = Step(label: "unsynced write", run: { dir in
            let fd = FileSystem.current.open(dir + "/ledger/note.txt", O_WRONLY | O_CREAT | O_APPEND, 0o644)
            defer { close(fd) }
            try ContestFiles.syncFolder(dir + "/ledger")
            _ = [UInt8]("x\n".utf8).withUnsafeBytes { FileSystem.current.write(fd, $0) }
        }, present: { _, dir in
            FileManager.default.contents(atPath: dir + "/ledger/note.txt")?.count == 2 ? nil : "lost"
        })
        let o = try explore([unsynced])
        XCTAssertFalse(o.failures.isEmpty, "a write acknowledged before its fsync must be seen lost in some state")
    }
}
