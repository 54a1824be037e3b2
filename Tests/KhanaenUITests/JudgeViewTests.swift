import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// The workstation rendered headless on the sample contest, at 80×24 and 120×40.
/// The sample contest, as judge j5 with nothing scored, at a size.
enum Sample {
    static let contest: Contest = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        return try! ContestFolder.loadContest(dir)
    }()

    static func state(width: Int = 80, height: Int = 24, language: Language = .th) -> JudgeState {
        let c = contest
        var s = JudgeState(contest: c, judge: 4, sheets: Array(repeating: Sheet(criteria: c.criteria.count), count: c.entries.count),
                           language: language)
        _ = JudgeUpdate.update(&s, .resize(width: width, height: height))
        return s
    }
}

final class JudgeViewTests: XCTestCase {
    static var contest: Contest { Sample.contest }
    func state(width: Int = 80, height: Int = 24, language: Language = .th) -> JudgeState {
        Sample.state(width: width, height: height, language: language)
    }

    /// Every row of the frame is exactly as wide as the terminal, in cells.
    func assertFrame(_ s: JudgeState, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let canvas = JudgeView.render(s)
        let lines = canvas.lines
        XCTAssertEqual(lines.count, s.height, file: file, line: line)
        for (k, l) in lines.enumerated() {
            XCTAssertEqual(CellWidth.of(l), s.width, "row \(k): \(l)", file: file, line: line)
        }
        return lines
    }

    func testEntryListAt80x24And120x40() {
        for (w, h) in [(80, 24), (120, 40)] {
            let lines = assertFrame(state(width: w, height: h))
            XCTAssertTrue(lines[0].contains("กรรมการ 5 (j5)"))
            XCTAssertTrue(lines[1].contains("ยังไม่ให้คะแนน 20"))
            XCTAssertTrue(lines[2].contains("หน่วยงาน") && lines[2].contains("สถานะ"))
            XCTAssertTrue(lines[3].contains("e01") && lines[3].contains("เทศบาลนครยะลา"))
            XCTAssertTrue(lines[h - 1].contains("q ออก"))
            // The status column starts at the same cell on every row.
            let statusColumn = lines[3...].prefix(h - 6).map { l -> Int? in
                guard let r = l.range(of: "ยังไม่ให้คะแนน") else { return nil }
                return CellWidth.of(String(l[..<r.lowerBound]))
            }
            XCTAssertEqual(Set(statusColumn.compactMap { $0 }).count, 1, "aligned at \(w)×\(h)")
        }
    }

    /// Every status count shows at 80 columns, in Thai and English, even with 500 entries;
    /// the sort and filter keep their labels where there is room.
    func testEveryCountShowsAt80Columns() {
        let big = Synthetic.contest(like: Sample.contest, entries: 500, judges: 5)
        for language in [Language.th, .en] {
            for width in [80, 120] {
                var s = JudgeState(contest: big, judge: 0, sheets: Array(repeating: Sheet(criteria: big.criteria.count), count: 500),
                                   language: language)
                _ = JudgeUpdate.update(&s, .resize(width: width, height: 24))
                let row = assertFrame(s)[1]
                let w = s.strings
                for status in [Sheet.Status.notStarted, .draft, .submitted, .recused] {
                    let count = status == .notStarted ? 500 : 0
                    XCTAssertTrue(row.contains("\(w.status(status)) \(count)"), "\(language) \(width): \(row)")
                }
                XCTAssertTrue(row.contains(w.sort(s.sort)))
                if width == 120 { XCTAssertTrue(row.contains(w.sortLabel + ":"), row) }
            }
        }
    }

