import XCTest
@testable import KhanaenText

final class TerminalTextTests: XCTestCase {
    func testControlsAndBidiBecomeOneCellPlaceholdersAndThaiIsUntouched() {
        let hostile = "ก\u{1B}]52;c;SGk=\u{07}ข\u{9B}31m\u{202E}ค\u{2066}\u{7F}"
        XCTAssertEqual(TerminalText.safe(hostile), "ก\u{241B}]52;c;SGk=\u{2407}ข\u{FFFD}31m\u{FFFD}ค\u{FFFD}\u{2421}")
        XCTAssertEqual(CellWidth.of(hostile), CellWidth.of(TerminalText.safe(hostile)), "measured as drawn")
        XCTAssertEqual(CellText.clusters(hostile).map(\.text).joined(), TerminalText.safe(hostile))
        let thai = "น้ำพุ่งไปที่สูงสุด ๆ ฯลฯ"
        XCTAssertEqual(TerminalText.safe(thai), thai)
        XCTAssertTrue(TerminalText.isSafe(thai))
        XCTAssertEqual(TerminalText.safe("a\nb\tc", keepingLineBreaks: true), "a\nb\tc")
        XCTAssertEqual(TerminalText.safe("a\nb"), "a\u{240A}b")
        for v: UInt32 in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            XCTAssertEqual(TerminalText.placeholder(Unicode.Scalar(v)!), "\u{FFFD}", String(v, radix: 16))
        }
        XCTAssertNil(TerminalText.placeholder("\u{0E49}"), "a Thai tone mark is no control")
    }
}
