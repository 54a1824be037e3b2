import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// The chair console headless, on the sample contest with a synthetic ledger.
final class ChairTests: XCTestCase {
    /// Four judges score every entry (higher for earlier entries), the fifth nothing; e20 gets
    /// only two sheets, so it is below the quorum of 3.
    static func book(extraForE05: Bool = false, draftForE01: Bool = false, wholeDraftForE01: Bool = false, chair: [LedgerEvent] = []) -> SheetBook {
        let c = Sample.contest
        var judgeEvents: [[LedgerEvent]] = []
        for j in 0..<c.judges.count {
            var events: [LedgerEvent] = []
            if j < 4 {
                for (k, e) in c.entries.enumerated() where !(e.id == "e20" && j >= 2) {
                    for crit in c.criteria {
                        let share = max(0.2, 0.95 - 0.03 * Double(k) - 0.01 * Double(j))
                        events.append(LedgerEvent(actor: c.judges[j].id, kind: .score, entry: e.id, criterion: crit.id,
                                                  value: (share * crit.max * 2).rounded() / 2))
                    }
                    events.append(LedgerEvent(actor: c.judges[j].id, kind: .submit, entry: e.id))
                }
            }
            if j == 4 && wholeDraftForE01 {
                // Every criterion scored, not submitted: a draft with a total (80.00).
                for crit in c.criteria { events.append(LedgerEvent(actor: "j5", kind: .score, entry: "e01", criterion: crit.id, value: crit.max * 0.8)) }
            }
            if j == 4 && draftForE01 {
                // Six of seven criteria: a draft.
                for crit in c.criteria.prefix(6) { events.append(LedgerEvent(actor: "j5", kind: .score, entry: "e01", criterion: crit.id, value: crit.max)) }
            }
            if j == 4 && extraForE05 {
                for crit in c.criteria { events.append(LedgerEvent(actor: "j5", kind: .score, entry: "e05", criterion: crit.id, value: crit.max)) }
                events.append(LedgerEvent(actor: "j5", kind: .submit, entry: "e05"))
            }
            judgeEvents.append(events.enumerated().map { k, e in var x = e; x.seq = k + 1; x.time = 1_764_100_000_000 + Int64(k) * 1000; return x })
        }
        return SheetBook(contest: c, judgeEvents: judgeEvents, chairEvents: chair)
    }

    static func summary() -> LedgerSummary {
        LedgerSummary(contest: Sample.contest,
                      files: Sample.contest.judges.map { .init(name: $0.id, path: "ledger/\($0.id).jsonl", lines: 160, head: String(repeating: "a", count: 64), broken: nil) }
                          + [.init(name: "chairs/chair", path: "ledger/chairs/chair.jsonl", lines: 0, head: String(repeating: "b", count: 64),
                                   broken: LedgerBreak(line: 3, message: "hash does not match"))],
                      warnings: [], strays: [])
    }

    static func computed(_ book: SheetBook, _ summary: LedgerSummary, _ m: Method) -> Computed {
        let r = Scoring.compute(book, method: m)
        return Computed(results: r, seal: ReportJSON.seal(r, ledger: summary))
    }

    /// The ledger as the console reads it: folded, with these methods computed.
    static func data(_ book: SheetBook, _ summary: LedgerSummary, events: [[LedgerEvent]] = [], time: Int64 = 1_764_100_000_000,
                     methods: [Method] = [.mean, .median]) -> ChairData {
        var computed: [Method: Computed] = [:]
        for m in methods { computed[m] = Self.computed(book, summary, m) }
        return ChairData(book: book, ledger: summary, events: events, time: time, computed: computed)
    }

    /// The console as it opens on this data: the method shown and the next computed, and, when
    /// `started`, the others too, as after its first frame.
    static func state(_ book: SheetBook, _ summary: LedgerSummary, language: Language = .th, width: Int = 80, height: Int = 24,
                      started: Bool = true) -> ChairState {
        var s = ChairState(data: data(book, summary), chair: "chair", language: language)
        ChairUpdate.update(&s, .resize(width: width, height: height))
        if started { perform(&s, ChairUpdate.update(&s, .started)) }
        return s
    }

    func state(width: Int = 80, height: Int = 24, started: Bool = true) -> ChairState {
        Self.state(Self.book(), Self.summary(), width: width, height: height, started: started)
    }

    /// Runs the effects that compute, at once, as the console's other core would; returns the rest.
    @discardableResult
    static func perform(_ s: inout ChairState, _ effects: [ChairEffect]) -> [ChairEffect] {
        var rest: [ChairEffect] = []
        for effect in effects {
            if case .compute(let g, let book, let summary, let methods) = effect {
                for m in methods { rest += perform(&s, ChairUpdate.update(&s, .computed(generation: g, m, computed(book, summary, m)))) }
            } else if case .computeStatistics(let g, let book, let byMethod, let m) = effect {
                // As the session computes them: with the eligibility the contest's rules and the chair's rulings give.
                let eligibility = book.contest.eligibility.map {
                    EligibilityRules.evaluate(book.contest.entries, config: $0, decisions: EligibilityRules.decisions(book))
                }
                let st = PanelStatistics.compute(book: book, results: byMethod[m]!, byMethod: byMethod, eligibility: eligibility)
                rest += perform(&s, ChairUpdate.update(&s, .statistics(generation: g, m, st)))
            } else {
                rest.append(effect)
            }
        }
        return rest
    }

    static func appended(_ effects: [ChairEffect]) -> [LedgerEvent] {
        effects.compactMap { if case .append(let e, _) = $0 { return e } else { return nil } }
    }

    private func frame(_ s: ChairState, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let lines = ChairView.render(s).lines
        XCTAssertEqual(lines.count, s.height, file: file, line: line)
        for (k, l) in lines.enumerated() { XCTAssertEqual(CellWidth.of(l), s.width, "row \(k): \(l)", file: file, line: line) }
        return lines
    }

    func testRankingAt80x24And140x45HasCutLinesAndAlignedColumns() {
        for (w, h) in [(80, 24), (140, 45)] {
            var s = state(width: w, height: h)
            let lines = frame(s)
            XCTAssertTrue(lines[1].contains("1 อันดับ"))
            XCTAssertTrue(lines[3].contains("⚠ ร่าง (6 ข้อ ดูจอ 7): สมุดคะแนนไม่ครบถ้วน"), "why the announcement is a draft: \(lines[3])")
            XCTAssertTrue(lines[4].contains("e01"))
            XCTAssertTrue(lines[4].contains("ยอดเยี่ยม"))
            XCTAssertTrue(lines[6].contains("เส้นรางวัลยอดเยี่ยม"), "the excellent line after rank 2: \(lines[6])")
            XCTAssertTrue(lines[h - 1].contains("ตราผลคะแนน \(s.seal.prefix(12))"))
            let scoreColumns = lines[3..<(h - 3)].compactMap { l -> Int? in
                guard let r = l.range(of: "/3") else { return nil }
                return CellWidth.of(String(l[..<r.lowerBound]))
            }
            XCTAssertGreaterThan(scoreColumns.count, 10)
            XCTAssertEqual(Set(scoreColumns).count, 1, "the sheets column is aligned at \(w)×\(h)")
            ChairUpdate.update(&s, .key(.end))
            let bottom = frame(s)
            XCTAssertTrue(bottom.contains { $0.contains("ยังไม่จัดอันดับ") }, "the unranked heading")
            XCTAssertTrue(bottom.contains { $0.contains("e20") && $0.contains("2/3") })
            XCTAssertTrue(bottom[h - 3].contains("ใบให้คะแนนไม่ครบองค์ (2/3)"), bottom[h - 3])
        }
    }

