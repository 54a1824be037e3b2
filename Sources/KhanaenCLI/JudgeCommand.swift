import Foundation
import KhanaenCore
import KhanaenText
import KhanaenTerminal
import KhanaenUI

/// The judge workstation: the default command.
struct JudgeCommand: Command {
    static let name = "judge"
    static let summary = "open the judge workstation (the default)"
    static let usage = """
    usage: khanaen [judge] [--judge ID] [--lang th|en] [--mono] [--contest DIR]

    Opens the judge workstation in this terminal (80×24 or larger, UTF-8 locale): the entry
    list, and for each entry the scoring sheet. Every accepted change is written to the
    judge's ledger and synced to disk before the screen says it is saved. `?` lists every key.

    options:
      --judge ID     only in an open contest (docs/access.md), any judge; elsewhere the judge is
                     the one whose "user" in contest.json is your login, and --judge may only
                     name that judge (an open contest opened by someone who is none of its
                     judges, such as the demo, opens as its last judge, who has scored nothing)
      --lang L       th (default) or en
      --mono         no colours, attributes only (also when NO_COLOR is set)

    """
    static let options = OptionSpec(values: ["judge", "lang", "contest"], flags: ["mono"])

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        guard let language = Language(rawValue: args.value("lang") ?? "th") else { throw UsageError("--lang must be th or en") }
        let dir = try ContestLocation.resolve(args, ctx)
        let requested = args.value("judge"), login = ctx.login
        // Who the judge is, and their ledger, need only contest.json: the ledger is verified on
        // another core while entries.json is read.
        let (contest, opened) = try ContestFolder.loadContest(dir) { definition in
            let (judgeID, demoNotice) = try Identity.judge(definition, requested: requested, login: login,
                                                           contestFile: dir + "/" + ContestFolder.contestFile)
            let ledger = Ledger(contest: definition, directory: dir + "/" + ContestFolder.ledgerFolder)
            try ledger.file(forJudge: judgeID)!.refresh()
            try ledger.chairFile.refresh()
            return (judgeID: judgeID, demoNotice: demoNotice, ledger: ledger)
        }
        let session = try JudgeSession(contest: contest, directory: dir, ledger: Ledger(contest: contest, sharingFilesOf: opened.ledger),
                                       judgeID: opened.judgeID, language: language)
        if opened.demoNotice { session.state.status = .init(text: session.state.strings.demoIdentity(opened.judgeID), kind: .info) }
        return try session.run(monochrome: args.has("mono"), ctx)
    }
}

/// Wires the pure workstation (state, update, view) to the terminal and to the judge's ledger.
final class JudgeSession {
    let contest: Contest
    let directory: String
    let judgeID: String
    let ownFile: LedgerFile
    let chairFile: LedgerFile
    let ledger: Ledger
    var state: JudgeState

    /// `ledger` has read this judge's file and the chair's, and no other: a judge never sees
    /// others' scores.
    init(contest: Contest, directory: String, ledger: Ledger, judgeID: String, language: Language) throws {
        self.contest = contest
        self.directory = directory
        self.judgeID = judgeID
        self.ledger = ledger
        ownFile = ledger.file(forJudge: judgeID)!
        chairFile = ledger.chairFile
        if let b = ownFile.broken {
            throw InputError("\(ownFile.path):\(b.line): \(b.message); run khanaen verify")
        }
        state = JudgeState(contest: contest, judge: contest.judgeIndex(judgeID)!, sheets: [], language: language,
                           utcOffset: ContestLocation.localUTCOffset)
        state.sheets = foldSheets()
    }

    func foldSheets() -> [Sheet] {
        SheetBook.judgeSheets(contest: contest, judgeID: judgeID, judgeEvents: ownFile.events, chairEvents: chairFile.events)
    }

    func run(monochrome: Bool, _ ctx: CommandContext) throws -> Int32 {
        for w in ownFile.warnings + chairFile.warnings { ctx.err("khanaen: warning: \(w)\n") }
        try ContestFolder.ensureLedgerFolder(directory)
        let terminal: Terminal
        do {
            terminal = try Terminal(monochrome: monochrome)
        } catch let e as Terminal.StartError {
            throw InputError(e.description)
        }
        defer { terminal.stop() }
        let size = terminal.size
        _ = JudgeUpdate.update(&state, .resize(width: size.width, height: size.height))
        var dirty = true
        while !state.quit {
            if dirty { terminal.draw(JudgeView.render(state)) }
            ThaiWords.prepareInBackground()
            dirty = true
            switch terminal.read() {
            case .signal(let number):
                return Terminal.exitCode(number)
            case .closed:
                return Terminal.exitCode(SIGHUP)
            case .resize(let w, let h):
                _ = JudgeUpdate.update(&state, .resize(width: w, height: h))
            case .key(let key):
                perform(JudgeUpdate.update(&state, .key(key)))
            case .idle:
                dirty = reloadIfChanged()
            }
        }
        return 0
    }

    /// Picks up what another terminal of this judge, or the chair, wrote.
    private func reloadIfChanged() -> Bool {
        let own = (try? ownFile.refresh()) ?? false
        let chair = (try? chairFile.refresh()) ?? false
        let changed = own || chair
        if let broken = ownFile.broken ?? chairFile.broken {
            let file = ownFile.broken != nil ? ownFile : chairFile
            if changed { _ = JudgeUpdate.update(&state, .ledgerBroken(broken.describe("\(ContestFolder.ledgerFolder)/\(file.fileName)"))) }
            return changed
        }
        if changed { _ = JudgeUpdate.update(&state, .sheets(foldSheets(), elsewhere: true)) }
        return changed
    }

    private func perform(_ effects: [JudgeEffect]) {
        for effect in effects {
            switch effect {
            case .append(let events):
                guard !events.isEmpty else { continue }
                do {
                    let written = try ledger.appendJudge(judgeID, events)
                    _ = JudgeUpdate.update(&state, .sheets(foldSheets(), elsewhere: false))
                    _ = JudgeUpdate.update(&state, .saved(written, time: written.last?.time ?? Timestamp.nowMillis()))
                } catch {
                    _ = try? ownFile.refresh()
                    _ = JudgeUpdate.update(&state, .sheets(foldSheets(), elsewhere: false))
                    _ = JudgeUpdate.update(&state, .notSaved("\(error)"))
                }
            }
        }
    }
}
