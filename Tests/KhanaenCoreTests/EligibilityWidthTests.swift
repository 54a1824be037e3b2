import XCTest
@testable import KhanaenCore
@testable import KhanaenText

/// Issue 18: the eligibility table was padded to about 183 columns and wrapped on an
/// 80-column terminal. Given a width it fits, the reasons wrapped under each row.
final class EligibilityWidthTests: XCTestCase {
    func testTheTableFitsTheWidthAndWrapsTheReasons() throws {
        let contest = try Fixtures.contest()
        let config = Contest.Eligibility(closes: CalendarDate(iso: "2023-09-24")!)
        let long = String(repeating: "ผลงานนี้ใช้งานจริงไม่ถึงหกเดือนก่อนวันปิดรับสมัคร ", count: 4)
        let decisions = ["e1": EligibilityDecision(status: .fail, reason: long, by: "chair", time: Timestamp.parse("2026-12-02T07:05:00.000Z")!)]
        let results = EligibilityRules.evaluate(contest.entries, config: config, decisions: decisions)
        for language in [Language.th, .en] {
            let wide = EligibilityReport.table(results, contest: contest, language: language)
            XCTAssertGreaterThan(wide.split(separator: "\n").map { CellWidth.of(String($0)) }.max()!, 120, "the long form is one line an entry")
            for width in [80, 60] {
                let text = EligibilityReport.table(results, contest: contest, language: language, width: width)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for line in lines { XCTAssertLessThanOrEqual(CellWidth.of(line), width, "\(language) at \(width): \(line)") }
                let e1 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("e1 ") }, text)
                XCTAssertTrue(lines[e1 + 1].hasPrefix("    " + (language == .th ? "เหตุผล: " : "Reasons: ")), text)
                XCTAssertTrue(lines[e1 + 2].hasPrefix("    "), "the reason goes on, wrapped: \(text)")
                let joined = lines[(e1 + 1)...].prefix { $0.hasPrefix("    ") }.map { $0.dropFirst(4) }.joined()
                XCTAssertTrue(joined.replacingOccurrences(of: " ", with: "").contains(long.replacingOccurrences(of: " ", with: "")),
                              "the whole reason is there: \(text)")
                XCTAssertTrue(lines.contains { $0.hasPrefix("e2 ") })
            }
        }
    }
}