    /// With 30 entries all ranked, the excellent line follows rank 2 and the outstanding line
    /// rank 20 (2 + 18).
    func testTheOutstandingLineFollowsRank20() {
        let big = Synthetic.contest(like: Sample.contest, entries: 30, judges: 5)
        // Numbered and timed as a ledger file's lines are: a line of 1970 would not count.
        let judgeEvents = (0..<5).map { j in
            Synthetic.judgeEvents(contest: big, judge: j).enumerated().map { k, e in
                var x = e; x.seq = k + 1; x.time = 1_764_100_000_000 + Int64(k) * 1000; return x
            }
        }
        let book = SheetBook(contest: big, judgeEvents: judgeEvents, chairEvents: [])
        let s = Self.state(book, LedgerSummary(contest: big, files: [], warnings: [], strays: []))
        XCTAssertGreaterThan(s.results.ranked.count, 21, "enough entries for both lines to fall inside the list")
        let rows = s.rankingRows
        func entriesBefore(_ cut: ChairState.Row) -> Int? {
            rows.firstIndex(of: cut).map { i in rows[..<i].filter { if case .entry = $0 { return true } else { return false } }.count }
        }
        XCTAssertEqual(entriesBefore(.cut("ยอดเยี่ยม")), 2)
        XCTAssertEqual(entriesBefore(.cut("ดีเด่น")), 20)
    }

    func testMethodCyclesAndTheSealFollowsTheReport() {
        var s = state()
        XCTAssertEqual(s.method, .mean)
        let meanSeal = s.seal
        XCTAssertEqual(meanSeal, ReportJSON.seal(Scoring.compute(Self.book(), method: .mean), ledger: Self.summary()))
        XCTAssertFalse(ChairUpdate.update(&s, .key(.char("m"))).contains { if case .compute = $0 { return true } else { return false } },
                       "the next method was ready: nothing to wait for")
        XCTAssertEqual(s.method, .median)
        XCTAssertNotEqual(s.seal, meanSeal)
        XCTAssertTrue(frame(s).last!.contains("มัธยฐาน"))
        for _ in 0..<3 { Self.perform(&s, ChairUpdate.update(&s, .key(.char("m")))) }
        XCTAssertEqual(s.method, .mean)
        XCTAssertEqual(s.seal, meanSeal)
    }

    /// A method not yet computed is asked for with the generation of the data shown; the key
    /// says so at once and the method is shown when its results come.
    func testAMethodNotYetComputedIsShownWhenItArrives() {
        var s = state(started: false)
        _ = ChairUpdate.update(&s, .key(.char("m")))
        let effects = ChairUpdate.update(&s, .key(.char("m")))
        guard case .compute(let g, _, _, let methods)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(methods, [.trimmed])
        XCTAssertEqual(s.method, .median, "shown until trimmed's results are ready")
        XCTAssertEqual(s.pendingMethod, .trimmed)
        XCTAssertTrue(frame(s)[s.height - 2].contains(s.strings.computing(.trimmed)))
        ChairUpdate.update(&s, .computed(generation: g, .trimmed, Self.computed(Self.book(), Self.summary(), .trimmed)))
        XCTAssertEqual(s.method, .trimmed)
        XCTAssertNil(s.pendingMethod)
    }

    /// New data is shown once the method on screen and the one `m` goes to are computed for
    /// it; results computed for older data are dropped; the rest are computed after.
    func testNewDataWaitsForItsMethodsAndOldResultsAreDropped() {
        var s = state()
        let oldGeneration = s.generation
        let newBook = Self.book(extraForE05: true)
        var effects = ChairUpdate.update(&s, .data(Self.data(newBook, Self.summary(), time: 1_764_100_100_000, methods: [.mean])))
        XCTAssertEqual(s.updatedAt, 1_764_100_000_000, "held: median is not computed for it yet")
        guard case .compute(let g, _, _, let missing)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertNotEqual(g, oldGeneration)
        XCTAssertEqual(Set(missing), [.median, .trimmed, .normalised])
        // A late result for the old data changes nothing.
        ChairUpdate.update(&s, .computed(generation: oldGeneration, .median, Self.computed(Self.book(), Self.summary(), .median)))
        XCTAssertEqual(s.updatedAt, 1_764_100_000_000)
        effects = Self.perform(&s, effects)
        XCTAssertEqual(s.updatedAt, 1_764_100_100_000)
        XCTAssertEqual(Set(s.allMethods.keys), Set(Method.allCases))
        for m in Method.allCases {
            let direct = Scoring.compute(newBook, method: m)
            XCTAssertEqual(s.allMethods[m]?.entries.map(\.index), direct.entries.map(\.index), "\(m)")
            XCTAssertEqual(s.allMethods[m]?.entries.map(\.score), direct.entries.map(\.score), "\(m)")
        }
        XCTAssertEqual(s.seal, ReportJSON.seal(Scoring.compute(newBook, method: .mean), ledger: Self.summary()))
    }

    /// At start the console checkpoints, loads the Thai text and computes the other methods.
    func testAtStartTheOtherMethodsAreComputedOffTheLoop() {
        var s = state(started: false)
        let effects = ChairUpdate.update(&s, .started)
        XCTAssertTrue(effects.contains { if case .checkpoint = $0 { return true } else { return false } })
        XCTAssertTrue(effects.contains { if case .prepareText = $0 { return true } else { return false } })
        XCTAssertEqual(Set(s.allMethods.keys), [.mean, .median])
        Self.perform(&s, effects)
        XCTAssertEqual(Set(s.allMethods.keys), Set(Method.allCases))
        guard case .reload(let methods)? = ChairUpdate.update(&s, .tick).first else { return XCTFail("a tick reads the ledger") }
        XCTAssertEqual(methods, [.mean, .median])
    }

    /// At 80 columns the ranking still shows its last column, the flags, whatever the ids' width.
    func testTheRankingShowsTheFlagsColumnAt80Columns() {
        let big = Synthetic.contest(like: Sample.contest, entries: 30, judges: 5)
        let summary = LedgerSummary(contest: big, files: [], warnings: [], strays: [])
        let wide = Self.state(SheetBook(contest: big, judgeEvents: Array(repeating: [], count: 5), chairEvents: []), summary)
        for var s in [state(), wide] {
            for width in [80, 90, 140] {
                ChairUpdate.update(&s, .resize(width: width, height: 24))
                let header = frame(s)[2]
                XCTAssertTrue(header.hasSuffix(s.strings.columnFlags + " ") || header.contains(s.strings.columnFlags + " "), "\(width): \(header)")
            }
        }
    }

    /// With the sample's ids and with six-character ones (as in a contest of 500 entries).
    func testEveryRankingHeaderIsWholeAt80ColumnsInBothLanguages() {
        let big = Synthetic.contest(like: Sample.contest, entries: 500, judges: 5)
        let bigBook = SheetBook(contest: big, judgeEvents: Array(repeating: [], count: 5), chairEvents: [])
        let bigSummary = LedgerSummary(contest: big, files: [], warnings: [], strays: [])
        for language in [Language.th, .en] {
            for (book, summary) in [(Self.book(), Self.summary()), (bigBook, bigSummary)] {
                var s = Self.state(book, summary, language: language)
                let header = frame(s)[2]
                let w = s.strings
                for name in [w.columnRank, w.columnID, w.columnProvince, w.columnScore, w.columnSheets, w.columnSpread, w.columnAward, w.columnFlags] {
                    XCTAssertTrue(header.contains(name), "\(language): \(name) in \(header)")
                }
                XCTAssertTrue(header.contains(w.columnOrganisation) || header.contains(w.columnOrganisationShort), header)
                XCTAssertFalse(header.contains("…"), header)
            }
        }
    }

