import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore
import KhanaenImport

/// `khanaen import mail` on a new contest holding the sample's twenty entries (numbered e001–e020,
/// as a new contest numbers them: an import into the sample itself is refused), run in-process.
final class ImportCommandTests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-import-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", contest]).code, 0)
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566/entries.json").path
        let entries = try! String(contentsOfFile: sample, encoding: .utf8).replacingOccurrences(of: "\"id\": \"e", with: "\"id\": \"e0")
        try! entries.write(toFile: contest + "/entries.json", atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(args, CommandContext(environment: ["HOME": root], login: "secretariat", uid: 1000, out: { out += $0 }, err: { err += $0 }))
        return (code, out, err)
    }

    private func write(_ bytes: [UInt8], _ name: String) -> String {
        let path = root + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private var entriesBytes: Data { FileManager.default.contents(atPath: contest + "/entries.json")! }
    private func entries() throws -> [Contest.Entry] { try ContestFolder.loadContest(contest).entries }

    struct NoNewEntry: Error {}

    /// The one entry an import added to the sample's twenty; a failed import fails the test here.
    private func newEntry() throws -> Contest.Entry {
        let es = try entries()
        guard es.count == 21 else { throw NoNewEntry() }
        return es[20]
    }

    private func submission(_ organisation: String, _ title: String, id: String?, attachments: [MailFixtures.Attachment] = [],
                            extra: [(String, String)] = [], phone: String = "081-234-5678") -> [UInt8] {
        MailFixtures.submission(subject: MailFixtures.bWords(MailFixtures.phrase + " " + organisation),
                                messageID: id, body: MailFixtures.fields(organisation, title, extra: extra, phone: phone), attachments: attachments)
    }

    func testImportingTwiceGivesTheSameEntriesAndResentCopiesUpdate() throws {
        let first = submission("เทศบาลตำบลครึ่ง", "ระบบแจ้งเหตุ ออนไลน์", id: "s1@example.org",
                               attachments: [MailFixtures.attachment(named: "notes.txt", Array("บันทึก\n".utf8))])
        let other = submission("องค์การบริหารส่วนตำบลวัดไทรย์", "ระบบคิวออนไลน์", id: "s2@example.org", extra: [("วันที่เริ่มใช้งาน", "1 ม.ค. 2566")])
        // The same message again (same Message-ID), with a new phone number.
        let sameID = submission("เทศบาลตำบลครึ่ง", "ระบบแจ้งเหตุ ออนไลน์", id: "s1@example.org", phone: "099-999-9999")
        // A copy sent again as a new message: a new Message-ID, the title spaced differently, the organisation abbreviated.
        let resent = submission("ทต. ครึ่ง", "ระบบแจ้งเหตุ  ออนไลน์", id: "s3@example.org",
                                attachments: [MailFixtures.attachment(named: "slides.txt", Array("สไลด์\n".utf8))], phone: "02-000-0000")
        let reply = MailFixtures.submission(subject: "Re: " + MailFixtures.phrase + " เทศบาลตำบลครึ่ง", messageID: "r@example.org",
                                            body: "ได้รับแล้ว\n> หน่วยงาน : เทศบาลตำบลครึ่ง\n> ชื่อโครงการ : ระบบแจ้งเหตุ ออนไลน์\n")
        let notASubmission = MailFixtures.submission(subject: "สอบถามกำหนดส่ง", messageID: "q@example.org", body: "สวัสดีครับ")
        let noTitle = MailFixtures.submission(subject: MailFixtures.bWords(MailFixtures.phrase + " ทต.ก"), messageID: "n@example.org",
                                              body: "หน่วยงาน : เทศบาลตำบลก\n")
        let mbox = write(MailFixtures.mbox([first, other, sameID, resent, reply, notASubmission, noTitle]), "inbox.mbox")

        let r = run(["import", "mail", mbox, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7, r.out)
        XCTAssertEqual(lines[0], "imported e021 เทศบาลตำบลครึ่ง")
        XCTAssertEqual(lines[1], "imported e022 องค์การบริหารส่วนตำบลวัดไทรย์")
        XCTAssertEqual(lines[2], "updated e021 เทศบาลตำบลครึ่ง")
        XCTAssertEqual(lines[3], "updated e021 ทต. ครึ่ง")
        XCTAssertTrue(lines[4].hasPrefix("skipped \(mbox):") && lines[4].hasSuffix("เป็นการตอบกลับ (Re:) ไม่ใช่การส่งผลงาน"), lines[4])
        XCTAssertTrue(lines[5].contains("ไม่ใช่การส่งผลงาน (หัวเรื่อง \"สอบถามกำหนดส่ง\")"), lines[5])
        XCTAssertTrue(lines[6].hasSuffix("ไม่มีช่อง ชื่อโครงการ"), lines[6])
        XCTAssertTrue(r.err.contains("นำเข้า 2 ปรับปรุง 2 ข้าม 3; บันทึกแล้ว"), r.err)

        let es = try entries()
        XCTAssertEqual(es.count, 22)
        let e21 = es[20]
        XCTAssertEqual(e21.id, "e021")
        XCTAssertEqual(e21.phone, "02-000-0000", "the latest copy's non-empty fields are taken")
        XCTAssertEqual(e21.messageId, "s3@example.org")
        XCTAssertEqual(e21.province, "ลำพูน", "without the word จังหวัด")
        XCTAssertEqual(e21.documents.map(\.name), ["slides.txt"], "the latest copy with files gives the files")
        XCTAssertFalse(FileManager.default.fileExists(atPath: contest + "/documents/e021/notes.txt"), "the older copy's files are gone")
        XCTAssertEqual(es[21].inUseSince, CalendarDate(iso: "2023-01-01"))
        XCTAssertNil(es[21].documents.first)

        let before = entriesBytes
        let again = run(["import", "mail", mbox, "--contest", contest])
        XCTAssertEqual(again.code, 0)
        XCTAssertEqual(entriesBytes, before, "a second import changes nothing")
        XCTAssertTrue(again.err.contains("นำเข้า 0 ปรับปรุง 4 ข้าม 3; entries.json ไม่เปลี่ยน"), again.err)
        XCTAssertEqual(try String(contentsOfFile: contest + "/documents/e021/slides.txt", encoding: .utf8), "สไลด์\n")
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 0, verify.out + verify.err)
    }

    func testAMaildirAndEmlFilesImportLikeAnMbox() throws {
        for sub in ["cur", "new", "tmp"] { try FileManager.default.createDirectory(atPath: root + "/md/" + sub, withIntermediateDirectories: true) }
        _ = write(submission("เทศบาลเมืองพิจิตร", "ระบบนัดหมาย", id: "md1@x"), "md/new/1700000001.A.host")
        _ = write(submission("เทศบาลนครยะลา", "ระบบจอดรถ", id: "md0@x"), "md/cur/1700000000.A.host:2,S")
        let eml = write(submission("เทศบาลตำบลทับมา", "ระบบน้ำประปา", id: "eml@x"), "one.eml")
        // A title near an entry's of the same organisation is imported, with a word about it.
        let near = write(submission("เทศบาลนครยะลา", "Big Data เพื่อพัฒนาคุณภาพบริการประชาชน", id: "near@x"), "near.eml")
        let r = run(["import", "mail", root + "/md", eml, near, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "imported e021 เทศบาลนครยะลา\nimported e022 เทศบาลเมืองพิจิตร\nimported e023 เทศบาลตำบลทับมา\n"
                       + "imported e024 เทศบาลนครยะลา (ชื่อโครงการคล้ายกับของ e001: เป็นสำเนาที่แก้ชื่อโครงการหรือไม่)\n")
    }

    func testHostileAttachmentNamesStayInsideTheEntrysFolder() throws {
        let long = String(repeating: "ผลงานนวัตกรรม", count: 20) + ".pdf"
        let names = ["../../etc/passwd", "/abs/path/form1.pdf", "..\\..\\windows\\x.docx", "a\u{1B}[31mred\u{7}.txt", "\u{202E}fdp.exe",
                     "...hidden", long, "same.txt", "same.txt", "", "con:trol*?.txt"]
        let attachments = names.enumerated().map { k, n in
            n.isEmpty ? MailFixtures.Attachment(headerName: "size=3", type: "image/png", bytes: [UInt8(k)])
                : MailFixtures.Attachment(headerName: "filename*=UTF-8''" + Array(n.utf8).map { String(format: "%%%02X", $0) }.joined(),
                                          type: "application/octet-stream", bytes: Array("file \(k)\n".utf8))
        }
        let path = write(submission("เทศบาลตำบลครึ่ง", "ระบบ", id: "h@x", attachments: attachments), "hostile.eml")
        let r = run(["import", "mail", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        let docs = try newEntry().documents
        let saved = docs.map(\.name)
        guard saved.count == names.count else { return XCTFail("\(saved)") }
        XCTAssertEqual(saved[0], "passwd")
        XCTAssertEqual(saved[1], "form1.pdf")
        XCTAssertEqual(saved[2], "x.docx")
        XCTAssertEqual(saved[3], "a[31mred.txt")
        XCTAssertEqual(saved[4], "fdp.exe")
        XCTAssertEqual(saved[5], "hidden")
        XCTAssertLessThanOrEqual(saved[6].utf8.count, SafeFileName.maxBytes)
        XCTAssertTrue(saved[6].hasSuffix(".pdf") && saved[6].hasPrefix("ผลงานนวัตกรรม"))
        XCTAssertEqual(Array(saved[7...8]), ["same.txt", "same (2).txt"])
        XCTAssertEqual(saved[9], "attachment-10.png")
        XCTAssertEqual(saved[10], "con_trol__.txt")
        let folder = contest + "/documents/e021"
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        for d in docs {
            XCTAssertTrue(onDisk.contains(d.name), d.name)
            let mode = (try FileManager.default.attributesOfItem(atPath: folder + "/" + d.name)[.posixPermissions] as! NSNumber).intValue
            XCTAssertEqual(mode, 0o644, d.name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/etc/passwd"))
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: contest + "/documents")), ["e021"], "nothing left beside the entry's folder")
    }

    func testEachAttachmentIsListedWithItsTypeSizeAndTextBesideIt() throws {
        let pdf = ExtractionTests.asciiPDF("Submission form 2566")
        let cp874 = TextEncoding.windows874.encode("บันทึก “สำคัญ”\n")!
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x01, 0x00, 0, 0, 0x00, 0x80, 8, 2, 0, 0, 0]
        let path = write(submission("เทศบาลตำบลครึ่ง", "ระบบ", id: "t@x", attachments: [
            MailFixtures.attachment(named: "ใบส่งผลงาน.pdf", pdf),
            MailFixtures.attachment(named: "บันทึก.txt", type: "text/plain", cp874),
            MailFixtures.attachment(named: "form1.png", type: "image/png", png),
            MailFixtures.attachment(named: "clip.mp4", [0, 0, 0, 0x18]),
        ]), "t.eml")
        let r = run(["import", "mail", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        let docs = try newEntry().documents
        XCTAssertEqual(docs.map(\.name), ["ใบส่งผลงาน.pdf", "บันทึก.txt", "form1.png", "clip.mp4"])
        guard docs.count == 4 else { return }
        XCTAssertEqual(docs.map(\.type), ["application/pdf", "text/plain", "image/png", "video/mp4"])
        XCTAssertEqual(docs.map(\.size), [pdf.count, cp874.count, png.count, 4])
        if Subprocess.isAvailable("pdftotext") {
            XCTAssertEqual(docs[0].text, "documents/e021/ใบส่งผลงาน.pdf.txt")
            XCTAssertEqual(try String(contentsOfFile: contest + "/" + docs[0].text!, encoding: .utf8), "Submission form 2566")
        } else {
            XCTAssertEqual(docs[0].note, "pdftotext is not installed (Debian package poppler-utils)")
        }
        XCTAssertEqual(docs[1].text, "documents/e021/บันทึก.txt.txt", "windows-874 text is stored again as UTF-8")
        XCTAssertEqual(try String(contentsOfFile: contest + "/documents/e021/บันทึก.txt.txt", encoding: .utf8), "บันทึก “สำคัญ”\n")
        XCTAssertEqual(docs[2].pixels, .init(width: 256, height: 128))
        XCTAssertNil(docs[2].text)
        XCTAssertEqual(docs[3].note, "no text is taken from this kind of file (.mp4)")
    }

    func testHostileFieldValuesArePrintedNeutralisedAndKeptInTheFile() throws {
        let path = write(submission("เทศบาลตำบล\u{1B}]0;pwned\u{07}ครึ่ง\u{202E}", "ระบบ\u{1B}[2J", id: "x@x"), "evil.eml")
        let r = run(["import", "mail", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertFalse(r.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, r.out)
        XCTAssertEqual(r.out, "imported e021 เทศบาลตำบล␛]0;pwned␇ครึ่ง\u{FFFD}\n")
        XCTAssertEqual(try newEntry().organisation, "เทศบาลตำบล\u{1B}]0;pwned\u{07}ครึ่ง\u{202E}", "the value keeps its text")
        XCTAssertEqual(try newEntry().id, "e021", "ids are made, never read from the mail")
    }

    func testSymbolicLinksAreRefusedAndNothingIsWritten() throws {
        let outside = root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let path = write(submission("เทศบาลตำบลครึ่ง", "ระบบ", id: "l@x", attachments: [MailFixtures.attachment(named: "a.txt", [0x61])]), "l.eml")
        let before = entriesBytes

        try FileManager.default.createSymbolicLink(atPath: contest + "/documents", withDestinationPath: outside)
        var r = run(["import", "mail", path, "--contest", contest])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("documents: เป็นลิงก์สัญลักษณ์หรือไม่ใช่โฟลเดอร์ จึงไม่ทำ"), r.err)
        XCTAssertEqual(entriesBytes, before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])

        try FileManager.default.removeItem(atPath: contest + "/documents")
        try FileManager.default.createDirectory(atPath: contest + "/documents", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: contest + "/documents/e021", withDestinationPath: outside)
        r = run(["import", "mail", path, "--contest", contest, "--lang", "en"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("documents/e021: a symbolic link; refused"), r.err)
        XCTAssertEqual(r.err.filter { $0 == "\n" }.count, 1, r.err)
        XCTAssertEqual(entriesBytes, before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
    }

    func testAMailboxThatCannotBeReadWritesNothing() throws {
        let good = write(submission("เทศบาลตำบลครึ่ง", "ระบบ", id: "g@x"), "good.eml")
        let before = entriesBytes
        let r = run(["import", "mail", good, root + "/missing.mbox", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.err, "khanaen: \(root)/missing.mbox: no such file or folder\n")
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(entriesBytes, before)
        XCTAssertEqual(run(["import", "mbox", good, "--contest", contest]).code, 2)
        XCTAssertEqual(run(["import", "mail", "--contest", contest]).code, 2)
        XCTAssertEqual(run(["import", "mail", good, "--encoding", "utf-8", "--contest", contest]).code, 2)
    }

    func testAContestWithNoEntriesYet() throws {
        try Data("[]\n".utf8).write(to: URL(fileURLWithPath: contest + "/entries.json"))
        XCTAssertEqual(try entries().count, 0)
        let path = write(submission("เทศบาลตำบลครึ่ง", "ระบบ", id: "g@x"), "good.eml")
        XCTAssertEqual(run(["import", "mail", path, "--contest", contest]).out, "imported e001 เทศบาลตำบลครึ่ง\n")
        try FileManager.default.removeItem(atPath: contest + "/entries.json")
        XCTAssertEqual(run(["import", "mail", path, "--contest", contest]).out, "imported e001 เทศบาลตำบลครึ่ง\n", "entries.json is made")
    }
}
