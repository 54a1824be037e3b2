import XCTest
@testable import KhanaenCore

final class RulesTests: XCTestCase {
    private func check(_ drafts: [LedgerEvent], own: [LedgerEvent] = [], chair: [LedgerEvent] = []) throws {
        try Rules.checkJudge(drafts, judgeID: "j1", contest: try Fixtures.contest(), ownEvents: Fixtures.numbered(own), chairEvents: chair)
    }

    private func refused(_ drafts: [LedgerEvent], own: [LedgerEvent] = [], chair: [LedgerEvent] = [], _ expected: String,
                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try check(drafts, own: own, chair: chair), file: file, line: line) { e in
            XCTAssertTrue((e as? Refusal)?.message.contains(expected) ?? false, "\(e)", file: file, line: line)
        }
    }

    private func score(_ c: String, _ v: Double, entry: String = "e1") -> LedgerEvent {
        LedgerEvent(actor: "j1", kind: .score, entry: entry, criterion: c, value: v)
    }

    func testValuesMustBeInRangeAndOnTheStep() throws {
        try check([score("a", 0), score("a", 10), score("b", 12.5)])
        refused([score("a", 10.5)], "a=10.5: above the maximum of 10")
        refused([score("a", -1)], "a=-1: a score cannot be negative")
        refused([score("a", 7.25)], "a=7.25: not a multiple of the step 0.5")
        refused([score("z", 1)], "no criterion has id \"z\"")
        refused([score("a", 1, entry: "e99")], "no entry has id \"e99\"")
    }

    func testSubmitNeedsEveryCriterion() throws {
        refused([score("a", 1), LedgerEvent(actor: "j1", kind: .submit, entry: "e1")], "cannot submit e1: b, c not scored yet")
        try check([score("a", 1), score("b", 1), score("c", 1), LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        refused([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")],
                own: Fixtures.sheet("j1", "e1", 1, 1, 1, submit: false) + [LedgerEvent(actor: "j1", kind: .clear, entry: "e1", criterion: "b")],
                "b not scored yet")
    }

    func testASubmittedOrRecusedSheetIsClosedUntilTheChairReopensIt() throws {
        let submitted = Fixtures.sheet("j1", "e1", 1, 1, 1)
        refused([score("a", 2)], own: submitted, "submitted; only the chair can reopen it")
        refused([LedgerEvent(actor: "j1", kind: .note, entry: "e1", text: "x")], own: submitted, "submitted")
        refused([score("a", 2)], own: [LedgerEvent(actor: "j1", kind: .recuse, entry: "e1", text: "ญาติ")], "recused")
        let reopen = Fixtures.numbered([LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: 4, text: "แก้")])
        try check([score("a", 2)], own: submitted, chair: reopen)
        try check([score("a", 2, entry: "e2")], own: submitted)
        refused([LedgerEvent(actor: "j1", kind: .recuse, entry: "e2", text: "  ")], "a recusal needs a reason")
    }

    func testTheCheckSeesEarlierDraftsOfTheSameBatch() {
        refused([score("a", 1), score("b", 1), score("c", 1), LedgerEvent(actor: "j1", kind: .submit, entry: "e1"), score("a", 2)], "submitted")
    }

    func testChairActions() throws {
        let contest = try Fixtures.contest()
        let j1 = Fixtures.numbered(Fixtures.sheet("j1", "e1", 1, 1, 1))
        let events = [j1, [], []]
        let e = try Rules.checkChair(LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", text: "พิมพ์ผิด"),
                                     contest: contest, judgeEvents: events, chairEvents: [])
        XCTAssertEqual(e.ref, 4)
        XCTAssertThrowsError(try Rules.checkChair(LedgerEvent(actor: "chair", kind: .reopen, judge: "j2", entry: "e1", text: "x"),
                                                  contest: contest, judgeEvents: events, chairEvents: []))
        XCTAssertThrowsError(try Rules.checkChair(LedgerEvent(actor: "judge1", kind: .award, entry: "e1", tier: "gold", text: "x"),
                                                  contest: contest, judgeEvents: events, chairEvents: []))
        XCTAssertThrowsError(try Rules.checkChair(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "platinum", text: "x"),
                                                  contest: contest, judgeEvents: events, chairEvents: []))
        XCTAssertThrowsError(try Rules.checkChair(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: ""),
                                                  contest: contest, judgeEvents: events, chairEvents: []))
        XCTAssertNoThrow(try Rules.checkChair(LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "none", text: "x"),
                                              contest: contest, judgeEvents: events, chairEvents: []))
    }
}
