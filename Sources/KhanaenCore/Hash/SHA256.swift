import CSHA256

/// SHA-256 (FIPS 180-4). Streaming, allocation-free after creation, so that the
/// ledger can hash tens of thousands of lines a load. The rounds run on the CPU's SHA
/// instructions where it has them (CSHA256), else in the portable code below.
/// Which rounds compute SHA-256: the CPU's SHA instructions, or the portable code. Passed as a
/// value, so that the tests and the benchmark check and time the portable rounds without a
/// switch that other threads would see.
public enum SHA256Rounds: Sendable {
    case hardware, portable

    /// The SHA instructions where the CPU has them.
    public static let best: SHA256Rounds = khanaen_sha256_hw_available() == 1 ? .hardware : .portable
}

public struct SHA256 {
    public let rounds: SHA256Rounds

    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    private var block = [UInt8](repeating: 0, count: 64)
    private var blockCount = 0
    private var totalBytes: UInt64 = 0

    public init(rounds: SHA256Rounds = .best) { self.rounds = rounds }

    public mutating func reset() {
        h0 = 0x6a09e667; h1 = 0xbb67ae85; h2 = 0x3c6ef372; h3 = 0xa54ff53a
        h4 = 0x510e527f; h5 = 0x9b05688c; h6 = 0x1f83d9ab; h7 = 0x5be0cd19
        blockCount = 0
        totalBytes = 0
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) { return done }
        update(Array(bytes))
    }

    public mutating func update(_ data: UnsafeRawBufferPointer) {
        var offset = 0
        let count = data.count
        totalBytes &+= UInt64(count)
        if blockCount > 0 {
            let take = min(64 - blockCount, count)
            for k in 0..<take { block[blockCount + k] = data[k] }
            blockCount += take
            offset = take
            if blockCount == 64 {
                block.withUnsafeBytes { compressBlocks($0.baseAddress!, 1) }
                blockCount = 0
            }
        }
        if count - offset >= 64 {
            let whole = (count - offset) / 64
            compressBlocks(data.baseAddress! + offset, whole)
            offset += whole * 64
        }
        if offset < count {
            for k in offset..<count { block[blockCount] = data[k]; blockCount += 1 }
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bitLength = totalBytes &* 8
        var padding: [UInt8] = [0x80]
        let afterOne = (blockCount + 1) % 64
        let zeros = afterOne <= 56 ? 56 - afterOne : 120 - afterOne
        padding.append(contentsOf: [UInt8](repeating: 0, count: zeros))
        for k in (0..<8).reversed() { padding.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(k) * 8))) }
        let saved = totalBytes
        padding.withUnsafeBytes { update($0) }
        totalBytes = saved
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            out.append(UInt8(word >> 24)); out.append(UInt8((word >> 16) & 0xff))
            out.append(UInt8((word >> 8) & 0xff)); out.append(UInt8(word & 0xff))
        }
        return out
    }

    /// SHA-256 of `prefix ‖ body ‖ last` in one pass through a caller-owned scratch buffer
    /// (at least body.count + 128 bytes): the ledger's per-line hash, without allocating.
    public static func digest(prefix: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer, last: UInt8,
                              scratch: UnsafeMutableRawBufferPointer, rounds: SHA256Rounds = .best) -> Digest {
        if rounds == .hardware && prefix.count == 32 {
            return lineDigest(previous: prefix.baseAddress!, body: body, last: last)
        }
        let length = prefix.count + body.count + 1
        let padded = (length + 9 + 63) / 64 * 64
        precondition(scratch.count >= padded)
        let base = scratch.baseAddress!
        base.copyMemory(from: prefix.baseAddress!, byteCount: prefix.count)
        if body.count > 0 { (base + prefix.count).copyMemory(from: body.baseAddress!, byteCount: body.count) }
        base.storeBytes(of: last, toByteOffset: length - 1, as: UInt8.self)
        base.storeBytes(of: 0x80, toByteOffset: length, as: UInt8.self)
        (base + length + 1).initializeMemory(as: UInt8.self, repeating: 0, count: padded - length - 1)
        let bits = UInt64(length) * 8
        for k in 0..<8 { base.storeBytes(of: UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64(k))), toByteOffset: padded - 8 + k, as: UInt8.self) }
        var h = SHA256(rounds: rounds)
        h.compressBlocks(UnsafeRawPointer(base), padded / 64)
        return Digest(h.h0, h.h1, h.h2, h.h3, h.h4, h.h5, h.h6, h.h7)
    }

    /// `digest(prefix:body:last:)` on the SHA instructions (only where `SHA256Rounds.best` is `.hardware`).
    static func lineDigest(previous: UnsafeRawPointer, body: UnsafeRawBufferPointer, last: UInt8) -> Digest {
        var s: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &s) { out in
            khanaen_sha256_hw_line(previous.assumingMemoryBound(to: UInt8.self), body.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                   body.count, last, out.baseAddress!.assumingMemoryBound(to: UInt32.self))
        }
        return Digest(s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7)
    }

    /// Two lines' `lineDigest`s at once (only on the SHA instructions): a ledger chunk is hashed as
    /// two runs of lines side by side.
    public static func lineDigests(previous a: UnsafeRawPointer, body bodyA: UnsafeRawBufferPointer,
                            previous b: UnsafeRawPointer, body bodyB: UnsafeRawBufferPointer, last: UInt8) -> (Digest, Digest) {
        var s: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var t = s
        withUnsafeMutableBytes(of: &s) { outA in
            withUnsafeMutableBytes(of: &t) { outB in
                khanaen_sha256_hw_lines2(a.assumingMemoryBound(to: UInt8.self), bodyA.baseAddress?.assumingMemoryBound(to: UInt8.self), bodyA.count,
                                         b.assumingMemoryBound(to: UInt8.self), bodyB.baseAddress?.assumingMemoryBound(to: UInt8.self), bodyB.count,
                                         last, outA.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                         outB.baseAddress!.assumingMemoryBound(to: UInt32.self))
            }
        }
        return (Digest(s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7), Digest(t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7))
    }

    private mutating func compressBlocks(_ p: UnsafeRawPointer, _ count: Int) {
        if rounds == .hardware {
            var s = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &s) { state in
                khanaen_sha256_hw_blocks(state.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), count)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = s
            return
        }
        for k in 0..<count { compress(UnsafeRawBufferPointer(start: p + 64 * k, count: 64)) }
    }

    public static func hash<C: Collection>(_ bytes: C, rounds: SHA256Rounds = .best) -> [UInt8] where C.Element == UInt8 {
        var h = SHA256(rounds: rounds)
        h.update(bytes)
        return h.finalize()
    }

    /// The round constants (one table, kept with the SHA instructions' code), in memory that
    /// is never freed, so the rounds read them without any checks.
    nonisolated(unsafe) static let roundConstants: UnsafePointer<UInt32> = khanaen_sha256_round_constants()

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    private mutating func compress(_ chunk: UnsafeRawBufferPointer) {
        let p = chunk.baseAddress!
        let k = SHA256.roundConstants
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
            let w = buffer.baseAddress!
            for i in 0..<16 {
                w[i] = p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).bigEndian
            }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x >> 3)
                let s1 = SHA256.rotr(y, 17) ^ SHA256.rotr(y, 19) ^ (y >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            for i in 0..<64 {
                let s1 = SHA256.rotr(e, 6) ^ SHA256.rotr(e, 11) ^ SHA256.rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = SHA256.rotr(a, 2) ^ SHA256.rotr(a, 13) ^ SHA256.rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                h = g; g = f; f = e; e = d &+ t1
                d = c; c = b; b = a; a = t1 &+ t2
            }
        }
        h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
        h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
    }
}

