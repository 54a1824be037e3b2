/// The entries a judge may not score, for the lists that show a judge their work (the
/// workstation's list, the printed sheet): one rule, so that the two never disagree.
public enum OutOfReach {
    /// Entries ruled or found ineligible, those the contest's rules keep judge `j` from (less
    /// those a chair cleared), those a chair recorded a conflict for, and, once a chair has
    /// assigned, those not given to the judge. `chairEvents`: the chairs' lines the judge may
    /// read (their deliveries) or all of them.
    public static func entries(judge j: Int, contest: Contest, chairEvents: [LedgerEvent]) -> Set<Int> {
        let cleared = Conflicts.cleared(chairEvents: chairEvents, contest: contest).filter { $0.judge == j }.map(\.entry)
        let recorded = Conflicts.recorded(chairEvents: chairEvents, contest: contest).filter { $0.judge == j }.map(\.entry)
        return Set(EligibilityRules.ineligible(contest: contest, chairEvents: chairEvents).keys)
            .union(Conflicts.entries(ofJudge: j, contest: contest).subtracting(cleared))
            .union(recorded)
            .union(notGiven(judge: j, contest: contest, chairEvents: chairEvents))
    }

    /// Once a chair has assigned, the entries the assignment does not give judge `j`; none before.
    public static func notGiven(judge j: Int, contest: Contest, chairEvents: [LedgerEvent]) -> Set<Int> {
        Rules.assignedEntries(judgeID: contest.judges[j].id, chairEvents: chairEvents).map { given in
            Set(contest.entries.indices.filter { !given.contains(contest.entries[$0].id) })
        } ?? []
    }
}
