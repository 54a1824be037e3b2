import Foundation
import XCTest
@testable import KhanaenCore

/// The documents a judge reads: texts cut into pages, slides and sheets, read only from the
/// entry's own folder and never through a link, made safe for a terminal, and a problem in
/// words (never a crash) when a text cannot be had.
final class EntryDocumentTests: XCTestCase {
    private var dir = ""

    override func setUp() {
        dir = Fixtures.temporaryFolder()
        try! FileManager.default.createDirectory(atPath: dir + "/documents/e1", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: dir + "/documents/e2", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func write(_ relative: String, _ bytes: [UInt8]) {
        FileManager.default.createFile(atPath: dir + "/" + relative, contents: Data(bytes))
    }

    private func write(_ relative: String, _ text: String) { write(relative, Array(text.utf8)) }

    private func load(_ documents: [Contest.Document], id: String = "e1", limit: Int = EntryDocument.defaultLimit,
                      language: Language = .th) -> [EntryDocument] {
        let entry = Contest.Entry(id: id, organisation: "เทศบาลตำบลครึ่ง", title: "ถังเงิน ถังทอง", documents: documents)
        return EntryDocument.load(contestDirectory: dir, entry: entry, limit: limit, language: language)
    }

    func testPagesSlidesSheetsAndWholeTexts() {
        write("documents/e1/form1.pdf.txt", "แบบฟอร์ม หน้า 1  \n\n\u{0C}หน้า 2\r\nบรรทัดสอง\u{0C}")
        write("documents/e1/slides.pptx.txt", "--- สไลด์ 1 ---\nปัญหา\nขยะล้นเมือง\n--- สไลด์ 2 ---\n--- สไลด์ 3 ---\nแผนในอนาคต")
        write("documents/e1/list.xlsx.txt", "--- ชีต 1 ---\nหน่วยงาน\tคะแนน\n--- ชีต 2 ---\nสรุป")
        write("documents/e1/note.txt", [0xEF, 0xBB, 0xBF] + Array("บันทึก\r\n--- สไลด์ 1 ---\r\nไม่ใช่สไลด์\r".utf8))
        let docs = load([
            .init(name: "form1.pdf", type: "application/pdf", size: 10, text: "documents/e1/form1.pdf.txt"),
            .init(name: "slides.pptx", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", size: 10,
                  text: "documents/e1/slides.pptx.txt"),
            .init(name: "list.xlsx", type: "application/octet-stream", size: 10, text: "documents/e1/list.xlsx.txt"),
            .init(name: "note.txt", type: "text/plain", size: 10, text: "documents/e1/note.txt"),
        ])
        XCTAssertEqual(docs.map(\.unit), [.page, .slide, .sheet, .whole])
        XCTAssertEqual(docs[0].pages, ["แบบฟอร์ม หน้า 1", "หน้า 2\nบรรทัดสอง"], "form feeds part the pages; CR LF is a line break")
        XCTAssertEqual(docs[1].pages, ["ปัญหา\nขยะล้นเมือง", "", "แผนในอนาคต"], "an empty slide keeps the numbers right")
        XCTAssertEqual(docs[2].pages, ["หน่วยงาน\tคะแนน", "สรุป"], "tabs stay")
        XCTAssertEqual(docs[3].pages, ["บันทึก\n--- สไลด์ 1 ---\nไม่ใช่สไลด์"], "a plain text is never cut by what it says; no BOM")
        XCTAssertTrue(docs.allSatisfy { $0.problem == nil }, "\(docs.map(\.problem))")
    }

    func testPathsOutsideTheEntrysFolderAreNeverOpened() throws {
        write("documents/e2/other.txt", "ข้อความของผลงานอื่น")
        write("secret.txt", "ความลับ")
        let hostile = ["../../etc/passwd", "/etc/passwd", "documents/e2/other.txt", "documents/e1/../e2/other.txt",
                       "documents/e1/../../secret.txt", "documents//e1/x.txt", "./documents/e1/x.txt", "documents/e1/", "documents/e1/.."]
        let docs = load(hostile.map { Contest.Document(name: "x.txt", type: "text/plain", size: 1, text: $0) })
        for (path, doc) in zip(hostile, docs) {
            XCTAssertEqual(doc.pages, [], path)
            XCTAssertEqual(doc.problem, "ไม่เปิดแฟ้มข้อความ \"\(path)\": อยู่นอกโฟลเดอร์ documents/e1/ ของผลงาน", path)
        }
        let en = load([.init(name: "x", type: "text/plain", size: 1, text: "../../etc/passwd")], language: .en)
        XCTAssertEqual(en[0].problem, "the text \"../../etc/passwd\" is not opened: it is not in the entry's folder documents/e1/")
    }

    func testSymbolicLinksAreNotFollowed() throws {
        write("secret.txt", "ความลับ")
        let fm = FileManager.default
        // A link as the text file, to a file outside and to one inside the folder.
        try fm.createSymbolicLink(atPath: dir + "/documents/e1/link.txt", withDestinationPath: dir + "/secret.txt")
        try fm.createSymbolicLink(atPath: dir + "/documents/e1/passwd.txt", withDestinationPath: "/etc/passwd")
        write("documents/e1/real.txt", "ของจริง")
        try fm.createSymbolicLink(atPath: dir + "/documents/e1/inside.txt", withDestinationPath: "real.txt")
        let docs = load(["link.txt", "passwd.txt", "inside.txt", "real.txt"].map {
            Contest.Document(name: $0, type: "text/plain", size: 1, text: "documents/e1/" + $0)
        })
        for doc in docs.prefix(3) {
            XCTAssertEqual(doc.pages, [], doc.name)
            XCTAssertTrue(doc.problem?.hasPrefix("ไม่เปิดแฟ้มข้อความ documents/e1/\(doc.name): เป็นลิงก์") ?? false, "\(doc.problem ?? "nil")")
        }
        XCTAssertEqual(docs[3].pages, ["ของจริง"])

        // The entry's folder a link to another entry's, and documents/ a link elsewhere.
        write("documents/e2/a.txt", "ของ e2")
        try fm.createSymbolicLink(atPath: dir + "/documents/e3", withDestinationPath: dir + "/documents/e2")
        let viaFolder = load([.init(name: "a.txt", type: "text/plain", size: 1, text: "documents/e3/a.txt")], id: "e3")
        XCTAssertEqual(viaFolder[0].pages, [])
        XCTAssertTrue(viaFolder[0].problem?.contains("เป็นลิงก์สัญลักษณ์ ไม่ได้ตามไป") ?? false, "\(viaFolder[0].problem ?? "nil")")

        let other = Fixtures.temporaryFolder()
        defer { try? fm.removeItem(atPath: other) }
        try fm.createDirectory(atPath: other + "/e1", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: other + "/e1/a.txt", contents: Data("นอกโฟลเดอร์".utf8))
        try fm.moveItem(atPath: dir + "/documents", toPath: dir + "/documents.old")
        try fm.createSymbolicLink(atPath: dir + "/documents", withDestinationPath: other)
        let viaDocuments = load([.init(name: "a.txt", type: "text/plain", size: 1, text: "documents/e1/a.txt")])
        XCTAssertEqual(viaDocuments[0].pages, [])
        XCTAssertTrue(viaDocuments[0].problem?.contains("เป็นลิงก์สัญลักษณ์ ไม่ได้ตามไป") ?? false, "\(viaDocuments[0].problem ?? "nil")")
    }

    func testAFIFOIsRefusedWithoutWaiting() throws {
        XCTAssertEqual(mkfifo(dir + "/documents/e1/fifo.txt", 0o644), 0)
        let start = Date()
        let docs = load([.init(name: "fifo.txt", type: "text/plain", size: 1, text: "documents/e1/fifo.txt")])
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(docs[0].pages, [])
        XCTAssertTrue(docs[0].problem?.contains("FIFO") ?? false, "\(docs[0].problem ?? "nil")")
    }

    func testEscapeSequencesAndBidiControlsAreShownNotSent() {
        let hostile = "ชื่อ\u{1B}]52;c;cm0gLXJmIH4=\u{07}เรื่อง\u{1B}[2J\u{202E}ลับ\u{9B}31m\u{7F}"
        write("documents/e1/x.txt", hostile + "\nบรรทัด\tสอง")
        let docs = load([.init(name: "x\u{1B}[31m.txt", type: "text/plain\u{1B}", size: 1, text: "documents/e1/x.txt")])
        let all = docs[0].pages.joined() + docs[0].name + docs[0].type
        for bad: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}", "\u{7F}"] {
            XCTAssertFalse(all.unicodeScalars.contains(bad), "U+\(String(bad.value, radix: 16)) reached the reader")
        }
        XCTAssertEqual(docs[0].pages, ["ชื่อ␛]52;c;cm0gLXJmIH4=␇เรื่อง␛[2J�ลับ�31m␡\nบรรทัด\tสอง"])
        XCTAssertEqual(docs[0].name, "x␛[31m.txt")
    }

