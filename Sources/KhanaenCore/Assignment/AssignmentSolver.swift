/// Who judges which entry: every entry gets `perEntry` judges, never a conflicted pair, each
/// judge's load within its cap and the loads as even as the caps allow; then the judge–entry
/// graph is linked, so that every pair of judges shares an entry where the numbers allow
/// (the normalised method and the agreement figures compare judges through shared entries).
///
/// It is a min-cost flow (source → entry, capacity K; entry → judge, capacity 1 where there
/// is no conflict; judge → sink, at a cost that grows with the judge's load, up to the cap)
/// solved in the flow's own terms: a first flow from the least-loaded free judges, augmenting
/// paths for an entry the first pass left short (a judge at its cap hands one of its entries
/// on to another), then cancelling the negative cycles of the convex load cost, which are the
/// paths that move one entry from a judge of load L towards a judge of load L − 2 or less. When
/// no such path is left the loads are optimal for every convex cost at once (the spread is at
/// most one where nothing is capped). Ties are broken by the seed, never by hashing order, so
/// the same problem and seed give the same assignment. Pure: no I/O, plain values.
public struct AssignmentProblem: Sendable {
    public var entryCount: Int
    public var judgeCount: Int
    public var perEntry: Int
    /// Each judge's most entries; nil: no cap.
    public var caps: [Int?]
    /// `conflicted[entry][judge]`.
    public var conflicted: [[Bool]]
    /// Pairs that stay whatever happens (a submitted sheet), `kept[entry]` its judges.
    public var kept: [[Int]]
    /// Entries that get no judge (ineligible, withdrawn).
    public var skipped: [Bool]
    public var seed: UInt64

    public init(entryCount: Int, judgeCount: Int, perEntry: Int, caps: [Int?]? = nil, conflicted: [[Bool]]? = nil,
                kept: [[Int]]? = nil, skipped: [Bool]? = nil, seed: UInt64 = 1) {
        self.entryCount = entryCount
        self.judgeCount = judgeCount
        self.perEntry = perEntry
        self.caps = caps ?? Array(repeating: nil, count: judgeCount)
        self.conflicted = conflicted ?? Array(repeating: Array(repeating: false, count: judgeCount), count: entryCount)
        self.kept = kept ?? Array(repeating: [], count: entryCount)
        self.skipped = skipped ?? Array(repeating: false, count: entryCount)
        self.seed = seed
    }
}

public struct AssignmentResult: Equatable, Sendable {
    public struct Short: Equatable, Sendable {
        public var entry: Int
        public var assigned: Int
        /// Judges free of conflict for the entry.
        public var free: Int
    }

    /// Each entry's judges, in judge order.
    public var judgesOf: [[Int]]
    /// Entries that could not get `perEntry` judges.
    public var short: [Short]
    public var loads: [Int]
    /// The fewest entries two judges share (nil with fewer than two judges).
    public var minOverlap: Int?
    /// Pairs of judges who share no entry.
    public var pairsApart: Int
    /// Whether the numbers allow every pair of judges an entry in common.
    public var overlapPossible: Bool
    /// Whether every judge with an entry is linked to every other through shared entries.
    public var connected: Bool
}

public enum AssignmentSolver {
    public static func solve(_ p: AssignmentProblem) -> AssignmentResult {
        var s = State(p)
        s.firstFlow()
        s.fillShortEntries()
        s.balance()
        s.link()
        return s.result()
    }

