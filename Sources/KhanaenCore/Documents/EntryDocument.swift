#if canImport(Glibc)
import Glibc
#endif
import KhanaenText

/// One file of a submission as a judge reads it: what entries.json says of it, and its
/// extracted text cut into the parts a reader turns through (the pages of a PDF, the slides
/// of a presentation, the sheets of a workbook, or the whole text as one part), every part
/// safe to send to a terminal.
///
/// The text is read from the path entries.json gives, which is untrusted: only a file
/// directly in the entry's own folder `documents/<entry id>/` is read, never through a
/// symbolic link (docs/access.md), and at most `limit` bytes of it. A document whose text
/// cannot be had says why in `problem`; loading never fails.
public struct EntryDocument: Equatable, Sendable {
    /// What the parts of `pages` are.
    public enum Unit: String, Equatable, Sendable {
        /// The whole text, one part (a Word file, plain text, or a text with no pages).
        case whole
        /// Pages of a PDF, from `pdftotext -layout`'s form feeds.
        case page
        /// Slides of a presentation, from the `--- สไลด์ N ---` line before each.
        case slide
        /// Sheets of a workbook, from the `--- ชีต N ---` line before each.
        case sheet
    }

    /// The file's name in `documents/<entry id>/`, safe for a terminal.
    public var name: String
    /// Its MIME type, safe for a terminal.
    public var type: String
    /// Its size in bytes, as entries.json says.
    public var size: Int
    /// An image's size in pixels.
    public var pixels: Contest.Document.Pixels?
    /// The text in parts, in order; a part may be empty (a page with no text). Empty when
    /// there is no text (an image, or a `problem`). Line breaks are `\n`; tabs are kept.
    public var pages: [String]
    public var unit: Unit
    /// Why there is no text, or not all of it: the import's note, a path refused, a file
    /// missing or unreadable, a text longer than the limit. nil when all is well.
    public var problem: String?

    public init(name: String, type: String, size: Int, pixels: Contest.Document.Pixels? = nil, pages: [String] = [],
                unit: Unit = .whole, problem: String? = nil) {
        self.name = name
        self.type = type
        self.size = size
        self.pixels = pixels
        self.pages = pages
        self.unit = unit
        self.problem = problem
    }

    /// The most bytes of one document's text read by default: a long submission's text is a
    /// few hundred kilobytes.
    public static let defaultLimit = 4 << 20

    /// Every document of `entry`, in entries.json's order, with its text read from under
    /// `contestDirectory` (at most `limit` bytes each). Problems are said in `language`.
    public static func load(contestDirectory: String, entry: Contest.Entry, limit: Int = defaultLimit,
                            language: Language = .th) -> [EntryDocument] {
        if entry.documents.isEmpty { return [] }
        let folder = EntryFolder(contestDirectory: contestDirectory, entryID: entry.id)
        defer { folder.close() }
        return entry.documents.map { load($0, in: folder, limit: limit, language: language) }
    }

    static func load(_ d: Contest.Document, in folder: EntryFolder, limit: Int, language: Language) -> EntryDocument {
        let w = Words(language)
        var doc = EntryDocument(name: TerminalText.safe(d.name), type: TerminalText.safe(d.type), size: d.size, pixels: d.pixels)
        guard let path = d.text else {
            if let note = d.note, !note.isEmpty {
                doc.problem = TerminalText.safe(DocumentNote.words(note).text(language))
            } else if d.pixels == nil {
                doc.problem = w.noText
            }
            return doc
        }
        guard let name = textFileName(path, entryID: folder.entryID) else {
            doc.problem = w.outside(TerminalText.safe(path), folder: folder.relative)
            return doc
        }
        let read: (bytes: [UInt8], truncated: Bool)
        switch folder.read(name, limit: limit) {
        case .success(let r): read = r
        case .failure(let problem):
            doc.problem = w.unreadable(TerminalText.safe(path), problem)
            return doc
        }
        doc.unit = unit(of: d)
        doc.pages = pages(decode(read.bytes, truncated: read.truncated), unit: doc.unit)
        if read.truncated { doc.problem = w.truncated(limit) }
        return doc
    }

