/// A message's or a MIME part's header section: fields unfolded, names in lower case,
/// values kept as bytes until asked for as text. CRLF and LF line ends are both read.
public struct MailHeaders: Sendable {
    public var fields: [(name: String, value: [UInt8])]

    /// The headers at the start of `bytes` and the index where the body starts (after the
    /// empty line; the end when there is none).
    public static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: MailHeaders, bodyStart: Int) {
        var fields: [(name: String, value: [UInt8])] = []
        var k = bytes.startIndex
        let end = bytes.endIndex
        while k < end {
            var lineEnd = k
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > k && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == k { return (MailHeaders(fields: fields), next) }
            let line = bytes[k..<contentEnd]
            if line.first == 0x20 || line.first == 0x09 {
                if !fields.isEmpty { fields[fields.count - 1].value.append(contentsOf: line) }
            } else if let colon = line.firstIndex(of: 0x3A) {
                let name = String(decoding: bytes[k..<colon], as: UTF8.self).trimmed().asciiLowercased
                var valueStart = colon + 1
                while valueStart < contentEnd && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) { valueStart += 1 }
                if !name.isEmpty && !name.contains(" ") { fields.append((name, Array(bytes[valueStart..<contentEnd]))) }
            }
            k = next
        }
        return (MailHeaders(fields: fields), end)
    }

    /// The first field of this name, as bytes.
    public func raw(_ name: String) -> [UInt8]? { fields.first { $0.name == name }?.value }

    /// The first field of this name as text, encoded words decoded, trimmed.
    public func text(_ name: String) -> String? { raw(name).map { EncodedWords.decode($0).trimmed() } }

    /// A structured field such as Content-Type: its value in lower case and its parameters.
    public func structured(_ name: String) -> HeaderValue? { raw(name).map(HeaderValue.parse) }
}

/// `value; name=token; name="quoted"; name*=charset''%XX; name*0*=…; name*1=…` with the
/// parameters decoded: RFC 2231 sections joined in order and their charset applied, RFC 2047
/// words inside quoted values (as Outlook and Gmail write Thai file names) decoded too.
public struct HeaderValue: Sendable {
    public var value: String
    public var parameters: [String: String]

    public static func parse(_ raw: [UInt8]) -> HeaderValue {
        var k = 0
        func skipSpace() { while k < raw.count && (raw[k] == 0x20 || raw[k] == 0x09 || raw[k] == 0x0D || raw[k] == 0x0A) { k += 1 } }
        let valueEnd = raw.firstIndex(of: 0x3B) ?? raw.count
        let value = String(decoding: raw[0..<valueEnd], as: UTF8.self).trimmed().asciiLowercased
        k = valueEnd

        var plain: [String: [UInt8]] = [:]
        // name → section number → (bytes, percent-encoded)
        var sections: [String: [Int: (bytes: [UInt8], encoded: Bool)]] = [:]
        while k < raw.count {
            k += 1  // the ';'
            skipSpace()
            let nameStart = k
            while k < raw.count && raw[k] != 0x3D && raw[k] != 0x3B { k += 1 }
            let name = String(decoding: raw[nameStart..<k], as: UTF8.self).trimmed().asciiLowercased
            guard k < raw.count, raw[k] == 0x3D else { continue }
            k += 1
            skipSpace()
            var bytes: [UInt8] = []
            if k < raw.count && raw[k] == 0x22 {
                k += 1
                while k < raw.count && raw[k] != 0x22 {
                    if raw[k] == 0x5C && k + 1 < raw.count { k += 1 }
                    bytes.append(raw[k])
                    k += 1
                }
                k += 1
                while k < raw.count && raw[k] != 0x3B { k += 1 }
            } else {
                let start = k
                while k < raw.count && raw[k] != 0x3B { k += 1 }
                bytes = Array(raw[start..<k])
                while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { bytes.removeLast() }
            }
            if name.isEmpty { continue }
            var base = name
            let encoded = base.hasSuffix("*")
            if encoded { base.removeLast() }
            if let star = base.lastIndex(of: "*"), let n = Int(base[base.index(after: star)...]) {
                sections[String(base[..<star]), default: [:]][n] = (bytes, encoded)
            } else if encoded {
                sections[base, default: [:]][0] = (bytes, true)
            } else if plain[base] == nil {
                plain[base] = bytes
            }
        }

        var parameters: [String: String] = [:]
        for (name, bytes) in plain {
            let text = bytes.contains(0x3F) && bytes.contains(0x3D) ? EncodedWords.decode(bytes) : bytes.undeclaredText
            parameters[name] = text
        }
        for (name, parts) in sections {
            var charset: String? = nil
            var joined: [UInt8] = []
            for n in parts.keys.sorted() {
                let part = parts[n]!
                var bytes = part.bytes
                if part.encoded && n == parts.keys.min() {
                    // charset'language'text
                    let quotes = bytes.indices.filter { bytes[$0] == 0x27 }
                    if quotes.count >= 2 {
                        charset = String(decoding: bytes[0..<quotes[0]], as: UTF8.self)
                        bytes = Array(bytes[(quotes[1] + 1)...])
                    }
                }
                joined += part.encoded ? percentDecoded(bytes) : bytes
            }
            parameters[name] = Charset.decode(joined, label: charset?.isEmpty == false ? charset : nil)
        }
        return HeaderValue(value: value, parameters: parameters)
    }

    static func percentDecoded(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var k = 0
        while k < b.count {
            if b[k] == 0x25, let h = TransferEncoding.hex(b, k + 1) {
                out.append(h)
                k += 3
            } else {
                out.append(b[k])
                k += 1
            }
        }
        return out
    }
}
