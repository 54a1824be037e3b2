import CICU
import Foundation
import Synchronization

/// Thai dictionary order (leading vowels เ แ โ ใ ไ sort by the consonant after them), from
/// ICU's collator for `th`; `codePoint` order where ICU cannot open one, or before it is.
public struct ThaiCollator: Sendable {
    private let icu: ICUCollator?

    /// Code-point order: needs nothing opened.
    public static let codePoint = ThaiCollator(icu: nil)

    private init(icu: ICUCollator?) { self.icu = icu }

    /// ICU's Thai collation (opens ICU); code-point order without it.
    public static func load() -> ThaiCollator { ThaiCollator(icu: ICUCollator("th")) }

    public var isDictionaryOrder: Bool { icu != nil }

    public func compare(_ a: String, _ b: String) -> ComparisonResult {
        guard let icu else { return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending) }
        return icu.compare(a, b)
    }

    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool { compare(a, b) == .orderedAscending }

    public func sorted(_ strings: [String]) -> [String] { strings.sorted(by: areInIncreasingOrder) }
}

/// An ICU collator: not safe to call from two threads at once, so calls take turns.
private final class ICUCollator: Sendable {
    private struct Handle: @unchecked Sendable {
        // ICU's collator object, used only under `handle`'s lock.
        let collator: UnsafeMutableRawPointer
    }

    private let handle: Mutex<Handle>

    init?(_ locale: String) {
        guard let c = khanaen_collator_open(locale) else { return nil }
        handle = Mutex(Handle(collator: c))
    }

    func compare(_ a: String, _ b: String) -> ComparisonResult {
        var a = a, b = b
        let r = handle.withLock { h in
            a.withUTF8 { pa in
                b.withUTF8 { pb in
                    pa.withMemoryRebound(to: CChar.self) { ca in
                        pb.withMemoryRebound(to: CChar.self) { cb in
                            khanaen_collator_compare_utf8(h.collator, ca.baseAddress, Int32(ca.count), cb.baseAddress, Int32(cb.count))
                        }
                    }
                }
            }
        }
        return r < 0 ? .orderedAscending : (r > 0 ? .orderedDescending : .orderedSame)
    }
}

/// The Thai word breaker and collator a screen is drawn with, as one value: loaded once, by
/// an effect, off the main loop, and handed to the views, so that a frame depends on its
/// inputs alone and a view never opens a library.
public struct ThaiText: Sendable {
    public let words: WordBreaker
    public let collator: ThaiCollator

    public init(words: WordBreaker, collator: ThaiCollator) {
        self.words = words
        self.collator = collator
    }

    /// What a screen has before anything is loaded: breaks at spaces and between scripts,
    /// code-point order.
    public static let plain = ThaiText(words: .plain, collator: .codePoint)

    /// libthai's word breaks (ICU's, repaired, without it) and ICU's Thai order: opens the
    /// libraries and reads libthai's dictionary (about 7 ms).
    public static func load() -> ThaiText {
        let words = WordBreaker.libthai() ?? .icu
        _ = words.breaks(inThaiRun: Array("ภาษาไทย".unicodeScalars))
        return ThaiText(words: words, collator: .load())
    }
}
