/// The text of an HTML mail body, for a message with no text/plain part: tags removed,
/// blocks and line breaks as new lines, table cells side by side, entities decoded,
/// scripts, styles and comments dropped.
public enum HTMLText {
    public static func plain(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < s.count {
            let c = s[k]
            if c == "<" {
                if starts(s, k, "<!--") {
                    k = find(s, from: k + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                guard let close = s[k...].firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(s[(k + 1)..<close])).asciiLowercased
                let tagName = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                k = close + 1
                if !tag.hasPrefix("/") && (tagName == "script" || tagName == "style" || tagName == "head" || tagName == "title") {
                    k = find(s, from: k, "</" + tagName).flatMap { at in s[at...].firstIndex(of: ">").map { $0 + 1 } } ?? s.count
                    continue
                }
                if ["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr"].contains(tagName) {
                    out.append("\n")
                } else if tagName == "td" || tagName == "th" {
                    out.append(" ")
                }
            } else if c == "&", let (decoded, end) = entity(s, at: k) {
                out.append(contentsOf: decoded.unicodeScalars)
                k = end
            } else {
                out.append(c == "\r" ? " " : c == "\n" ? " " : c)
                k += 1
            }
        }
        // Lines trimmed, runs of empty lines kept to one.
        var lines: [String] = []
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.replacingScalars(0xA0, with: " ").trimmed()
            if t.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(t)
        }
        return lines.joined(separator: "\n").trimmed()
    }

    static func starts(_ s: [Unicode.Scalar], _ at: Int, _ text: String) -> Bool {
        let t = Array(text.unicodeScalars)
        guard at + t.count <= s.count else { return false }
        for (n, c) in t.enumerated() {
            let v = s[at + n].value
            if (v >= 0x41 && v <= 0x5A ? v + 0x20 : v) != c.value { return false }
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], from: Int, _ text: String) -> Int? {
        var k = from
        while k < s.count {
            if starts(s, k, text) { return k }
            k += 1
        }
        return nil
    }

    static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bull": "\u{2022}", "zwsp": "\u{200B}",
    ]

    /// `&name;`, `&#NNN;` or `&#xHH;` at `at`.
    static func entity(_ s: [Unicode.Scalar], at: Int) -> (String, Int)? {
        var k = at + 1
        var body = ""
        while k < s.count && k - at <= 10 && s[k] != ";" {
            body.unicodeScalars.append(s[k])
            k += 1
        }
        guard k < s.count, s[k] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), k + 1)
        }
        guard let text = named[body.asciiLowercased] else { return nil }
        return (text, k + 1)
    }
}

extension StringProtocol {
    func replacingScalars(_ value: UInt32, with replacement: Unicode.Scalar) -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value == value ? replacement : $0 }))
    }
}
