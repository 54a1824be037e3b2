/// The lexer shared by the general JSON parser and the ledger's line reader:
/// strings, numbers and literals over raw UTF-8 bytes, with the line number kept.
public struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var index: Int
    public private(set) var line: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int = 1) {
        self.bytes = bytes
        self.index = 0
        self.line = line
    }

    public var atEnd: Bool { index >= bytes.count }

    @inline(__always) public func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always) public mutating func advance() { index += 1 }

    public func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }

    public mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x0A { line += 1 } else if b != 0x20 && b != 0x09 && b != 0x0D { return }
            index += 1
        }
    }

    public mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws {
        guard peek() == byte else { throw error(message()) }
        index += 1
    }

    public mutating func readLiteral(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        guard index + n <= bytes.count else { throw error("unexpected end of file") }
        for k in 0..<n where bytes[index + k] != p[k] { throw error("unexpected character") }
        index += n
    }

    /// Reads a quoted string at the current position.
    public mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""), "expected a string")
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                guard JSONScanner.isValidUTF8(raw) else { throw error("text is not valid UTF-8") }
                index += 1
                return String(decoding: raw, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string" : "control character in string") }
            index += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("text is not valid UTF-8") }
                return s
            }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string" : "control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); index += 1; continue }
            index += 1
            guard let e = peek() else { break }
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if code >= 0xD800 && code < 0xDC00 {
                    guard peek() == UInt8(ascii: "\\") else { throw error("unpaired surrogate in \\u escape") }
                    index += 1
                    try expect(UInt8(ascii: "u"), "unpaired surrogate in \\u escape")
                    let low = try readHex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw error("unpaired surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("bad escape \\\(Character(Unicode.Scalar(e)))")
            }
        }
        throw error("unterminated string")
    }

    /// Well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing past
    /// U+10FFFF). Written out because `String(validating:)` is generic and slow per call.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        @inline(__always) func continuation(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            switch c {
            case 0xC2...0xDF:
                guard continuation(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < n, continuation(i + 2) else { return false }
                let c1 = b[i + 1]
                let low: UInt8 = c == 0xE0 ? 0xA0 : 0x80, high: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard c1 >= low && c1 <= high else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < n, continuation(i + 2), continuation(i + 3) else { return false }
                let c1 = b[i + 1]
                let low: UInt8 = c == 0xF0 ? 0x90 : 0x80, high: UInt8 = c == 0xF4 ? 0x8F : 0xBF
                guard c1 >= low && c1 <= high else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("bad \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("bad \\u escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    /// Reads a JSON number: the nearest double to its text, as `Double(text)` gives.
    public mutating func readNumber() throws -> Double {
        if let (v, end) = JSONScanner.simpleNumber(bytes, from: index) {
            index = end
            return v
        }
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), first >= 0x30 && first <= 0x39 else { throw error("expected a value") }
        if first == 0x30 { index += 1 } else {
            while let b = peek(), b >= 0x30 && b <= 0x39 { index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let b = peek(), b >= 0x30 && b <= 0x39 else { throw error("bad number") }
            while let b = peek(), b >= 0x30 && b <= 0x39 { index += 1 }
        }
        if let b = peek(), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            index += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            guard let d = peek(), d >= 0x30 && d <= 0x39 else { throw error("bad number") }
            while let d = peek(), d >= 0x30 && d <= 0x39 { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error("bad number \(text)") }
        return v
    }

    /// A number of at most 15 digits and no exponent (every score and count), read without a
    /// String: its digits as an exact integer, divided once by an exact power of ten, which
    /// rounds to the nearest double as `Double(text)` does. nil for anything else.
    static func simpleNumber(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        let n = b.count
        var i = start
        let negative = i < n && b[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < n, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0
        if b[i] == 0x30 {
            i += 1
            digits = 1
        } else {
            while i < n && b[i] >= 0x30 && b[i] <= 0x39 {
                mantissa = mantissa * 10 + UInt64(b[i] - 0x30)
                digits += 1
                i += 1
                if digits > 15 { return nil }
            }
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n && b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
            while i < n && b[i] >= 0x30 && b[i] <= 0x39 {
                mantissa = mantissa * 10 + UInt64(b[i] - 0x30)
                digits += 1
                decimals += 1
                i += 1
                if digits > 15 { return nil }
            }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) { return nil }
        var v = Double(mantissa)
        if decimals > 0 { v /= powersOfTen[decimals] }
        return (negative ? -v : v, i)
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }
}
