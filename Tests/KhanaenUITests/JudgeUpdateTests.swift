import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// Every key and every refusal of the workstation, with the ledger's part played by hand:
/// an `.append` effect is "written" by folding the events into the sheets.
final class JudgeUpdateTests: XCTestCase {
    private var s = Sample.state()
    private var written: [LedgerEvent] = []

    private func press(_ keys: Key...) {
        for k in keys {
            for effect in JudgeUpdate.update(&s, .key(k)) {
                guard case .append(let events) = effect else { continue }
                let numbered = events.enumerated().map { k, e -> LedgerEvent in
                    var x = e; x.seq = written.count + k + 1; x.time = 1_764_100_000_000; return x
                }
                written += numbered
                _ = JudgeUpdate.update(&s, .sheets(SheetBook.judgeSheets(contest: s.contest, judgeID: "j5", judgeEvents: written, chairEvents: []),
                                                   elsewhere: false))
                _ = JudgeUpdate.update(&s, .saved(numbered, time: 1_764_100_000_000))
            }
        }
    }

    private func type(_ text: String) { for c in text { press(.char(c)) } }

    func testListMovementAndPaging() {
        press(.down, .down)
        XCTAssertEqual(s.selectedEntry, 2)
        press(.char("k"))
        XCTAssertEqual(s.selectedEntry, 1)
        press(.end)
        XCTAssertEqual(s.selectedEntry, 19)
        press(.home, .up)
        XCTAssertEqual(s.selectedEntry, 0)
        press(.pageDown)
        XCTAssertEqual(s.selectedEntry, 18, "a page is the 18 rows of an 80×24 screen")
        XCTAssertGreaterThan(s.scrollTop, 0)
        press(.pageDown, .pageUp, .pageUp)
        XCTAssertEqual(s.selectedEntry, 0)
        XCTAssertEqual(s.scrollTop, 0)
    }

    func testSearchIsIncrementalThaiAndCaseInsensitiveLatin() {
        press(.char("/"))
        type("อุโมงค์")
        XCTAssertEqual(s.visibleEntries.map { s.contest.entries[$0].id }, ["e16", "e17"])
        XCTAssertEqual(s.selectedEntry, 15)
        press(.enter)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.search, "อุโมงค์")
        press(.char("/"), .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        type("big data")
        XCTAssertEqual(s.visibleEntries, [0])
        press(.escape)
        XCTAssertEqual(s.search, "")
        XCTAssertEqual(s.visibleEntries.count, 20)
    }

    func testSortByOrganisationUsesThaiOrderAndFilterByStatus() {
        press(.char("o"))
        XCTAssertEqual(s.sort, .organisation)
        let names = s.visibleEntries.map { s.contest.entries[$0].organisation }
        XCTAssertEqual(names.first, "เทศบาลตำบลเขตรอุดมศักดิ์")
        XCTAssertEqual(names.last, "องค์การบริหารส่วนตำบลเสม็ดใต้")
        XCTAssertLessThan(names.firstIndex(of: "เทศบาลเมืองแม่เหียะ")!, names.firstIndex(of: "องค์การบริหารส่วนตำบลวัดไทรย์")!)
        press(.char("f"))
        XCTAssertEqual(s.filter, .empty)
        press(.char("f"))
        XCTAssertEqual(s.filter, .draft)
        XCTAssertEqual(s.visibleEntries, [])
        press(.char("f"), .char("f"), .char("f"))
        XCTAssertNil(s.filter)
        press(.char("o"))
        XCTAssertEqual(s.sort, .total)
    }

    func testScoringAWholeSheetAndSubmitting() {
        press(.enter)
        XCTAssertEqual(s.screen, .sheet)
        type("12"); press(.enter)
        type("9"); press(.tab)
        type("20.5"); press(.down)
        type("7"); press(.enter)
        type("12"); press(.enter)
        type("11"); press(.enter)
        type("8")
        XCTAssertEqual(s.sheet.points, 71.5, "the typed 8 is not saved yet")
        press(.char("s"))
        XCTAssertEqual(s.sheet.points, 79.5, "s saves what was typed first")
        XCTAssertNil(s.prompt)
        press(.char("s"))
        XCTAssertEqual(s.prompt, .confirmSubmit)
        press(.char("y"))
        XCTAssertEqual(s.sheet.status, .submitted)
        XCTAssertEqual(written.map { $0.kind }, [.score, .score, .score, .score, .score, .score, .score, .submit])
        XCTAssertTrue(s.status!.text.contains("บันทึกแล้ว 02:46:40"), s.status!.text)
    }