    /// Issue 18 #16: after `o` the header keeps "ทั้งหมด 20 ·" (the sort loses its label
    /// first), in every order and filter; while a search is typed it shows once.
    func testTheTotalStaysInTheHeaderAndTheSearchShowsOnce() {
        var s = state()
        for key in ["o", "o", "f", "o"] {
            _ = JudgeUpdate.update(&s, .key(.char(Character(key))))
            let row = assertFrame(s)[1]
            XCTAssertTrue(row.contains("ทั้งหมด 20 ·"), "after \(key): \(row)")
            XCTAssertTrue(row.contains(s.strings.sort(s.sort)), row)
        }
        s = state()
        _ = JudgeUpdate.update(&s, .key(.char("/")))
        for c in "ลำพูน" { _ = JudgeUpdate.update(&s, .key(.char(c))) }
        let frame = assertFrame(s).joined(separator: "\n")
        XCTAssertEqual(frame.components(separatedBy: "ค้นหา: ลำพูน").count - 1, 1, frame)
        _ = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertEqual(assertFrame(s).joined(separator: "\n").components(separatedBy: "ค้นหา: ลำพูน").count - 1, 1, "once the prompt is closed, the list says it")
    }

    /// Issue 18 #13: with a search on, the sheet says so (and where in the found entries it
    /// is), and `]` says it passed over the entries the search hides.
    func testTheSheetShowsTheSearchAndSaysWhenNextEntrySkips() {
        var s = state()
        _ = JudgeUpdate.update(&s, .key(.char("/")))
        for c in "ขยะ" { _ = JudgeUpdate.update(&s, .key(.char(c))) }
        _ = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertEqual(s.visibleEntries.map { s.contest.entries[$0].id }, ["e02", "e11"])
        _ = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertEqual(s.screen, .sheet)
        XCTAssertTrue(assertFrame(s)[1].contains("[ค้นหา: ขยะ · 1/2]"), assertFrame(s)[1])
        _ = JudgeUpdate.update(&s, .key(.char("]")))
        XCTAssertEqual(s.entry.id, "e11")
        XCTAssertTrue(s.status?.text.contains("ข้าม 8 ผลงานที่ไม่ตรงกับ ค้นหา: ขยะ") ?? false, s.status?.text ?? "nil")
        let lines = assertFrame(s)
        XCTAssertTrue(lines[1].contains("[ค้นหา: ขยะ · 2/2]"), lines[1])
        XCTAssertTrue(lines[s.height - 2].contains("ข้าม 8 ผลงาน"), lines[s.height - 2])
    }

    func testLongThaiTitlesAreClippedInsideTheirColumn() {
        let lines = assertFrame(state())
        let row = lines.first { $0.contains("e02") }!
        XCTAssertTrue(row.contains("…"), row)
        XCTAssertTrue(row.contains("ยังไม่ให้คะแนน"))
    }

