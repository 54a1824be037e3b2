import Foundation

/// Buffers that ledger files are read into, kept between reads: a fresh buffer of a few
/// hundred kilobytes costs a page fault for every 4 KiB the kernel copies into it, which on a
/// virtual machine is most of the time a read takes.
final class ReadBuffers: Sendable {
    static let shared = ReadBuffers()

    // An NSLock, not a Synchronization.Mutex: see NameTable (ThreadSanitizer).
    private let lock = NSLock()
    nonisolated(unsafe) private var idle: [[UInt8]] = []
    /// No more are kept than files are read at once; none larger than this.
    private let keepAtMost = 8, largestKept = 16 << 20

    /// A buffer of at least `count` bytes, for the caller alone until `give`.
    func take(atLeast count: Int) -> [UInt8] {
        let (found, tooSmall) = lock.withLock { () -> ([UInt8]?, [UInt8]?) in
            let fitting = idle.indices.filter { idle[$0].count >= count }.min { idle[$0].count < idle[$1].count }
            let found = fitting.map { idle.remove(at: $0) }
            // One too small is given back to malloc, which can then reuse its pages.
            let tooSmall = found == nil && !idle.isEmpty ? idle.removeLast() : nil
            return (found, tooSmall)
        }
        _ = tooSmall
        if let found { return found }
        // A power of two, so that the next file, a little longer, fits as well.
        let size = max(64 << 10, 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount))
        return [UInt8](repeating: 0, count: size)
    }

    /// Drops the idle buffers larger than `bytes`, giving their pages back.
    func release(largerThan bytes: Int) {
        let dropped = lock.withLock { () -> [[UInt8]] in
            let large = idle.filter { $0.count > bytes }
            idle.removeAll { $0.count > bytes }
            return large
        }
        _ = dropped
    }

    /// How many bytes the idle buffers hold (for the tests).
    var idleBytes: Int { lock.withLock { idle.reduce(0) { $0 + $1.count } } }

    func give(_ buffer: [UInt8]) {
        guard buffer.count <= largestKept else { return }
        lock.withLock {
            idle.append(buffer)
            if idle.count > keepAtMost, let k = idle.indices.min(by: { idle[$0].count < idle[$1].count }) { idle.remove(at: k) }
        }
    }
}
