/// The contest's eligibility rules on each entry, as pure functions of the entry, the
/// contest's `eligibility` block and the chair's decisions.
public enum EligibilityRules {
    /// Every entry in order, each with every rule's result; a chair's decision (by entry id)
    /// stands over the computed status.
    public static func evaluate(_ entries: [Contest.Entry], config: Contest.Eligibility,
                                decisions: [String: EligibilityDecision] = [:]) -> [EntryEligibility] {
        entries.map { entry in
            let rules = [inUse(entry, config), localGovernment(entry, config), notPreviousWinner(entry, config), digital(entry)]
            let computed: EligibilityStatus = rules.contains { $0.status == .fail } ? .fail
                : rules.contains { $0.status == .review } ? .review : .pass
            let decision = decisions[entry.id]
            return EntryEligibility(id: entry.id, status: decision?.status ?? computed, computed: computed, rules: rules, decision: decision)
        }
    }

    /// In real use at least `minMonthsInUse` months by the closing day, or since before
    /// `inUseBefore`; no date is for the chair to check.
    public static func inUse(_ entry: Contest.Entry, _ config: Contest.Eligibility) -> EligibilityRuleResult {
        guard let since = entry.inUseSince else { return .init(rule: .inUse, status: .review, reason: .noInUseDate) }
        let by = config.inUseBy
        if since <= by {
            return .init(rule: .inUse, status: .pass, reason: .inUseLongEnough(since: since, by: by, months: config.minMonthsInUse))
        }
        if let before = config.inUseBefore, since < before {
            return .init(rule: .inUse, status: .pass, reason: .inUseBeforeDay(since: since, before: before))
        }
        return .init(rule: .inUse, status: .fail,
                     reason: .inUseTooRecent(since: since, by: by, months: config.minMonthsInUse, before: config.inUseBefore))
    }

    /// The organisation's name starts with an accepted kind of local government. A name that
    /// mentions a kind elsewhere (โรงเรียนเทศบาล…, กองช่าง เทศบาลตำบล…) or says only เทศบาล
    /// is for the chair to check; any other name fails.
    public static func localGovernment(_ entry: Contest.Entry, _ config: Contest.Eligibility) -> EligibilityRuleResult {
        if let kind = OrganisationKind.of(entry.organisation)?.kind {
            return config.organisationKinds.contains(kind)
                ? .init(rule: .localGovernment, status: .pass, reason: .acceptedKind(kind))
                : .init(rule: .localGovernment, status: .fail, reason: .kindNotAccepted(kind))
        }
        let name = MatchKey.compact(entry.organisation)
        let words = ["เทศบาล", "องค์การบริหารส่วน", "องค์กรบริหารส่วน", "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.", "กรุงเทพมหานคร", "เมืองพัทยา"]
        if words.contains(where: { name.contains($0) }) {
            return .init(rule: .localGovernment, status: .review, reason: .kindUnclear)
        }
        return .init(rule: .localGovernment, status: .fail, reason: .notLocalGovernment)
    }

    /// The same organisation and title as a previous winner fails; the same organisation with
    /// a title near a winner's (`TitleSimilarity`) is for the chair to check.
    public static func notPreviousWinner(_ entry: Contest.Entry, _ config: Contest.Eligibility) -> EligibilityRuleResult {
        let organisation = MatchKey.organisation(entry.organisation), title = MatchKey.title(entry.title)
        let sameOrganisation = config.previousWinners.filter { MatchKey.organisation($0.organisation) == organisation }
        if let w = sameOrganisation.first(where: { MatchKey.title($0.title) == title }) {
            return .init(rule: .notPreviousWinner, status: .fail, reason: .previousWinner(year: w.year, title: w.title))
        }
        if let w = sameOrganisation.first(where: { TitleSimilarity.isNear($0.title, entry.title) }) {
            return .init(rule: .notPreviousWinner, status: .review, reason: .nearPreviousWinner(year: w.year, title: w.title))
        }
        return .init(rule: .notPreviousWinner, status: .pass, reason: .noPreviousWin)
    }

    /// Whether the work is a digital innovation is for the chair, always.
    public static func digital(_ entry: Contest.Entry) -> EligibilityRuleResult {
        .init(rule: .digital, status: .review, reason: .chairDecidesDigital)
    }
}
