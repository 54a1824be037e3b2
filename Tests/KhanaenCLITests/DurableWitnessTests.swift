import Foundation
import XCTest

/// A checkpoint records only what is durable: before `khanaen checkpoint` or a report (run
/// by root: into the witness's file) writes its line, every judge file it read is synced, so that a
/// line a judge's writer wrote but had not yet synced cannot be witnessed and then vanish.
/// Seen in the system calls, through strace; skipped where strace cannot trace.
final class DurableWitnessTests: XCTestCase {
    private func product(_ name: String) -> URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent(name)
    }

    @discardableResult
    private func run(_ executable: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testAWitnessSyncsEveryJudgeFileItReadBeforeWritingItsLine() throws {
        let khanaen = product("khanaen").path
        guard FileManager.default.isExecutableFile(atPath: khanaen) else {
            return XCTFail("\(khanaen) is missing: run `swift build` before `swift test` (README)")
        }
        guard let strace = ["/usr/bin/strace", "/bin/strace"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("strace is not installed")
        }
        let root = NSTemporaryDirectory() + "khanaen-durable-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let contest = root + "/D"
        XCTAssertEqual(try run(khanaen, ["init", contest, "--demo"]).status, 0)
        let json = try String(contentsOfFile: contest + "/contest.json", encoding: .utf8)
        try json.replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
            .write(toFile: contest + "/contest.json", atomically: true, encoding: .utf8)
        for judge in ["j1", "j3"] {
            let r = try run(khanaen, ["score", "--contest", contest, "--judge", judge, "--entry", "e01", "c1=1"])
            XCTAssertEqual(r.status, 0, r.output)
        }
        guard try run(strace, ["-o", "/dev/null", "true"]).status == 0 else { throw XCTSkip("strace cannot trace here") }

        for args in [["checkpoint", "--contest", contest], ["report", "--contest", contest, "--format", "json"]] {
            let log = root + "/trace"
            let r = try run(strace, ["-f", "-y", "-e", "trace=fsync,fdatasync,write", "-o", log, khanaen] + args)
            XCTAssertTrue(r.status == 0 || r.status == 1, r.output)
            let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
            guard let chairWrite = calls.firstIndex(where: { $0.contains("write(") && $0.contains("/ledger/witness/witness.jsonl>") }) else {
                return XCTFail("\(args[0]) wrote no checkpoint:\n" + calls.joined(separator: "\n"))
            }
            for judge in ["j1", "j3"] {
                XCTAssertTrue(calls[..<chairWrite].contains { $0.contains("fsync(") && $0.contains("/ledger/\(judge)/\(judge).jsonl>") && $0.hasSuffix("= 0") },
                              "\(args[0]): \(judge).jsonl is synced before the checkpoint is written:\n" + calls.joined(separator: "\n"))
            }
            // Something new for the next witness to record.
            XCTAssertEqual(try run(khanaen, ["score", "--contest", contest, "--judge", "j1", "--entry", "e01", "c2=2"]).status, 0)
        }
    }
}
