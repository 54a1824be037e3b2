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

    /// Narrower than any screen (60 and 40 columns as well as 80), a question's "(y/n)" ends
    /// its row whole, and what is cut before it ends between two words with "…".
    func testAQuestionsYesOrNoStaysWholeAtNarrowWidths() {
        let words = Self.text.words
        let long = "ผลงานที่มีรหัสยาวมากเป็นพิเศษสำหรับการทดสอบ"
        for language in [Language.th, .en] {
            let w = Strings(language)
            let asked: [(label: String, question: String?)] = [
                (w.overwriteFiles(["ranking-mean.csv", "ranking-mean.json", "ranking-mean.md", "announcement.md"]), w.overwriteQuestion),
                (w.confirmSubmit(long), nil), (w.confirmRecuse(long), nil), (w.draftPrompt, nil),
            ]
            for width in [80, 70, 60, 50, 40] {
                for (label, question) in asked {
                    var c = Canvas(width: width, height: 1)
                    Chrome.prompt(&c, y: 0, label: label, field: nil, question: question, words: words)
                    let row = c.row(0).trimmingCharacters(in: .whitespaces)
                    XCTAssertTrue(row.hasSuffix("(y/n)"), "\(width) \(language): \(row)")
                    guard let cut = row.range(of: "… ") else {
                        XCTAssertEqual(row, (label + (question ?? "")).trimmingCharacters(in: .whitespaces), "\(width) \(language)")
                        continue
                    }
                    let kept = String(row[..<cut.lowerBound]).trimmingCharacters(in: .whitespaces)
                    let pieces = LineWrap.pieces(label, words: words).map { $0.trimmingCharacters(in: .whitespaces) }
                    XCTAssertTrue(pieces.contains { !$0.isEmpty && kept.hasSuffix($0) } || kept.hasSuffix(","),
                                  "cut inside a word at \(width) \(language): \(row)")
                }
            }
        }
    }

    /// At 60 columns the status line still holds a message cut between words and hints that
    /// are whole items ending with "…".
    func testTheStatusLineAt60Columns() {
        let words = Self.text.words
        let hints = ["Tab จอ", "m วิธีรวม", "a รางวัล", "? ปุ่ม", "q ออก"]
        let message = "บันทึกแล้ว 10:02 · รางวัลของ e01 → รางวัลดีเด่น · ประธานกรรมการให้เหตุผลว่าผลงานนี้โดดเด่นมาก"
        var c = Canvas(width: 60, height: 1)
        Chrome.statusWithHints(&c, y: 0, .ok(message), hints: hints, words: words)
        let row = c.row(0)
        XCTAssertTrue(row.hasPrefix(" ✓ บันทึกแล้ว"), row)
        let pieces = LineWrap.pieces(message, words: words).map { $0.trimmingCharacters(in: .whitespaces) }
        let shownHints = hints.filter { row.contains($0) }
        XCTAssertEqual(shownHints, Array(hints.prefix(shownHints.count)), row)
        if shownHints.count < hints.count { XCTAssertTrue(row.trimmingCharacters(in: .whitespaces).hasSuffix("…"), row) }
        // The message's own end: cut between words, with "…".
        let end = shownHints.first.flatMap { row.range(of: $0) }?.lowerBound ?? row.endIndex
        let said = String(row[..<end]).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(said.hasSuffix("…"), row)
        XCTAssertTrue(pieces.contains { !$0.isEmpty && String(said.dropLast()).trimmingCharacters(in: .whitespaces).hasSuffix($0) }, row)
    }

    /// The console's footer drops whole items with "…" rather than cut the seal's digits or
    /// the time inside.
    func testTheConsolesFooterDropsWholeItems() {
        for language in [Language.th, .en] {
            for pending in [nil, Method.median] {
                var s = ChairTests.state(ChairTests.book(), ChairTests.summary(), language: language)
                ChairUpdate.update(&s, .textReady(Self.text))
                s.pendingMethod = pending
                let row = ChairView.render(s).lines[s.height - 1].trimmingCharacters(in: .whitespaces)
                let w = s.strings
                let seal = "\(w.sealLabel) \(s.seal.prefix(12))"
                XCTAssertTrue(row.contains(seal) || !row.contains(w.sealLabel), row)
                let clock = "\(w.updatedLabel) \(Timestamp.clock(s.updatedAt, zone: s.timeZone))"
                XCTAssertTrue(row.hasSuffix(clock) || (row.hasSuffix(" …") && !row.contains(w.updatedLabel)), row)
            }
        }
    }
}