    func testSheetAt80x24And120x40ShowsTheWrappedTitleAndEveryCriterion() {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = state(width: w, height: h)
            s.selectedEntry = 1
            _ = JudgeUpdate.update(&s, .key(.enter))
            let lines = assertFrame(s)
            XCTAssertTrue(lines[0].contains("e02 · เทศบาลตำบลครึ่ง"))
            XCTAssertTrue(lines[2].hasPrefix(" โครงการบริหารจัดการขยะแบบบูรณาการ"), lines[2])
            XCTAssertFalse(lines[2].hasSuffix("บูรณ "))
            for c in Self.contest.criteria { XCTAssertTrue(lines.contains { $0.contains(c.short) }, c.short) }
            for cat in Self.contest.categories { XCTAssertTrue(lines.contains { $0.contains(cat.title) }, cat.title) }
            XCTAssertTrue(lines.contains { $0.contains("รวม 0.00 / 100 · 0/7 · ยังไม่ให้คะแนน") })
        }
    }

    /// A submitted sheet's hints offer only what still works: moving, the next entry, help, back.
    func testASubmittedSheetHintsOnlyWhatStillWorks() {
        var s = state()
        _ = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertTrue(assertFrame(s)[s.height - 1].contains("s ส่ง"))
        var sheet = s.sheets[s.selectedEntry]
        sheet.status = .submitted
        s.sheets[s.selectedEntry] = sheet
        let hints = assertFrame(s)[s.height - 1]
        XCTAssertFalse(hints.contains("s ส่ง"), hints)
        XCTAssertFalse(hints.contains("u "), hints)
        XCTAssertTrue(hints.contains("q กลับ") && hints.contains("] "), hints)
    }

    func testTooSmallTerminalGetsAMessageNotABrokenScreen() {
        for (w, h) in [(79, 24), (80, 23), (20, 5), (1, 1)] {
            let s = state(width: w, height: h)
            let lines = assertFrame(s)
            XCTAssertTrue(lines.joined().contains("80×24") || w < 10, "\(w)×\(h)")
        }
        XCTAssertEqual(JudgeView.render(state(width: 0, height: 0)).lines, [])
    }

    /// The help is drawn from the keymaps: every key and every line of its text is on one
    /// of its pages, at 80×24 and wider, in both languages.
    func testHelpIsBuiltFromTheKeymap() {
        for (w, h) in [(80, 24), (120, 40)] {
            for language in [Language.th, .en] {
                var s = state(width: w, height: h, language: language)
                _ = JudgeUpdate.update(&s, .textReady(.load()))
                _ = JudgeUpdate.update(&s, .key(.char("?")))
                let pages = JudgeView.helpPages(s)
                var lines = assertFrame(s)
                for _ in 1..<max(1, pages) {
                    _ = JudgeUpdate.update(&s, .key(.pageDown))
                    lines += assertFrame(s)
                }
                XCTAssertEqual(s.screen, .help, "PgDn turns the page")
                if w == 80 { XCTAssertEqual(pages, 2, "at 80×24 the help has two pages") }
                if w == 120 { XCTAssertEqual(pages, 1) }
                XCTAssertEqual(lines.contains { $0.contains(s.strings.helpPage(1, of: 2)) }, pages == 2)
                let half = (w - 3) / 2
                for b in Keymap.list.bindings + Keymap.sheet.bindings + Keymap.reader.bindings {
                    for part in LineWrap.wrap(b.what.text(language), width: half - 13, words: s.text.words) {
                        XCTAssertTrue(lines.contains { $0.contains(part) }, "\(w) \(language): \(part)")
                    }
                    XCTAssertTrue(lines.contains { $0.contains(b.label) }, "\(w) \(language): \(b.label)")
                }
                _ = JudgeUpdate.update(&s, .key(.char("x")))
                XCTAssertEqual(s.screen, .list, "any other key goes back")
            }
        }
    }

    func testEnglishScreens() {
        var s = state(language: .en)
        let lines = assertFrame(s)
        XCTAssertTrue(lines[2].contains("Organisation"))
        _ = JudgeUpdate.update(&s, .key(.enter))
        XCTAssertTrue(assertFrame(s).contains { $0.contains("Total 0.00 / 100") })
    }

    func testCanvasKeepsMarksWithTheirBaseAndWideCharactersWhole() {
        var c = Canvas(width: 6, height: 1)
        c.put("น้ำ漢字", x: 0, y: 0)
        XCTAssertEqual(c[0, 0].text, "น้")
        XCTAssertEqual(c[1, 0].text, "ำ")
        XCTAssertEqual(c[2, 0].text, "漢")
        XCTAssertEqual(c[3, 0].text, "")
        XCTAssertEqual(c.row(0), "น้ำ漢字")
        var d = Canvas(width: 3, height: 1)
        d.put("a漢字", x: 0, y: 0)
        XCTAssertEqual(d.row(0), "a漢", "fits exactly")
        var e = Canvas(width: 4, height: 1)
        e.put("ab漢字", x: 1, y: 0)
        XCTAssertEqual(e.row(0), " ab ", "a wide character that does not fit leaves a space")
    }
}

extension JudgeViewTests {
    /// A note longer than its rows keeps the line being typed in view at 80×24, above the
    /// rule, never under it.
    func testTheNoteLineBeingTypedStaysInView() {
        var s = state()
        s.screen = .sheet
        s.prompt = .note(criterion: nil, TextField((1...7).map { "บรรทัด\($0)" }.joined(separator: "\n"), multiline: true))
        let lines = assertFrame(s)
        let cursorRow = lines.firstIndex { $0.contains("บรรทัด7▏") }
        XCTAssertNotNil(cursorRow, lines.joined(separator: "\n"))
        let rule = lines.lastIndex { $0.contains("────") }!
        XCTAssertLessThan(cursorRow ?? .max, rule)
    }
}
