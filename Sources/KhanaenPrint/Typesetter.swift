import CPangoCairo
import Foundation
import KhanaenText
import KhanaenCore

/// Why a document could not be printed: Pango or Cairo missing, or the file not written; in
/// both languages (what a library says is kept in its own words, as terminal-safe text).
public struct PrintError: BilingualError, CustomStringConvertible, Sendable {
    public var words: Phrase
    public init(th: String, en: String) { words = Phrase(th, en).terminalSafe }
    /// The library's or the system's own words, the same in both languages.
    public init(said: String) { self.init(th: said, en: said) }
    public var description: String { words.en }
}

public enum TextAlignment: Int32, Sendable {
    // PangoAlignment's values.
    case left = 0, center = 1, right = 2
}

/// A column of a table: its heading, its share of the width and how its cells align.
public struct TableColumn: Sendable {
    public var title: String
    public var weight: Double
    public var alignment: TextAlignment
    public init(_ title: String, weight: Double, alignment: TextAlignment = .left) {
        self.title = title
        self.weight = weight
        self.alignment = alignment
    }
}

/// A table that breaks between rows and repeats its heading on every page it reaches.
public struct PrintTable: Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var size: Double
    public init(columns: [TableColumn], rows: [[String]], size: Double = 12) {
        self.columns = columns
        self.rows = rows
        self.size = size
    }
}

/// What a document is made of, top to bottom.
public enum PrintBlock: Sendable {
    /// `indent` steps in from the left margin.
    case text(String, size: Double = 15, bold: Bool = false, alignment: TextAlignment = .left, indent: Int = 0)
    /// A box, ticked or empty, and its words beside it: a ground on a form.
    case check(String, checked: Bool, size: Double = 15, indent: Int = 0)
    case space(Double)
    case table(PrintTable)
    /// Signature blocks (each a few centred lines), `perRow` side by side; a row is never split.
    case signatures([[String]], perRow: Int)
}

public struct PrintDocument: Sendable {
    public var title: String
    public var landscape: Bool
    public var blocks: [PrintBlock]
    /// Prints ร่าง across every page.
    public var draft: Bool
    /// The lines under every page's rule, before its "หน้า n จาก m".
    public var footer: [String]
    /// A family Pango finds through fontconfig (contest.json's `print.font` may name another).
    public var font: String
    /// What the QR code in every page's footer says (the verification line's figures); nil: no QR.
    public var qr: String?

    public static let defaultFont = "Laksaman"

    public init(title: String, landscape: Bool = false, blocks: [PrintBlock], draft: Bool, footer: [String], font: String = defaultFont,
                qr: String? = nil) {
        self.qr = qr
        self.title = title
        self.landscape = landscape
        self.blocks = blocks
        self.draft = draft
        self.footer = footer
        self.font = font
    }
}

/// Sets documents as A4 PDF with Pango (Thai shaping, and line breaks at Thai word boundaries
/// through libthai) on Cairo's PDF surface, which embeds the fonts' subsets.
public enum Typesetter {
    public static let draftMark = "ร่าง"
    static let a4 = (width: 595.276, height: 841.890)
    static let margin = 42.5  // 15 mm
    static let padding = 3.0
    static let footerSize = 9.0
    /// The QR code's side in the footer, quiet zone included: 21 mm, a module about 0.37 mm.
    static let qrSide = 60.0
    public static let qrLibrary = "libqrencode.so.4"

    /// Why a QR code cannot be drawn (libqrencode missing), or nil when it can.
    public static func qrProblem(library: String = qrLibrary) -> String? {
        var table = KhanaenQRencode()
        var error = [CChar](repeating: 0, count: 512)
        if khanaen_qrencode_open(library, &table, &error, error.count) != 0 { return nil }
        return "libqrencode is not installed (\(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))"
    }

    /// The dark modules of `text`'s QR code, row by row (medium error correction), or nil
    /// when libqrencode is missing or the text too long.
    static func qrModules(_ text: String, library: String) -> [[Bool]]? {
        var table = KhanaenQRencode()
        guard khanaen_qrencode_open(library, &table, nil, 0) != 0, let code = table.QRcode_encodeString8bit(text, 0, 1) else { return nil }
        defer { table.QRcode_free(code) }
        let n = Int(code.pointee.width)
        return (0..<n).map { y in (0..<n).map { x in code.pointee.data[y * n + x] & 1 == 1 } }
    }
    static let indent = 22.0

