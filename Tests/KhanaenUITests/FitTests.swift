import Foundation
import XCTest
@testable import KhanaenCore
@testable import KhanaenText
@testable import KhanaenUI

/// Issue 21, walked: every prompt and question of both programs, reached by pressing the keys
/// their keymaps declare (so a prompt added behind a key is walked too), drawn at 80×24 in
/// Thai and in English. Of each frame reached: the prompt's way out and its choices ("(y/n)",
/// "Esc …", "Enter …", the numbered choices) are whole on screen; the status line and the hints
/// are cut only between whole words or items, ending with "…". Each frame is compared with the
/// same state drawn 400 columns wide, which is never cut.
final class FitTests: XCTestCase {
    static let text = ThaiText.load()
    static let wide = 400
    /// Keys pressed in a row at most, from the program's first frame.
    /// (Every prompt of either program is five keys or fewer from its first frame; the sixth
    /// answers the deepest.)
    static let depth = 6

    // MARK: the walk

    /// Every state reached from `roots` by at most `depth` keys, once for each thing it shows
    /// (`shown`); a state is walked on once for each `same` (what the next keys depend on).
    static func walk<S>(from roots: [S], keys: [Key], step: (inout S, Key) -> Void, same: (S) -> String, shown: (S) -> String) -> [(path: String, state: S)] {
        var seen = Set<String>(), queued = Set<String>()
        var reached: [(path: String, state: S)] = []
        var layer: [(path: String, state: S)] = []
        for r in roots where queued.insert(same(r)).inserted {
            seen.insert(shown(r))
            reached.append(("", r))
            layer.append(("", r))
        }
        for _ in 0..<depth {
            var next: [(path: String, state: S)] = []
            for (path, s) in layer {
                for key in keys {
                    var t = s
                    step(&t, key)
                    let path = path + " " + name(key)
                    if seen.insert(shown(t)).inserted { reached.append((path, t)) }
                    if queued.insert(same(t)).inserted { next.append((path, t)) }
                }
            }
            layer = next
        }
        return reached
    }

    static func name(_ key: Key) -> String {
        switch key {
        case .char(let c): return String(c)
        default: return "\(key)"
        }
    }

    /// A key of each binding of every keymap of a program, then the answers a prompt takes:
    /// digits, y, a letter of a reason, Enter, Esc.
    static func keys(_ maps: [Keymap]) -> [Key] {
        var keys: [Key] = []
        for k in maps.flatMap({ $0.bindings.compactMap(\.keys.first) }) + "0123456789yx".map({ Key.char($0) }) + [.enter, .escape] where !keys.contains(k) {
            keys.append(k)
        }
        return keys
    }

    // MARK: what a frame must hold

