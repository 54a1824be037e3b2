/// Bad input, named by where it is: "contest.json:12: criteria[2].max: must be above 0".
/// Every command turns one of these into a single line on stderr and exit code 2.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public init(file: String, line: Int?, field: String?, _ problem: String) {
        var parts = [file + (line.map { ":\($0)" } ?? "")]
        if let field, !field.isEmpty { parts.append(field) }
        parts.append(problem)
        message = parts.joined(separator: ": ")
    }

    public var description: String { message }
}
