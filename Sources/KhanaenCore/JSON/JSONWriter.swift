import KhanaenText

/// Writes JSON text the one way Khanaen writes it: members in the order given, no
/// spaces, non-ASCII text as raw UTF-8, and only `"`, `\` and control characters escaped.
/// The ledger's hashes are taken over these bytes.
public enum JSONWriter {
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = s
        text.withUTF8 { bytes in
            // Runs with nothing to escape (nearly all text) are copied whole.
            var start = 0
            for k in 0..<bytes.count {
                let b = bytes[k]
                guard b == 0x22 || b == 0x5C || b < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<k]))
                start = k + 1
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: "\\u00".utf8)
                    let hex: StaticString = "0123456789abcdef"
                    out.append(hex.utf8Start[Int(b >> 4)]); out.append(hex.utf8Start[Int(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(0x22)
    }

    /// JSON text with DEL, C1 controls and bidirectional controls written as `\\uXXXX`
    /// escapes: the same JSON to a parser, inert on a terminal. (C0 controls are escaped
    /// already; structural newlines stay.) For reports, never for ledger lines, whose bytes
    /// are hashed as written.
    public static func escapingInvisible(_ text: String) -> String {
        func invisible(_ v: UInt32) -> Bool { v == 0x7F || (v >= 0x80 && v < 0xA0) || TerminalText.isBidiControl(v) }
        guard text.unicodeScalars.contains(where: { invisible($0.value) }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if invisible(s.value) {
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Shortest text for a number: integers without a fraction, others as Swift's
    /// shortest round-trip form.
    public static func numberText(_ v: Double) -> String {
        var out: [UInt8] = []
        appendNumber(v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `numberText(v)`'s bytes, appended without making a String for the common cases.
    public static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        if v == v.rounded() && abs(v) < 1e15 {
            appendInteger(Int64(v), to: &out)
            return
        }
        // Up to four decimals (reports round to them): when v is the double nearest to k/10⁴,
        // Swift's shortest form is those digits (at most 15 of them identify one double), so
        // they are written directly rather than through the general printer.
        let scaled = v * 10_000
        if abs(v) >= 0.001 && abs(scaled) < 1e15 && scaled == scaled.rounded() && scaled / 10_000 == v {
            let k = Int64(scaled).magnitude
            if v < 0 { out.append(UInt8(ascii: "-")) }
            appendInteger(Int64(k / 10_000), to: &out)
            out.append(UInt8(ascii: "."))
            var fraction = k % 10_000, places = 4
            while fraction % 10 == 0 { fraction /= 10; places -= 1 }
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places))
            var at = out.count - 1
            while fraction > 0 {
                out[at] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                at -= 1
            }
            return
        }
        out.append(contentsOf: "\(v)".utf8)
    }

    private static func appendInteger(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits = 1
        var p: UInt64 = 10
        while digits < 19 && m >= p { digits += 1; p &*= 10 }
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var at = out.count - 1
        repeat {
            out[at] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
            at -= 1
        } while m > 0
    }

    public static func string(_ value: JSONValue, indent: Int? = nil) -> String {
        String(decoding: bytes(value, indent: indent), as: UTF8.self)
    }

    /// The UTF-8 text itself, for hashing without a round trip through String.
    public static func bytes(_ value: JSONValue, indent: Int? = nil) -> [UInt8] {
        var out: [UInt8] = []
        write(value, to: &out, indent: indent, level: 0)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8], indent: Int?, level: Int) {
        func newline(_ l: Int) {
            guard let indent else { return }
            out.append(0x0A)
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent * l))
        }
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let v): appendNumber(v, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item.value, to: &out, indent: indent, level: level + 1)
            }
            if !items.isEmpty { newline(level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                write(member.value.value, to: &out, indent: indent, level: level + 1)
            }
            if !members.isEmpty { newline(level) }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue {
    /// Builds an object from members in the given order (line numbers are not meaningful for built values).
    public static func obj(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { (key: $0.0, value: Located(value: $0.1, line: 0)) })
    }

    public static func arr(_ items: [JSONValue]) -> JSONValue {
        .array(items.map { Located(value: $0, line: 0) })
    }

    public static func str(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    public static func num(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
}
