import XCTest
@testable import KhanaenCore

final class LedgerNameTests: XCTestCase {
    func testLedgerNamesAreInternedOnce() {
        let a = LedgerName("e00042"), b = LedgerName(String("e000") + "42"), c = LedgerName("e00043")
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertEqual(b.text, "e00042")
        XCTAssertEqual(LedgerName("โครงการ").text, "โครงการ")

        var e = LedgerEvent(actor: "j1", kind: .note, entry: "e00042", text: "ดี")
        XCTAssertNil(e.criterion)
        XCTAssertNil(e.criterionName)
        e.criterion = "c3"
        XCTAssertEqual(e.criterionName, LedgerName("c3"))
        XCTAssertEqual(e, LedgerEvent(actor: "j1", kind: .note, entry: "e00042", criterion: "c3", text: "ดี"))
        e.criterion = nil
        XCTAssertEqual(e, LedgerEvent(actor: "j1", kind: .note, entry: "e00042", text: "ดี"))
        XCTAssertNotEqual(e, LedgerEvent(actor: "j2", kind: .note, entry: "e00042", text: "ดี"))
    }
}

final class ContestIndexTests: XCTestCase {
    func testTheEntryIndexFollowsAChangeOfTheEntries() throws {
        var contest = try Fixtures.contest(entries: 5)
        let first = contest.entries[0]
        contest.entries.removeFirst()
        XCTAssertNil(contest.entryIndex(first.id))
        XCTAssertEqual(contest.entryIndex(contest.entries[0].id), 0)
        contest.entries[0].id = "renamed"
        XCTAssertEqual(contest.entryIndex("renamed"), 0)
        contest.entries.append(first)
        XCTAssertEqual(contest.entryIndex(first.id), 4)
    }
}
