import KhanaenText
#if canImport(Glibc)
import Glibc
#endif

/// The text of one ledger line and its hash chain (docs/ledger.md):
///
///     {"v":1,"seq":3,"ts":"…","actor":"j1","kind":"score","entry":"e01","criterion":"c3","value":20.5,"hash":"<64 hex>"}
///
/// The canonical bytes of a line are the line without its final `,"hash":"…"` member;
/// hash = SHA-256(previous line's hash, 32 raw bytes ‖ canonical bytes).
public enum LedgerLine {
    public static let formatVersion = 1
    /// `,"hash":"` + 64 hex digits + `"}`
    static let hashSuffixLength = 75

    /// The hash the first line chains from, bound to the contest and to the file's owner
    /// so that a line cannot be moved to another contest or another judge's file.
    public static func genesis(contestID: String, fileName: String) -> Digest {
        Digest(bytes: SHA256.hash(Array("khanaen-ledger/1\n\(contestID)\n\(fileName)".utf8)))!
    }

    /// The canonical bytes of an event (no hash member, no newline).
    public static func canonical(_ e: LedgerEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        func key(_ k: StaticString) {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        out.append(contentsOf: Array("{\"v\":\(formatVersion)".utf8))
        key("seq"); out.append(contentsOf: Array(String(e.seq).utf8))
        key("ts"); JSONWriter.appendString(Timestamp.format(e.time), to: &out)
        key("actor"); JSONWriter.appendString(e.actor, to: &out)
        key("kind"); JSONWriter.appendString(e.kind.rawValue, to: &out)
        if let j = e.judge { key("judge"); JSONWriter.appendString(j, to: &out) }
        if e.kind != .checkpoint && e.kind != .method && e.kind != .advance && e.kind != .assign && e.kind != .fork { key("entry"); JSONWriter.appendString(e.entry, to: &out) }
        if let c = e.criterion { key("criterion"); JSONWriter.appendString(c, to: &out) }
        if let v = e.value { key("value"); out.append(contentsOf: Array(JSONWriter.numberText(v).utf8)) }
        if let r = e.ref { key("ref"); out.append(contentsOf: Array(String(r).utf8)) }
        if let u = e.undoes { key("undoes"); out.append(contentsOf: Array(String(u).utf8)) }
        if let t = e.tier { key("tier"); JSONWriter.appendString(t, to: &out) }
        if let t = e.topic, e.kind != .advance { key("topic"); JSONWriter.appendString(t, to: &out) }
        if let o = e.outcome { key("outcome"); JSONWriter.appendString(o, to: &out) }
        if let pairs = e.pairs {
            key("pairs")
            out.append(UInt8(ascii: "{"))
            for (k, p) in pairs.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(p.entry, to: &out)
                out.append(contentsOf: Array(":[".utf8))
                for (m, j) in p.judges.enumerated() {
                    if m > 0 { out.append(UInt8(ascii: ",")) }
                    JSONWriter.appendString(j, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        if let t = e.text {
            if e.kind == .note { key("text") } else { key("reason") }
            JSONWriter.appendString(t, to: &out)
        }
        if let seal = e.advanceSeal { key("seal"); JSONWriter.appendString(seal, to: &out) }
        if let c = e.checkpoint {
            key("heads")
            out.append(UInt8(ascii: "{"))
            for (k, h) in c.heads.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(h.file, to: &out)
                out.append(contentsOf: Array(":{\"lines\":\(h.lines),\"head\":".utf8))
                JSONWriter.appendString(h.hash, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "}"))
            key("rules"); JSONWriter.appendString(c.rules, to: &out)
            if let i = c.identity {
                key("identity")
                out.append(contentsOf: Array("{\"panel\":".utf8)); JSONWriter.appendString(i.panel, to: &out)
                out.append(contentsOf: Array(",\"entries\":".utf8)); JSONWriter.appendString(i.entries, to: &out)
                out.append(contentsOf: Array(",\"eligibility\":".utf8)); JSONWriter.appendString(i.eligibility, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            if let seal = c.seal { key("seal"); JSONWriter.appendString(seal, to: &out) }
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The full line (with hash and newline) and its hash.
    public static func encode(_ e: LedgerEvent, previous: Digest) -> (line: [UInt8], hash: Digest) {
        var c = canonical(e)
        var h = SHA256()
        h.update(previous.bytes)
        h.update(c)
        let hash = Digest(bytes: h.finalize())!
        c.removeLast()
        c.append(contentsOf: Array(",\"hash\":\"".utf8))
        c.append(contentsOf: Array(Hex.encode(hash.bytes).utf8))
        c.append(contentsOf: Array("\"}\n".utf8))
        return (c, hash)
    }

    /// Why a line is not a ledger line, in both languages; what it echoes of the line is
    /// kept as terminal-safe text.
    public struct LineError: Error, Equatable, Sendable {
        public var words: Phrase
        public init(_ th: String, _ en: String) { words = Phrase(th.terminalSafe, en.terminalSafe) }
        public var message: String { words.en }
    }

    /// Where the line's final `,"hash":"…"}` member starts; throws when the line is not shaped so.
    static func hashMemberStart(_ line: UnsafeBufferPointer<UInt8>) throws -> Int {
        let n = line.count
        guard n > hashSuffixLength + 2, line[0] == UInt8(ascii: "{"), line[n - 1] == UInt8(ascii: "}"), line[n - 2] == UInt8(ascii: "\"") else {
            throw LineError("ไม่ใช่บรรทัดของสมุดคะแนน", "not a ledger line")
        }
        let suffixStart = n - hashSuffixLength
        // `,"hash":"` as one word and a byte: every line is checked.
        let marker = UnsafeRawPointer(line.baseAddress! + suffixStart)
        guard marker.loadUnaligned(as: UInt64.self) == hashMarkerWord, marker.load(fromByteOffset: 8, as: UInt8.self) == UInt8(ascii: "\"") else {
            throw LineError("บรรทัดไม่ได้จบด้วยช่อง \"hash\"", "the line does not end with its \"hash\" member")
        }
        return suffixStart
    }

    /// The bytes `,"hash":` as a little-endian word.
    private static var hashMarkerWord: UInt64 { 0x3A22_6873_6168_222C }

    /// Throws unless the line's stored hash is `hash`.
    static func checkStoredHash(_ line: UnsafeBufferPointer<UInt8>, equals hash: Digest) throws {
        let stored = UnsafeBufferPointer(rebasing: line[(line.count - 66)..<(line.count - 2)])
        if !hash.matches(hex: stored) {
            if Hex.decode(stored)?.count != 32 { throw LineError("\"hash\" ไม่ใช่เลขฐานสิบหกตัวพิมพ์เล็ก 64 หลัก", "\"hash\" is not 64 lower-case hex digits") }
            throw LineError("ค่าแฮชไม่ตรง: บรรทัดนี้หรือบรรทัดใดก่อนมันถูกแก้ไข", "hash does not match: the line was changed, or a line before it was")
        }
    }

    /// The event a line records (its hash already checked). `names` carries the ids of the
    /// lines before, so a file's thousands of repeats of one entry id are one String.
    static func event(_ line: UnsafeBufferPointer<UInt8>, hashMemberStart: Int, names: inout NameCache) throws -> LedgerEvent {
        let body = UnsafeBufferPointer(rebasing: line[0..<hashMemberStart])
        if let e = commonEvent(body, names: &names) { return e }
        return try parseFields(body, names: &names)
    }

    /// The score, clear and submit lines Khanaen writes (nearly every line), read by
    /// matching their fixed layout. nil sends the line to `parseFields`, which gives the
    /// same event for anything this accepts, and names the fault of anything wrong.
    static func commonEvent(_ body: UnsafeBufferPointer<UInt8>, names: inout NameCache) -> LedgerEvent? {
        let n = body.count
        var i = 0
        @inline(__always) func literal(_ text: StaticString) -> Bool {
            let m = text.utf8CodeUnitCount
            guard i + m <= n else { return false }
            let here = UnsafeRawPointer(body.baseAddress! + i), expected = UnsafeRawPointer(text.utf8Start)
            var k = 0
            while k + 8 <= m {
                if here.loadUnaligned(fromByteOffset: k, as: UInt64.self) != expected.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k += 8
            }
            while k < m {
                if here.load(fromByteOffset: k, as: UInt8.self) != expected.load(fromByteOffset: k, as: UInt8.self) { return false }
                k += 1
            }
            i += m
            return true
        }
        /// A string of printable ASCII without escapes, up to and past its closing quote.
        @inline(__always) func plain() -> UnsafeBufferPointer<UInt8>? {
            let from = i
            if let length = LedgerLine.plainLength(body, from: from) {
                i = from + length + 1
                return UnsafeBufferPointer(rebasing: body[from..<(from + length)])
            }
            while i < n {
                let b = body[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return UnsafeBufferPointer(rebasing: body[from..<(i - 1)])
                }
                if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { return nil }
                i += 1
            }
            return nil
        }
        guard literal("{\"v\":1,\"seq\":"), i < n, body[i] >= 0x31 && body[i] <= 0x39 else { return nil }
        var seq = 0, seqDigits = 0
        while i < n && body[i] >= 0x30 && body[i] <= 0x39 && seqDigits < 12 {
            seq = seq * 10 + Int(body[i] - 0x30)
            seqDigits += 1
            i += 1
        }
        guard literal(",\"ts\":\""), i + 25 <= n, body[i + 24] == UInt8(ascii: "\""),
              let time = Timestamp.parse(UnsafeBufferPointer(rebasing: body[i..<(i + 24)]), memo: &names.day) else { return nil }
        i += 25
        guard literal(",\"actor\":\""), let actor = plain(), literal(",\"kind\":\""), let kindName = plain(),
              let kind = kindNamed(kindName), literal(",\"entry\":\""), let entry = plain() else { return nil }
        var criterion: LedgerName? = nil, value: Double? = nil
        switch kind {
        case .submit:
            break
        case .clear, .score:
            guard literal(",\"criterion\":\""), let c = plain() else { return nil }
            criterion = names.name(c)
            if kind == .score {
                guard literal(",\"value\":"), let (v, end) = JSONScanner.simpleNumber(body, from: i),
                      isShortestScore(body, from: i, to: end, value: v) else { return nil }
                value = v
                i = end
            }
        default:
            return nil
        }
        guard i == n else { return nil }
        return LedgerEvent(seq: seq, time: time, actor: names.name(actor), kind: kind, entry: names.name(entry),
                           criterion: criterion, value: value)
    }

    /// Whether `body[from..<to]`, a number `simpleNumber` read as `value`, is exactly what
    /// `JSONWriter.numberText(value)` writes, for the scores this reader takes: no sign, no
    /// trailing zero after the point (`5.0`, `20.50`), at most four decimals, not below 0.001.
    /// Anything else (`-0`, `-5`, `0.00001`) goes to the general reader, which re-encodes it.
    @inline(__always)
    static func isShortestScore(_ body: UnsafeBufferPointer<UInt8>, from: Int, to: Int, value: Double) -> Bool {
        if body[from] == UInt8(ascii: "-") { return false }
        var point = from
        while point < to && body[point] != UInt8(ascii: ".") { point += 1 }
        if point == to { return true }
        return to - point - 1 <= 4 && body[to - 1] != UInt8(ascii: "0") && value >= 0.001
    }

    /// The length of a string of up to 15 bytes of printable ASCII without escapes that starts
    /// at `from` and ends at a quote, found eight bytes at a time; nil when that is not what
    /// is there (the caller then reads byte by byte, which also finds the faults).
    @inline(__always)
    static func plainLength(_ body: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        #if _endian(little)
        guard from + 16 <= body.count else { return nil }
        let p = UnsafeRawPointer(body.baseAddress! + from)
        let w0 = p.loadUnaligned(as: UInt64.self), w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // The high bit of each byte that is zero; exact up to the first such byte, which is
        // all that is used below.
        @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        @inline(__always) func bad(_ w: UInt64) -> UInt64 {
            (w & highs) | ((w &- ones &* 0x20) & ~w & highs) | zeroBytes(w ^ (ones &* 0x5C))
        }
        let q0 = zeroBytes(w0 ^ (ones &* 0x22)), q1 = zeroBytes(w1 ^ (ones &* 0x22))
        let length: Int
        if q0 != 0 {
            length = q0.trailingZeroBitCount / 8
            let before: UInt64 = length == 0 ? 0 : ~0 >> (64 - 8 * length)
            if bad(w0) & before != 0 { return nil }
        } else if q1 != 0 {
            length = 8 + q1.trailingZeroBitCount / 8
            let before: UInt64 = length == 8 ? 0 : ~0 >> (64 - 8 * (length - 8))
            if bad(w0) != 0 || bad(w1) & before != 0 { return nil }
        } else {
            return nil
        }
        return length
        #else
        return nil
        #endif
    }

    /// The ids already read, by their bytes: an id of up to 15 bytes is packed into two words
    /// that pick one of 64 slots, so a file's thousands of repeats cost a compare, not a
    /// decode and a look-up in the table of names.
    struct NameCache {
        /// The date of the last timestamp read.
        var day = Timestamp.DayMemo()
        private var keys = [(UInt64, UInt64)](repeating: (0, 0), count: 64)
        private var names = [LedgerName](repeating: LedgerName(handle: 0), count: 64)

        mutating func name(_ raw: UnsafeBufferPointer<UInt8>) -> LedgerName {
            let n = raw.count
            guard n > 0 && n <= 15 else { return LedgerName(String(decoding: raw, as: UTF8.self)) }
            var low: UInt64 = 0, high = UInt64(n) << 56
            for k in 0..<min(n, 8) { low |= UInt64(raw[k]) << (8 * UInt64(k)) }
            if n > 8 { for k in 8..<n { high |= UInt64(raw[k]) << (8 * UInt64(k - 8)) } }
            let slot = Int(truncatingIfNeeded: ((low &+ high &* 31) &* 0x9E37_79B9_7F4A_7C15) >> 58)
            if keys[slot] == (low, high) { return names[slot] }
            let name = LedgerName(String(decoding: raw, as: UTF8.self))
            keys[slot] = (low, high)
            names[slot] = name
            return name
        }
    }

    /// The hash a line says it has, without checking it; nil when the line has no hash member.
    public static func storedHash(_ line: UnsafeBufferPointer<UInt8>) -> Digest? {
        let n = line.count
        guard n > hashSuffixLength + 2 else { return nil }
        return Digest(hex: UnsafeBufferPointer(rebasing: line[(n - 66)..<(n - 2)]))
    }

    private enum Key { case v, seq, ts, actor, kind, judge, entry, criterion, value, ref, tier, text, reason, heads, rules, seal, undoes, outcome, topic, identity, pairs }

    private static func key(_ b: UnsafeBufferPointer<UInt8>) -> Key? {
        func eq(_ s: StaticString) -> Bool {
            s.utf8CodeUnitCount == b.count && memcmpEqual(s.utf8Start, b)
        }
        switch b.count {
        case 1: return eq("v") ? .v : nil
        case 2: return eq("ts") ? .ts : nil
        case 3: return eq("seq") ? .seq : (eq("ref") ? .ref : nil)
        case 4: return eq("kind") ? .kind : (eq("tier") ? .tier : (eq("text") ? .text : (eq("seal") ? .seal : nil)))
        case 5: return eq("actor") ? .actor : (eq("judge") ? .judge : (eq("entry") ? .entry : (eq("value") ? .value
            : (eq("heads") ? .heads : (eq("rules") ? .rules : (eq("topic") ? .topic : (eq("pairs") ? .pairs : nil)))))))
        case 6: return eq("reason") ? .reason : (eq("undoes") ? .undoes : nil)
        case 7: return eq("outcome") ? .outcome : nil
        case 8: return eq("identity") ? .identity : nil
        case 9: return eq("criterion") ? .criterion : nil
        default: return nil
        }
    }

    private static func kindNamed(_ b: UnsafeBufferPointer<UInt8>) -> LedgerEvent.Kind? {
        func eq(_ s: StaticString) -> Bool { s.utf8CodeUnitCount == b.count && memcmpEqual(s.utf8Start, b) }
        if eq("score") { return .score }
        if eq("submit") { return .submit }
        for kind in LedgerEvent.Kind.allCases where eq(kind.staticName) { return kind }
        return nil
    }

    @inline(__always)
    private static func memcmpEqual(_ p: UnsafePointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<b.count where p[k] != b[k] { return false }
        return true
    }

    /// Parses the members of the canonical part (the line before its hash member; no closing brace).
    /// The bytes of a string with no escapes and only ASCII, read in place; nil for anything
    /// else (which the full reader then handles).
    private static func plainASCII(_ s: inout JSONScanner, _ body: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard s.peek() == UInt8(ascii: "\"") else { return nil }
        var k = s.index + 1
        while k < body.count {
            let b = body[k]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: body[(s.index + 1)..<k])
                while s.index <= k { s.advance() }
                return raw
            }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { return nil }
            k += 1
        }
        return nil
    }

    /// The event of any line (its hash member cut off), or the fault that makes it no ledger
    /// line. A line that reads as an event but is not byte for byte that event's canonical
    /// encoding (`canonical`: members in order, no spaces, numbers in their shortest form,
    /// only the escapes the writer makes) is marked `nonCanonical`: a violation, not a break.
    static func parseFields(_ body: UnsafeBufferPointer<UInt8>, names: inout NameCache) throws -> LedgerEvent {
        var e = try parseMembers(body, names: &names)
        if !isCanonical(e, body: body) { e.nonCanonical = true }
        return e
    }

    /// Whether `body` followed by `}` is `canonical(e)`.
    static func isCanonical(_ e: LedgerEvent, body: UnsafeBufferPointer<UInt8>) -> Bool {
        let c = canonical(e)
        guard c.count == body.count + 1 else { return false }
        return c.withUnsafeBufferPointer { c in
            body.isEmpty || memcmp(c.baseAddress!, body.baseAddress!, body.count) == 0
        }
    }

    private static func parseMembers(_ body: UnsafeBufferPointer<UInt8>, names: inout NameCache) throws -> LedgerEvent {
        var s = JSONScanner(body)
        s.advance() // "{"
        var version: Int?, seq: Int?, time: Int64?, actor: LedgerName?, kind: LedgerEvent.Kind?
        var judge: String?, entry: LedgerName?, criterion: LedgerName?, value: Double?, ref: Int?, tier: String?, text: String?
        var heads: [Checkpoint.Head]?, rules: String?, seal: String?, undoes: Int?, outcome: String?, topic: String?
        var identity: ContestIdentity?, pairs: [AssignedEntry]?
        var hadText = false, hadReason = false
        func fail(_ th: String, _ en: String) -> LineError { LineError(th, en) }
        func wholeNumber(_ v: Double, _ name: String) throws -> Int {
            guard v == v.rounded(), v >= 0, v < 1e12 else { throw fail("\"\(name)\" ต้องเป็นจำนวนเต็ม", "\"\(name)\" must be a whole number") }
            return Int(v)
        }
        var first = true
        while !s.atEnd {
            if !first { try wrap { try s.expect(UInt8(ascii: ","), "expected ','") } }
            first = false
            guard s.peek() == UInt8(ascii: "\"") else { throw fail("ควรเป็นชื่อช่องในเครื่องหมายคำพูด", "expected a quoted key") }
            s.advance()
            let keyStart = s.index
            while let b = s.peek(), b != UInt8(ascii: "\"") { s.advance() }
            let keyBytes = UnsafeBufferPointer(rebasing: body[keyStart..<s.index])
            s.advance()
            try wrap { try s.expect(UInt8(ascii: ":"), "expected ':'") }
            guard let k = key(keyBytes) else {
                throw fail("ไม่รู้จักช่อง \"\(String(decoding: keyBytes, as: UTF8.self))\"", "unknown field \"\(String(decoding: keyBytes, as: UTF8.self))\"")
            }
            func str() throws -> String {
                guard s.peek() == UInt8(ascii: "\"") else { throw fail("\"\(k)\" ต้องเป็นข้อความ", "\"\(k)\" must be a string") }
                return try wrap { try s.readString() }
            }
            func name() throws -> LedgerName {
                if let raw = plainASCII(&s, body) { return names.name(raw) }
                return LedgerName(try str())
            }
            func number() throws -> Double {
                guard let b = s.peek(), b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else { throw fail("\"\(k)\" ต้องเป็นตัวเลข", "\"\(k)\" must be a number") }
                return try wrap { try s.readNumber() }
            }
            switch k {
            case .v: version = try wholeNumber(number(), "v")
            case .seq: seq = try wholeNumber(number(), "seq")
            case .ts:
                guard let raw = plainASCII(&s, body), let t = Timestamp.parse(raw) else {
                    throw fail("\"ts\" ไม่ใช่เวลา UTC แบบ 2026-01-31T09:15:00.000Z", "\"ts\" is not a UTC time of the form 2026-01-31T09:15:00.000Z")
                }
                time = t
            case .actor: actor = try name()
            case .kind:
                if let raw = plainASCII(&s, body), let known = kindNamed(raw) {
                    kind = known
                } else {
                    let raw = try str()
                    guard let known = LedgerEvent.Kind(rawValue: raw) else { throw fail("ไม่รู้จักชนิดบรรทัด \"\(raw)\"", "unknown kind \"\(raw)\"") }
                    kind = known
                }
            case .judge: judge = try name().text
            case .entry: entry = try name()
            case .criterion: criterion = try name()
            case .value: value = try number()
            case .ref: ref = try wholeNumber(number(), "ref")
            case .tier: tier = try str()
            case .text: text = try str(); hadText = true
            case .reason: text = try str(); hadReason = true
            case .heads: heads = try readHeads(&s)
            case .rules: rules = try str()
            case .identity: identity = try readIdentity(&s)
            case .seal: seal = try str()
            case .undoes: undoes = try wholeNumber(number(), "undoes")
            case .outcome: outcome = try str()
            case .topic: topic = try str()
            case .pairs: pairs = try readPairs(&s)
            }
        }
        guard let version else { throw fail("ขาดช่อง \"v\"", "missing \"v\"") }
        guard version == formatVersion else { throw fail("ไม่รองรับรูปแบบรุ่น \(version) (Khanaen นี้อ่านรุ่น \(formatVersion))", "format version \(version) is not supported (this Khanaen reads version \(formatVersion))") }
        guard let seq else { throw fail("ขาดช่อง \"seq\"", "missing \"seq\"") }
        guard let time else { throw fail("ขาดช่อง \"ts\"", "missing \"ts\"") }
        guard let actor else { throw fail("ขาดช่อง \"actor\"", "missing \"actor\"") }
        guard let kind else { throw fail("ขาดช่อง \"kind\"", "missing \"kind\"") }
        if kind == .checkpoint {
            guard let heads, let rules, entry == nil, criterion == nil, value == nil, judge == nil, ref == nil, tier == nil, text == nil else {
                throw fail("จุดตรวจมีเพียง \"heads\", \"rules\" และอาจมี \"identity\" กับ \"seal\"", "a checkpoint has \"heads\", \"rules\" and optionally \"identity\" and \"seal\", and nothing else")
            }
            return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: LedgerName(""), criterion: nil, value: nil,
                               checkpoint: Checkpoint(heads: heads, rules: rules, identity: identity, seal: seal))
        }
        if kind == .advance {
            guard let seal, let outcome, hadReason, entry == nil, criterion == nil, value == nil, judge == nil, ref == nil, tier == nil,
                  topic == nil, heads == nil, rules == nil, identity == nil, undoes == nil else {
                throw fail("การคัดเข้ารอบมีเพียง \"outcome\" (ผลงาน), \"reason\" และ \"seal\"", "an advance has \"outcome\" (the entries), \"reason\" and \"seal\", and nothing else")
            }
            return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: LedgerName(""), criterion: nil, value: nil,
                               text: text, outcome: outcome, topic: seal)
        }
        if heads != nil || rules != nil || seal != nil || identity != nil {
            throw fail("มีแต่จุดตรวจที่มี \"heads\", \"rules\", \"identity\" และ \"seal\"", "only a checkpoint has \"heads\", \"rules\", \"identity\" and \"seal\"")
        }
        if pairs != nil && kind != .assign { throw fail("มีแต่การมอบหมายที่มี \"pairs\"", "only an assignment has \"pairs\"") }
        if kind == .assign {
            guard let pairs, entry == nil, criterion == nil, value == nil, judge == nil, ref == nil, tier == nil, topic == nil, outcome == nil,
                  undoes == nil, hadReason else {
                throw fail("การมอบหมายมีเพียง \"pairs\" และ \"reason\"", "an assignment has \"pairs\" and \"reason\", and nothing else")
            }
            return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: LedgerName(""), criterion: nil, value: nil,
                               text: text, pairs: pairs)
        }
        if kind == .method {
            guard entry == nil, criterion == nil, value == nil, judge == nil, ref == nil, tier == nil, topic == nil, outcome != nil, hadReason else {
                throw fail("การเปลี่ยนวิธีรวมคะแนนมีเพียง \"outcome\" (วิธี) และ \"reason\"", "a method change has \"outcome\" (the method) and \"reason\", and nothing else")
            }
            return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: LedgerName(""), criterion: nil, value: nil,
                               text: text, outcome: outcome)
        }
        if kind == .fork {
            guard let judge, ref != nil, let outcome, let topic, hadReason, entry == nil, criterion == nil, value == nil, tier == nil, undoes == nil else {
                throw fail("การตัดสินแฟ้มที่แยกเป็นสองฉบับมีเพียง \"judge\", \"ref\", \"outcome\", \"topic\" และ \"reason\"", "a fork resolved has \"judge\", \"ref\", \"outcome\", \"topic\" and \"reason\", and nothing else")
            }
            return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: LedgerName(""), criterion: nil, value: nil,
                               judge: judge, ref: ref, text: text, outcome: outcome, topic: topic)
        }
        guard let entry else { throw fail("ขาดช่อง \"entry\"", "missing \"entry\"") }
        switch kind {
        case .score: if criterion == nil || value == nil { throw fail("คะแนนต้องมี \"criterion\" และ \"value\"", "a score needs \"criterion\" and \"value\"") }
        case .clear: if criterion == nil { throw fail("การล้างคะแนนต้องมี \"criterion\"", "a clear needs \"criterion\"") }
        case .note: if !hadText { throw fail("ข้อสังเกตต้องมี \"text\"", "a note needs \"text\"") }
        case .submit: break
        case .recuse: if !hadReason { throw fail("การถอนตัวต้องมี \"reason\"", "a recuse needs \"reason\"") }
        case .reopen: if judge == nil || ref == nil || !hadReason { throw fail("การเปิดแก้ไขต้องมี \"judge\", \"ref\" และ \"reason\"", "a reopen needs \"judge\", \"ref\" and \"reason\"") }
        case .award: if tier == nil || !hadReason { throw fail("การตัดสินรางวัลต้องมี \"tier\" และ \"reason\"", "an award needs \"tier\" and \"reason\"") }
        case .eligibility: if outcome == nil || !hadReason { throw fail("การวินิจฉัยคุณสมบัติต้องมี \"outcome\" และ \"reason\"", "an eligibility decision needs \"outcome\" and \"reason\"") }
        case .discussed: if outcome == nil || topic == nil || !hadReason { throw fail("ผลการหารือต้องมี \"topic\", \"outcome\" และ \"reason\"", "a discussed item needs \"topic\", \"outcome\" and \"reason\"") }
        case .conflict: if judge == nil || outcome == nil || !hadReason { throw fail("ส่วนได้เสียต้องมี \"judge\", \"outcome\" (เหตุ) และ \"reason\"", "a conflict needs \"judge\", \"outcome\" (its ground) and \"reason\"") }
        case .checkpoint, .method, .advance, .assign, .fork: break
        }
        if outcome != nil && kind != .eligibility && kind != .discussed && kind != .recuse && kind != .conflict {
            throw fail("มีแต่การตัดสินของประธานกรรมการและการถอนตัว (เหตุ) ที่มี \"outcome\"", "only a chair's decision and a recusal (its ground) have \"outcome\"")
        }
        // A judge's line replayed onto the kept side of a fork names its origin (docs/sync.md).
        if let topic, kind != .discussed, !(Rules.isReplayOrigin(topic) && [.score, .clear, .note, .submit, .recuse].contains(kind)) {
            throw fail("มีแต่ผลการหารือและบรรทัดของกรรมการที่เขียนซ้ำหลังแฟ้มแยกเป็นสองฉบับ (\"fork:<hash>\") ที่มี \"topic\"", "only a discussed item has \"topic\", and a judge's line replayed after a fork (\"fork:<hash>\")")
        }
        if hadText && kind != .note { throw fail("มีแต่ข้อสังเกตที่มี \"text\"", "only a note has \"text\"") }
        if hadReason && kind == .note { throw fail("ข้อสังเกตมี \"text\" ไม่ใช่ \"reason\"", "a note has \"text\", not \"reason\"") }
        if undoes != nil && ![.score, .clear, .note].contains(kind) { throw fail("มีแต่คะแนน การล้างคะแนน และข้อสังเกตที่มี \"undoes\"", "only a score, clear or note has \"undoes\"") }
        return LedgerEvent(seq: seq, time: time, actor: actor, kind: kind, entry: entry, criterion: criterion,
                           value: value, judge: judge, ref: ref, tier: tier, text: text, undoes: undoes, outcome: outcome, topic: topic)
    }

