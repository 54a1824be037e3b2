import Dispatch
import Synchronization
import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// The one runtime, driven by a recording terminal: what is drawn after which input, that a
/// save is awaited before the next frame, that the idle tick draws nothing by itself, and
/// that the loop ends on quit, on a closed terminal and on a signal with every effect done.
final class RuntimeTests: XCTestCase {
    /// The judge's ledger played by a list of events kept under a lock, written on another
    /// queue after a pause, as the real session's fsync would take.
    final class FakeLedger: Sendable {
        let written = Mutex<[LedgerEvent]>([])
        let queue = DispatchQueue(label: "fake-ledger")

        func perform(_ effect: JudgeEffect, _ inbox: Inbox<JudgeMsg>) {
            switch effect {
            case .append(let events):
                inbox.run(on: queue, awaited: true) {
                    usleep(20_000)
                    let numbered = self.written.withLock { w -> [LedgerEvent] in
                        let n = events.enumerated().map { k, e -> LedgerEvent in
                            var x = e; x.seq = w.count + k + 1; x.time = 1_764_100_000_000; return x
                        }
                        w += n
                        return n
                    }
                    let all = self.written.withLock { $0 }
                    let sheets = SheetBook.judgeSheets(contest: Sample.contest, judgeID: "j5", judgeEvents: all, chairEvents: [])
                    return [.sheets(sheets, elsewhere: false), .saved(numbered)]
                }
            case .reload:
                inbox.run(on: queue) { [] }
            case .prepareText:
                inbox.send(.textReady(.plain))
            case .loadDocuments(let entry, _):
                inbox.send(.documents(entry: entry, []))
            case .printSheet:
                break
            }
        }
    }

    private func run(_ inputs: [TerminalInput], closeWhenDone: Bool = true) -> (code: Int32, backend: TestBackend, ledger: FakeLedger, state: JudgeState) {
        let backend = TestBackend(width: 80, height: 24, inputs: inputs, closeWhenDone: closeWhenDone)
        let ledger = FakeLedger()
        let runtime = Runtime<JudgeProgram>(state: Sample.state(), backend: backend) { ledger.perform($0, $1) }
        runtime.idleTimeout = 1
        let code = runtime.run(first: [.started])
        return (code, backend, ledger, runtime.state)
    }

    func testASaveIsOnTheFrameAfterTheKeyAndQuitEndsTheLoop() {
        let keys: [Key] = [.enter, .char("1"), .char("2"), .enter, .char("q"), .char("q")]
        let r = run(keys.map { .key($0) })
        XCTAssertEqual(r.code, 0, "q quits with 0")
        XCTAssertEqual(r.ledger.written.withLock { $0.map { $0.value } }, [12])
        // Frames: the first, then one after each key but the last (which quits); the Thai
        // text, ready meanwhile, comes with the first key's. The one right after Enter
        // already says saved: the write was awaited, never shown a frame late.
        let frames = r.backend.frames.map { $0.lines.joined() }
        XCTAssertEqual(frames.count, 1 + keys.count - 1)
        XCTAssertFalse(frames[1 + 2].contains("บันทึกแล้ว"), "typing 2 saves nothing")
        XCTAssertTrue(frames[1 + 3].contains("บันทึกแล้ว 02:46:40 · e01 เกณฑ์ 1 = 12"), frames[1 + 3])
    }

    func testTheIdleTickDrawsNothingByItself() {
        let r = run([.idle, .idle, .idle, .key(.char("q"))])
        XCTAssertEqual(r.code, 0)
        XCTAssertEqual(r.backend.frames.count, 2, "the first frame and the one with the Thai text: idle ticks draw nothing")
        XCTAssertEqual(r.backend.idleReads, 0, "the inputs were all read")
    }

    func testAClosedTerminalOrASignalEndsTheLoopWithEverySaveDone() {
        var r = run([.key(.enter), .key(.char("9")), .key(.enter), .closed])
        XCTAssertEqual(r.code, 129)
        XCTAssertEqual(r.ledger.written.withLock { $0.count }, 1, "the save before the terminal went is written")
        r = run([.key(.enter), .key(.char("9")), .key(.enter), .signal(15)])
        XCTAssertEqual(r.code, 128 + 15)
        XCTAssertEqual(r.ledger.written.withLock { $0.count }, 1)
    }

    func testAResizeIsDrawnAtTheNewSize() {
        let r = run([.resize(width: 120, height: 40), .key(.char("q"))])
        XCTAssertEqual(r.backend.frames.last?.width, 120)
        XCTAssertEqual(r.backend.frames.last?.height, 40)
        XCTAssertEqual(r.state.width, 120)
    }
}
