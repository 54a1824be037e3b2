import Foundation
import XCTest
@testable import KhanaenCLI
@testable import KhanaenCore
import KhanaenUI
import KhanaenText

/// The command line, run in-process on copies of the sample contest.
final class CLITests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-cli-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", contest, "--demo"]).code, 0)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs a command line in-process as the login `as` (what the operating system would say).
    @discardableResult
    private func run(_ args: [String], as login: String = "chair", env: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
        runCommand(args, home: root, as: login, env: env)
    }

    /// The login of judge `id` in the sample contest: j1 is judge1.
    private func login(_ id: String) -> String { "judge" + id.dropFirst() }

    /// A judge's command, run as that judge's login.
    @discardableResult
    private func judge(_ id: String, _ args: [String]) -> (code: Int32, out: String, err: String) { run(args, as: login(id)) }

    private func ledgerBytes() -> [String: Data] {
        var all: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: contest + "/ledger")) ?? [] {
            all[name] = FileManager.default.contents(atPath: contest + "/ledger/" + name)
        }
        return all
    }

    private func fullSheet(_ judge: String, _ entry: String, submit: Bool = true) -> [String] {
        ["score", "--contest", contest, "--judge", judge, "--entry", entry, "c1=12", "c2=8", "c3=20.5", "c4=7", "c5=12", "c6=11", "c7=8"]
            + (submit ? ["--submit"] : [])
    }

    /// A refused command exits 2 with one line on stderr and leaves every ledger file as it was.
    private func assertRefused(_ args: [String], _ expected: String, as user: String = "judge1", file: StaticString = #filePath, line: UInt = #line) {
        let before = ledgerBytes()
        let r = run(args, as: user)
        XCTAssertEqual(r.code, 2, r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(expected), "\(r.err) does not say \(expected)", file: file, line: line)
        XCTAssertEqual(r.err.filter { $0 == "\n" }.count, 1, "one line: \(r.err)", file: file, line: line)
        XCTAssertEqual(r.out, "", file: file, line: line)
        XCTAssertEqual(ledgerBytes(), before, "nothing written", file: file, line: line)
    }

    func testTheEnvironmentIsReadAsProcessInfoReadsIt() {
        setenv("KHANAEN_TEST_VALUE", "a=b=ค", 1)
        defer { unsetenv("KHANAEN_TEST_VALUE") }
        XCTAssertEqual(CommandContext.processEnvironment["KHANAEN_TEST_VALUE"], "a=b=ค")
        XCTAssertEqual(CommandContext.processEnvironment, ProcessInfo.processInfo.environment)
    }

    func testInitMakesAContestWithoutALedger() {
        XCTAssertTrue(FileManager.default.fileExists(atPath: contest + "/contest.json"))
        XCTAssertEqual(ledgerBytes().count, 0)
        let again = run(["init", contest, "--lang", "en"])
        XCTAssertEqual(again.code, 2)
        XCTAssertTrue(again.err.contains("already exists and is not empty"))
    }

    func testScoreSubmitAndReport() throws {
        let r = judge("j1", fullSheet("j1", "e01"))
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "บันทึกแล้ว 8 รายการ ในสมุดคะแนนของ j1 ผลงาน e01: รวม 78.50/100 · ส่งแล้ว\n", "in Thai by default")
        let en = judge("j1", ["score", "--contest", contest, "--entry", "e02", "c1=๑๒", "c2=7,5", "--lang", "en"])
        XCTAssertEqual(en.out, "saved 2 change(s) to j1's ledger for e02: 2/7 criteria scored, draft\n")
        let v = run(["verify", "--contest", contest])
        XCTAssertEqual(v.code, 0)
        XCTAssertTrue(v.out.contains("ok        ledger/j1/j1.jsonl: 10 บรรทัด ท้ายสุด "), v.out)
        let json = run(["report", "--contest", contest, "--format", "json"])
        XCTAssertEqual(json.code, 0, json.err)
        let parsed = try JSONSerialization.jsonObject(with: json.out.data(using: .utf8)!) as! [String: Any]
        XCTAssertEqual(parsed["method"] as? String, "mean")
        XCTAssertEqual(parsed["includeDrafts"] as? Bool, false)
        let entries = parsed["entries"] as! [[String: Any]]
        let e01 = entries.first { $0["id"] as? String == "e01" }!
        XCTAssertEqual(e01["sheets"] as? Int, 1)
        XCTAssertTrue(e01["rank"] is NSNull, "one sheet is below the quorum of 3")
        XCTAssertEqual((e01["criteria"] as! [String: Any])["c3"] as? Double, 20.5)
        XCTAssertEqual(((e01["flags"] as! [[String: Any]]).first?["kind"]) as? String, "below-quorum")
        let judges = parsed["judges"] as! [[String: Any]]
        XCTAssertEqual(judges.first { $0["id"] as? String == "j1" }?["submitted"] as? Int, 1)
        XCTAssertEqual(((parsed["ledger"] as! [String: Any])["j1"] as! [String: Any])["lines"] as? Int, 10)
        XCTAssertEqual((parsed["seal"] as? String)?.count, 64)
    }

    func testRankingAwardsAndFormats() throws {
        for j in ["j1", "j2", "j3"] {
            XCTAssertEqual(judge(j, fullSheet(j, "e01")).code, 0)
            XCTAssertEqual(judge(j, ["score", "--contest", contest, "--entry", "e02", "c1=15", "c2=10", "c3=25", "c4=10",
                                     "c5=15", "c6=15", "c7=10", "--submit"]).code, 0)
        }
        let table = run(["report", "--contest", contest])
        XCTAssertEqual(table.code, 0)
        XCTAssertTrue(table.out.contains("100.00"))
        for line in table.out.split(separator: "\n") where line.contains("เทศบาลนครยะลา") || line.contains("เทศบาลตำบลครึ่ง") {
            XCTAssertTrue(line.contains("ยอดเยี่ยม"), String(line))
        }
        let md = run(["report", "--contest", contest, "--format", "md"])
        XCTAssertTrue(md.out.contains("รางวัลท้องถิ่นดิจิทัลประเภทยอดเยี่ยม 2 รางวัล ได้แก่"))
        XCTAssertTrue(md.out.contains("| เทศบาลตำบลครึ่ง | จังหวัดเชียงราย | โครงการบริหารจัดการขยะแบบบูรณาการ"))
        let csv = run(["report", "--contest", contest, "--format", "csv"])
        // Issue 18 #6: the header is the first row (no comment a spreadsheet shows as data), in
        // Thai, with the tiers' titles; access and the announcement's state are columns.
        let rows = csv.out.components(separatedBy: "\r\n")
        XCTAssertTrue(rows[0].hasPrefix("อันดับ,รหัส,หน่วยงาน,จังหวัด,ผลงาน,คะแนน,จำนวนใบ,SD,รางวัล,รางวัลที่เสนอ,ข้อสังเกต,นับใบร่าง,ประกาศผล,สิทธิ์ตามบัญชีผู้ใช้,สมุดคะแนน,เกณฑ์ 1 "), rows[0])
        XCTAssertFalse(csv.out.contains("# "), "no comment rows")
        let first = rows.first { $0.hasPrefix("1,e02,เทศบาลตำบลครึ่ง,เชียงราย") } ?? ""
        XCTAssertTrue(first.contains(",ยอดเยี่ยม,ยอดเยี่ยม,"), first)
        XCTAssertTrue(first.contains(",ไม่นับ,ร่าง,บังคับ,ครบถ้วน,"), first)
        let english = run(["report", "--contest", contest, "--format", "csv", "--lang", "en"]).out
        XCTAssertTrue(english.hasPrefix("rank,id,organisation,province,title,score,sheets,sd,award,proposed,flags,includeDrafts,announcement,access,ledger,c1,"), english)
        XCTAssertTrue(english.contains(",excellent,excellent,") && english.contains(",false,draft,enforced,intact,"), english)
        let seal = run(["report", "--contest", contest, "--format", "json"]).out
        XCTAssertTrue(md.out.contains(String((try JSONSerialization.jsonObject(with: seal.data(using: .utf8)!) as! [String: Any])["seal"] as! String)))

        XCTAssertEqual(run(["award", "--contest", contest, "--entry", "e02", "--tier", "none", "--reason", "ขาดคุณสมบัติ"]).code, 0)
        let after = run(["report", "--contest", contest, "--format", "json"]).out
        XCTAssertTrue(after.contains("\"reason\": \"ขาดคุณสมบัติ\""))
        let out = root + "/ranking.csv"
        XCTAssertEqual(run(["report", "--contest", contest, "--format", "csv", "--output", out]).code, 0)
        let written = FileManager.default.contents(atPath: out) ?? Data()
        XCTAssertEqual(Array(written.prefix(3)), [0xEF, 0xBB, 0xBF], "a CSV file starts with the byte-order mark Excel needs")
        XCTAssertFalse(csv.out.hasPrefix("\u{FEFF}"), "standard output has none")
        let again = run(["report", "--contest", contest, "--format", "csv", "--output", out, "--lang", "en"])
        XCTAssertEqual(again.code, 2)
        XCTAssertTrue(again.err.contains("already exists"))
        XCTAssertEqual(run(["report", "--contest", contest, "--format", "csv", "--output", out, "--force"]).code, 0)
    }

    /// The report's statistics: the same seed gives the same bytes, another seed other figures
    /// but the same seal, and --seed and --resamples are checked like every other option.
    func testReportStatisticsBySeedAndResamples() throws {
        let ledger = try ContestFolder.load(contest)
        try FileManager.default.createDirectory(atPath: contest + "/ledger", withIntermediateDirectories: true)
        for j in 0..<4 { try ledger.file(forJudge: "j\(j + 1)")!.append(Synthetic.judgeEvents(contest: ledger.contest, judge: j)) }

        for format in ["json", "table", "csv"] {
            let one = run(["report", "--contest", contest, "--format", format, "--seed", "42", "--resamples", "500"])
            XCTAssertEqual(one.code, 0, one.err)
            XCTAssertEqual(run(["report", "--contest", contest, "--format", format, "--seed", "42", "--resamples", "500"]).out, one.out,
                           "\(format): the same seed, byte for byte")
            XCTAssertNotEqual(run(["report", "--contest", contest, "--format", format, "--seed", "43", "--resamples", "500"]).out, one.out,
                              "\(format): another seed, other figures")
        }
        let byDefault = run(["report", "--contest", contest, "--format", "json"]).out
        XCTAssertEqual(run(["report", "--contest", contest, "--format", "json", "--seed", String(PanelStatistics.defaultSeed),
                            "--resamples", "2000"]).out, byDefault)
        func parsed(_ text: String) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any] }
        let json = try parsed(byDefault)
        XCTAssertEqual((json["statistics"] as? [String: Any])?["resamples"] as? Int, 2000)
        XCTAssertEqual((json["statistics"] as? [String: Any])?["seed"] as? String, String(PanelStatistics.defaultSeed))
        XCTAssertNotNil(json["queue"] as? [[String: Any]])
        XCTAssertNotNil((json["agreement"] as? [String: Any])?["total"])
        let other = try parsed(run(["report", "--contest", contest, "--format", "json", "--seed", "1", "--resamples", "7"]).out)
        XCTAssertEqual((other["statistics"] as? [String: Any])?["resamples"] as? Int, 7)
        XCTAssertEqual(other["seal"] as? String, json["seal"] as? String, "the seal covers the ranking, not the statistics")
        let table = run(["report", "--contest", contest]).out
        XCTAssertTrue(table.contains("รายการที่ควรหารือ") && table.contains("ความสอดคล้องของกรรมการ"), table)
        let md = run(["report", "--contest", contest, "--format", "md", "--seed", "5"])
        XCTAssertEqual(md.code, 0)
        XCTAssertFalse(md.out.contains("มั่นใจ") || md.out.contains("หารือ") || md.out.contains("ICC"), "the announcement shows no statistics")

        let seed = "--seed must be a whole number from 0 to 18446744073709551615"
        for bad in ["abc", "-1", "18446744073709551616", "1e3", "0x10", " 5", "๕"] {
            assertRefused(["report", "--contest", contest, "--seed", bad, "--lang", "en"], "\(seed), got \"\(bad)\"", as: "chair")
        }
        assertRefused(["report", "--contest", contest, "--seed=", "--lang", "en"], "\(seed), got \"\"", as: "chair")
        for bad in ["0", "100001", "2.5", "x", "-5"] {
            assertRefused(["report", "--contest", contest, "--resamples", bad, "--lang", "en"],
                          "--resamples must be a whole number from 1 to 100000, got \"\(bad)\"", as: "chair")
        }
        assertRefused(["report", "--contest", contest, "--lang", "en", "--resamples"], "--resamples needs a value", as: "chair")
        assertRefused(["report", "--contest", contest, "--seed", "1", "--seed", "2", "--lang", "en"], "--seed is given twice", as: "chair")
        XCTAssertEqual(run(["report", "--contest", contest, "--seed", "0", "--resamples", "1"]).code, 0)
        XCTAssertEqual(run(["report", "--contest", contest, "--seed", "18446744073709551615"]).code, 0)
    }

    func testEveryRefusalOfScore() {
        assertRefused(["score", "--lang", "en", "--contest", contest, "--judge", "j9", "--entry", "e01", "c1=1"], "no judge has id \"j9\"")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e99", "c1=1"], "no entry has id \"e99\"")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c9=1"], "no criterion has id \"c9\"")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=-1"], "c1=-1: not a plain decimal")
        // Only plain decimals, as the workstation takes them: never hex, an exponent or a sign.
        for odd in ["0x0A", "0x1.8p3", "1e1", "+5", "5.", ".5", "1..2", "1,2,3", "inf", "nan", "๑e๑"] {
            assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=\(odd)"], "c1=\(odd): not a plain decimal")
        }
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=15.5"], "above the maximum of 15")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=12.3"], "not a multiple of the step 0.5")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=abc"], "c1=abc: not a plain decimal")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=1", "--submit"], "c2, c3, c4, c5, c6, c7 not scored yet")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01"], "nothing to do")
        assertRefused(["score", "--lang", "en", "--contest", contest, "c1=1"], "--entry is required")
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "--bogus"], "unknown option --bogus")
        // One bad value refuses the whole command: the good one before it is not written either.
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=10", "c2=11"], "c2=11: above the maximum of 10")

        XCTAssertEqual(judge("j1", fullSheet("j1", "e01")).code, 0)
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=1"], "submitted; only the chair can reopen it")
        XCTAssertEqual(judge("j2", ["recuse", "--contest", contest, "--entry", "e01", "--reason", "เป็นญาติกับผู้ประสาน"]).code, 0)
        assertRefused(["score", "--lang", "en", "--contest", contest, "--entry", "e01", "c1=1"], "recused", as: "judge2")
        assertRefused(["recuse", "--contest", contest, "--entry", "e01", "--reason", " ", "--lang", "en"], "a recusal needs a reason", as: "judge3")
    }

    func testScoreRefusesInThaiByDefault() {
        assertRefused(["score", "--contest", contest, "--entry", "e99", "c1=1"], "ไม่ได้บันทึก: ไม่มีผลงานรหัส \"e99\"")
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=15.5"], "เกณฑ์ 1 = 15.5: เกินคะแนนเต็ม 15")
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=12.3"], "เกณฑ์ 1 = 12.3: ต้องเป็นทวีคูณของ 0.5")
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=abc"], "c1=abc: ไม่ใช่ตัวเลขธรรมดา")
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=1", "--submit"], "เกณฑ์ 2, 3, 4, 5, 6, 7 ยังไม่ได้ให้คะแนน")
        XCTAssertEqual(judge("j1", fullSheet("j1", "e01")).code, 0)
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=1"], "ใบให้คะแนนผลงาน e01 ส่งแล้ว มีแต่ประธานกรรมการที่เปิดใหม่ได้")
    }

    func testChairActionsNeedAChair() {
        XCTAssertEqual(judge("j1", fullSheet("j1", "e01")).code, 0)
        assertRefused(["reopen", "--contest", contest, "--judge", "j1", "--entry", "e01", "--reason", "x"], "ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการ")
        assertRefused(["reopen", "--contest", contest, "--judge", "j1", "--entry", "e01", "--reason", "x", "--chair", "chair"],
                      "ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการ")
        assertRefused(["reopen", "--contest", contest, "--judge", "j1", "--entry", "e02", "--reason", "x", "--lang", "en"], "nothing to reopen", as: "chair")
        assertRefused(["award", "--contest", contest, "--entry", "e01", "--tier", "gold", "--reason", "x", "--lang", "en"], "no award tier has id \"gold\"",
                      as: "chair")
        let r = run(["reopen", "--contest", contest, "--judge", "j1", "--entry", "e01", "--reason", "กรอกผิดช่อง"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(judge("j1", ["score", "--contest", contest, "--entry", "e01", "c1=13"]).code, 0, "reopened")
        let json = run(["report", "--contest", contest, "--format", "json"]).out
        XCTAssertTrue(json.contains("\"submitted\": 0"), "the reopened sheet no longer counts")
    }

    /// `eligibility --decide`: only a chair, as their own login; one line and exit 2 for
    /// anything wrong, with nothing written; the line read back through the ledger itself;
    /// the entry unranked in every report and absent from the announcement.
    func testTheChairDecidesEligibilityAndAFailIsUnranked() throws {
        for j in ["j1", "j2", "j3"] {
            for e in ["e01", "e02", "e05"] { XCTAssertEqual(judge(j, fullSheet(j, e)).code, 0) }
        }
        let decide = ["eligibility", "--contest", contest, "--entry", "e05", "--decide", "fail", "--reason", "ใช้งานจริงไม่ถึง 6 เดือน"]
        assertRefused(decide, "ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการ", as: "judge1")
        assertRefused(decide + ["--chair", "chair"], "ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการ", as: "judge1")
        assertRefused(decide + ["--chair", "judge1"], "ทำได้ในนามของตนเท่านั้น (ไม่รับ --chair", as: "chair")
        assertRefused(decide, "ผู้ใช้ \"someone\" ไม่ใช่ประธานกรรมการ", as: "someone")
        let base = ["eligibility", "--contest", contest, "--entry", "e05", "--lang", "en"]
        assertRefused(base + ["--decide", "maybe", "--reason", "x"], "--decide must be pass, fail or auto, got \"maybe\"", as: "chair")
        assertRefused(base + ["--decide", "review", "--reason", "x"], "--decide must be pass, fail or auto", as: "chair")
        assertRefused(base + ["--decide", "fail"], "--reason is required", as: "chair")
        assertRefused(base + ["--decide", "fail", "--reason", "   "], "needs a reason", as: "chair")
        assertRefused(["eligibility", "--contest", contest, "--entry", "e99", "--decide", "fail", "--reason", "x", "--lang", "en"], "no entry has id \"e99\"", as: "chair")
        assertRefused(["eligibility", "--contest", contest, "--decide", "fail", "--reason", "x", "--lang", "en"], "--entry is required", as: "chair")
        assertRefused(base + ["--reason", "x"], "--entry goes with --decide", as: "chair")
        assertRefused(decide + ["--format", "json", "--lang", "en"], "--format is for the table", as: "chair")

        let ok = run(decide, as: "chair")
        XCTAssertEqual(ok.code, 0, ok.err)
        XCTAssertEqual(ok.out.filter { $0 == "\n" }.count, 1, ok.out)
        XCTAssertTrue(ok.out.hasPrefix("บันทึกแล้ว "), ok.out)
        XCTAssertTrue(ok.out.hasSuffix("ประธานกรรมการ (chair) วินิจฉัยว่าผลงาน e05 ไม่ผ่านคุณสมบัติ: ไม่จัดอันดับและไม่ได้รับรางวัล เหตุผล: ใช้งานจริงไม่ถึง 6 เดือน\n"), ok.out)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        XCTAssertTrue(ok.out.contains(" \(year + 543) ") || ok.out.contains(" \(year + 544) "), "พ.ศ.: \(ok.out)")
        XCTAssertFalse(ok.out.contains(" \(year) "), "no Gregorian year in Thai: \(ok.out)")

        // Read back through the ledger, as any other process would.
        let ledger = try ContestFolder.load(contest)
        XCTAssertTrue(ledger.allFiles.allSatisfy { $0.broken == nil })
        let book = SheetBook(ledger: ledger)
        XCTAssertEqual(book.violations, [])
        let ruling = try XCTUnwrap(book.eligibility[ledger.contest.entryIndex("e05")!])
        XCTAssertEqual(ruling.status, .fail)
        XCTAssertEqual(ruling.decision.actor, "chair")
        XCTAssertEqual(ruling.decision.reason, "ใช้งานจริงไม่ถึง 6 เดือน")
        let line = ledger.chairFile(for: "chair")!.events.first { $0.kind == .eligibility }!
        XCTAssertEqual(line.entry, "e05")
        XCTAssertEqual(line.outcome, "fail")

        // The table and JSON show the decision; a judge may read them too.
        let table = run(["eligibility", "--contest", contest, "--wide"], as: "judge2")
        XCTAssertEqual(table.code, 0, table.err)
        let row = table.out.split(separator: "\n").first { $0.hasPrefix("e05") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("ไม่ผ่าน"), row)
        XCTAssertTrue(row.contains("ประธานกรรมการ (chair, "), row)
        XCTAssertTrue(row.contains("ใช้งานจริงไม่ถึง 6 เดือน"), row)
        // Issue 18: without --wide the table fits 80 columns (not a tty here: $COLUMNS, else 80),
        // the reasons wrapped under the row.
        let fitted = run(["eligibility", "--contest", contest], as: "judge2")
        let lines = fitted.out.split(separator: "\n").map(String.init)
        XCTAssertLessThanOrEqual(lines.map { CellWidth.of($0) }.max() ?? 0, 80, fitted.out)
        let at = lines.firstIndex { $0.hasPrefix("e05") }!
        XCTAssertTrue(lines[at].contains("ไม่ผ่าน") && !lines[at].contains("ประธานกรรมการ ("), lines[at])
        XCTAssertTrue(lines[at + 1].hasPrefix("    เหตุผล: ประธานกรรมการ (chair, "), lines[at + 1])
        XCTAssertGreaterThan(table.out.split(separator: "\n").map { CellWidth.of(String($0)) }.max() ?? 0, 80, "--wide is the long form")
        let json = try JSONSerialization.jsonObject(with: Data(run(["eligibility", "--contest", contest, "--format", "json"]).out.utf8)) as! [String: Any]
        let e05 = (json["entries"] as! [[String: Any]]).first { $0["id"] as? String == "e05" }!
        XCTAssertEqual(e05["status"] as? String, "fail")
        XCTAssertEqual((e05["decision"] as? [String: Any])?["by"] as? String, "chair")
        XCTAssertEqual((e05["decision"] as? [String: Any])?["reason"] as? String, "ใช้งานจริงไม่ถึง 6 เดือน")

        // Unranked in every format, never announced.
        let organisation = ledger.contest.entries[ledger.contest.entryIndex("e05")!].organisation
        let report = try JSONSerialization.jsonObject(with: Data(run(["report", "--contest", contest, "--format", "json"]).out.utf8)) as! [String: Any]
        let r05 = (report["entries"] as! [[String: Any]]).first { $0["id"] as? String == "e05" }!
        XCTAssertTrue(r05["rank"] is NSNull)
        XCTAssertEqual(r05["unranked"] as? String, "ineligible")
        XCTAssertEqual((r05["flags"] as! [[String: Any]]).map { $0["kind"] as? String }, ["ineligible"])
        XCTAssertEqual((r05["flags"] as! [[String: Any]])[0]["reason"] as? String, "ใช้งานจริงไม่ถึง 6 เดือน")
        let ranked = (report["entries"] as! [[String: Any]]).filter { !($0["rank"] is NSNull) }.map { $0["id"] as! String }
        XCTAssertEqual(ranked.sorted(), ["e01", "e02"])
        let text = run(["report", "--contest", contest]).out
        XCTAssertTrue(text.contains("e05     \(organisation)"), text)
        XCTAssertTrue(text.contains("ไม่ผ่านคุณสมบัติ ตามที่ประธานกรรมการวินิจฉัย (chair): ใช้งานจริงไม่ถึง 6 เดือน"), text)
        let csvRow = run(["report", "--contest", contest, "--format", "csv"]).out.components(separatedBy: "\r\n").first { $0.contains(",e05,") } ?? ""
        XCTAssertTrue(csvRow.hasPrefix(",e05,") && csvRow.contains(",ไม่ผ่านคุณสมบัติ,"), csvRow)
        XCTAssertFalse(run(["report", "--contest", contest, "--format", "md"]).out.contains(organisation), "never in the announcement")

        // Withdrawn (in English), the rules' result stands again, and e05 is ranked.
        let auto = run(["eligibility", "--contest", contest, "--entry", "e05", "--decide", "auto", "--reason", "checked again", "--lang", "en"])
        XCTAssertEqual(auto.code, 0, auto.err)
        XCTAssertTrue(auto.out.contains(" \(year) ") || auto.out.contains(" \(year + 1) "), "Gregorian in English: \(auto.out)")
        XCTAssertTrue(auto.out.hasSuffix("chair withdrew the ruling on e05; the rules' result stands: review; reason: checked again\n"), auto.out)
        XCTAssertNil(SheetBook(ledger: try ContestFolder.load(contest)).eligibility[ledger.contest.entryIndex("e05")!])
        XCTAssertTrue(run(["report", "--contest", contest, "--format", "md"]).out.contains(organisation))
    }

    func testVerifyFindsATamperedLineAndExits1() throws {
        XCTAssertEqual(judge("j1", fullSheet("j1", "e01")).code, 0)
        XCTAssertEqual(judge("j2", fullSheet("j2", "e01")).code, 0)
        let path = contest + "/ledger/j1/j1.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"value\":20.5", with: "\"value\":25").write(toFile: path, atomically: true, encoding: .utf8)
        let v = run(["verify", "--contest", contest])
        XCTAssertEqual(v.code, 1)
        XCTAssertTrue(v.out.contains("BROKEN    ledger/j1/j1.jsonl:3: ค่าแฮชไม่ตรง"), v.out)
        XCTAssertTrue(v.out.contains("ok        ledger/j2/j2.jsonl"))
        let report = run(["report", "--contest", contest, "--format", "json"])
        XCTAssertEqual(report.code, 1, "a report on a broken ledger is written, and says so, and exits 1")
        let parsed = try JSONSerialization.jsonObject(with: report.out.data(using: .utf8)!) as! [String: Any]
        XCTAssertEqual(parsed["intact"] as? Bool, false)
        XCTAssertTrue((parsed["problems"] as? [String])?.first?.contains("ledger/j1/j1.jsonl:3: hash does not match") == true, "\(parsed["problems"] ?? "")")
        for format in ["table", "md", "csv"] {
            let r = run(["report", "--contest", contest, "--format", format])
            XCTAssertEqual(r.code, 1, format)
            let top = r.out.split(separator: "\n").prefix(6).joined(separator: "\n")
            XCTAssertTrue(top.contains("ไม่ครบถ้วน") && top.contains("ledger/j1/j1.jsonl:3"), "\(format) says so at its top:\n\(top)")
        }
    }

    func testBadContestFilesGiveOneLineAndExit2() throws {
        try "{\"id\": \"x\",\n \"name\": 5}".write(toFile: contest + "/contest.json", atomically: true, encoding: .utf8)
        let r = run(["report", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.err, "khanaen: \(contest)/contest.json:2: name: must be a string, got a number\n")
        XCTAssertEqual(run(["report", "--contest", root + "/none", "--lang", "en"]).err, "khanaen: \(root)/none: no such contest folder\n")
    }

    func testTheConsoleExportWritesFourFilesAndAsksBeforeReplacing() throws {
        for j in ["j1", "j2", "j3"] { XCTAssertEqual(judge(j, fullSheet(j, "e01")).code, 0) }
        let ledger = try ContestFolder.load(contest)
        let book = SheetBook(ledger: ledger)
        let summary = ledger.summary(book)
        let results = Scoring.compute(book, method: .median)
        let plan = ExportPlan(results: results, ledger: summary, statistics: nil, draft: [], seal: ReportJSON.seal(results, ledger: summary))
        let folder = contest + "/exports"
        guard case .exported(let paths) = ChairCommand.export(plan, to: folder, overwrite: false) else {
            return XCTFail("not exported")
        }
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent },
                       ["ranking-median.csv", "ranking-median.json", "ranking-median.md", "announcement-median.md"])
        let csv = Array(FileManager.default.contents(atPath: folder + "/ranking-median.csv") ?? Data())
        XCTAssertEqual(Array(csv.prefix(Array("\u{FEFF}อันดับ".utf8).count)), Array("\u{FEFF}อันดับ".utf8), "the exported CSV opens in Excel as UTF-8")
        let md = try String(contentsOfFile: folder + "/ranking-median.md", encoding: .utf8)
        XCTAssertTrue(md.contains("| 1 | e01 | เทศบาลนครยะลา | ยะลา | 78.50 | 3 |"), md)
        XCTAssertTrue(md.contains(ReportJSON.seal(results, ledger: summary)))
        let announcement = try String(contentsOfFile: folder + "/announcement-median.md", encoding: .utf8)
        XCTAssertTrue(announcement.contains("| เทศบาลนครยะลา | จังหวัดยะลา | Big Data เพื่อพัฒนาคุณภาพบริการ |"))
        guard case .exportExists(let names) = ChairCommand.export(plan, to: folder, overwrite: false) else {
            return XCTFail("replaced without asking")
        }
        XCTAssertEqual(names.count, 4)
        guard case .exported = ChairCommand.export(plan, to: folder, overwrite: true) else { return XCTFail() }
        // A folder that cannot be made: the status line gives the reason in the console's language.
        let blocked = contest + "/contest.json/exports"
        guard case .notSaved(let thai) = ChairCommand.export(plan, to: blocked, overwrite: false, language: .th),
              case .notSaved(let english) = ChairCommand.export(plan, to: blocked, overwrite: false, language: .en) else { return XCTFail() }
        XCTAssertTrue(thai.contains(blocked) && thai.contains("ไม่ใช่โฟลเดอร์"), thai)
        XCTAssertTrue(english.contains(blocked) && english.contains("Not a directory"), english)
    }

    /// Who the caller is comes from the login alone: the environment and the flags may only
    /// name the caller's own role, in a contest whose access is by logins.
    func testIdentityIsTheLoginNotTheEnvironmentOrAFlag() throws {
        assertRefused(["score", "--contest", contest, "--judge", "j2", "--entry", "e01", "c1=1"],
                      "ผู้ใช้ \"judge1\" เป็นกรรมการ j1 กรรมการทำได้ในนามของตนเท่านั้น (ไม่รับ --judge j2)")
        // $USER names a chair and another judge: it changes nothing.
        let spoof = run(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x"], as: "judge1",
                        env: ["USER": "chair", "LOGNAME": "chair"])
        XCTAssertEqual(spoof.code, 2)
        XCTAssertTrue(spoof.err.contains("ไม่มีสิทธิ์: ผู้ใช้ \"judge1\" ไม่ใช่ประธานกรรมการของการประกวดนี้"), spoof.err)
        assertRefused(["score", "--contest", contest, "--entry", "e01", "c1=1"], "ผู้ใช้ \"nobody\" ไม่ใช่กรรมการของการประกวดนี้",
                      as: "nobody")
        assertRefused(["report", "--contest", contest], "รายงานแสดงคะแนนของกรรมการทุกคน ซึ่งมีแต่ประธานกรรมการที่ดูได้ ผู้ใช้ \"judge1\" เป็นกรรมการ j1", as: "judge1")
        assertRefused(["checkpoint", "--contest", contest], "จุดตรวจแสดงคะแนนของกรรมการทุกคน", as: "judge1")
        assertRefused(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x", "--chair", "someone"],
                      "ทำได้ในนามของตนเท่านั้น (ไม่รับ --chair", as: "chair")
        XCTAssertEqual(judge("j1", ["score", "--contest", contest, "--entry", "e01", "--judge", "j1", "c1=1"]).code, 0, "naming oneself is fine")
        // Root reads every score (it can read every file anyway) but is no chair.
        var out = ""
        XCTAssertEqual(CLI.run(["report", "--contest", contest], CommandContext(environment: [:], login: "root", uid: 0, out: { out += $0 }, err: { _ in })), 0)
        XCTAssertEqual(CLI.run(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x"],
                               CommandContext(environment: [:], login: "root", uid: 0, out: { _ in }, err: { _ in })), 2)

        // An open contest: anyone may act as any judge or chair, and every report says so.
        let path = contest + "/contest.json"
        try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["score", "--contest", contest, "--judge", "j3", "--entry", "e01", "c1=2"], as: "nobody").code, 0)
        XCTAssertEqual(run(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x", "--chair", "chair"], as: "nobody").code, 0)
        let table = run(["report", "--contest", contest], as: "nobody")
        // Opening a contest whose judges had scored under their logins is witnessed as a change of the panel.
        XCTAssertEqual(table.code, 1, table.err)
        XCTAssertTrue(table.out.contains("คณะกรรมการ (รหัส ผู้ใช้ จังหวัดและหน่วยงานของกรรมการ ประธานกรรมการ การเข้าถึง กติกาส่วนได้เสีย) ใน contest.json เปลี่ยนไปหลังเริ่มให้คะแนนแล้ว"),
                      table.out)
        XCTAssertTrue(table.out.contains("ไม่ได้บังคับสิทธิ์ตามบัญชีผู้ใช้"), table.out)
        let json = try JSONSerialization.jsonObject(with: Data(run(["report", "--contest", contest, "--format", "json"], as: "nobody").out.utf8)) as! [String: Any]
        XCTAssertEqual(json["access"] as? String, "open")
    }

    func testALoginThatIsBothJudgeAndChairIsRefused() throws {
        let path = contest + "/contest.json"
        try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "\"user\": \"judge2\"", with: "\"user\": \"chair\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("chairs[0]: \"chair\" is also the login of judge j2; a login is a judge or a chair, not both"), r.err)
    }

    /// Issue 18: `init award-2567` copied the sample's 20 entries, its id, name and dates, and
    /// an import then added to them. init makes a new contest; --demo gives the sample; an
    /// import into the sample's entries is refused with the reason.
    func testInitMakesANewContestAndImportRefusesTheSample() throws {
        let dir = root + "/award-2567"
        let r = run(["init", dir])
        XCTAssertEqual(r.code, 0, r.err)
        let c = try ContestFolder.loadContest(dir)
        let sample = try ContestFolder.loadContest(contest)
        XCTAssertEqual(c.entries.count, 0, "no entries")
        XCTAssertEqual(c.id, "award-2567")
        XCTAssertEqual(c.name, "award-2567")
        XCTAssertEqual(c.criteria, sample.criteria, "the template's criteria")
        XCTAssertEqual(c.awards, sample.awards, "and tiers")
        XCTAssertEqual(c.tieBreak, sample.tieBreak)
        XCTAssertNil(c.eligibility, "its dates are to fill in, not the sample's")
        XCTAssertEqual(c.access, .logins)
        let json = try String(contentsOfFile: dir + "/contest.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\"_eligibility\"") && json.contains("\"closes\": \"YYYY-MM-DD\""), json)
        XCTAssertFalse(json.contains("2566") || json.contains("2023-"), "nothing of the sample's year")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: dir + "/ledger")) ?? [], [], "no scores")
        XCTAssertTrue(r.out.contains("ขั้นต่อไป:") && r.out.contains("khanaen import") && r.out.contains("_eligibility") && r.out.contains("YYYY-MM-DD"), r.out)

        let named = run(["init", root + "/x", "--name", "ประกวดนวัตกรรมท้องถิ่นดิจิทัล 2567"])
        XCTAssertEqual(named.code, 0, named.err)
        XCTAssertEqual(try ContestFolder.loadContest(root + "/x").name, "ประกวดนวัตกรรมท้องถิ่นดิจิทัล 2567")
        XCTAssertEqual(InitCommand.identifier(from: "รางวัล 2567"), "2567")
        XCTAssertEqual(InitCommand.identifier(from: "ประกวด"), "contest")

        // The sample (this test's contest, made by init --demo): an import is refused, nothing written.
        try "ชื่อหน่วยงาน,ชื่อผลงาน\nเทศบาลตำบลทดสอบ,ผลงานทดสอบ\n".write(toFile: root + "/in.csv", atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: contest + "/entries.json", encoding: .utf8)
        let refused = run(["import", "csv", root + "/in.csv", "--contest", contest])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("entries.json: ผลงานในแฟ้มยังเป็นของการประกวดตัวอย่าง") && refused.err.contains("khanaen init DIR"), refused.err)
        XCTAssertEqual(try String(contentsOfFile: contest + "/entries.json", encoding: .utf8), before)
        let imported = run(["import", "csv", root + "/in.csv", "--contest", dir])
        XCTAssertEqual(imported.code, 0, imported.err)
        XCTAssertEqual(try ContestFolder.loadContest(dir).entries.map(\.id), ["e001"])
    }

    func testInitTakesABareRelativeNameAndNamesThePathOnError() throws {
        let cwd = FileManager.default.currentDirectoryPath
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        FileManager.default.changeCurrentDirectoryPath(root)
        let r = run(["init", "my-contest"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/my-contest/contest.json"))
        XCTAssertTrue(try String(contentsOfFile: root + "/my-contest/contest.json", encoding: .utf8).contains("\"access\": \"logins\""))
        XCTAssertEqual(try ContestFolder.loadContest(root + "/my-contest").access, .logins)
        try "x".write(toFile: root + "/afile", atomically: true, encoding: .utf8)
        let onFile = run(["init", "afile/sub"])
        XCTAssertEqual(onFile.code, 2)
        XCTAssertTrue(onFile.err.hasPrefix("khanaen: afile: สร้างโฟลเดอร์สำหรับ sub ไม่ได้:"), onFile.err)
        XCTAssertEqual(onFile.err.filter { $0 == "\n" }.count, 1)
    }

    func testUsageHelpAndVersion() {
        XCTAssertEqual(run(["--version"]).out, "khanaen \(CLI.version)\n")
        XCTAssertTrue(run(["--help"]).out.contains("คำสั่ง:"))
        XCTAssertTrue(run(["--help", "--lang", "en"]).out.contains("commands:"))
        for c in CLI.commands {
            let h = run([c.name, "--help"])
            XCTAssertEqual(h.code, 0)
            XCTAssertTrue(h.out.hasPrefix("วิธีใช้: khanaen"), c.name)
            XCTAssertTrue(run([c.name, "--help", "--lang", "en"]).out.hasPrefix("usage: khanaen"), c.name)
        }
        let bad = run(["frobnicate"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertEqual(bad.err, "khanaen: ไม่รู้จักคำสั่ง \"frobnicate\" (ดู khanaen --help)\n")
        XCTAssertEqual(run(["report", "--contest", contest, "--method", "best"]).code, 2)
    }

    func testTheDemoIsCopiedOnFirstUseAndTheSourcesStayUnchanged() throws {
        let data = root + "/data"
        let r = run(["verify"], env: ["XDG_DATA_HOME": data])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.err.contains("คัดลอกการประกวดตัวอย่าง (คะแนนสังเคราะห์) ไปที่ \(data)/khanaen/digital-local-2566"), r.err)
        XCTAssertTrue(r.out.contains("ok        ledger/j1/j1.jsonl: 160 บรรทัด"), r.out)
        XCTAssertTrue(r.out.contains("ok        ledger/j5/j5.jsonl: 0 บรรทัด"))
        XCTAssertEqual(run(["score", "--judge", "j5", "--entry", "e01", "c1=10"], as: "someone", env: ["XDG_DATA_HOME": data]).code, 0,
                       "the demo is open: anyone may act as any judge")
        XCTAssertTrue(FileManager.default.fileExists(atPath: data + "/khanaen/digital-local-2566/ledger/j5/j5.jsonl"))
        XCTAssertEqual(run(["verify"], env: ["XDG_DATA_HOME": data]).err, "", "copied once")
        let sources = try ContestLocation.sampleFolder(CommandContext(environment: [:], login: "x", uid: 1, out: { _ in }, err: { _ in }))
        XCTAssertFalse(FileManager.default.fileExists(atPath: sources + "/ledger/j5/j5.jsonl"), "the sources never change")
    }

    /// `assign --dry-run`: the CSV has every eligible entry K times and no conflicted pair; the
    /// summary names an entry that cannot get K judges, and the exit code says so; a judge may
    /// not run it; `conflicts` lists each conflict with its cause, a judge only their own.
    func testAssignDryRunAndConflicts() throws {
        let path = contest + "/contest.json"
        var json = try String(contentsOfFile: path, encoding: .utf8)
        let entries = try ContestFolder.loadContest(contest).entries
        let (first, second) = (entries[0], entries[1])
        json = json.replacingOccurrences(of: "\"user\": \"judge1\"",
                                         with: "\"user\": \"judge1\", \"organisations\": [\"\(second.organisation)\"]")
        json = json.replacingOccurrences(of: "\"user\": \"judge2\",\n      \"province\": \"\"",
                                         with: "\"user\": \"judge2\",\n      \"province\": \"\(first.province)\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let listed = run(["conflicts", "--contest", contest, "--format", "json"])
        XCTAssertEqual(listed.code, 0, listed.err)
        let pairs = (try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as! [[String: String]]).map { "\($0["judge"]!) \($0["entry"]!) \($0["cause"]!)" }
        XCTAssertTrue(pairs.contains("j1 \(second.id) organisation"), "\(pairs)")
        XCTAssertTrue(pairs.contains("j2 \(first.id) province"), "\(pairs)")
        XCTAssertTrue(run(["conflicts", "--contest", contest], as: "judge1").out.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("j1 ") })

        let k = 3
        let r = run(["assign", "--contest", contest, "--per-entry", "\(k)", "--dry-run", "--seed", "7"])
        XCTAssertEqual(r.code, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "entry,judge")
        var byEntry: [String: [String]] = [:]
        for l in lines.dropFirst() { let f = l.split(separator: ","); byEntry[String(f[0]), default: []].append(String(f[1])) }
        XCTAssertEqual(byEntry.count, entries.count)
        XCTAssertTrue(byEntry.values.allSatisfy { $0.count == k })
        XCTAssertFalse(byEntry[second.id]!.contains("j1"))
        XCTAssertFalse(byEntry[first.id]!.contains("j2"))
        XCTAssertEqual(run(["assign", "--contest", contest, "--per-entry", "\(k)", "--dry-run", "--seed", "7"]).out, r.out, "the same seed, the same CSV")
        XCTAssertTrue(r.err.contains("กรรมการทุกคู่ให้คะแนนผลงานร่วมกัน"), r.err)

        let judges = try ContestFolder.loadContest(contest).judges.count
        let short = run(["assign", "--contest", contest, "--per-entry", "\(judges)", "--dry-run", "--lang", "en"])
        XCTAssertEqual(short.code, 2)
        XCTAssertTrue(short.err.contains("entry \(first.id) has \(judges - 1) of \(judges) judges: only \(judges - 1) judges are free of conflict for it"), short.err)
        XCTAssertEqual(run(["assign", "--contest", contest, "--per-entry", "2", "--dry-run"], as: "judge1").code, 2, "a judge may not assign")
        XCTAssertEqual(run(["assign", "--contest", contest, "--per-entry", "2"]).code, 2, "without --dry-run nothing is written")
    }

    /// The chair's file, as bytes (nil when none yet).
    private func chairFile() -> Data? { FileManager.default.contents(atPath: contest + "/ledger/chairs/chair.jsonl") }

    /// `assign --apply` of the CSV `--dry-run` printed writes one `assign` line whose pairs
    /// give back that CSV; `verify` holds.
    func testAssignApplyRoundTripsTheCSV() throws {
        let dry = run(["assign", "--contest", contest, "--per-entry", "2", "--dry-run", "--seed", "3"])
        XCTAssertEqual(dry.code, 0, dry.err)
        let plan = root + "/plan.csv"
        try dry.out.write(toFile: plan, atomically: true, encoding: .utf8)
        let applied = run(["assign", "--contest", contest, "--apply", plan, "--reason", "ตามมติที่ประชุม"])
        XCTAssertEqual(applied.code, 0, applied.err)
        let ledger = try ContestFolder.load(contest)
        let chair = ledger.chairStream.events.filter { $0.kind == .assign }
        XCTAssertEqual(chair.count, 1)
        var csv = "entry,judge\n"
        for p in chair[0].pairs ?? [] { for j in p.judges { csv += "\(p.entry),\(j)\n" } }
        XCTAssertEqual(csv, dry.out, "the CSV back from the ledger")
        XCTAssertEqual(chair[0].text, "ตามมติที่ประชุม")
        let book = SheetBook(ledger: ledger)
        XCTAssertEqual(book.assignment?.map { $0.filter { $0 }.count }, Array(repeating: 2, count: ledger.contest.entries.count))
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 0, verify.out + verify.err)
    }

    /// A conflicted pair in `--apply` refuses the whole file, naming its line; nothing is written.
    func testAssignApplyRefusesAConflictedPair() throws {
        let path = contest + "/contest.json"
        let entries = try ContestFolder.loadContest(contest).entries
        var json = try String(contentsOfFile: path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"user\": \"judge2\",\n      \"province\": \"\"",
                                         with: "\"user\": \"judge2\",\n      \"province\": \"\(entries[0].province)\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let plan = root + "/plan.csv"
        try "entry,judge\n\(entries[1].id),j1\n\(entries[0].id),j2\n\(entries[0].id),j1\n".write(toFile: plan, atomically: true, encoding: .utf8)
        let before = chairFile()
        let r = run(["assign", "--contest", contest, "--apply", plan, "--reason", "x", "--lang", "en"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("\(plan):3: j2 is in conflict of interest with \(entries[0].id)"), r.err)
        XCTAssertEqual(chairFile(), before, "nothing written")
        try "entry,judge\n\(entries[1].id),j1\n\(entries[1].id),j1\n".write(toFile: plan, atomically: true, encoding: .utf8)
        XCTAssertTrue(run(["assign", "--contest", contest, "--apply", plan, "--reason", "x"]).err.contains("\(plan):3: "), "a pair given twice")
        try "entry,judge\n\(entries[1].id),j9\n".write(toFile: plan, atomically: true, encoding: .utf8)
        XCTAssertTrue(run(["assign", "--contest", contest, "--apply", plan, "--reason", "x", "--lang", "en"]).err.contains("\(plan):2: no judge has id \"j9\""))
        XCTAssertEqual(chairFile(), before, "nothing written")
        let short = run(["assign", "--contest", contest, "--per-entry", "5", "--reason", "x", "--lang", "en"])
        XCTAssertEqual(short.code, 2)
        XCTAssertTrue(short.err.contains("entry \(entries[0].id) has 4 of 5 judges"), short.err)
        XCTAssertEqual(chairFile(), before, "all or nothing: an entry short of K writes nothing")
    }

    /// Once the chair assigns, a judge is refused an entry not given to them (in Thai) and
    /// scores their own; each judge's delivery holds only that judge's own entries; a line
    /// planted for an entry not given is a violation; verify holds otherwise.
    func testAssignedJudgesSeeAndScoreOnlyTheirEntries() throws {
        let written = run(["assign", "--contest", contest, "--per-entry", "2", "--seed", "5", "--reason", "แบ่งงาน"])
        XCTAssertEqual(written.code, 0, written.err)
        let ledger = try ContestFolder.load(contest)
        let contestValue = ledger.contest
        let assign = try XCTUnwrap(ledger.chairStream.events.last { $0.kind == .assign })
        let mine = Set((assign.pairs ?? []).filter { $0.judges.contains("j1") }.map(\.entry))
        let notMine = try XCTUnwrap(contestValue.entries.map(\.id).first { !mine.contains($0) })
        XCTAssertFalse(mine.isEmpty)

        let refused = judge("j1", ["score", "--contest", contest, "--entry", notMine, "c1=3"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("ผลงาน \(notMine) ไม่ได้มอบหมายให้ท่าน"), refused.err)
        let ok = judge("j1", ["score", "--contest", contest, "--entry", mine.sorted()[0], "c1=3"])
        XCTAssertEqual(ok.code, 0, ok.err)

        // The delivery itself: one assign line naming j1 alone, with j1's entries.
        let delivery = try String(contentsOfFile: contest + "/ledger/j1/chair-chair.jsonl", encoding: .utf8)
        let line = try XCTUnwrap(delivery.split(separator: "\n").first { $0.contains("\"kind\":\"assign\"") })
        for other in contestValue.judges.map(\.id) where other != "j1" {
            XCTAssertFalse(line.contains("\"\(other)\""), "\(other) reaches j1: \(line)")
        }
        let pairs = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["pairs"] as! [String: [String]]
        XCTAssertEqual(Set(pairs.keys), mine)
        XCTAssertTrue(pairs.values.allSatisfy { $0 == ["j1"] })
        XCTAssertEqual(JudgeSession.outOfReach(try ContestFolder.load(contest), "j1").hidden,
                       Set(contestValue.entries.indices.filter { !mine.contains(contestValue.entries[$0].id) }), "hidden: the others' entries")
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 0, verify.out + verify.err)

        // A line for an entry not given, written by anything but Khanaen: a violation.
        try ContestFolder.load(contest).file(forJudge: "j1")!.append([LedgerEvent(actor: "j1", kind: .score, entry: notMine, criterion: "c1", value: 3)])
        let planted = run(["verify", "--contest", contest])
        XCTAssertEqual(planted.code, 1)
        XCTAssertTrue(planted.out.contains("VIOLATION ledger/j1/j1.jsonl:"), planted.out)
        XCTAssertTrue(planted.out.contains("เขียนให้ผลงาน \(notMine) หลังการมอบหมายเมื่อ "), planted.out)
    }

    /// `assign --entry E --add J` and `--remove J` each write the assignment in force, so
    /// changed, as a new `assign` line; adding a judge in conflict, or removing a pair that is
    /// not there, writes nothing. `--remove-judge J` keeps what J submitted and hands every
    /// other entry of J's to another judge, each entry keeping two judges and no conflict.
    func testAssignChangesOnePairAndHandsOnALeavingJudge() throws {
        let path = contest + "/contest.json"
        let entries = try ContestFolder.loadContest(contest).entries
        var json = try String(contentsOfFile: path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"user\": \"judge2\",\n      \"province\": \"\"",
                                         with: "\"user\": \"judge2\",\n      \"province\": \"\(entries[0].province)\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["assign", "--contest", contest, "--per-entry", "2", "--seed", "5", "--reason", "แบ่งงาน"]).code, 0)
        func given() throws -> [[Bool]] { try XCTUnwrap(SheetBook(ledger: try ContestFolder.load(contest)).assignment) }
        let e0 = entries[0].id
        let before = chairFile()
        let conflicted = run(["assign", "--contest", contest, "--entry", e0, "--add", "j2", "--reason", "x"])
        XCTAssertNotEqual(conflicted.code, 0)
        XCTAssertTrue(conflicted.err.contains("j2 มีส่วนได้เสียกับผลงาน \(e0)"), conflicted.err)
        XCTAssertEqual(chairFile(), before, "nothing written")

        let free = try XCTUnwrap([2, 3, 4].first { try !given()[0][$0] })
        let added = run(["assign", "--contest", contest, "--entry", e0, "--add", "j\(free + 1)", "--reason", "เพิ่มกรรมการ"])
        XCTAssertEqual(added.code, 0, added.err)
        XCTAssertTrue(try given()[0][free])
        XCTAssertEqual(try given()[0].filter { $0 }.count, 3)
        XCTAssertEqual(try ContestFolder.load(contest).chairStream.events.filter { $0.kind == .assign }.count, 2, "a new line")
        XCTAssertEqual(run(["assign", "--contest", contest, "--entry", e0, "--remove", "j\(free + 1)", "--reason", "คืน"]).code, 0)
        XCTAssertEqual(try given()[0].filter { $0 }.count, 2)
        let after = chairFile()
        XCTAssertNotEqual(run(["assign", "--contest", contest, "--entry", e0, "--remove", "j\(free + 1)", "--reason", "x"]).code, 0)
        XCTAssertEqual(chairFile(), after, "a pair not there: nothing written")

        let mine = try given().indices.filter { try given()[$0][0] }.map { entries[$0].id }
        XCTAssertGreaterThan(mine.count, 1)
        let kept = mine[0]
        XCTAssertEqual(judge("j1", ["score", "--contest", contest, "--entry", kept, "c1=12", "c2=8", "c3=20.5", "c4=7", "c5=12", "c6=11",
                                    "c7=8", "--submit"]).code, 0)
        let left = run(["assign", "--contest", contest, "--remove-judge", "j1", "--reason", "ลาออก"])
        XCTAssertEqual(left.code, 0, left.err)
        let m = try given()
        for (e, row) in m.enumerated() {
            XCTAssertEqual(row[0], entries[e].id == kept, "j1 keeps only the entry submitted: \(entries[e].id)")
            XCTAssertEqual(row.filter { $0 }.count, 2, "\(entries[e].id) keeps two judges")
        }
        XCTAssertFalse(m[0][1], "no conflicted pair")
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 0, verify.out + verify.err)
    }

    /// A chair records a conflict for a judge: a chair line, delivered to that judge alone; the
    /// judge can no longer score the entry (refused in Thai), the sheet submitted before no
    /// longer counts, `conflicts` lists it with the chair and the time (to the judge too), no
    /// assignment gives the pair, and a line planted after it is a violation.
    func testAChairRecordsAConflictForAJudge() throws {
        XCTAssertEqual(judge("j1", fullSheet("j1", "e02")).code, 0)
        XCTAssertEqual(judge("j2", fullSheet("j2", "e02")).code, 0)
        func counted() throws -> [Int] {
            let r = Scoring.compute(SheetBook(ledger: try ContestFolder.load(contest)))
            return try XCTUnwrap(r.entries.first { $0.id == "e02" }).totals.map(\.judge)
        }
        XCTAssertEqual(try counted(), [0, 1])
        let recorded = run(["conflict", "declare", "--contest", contest, "--judge", "j1", "--entry", "e02", "--ground", "creditor",
                            "--reason", "เป็นเจ้าหนี้ของเทศบาล", "--chair", "chair"])
        XCTAssertEqual(recorded.code, 0, recorded.err)
        let line = try XCTUnwrap(try ContestFolder.load(contest).chairStream.events.last { $0.kind == .conflict })
        XCTAssertEqual([line.kind.rawValue, line.judge, line.entry, line.outcome, line.text], ["conflict", "j1", "e02", "creditor", "เป็นเจ้าหนี้ของเทศบาล"])
        XCTAssertEqual(try counted(), [1], "j1's sheet, submitted before, no longer counts")
        // ... and the chair is told so, in the entry's flags and the report.
        let flagged = try XCTUnwrap(Scoring.compute(SheetBook(ledger: try ContestFolder.load(contest))).entries.first { $0.id == "e02" })
        XCTAssertEqual(flagged.flags.filter { $0.kind == .conflict }.map(\.judges), [["j1"]])
        XCTAssertTrue(run(["report", "--contest", contest]).out.contains("ไม่นับใบของ j1: ประธานกรรมการระบุว่ามีส่วนได้เสีย"))

        let refused = judge("j1", ["score", "--contest", contest, "--entry", "e02", "--note", "x"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("ประธานกรรมการระบุว่าท่านมีส่วนได้เสียกับผลงาน e02"), refused.err)
        let delivered = try String(contentsOfFile: contest + "/ledger/j1/chair-chair.jsonl", encoding: .utf8)
        XCTAssertTrue(delivered.contains("\"kind\":\"conflict\""), delivered)
        let other = (try? String(contentsOfFile: contest + "/ledger/j2/chair-chair.jsonl", encoding: .utf8)) ?? ""
        XCTAssertFalse(other.contains("\"kind\":\"conflict\""), "j2 learns nothing of j1's conflict")

        let listed = run(["conflicts", "--contest", contest, "--lang", "en"])
        XCTAssertTrue(listed.out.contains("recorded by the chair chair: a creditor"), listed.out)
        let own = judge("j1", ["conflicts", "--contest", contest, "--format", "json"])
        XCTAssertTrue(own.out.contains("chair:creditor"), own.out)
        XCTAssertFalse(run(["assign", "--contest", contest, "--per-entry", "4", "--dry-run"]).out.contains("e02,j1"))

        try ContestFolder.load(contest).file(forJudge: "j1")!.append([LedgerEvent(actor: "j1", kind: .note, entry: "e02", text: "x")])
        let planted = run(["verify", "--contest", contest])
        XCTAssertEqual(planted.code, 1)
        XCTAssertTrue(planted.out.contains("หลังจากที่ประธานกรรมการแจ้งไว้เมื่อ "), planted.out)
    }

    /// A chair clears a conflict the rules give, with a reason: the judge may then score the
    /// entry and be given it; `conflicts` says who cleared it; a pair the rules do not keep
    /// apart cannot be cleared (nothing written).
    func testAChairClearsAConflictTheRulesGive() throws {
        let path = contest + "/contest.json"
        let first = try ContestFolder.loadContest(contest).entries[0]
        var json = try String(contentsOfFile: path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"user\": \"judge2\",\n      \"province\": \"\"",
                                         with: "\"user\": \"judge2\",\n      \"province\": \"\(first.province)\"")
            .replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["score", "--contest", contest, "--judge", "j2", "--entry", first.id, "c1=3"]).code, 2)
        let before = chairFile()
        let wrong = run(["conflict", "clear", "--contest", contest, "--judge", "j1", "--entry", first.id, "--reason", "x", "--chair", "chair"])
        XCTAssertEqual(wrong.code, 2, wrong.err)
        XCTAssertEqual(chairFile(), before, "nothing to clear: nothing written")
        let cleared = run(["conflict", "clear", "--contest", contest, "--judge", "j2", "--entry", first.id,
                           "--reason", "ย้ายภูมิลำเนาแล้ว", "--chair", "chair"])
        XCTAssertEqual(cleared.code, 0, cleared.err)
        let scored = run(["score", "--contest", contest, "--judge", "j2", "--entry", first.id, "c1=3"])
        XCTAssertEqual(scored.code, 0, scored.err)
        let listed = run(["conflicts", "--contest", contest, "--format", "json"])
        XCTAssertTrue(listed.out.contains("cleared:province"), listed.out)
        let plan = root + "/plan.csv"
        try "entry,judge\n\(first.id),j2\n".write(toFile: plan, atomically: true, encoding: .utf8)
        let applied = run(["assign", "--contest", contest, "--apply", plan, "--reason", "x"])
        XCTAssertEqual(applied.code, 0, applied.err)
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 0, verify.out + verify.err)
        XCTAssertEqual(SheetBook(ledger: try ContestFolder.load(contest)).sheet(judge: 1, entry: 0).scores[0], 3, "the line counts")
    }

    /// A reason with bidirectional and C1 controls is listed as JSON escapes, never raw,
    /// since the list goes to a terminal.
    func testConflictsJSONEscapesInvisibleControls() throws {
        let path = contest + "/contest.json"
        let json = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let entry = try ContestFolder.loadContest(contest).entries[0].id
        let declared = run(["conflict", "declare", "--contest", contest, "--judge", "j2", "--entry", entry, "--ground", "other",
                            "--reason", "ญาติ\u{202E}cba\u{2066}\u{85}x", "--chair", "chair"])
        XCTAssertEqual(declared.code, 0, declared.err)
        let listed = run(["conflicts", "--contest", contest, "--format", "json"])
        XCTAssertEqual(listed.code, 0, listed.err)
        XCTAssertFalse(listed.out.unicodeScalars.contains { [0x202E, 0x2066, 0x85].contains($0.value) }, listed.out)
        XCTAssertTrue(listed.out.contains("ญาติ\\u202ecba\\u2066\\u0085x"), listed.out)
    }

    /// A judge kept from an entry by the rules cannot score it (refused in Thai, nothing
    /// written); a conflict the judge declares is a recusal with its ground, listed with it,
    /// and the assignment keeps the judge away; a line planted for a conflicted pair is a
    /// violation that never counts.
    func testConflictsAreEnforcedDeclaredListedAndAvoided() throws {
        let path = contest + "/contest.json"
        let entries = try ContestFolder.loadContest(contest).entries
        let (first, second) = (entries[0], entries[1])
        var json = try String(contentsOfFile: path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"user\": \"judge2\",\n      \"province\": \"\"",
                                         with: "\"user\": \"judge2\",\n      \"province\": \"\(first.province)\"")
            .replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let ledgerPath = contest + "/ledger/j2/j2.jsonl"
        let refused = run(["score", "--contest", contest, "--judge", "j2", "--entry", first.id, "c1=3"])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("ท่านมีส่วนได้เสียกับผลงาน \(first.id): จังหวัดเดียวกับกรรมการ"), refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledgerPath), "nothing was written")

        let declared = run(["conflict", "declare", "--contest", contest, "--judge", "j2", "--entry", second.id, "--ground", "relative",
                            "--reason", "นายกฯ เป็นญาติ"])
        XCTAssertEqual(declared.code, 0, declared.err)
        XCTAssertTrue(try String(contentsOfFile: ledgerPath, encoding: .utf8)
            .contains("\"kind\":\"recuse\",\"entry\":\"\(second.id)\",\"outcome\":\"relative\",\"reason\":\"นายกฯ เป็นญาติ\""))
        XCTAssertEqual(run(["conflict", "declare", "--contest", contest, "--judge", "j2", "--entry", entries[2].id, "--ground", "cousin",
                            "--reason", "x"]).code, 2, "an unknown ground is refused")
        let listed = run(["conflicts", "--contest", contest, "--format", "json"])
        let causes = (try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as! [[String: String]]).map { "\($0["judge"]!) \($0["entry"]!) \($0["cause"]!)" }
        XCTAssertEqual(causes, ["j2 \(first.id) province", "j2 \(second.id) declared:relative"])
        let csv = run(["assign", "--contest", contest, "--per-entry", "2", "--dry-run"]).out
        XCTAssertFalse(csv.contains("\(first.id),j2\n") || csv.contains("\(second.id),j2\n"), csv)

        // A line for the conflicted pair written by anything but Khanaen: a violation.
        let ledger = try ContestFolder.load(contest)
        try ledger.file(forJudge: "j2")!.append([LedgerEvent(actor: "j2", kind: .score, entry: first.id, criterion: "c1", value: 3)])
        let verify = run(["verify", "--contest", contest])
        XCTAssertEqual(verify.code, 1)
        XCTAssertTrue(verify.out.contains("VIOLATION ledger/j2/j2.jsonl:2: เขียนให้ผลงาน \(first.id) ซึ่ง j2 มีส่วนได้เสีย: จังหวัดเดียวกับกรรมการ"), verify.out)
        let english = run(["verify", "--contest", contest, "--lang", "en"])
        XCTAssertTrue(english.out.contains("VIOLATION ledger/j2/j2.jsonl:2: written for \(first.id), from which j2 is kept by a conflict of interest: "
            + "the judge's province"), english.out)
    }

    /// An init a crash interrupted leaves a hidden half-made folder beside its target; the next
    /// init of that name removes it, and makes the folders above the target it needs.
    func testInitClearsWhatAnInterruptedInitLeft() throws {
        let parent = root + "/new/deeper"
        try FileManager.default.createDirectory(atPath: parent + "/.award-2567.tmp-5x3k/ledger", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: parent + "/.other.tmp-aaaa", withIntermediateDirectories: true)
        XCTAssertEqual(run(["init", parent + "/award-2567"]).code, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), [".other.tmp-aaaa", "award-2567"],
                       "only its own leftovers are removed")
        XCTAssertEqual(run(["init", root + "/a/b/c/fresh"]).code, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/a/b/c/fresh/contest.json"))
    }

    /// Every command speaks Thai by default and English with --lang en (issue 21), and its
    /// Thai keeps to the glossary (one word per idea). A line's first word in verify stays.
    func testEveryCommandSpeaksThaiByDefaultAndEnglishOnRequest() throws {
        var thai: [String] = []
        func both(_ args: [String], as user: String = "chair", th: String, en: String, enArgs: [String]? = nil,
                  file: StaticString = #filePath, line: UInt = #line) {
            let t = run(args, as: user), e = run(enArgs ?? args + ["--lang", "en"], as: user)
            XCTAssertTrue((t.out + t.err).contains(th), "\(args): \(t.out)\(t.err)", file: file, line: line)
            XCTAssertTrue((e.out + e.err).contains(en), "\(args) --lang en: \(e.out)\(e.err)", file: file, line: line)
            thai.append(t.out + t.err)
        }
        XCTAssertEqual(judge("j1", ["score", "--contest", contest, "--entry", "e01", "c1=10"]).code, 0)
        both(["verify", "--contest", contest], th: "ok        ledger/j1/j1.jsonl: 1 บรรทัด ท้ายสุด ", en: "ok        ledger/j1/j1.jsonl: 1 lines, head ")
        both(["recuse", "--contest", contest, "--entry", "e03", "--reason", "ญาติ"], as: "judge3", th: "บันทึกแล้ว: j3 ถอนตัวจากผลงาน e03",
             en: "saved: j3 recused from e04", enArgs: ["recuse", "--contest", contest, "--entry", "e04", "--reason", "x", "--lang", "en"])
        both(["reopen", "--contest", contest, "--judge", "j3", "--entry", "e03", "--reason", "ทบทวน"],
             th: "บันทึกแล้ว: chair เปิดแก้ไขใบให้คะแนนของ j3 ผลงาน e03", en: "saved: chair reopened the sheet of j3 for e04",
             enArgs: ["reopen", "--contest", contest, "--judge", "j3", "--entry", "e04", "--reason", "x", "--lang", "en"])
        both(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "ไม่ผ่าน"],
             th: "บันทึกแล้ว: ผลงาน e01 ไม่ให้รางวัล โดยประธานกรรมการ chair", en: "saved: e01 award none by chair")
        XCTAssertEqual(judge("j2", ["score", "--contest", contest, "--entry", "e01", "c1=5"]).code, 0, "a change since the last checkpoint")
        let first = run(["checkpoint", "--contest", contest])
        XCTAssertTrue(first.out.hasPrefix("บันทึกแล้ว: จุดตรวจที่ ledger/chairs/chair.jsonl:"), first.out)
        thai.append(first.out)
        both(["checkpoint", "--contest", contest], th: "ไม่มีอะไรเปลี่ยนตั้งแต่จุดตรวจครั้งก่อน: ", en: "unchanged since the last checkpoint: ")
        both(["award", "--contest", contest, "--entry", "e01", "--tier", "gold", "--reason", "x"],
             th: "khanaen award: ไม่ได้บันทึก: ไม่มีประเภทรางวัลรหัส \"gold\"", en: "khanaen award: refused: no award tier has id \"gold\"")
        both(["award", "--contest", contest, "--entry", "e01", "--tier", "gold", "--reason", "x"], th: "ไม่มีการเขียนลงสมุดคะแนน",
             en: "; nothing was written")
        both(["award", "--contest", contest, "--entry", "e01", "--tier", "none", "--reason", "x"], as: "judge1",
             th: "khanaen award: ไม่มีสิทธิ์: ", en: "khanaen award: not allowed: ")
        both(["award", "--contest", contest, "--tier", "none"], th: "(ดู khanaen award --help)", en: "(see khanaen award --help)")
        both(["init", root + "/new-th"], th: "สร้างแล้ว \(root)/new-th: การประกวดใหม่", en: "created \(root)/new-en: a new contest",
             enArgs: ["init", root + "/new-en", "--lang", "en"])
        both(["init", root + "/demo-th", "--demo"], th: "สร้างแล้ว \(root)/demo-th: การประกวดตัวอย่าง",
             en: "created \(root)/demo-en: the sample contest", enArgs: ["init", root + "/demo-en", "--demo", "--lang", "en"])
        if getpwnam("judge1") == nil {
            both(["access", "check", "--contest", root + "/demo-th"], th: "login judge1: เครื่องนี้ไม่มีผู้ใช้นี้",
                 en: "login judge1: no such user on this machine")
        }
        both(["verify", "--contest", contest], as: "nobody", th: "note      ไม่ได้อ่านสมุดคะแนน: ผู้ใช้ \"nobody\"",
             en: "note      the ledger files are not read: the login \"nobody\"")
        both(["verify", "--contest", contest, "--seal", "0123456789ab"], th: "SEAL      ไม่มีจุดตรวจใดที่มีตราผลคะแนนขึ้นต้นด้วย 0123456789ab",
             en: "SEAL      no checkpoint records a seal starting 0123456789ab")
        let silent = CLI.commands.filter { !($0.options.values.contains("lang") && $0.usage.th.contains("--lang") && $0.usage.en.contains("--lang")) }.map { $0.name }
        XCTAssertEqual(silent, [], "every command takes --lang")
        for text in thai {
            XCTAssertEqual(Glossary.misuses(text), [], text)
        }
    }
}
