import Dispatch

/// Every sheet of the contest and the chair's decisions, folded from the ledger.
/// This is the one place that says what the ledger means; scoring and screens read it.
public struct SheetBook: Sendable {
    public struct ChairDecision: Equatable, Sendable {
        public var seq: Int
        public var time: Int64
        public var actor: String
        public var reason: String
    }

    public struct AwardOverride: Equatable, Sendable {
        /// A tier id, or nil for "no award".
        public var tier: String?
        public var decision: ChairDecision
    }

    public struct Reopen: Equatable, Sendable {
        public var judge: String
        public var entry: String
        public var ref: Int
        public var decision: ChairDecision
    }

    public let contest: Contest
    /// `sheets[judge * entries + entry]`
    public private(set) var sheets: [Sheet]
    public private(set) var overrides: [Int: AwardOverride] = [:]
    public private(set) var reopens: [Reopen] = []
    /// Events that name something the contest does not have (an entry removed from entries.json, say).
    public private(set) var warnings: [String] = []

    public init(contest: Contest, judgeEvents: [[LedgerEvent]], chairEvents: [LedgerEvent]) {
        self.contest = contest
        let nE = contest.entries.count, nC = contest.criteria.count

        // The locks the chair has reopened, per judge, by entry index and the lock's seq.
        var reopenedLocks = [Set<SheetLock>](repeating: [], count: contest.judges.count)
        for e in chairEvents {
            let decision = ChairDecision(seq: e.seq, time: e.time, actor: e.actor, reason: e.text ?? "")
            switch e.kind {
            case .reopen:
                guard let judge = e.judge, let ref = e.ref else { continue }
                if let j = contest.judgeIndex(judge), let ei = contest.entryIndex(e.entry) {
                    reopenedLocks[j].insert(SheetLock(entry: ei, seq: ref))
                }
                reopens.append(Reopen(judge: judge, entry: e.entry, ref: ref, decision: decision))
            case .award:
                guard let ei = contest.entryIndex(e.entry) else {
                    warnings.append("ledger/chair.jsonl:\(e.seq): entry \(e.entry) is not in the contest; ignored")
                    continue
                }
                switch e.tier {
                case "auto": overrides[ei] = nil
                case "none": overrides[ei] = AwardOverride(tier: nil, decision: decision)
                default: overrides[ei] = AwardOverride(tier: e.tier, decision: decision)
                }
            default:
                warnings.append("ledger/chair.jsonl:\(e.seq): a \(e.kind.rawValue) does not belong in the chair's ledger; ignored")
            }
        }

        // Each judge's sheets depend on that judge's events and the chair's reopens alone,
        // so the judges are folded on all cores at once, each into its own rows.
        let judgeCount = min(contest.judges.count, judgeEvents.count)
        var judgeWarnings = [[String]](repeating: [], count: judgeCount)
        let names = Names(contest)
        sheets = [Sheet](unsafeUninitializedCapacity: contest.judges.count * nE) { all, initialized in
            judgeWarnings.withUnsafeMutableBufferPointer { warned in
                DispatchQueue.concurrentPerform(iterations: contest.judges.count) { j in
                    // Empty sheets share one array of scores until each is first written: one
                    // array per judge, so that two cores never count references on the same one.
                    if nE > 0 { (all.baseAddress! + j * nE).initialize(repeating: Sheet(criteria: nC), count: nE) }
                    guard j < judgeCount else { return }
                    let judge = contest.judges[j]
                    let reopened = reopenedLocks[j]
                    // A judge's lines come a sheet at a time: the last entry's index is
                    // nearly always the next one's.
                    var lastEntry: LedgerName? = nil, lastIndex: Int? = nil
                    // Each event copied once: every read of a computed property of an event
                    // in place would copy it.
                    for e in judgeEvents[j] {
                        if e.entryName != lastEntry {
                            lastEntry = e.entryName
                            lastIndex = names.entry(e.entryName)
                        }
                        guard let ei = lastIndex else {
                            warned[j].append("ledger/\(judge.id).jsonl:\(e.seq): entry \(e.entry) is not in the contest; ignored")
                            continue
                        }
                        var ci: Int? = nil
                        if let c = e.criterionName {
                            ci = names.criterion(c)
                            if ci == nil {
                                warned[j].append("ledger/\(judge.id).jsonl:\(e.seq): criterion \(c) is not in the contest; ignored")
                                continue
                            }
                        }
                        SheetBook.apply(e, criterionIndex: ci, to: &all[j * nE + ei], entry: ei, reopened: reopened)
                    }
                    if !reopened.isEmpty {
                        for ei in 0..<nE { SheetBook.settle(&all[j * nE + ei], entry: ei, reopened: reopened) }
                    }
                }
            }
            initialized = contest.judges.count * nE
        }
        warnings += judgeWarnings.joined()
    }

