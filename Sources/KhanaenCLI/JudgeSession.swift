import Foundation
import Synchronization
import KhanaenCore
import KhanaenText
import KhanaenTerminal
import KhanaenUI

/// The workstation's edge: its state to start from, and the effects its update asks for,
/// carried out for the runtime against the judge's ledger. Everything else is the runtime's.
final class JudgeSession {
    let contest: Contest
    let directory: String
    let judgeID: String
    /// The operating system's login the workstation runs as: what `p` prints as.
    let login: String
    /// Where `p` writes the judge's sheet: the current folder, as `khanaen print sheet` does
    /// for a judge (exports/ is the chairs').
    var printFolder = FileManager.default.currentDirectoryPath
    let ledger: Ledger
    var state: JudgeState
    /// Reads and writes of the ledger, one at a time and in order.
    private let files = DispatchQueue(label: "khanaen.judge.ledger")
    private let language: Language
    /// A reload is at work: the next tick does not start another.
    private let reloading = InFlight()
    /// The judge's sheets as last folded, and where the fold stands in the file.
    private let folded: Held<JudgeFold>

    /// `ledger` has read this judge's file and the chair's, and no other: a judge never sees
    /// others' scores.
    init(contest: Contest, directory: String, ledger: Ledger, judgeID: String, login: String = "", language: Language) throws {
        self.contest = contest
        self.directory = directory
        self.judgeID = judgeID
        self.login = login
        self.ledger = ledger
        self.language = language
        let own = ledger.file(forJudge: judgeID)!
        if let b = own.broken {
            throw InputError(th: b.describe(own.path, in: .th) + " (ดู khanaen verify)", en: b.describe(own.path) + "; run khanaen verify")
        }
        state = JudgeState(contest: contest, judge: contest.judgeIndex(judgeID)!, sheets: [], language: language)
        let fold = JudgeFold(contest: contest, judgeID: judgeID, judgeEvents: own.events,
                             chairEvents: ledger.deliveredStream(toJudge: judgeID).events)
        folded = Held(fold)
        state.sheets = fold.sheets
        (state.hidden, state.notGiven) = JudgeSession.outOfReach(ledger, judgeID)
    }

    /// The entries taken out of judging (`hidden`: by the contest's rules and the chairs'
    /// rulings and assignment delivered to the judge) and, among them, those the assignment
    /// does not give the judge; the deliveries merged once for both.
    static func outOfReach(_ ledger: Ledger, _ judgeID: String) -> (hidden: Set<Int>, notGiven: Set<Int>) {
        guard let j = ledger.contest.judgeIndex(judgeID) else { return ([], []) }
        let delivered = ledger.deliveredStream(toJudge: judgeID).events
        return (OutOfReach.entries(judge: j, contest: ledger.contest, chairEvents: delivered),
                OutOfReach.notGiven(judge: j, contest: ledger.contest, chairEvents: delivered))
    }

    /// The judge's sheets as the ledger now holds them: only the events read since the last
    /// fold are folded into the sheets held (`JudgeFold`), the file folded again from its
    /// start when a reopen came or the file is not the one folded.
    static func fold(_ ledger: Ledger, _ judgeID: String, into folded: Held<JudgeFold>) -> [Sheet] {
        let events = ledger.file(forJudge: judgeID)!.events, chair = ledger.deliveredStream(toJudge: judgeID).events
        return folded.withLock { f in
            f.apply(judgeEvents: events, chairEvents: chair)
            return f.sheets
        }
    }

    /// What a read that failed says on the screen: a file of the ledger that cannot be read
    /// is an integrity problem, shown beside the sheets last read.
    static func unreadable(_ error: Error, _ language: Language) -> JudgeMsg {
        .ledgerBroken(TerminalText.safe(error.said(in: language)))
    }

    func run(monochrome: Bool, _ ctx: CommandContext) throws -> Int32 {
        let own = ledger.file(forJudge: judgeID)!
        for w in ([own] + ledger.deliveries(toJudge: judgeID)).flatMap(\.warningWords) {
            ctx.err(TerminalText.safe(language.t("khanaen: คำเตือน: \(w.th)", "khanaen: warning: \(w.en)")) + "\n")
        }
        try ContestFolder.ensureLedgerFolder(directory)
        let terminal: Terminal
        do {
            terminal = try Terminal(monochrome: monochrome)
        } catch let e as Terminal.StartError {
            throw InputError(e)
        }
        defer { terminal.stop() }
        let runtime = Runtime<JudgeProgram>(state: state, backend: terminal, watching: ledger.folders(forJudge: judgeID)) { [self] effect, inbox in perform(effect, inbox) }
        return runtime.run(first: [.started])
    }

