import CICU
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The rules of Thai text that need no dictionary.
public enum ThaiWords {
    /// Whether a line may start at `next` when `previous` ends the line before it:
    /// never before a dependent vowel, SARA AM, a tone mark, ๆ or ฯ, and never after a leading vowel.
    public static func mayBreak(before next: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        let n = next.value, p = previous.value
        if n == 0x0E2F || n == 0x0E46 || (n >= 0x0E30 && n <= 0x0E3A) || (n >= 0x0E45 && n <= 0x0E4E) { return false }
        if p >= 0x0E40 && p <= 0x0E44 { return false }
        return true
    }

    static func isThaiLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v >= 0x0E01 && v <= 0x0E4E && !(v >= 0x0E3F && v <= 0x0E3F)
    }
}

/// Where words begin inside a run of Thai letters. Thai has no spaces between words, so this
/// needs a dictionary: libthai's segmenter is right where ICU's is not (ICU splits บูรณาการ
/// as บูรณ|า|การ). Only libthai's runtime is installed on these machines, so it is opened at
/// run time (`ThaiText.load`), and ICU, repaired, is the fallback on a machine without it.
/// `plain` needs nothing opened: it breaks only at spaces and between scripts.
public struct WordBreaker: Sendable {
    public enum Engine: String, Sendable { case plain, libthai, icu }

    private enum Source: Sendable {
        case plain
        case libthai(LibThai)
        case icu
    }

    private let source: Source

    public static let plain = WordBreaker(source: .plain)
    /// ICU's word breaks, repaired (what is used when libthai is missing).
    public static let icu = WordBreaker(source: .icu)

    private init(source: Source) { self.source = source }

    /// libthai's, where its runtime and dictionary can be opened.
    public static func libthai() -> WordBreaker? { LibThai().map { WordBreaker(source: .libthai($0)) } }

    public var engine: Engine {
        switch source {
        case .plain: return .plain
        case .libthai: return .libthai
        case .icu: return .icu
        }
    }

    /// Offsets, in Unicode scalars and excluding 0 and the end, where words begin inside a
    /// run of Thai letters.
    public func breaks(inThaiRun run: [Unicode.Scalar]) -> [Int] {
        if run.count < 2 { return [] }
        let raw: [Int]
        switch source {
        case .plain: return []
        case .libthai(let lib): raw = lib.breaks(run)
        case .icu: raw = WordBreaker.icuBreaks(run)
        }
        return raw.filter { $0 > 0 && $0 < run.count && ThaiWords.mayBreak(before: run[$0], after: run[$0 - 1]) }
    }

    private static func icuBreaks(_ run: [Unicode.Scalar]) -> [Int] {
        // Thai letters are all in the BMP: one UTF-16 unit per scalar.
        let units = run.map { UInt16(truncatingIfNeeded: $0.value) }
        var out = [Int32](repeating: 0, count: units.count + 1)
        let n = units.withUnsafeBufferPointer { u in
            out.withUnsafeMutableBufferPointer { o in
                khanaen_word_breaks(u.baseAddress, Int32(u.count), o.baseAddress, Int32(o.count))
            }
        }
        if n <= 0 { return [] }
        return out.prefix(Int(min(n, Int32(out.count)))).map { Int($0) }
    }
}

/// libthai's word breaker, opened with dlopen so that only the runtime package is needed.
/// Its breaker is not safe to call from two threads at once: calls take turns.
final class LibThai: Sendable {
    typealias BrkNew = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    typealias FindBreaks = @convention(c) (OpaquePointer?, UnsafePointer<UInt32>?, UnsafeMutablePointer<Int32>?, Int) -> Int32

    private struct Handle: @unchecked Sendable {
        // The library's breaker object, used only under `handle`'s lock.
        let brk: OpaquePointer
        let findBreaks: FindBreaks
    }

    private let handle: Mutex<Handle>

    init?() {
        if ProcessInfo.processInfo.environment["KHANAEN_NO_LIBTHAI"] != nil { return nil }
        guard let lib = dlopen("libthai.so.0", RTLD_NOW) else { return nil }
        guard let newSym = dlsym(lib, "th_brk_new"), let findSym = dlsym(lib, "th_brk_wc_find_breaks") else { return nil }
        let new = unsafeBitCast(newSym, to: BrkNew.self)
        guard let brk = new(nil) else { return nil }
        handle = Mutex(Handle(brk: brk, findBreaks: unsafeBitCast(findSym, to: FindBreaks.self)))
    }

    func breaks(_ run: [Unicode.Scalar]) -> [Int] {
        var text = run.map { $0.value }
        text.append(0)
        var pos = [Int32](repeating: 0, count: run.count + 1)
        let n = handle.withLock { h in
            text.withUnsafeBufferPointer { t in
                pos.withUnsafeMutableBufferPointer { p in h.findBreaks(h.brk, t.baseAddress, p.baseAddress, p.count) }
            }
        }
        if n <= 0 { return [] }
        return pos.prefix(Int(n)).map { Int($0) }
    }
}