    /// The name of the text file when `path` is exactly `documents/<entryID>/<name>` with a
    /// plain name; nil for anything else (absolute, `..`, `.`, another entry's folder, a
    /// deeper path, an empty part, a NUL).
    static func textFileName(_ path: String, entryID: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == EntryFolder.documents, parts[1] == entryID else { return nil }
        let name = parts[2]
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(0) else { return nil }
        return name
    }

    /// How a document's text is cut, by what the file is: never by what its text says, so
    /// that a plain text cannot pass for slides.
    static func unit(of d: Contest.Document) -> Unit {
        let name = d.name.lowercased(), type = d.type.lowercased()
        if name.hasSuffix(".pdf") || type == "application/pdf" { return .page }
        if name.hasSuffix(".pptx") || type.contains("presentationml") { return .slide }
        if name.hasSuffix(".xlsx") || type.contains("spreadsheetml") { return .sheet }
        return .whole
    }

    /// UTF-8 read leniently (a bad byte is U+FFFD), without a byte-order mark, with `\r\n`
    /// and `\r` as `\n`; a text cut at the limit loses its last, incomplete character.
    static func decode(_ bytes: [UInt8], truncated: Bool) -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        // Cut at the limit, the last character may have lost bytes: it is dropped, not shown as �.
        if truncated, let lead = slice.lastIndex(where: { $0 & 0xC0 != 0x80 }) {
            let b = slice[lead]
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if slice.endIndex - lead < length { slice = slice[..<lead] }
        }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in String(decoding: slice, as: UTF8.self).unicodeScalars {
            if s == "\r" {
                out.append("\n")
                afterCR = true
                continue
            }
            if !(s == "\n" && afterCR) { out.append(s) }
            afterCR = false
        }
        return String(out)
    }

    /// The text cut into its parts, each made safe for a terminal (line breaks and tabs kept).
    static func pages(_ text: String, unit: Unit) -> [String] {
        var parts: [String]
        switch unit {
        case .whole:
            parts = [text]
        case .page:
            parts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
            // pdftotext ends every page with a form feed, the last one too.
            if parts.count > 1, parts.last?.allSatisfy({ $0.isWhitespace }) == true { parts.removeLast() }
        case .slide, .sheet:
            parts = []
            var current: [Substring] = []
            var seenMarker = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if isMarker(line, unit) {
                    if seenMarker || !current.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { parts.append(current.joined(separator: "\n")) }
                    current = []
                    seenMarker = true
                } else {
                    current.append(line)
                }
            }
            parts.append(current.joined(separator: "\n"))
        }
        let trimmed = parts.map { TerminalText.safe(trimBlankLines($0), keepingLineBreaks: true) }
        if trimmed.count == 1 && trimmed[0].isEmpty { return [] }
        return trimmed
    }

    /// `--- สไลด์ 3 ---` (a slide) or `--- ชีต 2 ---` (a sheet), as the import writes them.
    static func isMarker(_ line: Substring, _ unit: Unit) -> Bool {
        let word = unit == .slide ? "สไลด์" : "ชีต"
        let prefix = "--- \(word) ", suffix = " ---"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.count > prefix.count + suffix.count else { return false }
        let number = line.dropFirst(prefix.count).dropLast(suffix.count)
        return number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Without the blank lines at its start and end, and without spaces at the ends of lines.
    static func trimBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
            return l
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One field of the submission, labelled for a reader.
    public struct Field: Equatable, Sendable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The submission's own fields that the entry list does not show, labelled as the
    /// submission e-mail labels them (in Thai; in English with `.en`), empty ones left out,
    /// every value safe for a terminal on one line. The day in use is in พ.ศ. in Thai.
    public static func fields(of entry: Contest.Entry, language: Language = .th) -> [Field] {
        let th = language == .th
        let inUse = entry.inUseSince.map { th ? ThaiDate.text($0) : ThaiDate.englishText($0) } ?? ""
        let all: [(String, String, String)] = [
            ("อำเภอ", "District", entry.district),
            ("ภูมิภาค", "Region", entry.region),
            ("วันที่เริ่มใช้งาน", "In use since", inUse),
            ("ชื่อ-นามสกุลผู้ประสาน", "Coordinator", entry.coordinator),
            ("ตำแหน่ง", "Position", entry.position),
            ("เบอร์โทร", "Phone", entry.phone),
            ("อีเมล", "E-mail", entry.email),
            ("ชื่อ-นามสกุลที่ปรึกษา", "Advisor", entry.advisor),
        ]
        return all.compactMap { thai, english, value in
            let clean = MatchKey.cleaned(value)
            return clean.isEmpty ? nil : Field(label: th ? thai : english, value: TerminalText.safe(clean))
        }
    }

    /// The problems in words.
    struct Words: Speaking {
        let language: Language
        init(_ language: Language) { self.language = language }

        var noText: String { language.t("ไม่มีข้อความที่อ่านได้", "no text was extracted") }

        func outside(_ path: String, folder: String) -> String {
            language.t("ไม่เปิดแฟ้มข้อความ \"\(path)\": อยู่นอกโฟลเดอร์ \(folder)/ ของผลงาน",
                "the text \"\(path)\" is not opened: it is not in the entry's folder \(folder)/")
        }

        func unreadable(_ path: String, _ p: EntryFolder.Problem) -> String {
            switch p {
            case .missing:
                return language.t("ไม่พบแฟ้มข้อความ \(path)", "the text \(path) is missing")
            case .misplaced(let what):
                return language.t("ไม่เปิดแฟ้มข้อความ \(path): เป็นลิงก์หรือไม่ใช่แฟ้มธรรมดา (\(what.th))", "the text \(path) is not opened: \(what.en)")
            case .failed(let what):
                return language.t("อ่านแฟ้มข้อความ \(path) ไม่ได้ (\(what.th))", "the text \(path) cannot be read: \(what.en)")
            }
        }

        func truncated(_ limit: Int) -> String {
            let size = limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return language.t("ข้อความยาวเกิน \(size): แสดงเพียง \(size) แรก", "the text is longer than \(size): only the first \(size) are shown")
        }
    }
}

