import XCTest
@testable import KhanaenText

final class CellTextTests: XCTestCase {
    func testClustersKeepMarksWithTheirBase() {
        let c = CellText.clusters("น้ำที่ดี")
        XCTAssertEqual(c.map { $0.text }, ["น้", "ำ", "ที่", "ดี"])
        XCTAssertEqual(c.map { $0.width }, [1, 1, 1, 1])
        XCTAssertEqual(CellText.clusters("ตำ").map { $0.text }, ["ต", "ำ"])
        XCTAssertEqual(CellText.clusters("漢a").map { $0.width }, [2, 1])
    }

    func testClipNeverSplitsAClusterAndFits() {
        XCTAssertEqual(CellText.clip("ผู้ใหญ่บ้าน", to: 4), "ผู้ให…")
        XCTAssertEqual(CellWidth.of(CellText.clip("ผู้ใหญ่บ้าน", to: 4)), 4)
        XCTAssertEqual(CellText.clip("ผู้ใหญ่บ้าน", to: 7), "ผู้ใหญ่บ้าน")
        XCTAssertEqual(CellText.clip("漢字漢字", to: 4), "漢…")
        XCTAssertEqual(CellText.clip("abc", to: 0), "")
        XCTAssertEqual(CellText.clip("abcdef", to: 3, ellipsis: false), "abc")
        for sample in ["เทศบาลตำบลเขตรอุดมศักดิ์", "ฤๅษี", "คะแนน 📊 รวม", "ตาราง 漢字 ผสม"] {
            for w in 0...26 {
                let clipped = CellText.clip(sample, to: w)
                XCTAssertLessThanOrEqual(CellWidth.of(clipped), w, "\(sample) at \(w)")
                XCTAssertFalse(clipped.unicodeScalars.first.map { CellWidth.of($0) == 0 } ?? false)
                let fitted = CellText.fit(sample, to: w, align: .right)
                XCTAssertEqual(CellWidth.of(fitted), w, "\(sample) fitted to \(w)")
            }
        }
    }

    func testFitAlignments() {
        XCTAssertEqual(CellText.fit("ตำ", to: 4), "ตำ  ")
        XCTAssertEqual(CellText.fit("ตำ", to: 4, align: .right), "  ตำ")
        XCTAssertEqual(CellText.fit("ตำ", to: 5, align: .center), " ตำ  ")
    }

    func testTextTableRowsAreExactlyAsWideAsTheTable() {
        let table = TextTable([.init("หน่วยงาน", width: 12), .init("คะแนน", width: 6, align: .right), .init("ผลงาน")])
        let lines = table.render([["องค์การบริหารส่วนตำบลเสม็ดใต้", "88.50", "น้ำประปา"], ["เทศบาลนครยะลา", "90", "ตาราง 漢字 ผสม"]], total: 40)
        for line in lines { XCTAssertEqual(CellWidth.of(line), 40, line) }
        XCTAssertTrue(lines[2].hasPrefix("องค์การบริหาร…"), lines[2])
    }
}