    /// `{"j1":{"lines":160,"head":"…"},…}`: a checkpoint's heads, in the order written.
    private static func readHeads(_ s: inout JSONScanner) throws -> [Checkpoint.Head] {
        let value = try wrap { try JSONParser.parseValue(&s, depth: 1) }
        guard case .object(let members) = value.value else { throw LineError("\"heads\" ต้องเป็นออบเจกต์", "\"heads\" must be an object") }
        return try members.map { file, v in
            guard case .object(let fields) = v.value, fields.count == 2, fields[0].key == "lines", fields[1].key == "head",
                  case .number(let lines) = fields[0].value.value, lines >= 0, lines == lines.rounded(), lines < 1e12,
                  case .string(let hash) = fields[1].value.value, hash.utf8.count == 64 else {
                throw LineError("\"heads\".\(file) ต้องเป็น {\"lines\": N, \"head\": \"<64 hex>\"}", "\"heads\".\(file) must be {\"lines\": N, \"head\": \"<64 hex>\"}")
            }
            return Checkpoint.Head(file: file, lines: Int(lines), hash: hash)
        }
    }

    /// `{"e01":["j1","j2"],…}`: an assignment's entries and their judges, in the order written.
    private static func readPairs(_ s: inout JSONScanner) throws -> [AssignedEntry] {
        let value = try wrap { try JSONParser.parseValue(&s, depth: 1) }
        guard case .object(let members) = value.value else { throw LineError("\"pairs\" ต้องเป็นออบเจกต์", "\"pairs\" must be an object") }
        return try members.map { entry, v in
            guard case .array(let items) = v.value else { throw LineError("\"pairs\".\(entry) ต้องเป็นรายการรหัสกรรมการ", "\"pairs\".\(entry) must be a list of judge ids") }
            return AssignedEntry(entry: entry, judges: try items.map { item in
                guard case .string(let j) = item.value else { throw LineError("\"pairs\".\(entry) ต้องเป็นรายการรหัสกรรมการ", "\"pairs\".\(entry) must be a list of judge ids") }
                return j
            })
        }
    }

    /// `{"panel":"…","entries":"…","eligibility":"…"}`: a checkpoint's identity hashes.
    private static func readIdentity(_ s: inout JSONScanner) throws -> ContestIdentity {
        let value = try wrap { try JSONParser.parseValue(&s, depth: 1) }
        guard case .object(let f) = value.value, f.count == 3, f[0].key == "panel", f[1].key == "entries", f[2].key == "eligibility",
              case .string(let panel) = f[0].value.value, case .string(let entries) = f[1].value.value,
              case .string(let eligibility) = f[2].value.value else {
            throw LineError("\"identity\" ต้องเป็น {\"panel\": \"<hex>\", \"entries\": \"<hex>\", \"eligibility\": \"<hex>\"}", "\"identity\" must be {\"panel\": \"<hex>\", \"entries\": \"<hex>\", \"eligibility\": \"<hex>\"}")
        }
        return ContestIdentity(panel: panel, entries: entries, eligibility: eligibility)
    }

    private static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as JSONSyntaxError { throw LineError(e.thai, e.message) }
    }
}
