import CICU
import Foundation

/// Thai dictionary order (leading vowels เ แ โ ใ ไ sort by the consonant after them),
/// from ICU's collator for `th`; code-point order where ICU cannot open one.
public final class ThaiCollator: @unchecked Sendable {
    public static let shared = ThaiCollator()

    private let collator: UnsafeMutableRawPointer?
    private let lock = NSLock()

    private init() {
        collator = khanaen_collator_open("th")
    }

    public func compare(_ a: String, _ b: String) -> ComparisonResult {
        guard let collator else { return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending) }
        var a = a, b = b
        lock.lock()
        defer { lock.unlock() }
        let r = a.withUTF8 { pa in
            b.withUTF8 { pb in
                pa.withMemoryRebound(to: CChar.self) { ca in
                    pb.withMemoryRebound(to: CChar.self) { cb in
                        khanaen_collator_compare_utf8(collator, ca.baseAddress, Int32(ca.count), cb.baseAddress, Int32(cb.count))
                    }
                }
            }
        }
        return r < 0 ? .orderedAscending : (r > 0 ? .orderedDescending : .orderedSame)
    }

    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool { compare(a, b) == .orderedAscending }

    public func sorted(_ strings: [String]) -> [String] { strings.sorted(by: areInIncreasingOrder) }
}
