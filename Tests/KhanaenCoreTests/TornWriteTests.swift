import Foundation
import XCTest
@testable import KhanaenCore

/// The states a power cut leaves in the middle of an append (issue 20): the writer that comes
/// next and every reader give them one meaning, and the file stays appendable.
final class TornWriteTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private var path: String { dir + "/j1.jsonl" }
    private var tornPath: String { path + ".torn" }

    private func file(_ rounds: SHA256Rounds = .best, everyHash: Bool = false) -> LedgerFile {
        LedgerFile(path: path, name: "j1", contestID: "t1", keepsEveryHash: everyHash, rounds: rounds)
    }

    private func score(_ criterion: String, _ value: Double) -> LedgerEvent {
        LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: criterion, value: value)
    }

    private func bytes() -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    private func cut(_ n: Int) { XCTAssertEqual(truncate(path, off_t(bytes().count - n)), 0) }

    private func appendRaw(_ b: [UInt8]) {
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile()
        h.write(Data(b))
        h.closeFile()
    }

    /// `before` lines first (2,100 puts the lines that matter in the verifier's last chunk).
    private func start(_ before: Int) throws {
        if before > 0 {
            try file().append((0..<before).map { score("p\($0)", 1) }, time: 1_700_000_000_000)
        }
    }

    /// Fresh readers, with each kind of hash rounds and each way of keeping hashes, read the
    /// same: no break, `lines` lines in seq order, `skipped` skipped lines, head `head`. Both line
    /// readers (the common layout's and the general one) agree on every line.
    @discardableResult
    private func assertEveryReader(lines: Int, skipped: Int, head: Digest, file: StaticString = #filePath, line: UInt = #line) throws -> [LedgerEvent] {
        var first: [LedgerEvent]? = nil
        for rounds in [SHA256Rounds.best, .portable] {
            for everyHash in [false, true] {
                let r = self.file(rounds, everyHash: everyHash)
                try r.refresh()
                XCTAssertNil(r.broken, "\(rounds) \(everyHash)", file: file, line: line)
                XCTAssertEqual(r.lineCount, lines, "\(rounds) \(everyHash)", file: file, line: line)
                XCTAssertEqual(r.events.map(\.seq), Array(0..<lines).map { $0 + 1 }, file: file, line: line)
                XCTAssertEqual(r.skippedTornLines, skipped, file: file, line: line)
                XCTAssertEqual(r.head, head, file: file, line: line)
                XCTAssertEqual(r.pendingBytes, 0, file: file, line: line)
                if let first { XCTAssertEqual(r.events, first, file: file, line: line) } else { first = r.events }
            }
        }
        for text in bytes().split(separator: 0x0A).suffix(8) {
            text.withUnsafeBufferPointer { whole in
                guard let member = try? LedgerLine.hashMemberStart(whole) else { return }
                let body = UnsafeBufferPointer(rebasing: whole[0..<member])
                var a = LedgerLine.NameCache(), b = LedgerLine.NameCache()
                if let fast = LedgerLine.commonEvent(body, names: &a) {
                    XCTAssertEqual(try? LedgerLine.parseFields(body, names: &b), fast, file: file, line: line)
                }
            }
        }
        return first ?? []
    }

    /// Issue 20's repro: the second score's write lost only its newline. The next writer adopts
    /// the line (it is whole, and verifies as the next one): its own line chains from it, every
    /// reader takes both, the adopted score counts, and the file takes the next write.
    func testAWholeLineThatLostOnlyItsNewlineIsAdoptedAndCounts() throws {
        for before in [0, 2_100] {
            try? FileManager.default.removeItem(atPath: path)
            try start(before)
            let w0 = file()
            try w0.append([score("c1", 1)])
            try w0.append([score("c2", 2)])
            let headOfC2 = w0.head
            cut(1)

            let reader = file()
            try reader.refresh()
            XCTAssertNil(reader.broken)
            XCTAssertEqual(reader.lineCount, before + 1, "an unfinished line is not read before it is closed")
            XCTAssertGreaterThan(reader.pendingBytes, 0)

            let w = file()
            var seen: [LedgerEvent] = []
            let written = try w.append([score("c3", 3)]) { existing in seen = existing }
            XCTAssertEqual(seen.last?.criterion, "c2", "the change is checked against the adopted line")
            XCTAssertEqual(seen.count, before + 2)
            XCTAssertEqual(written.map(\.seq), [before + 3])
            XCTAssertEqual(w.lineCount, before + 3)
            XCTAssertEqual(w.hash(atLine: before + 2), headOfC2, "the adopted line is the one written")
            XCTAssertEqual(w.skippedTornLines, 0)
            XCTAssertFalse(FileManager.default.fileExists(atPath: tornPath), "an adopted line is not recorded as torn")

            let events = try assertEveryReader(lines: before + 3, skipped: 0, head: w.head)
            XCTAssertEqual(events.suffix(3).map { $0.value }, [1, 2, 3], "c1, c2 and c3 all count")
            try reader.refresh()
            XCTAssertNil(reader.broken, "a reader that saw the line unfinished takes it once closed")
            XCTAssertEqual(reader.head, w.head)

            try file().append([score("c4", 4)])
            let after = file()
            try after.refresh()
            try assertEveryReader(lines: before + 4, skipped: 0, head: after.head)
        }
    }

    /// What is not a whole next line goes the `.torn` way: a write torn inside its second line
    /// keeps its first (a torn write may keep part of one call's changes), and the rest is
    /// recorded and skipped; so is a whole line that does not chain from the file's head.
    func testATailThatIsNotTheNextWholeLineIsRecordedAndSkipped() throws {
        for before in [0, 2_100] {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: tornPath)
            try start(before)
            let w0 = file()
            try w0.append([score("c1", 1), score("c2", 2)])
            cut(40)
            let reader = file()
            try reader.refresh()
            XCTAssertEqual(reader.lineCount, before + 1, "the first line of the torn write is whole: it counts")

            let w = file()
            try w.append([score("c3", 3)])
            XCTAssertEqual(w.skippedTornLines, 1)
            let records = try String(contentsOfFile: tornPath, encoding: .utf8)
            XCTAssertEqual(records.components(separatedBy: "unfinished line at byte").count - 1, 1, records)
            var events = try assertEveryReader(lines: before + 2, skipped: 1, head: w.head)
            XCTAssertEqual(events.suffix(2).map { $0.criterion }, ["c1", "c3"])

            // A whole, valid line that does not follow the head (the last line again) is not adopted.
            let last = bytes().split(separator: 0x0A).last!
            appendRaw(Array(last))
            let w2 = file()
            try w2.append([score("c4", 4)])
            XCTAssertEqual(w2.skippedTornLines, 2)
            events = try assertEveryReader(lines: before + 3, skipped: 2, head: w2.head)
            XCTAssertEqual(events.suffix(3).map { $0.criterion }, ["c1", "c3", "c4"])
            try file().append([score("c5", 5)])
            let after = file()
            try after.refresh()
            try assertEveryReader(lines: before + 4, skipped: 2, head: after.head)
        }
    }

    /// What an older Khanaen left: it recorded a whole line that lost its newline in `.torn`,
    /// closed it and chained its own line from the line before. The recorded line is skipped,
    /// as that writer meant, whether a reader meets both lines at once or the closed line first;
    /// and the file takes the next write.
    func testALineAnOlderWriterSetAsideIsSkippedAndTheFileStaysAppendable() throws {
        for (before, closedLineSeenFirst, everyHash) in [(0, false, false), (0, true, true), (2_100, false, true), (2_100, true, false)] {
            do {
                do {
                    try? FileManager.default.removeItem(atPath: path)
                    try? FileManager.default.removeItem(atPath: tornPath)
                    try start(before)
                    let w0 = file()
                    try w0.append([score("c1", 1)])
                    let headOfC1 = w0.head
                    try w0.append([score("c2", 2)])
                    cut(1)
                    let offset = bytes().split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().reduce(0) { $0 + $1.count + 1 }
                    let tail = Array(bytes()[offset...])
                    // The older writer: the record, then a newline and its line, seq and chain after c1.
                    let header = LedgerFile.tornRecordHeader(time: 1_800_000_000_000, offset: offset, bytes: tail, fileName: "j1.jsonl")
                    try Data([0x0A] + Array(header.utf8) + tail + [0x0A]).write(to: URL(fileURLWithPath: tornPath))
                    var e = score("c3", 3)
                    e.seq = before + 2
                    e.time = 1_800_000_000_000
                    let (line, headOfC3) = LedgerLine.encode(e, previous: headOfC1)

                    let reader = file(everyHash: everyHash)
                    reader.watch(line: before + 2)
                    if closedLineSeenFirst {
                        appendRaw([0x0A])
                        try reader.refresh()
                        XCTAssertEqual(reader.lineCount, before + 2)
                        appendRaw(line)
                    } else {
                        appendRaw([0x0A] + line)
                    }
                    try reader.refresh()
                    XCTAssertNil(reader.broken, "\(before) \(closedLineSeenFirst)")
                    XCTAssertEqual(reader.lineCount, before + 2)
                    XCTAssertEqual(reader.head, headOfC3)
                    XCTAssertEqual(reader.skippedTornLines, 1)
                    XCTAssertEqual(reader.hash(atLine: before + 2), headOfC3)
                    let events = try assertEveryReader(lines: before + 2, skipped: 1, head: headOfC3)
                    XCTAssertEqual(events.suffix(2).map { $0.criterion }, ["c1", "c3"])

                    try reader.append([score("c4", 4)])
                    XCTAssertEqual(reader.lineCount, before + 3)
                    try assertEveryReader(lines: before + 3, skipped: 1, head: reader.head)
                }
            }
        }
        // Without its record, the same bytes are a break at the line after it (file lines, counted from 1).
        try FileManager.default.removeItem(atPath: tornPath)
        let r = file()
        try r.refresh()
        XCTAssertEqual(r.broken?.line, 2_100 + 3)
    }

    /// An older writer recorded the line and then crashed before closing it; the next writer
    /// adopts it (it verifies as the next line), and readers take it, record or not.
    func testARecordedLineALaterWriterAdoptedIsTaken() throws {
        let w0 = file()
        try w0.append([score("c1", 1)])
        try w0.append([score("c2", 2)])
        cut(1)
        let offset = bytes().split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().reduce(0) { $0 + $1.count + 1 }
        let tail = Array(bytes()[offset...])
        let header = LedgerFile.tornRecordHeader(time: 1_800_000_000_000, offset: offset, bytes: tail, fileName: "j1.jsonl")
        try Data([0x0A] + Array(header.utf8) + tail + [0x0A]).write(to: URL(fileURLWithPath: tornPath))
        let w = file()
        try w.append([score("c3", 3)])
        XCTAssertEqual(w.lineCount, 3)
        let events = try assertEveryReader(lines: 3, skipped: 0, head: w.head)
        XCTAssertEqual(events.map { $0.criterion }, ["c1", "c2", "c3"])
    }

    /// A witness makes durable what it read: `makeDurable` syncs the very file that was read,
    /// does nothing for a file never read, and refuses a file replaced or removed since.
    func testMakeDurableSyncsTheFileReadAndRefusesAnother() throws {
        let unread = file()
        XCTAssertNoThrow(try unread.makeDurable(), "nothing read, nothing to keep")
        try unread.refresh()
        XCTAssertNoThrow(try unread.makeDurable(), "a file that does not exist has no lines to keep")

        let w = file()
        try w.append([score("c1", 1)])
        let reader = file()
        try reader.refresh()
        XCTAssertNoThrow(try reader.makeDurable())
        XCTAssertNoThrow(try w.makeDurable())

        // Replaced by a copy since it was read: what was read is not what would be synced.
        let copy = dir + "/copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        XCTAssertEqual(rename(copy, path), 0)
        XCTAssertThrowsError(try reader.makeDurable()) { XCTAssertTrue("\($0)".contains("was replaced since it was read"), "\($0)") }
        try FileManager.default.removeItem(atPath: path)
        XCTAssertThrowsError(try reader.makeDurable()) { XCTAssertTrue("\($0)".contains("is gone since it was read"), "\($0)") }
        // Once a refresh has found it gone, every reader reports that instead; the witness goes on.
        try reader.refresh()
        XCTAssertNotNil(reader.broken)
        XCTAssertNoThrow(try reader.makeDurable())
    }

    /// A folder that cannot be opened or synced is an error, never silently passed over: the
    /// caller then does not say "saved".
    func testSyncingAFolderThatCannotBeOpenedThrows() throws {
        XCTAssertNoThrow(try ContestFiles.syncFolder(dir))
        XCTAssertThrowsError(try ContestFiles.syncFolder(dir + "/missing")) { XCTAssertTrue("\($0)".contains("cannot open the folder to sync it"), "\($0)") }
        let fd = open(dir, O_RDONLY | O_DIRECTORY)
        close(fd)
        XCTAssertThrowsError(try ContestFiles.syncFolder(fd: fd, path: dir), "a closed descriptor cannot be synced")
    }
}
