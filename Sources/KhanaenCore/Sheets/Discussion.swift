/// The kinds of item on the panel's discussion queue (docs/scoring.md), as the chair's
/// `discussed` lines name them.
public enum DiscussionTopic: String, CaseIterable, Sendable {
    /// Entries tied across an award line.
    case tie
    /// An entry whose proposed tier is uncertain under the bootstrap.
    case uncertain
    /// An entry whose tier depends on the method.
    case method
    /// A sheet far from the entry's other sheets.
    case outlier
    /// An entry whose judges disagree widely.
    case spread
    /// A judge's scoring pattern (halo, flat, drift, severity).
    case pattern
    /// An entry whose eligibility is left to the chair.
    case eligibility
}

/// What the panel did about a discussion item.
public enum DiscussionOutcome: String, CaseIterable, Sendable {
    /// Looked at; the result stands.
    case kept
    /// Looked at; the chair changed the result (an award or eligibility decision).
    case changed
    /// Looked at; a judge's sheet was reopened.
    case reopened
}
