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

    /// A later round's ranking: each entry's earlier rank as a column from 140 columns, and the
    /// selected entry's line its earlier rank and score (with `carry`, this round's own score too).
    func testTheRankingShowsTheEarlierRound() {
        var c = Sample.contest
        c.round = Contest.RoundInfo(number: 2, title: "นำเสนอผลงาน")
        c.earlierRound = EarlierRound(number: 1, standings: Dictionary(uniqueKeysWithValues: c.entries.enumerated().map { k, e in
            (e.id, EarlierRound.Standing(rank: 20 - k, score: 50 + Double(k)))
        }))
        let events = c.judges.indices.map { j -> [LedgerEvent] in
            guard j < 4 else { return [] }
            var events: [LedgerEvent] = []
            for (k, e) in c.entries.enumerated() {
                for crit in c.criteria {
                    let share = max(0.2, 0.95 - 0.03 * Double(k) - 0.01 * Double(j))
                    events.append(LedgerEvent(actor: c.judges[j].id, kind: .score, entry: e.id, criterion: crit.id, value: (share * crit.max * 2).rounded() / 2))
                }
                events.append(LedgerEvent(actor: c.judges[j].id, kind: .submit, entry: e.id))
            }
            return events.enumerated().map { k, e in var x = e; x.seq = k + 1; x.time = 1_764_100_000_000 + Int64(k) * 1000; return x }
        }
        let book = SheetBook(contest: c, judgeEvents: events, chairEvents: [])
        let summary = LedgerSummary(contest: c, files: [], warnings: [], strays: [])
        for width in [80, 100, 120, 140] {
            let s = ChairTests.state(book, summary, width: width, height: 24)
            let lines = ChairView.render(s).lines
            XCTAssertEqual(lines[2].contains("รอบ 1"), width >= 140, lines[2])
            XCTAssertTrue(lines[2].contains("ข้อสังเกต"), "no header cut at \(width): \(lines[2])")
            XCTAssertTrue(lines[s.height - 3].contains("e01 · รอบที่ 1: อันดับ 20, 50.00"), lines[s.height - 3])
        }
        c.carry = 0.3
        let carried = SheetBook(contest: c, judgeEvents: events, chairEvents: [])
        let s = ChairTests.state(carried, LedgerSummary(contest: c, files: [], warnings: [], strays: []), width: 100, height: 24)
        let own = Scoring.compute(book).entries[0]
        XCTAssertTrue(ChairView.render(s).lines[s.height - 3].contains("e01 · รอบนี้ \(TwoDecimals.text(own.score!)) · รอบที่ 1: อันดับ 20, 50.00"),
                      ChairView.render(s).lines[s.height - 3])
    }
}
