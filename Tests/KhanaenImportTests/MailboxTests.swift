import Foundation
import XCTest
@testable import KhanaenImport

final class MailboxTests: XCTestCase {
    private var root = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-mailbox-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func messages(_ path: String) throws -> [(label: String, subject: String, body: String)] {
        var out: [(String, String, String)] = []
        try Mailbox.forEachMessage(path) { location, bytes in
            let m = MailMessage.parse(bytes)
            out.append((location.label, m.subject, m.bodyText))
        }
        return out
    }

    private func message(_ subject: String, _ body: String) -> [UInt8] {
        Array("Subject: \(subject)\nContent-Type: text/plain; charset=utf-8\n\n\(body)".utf8)
    }

    func testAnMboxGivesEachMessageInOrderWithFromLinesUnquoted() throws {
        let path = root + "/inbox.mbox"
        let bodies = ["หนึ่ง\nFrom the secretariat\n>From quoted once\n", "สอง\n", "สาม\n"]
        let mbox = MailFixtures.mbox(bodies.enumerated().map { message("m\($0.offset)", $0.element) })
        XCTAssertTrue(String(decoding: mbox, as: UTF8.self).contains("\n>From the secretariat\n>>From quoted once"))
        try Data(mbox).write(to: URL(fileURLWithPath: path))
        let got = try messages(path)
        XCTAssertEqual(got.map(\.subject), ["m0", "m1", "m2"])
        XCTAssertEqual(got.map(\.body), bodies, "From_ escapes undone, the separating blank line dropped")
        XCTAssertEqual(got.map(\.label), [path + ":1", path + ":9", path + ":15"])
    }

    func testAMaildirReadsCurAndNewInNameOrder() throws {
        for sub in ["cur", "new", "tmp"] { try FileManager.default.createDirectory(atPath: root + "/md/" + sub, withIntermediateDirectories: true) }
        try Data(message("second", "b")).write(to: URL(fileURLWithPath: root + "/md/new/1700000002.M2.host"))
        try Data(message("first", "a")).write(to: URL(fileURLWithPath: root + "/md/cur/1700000001.M1.host:2,S"))
        try Data(message("tmp", "x")).write(to: URL(fileURLWithPath: root + "/md/tmp/1700000000.M0.host"))
        try Data(message("hidden", "x")).write(to: URL(fileURLWithPath: root + "/md/cur/.hidden"))
        XCTAssertEqual(try messages(root + "/md").map(\.subject), ["first", "second"])
    }

    func testAFolderOfEmlFilesAndASingleFile() throws {
        try FileManager.default.createDirectory(atPath: root + "/eml", withIntermediateDirectories: true)
        try Data(message("b", "")).write(to: URL(fileURLWithPath: root + "/eml/b.EML"))
        try Data(message("a", "")).write(to: URL(fileURLWithPath: root + "/eml/a.eml"))
        try Data(message("not mail", "")).write(to: URL(fileURLWithPath: root + "/eml/notes.txt"))
        XCTAssertEqual(try messages(root + "/eml").map(\.subject), ["a", "b"])
        XCTAssertEqual(try messages(root + "/eml/a.eml").map(\.subject), ["a"])
    }

    func testAPathThatCannotBeReadSaysWhich() {
        XCTAssertThrowsError(try messages(root + "/missing")) { XCTAssertTrue("\($0)".contains(root + "/missing: no such file or folder"), "\($0)") }
    }
}