/// A SHA-256 value held without an allocation, for comparing and chaining.
public struct Digest: Equatable, Hashable, Sendable {
    public var a: UInt64, b: UInt64, c: UInt64, d: UInt64

    init(_ w0: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32, _ w4: UInt32, _ w5: UInt32, _ w6: UInt32, _ w7: UInt32) {
        a = UInt64(w0) << 32 | UInt64(w1); b = UInt64(w2) << 32 | UInt64(w3)
        c = UInt64(w4) << 32 | UInt64(w5); d = UInt64(w6) << 32 | UInt64(w7)
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        func word(_ k: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[k * 8 + $1]) } }
        a = word(0); b = word(1); c = word(2); d = word(3)
    }

    /// Reads 64 lower-case hex digits; nil for anything else.
    public init?(hex: UnsafeBufferPointer<UInt8>) {
        guard hex.count == 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for w in 0..<4 {
            var v: UInt64 = 0
            for k in 0..<16 {
                let c = hex[w * 16 + k]
                let d: UInt8
                if c >= 0x30 && c <= 0x39 { d = c - 0x30 } else if c >= 0x61 && c <= 0x66 { d = c - 0x57 } else { return nil }
                v = v << 4 | UInt64(d)
            }
            switch w {
            case 0: words.0 = v
            case 1: words.1 = v
            case 2: words.2 = v
            default: words.3 = v
            }
        }
        (a, b, c, d) = words
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [a, b, c, d] { for k in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: w >> (UInt64(k) * 8))) } }
        return out
    }

    /// The 32 bytes, big-endian, without an allocation.
    public var bytes32: (UInt64, UInt64, UInt64, UInt64) { (a.bigEndian, b.bigEndian, c.bigEndian, d.bigEndian) }

    public var hex: String { Hex.encode(bytes) }

    /// Whether 64 lower-case hex digits spell this digest.
    public func matches(hex: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hex.count == 64, let base = hex.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func word(_ w: UInt64, at offset: Int) -> Bool {
            raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == Digest.hexDigits(UInt32(truncatingIfNeeded: w >> 32))
                && raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) == Digest.hexDigits(UInt32(truncatingIfNeeded: w))
        }
        return word(a, at: 0) && word(b, at: 16) && word(c, at: 32) && word(d, at: 48)
    }

    /// The eight lower-case hex digits of `x`, most significant first, as the bytes of a
    /// little-endian word: every line's stored hash is compared eight digits at a time.
    @inline(__always)
    static func hexDigits(_ x: UInt32) -> UInt64 {
        var v = UInt64(x)
        v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF
        v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF
        v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F
        // Byte k now holds nibble k, the least significant first; a-f are 39 past '9' + 1.
        let letters = ((v &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = v &+ 0x3030_3030_3030_3030 &+ letters &* 39
        return ascii.byteSwapped.littleEndian
    }
}

public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hex only, as the ledger writes it.
    public static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        guard text.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(text.count / 2)
        var high: UInt8? = nil
        for c in text {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}
