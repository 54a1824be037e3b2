import Foundation
import KhanaenImport

/// Submission e-mails built byte by byte in the tests, as Thai mail clients write them.
enum MailFixtures {
    static let phrase = "ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล"

    /// The body's labelled lines in the seed's form.
    static func fields(_ organisation: String, _ title: String, extra: [(String, String)] = [], phone: String = "081-234-5678") -> String {
        (["หน่วยงาน : \(organisation)", "อำเภอ : เมือง", "ภูมิภาค : ภาคเหนือ", "จังหวัด : จังหวัดลำพูน", "ชื่อโครงการ : \(title)",
          "ชื่อ-นามสกุลผู้ประสาน : นางสาวสมศรี ใจดี", "เบอร์โทร : \(phone)", "อีเมล : somsri@example.org",
          "ตำแหน่ง : นักวิชาการคอมพิวเตอร์", "ชื่อ-นามสกุลที่ปรึกษา: นายสมชาย ใจกว้าง"] + extra.map { "\($0.0) : \($0.1)" })
            .joined(separator: "\n") + "\n"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    }

    /// Quoted-printable: every byte above 0x7E, "=" and controls escaped, soft breaks at 72.
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var out = "", line = 0
        for b in bytes {
            let piece: String
            if b == 0x0A { out += "\n"; line = 0; continue }
            if b >= 0x7F || b == 0x3D || (b < 0x20 && b != 0x09) { piece = String(format: "=%02X", b) } else { piece = String(UnicodeScalar(b)) }
            if line + piece.count > 72 { out += "=\n"; line = 0 }
            out += piece
            line += piece.count
        }
        return out
    }

    /// One RFC 2047 B word per `chunk` bytes, split anywhere (even inside a Thai character).
    static func bWords(_ text: String, charset: String = "UTF-8", chunk: Int = 30) -> String {
        let bytes = charset == "UTF-8" ? Array(text.utf8) : TextEncoding(label: charset)!.encode(text)!
        return stride(from: 0, to: bytes.count, by: chunk).map { k in
            "=?\(charset)?B?" + Data(bytes[k..<min(bytes.count, k + chunk)]).base64EncodedString() + "?="
        }.joined(separator: "\n ")
    }

    /// RFC 2047 Q words.
    static func qWords(_ text: String, charset: String) -> String {
        let bytes = TextEncoding(label: charset)!.encode(text)!
        var words: [String] = []
        for k in stride(from: 0, to: bytes.count, by: 20) {
            let q = bytes[k..<min(bytes.count, k + 20)].map { b -> String in
                b == 0x20 ? "_" : (b >= 0x7F || b == 0x3D || b == 0x3F || b == 0x5F) ? String(format: "=%02X", b) : String(UnicodeScalar(b))
            }.joined()
            words.append("=?\(charset)?Q?\(q)?=")
        }
        return words.joined(separator: " ")
    }

    struct Attachment {
        var headerName: String   // the Content-Disposition parameters, as written
        var type: String
        var bytes: [UInt8]
    }

    static func attachment(named name: String, type: String = "application/octet-stream", _ bytes: [UInt8]) -> Attachment {
        Attachment(headerName: "filename=\"\(name)\"", type: type, bytes: bytes)
    }

    /// A multipart/mixed submission: a UTF-8 base64 text body and the attachments.
    static func submission(subject: String, messageID: String?, body: String, attachments: [Attachment] = [],
                           crlf: Bool = false, extraHeaders: [String] = []) -> [UInt8] {
        var parts = [
            "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n" + base64(Array(body.utf8)),
        ]
        for a in attachments {
            parts.append("Content-Type: \(a.type)\nContent-Disposition: attachment; \(a.headerName)\nContent-Transfer-Encoding: base64\n\n"
                         + base64(a.bytes))
        }
        var text = "From: =?UTF-8?B?" + Data("สมศรี".utf8).base64EncodedString() + "?= <somsri@example.org>\n"
        text += "To: dgaward@example.org\nSubject: \(subject)\n"
        if let messageID { text += "Message-ID: <\(messageID)>\n" }
        for h in extraHeaders { text += h + "\n" }
        text += "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"=_b1\"\n\nThis is a multi-part message in MIME format.\n"
        for p in parts { text += "--=_b1\n" + p + "\n" }
        text += "--=_b1--\n"
        return bytes(text, crlf: crlf)
    }

    static func bytes(_ text: String, crlf: Bool) -> [UInt8] {
        Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
    }

    /// Messages as an mbox file: From_ lines, a blank line between, body lines starting
    /// "From " quoted as ">From ".
    static func mbox(_ messages: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for m in messages {
            out += Array("From somsri@example.org Mon Sep 18 10:00:00 2023\n".utf8)
            var quoted: [UInt8] = []
            var atLineStart = true
            for (k, b) in m.enumerated() {
                if atLineStart {
                    var j = k
                    while j < m.count && m[j] == 0x3E { j += 1 }
                    if m[j...].starts(with: Array("From ".utf8)) { quoted.append(0x3E) }
                }
                quoted.append(b)
                atLineStart = b == 0x0A
            }
            out += quoted
            if out.last != 0x0A { out.append(0x0A) }
            out.append(0x0A)
        }
        return out
    }
}
