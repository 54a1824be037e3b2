import KhanaenCore
import KhanaenText

/// `w` on screen 4: give the selected entry to one more judge, or take it from one, as
/// `khanaen assign --entry E --add J | --remove J` does. The chair picks the judge (one who has
/// the entry is taken off it, any other is added), gives a reason, then y; the assignment in
/// force, so changed, is written whole as one chair `assign` line.
enum ReassignPrompt {
    static func open(_ s: inout ChairState) {
        let w = s.strings
        guard s.tab == .progress else {
            s.status = .info(w.reassignOnProgress)
            return
        }
        guard s.book.assignment != nil else {
            s.status = .error(w.noAssignmentYet)
            return
        }
        guard s.selectedEntry != nil else { return }
        s.prompt = .reassignJudge(selected: 0)
    }

    static func key(_ s: inout ChairState, _ key: Key, _ prompt: ChairState.Prompt) -> [ChairEffect] {
        let w = s.strings
        switch prompt {
        case .reassignJudge(var selected):
            let count = s.contest.judges.count
            switch key {
            case .up, .down:
                selected = (selected + (key == .up ? count - 1 : 1)) % count
                s.prompt = .reassignJudge(selected: selected)
            case .enter:
                choose(&s, selected)
            case .char(let c):
                if let n = c.wholeNumberValue, n >= 1, n <= count { choose(&s, n - 1) } else { s.status = .error(w.unknownJudgeChoice(c, count)) }
            default:
                break
            }
        case .reassignReason(let judge, let add, var draft, var field):
            if key == .enter {
                let reason = field.text.trimmingSpaces
                guard !reason.isEmpty else { s.status = .error(w.reasonRequired); return [] }
                draft.text = reason
                s.prompt = .reassignConfirm(judge: judge, add: add, draft)
            } else if field.handle(key) {
                s.prompt = .reassignReason(judge: judge, add: add, draft, field)
            }
        case .reassignConfirm(_, _, let draft):
            s.prompt = nil
            if key.isYes { return [.append(draft, methods: [s.method, s.nextMethod])] }
            s.status = .info(w.cancelled)
        default:
            break
        }
        return []
    }

    /// The change for judge `j`: refused at once (a conflict in Thai or English, as the
    /// command says it) or on to the reason.
    private static func choose(_ s: inout ChairState, _ j: Int) {
        guard let e = s.selectedEntry, let current = s.book.assignment else { s.prompt = nil; return }
        let add = !current[e][j]
        let change: AssignmentChange.Change = add ? .add(entry: e, judge: j) : .remove(entry: e, judge: j)
        do {
            let changed = try AssignmentChange.apply(change, to: current, book: s.book, conflicted: AssignmentChange.conflicted(s.contest, book: s.book),
                                                     caps: s.contest.judges.map { _ in nil })
            let draft = LedgerEvent(actor: s.chair, assign: AssignmentChange.pairs(changed, contest: s.contest), reason: "")
            s.prompt = .reassignReason(judge: j, add: add, draft, TextField(limit: 500))
        } catch let refused as AssignmentChange.Refused {
            s.prompt = nil
            s.status = .error(s.strings.t(refused.words.th, refused.words.en))
        } catch {
            s.prompt = nil
        }
    }

    /// Every judge, the one under the cursor marked: who has the entry, with their sheet's
    /// state, and who is in conflict with it.
    static func rows(_ s: ChairState, selected: Int) -> [String] {
        guard let e = s.selectedEntry, let current = s.book.assignment else { return [] }
        let w = s.strings
        let conflicted = AssignmentChange.conflicted(s.contest, book: s.book)
        return s.contest.judges.indices.map { j in
            let judge = s.contest.judges[j]
            let state = current[e][j] ? w.assignedWord + " · " + w.assignedState(s.book.sheet(judge: j, entry: e).status)
                : conflicted[e][j] ? w.inConflict : w.notAssignedWord
            return "\(j == selected ? "▶" : " ") \(j + 1)  \(judge.name) (\(judge.id))  · \(state)"
        }
    }
}
