import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A break in a ledger file's chain: the line at fault and what is wrong with it.
/// Events before it load; it and everything after it do not.
public struct LedgerBreak: Equatable, Sendable {
    public var line: Int
    public var message: String
}

/// One append-only ledger file (one judge's, or the chair's): what has been read of it
/// and verified, and the only code that reads or writes such a file.
///
/// Every read takes a shared lock and every append an exclusive one, so a reader never
/// sees half a line from a live writer: bytes after the last newline are a torn line
/// left by a crash, and are moved aside to `<file>.torn` before the next write.
public final class LedgerFile: @unchecked Sendable {
    public let path: String
    /// The judge id, or "chair": the file's owner, bound into its genesis hash.
    public let name: String
    public let genesis: Digest
    public private(set) var events: [LedgerEvent] = []
    /// Hash of the last intact line; the genesis hash while the file is empty.
    public private(set) var head: Digest
    public private(set) var broken: LedgerBreak?
    /// Things the reader did or noticed that a person should hear about (a torn line moved aside).
    public private(set) var warnings: [String] = []
    /// Bytes of the file read and verified so far.
    public private(set) var verifiedBytes = 0
    private var fileIdentity: (dev: UInt, ino: UInt)?

    public init(path: String, name: String, contestID: String) {
        self.path = path
        self.name = name
        self.genesis = LedgerLine.genesis(contestID: contestID, fileName: name)
        self.head = genesis
    }

    public var headHex: String { head.hex }
    public var lineCount: Int { events.count }

