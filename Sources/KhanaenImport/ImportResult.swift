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
        /// Why it was skipped, or what is worth knowing about it, in both languages.
        public var notes: [Phrase]

        /// `imported e021 เทศบาลตำบลครึ่ง`, `skipped inbox.mbox:120: ไม่มีช่อง หน่วยงาน (organisation)`:
        /// the first word stays as it is in either language (a script may read it), the notes
        /// are in `language`. The text came from outside: print it through `TerminalText.safe`.
        public func text(_ language: Language) -> String {
            let said = notes.map { $0.text(language) }
            switch kind {
            case .skipped: return "skipped \(subject): " + said.joined(separator: "; ")
            default: return "\(kind.rawValue) \(id) \(subject)" + (said.isEmpty ? "" : " (" + said.joined(separator: "; ") + ")")
            }
        }

        /// The line in English.
        public var text: String { text(.en) }
    }

    public var entries: [Contest.Entry]
    public var lines: [Line]
    /// What is worth saying about the input as a whole (a CSV column that was ignored).
    public var warnings: [Phrase] = []

    public init(entries: [Contest.Entry], lines: [Line], warnings: [Phrase] = []) {
        self.entries = entries
        self.lines = lines
        self.warnings = warnings
    }
}
