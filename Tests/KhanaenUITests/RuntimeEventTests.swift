import Dispatch
import Foundation
import Synchronization
import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// The loop waits on events, not on time-outs: a change in a watched folder is read at once,
/// whether or not keys are being typed, and an effect's result is drawn without a key.
final class RuntimeEventTests: XCTestCase {
    /// A terminal whose keys arrive on a pipe, as a real terminal's do on its descriptor: the
    /// runtime can only learn of a key by waiting on the pipe.
    final class PipeBackend: TerminalBackend, @unchecked Sendable {
        let pipe = Pipe()
        private let queue = Mutex<[TerminalInput]>([])
        let drawn = Mutex<Int>(0)
        let idleReads = Mutex<Int>(0)
        var size: (width: Int, height: Int) = (80, 24)
        var inputDescriptor: Int32? { pipe.fileHandleForReading.fileDescriptor }

        func feed(_ input: TerminalInput) {
            queue.withLock { $0.append(input) }
            pipe.fileHandleForWriting.write(Data([1]))
        }

        func read(timeout: Int) -> TerminalInput {
            let next = queue.withLock { q -> TerminalInput? in q.isEmpty ? nil : q.removeFirst() }
            guard let next else {
                idleReads.withLock { $0 += 1 }
                return .idle
            }
            var byte: UInt8 = 0
            _ = Glibc.read(pipe.fileHandleForReading.fileDescriptor, &byte, 1)
            return next
        }

        func draw(_ canvas: Canvas) { drawn.withLock { $0 += 1 } }
    }

    /// Counts the reloads the loop asks for, and answers each after a pause on another queue.
    final class Reloads: Sendable {
        let times = Mutex<[UInt64]>([])
        let queue = DispatchQueue(label: "reloads")

        func perform(_ effect: JudgeEffect, _ inbox: Inbox<JudgeMsg>) {
            switch effect {
            case .reload:
                times.withLock { $0.append(DispatchTime.now().uptimeNanoseconds) }
                inbox.run(on: queue) {
                    usleep(10_000)
                    let e = LedgerEvent(seq: 1, time: 1_764_100_000_000, actor: LedgerName("j5"), kind: .score, entry: LedgerName("e01"),
                                        criterion: LedgerName("c1"), value: 7)
                    return [.sheets(SheetBook.judgeSheets(contest: Sample.contest, judgeID: "j5", judgeEvents: [e], chairEvents: []), elsewhere: true)]
                }
            case .prepareText: inbox.send(.textReady(.plain))
            case .append, .loadDocuments, .printSheet: break
            }
        }
    }

    /// Hands the runtime to the thread that runs it.
    final class Handoff: @unchecked Sendable {
        let runtime: Runtime<JudgeProgram>
        init(_ runtime: Runtime<JudgeProgram>) { self.runtime = runtime }
    }

    private func waitUntil(_ limit: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end { if condition() { return true }; usleep(5_000) }
        return condition()
    }

    func testAFolderChangeIsReadAtOnceAndItsResultDrawnWithoutAKey() throws {
        let folder = NSTemporaryDirectory() + "khanaen-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let backend = PipeBackend(), reloads = Reloads()
        let runtime = Runtime<JudgeProgram>(state: Sample.state(), backend: backend, watching: [folder]) { reloads.perform($0, $1) }
        runtime.safetyTimeout = 60_000
        let done = DispatchSemaphore(value: 0)
        let code = Mutex<Int32>(-1)
        let handoff = Handoff(runtime)
        Thread.detachNewThread {
            let c = handoff.runtime.run(first: [.started])
            code.withLock { $0 = c }
            done.signal()
        }
        XCTAssertTrue(waitUntil(2) { backend.drawn.withLock { $0 } >= 1 })
        usleep(200_000)
        XCTAssertEqual(reloads.times.withLock { $0.count }, 0, "nothing changed, nothing read: no ticks while idle")
        let framesBefore = backend.drawn.withLock { $0 }

        // A line appended by another process, with no key pressed.
        let written = DispatchTime.now().uptimeNanoseconds
        FileManager.default.createFile(atPath: folder + "/j5.jsonl", contents: Data("{}\n".utf8))
        XCTAssertTrue(waitUntil(1) { reloads.times.withLock { $0.count } >= 1 }, "the change woke the loop")
        let after = (reloads.times.withLock { $0.first! } - written) / 1_000_000
        XCTAssertLessThan(after, 500, "read \(after) ms after the write")
        XCTAssertTrue(waitUntil(1) { backend.drawn.withLock { $0 } > framesBefore }, "the reload's result is drawn without a key")
        XCTAssertEqual(backend.idleReads.withLock { $0 }, 0, "no read came back empty: the loop read the terminal only when it had a key")

        // While keys are typed, a change is still read at once.
        let count = reloads.times.withLock { $0.count }
        for k in 0..<20 {
            backend.feed(.key(k % 2 == 0 ? .down : .up))
            if k == 10 {
                let h = FileHandle(forWritingAtPath: folder + "/j5.jsonl")!
                h.seekToEndOfFile(); h.write(Data("{}\n".utf8)); h.closeFile()
            }
            usleep(20_000)
        }
        XCTAssertGreaterThan(reloads.times.withLock { $0.count }, count, "the change during typing was read")
        backend.feed(.key(.char("q")))
        backend.feed(.key(.char("q")))
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(code.withLock { $0 }, 0)
    }
}