    /// A way out or a choice of a prompt, as drawn 400 columns wide: "(y/n)", "Esc" and the
    /// word after it, "Enter" and the word after it, and (on a prompt without y/n) each
    /// numbered choice's number and first word.
    static func choices(_ row: String) -> [String] {
        var found: [String] = []
        let patterns = [#"\(y/n\)"#, #"Esc(?: [^\s)·,;:]+)?"#, #"Enter(?: [^\s)·,;:]+)?"#] + (row.contains("(y/n)") ? [] : [#"(?<=^|\s)[0-9a] [^\s)·,;:]+"#])
        for p in patterns {
            let re = try! NSRegularExpression(pattern: p)
            for m in re.matches(in: row, range: NSRange(row.startIndex..., in: row)) {
                found.append(String(row[Range(m.range, in: row)!]))
            }
        }
        return found
    }

    /// Where a line may be cut: after each of its words (Thai words too), without the spaces after it.
    static func cuts(_ line: String) -> Set<String> {
        var out: Set<String> = [], sofar = ""
        for piece in LineWrap.pieces(line, words: text.words) {
            sofar += piece
            out.insert(String(sofar.reversed().drop { $0 == " " }.reversed()))
        }
        return out
    }

    /// `narrow` says what `wide` says, or it is cut: each part of it (the parts are what two
    /// spaces or more part) is whole in `wide`, or ends at the end of one of `wide`'s words
    /// and goes on with "…" (and then with what follows in `wide`, as a question's "(y/n)").
    static func cutBetweenWords(_ narrow: String, _ wide: String) -> String? {
        // The same words, spaced closer to fit (the tabs at 80 columns in English), are not cut.
        let words = { (row: String) in row.split(separator: " ").joined(separator: " ") }
        if words(narrow) == words(wide) { return nil }
        let parts = { (row: String) in row.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let wideParts = parts(wide)
        for part in parts(narrow) where !wideParts.contains(part) {
            guard let dots = part.range(of: "…") else { return "cut without …: \(part)" }
            let before = String(part[..<dots.lowerBound]).trimmingCharacters(in: .whitespaces)
            let after = String(part[dots.upperBound...]).trimmingCharacters(in: .whitespaces)
            if before.isEmpty { continue }   // nothing kept of the part: a whole item dropped
            // The part before "…" is all of some items of a hints row, or a word's end.
            let ok = wideParts.contains { w in
                (w.hasPrefix(before) && cuts(w).contains(before)) && (after.isEmpty || w.hasSuffix(after) || wide.contains(after))
            } || wide.contains(before + "  ") || wide.hasSuffix(before)
            if !ok { return "cut inside a word: \(part)" }
        }
        return nil
    }

    /// The status line, and the rows whose words must never be cut inside: the title bar, the
    /// tabs, the status line, the hints or the footer.
    struct Rows {
        var status: Int
        var others: [Int]
    }

    /// The checks of one frame: `narrow` drawn at 80×24, `wide` the same state 400 columns wide.
    /// `passed`: rows (by place and text) already found whole or cut well, not checked again.
    static func check(_ narrow: [String], _ wide: () -> [String], rows: Rows, prompt: Bool, what: String, passed: inout Set<String>) -> [String] {
        var faults: [String] = []
        // A row with no "…" that leaves its last cells empty was not cut: no need to draw it wide.
        let pending = ([rows.status] + rows.others).filter { y in
            !passed.contains("\(y)|\(narrow[y])") && (narrow[y].contains("…") || !narrow[y].hasSuffix("   "))
        }
        if !prompt && pending.isEmpty { return [] }
        let wide = wide()
        let n = narrow[rows.status], w = wide[rows.status]
        if prompt {
            for choice in choices(w) where !n.contains(choice) {
                faults.append("\(what): \"\(choice)\" is not whole on screen: \(n.trimmingCharacters(in: .whitespaces))")
            }
        }
        for y in pending {
            if let fault = cutBetweenWords(narrow[y], wide[y]) {
                faults.append("\(what), row \(y): \(fault) | \(narrow[y].trimmingCharacters(in: .whitespaces))")
            } else {
                passed.insert("\(y)|\(narrow[y])")
            }
        }
        return faults
    }

    /// The faults found, a few and short: `swift test` drops a failure's message when it is long.
    static func report(_ faults: [String]) -> String {
        let distinct = Array(Set(faults)).sorted()
        return "\(distinct.count) faults, the first:\n" + distinct.prefix(8).map { String($0.prefix(150)) }.joined(separator: "\n")
    }

    // MARK: the workstation

    /// The prompt's case and what its words depend on (not the text typed, only whether there is some).
    static func judgePromptName(_ p: JudgeState.Prompt) -> String {
        // A new prompt is named here (the switch will not compile without it) and in `judgePrompts`.
        switch p {
        case .search: return "search"
        case .note: return "note"
        case .conflictGround: return "conflictGround"
        case .recuseReason: return "recuseReason"
        case .confirmRecuse: return "confirmRecuse"
        case .confirmSubmit: return "confirmSubmit"
        }
    }

    static func judgePromptShape(_ p: JudgeState.Prompt) -> String {
        switch p {
        case .search(let f): return "\(f.text.isEmpty)"
        case .note(let c, let f): return "\(c == nil)\(f.text.isEmpty)"
        case .conflictGround: return ""
        case .recuseReason(let g, let f): return "\(g)\(f.text.isEmpty)"
        case .confirmRecuse(let g, _): return "\(g)"
        case .confirmSubmit(let saved): return "\(saved ?? "-")"
        }
    }
    static let judgePrompts: Set = ["search", "note", "conflictGround", "recuseReason", "confirmRecuse", "confirmSubmit"]

    static func judgeStep(_ s: inout JudgeState, _ key: Key) {
        var effects = JudgeUpdate.update(&s, .key(key))
        while !effects.isEmpty {
            var after: [JudgeEffect] = []
            for effect in effects {
                switch effect {
                case .append(let events):
                    let written = events.enumerated().map { k, e in var x = e; x.seq = 90 + k; x.time = 1_764_300_000_000; return x }
                    after += JudgeUpdate.update(&s, .saved(written))
                case .loadDocuments(let entry, _): after += JudgeUpdate.update(&s, .documents(entry: entry, GoldenFrameTests.documents))
                case .printSheet:
                    after += JudgeUpdate.update(&s, .printed(path: "/home/somchai/.local/share/khanaen/digital-local-2566/exports/sheet-j5.pdf",
                                                             pages: 21, draft: true))
                default: break
                }
            }
            effects = after
        }
    }

    static func judgeSame(_ s: JudgeState) -> String {
        let sheet = s.sheet
        let prompt = s.prompt.map { judgePromptName($0) + judgePromptShape($0) } ?? ""
        return "\(s.screen)|\(prompt)|\(sheet.status)|\(sheet.reopen != nil)|\(sheet.setCount)|\(min(2, s.input.text.count))|\(s.documents?.search?.text.isEmpty ?? true)|\(s.printing)"
    }

    func testEveryPromptOfTheWorkstationFitsAt80x24() {
        var reachedPrompts: Set<String> = []
        var faults: [String] = []
        var passed: Set<String> = []
        for language in [Language.th, .en] {
            let root = GoldenFrameTests.judge(width: 80, height: 24, language: language)
            let keys = Self.keys([Keymap.list, .sheet, .reader, .documents, .movement])
            let reached = Self.walk(from: [root], keys: keys, step: Self.judgeStep, same: Self.judgeSame,
                                    shown: { Self.judgeSame($0) + "|\($0.status?.text ?? "")" })
            for (path, s) in reached {
                if let p = s.prompt { reachedPrompts.insert(Self.judgePromptName(p)) }
                if s.screen == .help { continue }   // the help has no status line: its pages go down to the last row
                let layout = s.layout
                let wide = { var w = s; _ = JudgeUpdate.update(&w, .resize(width: Self.wide, height: s.height)); return JudgeView.render(w).lines }
                faults += Self.check(JudgeView.render(s).lines, wide, rows: Rows(status: layout.status.y, others: [layout.title.y, layout.hints.y]),
                                     prompt: s.prompt != nil || s.documents?.search != nil, what: "\(language) \(s.screen):\(path)", passed: &passed)
            }
        }
        XCTAssertEqual(reachedPrompts, Self.judgePrompts, "every prompt of the workstation is walked")
        XCTAssertTrue(faults.isEmpty, Self.report(faults))
    }

    /// The sheet's lines cut with "(v อ่านต่อ)" (the chair's reopening, a criterion's levels
    /// and notes) are cut between words.
    func testTheSheetsCutLinesEndBetweenWords() {
        for language in [Language.th, .en] {
            var s = GoldenFrameTests.judge(width: 80, height: 24, language: language)
            // e04, reopened by the chair, and its first criterion's levels.
            for key in [Key.down, .down, .down, .enter] { Self.judgeStep(&s, key) }
            var w = s
            _ = JudgeUpdate.update(&w, .resize(width: Self.wide, height: s.height))
            let narrow = JudgeView.render(s).lines, wide = JudgeView.render(w).lines
            let mark = " " + s.strings.readMore
            let cut = narrow.indices.filter { narrow[$0].trimmingCharacters(in: .whitespaces).hasSuffix(mark) }
            XCTAssertFalse(cut.isEmpty, narrow.joined(separator: "\n"))
            for y in cut {
                let row = narrow[y].trimmingCharacters(in: .whitespaces)
                XCTAssertNil(Self.cutBetweenWords(String(row.dropLast(mark.count)), wide[y]), "\(language) row \(y): \(row)")
            }
        }
    }

    // MARK: the console

    static func chairPromptName(_ p: ChairState.Prompt) -> String {
        // A new prompt is named here (the switch will not compile without it) and in `chairPrompts`.
        switch p {
        case .tier: return "tier"
        case .judge: return "judge"
        case .reason: return "reason"
        case .confirm: return "confirm"
        case .overwrite: return "overwrite"
        case .draft: return "draft"
        case .outcome: return "outcome"
        case .ruling: return "ruling"
        case .ruleChoice: return "ruleChoice"
        case .rulingReason: return "rulingReason"
        case .confirmRuling: return "confirmRuling"
        case .printMenu: return "printMenu"
        case .reassignJudge: return "reassignJudge"
        case .reassignReason: return "reassignReason"
        case .reassignConfirm: return "reassignConfirm"
        }
    }

    static func chairPromptShape(_ p: ChairState.Prompt) -> String {
        switch p {
        case .tier, .overwrite, .draft, .printMenu: return ""
        case .judge(_, let selected), .reassignJudge(let selected): return "\(selected)"
        case .reason(let e, let f): return "\(e.kind)\(e.tier ?? "")\(f.text.isEmpty)"
        case .confirm(let e): return "\(e.kind)\(e.tier ?? "")\(e.outcome ?? "")"
        case .outcome(let item): return "\(item.topic)"
        case .ruling(let entries, let rule): return "\(entries.count)\(String(describing: rule))"
        case .ruleChoice(let rules): return "\(rules.count)"
        case .rulingReason(let events, let f, let rule, let left):
            return "\(events.count)\(events.first?.outcome ?? "")\(String(describing: rule))\(left)\(f.text.isEmpty)"
        case .confirmRuling(let events, let rule, let left): return "\(events.count)\(events.first?.outcome ?? "")\(String(describing: rule))\(left)"
        case .reassignReason(let judge, let add, _, let f): return "\(judge)\(add)\(f.text.isEmpty)"
        case .reassignConfirm(let judge, let add, _): return "\(judge)\(add)"
        }
    }
    static let chairPrompts: Set = ["tier", "judge", "reason", "confirm", "overwrite", "draft", "outcome", "ruling", "ruleChoice",
                                    "rulingReason", "confirmRuling", "printMenu", "reassignJudge", "reassignReason", "reassignConfirm"]

    static let exports = "/home/chair/.local/share/khanaen/digital-local-2566/exports"

    /// `plans`: the export's plan for each root's ledger (with an assignment or not), computed once.
    static func chairStep(_ s: inout ChairState, _ key: Key, plans: [Bool: ExportPlan]) {
        var effects = ChairTests.perform(&s, ChairUpdate.update(&s, .key(key)))
        while !effects.isEmpty {
            var after: [ChairEffect] = []
            for effect in effects {
                switch effect {
                case .append(let e, _): after += ChairUpdate.update(&s, .saved(e))
                case .appendAll(let events, _): after += ChairUpdate.update(&s, .savedAll(events))
                case .prepareExport: after += ChairUpdate.update(&s, .exportPlanned(plans[s.book.assignment != nil]!))
                case .export(let plan, let overwrite):
                    let names = Export.files(plan.results, ledger: plan.ledger, draft: plan.draft).map(\.name)
                    after += ChairUpdate.update(&s, overwrite ? .exported(names.map { exports + "/" + $0 }) : .exportExists(names))
                case .loadDocuments(let entry, _): after += ChairUpdate.update(&s, .documents(entry: entry, GoldenFrameTests.documents))
                case .print: after += ChairUpdate.update(&s, .printed([exports + "/summary.pdf"], draft: true))
                default: break
                }
            }
            effects = ChairTests.perform(&s, after)
        }
    }

    static func chairSame(_ s: ChairState) -> String {
        let prompt = s.prompt.map { chairPromptName($0) + chairPromptShape($0) } ?? ""
        // The screens that ask nothing of their own are one to the walk.
        let tab = [.ranking, .queue, .progress].contains(s.tab) ? "\(s.tab)" : "other"
        return "\(s.screen)|\(tab)|\(prompt)|\(s.method == s.official)|\(s.tab == .queue && s.queueShowsAll)|"
            + "\(s.screen == .eligibility && s.eligibilityShowsAll)|\(s.documents?.search?.text.isEmpty ?? true)"
    }

    /// What the status line and the footer of a console frame depend on.
    static func chairShown(_ s: ChairState) -> String {
        let tab = [.ranking, .queue, .progress].contains(s.tab) ? "\(s.tab)" : "other"
        return "\(s.screen)|\(tab)|\(s.prompt.map { chairPromptName($0) + chairPromptShape($0) } ?? "")|\(s.book.assignment != nil)|"
            + "\(s.documents?.search?.text.isEmpty ?? true)|\(s.pendingMethod != nil)|\(s.status?.text ?? "")"
    }

    func testEveryPromptOfTheConsoleFitsAt80x24() {
        var reachedPrompts: Set<String> = []
        var faults: [String] = []
        var passed: Set<String> = []
        for language in [Language.th, .en] {
            let plain = GoldenFrameTests.chair(width: 80, height: 24, language: language)
            let assigned = GoldenFrameTests.chair(width: 80, height: 24, chairEvents: [ChairTests.assignment()], language: language)
            let keys = Self.keys([Keymap.chair, .eligibility, .documents, .movement])
            let plans = [false: ChairTests.plan(plain), true: ChairTests.plan(assigned)]
            let reached = Self.walk(from: [plain, assigned], keys: keys, step: { Self.chairStep(&$0, $1, plans: plans) },
                                    same: { Self.chairSame($0) + "|\($0.book.assignment != nil)" },
                                    shown: { Self.chairShown($0) })
            for (path, s) in reached {
                if let p = s.prompt { reachedPrompts.insert(Self.chairPromptName(p)) }
                let layout = s.layout
                let wide = { var w = s; ChairUpdate.update(&w, .resize(width: Self.wide, height: s.height)); return ChairView.render(w).lines }
                faults += Self.check(ChairView.render(s).lines, wide, rows: Rows(status: layout.status.y, others: [layout.title.y, layout.tabs.y, layout.footer.y]),
                                     prompt: s.prompt != nil || (s.screen == .documents && s.documents?.search != nil),
                                     what: "\(language) \(s.screen) \(s.tab):\(path)", passed: &passed)
            }
        }
        XCTAssertEqual(reachedPrompts, Self.chairPrompts, "every prompt of the console is walked")
        XCTAssertTrue(faults.isEmpty, Self.report(faults))
    }
}

/// Each fixed column's title and words, in both languages, whole at 80×24: a word of the
/// screen's own (a status, a topic, an eligibility result) never ends in "…".
final class ColumnFitTests: XCTestCase {
    /// The row that holds `title` whole, and every `words` is whole somewhere on the frame.
    private func assertWhole(_ lines: [String], header: [String], words: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let headerRow = lines.first { row in header.allSatisfy { row.contains($0) } }
        XCTAssertNotNil(headerRow, "\(what): a header row with every title whole: \(header)\n" + lines.joined(separator: "\n"), file: file, line: line)
        for word in words where !lines.contains(where: { $0.contains(word + " ") || $0.hasSuffix(word) }) {
            XCTFail("\(what): \"\(word)\" is not whole in its column\n" + lines.joined(separator: "\n"), file: file, line: line)
        }
    }

    func testTheListsStatusColumnHoldsEveryStatus() {
        for language in [Language.th, .en] {
            // e01 submitted, e02 a draft, e03 recused, e04 reopened, the rest not started.
            let s = GoldenFrameTests.judge(width: 80, height: 24, language: language)
            let w = s.strings
            assertWhole(JudgeView.render(s).lines, header: [w.columnID, w.columnTotal, w.columnStatus],
                        words: [Sheet.Status.notStarted, .draft, .submitted, .recused].map(w.status) + [w.reopenedStatus], "list \(language)")
        }
    }

    func testTheQueuesTopicColumnHoldsEveryTopic() {
        for language in [Language.th, .en] {
            var s = GoldenFrameTests.chair(width: 80, height: 24, language: language)
            var st = s.statistics!
            let judge = s.contest.judges[0].id
            st.queue = DiscussionTopic.allCases.enumerated().map { k, topic in
                let detail: DiscussionItem.Detail
                switch topic {
                case .tie: detail = .tie(tier: "excellent", entries: ["e01", "e02"], places: 1)
                case .uncertain: detail = .uncertain(tier: "excellent", probability: 0.6, other: "good", otherProbability: 0.4, threshold: 0.8)
                case .method: detail = .method([.init(method: .mean, tier: "excellent"), .init(method: .median, tier: "good")])
                case .outlier: detail = .outlier(total: 100, median: 80, threshold: 15)
                case .spread: detail = .spread(sd: 12, threshold: 10)
                case .pattern: detail = .pattern([.init(kind: .halo, value: 0.9, extra: nil, threshold: 0.8)])
                case .eligibility: detail = .eligibility(rule: .digital, entries: ["e01"], results: [])
                }
                return DiscussionItem(topic: topic, entry: topic == .pattern ? nil : k, entryID: topic == .pattern ? nil : s.contest.entries[k].id,
                                      judge: 0, judgeID: judge, rank: k + 1, detail: detail, outcome: nil)
            }
            s.storeStatistics(s.method, st, generation: s.generation)
            ChairUpdate.update(&s, .key(.char("8")))
            let words = ReportWords(language)
            // The queue has no header row: its columns speak for themselves.
            assertWhole(ChairView.render(s).lines, header: [],
                        words: DiscussionTopic.allCases.map { words.topic($0, short: true) }, "queue \(language)")
        }
    }

    func testTheRankingsAndTheEligibilityPanelsTitlesAreWhole() {
        for language in [Language.th, .en] {
            var s = GoldenFrameTests.chair(width: 80, height: 24, language: language)
            let w = s.strings, words = ReportWords(language)
            assertWhole(ChairView.render(s).lines, header: [w.columnRank, w.columnScore, w.columnSheets, words.confidence, w.columnSpread, w.columnAward, w.columnFlags],
                        words: [], "ranking \(language)")
            ChairUpdate.update(&s, .key(.char("c")))
            let shown = Set(EligibilityPanel.rows(s).map { s.eligibility![$0].status })
            assertWhole(ChairView.render(s).lines, header: [w.columnID, w.eligibilityColumnStatus] + EligibilityRule.allCases.map(w.ruleShort),
                        words: shown.map { EligibilityReport.word($0, language) }, "eligibility \(language)")
        }
    }
}
