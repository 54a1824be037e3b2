/// A contest as contest.json and entries.json define it: what is judged, by whom,
/// on which criteria, and how the results become awards. Plain values, no I/O.
public struct Contest: Equatable, Sendable {
    public struct Category: Equatable, Sendable {
        public var id: String
        public var title: String
    }

    public struct Criterion: Equatable, Sendable {
        public var id: String
        public var category: String
        public var title: String
        /// A few words for narrow columns; the title when the contest gives none.
        public var short: String
        public var max: Double
        /// What a score in each range means, shown beside the field while scoring (as
        /// HotCRP's score descriptions): in ascending order, not overlapping.
        public var levels: [Level] = []

        public init(id: String, category: String, title: String, short: String, max: Double, levels: [Level] = []) {
            self.id = id
            self.category = category
            self.title = title
            self.short = short
            self.max = max
            self.levels = levels
        }
    }

    /// A range of scores of one criterion and what it means.
    public struct Level: Equatable, Sendable {
        public var from: Double
        public var to: Double
        public var text: String

        public init(from: Double, to: Double, text: String) {
            self.from = from
            self.to = to
            self.text = text
        }

        public func contains(_ v: Double) -> Bool { v >= from - 1e-9 && v <= to + 1e-9 }
    }

    public struct AwardTier: Equatable, Sendable {
        public var id: String
        public var title: String
        public var count: Int
    }

    public struct Thresholds: Equatable, Sendable {
        /// An entry whose judges' totals have a standard deviation above this is flagged `spread`.
        public var spread: Double = 10
        /// A sheet whose total is further than this from the entry's median total is flagged `outlier`.
        public var outlier: Double = 15
        /// An entry whose proposed tier the bootstrap confirms in fewer than this share of its
        /// resamples goes on the discussion queue as `uncertain` (docs/scoring.md).
        public var uncertain: Double = 0.8
        /// When a judge's scoring pattern is flagged (contest.json's `haloRatio`, `flatShare`…).
        public var patterns = PatternThresholds()
    }

    public struct Judge: Equatable, Sendable {
        public var id: String
        public var name: String
        public var user: String
        public var province: String
        /// The organisations (อปท., companies) the judge works for or with: a conflict with
        /// their entries (`ConflictRules`).
        public var organisations: [String] = []
        /// The most entries the judge is given (`khanaen assign`); nil: no cap of their own.
        public var maxLoad: Int? = nil
        /// The judge's position (ตำแหน่ง), under their name on the signed papers; empty: none given.
        public var position: String = ""

        public init(id: String, name: String, user: String, province: String, organisations: [String] = [], maxLoad: Int? = nil,
                    position: String = "") {
            self.id = id
            self.name = name
            self.user = user
            self.province = province
            self.organisations = organisations
            self.maxLoad = maxLoad
            self.position = position
        }
    }

    /// Which conflicts of interest are computed from contest.json and entries.json
    /// (docs/contest-format.md): a judge and an entry of the same province, an entry of one
    /// of the judge's organisations.
    public enum ConflictRule: String, CaseIterable, Equatable, Sendable {
        case province, organisation
    }

    /// Who may act as whom (docs/access.md).
    public enum Access: String, Equatable, Sendable {
        /// The operating system's login decides: a judge is the judge whose `user` is the login,
        /// a chair a login listed in `chairs`. What the default and `khanaen init` write.
        case logins
        /// Anyone may name any judge or chair: for the demo and for practice on one's own
        /// machine. Every report, export, the seal and the console then say so.
        case open
    }

    /// The Unix groups `khanaen access apply` gives the contest's files to.
    public struct Groups: Equatable, Sendable {
        /// Every judge and chair: may read contest.json, entries.json and the documents.
        public var panel = "khanaen-panel"
        /// The chairs: may read every judge's ledger file and write the chair's.
        public var chairs = "khanaen-chairs"
    }

