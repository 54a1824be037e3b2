import Dispatch
import Foundation
import Synchronization
import XCTest
@testable import KhanaenCore
@testable import KhanaenUI

/// `p`: the workstation prints the judge's sheet and the console one of the four papers, each
/// by an effect that works off the screen's thread, and each says where the file went.
final class PrintKeyTests: XCTestCase {
    /// Prints slowly on another queue, as Pango setting a long sheet would, counting the prints asked for.
    final class SlowPrinter: Sendable {
        let asked = Mutex(0)
        let queue = DispatchQueue(label: "printer")

        func perform(_ effect: JudgeEffect, _ inbox: Inbox<JudgeMsg>) {
            switch effect {
            case .printSheet:
                asked.withLock { $0 += 1 }
                inbox.run(on: queue) {
                    usleep(300_000)
                    return [.printed(path: "/home/judge5/sheet-j5.pdf", pages: 2, draft: true)]
                }
            case .prepareText: inbox.send(.textReady(.plain))
            case .append, .reload, .loadDocuments: break
            }
        }
    }

    func testTheWorkstationsPPrintsWhileTheScreenGoesOnAndSaysWhere() {
        let keys: [Key] = [.char("p"), .char("p"), .down]
        let backend = TestBackend(width: 80, height: 24, inputs: keys.map { .key($0) })
        let printer = SlowPrinter()
        let runtime = Runtime<JudgeProgram>(state: Sample.state(), backend: backend) { printer.perform($0, $1) }
        runtime.idleTimeout = 1
        _ = runtime.run(first: [.started])
        let frames = backend.frames.map { $0.lines.joined(separator: "\n") }
        XCTAssertEqual(printer.asked.withLock { $0 }, 1, "a second p while the first prints asks for nothing")
        XCTAssertTrue(frames[1].contains("กำลังพิมพ์เป็น PDF…"), frames[1])
        // Every key was drawn while the print was at work: none of the frames says it is done.
        XCTAssertEqual(frames.count, 1 + keys.count)
        XCTAssertFalse(frames.contains { $0.contains("พิมพ์แล้ว") })
        XCTAssertEqual(runtime.state.selectedEntry, 1, "the arrow after p moved the selection")
        XCTAssertEqual(runtime.state.status?.text, "พิมพ์แล้ว 2 หน้า (ร่าง): /home/judge5/sheet-j5.pdf")
        XCTAssertFalse(runtime.state.printing)
        // p is on the list's help, in Thai.
        XCTAssertTrue(Keymap.list.binding(for: .char("p"))?.what.th.contains("พิมพ์ใบให้คะแนนของท่าน") ?? false)
    }

    func testAFailedPrintSaysWhyAndAllowsAnother() {
        var s = Sample.state()
        XCTAssertEqual(JudgeUpdate.update(&s, .key(.char("p"))), [.printSheet])
        JudgeUpdate.update(&s, .notPrinted("Pango and Cairo are not installed"))
        XCTAssertEqual(s.status, .error("ไม่ได้พิมพ์: Pango and Cairo are not installed"))
        XCTAssertEqual(JudgeUpdate.update(&s, .key(.char("p"))), [.printSheet])
    }

    func testTheConsolesPOffersTheFourPapersAndPrintsTheOneChosen() {
        var s = ChairTests.state(ChairTests.book(), ChairTests.summary())
        XCTAssertTrue(ChairUpdate.update(&s, .key(.char("p"))).isEmpty)
        XCTAssertEqual(s.prompt, .printMenu)
        let bottom = ChairView.render(s).lines.joined(separator: "\n")
        for words in ["พิมพ์เอกสารใดเป็น PDF ไปที่ exports/ (เลข 1-4, Esc ยกเลิก)", "1  ใบให้คะแนนของกรรมการ (ทุกคน)", "2  ใบสรุปผลคะแนน",
                      "3  แบบแสดงการมีส่วนได้เสีย (ทุกคน)", "4  ประกาศผล"] {
            XCTAssertTrue(bottom.contains(words), words + "\n" + bottom)
        }
        XCTAssertTrue(ChairUpdate.update(&s, .key(.char("9"))).isEmpty)
        XCTAssertEqual(s.status, .error("กดเลข 1 ถึง 4 (Esc ยกเลิก)"))
        XCTAssertEqual(s.prompt, .printMenu, "a wrong key keeps the menu")
        for (k, paper) in PaperKind.allCases.enumerated() {
            var t = s
            let effects = ChairUpdate.update(&t, .key(.char(Character(String(k + 1)))))
            guard effects.count == 1, case .print(let asked) = effects[0] else { return XCTFail("\(k + 1): \(effects)") }
            XCTAssertEqual(asked, paper)
            XCTAssertNil(t.prompt)
            XCTAssertEqual(t.status, .info("กำลังพิมพ์เป็น PDF…"))
        }
        ChairUpdate.update(&s, .key(.escape))
        XCTAssertNil(s.prompt)
        ChairUpdate.update(&s, .printed(["/srv/contest/exports/sheet-j1.pdf", "/srv/contest/exports/sheet-j2.pdf"], draft: true))
        XCTAssertEqual(s.status, .ok("พิมพ์แล้ว 2 แฟ้ม (ร่าง) ไปที่ /srv/contest/exports"))
        ChairUpdate.update(&s, .printed(["/srv/contest/exports/summary.pdf"], draft: false, noQR: true))
        XCTAssertEqual(s.status, .ok("พิมพ์แล้ว 1 แฟ้ม ไม่มีรหัส QR (ไม่มี libqrencode) ไปที่ /srv/contest/exports"))
        ChairUpdate.update(&s, .notPrinted("exports: Permission denied"))
        XCTAssertEqual(s.status, .error("ไม่ได้พิมพ์: exports: Permission denied"))
    }
}
