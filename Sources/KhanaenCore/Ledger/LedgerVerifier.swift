import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads ledger lines out of bytes and checks them: each line's shape, its hash against the
/// chain, then its fields. One of the two places where the code works on raw memory (the
/// other is the hash): a contest of 500 entries and 20 judges has 80,000 lines to check
/// before its first frame. `LedgerLine.parseFields` is its slow twin, held to it by tests.
enum LedgerVerifier {
    struct Outcome {
        var events: [LedgerEvent]
        /// The hash of each line of `events`, when every hash was asked for.
        var hashes: [Digest]
        /// The hashes of the lines (by seq) asked for in `watch`.
        var watched: [Int: Digest]
        /// The hash of the last intact line; the given head when there is none.
        var head: Digest
        /// Bytes of the intact lines, from the start of the data.
        var bytes: Int
        /// The first line at fault, numbered as the file's lines (`lineOffset` added).
        var broken: LedgerBreak?
        /// Bytes after the last newline, when nothing is broken: an unfinished line.
        var pending: Int
    }

    /// Verifies and takes the complete lines of `data`, which follow a line whose hash is
    /// `head` and whose seq is `firstSeq - 1`.
    ///
    /// Every line carries its own hash, so line n can be checked against the hash stored in
    /// line n − 1 without first checking line n − 1: a long file is cut into chunks checked on
    /// all cores at once, and the chunks are then taken in order up to the first break, which
    /// is exactly what reading line by line would find.
    /// `keepAll` keeps every line's hash (the chair's file, a few hundred lines); otherwise
    /// only those of the lines whose seq is in `watch` (what checkpoints recorded): 80,000
    /// hashes would be 2.5 MB that the first frame waits for.
    static func verify(_ data: UnsafeBufferPointer<UInt8>, firstSeq: Int, head startHead: Digest, lineOffset: Int,
                       keepAll: Bool = false, watch: Set<Int> = [], rounds: SHA256Rounds = .best) -> Outcome {
        var ends: [Int] = []
        ends.reserveCapacity(data.count / 150 + 1)
        var k = 0
        while let nl = indexOfNewline(data, from: k) {
            ends.append(nl)
            k = nl + 1
        }
        let complete = ends.last.map { $0 + 1 } ?? 0
        if ends.isEmpty { return Outcome(events: [], hashes: [], watched: [:], head: startHead, bytes: 0, broken: nil, pending: data.count) }

        let chunkCount = Parallel.runs(ends.count, minimum: 2048)
        let perChunk = (ends.count + chunkCount - 1) / chunkCount
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        let lineEnds = ends
        // Each chunk writes its events and their hashes straight into its own part of two
        // arrays, so that nothing is copied after it is read. Chunks count up to the first
        // break; every chunk before it is whole, so what they wrote is contiguous; what the
        // chunks after the break wrote is dropped.
        var kept = 0
        var events: [LedgerEvent] = []
        let hashes = [Digest](unsafeUninitializedCapacity: keepAll ? ends.count : 0) { hashBuffer, hashCount in
            events = [LedgerEvent](unsafeUninitializedCapacity: ends.count) { eventBuffer, eventCount in
                let eventBase = eventBuffer.baseAddress!, hashBase = keepAll ? hashBuffer.baseAddress : nil
                chunks.withUnsafeMutableBufferPointer { out in
                    let place = ChunkPlaces(data: data, events: eventBase, hashes: hashBase, chunks: out.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
                        let from = c * perChunk, to = min(lineEnds.count, from + perChunk)
                        place.chunks[c] = verify(place.data, ends: lineEnds, lines: from..<to, firstSeq: firstSeq, head: startHead,
                                                 lineOffset: lineOffset, watch: watch, rounds: rounds, into: place.events + from,
                                                 hashesOut: place.hashes.map { $0 + from })
                    }
                }
                var afterBreak = false
                for (c, chunk) in chunks.enumerated() {
                    if afterBreak {
                        (eventBase + c * perChunk).deinitialize(count: chunk.count)
                        hashBase.map { ($0 + c * perChunk).deinitialize(count: chunk.count) }
                    } else {
                        kept += chunk.count
                        afterBreak = chunk.broken != nil
                    }
                }
                eventCount = kept
            }
            hashCount = keepAll ? kept : 0
        }
        var outcome = Outcome(events: events, hashes: hashes, watched: [:], head: startHead, bytes: 0, broken: nil, pending: 0)
        for chunk in chunks {
            for (seq, hash) in chunk.watched { outcome.watched[seq] = hash }
            if let last = chunk.head { outcome.head = last }
            outcome.bytes += chunk.bytes
            if let b = chunk.broken {
                outcome.broken = b
                break
            }
        }
        if outcome.broken == nil { outcome.pending = data.count - complete }
        return outcome
    }