    public init(ledger: Ledger) {
        self.init(contest: ledger.contest, judgeEvents: ledger.judgeFiles.map { $0.events }, chairEvents: ledger.chairFile.events)
    }

    public func sheet(judge: Int, entry: Int) -> Sheet { sheets[judge * contest.entries.count + entry] }

    /// One judge's sheets for every entry, folded from that judge's events and the chair's
    /// reopens alone: what the judge's own screen needs, and no other judge's scores.
    public static func judgeSheets(contest: Contest, judgeID: String, judgeEvents: [LedgerEvent],
                                   chairEvents: [LedgerEvent]) -> [Sheet] {
        var reopened = Set<SheetLock>()
        for e in chairEvents where e.kind == .reopen && e.judge == judgeID {
            if let ref = e.ref, let ei = contest.entryIndex(e.entry) { reopened.insert(SheetLock(entry: ei, seq: ref)) }
        }
        var sheets = Array(repeating: Sheet(criteria: contest.criteria.count), count: contest.entries.count)
        let names = Names(contest)
        for e in judgeEvents {
            guard let ei = names.entry(e.entryName) else { continue }
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if e.criterionName != nil && ci == nil { continue }
            apply(e, criterionIndex: ci, to: &sheets[ei], entry: ei, reopened: reopened)
        }
        if !reopened.isEmpty {
            for ei in sheets.indices { settle(&sheets[ei], entry: ei, reopened: reopened) }
        }
        return sheets
    }

    /// One sheet, folded from the judge's own events alone: what the rules check before a write.
    public static func foldSheet(contest: Contest, judgeID: String, entryID: String,
                                 judgeEvents: [LedgerEvent], chairEvents: [LedgerEvent]) -> Sheet {
        var reopened = Set<Int>()
        for e in chairEvents where e.kind == .reopen && e.judge == judgeID && e.entry == entryID {
            if let ref = e.ref { reopened.insert(ref) }
        }
        var sheet = Sheet(criteria: contest.criteria.count)
        let entry = LedgerName(entryID), names = Names(contest, entries: false)
        for e in judgeEvents where e.entryName == entry {
            let ci = e.criterionName.flatMap { names.criterion($0) }
            if e.criterionName != nil && ci == nil { continue }
            sheet.apply(e, criterionIndex: ci) { reopened.contains($0) }
        }
        sheet.settle { reopened.contains($0) }
        return sheet
    }

    /// The contest's entry and criterion ids as ledger names, by index.
    private struct Names {
        /// Entry index by name handle, -1 for a name that is not an entry's: handles are
        /// numbered from 0 as names are first met, so an array beats hashing.
        private var entryByHandle: [Int32] = []
        let criteria: [LedgerName]

        init(_ contest: Contest, entries withEntries: Bool = true) {
            if withEntries {
                let handles = contest.entries.indices.map { LedgerName(contest.entries[$0].id).handle }
                entryByHandle = Array(repeating: -1, count: Int(handles.max() ?? 0) + 1)
                for (k, h) in handles.enumerated() { entryByHandle[Int(h)] = Int32(k) }
            }
            criteria = contest.criteria.map { LedgerName($0.id) }
        }

        func entry(_ name: LedgerName) -> Int? {
            let h = Int(name.handle)
            guard h < entryByHandle.count, entryByHandle[h] >= 0 else { return nil }
            return Int(entryByHandle[h])
        }

        /// A handful of criteria: a scan of numbers beats hashing.
        func criterion(_ name: LedgerName) -> Int? { criteria.firstIndex(of: name) }
    }

    /// One of a judge's events into its sheet. `reopened` holds the locks the chair has reopened
    /// for that judge, nearly always none: the closure that asks it is then one that captures
    /// nothing, which spares reference counts on every event.
    @inline(__always)
    private static func apply(_ e: borrowing LedgerEvent, criterionIndex ci: Int?, to sheet: inout Sheet, entry ei: Int,
                              reopened: Set<SheetLock>) {
        if reopened.isEmpty {
            sheet.apply(e, criterionIndex: ci) { _ in false }
        } else {
            sheet.apply(e, criterionIndex: ci) { reopened.contains(SheetLock(entry: ei, seq: $0)) }
        }
    }

    /// Brings a sheet up to date with a reopen that came after its last own event.
    @inline(__always)
    private static func settle(_ sheet: inout Sheet, entry ei: Int, reopened: Set<SheetLock>) {
        sheet.settle { reopened.contains(SheetLock(entry: ei, seq: $0)) }
    }

    /// A submit or recuse line of a judge's file, by its sheet's entry and its seq.
    struct SheetLock: Hashable {
        var entry: Int
        var seq: Int
    }
}