    /// The import keeps its note in English (entries.json is data); the reader is told it in
    /// Thai or in English, with its values; a note of no known form is shown as it is.
    func testTheImportsNotesAreSaidInTheReadersLanguage() {
        let notes = [DocumentNote.text(.kindWithoutText, ".mp4"), DocumentNote.text(.toolFailedSaying, "unzip", "9", "End-of-central-directory")
                        + DocumentNote.notAZip.en, DocumentNote.text(.memberTooLarge, "word/document.xml", "32 MiB"), "written by hand"]
        let documents = notes.map { Contest.Document(name: "a.bin", type: "application/octet-stream", size: 5, note: $0) }
        XCTAssertEqual(load(documents).map(\.problem), ["ไม่ดึงข้อความจากแฟ้มชนิดนี้ (.mp4)",
                                                       "unzip ทำงานไม่สำเร็จ (exit 9): End-of-central-directory (ไม่ใช่แฟ้ม zip หรือไม่)",
                                                       "ข้อความของ word/document.xml ยาวเกินขีดจำกัด 32 MiB จึงไม่ได้ดึงข้อความออกมา",
                                                       "written by hand"])
        XCTAssertEqual(load(documents, language: .en).map(\.problem), notes)
        XCTAssertEqual(notes[1], "unzip failed (exit 9): End-of-central-directory (not a zip file?)", "entries.json keeps the English")
        for kind in DocumentNote.Kind.allCases {
            let note = DocumentNote.text(kind, "x1", "x2", "x3")
            let words = DocumentNote.words(note)
            XCTAssertEqual(words.en, note)
            XCTAssertNotEqual(words.th, note, "\(kind) has its Thai")
            XCTAssertEqual(Glossary.misuses(words.th), [])
        }
    }

