import Foundation

/// Buffers that ledger files are read into, kept between reads: a fresh buffer of a few
/// hundred kilobytes costs a page fault for every 4 KiB the kernel copies into it, which on a
/// virtual machine is most of the time a read takes.
final class ReadBuffers: @unchecked Sendable {
    static let shared = ReadBuffers()

    private let lock = NSLock()
    private var idle: [UnsafeMutableRawBufferPointer] = []
    /// No more are kept than files are read at once; none larger than this.
    private let keepAtMost = 8, largestKept = 16 << 20

    /// A buffer of at least `count` bytes, not zeroed, for the caller alone until `give`.
    func take(atLeast count: Int) -> UnsafeMutableRawBufferPointer {
        lock.lock()
        let fitting = idle.indices.filter { idle[$0].count >= count }.min { idle[$0].count < idle[$1].count }
        let found = fitting.map { idle.remove(at: $0) }
        // One too small is given back to malloc, which can then reuse its pages.
        let tooSmall = found == nil && !idle.isEmpty ? idle.removeLast() : nil
        lock.unlock()
        if let found { return found }
        tooSmall?.deallocate()
        // A power of two, so that the next file, a little longer, fits as well.
        let size = max(64 << 10, 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount))
        return .allocate(byteCount: size, alignment: 16)
    }

    func give(_ buffer: UnsafeMutableRawBufferPointer) {
        lock.lock()
        var dropped: UnsafeMutableRawBufferPointer? = buffer
        if buffer.count <= largestKept {
            idle.append(buffer)
            dropped = nil
            if idle.count > keepAtMost, let k = idle.indices.min(by: { idle[$0].count < idle[$1].count }) {
                dropped = idle.remove(at: k)
            }
        }
        lock.unlock()
        dropped?.deallocate()
    }
}
