import KhanaenCore
import KhanaenText

/// The whole workstation screen for a state.
public enum JudgeView {
    public static func render(_ s: JudgeState) -> Canvas {
        if Chrome.isTooSmall(width: s.width, height: s.height) { return Chrome.tooSmall(width: s.width, height: s.height, s.strings) }
        switch s.screen {
        case .list: return EntryListView.render(s)
        case .sheet: return SheetView.render(s)
        case .reader: return ReaderView.render(s)
        case .documents: return documents(s)
        case .help: return help(s)
        }
    }

    /// The bottom row of every workstation screen: the key hints, or, once the judge's ledger
    /// is found damaged, that, in place of the hints and for as long as the program runs, so
    /// that no message of the moment hides it.
    static func bottomRow(_ c: inout Canvas, y: Int, _ s: JudgeState, hints: String) {
        if let problem = s.ledgerProblem {
            c.paint(y: y, role: .error, bold: true)
            c.put(" ⚠ " + Chrome.clip(problem, to: c.width - 4, words: s.text.words), x: 0, y: y, role: .error, bold: true)
        } else {
            Chrome.hints(&c, y: y, hints)
        }
    }

    /// The status line of every workstation screen: a prompt being answered, else the
    /// message of the moment.
    static func statusLine(_ c: inout Canvas, y: Int, _ s: JudgeState) {
        let w = s.strings
        if let prompt = s.prompt {
            switch prompt {
            case .search(let field): Chrome.prompt(&c, y: y, label: w.searchPrompt, field: field, words: s.text.words)
            case .conflictGround:
                Chrome.panel(&c, w.groundChoices, bottom: y, selected: nil, words: s.text.words)
                Chrome.prompt(&c, y: y, label: w.groundPrompt, field: nil, words: s.text.words)
            case .recuseReason(let ground, let field): Chrome.prompt(&c, y: y, label: w.recusePrompt(ground), field: field, words: s.text.words)
            case .confirmRecuse: Chrome.prompt(&c, y: y, label: w.confirmRecuse(s.entry.id), field: nil, words: s.text.words)
            case .confirmSubmit: Chrome.prompt(&c, y: y, label: w.confirmSubmit(s.entry.id), field: nil, words: s.text.words)
            case .note: Chrome.prompt(&c, y: y, label: w.noteEditorKeys, field: nil, words: s.text.words)
            }
            return
        }
        Chrome.status(&c, y: y, s.status, words: s.text.words)
    }

    /// The entry's documents, read from the sheet with `d`.
    static func documents(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        let layout = s.layout
        Chrome.titleBar(&c, y: layout.title.y, left: "\(s.entry.id) · \(s.entry.organisation)", right: w.documentsTitle)
        guard let reader = s.documents else { return c }
        DocumentReader.draw(&c, in: layout.documents, reader, strings: w, words: s.text.words)
        if let field = reader.search {
            Chrome.prompt(&c, y: layout.status.y, label: w.documentSearchPrompt, field: field, words: s.text.words)
        } else {
            statusLine(&c, y: layout.status.y, s)
        }
        bottomRow(&c, y: layout.hints.y, s, hints: Keymap.documents.hints([.move(.down), .nextPage, .nextDocument, .search, .back], w))
        return c
    }

    /// Every key, drawn from the keymaps: the list's, then the sheet's and the reader's.
    static func help(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        Chrome.titleBar(&c, y: s.layout.title.y, left: "\(w.appName) · \(w.helpTitle)", right: "")
        HelpText.draw(&c, in: s.layout.help, helpSections(s), scroll: s.help, strings: w, words: s.text.words)
        return c
    }

    static func helpSections(_ s: JudgeState) -> [HelpText.Section] {
        let w = s.strings
        return [
            .init(title: w.helpList, extra: [], keys: Keymap.list),
            .init(title: w.helpSheet, extra: w.typingHelp(step: s.contest.step, maxima: s.contest.criteria.map(\.max)), keys: Keymap.sheet),
            .init(title: w.helpReader, extra: [], keys: Keymap.reader),
            .init(title: w.helpDocuments, extra: [], keys: Keymap.documents),
        ]
    }

    /// How many pages the help has.
    static func helpPages(_ s: JudgeState) -> Int {
        HelpText.pageCount(helpSections(s), width: s.width, rows: s.layout.help.height, language: s.strings.language, words: s.text.words)
    }
}
