import Foundation
import XCTest
@testable import KhanaenCore

/// The announcement is final only when nothing is open: one test per reason it is a draft,
/// each from a final ledger with that one thing left open, and counted in words.
final class AnnouncementDraftTests: XCTestCase {
    /// Three judges, five entries; totals e1 38 > e2 35 > e3 30 > e4 25 > e5 20 for every
    /// judge, so no tie, no spread and no uncertain tier; gold ×1, silver ×2. Written in an
    /// order that is not the ranking's.
    private static let totals: [(String, Double, Double, Double)] = [("e3", 8, 15, 7), ("e1", 10, 19, 9), ("e5", 5, 10, 5),
                                                                      ("e2", 9, 18, 8), ("e4", 6, 13, 6)]

    private func contest(extra: String = "", entries: String = Fixtures.entriesJSON()) throws -> Contest {
        try ContestParser.parse(contestJSON: Array(Fixtures.contestJSON(judges: 3, quorum: 2, extra: extra).utf8),
                                entriesJSON: Array(entries.utf8))
    }

    private func judgeEvents(_ c: Contest, leaving: Set<String> = [], drafts: Set<String> = []) -> [[LedgerEvent]] {
        c.judges.map { judge in
            Fixtures.numbered(Self.totals.flatMap { e, a, b, cc -> [LedgerEvent] in
                let key = judge.id + ":" + e
                if leaving.contains(key) { return [] }
                return Fixtures.sheet(judge.id, e, a, b, cc, submit: !drafts.contains(key))
            })
        }
    }

    /// The reasons for this ledger, the queue computed as the report computes it.
    private func reasons(_ c: Contest, judges: [[LedgerEvent]], chair: [LedgerEvent] = [], method: Method? = nil,
                         includeDrafts: Bool = false) -> [AnnouncementDraft.Reason] {
        let book = SheetBook(contest: c, judgeEvents: judges, chairEvents: Fixtures.numbered(chair))
        XCTAssertEqual(book.violations, [])
        let r = Scoring.compute(book, method: method, includeDrafts: includeDrafts)
        var byMethod: [Method: Results] = [:]
        for m in Method.allCases { byMethod[m] = Scoring.compute(book, method: m, includeDrafts: includeDrafts) }
        let eligibility = c.eligibility.map { EligibilityRules.evaluate(c.entries, config: $0, decisions: EligibilityRules.decisions(book)) }
        let statistics = PanelStatistics.compute(book: book, results: r, byMethod: byMethod, eligibility: eligibility)
        return AnnouncementDraft.check(r, book: book, ledger: nil, queue: statistics.queue)
    }

    private func words(_ rs: [AnnouncementDraft.Reason], _ c: Contest) -> [String] {
        rs.map { AnnouncementDraft.describe($0, contest: c, words: ReportWords(.th)) }
    }

    func testEverySheetInNothingOpenIsFinal() throws {
        let c = try contest()
        XCTAssertEqual(reasons(c, judges: judgeEvents(c)), [])
    }

    func testSheetsNotScoredAreCounted() throws {
        let c = try contest()
        let rs = reasons(c, judges: judgeEvents(c, leaving: ["j3:e1", "j3:e2"], drafts: ["j2:e5"]))
        XCTAssertEqual(rs, [.unscored(3)])
        XCTAssertEqual(words(rs, c), ["3 ใบยังไม่ได้ให้คะแนน"])
    }

    func testARecusedSheetIsDone() throws {
        let c = try contest()
        var judges = judgeEvents(c, leaving: ["j3:e4"])
        judges[2] = Fixtures.numbered(judges[2] + [LedgerEvent(actor: "j3", kind: .recuse, entry: "e4", text: "ญาติ")])
        XCTAssertEqual(reasons(c, judges: judges), [])
    }

    func testAReopenedSheetIsOpenUntilSubmittedAgain() throws {
        let c = try contest()
        let judges = judgeEvents(c)
        let submit = judges[0].first { $0.kind == .submit && $0.entry == "e1" }!
        let reopen = LedgerEvent(actor: "chair", kind: .reopen, judge: "j1", entry: "e1", ref: submit.seq, text: "กรอกผิดช่อง")
        let rs = reasons(c, judges: judges, chair: [reopen])
        XCTAssertEqual(rs, [.reopened(1)])
        XCTAssertEqual(words(rs, c), ["1 ใบเปิดแก้ไขแล้วยังไม่ส่งใหม่"])
        var again = judges
        again[0] = Fixtures.numbered(judges[0] + [LedgerEvent(actor: "j1", kind: .submit, entry: "e1")])
        XCTAssertEqual(reasons(c, judges: again, chair: [reopen]), [], "submitted again: nothing open")
    }

