import Foundation

/// Work split over the machine's cores.
enum Parallel {
    /// The cores to split work over (read once: Foundation reads the cgroup's files on every call).
    static let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// How many runs to split `count` items into: one per core when there are at least
    /// `minimum` of them (below that, splitting costs more than it saves), else one.
    static func runs(_ count: Int, minimum: Int = 64) -> Int { count >= minimum ? cores : 1 }

    /// `(0..<count).map(body)`, computed in `runs(count, minimum:)` runs of indexes at once.
    static func map<T>(_ count: Int, minimum: Int = 64, _ body: (Int) -> T) -> [T] {
        let runs = runs(count, minimum: minimum)
        if runs == 1 { return (0..<count).map(body) }
        let perRun = (count + runs - 1) / runs
        return withoutActuallyEscaping(body) { body in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: runs) { r in
                    for k in (r * perRun)..<min(count, (r + 1) * perRun) { (base + k).initialize(to: body(k)) }
                }
                initialized = count
            }
        }
    }
}
