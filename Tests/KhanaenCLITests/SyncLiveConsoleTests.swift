import Foundation
import XCTest

/// The chair's console on a folder carried by git, driven through tmux: a sync that brings
/// another machine's lines shows them with no key pressed, as a local write would.
final class SyncLiveConsoleTests: XCTestCase {
    private var root = ""
    private var socket = ""
    private var driver: TerminalDriver { TerminalDriver(scratch: root, socket: socket, session: "chair") }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            throw XCTSkip("tmux and git are needed")
        }
        root = "/tmp/khanaen-sync-live-" + UUID().uuidString
        socket = "kg5-live-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        guard !root.isEmpty else { return }
        driver.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    func testTheConsoleShowsTheLinesASyncBringsWithNoKeyPressed() throws {
        let khanaen = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khanaen").path
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        let seed = root + "/seed", remote = root + "/remote.git", a = root + "/A", b = root + "/B"
        let sh = { (command: String) -> (status: Int32, out: String) in self.driver.shell("cd \(self.root) && \(command)") }
        var r = sh("mkdir \(seed) && cp \(sample)/contest.json \(sample)/entries.json \(seed)/ && git init -q --bare -b main \(remote)"
                   + " && \(khanaen) sync --setup \(remote) --contest \(seed) && git clone -q \(remote) \(a) && git clone -q \(remote) \(b)"
                   + " && \(khanaen) sync --setup --contest \(a) && \(khanaen) sync --setup --contest \(b)")
        guard r.status == 0 else { return XCTFail(r.out) }

        driver.start("cd \(root) && env LANG=C.UTF-8 TERM=xterm-256color \(khanaen) chair --contest \(b) --lang en", width: 120, height: 40)
        driver.waitFor("Chair (")
        driver.keys("7")
        driver.waitFor("j1/j1.jsonl")

        // Another machine scores and syncs; this one syncs: the console shows j1's new head.
        r = sh("\(khanaen) score --contest \(a) --judge j1 --entry e01 c1=5 && \(khanaen) score --contest \(a) --judge j1 --entry e01 c2=6"
               + " && \(khanaen) sync --contest \(a) && \(khanaen) sync --contest \(b) --lang en")
        XCTAssertEqual(r.status, 0, r.out)
        XCTAssertTrue(r.out.contains("came in ledger/j1/j1.jsonl (judge j1): 2 lines"), r.out)
        let file = try String(contentsOfFile: b + "/ledger/j1/j1.jsonl", encoding: .utf8)
        let head = String(file.dropLast().suffix(66).prefix(16))
        driver.waitFor(head)
        // And what it read is the ledger itself: the same bytes as the machine that wrote them.
        XCTAssertEqual(FileManager.default.contents(atPath: b + "/ledger/j1/j1.jsonl"), FileManager.default.contents(atPath: a + "/ledger/j1/j1.jsonl"))
        driver.keys("q")
    }
}
