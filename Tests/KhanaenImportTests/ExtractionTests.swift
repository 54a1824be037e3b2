import Foundation
import KhanaenText
import XCTest
@testable import KhanaenCore
@testable import KhanaenImport

/// Text out of the files a submission brings, made here: Office files zipped with `zip` from
/// XML written below, PDFs written by hand (ASCII) and by pango-view with a Thai font.
final class ExtractionTests: XCTestCase {
    private var root = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-extract-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func need(_ tool: String, _ package: String) throws {
        if !Subprocess.isAvailable(tool) { throw XCTSkip("\(tool) is not installed (Debian package \(package); scripts/setup.sh installs it)") }
    }

    /// A zip of these members, made by `zip` in a folder of its own.
    private func zip(_ name: String, _ members: [String: String]) throws -> String {
        try need("zip", "zip")
        let dir = root + "/" + name + ".d"
        for (path, text) in members {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        let out = root + "/" + name
        // zip stores paths as given, so it runs in the members' folder (the paths go as arguments).
        let r = Subprocess.run("sh", ["-c", "cd \"$1\" && shift && exec zip -q -r \"$@\"", "sh", dir, out] + members.keys.sorted(), timeout: 30)
        XCTAssertTrue(r.succeeded, r.firstErrorLine)
        return out
    }

    private func extract(_ path: String) throws -> TextExtractor.Result {
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let name = (path as NSString).lastPathComponent
        return TextExtractor.extract(path: path, name: name, type: MediaType.of(name: name, declared: "", bytes: bytes), bytes: bytes)
    }

    private let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
    private let a = #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#

    func testDOCXParagraphs() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(w)><w:body>
        <w:p><w:r><w:t>ใบส่งผลงาน</w:t></w:r><w:r><w:t xml:space="preserve"> นวัตกรรม&amp;ดิจิทัล</w:t></w:r></w:p>
        <w:p><w:r><w:t>หน่วยงาน</w:t><w:tab/><w:t>เทศบาลตำบลครึ่ง</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ในตาราง</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:instrText>PAGE</w:instrText><w:delText>ลบแล้ว</w:delText></w:r></w:p>
        </w:body></w:document>
        """
        let path = try zip("form.docx", ["word/document.xml": xml, "[Content_Types].xml": "<Types/>"])
        try need("unzip", "unzip")
        XCTAssertEqual(try extract(path).text, "ใบส่งผลงาน นวัตกรรม&ดิจิทัล\nหน่วยงาน\tเทศบาลตำบลครึ่ง\nในตาราง")
    }

    func testPPTXSlidesInNumberOrderUnderTheirMarkers() throws {
        func slide(_ lines: [String]) -> String {
            "<p:sld xmlns:p=\"p\" \(a)><p:cSld><p:spTree><p:sp><p:txBody>"
                + lines.map { "<a:p><a:r><a:t>\($0)</a:t></a:r></a:p>" }.joined() + "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        }
        let path = try zip("slides.pptx", [
            "ppt/slides/slide1.xml": slide(["ปัญหา (Pain point)", "ขยะล้นเมือง"]),
            "ppt/slides/slide2.xml": slide(["นโยบาย"]),
            "ppt/slides/slide10.xml": slide(["แผนในอนาคต"]),
            "ppt/slides/_rels/slide1.xml.rels": "<Relationships/>",
            "ppt/slideLayouts/slideLayout1.xml": slide(["ไม่ใช่สไลด์"]),
        ])
        try need("unzip", "unzip")
        let text = try extract(path).text
        XCTAssertEqual(text, "--- สไลด์ 1 ---\nปัญหา (Pain point)\nขยะล้นเมือง\n--- สไลด์ 2 ---\nนโยบาย\n--- สไลด์ 10 ---\nแผนในอนาคต")
        // The reader turns them slide by slide, without the markers.
        XCTAssertEqual(EntryDocument.pages(text ?? "", unit: .slide), ["ปัญหา (Pain point)\nขยะล้นเมือง", "นโยบาย", "แผนในอนาคต"])
    }

    func testXLSXSharedStringsAndCells() throws {
        let shared = #"<sst><si><t>หน่วยงาน</t></si><si><r><t>ผลงาน</t></r><r><t>ดิจิทัล</t></r></si><si><t>เทศบาลนครยะลา</t></si></sst>"#
        let sheet = #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#
            + #"<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>95.5</v></c><c r="C2" t="inlineStr"><is><t>ใน&lt;เซลล์&gt;</t></is></c></row></sheetData></worksheet>"#
        let path = try zip("list.xlsx", ["xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet])
        try need("unzip", "unzip")
        XCTAssertEqual(try extract(path).text, "--- ชีต 1 ---\nหน่วยงาน\tผลงานดิจิทัล\nเทศบาลนครยะลา\t95.5\tใน<เซลล์>")
    }

    func testAHandWrittenASCIIPDF() throws {
        try need("pdftotext", "poppler-utils")
        let path = root + "/hello.pdf"
        try Data(Self.asciiPDF("Khanaen import test 2566")).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try extract(path).text, "Khanaen import test 2566")
    }

    /// Pages are kept apart by one form feed, so that the reader can turn them; the last
    /// page's form feed is not kept.
    func testAPDFsPagesAreKeptApartByFormFeeds() throws {
        try need("pdftotext", "poppler-utils")
        let path = root + "/three.pdf"
        try Data(Self.asciiPDF(pages: ["First page", "", "Third page"])).write(to: URL(fileURLWithPath: path))
        let text = try XCTUnwrap(try extract(path).text)
        XCTAssertEqual(text, "First page\u{0C}\u{0C}Third page", "an empty page still counts")
        let pages = EntryDocument.pages(text, unit: .page)
        XCTAssertEqual(pages, ["First page", "", "Third page"])
    }

    func testAThaiPDFMadeWithPangoView() throws {
        try need("pdftotext", "poppler-utils")
        try need("pango-view", "pango1.0-tools")
        let fonts = Subprocess.run("fc-list", [":lang=th", "family"], timeout: 20)
        if String(decoding: fonts.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw XCTSkip("no Thai font (Debian package fonts-tlwg-garuda-ttf; scripts/setup.sh installs it)")
        }
        let path = root + "/thai.pdf"
        let text = "ระบบบริหารจัดการขยะ ถังเงิน ถังทอง"
        let r = Subprocess.run("pango-view", ["--no-display", "--font=Garuda 16", "--text=" + text, "--output=" + path], timeout: 60)
        XCTAssertTrue(r.succeeded, r.firstErrorLine)
        XCTAssertEqual(try extract(path).text, text)
    }

    /// pdftotext's layout mode spaces a line's clusters out (`หนองป่ าครั่ง`); the stored text
    /// has no space inside a Thai syllable, and keeps the spaces between words.
    func testNoSpaceInsideAThaiSyllableFromAPDF() throws {
        try need("pdftotext", "poppler-utils")
        try need("pango-view", "pango1.0-tools")
        let fonts = Subprocess.run("fc-list", [":lang=th", "family"], timeout: 20)
        if String(decoding: fonts.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw XCTSkip("no Thai font (Debian package fonts-tlwg-garuda-ttf; scripts/setup.sh installs it)")
        }
        let text = "เทศบาลตำบลหนองป่าครั่ง อำเภอเมืองเชียงใหม่ ผู้สูงอายุได้รับการดูแล"
        let path = root + "/nong-pa-khrang.pdf"
        let r = Subprocess.run("pango-view", ["--no-display", "--font=Garuda 11", "--text=" + text, "--output=" + path], timeout: 60)
        XCTAssertTrue(r.succeeded, r.firstErrorLine)
        let raw = String(decoding: Subprocess.run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", path, "-"], timeout: 60).output, as: UTF8.self)
        let got = try extract(path).text ?? ""
        XCTAssertEqual(got, text, "pdftotext gave: \(raw)")
        XCTAssertEqual(ThaiSpacing.repair("หนองป่ าครั่ง เ ชียงใหม่ ผลงาน ที่ ๑"), "หนองป่าครั่ง เชียงใหม่ ผลงาน ที่ ๑")
        XCTAssertEqual(ThaiSpacing.repair("ป่ า\nา ทำ งาน"), "ป่า\nา ทำ งาน", "a line break, and a space before a consonant, stay")
    }

    func testFilesWithoutTextSayWhyAndImagesGiveTheirSize() throws {
        let broken = root + "/broken.pdf"
        try Data("%PDF-1.4\nnot really".utf8).write(to: URL(fileURLWithPath: broken))
        if Subprocess.isAvailable("pdftotext") {
            let r = try extract(broken)
            XCTAssertNil(r.text)
            XCTAssertNotNil(r.note)
        }
        let notZip = root + "/fake.docx"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notZip))
        if Subprocess.isAvailable("unzip") {
            let r = try extract(notZip)
            XCTAssertTrue(r.note?.contains("unzip failed") ?? false, "\(r)")
        }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x04, 0xD8, 0, 0, 0x06, 0xDA, 8, 2, 0, 0, 0]
        XCTAssertEqual(TextExtractor.extract(path: "", name: "form1.png", type: "image/png", bytes: png).pixels, .init(width: 1240, height: 1754))
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x02, 0x58, 0x03, 0x20, 3, 1, 0x22, 0]
        XCTAssertEqual(TextExtractor.extract(path: "", name: "x.bin", type: "", bytes: jpeg).pixels, .init(width: 800, height: 600))
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00]
        XCTAssertEqual(ImageSize.of(gif)?.width, 320)
        XCTAssertEqual(TextExtractor.extract(path: "", name: "clip.mp4", type: "video/mp4", bytes: [0]).note,
                       "no text is taken from this kind of file (.mp4)")

        let cp874 = TextExtractor.extract(path: "", name: "a.txt", type: "", bytes: TextEncoding.windows874.encode("ข้อความ “ไทย”")!)
        XCTAssertEqual(cp874.text, "ข้อความ “ไทย”")
        XCTAssertFalse(cp874.fileIsText)
        XCTAssertTrue(TextExtractor.extract(path: "", name: "a.txt", type: "", bytes: Array("ไทย".utf8)).fileIsText)
    }

    func testAMissingToolIsANoteNotAFailure() {
        let run = Subprocess.run("khanaen-no-such-tool", [], timeout: 5)
        XCTAssertEqual(run.end, .notStarted(2))
        XCTAssertEqual(TextExtractor.problem(run, tool: "pdftotext", package: "poppler-utils"), "pdftotext is not installed (Debian package poppler-utils)")
    }

    func testSubprocessesAreTimedAndLimited() throws {
        let start = Date()
        let slow = Subprocess.run("sleep", ["5"], timeout: 0.3)
        XCTAssertEqual(slow.end, .timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        let chatty = Subprocess.run("yes", ["ข้อความ"], timeout: 10, outputLimit: 1 << 20)
        XCTAssertEqual(chatty.end, .tooMuchOutput)
        let echo = Subprocess.run("printf", ["%s|%s", "a b", "$(rm -rf /)"], timeout: 5)
        XCTAssertEqual(String(decoding: echo.output, as: UTF8.self), "a b|$(rm -rf /)", "arguments go as they are, never through a shell")
        XCTAssertEqual(Subprocess.run("sh", ["-c", "echo oops >&2; exit 3"], timeout: 5).end, .exited(3))
        XCTAssertEqual(Subprocess.run("sh", ["-c", "echo oops >&2; exit 3"], timeout: 5).firstErrorLine, "oops")
    }

    /// A one-page PDF with Helvetica text, its cross-reference offsets counted.
    static func asciiPDF(_ text: String) -> [UInt8] { asciiPDF(pages: [text]) }

    /// A PDF of one page per text.
    static func asciiPDF(pages: [String]) -> [UInt8] {
        let n = pages.count
        // 1 catalog, 2 page tree, 3 font, then each page and its contents.
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<n).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(n) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        for (k, text) in pages.enumerated() {
            let stream = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(5 + 2 * k) 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (k, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(k + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
