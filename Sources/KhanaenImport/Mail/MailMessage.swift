/// One e-mail as the import reads it: its subject and Message-ID, the text of its body, and
/// its attachments.
public struct MailMessage: Sendable {
    public struct Attachment: Sendable {
        /// The name the sender gave, decoded; nil when the part has none.
        public var fileName: String?
        public var contentType: String
        public var part: MIMEPart
        /// The attachment's bytes.
        public var data: [UInt8] { part.decodedBody }
    }

    public var headers: MailHeaders
    public var root: MIMEPart
    public var subject: String
    /// Without its angle brackets; "" when the message has none.
    public var messageID: String
    /// The text/plain parts that are not attachments, else the HTML ones as text.
    public var bodyText: String
    public var attachments: [Attachment]

    public static func parse(_ bytes: ArraySlice<UInt8>) -> MailMessage {
        let root = MIMEPart.parse(bytes)
        let headers = root.headers
        var id = headers.text("message-id") ?? ""
        if id.hasPrefix("<"), let close = id.firstIndex(of: ">") { id = String(id[id.index(after: id.startIndex)..<close]) }
        id = id.trimmed()
        if id.utf8.count > 998 { id = "" }

        let leaves = root.leaves
        func isBodyText(_ p: MIMEPart) -> Bool {
            p.disposition != "attachment" && p.fileName == nil && (p.contentType == "text/plain" || p.contentType == "text/html")
        }
        let plain = leaves.filter { isBodyText($0) && $0.contentType == "text/plain" }
        let body = plain.isEmpty
            ? leaves.filter(isBodyText).map { HTMLText.plain($0.text) }.joined(separator: "\n")
            : plain.map(\.text).joined(separator: "\n")

        let signatures: Set<String> = ["application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"]
        let attachments = leaves.filter { p in
            if isBodyText(p) || signatures.contains(p.contentType) { return false }
            // Pictures placed in the HTML body (a signature's logo) are not submitted files.
            if p.contentType.hasPrefix("image/"), p.disposition != "attachment", p.contentID != nil { return false }
            if p.contentType.hasPrefix("multipart/") && p.body.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }) { return false }
            return true
        }.map { Attachment(fileName: $0.fileName, contentType: $0.contentType, part: $0) }

        return MailMessage(headers: headers, root: root, subject: headers.text("subject") ?? "", messageID: id,
                           bodyText: body, attachments: attachments)
    }

    /// Messages attached whole (message/rfc822): how a secretariat forwards "as attachment".
    public var attachedMessages: [MailMessage] {
        root.leaves.filter { $0.contentType == "message/rfc822" }.map { MailMessage.parse($0.decodedBody[...]) }
    }
}