    public struct Entry: Equatable, Sendable {
        public var id: String
        public var organisation: String
        public var district: String
        public var province: String
        public var region: String
        public var title: String
        public var coordinator: String
        public var phone: String
        public var email: String
        public var position: String
        public var advisor: String
        /// The day the work has been in real use since, when the submission gives one.
        public var inUseSince: CalendarDate? = nil
        /// The Message-ID of the e-mail it was imported from, so that a later import finds it again.
        public var messageId: String = ""
        /// The files that came with the submission, under the contest's `documents/<id>/`.
        public var documents: [Document] = []

        public init(id: String, organisation: String, district: String = "", province: String = "", region: String = "",
                    title: String, coordinator: String = "", phone: String = "", email: String = "", position: String = "",
                    advisor: String = "", inUseSince: CalendarDate? = nil, messageId: String = "", documents: [Document] = []) {
            self.id = id
            self.organisation = organisation
            self.district = district
            self.province = province
            self.region = region
            self.title = title
            self.coordinator = coordinator
            self.phone = phone
            self.email = email
            self.position = position
            self.advisor = advisor
            self.inUseSince = inUseSince
            self.messageId = messageId
            self.documents = documents
        }
    }

    /// One file of a submission, as kept in entries.json.
    public struct Document: Equatable, Sendable {
        /// The file's name in the entry's folder `documents/<entry id>/`.
        public var name: String
        /// Its MIME type, e.g. application/pdf.
        public var type: String
        /// Its size in bytes.
        public var size: Int
        /// Where its extracted text is, relative to the contest folder; nil when there is none.
        public var text: String?
        /// Width and height in pixels, for an image.
        public var pixels: Pixels?
        /// Why no text could be extracted, when that is worth saying.
        public var note: String?

        public struct Pixels: Equatable, Sendable {
            public var width: Int
            public var height: Int
            public init(width: Int, height: Int) { self.width = width; self.height = height }
        }

        public init(name: String, type: String, size: Int, text: String? = nil, pixels: Pixels? = nil, note: String? = nil) {
            self.name = name
            self.type = type
            self.size = size
            self.text = text
            self.pixels = pixels
            self.note = note
        }
    }

    public var id: String
    public var name: String
    public var categories: [Category]
    public var criteria: [Criterion]
    public var step: Double
    public var awards: [AwardTier]
    public var quorum: Int
    public var tieBreak: [String]
    public var thresholds: Thresholds
    public var judges: [Judge]
    public var chairs: [String]
    /// How the announcement words a contest's results (docs/contest-format.md): `{contest}`,
    /// `{tier}` and `{count}` are filled in.
    public struct Announcement: Equatable, Sendable {
        public var heading = "ประกาศผลรายชื่อหน่วยงานที่ได้รางวัล {contest}"
        public var tier = "รางวัลท้องถิ่นดิจิทัลประเภท{tier} {count} รางวัล ได้แก่"
        public var columns = ["หน่วยงาน", "จังหวัด", "ผลงานนวัตกรรมท้องถิ่นดิจิทัล"]
        /// The signature block under the announcement: the chair's name (a dotted line to
        /// write it by hand when empty) and position.
        public var signedBy = ""
        public var signedAs = "ประธานกรรมการ"
    }

    /// The award "tier" that means no award, and the one that withdraws the chair's decision.
    public static let noAward = "none", proposedAward = "auto"

