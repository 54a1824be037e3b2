import CProcess
import Foundation
import KhanaenCLI
import KhanaenCore
import KhanaenText
import KhanaenUI

/// Benchmarks (docs/performance.md) and the tools that make test ledgers.
///   khanaen-bench [--runs N]                      load, report and append on S, M and L
///   khanaen-bench demo-ledger DIR                 writes the demo's synthetic ledger into contest DIR
///   khanaen-bench hammer DIR JUDGE ENTRY N        N validated appends by JUDGE (for the concurrency test)
///   khanaen-bench make DIR ENTRIES JUDGES         a synthetic contest folder, every sheet submitted
///   khanaen-bench load DIR [N]                    loads and reports DIR N times (for profiling)
///   khanaen-bench chair DIR                       the chair console's processing per key, headless
///   khanaen-bench chair-start DIR                 the console's start-up work once, then exits (for profiling)
///   khanaen-bench contest DIR [N]                 loading contest.json and entries.json, first and warm
///   khanaen-bench judge DIR JUDGE                 the workstation's start-up steps, warm
///   khanaen-bench sha                             SHA-256: portable, four lanes, SHA instructions (one and two at a time)
///   khanaen-bench confidence DIR [--resamples B] [--runs N]   tier confidence (bootstrap), swing, agreement, patterns
///   khanaen-bench stats DIR [--resamples B] [--runs N]        PanelStatistics.compute, all of them with the queue, per method
///   khanaen-bench import [N] [--runs R]           importing N submission e-mails with attachments (default 500)
///   khanaen-bench assign [ENTRIES JUDGES K] [--runs R]   the assignment solver (default 2000 × 50, K = 3, 5% conflicts)
///   khanaen-bench import --messages N [--runs R]  an mbox of N messages, one 18-byte attachment each: N/10 and N timed
let args = Array(CommandLine.arguments.dropFirst())
// As `khanaen` does (see its main.swift), so that the figures are the program's.
_ = khanaen_malloc_top_pad(16 << 20)
DispatchQueue.global().async {}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("khanaen-bench: \(message)\n".data(using: .utf8)!)
    exit(2)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func writeLedger(_ contest: Contest, dir: String, judges: Range<Int>, startTime: Int64) throws {
    try FileManager.default.createDirectory(atPath: dir + "/ledger", withIntermediateDirectories: true)
    let ledger = Ledger(contest: contest, directory: dir + "/ledger")
    for j in judges {
        let events = Synthetic.judgeEvents(contest: contest, judge: j)
        // One line a second from the start time keeps the demo's timestamps plausible.
        var t = startTime + Int64(j) * 3_600_000
        for chunk in stride(from: 0, to: events.count, by: contest.criteria.count + 1) {
            let slice = Array(events[chunk..<min(events.count, chunk + contest.criteria.count + 1)])
            try ledger.judgeFiles[j].append(slice, time: t)
            t += 60_000
        }
    }
}

func sampleContest() throws -> Contest {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try ContestFolder.loadContest(here.path + "/Data/digital-local-2566")
}

func writeContestFiles(_ contest: Contest, dir: String) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        + "/Data/digital-local-2566"
    var contestJSON = try JSONParser.parse(Array(FileManager.default.contents(atPath: base + "/contest.json")!))
    guard case .object(var members) = contestJSON.value else { fail("contest.json") }
    for k in members.indices {
        switch members[k].key {
        case "id": members[k].value.value = .string(contest.id)
        case "name": members[k].value.value = .string(contest.name)
        case "judges":
            members[k].value.value = .arr(contest.judges.map { .obj([("id", .string($0.id)), ("name", .string($0.name)), ("user", .string($0.user))]) })
        default: break
        }
    }
    contestJSON.value = .object(members)
    try JSONWriter.string(contestJSON.value, indent: 2).write(toFile: dir + "/contest.json", atomically: true, encoding: .utf8)
    let entries = JSONValue.arr(contest.entries.map { e in
        .obj([("id", .string(e.id)), ("organisation", .string(e.organisation)), ("province", .string(e.province)), ("title", .string(e.title))])
    })
    try JSONWriter.string(entries, indent: 2).write(toFile: dir + "/entries.json", atomically: true, encoding: .utf8)
}

