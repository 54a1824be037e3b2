import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// Issue 21: hints that do not fit drop whole items and end with "…"; nothing on the status
/// line is cut mid-word; no prompt's y/n is ever off screen at 80×24.
final class StatusLineTests: XCTestCase {
    static let text = ThaiText.load()

    func testHintsThatDoNotFitDropWholeItemsAndEndWithAnEllipsis() {
        let items = ["↓ ถัดไป", "s ส่ง", "n ข้อสังเกต", "v อ่าน", "u ย้อน", "] ผลงานถัดไป", "? ปุ่ม", "q กลับ"]
        let all = items.joined(separator: "  ")
        for width in 20...(CellWidth.of(all) + 2) {
            var c = Canvas(width: width, height: 1)
            Chrome.hints(&c, y: 0, all)
            let row = c.row(0).trimmingCharacters(in: .whitespaces)
            let fits = CellWidth.of(all) <= width - 2
            XCTAssertEqual(row.hasSuffix("…"), !fits, "\(width): \(row)")
            let shown = row.hasSuffix("…") ? String(row.dropLast()).trimmingCharacters(in: .whitespaces) : row
            XCTAssertTrue(shown.isEmpty || all.hasPrefix(shown), "\(width): \(row)")
            XCTAssertTrue(shown.isEmpty || items.contains { shown.hasSuffix($0) }, "whole items only, \(width): \(row)")
        }
    }

    func testTheConsolesHintsBesideAMessageEndWithAnEllipsisWhenSomeAreDropped() {
        let hints = ["Tab จอ", "m วิธีรวม", "a รางวัล", "? ปุ่ม", "q ออก"]
        var c = Canvas(width: 80, height: 1)
        Chrome.statusWithHints(&c, y: 0, .ok("บันทึกแล้ว 10:02 · รางวัลของ e01 → ดีเด่น · ผลงานนี้"), hints: hints, words: Self.text.words)
        let row = c.row(0).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(row.hasSuffix("…"), row)
        XCTAssertTrue(row.contains("Tab จอ"), row)
        XCTAssertFalse(row.contains("q ออก"), row)
    }

    /// A message wider than the line is cut between words, never inside one.
    func testAStatusMessageIsCutBetweenWords() {
        let message = "ไม่ได้บันทึก: ใบให้คะแนนผลงาน e01 ส่งแล้ว มีแต่ประธานกรรมการที่เปิดแก้ไขได้ ติดต่อประธานกรรมการเพื่อเปิดแก้ไขใบให้คะแนนนี้"
        let words = Self.text.words
        let pieces = LineWrap.pieces(message, words: words).map { $0.trimmingCharacters(in: .whitespaces) }
        for width in 30...80 {
            var c = Canvas(width: width, height: 1)
            Chrome.status(&c, y: 0, .error(message), words: words)
            let row = c.row(0).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(row.hasSuffix("…"), row)
            let kept = String(row.dropLast()).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(pieces.contains { kept.hasSuffix($0) }, "cut inside a word at \(width): \(row)")
        }
    }

    /// A word longer than half the line (a path) is cut inside rather than leave the line empty.
    func testAWordLongerThanHalfTheLineIsCutInside() {
        var c = Canvas(width: 40, height: 1)
        Chrome.status(&c, y: 0, .ok("ไปที่ /tmp/khanaen_e2e_0A1B2C3D_4E5F_6789_ABCD_EF0123456789/exports"), words: Self.text.words)
        let row = c.row(0).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(row.hasPrefix("✓ ไปที่ /tmp/khanaen_e2e") && row.hasSuffix("…"), row)
    }

    /// Every question answered y or n, in both programs, at 80×24: its "(y/n)" is on screen,
    /// however long what it asks about.
    func testEveryPromptsYesOrNoIsOnScreenAt80x24() {
        let long = "ผลงานที่มีรหัสยาวมากเป็นพิเศษสำหรับการทดสอบ"
        // The workstation: submit and recuse.
        for language in [Language.th, .en] {
            for prompt in [JudgeState.Prompt.confirmSubmit(saved: nil), JudgeState.Prompt.confirmRecuse(ground: .other, reason: long)] {
                var s = Sample.state(language: language)
                _ = JudgeUpdate.update(&s, .textReady(Self.text))
                _ = JudgeUpdate.update(&s, .key(.enter))
                s.prompt = prompt
                let rows = JudgeView.render(s).lines
                XCTAssertTrue(rows[s.height - 2].contains("(y/n)"), "\(prompt) \(language): \(rows[s.height - 2])")
            }
        }
        // The console: every chair action's confirmation, the overwrite and the draft questions,
        // the eligibility ruling; about an entry whose id is as long as a line.
        let chair = "chair"
        let events = [
            LedgerEvent(actor: chair, kind: .award, entry: long, tier: "excellent", text: long),
            LedgerEvent(actor: chair, kind: .award, entry: long, tier: Contest.noAward, text: long),
            LedgerEvent(actor: chair, kind: .reopen, judge: "j1", entry: long, text: long),
            LedgerEvent(actor: chair, kind: .discussed, entry: long, text: long, outcome: "kept", topic: "tie"),
            LedgerEvent(actor: chair, kind: .method, entry: "", text: long, outcome: "trimmed"),
            LedgerEvent(actor: chair, kind: .eligibility, entry: "e01", text: long, outcome: "fail"),
        ]
        var prompts: [ChairState.Prompt] = events.map { .confirm($0) }
        prompts += [.overwrite((1...12).map { "ranking-\($0)-\(long).csv" }), .draft([long, long, long]),
                    .confirmRuling([events[5], LedgerEvent(actor: chair, kind: .eligibility, entry: "e02", text: long, outcome: "pass")],
                                   rule: .digital, left: 30)]
        for language in [Language.th, .en] {
            var s = ChairTests.state(ChairTests.book(), ChairTests.summary(), language: language)
            ChairUpdate.update(&s, .textReady(Self.text))
            for prompt in prompts {
                s.prompt = prompt
                let rows = ChairView.render(s).lines
                XCTAssertTrue(rows[s.height - 2].contains("(y/n)"), "\(prompt) \(language): \(rows[s.height - 2])")
            }
        }
    }
}
