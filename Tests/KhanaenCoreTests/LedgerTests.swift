import Foundation
import XCTest
@testable import KhanaenCore

final class LedgerTests: XCTestCase {
    private var dir = ""

    override func setUp() { dir = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// The rounds every file of a test checks its chain with.
    private var rounds = SHA256Rounds.best

    private func file(_ name: String = "j1") -> LedgerFile {
        LedgerFile(path: dir + "/\(name).jsonl", name: name, contestID: "t1", rounds: rounds)
    }

    private func lines(_ f: LedgerFile) -> [String] {
        (try! String(contentsOfFile: f.path, encoding: .utf8)).split(separator: "\n").map(String.init)
    }

    private func write(_ f: LedgerFile, _ lines: [String], newline: Bool = true) {
        try! (lines.joined(separator: "\n") + (newline ? "\n" : "")).write(toFile: f.path, atomically: false, encoding: .utf8)
    }

    private func fill(_ f: LedgerFile, _ n: Int = 6) throws {
        for k in 0..<n {
            try f.append([LedgerEvent(actor: "j1", kind: .score, entry: "e\(k % 3 + 1)", criterion: "a", value: Double(k) / 2)],
                         time: 1_700_000_000_000 + Int64(k))
        }
    }

    /// A clock set back (a machine's time corrected, a laptop's battery) never writes a line
    /// earlier than the one before it, which readers would take as a violation.
    func testALineNeverGoesBackInTimeWhenTheClockDoes() throws {
        let f = file()
        let later = Timestamp.parse("2026-12-01T10:00:00.000Z")!, earlier = Timestamp.parse("2026-12-01T09:00:00.000Z")!
        try f.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 1)], time: later)
        let written = try f.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 2)], time: earlier)
        XCTAssertEqual(written.map(\.time), [later])
        let again = file()
        try again.refresh()
        XCTAssertEqual(again.events.map(\.time), [later, later])
        XCTAssertEqual(again.broken, nil)
    }

    func testAppendedLinesChainAndReloadToTheSameHead() throws {
        let f = file()
        try fill(f)
        let thai = LedgerEvent(actor: "j1", kind: .note, entry: "e1", text: "ผลงาน \"ดี\" มาก\nบรรทัดสอง")
        try f.append([thai])
        let g = file()
        try g.refresh()
        XCTAssertNil(g.broken)
        XCTAssertEqual(g.lineCount, 7)
        XCTAssertEqual(g.head, f.head)
        XCTAssertEqual(g.events.last?.text, "ผลงาน \"ดี\" มาก\nบรรทัดสอง")
        XCTAssertEqual(g.events.map { $0.seq }, Array(1...7))
        XCTAssertEqual(lines(g).count, 7, "a note's newline is escaped, never a line break")
        XCTAssertTrue(lines(g)[0].hasPrefix("{\"v\":1,\"seq\":1,\"ts\":\"2023-11-14T22:13:20.000Z\",\"actor\":\"j1\",\"kind\":\"score\""))
    }

    func testTheHashFollowsTheDocumentedRecipe() throws {
        let f = file()
        try fill(f, 2)
        let line2 = lines(f)[1]
        let canonical = String(line2.dropLast(75)) + "}"
        let previousHex = String(lines(f)[0].suffix(66).prefix(64))
        let expected = Hex.encode(SHA256.hash(Hex.decode(Array(previousHex.utf8))! + Array(canonical.utf8)))
        XCTAssertEqual(String(line2.suffix(66).prefix(64)), expected)
        let genesis = Hex.encode(SHA256.hash(Array("khanaen-ledger/1\nt1\nj1".utf8)))
        let line1 = lines(f)[0]
        XCTAssertEqual(String(line1.suffix(66).prefix(64)),
                       Hex.encode(SHA256.hash(Hex.decode(Array(genesis.utf8))! + Array((String(line1.dropLast(75)) + "}").utf8))))
    }

    private func assertBroken(_ edit: (inout [String]) -> Void, atLine expected: Int, _ message: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let f = self.file()
        try? FileManager.default.removeItem(atPath: f.path)
        try fill(f)
        var ls = lines(f)
        edit(&ls)
        write(f, ls)
        let g = self.file()
        try g.refresh()
        XCTAssertEqual(g.broken?.line, expected, "break line", file: file, line: line)
        XCTAssertTrue(g.broken?.message.contains(message) ?? false, "\(g.broken?.message ?? "no break")", file: file, line: line)
        XCTAssertEqual(g.lineCount, expected - 1, "the lines before the break load", file: file, line: line)
        XCTAssertThrowsError(try g.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")]), "no append on a broken chain",
                             file: file, line: line)
    }

    func testEditedValueIsFound() throws {
        try assertBroken({ $0[2] = $0[2].replacingOccurrences(of: "\"value\":1,", with: "\"value\":9,") }, atLine: 3, "hash does not match")
    }

    /// Files of one to nine lines, each line in turn damaged, in its value or in its hash:
    /// whichever run of lines it is hashed in, the break is that line.
    func testEveryLineOfShortFilesIsCheckedWhereverItIsHashed() throws {
        for n in 1...9 {
            let f = self.file()
            try? FileManager.default.removeItem(atPath: f.path)
            try fill(f, n)
            let original = lines(f)
            for target in 0..<n {
                for damage in ["\"value\":" : "\"value\":1", "\"hash\":\"" : "\"hash\":\"0"] {
                    var ls = original
                    ls[target] = ls[target].replacingOccurrences(of: damage.key, with: damage.value)
                    write(f, ls)
                    let g = self.file()
                    try g.refresh()
                    XCTAssertEqual(g.broken?.line, target + 1, "\(n) lines, line \(target + 1) damaged at \(damage.key)")
                    XCTAssertEqual(g.lineCount, target, "\(n) lines, line \(target + 1) damaged at \(damage.key)")
                }
            }
            write(f, original)
            let whole = self.file()
            try whole.refresh()
            XCTAssertNil(whole.broken)
            XCTAssertEqual(whole.lineCount, n)
        }
    }

    func testDeletedLineIsFound() throws {
        try assertBroken({ $0.remove(at: 2) }, atLine: 3, "hash does not match")
    }

    func testDeletedLastLineIsNotABreakButShowsInTheHead() throws {
        let f = file()
        try fill(f)
        var ls = lines(f)
        ls.removeLast()
        write(f, ls)
        let g = file()
        try g.refresh()
        XCTAssertNil(g.broken)
        XCTAssertNotEqual(g.head, f.head, "a cut tail changes the head hash, which reports and the seal carry")
    }

    func testInsertedLineIsFound() throws {
        try assertBroken({ $0.insert($0[1], at: 3) }, atLine: 4, "hash does not match")
    }

    func testReorderedLinesAreFound() throws {
        try assertBroken({ $0.swapAt(2, 3) }, atLine: 3, "hash does not match")
    }

    func testRecomputedHashWithWrongSeqIsFound() throws {
        // Someone rewrites line 3 with a valid hash but the seq of another line.
        let f = file()
        try fill(f, 2)
        var e = LedgerEvent(actor: "j1", kind: .submit, entry: "e1")
        e.seq = 5
        e.time = 1_700_000_000_000
        let (line, _) = LedgerLine.encode(e, previous: f.head)
        let h = FileHandle(forWritingAtPath: f.path)!
        h.seekToEndOfFile()
        h.write(Data(line))
        h.closeFile()
        let g = file()
        try g.refresh()
        XCTAssertEqual(g.broken?.line, 3)
        XCTAssertTrue(g.broken!.message.contains("seq is 5, expected 3"))
    }

    func testLinesFromAnotherContestOrJudgeDoNotChain() throws {
        let f = file()
        try fill(f, 3)
        let otherJudge = LedgerFile(path: f.path, name: "j2", contestID: "t1")
        try otherJudge.refresh()
        XCTAssertEqual(otherJudge.broken?.line, 1)
        let otherContest = LedgerFile(path: f.path, name: "j1", contestID: "t2")
        try otherContest.refresh()
        XCTAssertEqual(otherContest.broken?.line, 1)
    }

    func testMalformedLinesAreNamed() throws {
        try assertBroken({ $0[1] = "not json" }, atLine: 2, "not a ledger line")
        try assertBroken({ $0[1] = String($0[1].dropLast(10)) + "zzzzzzzz\"}" }, atLine: 2, "hex")
    }

    /// A crash in the middle of a write leaves an unfinished last line. Readers leave it
    /// alone; the next writer records it in `.torn`, closes it with a newline and goes on;
    /// every reader after that skips it. Nothing is cut.
    func testAnUnfinishedLineIsRecordedClosedAndSkippedNeverCut() throws {
        let f = file()
        try fill(f, 4)
        let intact = try Data(contentsOf: URL(fileURLWithPath: f.path))
        let torn = "{\"v\":1,\"seq\":5,\"ts\":\"2026-11-2"
        let h = FileHandle(forWritingAtPath: f.path)!
        h.seekToEndOfFile()
        h.write(torn.data(using: .utf8)!)
        h.closeFile()

        let g = file()
        try g.refresh()
        XCTAssertNil(g.broken)
        XCTAssertEqual(g.lineCount, 4)
        XCTAssertTrue(g.warnings.joined().contains("unfinished line (\(torn.utf8.count) bytes)"), "\(g.warnings)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.path)), intact + torn.data(using: .utf8)!, "a reader changes nothing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.path + ".torn"))

        try g.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: f.path))
        XCTAssertTrue(bytes.starts(with: intact + (torn + "\n").data(using: .utf8)!), "the unfinished line stays where it was, closed")
        let aside = try String(contentsOfFile: f.path + ".torn", encoding: .utf8)
        XCTAssertTrue(aside.contains("unfinished line at byte \(intact.count) of j1.jsonl, \(torn.utf8.count) bytes"), aside)
        XCTAssertTrue(aside.contains(torn), "and copied beside it")

        let k = file()
        try k.refresh()
        XCTAssertNil(k.broken)
        XCTAssertEqual(k.lineCount, 5)
        XCTAssertEqual(k.events.last?.seq, 5)
        XCTAssertEqual(k.head, g.head)
        XCTAssertEqual(k.skippedTornLines, 1)
        try k.append([LedgerEvent(actor: "j1", kind: .score, entry: "e2", criterion: "a", value: 1)])
        let m = file()
        try m.refresh()
        XCTAssertEqual(m.lineCount, 6)
        XCTAssertNil(m.broken)

        // Without its record, the same bytes are a break: a line cannot be slipped in as "torn".
        try FileManager.default.removeItem(atPath: f.path + ".torn")
        let n = file()
        try n.refresh()
        XCTAssertEqual(n.broken?.line, 5)
        XCTAssertEqual(n.lineCount, 4)
    }

    /// The records already in `.torn` survive a write that fails for lack of room: they are
    /// appended to, never rewritten, and the ledger is left as it was.
    func testAFullDiskWhileRecordingLeavesTheRecordsAndTheLedgerAsTheyWere() throws {
        let f = file()
        try fill(f, 2)
        var records = ""
        for k in 0..<80 { records += "\n# old record \(k)\n{\"v\":1,\"se\n" }
        try records.write(toFile: f.path + ".torn", atomically: false, encoding: .utf8)
        let h = FileHandle(forWritingAtPath: f.path)!
        h.seekToEndOfFile()
        h.write("{\"v\":1,\"seq\":3,\"ts".data(using: .utf8)!)
        h.closeFile()
        let ledgerBefore = try Data(contentsOf: URL(fileURLWithPath: f.path))
        // A file-size limit makes every write past the current sizes fail, as a full disk does.
        signal(SIGXFSZ, SIG_IGN)
        var old = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        var limit = old
        limit.rlim_cur = rlim_t(max(ledgerBefore.count, records.utf8.count) + 8)
        XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit), 0)
        XCTAssertThrowsError(try f.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")]))
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        signal(SIGXFSZ, SIG_DFL)
        let after = try String(contentsOfFile: f.path + ".torn", encoding: .utf8)
        XCTAssertTrue(after.hasPrefix(records), "the 80 records are all still there")
        XCTAssertEqual(after.components(separatedBy: "# old record").count - 1, 80)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.path)), ledgerBefore, "nothing was written to the ledger")
        // With room again, the same append goes through.
        try f.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        let g = file()
        try g.refresh()
        XCTAssertEqual(g.lineCount, 3)
        XCTAssertNil(g.broken)
    }

    func testAFailedWriteOfTheLedgerTakesItsBytesBack() throws {
        let f = file()
        try fill(f, 2)
        let before = try Data(contentsOf: URL(fileURLWithPath: f.path))
        signal(SIGXFSZ, SIG_IGN)
        var old = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        var limit = old
        limit.rlim_cur = rlim_t(before.count + 20)
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        XCTAssertThrowsError(try f.append([LedgerEvent(actor: "j1", kind: .note, entry: "e1", text: String(repeating: "ยาว", count: 100))]))
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        signal(SIGXFSZ, SIG_DFL)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.path)), before)
        try f.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        XCTAssertEqual(f.lineCount, 3)
    }

    func testRefreshReadsOnlyWhatWasAppendedAndNoticesRemovalAndShrinking() throws {
        let writer = file(), reader = file()
        try fill(writer, 3)
        XCTAssertTrue(try reader.refresh())
        XCTAssertFalse(try reader.refresh(), "nothing new")
        try writer.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        XCTAssertTrue(try reader.refresh())
        XCTAssertEqual(reader.lineCount, 4)
        let saved = try Data(contentsOf: URL(fileURLWithPath: writer.path))
        try FileManager.default.removeItem(atPath: writer.path)
        XCTAssertTrue(try reader.refresh())
        XCTAssertEqual(reader.lineCount, 4, "what was read stays: a removed file is an error, not an empty one")
        XCTAssertEqual(reader.broken?.line, 0)
        XCTAssertTrue(reader.broken?.message.contains("is gone: it had 4 lines") == true, "\(String(describing: reader.broken))")
        XCTAssertThrowsError(try reader.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e2")]), "nothing is written to it")

        // Cut back at a line boundary, in place.
        try saved.write(to: URL(fileURLWithPath: writer.path))
        let cut = file()
        try cut.refresh()
        let lines = saved.split(separator: 0x0A)
        let h = FileHandle(forWritingAtPath: writer.path)!
        h.truncateFile(atOffset: UInt64(lines[0].count + lines[1].count + 2))
        h.closeFile()
        try cut.refresh()
        XCTAssertEqual(cut.lineCount, 4)
        XCTAssertTrue(cut.broken?.message.contains("shrank") == true)

        // Replaced by an older copy of itself (another file in its place).
        let older = Data(lines[0] + [0x0A] + lines[1] + [0x0A])
        let replaced = file()
        try saved.write(to: URL(fileURLWithPath: writer.path))
        try replaced.refresh()
        try older.write(to: URL(fileURLWithPath: writer.path), options: .atomic)
        try replaced.refresh()
        XCTAssertTrue(replaced.broken?.message.contains("was replaced by a file that does not hold the 4 lines") == true)
        // Replaced by a copy that holds everything and more: taken.
        let grown = file()
        try older.write(to: URL(fileURLWithPath: writer.path), options: .atomic)
        try grown.refresh()
        XCTAssertEqual(grown.lineCount, 2)
        try saved.write(to: URL(fileURLWithPath: writer.path), options: .atomic)
        try grown.refresh()
        XCTAssertNil(grown.broken)
        XCTAssertEqual(grown.lineCount, 4)
    }

    func testARejectedAppendWritesNothing() throws {
        let f = file()
        try fill(f, 2)
        let before = try Data(contentsOf: URL(fileURLWithPath: f.path))
        XCTAssertThrowsError(try f.append([LedgerEvent(actor: "j1", kind: .submit, entry: "e1")]) { _ in throw Refusal("no") })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.path)), before)
    }

    /// A long file is checked in chunks on several cores; a break anywhere is found at its
    /// line, and only the lines before it load, exactly as line by line.
    func testLongFilesAreCheckedInChunksWithTheSameResult() throws {
        let f = file()
        let events = (0..<3000).map { k in
            LedgerEvent(actor: "j1", kind: .score, entry: "e\(k % 7)", criterion: "a", value: Double(k % 20) / 2)
        }
        try f.append(events, time: 1_700_000_000_000)
        let g = file()
        try g.refresh()
        XCTAssertNil(g.broken)
        XCTAssertEqual(g.lineCount, 3000)
        XCTAssertEqual(g.head, f.head)
        XCTAssertEqual(g.events.map { $0.seq }, Array(1...3000))
        let original = lines(f)
        for target in [1, 375, 376, 750, 751, 1125, 1126, 1200, 1499, 1500, 1501, 1875, 1876, 2250, 2251, 2500, 3000] {
            var ls = original
            ls[target - 1] = ls[target - 1].replacingOccurrences(of: "\"value\":", with: "\"value\":1")
            write(f, ls)
            let h = file()
            try h.refresh()
            XCTAssertEqual(h.broken?.line, target, "tampered line \(target)")
            XCTAssertEqual(h.lineCount, target - 1)
        }
        for (a, b) in [(2000, 2001), (374, 375), (1499, 1500), (10, 2900)] {
            var swapped = original
            swapped.swapAt(a, b)
            write(f, swapped)
            let h = file()
            try h.refresh()
            XCTAssertEqual(h.broken?.line, a + 1, "lines \(a + 1) and \(b + 1) swapped")
        }
        var deleted = original
        deleted.remove(at: 1124)
        write(f, deleted)
        let h = file()
        try h.refresh()
        XCTAssertEqual(h.broken?.line, 1125)
        write(f, original)
        let whole = file()
        try whole.refresh()
        XCTAssertNil(whole.broken)
    }

    /// Without the SHA instructions the lines are hashed four at a time in SIMD lanes; breaks
    /// are found at the same lines.
    func testThePortableHashFindsTheSameBreaks() throws {
        rounds = .portable
        defer { rounds = .best }
        let cases = [testLongFilesAreCheckedInChunksWithTheSameResult, testEditedValueIsFound, testInsertedLineIsFound,
                     testMalformedLinesAreNamed, testRecomputedHashWithWrongSeqIsFound, testEveryLineOfShortFilesIsCheckedWhereverItIsHashed]
        for run in cases {
            tearDown()
            setUp()
            try run()
        }
    }

    /// Ids are read through a cache keyed by their bytes: ids of every length, ids that differ
    /// only in their last byte, and ids beyond the cache's 15 bytes all come back as written.
    func testIdsOfEveryLengthReloadExactly() throws {
        let f = file()
        var events: [LedgerEvent] = []
        for length in 1...24 {
            for last in ["a", "b", "z"] {
                let id = String(repeating: "e", count: length - 1) + last
                events.append(LedgerEvent(actor: "j1", kind: .score, entry: id, criterion: "c\(length)" + last, value: Double(length)))
            }
        }
        events.append(LedgerEvent(actor: "j1", kind: .score, entry: "ผลงาน", criterion: "c1", value: 1))
        try f.append(events, time: 1_700_000_000_000)
        let g = file()
        try g.refresh()
        XCTAssertNil(g.broken)
        XCTAssertEqual(g.events.map(\.entry), events.map(\.entry))
        XCTAssertEqual(g.events.map(\.criterion), events.map(\.criterion))
        XCTAssertEqual(g.events.map(\.kind), events.map(\.kind))
    }

    /// Score, clear and submit lines are read by matching their layout; whatever that reader
    /// accepts, the general reader reads the same, and anything it refuses the general reader
    /// still reads or names. Checked on every kind of event and on thousands of damaged lines.
    func testTheCommonLineReaderAgreesWithTheGeneralOne() {
        var rng = SplitMix64(seed: 77)
        var events: [LedgerEvent] = []
        for k in 0..<300 {
            let value = [0, 0.5, 7, 12.5, 24.75, 100, 3.3, 1e-7, 12345678901.25][k % 9]
            var e: LedgerEvent
            switch k % 7 {
            case 0, 1: e = LedgerEvent(actor: "j\(k % 5)", kind: .score, entry: "e\(k)", criterion: "c\(k % 7)", value: value)
            // Ids of every length around the eight-byte words the fast reader takes.
            case 2: e = LedgerEvent(actor: String(repeating: "j", count: 1 + k % 20), kind: .score,
                                    entry: "entry-" + String(repeating: "x", count: k % 19), criterion: "c\(k % 7)", value: value)
            case 3: e = LedgerEvent(actor: "j1", kind: .submit, entry: "e\(k)")
            case 4: e = LedgerEvent(actor: "j1", kind: .clear, entry: "e\(k)", criterion: "c1")
            case 5: e = LedgerEvent(actor: "j1", kind: .note, entry: "e\(k)", criterion: "c2", text: "ดี \"มาก\"")
            default: e = LedgerEvent(actor: "chair", kind: .reopen, judge: "j2", entry: "e\(k)", ref: 9, text: "ขอแก้")
            }
            e.seq = k + 1
            e.time = 1_700_000_000_000 + Int64(k) * 997
            events.append(e)
        }
        var fastCount = 0
        var bodies: [[UInt8]] = []
        for e in events {
            let body = Array(LedgerLine.canonical(e).dropLast())
            bodies.append(body)
            for _ in 0..<12 {
                var damaged = body
                let at = Int.random(in: 0..<damaged.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: damaged[at] = UInt8.random(in: 0x20...0x7E, using: &rng)
                case 1: damaged.remove(at: at)
                case 2: damaged.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: at)
                default: damaged[at] = [0x00, 0x09, 0x1F, 0x5C, 0x22, 0x7F, 0x80, 0xC3, 0xE0, 0xFF].randomElement(using: &rng)!
                }
                bodies.append(damaged)
            }
        }
        // Every other spelling of a score line that reads as an event: neither reader takes it
        // as canonical (issue 19).
        var spelled: [[UInt8]] = []
        for (value, texts) in [(5.0, ["5.0", "5.00", "0.50e1", "5e0", "5E0", "50e-1", "5.", "05", "+5", " 5", "5 "]),
                               (0.0, ["-0", "-0.0", "0.0", "0e5", "00"]), (20.5, ["20.50", "2.05e1", "20.500"]),
                               (10.0, ["1e1", "10.0", "1E+1"]), (-5.0, ["-5.0", "-5e0"]), (0.0005, ["0.00050", "5e-4", "0.5e-3"])] {
            var e = LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "c1", value: value)
            e.seq = 4
            e.time = 1_700_000_000_000
            let canonical = String(decoding: LedgerLine.canonical(e).dropLast(), as: UTF8.self)
            let number = "\"value\":" + JSONWriter.numberText(value)
            XCTAssertTrue(canonical.hasSuffix(number), canonical)
            for text in texts { spelled.append(Array((canonical.dropLast(number.utf8.count - 8) + text).utf8)) }
            for (from, to) in [("\"actor\":\"j1\"", "\"actor\":\"j\\u0031\""), ("\"entry\":\"e1\",\"criterion\":\"c1\"", "\"criterion\":\"c1\",\"entry\":\"e1\""),
                               ("\"seq\":4", "\"seq\":4.0"), ("\"seq\":4", "\"seq\":04"), ("\"v\":1", "\"v\":1.0"), (",\"ts\"", ", \"ts\""),
                               ("\"kind\":\"score\"", "\"kind\":\"sc\\u006fre\""), ("\"entry\":\"e1\"", "\"entry\":\"e\\u0031\"")] {
                let edited = canonical.replacingOccurrences(of: from, with: to)
                XCTAssertNotEqual(edited, canonical, to)
                spelled.append(Array(edited.utf8))
            }
        }
        for body in spelled {
            body.withUnsafeBufferPointer { b in
                var names1 = LedgerLine.NameCache(), names2 = LedgerLine.NameCache()
                let text = String(decoding: body, as: UTF8.self)
                if let general = try? LedgerLine.parseFields(b, names: &names1) { XCTAssertTrue(general.nonCanonical, text) }
                XCTAssertNil(LedgerLine.commonEvent(b, names: &names2), text)
            }
        }
        bodies += spelled
        for body in bodies {
            body.withUnsafeBufferPointer { b in
                var names1 = LedgerLine.NameCache(), names2 = LedgerLine.NameCache()
                let general = try? LedgerLine.parseFields(b, names: &names1)
                guard let fast = LedgerLine.commonEvent(b, names: &names2) else { return }
                fastCount += 1
                XCTAssertEqual(fast, general, String(decoding: body, as: UTF8.self))
            }
        }
        for (e, body) in zip(events, bodies.enumerated().filter { $0.offset % 13 == 0 }.map(\.element)) {
            body.withUnsafeBufferPointer { b in
                var names = LedgerLine.NameCache()
                XCTAssertEqual(try? LedgerLine.parseFields(b, names: &names), e)
                let fast = LedgerLine.commonEvent(b, names: &names)
                // Values written with an exponent (1e-07) go to the general reader too.
                let common = [.score, .clear, .submit].contains(e.kind) && !JSONWriter.numberText(e.value ?? 0).contains("e")
                XCTAssertEqual(fast != nil, common, "\(e.kind) \(e.value ?? 0)")
            }
        }
        XCTAssertGreaterThan(fastCount, 150)
    }

    /// The eight-bytes-at-a-time reader of short plain strings agrees with reading byte by
    /// byte on every length and on every kind of byte that ends or spoils such a string.
    func testPlainStringsReadAWordAtATimeAsByteByByte() {
        var rng = SplitMix64(seed: 11)
        let alphabet: [UInt8] = Array("ab-_.09XYZ".utf8) + [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xBF, 0xE0, 0xFF]
        func slow(_ b: [UInt8]) -> Int? {
            for (k, x) in b.enumerated() {
                if x == 0x22 { return k }
                if x == 0x5C || x < 0x20 || x >= 0x80 { return nil }
            }
            return nil
        }
        var found = 0
        for _ in 0..<50_000 {
            let count = Int.random(in: 16...24, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: 0..<count, using: &rng)] = alphabet.randomElement(using: &rng)!
            }
            let fast = bytes.withUnsafeBufferPointer { LedgerLine.plainLength($0, from: 0) }
            if let fast {
                found += 1
                XCTAssertEqual(fast, slow(bytes), "\(bytes)")
            } else if let s = slow(bytes) {
                XCTAssertGreaterThan(s, 15, "only strings longer than 15 bytes are left to the byte loop: \(bytes)")
            }
        }
        XCTAssertGreaterThan(found, 2_000)
    }

    /// Reading a run of timestamps through the day memo gives what reading each alone gives,
    /// across midnights, month ends and damaged times.
    func testTimestampsReadThroughTheDayMemoAsAlone() {
        var rng = SplitMix64(seed: 5)
        var memo = Timestamp.DayMemo()
        var t: Int64 = 1_706_745_599_000 // 2024-01-31T23:59:59Z
        for _ in 0..<20_000 {
            t += Int64.random(in: 0...400_000, using: &rng)
            var text = Array(Timestamp.format(t).utf8)
            if Int.random(in: 0..<10, using: &rng) == 0 {
                text[Int.random(in: 11..<24, using: &rng)] = [UInt8(ascii: "9"), UInt8(ascii: "x"), UInt8(ascii: "6")].randomElement(using: &rng)!
            }
            let alone = text.withUnsafeBufferPointer { Timestamp.parse($0) }
            let remembered = text.withUnsafeBufferPointer { Timestamp.parse($0, memo: &memo) }
            XCTAssertEqual(remembered, alone, String(decoding: text, as: UTF8.self))
        }
    }

    func testTimestampsRoundTrip() {
        for ms: Int64 in [0, 1_700_000_000_123, 951_782_400_000 /* 2000-02-29 */, 4_102_444_799_999] {
            XCTAssertEqual(Timestamp.parse(Timestamp.format(ms)), ms)
        }
        XCTAssertEqual(Timestamp.format(951_782_400_000), "2000-02-29T00:00:00.000Z")
        XCTAssertNil(Timestamp.parse("2023-02-29T00:00:00.000Z"))
        XCTAssertNil(Timestamp.parse("2023-01-01 00:00:00.000Z"))
    }
}

