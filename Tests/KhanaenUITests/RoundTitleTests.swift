import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// Issue 23: a judge who sits on several rounds sees which round is open in the title bar.
final class RoundTitleTests: XCTestCase {
    func testTheTitleBarNamesTheRound() {
        var c = Sample.contest
        c.round = Contest.RoundInfo(number: 2, title: "นำเสนอผลงาน")
        for (language, expected) in [(Language.th, "คะแนน · รอบที่ 2: นำเสนอผลงาน · "), (.en, "Khanaen · Round 2: นำเสนอผลงาน · ")] {
            var s = JudgeState(contest: c, judge: 4, sheets: Array(repeating: Sheet(criteria: c.criteria.count), count: c.entries.count),
                               language: language)
            _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
            let top = JudgeView.render(s).lines[0]
            XCTAssertTrue(top.contains(expected), top)
        }
        var plain = Sample.contest
        plain.round = nil
        var s = JudgeState(contest: plain, judge: 4, sheets: Array(repeating: Sheet(criteria: plain.criteria.count), count: plain.entries.count))
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        XCTAssertFalse(JudgeView.render(s).lines[0].contains("รอบที่"), "a contest of one round: as before")
    }
}
