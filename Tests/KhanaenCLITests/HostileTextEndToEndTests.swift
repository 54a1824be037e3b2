import Foundation
import XCTest
@testable import KhanaenCore

/// A contest whose names, titles and notes carry terminal escape sequences, C1 controls,
/// bidirectional overrides and spreadsheet formulas, opened in the workstation and the
/// console inside a recording pseudo-terminal: none of them reaches the terminal.
final class HostileTextEndToEndTests: XCTestCase {
    private var root = ""
    private let socket = "khanaen-hostile-\(getpid())"
    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: socket, session: "s") }
    private var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
    }
    private var contest: String { root + "/data/khanaen/digital-local-2566" }

    /// What must never be sent: a clipboard write (OSC 52), a window title (OSC 0), a C1
    /// CSI, a right-to-left override and an isolate.
    static let clipboard = "\u{1B}]52;c;SGVsbG8=\u{07}", title = "\u{1B}]0;pwned\u{07}", csi = "\u{9B}31m", rlo = "\u{202E}", isolate = "\u{2067}"

    override func setUpWithError() throws {
        guard driver.shell("command -v tmux && command -v script").status == 0 else {
            throw XCTSkip("tmux and script are needed: scripts/setup.sh installs them")
        }
        root = NSTemporaryDirectory() + "khanaen-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) verify").status, 0)
        let path = contest + "/entries.json"
        let entries = try String(contentsOfFile: path, encoding: .utf8)
        func json(_ s: String) -> String { String(decoding: JSONWriter.bytes(.string(s)), as: UTF8.self) }
        try entries.replacingOccurrences(of: "\"organisation\": \"เทศบาลนครยะลา\"",
                                         with: "\"organisation\": " + json("=HYPERLINK(\"http://x\")เทศบาล" + Self.title + "นครยะลา" + Self.rlo))
            .replacingOccurrences(of: "\"title\": \"Big Data เพื่อพัฒนาคุณภาพบริการ\"",
                                  with: "\"title\": " + json("Big Data" + Self.clipboard + Self.csi + "เพื่อพัฒนา" + Self.isolate + "คุณภาพบริการ"))
            .write(toFile: path, atomically: true, encoding: .utf8)
        let note = driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) score --judge j5 --entry e01 c1=10 --note \"$(printf 'ดี\\033]52;c;SGVsbG8=\\007มาก')\"")
        XCTAssertEqual(note.status, 0, note.out)
    }

    override func tearDown() {
        driver.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    private func assertInert(_ log: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        XCTAssertGreaterThan(bytes.count, 1000, "the screens were recorded", file: file, line: line)
        for (name, needle) in [("OSC 52", "\u{1B}]52"), ("OSC 0", "\u{1B}]0;"), ("a C1 control", Self.csi), ("U+202E", Self.rlo),
                               ("U+2067", Self.isolate), ("BEL", "\u{07}")] {
            XCTAssertNil(bytes.range(of: Data(needle.utf8)), "\(name) reached the terminal", file: file, line: line)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\u{241B}]52"), "the escape is shown as ␛", file: file, line: line)
    }

    func testTheWorkstationShowsHostileTextAsPlaceholders() throws {
        let log = root + "/judge.log"
        driver.start("cd \(root) && env XDG_DATA_HOME=\(root)/data LANG=C.UTF-8 TERM=xterm-256color script -qfc '\(binary) --judge j5' \(log)")
        driver.waitFor("กรรมการ 5 (j5)")
        driver.keys("Enter")
        driver.waitFor("e01 ·")
        driver.keys("q")
        driver.keys("q")
        usleep(300_000)
        try assertInert(log)
    }

    func testTheConsoleShowsHostileTextAsPlaceholders() throws {
        let log = root + "/chair.log"
        driver.start("cd \(root) && env LANG=C.UTF-8 TERM=xterm-256color script -qfc '\(binary) chair --contest \(contest)' \(log)", width: 140, height: 45)
        driver.waitFor("ประธานกรรมการ")
        driver.keys("2")
        driver.keys("3")
        driver.waitFor("ข้อสังเกตของกรรมการ")
        driver.keys("q")
        usleep(300_000)
        try assertInert(log)
    }

    func testReportsNeutraliseHostileText() throws {
        let table = driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) report")
        XCTAssertFalse(table.out.contains("\u{1B}"), table.out)
        XCTAssertFalse(table.out.contains(Self.rlo))
        let csv = driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) report --format csv")
        XCTAssertTrue(csv.out.contains("\"'=HYPERLINK(\"\"http://x\"\")"), "a formula is prefixed with ': \(csv.out.prefix(600))")
        XCTAssertFalse(csv.out.contains("\u{1B}"))
        let md = driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) report --format md")
        XCTAssertFalse(md.out.contains("\u{1B}") || md.out.contains(Self.rlo))
        let json = driver.shell("env XDG_DATA_HOME=\(root)/data \(binary) report --format json")
        XCTAssertFalse(json.out.contains(Self.rlo) || json.out.contains("\u{1B}") || json.out.contains(Self.csi), "escaped as \\u in JSON")
        XCTAssertTrue(json.out.contains("\\u202e"), String(json.out.prefix(400)))
    }
}