/// An entry's folder `documents/<id>/`, opened once without following links, for reading
/// the texts in it.
struct EntryFolder {
    static let documents = "documents"

    enum Problem: Error, Equatable {
        case missing
        /// A link, a folder, a FIFO… where a file or folder belongs.
        case misplaced(Phrase)
        case failed(Phrase)
    }

    let entryID: String
    /// `documents/<id>`, as paths in entries.json start.
    let relative: String
    private let fd: Int32?
    private let problem: Problem?

    init(contestDirectory: String, entryID: String) {
        self.entryID = entryID
        relative = EntryFolder.documents + "/" + entryID
        var problem: Problem? = nil
        var entryFD: Int32? = nil
        do {
            if let contest = try ContestFiles.openFolderFollowingUser(contestDirectory) {
                defer { Glibc.close(contest) }
                let documentsPath = contestDirectory + "/" + EntryFolder.documents
                if let documents = try ContestFiles.openFolder(in: contest, EntryFolder.documents, path: documentsPath) {
                    defer { Glibc.close(documents) }
                    entryFD = try ContestFiles.openFolder(in: documents, entryID, path: documentsPath + "/" + entryID)
                    if entryFD == nil { problem = .missing }
                } else {
                    problem = .missing
                }
            } else {
                problem = .missing
            }
        } catch let p as FileProblem {
            problem = p.misplaced ? .misplaced(p.words) : .failed(p.words)
        } catch {
            problem = .failed(Phrase(error.said(in: .th), error.said(in: .en)))
        }
        fd = entryFD
        self.problem = problem
    }

    func close() { if let fd { Glibc.close(fd) } }

    /// At most `limit` bytes of the regular file `name` in the folder.
    func read(_ name: String, limit: Int) -> Result<(bytes: [UInt8], truncated: Bool), Problem> {
        guard let fd else { return .failure(problem ?? .missing) }
        let path = relative + "/" + name
        do {
            guard let file = try ContestFiles.openFile(in: fd, name, flags: O_RDONLY, path: path) else { return .failure(.missing) }
            defer { Glibc.close(file) }
            return .success(try ContestFiles.readPrefix(file, limit: limit, path: path))
        } catch let p as FileProblem {
            return .failure(p.misplaced ? .misplaced(p.what) : .failed(p.what))
        } catch {
            return .failure(.failed(Phrase(error.said(in: .th), error.said(in: .en))))
        }
    }
}