    /// A deterministic 64-bit mix (SplitMix64's finaliser): the seed's tie-breaks.
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    struct State {
        let p: AssignmentProblem
        let nE: Int, nJ: Int, k: Int
        var on: [[Bool]]           // on[e][j]
        var judgesOf: [[Int]]
        var entriesOf: [[Int]]
        var load: [Int]
        let cap: [Int]
        let free: [[Int]]          // free[e]: judges without a conflict, in the seed's order
        let isKept: [[Bool]]

        init(_ p: AssignmentProblem) {
            self.p = p
            nE = p.entryCount; nJ = p.judgeCount; k = p.perEntry
            on = Array(repeating: Array(repeating: false, count: p.judgeCount), count: p.entryCount)
            judgesOf = Array(repeating: [], count: nE)
            entriesOf = Array(repeating: [], count: nJ)
            load = Array(repeating: 0, count: nJ)
            cap = p.caps.map { $0 ?? Int.max }
            var free: [[Int]] = []
            var kept = Array(repeating: Array(repeating: false, count: p.judgeCount), count: p.entryCount)
            for e in 0..<p.entryCount {
                let salt = AssignmentSolver.mix(p.seed ^ (UInt64(e) &* 0x1000_0001))
                free.append((0..<p.judgeCount).filter { !p.conflicted[e][$0] }
                    .sorted { AssignmentSolver.mix(salt ^ UInt64($0)) < AssignmentSolver.mix(salt ^ UInt64($1)) })
                for j in p.kept[e] where j < p.judgeCount { kept[e][j] = true }
            }
            self.free = free
            isKept = kept
            for e in 0..<nE { for j in p.kept[e] where j < nJ && !on[e][j] { add(e, j) } }
        }

        mutating func add(_ e: Int, _ j: Int) {
            on[e][j] = true
            judgesOf[e].append(j)
            entriesOf[j].append(e)
            load[j] += 1
        }

        mutating func remove(_ e: Int, _ j: Int) {
            on[e][j] = false
            judgesOf[e].removeAll { $0 == j }
            entriesOf[j].removeAll { $0 == e }
            load[j] -= 1
        }

        /// Entries with the fewest free judges first, each given its least-loaded free judges.
        mutating func firstFlow() {
            let seed = p.seed
            let keys: [(free: Int, tie: UInt64)] = (0..<nE).map { (free[$0].count, AssignmentSolver.mix(seed ^ UInt64($0))) }
            let order = (0..<nE).filter { !p.skipped[$0] }.sorted { a, b in
                keys[a].free != keys[b].free ? keys[a].free < keys[b].free : keys[a].tie < keys[b].tie
            }
            for e in order {
                while judgesOf[e].count < k {
                    var best: Int? = nil
                    for j in free[e] where !on[e][j] && load[j] < cap[j] {
                        if best == nil || load[j] < load[best!] { best = j }
                    }
                    guard let j = best else { break }
                    add(e, j)
                }
            }
        }

        /// An entry left short takes a judge at its cap, who hands one of their entries to a
        /// judge with room: an augmenting path of the flow, found breadth first.
        mutating func fillShortEntries() {
            for e in 0..<nE where !p.skipped[e] {
                while judgesOf[e].count < k, augment(e) {}
            }
        }

        mutating func augment(_ target: Int) -> Bool {
            // A path: target takes j1; j1 leaves e1, which takes j2; … the last judge has room.
            var via = Array(repeating: -1, count: nJ)      // the entry the judge is reached through
            var from = Array(repeating: -1, count: nJ)     // the judge that entry gives up
            var seen = Array(repeating: false, count: nJ)
            var queue: [Int] = []
            for j in free[target] where !on[target][j] { seen[j] = true; via[j] = target; queue.append(j) }
            var head = 0
            while head < queue.count {
                let j = queue[head]; head += 1
                if load[j] < cap[j] {
                    // Apply: walk back, each entry swapping the judge it gave up for the next.
                    var cur = j
                    while true {
                        let e = via[cur], gave = from[cur]
                        add(e, cur)
                        if gave < 0 { break }
                        remove(e, gave)
                        cur = gave
                    }
                    return true
                }
                for e in entriesOf[j] where !isKept[e][j] {
                    for j2 in free[e] where !on[e][j2] && !seen[j2] {
                        seen[j2] = true; via[j2] = e; from[j2] = j; queue.append(j2)
                    }
                }
            }
            return false
        }

        /// Cancels the load cost's negative cycles: moves one entry at a time along a path from
        /// a judge of load L to one of load L − 2 or less with room, until none is left.
        mutating func balance() {
            var stuck = Array(repeating: false, count: nJ)
            while true {
                let order = (0..<nJ).filter { !stuck[$0] }.sorted { load[$0] != load[$1] ? load[$0] > load[$1] : $0 < $1 }
                guard let h = order.first else { return }
                if !shift(from: h) { stuck[h] = true } else { stuck = Array(repeating: false, count: nJ) }
            }
        }

        mutating func shift(from h: Int) -> Bool {
            var via = Array(repeating: -1, count: nJ), prev = Array(repeating: -1, count: nJ)
            var seen = Array(repeating: false, count: nJ)
            seen[h] = true
            var queue = [h], head = 0
            while head < queue.count {
                let j = queue[head]; head += 1
                for e in entriesOf[j] where !isKept[e][j] {
                    for j2 in free[e] where !on[e][j2] && !seen[j2] {
                        seen[j2] = true; via[j2] = e; prev[j2] = j
                        if load[j2] <= load[h] - 2 && load[j2] < cap[j2] {
                            var cur = j2
                            while cur != h {
                                let e2 = via[cur], gave = prev[cur]
                                remove(e2, gave)
                                add(e2, cur)
                                cur = gave
                            }
                            return true
                        }
                        queue.append(j2)
                    }
                }
            }
            return false
        }

        /// Swaps that keep every load and constraint and give two judges who share no entry
        /// one in common, never taking the last shared entry from another pair.
        mutating func link() {
            guard nJ >= 2, k >= 2 else { return }
            var shared = Array(repeating: Array(repeating: 0, count: nJ), count: nJ)
            for e in 0..<nE {
                for a in judgesOf[e] { for b in judgesOf[e] where a != b { shared[a][b] += 1 } }
            }
            var improved = true
            var passes = 0
            while improved && passes < 8 {
                improved = false
                passes += 1
                for pj in 0..<nJ where !entriesOf[pj].isEmpty {
                    for qj in (pj + 1)..<nJ where shared[pj][qj] == 0 && !entriesOf[qj].isEmpty {
                        if swapToLink(pj, qj, &shared) { improved = true }
                    }
                }
            }
        }

        /// Finds entry e of p with another judge r, and entry f of q without p or r, such that
        /// q may take r's place on e and r q's place on f; applies the first that loses no pair.
        mutating func swapToLink(_ pj: Int, _ qj: Int, _ shared: inout [[Int]]) -> Bool {
            for e in entriesOf[pj] where !on[e][qj] && !p.conflicted[e][qj] {
                for r in judgesOf[e] where r != pj && !isKept[e][r] {
                    for f in entriesOf[qj] where f != e && !on[f][r] && !on[f][pj] && !isKept[f][qj] && !p.conflicted[f][r] {
                        // r leaves e (pairs r–x lose e), q leaves f (pairs q–y lose f).
                        let xs = judgesOf[e].filter { $0 != r }, ys = judgesOf[f].filter { $0 != qj }
                        var ok = true
                        for x in xs where shared[r][x] == 1 && !ys.contains(x) { ok = false; break }
                        if ok { for y in ys where shared[qj][y] == 1 && !xs.contains(y) { ok = false; break } }
                        guard ok else { continue }
                        for x in xs { shared[r][x] -= 1; shared[x][r] -= 1; shared[qj][x] += 1; shared[x][qj] += 1 }
                        for y in ys { shared[qj][y] -= 1; shared[y][qj] -= 1; shared[r][y] += 1; shared[y][r] += 1 }
                        remove(e, r); add(e, qj)
                        remove(f, qj); add(f, r)
                        return true
                    }
                }
            }
            return false
        }

        func result() -> AssignmentResult {
            var shared = Array(repeating: Array(repeating: 0, count: nJ), count: nJ)
            for e in 0..<nE {
                for a in judgesOf[e] { for b in judgesOf[e] where a < b { shared[a][b] += 1 } }
            }
            let active = (0..<nJ).filter { load[$0] > 0 }
            var minOverlap: Int? = nil, apart = 0
            for (x, a) in active.enumerated() {
                for b in active[(x + 1)...] {
                    minOverlap = min(minOverlap ?? Int.max, shared[a][b])
                    if shared[a][b] == 0 { apart += 1 }
                }
            }
            // Linked: a walk over shared entries from the first active judge reaches them all.
            var reached = Array(repeating: false, count: nJ), stack = Array(active.prefix(1))
            for j in stack { reached[j] = true }
            while let j = stack.popLast() {
                for e in entriesOf[j] { for o in judgesOf[e] where !reached[o] { reached[o] = true; stack.append(o) } }
            }
            let counted = (0..<nE).filter { !p.skipped[$0] }.count
            let pairs = active.count * (active.count - 1) / 2
            return AssignmentResult(
                judgesOf: judgesOf.map { $0.sorted() },
                short: (0..<nE).filter { !p.skipped[$0] && judgesOf[$0].count < k }
                    .map { .init(entry: $0, assigned: judgesOf[$0].count, free: free[$0].count) },
                loads: load, minOverlap: active.count >= 2 ? minOverlap : nil, pairsApart: apart,
                overlapPossible: counted * k * (k - 1) / 2 >= pairs,
                connected: active.allSatisfy { reached[$0] })
        }
    }
}
