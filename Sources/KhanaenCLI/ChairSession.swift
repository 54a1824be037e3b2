import Foundation
import KhanaenCore
import KhanaenSync
import KhanaenText
import KhanaenTerminal
import KhanaenUI
import Synchronization

/// The console's edge: the effects its update asks for, carried out for the runtime against
/// the whole ledger. Reads and writes take turns on one queue; methods are computed on the
/// other cores, and a computation for data that has since changed is dropped before it starts.
public final class ChairSession {
    let ledger: Ledger
    let directory: String
    let chair: String
    let language: Language
    private let files = DispatchQueue(label: "khanaen.chair.ledger")
    private let reloading = InFlight()
    /// The newest data's generation: older computations are not started.
    private let latest = Newest()
    /// The ledger as last folded: a change folds only the events read since into it.
    private let folded = Held<SheetBook?>(nil)
    /// Methods are computed here, never on `files`: a chair's save never waits behind a
    /// computation (the judge's line that made it is already folded).
    let computing = DispatchQueue(label: "khanaen.chair.compute", qos: .userInitiated)
    /// How many folds into `folded` were made: a reload's data whose computation ends after
    /// a later fold (a chair's save) is older than what that fold sends, and is dropped.
    private let folds = Held(0)
    /// The book the next change is folded into (nil until the first fold).
    var heldBook: SheetBook? { folded.withLock { $0 } }

    public init(ledger: Ledger, directory: String, chair: String, language: Language) {
        self.ledger = ledger
        self.directory = directory
        self.chair = chair
        self.language = language
    }

    /// The ledger as read now, folded, with these methods' results and seals (when not given,
    /// the official method only: the first frame waits for nothing else, and the others are
    /// computed after it).
    public static func read(_ ledger: Ledger, methods: [Method]? = nil) -> ChairData {
        computed(folding(ledger), methods: methods)
    }

    /// The ledger as read now, folded: with `held`, only the events read since it was last
    /// folded are folded into the book it holds (`SheetBook.apply`); without, all of them.
    static func folding(_ ledger: Ledger, into held: Held<SheetBook?>? = nil, counting folds: Held<Int>? = nil) -> ChairData {
        let book: SheetBook
        if let held {
            book = held.withLock { b in
                folds?.withLock { $0 += 1 }
                if b == nil { b = SheetBook(ledger: ledger) } else { b!.apply(ledger: ledger) }
                return b!
            }
        } else {
            book = SheetBook(ledger: ledger)
        }
        var data = ChairData(book: book, ledger: ledger.summary(book), events: ledger.recordFiles.map { $0.events }, time: Timestamp.nowMillis(), computed: [:])
        // A folder carried by git (docs/sync.md): each file's last sync, for screen 7.
        let contestDirectory = String(ledger.directory.dropLast(ContestFolder.ledgerFolder.count + 1))
        data.syncs = Sync.lastSyncs(contestDirectory).map {
            FileSync(file: String($0.path.dropFirst(ContestFolder.ledgerFolder.count + 1)), login: $0.login, machine: $0.machine, time: $0.time)
        }
        return data
    }

    /// What `.reload` does on the files queue (for the benchmarks): what was appended read,
    /// and folded into the book held; nil when nothing changed.
    public func foldChanges() throws -> ChairData? {
        guard try ledger.refresh() else { return nil }
        return ChairSession.folding(ledger, into: folded)
    }

    /// The data with these methods' results and seals (the official method's when not given).
    public static func computed(_ data: ChairData, methods: [Method]?) -> ChairData {
        var data = data
        for m in methods ?? [data.book.method] { data.computed[m] = compute(data.book, data.ledger, m) }
        return data
    }

    /// What a read that failed says: a file of the ledger that cannot be read is an
    /// integrity problem, shown beside the data last read.
    static func unreadable(_ error: Error, _ language: Language) -> ChairMsg {
        .ledgerUnreadable(TerminalText.safe(error.said(in: language)))
    }

