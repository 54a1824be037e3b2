import Foundation
import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// Every screen of both programs, at 80×24 and 140×45, with Thai content, compared cell for
/// cell (text and style) with the frames kept in `Golden/`. A change to a screen shows as a
/// diff of these files in review. To accept a change, run the tests with
/// `KHANAEN_GOLDEN=write` and read the diff before committing it.
final class GoldenFrameTests: XCTestCase {
    static let sizes = [(80, 24), (140, 45)]
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let writing = ProcessInfo.processInfo.environment["KHANAEN_GOLDEN"] == "write"
    static let text = ThaiText.load()

    private func check(_ canvas: Canvas, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = Self.folder.appendingPathComponent(name + ".txt")
        let actual = canvas.snapshot
        if Self.writing {
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no golden frame \(url.lastPathComponent): run with KHANAEN_GOLDEN=write", file: file, line: line)
        }
        if expected != actual {
            let wrong = url.deletingPathExtension().appendingPathExtension("actual.txt")
            try? actual.write(to: wrong, atomically: true, encoding: .utf8)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let row = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            XCTFail("\(name) differs from its golden frame at row \(row); the frame drawn is in \(wrong.lastPathComponent)", file: file, line: line)
        }
    }

    // MARK: the workstation

    /// Judge j5 part-way through: e01 submitted, e02 a draft with notes, e03 recused, e04
    /// reopened by the chair.
    static func judge(width: Int, height: Int, language: Language = .th) -> JudgeState {
        let c = Sample.contest
        let scores: [(String, String, Double)] = [
            ("e01", "c1", 13), ("e01", "c2", 8), ("e01", "c3", 21.5), ("e01", "c4", 8), ("e01", "c5", 12), ("e01", "c6", 12), ("e01", "c7", 7),
            ("e02", "c1", 12), ("e02", "c2", 7.5), ("e02", "c3", 20),
            ("e04", "c1", 10), ("e04", "c2", 5), ("e04", "c3", 15), ("e04", "c4", 5), ("e04", "c5", 10), ("e04", "c6", 10), ("e04", "c7", 5),
        ]
        var events = scores.map { LedgerEvent(actor: "j5", kind: .score, entry: $0.0, criterion: $0.1, value: $0.2) }
        events += [
            LedgerEvent(actor: "j5", kind: .submit, entry: "e01"),
            LedgerEvent(actor: "j5", kind: .note, entry: "e02", criterion: "c1", text: "ปัญหาขยะชัดเจน มีข้อมูลปริมาณขยะรายเดือนประกอบ"),
            LedgerEvent(actor: "j5", kind: .note, entry: "e02", text: "ควรสอบถามผลการใช้งานจริงจากชุมชนเพิ่มเติม"),
            LedgerEvent(actor: "j5", kind: .recuse, entry: "e03", text: "เป็นญาติกับผู้ประสานงานโครงการ"),
            LedgerEvent(actor: "j5", kind: .submit, entry: "e04"),
        ]
        events = events.enumerated().map { k, e in var x = e; x.seq = k + 1; x.time = 1_764_100_000_000 + Int64(k) * 60_000; return x }
        let chair = [LedgerEvent(seq: 1, time: 1_764_200_000_000, actor: "chair", kind: .reopen, judge: "j5", entry: "e04", ref: 22,
                                   text: "คะแนนเกณฑ์ 3 น่าจะกรอกผิดช่อง")]
        let sheets = SheetBook.judgeSheets(contest: c, judgeID: "j5", judgeEvents: events, chairEvents: chair)
        var s = JudgeState(contest: c, judge: 4, sheets: sheets, language: language)
        _ = JudgeUpdate.update(&s, .textReady(text))
        _ = JudgeUpdate.update(&s, .resize(width: width, height: height))
        return s
    }

    /// A submission's files as an import leaves them: a presentation in slides, a form whose
    /// text could not be read.
    static let documents = [
        EntryDocument(name: "ครึ่ง_นำเสนอ.pptx", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                      size: 2_400_000, pages: [
                          "โครงการบริหารจัดการขยะแบบบูรณาการ\nบนพื้นฐานดิจิทัลแพลตฟอร์ม (แอพพลิเคชั่นถังเงิน ถังทอง)",
                          "ที่มาของปัญหา\nปริมาณขยะในเขตเทศบาลเพิ่มขึ้นทุกปี การคัดแยกขยะที่ต้นทางยังทำได้น้อย ประชาชนไม่ทราบราคารับซื้อขยะรีไซเคิล",
                          "ผลการดำเนินงาน\nครัวเรือนเข้าร่วม 1,250 ครัวเรือน ขยะลดลงร้อยละ 32 ภายใน 12 เดือน",
                      ], unit: .slide),
        EntryDocument(name: "ครึ่ง_form1.pdf", type: "application/pdf", size: 180_000, problem: "แฟ้มนี้เป็นภาพสแกน ไม่มีข้อความให้อ่าน"),
    ]

    func testWorkstationScreens() {
        for (name, canvas) in Self.workstationFrames() { check(canvas, name) }
    }

