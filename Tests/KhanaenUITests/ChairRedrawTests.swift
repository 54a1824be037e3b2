import Synchronization
import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// What the console draws after a result arrives from another core, and what it says when a
/// file of the ledger cannot be read.
final class ChairRedrawTests: XCTestCase {
    /// Answers each reload with the next of `answers`, sent at once.
    final class Answers: Sendable {
        let left: Mutex<[[ChairMsg]]>
        init(_ answers: [[ChairMsg]]) { left = Mutex(answers) }

        func perform(_ effect: ChairEffect, _ inbox: Inbox<ChairMsg>) {
            guard case .reload = effect else { return }
            for m in left.withLock({ $0.isEmpty ? [] : $0.removeFirst() }) { inbox.send(m) }
        }
    }

    private func run(_ state: ChairState, reloads answers: [[ChairMsg]]) -> (TestBackend, ChairState) {
        let backend = TestBackend(width: 80, height: 24, inputs: Array(repeating: .idle, count: answers.count))
        let performer = Answers(answers)
        let runtime = Runtime<ChairProgram>(state: state, backend: backend) { performer.perform($0, $1) }
        runtime.idleTimeout = 1
        _ = runtime.run()
        return (backend, runtime.state)
    }

    func testAMethodNotOnScreenComputedDrawsNothing() {
        let book = ChairTests.book(), summary = ChairTests.summary()
        let s = ChairTests.state(book, summary, started: false)
        let other = Method.allCases.first { $0 != s.method && $0 != s.official }!
        let (backend, after) = run(s, reloads: [
            [.computed(generation: s.generation, other, ChairTests.computed(book, summary, other))],
            [.computed(generation: s.generation, s.method, ChairTests.computed(book, summary, s.method))],
        ])
        XCTAssertNotNil(after.allMethods[other], "the result is kept")
        XCTAssertEqual(backend.frames.count, 2, "the first frame, and one for the method on screen; none for the other")
    }

    func testEveryMethodIsDrawnWhereTheScreenShowsThemAll() {
        let book = ChairTests.book(), summary = ChairTests.summary()
        var s = ChairTests.state(book, summary, started: false)
        s.tab = .methods
        let other = Method.allCases.first { $0 != s.method && $0 != s.official }!
        let (backend, _) = run(s, reloads: [[.computed(generation: s.generation, other, ChairTests.computed(book, summary, other))]])
        XCTAssertEqual(backend.frames.count, 2)
    }

    func testAnUnreadableLedgerIsSaidBesideTheDataLastRead() {
        let book = ChairTests.book(), summary = ChairTests.summary()
        var s = ChairTests.state(book, summary)
        let results = s.results
        ChairUpdate.update(&s, .ledgerUnreadable("ledger/j1/j1.jsonl: Permission denied"))
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.contains("Permission denied"), s.status!.text)
        XCTAssertEqual(s.results, results, "the data last read stays")
        let footer = ChairView.render(s).lines.last!
        XCTAssertTrue(footer.contains(s.strings.ledgerNotIntact), footer)
        s.tab = .integrity
        s.status = nil
        XCTAssertTrue(ChairView.render(s).lines.joined().contains("Permission denied"), "on the integrity screen")
        // A read that succeeds takes the alarm away.
        ChairUpdate.update(&s, .data(ChairTests.data(book, summary)))
        XCTAssertNil(s.readProblem)
    }
}