    /// After the console's own write: what was appended since (by anyone) read, and the ledger
    /// folded and computed again, changed or not, with every method's results and the panel's
    /// statistics (the queue) of `methods`' first, the method on screen: the frame after the
    /// chair's yes shows the decision and everything computed from it.
    /// Without `full`, only `methods` are computed (the rest follow on other cores, as after
    /// any change).
    static func reread(_ ledger: Ledger, methods: [Method], full: Bool = true, into held: Held<SheetBook?>? = nil,
                       counting folds: Held<Int>? = nil, language: Language = .th) -> [ChairMsg] {
        var unread: [ChairMsg] = []
        do { try ledger.refresh() } catch { unread.append(unreadable(error, language)) }
        var data = computed(folding(ledger, into: held, counting: folds), methods: full ? Method.allCases : methods)
        if full, let m = methods.first, let results = data.computed[m]?.results {
            data.statistics[m] = PanelStatistics.compute(book: data.book, results: results, byMethod: data.computed.mapValues(\.results),
                                                         eligibility: EligibilityRules.evaluate(data.book))
        }
        return [.data(data)] + unread
    }

    /// The ledger as read now, with every method computed, and the export of the official
    /// method's results as `khanaen report` computes them: the same results, seal, statistics
    /// (default seed and resamples) and announcement state.
    public static func planExport(_ ledger: Ledger) -> (ChairData, ExportPlan) {
        var data = read(ledger, methods: Method.allCases)
        let official = data.book.method
        let results = data.computed[official]!.results
        let statistics = PanelStatistics.compute(book: data.book, results: results, byMethod: data.computed.mapValues(\.results),
                                                 eligibility: EligibilityRules.evaluate(data.book))
        data.statistics[official] = statistics
        let draft = AnnouncementDraft.check(results, book: data.book, ledger: data.ledger, queue: statistics.queue)
        return (data, ExportPlan(results: results, ledger: data.ledger, statistics: statistics, draft: draft, seal: data.computed[official]!.seal))
    }

    public static func compute(_ book: SheetBook, _ summary: LedgerSummary, _ m: Method) -> Computed {
        let r = Scoring.compute(book, method: m)
        return Computed(results: r, seal: ReportJSON.seal(r, ledger: summary))
    }

    func run(_ state: ChairState, terminal: Terminal) -> Int32 {
        // The book the first frame shows is where the next change's fold starts from.
        folded.withLock { if $0 == nil { $0 = state.book } }
        let runtime = Runtime<ChairProgram>(state: state, backend: terminal, watching: ledger.folders) { [self] effect, inbox in perform(effect, inbox) }
        return runtime.run(first: [.started])
    }

