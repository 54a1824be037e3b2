/// Bad input, named by where it is: "contest.json:12: criteria[2].max: must be above 0".
/// Every command turns one of these into a single line on stderr, in the command's language,
/// and exit code 2. The file, line and field are names and stay as they are in both.
public struct InputError: BilingualError, Equatable, CustomStringConvertible, Sendable {
    public var words: Phrase

    /// Said the same in both languages: the system's own words (a file's problem from the
    /// operating system), or words already in the caller's language.
    public init(_ message: String) { words = Phrase(message, message) }

    public init(th: String, en: String) { words = Phrase(th, en) }

    public init(file: String, line: Int?, field: String?, th: String, en: String) {
        var parts = [file + (line.map { ":\($0)" } ?? "")]
        if let field, !field.isEmpty { parts.append(field) }
        words = Phrase((parts + [th]).joined(separator: ": "), (parts + [en]).joined(separator: ": "))
    }

    public init(file: String, line: Int?, field: String?, _ problem: String) {
        self.init(file: file, line: line, field: field, th: problem, en: problem)
    }

    /// The English words, which the tests and the logs read.
    public var message: String { words.en }
    public var description: String { message }
}
