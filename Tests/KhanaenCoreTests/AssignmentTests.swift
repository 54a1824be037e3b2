import XCTest
@testable import KhanaenCore

/// The assignment's promises, checked on many seeded random contests: every entry gets K
/// judges or is named as short with how many judges were free for it; no conflicted pair ever;
/// loads within one of each other where nothing is capped, and within every cap; the same
/// problem and seed give the same answer; and the judges are linked through shared entries.
final class AssignmentTests: XCTestCase {
    /// A small deterministic generator for the test's own random contests.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 { state = AssignmentSolver.mix(state); return state }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    }

    private func check(_ p: AssignmentProblem, _ r: AssignmentResult, file: StaticString = #filePath, line: UInt = #line) {
        var loads = Array(repeating: 0, count: p.judgeCount)
        for (e, judges) in r.judgesOf.enumerated() {
            XCTAssertEqual(Set(judges).count, judges.count, "entry \(e) has a judge twice", file: file, line: line)
            if p.skipped[e] { XCTAssertEqual(judges, [], file: file, line: line); continue }
            for j in judges {
                XCTAssertFalse(p.conflicted[e][j], "entry \(e) is given judge \(j), who is in conflict", file: file, line: line)
                loads[j] += 1
            }
            for j in p.kept[e] { XCTAssertTrue(judges.contains(j), "a kept pair \(e)–\(j) was dropped", file: file, line: line) }
            let short = r.short.first { $0.entry == e }
            if judges.count < p.perEntry {
                XCTAssertEqual(short?.assigned, judges.count, "entry \(e) is short and not named", file: file, line: line)
                XCTAssertEqual(short?.free, p.conflicted[e].filter { !$0 }.count, file: file, line: line)
            } else {
                XCTAssertNil(short, file: file, line: line)
                XCTAssertEqual(judges.count, p.perEntry, file: file, line: line)
            }
        }
        XCTAssertEqual(loads, r.loads, file: file, line: line)
        for j in 0..<p.judgeCount { if let c = p.caps[j] { XCTAssertLessThanOrEqual(loads[j], c, file: file, line: line) } }
        // The reported overlap is the true one.
        var smallest = Int.max, apart = 0
        let active = (0..<p.judgeCount).filter { loads[$0] > 0 }
        for (x, a) in active.enumerated() {
            for b in active[(x + 1)...] {
                let n = r.judgesOf.filter { $0.contains(a) && $0.contains(b) }.count
                smallest = min(smallest, n)
                if n == 0 { apart += 1 }
            }
        }
        XCTAssertEqual(r.minOverlap, active.count >= 2 ? smallest : nil, file: file, line: line)
        XCTAssertEqual(r.pairsApart, apart, file: file, line: line)
    }

    func testRandomContestsKeepEveryPromise() {
        var rng = Random(state: 2567)
        for round in 0..<120 {
            let nJ = 2 + rng.below(12), nE = 1 + rng.below(60), k = 1 + rng.below(min(nJ, 4))
            let density = [0.0, 0.05, 0.2, 0.5][rng.below(4)]
            var conflicted = (0..<nE).map { _ in (0..<nJ).map { _ in rng.chance(density) } }
            if round % 7 == 0 { conflicted[0] = Array(repeating: true, count: nJ) }  // an entry nobody may judge
            let capped = round % 3 == 0
            let caps: [Int?] = (0..<nJ).map { _ in capped && rng.chance(0.5) ? 1 + rng.below(8) : nil }
            let p = AssignmentProblem(entryCount: nE, judgeCount: nJ, perEntry: k, caps: caps, conflicted: conflicted,
                                      seed: UInt64(round))
            let r = AssignmentSolver.solve(p)
            check(p, r)
            XCTAssertEqual(AssignmentSolver.solve(p), r, "round \(round): the same seed, the same assignment")
            if density == 0 && !capped && round % 7 != 0 {
                XCTAssertTrue(r.short.isEmpty)
                let active = r.loads
                XCTAssertLessThanOrEqual(active.max()! - active.min()!, 1, "round \(round): loads \(r.loads)")
            }
            if !capped, r.short.isEmpty {
                // Nobody capped: no judge can give an entry to one with two fewer who is free for it.
                for h in 0..<nJ {
                    for e in r.judgesOf.indices where r.judgesOf[e].contains(h) {
                        for j in 0..<nJ where !r.judgesOf[e].contains(j) && !conflicted[e][j] {
                            XCTAssertLessThan(r.loads[h] - r.loads[j], 2, "round \(round): \(h) could hand entry \(e) to \(j)")
                        }
                    }
                }
            }
        }
    }

    func testAnEntryWithTooFewFreeJudgesIsNamedWithHowManyWereFree() {
        var conflicted = Array(repeating: Array(repeating: false, count: 4), count: 3)
        conflicted[1] = [true, true, true, false]
        let p = AssignmentProblem(entryCount: 3, judgeCount: 4, perEntry: 2, conflicted: conflicted)
        let r = AssignmentSolver.solve(p)
        XCTAssertEqual(r.short, [.init(entry: 1, assigned: 1, free: 1)])
        XCTAssertEqual(r.judgesOf[1], [3])
        check(p, r)
    }

