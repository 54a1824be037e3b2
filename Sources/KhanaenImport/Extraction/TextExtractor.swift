import KhanaenCore
import KhanaenText

/// Gets the text out of a submitted file, so that judges can search and read it beside the
/// file: PDF through poppler's `pdftotext -layout`; Word, PowerPoint and Excel from their XML
/// read out of the zip with `unzip -p`; plain text as it is (TIS-620/windows-874 turned into
/// UTF-8); images give their size in pixels. A file that gives no text says why; nothing
/// here fails the import.
public enum TextExtractor {
    public struct Result: Equatable, Sendable {
        /// The text; nil when there is none.
        public var text: String?
        /// For plain text already in UTF-8: the file is its own text.
        public var fileIsText = false
        /// An image's size.
        public var pixels: Contest.Document.Pixels?
        /// Why there is no text.
        public var note: String?

        init(text: String? = nil, fileIsText: Bool = false, note: String? = nil) {
            self.text = text
            self.fileIsText = fileIsText
            self.note = note
        }
    }

    public static let pdfTimeout = 60.0
    public static let unzipTimeout = 30.0
    /// The most text taken from one file: more is not a submission's text but a bomb.
    public static let outputLimit = 32 << 20

    /// `path` is where the file is on disk (for the tools), `type` its MIME type, `bytes` the
    /// file or its first bytes when `size` (the whole file's) is more: a text file is then read
    /// from `path`.
    public static func extract(path: String, name: String, type: String, bytes: [UInt8], size: Int? = nil) -> Result {
        func plainText(_ head: [UInt8]) -> Result {
            guard let size, size > head.count else { return TextExtractor.plainText(head) }
            if size > outputLimit { return Result(note: DocumentNote.text(.textTooLarge, sizeText(outputLimit))) }
            guard let whole = try? Mailbox.read(path) else { return Result(note: DocumentNote.text(.notReadBack)) }
            return TextExtractor.plainText(whole)
        }
        let ext = MediaType.fileExtension(name)
        if ext == "pdf" || type == "application/pdf" || bytes.starts(with: Array("%PDF-".utf8)) { return pdf(path) }
        switch ext {
        case "docx": return office(path, kind: .docx)
        case "pptx": return office(path, kind: .pptx)
        case "xlsx": return office(path, kind: .xlsx)
        case "txt", "csv", "tsv", "md": return plainText(bytes)
        default: break
        }
        if let size = ImageSize.of(bytes) {
            var r = Result()
            r.pixels = .init(width: size.width, height: size.height)
            return r
        }
        if type.hasPrefix("image/") { return Result(note: DocumentNote.text(.imageSize)) }
        if type == "text/plain" || type == "text/csv" { return plainText(bytes) }
        return Result(note: DocumentNote.text(.kindWithoutText, ext.isEmpty ? type : "." + ext))
    }