    func perform(_ effect: ChairEffect, _ inbox: Inbox<ChairMsg>) {
        let ledger = self.ledger, chair = self.chair, directory = self.directory, language = self.language, folded = self.folded
        let folds = self.folds
        switch effect {
        case .reload(let methods):
            guard reloading.begin() else { return }
            let reloading = self.reloading, folded = self.folded, computing = self.computing
            inbox.run(on: files) {
                // The files are read and the new events folded here; the methods are computed
                // on `computing`, so that a chair's save queued meanwhile is written at once.
                var unread: [ChairMsg] = []
                var changed = false
                do { changed = try ledger.refresh() } catch { changed = true; unread.append(ChairSession.unreadable(error, language)) }
                guard changed else { return reloading.end() ? [.tick] : [] }
                let data = ChairSession.folding(ledger, into: folded, counting: folds), said = unread
                let fold = folds.withLock { $0 }
                inbox.run(on: computing) {
                    let computed = ChairSession.computed(data, methods: methods)
                    let again: [ChairMsg] = reloading.end() ? [.tick] : []
                    // A chair's save folded the ledger again meanwhile: its data, sent with
                    // it, is newer than this and holds all this does.
                    guard folds.withLock({ $0 }) == fold else { return said + again }
                    return [.data(computed)] + said + again
                }
                return []
            }
        case .compute(let generation, let book, let summary, let methods):
            latest.raise(to: generation)
            let latest = self.latest
            for m in methods {
                inbox.run(on: .global()) {
                    guard latest.value == generation else { return [] }
                    return [.computed(generation: generation, m, ChairSession.compute(book, summary, m))]
                }
            }
        case .computeStatistics(let generation, let book, let byMethod, let m):
            let latest = self.latest
            inbox.run(on: .global()) {
                guard latest.value == generation, let results = byMethod[m] else { return [] }
                let statistics = PanelStatistics.compute(book: book, results: results, byMethod: byMethod,
                                                         eligibility: EligibilityRules.evaluate(book))
                return [.statistics(generation: generation, m, statistics)]
            }
        case .append(let draft, let methods):
            inbox.run(on: files, awaited: true) {
                do {
                    let written = try ledger.appendChair(draft)
                    // The line is already in the file read (the append read up to it), so a
                    // refresh would report no change: the ledger is folded again regardless.
                    return [.saved(written)] + ChairSession.reread(ledger, methods: methods, into: folded, counting: folds, language: language)
                } catch {
                    return [.notSaved(TerminalText.safe(error.said(in: language)))]
                }
            }
        case .appendAll(let drafts, let methods):
            inbox.run(on: files, awaited: true) {
                var written: [LedgerEvent] = []
                do {
                    for d in drafts { written.append(try ledger.appendChair(d)) }
                    return [.savedAll(written)] + ChairSession.reread(ledger, methods: methods, into: folded, counting: folds, language: language)
                } catch {
                    // What was written before the refusal stands, and is said.
                    let why = TerminalText.safe(error.said(in: language))
                    return (written.isEmpty ? [] : [.savedAll(written)] + ChairSession.reread(ledger, methods: methods, into: folded, counting: folds, language: language))
                        + [.notSaved(why)]
                }
            }
        case .checkpoint(let methods):
            inbox.run(on: files) {
                do {
                    guard try ledger.appendCheckpoint(actor: chair) else { return [] }
                    return ChairSession.reread(ledger, methods: methods, full: false, into: folded, counting: folds, language: language)
                } catch {
                    return [.notSaved(TerminalText.safe(error.said(in: language)))]
                }
            }
        case .prepareExport:
            inbox.run(on: files, awaited: true) {
                var changed = true, unread: [ChairMsg] = []
                do { changed = try ledger.refresh() } catch { unread.append(ChairSession.unreadable(error, language)) }
                var (data, plan) = ChairSession.planExport(ledger)
                // A file that could not be read leaves the results unsure: the export is a draft.
                if !unread.isEmpty && !plan.draft.contains(.notIntact) { plan.draft.insert(.notIntact, at: 0) }
                // What changed since the screen was drawn is shown with the question.
                return (changed ? [.data(data)] : []) + unread + [.exportPlanned(plan)]
            }
        case .export(let plan, let overwrite):
            inbox.run(on: files, awaited: true) {
                [ChairCommand.export(plan, to: directory + "/exports", overwrite: overwrite, language: language)]
            }
        case .print(let paper):
            // As `khanaen print` would (every judge's, for the sheets and declarations), replacing what an earlier print wrote.
            let directory = self.directory, chair = self.chair, language = self.language
            inbox.run(on: .global(qos: .userInitiated)) {
                var intact = true
                do {
                    let request = PrintCommand.Request(paper: paper, force: true, login: chair, uid: getuid())
                    let written = try PrintCommand.write(request, dir: directory, now: Timestamp.nowMillis(), intact: &intact, warn: { _ in })
                    return [.printed(written.map { TerminalText.safe($0.path) }, draft: written.contains(where: \.draft),
                                     noQR: written.contains { $0.noQR != nil })]
                } catch {
                    return [.notPrinted(TerminalText.safe(error.said(in: language)))]
                }
            }
        case .prepareText:
            inbox.run(on: .global(qos: .utility)) { [.textReady(ThaiText.load())] }
        case .loadDocuments(let entry, let language):
            let directory = self.directory, e = ledger.contest.entries[entry]
            inbox.run(on: .global(qos: .userInitiated)) {
                [.documents(entry: entry, EntryDocument.load(contestDirectory: directory, entry: e, language: language))]
            }
        }
    }
}

/// The newest of a growing number, seen from any thread.
final class Newest: Sendable {
    private let number = Mutex(0)

    func raise(to n: Int) { number.withLock { $0 = max($0, n) } }
    var value: Int { number.withLock { $0 } }
}
