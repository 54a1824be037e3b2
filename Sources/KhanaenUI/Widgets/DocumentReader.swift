import KhanaenCore
import KhanaenText

/// An entry's documents as a judge, or the chair, reads them: the submission's fields, then
/// each file of the submission, a page (or slide, or sheet) at a time, wrapped at Thai word
/// boundaries, with a search. The same widget in the workstation and in the console. The
/// files are read by an effect; until they arrive, `documents` is nil.
public struct DocumentReader: Equatable, Sendable {
    public let entry: Int
    public var documents: [EntryDocument]?
    public let fields: [EntryDocument.Field]
    /// 0: the submission's fields; k: the document k − 1.
    public var tab = 0
    /// The part of the document shown.
    public var page = 0
    public var viewport = Viewport()
    /// The search being typed.
    public var search: TextField?
    /// The last search made, for `n`.
    public var query = ""

    public init(entry: Int, fields: [EntryDocument.Field]) {
        self.entry = entry
        self.fields = fields
    }

    var document: EntryDocument? {
        guard tab > 0, let documents, tab - 1 < documents.count else { return nil }
        return documents[tab - 1]
    }

    var tabCount: Int { 1 + (documents?.count ?? 0) }

    /// The lines of what is shown, wrapped to `width`: the fields, or the document's head and
    /// the current part's text.
    func lines(width: Int, strings w: Strings, words: WordBreaker) -> [ScreenLine] {
        var out = ScrollText(width: width, words: words, keepsNewlines: true)
        func wrap(_ t: String, _ role: Role = .normal, bold: Bool = false, indent: String = "") { out.wrap(t, role, bold: bold, indent: indent) }
        guard tab > 0 else {
            if fields.isEmpty { out.append((w.noFields, .muted, false)) }
            for f in fields { wrap("\(f.label): \(f.value)") }
            out.append(("", .normal, false))
            if let documents {
                wrap(documents.isEmpty ? w.noDocuments : w.documentsCount(documents.count), .muted)
                for (k, d) in documents.enumerated() { wrap("\(k + 2)  \(d.name) · \(w.fileSize(d.size))", .muted, indent: "  ") }
            } else {
                out.append((w.loadingDocuments, .muted, false))
            }
            return out.lines
        }
        guard let d = document else { return out.lines }
        var head = "\(d.name) · \(w.fileKind(d.type)) · \(w.fileSize(d.size))"
        if let p = d.pixels { head += " · \(p.width)×\(p.height)" }
        wrap(head, .accent, bold: true)
        if let problem = d.problem { wrap(problem, .warning) }
        if d.pages.isEmpty {
            if d.problem == nil { out.append((w.noText, .muted, false)) }
            return out.lines
        }
        if d.pages.count > 1 { out.append((w.part(d.unit, page + 1, of: d.pages.count), .muted, false)) }
        out.append(("", .normal, false))
        let text = d.pages[min(page, d.pages.count - 1)]
        if text.isEmpty { out.append((w.emptyPart(d.unit), .muted, false)) }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(String(paragraph).replacingOccurrences(of: "\t", with: "    "))
        }
        return out.lines
    }

    /// Takes a key; returns false when it is not the reader's (the caller goes back, or
    /// shows help). `status` is set for what the reader says.
    mutating func handle(_ key: Key, width: Int, page rows: Int, strings w: Strings, words: WordBreaker,
                         status: inout StatusMessage?) -> Bool {
        if var field = search {
            switch key {
            case .enter:
                search = nil
                query = field.text.trimmingSpaces
                if !query.isEmpty { find(from: (page, viewport.top), width: width, rows: rows, strings: w, words: words, status: &status) }
            case .escape:
                search = nil
            default:
                _ = field.handle(key)
                search = field
            }
            return true
        }
        // The number keys choose a tab: 1 the fields, 2… the documents.
        if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= min(9, tabCount) {
            open(tab: n - 1)
            return true
        }
        guard let action = Keymap.documents.action(for: key) else { return false }
        let count = lines(width: width, strings: w, words: words).count
        let parts = document?.pages.count ?? 1
        switch action {
        case .move(let m):
            // Past the end of a part, PgDn goes on to the next, and PgUp back, as a book reads.
            if m == .pageDown && viewport.first(lines: count, page: rows) + rows >= count && page + 1 < parts {
                page += 1
                viewport.reset()
            } else if m == .pageUp && viewport.first(lines: count, page: rows) == 0 && page > 0 {
                page -= 1
                viewport.reset()
                viewport.move(.end, lines: lines(width: width, strings: w, words: words).count, page: rows)
            } else {
                viewport.move(m, lines: count, page: rows)
            }
        case .nextPage, .previousPage:
            let next = page + (action == .nextPage ? 1 : -1)
            if next >= 0 && next < parts {
                page = next
                viewport.reset()
            } else {
                status = .info(action == .nextPage ? w.lastPart : w.firstPart)
            }
        case .nextDocument: open(tab: (tab + 1) % tabCount)
        case .previousDocument: open(tab: (tab + tabCount - 1) % tabCount)
        case .search: search = TextField(query, limit: 100)
        case .nextMatch:
            if query.isEmpty {
                search = TextField(limit: 100)
            } else {
                find(from: (page, viewport.first(lines: count, page: rows) + 1), width: width, rows: rows, strings: w, words: words, status: &status)
            }
        default:
            return false
        }
        return true
    }

    private mutating func open(tab t: Int) {
        tab = t
        page = 0
        viewport.reset()
    }

    /// Finds `query` at or after line `from.1` of part `from.0` of this document (the fields
    /// are one part), wrapping round to the start; shows the line found at the top.
    private mutating func find(from: (Int, Int), width: Int, rows: Int, strings w: Strings, words: WordBreaker, status: inout StatusMessage?) {
        let needle = query.lowercased()
        let parts = max(1, document?.pages.count ?? 1)
        var probe = self
        for step in 0...parts {
            let p = (from.0 + step) % parts
            probe.page = p
            let all = probe.lines(width: width, strings: w, words: words)
            let start = step == 0 ? from.1 : 0
            let end = step == parts ? min(from.1, all.count) : all.count
            guard start < end else { continue }
            if let hit = (start..<end).first(where: { all[$0].0.lowercased().contains(needle) }) {
                page = p
                viewport.reset()
                viewport.move(.end, lines: all.count, page: rows)
                // Scroll from the end back to the line found, so that it is at the top when it can be.
                while viewport.top > hit { viewport.move(.up, lines: all.count, page: rows) }
                status = .info(w.found(query, part: parts > 1 ? p + 1 : nil))
                return
            }
        }
        status = .error(w.notFound(query))
    }

    /// The reader's parts in `r`: the tabs, the text (two cells in from each side), and the
    /// row that says where it is.
    static func parts(_ r: Rect) -> (tabs: Rect, text: Rect, position: Rect) {
        let p = Layout.rows([.fixed(1), .fill, .fixed(1)]).split(r)
        return (p[0], p[1].inset(left: 2, right: 2), p[2])
    }

    /// Draws the reader in `r`: the tabs, the text, and where it is.
    static func draw(_ c: inout Canvas, in rect: Rect, _ r: DocumentReader, strings w: Strings, words: WordBreaker) {
        let (tabs, text, position) = parts(rect)
        var labels = [w.fieldsTab]
        for d in r.documents ?? [] { labels.append(d.name) }
        var x = tabs.x + 1
        for (k, label) in labels.enumerated() {
            let tab = " \(k + 1) \(CellText.clip(label, to: 24)) "
            guard x + CellWidth.of(tab) < tabs.right else { break }
            x += c.put(tab, x: x, y: tabs.y, role: k == r.tab ? .selected : .muted, bold: k == r.tab)
        }
        ScrollText.draw(&c, r.lines(width: text.width, strings: w, words: words), r.viewport, in: text, positionRow: position.y)
    }
}
