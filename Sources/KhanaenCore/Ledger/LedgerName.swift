import Foundation
import Synchronization

/// An id written in ledger lines (a judge, an entry, a criterion, a chair's login), held as
/// a number into a table of every id the program has met. A contest's ids are a few hundred
/// strings repeated across tens of thousands of lines: an event holds three 4-byte names
/// instead of three Strings, which keeps it small and free of reference counting, and two
/// names compare as two numbers.
public struct LedgerName: Hashable, Sendable, CustomStringConvertible {
    let handle: UInt32

    public init(_ text: String) { handle = NameTable.shared.handle(for: text) }

    init(handle: UInt32) { self.handle = handle }

    public var text: String { NameTable.shared.text(handle) }
    public var description: String { text }
}

/// Every id met so far, each once: an interning table, only ever added to, shared by every
/// thread that reads a ledger (a process-wide constant whose contents grow, as a string
/// pool does). Ids are never removed: there are as many as a contest has judges, entries
/// and criteria.
final class NameTable: Sendable {
    static let shared = NameTable()

    private struct Names {
        var texts: [String] = []
        var handles: [String: UInt32] = [:]
    }

    // An NSLock (a pthread mutex), not a Synchronization.Mutex: ThreadSanitizer sees a
    // pthread mutex's ordering, but not that of Mutex's futex on Linux, and reported every
    // parallel read of a ledger as a race here (docs/performance.md "Sanitizers").
    private let lock = NSLock()
    nonisolated(unsafe) private var names = Names()

    func handle(for text: String) -> UInt32 {
        lock.withLock {
            if let known = names.handles[text] { return known }
            precondition(names.texts.count < Int(UInt32.max), "more distinct ledger ids than a 32-bit table holds")
            let handle = UInt32(names.texts.count)
            names.texts.append(text)
            names.handles[text] = handle
            return handle
        }
    }

    func text(_ handle: UInt32) -> String { lock.withLock { names.texts[Int(handle)] } }
}
