import Foundation
import KhanaenCLI
import KhanaenCore
import KhanaenUI

/// The console's work for one judge's line, as it is at work in the session: the line
/// written by another terminal (another `Ledger` on the same files), then the reload (read
/// what was appended, fold, the method on screen and the next: the chair's data), then the
/// other two methods and the statistics of the method on screen (the bootstrap), as the
/// console computes them on other cores. `full`: every event folded again (the full fold,
/// as before issue 21); else only the new ones (`SheetBook.apply`).
func chairLineBenchmark(_ dir: String, lines: Int, full: Bool) throws {
    let ledger = try ContestFolder.load(dir)
    let writer = try ContestFolder.load(dir)
    let contest = ledger.contest
    let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .th)
    let shown: [Method] = [.mean, .median]
    // The session's first fold, as the console's first frame.
    _ = try session.foldChanges() ?? ChairSession.read(ledger)
    var toData: [Double] = [], cpu: [Double] = [], cpuToData: [Double] = [], wall: [Double] = []
    for k in 0..<lines {
        let j = k % contest.judges.count
        // A note on a submitted sheet: refused by the fold, at the cost of any line.
        _ = try writer.judgeFiles[j].append([LedgerEvent(actor: contest.judges[j].id, kind: .note, entry: contest.entries[k % contest.entries.count].id,
                                                         text: "bench \(k)")])
        let c0 = cpuSeconds()
        let t0 = DispatchTime.now().uptimeNanoseconds
        let data: ChairData
        if full {
            _ = try ledger.refresh()
            data = ChairSession.read(ledger, methods: shown)
        } else {
            data = ChairSession.computed(try session.foldChanges()!, methods: shown)
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        cpuToData.append((cpuSeconds() - c0) * 1000)
        var byMethod = data.computed.mapValues(\.results)
        for m in Method.allCases where byMethod[m] == nil { byMethod[m] = ChairSession.compute(data.book, data.ledger, m).results }
        _ = PanelStatistics.compute(book: data.book, results: byMethod[.mean]!, byMethod: byMethod, eligibility: nil)
        let t2 = DispatchTime.now().uptimeNanoseconds
        toData.append(Double(t1 - t0) / 1e6)
        wall.append(Double(t2 - t0) / 1e6)
        cpu.append((cpuSeconds() - c0) * 1000)
    }
    print(String(format: "%@ fold, %d lines on %@: line → chair's data median %.1f ms (worst %.1f); CPU %.1f ms; with the other methods and the statistics: %.1f ms, CPU %.1f ms",
                 full ? "full" : "incremental", lines, dir, median(toData), toData.max() ?? 0, median(cpuToData), median(wall), median(cpu)))
}

/// User and system CPU time of the process, every thread, in seconds.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}
