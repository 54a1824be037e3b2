import XCTest
@testable import KhanaenText

final class TerminalSafeTests: XCTestCase {
    func testControlsBecomeVisiblePlaceholdersAndThaiIsUntouched() {
        XCTAssertEqual(TerminalSafe.sanitized("a\u{1B}[31mb"), "a␛[31mb")
        XCTAssertEqual(TerminalSafe.sanitized("\u{0}\u{7}\t\n\r\u{7F}"), "␀␇␉␊␍␡")
        XCTAssertEqual(TerminalSafe.sanitized("x\u{9B}2Jy\u{85}"), "x\u{FFFD}2Jy\u{FFFD}", "C1 controls, CSI among them")
        for bidi in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200F}"] {
            XCTAssertEqual(TerminalSafe.sanitized("ก" + bidi + "ข"), "ก\u{FFFD}ข")
        }
        let thai = "ผู้ประสานงาน น้ำ กำ ก๊ก เทศบาลตำบลครึ่ง"
        XCTAssertEqual(TerminalSafe.sanitized(thai), thai)
        XCTAssertEqual("a\u{1B}b".terminalSafe, "a␛b")
        // Every placeholder takes one cell, as the character it stands for would have in a table.
        XCTAssertEqual(CellWidth.of(TerminalSafe.sanitized("\u{1B}\u{202E}\u{7F}")), 3)
    }
}
