/// The award places in rank order, as `Scoring.proposeAwards` fills them: places 0 … count₀ − 1
/// are the first tier's, the next count₁ the second's, and so on; places after the last tier's
/// give no award. A group of entries that tie on every ranking key gets the tier of the group's
/// last place, so an entry's proposal is the tier of place
///
///     (the number of other ranked entries whose keys are at least its own)
///
/// which is how the bootstrap and the swing work it out.
struct TierPlaces: Equatable, Sendable {
    let ids: [String]
    /// The tier of each place.
    let tierOfPlace: [Int]
    /// Each tier's first place, and its number of places.
    let start: [Int]
    let count: [Int]

    init(_ contest: Contest) {
        ids = contest.awards.map { $0.id }
        var tierOfPlace: [Int] = [], start: [Int] = []
        for (t, tier) in contest.awards.enumerated() {
            start.append(tierOfPlace.count)
            tierOfPlace.append(contentsOf: repeatElement(t, count: max(0, tier.count)))
        }
        self.tierOfPlace = tierOfPlace
        self.start = start
        count = contest.awards.map { max(0, $0.count) }
    }

    var places: Int { tierOfPlace.count }
    /// The index that stands for "no award", after the tiers'.
    var none: Int { ids.count }

    /// The tier of place p (from 0), or `none`.
    @inline(__always) func tier(atPlace p: Int) -> Int { p < tierOfPlace.count ? tierOfPlace[p] : none }

    /// A tier's index by id, `none` for nil or an id that is not a tier's.
    func index(_ id: String?) -> Int { id.flatMap { ids.firstIndex(of: $0) } ?? none }

    func id(_ t: Int) -> String? { t < ids.count ? ids[t] : nil }
}