switch args.first {
case "demo-ledger":
    guard args.count == 2 else { fail("usage: khanaen-bench demo-ledger DIR") }
    let dir = args[1]
    let contest = try ContestFolder.loadContest(dir)
    // Four judges have scored and submitted everything; the last has not started.
    try writeLedger(contest, dir: dir, judges: 0..<(contest.judges.count - 1), startTime: Timestamp.parse("2026-11-20T02:00:00.000Z")!)
    print("wrote the synthetic demo ledger of \(contest.judges.count - 1) judges into \(dir)/ledger")

case "make":
    guard args.count == 4, let entries = Int(args[2]), let judges = Int(args[3]) else { fail("usage: khanaen-bench make DIR ENTRIES JUDGES") }
    let contest = Synthetic.contest(like: try sampleContest(), entries: entries, judges: judges)
    try writeContestFiles(contest, dir: args[1])
    try writeLedger(contest, dir: args[1], judges: 0..<judges, startTime: Timestamp.parse("2026-11-20T02:00:00.000Z")!)
    print("wrote \(args[1]): \(entries) entries × \(judges) judges, every sheet submitted")

case "load":
    guard args.count >= 2 else { fail("usage: khanaen-bench load DIR [N]") }
    let n = args.count > 2 ? Int(args[2]) ?? 1 : 1
    var loads: [Double] = [], books: [Double] = [], scores: [Double] = []
    for _ in 0..<n {
        var ledger: Ledger!
        var book: SheetBook!
        loads.append(try seconds { ledger = try ContestFolder.load(args[1]) } * 1000)
        books.append(seconds { book = SheetBook(ledger: ledger) } * 1000)
        scores.append(seconds { _ = Scoring.compute(book) } * 1000)
    }
    print(String(format: "medians over %d: load+verify %.1f ms, fold %.1f ms, scoring %.1f ms", n, median(loads), median(books), median(scores)))

case "contest":
    // Loading a contest folder (contest.json and entries.json), the first time and then warm.
    guard args.count >= 2 else { fail("usage: khanaen-bench contest DIR [N]") }
    let n = args.count > 2 ? Int(args[2]) ?? 1 : 1
    var times: [Double] = []
    for _ in 0..<n { times.append(try seconds { _ = try ContestFolder.loadContest(args[1]) } * 1000) }
    print(String(format: "contest load: first %.2f ms, median of the rest %.2f ms", times[0], median(Array(times.dropFirst()))))

case "judge":
    // The workstation's start-up work, warm, without a terminal: the judge's ledger, the fold
    // into sheets, the state and the first render.
    guard args.count == 3 else { fail("usage: khanaen-bench judge DIR JUDGE") }
    let contest = try ContestFolder.loadContest(args[1])
    guard let judge = contest.judgeIndex(args[2]) else { fail("no judge \(args[2])") }
    var loads: [Double] = [], folds: [Double] = [], states: [Double] = [], renders: [Double] = []
    for _ in 0..<21 {
        let ledger = Ledger(contest: contest, directory: args[1] + "/ledger")
        let file = ledger.file(forJudge: args[2])!
        loads.append(try seconds { try ledger.refreshJudge(args[2]) } * 1000)
        var sheets: [Sheet] = []
        folds.append(seconds {
            sheets = SheetBook.judgeSheets(contest: contest, judgeID: args[2], judgeEvents: file.events,
                                           chairEvents: ledger.deliveredStream(toJudge: args[2]).events)
        } * 1000)
        var state: JudgeState!
        states.append(seconds {
            state = JudgeState(contest: contest, judge: judge, sheets: sheets)
            _ = JudgeUpdate.update(&state, .resize(width: 100, height: 30))
        } * 1000)
        renders.append(seconds { _ = JudgeView.render(state) } * 1000)
    }
    print(String(format: "judge start-up, medians of 21: ledger %.2f ms, fold %.2f ms, state %.2f ms, render %.2f ms",
                 median(loads), median(folds), median(states), median(renders)))

case "sha":
    // The portable SHA-256 one message at a time and four at a time, and the SHA
    // instructions one and two at a time, on 80,000 ledger-sized messages, interleaved.
    let hardware = SHA256Rounds.best == .hardware
    var instructions: [Double] = [], pairs: [Double] = []
    let body = [UInt8](repeating: 0x61, count: 120)
    let prefix = [UInt8](repeating: 0x62, count: 32)
    var scratch = [UInt8](repeating: 0, count: 512)
    let lanes = UnsafeMutableRawPointer.allocate(byteCount: 4 * 256, alignment: 16)
    var scalar: [Double] = [], vector: [Double] = []
    var sink: UInt64 = 0
    for _ in 0..<7 {
        if hardware {
            instructions.append(seconds {
                for _ in 0..<80_000 {
                    let d = prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in scratch.withUnsafeMutableBytes { SHA256.digest(prefix: p, body: b, last: 0x7D, scratch: $0) } } }
                    sink &+= d.a
                }
            } * 1000)
            pairs.append(seconds {
                for _ in 0..<40_000 {
                    let (d, e) = prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in
                        SHA256.lineDigests(previous: p.baseAddress!, body: b, previous: p.baseAddress!, body: b, last: 0x7D)
                    } }
                    sink &+= d.a &+ e.a
                }
            } * 1000)
        }
        scalar.append(seconds {
            for _ in 0..<80_000 {
                let d = prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in scratch.withUnsafeMutableBytes {
                    SHA256.digest(prefix: p, body: b, last: 0x7D, scratch: $0, rounds: .portable)
                } } }
                sink &+= d.a
            }
        } * 1000)
        vector.append(seconds {
            for _ in 0..<20_000 {
                var blocks: [Int] = []
                for lane in 0..<4 {
                    blocks.append(prefix.withUnsafeBytes { p in body.withUnsafeBytes { b in SHA256x4.pad(prefix: p, body: b, last: 0x7D, into: lanes + lane * 256) } })
                }
                let ds = SHA256x4.digests((0..<4).map { UnsafeRawPointer(lanes + $0 * 256) }, blocks: blocks)
                sink &+= ds[0].a
            }
        } * 1000)
    }
    print(String(format: "80,000 messages of 153 bytes: portable %.1f ms, portable in four lanes %.1f ms, SHA instructions %@ (%llu)",
                 median(scalar), median(vector),
                 hardware ? String(format: "%.1f ms, two at a time %.1f ms", median(instructions), median(pairs)) : "not on this CPU", sink & 1))