    func perform(_ effect: JudgeEffect, _ inbox: Inbox<JudgeMsg>) {
        let ledger = self.ledger, judgeID = self.judgeID, language = self.language
        switch effect {
        case .append(let events):
            let folded = self.folded
            inbox.run(on: files, awaited: true) {
                do {
                    let written = try ledger.appendJudge(judgeID, events)
                    return [.sheets(JudgeSession.fold(ledger, judgeID, into: folded), elsewhere: false), .saved(written)]
                } catch {
                    var out: [JudgeMsg] = []
                    do { try ledger.file(forJudge: judgeID)!.refresh() } catch let unread { out.append(JudgeSession.unreadable(unread, language)) }
                    return [.sheets(JudgeSession.fold(ledger, judgeID, into: folded), elsewhere: false),
                            .notSaved(TerminalText.safe(error.said(in: language)))] + out
                }
            }
        case .reload:
            guard reloading.begin() else { return }
            let reloading = self.reloading, folded = self.folded
            inbox.run(on: files) {
                let own = ledger.file(forJudge: judgeID)!
                let delivered = ledger.deliveries(toJudge: judgeID)
                // A file that cannot be read is said, never taken as unchanged; what the
                // other files hold is still folded, beside the sheets last read.
                var changed = false, chairChanged = false
                var out: [JudgeMsg] = []
                do { changed = try own.refresh() } catch { out.append(JudgeSession.unreadable(error, language)) }
                for d in delivered {
                    do { chairChanged = try d.refresh() || chairChanged } catch { out.append(JudgeSession.unreadable(error, language)) }
                }
                changed = changed || chairChanged
                if let file = ([own] + delivered).first(where: { $0.broken != nil }), let broken = file.broken, changed {
                    out.append(.ledgerBroken(TerminalText.safe(broken.describe(file.displayPath, in: language))))
                } else if changed {
                    out.append(.sheets(JudgeSession.fold(ledger, judgeID, into: folded), elsewhere: true))
                    if chairChanged {
                        let reach = JudgeSession.outOfReach(ledger, judgeID)
                        out.append(.ineligible(reach.hidden, notGiven: reach.notGiven))
                    }
                }
                if reloading.end() { out.append(.tick) }
                return out
            }
        case .printSheet:
            // As `khanaen print sheet` would, from the files as they now are: off the screen's thread and the ledger's queue.
            let directory = self.directory, login = self.login, language = self.language, folder = printFolder
            inbox.run(on: .global(qos: .userInitiated)) {
                var intact = true
                do {
                    let request = PrintCommand.Request(paper: .sheet, judge: judgeID, output: folder, force: true, login: login, uid: getuid())
                    guard let w = try PrintCommand.write(request, dir: directory, now: Timestamp.nowMillis(), intact: &intact, warn: { _ in }).first
                    else { return [] }
                    let path = w.path.hasPrefix("/") ? w.path : FileManager.default.currentDirectoryPath + "/" + w.path
                    return [.printed(path: TerminalText.safe(path), pages: w.pages, draft: w.draft, noQR: w.noQR != nil)]
                } catch {
                    return [.notPrinted(TerminalText.safe(error.said(in: language)))]
                }
            }
        case .prepareText:
            inbox.run(on: .global(qos: .utility)) { [.textReady(ThaiText.load())] }
        case .loadDocuments(let entry, let language):
            let directory = self.directory, e = contest.entries[entry]
            inbox.run(on: .global(qos: .userInitiated)) {
                [.documents(entry: entry, EntryDocument.load(contestDirectory: directory, entry: e, language: language))]
            }
        }
    }
}

/// Whether a piece of background work is at work, so that a tick does not queue another;
/// a tick that comes meanwhile is owed one more run once it ends (the change that made it may
/// have come after the files were read, and nothing else would read it).
final class InFlight: Sendable {
    private let state = Mutex((busy: false, again: false))

    /// Marks it at work; false when it already was (one more run is then owed).
    func begin() -> Bool {
        state.withLock { s in
            if s.busy { s.again = true; return false }
            s.busy = true
            return true
        }
    }

    /// Marks it done; true when a run was asked for meanwhile, which the caller starts.
    func end() -> Bool {
        state.withLock { s in
            defer { s = (busy: false, again: false) }
            return s.again
        }
    }
}

/// A value taken in turns by the queues that work on it.
final class Held<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { value.withLock { body(&$0) } }
}
