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
        /// A witness of every judge file's head at a moment (docs/ledger.md), in the chair's file.
        case checkpoint
        /// The chair decides an entry's eligibility (`outcome` pass or fail, or auto to withdraw
        /// the decision), with a reason.
        case eligibility
        /// The chair changes the contest's official method (`outcome`: the method), with a reason.
        case method
        /// The chair records the panel's outcome of an item of the discussion queue (`topic`,
        /// the entry or `judge` it is about; `outcome` kept, changed or reopened), with a reason.
        case discussed
        /// The chair advances a shortlist to the next round (`outcome`: the entries' ids,
        /// comma-separated; `advanceSeal`: the seal of the results it was based on), with a reason.
        case advance
        /// The chair gives each entry its judges (`pairs`: entry → judges), with a reason; the
        /// last in force is the assignment (docs/scoring.md, "Assignment").
        case assign
        /// The chair resolves a fork of judge `judge`'s file (two machines that appended different
        /// lines from the same line, docs/sync.md): `outcome` mine, theirs or both, `topic` the
        /// hash of the last line of the side set aside, `ref` the first line at which they
        /// differ, with a reason.
        case fork
        /// The chair records a conflict of interest for a judge (`judge`, `entry`; `outcome`
        /// its ground, as a recusal's), with a reason: the judge cannot remove it.
        case conflict

        /// The raw value, for comparing with a line's bytes without making a String.
        var staticName: StaticString {
            switch self {
            case .score: "score"
            case .clear: "clear"
            case .note: "note"
            case .submit: "submit"
            case .recuse: "recuse"
            case .reopen: "reopen"
            case .award: "award"
            case .checkpoint: "checkpoint"
            case .eligibility: "eligibility"
            case .method: "method"
            case .discussed: "discussed"
            case .advance: "advance"
            case .assign: "assign"
            case .fork: "fork"
            case .conflict: "conflict"
            }
        }

        /// Kinds that only a chair writes, in the chair's file.
        public var isChairs: Bool {
            switch self {
            case .reopen, .award, .checkpoint, .eligibility, .method, .discussed, .advance, .assign, .fork, .conflict: true
            case .score, .clear, .note, .submit, .recuse: false
            }
        }
    }

    public var seq: Int
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// The fields few events have, kept apart so that the many score lines stay small in
    /// memory (a contest of 500 × 20 holds 80,000 of them).
    private var rare: Rare?
    public var value: Double?
    public var kind: Kind
    /// The line's bytes are not the canonical encoding of this event (`LedgerLine.canonical`):
    /// a number not in its shortest form, members out of order or spaced, a needless escape…
    /// Its hash may be valid, but it is a violation: left out of every sheet, score and
    /// time, and reported (docs/ledger.md). Set only by the reader; it fits in the padding
    /// after `kind`, so an event stays 48 bytes.
    public internal(set) var nonCanonical = false
    public var actorName: LedgerName
    public var entryName: LedgerName
    /// The criterion's name, or `noCriterion`: an Optional would make every event 8 bytes longer.
    private var criterionHandle: UInt32

    private static let noCriterion = UInt32.max

    public var actor: String {
        get { actorName.text }
        set { actorName = LedgerName(newValue) }
    }

    public var entry: String {
        get { entryName.text }
        set { entryName = LedgerName(newValue) }
    }

    public var criterionName: LedgerName? {
        get { criterionHandle == Self.noCriterion ? nil : LedgerName(handle: criterionHandle) }
        set { criterionHandle = newValue?.handle ?? Self.noCriterion }
    }

    public var criterion: String? {
        get { criterionName?.text }
        set { criterionName = newValue.map { LedgerName($0) } }
    }

    private final class Rare: Sendable {
        let judge: String?, ref: Int?, tier: String?, text: String?, checkpoint: Checkpoint?, undoes: Int?, outcome: String?, topic: String?
        let pairs: [AssignedEntry]?
        private init(judge: String?, ref: Int?, tier: String?, text: String?, checkpoint: Checkpoint?, undoes: Int?, outcome: String?, topic: String?,
                     pairs: [AssignedEntry]?) {
            self.pairs = pairs
            self.undoes = undoes
            self.outcome = outcome
            self.topic = topic
            self.judge = judge
            self.ref = ref
            self.tier = tier
            self.text = text
            self.checkpoint = checkpoint
        }

        /// nil when every field is nil. (A failable init would allocate the object first and
        /// free it again: once for each of the many score lines.)
        static func make(judge: String?, ref: Int?, tier: String?, text: String?, checkpoint: Checkpoint?, undoes: Int?,
                         outcome: String?, topic: String?, pairs: [AssignedEntry]? = nil) -> Rare? {
            if judge == nil && ref == nil && tier == nil && text == nil && checkpoint == nil && undoes == nil && outcome == nil && topic == nil
                && pairs == nil {
                return nil
            }
            return Rare(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs)
        }
    }

    /// The judge whose sheet a `reopen` concerns.
    public var judge: String? {
        get { rare?.judge }
        set { rare = Rare.make(judge: newValue, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs) }
    }

    /// The seq, in the judge's file, of the submit or recuse line that a `reopen` undoes.
    public var ref: Int? {
        get { rare?.ref }
        set { rare = Rare.make(judge: judge, ref: newValue, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs) }
    }

    public var tier: String? {
        get { rare?.tier }
        set { rare = Rare.make(judge: judge, ref: ref, tier: newValue, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs) }
    }

    /// A note's text, or the reason of a recuse, reopen or award.
    public var text: String? {
        get { rare?.text }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: newValue, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs) }
    }

    /// What a `checkpoint` witnessed.
    public var checkpoint: Checkpoint? {
        get { rare?.checkpoint }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: newValue, undoes: undoes, outcome: outcome, topic: topic, pairs: pairs) }
    }

    /// The seq of the judge's own line that this line undoes (`u` in the workstation): the
    /// history shows it as an undo.
    public var undoes: Int? {
        get { rare?.undoes }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: newValue, outcome: outcome, topic: topic, pairs: pairs) }
    }

    /// What a chair's `eligibility`, `method` or `discussed` line decided.
    public var outcome: String? {
        get { rare?.outcome }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: newValue, topic: topic, pairs: pairs) }
    }

    /// The kind of discussion-queue item a `discussed` line closes.
    public var topic: String? {
        get { rare?.topic }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: newValue, pairs: pairs) }
    }

    /// An assignment by chair `actor`: each entry's judges, with the reason.
    public init(actor: String, assign pairs: [AssignedEntry], reason: String, time: Int64 = 0) {
        self.init(seq: 0, time: time, actor: LedgerName(actor), kind: .assign, entry: LedgerName(""), criterion: nil, value: nil,
                  text: reason, pairs: pairs)
    }

    /// The entries and judges of an `assign`, entry → judges.
    public var pairs: [AssignedEntry]? {
        get { rare?.pairs }
        set { rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic, pairs: newValue) }
    }

    /// An `advance` line's results seal (its `seal` member), kept where a discussed item keeps its topic.
    public var advanceSeal: String? { kind == .advance ? topic : nil }

    /// The entries an `advance` line advances, in its order.
    public var advancedEntries: [String] {
        kind == .advance ? (outcome ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
    }

    /// The chair advancing `entries` to the next round on the results sealed `seal`.
    public init(actor: String, advancing entries: [String], seal: String, reason: String) {
        self.init(seq: 0, time: 0, actor: LedgerName(actor), kind: .advance, entry: LedgerName(""), criterion: nil, value: nil,
                  text: reason, outcome: entries.joined(separator: ","), topic: seal)
    }

    public init(seq: Int = 0, time: Int64 = 0, actor: String, kind: Kind, judge: String? = nil, entry: String,
                criterion: String? = nil, value: Double? = nil, ref: Int? = nil, tier: String? = nil, text: String? = nil,
                outcome: String? = nil, topic: String? = nil) {
        self.init(seq: seq, time: time, actor: LedgerName(actor), kind: kind, entry: LedgerName(entry),
                  criterion: criterion.map { LedgerName($0) }, value: value, judge: judge, ref: ref, tier: tier, text: text,
                  outcome: outcome, topic: topic)
    }

    /// A checkpoint by `actor` (a chair, or whoever keeps the contest, such as root).
    public init(actor: String, checkpoint: Checkpoint) {
        self.init(seq: 0, time: 0, actor: LedgerName(actor), kind: .checkpoint, entry: LedgerName(""), criterion: nil, value: nil,
                  checkpoint: checkpoint)
    }

    init(seq: Int, time: Int64, actor: LedgerName, kind: Kind, entry: LedgerName, criterion: LedgerName?, value: Double?,
         judge: String? = nil, ref: Int? = nil, tier: String? = nil, text: String? = nil, checkpoint: Checkpoint? = nil, undoes: Int? = nil,
         outcome: String? = nil, topic: String? = nil, pairs: [AssignedEntry]? = nil) {
        self.seq = seq
        self.time = time
        self.rare = Rare.make(judge: judge, ref: ref, tier: tier, text: text, checkpoint: checkpoint, undoes: undoes, outcome: outcome, topic: topic,
                              pairs: pairs)
        self.value = value
        self.kind = kind
        self.actorName = actor
        self.entryName = entry
        self.criterionHandle = criterion?.handle ?? Self.noCriterion
    }

    public static func == (a: LedgerEvent, b: LedgerEvent) -> Bool {
        a.seq == b.seq && a.time == b.time && a.actorName == b.actorName && a.kind == b.kind && a.entryName == b.entryName
            && a.criterionHandle == b.criterionHandle && a.value == b.value && a.judge == b.judge && a.ref == b.ref && a.tier == b.tier
            && a.text == b.text && a.checkpoint == b.checkpoint && a.undoes == b.undoes && a.outcome == b.outcome && a.topic == b.topic
            && a.pairs == b.pairs && a.nonCanonical == b.nonCanonical
    }
}

