import Foundation
import XCTest
@testable import KhanaenText

final class CellWidthTests: XCTestCase {
    /// ../shared/thai-samples.tsv, kept as a fixture: every string's width in cells.
    func testSharedThaiSamples() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/thai-samples.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            XCTAssertEqual(parts.count, 2, "bad fixture line \(line)")
            let expected = Int(parts[0])!
            XCTAssertEqual(CellWidth.of(String(parts[1])), expected, "width of \(parts[1])")
            checked += 1
        }
        XCTAssertEqual(checked, 27)
    }

    func testThaiMarksAndSaraAm() {
        XCTAssertEqual(CellWidth.of("ตำ"), 2, "SARA AM is a spacing mark")
        XCTAssertEqual("ตำ".count, 1, "one Character, which is why Characters are the wrong unit")
        XCTAssertEqual(CellWidth.of("ที่"), 1)
        XCTAssertEqual(CellWidth.of("น้ำ"), 2)
        XCTAssertEqual(CellWidth.of("漢字"), 4)
        XCTAssertEqual(CellWidth.of("📊"), 2)
        XCTAssertEqual(CellWidth.of("a\u{0301}"), 1)
        XCTAssertEqual(CellWidth.of("\u{200B}"), 0)
    }

    /// Compares with the C library's own wcwidth under C.UTF-8, over the Thai block and samples of other scripts.
    func testAgreesWithGlibcWcwidth() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return XCTFail("no wcwidth symbol") }
        typealias WcWidth = @convention(c) (Int32) -> Int32
        let wcwidth = unsafeBitCast(sym, to: WcWidth.self)
        var ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x0E00...0x0E7F, 0x1100...0x1160, 0x2E80...0x2EFF,
                                             0x3000...0x303F, 0x4E00...0x4E40, 0xAC00...0xAC40, 0xFF00...0xFF70]
        ranges.append(0x1F300...0x1F3FF)
        var compared = 0
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v) else { continue }
                let c = Int(wcwidth(Int32(v)))
                if c < 0 { continue } // unassigned or control: glibc says -1, we never draw them
                XCTAssertEqual(CellWidth.of(s), c, String(format: "U+%04X", v))
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 900)
    }
}
