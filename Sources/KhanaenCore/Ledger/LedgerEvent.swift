/// One line of a ledger: something a judge or the chair did, at a time.
public struct LedgerEvent: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// A judge sets one criterion's score.
        case score
        /// A judge clears one criterion's score.
        case clear
        /// A judge's note on one criterion, or on the whole entry when `criterion` is nil.
        case note
        /// A judge's sheet is final.
        case submit
        /// A judge steps aside from an entry (conflict of interest), with a reason.
        case recuse
        /// The chair reopens a judge's submitted or recused sheet, with a reason.
        case reopen
        /// The chair sets (tier id or "none") or withdraws ("auto") an entry's award, with a reason.
        case award
    }

    public var seq: Int
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    public var actor: String
    public var kind: Kind
    /// The judge whose sheet a `reopen` concerns.
    public var judge: String?
    public var entry: String
    public var criterion: String?
    public var value: Double?
    /// The seq, in the judge's file, of the submit or recuse line that a `reopen` undoes.
    public var ref: Int?
    public var tier: String?
    /// A note's text, or the reason of a recuse, reopen or award.
    public var text: String?

    public init(seq: Int = 0, time: Int64 = 0, actor: String, kind: Kind, judge: String? = nil, entry: String,
                criterion: String? = nil, value: Double? = nil, ref: Int? = nil, tier: String? = nil, text: String? = nil) {
        self.seq = seq
        self.time = time
        self.actor = actor
        self.kind = kind
        self.judge = judge
        self.entry = entry
        self.criterion = criterion
        self.value = value
        self.ref = ref
        self.tier = tier
        self.text = text
    }
}