    func testCapsAreKeptByHandingEntriesOn() {
        // Judge 0 may take one entry; judge 1 is free only for entry 0: the first pass could give
        // entry 0 to judge 0 and leave entry 1 with nobody, unless the flow hands it on.
        let conflicted = [[false, false], [false, true]]
        let p = AssignmentProblem(entryCount: 2, judgeCount: 2, perEntry: 1, caps: [1, nil], conflicted: conflicted)
        let r = AssignmentSolver.solve(p)
        XCTAssertEqual(r.judgesOf, [[1], [0]])
        XCTAssertTrue(r.short.isEmpty)
    }

    func testKeptPairsStayAndASkippedEntryGetsNobody() {
        let p = AssignmentProblem(entryCount: 6, judgeCount: 3, perEntry: 1, kept: [[2], [2], [2], [], [], []],
                                  skipped: [false, false, false, false, false, true])
        let r = AssignmentSolver.solve(p)
        check(p, r)
        XCTAssertEqual(Array(r.judgesOf[0...2]), [[2], [2], [2]])
        XCTAssertEqual(r.judgesOf[5], [])
        XCTAssertEqual(r.loads, [1, 1, 3], "the kept sheets stay with judge 2; the rest go to the others")
    }

    /// Where the numbers allow, every pair of judges shares an entry: 24 entries, 3 judges each,
    /// 9 judges (36 pairs, 72 pair-places).
    func testJudgesAreLinkedWhereTheNumbersAllow() {
        for seed in 0..<20 {
            let p = AssignmentProblem(entryCount: 24, judgeCount: 9, perEntry: 3, seed: UInt64(seed))
            let r = AssignmentSolver.solve(p)
            check(p, r)
            XCTAssertTrue(r.overlapPossible)
            XCTAssertEqual(r.pairsApart, 0, "seed \(seed): \(r.pairsApart) pairs share nothing")
            XCTAssertTrue(r.connected)
            XCTAssertLessThanOrEqual(r.loads.max()! - r.loads.min()!, 1)
        }
        // Too few entries for every pair: said, and still connected.
        let r = AssignmentSolver.solve(AssignmentProblem(entryCount: 4, judgeCount: 9, perEntry: 3))
        XCTAssertFalse(r.overlapPossible)
        XCTAssertTrue(r.connected)
    }

    func testComputedConflictsByProvinceAndOrganisation() throws {
        var contest = try Fixtures.contest(judges: 3, entries: 3)
        contest.entries[0].province = "ลำพูน"
        contest.entries[1].province = "เชียงใหม่"
        contest.entries[1].organisation = "เทศบาลตำบลบ้านกลาง"
        contest.entries[2].province = "ระยอง"
        contest.judges[0].province = "ลำพูน"
        contest.judges[1].organisations = ["ทต. บ้านกลาง"]
        let found = Conflicts.computed(contest).map { "\($0.judge) \($0.entry) \($0.cause)" }
        XCTAssertEqual(found, ["0 0 rule(KhanaenCore.Contest.ConflictRule.province)", "1 1 rule(KhanaenCore.Contest.ConflictRule.organisation)"])
        contest.conflictRules = [.organisation]
        XCTAssertEqual(Conflicts.computed(contest).count, 1)
    }

    /// The flow's two repairs on their own, from a first flow the greedy pass would not make.
    func testAugmentingPathsAndCycleCancellingRepairABadFirstFlow() {
        // Entry 0 sits with judge 0 (cap 1); entry 1 may only go to judge 0: judge 0 must hand entry 0 on.
        var s = AssignmentSolver.State(AssignmentProblem(entryCount: 2, judgeCount: 2, perEntry: 1, caps: [1, nil],
                                                          conflicted: [[false, false], [false, true]]))
        s.add(0, 0)
        s.fillShortEntries()
        XCTAssertEqual(s.judgesOf, [[1], [0]])
        // Three entries on judge 0, none on judge 1 or 2: moved until the loads differ by at most one.
        var b = AssignmentSolver.State(AssignmentProblem(entryCount: 4, judgeCount: 3, perEntry: 1))
        for e in 0..<4 { b.add(e, 0) }
        b.balance()
        XCTAssertEqual(b.load.sorted(), [1, 1, 2])
        // A chain: judge 0 holds entries 0 and 1; entry 1 may go only to judge 1, who holds entry 2,
        // which may go to judge 2. The only way down is along the chain.
        var c = AssignmentSolver.State(AssignmentProblem(entryCount: 4, judgeCount: 3, perEntry: 1,
                                                          conflicted: [[false, true, true], [false, false, true], [true, false, false], [false, true, true]]))
        c.add(0, 0); c.add(1, 0); c.add(3, 0); c.add(2, 1)
        c.balance()
        XCTAssertEqual(c.load, [2, 1, 1])
        XCTAssertEqual(c.judgesOf[2], [2])
    }
}
