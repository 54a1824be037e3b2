/// The text of the XML parts of Word, PowerPoint and Excel files (Office Open XML).
public enum OfficeText {
    /// word/document.xml: one line per paragraph; tabs and line breaks kept.
    public static func document(_ xml: [UInt8]) -> String {
        paragraphs(xml, paragraph: "p", text: "t")
    }

    /// ppt/slides/slideN.xml: one line per paragraph of every shape.
    public static func slide(_ xml: [UInt8]) -> String {
        paragraphs(xml, paragraph: "p", text: "t")
    }

    static func paragraphs(_ xml: [UInt8], paragraph: String, text: String) -> String {
        var lines: [String] = []
        var line = ""
        var inText = false
        XMLEvents.scan(xml) { event in
            switch event {
            case .start(let name, _, _):
                if name == text { inText = true } else if name == "tab" { line += "\t" } else if name == "br" || name == "cr" { lines.append(line); line = "" }
            case .end(let name):
                if name == text { inText = false } else if name == paragraph { lines.append(line); line = "" }
            case .text(let s):
                if inText { line += s }
            }
        }
        if !line.isEmpty { lines.append(line) }
        return trimmedLines(lines)
    }

    /// xl/sharedStrings.xml: the strings cells refer to by number, rich-text runs joined.
    public static func sharedStrings(_ xml: [UInt8]) -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, inPhonetic = false
        XMLEvents.scan(xml) { event in
            switch event {
            case .start(let name, _, _):
                if name == "si" { inItem = true; current = "" } else if name == "t" { inText = true } else if name == "rPh" { inPhonetic = true }
            case .end(let name):
                if name == "si" { inItem = false; strings.append(current) } else if name == "t" { inText = false } else if name == "rPh" { inPhonetic = false }
            case .text(let s):
                if inItem && inText && !inPhonetic { current += s }
            }
        }
        return strings
    }

    /// xl/worksheets/sheetN.xml: one line per row, its cells' values separated by tabs.
    public static func sheet(_ xml: [UInt8], sharedStrings: [String]) -> String {
        var lines: [String] = []
        var cells: [String] = []
        var cellType = ""
        var value = ""
        var inValue = false, inInline = false
        XMLEvents.scan(xml) { event in
            switch event {
            case .start(let name, let attributes, _):
                switch name {
                case "row": cells = []
                case "c": cellType = attributes["t"] ?? "n"; value = ""
                case "v": inValue = true
                case "is": inInline = true
                case "t": if inInline { inValue = true }
                default: break
                }
            case .end(let name):
                switch name {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    var text = value
                    if cellType == "s" { text = Int(value.trimmed()).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? "" }
                    if cellType == "b" { text = value == "1" ? "TRUE" : "FALSE" }
                    if !text.isEmpty { cells.append(text) }
                case "row":
                    if !cells.isEmpty { lines.append(cells.joined(separator: "\t")) }
                default: break
                }
            case .text(let s):
                if inValue { value += s }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Lines without trailing spaces, no empty lines at either end, runs of empty lines as one.
    static func trimmedLines(_ lines: [String]) -> String {
        var out: [String] = []
        for line in lines {
            var l = line
            while let last = l.unicodeScalars.last, last == " " || last == "\t" { l.unicodeScalars.removeLast() }
            if l.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(l)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
