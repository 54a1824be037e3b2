import XCTest
@testable import KhanaenCore

/// Every expected number here is worked by hand from docs/scoring.md. The test contest has
/// criteria a (max 10), b (20), c (10): a sheet's total is 100 × (a + b + c) / 40.
final class ScoringTests: XCTestCase {
    private func book(_ contest: Contest, _ perJudge: [String: [LedgerEvent]], chair: [LedgerEvent] = []) -> SheetBook {
        SheetBook(contest: contest, judgeEvents: contest.judges.map { Fixtures.numbered(perJudge[$0.id] ?? []) },
                  chairEvents: Fixtures.numbered(chair))
    }

    private func entry(_ r: Results, _ id: String) -> EntryResult { r.entries.first { $0.id == id }! }

    /// Totals 80, 90, 70, 100, 50 for one entry.
    private func fiveJudges() throws -> SheetBook {
        let contest = try Fixtures.contest(judges: 5)
        return book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8), "j2": Fixtures.sheet("j2", "e1", 9, 18, 9),
            "j3": Fixtures.sheet("j3", "e1", 7, 14, 7), "j4": Fixtures.sheet("j4", "e1", 10, 20, 10),
            "j5": Fixtures.sheet("j5", "e1", 5, 10, 5),
        ])
    }

    func testSheetTotalIsOutOf100() throws {
        let b = try fiveJudges()
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).total(maxTotal: 40), 80)
        XCTAssertEqual(b.sheet(judge: 4, entry: 0).total(maxTotal: 40), 50)
    }

    func testMeanMedianTrimmedAndSpread() throws {
        let b = try fiveJudges()
        let mean = entry(Scoring.compute(b, method: .mean), "e1")
        XCTAssertEqual(mean.score!, 78, accuracy: 1e-9)
        XCTAssertEqual(mean.sd!, (1480.0 / 5).squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(entry(Scoring.compute(b, method: .median), "e1").score!, 80, accuracy: 1e-9)
        XCTAssertEqual(entry(Scoring.compute(b, method: .trimmed), "e1").score!, 80, accuracy: 1e-9, "drops 100 and 50")
        XCTAssertEqual(mean.flags.first { $0.kind == .spread }?.value ?? 0, 17.2047, accuracy: 1e-4)
        XCTAssertEqual(mean.flags.first { $0.kind == .outlier }?.judges, ["j4", "j5"], "more than 15 from the median 80")
        XCTAssertEqual(mean.criterionMeans.map { $0! }, [7.8, 15.6, 7.8])
    }

    func testTrimmedIsAPlainMeanBelowFiveSheets() throws {
        let contest = try Fixtures.contest(judges: 4)
        let b = book(contest, ["j1": Fixtures.sheet("j1", "e1", 10, 20, 10), "j2": Fixtures.sheet("j2", "e1", 5, 10, 5),
                               "j3": Fixtures.sheet("j3", "e1", 8, 16, 8), "j4": Fixtures.sheet("j4", "e1", 2, 4, 2)])
        XCTAssertEqual(entry(Scoring.compute(b, method: .trimmed), "e1").score!, (100 + 50 + 80 + 20) / 4, accuracy: 1e-9)
        XCTAssertEqual(entry(Scoring.compute(b, method: .median), "e1").score!, 65, accuracy: 1e-9)
    }

    func testNormalisedMovesEveryJudgeToTheContestScale() throws {
        let contest = try Fixtures.contest(judges: 3)
        // j1: 80 70 60, j2: 90 85 80, j3: 60 50 40 — each judge's z-scores are +√1.5, 0, −√1.5.
        let b = book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8) + Fixtures.sheet("j1", "e2", 7, 14, 7) + Fixtures.sheet("j1", "e3", 6, 12, 6),
            "j2": Fixtures.sheet("j2", "e1", 9, 18, 9) + Fixtures.sheet("j2", "e2", 8.5, 17, 8.5) + Fixtures.sheet("j2", "e3", 8, 16, 8),
            "j3": Fixtures.sheet("j3", "e1", 6, 12, 6) + Fixtures.sheet("j3", "e2", 5, 10, 5) + Fixtures.sheet("j3", "e3", 4, 8, 4),
        ])
        let r = Scoring.compute(b, method: .normalised)
        let mu = 615.0 / 9, sigma = (2300.0 / 9).squareRoot(), z = 1.5.squareRoot()
        XCTAssertEqual(r.contestMean!, mu, accuracy: 1e-9)
        XCTAssertEqual(r.contestSD!, sigma, accuracy: 1e-9)
        XCTAssertEqual(entry(r, "e1").score!, mu + sigma * z, accuracy: 1e-9)
        XCTAssertEqual(entry(r, "e2").score!, mu, accuracy: 1e-9)
        XCTAssertEqual(entry(r, "e3").score!, mu - sigma * z, accuracy: 1e-9)
        XCTAssertTrue(r.judges.allSatisfy { $0.normalisable })
        XCTAssertEqual(r.ranked.map { $0.id }, ["e1", "e2", "e3"])
    }

    func testNormalisedLeavesAJudgeWithFewSheetsAsIsAndFlagsIt() throws {
        let contest = try Fixtures.contest(judges: 3)
        let b = book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8) + Fixtures.sheet("j1", "e2", 7, 14, 7) + Fixtures.sheet("j1", "e3", 6, 12, 6),
            "j2": Fixtures.sheet("j2", "e1", 9, 18, 9) + Fixtures.sheet("j2", "e2", 8, 16, 8),
            // j3 gives every entry 50: SD 0.
            "j3": Fixtures.sheet("j3", "e1", 5, 10, 5) + Fixtures.sheet("j3", "e2", 5, 10, 5) + Fixtures.sheet("j3", "e3", 5, 10, 5),
        ])
        let r = Scoring.compute(b, method: .normalised)
        XCTAssertEqual(r.judges.map { $0.normalisable }, [true, false, false])
        let e1 = entry(r, "e1")
        XCTAssertEqual(e1.flags.first { $0.kind == .judgeNotNormalised }?.judges, ["j2", "j3"])
        XCTAssertEqual(e1.normalisedTotals![1], 90, "j2 keeps T")
        XCTAssertEqual(e1.normalisedTotals![2], 50, "j3 keeps T")
        XCTAssertTrue(entry(Scoring.compute(b, method: .mean), "e1").flags.allSatisfy { $0.kind != .judgeNotNormalised })
    }

    func testNormalisedIsClampedTo0And100() throws {
        let contest = try Fixtures.contest(judges: 2)
        // j1 is severe with one high mark; j2 spreads widely. z of j1's 100 is large.
        let b = book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 10, 20, 10) + Fixtures.sheet("j1", "e2", 1, 2, 1) + Fixtures.sheet("j1", "e3", 1, 2, 1)
                + Fixtures.sheet("j1", "e4", 1, 2, 1),
            "j2": Fixtures.sheet("j2", "e1", 10, 20, 10) + Fixtures.sheet("j2", "e2", 0, 0, 0) + Fixtures.sheet("j2", "e3", 5, 10, 5)
                + Fixtures.sheet("j2", "e4", 10, 20, 10),
        ])
        let r = Scoring.compute(b, method: .normalised)
        for e in r.entries { for n in e.normalisedTotals ?? [] { XCTAssertTrue((0...100).contains(n), "\(e.id): \(n)") } }
        XCTAssertEqual(entry(r, "e1").normalisedTotals![0], 100, "clamped")
    }

    func testTiesAreBrokenByTheDeclaredOrderOrShared() throws {
        // Default order: b (max 20) first, then a, then c.
        let contest = try Fixtures.contest(judges: 2, quorum: 2)
        XCTAssertEqual(contest.tieBreak, ["b", "a", "c"])
        let b = book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 10, 10, 10) + Fixtures.sheet("j1", "e2", 5, 20, 5) + Fixtures.sheet("j1", "e3", 10, 10, 10)
                + Fixtures.sheet("j1", "e4", 1, 1, 1),
            "j2": Fixtures.sheet("j2", "e1", 10, 10, 10) + Fixtures.sheet("j2", "e2", 5, 20, 5) + Fixtures.sheet("j2", "e3", 10, 10, 10)
                + Fixtures.sheet("j2", "e4", 1, 1, 1),
        ])
        let r = Scoring.compute(b)
        // e1, e2, e3 all total 75. e2 has the higher mean on b; e1 and e3 are equal on everything.
        XCTAssertEqual(r.ranked.map { $0.id }, ["e2", "e1", "e3", "e4"])
        XCTAssertEqual(r.ranked.map { $0.rank! }, [1, 2, 2, 4])
        XCTAssertEqual(entry(r, "e1").tie, TieNote(above: "e2", criterion: "b", aboveValue: 20, value: 10))
        XCTAssertEqual(entry(r, "e3").tie, TieNote(above: "e1", criterion: nil, aboveValue: nil, value: nil))
        XCTAssertNil(entry(r, "e4").tie)
    }

    func testScoresEqualAtTwoDecimalsAreTied() {
        XCTAssertEqual(TwoDecimals.key(87.004), TwoDecimals.key(86.996))
        XCTAssertEqual(TwoDecimals.text(87.125), "87.13")
        XCTAssertEqual(TwoDecimals.text(5), "5.00")
    }

    func testABoundaryTieIsNotAutoAwardedTheHigherTier() throws {
        // gold ×1, silver ×2. e1 and e2 share rank 1 across the gold line.
        let contest = try Fixtures.contest(judges: 2)
        var events: [String: [LedgerEvent]] = [:]
        for j in ["j1", "j2"] {
            events[j] = Fixtures.sheet(j, "e1", 9, 18, 9) + Fixtures.sheet(j, "e2", 9, 18, 9) + Fixtures.sheet(j, "e3", 8, 16, 8)
                + Fixtures.sheet(j, "e4", 7, 14, 7) + Fixtures.sheet(j, "e5", 6, 12, 6)
        }
        let r = Scoring.compute(book(contest, events))
        XCTAssertEqual(r.ranked.map { $0.rank! }, [1, 1, 3, 4, 5])
        XCTAssertEqual(r.ranked.map { $0.proposed }, ["silver", "silver", "silver", nil, nil])
        let flag = entry(r, "e1").flags.first { $0.kind == .boundaryTie }
        XCTAssertEqual(flag?.tier, "gold")
        XCTAssertEqual(flag?.entries, ["e2"])
        XCTAssertEqual(flag?.places, 1)
        XCTAssertTrue(r.tierWarnings.contains { $0.hasPrefix("gold: 0 awarded") })
    }

    func testATieAcrossTheLastLineGetsNoAwardAndAFlag() throws {
        let contest = try Fixtures.contest(judges: 2)
        var events: [String: [LedgerEvent]] = [:]
        for j in ["j1", "j2"] {
            events[j] = Fixtures.sheet(j, "e1", 9, 18, 9) + Fixtures.sheet(j, "e2", 8, 16, 8) + Fixtures.sheet(j, "e3", 7, 14, 7)
                + Fixtures.sheet(j, "e4", 7, 14, 7) + Fixtures.sheet(j, "e5", 6, 12, 6)
        }
        let r = Scoring.compute(book(contest, events))
        XCTAssertEqual(r.ranked.map { $0.proposed }, ["gold", "silver", nil, nil, nil])
        XCTAssertEqual(entry(r, "e3").flags.first { $0.kind == .boundaryTie }?.places, 1)
    }

    func testQuorumAndRecusalAndDrafts() throws {
        let contest = try Fixtures.contest(judges: 3, quorum: 2)
        let b = book(contest, [
            "j1": Fixtures.sheet("j1", "e1", 8, 16, 8) + Fixtures.sheet("j1", "e2", 8, 16, 8),
            "j2": Fixtures.sheet("j2", "e1", 8, 16, 8, submit: false)
                + [LedgerEvent(actor: "j2", kind: .recuse, entry: "e2", text: "ญาติ")],
            "j3": Fixtures.sheet("j3", "e1", 6, 12, 6) + Fixtures.sheet("j3", "e2", 6, 12, 6, submit: false),
        ])
        let r = Scoring.compute(b)
        XCTAssertEqual(entry(r, "e1").totals.count, 2, "j2's draft does not count")
        XCTAssertEqual(entry(r, "e2").totals.count, 1)
        XCTAssertNil(entry(r, "e2").rank)
        XCTAssertEqual(entry(r, "e2").unrankedReason, "below-quorum")
        XCTAssertEqual(r.judges[1].recused, 1)
        XCTAssertEqual(r.judges[1].drafts, 1)
        let withDrafts = Scoring.compute(b, includeDrafts: true)
        XCTAssertTrue(withDrafts.includeDrafts)
        XCTAssertEqual(entry(withDrafts, "e1").totals.count, 3)
        XCTAssertEqual(entry(withDrafts, "e2").totals.count, 2, "the recused sheet never counts")
        XCTAssertNotNil(entry(withDrafts, "e2").rank)
        XCTAssertEqual(entry(r, "e3").unrankedReason, "below-quorum")
    }

    func testChairOverridesApplyOnTopAndAutoWithdrawsThem() throws {
        let contest = try Fixtures.contest(judges: 2)
        var events: [String: [LedgerEvent]] = [:]
        for j in ["j1", "j2"] {
            events[j] = Fixtures.sheet(j, "e1", 9, 18, 9) + Fixtures.sheet(j, "e2", 8, 16, 8) + Fixtures.sheet(j, "e3", 7, 14, 7)
                + Fixtures.sheet(j, "e4", 6, 12, 6)
        }
        let chair = [
            LedgerEvent(actor: "chair", kind: .award, entry: "e4", tier: "silver", text: "ผลกระทบสูง"),
            LedgerEvent(actor: "chair", kind: .award, entry: "e3", tier: "none", text: "ไม่ผ่านคุณสมบัติ"),
            LedgerEvent(actor: "chair", kind: .award, entry: "e2", tier: "gold", text: "ชั่วคราว"),
            LedgerEvent(actor: "chair", kind: .award, entry: "e2", tier: "auto", text: "ถอนการตัดสิน"),
        ]
        let r = Scoring.compute(book(contest, events, chair: chair))
        XCTAssertEqual(r.ranked.map { $0.award }, ["gold", "silver", nil, "silver"])
        XCTAssertEqual(r.ranked.map { $0.proposed }, ["gold", "silver", "silver", nil])
        XCTAssertEqual(entry(r, "e4").override?.decision.reason, "ผลกระทบสูง")
        XCTAssertNil(entry(r, "e2").override)
    }

    func testReopenMakesASheetADraftUntilSubmittedAgain() throws {
        let contest = try Fixtures.contest(judges: 2)
        let j1 = Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8))  // submit is seq 4
        let reopen = Fixtures.numbered([LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: 4, text: "พิมพ์ผิด")])
        var b = SheetBook(contest: contest, judgeEvents: [j1, []], chairEvents: reopen)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).status, .draft)
        let again = Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8) + [LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 9),
                                                                               LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        b = SheetBook(contest: contest, judgeEvents: [again, []], chairEvents: reopen)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).status, .submitted)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).scores[0], 9)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).lockSeq, 6)
    }

    func testEventsNamingWhatTheContestDoesNotHaveAreLeftOutWithAWarning() throws {
        // Ids first met before and after the contest's own, so that their handles fall both
        // inside and beyond the entries' table.
        let before = "ghost-" + UUID().uuidString
        _ = LedgerName(before)
        let contest = try Fixtures.contest(judges: 2)
        for e in contest.entries { _ = LedgerName(e.id) }
        let after = "ghost-" + UUID().uuidString
        let j2 = Fixtures.numbered([
            LedgerEvent(actor: "j2", kind: .score, entry: before, criterion: "a", value: 5),
            LedgerEvent(actor: "j2", kind: .score, entry: "e2", criterion: "a", value: 6),
            LedgerEvent(actor: "j2", kind: .score, entry: after, criterion: "a", value: 7),
            LedgerEvent(actor: "j2", kind: .score, entry: "e2", criterion: "zz", value: 8),
            LedgerEvent(actor: "j2", kind: .note, entry: "e2", text: "ครบ"),
        ])
        let b = SheetBook(contest: contest, judgeEvents: [[], j2], chairEvents: [])
        XCTAssertEqual(b.violations.map(\.description), [
            "ledger/j2/j2.jsonl:1: entry \"\(before)\" is not in the contest",
            "ledger/j2/j2.jsonl:3: entry \"\(after)\" is not in the contest",
            "ledger/j2/j2.jsonl:4: criterion \"zz\" is not in the contest",
        ])
        XCTAssertEqual(b.sheet(judge: 1, entry: 1).scores, [6, nil, nil])
        XCTAssertEqual(b.sheet(judge: 1, entry: 1).note, "ครบ")
        XCTAssertEqual(b.sheet(judge: 1, entry: 1).status, .draft)
        XCTAssertEqual((0..<5).filter { b.sheet(judge: 1, entry: $0).status != .notStarted }, [1])
        XCTAssertEqual((0..<5).filter { b.sheet(judge: 0, entry: $0).status != .notStarted }, [])
    }

    func testJudgesWithoutEventsAndAContestWithoutEntriesHaveEmptySheets() throws {
        let contest = try Fixtures.contest(judges: 3)
        let b = SheetBook(contest: contest, judgeEvents: [Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8))], chairEvents: [])
        XCTAssertEqual(b.sheets.count, 15)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).status, .submitted)
        XCTAssertEqual((0..<15).filter { b.sheets[$0].status != .notStarted }, [0])
        XCTAssertEqual(b.sheet(judge: 2, entry: 4), Sheet(criteria: 3))

        let empty = try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON(judges: 2).utf8), entriesJSON: Array("[]".utf8))
        let none = SheetBook(contest: empty, judgeEvents: [Fixtures.numbered(Fixtures.sheet("j1", "e1", 8, 16, 8)), []], chairEvents: [])
        XCTAssertTrue(none.sheets.isEmpty)
        XCTAssertEqual(none.violations.count, 4, "every line names an entry the contest does not have")
    }

    func testAScoreClearedAgainLeavesAnEmptySheet() throws {
        let contest = try Fixtures.contest(judges: 1)
        let events = Fixtures.numbered([
            LedgerEvent(actor: "j1", kind: .score, entry: "e1", criterion: "a", value: 5),
            LedgerEvent(actor: "j1", kind: .clear, entry: "e1", criterion: "a"),
        ])
        let b = SheetBook(contest: contest, judgeEvents: [events], chairEvents: [])
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).status, .notStarted)
        XCTAssertEqual(b.sheet(judge: 0, entry: 0).lastChange, events[1].time)
    }
}

