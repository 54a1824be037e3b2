import XCTest
@testable import KhanaenCore

final class SHA256Tests: XCTestCase {
    private func hex(_ s: String) -> String { Hex.encode(SHA256.hash(Array(s.utf8))) }

    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf" and the short/long message vectors).
    func testNISTVectors() {
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(Hex.encode(SHA256.hash([UInt8]([0xbd]))), "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b")
    }

    func testStreamingInPiecesEqualsOneShot() {
        var rng = SplitMix64(seed: 7)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 200, 1000] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var h = SHA256()
            var k = 0
            while k < data.count {
                let n = Int.random(in: 1...70, using: &rng)
                h.update(Array(data[k..<min(data.count, k + n)]))
                k += n
            }
            XCTAssertEqual(h.finalize(), SHA256.hash(data), "length \(length)")
        }
    }

    func testDigestOfConcatenationMatchesStreaming() {
        let prefix = SHA256.hash(Array("x".utf8))
        for length in [0, 20, 22, 23, 86, 87, 150, 300] {
            let body = [UInt8](repeating: 0x41, count: length)
            var scratch = [UInt8](repeating: 0, count: length + 256)
            let d = prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in scratch.withUnsafeMutableBytes {
                SHA256.digest(prefix: p, body: b, last: 0x7D, scratch: $0)
            } } }
            XCTAssertEqual(d.bytes, SHA256.hash(prefix + body + [0x7D]), "length \(length)")
            XCTAssertTrue(Array(d.hex.utf8).withUnsafeBufferPointer { d.matches(hex: $0) })
        }
    }

    /// A digest matches its own 64 lower-case hex digits and nothing else: not with any one
    /// digit changed, not in upper case.
    func testDigestMatchesExactlyItsOwnHex() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<50 {
            let d = Digest(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })!
            let hex = Array(d.hex.utf8)
            XCTAssertTrue(hex.withUnsafeBufferPointer { d.matches(hex: $0) })
            XCTAssertEqual(hex.withUnsafeBufferPointer { Digest(hex: $0) }, d)
            for k in 0..<64 {
                var changed = hex
                changed[k] = changed[k] == UInt8(ascii: "0") ? UInt8(ascii: "f") : UInt8(ascii: "0")
                XCTAssertFalse(changed.withUnsafeBufferPointer { d.matches(hex: $0) }, "digit \(k)")
            }
            let upper = Array(d.hex.uppercased().utf8)
            if upper != hex { XCTAssertFalse(upper.withUnsafeBufferPointer { d.matches(hex: $0) }) }
        }
    }

    /// The SHA instructions and the portable rounds give the same hashes, through every path.
    func testSHAInstructionsAgreeWithThePortableRounds() throws {
        guard SHA256Rounds.best == .hardware else { throw XCTSkip("this CPU has no SHA instructions") }
        var rng = SplitMix64(seed: 11)
        let prefix = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for length in Array(0...300) + [1000, 4096, 10_001] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var scratch = [UInt8](repeating: 0, count: length + 256)
            func both(_ rounds: SHA256Rounds) -> ([UInt8], Digest) {
                let line = prefix.withUnsafeBytes { p in data.withUnsafeBytes { b in scratch.withUnsafeMutableBytes {
                    SHA256.digest(prefix: p, body: b, last: 0x7D, scratch: $0, rounds: rounds)
                } } }
                return (SHA256.hash(data, rounds: rounds), line)
            }
            let fast = both(.hardware)
            let portable = both(.portable)
            XCTAssertEqual(fast.0, portable.0, "length \(length)")
            XCTAssertEqual(fast.1, portable.1, "line of length \(length)")
            XCTAssertEqual(portable.1.bytes, SHA256.hash(prefix + data + [0x7D], rounds: .portable), "length \(length)")
        }
    }
}

extension SHA256Tests {
    /// Two lines hashed at once give each line's hash, for every pair of lengths that makes
    /// one, two, three or more blocks, equal or not.
    func testTwoLinesAtOnceAgreeWithOneAtATime() throws {
        guard SHA256Rounds.best == .hardware else { throw XCTSkip("this CPU has no SHA instructions") }
        var rng = SplitMix64(seed: 7)
        let lengths = Array(0...200) + [250, 286, 287, 300, 1000]
        for round in 0..<600 {
            let la = lengths[round % lengths.count], lb = lengths[(round * 37 + 11) % lengths.count]
            let a = (0..<la).map { _ in UInt8.random(in: 0...255, using: &rng) }, b = (0..<lb).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let pa = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }, pb = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let (da, db) = pa.withUnsafeBytes { pa in pb.withUnsafeBytes { pb in a.withUnsafeBytes { a in b.withUnsafeBytes { b in
                SHA256.lineDigests(previous: pa.baseAddress!, body: a, previous: pb.baseAddress!, body: b, last: 0x7D)
            } } } }
            XCTAssertEqual(da.bytes, SHA256.hash(pa + a + [0x7D]), "lengths \(la), \(lb)")
            XCTAssertEqual(db.bytes, SHA256.hash(pb + b + [0x7D]), "lengths \(la), \(lb)")
        }
    }
}

final class SHA256x4Tests: XCTestCase {
    /// Four lanes of mixed lengths, and fewer than four, give what the one-lane SHA-256 gives.
    func testLanesAgreeWithTheScalarHash() {
        var rng = SplitMix64(seed: 42)
        for round in 0..<200 {
            let count = round % 4 + 1
            let bodies = (0..<count).map { _ in (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
            let prefix = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let buffers = bodies.map { _ in UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16) }
            defer { for b in buffers { b.deallocate() } }
            let blocks = zip(bodies, buffers).map { body, buffer in
                prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in SHA256x4.pad(prefix: p, body: b, last: 0x7D, into: buffer) } }
            }
            let got = SHA256x4.digests(buffers.map { UnsafeRawPointer($0) }, blocks: blocks)
            for (k, body) in bodies.enumerated() {
                XCTAssertEqual(got[k].bytes, SHA256.hash(prefix + body + [0x7D]), "round \(round) lane \(k) length \(body.count)")
            }
        }
    }
}