    func testMissingUnreadableLongAndBrokenTextsSayWhy() throws {
        // A missing text, a missing entry folder, a folder where the text should be.
        try FileManager.default.createDirectory(atPath: dir + "/documents/e1/folder.txt", withIntermediateDirectories: true)
        let docs = load([
            .init(name: "gone.pdf", type: "application/pdf", size: 5, text: "documents/e1/gone.pdf.txt"),
            .init(name: "folder.txt", type: "text/plain", size: 5, text: "documents/e1/folder.txt"),
            .init(name: "scan.pdf", type: "application/pdf", size: 5, note: "the PDF has no text (a scanned image?)"),
            .init(name: "form1.jpg", type: "image/jpeg", size: 5, pixels: .init(width: 800, height: 600)),
            .init(name: "clip.bin", type: "application/octet-stream", size: 5),
        ])
        XCTAssertEqual(docs.map(\.pages), [[], [], [], [], []])
        XCTAssertEqual(docs[0].problem, "ไม่พบแฟ้มข้อความ documents/e1/gone.pdf.txt")
        XCTAssertTrue(docs[1].problem?.contains("เป็นโฟลเดอร์ ไม่ใช่แฟ้ม") ?? false, "\(docs[1].problem ?? "nil")")
        XCTAssertEqual(docs[2].problem, "PDF นี้ไม่มีข้อความ (เป็นภาพสแกนหรือไม่)", "the import's note, in the reader's language")
        XCTAssertNil(docs[3].problem, "an image has its size, not a problem")
        XCTAssertEqual(docs[3].pixels, .init(width: 800, height: 600))
        XCTAssertEqual(docs[4].problem, "ไม่มีข้อความที่อ่านได้")
        let noFolder = load([.init(name: "a.txt", type: "text/plain", size: 1, text: "documents/e9/a.txt")], id: "e9")
        XCTAssertEqual(noFolder[0].problem, "ไม่พบแฟ้มข้อความ documents/e9/a.txt")
        XCTAssertEqual(load([.init(name: "a.txt", type: "text/plain", size: 1, text: "documents/e1/a.txt")], id: "e1", language: .en)[0].problem,
                       "the text documents/e1/a.txt is missing")

        // Longer than the limit: the start, cut at a whole character, and a problem that says so.
        write("documents/e1/long.txt", String(repeating: "ก", count: 10))   // 30 bytes
        let long = load([.init(name: "long.txt", type: "text/plain", size: 30, text: "documents/e1/long.txt")], limit: 8)
        XCTAssertEqual(long[0].pages, ["กก"], "8 bytes hold two Thai letters and part of a third, which is dropped")
        XCTAssertEqual(long[0].problem, "ข้อความยาวเกิน 8 bytes: แสดงเพียง 8 bytes แรก")
        let exact = load([.init(name: "long.txt", type: "text/plain", size: 30, text: "documents/e1/long.txt")], limit: 30)
        XCTAssertEqual(exact[0].pages, [String(repeating: "ก", count: 10)])
        XCTAssertNil(exact[0].problem)

        // Bytes that are not UTF-8 are shown as �, not a crash.
        write("documents/e1/bad.txt", [0xE0, 0xB8, 0x81, 0xFF, 0xC3, 0x28, 0x41])
        let bad = load([.init(name: "bad.txt", type: "text/plain", size: 7, text: "documents/e1/bad.txt")])
        XCTAssertEqual(bad[0].pages, ["ก\u{FFFD}\u{FFFD}(A"])
        XCTAssertNil(bad[0].problem)
        XCTAssertEqual(load([]), [])
    }

