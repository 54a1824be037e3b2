/// What reports and screens say about the ledger, as plain values: every file's line count,
/// head hash and break, and the warnings. Taken from a `Ledger` at one moment.
public struct LedgerSummary: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var name: String
        public var path: String
        public var lines: Int
        public var head: String
        public var broken: LedgerBreak?
    }

    public var contest: Contest
    public var files: [File]
    public var warnings: [String]
    /// Files in the ledger folder that belong to no judge.
    public var strays: [String]

    public var breaks: [File] { files.filter { $0.broken != nil } }
}

extension Ledger {
    public var summary: LedgerSummary {
        LedgerSummary(contest: contest,
                      files: allFiles.map { .init(name: $0.name, path: $0.path, lines: $0.lineCount, head: $0.headHex, broken: $0.broken) },
                      warnings: warnings, strays: strayFiles())
    }
}
