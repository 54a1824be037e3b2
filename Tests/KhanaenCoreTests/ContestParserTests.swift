import Foundation
import XCTest
@testable import KhanaenCore

final class ContestParserTests: XCTestCase {
    private func parse(_ contest: String, entries: String = Fixtures.entriesJSON()) throws -> Contest {
        try ContestParser.parse(contestJSON: Array(contest.utf8), entriesJSON: Array(entries.utf8))
    }

    private func assertError(_ contest: String, entries: String = Fixtures.entriesJSON(), _ expected: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(contest, entries: entries), file: file, line: line) { error in
            guard let e = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: line) }
            XCTAssertTrue(e.message.contains(expected), "\(e.message) does not say \(expected)", file: file, line: line)
            XCTAssertFalse(e.message.contains("\n"), "one line", file: file, line: line)
        }
    }

    private func edit(_ from: String, _ to: String) -> String {
        let base = Fixtures.contestJSON()
        precondition(base.contains(from), from)
        return base.replacingOccurrences(of: from, with: to)
    }

    private let sampleFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/digital-local-2566").path

    func testTheSampleContestLoadsAsTheSeedDescribesIt() throws {
        let c = try ContestFolder.loadContest(sampleFolder)
        XCTAssertEqual(c.criteria.map { $0.max }, [15, 10, 25, 10, 15, 15, 10])
        XCTAssertEqual(c.maxTotal, 100)
        XCTAssertEqual(c.categories.count, 4)
        XCTAssertEqual(c.awards.map { $0.count }, [2, 18])
        XCTAssertEqual(c.tieBreak, ["c3", "c1", "c5", "c6", "c2", "c4", "c7"])
        XCTAssertEqual(Contest.defaultTieBreak(c.criteria), c.tieBreak, "the declared order is the default one")
        XCTAssertEqual(c.entries.count, 20)
        XCTAssertEqual(c.entries[0].organisation, "เทศบาลนครยะลา")
        XCTAssertEqual(c.judges.count, 5)
        XCTAssertEqual(c.step, 0.5)
    }

    func testErrorsNameFileLineAndField() {
        assertError(edit(#""max": 20"#, #""max": 0"#), "contest.json:7: criteria[1].max: must be above 0, got 0")
        assertError(edit(#""max": 20"#, #""max": -3"#), "criteria[1].max: must be above 0")
        assertError(edit(#""max": 20"#, #""max": 20.25"#), "criteria[1].max: must be a whole number of steps")
        assertError(edit(#""max": 20"#, #""max": "20""#), "criteria[1].max: must be a number, got a string")
        assertError(edit(#""id": "b""#, #""id": "a""#), "criteria[1].id: duplicate criterion id \"a\"")
        assertError(edit(#""category": "k1", "title": "เกณฑ์ ข""#, #""category": "k9", "title": "เกณฑ์ ข""#), "no category has id \"k9\"")
        assertError(edit(#""step": 0.5"#, #""step": 0"#), "step: must be above 0")
        assertError(edit(#""quorum": 2"#, #""quorum": 1.5"#), "quorum: must be a whole number")
        assertError(edit(#""count": 1"#, #""count": 0"#), "awards[0].count: must be at least 1")
        assertError(edit(#""id": "gold""#, #""id": "none""#), "awards[0].id: \"none\" is reserved")
        assertError(edit(#""id": "j2""#, #""id": "j1""#), "judges[1].id: duplicate judge id \"j1\"")
        assertError(edit(#""id": "j2""#, #""id": "chair""#), "reserved for the chair")
        assertError(edit(#""user": "judge2""#, #""user": "judge1""#), "judges[1].user: duplicate login")
        assertError(edit(#""chairs": ["chair"]"#, #""chairs": "chair""#), "chairs: must be a list, got a string")
        assertError(edit(#""name": "ทดสอบ","#, ""), "contest.json:1: name: missing")
        assertError(edit(#""name": "ทดสอบ","#, #""name": "ทดสอบ", "nmae": 1,"#), "nmae: unknown field")
        assertError(edit(#""id": "t1""#, #""id": "t 1""#), "id: \"t 1\" is not a valid id")
        assertError(edit(#""quorum": 2,"#, #""quorum": 2, "tieBreak": ["b", "z"],"#), "tieBreak[1]: no criterion has id \"z\"")
        assertError(edit(#""quorum": 2,"#, #""quorum": 2, "tieBreak": ["b", "b"],"#), "tieBreak[1]: \"b\" is listed twice")
        assertError(edit(#""id": "t1","#, #""id": "t1", "id": "t2","#), "contest.json:2: duplicate key \"id\"")
        assertError(edit("\"chairs\": [\"chair\"]\n}", "\"chairs\": [\"chair\"]\n"), "contest.json:16: expected ',' or '}' in object")
        assertError("[]", "contest.json:1: must be an object, got an array")
    }

    /// The statistics' thresholds: every key read, defaults kept, bad values named with file, line and key.
    func testStatisticsThresholds() throws {
        let base = #""thresholds": {"spread": 10, "outlier": 15},"#
        func thresholds(_ keys: String) -> String { edit(base, "\"thresholds\": {\"spread\": 10, \"outlier\": 15,\n \(keys)},") }
        let defaults = try parse(Fixtures.contestJSON()).thresholds
        XCTAssertEqual(defaults.uncertain, 0.8)
        XCTAssertEqual(defaults.patterns, PatternThresholds())
        let all = try parse(thresholds(#""uncertain": 0.9, "haloRatio": 0.4, "haloMinSheets": 6, "flatShare": 0.5, "flatMinSheets": 9, "#
                                       + #""driftP": 0.05, "driftRho": 0.2, "driftMinSheets": 12, "severitySD": 0.75, "severityMinSheets": 4"#)).thresholds
        XCTAssertEqual(all.uncertain, 0.9)
        var expected = PatternThresholds()
        (expected.haloRatio, expected.haloMinSheets, expected.flatShare, expected.flatMinSheets) = (0.4, 6, 0.5, 9)
        (expected.driftP, expected.driftRho, expected.driftMinSheets, expected.severitySD, expected.severityMinSheets) = (0.05, 0.2, 12, 0.75, 4)
        XCTAssertEqual(all.patterns, expected)
        XCTAssertEqual([all.spread, all.outlier], [10, 15])
        // They change no score, rank or award: the rules hash stays as it was.
        XCTAssertEqual(try parse(thresholds(#""uncertain": 0.9, "severitySD": 1"#)).rulesHash, try parse(Fixtures.contestJSON()).rulesHash)

        assertError(thresholds(#""uncertain": 1.5"#), "contest.json:14: thresholds.uncertain: must lie in 0…1, got 1.5")
        assertError(thresholds(#""uncertain": -0.1"#), "thresholds.uncertain: must lie in 0…1, got -0.1")
        assertError(thresholds(#""uncertain": "80%""#), "contest.json:14: thresholds.uncertain: must be a number, got a string")
        assertError(thresholds(#""haloRatio": 0"#), "thresholds.haloRatio: must be above 0, got 0")
        assertError(thresholds(#""haloMinSheets": 0"#), "thresholds.haloMinSheets: must be at least 1, got 0")
        assertError(thresholds(#""haloMinSheets": 2.5"#), "thresholds.haloMinSheets: must be a whole number, got 2.5")
        assertError(thresholds(#""flatShare": 0"#), "thresholds.flatShare: must be above 0 and at most 1, got 0")
        assertError(thresholds(#""flatMinSheets": -1"#), "thresholds.flatMinSheets: must be at least 1, got -1")
        assertError(thresholds(#""driftP": 1.01"#), "thresholds.driftP: must be above 0 and at most 1, got 1.01")
        assertError(thresholds(#""driftRho": 2"#), "thresholds.driftRho: must lie in 0…1, got 2")
        assertError(thresholds(#""driftMinSheets": 2"#), "thresholds.driftMinSheets: must be at least 3 (a rank correlation needs three sheets), got 2")
        assertError(thresholds(#""severitySD": -1"#), "thresholds.severitySD: must be above 0, got -1")
        assertError(thresholds(#""severityMinSheets": 0"#), "thresholds.severityMinSheets: must be at least 1, got 0")
        assertError(thresholds(#""halo": 0.5"#), "contest.json:14: thresholds.halo: unknown field (expected one of: spread, outlier, uncertain, haloRatio")
    }

    func testEntryErrors() {
        assertError(Fixtures.contestJSON(), entries: #"[{"id": "e1", "organisation": "ก", "title": "ข"}, {"id": "e1", "organisation": "ค", "title": "ง"}]"#,
                    "entries.json:1: [1].id: duplicate entry id \"e1\"")
        assertError(Fixtures.contestJSON(), entries: "[\n{\"id\": \"e1\", \"title\": \"ข\"}]", "entries.json:2: [0].organisation: missing")
        assertError(Fixtures.contestJSON(), entries: #"[{"id": "e1", "organisation": "ก", "title": "ข", "province": 5}]"#, "[0].province: must be a string, got a number")
        assertError(Fixtures.contestJSON(), entries: #"{"id": "e1"}"#, "entries.json:1: must be a list of entries, got an object")
        assertError(Fixtures.contestJSON(), entries: "[{\"id\": \"e1\", \"organisation\": \"ก\", \"title\": \"\\x\"}]", "bad escape")
    }

    func testMissingFolderAndFiles() {
        XCTAssertThrowsError(try ContestFolder.loadContest("/nonexistent/contest")) { e in
            XCTAssertEqual((e as? InputError)?.message, "/nonexistent/contest: no such contest folder")
        }
        let dir = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertThrowsError(try ContestFolder.loadContest(dir)) { e in
            XCTAssertEqual((e as? InputError)?.message, "\(dir)/contest.json: missing")
        }
    }

    /// Seeded random damage to a valid contest: every outcome is a parsed contest or an InputError with a line.
    func testRandomDamageNeverCrashesAndAlwaysNamesALine() {
        let base = Array(Fixtures.contestJSON().utf8)
        var rng = SplitMix64(seed: 2566)
        let alphabet = Array("{}[]\",:0123456789.-eE truefalsn\\u00กข\n".utf8)
        var errors = 0
        for _ in 0..<3000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let k = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[k] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: k)
                default: bytes.insert(alphabet.randomElement(using: &rng)!, at: k)
                }
            }
            do {
                _ = try ContestParser.parse(contestJSON: bytes, entriesJSON: Array(Fixtures.entriesJSON().utf8))
            } catch let e as InputError {
                errors += 1
                XCTAssertTrue(e.message.hasPrefix("contest.json:"), e.message)
                XCTAssertFalse(e.message.contains("\n"))
            } catch {
                XCTFail("unexpected error \(error)")
            }
        }
        XCTAssertGreaterThan(errors, 2000)
    }

    func testRandomBytesNeverCrashTheJSONParser() {
        var rng = SplitMix64(seed: 66)
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            do { _ = try JSONParser.parse(bytes) } catch is JSONSyntaxError {} catch { XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try JSONParser.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)))
    }

    func testJSONParserValues() throws {
        let v = try JSONParser.parse("{\"a\": [1, -2.5, 1e3, true, null], \"b\": \"\\u0e01\\ud83d\\udcca\\n\"}")
        guard case .object(let m) = v.value, case .array(let items) = m[0].value.value else { return XCTFail() }
        XCTAssertEqual(items.map { $0.value }, [.number(1), .number(-2.5), .number(1000), .bool(true), .null])
        XCTAssertEqual(m[1].value.value, .string("ก📊\n"))
        XCTAssertThrowsError(try JSONParser.parse("[01]"))
        XCTAssertThrowsError(try JSONParser.parse("\"\\ud83d\""))
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0xFF, 0x22]))
    }

    /// The string reader's own UTF-8 check agrees with the standard library's on every kind
    /// of sequence: Thai, emoji, overlong forms, surrogates, code points past U+10FFFF,
    /// truncated and stray continuation bytes.
    func testUTF8CheckAgreesWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            Array("ผลงาน 📊 ok".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xE0, 0xB8], [0xE0, 0xB8, 0x41], [0x80], [0xBF, 0x41], [0xFE], [0xFF],
        ]
        var rng = SplitMix64(seed: 8)
        let random = (0..<20_000).map { _ in
            (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                [UInt8.random(in: 0x20...0x7E, using: &rng), UInt8.random(in: 0x80...0xBF, using: &rng),
                 UInt8.random(in: 0xC0...0xFF, using: &rng), 0xE0, 0xB8].randomElement(using: &rng)!
            }
        }
        for bytes in cases + random where !bytes.contains(0x22) && !bytes.contains(0x5C) {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer { JSONScanner.isValidUTF8($0) }, expected, "\(bytes)")
            let parsed = try? JSONParser.parse([0x22] + bytes + [0x22])
            XCTAssertEqual(parsed != nil, expected && !bytes.contains { $0 < 0x20 }, "\(bytes)")
        }
    }

    /// Text written by JSONWriter reads back the same, whatever it holds, and only `"`, `\`
    /// and control characters are escaped.
    func testWrittenStringsReadBackExactly() throws {
        let controls = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in ["", "plain", "ผลงาน \"ดี\" มาก\\ok", controls, "a\u{7F}b📊\u{0E33}", "\"", "\\\\", "end\n"] {
            let written = JSONWriter.string(.string(text))
            XCTAssertEqual(try JSONParser.parse(written).value, .string(text), written)
            XCTAssertFalse(written.dropFirst().dropLast().unicodeScalars.contains { $0.value < 0x20 }, "no raw control characters")
        }
        XCTAssertEqual(JSONWriter.string(.string("a\"b\\c\nd\u{01}ก")), #""a\"b\\c\nd\u0001ก""#)
    }

    /// Numbers are written as Swift's shortest round-trip form, whichever way they are made.
    func testNumbersAreWrittenInTheirShortestForm() {
        var rng = SplitMix64(seed: 4)
        var values: [Double] = [0.5, -0.5, 0.001, 0.0015, 0.0001, 1e-5, 12.25, 87.1234, 99.9999, 1e10 + 0.5, 123456789012.5, 1e15, .pi,
                                 0, -0.0, 7, -7, 10, 100, 999_999_999_999_999, -999_999_999_999_999, 1e15 - 1, 1e16, -1e16]
        for _ in 0..<20_000 {
            let k = Int64.random(in: -2_000_000...2_000_000, using: &rng)
            values.append(Double(k) / 10_000)
            values.append((Double.random(in: -1e4...1e4, using: &rng) * 10_000).rounded() / 10_000)
            values.append(Double.random(in: -200...200, using: &rng))
        }
        for v in values {
            let expected = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
            XCTAssertEqual(JSONWriter.numberText(v), expected, "\(v)")
        }
    }

    /// Numbers read as the nearest double to their text, as `Double(text)` reads them.
    func testNumbersReadAsTheNearestDouble() throws {
        var rng = SplitMix64(seed: 12)
        var texts = ["0", "-0", "0.5", "12.3", "0.1", "0.3", "99.99", "123456789012345", "1234567890123456", "0.000000000000001",
                     "1e3", "-2.5E-3", "17.000000000000001", "9007199254740993"]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &rng)
            var t = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            while t.count > 1 && t.hasPrefix("0") { t.removeFirst() }
            let point = Int.random(in: 0...t.count, using: &rng)
            if point > 0 && point < t.count { t.insert(".", at: t.index(t.startIndex, offsetBy: point)) }
            texts.append(Bool.random(using: &rng) ? "-" + t : t)
        }
        for t in texts {
            guard case .array(let items) = try JSONParser.parse("[" + t + "]").value, case .number(let v) = items[0].value else {
                return XCTFail(t)
            }
            XCTAssertEqual(v, Double(t)!, t)
            XCTAssertEqual(v.sign, Double(t)!.sign, t)
        }
    }

    /// An item of a list at fault is named by its own line, not by the object's first.
    func testAnErrorInAListNamesTheItemsOwnLine() {
        let tieBreak = edit(#""quorum": 2,"#, "\"quorum\": 2, \"tieBreak\": [\n\"b\",\n\"z\"],")
        let z = tieBreak.components(separatedBy: "\n").firstIndex { $0.contains("\"z\"") }! + 1
        assertError(tieBreak, "contest.json:\(z): tieBreak[1]: no criterion has id \"z\"")
        let chairs = edit("\"chairs\": [\"chair\"]", "\"chairs\": [\n\"chair\",\n\"chair\"\n]")
        let second = chairs.components(separatedBy: "\n").lastIndex { $0.contains("\"chair\"") }! + 1
        assertError(chairs, "contest.json:\(second): chairs[1]: \"chair\" is listed twice")
    }

    func testDuplicateKeysAreFoundInSmallAndLargeObjects() {
        for size in [2, 15, 16, 17, 40] {
            let keys = (0..<size).map { "k\($0)" }
            for duplicate in [0, size / 2, size - 1] {
                let members = (keys + [keys[duplicate]]).map { "\"\($0)\": 1" }.joined(separator: ",\n")
                XCTAssertThrowsError(try JSONParser.parse("{\n" + members + "\n}"), "\(size) keys, repeating k\(duplicate)") { error in
                    XCTAssertEqual((error as? JSONSyntaxError)?.line, size + 2)
                }
            }
            XCTAssertNoThrow(try JSONParser.parse("{" + keys.map { "\"\($0)\": 1" }.joined(separator: ",") + "}"))
        }
    }

    /// The two-step load (the definition first, its entries read while other work runs)
    /// gives the contest a single read gives, and names the file at fault.
    func testLoadingAlongsideGivesTheSameContest() throws {
        let dir = sampleFolder
        let (contest, seen) = try ContestFolder.loadContest(dir) { definition in (definition.id, definition.entries.count, definition.judges.count) }
        let whole = try ContestFolder.loadContest(dir)
        XCTAssertEqual(contest.entries.map(\.id), whole.entries.map(\.id))
        XCTAssertEqual(contest.entryIndex("e07"), whole.entryIndex("e07"))
        XCTAssertEqual(seen.0, whole.id)
        XCTAssertEqual(seen.1, 0, "the definition has no entries yet")
        XCTAssertEqual(seen.2, whole.judges.count)
        struct Refused: Error {}
        XCTAssertThrowsError(try ContestFolder.loadContest(dir) { _ in throw Refused() }) { XCTAssertTrue($0 is Refused) }
    }

    /// What runs on the loading thread meanwhile sees the whole contest; its error comes
    /// after one in the contest files and before one of the work alongside.
    func testMeanwhileSeesTheWholeContestAndItsErrorsComeInOrder() throws {
        struct Alongside: Error {}
        struct Meanwhile: Error {}
        var seen: [String] = []
        _ = try ContestFolder.loadContest(sampleFolder, alongside: { _ in 1 }, meanwhile: { seen = $0.entries.map(\.id) })
        XCTAssertEqual(seen, try ContestFolder.loadContest(sampleFolder).entries.map(\.id))
        XCTAssertFalse(seen.isEmpty)

        XCTAssertThrowsError(try ContestFolder.loadContest(sampleFolder, alongside: { _ in throw Alongside() },
                                                           meanwhile: { _ in throw Meanwhile() })) { XCTAssertTrue($0 is Meanwhile) }
        XCTAssertThrowsError(try ContestFolder.loadContest(sampleFolder, alongside: { _ in throw Alongside() },
                                                           meanwhile: { _ in })) { XCTAssertTrue($0 is Alongside) }

        let broken = Fixtures.folder(entriesJSON: "[{\"id\": 5}]")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        var called = false
        XCTAssertThrowsError(try ContestFolder.loadContest(broken, alongside: { _ in 1 }, meanwhile: { _ in called = true; throw Meanwhile() })) {
            XCTAssertTrue("\($0)".contains("entries.json"), "\($0)")
        }
        XCTAssertFalse(called, "not called when entries.json is at fault")
    }
}
