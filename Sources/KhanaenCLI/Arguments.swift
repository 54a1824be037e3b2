/// The options a command takes: the ones with a value, the flags, and how many plain arguments.
struct OptionSpec {
    var values: Set<String> = []
    var repeatable: Set<String> = []
    var flags: Set<String> = []
    var positionals: ClosedRange<Int> = 0...0
    var positionalName = "argument"

    func parse(_ args: [String], command: String) throws -> ParsedArguments {
        var result = ParsedArguments()
        var k = 0
        while k < args.count {
            let a = args[k]
            k += 1
            if a == "--" {
                result.positionals.append(contentsOf: args[k...])
                break
            }
            if a.hasPrefix("--") {
                var name = String(a.dropFirst(2))
                var inline: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if flags.contains(name) {
                    if inline != nil { throw UsageError("--\(name) takes no value") }
                    result.flags.insert(name)
                } else if values.contains(name) || repeatable.contains(name) {
                    let value: String
                    if let inline { value = inline } else {
                        guard k < args.count else { throw UsageError("--\(name) needs a value") }
                        value = args[k]
                        k += 1
                    }
                    if values.contains(name) && result.values[name] != nil { throw UsageError("--\(name) is given twice") }
                    result.values[name, default: []].append(value)
                } else {
                    throw UsageError("unknown option --\(name)")
                }
            } else {
                result.positionals.append(a)
            }
        }
        if !positionals.contains(result.positionals.count) {
            if result.positionals.count < positionals.lowerBound { throw UsageError("missing \(positionalName)") }
            throw UsageError("unexpected argument \"\(result.positionals[positionals.upperBound])\"")
        }
        return result
    }
}

struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func required(_ name: String) throws -> String {
        guard let v = value(name), !v.isEmpty else { throw UsageError("--\(name) is required") }
        return v
    }
}