/// The seal's bytes are written directly; they must be the JSON report's bytes exactly.
final class SealBytesTests: XCTestCase {
    func testDirectBytesEqualTheWrittenReport() throws {
        var rng = SplitMix64(seed: 2566)
        var seen = Set<String>()
        for round in 0..<40 {
            // A previous winner, so that the rules fail e9 (every other entry is for review).
            let contest = try Fixtures.contest(judges: 5, entries: 9, quorum: 3, extra: """
                 "eligibility": {"closes": "2023-09-24", "previousWinners": [{"year": 2565, "organisation": "เทศบาล 9", "title": "ผลงาน 9"}]},
                """)
            var perJudge: [[LedgerEvent]] = []
            for j in contest.judges {
                var events: [LedgerEvent] = []
                for e in contest.entries {
                    // Few distinct scores, so ties, boundary ties and missing quorums all happen.
                    switch Int.random(in: 0..<6, using: &rng) {
                    case 0: continue
                    case 1: events += Fixtures.sheet(j.id, e.id, 5, 10, 5, submit: false)
                    default:
                        let a = [4.0, 6, 8, 10].randomElement(using: &rng)!, b = [8.0, 12, 16].randomElement(using: &rng)!
                        events += Fixtures.sheet(j.id, e.id, a, b, a)
                    }
                }
                perJudge.append(Fixtures.numbered(events))
            }
            var chair: [LedgerEvent] = []
            if round % 2 == 0 {
                chair.append(LedgerEvent(actor: "chair", kind: .award, entry: "e3", tier: "gold", text: "มติที่ประชุม \"พิเศษ\"\nบรรทัดสอง"))
                chair.append(LedgerEvent(actor: "chair", kind: .award, entry: "e5", tier: "none", text: "ขาดเอกสาร"))
            } else {
                chair.append(LedgerEvent(actor: "chair", kind: .eligibility, entry: "e4", text: "ไม่ใช่ อปท.", outcome: "fail"))
            }
            let book = SheetBook(contest: contest, judgeEvents: perJudge, chairEvents: Fixtures.numbered(chair))
            let summary = LedgerSummary(
                contest: contest,
                files: contest.judges.map { .init(name: $0.id, path: "ledger/\($0.id).jsonl", lines: 10, head: String(repeating: "c", count: 64), broken: nil) }
                    + [.init(name: "chairs/chair", path: "ledger/chairs/chair.jsonl", lines: 2, head: String(repeating: "d", count: 64),
                             broken: round % 3 == 0 ? LedgerBreak(line: 2, message: "hash does not match") : nil)],
                warnings: round % 4 == 0 ? [Phrase("ledger/j9/j9.jsonl: ไม่ใช่กรรมการของการประกวดนี้", "ledger/j9/j9.jsonl: not a judge of this contest")] : [], strays: [])
            for method in Method.allCases {
                for drafts in [false, true] {
                    let r = Scoring.compute(book, method: method, includeDrafts: drafts)
                    for e in r.entries {
                        if e.tie != nil { seen.insert("tie") }
                        if e.override != nil { seen.insert("override") }
                        if e.unrankedReason != nil { seen.insert("unranked") }
                        if e.normalisedTotals != nil { seen.insert("normalised") }
                        for f in e.flags {
                            seen.insert(f.kind.rawValue)
                            if let i = f.ineligibility { seen.insert(i.ruling == nil ? "ineligible by the rules" : "ineligible by the chair") }
                        }
                    }
                    let expected = JSONWriter.bytes(ReportJSON.value(r, ledger: summary, includeSeal: false))
                    XCTAssertEqual(String(decoding: ReportJSON.compactBytes(r, ledger: summary), as: UTF8.self),
                                   String(decoding: expected, as: UTF8.self), "round \(round), \(method), drafts \(drafts)")
                    // The seal writes the entries in runs on several cores: any split gives the same bytes.
                    for runs in [2, 3, r.entries.count + 2] {
                        XCTAssertEqual(ReportJSON.compactBytes(r, ledger: summary, runs: runs), expected, "\(runs) runs")
                    }
                    XCTAssertEqual(ReportJSON.seal(r, ledger: summary), Hex.encode(SHA256.hash(expected)))
                }
            }
        }
        XCTAssertEqual(seen, ["tie", "override", "unranked", "normalised", "spread", "outlier", "boundary-tie", "below-quorum",
                              "judge-not-normalised", "ineligible", "ineligible by the rules", "ineligible by the chair"],
                       "every optional member was written at least once")
    }
}