    /// The progress, judges and methods screens' column titles are whole at 80 columns too
    /// (with a method's short name where the column is narrower than the name).
    func testTheOtherTablesHeadersAreWholeAt80ColumnsInBothLanguages() {
        let big = Synthetic.contest(like: Sample.contest, entries: 500, judges: 5)
        let book = SheetBook(contest: big, judgeEvents: Array(repeating: [], count: 5), chairEvents: [])
        let summary = LedgerSummary(contest: big, files: [], warnings: [], strays: [])
        for language in [Language.th, .en] {
            var s = Self.state(book, summary, language: language)
            let w = s.strings
            let screens: [(key: Character, titles: [String])] = [
                ("4", [w.columnJudge, w.columnSubmitted, w.columnDrafts, w.columnNotStarted, w.columnRecused, w.columnDone, w.columnLast]),
                ("5", [w.columnJudge, w.columnCounted, w.columnMean, "SD", w.columnShift]),
                ("6", [w.columnID, w.columnOrganisation] + Method.allCases.map { w.methodShortName($0) }),
            ]
            for (key, titles) in screens {
                ChairUpdate.update(&s, .key(.char(key)))
                guard let header = frame(s).first(where: { $0.contains(titles[0] + " ") && $0.contains(titles[1]) }) else {
                    XCTFail("\(language) \(key): no header row")
                    continue
                }
                for title in titles { XCTAssertTrue(header.contains(title), "\(language) \(key): \(title) in \(header)") }
                XCTAssertFalse(header.contains("…"), "\(language) \(key): \(header)")
            }
        }
    }

    /// With more judges than fit, the matrix counts the rest in its header row and leaves the
    /// tab bar whole, at 80 columns and wider.
    func testTheMatrixCountsTheJudgesBeyondTheEdgeInItsHeader() {
        let big = Synthetic.contest(like: Sample.contest, entries: 30, judges: 20)
        let book = SheetBook(contest: big, judgeEvents: Array(repeating: [], count: 20), chairEvents: [])
        let summary = LedgerSummary(contest: big, files: [], warnings: [], strays: [])
        for width in [80, 140] {
            var s = Self.state(book, summary, width: width)
            ChairUpdate.update(&s, .key(.char("2")))
            let lines = frame(s)
            XCTAssertTrue(lines[1].contains("8 หารือ"), lines[1])
            let shown = big.judges.filter { j in lines[2].contains(" \(j.id) ") || lines[2].hasSuffix(" \(j.id)") }.count
            XCTAssertTrue(lines[2].contains("+\(20 - shown) →"), lines[2])
            ChairUpdate.update(&s, .key(.right))
            XCTAssertTrue(frame(s)[2].contains("+\(20 - shown - 1) →"), "one judge further right")
            XCTAssertTrue(frame(s)[2].contains("← +1"), "and one to the left")
        }
    }

    func testNewDataKeepsTheSelectionAndScroll() {
        var s = state()
        for _ in 0..<4 { ChairUpdate.update(&s, .key(.down)) }
        let selected = s.selectedEntry
        XCTAssertEqual(s.contest.entries[selected!].id, "e05")
        ChairUpdate.update(&s, .data(Self.data(Self.book(extraForE05: true), Self.summary(), time: 1_764_100_100_000)))
        XCTAssertEqual(s.selectedEntry, selected, "the chair keeps looking at the same entry")
        XCTAssertEqual(s.result(selected!)?.totals.count, 5, "with j5's new sheet counted")
        XCTAssertEqual(s.updatedAt, 1_764_100_100_000)
    }

    /// Once a chair has assigned, progress counts each judge's own entries and says which
    /// eligible entries have no judge; the ranking's count is of the assigned sheets.
    /// e01 to j2 and j5, e02–e17 to j1 and j2, e18 to j1 alone, e19 to j5, e20 to no one.
    static func assignment() -> LedgerEvent {
        let given = ["e01": ["j2", "j5"], "e18": ["j1"], "e19": ["j5"]]
        let pairs = Sample.contest.entries.prefix(19).map { e in AssignedEntry(entry: e.id, judges: given[e.id] ?? ["j1", "j2"]) }
        var assign = LedgerEvent(actor: "chair", assign: pairs, reason: "แบ่งงาน", time: 1_764_200_000_000)
        assign.seq = 1
        return assign
    }