    public struct IOError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads whatever was appended since the last read (or everything, when the file was
    /// replaced or shortened). Returns whether anything changed.
    @discardableResult
    public func refresh() throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT {
                let changed = !events.isEmpty || broken != nil
                if changed { resetState() }
                return changed
            }
            throw ioError("cannot open")
        }
        defer { close(fd) }
        let before = (events.count, head, broken)
        try lock(fd, LOCK_SH)
        let torn = try readNew(fd)
        if torn > 0 {
            flock(fd, LOCK_UN)
            try repairTornTail()
        }
        return before.0 != events.count || before.1 != head || before.2 != broken
    }

    /// Appends events atomically: under the file's exclusive lock it first reads what other
    /// processes appended, lets `validate` see the file's events (throwing refuses the
    /// append and writes nothing), then writes the lines in one call and fsyncs before returning.
    @discardableResult
    public func append(_ drafts: [LedgerEvent], time: Int64 = Timestamp.nowMillis(),
                       validate: ([LedgerEvent]) throws -> Void = { _ in }) throws -> [LedgerEvent] {
        try append(time: time) { existing in
            try validate(existing)
            return drafts
        }
    }

    /// The general form of `append`: `prepare` sees the file's events as they are under the
    /// lock and returns the events to write (seq and time are filled in here). It must have no
    /// side effects: it may run twice.
    @discardableResult
    public func append(time: Int64 = Timestamp.nowMillis(), prepare: ([LedgerEvent]) throws -> [LedgerEvent]) throws -> [LedgerEvent] {
        let existed = access(path, F_OK) == 0
        if !existed {
            // A refused first change must not leave an empty file behind: check before creating.
            // The check runs again under the lock, where it counts.
            if try prepare([]).isEmpty { return [] }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw ioError("cannot open for writing") }
        defer { close(fd) }
        try lock(fd, LOCK_EX)
        if !existed { syncDirectory() }
        let torn = try readNew(fd)
        if torn > 0 { try moveTornTail(fd, tornBytes: torn) }
        if let broken {
            throw IOError(description: "\(path):\(broken.line): \(broken.message); nothing was written (run khanaen verify)")
        }
        let drafts = try prepare(events)
        var bytes: [UInt8] = []
        var written: [LedgerEvent] = []
        var previous = head
        for (k, draft) in drafts.enumerated() {
            var e = draft
            e.seq = events.count + k + 1
            e.time = time
            let (line, hash) = LedgerLine.encode(e, previous: previous)
            bytes.append(contentsOf: line)
            previous = hash
            written.append(e)
        }
        if written.isEmpty { return [] }
        try writeAll(fd, bytes)
        if fsync(fd) != 0 {
            let message = ioError("cannot sync").description
            _ = ftruncate(fd, off_t(verifiedBytes))
            throw IOError(description: message)
        }
        events.append(contentsOf: written)
        head = previous
        verifiedBytes += bytes.count
        return written
    }

    // MARK: reading

    private func resetState() {
        events = []
        head = genesis
        broken = nil
        verifiedBytes = 0
    }

    /// Reads and verifies complete lines after `verifiedBytes`; returns the number of
    /// bytes after the last newline (a torn line, since the caller holds a lock).
    private func readNew(_ fd: Int32) throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ioError("cannot stat") }
        let identity = (UInt(st.st_dev), UInt(st.st_ino))
        let size = Int(st.st_size)
        if let known = fileIdentity, known != identity || size < verifiedBytes { resetState() }
        if fileIdentity == nil && verifiedBytes > 0 { resetState() }
        fileIdentity = identity
        if broken != nil || size == verifiedBytes { return 0 }
        let wanted = size - verifiedBytes
        let buffer = ReadBuffers.shared.take(atLeast: wanted)
        defer { ReadBuffers.shared.give(buffer) }
        var got = 0
        while got < wanted {
            let n = pread(fd, buffer.baseAddress! + got, wanted - got, off_t(verifiedBytes + got))
            if n < 0 { if errno == EINTR { continue }; throw ioError("cannot read") }
            if n == 0 { break }
            got += n
        }
        let bytes = buffer.baseAddress!.bindMemory(to: UInt8.self, capacity: got)
        return consumeLines(UnsafeBufferPointer(start: bytes, count: got))
    }

    /// Verifies and takes the complete lines of `data`; returns the bytes after the last newline.
    ///
    /// Every line carries its own hash, so line n can be checked against the hash stored in
    /// line n − 1 without first checking line n − 1: a long file is cut into chunks checked on
    /// all cores at once, and the chunks are then taken in order up to the first break, which
    /// is exactly what reading line by line would find.
    private func consumeLines(_ data: UnsafeBufferPointer<UInt8>) -> Int {
        var ends: [Int] = []
        ends.reserveCapacity(data.count / 150 + 1)
        var k = 0
        while let nl = indexOfNewline(data, from: k) {
            ends.append(nl)
            k = nl + 1
        }
        let complete = ends.last.map { $0 + 1 } ?? 0
        if ends.isEmpty { return data.count }

        let firstSeq = events.count + 1
        let chunkCount = Parallel.runs(ends.count, minimum: 2048)
        let perChunk = (ends.count + chunkCount - 1) / chunkCount
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        let startHead = head
        // Each chunk writes its events straight into its own part of one array, so that no
        // event is copied after it is read.
        let fresh = [LedgerEvent](unsafeUninitializedCapacity: ends.count) { buffer, count in
            let base = buffer.baseAddress!
            chunks.withUnsafeMutableBufferPointer { out in
                DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
                    let from = c * perChunk, to = min(ends.count, from + perChunk)
                    out[c] = LedgerFile.verify(data, ends: ends, lines: from..<to, firstSeq: firstSeq, head: startHead, into: base + from)
                }
            }
            // Chunks count up to the first break; every chunk before it is whole, so their
            // events are contiguous. The events of chunks after the break are dropped.
            var kept = 0
            var afterBreak = false
            for (c, chunk) in chunks.enumerated() {
                if afterBreak {
                    (base + c * perChunk).deinitialize(count: chunk.count)
                } else {
                    kept += chunk.count
                    afterBreak = chunk.broken != nil
                }
            }
            count = kept
        }
        if events.isEmpty { events = fresh } else { events.append(contentsOf: fresh) }
        var verified = verifiedBytes
        for chunk in chunks {
            if let last = chunk.head { head = last }
            verified += chunk.bytes
            if let b = chunk.broken {
                broken = b
                break
            }
        }
        verifiedBytes = verified
        if broken != nil { return 0 }
        return data.count - complete
    }

    private struct Chunk {
        /// Events written, in order, from the chunk's first line.
        var count = 0
        var head: Digest? = nil
        var bytes = 0
        var broken: LedgerBreak? = nil
    }

    /// Checks lines `lines` (indexes into `ends`) on their own: first every line's shape and
    /// hash, then their fields in order. The first line at fault is the
    /// one reading line by line would find, shape before hash before fields.
    private static func verify(_ data: UnsafeBufferPointer<UInt8>, ends: [Int], lines: Range<Int>, firstSeq: Int, head: Digest,
                               into out: UnsafeMutablePointer<LedgerEvent>) -> Chunk {
        var chunk = Chunk()
        guard !lines.isEmpty else { return chunk }
        func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] + 1 }
        func line(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: data[start(i)..<ends[i]]) }

        var previous = head
        if lines.lowerBound > 0 {
            // The hash stored in the line before this chunk: if that line is damaged, the chunk
            // before reports it first.
            guard let stored = LedgerLine.storedHash(line(lines.lowerBound - 1)) else {
                chunk.broken = LedgerBreak(line: firstSeq + lines.lowerBound - 1, message: "not a ledger line")
                return chunk
            }
            previous = stored
        }

        // Shapes and hashes.
        var shapes = Shapes(lines: lines, previous: previous)
        if SHA256.useHardware {
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
                    chunk.broken = LedgerBreak(line: number, message: "seq is \(event.seq), expected \(number): a line was deleted, inserted or moved")
                    return chunk
                }
                (out + chunk.count).initialize(to: event)
                chunk.count += 1
                chunk.head = hashes[j - lines.lowerBound]
                chunk.bytes += ends[j] + 1 - start(j)
            } catch let e as LedgerLine.LineError {
                chunk.broken = LedgerBreak(line: number, message: e.message)
                return chunk
            } catch {
                chunk.broken = LedgerBreak(line: number, message: "\(error)")
                return chunk
            }
        }
        if firstBad < lines.upperBound {
            chunk.broken = LedgerBreak(line: firstSeq + firstBad, message: badMessage)
        }
        return chunk
    }

    /// Each line's shape and hash in a chunk: where its hash member starts, the hash it has,
    /// and the first line at fault with its message.
    private struct Shapes {
        let lines: Range<Int>
        let previous: Digest
        var firstBad: Int
        var badMessage = ""
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
                badMessage = (error as? LedgerLine.LineError)?.message ?? "\(error)"
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
    private func indexOfNewline(_ data: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < data.count else { return nil }
        let base = data.baseAddress! + from
        guard let p = memchr(base, 0x0A, data.count - from) else { return nil }
        return from + (UnsafeRawPointer(p) - UnsafeRawPointer(base))
    }

    // MARK: torn tails

    private func repairTornTail() throws {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        if fd < 0 {
            warnings.append("\(path): ends in a torn line that cannot be moved aside here (no write access); it is ignored")
            return
        }
        defer { close(fd) }
        try lock(fd, LOCK_EX)
        let torn = try readNew(fd)
        if torn > 0 { try moveTornTail(fd, tornBytes: torn) }
    }

    /// Copies the torn bytes to `<file>.torn` (appending, synced) and only then cuts them
    /// from the ledger, so they are never lost. Caller holds the exclusive lock.
    private func moveTornTail(_ fd: Int32, tornBytes: Int) throws {
        var torn = [UInt8](repeating: 0, count: tornBytes)
        let n = torn.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, tornBytes, off_t(verifiedBytes)) }
        guard n == tornBytes else { throw ioError("cannot read the torn line") }
        let asidePath = path + ".torn"
        let aside = open(asidePath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard aside >= 0 else { throw IOError(description: "\(asidePath): cannot write the torn line aside: \(String(cString: strerror(errno)))") }
        defer { close(aside) }
        let header = Array("# \(Timestamp.format(Timestamp.nowMillis())) torn after line \(events.count) of \(path), \(tornBytes) bytes:\n".utf8)
        try writeAll(aside, header + torn + [0x0A])
        guard fsync(aside) == 0 else { throw IOError(description: "\(asidePath): cannot sync") }
        guard ftruncate(fd, off_t(verifiedBytes)) == 0, fsync(fd) == 0 else { throw ioError("cannot cut the torn line") }
        warnings.append("\(path): a torn final line (\(tornBytes) bytes, left by an interrupted write) was moved to \(asidePath)")
    }

    // MARK: system calls

    private func lock(_ fd: Int32, _ op: Int32) throws {
        while flock(fd, op) != 0 {
            if errno != EINTR { throw ioError("cannot lock") }
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = ioError("cannot write").description
                _ = ftruncate(fd, off_t(verifiedBytes))
                throw IOError(description: message)
            }
            done += n
        }
    }

    private func syncDirectory() {
        var dir = path
        if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]) } else { dir = "." }
        let fd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private func ioError(_ what: String) -> IOError {
        IOError(description: "\(path): \(what): \(String(cString: strerror(errno)))")
    }
}

