import Foundation
import XCTest
@testable import KhanaenCore

/// Two processes append to the same judge's ledger at once: nothing is lost, interleaved or forked.
final class ConcurrencyTests: XCTestCase {
    private func product(_ name: String) -> URL {
        // The test bundle sits in the build products folder beside the executables.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent(name)
    }

    func testTwoWritersFiveHundredAppendsEach() throws {
        let bench = product("khanaen-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            return XCTFail("\(bench.path) is missing: run `swift build` before `swift test` (README)")
        }
        let root = NSTemporaryDirectory() + "khanaen-conc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566").path
        try FileManager.default.createDirectory(atPath: root + "/ledger", withIntermediateDirectories: true)
        for f in ["contest.json", "entries.json"] { try FileManager.default.copyItem(atPath: sample + "/" + f, toPath: root + "/" + f) }

        let writers = ["e01", "e02"].map { entry -> Process in
            let p = Process()
            p.executableURL = bench
            p.arguments = ["hammer", root, "j5", entry, "500"]
            return p
        }
        for p in writers { try p.run() }
        for p in writers { p.waitUntilExit() }
        XCTAssertEqual(writers.map { $0.terminationStatus }, [0, 0])

        let ledger = try ContestFolder.load(root)
        let file = ledger.file(forJudge: "j5")!
        XCTAssertNil(file.broken)
        XCTAssertEqual(file.lineCount, 1000)
        XCTAssertEqual(file.events.map { $0.seq }, Array(1...1000))
        XCTAssertEqual(file.events.filter { $0.entry == "e01" }.count, 500)
        XCTAssertEqual(file.events.filter { $0.entry == "e02" }.count, 500)
        let firstOfE02 = file.events.firstIndex { $0.entry == "e02" }!, lastOfE01 = file.events.lastIndex { $0.entry == "e01" }!
        XCTAssertLessThan(firstOfE02, lastOfE01, "the writers really ran at the same time")
    }
}
