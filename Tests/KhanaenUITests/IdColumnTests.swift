import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// Issue 18: a longer id touched the next column of the judge's list. Every list sizes its id
/// column to the widest id (4 to 10 cells), with a space after it.
final class IdColumnTests: XCTestCase {
    func testTheIdColumnIsAsWideAsTheWidestId() throws {
        var c = Sample.contest
        let ids = ["e01", "e021", "e0300", "e123456"]
        c.entries = Array(c.entries.prefix(ids.count))
        for (k, id) in ids.enumerated() { c.entries[k].id = id }
        var s = JudgeState(contest: c, judge: 4, sheets: Array(repeating: Sheet(criteria: c.criteria.count), count: c.entries.count))
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        let lines = JudgeView.render(s).lines
        for (k, id) in ids.enumerated() {
            let row = try XCTUnwrap(lines.first { $0.contains(id) }, id)
            let after = row.range(of: id)!.upperBound
            let gap = row[after...].prefix(7 - id.count + 1)
            XCTAssertTrue(gap.allSatisfy { $0 == " " }, "\(id) runs into the organisation: \(row)")
            XCTAssertTrue(row[after...].dropFirst(7 - id.count + 1).hasPrefix(c.entries[k].organisation.prefix(3)), row)
        }
    }
}
