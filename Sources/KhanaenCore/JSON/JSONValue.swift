/// A parsed JSON value that remembers the line it started on, so that a bad field
/// in contest.json or entries.json can be reported as file:line.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Located])
    case object([(key: String, value: Located)])

    public struct Located: Equatable, Sendable {
        public var value: JSONValue
        public var line: Int
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The name of this kind of value, for error messages.
    /// The kind in Thai, after "ไม่ใช่" (a space before every word but null's English).
    public var kindNameThai: String {
        switch self {
        case .null: return " null"
        case .bool: return "ค่าจริงเท็จ"
        case .number: return "ตัวเลข"
        case .string: return "ข้อความ"
        case .array: return "รายการ"
        case .object: return "ออบเจกต์"
        }
    }

    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var message: String

    /// The message in Thai, for a contest file's reader: the scanner, on the ledger's hot path,
    /// keeps to English, and a key, a number or an escape in it stays as it is.
    public var thai: String {
        let whole: [String: String] = [
            "unexpected content after the JSON value": "มีข้อความต่อท้ายค่า JSON",
            "nesting is too deep": "ซ้อนกันลึกเกินไป",
            "unexpected end of file": "แฟ้มจบก่อนค่าจะครบ",
            "expected a quoted key": "ควรเป็นชื่อช่องในเครื่องหมายคำพูด",
            "unexpected character": "มีอักขระที่ไม่ควรมี",
            "text is not valid UTF-8": "ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง",
            "unpaired surrogate in \\u escape": "\\u escape มี surrogate ที่ไม่ครบคู่",
            "bad \\u escape": "\\u escape ไม่ถูกต้อง",
            "unterminated string": "ข้อความไม่มีเครื่องหมายคำพูดปิด",
            "expected a value": "ควรเป็นค่า",
            "bad number": "ตัวเลขไม่ถูกต้อง",
            "expected ',' or '}' in object": "ควรเป็น ',' หรือ '}' ในออบเจกต์",
            "expected ',' or ']' in array": "ควรเป็น ',' หรือ ']' ในรายการ",
            "expected a string": "ควรเป็นข้อความ",
        ]
        if let thai = whole[message] { return thai }
        let starts = [("duplicate key ", "ชื่อช่องซ้ำ "), ("expected ':' after key ", "ควรมี ':' หลังชื่อช่อง "),
                      ("bad number ", "ตัวเลขไม่ถูกต้อง "), ("bad escape ", "escape ไม่ถูกต้อง ")]
        for (english, thai) in starts where message.hasPrefix(english) { return thai + message.dropFirst(english.count) }
        return message
    }
}

public enum JSONParser {
    /// Parses a whole document; fails on trailing content, duplicate keys or nesting deeper than 64.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue.Located {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            let value = try parseValue(&scanner, depth: 0)
            scanner.skipWhitespace()
            if !scanner.atEnd { throw scanner.error("unexpected content after the JSON value") }
            return value
        }
    }

    public static func parse(_ text: String) throws -> JSONValue.Located {
        try parse(Array(text.utf8))
    }

    static func parseValue(_ s: inout JSONScanner, depth: Int) throws -> JSONValue.Located {
        if depth > 64 { throw s.error("nesting is too deep") }
        s.skipWhitespace()
        let line = s.line
        guard let byte = s.peek() else { throw s.error("unexpected end of file") }
        switch byte {
        case UInt8(ascii: "{"):
            s.advance()
            var members: [(key: String, value: JSONValue.Located)] = []
            var seen = Set<String>()
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "}") { s.advance(); return .init(value: .object(members), line: line) }
            while true {
                s.skipWhitespace()
                let keyLine = s.line
                guard s.peek() == UInt8(ascii: "\"") else { throw s.error("expected a quoted key") }
                let key = try s.readString()
                // Objects here have a dozen keys at most: a scan beats hashing every key.
                let duplicate: Bool
                if members.count < 16 {
                    duplicate = members.contains { $0.key == key }
                } else {
                    if seen.isEmpty { seen = Set(members.map(\.key)) }
                    duplicate = !seen.insert(key).inserted
                }
                if duplicate { throw JSONSyntaxError(line: keyLine, message: "duplicate key \"\(key)\"") }
                s.skipWhitespace()
                try s.expect(UInt8(ascii: ":"), "expected ':' after key \"\(key)\"")
                let value = try parseValue(&s, depth: depth + 1)
                members.append((key, value))
                s.skipWhitespace()
                if s.peek() == UInt8(ascii: ",") { s.advance(); continue }
                try s.expect(UInt8(ascii: "}"), "expected ',' or '}' in object")
                return .init(value: .object(members), line: line)
            }
        case UInt8(ascii: "["):
            s.advance()
            var items: [JSONValue.Located] = []
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "]") { s.advance(); return .init(value: .array(items), line: line) }
            while true {
                items.append(try parseValue(&s, depth: depth + 1))
                s.skipWhitespace()
                if s.peek() == UInt8(ascii: ",") { s.advance(); continue }
                try s.expect(UInt8(ascii: "]"), "expected ',' or ']' in array")
                return .init(value: .array(items), line: line)
            }
        case UInt8(ascii: "\""):
            return .init(value: .string(try s.readString()), line: line)
        case UInt8(ascii: "t"):
            try s.readLiteral("true"); return .init(value: .bool(true), line: line)
        case UInt8(ascii: "f"):
            try s.readLiteral("false"); return .init(value: .bool(false), line: line)
        case UInt8(ascii: "n"):
            try s.readLiteral("null"); return .init(value: .null, line: line)
        default:
            return .init(value: .number(try s.readNumber()), line: line)
        }
    }
}