    /// Where the chunks verified at once read and write: the data, shared read-only, and
    /// each chunk's own, disjoint part of the outputs. The one place the compiler is told
    /// that pointers may cross threads; it holds because no two chunks touch the same element.
    private struct ChunkPlaces: @unchecked Sendable {
        let data: UnsafeBufferPointer<UInt8>
        let events: UnsafeMutablePointer<LedgerEvent>
        let hashes: UnsafeMutablePointer<Digest>?
        let chunks: UnsafeMutablePointer<Chunk>
    }

    private struct Chunk {
        /// Events (and their hashes) written, in order, from the chunk's first line.
        var count = 0
        var head: Digest? = nil
        var bytes = 0
        var broken: LedgerBreak? = nil
        /// The hashes of the watched lines among the chunk's intact ones.
        var watched: [(Int, Digest)] = []
    }

    /// Checks lines `lines` (indexes into `ends`) on their own: first every line's shape and
    /// hash, then their fields in order. The first line at fault is the
    /// one reading line by line would find, shape before hash before fields.
    private static func verify(_ data: UnsafeBufferPointer<UInt8>, ends: [Int], lines: Range<Int>, firstSeq: Int, head: Digest,
                               lineOffset: Int, watch: Set<Int>, rounds: SHA256Rounds, into out: UnsafeMutablePointer<LedgerEvent>,
                               hashesOut: UnsafeMutablePointer<Digest>?) -> Chunk {
        var chunk = Chunk()
        guard !lines.isEmpty else { return chunk }
        func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] + 1 }
        func line(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: data[start(i)..<ends[i]]) }

        var previous = head
        if lines.lowerBound > 0 {
            // The hash stored in the line before this chunk: if that line is damaged, the chunk
            // before reports it first.
            guard let stored = LedgerLine.storedHash(line(lines.lowerBound - 1)) else {
                chunk.broken = LedgerBreak(line: firstSeq + lines.lowerBound - 1 + lineOffset, words: Phrase("ไม่ใช่บรรทัดของสมุดคะแนน", "not a ledger line"))
                return chunk
            }
            previous = stored
        }

        // Shapes and hashes.
        var shapes = Shapes(lines: lines, previous: previous)
        if rounds == .hardware {
            shapes.hashInTwoRuns(line)
        } else {
            shapes.hashInFourLanes(line, ends: ends, start: start)
        }
        let firstBad = shapes.firstBad, badMessage = shapes.badMessage
        let memberStart = shapes.memberStart, hashes = shapes.hashes

        // Fields, in order, up to the first bad shape or hash.
        var names = LedgerLine.NameCache()
        for j in lines.lowerBound..<firstBad {
            let number = firstSeq + j
            do {
                let event = try LedgerLine.event(line(j), hashMemberStart: memberStart[j - lines.lowerBound], names: &names)
                if event.seq != number {
                    chunk.broken = LedgerBreak(line: number + lineOffset, words: Phrase("seq เป็น \(event.seq) แต่ควรเป็น \(number): มีบรรทัดถูกลบ แทรก หรือย้าย",
                                                                                       "seq is \(event.seq), expected \(number): a line was deleted, inserted or moved"))
                    return chunk
                }
                (out + chunk.count).initialize(to: event)
                hashesOut.map { ($0 + chunk.count).initialize(to: hashes[j - lines.lowerBound]) }
                if !watch.isEmpty && watch.contains(number) { chunk.watched.append((number, hashes[j - lines.lowerBound])) }
                chunk.count += 1
                chunk.head = hashes[j - lines.lowerBound]
                chunk.bytes += ends[j] + 1 - start(j)
            } catch let e as LedgerLine.LineError {
                chunk.broken = LedgerBreak(line: number + lineOffset, words: e.words)
                return chunk
            } catch {
                chunk.broken = LedgerBreak(line: number + lineOffset, message: "\(error)")
                return chunk
            }
        }
        if firstBad < lines.upperBound {
            chunk.broken = LedgerBreak(line: firstSeq + firstBad + lineOffset, words: badMessage)
        }
        return chunk
    }

    /// Each line's shape and hash in a chunk: where its hash member starts, the hash it has,
    /// and the first line at fault with its message.
    private struct Shapes {
        let lines: Range<Int>
        let previous: Digest
        var firstBad: Int
        var badMessage = Phrase("", "")
        var memberStart: [Int]
        var hashes: [Digest]

        init(lines: Range<Int>, previous: Digest) {
            self.lines = lines
            self.previous = previous
            firstBad = lines.upperBound
            memberStart = [Int](repeating: 0, count: lines.count)
            hashes = [Digest](repeating: previous, count: lines.count)
        }

        mutating func fail(_ j: Int, _ error: Error) {
            if j < firstBad {
                firstBad = j
                badMessage = (error as? LedgerLine.LineError)?.words ?? Phrase("\(error)", "\(error)")
            }
        }

        /// On the SHA instructions, two lines at a time: the chunk is cut into two runs of
        /// lines hashed side by side, each chaining from the hash it just computed; the second
        /// run's first line takes its predecessor's hash from the text.
        mutating func hashInTwoRuns(_ line: (Int) -> UnsafeBufferPointer<UInt8>) {
            let second = lines.lowerBound + (lines.count + 1) / 2
            var beforeA = previous
            // Nil once the second run has stopped at a line at fault (or before it starts,
            // when its predecessor has no readable hash: that line fails in the first run).
            var beforeB: Digest? = second < lines.upperBound ? LedgerLine.storedHash(line(second - 1)) : nil
            for a in lines.lowerBound..<second {
                let b = second + (a - lines.lowerBound)
                let textA = line(a)
                let memberA: Int
                do {
                    memberA = try LedgerLine.hashMemberStart(textA)
                } catch {
                    // Every line of the second run comes after it.
                    fail(a, error)
                    return
                }
                memberStart[a - lines.lowerBound] = memberA
                let bodyA = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: textA[0..<memberA]))
                var prevA = beforeA.bytes32
                var digestA: Digest
                if b < lines.upperBound, let previousB = beforeB, let memberB = memberStartOrFail(b, line(b)) {
                    let bodyB = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line(b)[0..<memberB]))
                    var prevB = previousB.bytes32
                    let digestB: Digest
                    (digestA, digestB) = withUnsafeBytes(of: &prevA) { pa in
                        withUnsafeBytes(of: &prevB) { pb in
                            SHA256.lineDigests(previous: pa.baseAddress!, body: bodyA, previous: pb.baseAddress!, body: bodyB, last: UInt8(ascii: "}"))
                        }
                    }
                    do {
                        try LedgerLine.checkStoredHash(line(b), equals: digestB)
                        hashes[b - lines.lowerBound] = digestB
                        beforeB = digestB
                    } catch {
                        fail(b, error)
                        beforeB = nil
                    }
                } else {
                    if b < lines.upperBound { beforeB = nil }
                    digestA = withUnsafeBytes(of: &prevA) { SHA256.lineDigest(previous: $0.baseAddress!, body: bodyA, last: UInt8(ascii: "}")) }
                }
                do {
                    try LedgerLine.checkStoredHash(textA, equals: digestA)
                } catch {
                    fail(a, error)
                    return
                }
                hashes[a - lines.lowerBound] = digestA
                beforeA = digestA
            }
        }

        /// Where line `j`'s hash member starts, or nil with the line failed.
        private mutating func memberStartOrFail(_ j: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int? {
            do {
                let member = try LedgerLine.hashMemberStart(text)
                memberStart[j - lines.lowerBound] = member
                return member
            } catch {
                fail(j, error)
                return nil
            }
        }

        /// The portable way: the chunk is cut into four runs of lines, one per SIMD lane, so a
        /// lane's next line chains from the hash it just computed; only a run's first line
        /// takes its predecessor's hash from the text.
        mutating func hashInFourLanes(_ line: (Int) -> UnsafeBufferPointer<UInt8>, ends: [Int], start: (Int) -> Int) {
                let longest = lines.map { ends[$0] - start($0) }.max() ?? 0
                let laneBytes = (longest + 32 + 9 + 63) / 64 * 64 + 64
                let buffers = UnsafeMutableRawPointer.allocate(byteCount: laneBytes * 4, alignment: 16)
                defer { buffers.deallocate() }
                let runLength = (lines.count + 3) / 4
                var next = (0..<4).map { lines.lowerBound + $0 * runLength }
                let stop = (0..<4).map { min(lines.upperBound, lines.lowerBound + ($0 + 1) * runLength) }
                var chain: [Digest?] = (0..<4).map { k in
                    let first = lines.lowerBound + k * runLength
                    if k == 0 { return previous }
                    return first < lines.upperBound ? LedgerLine.storedHash(line(first - 1)) : nil
                }
                while true {
                    var active: [Int] = []
                    var pointers: [UnsafeRawPointer] = []
                    var blocks: [Int] = []
                    for k in 0..<4 where next[k] < stop[k] && next[k] < firstBad {
                        let j = next[k]
                        let text = line(j)
                        guard let before = chain[k] else {
                            // The run's predecessor has no readable hash; that line fails in its own run.
                            next[k] = stop[k]
                            continue
                        }
                        do {
                            memberStart[j - lines.lowerBound] = try LedgerLine.hashMemberStart(text)
                        } catch {
                            fail(j, error)
                            next[k] = stop[k]
                            continue
                        }
                        var prev = before.bytes32
                        let body = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[0..<memberStart[j - lines.lowerBound]]))
                        let lane = buffers + active.count * laneBytes
                        blocks.append(withUnsafeBytes(of: &prev) { SHA256x4.pad(prefix: $0, body: body, last: UInt8(ascii: "}"), into: lane) })
                        pointers.append(UnsafeRawPointer(lane))
                        active.append(k)
                    }
                    if active.isEmpty { break }
                    for (lane, digest) in SHA256x4.digests(pointers, blocks: blocks).enumerated() {
                        let k = active[lane], j = next[k]
                        do {
                            try LedgerLine.checkStoredHash(line(j), equals: digest)
                            hashes[j - lines.lowerBound] = digest
                            chain[k] = digest
                            next[k] += 1
                        } catch {
                            fail(j, error)
                            next[k] = stop[k]
                        }
                    }
                }
        }
    }

    @inline(__always)
    private static func indexOfNewline(_ data: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < data.count else { return nil }
        let base = data.baseAddress! + from
        guard let p = memchr(base, 0x0A, data.count - from) else { return nil }
        return from + (UnsafeRawPointer(p) - UnsafeRawPointer(base))
    }
}