    /// Writes `document` to `path` (through a temporary file beside it, renamed into place) and
    /// returns the number of pages.
    @discardableResult
    public static func write(_ document: PrintDocument, to path: String, qrLibrary: String = qrLibrary) throws -> Int {
        var error = [CChar](repeating: 0, count: 512)
        guard let api = khanaen_pango_open(&error, error.count)?.pointee else {
            let said = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PrintError(th: "พิมพ์ไม่ได้ เครื่องนี้ไม่มี Pango และ Cairo รุ่นที่ใช้ได้ (scripts/setup.sh ติดตั้งให้): \(said)", en: said)
        }
        // Cairo opens its file by name, following links: it writes inside a folder of our own,
        // made under a random name (mkdtemp, mode 0700) beside the target, where no one else can
        // plant a name; the paper is then renamed into place, which replaces a link, never
        // writes through one. A paper holds a judge's scores or conflicts: readable by the
        // owner and the folder's group only.
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        var template = Array("\(folder.isEmpty ? "/" : folder)/.khanaen-print-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            let why = SystemError.failed("สร้างโฟลเดอร์ชั่วคราวข้างกันไม่ได้", "cannot make a temporary folder beside it", code: errno)
            throw PrintError(th: "\(path): \(why.th)", en: "\(path): \(why.en)")
        }
        let own = String(cString: made)
        let temporary = own + "/paper.pdf"
        defer { rmdir(own) }
        let pages: Int
        do {
            let qr = document.qr.flatMap { qrModules($0, library: qrLibrary) }
            pages = try Setter(api: api, document: document, qr: qr).run(path: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard chmod(temporary, 0o640) == 0, rename(temporary, path) == 0 else {
            let why = SystemError.failed("ย้ายแฟ้มที่พิมพ์เข้าที่ไม่ได้", "cannot put the paper in place", code: errno)
            unlink(temporary)
            throw PrintError(th: "\(path): \(why.th)", en: "\(path): \(why.en)")
        }
        return pages
    }
}

private struct Placed {
    enum Kind {
        case text(String, size: Double, bold: Bool, alignment: TextAlignment, width: Double)
        case box(width: Double, height: Double, shaded: Bool)
        /// A form's box of `side`, with a tick when `checked`.
        case check(side: Double, checked: Bool)
        /// A layout made (and measured) while the pages were laid out: drawn as it is, not shaped again.
        case layout(OpaquePointer)
    }
    var kind: Kind
    var x: Double
    var y: Double
}

private final class Setter {
    let api: KhanaenPango
    let document: PrintDocument
    let width: Double, height: Double
    var cr: OpaquePointer? = nil
    var fonts: [String: OpaquePointer] = [:]
    /// The layouts the pages hold, released when the document is written.
    var kept: [OpaquePointer] = []

    /// The QR code drawn in every footer, when there is one.
    let qr: [[Bool]]?

    init(api: KhanaenPango, document: PrintDocument, qr: [[Bool]]?) {
        self.api = api
        self.document = document
        self.qr = qr
        width = document.landscape ? Typesetter.a4.height : Typesetter.a4.width
        height = document.landscape ? Typesetter.a4.width : Typesetter.a4.height
    }

    deinit {
        for l in kept { api.g_object_unref(UnsafeMutableRawPointer(l)) }
        for f in fonts.values { api.pango_font_description_free(f) }
    }

    func font(_ size: Double, bold: Bool) -> OpaquePointer {
        // "px": an absolute size, in the surface's units (points); a plain size would be scaled by 96/72.
        let key = "\(document.font)\(bold ? " Bold" : "") \(size)px"
        if let f = fonts[key] { return f }
        let f = api.pango_font_description_from_string(key)!
        fonts[key] = f
        return f
    }

    func layout(_ text: String, size: Double, bold: Bool, alignment: TextAlignment, width: Double) -> OpaquePointer {
        let l = api.pango_cairo_create_layout(cr)!
        api.pango_layout_set_font_description(l, font(size, bold: bold))
        api.pango_layout_set_width(l, Int32(width * 1024))
        api.pango_layout_set_wrap(l, 2)  // PANGO_WRAP_WORD_CHAR: at word boundaries, within a word only when it cannot fit
        api.pango_layout_set_alignment(l, alignment.rawValue)
        // Text from files: a bidirectional override would reorder what a signer reads, a
        // control would print as a box of hex digits; each is shown as the terminal shows it.
        api.pango_layout_set_text(l, TerminalText.safe(text, keepingLineBreaks: true), -1)
        return l
    }

    /// A layout kept for drawing, and its height.
    func prepared(_ text: String, size: Double, bold: Bool, alignment: TextAlignment, width: Double) -> (layout: OpaquePointer, height: Double) {
        let l = layout(text, size: size, bold: bold, alignment: alignment, width: width)
        kept.append(l)
        var w: Int32 = 0, h: Int32 = 0
        api.pango_layout_get_size(l, &w, &h)
        return (l, Double(h) / 1024)
    }

    /// The footer's lines (measured: a long verification line may wrap on a portrait page) and its height.
    var footerLines: [(layout: OpaquePointer, height: Double)] = []
    var footerHeight: Double {
        let text = footerLines.reduce(Typesetter.footerSize * 1.5 + 8) { $0 + $1.height }
        return qr == nil ? text : max(text, Typesetter.qrSide + 10)
    }
    /// The footer's text stops short of the QR code.
    var footerTextWidth: Double { width - 2 * Typesetter.margin - (qr == nil ? 0 : Typesetter.qrSide + 8) }

    func run(path: String) throws -> Int {
        guard let surface = api.cairo_pdf_surface_create(path, width, height) else { throw PrintError(th: "\(path): Cairo สร้างพื้นผิวไม่ได้", en: "\(path): Cairo made no surface") }
        defer { api.cairo_surface_destroy(surface) }
        if api.cairo_surface_status(surface) != 0 {
            throw PrintError(said: "\(path): \(String(cString: api.cairo_status_to_string(api.cairo_surface_status(surface))!))")
        }
        api.cairo_pdf_surface_set_metadata(surface, 0, document.title)  // CAIRO_PDF_METADATA_TITLE
        api.cairo_pdf_surface_set_metadata(surface, 4, "Khanaen")  // CAIRO_PDF_METADATA_CREATOR
        cr = api.cairo_create(surface)
        defer { api.cairo_destroy(cr) }
        try checkFont()
        footerLines = document.footer.map {
            prepared($0, size: Typesetter.footerSize, bold: false, alignment: .left, width: footerTextWidth)
        }
        let pages = paginate()
        for (n, page) in pages.enumerated() {
            if document.draft { drawDraftMark() }
            for item in page { draw(item) }
            drawFooter(page: n + 1, of: pages.count)
            api.cairo_show_page(cr)
        }
        api.cairo_surface_finish(surface)
        let status = api.cairo_surface_status(surface)
        if status != 0 { throw PrintError(said: "\(path): \(String(cString: api.cairo_status_to_string(status)!))") }
        return pages.count
    }

    /// The family fontconfig gives for the document's: another than asked (a font not installed)
    /// would set signed papers in a face nobody chose, so the print stops.
    func checkFont() throws {
        let l = layout("ก", size: 12, bold: false, alignment: .left, width: 100)
        defer { api.g_object_unref(UnsafeMutableRawPointer(l)) }
        guard let font = api.pango_context_load_font(api.pango_layout_get_context(l), self.font(12, bold: false)) else { return }
        defer { api.g_object_unref(UnsafeMutableRawPointer(font)) }
        guard let described = api.pango_font_describe(font) else { return }
        defer { api.pango_font_description_free(described) }
        let family = api.pango_font_description_get_family(described).map { String(cString: $0) } ?? ""
        if family.lowercased() != document.font.lowercased() {
            throw PrintError(th: "ไม่ได้ติดตั้งแบบอักษร \"\(document.font)\" (fontconfig จะใช้ \"\(family)\" แทน) "
                                 + "ติดตั้งแบบอักษรนั้น หรือระบุแบบอักษรที่ติดตั้งแล้วใน print.font ของ contest.json",
                             en: "the font \"\(document.font)\" is not installed (fontconfig would set the papers in \"\(family)\"); "
                                 + "install it, or name an installed family in contest.json's print.font")
        }
    }

    func paginate() -> [[Placed]] {
        let left = Typesetter.margin, top = Typesetter.margin
        let contentWidth = width - 2 * Typesetter.margin
        let bottom = height - Typesetter.margin - footerHeight
        var pages: [[Placed]] = [[]]
        var y = top
        func newPage() { pages.append([]); y = top }
        func place(_ p: Placed) { pages[pages.count - 1].append(p) }

        for block in document.blocks {
            switch block {
            case .text(let text, let size, let bold, let alignment, let indent):
                let inset = Double(indent) * Typesetter.indent
                let (l, h) = prepared(text, size: size, bold: bold, alignment: alignment, width: contentWidth - inset)
                if y + h > bottom && y > top { newPage() }
                place(Placed(kind: .layout(l), x: left + inset, y: y))
                y += h
            case .check(let text, let checked, let size, let indent):
                let inset = Double(indent) * Typesetter.indent
                let side = size * 0.7, gap = size * 0.5
                let (l, h) = prepared(text, size: size, bold: false, alignment: .left, width: contentWidth - inset - side - gap)
                if y + h > bottom && y > top { newPage() }
                // The box sits on the first line's middle: a line of Laksaman is about 1.6 sizes high.
                place(Placed(kind: .check(side: side, checked: checked), x: left + inset, y: y + size * 0.8 - side / 2))
                place(Placed(kind: .layout(l), x: left + inset + side + gap, y: y))
                y += h + 2
            case .space(let d):
                y += d
                if y > bottom { newPage() }
            case .table(let table):
                let total = table.columns.reduce(0) { $0 + $1.weight }
                let widths = table.columns.map { $0.weight / total * contentWidth }
                let pad = Typesetter.padding
                /// A row's cells, each shaped once, and its height.
                func prepare(_ cells: [String], heading: Bool) -> (cells: [OpaquePointer], height: Double) {
                    var h = 0.0
                    var layouts: [OpaquePointer] = []
                    for (k, w) in widths.enumerated() {
                        let cell = prepared(k < cells.count ? cells[k] : "", size: table.size, bold: heading,
                                            alignment: heading ? .center : table.columns[k].alignment, width: w - 2 * pad)
                        layouts.append(cell.layout)
                        h = max(h, cell.height)
                    }
                    return (layouts, h + 2 * pad)
                }
                func placeRow(_ row: (cells: [OpaquePointer], height: Double), heading: Bool) {
                    var x = left
                    for (k, w) in widths.enumerated() {
                        place(Placed(kind: .box(width: w, height: row.height, shaded: heading), x: x, y: y))
                        place(Placed(kind: .layout(row.cells[k]), x: x + pad, y: y + pad))
                        x += w
                    }
                    y += row.height
                }
                let heading = prepare(table.columns.map(\.title), heading: true)
                let rows = table.rows.map { prepare($0, heading: false) }
                if y + heading.height + (rows.first?.height ?? 0) > bottom && y > top { newPage() }
                placeRow(heading, heading: true)
                for row in rows {
                    if y + row.height > bottom {
                        newPage()
                        placeRow(heading, heading: true)
                    }
                    placeRow(row, heading: false)
                }
            case .signatures(let blocks, let perRow):
                let columns = max(1, perRow)
                let w = contentWidth / Double(columns)
                var k = 0
                while k < blocks.count {
                    let row = Array(blocks[k..<min(k + columns, blocks.count)])
                    let cells = row.map { prepared($0.joined(separator: "\n"), size: 15, bold: false, alignment: .center, width: w - 8) }
                    let h = cells.map(\.height).max() ?? 0
                    if y + h > bottom && y > top { newPage() }
                    for (j, c) in cells.enumerated() { place(Placed(kind: .layout(c.layout), x: left + Double(j) * w + 4, y: y)) }
                    y += h + 18
                    k += columns
                }
            }
        }
        return pages
    }

    func draw(_ item: Placed) {
        switch item.kind {
        case .text(let text, let size, let bold, let alignment, let width):
            let l = layout(text, size: size, bold: bold, alignment: alignment, width: width)
            defer { api.g_object_unref(UnsafeMutableRawPointer(l)) }
            api.cairo_set_source_rgb(cr, 0, 0, 0)
            api.cairo_move_to(cr, item.x, item.y)
            api.pango_cairo_show_layout(cr, l)
        case .layout(let l):
            api.cairo_set_source_rgb(cr, 0, 0, 0)
            api.cairo_move_to(cr, item.x, item.y)
            api.pango_cairo_show_layout(cr, l)
        case .check(let side, let checked):
            api.cairo_set_source_rgb(cr, 0, 0, 0)
            api.cairo_set_line_width(cr, 0.8)
            api.cairo_rectangle(cr, item.x, item.y, side, side)
            api.cairo_stroke(cr)
            if checked {
                api.cairo_set_line_width(cr, 1.6)
                api.cairo_move_to(cr, item.x + side * 0.18, item.y + side * 0.52)
                api.cairo_line_to(cr, item.x + side * 0.42, item.y + side * 0.80)
                api.cairo_line_to(cr, item.x + side * 0.88, item.y + side * 0.12)
                api.cairo_stroke(cr)
            }
        case .box(let w, let h, let shaded):
            if shaded {
                api.cairo_set_source_rgb(cr, 0.9, 0.9, 0.9)
                api.cairo_rectangle(cr, item.x, item.y, w, h)
                api.cairo_fill(cr)
            }
            api.cairo_set_source_rgb(cr, 0, 0, 0)
            api.cairo_set_line_width(cr, 0.5)
            api.cairo_rectangle(cr, item.x, item.y, w, h)
            api.cairo_stroke(cr)
        }
    }

    /// ร่าง in large pale letters across the page, beneath everything else, and once more in the top corner.
    func drawDraftMark() {
        let size = 150.0
        let l = layout(Typesetter.draftMark, size: size, bold: true, alignment: .center, width: width)
        defer { api.g_object_unref(UnsafeMutableRawPointer(l)) }
        var w: Int32 = 0, h: Int32 = 0
        api.pango_layout_get_size(l, &w, &h)
        api.cairo_save(cr)
        api.cairo_set_source_rgb(cr, 0.85, 0.85, 0.85)
        api.cairo_translate(cr, width / 2, height / 2)
        api.cairo_rotate(cr, -0.5)
        api.cairo_move_to(cr, -width / 2, -Double(h) / 2048)
        api.pango_cairo_show_layout(cr, l)
        api.cairo_restore(cr)
    }

    func drawFooter(page: Int, of pages: Int) {
        let left = Typesetter.margin
        let contentWidth = width - 2 * Typesetter.margin
        var y = height - Typesetter.margin - footerHeight + 6
        api.cairo_set_source_rgb(cr, 0, 0, 0)
        api.cairo_set_line_width(cr, 0.5)
        api.cairo_move_to(cr, left, y)
        api.cairo_line_to(cr, left + contentWidth, y)
        api.cairo_stroke(cr)
        y += 3
        let top = y
        let pageText = (document.draft ? Typesetter.draftMark + " · " : "") + "หน้า \(page) จาก \(pages)"
        draw(Placed(kind: .text(pageText, size: Typesetter.footerSize + 1, bold: true, alignment: .right, width: footerTextWidth), x: left, y: y))
        y += Typesetter.footerSize * 1.5
        for line in footerLines {
            draw(Placed(kind: .layout(line.layout), x: left, y: y))
            y += line.height
        }
        if let qr { drawQR(qr, x: left + contentWidth - Typesetter.qrSide, y: top) }
    }

    /// The code's dark modules as filled squares, inside a quiet zone of four modules.
    func drawQR(_ modules: [[Bool]], x: Double, y: Double) {
        let unit = Typesetter.qrSide / Double(modules.count + 8)
        api.cairo_set_source_rgb(cr, 0, 0, 0)
        for (row, line) in modules.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                api.cairo_rectangle(cr, x + Double(column + 4) * unit, y + Double(row + 4) * unit, unit, unit)
            }
        }
        api.cairo_fill(cr)
    }
}
