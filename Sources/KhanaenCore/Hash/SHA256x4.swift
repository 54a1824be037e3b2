/// SHA-256 of four independent messages at once, one in each lane of SIMD4 vectors: the
/// same rounds as `SHA256`, so the ledger's lines (each hashed on its own, see LedgerFile)
/// are checked about as fast as the vector unit allows.
public enum SHA256x4 {
    typealias V = SIMD4<UInt32>

    /// `messages[k]` points at a padded message of `blocks[k]` 64-byte blocks (k < count ≤ 4).
    public static func digests(_ messages: [UnsafeRawPointer], blocks: [Int]) -> [Digest] {
        let count = messages.count
        precondition(count >= 1 && count <= 4 && blocks.count == count)
        var h0 = V(repeating: 0x6a09e667), h1 = V(repeating: 0xbb67ae85), h2 = V(repeating: 0x3c6ef372), h3 = V(repeating: 0xa54ff53a)
        var h4 = V(repeating: 0x510e527f), h5 = V(repeating: 0x9b05688c), h6 = V(repeating: 0x1f83d9ab), h7 = V(repeating: 0x5be0cd19)
        let most = blocks.max()!
        let k = SHA256.roundConstants
        withUnsafeTemporaryAllocation(of: V.self, capacity: 64) { buffer in
            let w = buffer.baseAddress!
            for b in 0..<most {
                var live = SIMDMask<SIMD4<Int32>>(repeating: false)
                for lane in 0..<count where b < blocks[lane] { live[lane] = true }
                for t in 0..<16 {
                    var v = V(repeating: 0)
                    for lane in 0..<count where b < blocks[lane] {
                        v[lane] = messages[lane].loadUnaligned(fromByteOffset: b * 64 + 4 * t, as: UInt32.self).bigEndian
                    }
                    w[t] = v
                }
                for t in 16..<64 {
                    let x = w[t - 15], y = w[t - 2]
                    let s0 = ((x &>> 7) ^ (x &>> 18) ^ (x &>> 3)) ^ ((x &<< 25) ^ (x &<< 14))
                    let s1 = ((y &>> 17) ^ (y &>> 19) ^ (y &>> 10)) ^ ((y &<< 15) ^ (y &<< 13))
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h0, bb = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                for t in 0..<64 {
                    let s1 = ((e &>> 6) ^ (e &>> 11) ^ (e &>> 25)) ^ ((e &<< 26) ^ (e &<< 21) ^ (e &<< 7))
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ V(repeating: k[t]) &+ w[t]
                    let s0 = ((a &>> 2) ^ (a &>> 13) ^ (a &>> 22)) ^ ((a &<< 30) ^ (a &<< 19) ^ (a &<< 10))
                    let maj = (a & bb) ^ (a & c) ^ (bb & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = bb; bb = a; a = t1 &+ t2
                }
                // A lane whose message has ended keeps its state.
                h0.replace(with: h0 &+ a, where: live); h1.replace(with: h1 &+ bb, where: live)
                h2.replace(with: h2 &+ c, where: live); h3.replace(with: h3 &+ d, where: live)
                h4.replace(with: h4 &+ e, where: live); h5.replace(with: h5 &+ f, where: live)
                h6.replace(with: h6 &+ g, where: live); h7.replace(with: h7 &+ h, where: live)
            }
        }
        return (0..<count).map { Digest(h0[$0], h1[$0], h2[$0], h3[$0], h4[$0], h5[$0], h6[$0], h7[$0]) }
    }

    // The rotations are written as shifts grouped right and left: written as rotations, the
    // compiler turns them into scalar rotates, lane by lane, since SSE2 has no vector rotate.

    /// Pads `prefix ‖ body ‖ last` as SHA-256 does, into `out`; returns the number of blocks.
    public static func pad(prefix: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer, last: UInt8, into out: UnsafeMutableRawPointer) -> Int {
        let length = prefix.count + body.count + 1
        let padded = (length + 9 + 63) / 64 * 64
        out.copyMemory(from: prefix.baseAddress!, byteCount: prefix.count)
        if body.count > 0 { (out + prefix.count).copyMemory(from: body.baseAddress!, byteCount: body.count) }
        out.storeBytes(of: last, toByteOffset: length - 1, as: UInt8.self)
        out.storeBytes(of: 0x80, toByteOffset: length, as: UInt8.self)
        (out + length + 1).initializeMemory(as: UInt8.self, repeating: 0, count: padded - length - 1)
        out.storeBytes(of: (UInt64(length) * 8).bigEndian, toByteOffset: padded - 8, as: UInt64.self)
        return padded / 64
    }
}
