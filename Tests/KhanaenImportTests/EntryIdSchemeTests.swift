import XCTest
@testable import KhanaenCore
@testable import KhanaenImport

/// Issue 18: `e01` in the demo, `e021` after an import, `e001` in an empty contest. One scheme:
/// e and the number, padded as the contest's ids are; three digits in a new contest.
final class EntryIdSchemeTests: XCTestCase {
    private func submission(_ organisation: String, _ title: String) -> Submission {
        Submission(values: [.organisation: organisation, .title: title])
    }

    func testAnImportContinuesTheContestsIds() {
        let two = (1...20).map { Contest.Entry(id: $0 < 10 ? "e0\($0)" : "e\($0)", organisation: "เทศบาลตำบล \($0)", title: "ผลงาน \($0)") }
        var book = EntryBook(two)
        _ = book.take(submission("เทศบาลตำบลใหม่", "ผลงานใหม่"), messageID: "")
        XCTAssertEqual(book.entries.last?.id, "e21", "after e20 comes e21, not e021")

        var empty = EntryBook([])
        _ = empty.take(submission("เทศบาลตำบลใหม่", "ผลงานใหม่"), messageID: "")
        _ = empty.take(submission("เทศบาลตำบลอื่น", "ผลงานอื่น"), messageID: "")
        XCTAssertEqual(empty.entries.map(\.id), ["e001", "e002"])

        var three = EntryBook([Contest.Entry(id: "e009", organisation: "ก", title: "ข")])
        _ = three.take(submission("เทศบาลตำบลใหม่", "ผลงานใหม่"), messageID: "")
        XCTAssertEqual(three.entries.last?.id, "e010")
    }
}
