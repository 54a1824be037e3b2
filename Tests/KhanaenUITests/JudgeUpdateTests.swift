import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// Every key and every refusal of the workstation, with the ledger's part played by hand:
/// an `.append` effect is "written" by folding the events into the sheets.
final class JudgeUpdateTests: XCTestCase {
    private var s = Sample.state()
    private var written: [LedgerEvent] = []
    private var chair: [LedgerEvent] = []

    private func refold() -> [Sheet] {
        SheetBook.judgeSheets(contest: s.contest, judgeID: "j5", judgeEvents: written, chairEvents: chair)
    }

    private func press(_ keys: Key...) {
        for k in keys {
            for effect in JudgeUpdate.update(&s, .key(k)) {
                guard case .append(let events) = effect else { continue }
                let numbered = events.enumerated().map { k, e -> LedgerEvent in
                    var x = e; x.seq = written.count + k + 1; x.time = 1_764_100_000_000; return x
                }
                written += numbered
                _ = JudgeUpdate.update(&s, .sheets(refold(), elsewhere: false))
                _ = JudgeUpdate.update(&s, .saved(numbered))
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
        XCTAssertGreaterThan(s.list.top, 0)
        press(.pageDown, .pageUp, .pageUp)
        XCTAssertEqual(s.selectedEntry, 0)
        XCTAssertEqual(s.list.top, 0)
    }

    func testSearchIsIncrementalThaiAndCaseInsensitiveLatin() {
        press(.char("/"))
        type("อุโมงค์")
        XCTAssertEqual(s.visibleEntries.map { s.contest.entries[$0].id }, ["e16", "e17"])
        XCTAssertEqual(s.selectedEntry, 15)
        press(.enter)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.search, "อุโมงค์")
        press(.char("/"))
        for _ in 0..<7 { press(.backspace) }
        type("big data")
        XCTAssertEqual(s.visibleEntries, [0])
        press(.escape)
        XCTAssertEqual(s.search, "")
        XCTAssertEqual(s.visibleEntries.count, 20)
    }

    /// Scoring an entry from a list filtered to the unscored ones takes it off the list; back
    /// on the list the row highlighted is the entry Enter opens.
    func testAnEntryThatLeavesTheFilteredListLeavesTheSelectionOnAShownRow() {
        press(.char("f"))
        XCTAssertEqual(s.filter, .notStarted)
        press(.enter)
        XCTAssertEqual(s.selectedEntry, 0)
        type("10"); press(.enter)
        press(.char("q"))
        XCTAssertEqual(s.screen, .list)
        XCTAssertFalse(s.visibleEntries.contains(0))
        XCTAssertEqual(s.selectedEntry, s.visibleEntries[0])
        XCTAssertEqual(s.list.selected, 0)
        press(.enter)
        XCTAssertEqual(s.entry.id, "e02")
    }

    func testSortByOrganisationUsesThaiOrderAndFilterByStatus() {
        _ = JudgeUpdate.update(&s, .textReady(.load()))
        press(.char("o"))
        XCTAssertEqual(s.sort, .organisation)
        let names = s.visibleEntries.map { s.contest.entries[$0].organisation }
        XCTAssertEqual(names.first, "เทศบาลตำบลเขตรอุดมศักดิ์")
        XCTAssertEqual(names.last, "องค์การบริหารส่วนตำบลเสม็ดใต้")
        XCTAssertLessThan(names.firstIndex(of: "เทศบาลเมืองแม่เหียะ")!, names.firstIndex(of: "องค์การบริหารส่วนตำบลวัดไทรย์")!)
        press(.char("f"))
        XCTAssertEqual(s.filter, .notStarted)
        press(.char("f"))
        XCTAssertEqual(s.filter, .draft)
        XCTAssertEqual(s.visibleEntries, [])
        press(.char("f"), .char("f"), .char("f"))
        XCTAssertNil(s.filter)
        press(.char("o"))
        XCTAssertEqual(s.sort, .total)
    }

    func testAnOrganisationOrderSortedBeforeTheCollatorArrivesIsSortedAgainWithIt() {
        XCTAssertNil(s.organisationOrder, "not sorted before the judge asks for it")
        press(.char("o"))
        XCTAssertNotNil(s.organisationOrder, "kept once asked for, not sorted again at every frame")
        _ = JudgeUpdate.update(&s, .textReady(.load()))
        let names = s.visibleEntries.map { s.contest.entries[$0].organisation }
        XCTAssertEqual(names.first, "เทศบาลตำบลเขตรอุดมศักดิ์")
        XCTAssertEqual(names.last, "องค์การบริหารส่วนตำบลเสม็ดใต้")
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
        XCTAssertEqual(s.prompt, .confirmSubmit(saved: "คะแนนเกณฑ์ 7 = 8"))
        press(.char("y"))
        XCTAssertEqual(s.sheet.status, .submitted)
        XCTAssertEqual(written.map { $0.kind }, [.score, .score, .score, .score, .score, .score, .score, .submit])
        XCTAssertTrue(s.status!.text.contains("บันทึกแล้ว 02:46:40"), s.status!.text)
        XCTAssertEqual(s.status?.kind, .ok)
    }

    /// A refused value stays in the field, selected, so that the next digit replaces it.
    func testARefusedValueIsSelectedAndTheNextDigitReplacesIt() {
        press(.enter)
        type("99"); press(.enter)
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.contains("เกณฑ์ 1 = 99: เกินคะแนนเต็ม 15"), s.status!.text)
        XCTAssertEqual(s.input.text, "99", "kept for correcting")
        XCTAssertTrue(s.input.selected)
        XCTAssertEqual(s.criterion, 0, "the cursor stays")
        type("12")
        XCTAssertEqual(s.input.text, "12", "not 9912")
        press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 12)
        type("7.3"); press(.enter)
        XCTAssertTrue(s.status!.text.contains("ทวีคูณของ 0.5"), s.status!.text)
        press(.escape)
        XCTAssertEqual(s.input.text, "")
        XCTAssertTrue(s.status!.text.contains("ไม่ได้บันทึก"), "Esc says what it did")
        type("1..2"); press(.enter)
        XCTAssertTrue(s.status!.text.contains("ไม่ใช่คะแนน"))
        XCTAssertEqual(written.count, 1)
    }

    /// A decimal comma is a decimal point, never dropped; a letter is refused, not ignored.
    func testACommaIsADecimalPointAndALetterIsRefused() {
        press(.enter)
        type("1,5"); press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 1.5, "not 15")
        type("1")
        press(.char("a"))
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.contains("\"a\" ไม่ใช่ตัวเลข"))
        XCTAssertEqual(s.input.text, "1")
        type("0"); press(.enter)
        XCTAssertEqual(s.sheet.scores[1], 10, "the refused letter replaced nothing; 10 was typed and saved")
    }

    /// The Thai (Kedmanee) layout's number row types digits: "ๅ-" is 13, never a step.
    func testTheThaiLayoutsNumberRowTypesDigits() {
        press(.enter)
        type("ๅ-"); press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 13, "ๅ is 1 and - is 3 in the Thai layout")
        XCTAssertTrue(s.thaiLayout)
        type("ถ"); press(.enter)
        XCTAssertEqual(s.sheet.scores[1], 5)
        type("๒๐,๕"); press(.enter)
        XCTAssertEqual(s.sheet.scores[2], 20.5, "Thai digits are digits")
        type("จ"); press(.enter)
        XCTAssertEqual(s.sheet.scores[3], 0)
        // In the Thai layout, ข and ช are where - and = are: the step keys.
        press(.up)
        press(.char("ช"))
        XCTAssertEqual(s.input.text, "0.5", "a step changes the field")
        XCTAssertEqual(s.sheet.scores[3], 0, "and not the ledger")
        press(.char("ข"))
        XCTAssertEqual(s.input.text, "0")
        type("7")
        XCTAssertFalse(s.thaiLayout, "an English digit ends it")
        press(.enter)
        XCTAssertEqual(s.sheet.scores[3], 7)
        XCTAssertEqual(written.filter { $0.kind == .score }.count, 5)
    }

    /// On the Thai layout the 3 key sends "-": before any key has said which layout the judge
    /// types on, "-" neither types 3 nor steps a saved score down; it says why.
    func testAMinusBeforeTheLayoutIsKnownChangesNothing() {
        press(.enter)
        type("10"); press(.enter)
        s.layoutKnown = false   // as in a new session, with the score saved in an earlier one
        press(.up)
        press(.char("-"))
        XCTAssertEqual(s.sheet.scores[0], 10, "not stepped down")
        XCTAssertEqual(s.input.text, "", "not typed either")
        XCTAssertTrue(s.status!.text.contains("เลข 3 (แป้นไทย)"), s.status!.text)
        XCTAssertEqual(written.filter { $0.kind == .score }.count, 1)
        type("ๅ-"); press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 13, "once a Thai digit is typed, - is 3")
        s.layoutKnown = false
        s.thaiLayout = false
        press(.up, .char("a"))   // a Latin letter: the English layout
        press(.char("-"), .enter)
        XCTAssertEqual(s.sheet.scores[0], 12.5, "on the English layout - steps down")
    }

    /// The Thai layout's . and , keys (ใ and ม) are the decimal point and comma: 1.5 typed
    /// there is 1.5, never 15.
    func testTheThaiLayoutsDecimalKeys() {
        press(.enter)
        type("ๅใถ"); press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 1.5)
        type("ภมถ"); press(.enter)
        XCTAssertEqual(s.sheet.scores[1], 4.5)
    }

    /// + or - on a typed value that is not a score refuses it and keeps it, selected: no
    /// value the judge did not type is saved or shown as theirs.
    func testSteppingATypedValueOffTheStepKeepsIt() {
        press(.enter, .down, .down)
        type("7.3"); press(.char("+"))
        XCTAssertNil(s.sheet.scores[2])
        XCTAssertEqual(s.input.text, "7.3")
        XCTAssertTrue(s.input.selected)
        XCTAssertTrue(s.status!.text.contains("7.3"), s.status!.text)
        type("7.5"); press(.char("+"))
        XCTAssertNil(s.sheet.scores[2], "a step is saved on Enter, not on the key")
        XCTAssertEqual(s.input.text, "8")
        press(.enter)
        XCTAssertEqual(s.sheet.scores[2], 8)
        XCTAssertEqual(s.input.text, "")
    }

    /// Stepping from no score at all is refused, with a message: it would make one up.
    func testStepsFromNothingAreRefused() {
        press(.enter)
        type("1"); press(.escape)
        press(.char("-"))
        XCTAssertNil(s.sheet.scores[0], "- on an unscored criterion writes nothing")
        XCTAssertTrue(s.status!.text.contains("ยังไม่มีคะแนน"))
        press(.char("+"))
        XCTAssertNil(s.sheet.scores[0])
        XCTAssertEqual(written, [])
        type("15"); press(.up)
        press(.char("+"))
        XCTAssertEqual(s.sheet.scores[0], 15, "at the maximum, + says so and writes nothing")
        XCTAssertTrue(s.status!.text.contains("เต็ม 15"))
        press(.char("-"), .up)
        XCTAssertEqual(s.sheet.scores[0], 14.5)
    }

    /// Leaving a field does one thing everywhere: it saves what was typed after checking it,
    /// or stays with the refusal.
    func testLeavingAFieldSavesWhatWasTyped() {
        press(.enter)
        type("12"); press(.char("q"))
        XCTAssertEqual(s.screen, .list)
        XCTAssertEqual(s.sheets[0].scores[0], 12, "q saves")
        press(.enter)
        XCTAssertEqual(s.criterion, 1, "the sheet opens at its first unscored criterion")
        type("8"); press(.char("]"))
        XCTAssertEqual(s.sheets[0].scores[1], 8, "] saves")
        XCTAssertEqual(s.selectedEntry, 1)
        type("5"); press(.char("["))
        XCTAssertEqual(s.sheets[1].scores[0], 5, "[ saves")
        type("99"); press(.char("q"))
        XCTAssertEqual(s.screen, .sheet, "a refused value keeps the judge on the sheet")
        XCTAssertEqual(s.status?.kind, .error)
        press(.escape)
        XCTAssertEqual(s.screen, .sheet, "Esc drops what was typed, and says so")
        press(.escape)
        XCTAssertEqual(s.screen, .list, "Esc then closes the sheet")
        press(.escape)
        XCTAssertFalse(s.quit, "Esc never quits")
    }

    func testRefusalsWriteNothing() {
        press(.enter)
        press(.char("s"))
        XCTAssertTrue(s.status!.text.contains("ยังไม่ได้ให้คะแนนเกณฑ์ 1, 2, 3, 4, 5, 6, 7"), s.status!.text)
        press(.char("r"), .char("6"), .enter)
        XCTAssertTrue(s.status!.text.contains("ต้องระบุเหตุผล"))
        XCTAssertEqual(written, [])
    }

    func testStepClearUndoAndNotes() {
        press(.enter)
        type("1"); press(.up)
        press(.char("-"), .up)
        XCTAssertEqual(s.sheet.scores[0], 0.5)
        press(.char("x"))
        XCTAssertNil(s.sheet.scores[0])
        press(.char("u"))
        XCTAssertEqual(s.sheet.scores[0], 0.5, "undo of the clear")
        XCTAssertTrue(s.status!.text.contains("ย้อนแล้ว"), s.status!.text)
        XCTAssertEqual(written.last?.undoes, 3, "the ledger line says which line it undoes")
        press(.char("u"))
        XCTAssertEqual(s.sheet.scores[0], 1)
        press(.char("u"))
        XCTAssertNil(s.sheet.scores[0])
        press(.char("u"))
        XCTAssertTrue(s.status!.text.contains("ไม่มีการแก้ไข"))
        press(.char("n"))
        type("ข้อมูลชัดเจน"); press(.enter)
        XCTAssertEqual(s.sheet.criterionNotes[0], "ข้อมูลชัดเจน")
        press(.char("N"))
        type("ดี"); press(.backspace); type("ดีมาก"); press(.enter)
        XCTAssertEqual(s.sheet.note, "ดดีมาก")
        press(.char("u"))
        XCTAssertNil(s.sheet.note, "undo takes a note back too")
        XCTAssertTrue(s.status!.text.contains("ย้อนแล้ว: e01 ข้อสังเกตของผลงาน"), "which note: \(s.status!.text)")
        press(.char("u"))
        XCTAssertNil(s.sheet.criterionNotes[0])
        XCTAssertTrue(s.status!.text.contains("ย้อนแล้ว: e01 ข้อสังเกตเกณฑ์ 1"), s.status!.text)
    }

    /// Notes are edited in lines: Home, End, ← and → move, Ctrl-N starts a new line.
    func testANoteIsEditedInLines() {
        press(.enter, .char("N"))
        type("บรรทัดแรก")
        press(.ctrl("n"))
        type("สอง")
        press(.home)
        type("ที่ ")
        press(.end)
        type("!")
        press(.up, .home)
        type("• ")
        press(.enter)
        XCTAssertEqual(s.sheet.note, "• บรรทัดแรก\nที่ สอง!")
        press(.char("N"), .left, .left, .backspace, .enter)
        XCTAssertEqual(s.sheet.note, "• บรรทัดแรก\nที่ สง!", "← moves over a whole cell: the mark stays with its base")
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
        guard case .note(let c, let field)? = s.prompt else { return XCTFail("the note stays open") }
        XCTAssertEqual(c, 0)
        XCTAssertEqual(field.cursor, 0, "↑ on the first line goes to its start")
        press(.end)
        type("ชัดเจน"); press(.enter)
        XCTAssertEqual(s.sheet.criterionNotes[0], "ข้อมูลชัดเจน")
    }

    /// Declaring a conflict asks for its ground (ม.13's list, or ม.16), a reason, then y/n,
    /// says the judge cannot undo it, and writes a recusal with the ground.
    func testRecuseAsksAndClosesTheSheet() {
        press(.enter, .char("r"))
        XCTAssertEqual(s.prompt, .conflictGround)
        // The grounds one a row over the question, which ends with its way out.
        let lines = JudgeView.render(s).lines
        XCTAssertTrue(lines[s.height - 6].contains("3  เป็นญาติของคู่กรณี"), lines[s.height - 6])
        XCTAssertTrue(lines[s.height - 2].contains("Esc ยกเลิก"), lines[s.height - 2])
        press(.char("9"))
        XCTAssertEqual(s.prompt, .conflictGround, "only 1–6 choose")
        press(.char("๓"))
        type("เป็นญาติกับผู้ประสานงาน"); press(.enter)
        XCTAssertEqual(s.prompt, .confirmRecuse(ground: .relative, reason: "เป็นญาติกับผู้ประสานงาน"))
        XCTAssertTrue(JudgeView.render(s).lines[s.height - 2].contains("ย้อนเองไม่ได้"))
        press(.char("n"))
        XCTAssertEqual(s.sheet.status, .notStarted, "n writes nothing")
        press(.char("r"), .escape)
        XCTAssertNil(s.prompt, "Esc on the grounds writes nothing")
        press(.char("r"), .char("3"))
        type("เป็นญาติกับผู้ประสานงาน"); press(.enter, .char("y"))
        XCTAssertEqual(s.sheet.status, .recused)
        XCTAssertEqual(s.sheet.recuseReason, "เป็นญาติกับผู้ประสานงาน")
        XCTAssertEqual(written.last?.outcome, "relative", "the ground is written with the recusal")
        type("5")
        XCTAssertEqual(s.input.text, "")
        XCTAssertTrue(s.status!.text.contains("แก้ไขไม่ได้"))
        press(.char("x"), .char("n"), .char("s"), .char("r"))
        XCTAssertEqual(written.count, 1)
    }

    /// On the list, `r` declares a conflict with the selected entry without opening it.
    func testAConflictIsDeclaredFromTheList() {
        press(.down)
        let entry = s.selectedEntry
        press(.char("r"), .char("6"))
        type("เคยเป็นที่ปรึกษาโครงการนี้"); press(.enter, .char("y"))
        XCTAssertEqual(s.screen, .list)
        XCTAssertEqual(s.sheets[entry].status, .recused)
        XCTAssertEqual(written.map(\.outcome), ["other"])
        XCTAssertEqual(written.map(\.entry), [s.contest.entries[entry].id])
    }

    /// A sheet the chair reopened says so, and why, on the list and on the sheet.
    func testAReopenedSheetSaysWhoReopenedItAndWhy() {
        press(.enter)
        for v in ["12", "9", "20", "7", "12", "11", "8"] { type(v); press(.enter) }
        press(.char("s"), .char("y"))
        XCTAssertEqual(s.sheet.status, .submitted)
        var reopen = LedgerEvent(actor: "chair", kind: .reopen, judge: "j5", entry: "e01", ref: 8, text: "เกณฑ์ 3 กรอกผิดช่อง")
        reopen.seq = 1
        chair = [reopen]
        _ = JudgeUpdate.update(&s, .sheets(refold(), elsewhere: true))
        XCTAssertEqual(s.sheet.status, .draft)
        XCTAssertTrue(s.status!.text.contains("เกณฑ์ 3 กรอกผิดช่อง"), s.status!.text)
        let sheet = JudgeView.render(s).lines.joined(separator: "\n")
        XCTAssertTrue(sheet.contains("เปิดให้แก้ไข: เกณฑ์ 3 กรอกผิดช่อง"), sheet)
        press(.char("q"))
        XCTAssertTrue(JudgeView.render(s).lines[3].contains("เปิดให้แก้ไข ↺"), JudgeView.render(s).lines[3])
    }

    func testSubmitCanBeCancelled() {
        press(.enter)
        for _ in 0..<7 { type("1"); press(.down) }
        press(.char("s"), .char("n"))
        XCTAssertEqual(s.sheet.status, .draft)
        XCTAssertEqual(s.status?.text, "ยังไม่ได้ส่ง ไม่ได้บันทึกอะไร")
    }

    /// Issue 18 #12: `8`, `s`, `n` saved the 8 and said "nothing saved". The message says
    /// exactly what happened.
    func testCancellingASubmitSaysTheScoreItSaved() {
        press(.enter)
        for _ in 0..<6 { type("1"); press(.down) }
        type("8")
        press(.char("s"), .char("n"))
        XCTAssertEqual(s.sheet.status, .draft)
        XCTAssertEqual(s.sheet.scores[6], 8)
        XCTAssertEqual(s.status?.text, "ยังไม่ได้ส่ง · คะแนนเกณฑ์ 7 = 8 บันทึกแล้ว")
    }

    /// Issue 18 #11: the Thai layout learnt from a note is the layout of the next score: `-`
    /// is then 3, not a step down.
    func testTheLayoutLearntInANoteIsTheLayoutOfTheScore() {
        press(.enter)
        type("9"); press(.enter)
        XCTAssertFalse(s.thaiLayout)
        press(.char("N")); type("เอกสารครบถ้วน"); press(.enter)
        XCTAssertEqual(s.sheet.note, "เอกสารครบถ้วน")
        XCTAssertTrue(s.thaiLayout, "the note was typed on the Thai layout")
        press(.up)
        press(.char("-"), .enter)
        XCTAssertEqual(s.sheet.scores[0], 3, "- is the Thai layout's 3")
        press(.char("q"), .char("/")); type("big"); press(.enter)
        XCTAssertFalse(s.thaiLayout, "a search typed in Latin letters is the English layout")
        press(.escape, .char("/")); type("ลำพูน"); press(.escape)
        XCTAssertTrue(s.thaiLayout, "and a Thai one the Thai layout")
    }

    /// Issue 18 #11: a step changes the field, shown selected; it is saved on Enter or on
    /// leaving the field, never on the key, and Esc drops it. "-" read as a step and then a
    /// key of the Thai layout was the Thai 3.
    func testAStepIsSavedOnlyOnEnterOrLeaving() {
        press(.enter, .down, .down, .down)
        type("8"); press(.up, .down)
        XCTAssertEqual(s.sheet.scores[3], 8)
        XCTAssertFalse(s.thaiLayout)
        press(.char("-"))
        XCTAssertEqual(s.input.text, "7.5")
        XCTAssertTrue(s.input.selected, "shown selected")
        XCTAssertEqual(s.sheet.scores[3], 8, "not saved on the key")
        press(.escape)
        XCTAssertEqual(s.sheet.scores[3], 8, "Esc drops the step")
        XCTAssertEqual(written.count, 1)
        press(.char("-"), .char("ใ"), .char("ถ"))
        XCTAssertEqual(s.input.text, "3.5", "- ใ ถ is 3.5 on the Thai layout")
        press(.enter)
        XCTAssertEqual(s.sheet.scores[3], 3.5)
        XCTAssertEqual(written.map(\.value), [8, 3.5])
        press(.up, .char("ช"), .char("]"))
        XCTAssertEqual(s.sheets[0].scores[3], 4, "leaving the field saves the step")
    }

    /// A message belongs to the moment: the next key clears it.
    func testAStatusMessageClearsOnTheNextKey() {
        press(.enter)
        type("99"); press(.enter)
        XCTAssertNotNil(s.status)
        press(.escape)
        press(.down)
        XCTAssertNil(s.status)
        XCTAssertTrue(StatusMessage.error("x").marked.hasPrefix("✗"), "errors say so without colour")
        XCTAssertTrue(StatusMessage.ok("x").marked.hasPrefix("✓"))
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
        press(.char("v"))
        XCTAssertEqual(s.screen, .reader)
        press(.end, .up)
        XCTAssertGreaterThan(s.reader.top, 0, "End then Up moves at once: the offset is clamped")
        press(.escape)
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
        // The refused value is kept in the field; Esc drops it, and there is nothing to undo.
        press(.escape)
        press(.char("u"))
        XCTAssertTrue(s.status!.text.contains("ไม่มีการแก้ไข"))
    }

    /// The ledger refusing a typed score keeps it where it was typed, selected, as the
    /// screen's own refusal does: the next digit replaces it, Enter tries it again.
    func testAScoreTheLedgerRefusedStaysSelectedWhereItWasTyped() {
        press(.enter)
        type("12")
        // Tab: the score is sent and the cursor moves on; the ledger refuses it.
        XCTAssertEqual(JudgeUpdate.update(&s, .key(.tab)).count, 1)
        XCTAssertEqual(s.criterion, 1)
        _ = JudgeUpdate.update(&s, .notSaved("the sheet for e01 is submitted; only the chair can reopen it"))
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertEqual(s.criterion, 0, "back at the criterion it was typed for")
        XCTAssertEqual(s.input.text, "12", "the typed value is kept")
        XCTAssertTrue(s.input.selected)
        type("13")
        XCTAssertEqual(s.input.text, "13", "the next digits replace it")
        // Leaving for the next entry, refused: back on the entry it was typed for.
        XCTAssertEqual(JudgeUpdate.update(&s, .key(.char("]"))).count, 1)
        XCTAssertEqual(s.selectedEntry, 1)
        _ = JudgeUpdate.update(&s, .notSaved("no"))
        XCTAssertEqual(s.selectedEntry, 0)
        XCTAssertEqual(s.screen, .sheet)
        XCTAssertEqual(s.input.text, "13")
        XCTAssertTrue(s.input.selected)
        // Saved, it is gone from the field as before.
        press(.enter)
        XCTAssertEqual(s.sheet.scores[0], 13)
        XCTAssertEqual(s.input.text, "")
    }

    func testKeysAreIgnoredOnAScreenTooSmallToShowThemButQQuits() {
        _ = JudgeUpdate.update(&s, .resize(width: 60, height: 20))
        press(.enter, .down)
        XCTAssertEqual(s.screen, .list)
        XCTAssertEqual(s.selectedEntry, 0)
        press(.char("q"))
        XCTAssertTrue(s.quit)
    }

    /// A judge who forgot to switch layouts can still use the commands: ๆ is q, ห is s.
    func testCommandsWorkInTheThaiLayout() {
        press(.char("ฦ"))
        XCTAssertEqual(s.screen, .help, "ฦ is where ? is")
        press(.char("z"), .char("่"))
        XCTAssertEqual(s.selectedEntry, 1, "่ is where j is")
        press(.char("ๆ"))
        XCTAssertTrue(s.quit, "ๆ is where q is")
    }

    /// Past the last row the list turns a page, the selection at its top; past the first
    /// row it turns back, the selection at its bottom; the last page is never part empty.
    func testMovingPastAnEdgeTurnsAWholePage() {
        let big = Synthetic.contest(like: Sample.contest, entries: 100, judges: 5)
        s = JudgeState(contest: big, judge: 0, sheets: Array(repeating: Sheet(criteria: big.criteria.count), count: 100))
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        let n = s.listRows
        for _ in 0..<(n - 1) { press(.down) }
        XCTAssertEqual(s.list.top, 0, "moves within the page do not scroll")
        press(.down)
        XCTAssertEqual(s.selectedEntry, n)
        XCTAssertEqual(s.list.top, n, "the next page starts at the selection")
        press(.up)
        XCTAssertEqual(s.selectedEntry, n - 1)
        XCTAssertEqual(s.list.top, 0, "back a page, the selection at its bottom")
        press(.end, .home, .end)
        XCTAssertEqual(s.list.top, 100 - n, "the last page is full")
        for _ in 0..<n { press(.up) }
        XCTAssertEqual(s.selectedEntry, 99 - n)
        XCTAssertEqual(s.list.top, 100 - 2 * n)
    }

    func testResizeKeepsTheSelectionInView() {
        press(.end)
        _ = JudgeUpdate.update(&s, .resize(width: 120, height: 40))
        XCTAssertEqual(s.list.top, 0)
        _ = JudgeUpdate.update(&s, .resize(width: 80, height: 24))
        XCTAssertEqual(s.list.top, 2)
    }

    /// `d` on the sheet opens the entry's documents: the fields at once, the files when read;
    /// pages turn with ] and PgDn past the end; / finds a word on a later page; q goes back
    /// to the criterion the judge was on, with what they had typed still there.
    func testDocumentsOpenFromTheSheetAndGoBackToTheCriterion() {
        press(.enter, .down, .down)
        type("1")
        let effects = JudgeUpdate.update(&s, .key(.char("d")))
        XCTAssertEqual(effects, [.loadDocuments(entry: 0, language: .th)])
        XCTAssertEqual(s.screen, .documents)
        XCTAssertEqual(s.documents?.tab, 0, "the submission's fields first")
        let slides = EntryDocument(name: "นำเสนอ.pptx", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                   size: 2_400_000, pages: ["ระบบ Big Data ของเทศบาล", "ผลลัพธ์: ประชาชนใช้งาน 12,000 คน", "แผนพัฒนาต่อยอด"],
                                   unit: .slide)
        let form = EntryDocument(name: "form1.pdf", type: "application/pdf", size: 90_000, problem: "ไม่มีข้อความ (แฟ้มภาพ)")
        _ = JudgeUpdate.update(&s, .documents(entry: 0, [slides, form]))
        press(.char("2"))
        XCTAssertEqual(s.documents?.tab, 1)
        press(.char("]"))
        XCTAssertEqual(s.documents?.page, 1, "] is the next slide")
        press(.char("]"), .char("]"))
        XCTAssertEqual(s.documents?.page, 2, "no slide past the last")
        XCTAssertTrue(s.status!.text.contains("หน้าสุดท้ายแล้ว"))
        press(.home, .pageUp)
        XCTAssertEqual(s.documents?.page, 1, "PgUp at the top of a slide goes back to the one before")
        press(.char("/"))
        type("ประชาชน")
        press(.enter)
        XCTAssertEqual(s.documents?.page, 1, "found on the second slide")
        XCTAssertTrue(s.status!.text.contains("พบ \"ประชาชน\""), s.status!.text)
        press(.char("/"))
        for _ in 0..<7 { press(.backspace) }
        type("ไม่มีคำนี้")
        press(.enter)
        XCTAssertEqual(s.status?.kind, .error)
        press(.tab)
        XCTAssertEqual(s.documents?.tab, 2, "Tab goes to the next document")
        press(.char("q"))
        XCTAssertEqual(s.screen, .sheet)
        XCTAssertEqual(s.criterion, 2, "back on the criterion the judge was on")
        XCTAssertEqual(s.input.text, "1", "with what was typed")
        XCTAssertEqual(written, [], "reading writes nothing")
        // Opening again keeps the documents read and where the judge was.
        XCTAssertEqual(JudgeUpdate.update(&s, .key(.char("d"))), [])
        XCTAssertEqual(s.documents?.tab, 2)
    }

    /// An entry the chair rules ineligible leaves the judge's list, even while its sheet is
    /// open; what was written for it stays in the ledger.
    func testAnEntryRuledIneligibleLeavesTheList() {
        press(.down, .down, .enter)
        type("10"); press(.enter)
        XCTAssertEqual(s.screen, .sheet)
        _ = JudgeUpdate.update(&s, .ineligible([2]))
        XCTAssertEqual(s.screen, .list, "back to the list")
        XCTAssertTrue(s.status!.text.contains("e03 ไม่ผ่านคุณสมบัติ"), s.status!.text)
        XCTAssertFalse(s.visibleEntries.contains(2))
        XCTAssertNotEqual(s.selectedEntry, 2)
        XCTAssertTrue(JudgeView.render(s).lines[1].contains("ทั้งหมด 19"), JudgeView.render(s).lines[1])
        XCTAssertEqual(written.count, 1, "the score written stays")
        _ = JudgeUpdate.update(&s, .ineligible([]))
        XCTAssertTrue(s.visibleEntries.contains(2), "a withdrawn ruling brings it back")
    }

    /// An entry the chair's assignment takes from the judge, or gives them, says so: not as
    /// an ineligible entry.
    func testTheChairsReassignmentSaysWhatItDid() {
        press(.down, .down, .enter)
        _ = JudgeUpdate.update(&s, .ineligible([2, 4], notGiven: [2, 4]))
        XCTAssertEqual(s.screen, .list)
        XCTAssertTrue(s.status!.text.contains("ประธานกรรมการมอบ e03 ให้กรรมการอื่นแล้ว"), s.status!.text)
        XCTAssertFalse(s.visibleEntries.contains(2))
        _ = JudgeUpdate.update(&s, .ineligible([2], notGiven: [2]))
        XCTAssertTrue(s.status!.text.contains("ประธานกรรมการมอบหมาย e05 ให้ท่านเพิ่ม"), s.status!.text)
        XCTAssertTrue(s.visibleEntries.contains(4))
    }
}
