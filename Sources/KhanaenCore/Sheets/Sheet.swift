/// One judge's scores for one entry (ใบให้คะแนน), as the judge's ledger leaves it.
public struct Sheet: Equatable, Sendable {
    public enum Status: String, Sendable {
        /// Nothing entered yet.
        case notStarted
        /// Some scores or notes, not submitted.
        case draft
        case submitted
        case recused
    }

    public var scores: [Double?]
    /// The seq of the submit or recuse line that locks the sheet, which a reopen must name.
    public var lockSeq: Int?
    /// Time of the last event for this sheet, in milliseconds since 1970.
    public var lastChange: Int64?
    public var status: Status = .notStarted
    /// The notes, the recusal's reason and the chair's reopen, which few sheets have, kept
    /// apart (nil when the sheet has none of them): the console holds every sheet of the
    /// contest (100,000 on L), and with them inline a sheet was 136 bytes instead of 48.
    private var words: Words?

    /// What `words` holds.
    private struct Said: Equatable, Sendable {
        var criterionNotes: [String?]
        var note: String?
        var recuseReason: String?
        var reopen: SheetBook.ChairDecision?

        var isEmpty: Bool { note == nil && recuseReason == nil && reopen == nil && !criterionNotes.contains { $0 != nil } }
    }

    private final class Words: Sendable {
        let said: Said
        init(_ said: Said) { self.said = said }
    }

    private var said: Said {
        get { words?.said ?? Said(criterionNotes: Array(repeating: nil, count: scores.count)) }
        set { words = newValue.isEmpty ? nil : Words(newValue) }
    }

    /// One note per criterion, in the contest's order.
    public var criterionNotes: [String?] {
        get { said.criterionNotes }
        set { if words != nil || newValue.contains(where: { $0 != nil }) { said.criterionNotes = newValue } }
    }

    public var note: String? {
        get { words?.said.note }
        set { if words != nil || newValue != nil { said.note = newValue } }
    }

    public var recuseReason: String? {
        get { words?.said.recuseReason }
        set { if words != nil || newValue != nil { said.recuseReason = newValue } }
    }

    /// The chair's reopen that made the sheet a draft again, until it is submitted again:
    /// the judge is told who reopened it and why.
    public var reopen: SheetBook.ChairDecision? {
        get { words?.said.reopen }
        set { if words != nil || newValue != nil { said.reopen = newValue } }
    }

    public init(criteria: Int) {
        scores = Array(repeating: nil, count: criteria)
    }

    public static func == (a: Sheet, b: Sheet) -> Bool {
        a.scores == b.scores && a.lockSeq == b.lockSeq && a.lastChange == b.lastChange && a.status == b.status
            && (a.words === b.words || a.said == b.said)
    }

    public var isComplete: Bool { scores.allSatisfy { $0 != nil } }
    public var isLocked: Bool { status == .submitted || status == .recused }
    public var setCount: Int { scores.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    public var hasContent: Bool {
        setCount > 0 || words.map { $0.said.note != nil || $0.said.criterionNotes.contains { $0 != nil } } == true
    }

    /// Sum of the points set so far.
    public var points: Double { scores.reduce(0) { $0 + ($1 ?? 0) } }

    /// Total out of 100: 100 × Σ score / Σ max (docs/scoring.md); nil unless every criterion is set.
    public func total(maxTotal: Double) -> Double? {
        guard isComplete, maxTotal > 0 else { return nil }
        return 100 * points / maxTotal
    }

    /// Why a judge's event changes nothing: the sheet was closed, or a submit came before
    /// every criterion was scored.
    public enum Refused: Equatable, Sendable {
        case submitted, recused, incomplete
    }

    /// Applies one of the judge's own events whose criterion (if any) is `criterionIndex`, a
    /// criterion of the contest. `reopened` tells whether the chair has reopened the lock at a
    /// given seq. Returns why the event was refused (and the sheet left as it was), or nil.
    mutating func apply(_ e: borrowing LedgerEvent, criterionIndex: Int?, reopened: (Int) -> SheetBook.ChairDecision?) -> Refused? {
        settle(reopened: reopened)
        if status == .submitted { return .submitted }
        if status == .recused { return .recused }
        switch e.kind {
        case .score:
            guard let c = criterionIndex else { return nil }
            scores[c] = e.value
            // Nearly every line: a score set is content, so the sheet is a draft.
            if e.value != nil {
                status = .draft
                lastChange = e.time
                return nil
            }
        case .clear:
            guard let c = criterionIndex else { return nil }
            scores[c] = nil
        case .note:
            let text = (e.text ?? "").isEmpty ? nil : e.text
            if let c = criterionIndex { criterionNotes[c] = text } else { note = text }
        case .submit:
            guard isComplete else { return .incomplete }
            status = .submitted
            lockSeq = e.seq
            reopen = nil
        case .recuse:
            status = .recused
            lockSeq = e.seq
            recuseReason = e.text
            reopen = nil
        case .reopen, .award, .checkpoint, .eligibility, .method, .discussed, .advance, .assign, .fork, .conflict:
            return nil
        }
        if !isLocked { status = hasContent ? .draft : .notStarted }
        lastChange = e.time
        return nil
    }

    /// Brings a sheet up to date with a reopen that came after its last own event.
    mutating func settle(reopened: (Int) -> SheetBook.ChairDecision?) {
        if isLocked, let seq = lockSeq, let decision = reopened(seq) {
            status = hasContent ? .draft : .notStarted
            lockSeq = nil
            recuseReason = nil
            reopen = decision
        }
    }
}
