import Foundation
import KhanaenCore
import KhanaenText
import KhanaenTerminal
import KhanaenUI

/// The chair's console: live ranking, progress and integrity of the ledger.
struct ChairCommand: Command {
    static let name = "chair"
    static let summary = "open the chair's console: live ranking, progress, ledger integrity"
    static let usage = """
    usage: khanaen chair [--lang th|en] [--mono] [--contest DIR]

    Opens the chair's console for a login listed in "chairs" of contest.json; anyone else is
    refused (in an open contest such as the demo, anyone is its chair: docs/access.md). Screens: 1 ranking by the current
    method (m cycles mean / median / trimmed / normalised) with the award lines, the judges'
    spread and flags; 2 entries × judges; 3 one entry in full with its ledger history;
    4 each judge's progress; 5 judges' severity and criteria; 6 the awards that depend on the
    method; 7 every ledger file's chain and head, and the results seal, whose first 12
    digits are on every screen. The screens follow the ledger: a score saved by any judge
    shows within a second. Its only writes are chair actions, each with a reason and a y/n:
    `a` sets or withdraws the selected entry's award (this is also how a boundary tie is
    resolved), `o` reopens a judge's submitted or recused sheet.

    """
    static let options = OptionSpec(values: ["lang", "contest"], flags: ["mono"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let dir = try ContestLocation.resolve(args, ctx)
        var chair = ""
        var demoNotice = false
        var opened: Terminal?
        // While the ledger files are read on the other cores: the login is checked first,
        // so that a refused one never sees the screen change.
        let loaded = Result {
            try ContestFolder.load(dir) { contest in
                (chair, demoNotice) = try Identity.chair(contest, requested: nil, login: ctx.login)
                do {
                    opened = try Terminal(monochrome: args.has("mono"))
                } catch let e as Terminal.StartError {
                    throw InputError(e.description)
                }
            }
        }
        // A ledger that cannot be read: the terminal is given back before the error is printed.
        guard case .success(let ledger) = loaded, let terminal = opened else {
            opened?.stop()
            _ = try loaded.get()
            preconditionFailure("the terminal opens once the contest is read")
        }
        defer { terminal.stop() }
        func snapshot() -> ChairMsg {
            let book = SheetBook(ledger: ledger)
            return .data(book, ledger.summary(book), ledger.allFiles.map { $0.events }, time: Timestamp.nowMillis())
        }
        let book = SheetBook(ledger: ledger)
        var state = ChairState(book: book, ledger: ledger.summary(book), events: ledger.allFiles.map { $0.events },
                               chair: chair, language: language,
                               utcOffset: ContestLocation.localUTCOffset, now: Timestamp.nowMillis())
        if demoNotice {
            state.status = .init(text: language == .th ? "ตัวอย่าง (คะแนนสมมุติ): เปิดในนามประธานกรรมการ \(chair)"
                                                        : "Demo (synthetic scores): opened as chair \(chair)", kind: .info)
        }
        let size = terminal.size
        ChairUpdate.update(&state, .resize(width: size.width, height: size.height))
        var dirty = true
        var witnessed = false
        while !state.quit {
            if dirty { terminal.draw(ChairView.render(state)) }
            if !witnessed {
                // Once the first frame is drawn: a checkpoint of what the chair is looking at.
                witnessed = true
                do {
                    if try ledger.appendCheckpoint(actor: chair) { ChairUpdate.update(&state, snapshot()) }
                } catch {
                    ChairUpdate.update(&state, .notSaved("\(error)"))
                }
            }
            ThaiWords.prepareInBackground()
            state.computeAhead()
            dirty = true
            switch terminal.read() {
            case .signal(let number): return Terminal.exitCode(number)
            case .closed: return Terminal.exitCode(SIGHUP)
            case .resize(let w, let h): ChairUpdate.update(&state, .resize(width: w, height: h))
            case .key(let key):
                for effect in ChairUpdate.update(&state, .key(key)) {
                    if case .export(let overwrite) = effect {
                        ChairUpdate.update(&state, export(state.results, ledger: state.ledger, to: dir + "/exports", overwrite: overwrite))
                        continue
                    }
                    guard case .append(let draft) = effect else { continue }
                    do {
                        let written = try ledger.appendChair(draft)
                        _ = try? ledger.refresh()
                        ChairUpdate.update(&state, snapshot())
                        ChairUpdate.update(&state, .saved(written))
                    } catch {
                        ChairUpdate.update(&state, .notSaved("\(error)"))
                    }
                }
            case .idle:
                // A judge's save shows within one input timeout (a quarter second).
                dirty = (try? ledger.refresh()) ?? false
                if !dirty {
                    // Takes the other methods' results once computed on the other core; the
                    // screen is unchanged.
                    ChairUpdate.update(&state, .idle)
                }
                if dirty { ChairUpdate.update(&state, snapshot()) }
            }
        }
        return 0
    }

    /// Writes the export files atomically; asks first (by message) when any is there already.
    static func export(_ results: Results, ledger: LedgerSummary, to folder: String, overwrite: Bool) -> ChairMsg {
        let files = Export.files(results, ledger: ledger)
        let existing = files.map { $0.name }.filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        if !existing.isEmpty && !overwrite { return .exportExists(existing) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for f in files { try AtomicFile.write(Array(f.text.utf8), to: folder + "/" + f.name, overwrite: true) }
        } catch {
            return .notSaved("\(error)")
        }
        return .exported(files.map { folder + "/" + $0.name })
    }
}
