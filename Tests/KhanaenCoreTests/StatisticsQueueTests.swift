import Foundation
import XCTest
@testable import KhanaenCore

/// The statistics bundle, the discussion queue and the statistics in the reports.
final class StatisticsQueueTests: XCTestCase {
    /// Eight entries, five judges, on the fixture's 40 points (a total is 2.5 × the points); gold ×1,
    /// silver ×2, quorum 3. e2 and e3 have the same sheets and share rank 1 across gold's line;
    /// e8 (90, 90, 75, 75, 75: mean 81, median 75) and e4 (about 80) change places by the method
    /// at silver's last place; e5 has four sheets of 50 and j5's 100 (an outlier and a spread);
    /// e7 has two sheets (below quorum). j5 is lenient by 0.19 of the panel's SD, which the
    /// thresholds below flag; the halo ratio is set low enough to flag no one.
    static let sheets: [(String, [(Double, Double, Double)])] = [
        ("e1", [(4, 8, 4), (4.5, 8, 4), (4, 8.5, 4), (3.5, 8, 4), (4, 7.5, 4)]),
        ("e2", [(10, 19, 9.5), (9.5, 19, 9.5), (9, 19, 10), (9.5, 18.5, 9.5), (10, 19.5, 9.5)]),
        ("e3", [(10, 19, 9.5), (9.5, 19, 9.5), (9, 19, 10), (9.5, 18.5, 9.5), (10, 19.5, 9.5)]),
        ("e4", [(8, 16, 8), (8.5, 16, 8), (8, 16.5, 8), (7.5, 16, 8), (8, 15.5, 8)]),
        ("e5", [(5, 10, 5), (5, 10, 5), (5, 10, 5), (5, 10, 5), (10, 20, 10)]),
        ("e6", [(3, 6, 3), (3.5, 6, 3), (3, 6.5, 3), (2.5, 6, 3), (3, 5.5, 3)]),
        ("e7", [(9, 18, 9), (9, 18, 9)]),
        ("e8", [(9, 18, 9), (9, 18, 9), (7.5, 15, 7.5), (7.5, 15, 7.5), (7.5, 15, 7.5)]),
    ]

