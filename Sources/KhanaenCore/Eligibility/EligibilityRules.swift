/// The contest's eligibility rules on each entry, as pure functions of the entry, the
/// contest's `eligibility` block and the chair's decisions.
public enum EligibilityRules {
    /// Every entry in order, each with every rule's result; a chair's decision (by entry id)
    /// stands over the computed status.
    public static func evaluate(_ entries: [Contest.Entry], config: Contest.Eligibility,
                                decisions: [String: EligibilityDecision] = [:]) -> [EntryEligibility] {
        let winners = WinnerIndex(config)
        return entries.map { entry in
            let results = rules(entry, config, winners)
            let computed: EligibilityStatus = results.contains { $0.status == .fail } ? .fail
                : results.contains { $0.status == .review } ? .review : .pass
            let decision = decisions[entry.id]
            return EntryEligibility(id: entry.id, status: decision?.status ?? computed, computed: computed, rules: results, decision: decision)
        }
    }

    /// Every rule's result on one entry, in the rules' order.
    static func rules(_ entry: Contest.Entry, _ config: Contest.Eligibility, _ winners: WinnerIndex) -> [EligibilityRuleResult] {
        [inUse(entry, config), localGovernment(entry, config), notPreviousWinner(entry, winners), digital(entry)]
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
        notPreviousWinner(entry, WinnerIndex(config))
    }

    static func notPreviousWinner(_ entry: Contest.Entry, _ winners: WinnerIndex) -> EligibilityRuleResult {
        let sameOrganisation = winners.byOrganisation[MatchKey.organisation(entry.organisation)] ?? []
        if let fail = sameWork(entry, sameOrganisation) { return fail }
        if let w = sameOrganisation.first(where: { TitleSimilarity.isNear($0.winner.title, entry.title) })?.winner {
            return .init(rule: .notPreviousWinner, status: .review, reason: .nearPreviousWinner(year: w.year, title: w.title))
        }
        return .init(rule: .notPreviousWinner, status: .pass, reason: .noPreviousWin)
    }

    /// The rule's fail when one of the organisation's previous winners has the entry's title.
    static func sameWork(_ entry: Contest.Entry, _ sameOrganisation: [(winner: Contest.PreviousWinner, title: String)]) -> EligibilityRuleResult? {
        if sameOrganisation.isEmpty { return nil }
        let title = MatchKey.title(entry.title)
        guard let w = sameOrganisation.first(where: { $0.title == title })?.winner else { return nil }
        return .init(rule: .notPreviousWinner, status: .fail, reason: .previousWinner(year: w.year, title: w.title))
    }

    /// The rules that fail the entry, as `evaluate` would give them, without the work that can
    /// only end in review (near titles): what the ranking needs, after every ledger change.
    static func failures(_ entry: Contest.Entry, _ config: Contest.Eligibility, _ winners: WinnerIndex) -> [EligibilityRuleResult] {
        var out: [EligibilityRuleResult] = []
        let inUse = inUse(entry, config)
        if inUse.status == .fail { out.append(inUse) }
        let local = localGovernment(entry, config)
        if local.status == .fail { out.append(local) }
        // By the title first, which is short work; the organisation's key only for a title
        // that a previous winner had.
        if !winners.byTitle.isEmpty, let sameTitle = winners.byTitle[MatchKey.title(entry.title)] {
            let organisation = MatchKey.organisation(entry.organisation)
            if let w = sameTitle.first(where: { $0.organisation == organisation })?.winner {
                out.append(.init(rule: .notPreviousWinner, status: .fail, reason: .previousWinner(year: w.year, title: w.title)))
            }
        }
        return out
    }

    /// Whether the work is a digital innovation is for the chair, always.
    public static func digital(_ entry: Contest.Entry) -> EligibilityRuleResult {
        .init(rule: .digital, status: .review, reason: .chairDecidesDigital)
    }
}

/// The previous winners by their organisation's key, each with its title's key, worked out
/// once for all the entries.
struct WinnerIndex {
    var byOrganisation: [String: [(winner: Contest.PreviousWinner, title: String)]] = [:]
    var byTitle: [String: [(winner: Contest.PreviousWinner, organisation: String)]] = [:]

    init(_ config: Contest.Eligibility) {
        for w in config.previousWinners {
            let organisation = MatchKey.organisation(w.organisation), title = MatchKey.title(w.title)
            byOrganisation[organisation, default: []].append((w, title))
            byTitle[title, default: []].append((w, organisation))
        }
    }
}
