import KhanaenCore

/// RFC 4180 records: fields separated by commas (or tabs), quoted fields with doubled quotes
/// and line breaks inside, CRLF or LF between records. Each record knows the line it starts on.
public enum CSVReader {
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var words: Phrase
        public var message: String { words.en }
    }

    /// The separator a file uses, from its first line: a tab when it has more tabs than commas.
    public static func separator(of text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        return header.filter { $0 == "\t" }.count > header.filter { $0 == "," }.count ? "\t" : ","
    }

    public static func records(_ text: String, separator: Character) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, quotedField = false, fieldStarted = false
        var it = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        func endField() {
            fields.append(field)
            field = ""
            quotedField = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1; field.append("\n") } else { field.append(c) }
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                quotedField = true
                fieldStarted = true
            case separator:
                endField()
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                // Text after a closing quote ("a"b) is kept, as spreadsheets do.
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw Problem(line: recordLine, words: Phrase("ช่องที่เปิดเครื่องหมายคำพูดไว้ไม่ได้ปิด", "a quoted field is not closed")) }
        if fieldStarted || quotedField || !fields.isEmpty { endRecord() }
        return records
    }
}