    func testTheSubmissionsFieldsAreLabelledAndSafe() {
        let entry = Contest.Entry(id: "e1", organisation: "เทศบาลตำบลครึ่ง", district: "เมืองเชียงราย", province: "เชียงราย", region: "",
                                  title: "ถังเงิน ถังทอง", coordinator: "นาย\u{1B}[31mสมชาย  ใจดี", phone: "053-000000", email: "",
                                  position: "นักวิชาการคอมพิวเตอร์", advisor: " ", inUseSince: CalendarDate(iso: "2023-02-01"))
        XCTAssertEqual(EntryDocument.fields(of: entry).map { "\($0.label): \($0.value)" }, [
            "อำเภอ: เมืองเชียงราย",
            "วันที่เริ่มใช้งาน: 1 ก.พ. 2566",
            "ชื่อ-นามสกุลผู้ประสาน: นาย␛[31mสมชาย ใจดี",
            "ตำแหน่ง: นักวิชาการคอมพิวเตอร์",
            "เบอร์โทร: 053-000000",
        ])
        XCTAssertEqual(EntryDocument.fields(of: entry, language: .en).map(\.label), ["District", "In use since", "Coordinator", "Position", "Phone"])
        XCTAssertEqual(EntryDocument.fields(of: entry, language: .en)[1].value, "1 Feb 2023")
    }
}