case "chair":
    // What a key costs the console between input and frame: update and render, no terminal.
    guard args.count == 2 else { fail("usage: khanaen-bench chair DIR") }
    var ledger: Ledger!
    var state: ChairState!
    let first = try seconds {
        ledger = try ContestFolder.load(args[1])
        state = ChairState(data: ChairSession.read(ledger, methods: [.mean]), chair: "chair")
        ChairUpdate.update(&state, .resize(width: 100, height: 30))
        _ = ChairView.render(state)
    } * 1000
    // As the console does once its first frame is drawn: the Thai text, and the other methods.
    ChairUpdate.update(&state, .textReady(ThaiText.load()))
    func computeAhead() {
        for m in Method.allCases where state.allMethods[m] == nil {
            ChairUpdate.update(&state, .computed(generation: state.generation, m, ChairSession.compute(state.book, state.ledger, m)))
        }
    }
    computeAhead()
    /// The ledger as the console reads it after a change: with the method on screen and the next.
    func changed() -> ChairMsg { .data(ChairSession.read(ledger, methods: [state.method, state.nextMethod])) }
    func perKey(_ keys: [Key]) -> (median: Double, worst: Double) {
        var times: [Double] = []
        for k in keys {
            times.append(seconds {
                ChairUpdate.update(&state, .key(k))
                _ = ChairView.render(state)
            } * 1000)
        }
        return (median(times), times.max() ?? 0)
    }
    // `m` at once after a change: the change is shown with the next method ready.
    var atOnce: [Double] = []
    for _ in 0..<5 {
        ChairUpdate.update(&state, changed())
        atOnce.append(perKey([.char("m")]).median)
        computeAhead()
    }
    let downs = perKey(Array(repeating: Key.down, count: 200))
    let pages = perKey(Array(repeating: Key.pageDown, count: 20))
    let screens = perKey((0..<35).map { Key.char(Character(String($0 % 7 + 1))) })
    let methods = perKey(Array(repeating: Key.char("m"), count: 8))
    let perScreen = (1...7).map { n -> String in
        let t = perKey(Array(repeating: Key.char(Character(String(n))), count: 5))
        return String(format: "%d: %.2f (%.2f)", n, t.median, t.worst)
    }
    ChairUpdate.update(&state, .key(.char("1")))
    var refresh: [Double] = []
    for _ in 0..<5 {
        refresh.append(seconds {
            ChairUpdate.update(&state, changed())
            _ = ChairView.render(state)
        } * 1000)
    }
    print(String(format: "chair console on %@: load, fold, score and first render %.1f ms", args[1], first))
    print(String(format: "per key (update + render): Down median %.2f ms (worst %.2f), PgDn %.2f (%.2f), screen switch %.2f (%.2f), method %.2f (%.2f)",
                 downs.median, downs.worst, pages.median, pages.worst, screens.median, screens.worst, methods.median, methods.worst))
    print("per screen, update + render, median (worst) ms: " + perScreen.joined(separator: ", "))
    print(String(format: "m at once after a ledger change: median %.2f ms (worst %.2f)", median(atOnce), atOnce.max() ?? 0))
    print(String(format: "a ledger change (read, fold, score and seal two methods, render): median %.1f ms", median(refresh)))
    let summary = state.ledger
    let results = state.results
    var seals: [Double] = [], folds: [Double] = [], scores: [Double] = []
    for _ in 0..<5 {
        seals.append(seconds { _ = ReportJSON.seal(results, ledger: summary) } * 1000)
        var book: SheetBook!
        folds.append(seconds { book = SheetBook(ledger: ledger) } * 1000)
        scores.append(seconds { _ = Scoring.compute(book) } * 1000)
    }
    print(String(format: "of which: fold %.1f ms, scoring %.1f ms, seal %.1f ms", median(folds), median(scores), median(seals)))