    /// Every screen of the workstation the golden frames hold, by name.
    static func workstationFrames() -> [(String, Canvas)] {
        var frames: [(String, Canvas)] = []
        for (w, h) in sizes {
            let size = "\(w)x\(h)"
            var s = judge(width: w, height: h)
            frames.append(("judge-list-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.down))
            _ = JudgeUpdate.update(&s, .key(.enter))
            frames.append(("judge-sheet-draft-\(size)", JudgeView.render(s)))
            for c in "99" { _ = JudgeUpdate.update(&s, .key(.char(c))) }
            _ = JudgeUpdate.update(&s, .key(.enter))
            frames.append(("judge-sheet-refused-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.escape))
            _ = JudgeUpdate.update(&s, .key(.char("n")))
            frames.append(("judge-sheet-note-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.escape))
            _ = JudgeUpdate.update(&s, .key(.char("v")))
            frames.append(("judge-reader-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("q")))
            _ = JudgeUpdate.update(&s, .key(.char("d")))
            frames.append(("judge-documents-loading-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .documents(entry: 1, documents))
            frames.append(("judge-documents-fields-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("2")))
            _ = JudgeUpdate.update(&s, .key(.char("]")))
            frames.append(("judge-documents-slide-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("3")))
            frames.append(("judge-documents-problem-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("q")))
            _ = JudgeUpdate.update(&s, .key(.char("s")))
            frames.append(("judge-sheet-missing-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("]")))
            frames.append(("judge-sheet-recused-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("]")))
            frames.append(("judge-sheet-reopened-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.char("r")))
            frames.append(("judge-sheet-ground-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.escape))
            _ = JudgeUpdate.update(&s, .key(.char("q")))
            _ = JudgeUpdate.update(&s, .key(.char("/")))
            for c in "ขยะ" { _ = JudgeUpdate.update(&s, .key(.char(c))) }
            frames.append(("judge-search-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.escape))
            _ = JudgeUpdate.update(&s, .key(.char("?")))
            frames.append(("judge-help-\(size)", JudgeView.render(s)))
            _ = JudgeUpdate.update(&s, .key(.pageDown))
            frames.append(("judge-help-next-\(size)", JudgeView.render(s)))
        }
        frames.append(("judge-list-en-80x24", JudgeView.render(judge(width: 80, height: 24, language: .en))))
        frames.append(("judge-too-small", JudgeView.render(judge(width: 79, height: 24))))
        return frames
    }

    // MARK: the console

    static func chair(width: Int, height: Int, chairEvents: [LedgerEvent] = [], language: Language = .th) -> ChairState {
        let book = ChairTests.book(extraForE05: true, chair: chairEvents)   // j5's full marks for e05: an item in the queue
        let summary = ChairTests.summary()
        let history = [[LedgerEvent(seq: 1, time: 1_764_100_000_000, actor: "j1", kind: .score, entry: "e01", criterion: "c3", value: 24)],
                       [], [], [], [],
                       [LedgerEvent(seq: 1, time: 1_764_100_500_000, actor: "chair", kind: .award, entry: "e01", tier: "excellent", text: "ผลกระทบต่อชุมชนสูง")]]
        var s = ChairState(data: ChairTests.data(book, summary, events: history, methods: Method.allCases), chair: "chair", language: language)
        ChairUpdate.update(&s, .textReady(text))
        ChairUpdate.update(&s, .resize(width: width, height: height))
        // As after the first frame: the statistics computed (with the default seed, so the
        // frames are the same every run).
        ChairTests.perform(&s, ChairUpdate.update(&s, .started).filter { if case .prepareText = $0 { return false } else { return true } })
        return s
    }

    func testConsoleScreens() {
        for (name, canvas) in Self.consoleFrames() { check(canvas, name) }
    }

    /// Every screen of the console the golden frames hold, by name.
    static func consoleFrames() -> [(String, Canvas)] {
        var frames: [(String, Canvas)] = []
        for (w, h) in sizes {
            let size = "\(w)x\(h)"
            var s = chair(width: w, height: h)
            for (k, tab) in ChairState.Tab.allCases.enumerated() {
                ChairUpdate.update(&s, .key(.char(Character(String(k + 1)))))
                frames.append(("chair-\(k + 1)-\(tab)-\(size)", ChairView.render(s)))
            }
            ChairUpdate.update(&s, .key(.char("8")))
            ChairUpdate.update(&s, .key(.char("f")))
            frames.append(("chair-8-queue-all-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.char("r")))
            frames.append(("chair-queue-outcome-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.char("1")))
            ChairUpdate.update(&s, .key(.end))
            frames.append(("chair-1-ranking-end-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.home))
            ChairUpdate.update(&s, .key(.char("a")))
            frames.append(("chair-award-tier-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.char("o")))
            frames.append(("chair-reopen-judge-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.char("e")))
            ChairUpdate.update(&s, .exportPlanned(ChairTests.plan(s)))
            frames.append(("chair-export-draft-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.char("d")))
            ChairUpdate.update(&s, .documents(entry: 0, documents))
            ChairUpdate.update(&s, .key(.char("2")))
            frames.append(("chair-documents-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.char("q")))
            ChairUpdate.update(&s, .key(.char("c")))
            frames.append(("chair-eligibility-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.char("r")))
            frames.append(("chair-eligibility-rule-\(size)", ChairView.render(s)))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.escape))
            ChairUpdate.update(&s, .key(.char("?")))
            frames.append(("chair-help-\(size)", ChairView.render(s)))
            var assigned = chair(width: w, height: h, chairEvents: [ChairTests.assignment()])
            ChairUpdate.update(&assigned, .key(.char("4")))
            frames.append(("chair-4-progress-assigned-\(size)", ChairView.render(assigned)))
            ChairUpdate.update(&assigned, .key(.char("w")))
            frames.append(("chair-reassign-judge-\(size)", ChairView.render(assigned)))
        }
        return frames
    }

    /// The goldens are only worth their diff if a change to a screen makes this test fail.
    func testADifferentFrameIsCaught() {
        guard !Self.writing else { return }
        var s = Self.judge(width: 80, height: 24)
        s.selectedEntry = 1
        let url = Self.folder.appendingPathComponent("judge-list-80x24.txt")
        let golden = try? String(contentsOf: url, encoding: .utf8)
        XCTAssertNotNil(golden)
        XCTAssertNotEqual(JudgeView.render(s).snapshot, golden, "a moved selection is a different frame")
    }
}