    static var contestJSON: String {
        Fixtures.contestJSON(judges: 5, quorum: 3).replacingOccurrences(
            of: #""thresholds": {"spread": 10, "outlier": 15},"#,
            with: #""thresholds": {"spread": 10, "outlier": 15, "haloRatio": 0.3, "severitySD": 0.15},"#)
    }

    static func judgeEvents() -> [[LedgerEvent]] {
        var events = [[LedgerEvent]](repeating: [], count: 5)
        for (entry, sheets) in sheets {
            for (j, s) in sheets.enumerated() { events[j] += Fixtures.sheet("j\(j + 1)", entry, s.0, s.1, s.2) }
        }
        return events
    }

    private func contest() throws -> Contest {
        try ContestParser.parse(contestJSON: Array(Self.contestJSON.utf8), entriesJSON: Array(Fixtures.entriesJSON(8).utf8))
    }

    private func book(chair: [LedgerEvent] = []) throws -> SheetBook {
        SheetBook(contest: try contest(), judgeEvents: Self.judgeEvents().map(Fixtures.numbered), chairEvents: Fixtures.numbered(chair))
    }

    private static func statistics(_ book: SheetBook, method: Method = .mean, seed: UInt64 = PanelStatistics.defaultSeed,
                                   resamples: Int = 2000, eligibility: [EntryEligibility]? = nil) -> (Results, PanelStatistics) {
        var byMethod: [Method: Results] = [:]
        for m in Method.allCases { byMethod[m] = Scoring.compute(book, method: m) }
        let results = byMethod[method]!
        return (results, PanelStatistics.compute(book: book, results: results, byMethod: byMethod, seed: seed, resamples: resamples,
                                                 eligibility: eligibility))
    }

    /// e6 is left to the chair's review, e1 passes.
    private static func eligibility() -> [EntryEligibility] {
        let review = EligibilityRuleResult(rule: .digital, status: .review, reason: .chairDecidesDigital)
        let pass = EligibilityRuleResult(rule: .inUse, status: .pass, reason: .noPreviousWin)
        return [EntryEligibility(id: "e6", status: .review, computed: .review, rules: [pass, review], decision: nil),
                EntryEligibility(id: "e1", status: .pass, computed: .pass, rules: [pass], decision: nil)]
    }

    func testTheQueueInOrder() throws {
        let (results, s) = Self.statistics(try book(), eligibility: Self.eligibility())
        XCTAssertEqual(results.ranked.map(\.id), ["e2", "e3", "e8", "e4", "e5", "e1", "e6"])
        XCTAssertEqual(s.queue.map(\.key), [
            "tie:e2",
            "uncertain:e2", "uncertain:e3", "uncertain:e8", "uncertain:e4",
            "method:e8", "method:e4",
            "outlier:e5:j5",
            "spread:e5",
            "pattern:j5",
            "eligibility:digital",
        ])
        XCTAssertTrue(s.queue.allSatisfy(\.isOpen))
        XCTAssertEqual(s.openItems.count, s.queue.count)
        XCTAssertEqual(s.queue.map(\.rank), [1, 1, 1, 3, 4, 3, 4, 5, 5, nil, 7])
        let items = Dictionary(uniqueKeysWithValues: s.queue.map { ($0.key, $0) })
        XCTAssertEqual(items["tie:e2"]?.detail, .tie(tier: "gold", entries: ["e2", "e3"], places: 1))
        XCTAssertEqual(items["method:e8"]?.detail, .method([.init(method: .mean, tier: "silver"), .init(method: .median, tier: nil),
                                                           .init(method: .trimmed, tier: "silver"), .init(method: .normalised, tier: "silver")]))
        XCTAssertEqual(items["outlier:e5:j5"]?.detail, .outlier(total: 100, median: 50, threshold: 15))
        XCTAssertEqual(items["outlier:e5:j5"]?.judge, 4)
        XCTAssertEqual(items["spread:e5"]?.detail, .spread(sd: 20, threshold: 10))
        guard case .pattern(let flags) = items["pattern:j5"]?.detail else { return XCTFail("no pattern") }
        XCTAssertEqual(flags.map(\.kind), [.severity])
        XCTAssertEqual(flags[0].value, s.patterns[4].severity.value)
        XCTAssertEqual(flags[0].threshold, 0.15)
        guard case .uncertain(let tier, let p, let other, let q, let threshold) = items["uncertain:e4"]?.detail else { return XCTFail() }
        XCTAssertEqual(tier, nil)
        XCTAssertEqual(other, "silver")
        XCTAssertEqual(threshold, 0.8)
        XCTAssertEqual(p, s.confidenceOfProposal(entry: 3))
        XCTAssertLessThan(p, 0.8)
        XCTAssertEqual(p + q, 1, accuracy: 1e-12, "e4 is silver or nothing")
        XCTAssertEqual(items["eligibility:digital"]?.detail, .eligibility(rule: .digital, entries: ["e6"],
                                                                        results: [EligibilityRuleResult(rule: .digital, status: .review, reason: .chairDecidesDigital)]))

        // Without eligibility, or with one method only, those items are not there.
        let one = PanelStatistics.compute(book: try book(), results: results)
        XCTAssertFalse(one.queue.contains { $0.topic == .method || $0.topic == .eligibility })
        // A higher threshold makes more entries uncertain; 0 makes none.
        let none = DiscussionQueue.build(book: try book(), results: results, byMethod: [:], confidence: s.confidence,
                                         patterns: s.patterns, uncertain: 0)
        XCTAssertFalse(none.contains { $0.topic == .uncertain })
        let all = DiscussionQueue.build(book: try book(), results: results, byMethod: [:], confidence: s.confidence,
                                        patterns: s.patterns, uncertain: 1.01)
        XCTAssertEqual(all.filter { $0.topic == .uncertain }.count, results.ranked.count)
    }

    /// Issue 18 #5: the entries one rule leaves to the chair are one item, not one an entry;
    /// an entry with a ruling leaves it, and a rule with none left leaves the queue.
    func testEligibilityIsOneItemPerRule() throws {
        let digital = EligibilityRuleResult(rule: .digital, status: .review, reason: .chairDecidesDigital)
        let unclear = EligibilityRuleResult(rule: .localGovernment, status: .review, reason: .kindUnclear)
        let pass = EligibilityRuleResult(rule: .inUse, status: .pass, reason: .noPreviousWin)
        let eligibility = ["e1", "e2", "e3", "e4", "e5", "e6"].map { id in
            EntryEligibility(id: id, status: .review, computed: .review, rules: id == "e3" ? [pass, unclear, digital] : [pass, digital], decision: nil)
        } + [EntryEligibility(id: "e8", status: .pass, computed: .review, rules: [pass, digital],
                              decision: EligibilityDecision(status: .pass, reason: "ดิจิทัล"))]
        let (results, s) = Self.statistics(try book(), eligibility: eligibility)
        let items = s.queue.filter { $0.topic == .eligibility }
        XCTAssertEqual(items.map(\.key), ["eligibility:local-government", "eligibility:digital"])
        let order = results.entries.map(\.id).filter { ["e1", "e2", "e3", "e4", "e5", "e6"].contains($0) }
        XCTAssertEqual(items[1].entryIDs, order, "every waiting entry, in the results' order; not e8, which has a ruling")
        XCTAssertEqual(items[0].entryIDs, ["e3"])
        XCTAssertEqual(items[1].entryID, order.first)
        let reason = ReportWords(.th).reason(items[1], contest: try book().contest)
        XCTAssertTrue(reason.hasPrefix("นวัตกรรมดิจิทัล: 6 ผลงานรอประธานกรรมการวินิจฉัย"), reason)
    }

    func testASettledTieLeavesTheQueue() throws {
        let award = { (e: String, t: String) in LedgerEvent(actor: "chair", kind: .award, entry: e, tier: t, text: "มติที่ประชุม") }
        let (_, s) = Self.statistics(try book(chair: [award("e2", "gold"), award("e3", "silver")]))
        XCTAssertFalse(s.queue.contains { $0.topic == .tie })
        let (_, half) = Self.statistics(try book(chair: [award("e2", "gold")]))
        XCTAssertTrue(half.queue.contains { $0.key == "tie:e2" }, "one decision does not settle the tie")
    }

    /// Outcomes written through the chair's ledger close their items, the latest one counting.
    func testOutcomesRecordedInTheChairFileCloseTheirItems() throws {
        let dir = Fixtures.folder(contestJSON: Self.contestJSON, entriesJSON: Fixtures.entriesJSON(8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try ContestFolder.load(dir)
        for (j, events) in Self.judgeEvents().enumerated() { try first.file(forJudge: "j\(j + 1)")!.append(events) }
        func queue() throws -> [String: DiscussionItem] {
            let (_, s) = Self.statistics(SheetBook(ledger: try ContestFolder.load(dir)))
            return Dictionary(uniqueKeysWithValues: s.queue.map { ($0.key, $0) })
        }
        XCTAssertTrue(try queue().values.allSatisfy(\.isOpen))

        let l = try ContestFolder.load(dir)
        func discussed(_ topic: String, _ entry: String, judge: String? = nil, _ outcome: String, _ reason: String) throws {
            try l.appendChair(LedgerEvent(actor: "chair", kind: .discussed, judge: judge, entry: entry, text: reason, outcome: outcome, topic: topic))
        }
        try discussed("tie", "e3", "kept", "ให้ประธานตัดสินภายหลัง")           // names the tie's second member
        try discussed("outlier", "e5", judge: "j4", "kept", "คนละใบ")          // another judge's sheet
        try discussed("spread", "e5", "changed", "ครั้งแรก")
        try discussed("spread", "e5", "kept", "ทบทวนแล้ว")                      // the latest counts
        try discussed("pattern", "", judge: "j5", "kept", "คุยกับกรรมการแล้ว")
        try discussed("uncertain", "e4", "reopened", "เปิดให้ทบทวน")

        let q = try queue()
        XCTAssertEqual(q["tie:e2"]?.outcome?.outcome, .kept)
        XCTAssertEqual(q["tie:e2"]?.outcome?.decision.reason, "ให้ประธานตัดสินภายหลัง")
        XCTAssertEqual(q["tie:e2"]?.isOpen, false)
        XCTAssertEqual(q["outlier:e5:j5"]?.isOpen, true, "a line about j4's sheet leaves j5's open")
        XCTAssertEqual(q["spread:e5"]?.outcome?.outcome, .kept)
        XCTAssertEqual(q["spread:e5"]?.outcome?.decision.reason, "ทบทวนแล้ว")
        XCTAssertEqual(q["pattern:j5"]?.outcome?.outcome, .kept)
        XCTAssertEqual(q["pattern:j5"]?.outcome?.decision.actor, "chair")
        XCTAssertEqual(q["uncertain:e4"]?.outcome?.outcome, .reopened)
        XCTAssertEqual(q["uncertain:e8"]?.isOpen, true)
        XCTAssertEqual(q["method:e4"]?.isOpen, true, "an outcome is for its topic only")
        XCTAssertEqual(q.values.filter(\.isOpen).count, q.count - 4)

        // An outlier line that names no judge covers every outlier sheet of the entry.
        try discussed("outlier", "e5", "kept", "ดูทุกใบแล้ว")
        XCTAssertEqual(try queue()["outlier:e5:j5"]?.outcome?.decision.reason, "ดูทุกใบแล้ว")
    }

    func testTheSameSeedGivesTheSameStatisticsAndReports() throws {
        let b = try book()
        for method in Method.allCases {
            let (results, one) = Self.statistics(b, method: method, seed: 42, resamples: 500)
            let (_, again) = Self.statistics(b, method: method, seed: 42, resamples: 500)
            XCTAssertEqual(one, again, "\(method)")
            XCTAssertEqual(one.seed, 42)
            XCTAssertEqual(one.resamples, 500)
            XCTAssertEqual(one.confidence.entries.map { $0.counts.reduce(0, +) }, Array(repeating: 500, count: results.entries.count))
            let (_, other) = Self.statistics(b, method: method, seed: 43, resamples: 500)
            XCTAssertNotEqual(one.confidence.entries.map(\.counts), other.confidence.entries.map(\.counts), "\(method)")
            let summary = Self.summary(b.contest)
            XCTAssertEqual(ReportJSON.text(results, ledger: summary, statistics: one), ReportJSON.text(results, ledger: summary, statistics: again))
            XCTAssertEqual(ReportTable.text(results, ledger: summary, statistics: one), ReportTable.text(results, ledger: summary, statistics: again))
        }
        let (_, defaults) = Self.statistics(b)
        XCTAssertEqual(defaults.seed, PanelStatistics.defaultSeed)
        XCTAssertEqual(defaults.resamples, PanelStatistics.defaultResamples)
    }

    static func summary(_ contest: Contest) -> LedgerSummary {
        LedgerSummary(contest: contest,
                      files: contest.judges.map { .init(name: $0.id, path: "ledger/\($0.id).jsonl", lines: 40, head: String(repeating: "a", count: 64), broken: nil) }
                          + [.init(name: "chairs/chair", path: "ledger/chairs/chair.jsonl", lines: 0, head: String(repeating: "0", count: 64), broken: nil)],
                      warnings: [], strays: [])
    }

    func testTheJSONReportCarriesTheStatistics() throws {
        let b = try book()
        let (results, s) = Self.statistics(b, eligibility: Self.eligibility())
        let text = ReportJSON.text(results, ledger: Self.summary(b.contest), statistics: s)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]

        let stats = json["statistics"] as! [String: Any]
        XCTAssertEqual(stats["seed"] as? String, String(PanelStatistics.defaultSeed), "a 64-bit seed, as a string")
        XCTAssertEqual(stats["resamples"] as? Int, 2000)
        XCTAssertEqual(stats["uncertain"] as? Double, 0.8)

        let agreement = json["agreement"] as! [String: Any]
        let total = agreement["total"] as! [String: Any]
        XCTAssertEqual(Set(total.keys), ["icc2_1", "icc2_k", "kendallW", "alpha", "entries", "judges", "alphaSheets", "alphaEntries", "icc1"])
        XCTAssertEqual(total["entries"] as? Int, 7)
        XCTAssertEqual(total["judges"] as? Int, 5)
        XCTAssertEqual(total["icc2_1"] as? Double, ReportJSON.round4(s.agreement.totals.icc2_1!))
        let criteria = agreement["criteria"] as! [String: Any]
        XCTAssertEqual(Set(criteria.keys), ["a", "b", "c"])
        XCTAssertEqual(Set((criteria["b"] as! [String: Any]).keys), Set(total.keys))

        for e in json["entries"] as! [[String: Any]] {
            let id = e["id"] as! String
            let confidence = e["tierConfidence"] as! [String: Double]
            XCTAssertEqual(Set(confidence.keys), ["gold", "silver", "none"], id)
            XCTAssertEqual(confidence.values.reduce(0, +), 1, accuracy: 0.0003, id)
            if e["rank"] is NSNull {
                XCTAssertEqual(confidence["none"], 1, "\(id) is not ranked: no award, surely")
                XCTAssertTrue(e["swing"] is NSNull)
            }
        }
        let e8 = (json["entries"] as! [[String: Any]]).first { $0["id"] as? String == "e8" }!
        let swing = e8["swing"] as! [String: Any]
        XCTAssertEqual(Set(swing.keys), ["points", "judge", "direction", "from", "to", "tier"])
        let change = s.swing(entry: 7)!.change!
        XCTAssertEqual(swing["points"] as? Double, ReportJSON.round4(change.points))
        XCTAssertEqual(swing["judge"] as? String, change.judgeID)
        XCTAssertEqual(swing["direction"] as? String, change.direction.rawValue)

        for j in json["judges"] as! [[String: Any]] {
            let patterns = j["patterns"] as! [String: [String: Any]]
            XCTAssertEqual(Set(patterns.keys), ["halo", "flat", "drift", "severity"])
            XCTAssertEqual(Set(patterns["severity"]!.keys), ["value", "flagged", "sheets"])
            XCTAssertEqual(Set(patterns["drift"]!.keys), ["value", "flagged", "sheets", "p"])
            XCTAssertEqual(Set(patterns["flat"]!.keys), ["value", "flagged", "sheets", "total"])
            XCTAssertEqual(patterns["severity"]!["flagged"] as? Bool, j["id"] as? String == "j5")
        }

        let queue = json["queue"] as! [[String: Any]]
        XCTAssertEqual(queue.map { $0["key"] as! String }, s.queue.map(\.key))
        for item in queue {
            XCTAssertTrue(Set(item.keys).isSuperset(of: ["key", "topic", "entry", "judge", "rank", "figures", "reason", "outcome"]), "\(item)")
            XCTAssertTrue(item["outcome"] is NSNull)
            let reason = item["reason"] as! [String: String]
            XCTAssertFalse(reason["th"]!.isEmpty || reason["en"]!.isEmpty)
        }
        let outlier = queue.first { $0["key"] as? String == "outlier:e5:j5" }!
        XCTAssertEqual(outlier["entry"] as? String, "e5")
        XCTAssertEqual(outlier["judge"] as? String, "j5")
        XCTAssertEqual(outlier["figures"] as? [String: Double], ["total": 100, "median": 50, "distance": 50, "threshold": 15])
        XCTAssertEqual((outlier["reason"] as! [String: String])["en"], "j5's total 100.00 is 50.00 from the median 50.00 (threshold 15)")
        let pattern = queue.first { $0["key"] as? String == "pattern:j5" }!
        XCTAssertTrue(pattern["entry"] is NSNull)
        XCTAssertNotNil((pattern["figures"] as? [String: Any])?["severity"])

        // A recorded outcome is written with who, when and why.
        let decided = try book(chair: [LedgerEvent(actor: "chair", kind: .discussed, judge: "j5", entry: "", text: "ทราบแล้ว", outcome: "kept",
                                                   topic: "pattern")])
        let (r2, s2) = Self.statistics(decided)
        let json2 = try JSONSerialization.jsonObject(with: Data(ReportJSON.text(r2, ledger: Self.summary(decided.contest), statistics: s2).utf8)) as! [String: Any]
        let closed = (json2["queue"] as! [[String: Any]]).first { $0["key"] as? String == "pattern:j5" }!
        XCTAssertEqual(closed["outcome"] as? String, "kept")
        XCTAssertEqual((closed["decided"] as? [String: String])?["reason"], "ทราบแล้ว")
        XCTAssertEqual((closed["decided"] as? [String: String])?["by"], "chair")
    }

    /// The seal is over the ranking only: the report without the statistics' members, byte for
    /// byte what the seal's own writer writes, whatever the seed.
    func testTheSealLeavesTheStatisticsOut() throws {
        let b = try book()
        let summary = Self.summary(b.contest)
        for method in Method.allCases {
            let (results, s) = Self.statistics(b, method: method, seed: 7, resamples: 300)
            let (_, t) = Self.statistics(b, method: method, seed: 8, resamples: 300)
            let full = ReportJSON.value(results, ledger: summary, statistics: s)
            let sealed = JSONWriter.bytes(ReportJSON.withoutStatistics(full))
            XCTAssertEqual(String(decoding: sealed, as: UTF8.self), String(decoding: ReportJSON.compactBytes(results, ledger: summary), as: UTF8.self))
            XCTAssertEqual(ReportJSON.seal(results, ledger: summary), Hex.encode(SHA256.hash(sealed)))
            XCTAssertNotEqual(ReportJSON.text(results, ledger: summary, statistics: s), ReportJSON.text(results, ledger: summary, statistics: t))
            guard case .object(let members) = full, case .string(let seal) = members.last!.value.value else { return XCTFail() }
            XCTAssertEqual(members.last!.key, "seal")
            XCTAssertEqual(seal, ReportJSON.seal(results, ledger: summary), "the seal does not depend on the seed")
            // Without statistics, the report is what it was.
            XCTAssertEqual(JSONWriter.bytes(ReportJSON.value(results, ledger: summary, includeSeal: false)), ReportJSON.compactBytes(results, ledger: summary))
        }
    }

    func testTheTableMarkdownAndCSVShowTheStatisticsAndTheAnnouncementDoesNot() throws {
        let b = try book()
        let summary = Self.summary(b.contest)
        let (results, s) = Self.statistics(b, eligibility: Self.eligibility())
        let plain = ReportTable.text(results, ledger: summary)
        XCTAssertFalse(plain.contains("มั่นใจ") || plain.contains("รายการที่ควรหารือ"), "without statistics, the table is as it was")

        let table = ReportTable.text(results, ledger: summary, statistics: s)
        let lines = table.split(separator: "\n").map(String.init)
        let header = lines.first { $0.contains("อันดับ") }!
        XCTAssertTrue(header.contains("มั่นใจ") && header.contains("พลิก"), header)
        let e8 = lines.first { $0.contains(" e8 ") }!
        XCTAssertTrue(e8.contains("\(s.percentOfProposal(entry: 7)!)%"), e8)
        XCTAssertTrue(e8.contains(ReportWords(.th).swingText(s.swing(entry: 7))), e8)
        XCTAssertTrue(table.contains("รายการที่ควรหารือ (ยังไม่ได้หารือ 11 จาก 11):"), table)
        XCTAssertTrue(table.contains("  outlier:e5:j5: คะแนนรวมของ j5 (100.00) ห่างจากมัธยฐาน 50.00 อยู่ 50.00 (เกณฑ์ 15) · ยังไม่ได้หารือ"), table)
        XCTAssertTrue(table.contains("ความสอดคล้องของกรรมการ (คะแนนรวม): ICC(2,1) "), table)
        XCTAssertTrue(table.contains(" (7 ผลงาน × 5 กรรมการ ที่ให้คะแนนครบ) · α "), table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("j5 ") && $0.hasSuffix("severity +0.19") }, table)
        let english = ReportTable.text(results, ledger: summary, language: .en, statistics: s)
        XCTAssertTrue(english.contains("Discussion queue (11 open of 11):"), english)
        XCTAssertTrue(english.contains("Panel agreement (totals): ICC(2,1) "), english)
        XCTAssertTrue(english.contains(" (7 entries × 5 judges scored by all) · α "), english)

        let md = ReportMarkdown.ranking(results, ledger: summary, statistics: s)
        XCTAssertTrue(md.contains("## ความสอดคล้องของกรรมการ"), md)
        XCTAssertTrue(md.contains("## รายการที่ควรหารือ (ยังไม่ได้หารือ 11 จาก 11)"), md)
        XCTAssertTrue(md.contains("| 1 | tie:e2 | เสมอที่เส้นรางวัล | e2, e3 เสมอกันคร่อมเส้นรางวัลทอง: เหลือ 1 รางวัลให้ประธานกรรมการตัดสิน | ยังไม่ได้หารือ |"), md)
        XCTAssertTrue(md.contains("- j5: severity +0.19"), md)
        XCTAssertEqual(ReportMarkdown.ranking(results, ledger: summary), ReportMarkdown.ranking(results, ledger: summary, statistics: nil))
        XCTAssertFalse(ReportMarkdown.ranking(results, ledger: summary).contains("รายการที่ควรหารือ"))

        // The announcement reveals nothing of the statistics, exported with them or not.
        let files = Export.files(results, ledger: summary, statistics: s, draft: [])
        let announcement = files.first { $0.name.hasPrefix("announcement") }!.text
        XCTAssertEqual(announcement, Export.files(results, ledger: summary, draft: []).first { $0.name.hasPrefix("announcement") }!.text)
        for word in ["มั่นใจ", "พลิก", "หารือ", "ICC", "bootstrap"] { XCTAssertFalse(announcement.contains(word), word) }
        XCTAssertTrue(files.first { $0.name.hasSuffix(".json") }!.text.contains("\"queue\""))

        let csv = ReportCSV.text(results, ledger: summary, language: .en, statistics: s).split(separator: "\r\n").map(String.init)
        XCTAssertTrue(csv[0].hasSuffix(",a,b,c,unranked,confidence,swing,swingDirection,swingJudge"), csv[0])
        let row = csv.first { $0.hasPrefix("3,e8,") }!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(row.count, csv[0].split(separator: ",").count)
        let change = s.swing(entry: 7)!.change!
        XCTAssertEqual(Array(row.suffix(4)), [ReportCSV.fourDecimals(s.confidenceOfProposal(entry: 7)!), TwoDecimals.text(change.points),
                                              change.direction.rawValue, change.judgeID])
        let unranked = csv.first { $0.hasPrefix(",e7,") }!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(unranked.suffix(4)), ["1.0000", "", "", ""])
        XCTAssertFalse(ReportCSV.text(results, ledger: summary).contains("confidence"))
    }

    func testEmptyContestsGiveEmptyStatistics() throws {
        let contest = try Fixtures.contest(judges: 3, entries: 4)
        let book = SheetBook(contest: contest, judgeEvents: [[], [], []], chairEvents: [])
        let results = Scoring.compute(book)
        let s = PanelStatistics.compute(book: book, results: results, byMethod: [.median: Scoring.compute(book, method: .median)])
        XCTAssertEqual(s.queue, [])
        XCTAssertEqual(s.swing, [])
        XCTAssertNil(s.agreement.totals.icc2_1)
        XCTAssertEqual(s.percentOfProposal(entry: 0), 100, "unranked: no award, surely")
        let text = ReportJSON.text(results, ledger: Self.summary(contest), statistics: s)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        let table = ReportTable.text(results, ledger: Self.summary(contest), statistics: s)
        XCTAssertTrue(table.contains("ความสอดคล้องของกรรมการ (คะแนนรวม): ข้อมูลไม่พอ"), table)
        XCTAssertFalse(table.contains("—"), "a figure not computed is absent, not a dash")
    }
}