    func testProgressCountsAgainstTheAssignment() {
        var s = Self.state(Self.book(chair: [Self.assignment()]), Self.summary())
        ChairUpdate.update(&s, .key(.char("4")))
        let lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("ยังไม่มีกรรมการ 1 รายการ: e20") }, lines.joined(separator: "\n"))
        // j5 has only e01 and e19, not started: 0 of 2, not 0 of 20.
        XCTAssertTrue(lines[2].contains("ส่งแล้วหรือถอนตัว 78 จาก 80 ใบ"), lines[2])
        XCTAssertEqual(s.results.entries.first { $0.id == "e01" }?.assigned, 2)
    }

    /// Screen 4 names the entries short of judges, and the selected entry's judges each with
    /// their sheet's state; `]` moves to the next entry.
    func testProgressShowsTheSelectedEntrysJudgesAndTheGaps() {
        var s = Self.state(Self.book(draftForE01: true, chair: [Self.assignment()]), Self.summary(), width: 80, height: 24)
        ChairUpdate.update(&s, .key(.char("4")))
        var lines = frame(s)
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("มีกรรมการไม่ถึง 2 คน 2 รายการ: e18 (1), e19 (1)") }, all)
        XCTAssertTrue(lines.contains { $0.contains("ผลงาน e01: กรรมการที่มอบหมาย 2 คน") }, all)
        XCTAssertTrue(lines.contains { $0.contains("(j5) · ร่าง (กำลังให้คะแนน)") }, all)
        XCTAssertTrue(lines.contains { $0.contains("(j2) · ส่งแล้ว") }, all)
        XCTAssertFalse(lines.contains { $0.contains("(j1) · ") }, "j1 is not given e01")
        ChairUpdate.update(&s, .key(.char("]")))
        lines = frame(s)
        let next = s.contest.entries[s.selectedEntry!].id
        XCTAssertNotEqual(next, "e01")
        XCTAssertTrue(lines.contains { $0.contains("ผลงาน \(next): กรรมการที่มอบหมาย") }, lines.joined(separator: "\n"))
        var en = Self.state(Self.book(chair: [Self.assignment()]), Self.summary(), language: .en, width: 80, height: 24)
        ChairUpdate.update(&en, .key(.char("4")))
        XCTAssertTrue(frame(en).contains { $0.contains("Entry e01: 2 judges assigned · 1 submitted · 0 active") }, frame(en).joined(separator: "\n"))
    }

    /// `w` on screen 4 asks which judge, a reason and y/n; y writes the assignment so changed as
    /// one chair `assign` line. A judge who has the entry is taken off it; one in conflict
    /// (here j3, who recused e01) is refused at once, in Thai, and nothing is asked further.
    func testReassignFromScreenFour() {
        var judges = (0..<5).map { _ in [LedgerEvent]() }
        judges[2] = [LedgerEvent(seq: 1, time: 1_764_100_000_000, actor: "j3", kind: .recuse, entry: "e01", text: "ญาติ")]
        var s = Self.state(Self.book(chair: [Self.assignment()]), Self.summary(), width: 80, height: 24)
        ChairUpdate.update(&s, .key(.char("w")))
        XCTAssertNil(s.prompt, "only on screen 4")
        XCTAssertTrue(frame(s).contains { $0.contains("จอ 4") })
        ChairUpdate.update(&s, .key(.char("4")))
        XCTAssertTrue(frame(s).contains { $0.contains("w มอบหมาย") }, "the hint names the key:\n" + frame(s).joined(separator: "\n"))
        // Kedmanee's ไ is w's key.
        ChairUpdate.update(&s, .key(.char("ไ")))
        XCTAssertEqual(s.prompt, .reassignJudge(selected: 0))
        var lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("(j2)  · มอบหมายแล้ว · ส่งแล้ว") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("(j1)  · ไม่ได้มอบหมาย") })
        ChairUpdate.update(&s, .key(.char("1")))
        guard case .reassignReason(0, true, _, _)? = s.prompt else { return XCTFail("\(String(describing: s.prompt))") }
        for c in "แทน j5" { ChairUpdate.update(&s, .key(.char(c))) }
        ChairUpdate.update(&s, .key(.enter))
        lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("มอบหมาย e01 ให้ j1 เพิ่ม? (y/n)") }, lines.joined(separator: "\n"))
        let effects = ChairUpdate.update(&s, .key(.char("y")))
        guard case .append(let line, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(line.kind, .assign)
        XCTAssertEqual(line.text, "แทน j5")
        XCTAssertEqual(line.pairs?.first { $0.entry == "e01" }?.judges, ["j1", "j2", "j5"])
        XCTAssertEqual(line.pairs?.count, 19, "the rest as it was")

        // Taking one off: j2 has e01.
        ChairUpdate.update(&s, .key(.char("w")))
        ChairUpdate.update(&s, .key(.down))
        ChairUpdate.update(&s, .key(.enter))
        for c in "ย้าย" { ChairUpdate.update(&s, .key(.char(c))) }
        ChairUpdate.update(&s, .key(.enter))
        XCTAssertTrue(frame(s).contains { $0.contains("ถอน j2 จาก e01? (y/n)") }, frame(s).joined(separator: "\n"))
        XCTAssertTrue(ChairUpdate.update(&s, .key(.char("n"))).isEmpty, "n writes nothing")

        // j3 recused e01: in conflict, refused with the reason.
        var c = Self.state(SheetBook(contest: Sample.contest, judgeEvents: judges, chairEvents: [Self.assignment()]), Self.summary(), width: 80, height: 24)
        ChairUpdate.update(&c, .key(.char("4")))
        c.selectedEntry = 0
        ChairUpdate.update(&c, .key(.char("w")))
        ChairUpdate.update(&c, .key(.char("3")))
        XCTAssertNil(c.prompt)
        XCTAssertTrue(frame(c).contains { $0.contains("j3 มีส่วนได้เสียกับผลงาน e01") }, frame(c).joined(separator: "\n"))
    }

    /// A panel of 30 judges at 24 rows follows the cursor: the judge chosen is on the screen.
    func testReassignPanelFollowsTheCursor() {
        let big = Synthetic.contest(like: Sample.contest, entries: 3, judges: 30)
        var assign = LedgerEvent(actor: "chair", assign: big.entries.map { AssignedEntry(entry: $0.id, judges: ["j1", "j2"]) }, reason: "แบ่งงาน",
                                 time: 1_764_200_000_000)
        assign.seq = 1
        let book = SheetBook(contest: big, judgeEvents: big.judges.map { _ in [] }, chairEvents: [assign])
        var s = Self.state(book, LedgerSummary(contest: big, files: [], warnings: [], strays: []), width: 80, height: 24)
        ChairUpdate.update(&s, .key(.char("4")))
        ChairUpdate.update(&s, .key(.char("w")))
        for _ in 0..<25 { ChairUpdate.update(&s, .key(.down)) }
        XCTAssertEqual(s.prompt, .reassignJudge(selected: 25))
        let lines = frame(s)
        let id = big.judges[25].id
        XCTAssertTrue(lines.contains { $0.contains("▶ 26") && $0.contains("(\(id))") }, lines.joined(separator: "\n"))
    }

    func testProgressAndIntegrityScreens() {
        var s = state(width: 80, height: 24)
        ChairUpdate.update(&s, .key(.char("4")))
        var lines = frame(s)
        XCTAssertTrue(lines[2].contains("ส่งแล้วหรือถอนตัว 78 จาก 100 ใบ (78%)"), lines[2])
        XCTAssertTrue(lines.contains { $0.contains("กรรมการ 5 (j5)") && $0.contains("20") })
        ChairUpdate.update(&s, .key(.char("7")))
        XCTAssertEqual(s.tab, .integrity)
        lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("chair.jsonl") && $0.contains("เสียที่บรรทัด 3") })
        XCTAssertTrue(lines.contains { $0.contains(s.seal) })
        // Every reason the announcement is a draft, one a line, below the seal.
        ChairUpdate.update(&s, .key(.end))
        lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("ประกาศผลยังเป็นร่าง เพราะ") }, lines.joined(separator: "\n"))
        for reason in ["• 22 ใบยังไม่ได้ให้คะแนน", "• รางวัลดีเด่น มี 17 ผลงาน แต่การประกวดกำหนด 18"] {
            XCTAssertTrue(lines.contains { $0.contains(reason) }, reason + "\n" + lines.joined(separator: "\n"))
        }
        ChairUpdate.update(&s, .key(.backTab))
        XCTAssertEqual(s.tab, .methods)
        for _ in 0..<3 { ChairUpdate.update(&s, .key(.tab)) }
        XCTAssertEqual(s.tab, .ranking, "round from the last screen to the first")
    }

    /// A rule a line breaks is said on the integrity screen in the console's language.
    func testTheIntegrityScreenSaysAViolationInTheConsolesLanguage() {
        var summary = Self.summary()
        summary.violations = [Violation(file: "j1", seq: 4, words: Phrase("เขียนในนาม j2 ในแฟ้มของกรรมการ j1", "written as j2, in the file of judge j1"))]
        for (language, said) in [(Language.th, "ledger/j1/j1.jsonl:4: เขียนในนาม j2 ในแฟ้มของกรรมการ j1"),
                                 (.en, "ledger/j1/j1.jsonl:4: written as j2, in the file of judge j1")] {
            var s = Self.state(Self.book(), summary, language: language, width: 100, height: 40)
            ChairUpdate.update(&s, .key(.char("7")))
            XCTAssertEqual(s.tab, .integrity)
            let lines = frame(s)
            XCTAssertTrue(lines.contains { $0.contains(said) }, lines.joined(separator: "\n"))
        }
    }

    /// At 80×24 the help's pages hold every key with the whole of its description, and every
    /// mark, in both languages.
    func testHelpHoldsEveryKeyAndMarkAt80x24() {
        for language in [Language.th, .en] {
            var s = Self.state(Self.book(), Self.summary(), language: language)
            ChairUpdate.update(&s, .textReady(.load()))
            ChairUpdate.update(&s, .key(.char("?")))
            var lines = frame(s)
            for _ in 1..<max(1, ChairView.helpPages(s)) {
                ChairUpdate.update(&s, .key(.pageDown))
                lines += frame(s)
            }
            XCTAssertEqual(s.screen, .help, "PgDn turns the page")
            let half = (80 - 3) / 2
            for b in Keymap.chair.bindings {
                XCTAssertTrue(lines.contains { $0.contains(b.label) }, "\(language) \(b.label)")
                for part in LineWrap.wrap(b.what.text(language), width: half - 13, words: s.text.words) {
                    XCTAssertTrue(lines.contains { $0.contains(part) }, "\(language) \(b.label): \(part)")
                }
            }
            for (mark, _) in s.strings.flagLegend { XCTAssertTrue(lines.contains { $0.contains(mark) }, mark) }
            ChairUpdate.update(&s, .key(.char("z")))
            XCTAssertEqual(s.screen, .tab)
            ChairUpdate.update(&s, .key(.char("q")))
            XCTAssertTrue(s.quit)
        }
    }

    func testMatrixShowsEachSheetAndScrollsBothWays() {
        for (w, h) in [(80, 24), (140, 45)] {
            var s = state(width: w, height: h)
            ChairUpdate.update(&s, .key(.char("2")))
            var lines = frame(s)
            XCTAssertTrue(lines[2].contains("j1") && lines[2].contains("j5"))
            let e01 = lines.first { $0.contains("e01") }!
            let t = s.book.sheet(judge: 0, entry: 0).total(maxTotal: 100)!
            XCTAssertTrue(e01.contains(TwoDecimals.text(t)), e01)
            XCTAssertTrue(lines[h - 5].contains("เฉลี่ยกรรมการ"), "the judges' means stay at the bottom")
            ChairUpdate.update(&s, .key(.end))
            lines = frame(s)
            XCTAssertTrue(lines[2].contains("j1"), "the header stays")
            XCTAssertTrue(lines.contains { $0.contains("e20") })
            ChairUpdate.update(&s, .key(.right))
            lines = frame(s)
            XCTAssertFalse(lines[2].contains("j1 "), "scrolled right by a judge")
            XCTAssertEqual(s.leftJudge, 1)
        }
    }

    func testEntryScreenShowsScoresNotesFlagsAndHistory() {
        var s = state(width: 100, height: 40)
        let c = Sample.contest
        let history = [[LedgerEvent(seq: 1, time: 1_764_100_000_000, actor: "j1", kind: .score, entry: "e01", criterion: "c3", value: 24)],
                       [], [], [], [], [LedgerEvent(seq: 1, time: 1_764_100_500_000, actor: "chair", kind: .award, entry: "e01", tier: "excellent", text: "ตามมติ")]]
        ChairUpdate.update(&s, .data(Self.data(Self.book(), Self.summary(), events: history, time: 1)))
        ChairUpdate.update(&s, .key(.enter))
        XCTAssertEqual(s.tab, .entry)
        let lines = frame(s)
        XCTAssertTrue(lines[2].contains("e01 · เทศบาลนครยะลา"))
        for crit in c.criteria { XCTAssertTrue(lines.contains { $0.contains(crit.short) }, crit.short) }
        XCTAssertTrue(lines.contains { $0.contains("รวม /100") })
        XCTAssertTrue(lines.contains { $0.contains("ประวัติในสมุดคะแนน") })
        XCTAssertTrue(lines.contains { $0.contains("chair ตัดสินรางวัล → ยอดเยี่ยม: ตามมติ") }, "the tier by its title")
        XCTAssertTrue(lines.contains { $0.contains("26 พ.ย. 2568 02:46:40 j1 ให้คะแนน เกณฑ์ 3 = 24") }, "the contest's time, UTC+7, in the Buddhist era")
        XCTAssertTrue(lines.contains { $0.contains("เวลา Asia/Bangkok") }, "the contest's zone by name, not the machine's offset")
        XCTAssertFalse(lines.contains { $0.contains("UTC+00:00") })
        ChairUpdate.update(&s, .key(.char("]")))
        XCTAssertEqual(s.contest.entries[s.selectedEntry!].id, "e02")
        ChairUpdate.update(&s, .key(.char("[")))
        XCTAssertEqual(s.contest.entries[s.selectedEntry!].id, "e01")
    }

    /// Issue 18: opening the console appends a checkpoint, and its help says so.
    func testTheHelpSaysTheConsoleWritesCheckpoints() {
        var s = state()
        XCTAssertEqual(ChairUpdate.update(&s, .started).contains { if case .checkpoint = $0 { return true } else { return false } }, true,
                       "opening the console records a checkpoint")
        let first = ChairView.helpSections(s)[0]
        XCTAssertTrue(first.extra.contains { $0.1.contains("จุดตรวจสอบ") && $0.1.contains("เมื่อเปิดคอนโซล") }, "\(first.extra)")
        let english = ChairView.helpSections(Self.state(Self.book(), Self.summary(), language: .en))[0]
        XCTAssertTrue(english.extra.contains { $0.1.contains("a checkpoint when it opens") }, "\(english.extra)")
    }

    func testJudgesAndMethodsScreens() {
        var s = state()
        ChairUpdate.update(&s, .key(.char("5")))
        var lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("กรรมการ 1 (j1)") })
        XCTAssertTrue(lines.contains { $0.contains("กรรมการ 5 (j5)") && $0.contains("ไม่ปรับ") })
        XCTAssertTrue(lines.contains { $0.contains("รูปแบบการให้คะแนนของกรรมการ") }, "the patterns")
        // Issue 18: the judges scored the entries in the order of their quality; their totals fall
        // as they go, but not against one another's: no drift is flagged.
        XCTAssertFalse(lines.contains { $0.contains(" (j") && $0.contains("⚑") }, "no judge drifts: \(lines.joined(separator: "\n"))")
        ChairUpdate.update(&s, .key(.end))
        lines = frame(s)
        XCTAssertTrue(lines.contains { $0.contains("สอดคล้อง") }, "the agreement, with its figures")
        XCTAssertTrue(lines.contains { $0.contains("ลักษณะผลงาน") && $0.contains("%") })
        ChairUpdate.update(&s, .key(.char("6")))
        XCTAssertEqual(s.allMethods.count, 4)
        lines = frame(s)
        XCTAssertTrue(lines[2].contains("วิธีทางการ: ค่าเฉลี่ย"), lines[2])
        XCTAssertTrue(lines[3].contains("ตามที่ประกาศไว้ใน contest.json"), lines[3])
        XCTAssertTrue(lines[5].contains("ขึ้นกับวิธีรวมคะแนน"), lines[5])
        let differs = s.entryOrder.contains { e in Set(Method.allCases.map { s.allMethods[$0]!.entries.first { $0.index == e }!.proposed ?? "" }).count > 1 }
        XCTAssertEqual(lines.contains { $0.contains("ทุกวิธีเสนอรางวัลเหมือนกัน") }, !differs)
    }

    private func keys(_ s: inout ChairState, _ keys: Key...) -> [ChairEffect] {
        var effects: [ChairEffect] = []
        for k in keys { effects += ChairUpdate.update(&s, .key(k)) }
        return effects
    }

    private func type(_ s: inout ChairState, _ text: String) { for c in text { _ = keys(&s, .char(c)) } }

    func testSettingAnAwardAsksForATierAReasonAndAYes() {
        var s = state()
        _ = keys(&s, .down, .down, .char("a"))
        XCTAssertEqual(s.prompt, .tier)
        XCTAssertTrue(frame(s)[s.height - 2].contains("1 ยอดเยี่ยม  2 ดีเด่น  0 ไม่มีรางวัล"))
        _ = keys(&s, .char("1"))
        _ = keys(&s, .enter)
        XCTAssertTrue(s.status!.text.contains("ต้องระบุเหตุผล"), "an empty reason is refused")
        type(&s, "ผลกระทบต่อชุมชนสูง")
        _ = keys(&s, .enter)
        XCTAssertTrue(frame(s)[s.height - 2].contains("ตัดสินรางวัล e03 → ยอดเยี่ยม? (y/n)"), frame(s)[s.height - 2])
        let effects = keys(&s, .char("y"))
        XCTAssertEqual(Self.appended(effects), [LedgerEvent(actor: "chair", kind: .award, entry: "e03", tier: "excellent", text: "ผลกระทบต่อชุมชนสูง")])
        XCTAssertNil(s.prompt)
        _ = ChairUpdate.update(&s, .saved(LedgerEvent(actor: "chair", kind: .award, entry: "e03", tier: "excellent")))
        XCTAssertTrue(s.status!.text.contains("บันทึกแล้ว"))
    }

    func testWithdrawingAndCancelling() {
        var s = state()
        XCTAssertTrue(keys(&s, .char("a"), .char("a")).isEmpty)
        type(&s, "ถอน")
        XCTAssertTrue(keys(&s, .enter, .char("n")).isEmpty, "n at the question writes nothing")
        XCTAssertTrue(s.status!.text.contains("ยกเลิก"))
        XCTAssertTrue(keys(&s, .char("a"), .escape).isEmpty)
        XCTAssertNil(s.prompt)
        XCTAssertTrue(keys(&s, .char("a"), .char("0")).isEmpty)
        type(&s, "ไม่ผ่านคุณสมบัติ")
        XCTAssertEqual(Self.appended(keys(&s, .enter, .char("y"))),
                       [LedgerEvent(actor: "chair", kind: .award, entry: "e01", tier: "none", text: "ไม่ผ่านคุณสมบัติ")])
    }

    /// Reopening offers only the judges whose sheets for the entry are submitted or recused.
    func testReopenOffersTheSubmittedSheetsJudges() {
        var s = state()
        _ = keys(&s, .char("o"))
        XCTAssertEqual(s.prompt, .judge(choices: [0, 1, 2, 3], selected: 0), "j5 has not scored e01")
        let lines = frame(s)
        for (k, id) in ["j1", "j2", "j3", "j4"].enumerated() {
            XCTAssertTrue(lines.contains { $0.contains("\(k + 1)  กรรมการ \(k + 1) (\(id))  · ส่งแล้ว") }, "\(id) offered, one a row")
        }
        XCTAssertFalse(lines.contains { $0.contains("(j5)") })
        _ = keys(&s, .char("9"))
        XCTAssertEqual(s.status?.kind, .error)
        _ = keys(&s, .down, .enter)
        guard case .reason(let draft, _)? = s.prompt else { return XCTFail("\(String(describing: s.prompt))") }
        XCTAssertEqual(draft.judge, "j2")
        type(&s, "กรอกผิดช่อง")
        XCTAssertTrue(keys(&s, .enter).isEmpty)
        XCTAssertEqual(Self.appended(keys(&s, .char("y"))),
                       [LedgerEvent(actor: "chair", kind: .reopen, judge: "j2", entry: "e01", text: "กรอกผิดช่อง")])
        _ = ChairUpdate.update(&s, .notSaved("the sheet of j2 for e01 is not submitted or recused"))
        XCTAssertEqual(s.status?.kind, .error)
    }

    func testReopenWithNoSubmittedSheetSaysSo() {
        let c = Sample.contest
        var s = Self.state(SheetBook(contest: c, judgeEvents: Array(repeating: [], count: c.judges.count), chairEvents: []), Self.summary())
        _ = keys(&s, .char("o"))
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.status!.text.contains("e01"), s.status!.text)
    }

    /// The export as the session plans it from the ledger read again (here, the book on screen).
    static func plan(_ s: ChairState) -> ExportPlan {
        let r = Scoring.compute(s.book, method: s.official)
        return ExportPlan(results: r, ledger: s.ledger, statistics: nil,
                          draft: AnnouncementDraft.check(r, book: s.book, ledger: s.ledger, queue: nil), seal: ReportJSON.seal(r, ledger: s.ledger))
    }

    func testExportAsksAboutADraftAndBeforeReplacingFiles() {
        func overwrite(_ effects: [ChairEffect]) -> Bool? {
            guard effects.count == 1, case .export(_, let o) = effects[0] else { return nil }
            return o
        }
        func press(_ s: inout ChairState) {
            // `e` computes nothing from the screen: the session reads the ledger again.
            let asked = keys(&s, .char("e"))
            guard asked.count == 1, case .prepareExport = asked[0] else { return XCTFail("\(asked)") }
            XCTAssertNil(s.prompt)
            XCTAssertTrue(ChairUpdate.update(&s, .exportPlanned(Self.plan(s))).isEmpty, "a draft is asked about first")
        }
        var s = state()
        // Four judges of five, nothing decided: the announcement is a draft, and the console says why.
        press(&s)
        guard case .draft(let reasons)? = s.prompt else { return XCTFail("\(String(describing: s.prompt))") }
        XCTAssertTrue(reasons.contains("22 ใบยังไม่ได้ให้คะแนน"), "\(reasons)")
        XCTAssertTrue(frame(s).joined().contains(reasons[0].prefix(10)), "the first reason shows")
        XCTAssertEqual(overwrite(keys(&s, .char("y"))), false)
        ChairUpdate.update(&s, .exportExists(["ranking-mean.csv"]))
        XCTAssertTrue(frame(s)[s.height - 2].contains("ranking-mean.csv"))
        XCTAssertEqual(overwrite(keys(&s, .char("y"))), true)
        ChairUpdate.update(&s, .exported(["/x/exports/ranking-mean.csv"]))
        XCTAssertTrue(s.status!.text.contains("ส่งออกแล้ว"))
        press(&s)
        _ = keys(&s, .char("y"))
        ChairUpdate.update(&s, .exportExists(["ranking-mean.csv"]))
        XCTAssertTrue(keys(&s, .char("n")).isEmpty)
        XCTAssertNil(s.prompt)
        press(&s)
        XCTAssertTrue(keys(&s, .char("n")).isEmpty, "no to the draft exports nothing")
        // A final announcement is exported without a question.
        var final = Self.plan(s)
        final.draft = []
        _ = keys(&s, .char("e"))
        XCTAssertEqual(overwrite(ChairUpdate.update(&s, .exportPlanned(final))), false)
        XCTAssertNil(s.prompt)
    }

    /// The console opens on the official method and says so; another method is marked as a
    /// comparison; `M` makes the method on screen official only with a reason and a yes;
    /// the export is the official method's whatever is on screen.
    func testTheOfficialMethodIsShownChangedOnlyWithAReasonAndExported() {
        var s = state()
        XCTAssertEqual(s.method, s.official)
        XCTAssertTrue(frame(s).last!.contains("ค่าเฉลี่ย (ทางการ)"), frame(s).last!)
        XCTAssertTrue(keys(&s, .char("M")).isEmpty)
        XCTAssertNil(s.prompt, "the official method needs no change")
        XCTAssertTrue(s.status!.text.contains("เป็นวิธีทางการอยู่แล้ว"))
        _ = keys(&s, .char("m"))
        XCTAssertTrue(frame(s).last!.contains("มัธยฐาน (เพื่อเทียบ)"), frame(s).last!)
        // Exporting while the median is on screen exports the mean's results.
        _ = keys(&s, .char("e"))
        ChairUpdate.update(&s, .exportPlanned(Self.plan(s)))
        let exported = keys(&s, .char("y"))
        guard case .export(let plan, _)? = exported.first else { return XCTFail("\(exported)") }
        XCTAssertEqual(plan.results.method, .mean)
        _ = keys(&s, .char("M"))
        guard case .reason? = s.prompt else { return XCTFail("a reason is asked first") }
        _ = keys(&s, .enter)
        XCTAssertTrue(s.status!.text.contains("ต้องระบุเหตุผล"))
        type(&s, "มติที่ประชุม")
        _ = keys(&s, .enter)
        XCTAssertTrue(frame(s)[s.height - 2].contains("ตั้งมัธยฐานเป็นวิธีทางการ"), frame(s)[s.height - 2])
        XCTAssertEqual(Self.appended(keys(&s, .char("y"))),
                       [LedgerEvent(actor: "chair", kind: .method, entry: "", text: "มติที่ประชุม", outcome: "median")])
    }

    /// The ranking shows how sure each proposal is once the statistics arrive ("…" until then);
    /// the queue lists what to discuss, goes to the entry, and records the panel's outcome
    /// with a reason and a yes; a recorded item leaves the open list.
    func testConfidenceAndTheDiscussionQueue() {
        // j5's full marks for e05 give the queue an item (the judges' falling totals are no drift).
        var s = Self.state(Self.book(extraForE05: true), Self.summary(), started: false)
        XCTAssertTrue(frame(s)[4].contains("…"), "no figure before the bootstrap: \(frame(s)[4])")
        let effects = ChairUpdate.update(&s, .started)
        XCTAssertFalse(effects.contains { if case .computeStatistics = $0 { return true } else { return false } },
                       "the statistics wait for every method's results")
        Self.perform(&s, effects)
        XCTAssertNotNil(s.statistics)
        XCTAssertTrue(frame(s)[4].contains("%"), frame(s)[4])
        _ = keys(&s, .char("8"))
        XCTAssertEqual(s.tab, .queue)
        let items = QueueView.items(s)
        XCTAssertFalse(items.isEmpty, "j5's sheet for e05 is far from the others'")
        XCTAssertTrue(frame(s)[2].contains("รายการที่ควรหารือ"), frame(s)[2])
        let first = items[0]
        _ = keys(&s, .char("r"))
        XCTAssertEqual(s.prompt, .outcome(first))
        _ = keys(&s, .char("1"))
        type(&s, "ที่ประชุมเห็นว่าเหมาะสม")
        _ = keys(&s, .enter)
        let written = Self.appended(keys(&s, .char("y")))
        XCTAssertEqual(written.count, 1)
        XCTAssertEqual(written.first?.kind, .discussed)
        XCTAssertEqual(written.first?.topic, first.topic.rawValue)
        XCTAssertEqual(written.first?.outcome, "kept")
        if first.entry != nil {
            _ = keys(&s, .enter)
            XCTAssertEqual(s.tab, .entry)
            XCTAssertEqual(s.selectedEntry, first.entry)
        }
    }

    func testEveryScreenAtBothSizesKeepsEveryRowToTheTerminalWidth() {
        for (w, h) in [(80, 24), (140, 45)] {
            var s = state(width: w, height: h)
            for (k, tab) in ChairState.Tab.allCases.enumerated() {
                ChairUpdate.update(&s, .key(.char(Character(String(k + 1)))))
                XCTAssertEqual(s.tab, tab)
                let lines = frame(s)
                XCTAssertTrue(lines[h - 1].contains("ตราผลคะแนน \(s.seal.prefix(12))"), "the seal on \(tab) at \(w)×\(h)")
                for key in [Key.pageDown, .end, .down, .home] {
                    ChairUpdate.update(&s, .key(key))
                    _ = frame(s)
                }
            }
            ChairUpdate.update(&s, .key(.char("?")))
            _ = frame(s)
        }
    }

    /// Issue 18 #5: the console has an eligibility panel (`c`, in the help): every entry's
    /// rules, a ruling on one entry, and on one rule for every entry it leaves open, each with
    /// a reason and a y/n, written as `khanaen eligibility --decide` writes them.
    func testTheEligibilityPanelRulesOnOneEntryAndOnAWholeRule() {
        var s = state()
        XCTAssertTrue(Keymap.chair.bindings.contains { $0.action == .eligibility && $0.keys.contains(.char("c")) })
        XCTAssertTrue(ChairView.helpSections(s).contains { $0.keys.bindings.contains { $0.action == .decideRule } })
        guard let all = s.eligibility else { return XCTFail("the sample has eligibility rules") }
        let waiting = all.filter { $0.status == .review }
        XCTAssertGreaterThan(waiting.count, 1)
        ChairUpdate.update(&s, .key(.char("c")))
        XCTAssertEqual(s.screen, .eligibility)
        var lines = frame(s)
        XCTAssertTrue(lines[2].contains("คุณสมบัติ: รอคำวินิจฉัย \(waiting.count) จาก \(all.count) ผลงาน"), lines[2])
        XCTAssertTrue(lines[3].contains("ดิจิทัล") && lines[3].contains("อปท."), lines[3])
        XCTAssertTrue(lines.contains { $0.contains("e01") && $0.contains("?") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[s.height - 2].contains("Enter วินิจฉัยผลงานนี้"), lines[s.height - 2])

        // One entry: Enter, 2 (fail), a reason, y.
        ChairUpdate.update(&s, .key(.enter))
        XCTAssertEqual(s.prompt, .ruling(entries: [0], rule: nil))
        ChairUpdate.update(&s, .key(.char("2")))
        for c in "ไม่ใช่นวัตกรรมดิจิทัล" { ChairUpdate.update(&s, .key(.char(c))) }
        ChairUpdate.update(&s, .key(.enter))
        lines = frame(s)
        XCTAssertTrue(lines[s.height - 2].contains("วินิจฉัยคุณสมบัติ e01 → ไม่ผ่าน? (y/n)"), lines[s.height - 2])
        var effects = ChairUpdate.update(&s, .key(.char("y")))
        XCTAssertEqual(Self.appended(effects).map { "\($0.kind.rawValue) \($0.entry) \($0.outcome ?? "") \($0.text ?? "")" },
                       ["eligibility e01 fail ไม่ใช่นวัตกรรมดิจิทัล"])

        // A whole rule: r, the rule, 1 (pass): every entry also waits on its date in use, so
        // a pass on the digital rule alone settles none, and says so; 3 passes them in full.
        XCTAssertTrue(waiting.allSatisfy { $0.rules.contains { $0.rule == .inUse && $0.status == .review } })
        ChairUpdate.update(&s, .key(.char("r")))
        guard case .ruleChoice(let rules)? = s.prompt else { return XCTFail("\(String(describing: s.prompt))") }
        XCTAssertTrue(frame(s)[s.height - 2].contains("วินิจฉัยเกณฑ์ใด: 1 ใช้งานจริง (\(waiting.count))"), frame(s)[s.height - 2])
        ChairUpdate.update(&s, .key(.char(Character("\(rules.firstIndex(of: .digital)! + 1)"))))
        guard case .ruling(let entries, .digital?)? = s.prompt else { return XCTFail("\(String(describing: s.prompt))") }
        XCTAssertEqual(entries.count, waiting.count)
        XCTAssertTrue(frame(s)[s.height - 2].trimmingCharacters(in: .whitespaces).hasSuffix("1 ผ่าน  2 ไม่ผ่าน  3 ผ่านทุกเกณฑ์ที่รอ"),
                      "the choices are whole at 80 columns: \(frame(s)[s.height - 2])")
        ChairUpdate.update(&s, .key(.char("1")))
        XCTAssertTrue(s.status?.text.contains("ผ่านเกณฑ์นี้อย่างเดียวไม่ได้") ?? false, s.status?.text ?? "nil")
        ChairUpdate.update(&s, .key(.char("3")))
        for c in "ตรวจเอกสารครบทุกผลงาน" { ChairUpdate.update(&s, .key(.char(c))) }
        ChairUpdate.update(&s, .key(.enter))
        XCTAssertTrue(frame(s)[s.height - 2].contains("→ ผ่าน ทุกเกณฑ์ที่รอ? (y/n)"), "the y/n is whole: \(frame(s)[s.height - 2])")
        effects = ChairUpdate.update(&s, .key(.char("y")))
        guard case .appendAll(let events, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(events.map(\.entry), entries.map { s.contest.entries[$0].id })
        XCTAssertTrue(events.allSatisfy { $0.kind == .eligibility && $0.outcome == "pass" && $0.text == "ตรวจเอกสารครบทุกผลงาน" })
        ChairUpdate.update(&s, .savedAll(events))
        XCTAssertEqual(s.status?.text, "บันทึกแล้ว: คุณสมบัติ \(events.count) ผลงาน → ผ่าน")

        // The rulings in the ledger: the panel shows them, and fewer wait.
        let chairEvents = events.enumerated().map { k, e -> LedgerEvent in var x = e; x.seq = k + 1; x.time = 1_764_200_000_000; return x }
        let book = Self.book(chair: chairEvents)
        Self.perform(&s, ChairUpdate.update(&s, .data(Self.data(book, Self.summary(), methods: Method.allCases))))
        XCTAssertEqual(s.eligibility?.filter { $0.status == .review }.count, 0)
        XCTAssertTrue(frame(s)[2].contains("รอคำวินิจฉัย 0 จาก"), frame(s)[2])
        XCTAssertTrue(frame(s).contains { $0.contains("ผ่าน · ตรวจเอกสารครบทุกผลงาน") })
    }

    /// Issue 18 #5: the queue shows one eligibility item a rule; Enter on it opens the panel.
    func testTheQueueHasOneEligibilityItemPerRule() {
        var s = state()
        let book = Self.book()
        let byMethod = Dictionary(uniqueKeysWithValues: Method.allCases.map { ($0, Scoring.compute(book, method: $0)) })
        let eligibility = EligibilityRules.evaluate(book.contest.entries, config: book.contest.eligibility!)
        let st = PanelStatistics.compute(book: book, results: byMethod[s.method]!, byMethod: byMethod, eligibility: eligibility)
        ChairUpdate.update(&s, .statistics(generation: s.generation, s.method, st))
        let items = st.queue.filter { $0.topic == .eligibility }
        let rules = Set(eligibility.flatMap { x in x.status == .review ? x.rules.filter { $0.status == .review }.map(\.rule) : [] })
        XCTAssertEqual(items.count, rules.count, "one item a rule, not \(eligibility.filter { $0.status == .review }.count)")
        ChairUpdate.update(&s, .key(.char("8")))
        let lines = frame(s)
        XCTAssertEqual(lines.filter { $0.contains(" " + ReportWords(s.strings.language).topic(.eligibility, short: true) + " ") }.count, items.count, lines.joined(separator: "\n"))
        let p = QueueView.items(s).firstIndex { $0.topic == .eligibility }!
        s.queueList.select(p, count: QueueView.items(s).count, page: s.layout.queue.items.pageRows)
        ChairUpdate.update(&s, .key(.enter))
        XCTAssertEqual(s.screen, .eligibility)
    }

    /// Issue 18 #6: screen 5, screen 3 and the queue speak Thai (halo, flat, drift, p, ICC,
    /// Kendall's W, α, bootstrap are not on them); the help names the technical terms.
    /// Issue 18 #10: screen 3 does not repeat the topic's word, nor say "no flags" under ● items.
    func testThaiScreensUseThaiWordsAndTheHelpNamesTheTechnicalTerms() {
        var s = state(width: 140, height: 45)
        var text = ""
        for tab in ["3", "5", "8"] {
            ChairUpdate.update(&s, .key(.char(Character(tab))))
            for _ in 0..<3 {
                text += frame(s).joined(separator: "\n")
                ChairUpdate.update(&s, .key(.pageDown))
            }
        }
        for english in ["halo", "flat", "drift", "ICC", "Kendall", "α", "bootstrap", "rho"] {
            XCTAssertFalse(text.contains(english), "\(english) on a Thai screen:\n\(text)")
        }
        XCTAssertTrue(text.contains("สอดคล้องรายคน") && text.contains("สุ่มซ้ำ 2000 รอบ") && text.contains("นัยสำคัญ"), text)
        let glossary = ChairView.helpSections(s).flatMap(\.extra).map { $0.0 + " " + $0.1 }.joined(separator: "\n")
        for english in ["ICC(2,1)", "Kendall's W", "Krippendorff's α", "halo", "drift", "bootstrap"] {
            XCTAssertTrue(glossary.contains(english), "the help names \(english)")
        }
        ChairUpdate.update(&s, .key(.char("3")))
        let entry = frame(s)
        XCTAssertFalse(entry.contains { $0.contains("คุณสมบัติ: คุณสมบัติ") }, entry.joined(separator: "\n"))
        XCTAssertTrue(entry.contains { $0.contains("● คุณสมบัติ · ใช้งานจริง: ไม่ได้ระบุวันที่เริ่มใช้งานจริง") }, entry.joined(separator: "\n"))
        XCTAssertFalse(entry.contains { $0.contains("ไม่มีข้อสังเกต") }, "no 'no flags' under the ● items")
    }

    /// Issue 18 #7: a draft's total on screen 2 is in brackets, with a legend saying what is
    /// counted, as screen 3 says it.
    func testTheMatrixMarksDraftsAndSaysWhatIsCounted() {
        var s = Self.state(Self.book(draftForE01: true), Self.summary())
        ChairUpdate.update(&s, .key(.char("2")))
        let lines = frame(s)
        let row = lines.first { $0.contains("e01") } ?? ""
        XCTAssertTrue(row.contains("(6/7)"), "the draft in brackets: \(row)")
        XCTAssertTrue(lines.contains { $0.contains("(วงเล็บ) คือใบที่ยังเป็นร่าง ไม่นับ") }, lines.joined(separator: "\n"))
        var plain = state()
        ChairUpdate.update(&plain, .key(.char("2")))
        XCTAssertFalse(frame(plain).contains { $0.contains("(วงเล็บ)") }, "no legend without a draft")
    }

    /// Issue 18 #10: at 80 columns and up, nothing is cut that must be whole: a header's last
    /// letter (at every width), a message beside the hints (the hints drop whole items), the
    /// export's folder (shortened in its middle), the overwrite question and its y/n, a draft's
    /// total on screen 3, a date and time on screen 4.
    func testNothingIsCutThatMustBeWhole() {
        for width in 80...140 {
            var s = state(width: width, height: 30)
            XCTAssertTrue(frame(s)[2].contains("ข้อสังเกต"), "\(width): \(frame(s)[2])")
            ChairUpdate.update(&s, .key(.char("5")))
            XCTAssertTrue(frame(s).contains { $0.contains("ข้อสังเกต ") }, "\(width)")
        }
        var s = state()
        let hints = Keymap.chair.hints([.nextTab, .method, .award, .help, .quit], s.strings).components(separatedBy: "  ")
        s.status = .info(s.strings.demoChair("chair") + " · ตัวอย่างข้อความยาวที่ไม่พอดีกับบรรทัดเดียว")
        var line = frame(s)[s.height - 2]
        let tail = line.trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(hints.reversed().contains { tail.hasSuffix($0) } || !hints.contains { line.contains($0) }, line)
        XCTAssertFalse(line.contains("ก Tab"), "no text runs into the hints: \(line)")
        for h in hints where line.contains(h.split(separator: " ").last.map(String.init) ?? h) && !line.contains(h) {
            XCTFail("a hint cut: \(h) in \(line)")
        }
        s.status = nil
        let folder = "/tmp/khanaen-e2e-0A1B2C3D-4E5F-6789-ABCD-EF0123456789/data/khanaen/digital-local-2566/exports"
        ChairUpdate.update(&s, .exported(["announcement-mean.md", "ranking-mean.csv"].map { folder + "/" + $0 }))
        line = frame(s)[s.height - 2]
        XCTAssertTrue(line.contains("ส่งออกแล้ว 2 แฟ้ม ไปที่ /tmp/") && line.contains("…") && line.contains("2566/exports"), line)
        ChairUpdate.update(&s, .exportExists(["ranking-mean.csv", "ranking-mean.json", "ranking-mean.md", "announcement-mean.md"]))
        line = frame(s)[s.height - 2]
        XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix("เขียนทับ? (y/n)"), line)

        var d = Self.state(Self.book(wholeDraftForE01: true), Self.summary())
        ChairUpdate.update(&d, .key(.char("3")))
        XCTAssertTrue(frame(d).contains { $0.contains("(80.00)") }, frame(d).joined(separator: "\n"))

        var p = Self.state(Self.book(), Self.summary())
        p = ChairState(data: Self.data(Self.book(), Self.summary(), time: 1_764_100_000_000 + 3 * 86_400_000), chair: "chair")
        ChairUpdate.update(&p, .resize(width: 80, height: 24))
        ChairUpdate.update(&p, .key(.char("4")))
        let rows = frame(p).filter { $0.contains("(j1)") }
        XCTAssertTrue(rows.contains { $0.range(of: "[0-9]+ [^ ]+ [0-9]{4} [0-9]{2}:[0-9]{2}", options: .regularExpression) != nil }, frame(p).joined(separator: "\n"))
    }

    /// Issue 18 #10: on screen 5 at 80 columns a judge's flagged patterns wrap in their column,
    /// not "เข้…".
    func testFlaggedPatternsWrapRatherThanCut() {
        var s = state()
        guard var st = s.statistics else { return XCTFail("statistics") }
        st.patterns[0].severity.flagged = true
        st.patterns[0].severity.value = -1.2
        st.patterns[0].halo.flagged = true
        ChairUpdate.update(&s, .statistics(generation: s.generation, s.method, st))
        ChairUpdate.update(&s, .key(.char("5")))
        let text = frame(s).joined(separator: "\n")
        XCTAssertTrue(text.contains("เข้มหรืออ่อนกว่าคณะ"), text)
        XCTAssertFalse(text.contains("เข้…"), text)
    }

    func testTooSmall() {
        let s = state(width: 70, height: 20)
        XCTAssertTrue(frame(s).joined().contains("80×24"))
    }

    func testSpreadShowsEachJudgeOnTheAxis() {
        XCTAssertEqual(RankingView.spread([0, 100, 55, 56], width: 10), "▂····▄···▂")
        XCTAssertEqual(RankingView.spread([], width: 4), "····")
    }
}