    public var access: Access = .logins
    /// The conflict rules that apply; both by default.
    public var conflictRules: [ConflictRule] = ConflictRule.allCases
    /// The official method, declared before judging; the chair changes it only by a ledger
    /// line with a reason (`SheetBook.method`).
    public var method: Method = .mean
    public var announcement = Announcement()
    /// contest.json's `print.font`: the font family the signed papers are set in; nil: Laksaman.
    public var printFont: String? = nil
    /// The zone every time is shown in (`timeZone` in contest.json; Asia/Bangkok when absent).
    public var timeZone = ContestTimeZone.bangkok
    public var groups = Groups()
    /// contest.json's `eligibility` block (`ContestParser.parseEligibility`), when it has one.
    public var eligibility: Eligibility? = nil
    /// contest.json's `import` block: how large a mail attachment `khanaen import mail` saves.
    public var importLimits = ImportLimits()
    /// contest.json's `round`: which round of a contest in rounds this folder is (docs/contest-format.md).
    public var round: RoundInfo? = nil
    /// contest.json's `previousRound`: the round this one's entries advanced from, and the
    /// seal and advance line they advanced on (`Custody`).
    public var previousRound: PreviousRound? = nil
    /// contest.json's `carry.weight`: the earlier round's share of each entry's score, 0 < w < 1
    /// (`Scoring`); nil when the round's score is its own.
    public var carry: Double? = nil
    /// The earlier round's official standings (`ContestFolder.withEarlierRound`), not read from
    /// contest.json: context for the reports and, with `carry`, a part of the score.
    public var earlierRound: EarlierRound? = nil

    /// The most `khanaen import mail` saves of one attachment and of one message's attachments
    /// together (docs/contest-format.md); what is larger is not saved, and the import says so.
    public struct ImportLimits: Equatable, Sendable {
        /// contest.json counts in MB of 1,048,576 bytes, as mail programs do.
        public static let bytesPerMB = 1 << 20
        public static let defaultAttachmentMB = 50.0, defaultMessageMB = 100.0
        public var attachmentBytes: Int
        public var messageBytes: Int

        public init(attachmentBytes: Int = Int(defaultAttachmentMB * Double(bytesPerMB)),
                    messageBytes: Int = Int(defaultMessageMB * Double(bytesPerMB))) {
            self.attachmentBytes = attachmentBytes
            self.messageBytes = messageBytes
        }
    }
    public var entries: [Entry] {
        // The index by id follows any change (it is built in init too, where didSet is not called).
        didSet { entryIndexByID = Contest.indexByID(entries) }
    }

    /// Sum of the criteria's maximum points.
    public var maxTotal: Double { criteria.reduce(0) { $0 + $1.max } }

    public func criterionIndex(_ id: String) -> Int? { criteria.firstIndex { $0.id == id } }
    public func judgeIndex(_ id: String) -> Int? { judges.firstIndex { $0.id == id } }
    public func entryIndex(_ id: String) -> Int? { entryIndexByID[id] }
    public func judge(forUser user: String) -> Judge? { judges.first { $0.user == user } }
    public func isChair(_ login: String) -> Bool { chairs.contains(login) }

    /// Tie-break order used when the contest does not declare one: by descending
    /// maximum points, then by the criterion's position.
    public static func defaultTieBreak(_ criteria: [Criterion]) -> [String] {
        criteria.enumerated()
            .sorted { $0.element.max != $1.element.max ? $0.element.max > $1.element.max : $0.offset < $1.offset }
            .map { $0.element.id }
    }

    /// Whether `value` is a whole number of steps.
    public func isOnStep(_ value: Double) -> Bool {
        let k = value / step
        return abs(k - k.rounded()) < 1e-9
    }

    /// The same contest with these entries.
    public func with(entries: [Entry]) -> Contest {
        var copy = self
        copy.entries = entries
        return copy
    }

    private var entryIndexByID: [String: Int] = [:]

    public init(id: String, name: String, categories: [Category], criteria: [Criterion], step: Double,
                awards: [AwardTier], quorum: Int, tieBreak: [String]?, thresholds: Thresholds,
                judges: [Judge], chairs: [String], entries: [Entry]) {
        self.id = id
        self.name = name
        self.categories = categories
        self.criteria = criteria
        self.step = step
        self.awards = awards
        self.quorum = quorum
        self.tieBreak = tieBreak ?? Contest.defaultTieBreak(criteria)
        self.thresholds = thresholds
        self.judges = judges
        self.chairs = chairs
        self.entries = entries
        self.entryIndexByID = Contest.indexByID(entries)
    }

    /// The first entry with each id (the parser refuses duplicate ids).
    private static func indexByID(_ entries: [Entry]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (k, e) in entries.enumerated() where index[e.id] == nil { index[e.id] = k }
        return index
    }
}
