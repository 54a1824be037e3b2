import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore
import KhanaenText

/// Every command's --help: Thai by default, English with --lang en, each naming the command's
/// options, and every line within an 80-column terminal.
final class HelpTests: XCTestCase {
    private func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        runCommand(args, home: NSTemporaryDirectory())
    }

    private func thai(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) } }

    /// Every line of a help text fits 80 terminal cells.
    private func assertFits(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) where CellWidth.of(l) > 80 {
            XCTFail("\(what): \(CellWidth.of(l)) cells: \(l)", file: file, line: line)
        }
    }

    func testEveryCommandsHelpIsThaiByDefaultAndEnglishWithLangEn() {
        XCTAssertEqual(CLI.commands.count, 21)
        for c in CLI.commands {
            let names = c.options.values.union(c.options.flags).union(c.options.repeatable).sorted()
            for args in [[c.name, "--help"], [c.name, "-h"], ["help", c.name], [c.name, "--help", "--lang", "th"]] {
                let h = run(args)
                XCTAssertEqual(h.code, 0, "\(args)")
                XCTAssertEqual(h.out, c.usage.th, "\(args)")
            }
            for args in [[c.name, "--help", "--lang", "en"], [c.name, "--lang=en", "-h"], ["help", c.name, "--lang", "en"],
                         ["--help", c.name, "--lang=en"]] {
                let h = run(args)
                XCTAssertEqual(h.code, 0, "\(args)")
                XCTAssertEqual(h.out, c.usage.en, "\(args)")
            }
            let th = c.usage.th, en = c.usage.en
            XCTAssertTrue(th.hasPrefix("วิธีใช้: khanaen"), c.name)
            XCTAssertTrue(en.hasPrefix("usage: khanaen"), c.name)
            XCTAssertTrue(thai(th), c.name)
            XCTAssertNotEqual(th, en, c.name)
            // The Thai text is Thai beyond its command lines: its prose has more Thai lines than not.
            let prose = th.split(separator: "\n").filter { !$0.contains("khanaen ") && !$0.hasPrefix("  -") }
            XCTAssertGreaterThan(prose.filter { thai(String($0)) }.count * 2, prose.count, c.name)
            XCTAssertFalse(thai(c.summary.en.replacingOccurrences(of: "ม.13, ม.16", with: "")), c.name)
            XCTAssertTrue(thai(c.summary.th), c.name)
            for name in names {
                XCTAssertTrue(th.contains("--" + name), "\(c.name) --help does not name --\(name)")
                XCTAssertTrue(en.contains("--" + name), "\(c.name) --help --lang en does not name --\(name)")
            }
            assertFits(th, c.name + " --help")
            assertFits(en, c.name + " --help --lang en")
        }
    }

    func testTheCommandListIsThaiByDefaultAndEnglishWithLangEn() {
        let th = run(["--help"]), en = run(["--help", "--lang", "en"])
        XCTAssertEqual(th.code, 0)
        XCTAssertEqual(run(["help"]).out, th.out)
        XCTAssertEqual(run(["-h", "--lang=en"]).out, en.out)
        XCTAssertTrue(th.out.contains("\nคำสั่ง:\n"))
        XCTAssertTrue(th.out.contains("วิธีใช้: khanaen [คำสั่ง]"))
        XCTAssertTrue(en.out.contains("\ncommands:\n"))
        XCTAssertTrue(en.out.contains("usage: khanaen [COMMAND]"))
        for c in CLI.commands {
            XCTAssertTrue(th.out.contains("  " + c.name + String(repeating: " ", count: 12 - c.name.count) + c.summary.th + "\n"), c.name)
            XCTAssertTrue(en.out.contains("  " + c.name + String(repeating: " ", count: 12 - c.name.count) + c.summary.en + "\n"), c.name)
        }
        XCTAssertFalse(en.out.contains("คำสั่ง"))
        assertFits(th.out, "khanaen --help")
        assertFits(en.out, "khanaen --help --lang en")
        XCTAssertEqual(Glossary.misuses(th.out), [])
    }
}
