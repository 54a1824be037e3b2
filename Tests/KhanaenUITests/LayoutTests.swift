import XCTest
@testable import KhanaenUI

final class LayoutTests: XCTestCase {
    func testFixedRowsKeepTheirHeightAndTheFillTakesTheRest() {
        let p = Layout.rows([.fixed(1), .fill, .fixed(2)]).split(Rect(width: 80, height: 24))
        XCTAssertEqual(p, [Rect(x: 0, y: 0, width: 80, height: 1), Rect(x: 0, y: 1, width: 80, height: 21),
                           Rect(x: 0, y: 22, width: 80, height: 2)])
    }

    func testColumnsSplitTheWidthAndKeepTheRowsOfTheRectangle() {
        let p = Layout.columns([.fixed(10), .fill, .fixed(5)]).split(Rect(x: 3, y: 2, width: 40, height: 7))
        XCTAssertEqual(p, [Rect(x: 3, y: 2, width: 10, height: 7), Rect(x: 13, y: 2, width: 25, height: 7),
                           Rect(x: 38, y: 2, width: 5, height: 7)])
    }

    func testFillsShareWhatIsLeftTheEarlierTakingTheOddCells() {
        let p = Layout.rows([.fill, .fixed(1), .fill, .fill]).split(Rect(width: 1, height: 12))
        XCTAssertEqual(p.map(\.height), [4, 1, 4, 3])
        XCTAssertEqual(p.map(\.y), [0, 4, 5, 9])
    }

    func testTooSmallARectangleShrinksTheFillsToNothingThenTheLastFixedParts() {
        XCTAssertEqual(Layout.rows([.fixed(2), .fill, .fixed(2)]).split(Rect(width: 5, height: 4)).map(\.height), [2, 0, 2])
        XCTAssertEqual(Layout.rows([.fixed(2), .fill, .fixed(2)]).split(Rect(width: 5, height: 3)).map(\.height), [2, 0, 1])
        XCTAssertEqual(Layout.rows([.fixed(2), .fixed(2)]).split(Rect(width: 5, height: 0)).map(\.height), [0, 0])
    }

    /// Whatever the sizes, the parts cover the rectangle in order, without a gap or an overlap.
    func testThePartsTileTheRectangle() {
        let sizes: [[Layout.Size]] = [[.fixed(1), .fill, .fixed(1), .fixed(1)], [.fill], [.fixed(3), .fixed(0), .fill, .fill, .fixed(7)], []]
        for total in 0...40 {
            for s in sizes {
                let p = Layout.rows(s).split(Rect(x: 0, y: 5, width: 10, height: total))
                XCTAssertEqual(p.count, s.count)
                var y = 5
                for r in p {
                    XCTAssertEqual(r.y, y)
                    XCTAssertGreaterThanOrEqual(r.height, 0)
                    y = r.bottom
                }
                if s.contains(.fill) { XCTAssertEqual(y, 5 + total, "\(s) in \(total)") } else { XCTAssertLessThanOrEqual(y, 5 + total) }
            }
        }
    }

    func testInsetAndPageRows() {
        let r = Rect(x: 0, y: 1, width: 80, height: 20).inset(left: 2, right: 2)
        XCTAssertEqual(r, Rect(x: 2, y: 1, width: 76, height: 20))
        XCTAssertEqual(r.right, 78)
        XCTAssertEqual(Rect(width: 5, height: 0).pageRows, 1)
    }

    /// What update turns a page by is what the view draws: the same split of the screen.
    func testUpdatePagesByTheRowsTheViewDraws() {
        for height in [24, 30, 45] {
            let judge = JudgeLayout(width: 80, height: height)
            XCTAssertEqual(judge.list.rows.height, height - 6)
            XCTAssertEqual(judge.list.position.y, height - 3)
            XCTAssertEqual(judge.reader.text.height, height - 4)
            XCTAssertEqual(judge.sheet.total.y, height - 3)
            XCTAssertEqual(judge.status.y, height - 2)
            XCTAssertEqual(judge.hints.y, height - 1)
            let chair = ChairLayout(width: 80, height: height)
            XCTAssertEqual(chair.scrolled.text.height, height - 6)
            XCTAssertEqual(chair.ranking(notice: false).rows.height, height - 7)
            XCTAssertEqual(chair.ranking(notice: true).rows.height, height - 8)
            XCTAssertEqual(chair.matrix.rows.height, height - 8)
            XCTAssertEqual(chair.eligibility.rows.height, height - 9)
            XCTAssertEqual(chair.queue.items.height, height - 8)
            XCTAssertEqual(chair.queue.selected.bottom, chair.status.y)
        }
    }
}
