/// The signed papers `p` prints (docs/printing.md): the console offers the four, the
/// workstation the judge's own sheet.
public enum PaperKind: String, CaseIterable, Sendable {
    case sheet, summary, declaration, announcement
}

extension ChairUpdate {
    /// The console's print menu: a paper's number prints it into exports/; any other key but
    /// Esc (which cancels) says what the choices are.
    static func printMenuKey(_ s: inout ChairState, _ key: Key) -> [ChairEffect] {
        guard case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= PaperKind.allCases.count else {
            s.status = .error(s.strings.notAPaper)
            return []
        }
        s.prompt = nil
        s.status = .info(s.strings.printing)
        return [.print(PaperKind.allCases[n - 1])]
    }
}