case "chair-line":
    // A judge's line to the chair's data, and the console's CPU for it (ChairLineBenchmark.swift).
    guard args.count >= 2 else { fail("usage: khanaen-bench chair-line DIR [LINES] [--full]") }
    try chairLineBenchmark(args[1], lines: args.count > 2 ? Int(args[2]) ?? 20 : 20, full: args.contains("--full"))

case "chair-start":
    // One fresh process's start-up work, as `khanaen chair` before its first frame, without
    // a terminal; its phases to stderr. For `perf record` over many runs.
    guard args.count == 2 else { fail("usage: khanaen-bench chair-start DIR") }
    var ledger: Ledger!
    var book: SheetBook!
    var state: ChairState!
    let load = try seconds { ledger = try ContestFolder.load(args[1]) }
    let fold = seconds { book = SheetBook(ledger: ledger) }
    var summary: LedgerSummary!
    let summarise = seconds { summary = ledger.summary(book) }
    let make = seconds {
        let computed = ChairSession.compute(book, summary, .mean)
        state = ChairState(data: ChairData(book: book, ledger: summary, events: ledger.allFiles.map { $0.events }, time: 0, computed: [.mean: computed]),
                           chair: "chair")
    }
    let resize = seconds { ChairUpdate.update(&state, .resize(width: 100, height: 30)) }
    let render = seconds { _ = ChairView.render(state) }
    FileHandle.standardError.write(String(format: "load %.1f ms, fold %.1f, summary %.1f, state (score, seal) %.1f, resize %.1f, render %.1f\n",
                                          load * 1000, fold * 1000, summarise * 1000, make * 1000, resize * 1000, render * 1000).data(using: .utf8)!)

case "confidence":
    // Issue 14's figures on a contest folder, each timed over several runs, for every method.
    guard args.count >= 2, !args[1].hasPrefix("--") else { fail("usage: khanaen-bench confidence DIR [--resamples B] [--runs N]") }
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let k = args.firstIndex(of: name) else { return fallback }
        guard k + 1 < args.count, let v = Int(args[k + 1]), v > 0 else { fail("\(name) needs a whole number above 0") }
        return v
    }
    let resamples = option("--resamples", TierConfidence.defaultResamples), runs = option("--runs", 7)
    let ledger = try ContestFolder.load(args[1])
    let book = SheetBook(ledger: ledger)
    let counted = Scoring.compute(book).entries.reduce(0) { $0 + $1.totals.count }
    print("\(args[1]): \(ledger.contest.entries.count) entries × \(ledger.contest.judges.count) judges, \(counted) counted sheets; "
          + "\(resamples) resamples; medians (min–max) of \(runs) runs")
    for method in Method.allCases {
        let results = Scoring.compute(book, method: method)
        var confidence: TierConfidence!
        var boot: [Double] = [], swing: [Double] = []
        for _ in 0..<runs {
            boot.append(seconds { confidence = TierConfidence.compute(book: book, results: results, resamples: resamples) } * 1000)
            swing.append(seconds { _ = Swing.compute(contest: ledger.contest, results: results) } * 1000)
        }
        let unsure = confidence.entries.filter { ($0.probabilities.max() ?? 1) < 0.95 }.count
        print(String(format: "%@  bootstrap %.1f ms (%.1f–%.1f), %d entries under 95%% sure of one tier;  swing %.2f ms (%.2f–%.2f)",
                     method.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0), median(boot), boot.min()!, boot.max()!, unsure, median(swing), swing.min()!, swing.max()!))
    }
    let results = Scoring.compute(book)
    var agreement: [Double] = [], patterns: [Double] = []
    for _ in 0..<runs {
        agreement.append(seconds { _ = PanelAgreement.compute(book: book, results: results) } * 1000)
        patterns.append(seconds { _ = JudgePatterns.compute(book: book, results: results) } * 1000)
    }
    print(String(format: "agreement (totals and every criterion) %.1f ms (%.1f–%.1f); judge patterns %.1f ms (%.1f–%.1f)",
                 median(agreement), agreement.min()!, agreement.max()!, median(patterns), patterns.min()!, patterns.max()!))

