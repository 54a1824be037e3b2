/// A small scanner for the XML inside Office files: start and end tags with local names
/// (the namespace prefix dropped) and attributes, and text with entities decoded. It does
/// not check that the document is well formed; Office files are machine-written, and a
/// damaged one gives what text it can.
enum XMLEvents {
    enum Event {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    static func scan(_ b: [UInt8], _ handle: (Event) -> Void) {
        var k = 0
        while k < b.count {
            if b[k] == 0x3C {
                if k + 3 < b.count && b[k + 1] == 0x21 && b[k + 2] == 0x2D && b[k + 3] == 0x2D {
                    k = find(b, from: k + 4, [0x2D, 0x2D, 0x3E]).map { $0 + 3 } ?? b.count
                    continue
                }
                if k + 8 < b.count && b[k + 1] == 0x21 && b[k + 2] == 0x5B && Array(b[(k + 3)..<(k + 9)]) == Array("CDATA[".utf8) {
                    let end = find(b, from: k + 9, [0x5D, 0x5D, 0x3E]) ?? b.count
                    handle(.text(String(decoding: b[(k + 9)..<end], as: UTF8.self)))
                    k = min(b.count, end + 3)
                    continue
                }
                var close = k + 1
                var quote: UInt8 = 0
                while close < b.count {
                    let c = b[close]
                    if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == 0x3E { break }
                    close += 1
                }
                let inner = b[(k + 1)..<min(close, b.count)]
                k = close + 1
                guard let first = inner.first, first != 0x3F, first != 0x21 else { continue }
                if first == 0x2F {
                    handle(.end(name: localName(inner.dropFirst())))
                } else {
                    let selfClosing = inner.last == 0x2F
                    let body = selfClosing ? inner.dropLast() : inner
                    handle(.start(name: localName(body), attributes: attributes(body), selfClosing: selfClosing))
                    if selfClosing { handle(.end(name: localName(body))) }
                }
            } else {
                let start = k
                while k < b.count && b[k] != 0x3C { k += 1 }
                handle(.text(decodeEntities(b[start..<k])))
            }
        }
    }

    static func find(_ b: [UInt8], from: Int, _ needle: [UInt8]) -> Int? {
        var k = from
        while k + needle.count <= b.count {
            if b[k] == needle[0] && b[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }

    /// "w:t xml:space=…" → "t".
    static func localName(_ tag: ArraySlice<UInt8>) -> String {
        let name = tag.prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x2F }
        let local = name.lastIndex(of: 0x3A).map { name[($0 + 1)...] } ?? name
        return String(decoding: local, as: UTF8.self)
    }

    static func attributes(_ tag: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var k = tag.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? tag.endIndex
        while k < tag.endIndex {
            while k < tag.endIndex && (tag[k] == 0x20 || tag[k] == 0x09 || tag[k] == 0x0A || tag[k] == 0x0D) { k += 1 }
            let nameStart = k
            while k < tag.endIndex && tag[k] != 0x3D && tag[k] != 0x20 { k += 1 }
            let name = localName(tag[nameStart..<k])
            guard k < tag.endIndex, tag[k] == 0x3D, k + 1 < tag.endIndex else { break }
            let quote = tag[k + 1]
            guard quote == 0x22 || quote == 0x27 else { break }
            let valueStart = k + 2
            var e = valueStart
            while e < tag.endIndex && tag[e] != quote { e += 1 }
            result[name] = decodeEntities(tag[valueStart..<e])
            k = e + 1
        }
        return result
    }

    static func decodeEntities(_ b: ArraySlice<UInt8>) -> String {
        guard b.contains(0x26) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        var k = b.startIndex
        while k < b.endIndex {
            if b[k] == 0x26, let semi = b[k..<min(b.endIndex, k + 12)].firstIndex(of: 0x3B) {
                let name = String(decoding: b[(k + 1)..<semi], as: UTF8.self)
                var scalar: Unicode.Scalar? = nil
                switch name {
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "amp": scalar = "&"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                }
                if let scalar {
                    out.append(contentsOf: Array(String(scalar).utf8))
                    k = semi + 1
                    continue
                }
            }
            out.append(b[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
