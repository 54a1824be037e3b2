import KhanaenCore

/// What an import did, one line per message or row, and the entries to write.
public struct ImportResult: Sendable {
    public struct Line: Equatable, Sendable {
        public enum Kind: String, Sendable { case imported, updated, skipped }
        public var kind: Kind
        /// The entry's id (imported, updated).
        public var id: String
        /// The organisation (imported, updated) or the message or line (skipped).
        public var subject: String
        /// Why it was skipped, or what is worth knowing about it.
        public var notes: [String]

        /// `imported e021 เทศบาลตำบลครึ่ง`, `skipped inbox.mbox:120: no หน่วยงาน (organisation)`.
        /// The text came from outside: print it through `TerminalSafe`.
        public var text: String {
            switch kind {
            case .skipped: return "skipped \(subject): " + notes.joined(separator: "; ")
            default: return "\(kind.rawValue) \(id) \(subject)" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
            }
        }
    }

    public var entries: [Contest.Entry]
    public var lines: [Line]
    /// What is worth saying about the input as a whole (a CSV column that was ignored).
    public var warnings: [String] = []

    public init(entries: [Contest.Entry], lines: [Line], warnings: [String] = []) {
        self.entries = entries
        self.lines = lines
        self.warnings = warnings
    }
}