    func testRefusalsWriteNothing() {
        press(.enter)
        type("16"); press(.enter)
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.contains("เกินคะแนนเต็ม 15"))
        XCTAssertEqual(s.input, "16", "kept for correcting")
        XCTAssertEqual(s.criterion, 0, "and the cursor stays")
        press(.backspace, .backspace)
        type("12.3"); press(.enter)
        XCTAssertTrue(s.status!.text.contains("ทวีคูณของ 0.5"))
        press(.escape)
        XCTAssertEqual(s.input, "")
        type("1..2"); press(.enter)
        XCTAssertTrue(s.status!.text.contains("ไม่ใช่ตัวเลข"))
        press(.escape)
        press(.char("s"))
        XCTAssertTrue(s.status!.text.contains("ยังไม่ได้ให้คะแนน: c1, c2"))
        press(.char("r"), .enter)
        XCTAssertTrue(s.status!.text.contains("ต้องระบุเหตุผล"))
        XCTAssertEqual(written, [])
    }

    func testStepClearUndoAndNotes() {
        press(.enter)
        press(.char("+"))
        XCTAssertEqual(s.sheet.scores[0], 0)
        press(.char("+"), .char("+"))
        XCTAssertEqual(s.sheet.scores[0], 1)
        press(.char("-"))
        XCTAssertEqual(s.sheet.scores[0], 0.5)
        press(.char("x"))
        XCTAssertNil(s.sheet.scores[0])
        press(.char("u"))
        XCTAssertEqual(s.sheet.scores[0], 0.5, "undo of the clear")
        press(.char("u"))
        XCTAssertEqual(s.sheet.scores[0], 1)
        press(.char("u"), .char("u"), .char("u"))
        XCTAssertNil(s.sheet.scores[0])
        press(.char("u"))
        XCTAssertTrue(s.status!.text.contains("ไม่มีการแก้ไขให้ย้อน"))
        press(.char("-"))
        XCTAssertEqual(s.sheet.scores[0], 15, "- from nothing starts at the maximum")
        press(.char("n"))
        type("ข้อมูลชัดเจน"); press(.enter)
        XCTAssertEqual(s.sheet.criterionNotes[0], "ข้อมูลชัดเจน")
        press(.char("N"))
        type("ดี"); press(.backspace); type("ดีมาก"); press(.enter)
        XCTAssertEqual(s.sheet.note, "ดดีมาก")
    }

    func testArrowKeysEndASearchButNotANoteBeingTyped() {
        press(.char("/"))
        type("อุโมงค์")
        press(.down)
        XCTAssertNil(s.prompt, "moving in the list ends the search")
        XCTAssertEqual(s.search, "อุโมงค์")
        press(.escape, .char("/"), .escape)
        press(.home, .enter, .char("n"))
        type("ข้อมูล")
        press(.down, .pageDown, .up)
        XCTAssertEqual(s.prompt, .note(criterion: 0), "the note stays open")
        type("ชัดเจน"); press(.enter)
        XCTAssertEqual(s.sheet.criterionNotes[0], "ข้อมูลชัดเจน")
        press(.char("r"))
        type("เป็นญาติ")
        press(.pageUp)
        XCTAssertEqual(s.prompt, .recuse)
        XCTAssertEqual(s.promptText, "เป็นญาติ")
    }

    func testRecuseClosesTheSheet() {
        press(.enter, .char("r"))
        type("เป็นญาติกับผู้ประสานงาน"); press(.enter)
        XCTAssertEqual(s.sheet.status, .recused)
        XCTAssertEqual(s.sheet.recuseReason, "เป็นญาติกับผู้ประสานงาน")
        type("5")
        XCTAssertEqual(s.input, "")
        XCTAssertTrue(s.status!.text.contains("แก้ไขไม่ได้"))
        press(.char("x"), .char("n"), .char("s"), .char("r"))
        XCTAssertEqual(written.count, 1)
    }

    func testSubmitCanBeCancelled() {
        press(.enter)
        for _ in 0..<7 { press(.char("+")); press(.down) }
        press(.char("s"), .char("n"))
        XCTAssertEqual(s.sheet.status, .draft)
        XCTAssertTrue(s.status!.text.contains("ยกเลิก"))
    }

    func testPreviousNextEntryAndBack() {
        press(.enter, .char("]"))
        XCTAssertEqual(s.selectedEntry, 1)
        XCTAssertEqual(s.screen, .sheet)
        press(.pageDown, .char("["), .char("["))
        XCTAssertEqual(s.selectedEntry, 0)
        press(.char("["))
        XCTAssertEqual(s.selectedEntry, 0)
        press(.char("?"))
        XCTAssertEqual(s.screen, .help)
        press(.char("z"))
        XCTAssertEqual(s.screen, .sheet)
        press(.char("q"))
        XCTAssertEqual(s.screen, .list)
        XCTAssertFalse(s.quit)
        press(.char("q"))
        XCTAssertTrue(s.quit)
    }

    func testTheLedgerRefusingIsShownAndChangesElsewhereAreNoticed() {
        _ = JudgeUpdate.update(&s, .notSaved("the sheet for e01 is submitted; only the chair can reopen it"))
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.hasPrefix("ไม่ได้บันทึก"))
        var sheets = s.sheets
        sheets[3].status = .submitted
        _ = JudgeUpdate.update(&s, .sheets(sheets, elsewhere: true))
        XCTAssertEqual(s.sheets[3].status, .submitted)
        XCTAssertTrue(s.status!.text.contains("เปลี่ยนแปลงจากที่อื่น"))
    }

    func testAChangeTheLedgerRefusedLeavesNothingToUndo() {
        press(.enter)
        type("12")
        // Played by hand: the effect is not written, the ledger answers with a refusal.
        let effects = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(s.undo.count, 1)
        _ = JudgeUpdate.update(&s, .notSaved("the sheet for e01 is submitted; only the chair can reopen it"))
        XCTAssertEqual(s.undo.count, 0)
        press(.char("u"))
        XCTAssertTrue(s.status!.text.contains("ไม่มีการแก้ไขให้ย้อน"))
    }

    func testKeysAreIgnoredOnAScreenTooSmallToShowThemButQQuits() {
        _ = JudgeUpdate.update(&s, .resize(width: 60, height: 20))
        press(.enter, .down)
        XCTAssertEqual(s.screen, .list)
        XCTAssertEqual(s.selectedEntry, 0)
        press(.char("q"))
        XCTAssertTrue(s.quit)
    }

    /// Past the last row the list turns a page, the selection at its top; past the first
    /// row it turns back, the selection at its bottom; the last page is never part empty.
    func testMovingPastAnEdgeTurnsAWholePage() {
        let big = Synthetic.contest(like: Sample.contest, entries: 100, judges: 5)
        s = JudgeState(contest: big, judge: 0, sheets: Array(repeating: Sheet(criteria: big.criteria.count), count: 100))
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        let n = s.listRows
        for _ in 0..<(n - 1) { press(.down) }
        XCTAssertEqual(s.scrollTop, 0, "moves within the page do not scroll")
        press(.down)
        XCTAssertEqual(s.selectedEntry, n)
        XCTAssertEqual(s.scrollTop, n, "the next page starts at the selection")
        press(.up)
        XCTAssertEqual(s.selectedEntry, n - 1)
        XCTAssertEqual(s.scrollTop, 0, "back a page, the selection at its bottom")
        press(.end, .home, .end)
        XCTAssertEqual(s.scrollTop, 100 - n, "the last page is full")
        for _ in 0..<n { press(.up) }
        XCTAssertEqual(s.selectedEntry, 99 - n)
        XCTAssertEqual(s.scrollTop, 100 - 2 * n)
    }

    func testResizeKeepsTheSelectionInView() {
        press(.end)
        _ = JudgeUpdate.update(&s, .resize(width: 120, height: 40))
        XCTAssertEqual(s.scrollTop, 0)
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        XCTAssertEqual(s.scrollTop, 2)
    }
}