final class LedgerRefreshTests: XCTestCase {
    /// Fails every read-only open of the files named, as a disk error would.
    struct Unreadable: FileOperations {
        let names: Set<String>
        let posix = POSIXFileOperations()
        func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { posix.open(path, flags, mode) }
        func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
            if names.contains(name) && flags & O_ACCMODE == O_RDONLY { errno = EIO; return -1 }
            return posix.openat(folder, name, flags, mode)
        }
        func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { posix.write(fd, bytes) }
        func fsync(_ fd: Int32) -> Int32 { posix.fsync(fd) }
        func rename(_ from: String, _ to: String) -> Int32 { posix.rename(from, to) }
        func mkdir(_ path: String, _ mode: mode_t) -> Int32 { posix.mkdir(path, mode) }
        func unlink(_ path: String) -> Int32 { posix.unlink(path) }
        func ftruncate(_ fd: Int32, _ size: off_t) -> Int32 { posix.ftruncate(fd, size) }
    }

    private var dir = ""
    override func setUp() { dir = Fixtures.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// j1 and j2 have each submitted e1; both ledgers are read once.
    private func written() throws -> (writer: Ledger, reader: Ledger) {
        let contest = try Fixtures.contest()
        let writer = Ledger(contest: contest, directory: dir)
        for folder in ["j1", "j2", Ledger.chairsFolder] { try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true) }
        try writer.file(forJudge: "j1")!.append(Fixtures.sheet("j1", "e1", 5, 10, 5))
        try writer.file(forJudge: "j2")!.append(Fixtures.sheet("j2", "e1", 6, 12, 6))
        let reader = Ledger(contest: contest, directory: dir)
        XCTAssertTrue(try reader.refresh())
        return (writer, reader)
    }

    /// One judge's file that cannot be read is reported, and the other judges' files are
    /// still read: the console goes on showing their new lines beside the problem.
    func testAJudgesFileThatCannotBeReadDoesNotStopTheOtherJudgesBeingRead() throws {
        let (writer, reader) = try written()
        try writer.file(forJudge: "j1")!.append(Fixtures.sheet("j1", "e2", 1, 2, 3))
        try writer.file(forJudge: "j2")!.append(Fixtures.sheet("j2", "e2", 1, 2, 3))
        try FileSystem.using(Unreadable(names: ["j1.jsonl"])) {
            XCTAssertThrowsError(try reader.refresh()) { error in
                XCTAssertTrue("\(error)".contains("j1.jsonl"), "the file at fault is named: \(error)")
            }
        }
        XCTAssertEqual(reader.file(forJudge: "j2")!.events.count, 8, "j2's new lines are read all the same")
        XCTAssertEqual(reader.file(forJudge: "j1")!.events.count, 4, "what j1's file held stays")
    }

    /// A chair's file that cannot be read stops the read before the judges' files: a judge's
    /// line after a reopen in it would otherwise be taken for a change to a submitted sheet.
    func testAChairsFileThatCannotBeReadIsNotReadPastIntoFalseViolations() throws {
        let (writer, reader) = try written()
        try writer.chairFile(for: "chair")!.append([LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: 4, text: "แก้")])
        try writer.file(forJudge: "j1")!.append([LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 7)])
        try FileSystem.using(Unreadable(names: ["chair.jsonl"])) {
            XCTAssertThrowsError(try reader.refresh()) { error in
                XCTAssertTrue("\(error)".contains("chair.jsonl"), "the file at fault is named: \(error)")
            }
        }
        XCTAssertEqual(reader.file(forJudge: "j1")!.events.count, 4, "j1's line after the unread reopen is not taken yet")
        XCTAssertTrue(try reader.refresh(), "read once the chair's file can be")
        XCTAssertEqual(reader.file(forJudge: "j1")!.events.count, 5)
        XCTAssertEqual(reader.chairFile(for: "chair")!.events.count, 1)
    }
}
