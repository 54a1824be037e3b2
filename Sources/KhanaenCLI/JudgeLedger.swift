import KhanaenCore

/// What a judge's command reads: the contest, and of the ledger only the judge's own file
/// and the chairs' deliveries to them (reopens, eligibility rulings). Other judges' files
/// and the chairs' own are never opened: in a contest set up with `khanaen access apply`
/// the judge could not even find them.
struct JudgeLedger {
    let ledger: Ledger
    let judgeID: String
    /// The judge was chosen for the caller (an open contest opened by none of its judges).
    let chosen: Bool

    var contest: Contest { ledger.contest }
    var file: LedgerFile { ledger.file(forJudge: judgeID)! }

    /// The chairs' decisions delivered to the judge.
    var chairEvents: [LedgerEvent] { ledger.deliveredStream(toJudge: judgeID).events }

    /// The judge's own sheets, folded from their file and the reopens delivered to them.
    var sheets: [Sheet] {
        SheetBook.judgeSheets(contest: contest, judgeID: judgeID, judgeEvents: file.events, chairEvents: chairEvents)
    }

    var warnings: [Phrase] { ([file] + ledger.deliveries(toJudge: judgeID)).flatMap(\.warningWords) }
}

extension ContestFolder {
    static func loadForJudge(_ dir: String, requested: String?, login: String) throws -> JudgeLedger {
        let contest = try loadContest(dir)
        let (judgeID, chosen) = try Identity.judge(contest, requested: requested, login: login, contestFile: dir + "/" + contestFile)
        let ledger = Ledger(contest: contest, directory: dir + "/" + ledgerFolder)
        try ledger.refreshJudge(judgeID)
        return JudgeLedger(ledger: ledger, judgeID: judgeID, chosen: chosen)
    }
}
