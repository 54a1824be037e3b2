/// The part of contest.json that decides the numbers: criteria and their maxima, the step,
/// the award tiers, the quorum, the tie-break order, the flags' thresholds (`spread`, `outlier`) and
/// the official method, and the earlier round's weight (`carry`) when there is one. Names and titles are left out: renaming a criterion changes no score. So
/// are the statistics' thresholds (`uncertain` and the judge patterns'), which change no score,
/// rank, award or flag, only what the discussion queue lists.
extension Contest {
    /// The scoring rules as compact JSON, in a fixed order (docs/ledger.md).
    public var rulesJSON: [UInt8] {
        var members: [(String, JSONValue)] = [
            ("criteria", .arr(criteria.map { .obj([("id", .string($0.id)), ("max", .number($0.max))]) })),
            ("step", .number(step)),
            ("awards", .arr(awards.map { .obj([("id", .string($0.id)), ("count", .number(Double($0.count)))]) })),
            ("quorum", .number(Double(quorum))),
            ("tieBreak", .arr(tieBreak.map { .string($0) })),
            ("thresholds", .obj([("spread", .number(thresholds.spread)), ("outlier", .number(thresholds.outlier))])),
            ("method", .string(method.rawValue)),
        ]
        // Only a contest that carries an earlier round has the member, so that every other
        // contest's rules hash, recorded in its checkpoints, stays what it was.
        if let carry { members.append(("carry", .obj([("weight", .number(carry))]))) }
        return JSONWriter.bytes(.obj(members))
    }

    /// SHA-256 (hex) of `rulesJSON`: recorded in every checkpoint and sealed in every report,
    /// so that a maximum changed after scoring is seen.
    public var rulesHash: String { Hex.encode(SHA256.hash(rulesJSON)) }
}