case "stats":
    // What the console computes off its main loop after the first frame: PanelStatistics.compute
    // for the method on screen, with the four methods' results at hand, as it will have them.
    guard args.count >= 2, !args[1].hasPrefix("--") else { fail("usage: khanaen-bench stats DIR [--resamples B] [--runs N]") }
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let k = args.firstIndex(of: name) else { return fallback }
        guard k + 1 < args.count, let v = Int(args[k + 1]), v > 0 else { fail("\(name) needs a whole number above 0") }
        return v
    }
    let resamples = option("--resamples", PanelStatistics.defaultResamples), runs = option("--runs", 7)
    let ledger = try ContestFolder.load(args[1])
    let book = SheetBook(ledger: ledger)
    var byMethod: [Method: Results] = [:]
    let others = seconds { for m in Method.allCases { byMethod[m] = Scoring.compute(book, method: m) } } * 1000
    let counted = byMethod[.mean]!.entries.reduce(0) { $0 + $1.totals.count }
    print("\(args[1]): \(ledger.contest.entries.count) entries × \(ledger.contest.judges.count) judges, \(counted) counted sheets; "
          + "\(resamples) resamples, \(ProcessInfo.processInfo.activeProcessorCount) cores; medians (min–max) of \(runs) runs")
    print(String(format: "the four methods' results beforehand: %.1f ms", others))
    var all: [Double] = []
    for method in Method.allCases {
        var times: [Double] = []
        var statistics: PanelStatistics!
        for _ in 0..<runs {
            times.append(seconds {
                statistics = PanelStatistics.compute(book: book, results: byMethod[method]!, byMethod: byMethod, resamples: resamples)
            } * 1000)
        }
        all += times
        print(String(format: "%@  PanelStatistics.compute %.1f ms (%.1f–%.1f); queue %d items",
                     method.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0), median(times), times.min()!, times.max()!,
                     statistics.queue.count))
    }
    print(String(format: "every method: median %.1f ms, worst %.1f ms", median(all), all.max()!))

case "import":
    var runs = 5
    if let k = args.firstIndex(of: "--runs"), k + 1 < args.count, let r = Int(args[k + 1]) { runs = r }
    if let k = args.firstIndex(of: "--messages") {
        guard k + 1 < args.count, let n = Int(args[k + 1]), n >= 10 else { fail("--messages needs a whole number of at least 10") }
        try importScaleBenchmark(messages: n, runs: args.contains("--runs") ? runs : 3)
    } else {
        let n = args.count > 1 ? Int(args[1]) ?? 500 : 500
        try importBenchmark(submissions: n, runs: runs)
    }

case "assign":
    let rest = args.dropFirst().filter { !$0.hasPrefix("--") }
    let numbers = rest.prefix(3).compactMap { Int($0) }
    let (nE, nJ, k) = numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : (2000, 50, 3)
    let runs = args.firstIndex(of: "--runs").flatMap { Int(args[$0 + 1]) } ?? 7
    var state: UInt64 = 2567
    let conflicted = (0..<nE).map { _ in (0..<nJ).map { _ -> Bool in state = AssignmentSolver.mix(state); return state % 100 < 5 } }
    var times: [Double] = []
    var last: AssignmentResult?
    for run in 0..<runs {
        let p = AssignmentProblem(entryCount: nE, judgeCount: nJ, perEntry: k, conflicted: conflicted, seed: UInt64(run))
        times.append(seconds { last = AssignmentSolver.solve(p) } * 1000)
    }
    let r = last!
    print(String(format: "assign %d entries × %d judges, K = %d, 5%% conflicts: median %.1f ms of %d (min %.1f, max %.1f); "
                 + "loads %d–%d, smallest overlap %d, pairs apart %d, short %d", nE, nJ, k, median(times), runs, times.min()!, times.max()!,
                 r.loads.min()!, r.loads.max()!, r.minOverlap ?? 0, r.pairsApart, r.short.count))

