import Foundation
import XCTest
@testable import KhanaenCore

final class EntriesJSONTests: XCTestCase {
    private let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/digital-local-2566/entries.json").path

    func testTheSampleFileIsWrittenBackByteForByte() throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: sample)!)
        let entries = try ContestParser.parseEntries(bytes, file: "entries.json")
        XCTAssertEqual(EntriesJSON.bytes(entries), bytes)
    }

    func testTheNewKeysRoundTrip() throws {
        var e = Contest.Entry(id: "e021", organisation: "เทศบาลตำบลครึ่ง", title: "ถังเงิน \u{1B}[31m", inUseSince: CalendarDate(iso: "2023-02-01"),
                              messageId: "abc@mail.example")
        e.documents = [
            .init(name: "slides.pptx", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", size: 1234,
                  text: "documents/e021/slides.pptx.txt"),
            .init(name: "form1.jpg", type: "image/jpeg", size: 99, pixels: .init(width: 1240, height: 1754)),
            .init(name: "scan.pdf", type: "application/pdf", size: 5, note: "the PDF has no text (a scanned image?)"),
        ]
        let bytes = EntriesJSON.bytes([e])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains(#""inUseSince": "2023-02-01""#), text)
        XCTAssertTrue(text.contains(#""pixels": {"#), text)
        XCTAssertEqual(try ContestParser.parseEntries(bytes, file: "entries.json"), [e])
    }

    func testAnEmptyListIsAContestWithNothingToJudge() throws {
        let c = try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON().utf8), entriesJSON: Array("[]\n".utf8))
        XCTAssertTrue(c.entries.isEmpty)
        XCTAssertEqual(EntriesJSON.bytes([]), Array("[]\n".utf8))
    }

    func testDocumentsCannotPointOutsideTheContest() {
        func error(_ document: String) -> String {
            let json = #"[{"id": "e1", "organisation": "ก", "title": "ข", "documents": [\#(document)]}]"#
            do {
                _ = try ContestParser.parseEntries(Array(json.utf8), file: "entries.json")
                return ""
            } catch {
                return (error as? InputError)?.message ?? "\(error)"
            }
        }
        XCTAssertTrue(error(#"{"name": "../x", "type": "", "size": 1}"#).contains("documents[0].name: \"../x\" is not a plain file name"))
        XCTAssertTrue(error(#"{"name": "..", "type": "", "size": 1}"#).contains("not a plain file name"))
        XCTAssertTrue(error(#"{"name": "a", "type": "", "size": 1, "text": "/etc/passwd"}"#).contains("documents[0].text"))
        XCTAssertTrue(error(#"{"name": "a", "type": "", "size": 1, "text": "documents/../../x"}"#).contains("not a path inside"))
        XCTAssertTrue(error(#"{"name": "a", "type": "", "size": -1}"#).contains("size: must not be negative"))
        XCTAssertTrue(error(#"{"name": "a", "type": "", "size": 1, "pages": 3}"#).contains("pages: unknown field"))
        XCTAssertEqual(error(#"{"name": "a.pdf", "type": "application/pdf", "size": 1, "text": "documents/e1/a.pdf.txt"}"#), "")
        let badDate = #"[{"id": "e1", "organisation": "ก", "title": "ข", "inUseSince": "1/2/2566"}]"#
        XCTAssertThrowsError(try ContestParser.parseEntries(Array(badDate.utf8), file: "entries.json")) {
            XCTAssertTrue(($0 as! InputError).message.contains("entries.json:1: [0].inUseSince: \"1/2/2566\" is not a date (YYYY-MM-DD)"), "\($0)")
        }
    }
}