/// One entry of an `assign` line and the judges given it, in contest order.
public struct AssignedEntry: Equatable, Sendable {
    public var entry: String
    public var judges: [String]

    public init(entry: String, judges: [String]) {
        self.entry = entry
        self.judges = judges
    }
}

/// What a checkpoint line records: the head of every judge file at that moment, the hash of
/// the contest's scoring rules, and, when it witnesses a published report, that report's seal.
public struct Checkpoint: Equatable, Sendable {
    public struct Head: Equatable, Sendable {
        /// The file's name (`LedgerFile.name`): a judge id, `chairs/<login>`, …
        public var file: String
        public var lines: Int
        /// The hash of line `lines` (64 hex digits); the genesis hash for an empty file.
        public var hash: String

        public init(file: String, lines: Int, hash: String) {
            self.file = file
            self.lines = lines
            self.hash = hash
        }
    }

    public var heads: [Head]
    /// `Contest.rulesHash` when the checkpoint was made.
    public var rules: String
    /// Who is judged and who judges (`Contest.identity`); absent in checkpoints of earlier versions.
    public var identity: ContestIdentity?
    /// The results seal of a report or export made from exactly these heads.
    public var seal: String?

    public init(heads: [Head], rules: String, identity: ContestIdentity? = nil, seal: String? = nil) {
        self.heads = heads
        self.rules = rules
        self.identity = identity
        self.seal = seal
    }
}
