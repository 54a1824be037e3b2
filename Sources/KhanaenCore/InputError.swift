
/// Bad input, named by where it is: "contest.json:12: criteria[2].max: must be above 0".
/// Every command turns one of these into a single line on stderr, in the command's language,
/// and exit code 2. The file, line and field are names and stay as they are in both.
///
/// The words often echo what a contest, an entries file or a mailbox holds (an id, a key, a
/// value), so they are kept as terminal-safe text here: a control or a bidirectional control
/// in them is a visible placeholder (`TerminalText`), and the error stays one line.
public struct InputError: BilingualError, Equatable, CustomStringConvertible, Sendable {
    public private(set) var words: Phrase

    public init(_ words: Phrase) { self.words = words.terminalSafe }

    public init(th: String, en: String) { self.init(Phrase(th, en)) }

    /// Another error's words (a file's problem, a ledger file's), as bad input.
    public init(_ error: BilingualError) { self.init(error.words) }

    /// "path: what was tried: the system's reason" for a call that failed with `code`.
    public init(_ path: String, failed th: String, _ en: String, code: Int32) {
        let why = SystemError.failed(th, en, code: code)
        self.init(Phrase(path + ": " + why.th, path + ": " + why.en))
    }

    public init(file: String, line: Int?, field: String?, th: String, en: String) {
        var parts = [file + (line.map { ":\($0)" } ?? "")]
        if let field, !field.isEmpty { parts.append(field) }
        self.init(Phrase((parts + [th]).joined(separator: ": "), (parts + [en]).joined(separator: ": ")))
    }

    /// The English words, which the tests and the logs read.
    public var message: String { words.en }
    public var description: String { message }
}
