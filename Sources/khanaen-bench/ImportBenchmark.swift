import Foundation
import KhanaenCore
import KhanaenImport

/// `khanaen-bench import [N] [--runs R]`: N submission e-mails (default 500) in a Maildir, each
/// with a small UTF-8 note, a windows-874 note, a PNG and a DOCX, imported into an empty
/// contest; then the same mail imported again (every entry unchanged). Prints the medians.
func importBenchmark(submissions: Int, runs: Int) throws {
    let root = NSTemporaryDirectory() + "khanaen-bench-import-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fm = FileManager.default
    let maildir = root + "/mail"
    for sub in ["cur", "new", "tmp"] { try fm.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true) }

    let docx = storedZip(["word/document.xml": "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>ใบส่งผลงานนวัตกรรมดิจิทัล</w:t></w:r></w:p></w:body></w:document>",
                          "[Content_Types].xml": "<Types/>"])
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 4, 0xD8, 0, 0, 6, 0xDA, 8, 2, 0, 0, 0]
    png += [UInt8](repeating: 0, count: 2000)
    let kinds = ["เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล", "เทศบาลนคร"]
    func b64(_ b: [UInt8]) -> String { Data(b).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) }
    for k in 0..<submissions {
        let organisation = kinds[k % kinds.count] + "ทดสอบ\(k + 1)"
        let body = """
        หน่วยงาน : \(organisation)
        อำเภอ : เมือง
        จังหวัด : ลำพูน
        ชื่อโครงการ : ระบบบริการประชาชนออนไลน์ หมายเลข \(k + 1)
        เบอร์โทร : 053-000\(k)
        วันที่เริ่มใช้งาน : 1 ม.ค. 2566

        """
        let subject = "=?UTF-8?B?" + Data("ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล \(organisation)".utf8).base64EncodedString() + "?="
        var parts = ["Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Array(body.utf8))]
        let files: [(String, String, [UInt8])] = [
            ("บันทึก.txt", "text/plain", Array(String(repeating: "บันทึกผลการดำเนินงาน ", count: 40).utf8)),
            ("cp874.txt", "text/plain", TextEncoding.windows874.encode(String(repeating: "ข้อความ “ไทย” ", count: 40))!),
            ("form1.png", "image/png", png),
            ("ใบส่งผลงาน.docx", "application/octet-stream", docx),
        ]
        for (name, type, bytes) in files {
            let encoded = Array(name.utf8).map { String(format: "%%%02X", $0) }.joined()
            parts.append("Content-Type: \(type)\r\nContent-Disposition: attachment; filename*=UTF-8''\(encoded)\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(bytes))
        }
        var message = "Subject: \(subject)\r\nMessage-ID: <bench\(k)@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        for p in parts { message += "--b\r\n" + p + "\r\n" }
        message += "--b--\r\n"
        try Data(message.utf8).write(to: URL(fileURLWithPath: maildir + "/cur/" + String(format: "17000%05d.M%d.bench:2,S", k, k)))
    }

    var firsts: [Double] = [], agains: [Double] = []
    for _ in 0..<runs {
        let contest = root + "/contest"
        try? fm.removeItem(atPath: contest)
        try fm.createDirectory(atPath: contest, withIntermediateDirectories: true)
        let entriesPath = contest + "/entries.json"
        var entries: [Contest.Entry] = []
        firsts.append(try seconds {
            let r = try MailImport.run(paths: [maildir], contestDir: contest, entries: [])
            try AtomicFile.write(EntriesJSON.bytes(r.entries), to: entriesPath, overwrite: true)
            entries = r.entries
        } * 1000)
        agains.append(try seconds {
            let r = try MailImport.run(paths: [maildir], contestDir: contest, entries: entries)
            precondition(EntriesJSON.bytes(r.entries) == EntriesJSON.bytes(entries), "a second import must change nothing")
        } * 1000)
        precondition(entries.count == submissions && entries.allSatisfy { $0.documents.count == 4 && $0.documents[3].text != nil })
    }
    print(String(format: "import of %d submissions (4 attachments each, DOCX text by unzip), medians of %d: first %.0f ms (%.2f ms a submission), again unchanged %.0f ms",
                 submissions, runs, median(firsts), median(firsts) / Double(submissions), median(agains)))
}

/// `khanaen-bench import --messages N [--runs R]`: one mbox of N submission e-mails, each with
/// one 18-byte attachment, imported into an empty contest as `khanaen import mail` does (the
/// import, then entries.json written); and the same for an mbox of its first N/10 messages.
/// Prints the medians and their ratio: a linear import takes at most 10 times as long.
func importScaleBenchmark(messages: Int, runs: Int) throws {
    let root = NSTemporaryDirectory() + "khanaen-bench-import-scale-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    func mbox(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        for k in 0..<count {
            let organisation = "เทศบาลตำบลทดสอบ\(k + 1)"
            let body = "หน่วยงาน : \(organisation)\nจังหวัด : ลำพูน\nชื่อโครงการ : ระบบบริการประชาชนออนไลน์ หมายเลข \(k + 1)\n"
            let subject = "=?UTF-8?B?" + Data("ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล \(organisation)".utf8).base64EncodedString() + "?="
            let note = Array("attachment \(String(format: "%06d", k))\n".utf8)  // 18 bytes
            precondition(note.count == 18)
            let message = "From bench@example.org Mon Jan  1 00:00:00 2024\nSubject: \(subject)\nMessage-ID: <scale\(k)@example.org>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + Data(body.utf8).base64EncodedString() + "\n"
                + "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"note.txt\"\nContent-Transfer-Encoding: base64\n\n"
                + Data(note).base64EncodedString() + "\n--b--\n\n"
            out += Array(message.utf8)
        }
        return out
    }
    var medians: [Int: Double] = [:]
    for count in [messages / 10, messages] {
        let path = root + "/inbox-\(count).mbox"
        try Data(mbox(count)).write(to: URL(fileURLWithPath: path))
        var times: [Double] = []
        for _ in 0..<runs {
            let contest = root + "/contest"
            try? fm.removeItem(atPath: contest)
            try fm.createDirectory(atPath: contest, withIntermediateDirectories: true)
            var entries: [Contest.Entry] = []
            times.append(try seconds {
                let r = try MailImport.run(paths: [path], contestDir: contest, entries: [])
                try AtomicFile.write(EntriesJSON.bytes(r.entries), to: contest + "/entries.json", overwrite: true)
                entries = r.entries
            })
            precondition(entries.count == count && entries.allSatisfy { $0.documents.count == 1 && $0.documents[0].size == 18 })
        }
        medians[count] = median(times)
        print(String(format: "import mail of an mbox of %d messages (one 18-byte attachment each), median of %d: %.2f s (%.2f ms a message; runs %@)",
                     count, runs, median(times), median(times) * 1000 / Double(count), times.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
    }
    print(String(format: "%d messages took %.1f times as long as %d (linear: at most 10)", messages, medians[messages]! / medians[messages / 10]!, messages / 10))
}

/// A zip of uncompressed members, enough for unzip to read: local headers, data, central directory.
func storedZip(_ members: [String: String]) -> [UInt8] {
    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
    func crc32(_ b: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for x in b {
            c ^= UInt32(x)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }
    var out: [UInt8] = [], central: [UInt8] = []
    for (name, text) in members.sorted(by: { $0.key < $1.key }) {
        let n = Array(name.utf8), data = Array(text.utf8), crc = crc32(data), offset = UInt32(out.count)
        let common = le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(n.count) + le16(0)
        out += le32(0x0403_4B50) + common + n + data
        central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + n
    }
    let start = UInt32(out.count)
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count) + le32(UInt32(central.count)) + le32(start) + le16(0)
    return out
}
