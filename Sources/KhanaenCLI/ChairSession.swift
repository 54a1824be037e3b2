import Foundation
import KhanaenCore
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

    init(ledger: Ledger, directory: String, chair: String, language: Language) {
        self.ledger = ledger
        self.directory = directory
        self.chair = chair
        self.language = language
    }

    /// The ledger as read now, folded, with these methods' results and seals (when not given,
    /// the official method only: the first frame waits for nothing else, and the others are
    /// computed after it).
    public static func read(_ ledger: Ledger, methods: [Method]? = nil) -> ChairData {
        let book = SheetBook(ledger: ledger)
        let summary = ledger.summary(book)
        let methods = methods ?? [book.method]
        var computed: [Method: Computed] = [:]
        for m in methods { computed[m] = compute(book, summary, m) }
        return ChairData(book: book, ledger: summary, events: ledger.recordFiles.map { $0.events }, time: Timestamp.nowMillis(), computed: computed)
    }

    public static func compute(_ book: SheetBook, _ summary: LedgerSummary, _ m: Method) -> Computed {
        let r = Scoring.compute(book, method: m)
        return Computed(results: r, seal: ReportJSON.seal(r, ledger: summary))
    }

    func run(_ state: ChairState, terminal: Terminal) -> Int32 {
        let runtime = Runtime<ChairProgram>(state: state, backend: terminal) { [self] effect, inbox in perform(effect, inbox) }
        return runtime.run(first: [.started])
    }

    private func perform(_ effect: ChairEffect, _ inbox: Inbox<ChairMsg>) {
        let ledger = self.ledger, chair = self.chair, directory = self.directory, language = self.language
        switch effect {
        case .reload(let methods):
            guard reloading.begin() else { return }
            let reloading = self.reloading
            inbox.run(on: files) {
                defer { reloading.end() }
                // A judge's save shows within one input timeout (a quarter second) and the
                // time these two methods take.
                guard (try? ledger.refresh()) == true else { return [] }
                return [.data(ChairSession.read(ledger, methods: methods))]
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
                                                         eligibility: ReportCommand.eligibilityOf(book))
                return [.statistics(generation: generation, m, statistics)]
            }
        case .append(let draft):
            inbox.run(on: files, awaited: true) {
                do {
                    return [.saved(try ledger.appendChair(draft))]
                } catch {
                    return [.notSaved(TerminalText.safe(error.said(in: language)))]
                }
            }
        case .checkpoint:
            inbox.run(on: files) {
                do {
                    try ledger.appendCheckpoint(actor: chair)
                    return []
                } catch {
                    return [.notSaved(TerminalText.safe("\(error)"))]
                }
            }
        case .export(let results, let summary, let statistics, let overwrite):
            inbox.run(on: files, awaited: true) {
                [ChairCommand.export(results, ledger: summary, statistics: statistics, to: directory + "/exports", overwrite: overwrite)]
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