    func testAnEligibilityRulingPendingIsOpenUntilTheChairRules() throws {
        // No entry says since when it is in use: the rules leave every one to the chair.
        let c = try contest(extra: #" "eligibility": {"closes": "2023-09-24", "minMonthsInUse": 6},"#)
        let rs = reasons(c, judges: judgeEvents(c))
        XCTAssertTrue(rs.contains(.eligibilityPending(5)), "\(rs)")
        XCTAssertTrue(words(rs, c).contains("ผลงาน 5 รายการรอประธานกรรมการวินิจฉัยคุณสมบัติ"))
        func pass(_ e: String) -> LedgerEvent {
            LedgerEvent(actor: "chair", kind: .eligibility, entry: e, text: "ใช้งานจริงตั้งแต่ปี 2564", outcome: "pass")
        }
        XCTAssertTrue(reasons(c, judges: judgeEvents(c), chair: ["e1", "e2", "e3", "e4"].map(pass)).contains(.eligibilityPending(1)))
        let ruled = reasons(c, judges: judgeEvents(c), chair: ["e1", "e2", "e3", "e4", "e5"].map(pass))
        XCTAssertFalse(ruled.contains { if case .eligibilityPending = $0 { return true } else { return false } }, "\(ruled)")
    }

    func testAnIneligibleEntrysSheetsDoNotCount() throws {
        let c = try contest()
        let ruling = LedgerEvent(actor: "chair", kind: .eligibility, entry: "e5", text: "ส่งหลังวันปิดรับ", outcome: "fail")
        // Nobody scored e5: it is out of the results, and nothing waits for it.
        XCTAssertEqual(reasons(c, judges: judgeEvents(c, leaving: ["j1:e5", "j2:e5", "j3:e5"]), chair: [ruling]).filter {
            if case .unscored = $0 { return true } else { return false }
        }, [])
    }

    func testABoundaryTieIsOpenUntilDecided() throws {
        let c = try contest()
        // e2 scored as e1: the two tie across the gold line (one gold).
        var judges = judgeEvents(c)
        for j in 0..<3 {
            judges[j] = Fixtures.numbered(judges[j].map { e in
                var x = e
                if e.entry == "e2", let v = e.value { x.value = ["a": 10, "b": 19, "c": 9][e.criterion ?? ""] ?? v }
                return x
            })
        }
        let rs = reasons(c, judges: judges)
        XCTAssertTrue(rs.contains(.boundaryTies(["e1", "e2"])), "\(rs)")
        XCTAssertTrue(words(rs, c).contains("เสมอคร่อมเส้นรางวัลที่ยังไม่ได้ตัดสิน 2 รายการ: e1, e2"), "\(words(rs, c))")
        let gold = LedgerEvent(actor: "chair", kind: .award, entry: "e1", tier: "gold", text: "ที่ประชุมมีมติ")
        let silver = LedgerEvent(actor: "chair", kind: .award, entry: "e2", tier: "silver", text: "ที่ประชุมมีมติ")
        let decided = reasons(c, judges: judges, chair: [gold, silver])
        XCTAssertFalse(decided.contains { if case .boundaryTies = $0 { return true } else { return false } }, "\(decided)")
    }

    func testTierCountsNotTheContestsAreADraft() throws {
        let c = try contest()
        let rs = reasons(c, judges: judgeEvents(c), chair: [LedgerEvent(actor: "chair", kind: .award, entry: "e2", tier: "gold", text: "มติ")])
        XCTAssertTrue(rs.contains(.tierCount(TierCount(tier: "gold", given: 2, count: 1))), "\(rs)")
        XCTAssertTrue(words(rs, c).contains("รางวัลทอง มี 2 ผลงาน แต่การประกวดกำหนด 1"), "\(words(rs, c))")
    }

    func testAnOpenDiscussionItemIsADraftUntilTheChairRecordsAnOutcome() throws {
        let c = try contest()
        // j3 gives e4 far less than the others: an outlier and a spread to discuss.
        var judges = judgeEvents(c, leaving: ["j3:e4"])
        judges[2] = Fixtures.numbered(judges[2] + Fixtures.sheet("j3", "e4", 0, 0, 0))
        let rs = reasons(c, judges: judges)
        guard case .openDiscussion(let n)? = rs.first(where: { if case .openDiscussion = $0 { return true } else { return false } }) else {
            return XCTFail("\(rs)")
        }
        XCTAssertGreaterThan(n, 0)
        XCTAssertTrue(words(rs, c).contains("\(n) เรื่องในคิวพิจารณายังไม่ได้ลงผล"))
        let outcomes = [DiscussionTopic.outlier, .spread, .pattern, .method, .uncertain].flatMap { topic -> [LedgerEvent] in
            topic == .pattern
                ? c.judges.map { LedgerEvent(actor: "chair", kind: .discussed, judge: $0.id, entry: "", text: "ดูแล้ว", outcome: "kept", topic: "pattern") }
                : c.entries.map { LedgerEvent(actor: "chair", kind: .discussed, entry: $0.id, text: "ดูแล้ว", outcome: "kept", topic: topic.rawValue) }
        }
        let closed = reasons(c, judges: judges, chair: outcomes)
        XCTAssertFalse(closed.contains { if case .openDiscussion = $0 { return true } else { return false } }, "\(closed)")
    }

    func testBelowQuorumDraftsIncludedAndAnotherMethodAreDrafts() throws {
        let c = try contest()
        let few = reasons(c, judges: judgeEvents(c, leaving: ["j2:e5", "j3:e5"]))
        XCTAssertTrue(few.contains(.belowQuorum(1)) && few.contains(.unscored(2)), "\(few)")
        XCTAssertTrue(reasons(c, judges: judgeEvents(c, drafts: ["j1:e1"]), includeDrafts: true).contains(.draftsIncluded))
        XCTAssertTrue(reasons(c, judges: judgeEvents(c), method: .median).contains(.notOfficial(method: .median, official: .mean)))
    }

    /// The announcement says ร่าง with every reason, and nothing when final.
    func testTheAnnouncementListsEveryReason() throws {
        let c = try contest()
        let book = SheetBook(contest: c, judgeEvents: judgeEvents(c, leaving: ["j3:e1"]), chairEvents: [])
        let r = Scoring.compute(book)
        let summary = LedgerSummary(contest: c, files: [], warnings: [], strays: [])
        let draft = AnnouncementDraft.check(r, book: book, ledger: summary, queue: [])
        let md = ReportMarkdown.text(r, ledger: summary, draft: draft)
        XCTAssertTrue(md.contains("> **ร่าง (DRAFT): ยังไม่ใช่ผลทางการ**\n> - 1 ใบยังไม่ได้ให้คะแนน"), md)
        XCTAssertTrue(ReportTable.text(r, ledger: summary, draft: draft).contains("  - 1 ใบยังไม่ได้ให้คะแนน"))
        XCTAssertFalse(ReportMarkdown.text(r, ledger: summary, draft: []).contains("ร่าง"))
    }

    /// The JSON report says whether the announcement is final and why not, outside the seal.
    func testTheJSONReportSaysWhetherItIsFinalOutsideTheSeal() throws {
        let c = try contest()
        let book = SheetBook(contest: c, judgeEvents: judgeEvents(c, leaving: ["j3:e1", "j2:e2"]), chairEvents: [])
        let r = Scoring.compute(book)
        let summary = LedgerSummary(contest: c, files: [], warnings: [], strays: [])
        let draft = AnnouncementDraft.check(r, book: book, ledger: summary, queue: [])
        let json = ReportJSON.text(r, ledger: summary, draft: draft)
        XCTAssertTrue(json.contains(#""final": false"#), json)
        XCTAssertTrue(json.contains(#""reason": "unscored""#) && json.contains(#""text": "2 ใบยังไม่ได้ให้คะแนน""#), json)
        XCTAssertTrue(ReportJSON.text(r, ledger: summary, draft: []).contains(#""final": true"#))
        let sealed = JSONWriter.bytes(ReportJSON.withoutStatistics(ReportJSON.value(r, ledger: summary, draft: draft)))
        XCTAssertEqual(ReportJSON.seal(r, ledger: summary), Hex.encode(SHA256.hash(sealed)), "the seal does not cover it")
    }
}
