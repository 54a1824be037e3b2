import Foundation
import Synchronization
import XCTest
@testable import KhanaenCLI
import KhanaenCore
@testable import KhanaenImport

/// Issue 19, item 6: attachments streamed and limited, Windows device names, and the
/// messages of a docx too large, a CSV of mixed encodings and the import's progress.
final class ImportLimitsTests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-import-limits-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", contest]).code, 0)
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
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func submission(_ organisation: String, id: String, attachments: [MailFixtures.Attachment]) -> [UInt8] {
        MailFixtures.submission(subject: MailFixtures.bWords(MailFixtures.phrase + " " + organisation), messageID: id,
                                body: MailFixtures.fields(organisation, "ระบบทดสอบ"), attachments: attachments)
    }

    private func newEntry() throws -> Contest.Entry {
        let es = try ContestFolder.loadContest(contest).entries
        XCTAssertEqual(es.count, 1, "a new contest has no entries but the one imported")
        return es[0]
    }

    /// Sets contest.json's `import` block.
    private func setImportLimits(_ block: [String: Any]) throws {
        let path = contest + "/contest.json"
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        json["import"] = block
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }

    func testWindowsDeviceNamesAreRenamed() throws {
        for (raw, safe) in [("CON", "_CON"), ("NUL.txt", "_NUL.txt"), ("aux.pdf", "_aux.pdf"), ("COM1", "_COM1"), ("lpt9.tar.gz", "_lpt9.tar.gz"),
                            ("Prn. ", "_Prn"), ("con .txt", "_con .txt"), ("COM\u{00B9}.doc", "_COM\u{00B9}.doc"),
                            ("Console.txt", "Console.txt"), ("COM10", "COM10"), ("nul_x.txt", "nul_x.txt"), ("LPT", "LPT")] {
            XCTAssertEqual(SafeFileName.make(raw, fallback: "x"), safe, raw)
        }
        let names = ["CON", "NUL.txt", "aux.pdf", "COM1"]
        let path = write(submission("เทศบาลตำบลครึ่ง", id: "dev@x", attachments: names.map { MailFixtures.attachment(named: $0, Array("x\n".utf8)) }), "dev.eml")
        XCTAssertEqual(run(["import", "mail", path, "--contest", contest]).code, 0)
        let saved = try newEntry().documents.map(\.name)
        XCTAssertEqual(saved, ["_CON", "_NUL.txt", "_aux.pdf", "_COM1"])
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: contest + "/documents/" + (try newEntry().id))
        XCTAssertEqual(Set(onDisk.filter { !$0.hasSuffix(".txt") || $0 == "_NUL.txt" }), ["_CON", "_NUL.txt", "_aux.pdf", "_COM1"])
    }

    func testAttachmentsOverTheLimitsAreNotSavedAndTheImportSaysWhich() throws {
        // 10 KiB for one attachment, 15 KiB for one message's.
        try setImportLimits(["attachmentLimitMB": 10.0 / 1024, "messageLimitMB": 15.0 / 1024])
        let attachments = [
            MailFixtures.attachment(named: "a.txt", [UInt8](repeating: 0x61, count: 5000)),
            MailFixtures.attachment(named: "big.bin", [UInt8](repeating: 1, count: 12_000)),
            MailFixtures.attachment(named: "c.txt", [UInt8](repeating: 0x63, count: 6000)),
            MailFixtures.attachment(named: "d.txt", [UInt8](repeating: 0x64, count: 6000)),
        ]
        let path = write(submission("เทศบาลตำบลครึ่ง", id: "big@x", attachments: attachments), "big.eml")
        let r = run(["import", "mail", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        let entry = try newEntry()
        XCTAssertEqual(entry.documents.map(\.name), ["a.txt", "c.txt"])
        XCTAssertEqual(entry.documents.map(\.size), [5000, 6000])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: contest + "/documents/\(entry.id)/c.txt")), Data(repeating: 0x63, count: 6000))
        XCTAssertTrue(r.out.contains("แฟ้มแนบ \"big.bin\" ไม่ได้บันทึก: 12 KB เกินขีดจำกัด 10 KB ต่อแฟ้มแนบ (contest.json import.attachmentLimitMB)"), r.out)
        XCTAssertTrue(r.out.contains("แฟ้มแนบ \"d.txt\" ไม่ได้บันทึก: 6 KB จะทำให้แฟ้มแนบของข้อความเกินขีดจำกัด 15 KB ต่อข้อความ (contest.json import.messageLimitMB)"), r.out)
        XCTAssertFalse(r.out.contains("a.txt") || r.out.contains("c.txt"), r.out)
        XCTAssertEqual(Glossary.misuses(r.out), [], r.out)
        let english = run(["import", "mail", path, "--contest", contest, "--lang", "en"])
        XCTAssertTrue(english.out.hasPrefix("updated "), english.out)
        XCTAssertTrue(english.out.contains("attachment \"big.bin\" not saved: 12 KB, more than the limit of 10 KB for one attachment (contest.json import.attachmentLimitMB)"), english.out)
        XCTAssertTrue(english.out.contains("attachment \"d.txt\" not saved: 6 KB would take the message's attachments past the limit of 15 KB for one message (contest.json import.messageLimitMB)"), english.out)
    }

    func testTheDefaultLimitsAndTheirKeysAreChecked() throws {
        XCTAssertEqual(Contest.ImportLimits().attachmentBytes, 50 << 20)
        XCTAssertEqual(Contest.ImportLimits().messageBytes, 100 << 20)
        let base = try String(contentsOfFile: contest + "/contest.json", encoding: .utf8)
        func error(_ block: String) -> String {
            let text = base.replacingOccurrences(of: "\n  \"id\":", with: "\n  \"import\": " + block + ",\n  \"id\":")
            precondition(text != base)
            do {
                _ = try ContestParser.parseDefinition(Array(text.utf8), file: "contest.json")
                return "no error"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(error(#"{"attachmentLimitMB": 0}"#), "contest.json:2: import.attachmentLimitMB: must be above 0 and at most 4096 (MB), got 0")
        XCTAssertEqual(error(#"{"attachmentLimitMB": "50"}"#), "contest.json:2: import.attachmentLimitMB: must be a number, got a string")
        XCTAssertEqual(error(#"{"messageLimitMB": 10}"#), "contest.json:2: import.messageLimitMB: the limit for one message must be at least the limit for one attachment")
        XCTAssertTrue(error(#"{"attachmentMB": 10}"#).hasPrefix("contest.json:2: import.attachmentMB: unknown field"))
        XCTAssertTrue(error(#"[]"#).contains("import: must be an object"))
        XCTAssertEqual(error(#"{"attachmentLimitMB": 200, "messageLimitMB": 250}"#), "no error")
    }

    func testAnAttachmentIsDecodedAPieceAtATime() throws {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let message = MailMessage.parse(submission("เทศบาลตำบลครึ่ง", id: "s@x", attachments: [MailFixtures.attachment(named: "a.bin", bytes)])[...])
        let part = message.attachments[0].part
        XCTAssertEqual(part.decodedSize, 100_000)
        var pieces: [Int] = [], joined: [UInt8] = []
        try part.decodeBody(chunk: 4096) { pieces.append($0.count); joined += $0 }
        XCTAssertEqual(joined, bytes)
        XCTAssertTrue(pieces.allSatisfy { $0 <= 4096 } && pieces.count == 25, "\(pieces)")
    }

    func testADocxWhoseTextIsLargerThanTheLimitSaysSo() throws {
        guard Subprocess.isAvailable("zip"), Subprocess.isAvailable("unzip") else { throw XCTSkip("zip and unzip are needed") }
        let dir = root + "/docx.d/word"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let xml = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>" + String(repeating: "ข้อความ ", count: 1000) + "</w:t></w:r></w:p></w:body></w:document>"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: dir + "/document.xml"))
        let path = root + "/big.docx"
        let r = Subprocess.run("sh", ["-c", "cd \"$1\" && exec zip -q -r \"$2\" word", "sh", root + "/docx.d", path], timeout: 30)
        XCTAssertTrue(r.succeeded, r.firstErrorLine)
        XCTAssertEqual(TextExtractor.office(path, kind: .docx, limit: 4096).note,
                       "the text of word/document.xml is larger than the limit of 4096 bytes; not extracted")
        XCTAssertNotNil(TextExtractor.office(path, kind: .docx).text, "within the default limit the text is read")
    }

    func testACSVOfMixedEncodingsSaysWhereTheOtherEncodingIs() throws {
        var bytes = Array("หน่วยงาน,ชื่อโครงการ\nเทศบาลตำบลครึ่ง,ระบบแจ้งเหตุ\n".utf8)
        bytes += TextEncoding.tis620.encode("เทศบาลตำบลแม่ทา,ระบบคิว\n")!
        bytes += Array("เทศบาลตำบลวัดไทรย์,ระบบจองคิว\n".utf8)
        XCTAssertThrowsError(try CSVImport.run(file: "list.csv", bytes: bytes, encoding: nil, entries: [])) { error in
            XCTAssertEqual("\(error)", "list.csv:3: the encoding is mixed: the file is UTF-8 but line 3 is not (TIS-620 or windows-874?); "
                           + "save the file again in one encoding, or give --encoding")
        }
        // A file wholly in TIS-620 is read as before.
        let tis = TextEncoding.tis620.encode("หน่วยงาน,ชื่อโครงการ\nเทศบาลตำบลแม่ทา,ระบบคิว\n")!
        XCTAssertEqual(try CSVImport.run(file: "t.csv", bytes: tis, encoding: nil, entries: []).entries.map(\.organisation), ["เทศบาลตำบลแม่ทา"])
    }

    func testTheProgressCountsEveryMessageAndEveryEntrySaved() throws {
        let messages = (1...5).map { k in
            submission("เทศบาลตำบลทดสอบ\(k)", id: "p\(k)@x", attachments: [MailFixtures.attachment(named: "n.txt", Array("x\n".utf8))])
        }
        let path = write(MailFixtures.mbox(messages), "inbox.mbox")
        let seen = Mutex<[MailImport.Progress]>([])
        let r = try MailImport.run(paths: [path], contestDir: contest, entries: [], progress: { p in seen.withLock { $0.append(p) } })
        XCTAssertEqual(r.entries.count, 5)
        let all = seen.withLock { $0 }
        XCTAssertEqual(all.filter { $0.phase == .reading }.map(\.done), [0, 1, 2, 3, 4, 5])
        XCTAssertTrue(all.allSatisfy { $0.total == 5 })
        XCTAssertEqual(all.filter { $0.phase == .saving }.map(\.done).max(), 5)
        let p = MailImport.Progress(phase: .reading, done: 1200, total: 10_000)
        XCTAssertEqual(ImportCommand.ProgressLine.text(p, seconds: 3), "khanaen: reading messages 1,200 of 10,000, 400 a second, 0:22 left")
        XCTAssertEqual(ImportCommand.ProgressLine.text(p, seconds: 3, language: .th), "khanaen: กำลังอ่านข้อความ 1,200 จาก 10,000 วินาทีละ 400 เหลืออีก 0:22")
        // With stderr not a terminal (as under `swift test` in a pipe), no progress line.
        let out = run(["import", "mail", path, "--contest", contest])
        if isatty(STDERR_FILENO) == 0 { XCTAssertFalse(out.err.contains("reading messages"), out.err) }
    }

    func testARenamedOrganisationStillFindsItsCloseTitles() {
        var book = EntryBook([])
        func s(_ o: String, _ t: String) -> Submission { Submission(values: [.organisation: o, .title: t]) }
        _ = book.take(s("เทศบาลตำบลก", "ระบบแจ้งเหตุออนไลน์"), messageID: "1")
        // The same message again, the organisation renamed: the entry is now among ข's.
        _ = book.take(s("เทศบาลตำบลข", "ระบบแจ้งเหตุออนไลน์"), messageID: "1")
        XCTAssertEqual(book.take(s("เทศบาลตำบลข", "ระบบแจ้งเหตุออนไลน์ใหม่"), messageID: "2").notes.map(\.en), ["title close to e001's; a copy with a changed title?"])
        XCTAssertEqual(book.take(s("เทศบาลตำบลก", "ระบบแจ้งเหตุออนไลน์ใหม่"), messageID: "3").notes, [])
    }
}

/// An import a crash interrupted between setting an entry's old folder aside and putting the
/// new one in place: the next opening of documents/ puts the old one back (entries.json still
/// lists its files) and removes what was never put in place.
final class InterruptedImportTests: XCTestCase {
    func testTheOldFolderGoesBackAndHalfMadeOnesGo() throws {
        let root = NSTemporaryDirectory() + "khanaen-interrupted-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/documents"
        let fm = FileManager.default
        try fm.createDirectory(atPath: docs + "/.e01.old-1a2b", withIntermediateDirectories: true)
        try Data("ข้อเสนอ".utf8).write(to: URL(fileURLWithPath: docs + "/.e01.old-1a2b/proposal.txt"))
        try fm.createDirectory(atPath: docs + "/.e02.new-3c4d", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: docs + "/e03", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: docs + "/.e03.old-5e6f", withIntermediateDirectories: true)
        let folder = try DocumentsFolder.open(contestDir: root)
        folder.close()
        XCTAssertEqual(try String(contentsOfFile: docs + "/e01/proposal.txt", encoding: .utf8), "ข้อเสนอ")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: docs).sorted(), ["e01", "e03"])
    }
}
