/// What the eligibility check says of an entry, rule by rule, and why.
public enum EligibilityStatus: String, Equatable, Sendable, CaseIterable {
    case pass, fail, review
}

/// The contest's conditions, each checked on its own.
public enum EligibilityRule: String, Equatable, Sendable, CaseIterable {
    /// In real use long enough by the closing day (or since before a given day).
    case inUse = "in-use"
    /// Entered by a local government (อปท.) of an accepted kind.
    case localGovernment = "local-government"
    /// Not a work that won this contest before.
    case notPreviousWinner = "not-previous-winner"
    /// A digital innovation applied to government work: only the chair can say.
    case digital = "digital"
}

/// Why a rule gave its result; `words` says it in Thai or English, `code` names it for tools.
public enum EligibilityReason: Equatable, Sendable {
    case noInUseDate
    case inUseLongEnough(since: CalendarDate, by: CalendarDate, months: Int)
    case inUseBeforeDay(since: CalendarDate, before: CalendarDate)
    case inUseTooRecent(since: CalendarDate, by: CalendarDate, months: Int, before: CalendarDate?)
    case acceptedKind(OrganisationKind)
    case kindNotAccepted(OrganisationKind)
    case kindUnclear
    case notLocalGovernment
    case previousWinner(year: Int, title: String)
    case nearPreviousWinner(year: Int, title: String)
    case noPreviousWin
    case chairDecidesDigital

    public var code: String {
        switch self {
        case .noInUseDate: return "in-use.no-date"
        case .inUseLongEnough: return "in-use.long-enough"
        case .inUseBeforeDay: return "in-use.before-day"
        case .inUseTooRecent: return "in-use.too-recent"
        case .acceptedKind: return "local-government.accepted"
        case .kindNotAccepted: return "local-government.kind-not-accepted"
        case .kindUnclear: return "local-government.unclear"
        case .notLocalGovernment: return "local-government.not-local-government"
        case .previousWinner: return "not-previous-winner.same"
        case .nearPreviousWinner: return "not-previous-winner.near"
        case .noPreviousWin: return "not-previous-winner.none"
        case .chairDecidesDigital: return "digital.chair-decides"
        }
    }

    public func words(_ language: Language) -> String {
        let th = language == .th
        func day(_ d: CalendarDate) -> String { th ? ThaiDate.text(d) : d.iso }
        switch self {
        case .noInUseDate:
            return language.t("ไม่ได้ระบุวันที่เริ่มใช้งานจริง", "no date the work has been in use since")
        case .inUseLongEnough(let since, let by, let months):
            return language.t("ใช้งานจริงตั้งแต่ \(day(since)) ครบ \(months) เดือนภายใน \(day(by))",
                "in use since \(day(since)), \(months) months by \(day(by))")
        case .inUseBeforeDay(let since, let before):
            return language.t("ใช้งานจริงตั้งแต่ \(day(since)) ก่อน \(day(before))", "in use since \(day(since)), before \(day(before))")
        case .inUseTooRecent(let since, let by, let months, let before):
            if let before {
                return language.t("เริ่มใช้งาน \(day(since)): หลัง \(day(by)) (ไม่ครบ \(months) เดือน) และไม่ก่อน \(day(before))",
                    "in use since \(day(since)): after \(day(by)) (under \(months) months) and not before \(day(before))")
            }
            return language.t("เริ่มใช้งาน \(day(since)): หลัง \(day(by)) (ไม่ครบ \(months) เดือน)",
                "in use since \(day(since)): after \(day(by)) (under \(months) months)")
        case .acceptedKind(let kind):
            return language.t("เป็น อปท. (\(kind.fullName))", "a local government (\(kind.fullName))")
        case .kindNotAccepted(let kind):
            return language.t("\(kind.fullName) ไม่อยู่ในประเภทที่รับสมัคร", "\(kind.fullName) is not a kind this contest accepts")
        case .kindUnclear:
            return language.t("ชื่อหน่วยงานไม่บอกชัดว่าเป็น อปท. ประเภทใด", "the name does not say which kind of local government")
        case .notLocalGovernment:
            return language.t("ไม่ใช่องค์กรปกครองส่วนท้องถิ่น (อปท.)", "not a local government (อปท.)")
        case .previousWinner(let year, let title):
            return language.t("เคยได้รับรางวัลปี \(year): \(title)", "won in \(year): \(title)")
        case .nearPreviousWinner(let year, let title):
            return language.t("ชื่อใกล้เคียงผลงานที่ได้รับรางวัลปี \(year): \(title)", "close to the \(year) winner: \(title)")
        case .noPreviousWin:
            return language.t("ไม่เคยได้รับรางวัล", "not a previous winner")
        case .chairDecidesDigital:
            return language.t("ประธานกรรมการพิจารณาว่าเป็นนวัตกรรมดิจิทัล", "the chair decides whether it is a digital innovation")
        }
    }
}

public struct EligibilityRuleResult: Equatable, Sendable {
    public var rule: EligibilityRule
    public var status: EligibilityStatus
    public var reason: EligibilityReason

    public init(rule: EligibilityRule, status: EligibilityStatus, reason: EligibilityReason) {
        self.rule = rule
        self.status = status
        self.reason = reason
    }
}

/// The chair's word on an entry, which stands over what the rules computed.
public struct EligibilityDecision: Equatable, Sendable {
    public var status: EligibilityStatus
    public var reason: String
    /// The chair who decided (their login), when known.
    public var by: String
    /// When, in milliseconds since 1970 (UTC), when known.
    public var time: Int64?

    public init(status: EligibilityStatus, reason: String, by: String = "", time: Int64? = nil) {
        self.status = status
        self.reason = reason
        self.by = by
        self.time = time
    }
}

public struct EntryEligibility: Equatable, Sendable {
    public var id: String
    /// The chair's decision when there is one, else `computed`.
    public var status: EligibilityStatus
    /// fail if any rule fails, else review if any asks for review, else pass.
    public var computed: EligibilityStatus
    public var rules: [EligibilityRuleResult]
    public var decision: EligibilityDecision?
}
