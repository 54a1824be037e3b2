/// xoshiro256** (Blackman and Vigna, 2018): the bootstrap's generator. Small, fast and well
/// tested; seeded through SplitMix64 as its authors recommend, so that any 64-bit seed gives a
/// usable state.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        (s0, s1, s2, s3) = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    /// One of many independent streams of a seed: stream k's numbers depend on the seed and k
    /// alone, so work split into streams gives the same numbers however it is spread over cores.
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: Xoshiro256StarStar.mix(seed) ^ Xoshiro256StarStar.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The raw state, for checking the generator against the authors' reference outputs.
    init(state: (UInt64, UInt64, UInt64, UInt64)) { (s0, s1, s2, s3) = state }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in 0..<n, without bias (Lemire's multiply and reject). n must be above 0.
    @inline(__always)
    public mutating func below(_ n: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: n)
        if m.low < n {
            let floor = (0 &- n) % n
            while m.low < floor { m = next().multipliedFullWidth(by: n) }
        }
        return m.high
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// SplitMix64's output function: spreads nearby inputs (seeds 1, 2, 3; streams 0, 1, 2) far apart.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
