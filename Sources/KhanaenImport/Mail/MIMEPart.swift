/// One MIME part: its headers, its type, its body still in its transfer encoding (decoded
/// when asked), and for a multipart, its parts.
public struct MIMEPart: Sendable {
    public var headers: MailHeaders
    /// `text/plain` when the part declares nothing.
    public var contentType: String
    public var typeParameters: [String: String]
    public var disposition: String
    public var dispositionParameters: [String: String]
    public var transferEncoding: String
    public var body: ArraySlice<UInt8>
    public var children: [MIMEPart]

    /// Nesting deeper than this is read as an opaque part: no real client nests so deep.
    public static let maxDepth = 16

    public static func parse(_ bytes: ArraySlice<UInt8>, depth: Int = 0, defaultType: String = "text/plain") -> MIMEPart {
        let (headers, bodyStart) = MailHeaders.parse(bytes)
        let type = headers.structured("content-type")
        let disposition = headers.structured("content-disposition")
        var contentType = type?.value ?? ""
        if !contentType.contains("/") { contentType = defaultType }
        var part = MIMEPart(headers: headers, contentType: contentType, typeParameters: type?.parameters ?? [:],
                            disposition: disposition?.value ?? "", dispositionParameters: disposition?.parameters ?? [:],
                            transferEncoding: headers.text("content-transfer-encoding")?.asciiLowercased ?? "",
                            body: bytes[bodyStart..<bytes.endIndex], children: [])
        if contentType.hasPrefix("multipart/"), depth < maxDepth, let boundary = part.typeParameters["boundary"], !boundary.isEmpty {
            let childType = contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
            part.children = split(part.body, boundary: Array(boundary.utf8)).map { parse($0, depth: depth + 1, defaultType: childType) }
        }
        return part
    }

    /// The parts between `--boundary` lines, up to `--boundary--`; the line break before a
    /// boundary line belongs to the boundary.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var k = body.startIndex
        while k < body.endIndex {
            var lineEnd = k
            while lineEnd < body.endIndex && body[lineEnd] != 0x0A { lineEnd += 1 }
            let line = body[k..<lineEnd]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                let trailing = closing ? rest.dropFirst(2) : rest
                if trailing.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        var end = k
                        if end > start && body[end - 1] == 0x0A { end -= 1 }
                        if end > start && body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if closing { return parts }
                    partStart = lineEnd < body.endIndex ? lineEnd + 1 : body.endIndex
                }
            }
            k = lineEnd < body.endIndex ? lineEnd + 1 : body.endIndex
        }
        // No closing boundary (a truncated message): the last part runs to the end.
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") && !children.isEmpty }

    /// The body's bytes, its transfer encoding undone.
    public var decodedBody: [UInt8] { TransferEncoding.decode(body, encoding: transferEncoding) }

    /// How many bytes the body has with its transfer encoding undone, counted without
    /// keeping them.
    public var decodedSize: Int {
        switch transferEncoding.trimmed() {
        case "base64": return TransferEncoding.base64Size(body)
        case "quoted-printable": return TransferEncoding.quotedPrintable(body).count
        default: return body.count
        }
    }

    /// The body's bytes, its transfer encoding undone, given to `write` a piece of at most
    /// `chunk` bytes at a time: an attachment never has to be held whole.
    public func decodeBody(chunk: Int = 1 << 16, _ write: (ArraySlice<UInt8>) throws -> Void) throws {
        switch transferEncoding.trimmed() {
        case "base64": try TransferEncoding.base64(body, chunk: chunk, write)
        case "quoted-printable": try write(TransferEncoding.quotedPrintable(body)[...])
        default:
            var k = body.startIndex
            while k < body.endIndex {
                let end = min(body.endIndex, k + chunk)
                try write(body[k..<end])
                k = end
            }
        }
    }

    /// The body as text in its declared charset.
    public var text: String { Charset.decode(decodedBody, label: typeParameters["charset"]) }

    /// The file name the sender gave: Content-Disposition's filename, else Content-Type's name.
    public var fileName: String? {
        let name = dispositionParameters["filename"] ?? typeParameters["name"]
        guard let name, !name.trimmed().isEmpty else { return nil }
        return name
    }

    public var contentID: String? { headers.text("content-id") }

    /// Every leaf part, depth first.
    public var leaves: [MIMEPart] { isMultipart ? children.flatMap(\.leaves) : [self] }
}
