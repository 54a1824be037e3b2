import Foundation
import XCTest
@testable import KhanaenCore

/// Things planted where a ledger file belongs are never followed, never waited on and never
/// written through: they are integrity errors naming the path.
final class FileSafetyTests: XCTestCase {
    private var dir = ""
    /// A file outside the contest that a planted link points at: it must never change.
    private var victim = ""

    override func setUp() {
        dir = Fixtures.temporaryFolder()
        victim = dir + "/victim"
        try! "root-only secret\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try! FileManager.default.createDirectory(atPath: dir + "/ledger", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func file(_ name: String = "j1") -> LedgerFile { LedgerFile(path: dir + "/ledger/\(name).jsonl", name: name, contestID: "t1") }

    private func victimUnchanged(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "root-only secret\n", file: file, line: line)
    }

    func testALinkAsALedgerFileIsAnErrorAndNeverFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: dir + "/ledger/j1.jsonl", withDestinationPath: victim)
        let f = file()
        try f.refresh()
        XCTAssertEqual(f.broken?.line, 0)
        XCTAssertEqual(f.broken?.message, "is a symbolic link; not followed")
        XCTAssertThrowsError(try file().append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])) { e in
            XCTAssertTrue("\(e)".contains("symbolic link"), "\(e)")
        }
        victimUnchanged()
    }

    func testAFIFOAsALedgerFileIsAnErrorAndNeverWaitedOn() throws {
        XCTAssertEqual(mkfifo(dir + "/ledger/j1.jsonl", 0o644), 0)
        let start = Date()
        let f = file()
        try f.refresh()
        XCTAssertEqual(f.broken?.message, "is a FIFO, not a file; not opened")
        XCTAssertThrowsError(try file().append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")]))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "nothing waited for a writer on the FIFO")
    }

    func testAFolderAsALedgerFileIsAnError() throws {
        try FileManager.default.createDirectory(atPath: dir + "/ledger/j1.jsonl", withIntermediateDirectories: false)
        let f = file()
        try f.refresh()
        XCTAssertTrue(f.broken?.message.contains("folder") == true, "\(String(describing: f.broken))")
    }

    func testALinkAsTheLedgerFolderIsNeverFollowed() throws {
        let elsewhere = dir + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        try FileManager.default.removeItem(atPath: dir + "/ledger")
        try FileManager.default.createSymbolicLink(atPath: dir + "/ledger", withDestinationPath: elsewhere)
        let f = file()
        try f.refresh()
        XCTAssertEqual(f.broken?.message, "is a symbolic link, not a folder; not opened")
        XCTAssertThrowsError(try file().append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
    }

    /// A link planted as the `.torn` file: recording an unfinished line refuses, and neither
    /// the link's target nor the ledger changes.
    func testALinkAsTheTornFileIsNeverWrittenThrough() throws {
        let f = file()
        try f.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 1)])
        let h = FileHandle(forWritingAtPath: f.path)!
        h.seekToEndOfFile()
        h.write("{\"v\":1,\"se".data(using: .utf8)!)
        h.closeFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.path))
        try FileManager.default.createSymbolicLink(atPath: f.path + ".torn", withDestinationPath: victim)
        XCTAssertThrowsError(try file().append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])) { e in
            XCTAssertTrue("\(e)".contains("j1.jsonl.torn: is a symbolic link"), "\(e)")
        }
        victimUnchanged()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.path)), before)
    }

    /// Reading contest.json through a planted link, or from a FIFO, is refused.
    func testContestFilesAreNotReadThroughLinksOrFIFOs() throws {
        try Fixtures.contestJSON().write(toFile: dir + "/real.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/contest.json", withDestinationPath: dir + "/real.json")
        try Fixtures.entriesJSON().write(toFile: dir + "/entries.json", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ContestFolder.loadContest(dir)) { e in
            XCTAssertEqual((e as? InputError)?.message, "\(dir)/contest.json: is a symbolic link; not followed")
        }
        try FileManager.default.removeItem(atPath: dir + "/contest.json")
        try FileManager.default.moveItem(atPath: dir + "/real.json", toPath: dir + "/contest.json")
        try FileManager.default.removeItem(atPath: dir + "/entries.json")
        XCTAssertEqual(mkfifo(dir + "/entries.json", 0o644), 0)
        XCTAssertThrowsError(try ContestFolder.loadContest(dir)) { e in
            XCTAssertEqual((e as? InputError)?.message, "\(dir)/entries.json: is a FIFO, not a file; not opened")
        }
    }

    /// An atomic write's temporary file has a name no one can plant in advance, and is created
    /// exclusively: the old predictable `<file>.tmp-<pid>` planted as a link changes nothing.
    func testAtomicWritesNeverGoThroughAPlantedTemporaryName() throws {
        let target = dir + "/report.md"
        try FileManager.default.createSymbolicLink(atPath: target + ".tmp-\(getpid())", withDestinationPath: victim)
        try AtomicFile.write(Array("ผล\n".utf8), to: target, overwrite: false)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "ผล\n")
        victimUnchanged()
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".report.md.") }
        XCTAssertEqual(left, [], "no temporary file is left behind")
        // A link where the file itself belongs is refused, not replaced through.
        try FileManager.default.createSymbolicLink(atPath: dir + "/linked.md", withDestinationPath: victim)
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: dir + "/linked.md", overwrite: true))
        victimUnchanged()
    }
}
