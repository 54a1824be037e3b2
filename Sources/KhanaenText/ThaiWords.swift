import CICU
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thai has no spaces between words, so finding where a line may break needs a
/// dictionary. libthai's segmenter is right where ICU's is not (ICU splits
/// บูรณาการ as บูรณ|า|การ); only libthai's runtime is installed, so it is loaded
/// at run time, and ICU, repaired, is the fallback on a machine without it.
public enum ThaiWords {
    public enum Segmenter: String, Sendable { case libthai, icu }

    /// Loads the word breaker and the Thai collator on another core: libthai reads its
    /// dictionary when first used, which would otherwise hold up the first wrapped title
    /// (about 7 ms) or the first sort by name. Called once the first frame is on screen;
    /// later calls do nothing.
    public static func prepareInBackground() { _ = preparing }

    private static let preparing: Void = DispatchQueue.global(qos: .utility).async {
        _ = breaks(inThaiRun: Array("ภาษาไทย".unicodeScalars))
        _ = ThaiCollator.shared.compare("ก", "ข")
    }

    /// The segmenter in use on this machine.
    public static var segmenter: Segmenter { LibThai.shared == nil ? .icu : .libthai }

    /// Offsets, in Unicode scalars and excluding 0 and the end, where words begin
    /// inside a run of Thai letters.
    public static func breaks(inThaiRun run: [Unicode.Scalar], using preferred: Segmenter? = nil) -> [Int] {
        if run.count < 2 { return [] }
        let raw: [Int]
        if let lib = LibThai.shared, preferred != .icu {
            raw = lib.breaks(run)
        } else {
            raw = icuBreaks(run)
        }
        return raw.filter { $0 > 0 && $0 < run.count && mayBreak(before: run[$0], after: run[$0 - 1]) }
    }

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
final class LibThai: @unchecked Sendable {
    typealias BrkNew = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    typealias FindBreaks = @convention(c) (OpaquePointer?, UnsafePointer<UInt32>?, UnsafeMutablePointer<Int32>?, Int) -> Int32

    static let shared: LibThai? = {
        if ProcessInfo.processInfo.environment["KHANAEN_NO_LIBTHAI"] != nil { return nil }
        return LibThai()
    }()

    private let brk: OpaquePointer
    private let findBreaks: FindBreaks
    private let lock = NSLock()

    private init?() {
        guard let handle = dlopen("libthai.so.0", RTLD_NOW) else { return nil }
        guard let newSym = dlsym(handle, "th_brk_new"), let findSym = dlsym(handle, "th_brk_wc_find_breaks") else { return nil }
        let new = unsafeBitCast(newSym, to: BrkNew.self)
        guard let brk = new(nil) else { return nil }
        self.brk = brk
        self.findBreaks = unsafeBitCast(findSym, to: FindBreaks.self)
    }

    func breaks(_ run: [Unicode.Scalar]) -> [Int] {
        var text = run.map { $0.value }
        text.append(0)
        var pos = [Int32](repeating: 0, count: run.count + 1)
        lock.lock()
        let n = text.withUnsafeBufferPointer { t in
            pos.withUnsafeMutableBufferPointer { p in
                findBreaks(brk, t.baseAddress, p.baseAddress, p.count)
            }
        }
        lock.unlock()
        if n <= 0 { return [] }
        return pos.prefix(Int(n)).map { Int($0) }
    }
}