    static func pdf(_ path: String) -> Result {
        let run = Subprocess.run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", path, "-"], timeout: pdfTimeout, outputLimit: outputLimit)
        if let problem = problem(run, tool: "pdftotext", package: "poppler-utils") { return Result(note: problem) }
        // Pages end in form feeds; a scanned form gives nothing but those. The stored text
        // keeps one form feed between pages, so that a reader can turn them (EntryDocument).
        // Layout mode spaces a line's glyph clusters out; a space inside a Thai syllable is taken out again.
        let text = ThaiSpacing.repair(String(decoding: run.output, as: UTF8.self))
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return Result(note: DocumentNote.text(.pdfWithoutText)) }
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pages.count > 1, pages.last?.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) == true { pages.removeLast() }
        return Result(text: pages.map { page in
            OfficeText.trimmedLines(page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }.joined(separator: "\u{0C}"))
    }

    enum OfficeKind { case docx, pptx, xlsx }

    static func office(_ path: String, kind: OfficeKind, limit: Int = outputLimit) -> Result {
        /// A member's bytes; nil when unzip could not give it; the member's name when its text
        /// is larger than `limit` (a zip bomb, or a file no one could read through).
        var tooLarge: String? = nil
        func member(_ name: String) -> [UInt8]? {
            let r = Subprocess.run("unzip", ["-p", path, name], timeout: unzipTimeout, outputLimit: limit)
            if case .tooMuchOutput = r.end, tooLarge == nil { tooLarge = name }
            return r.succeeded ? r.output : nil
        }
        func tooLargeNote(_ name: String) -> Result {
            Result(note: DocumentNote.text(.memberTooLarge, name, sizeText(limit)))
        }
        // A Word file's text is in one known member: no need to list the zip first.
        if kind == .docx {
            if let xml = member("word/document.xml") {
                let text = OfficeText.document(xml)
                return text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) ? Result(note: DocumentNote.text(.fileWithoutText)) : Result(text: text)
            }
            if let name = tooLarge { return tooLargeNote(name) }
        }
        let list = Subprocess.run("unzip", ["-Z1", path], timeout: unzipTimeout, outputLimit: 4 << 20)
        if let problem = problem(list, tool: "unzip", package: "unzip") { return Result(note: problem + DocumentNote.notAZip.en) }
        let members = String(decoding: list.output, as: UTF8.self).split(separator: "\n").map { String($0).trimmed() }
        /// Members named prefix + number + ".xml", in the numbers' order (slide2 before slide10).
        func numbered(_ prefix: String) -> [(Int, String)] {
            members.compactMap { m -> (Int, String)? in
                guard m.hasPrefix(prefix), m.hasSuffix(".xml") else { return nil }
                let digits = m.dropFirst(prefix.count).dropLast(4)
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
                return (n, m)
            }.sorted { $0.0 < $1.0 }
        }
        var text: String
        switch kind {
        case .docx:
            return Result(note: DocumentNote.text(.noDocumentXML))
        case .pptx:
            let slides = numbered("ppt/slides/slide")
            if slides.isEmpty { return Result(note: DocumentNote.text(.noSlides)) }
            text = slides.map { n, name in "--- สไลด์ \(n) ---\n" + (member(name).map(OfficeText.slide) ?? "") }.joined(separator: "\n")
        case .xlsx:
            let shared = members.contains("xl/sharedStrings.xml") ? (member("xl/sharedStrings.xml").map(OfficeText.sharedStrings) ?? []) : []
            let sheets = numbered("xl/worksheets/sheet")
            if sheets.isEmpty { return Result(note: DocumentNote.text(.noSheets)) }
            text = sheets.map { n, name in "--- ชีต \(n) ---\n" + (member(name).map { OfficeText.sheet($0, sharedStrings: shared) } ?? "") }
                .joined(separator: "\n")
        }
        if let name = tooLarge { return tooLargeNote(name) }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return Result(note: DocumentNote.text(.fileWithoutText)) }
        return Result(text: text)
    }

    /// 32 MiB, 1,000 bytes.
    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// UTF-8 as it is; anything else decoded (windows-874 for undeclared 8-bit Thai) into UTF-8.
    static func plainText(_ bytes: [UInt8]) -> Result {
        let (encoding, bom) = TextEncoding.detect(bytes)
        if encoding == .utf8 && bom == 0 { return Result(text: String(decoding: bytes, as: UTF8.self), fileIsText: true) }
        return Result(text: encoding.decode(bytes[bom...]))
    }

    /// What went wrong with a tool's run, in words; nil when it succeeded.
    static func problem(_ run: Subprocess.Outcome, tool: String, package: String) -> String? {
        switch run.end {
        case .exited(0): return nil
        case .notStarted(let e) where e == 2: return DocumentNote.text(.toolMissing, tool, package)
        case .notStarted(let e): return DocumentNote.text(.toolNotStarted, tool, String(e))
        case .timedOut: return DocumentNote.text(.toolTimedOut, tool)
        case .tooMuchOutput: return DocumentNote.text(.toolTooMuchOutput, tool)
        case .signalled(let s): return DocumentNote.text(.toolSignalled, tool, String(s))
        case .exited(let status):
            let line = run.firstErrorLine
            return line.isEmpty ? DocumentNote.text(.toolFailed, tool, String(status)) : DocumentNote.text(.toolFailedSaying, tool, String(status), line)
        }
    }
}
