import Foundation
import Synchronization

/// Work split over the machine's cores, in safe Swift: each run computes its own array and
/// hands it over once, under a lock.
enum Parallel {
    /// The cores to split work over (read once: Foundation reads the cgroup's files on every call).
    static let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// How many runs to split `count` items into: one per core when there are at least
    /// `minimum` of them (below that, splitting costs more than it saves), else one.
    static func runs(_ count: Int, minimum: Int = 64) -> Int { count >= minimum ? cores : 1 }

    /// `(0..<count).map(body)`, computed in `runs(count, minimum:)` runs of indexes at once.
    static func map<T: Sendable>(_ count: Int, minimum: Int = 64, _ body: @Sendable (Int) -> T) -> [T] {
        let runs = runs(count, minimum: minimum)
        if runs == 1 { return (0..<count).map(body) }
        let perRun = (count + runs - 1) / runs
        return runsOf(runs) { r in (r * perRun..<min(count, (r + 1) * perRun)).map(body) }.flatMap { $0 }
    }

    /// `(0..<count).map(body)` with every item a task of its own: for a few large items of
    /// unequal size (a judge's fold), which runs of consecutive items would balance badly.
    static func each<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count < 2 || cores == 1 { return (0..<count).map(body) }
        return runsOf(count, body)
    }

    /// `body(0) … body(runs - 1)`, at once on the cores, in order.
    private static func runsOf<T: Sendable>(_ runs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let done = Results<T>(runs)
        DispatchQueue.concurrentPerform(iterations: runs) { r in done.put(r, body(r)) }
        return done.all
    }

    /// Each run's result, handed over once.
    private final class Results<T: Sendable>: Sendable {
        private let slots: Mutex<[T?]>

        init(_ count: Int) { slots = Mutex([T?](repeating: nil, count: count)) }

        func put(_ k: Int, _ value: T) { slots.withLock { $0[k] = value } }

        var all: [T] { slots.withLock { $0.map { $0! } } }
    }
}
