import KhanaenCore

/// Reads a secretariat's list of submissions kept in a spreadsheet and saved as CSV.
///
/// Column titles are the e-mail's labels (หน่วยงาน, ชื่อโครงการ, …, `SubmissionLabels`) or the
/// entries.json keys; other columns are ignored, with a warning. The text is UTF-8 (with or
/// without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode text"), or
/// else windows-874 as Thai Excel saves "CSV"; `encoding` overrides the guess. Fields are
/// separated by commas or tabs, whichever the title line has more of. Rows match entries as
/// e-mails do, by organisation and title.
public enum CSVImport {
    public static func run(file: String, bytes: [UInt8], encoding: TextEncoding?, entries: [Contest.Entry]) throws -> ImportResult {
        if encoding == nil, let mixed = mixedEncoding(bytes) {
            throw InputError(file: file, line: mixed.line, field: nil,
                             th: "การเข้ารหัสปนกัน: แฟ้มเป็น UTF-8 แต่บรรทัด \(mixed.line) ไม่ใช่ (TIS-620 หรือ windows-874?)"
                                 + (mixed.others > 0 ? " และยังมีอีก \(mixed.others) บรรทัดที่ไม่ใช่" : "")
                                 + " ให้จัดเก็บแฟ้มใหม่ด้วยการเข้ารหัสเดียว หรือระบุ --encoding",
                             en: "the encoding is mixed: the file is UTF-8 but line \(mixed.line) is not (TIS-620 or windows-874?)"
                                 + (mixed.others > 0 ? ", nor \(mixed.others == 1 ? "is 1 other line" : "are \(mixed.others) other lines")" : "")
                                 + "; save the file again in one encoding, or give --encoding")
        }
        let text = decode(bytes, encoding: encoding)
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text, separator: CSVReader.separator(of: text))
        } catch let p as CSVReader.Problem {
            throw InputError(file: file, line: p.line, field: nil, th: p.words.th, en: p.words.en)
        }
        guard let header = records.first else { throw InputError(file: file, line: 1, field: nil, th: "ไม่มีบรรทัดหัวตาราง (แฟ้มว่าง)", en: "no title line (the file is empty)") }

        var columns: [Int: Submission.Field] = [:]
        var warnings: [Phrase] = []
        for (k, title) in header.fields.enumerated() {
            let name = MatchKey.cleaned(title)
            if name.isEmpty { continue }
            guard let field = SubmissionLabels.field(name) else {
                warnings.append(Phrase("\(file):\(header.line): คอลัมน์ \"\(name)\" ไม่ใช่ช่องของใบส่งผลงาน ไม่ได้ใช้",
                                       "\(file):\(header.line): column \"\(name)\" is not a submission field; ignored"))
                continue
            }
            if columns.values.contains(field) {
                warnings.append(Phrase("\(file):\(header.line): คอลัมน์ \"\(name)\" ซ้ำกับ \(field.rawValue) ใช้คอลัมน์แรก",
                                       "\(file):\(header.line): column \"\(name)\" repeats \(field.rawValue); the first is used"))
                continue
            }
            columns[k] = field
        }
        for needed in [Submission.Field.organisation, .title] where !columns.values.contains(needed) {
            let label = needed == .organisation ? "หน่วยงาน (organisation)" : "ชื่อโครงการ (title)"
            throw InputError(file: file, line: header.line, field: nil, th: "ไม่มีคอลัมน์ \(label)", en: "no \(label) column")
        }

        var book = EntryBook(entries)
        var lines: [ImportResult.Line] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ MatchKey.cleaned($0).isEmpty }) { continue }
            var submission = Submission()
            for (k, field) in columns where k < record.fields.count {
                let value = Submission.cleanedValue(record.fields[k])
                if !value.isEmpty { submission.values[field] = value }
            }
            if let missing = submission.missing {
                lines.append(.init(kind: .skipped, id: "", subject: "\(file):\(record.line)", notes: [missing]))
                continue
            }
            let (index, outcome, notes) = book.take(submission, messageID: "")
            lines.append(.init(kind: outcome == .imported ? .imported : .updated, id: book.entries[index].id,
                               subject: book.entries[index].organisation, notes: notes))
        }
        return ImportResult(entries: book.entries, lines: lines, warnings: warnings)
    }

    /// A file in UTF-8 but for some lines (a row pasted from an older TIS-620 file): the first
    /// such line and how many others there are; nil when the file is in one encoding (or
    /// has no UTF-8 beyond ASCII to tell).
    static func mixedEncoding(_ bytes: [UInt8]) -> (line: Int, others: Int)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || TextEncoding.isValidUTF8(bytes) { return nil }
        var firstBad: Int? = nil, others = 0, utf8Lines = 0
        var line = 1, start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let slice = bytes[start..<end]
            if slice.contains(where: { $0 >= 0x80 }) {
                if TextEncoding.isValidUTF8(slice) {
                    // Thai in UTF-8 (two TIS-620 letters can by chance make a Latin letter in UTF-8).
                    if String(decoding: slice, as: UTF8.self).unicodeScalars.contains(where: { (0x0E01...0x0E5B).contains($0.value) }) { utf8Lines += 1 }
                } else if firstBad == nil { firstBad = line } else { others += 1 }
            }
            line += 1
            start = end + 1
        }
        guard let firstBad, utf8Lines > 0 else { return nil }
        return (firstBad, others)
    }

    /// The file's text in `encoding`, else as detected (`TextEncoding.detect`); a byte-order
    /// mark is dropped either way.
    public static func decode(_ bytes: [UInt8], encoding: TextEncoding?) -> String {
        let (detected, bom) = TextEncoding.detect(bytes)
        guard let encoding else { return detected.decode(bytes[bom...]) }
        let skip = (encoding == .utf8 && bytes.starts(with: [0xEF, 0xBB, 0xBF])) ? 3 : 0
        return encoding.decode(bytes[skip...])
    }
}