case "hammer":
    guard args.count == 5, let n = Int(args[4]) else { fail("usage: khanaen-bench hammer DIR JUDGE ENTRY N") }
    let ledger = try ContestFolder.load(args[1])
    let contest = ledger.contest
    let crit = contest.criteria
    for k in 0..<n {
        let c = crit[k % crit.count]
        let value = Double(k % Int(c.max / contest.step)) * contest.step
        do {
            try ledger.appendJudge(args[2], [LedgerEvent(actor: args[2], kind: .score, entry: args[3], criterion: c.id, value: value)])
        } catch {
            fail("append \(k): \(error)")
        }
    }

default:
    var runs = 7
    if let k = args.firstIndex(of: "--runs"), k + 1 < args.count, let r = Int(args[k + 1]) { runs = r }
    let base = try sampleContest()
    let root = NSTemporaryDirectory() + "khanaen-bench-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    print("khanaen-bench: medians of \(runs) runs (release build recommended: swift run -c release khanaen-bench)")
    print("size  entries×judges  events  ledger MB  load+verify ms  report ms  load+report ms")
    for (name, entries, judges) in [("S", 20, 5), ("M", 500, 20), ("L", 2000, 50)] {
        let contest = Synthetic.contest(like: base, entries: entries, judges: judges)
        let dir = root + "/" + name
        try writeContestFiles(contest, dir: dir)
        try writeLedger(contest, dir: dir, judges: 0..<judges, startTime: Timestamp.parse("2026-11-20T02:00:00.000Z")!)
        var loads: [Double] = [], reports: [Double] = [], both: [Double] = []
        var events = 0, bytes = 0
        for _ in 0..<runs {
            var ledger: Ledger!
            let l = try seconds { ledger = try ContestFolder.load(dir) }
            var results: Results!
            let r = seconds { results = Scoring.compute(SheetBook(ledger: ledger), method: .mean) }
            precondition(results.ranked.count == entries && ledger.breaks.isEmpty)
            events = ledger.allFiles.reduce(0) { $0 + $1.lineCount }
            bytes = ledger.allFiles.reduce(0) { $0 + $1.verifiedBytes }
            loads.append(l * 1000); reports.append(r * 1000); both.append((l + r) * 1000)
        }
        print(String(format: "%-4@  %14@  %6d  %9.1f  %14.1f  %9.1f  %13.1f", name, "\(entries)×\(judges)", events,
                     Double(bytes) / 1e6, median(loads), median(reports), median(both)))
    }
    // One durable append (validated, written, fsynced) to the M contest's first judge, 200 times.
    let ledger = try ContestFolder.load(root + "/M")
    let extra = LedgerFile(path: root + "/M/ledger/append-bench.jsonl", name: "append-bench", contestID: ledger.contest.id)
    var appends: [Double] = []
    for k in 0..<200 {
        let e = LedgerEvent(actor: "j1", kind: .note, entry: "e00001", text: "append \(k)")
        appends.append(try seconds { try extra.append([e]) } * 1000)
    }
    let sorted = appends.sorted()
    print(String(format: "durable append (write + fsync): median %.3f ms, p99 %.3f ms over 200", median(appends), sorted[197]))
    // The judge's path: validated against the sheet under the lock, then written and fsynced.
    try ledger.appendChair(LedgerEvent(actor: ledger.contest.chairs[0], kind: .reopen, judge: "j1", entry: "e00001", text: "bench"))
    var validated: [Double] = []
    for k in 0..<200 {
        let e = LedgerEvent(actor: "j1", kind: .score, entry: "e00001", criterion: "c1", value: Double(k % 30) / 2)
        validated.append(try seconds { try ledger.appendJudge("j1", [e]) } * 1000)
    }
    let vs = validated.sorted()
    print(String(format: "validated judge append on M (lock, read new lines, check sheet, write, fsync): median %.3f ms, p99 %.3f ms over 200",
                 median(validated), vs[197]))
}
