import KhanaenText

/// One thing said in Thai and in English. Every bilingual word of Khanaen is one (a screen's,
/// a report's, a refusal's, a key's help, a command's line), and `text(_:)` is the one place a
/// language picks between the two: Thai unless `--lang en`.
public struct Phrase: Equatable, Hashable, Sendable {
    public let th: String
    public let en: String

    public init(_ th: String, _ en: String) {
        self.th = th
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .th ? th : en }

    /// Both with terminal controls shown as placeholders (`TerminalText`): for words that echo
    /// what a contest, a ledger, a mailbox or another program holds.
    public var terminalSafe: Phrase { Phrase(TerminalText.safe(th), TerminalText.safe(en)) }
}

/// What speaks in one language (a screen's words, a report's, a command's output): `t` says
/// a Thai–English pair in it.
public protocol Speaking {
    var language: Language { get }
}

extension Speaking {
    public func t(_ th: String, _ en: String) -> String { Phrase(th, en).text(language) }
}

extension Language: Speaking {
    public var language: Language { self }
}

/// An error that has its words in both languages (a refusal, bad input, a wrong command line):
/// whoever reports it says it in the caller's language.
public protocol BilingualError: Error {
    var words: Phrase { get }
}

extension Error {
    /// What went wrong, in `language` where the error has it in both.
    public func said(in language: Language) -> String { (self as? BilingualError)?.words.text(language) ?? "\(self)" }
}
