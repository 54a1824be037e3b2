/// What reports and screens say about the ledger, as plain values: every file's line count,
/// head hash and break, the lines that break the rules, what the checkpoints found, and the
/// warnings. Taken from a `Ledger` and its fold at one moment.
public struct LedgerSummary: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var name: String
        public var path: String
        public var lines: Int
        public var head: String
        public var broken: LedgerBreak?
        /// What the results seal covers: the whole file for a judge's; for a chair's and the
        /// witness's, up to its last decision, since checkpoints after it witness the results
        /// and change none (a report records one: the next report must give the same seal).
        public var sealedLines: Int
        public var sealedHead: String

        public init(name: String, path: String, lines: Int, head: String, broken: LedgerBreak?, sealedLines: Int? = nil, sealedHead: String? = nil) {
            self.name = name
            self.path = path
            self.lines = lines
            self.head = head
            self.broken = broken
            self.sealedLines = sealedLines ?? lines
            self.sealedHead = sealedHead ?? head
        }
    }

    public var contest: Contest
    public var files: [File]
    /// What a person should hear about that is not a problem (an unfinished last line, a
    /// delivery behind its chair's file), in both languages.
    public var warningWords: [Phrase]
    /// Files in the ledger folder that belong to nobody of the contest.
    public var strays: [String]
    /// Deliveries that do not follow their chair's file, and broken deliveries.
    public var deliveryProblemWords: [Phrase] = []
    /// Lines whose hash is valid but which break the contest's rules; left out of the scores.
    public var violations: [Violation] = []
    /// Judge files that no longer reach a head a checkpoint recorded, and a change of the
    /// scoring rules since the last checkpoint.
    public var checkpointProblemWords: [Phrase] = []

    public init(contest: Contest, files: [File], warnings: [Phrase], strays: [String], violations: [Violation] = [],
                checkpointProblems: [Phrase] = []) {
        self.contest = contest
        self.files = files
        self.warningWords = warnings
        self.strays = strays
        self.violations = violations
        self.checkpointProblemWords = checkpointProblems
    }

    /// The warnings in English, as the JSON report keeps them.
    public var warnings: [String] { warningWords.map(\.en) }
    public func warnings(in language: Language) -> [String] { warningWords.map { $0.text(language) } }
    /// In English.
    public var deliveryProblems: [String] { deliveryProblemWords.map(\.en) }
    /// In English.
    public var checkpointProblems: [String] { checkpointProblemWords.map(\.en) }

    public var breaks: [File] { files.filter { $0.broken != nil } }

    /// One line for each thing that makes the ledger not intact, in the order breaks,
    /// checkpoints, violations.
    /// In English, as the seal covers them.
    public var problems: [String] { problems(in: .en) }

    /// The same in `language`.
    public func problems(in language: Language) -> [String] {
        breaks.map { f in f.broken!.describe(Ledger.displayPath(ofFile: f.name), in: language) }
            + (checkpointProblemWords + deliveryProblemWords).map { $0.text(language) }
            + violations.map { $0.description(in: language) }
    }

    public var isIntact: Bool { breaks.isEmpty && violations.isEmpty && checkpointProblemWords.isEmpty && deliveryProblemWords.isEmpty }
}

extension Ledger {
    /// The summary of the files as read, with `book`'s violations, the checkpoints' findings
    /// and the deliveries'. The deliveries are copies of the chairs' lines: their breaks
    /// are problems, but the seal does not cover them.
    public func summary(_ book: SheetBook) -> LedgerSummary {
        let judges = Set(judgeFiles.map { ObjectIdentifier($0) })
        let findings = deliveryFindingWords()
        let deliveryBreaks = deliveries.flatMap { $0 }.compactMap { f in f.broken.map { $0.words(f.displayPath) } }
        var summary = LedgerSummary(contest: contest,
                      files: recordFiles.map { f in
                          var sealed = f.lineCount
                          if !judges.contains(ObjectIdentifier(f)) {
                              while sealed > 0 && f.events[sealed - 1].kind == .checkpoint { sealed -= 1 }
                          }
                          return .init(name: f.name, path: f.path, lines: f.lineCount, head: f.headHex, broken: f.broken,
                                       sealedLines: sealed, sealedHead: f.hash(atLine: sealed)?.hex ?? f.headHex)
                      },
                      warnings: warningWords + findings.pending, strays: strayFiles(), violations: book.violations,
                      checkpointProblems: Checkpoints.problemWords(self, checkpoints: book.checkpoints))
        summary.deliveryProblemWords = deliveryBreaks + findings.problems
        return summary
    }
}
