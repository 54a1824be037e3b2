/// The report as JSON (`khanaen report --format json`), and the results seal: a SHA-256
/// over this JSON's canonical bytes, without the seal, which includes every ledger head.
public enum ReportJSON {
    public static func value(_ r: Results, ledger: LedgerSummary, includeSeal: Bool = true) -> JSONValue {
        let contest = ledger.contest
        func flagJSON(_ f: Flag) -> JSONValue {
            var m: [(String, JSONValue)] = [("kind", .string(f.kind.rawValue))]
            if !f.judges.isEmpty { m.append(("judges", .arr(f.judges.map { .string($0) }))) }
            if let v = f.value { m.append(("value", .number(round4(v)))) }
            if let t = f.tier { m.append(("tier", .string(t))) }
            if !f.entries.isEmpty { m.append(("entries", .arr(f.entries.map { .string($0) }))) }
            if let p = f.places { m.append(("places", .number(Double(p)))) }
            return .obj(m)
        }
        let entries: [JSONValue] = r.entries.map { e in
            let entry = contest.entries[e.index]
            var m: [(String, JSONValue)] = [
                ("id", .string(e.id)),
                ("rank", e.rank.map { .number(Double($0)) } ?? .null),
                ("organisation", .string(entry.organisation)),
                ("province", .string(entry.province)),
                ("title", .string(entry.title)),
                ("score", .num(e.score.map(round4))),
                ("sheets", .number(Double(e.totals.count))),
                ("sd", .num(e.sd.map(round4))),
                ("criteria", .obj(contest.criteria.enumerated().map { ($1.id, .num(e.criterionMeans[$0].map(round4))) })),
                ("totals", .obj(e.totals.map { (contest.judges[$0.judge].id, .number(round4($0.total))) })),
                ("award", .str(e.award)),
                ("proposed", .str(e.proposed)),
                ("flags", .arr(e.flags.map(flagJSON))),
            ]
            if let n = e.normalisedTotals {
                m.append(("normalisedTotals", .obj(zip(e.totals, n).map { (contest.judges[$0.judge].id, .number(round4($1))) })))
            }
            if let o = e.override {
                m.append(("override", .obj([("tier", .str(o.tier)), ("by", .string(o.decision.actor)),
                                             ("at", .string(Timestamp.format(o.decision.time))), ("reason", .string(o.decision.reason))])))
            }
            if let t = e.tie {
                m.append(("tie", .obj([("above", .string(t.above)), ("separatedBy", .str(t.criterion)),
                                        ("aboveValue", .num(t.aboveValue.map(round4))), ("value", .num(t.value.map(round4)))])))
            }
            if let u = e.unrankedReason { m.append(("unranked", .string(u))) }
            return .obj(m)
        }
        let judges: [JSONValue] = r.judges.map { j in
            .obj([("id", .string(j.id)), ("submitted", .number(Double(j.submitted))), ("drafts", .number(Double(j.drafts))),
                  ("recused", .number(Double(j.recused))), ("notStarted", .number(Double(j.notStarted))),
                  ("counted", .number(Double(j.counted))), ("mean", .num(j.mean.map(round4))), ("sd", .num(j.sd.map(round4))),
                  ("normalisable", .bool(j.normalisable))])
        }
        let heads: [(String, JSONValue)] = ledger.files.map { f in
            (f.name, .obj([("lines", .number(Double(f.lines))), ("head", .string(f.head)),
                           ("broken", f.broken.map { .string("line \($0.line): \($0.message)") } ?? .null)]))
        }
        var members: [(String, JSONValue)] = [
            ("contest", .string(contest.id)),
            ("method", .string(r.method.rawValue)),
            ("includeDrafts", .bool(r.includeDrafts)),
            ("maxTotal", .number(100)),
            ("contestMean", .num(r.contestMean.map(round4))),
            ("contestSD", .num(r.contestSD.map(round4))),
            ("entries", .arr(entries)),
            ("judges", .arr(judges)),
            ("ledger", .obj(heads)),
            ("warnings", .arr((r.tierWarnings + ledger.warnings).map { .string($0) })),
        ]
        if includeSeal {
            members.append(("seal", .string(seal(r, ledger: ledger))))
        }
        return .obj(members)
    }

    /// SHA-256 (hex) of the compact JSON report without its seal.
    public static func seal(_ r: Results, ledger: LedgerSummary) -> String {
        Hex.encode(SHA256.hash(JSONWriter.bytes(value(r, ledger: ledger, includeSeal: false))))
    }

    public static func text(_ r: Results, ledger: LedgerSummary) -> String {
        JSONWriter.string(value(r, ledger: ledger), indent: 2) + "\n"
    }

    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
