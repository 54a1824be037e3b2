import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// One word per idea (design.md's "Words", docs/architecture.md's glossary): note ข้อสังเกต,
/// save บันทึก (only as "บันทึกแล้ว" and its negation "ไม่ได้บันทึก"), ledger สมุดคะแนน,
/// page หน้า, screen จอ, chair ประธานกรรมการ, draft ร่าง. Every screen the golden frames
/// hold, at 80×24 and 140×45, and every key's words (the help of both programs) are read for
/// a word used for another idea than the glossary's.
final class VocabularyTests: XCTestCase {
    /// What in `text` uses a word outside the glossary, as short descriptions; with `limit`,
    /// only what starts before that many scalars.
    static func misuses(_ text: String, console: Bool = false, upTo limit: Int? = nil) -> [String] {
        Glossary.misuses(text, console: console, upTo: limit)
    }

    func testTheRuleCatchesEachMisuse() {
        for bad in ["n บันทึก", "สมุดบันทึกคะแนน", "ประธาน j1", "ปรับหน้าจอแล้ว", "ดูหน้า 8", "ยกเลิกบันทึก", "ปุ่มนี้ไม่มีหน้าที่ในหน้านี้", "ไม่มีไฟล์แนบ"] {
            XCTAssertFalse(Self.misuses(bad).isEmpty, bad)
        }
        for good in ["✓ บันทึกแล้ว 10:02", "ไม่ได้บันทึก: เกินคะแนนเต็ม", "n ข้อสังเกต", "สมุดคะแนนไม่ครบถ้วน (จอ 7)", "ประธานกรรมการ",
                     "หน้า 1/2 · PgDn หน้าถัดไป", "จอก่อนหน้า", "คืบหน้า", "ร่าง", "ไม่มีแฟ้มแนบ"] {
            XCTAssertEqual(Self.misuses(good), [], good)
        }
    }

    func testEveryScreenSpeaksTheGlossary() {
        var frames = GoldenFrameTests.workstationFrames().map { ($0.0, $0.1, false) }
        frames += GoldenFrameTests.consoleFrames().map { ($0.0, $0.1, true) }
        XCTAssertGreaterThan(frames.count, 60)
        for (name, canvas, console) in frames {
            let rows = canvas.lines.map(Self.runs)
            for (y, row) in rows.enumerated() {
                for run in row {
                    // A phrase wrapped at a run's end goes on in the run below that starts
                    // in about the same column (the help's two columns, a wrapped message).
                    let below = y + 1 < rows.count ? rows[y + 1].first { abs($0.column - run.column) <= 2 }?.text ?? "" : ""
                    for m in Self.misuses(run.text + below, console: console, upTo: run.text.unicodeScalars.count) { XCTFail("\(name) row \(y): \(m): \(run.text)") }
                }
            }
        }
    }

    /// A row's runs of text, split where two spaces or a border part them, with the column
    /// (a Character is a cell's cluster) each starts in.
    static func runs(_ row: String) -> [(column: Int, text: String)] {
        var out: [(column: Int, text: String)] = []
        let c = Array(row)
        var i = 0
        while i < c.count {
            if c[i] == " " || c[i] == "│" { i += 1; continue }
            let start = i
            while i < c.count, c[i] != "│", !(c[i] == " " && (i + 1 >= c.count || c[i + 1] == " ")) { i += 1 }
            out.append((start, String(c[start..<i])))
        }
        return out
    }

    func testEveryKeySpeaksTheGlossary() {
        let maps: [(Keymap, Bool)] = [(.movement, false), (.list, false), (.sheet, false), (.reader, false), (.documents, false),
                                      (.eligibility, true), (.chair, true)]
        for (map, console) in maps {
            for b in map.bindings {
                for text in [b.what.th, b.hint?.th].compactMap({ $0 }) {
                    for m in Self.misuses(text, console: console) { XCTFail("key \(b.label): \(m): \(text)") }
                }
            }
        }
    }
}

extension VocabularyTests {
    /// The words no golden frame shows (refusals, notices, reports): every Thai literal of the
    /// UI's words, the keymaps and the reports' words, read from their sources.
    func testEveryThaiWordInTheSourcesSpeaksTheGlossary() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = ["Sources/KhanaenUI/Strings.swift", "Sources/KhanaenUI/Widgets/Keymap.swift", "Sources/KhanaenCore/Report/Language.swift"]
        var read = 0
        for file in files {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // The Thai of t("ไทย", "English"), pick("ไทย", "English") and th: "ไทย".
                for literal in line.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter({ $0.offset % 2 == 1 }).map(\.element)
                where literal.unicodeScalars.contains(where: { (0x0E00...0x0E7F).contains($0.value) }) {
                    read += 1
                    for m in Self.misuses(String(literal)) { XCTFail("\(file):\(n + 1): \(m): \(literal)") }
                }
            }
        }
        XCTAssertGreaterThan(read, 300, "the literals were found")
    }
}
