/// The report as JSON (`khanaen report --format json`), and the results seal: a SHA-256
/// over this JSON's canonical bytes, without the seal, which includes every ledger head.
/// With `statistics`, the report also carries the panel's statistics (`statisticsMembers`), which
/// the seal does not cover: it is over the report without them (docs/scoring.md).
public enum ReportJSON {
    /// With `draft` (`AnnouncementDraft.check`), the report says whether the announcement is
    /// final and why not (`announcement`, not sealed either: it depends on the queue).
    public static func value(_ r: Results, ledger: LedgerSummary, statistics: PanelStatistics? = nil,
                             draft: [AnnouncementDraft.Reason]? = nil, includeSeal: Bool = true) -> JSONValue {
        let contest = ledger.contest
        func flagJSON(_ f: Flag) -> JSONValue {
            var m: [(String, JSONValue)] = [("kind", .string(f.kind.rawValue))]
            if !f.judges.isEmpty { m.append(("judges", .arr(f.judges.map { .string($0) }))) }
            if let v = f.value { m.append(("value", .number(round4(v)))) }
            if let t = f.tier { m.append(("tier", .string(t))) }
            if !f.entries.isEmpty { m.append(("entries", .arr(f.entries.map { .string($0) }))) }
            if let p = f.places { m.append(("places", .number(Double(p)))) }
            if f.settled { m.append(("settled", .bool(true))) }
            if let i = f.ineligibility {
                m.append(("reason", .string(i.reason(.th))))
                if let ruling = i.ruling {
                    m.append(("by", .string(ruling.actor)))
                    m.append(("at", .string(Timestamp.format(ruling.time))))
                } else {
                    m.append(("rules", .arr(i.failed.map { .string($0.rule.rawValue) })))
                }
            }
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
            if contest.carry != nil { m.append(("roundScore", .num(e.roundScore.map(round4)))) }
            if let earlier = contest.earlierRound {
                let s = e.earlier
                m.append(("earlier", .obj([("round", .number(Double(earlier.number))), ("rank", s?.rank.map { .number(Double($0)) } ?? .null),
                                           ("score", .num(s?.score.map(round4)))])))
            }
            if let statistics { m.append(contentsOf: entryStatistics(e, statistics, contest: contest)) }
            return .obj(m)
        }
        let judges: [JSONValue] = r.judges.map { j in
            var m: [(String, JSONValue)] = [
                ("id", .string(j.id)), ("submitted", .number(Double(j.submitted))), ("drafts", .number(Double(j.drafts))),
                ("recused", .number(Double(j.recused))), ("notStarted", .number(Double(j.notStarted))),
                ("counted", .number(Double(j.counted))), ("mean", .num(j.mean.map(round4))), ("sd", .num(j.sd.map(round4))),
                ("normalisable", .bool(j.normalisable)),
            ]
            if let statistics { m.append(("patterns", statistics.patterns(judge: j.index).map(patternsJSON) ?? .null)) }
            return .obj(m)
        }
        let heads: [(String, JSONValue)] = ledger.files.map { f in
            (f.name, .obj([("lines", .number(Double(f.sealedLines))), ("head", .string(f.sealedHead)),
                           ("broken", f.broken.map { .string(brokenText($0)) } ?? .null)]))
        }
        var members: [(String, JSONValue)] = [
            ("contest", .string(contest.id)),
            ("access", .string(contest.access.rawValue)),
            ("rules", .string(contest.rulesHash)),
            ("intact", .bool(ledger.isIntact)),
            ("problems", .arr(ledger.problems.map { .string($0) })),
            ("method", .string(r.method.rawValue)),
            ("officialMethod", .string(r.official.rawValue)),
            ("includeDrafts", .bool(r.includeDrafts)),
        ] + carryMembers(contest) + [
            ("maxTotal", .number(100)),
            ("contestMean", .num(r.contestMean.map(round4))),
            ("contestSD", .num(r.contestSD.map(round4))),
            ("entries", .arr(entries)),
            ("judges", .arr(judges)),
            ("ledger", .obj(heads)),
            ("warnings", .arr((r.tierWarnings + ledger.warnings).map { .string($0) })),
        ]
        if let statistics { members.append(contentsOf: topStatistics(statistics, contest: contest)) }
        if let draft {
            let words = ReportWords(.th)
            let reasons: [JSONValue] = draft.map { reason in
                .obj([("reason", .string(AnnouncementDraft.code(reason))),
                      ("text", .string(AnnouncementDraft.describe(reason, contest: contest, words: words)))])
            }
            members.append(("announcement", .obj([("final", .bool(draft.isEmpty)), ("draft", .arr(reasons))])))
        }
        if includeSeal {
            members.append(("seal", .string(seal(r, ledger: ledger))))
        }
        return .obj(members)
    }

    /// `carry: {"weight", "round"}` when the contest counts its earlier round: the final score is
    /// (1 − weight) · `roundScore` + weight · `earlier.score`.
    static func carryMembers(_ contest: Contest) -> [(String, JSONValue)] {
        guard let carry = contest.carry else { return [] }
        return [("carry", .obj([("weight", .number(carry)), ("round", .num(contest.earlierRound.map { Double($0.number) }))]))]
    }

    /// SHA-256 (hex) of the compact JSON report without its seal. The report's entries are
    /// written on all cores, in runs hashed in order.
    public static func seal(_ r: Results, ledger: LedgerSummary) -> String {
        var h = SHA256()
        for part in compactParts(r, ledger: ledger, runs: Parallel.runs(r.entries.count)) { h.update(part) }
        return Hex.encode(h.finalize())
    }

    /// The bytes `JSONWriter.bytes(value(r, ledger:, includeSeal: false))` gives, written
    /// directly: the console seals every method after each ledger change, and building the
    /// value tree first cost four times the writing. The tests hold the two to the same bytes.
    static func compactBytes(_ r: Results, ledger: LedgerSummary, runs: Int = 1) -> [UInt8] {
        Array(compactParts(r, ledger: ledger, runs: runs).joined())
    }

    /// The compact report in pieces: what comes before the entries, the entries in `runs`
    /// runs written at once, and what comes after them.
    static func compactParts(_ r: Results, ledger: LedgerSummary, runs: Int) -> [[UInt8]] {
        let contest = ledger.contest
        var w = CompactWriter()
        w.open("{")
        w.key("contest"); w.string(contest.id)
        w.key("access"); w.string(contest.access.rawValue)
        w.key("rules"); w.string(contest.rulesHash)
        w.key("intact"); w.bool(ledger.isIntact)
        w.key("problems"); w.strings(ledger.problems)
        w.key("method"); w.string(r.method.rawValue)
        w.key("officialMethod"); w.string(r.official.rawValue)
        w.key("includeDrafts"); w.bool(r.includeDrafts)
        if let carry = contest.carry {
            w.key("carry"); w.open("{")
            w.key("weight"); w.number(carry)
            w.key("round"); w.number(contest.earlierRound.map { Double($0.number) })
            w.close("}")
        }
        w.key("maxTotal"); w.number(100)
        w.key("contestMean"); w.number(r.contestMean.map(round4))
        w.key("contestSD"); w.number(r.contestSD.map(round4))
        w.key("entries"); w.open("[")
        let head = w.out
        let perRun = (r.entries.count + runs - 1) / max(1, runs)
        let entryRuns = Parallel.map(runs, minimum: 2) { run -> [UInt8] in
            let from = min(r.entries.count, run * perRun), to = min(r.entries.count, from + perRun)
            var w = CompactWriter(afterItem: from > 0)
            w.out.reserveCapacity(1_000 * (to - from))
            for e in r.entries[from..<to] { entryObject(e, contest: contest, into: &w) }
            return w.out
        }
        var tail = CompactWriter()
        tail.close("]")
        tail.key("judges"); tail.open("[")
        judgesAndLedger(r, ledger: ledger, into: &tail)
        return [head] + entryRuns + [tail.out]
    }

    private static func entryObject(_ e: EntryResult, contest: Contest, into w: inout CompactWriter) {
        let entry = contest.entries[e.index]
        w.item(); w.open("{")
        w.key("id"); w.string(e.id)
        w.key("rank"); w.number(e.rank.map(Double.init))
        w.key("organisation"); w.string(entry.organisation)
        w.key("province"); w.string(entry.province)
        w.key("title"); w.string(entry.title)
        w.key("score"); w.number(e.score.map(round4))
        w.key("sheets"); w.number(Double(e.totals.count))
        w.key("sd"); w.number(e.sd.map(round4))
        w.key("criteria"); w.open("{")
        for (k, c) in contest.criteria.enumerated() { w.key(c.id); w.number(e.criterionMeans[k].map(round4)) }
        w.close("}")
        w.key("totals"); w.open("{")
        for t in e.totals { w.key(contest.judges[t.judge].id); w.number(round4(t.total)) }
        w.close("}")
        w.key("award"); w.string(e.award)
        w.key("proposed"); w.string(e.proposed)
        w.key("flags"); w.open("[")
        for f in e.flags {
            w.item(); w.open("{")
            w.key("kind"); w.string(f.kind.rawValue)
            if !f.judges.isEmpty { w.key("judges"); w.strings(f.judges) }
            if let v = f.value { w.key("value"); w.number(round4(v)) }
            if let t = f.tier { w.key("tier"); w.string(t) }
            if !f.entries.isEmpty { w.key("entries"); w.strings(f.entries) }
            if let p = f.places { w.key("places"); w.number(Double(p)) }
            if f.settled { w.key("settled"); w.bool(true) }
            if let i = f.ineligibility {
                w.key("reason"); w.string(i.reason(.th))
                if let ruling = i.ruling {
                    w.key("by"); w.string(ruling.actor)
                    w.key("at"); w.string(Timestamp.format(ruling.time))
                } else {
                    w.key("rules"); w.strings(i.failed.map { $0.rule.rawValue })
                }
            }
            w.close("}")
        }
        w.close("]")
        if let n = e.normalisedTotals {
            w.key("normalisedTotals"); w.open("{")
            for (t, v) in zip(e.totals, n) { w.key(contest.judges[t.judge].id); w.number(round4(v)) }
            w.close("}")
        }
        if let o = e.override {
            w.key("override"); w.open("{")
            w.key("tier"); w.string(o.tier)
            w.key("by"); w.string(o.decision.actor)
            w.key("at"); w.string(Timestamp.format(o.decision.time))
            w.key("reason"); w.string(o.decision.reason)
            w.close("}")
        }
        if let t = e.tie {
            w.key("tie"); w.open("{")
            w.key("above"); w.string(t.above)
            w.key("separatedBy"); w.string(t.criterion)
            w.key("aboveValue"); w.number(t.aboveValue.map(round4))
            w.key("value"); w.number(t.value.map(round4))
            w.close("}")
        }
        if let u = e.unrankedReason { w.key("unranked"); w.string(u) }
        if contest.carry != nil { w.key("roundScore"); w.number(e.roundScore.map(round4)) }
        if let earlier = contest.earlierRound {
            w.key("earlier"); w.open("{")
            w.key("round"); w.number(Double(earlier.number))
            w.key("rank"); w.number(e.earlier?.rank.map(Double.init))
            w.key("score"); w.number(e.earlier?.score.map(round4))
            w.close("}")
        }
        w.close("}")
    }

    private static func judgesAndLedger(_ r: Results, ledger: LedgerSummary, into w: inout CompactWriter) {
        for j in r.judges {
            w.item(); w.open("{")
            w.key("id"); w.string(j.id)
            w.key("submitted"); w.number(Double(j.submitted))
            w.key("drafts"); w.number(Double(j.drafts))
            w.key("recused"); w.number(Double(j.recused))
            w.key("notStarted"); w.number(Double(j.notStarted))
            w.key("counted"); w.number(Double(j.counted))
            w.key("mean"); w.number(j.mean.map(round4))
            w.key("sd"); w.number(j.sd.map(round4))
            w.key("normalisable"); w.bool(j.normalisable)
            w.close("}")
        }
        w.close("]")
        w.key("ledger"); w.open("{")
        for f in ledger.files {
            w.key(f.name); w.open("{")
            w.key("lines"); w.number(Double(f.sealedLines))
            w.key("head"); w.string(f.sealedHead)
            w.key("broken"); w.string(f.broken.map(brokenText))
            w.close("}")
        }
        w.close("}")
        w.key("warnings"); w.strings(r.tierWarnings + ledger.warnings)
        w.close("}")
    }

    /// Compact JSON written as it goes, in JSONWriter's exact form: commas between members
    /// and items, nothing else between tokens.
    private struct CompactWriter {
        var out: [UInt8] = []
        private var first = true

        init(afterItem: Bool = false) { first = !afterItem }

        mutating func open(_ bracket: Unicode.Scalar) { out.append(UInt8(ascii: bracket)); first = true }
        mutating func close(_ bracket: Unicode.Scalar) { out.append(UInt8(ascii: bracket)); first = false }
        mutating func item() { if !first { out.append(UInt8(ascii: ",")) }; first = false }
        mutating func key(_ k: String) {
            item()
            JSONWriter.appendString(k, to: &out)
            out.append(UInt8(ascii: ":"))
        }
        mutating func string(_ s: String?) {
            if let s { JSONWriter.appendString(s, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        mutating func number(_ v: Double?) {
            if let v { JSONWriter.appendNumber(v, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        mutating func bool(_ b: Bool) { out.append(contentsOf: (b ? "true" : "false").utf8) }
        mutating func strings(_ items: [String]) {
            open("[")
            for s in items { item(); string(s) }
            close("]")
        }
    }

    public static func text(_ r: Results, ledger: LedgerSummary, statistics: PanelStatistics? = nil,
                            draft: [AnnouncementDraft.Reason]? = nil) -> String {
        JSONWriter.escapingInvisible(JSONWriter.string(value(r, ledger: ledger, statistics: statistics, draft: draft), indent: 2)) + "\n"
    }

    /// A break as the report states it: "line 17: …", or the whole file's problem.
    static func brokenText(_ b: LedgerBreak) -> String { b.line > 0 ? "line \(b.line): \(b.message)" : b.message }

    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}

/// The panel's statistics in the JSON report. None of these members is sealed: the seal is the
/// SHA-256 of the compact report without them and without `seal` (`withoutStatistics`).
extension ReportJSON {
    /// The members statistics add: at the top, in each entry, in each judge.
    /// (`announcement`, whether the announcement is final, is not sealed either.)
    public static let statisticsMembers = (top: ["statistics", "agreement", "queue", "announcement"], entry: ["tierConfidence", "swing"],
                                           judge: ["patterns"])

    /// A report's value without the statistics' members and the seal: what the seal is over.
    public static func withoutStatistics(_ report: JSONValue) -> JSONValue {
        guard case .object(let members) = report else { return report }
        func drop(_ v: JSONValue.Located, _ names: [String]) -> JSONValue.Located {
            guard case .object(let inner) = v.value else { return v }
            var copy = v
            copy.value = .object(inner.filter { !names.contains($0.key) })
            return copy
        }
        let kept = members.filter { !statisticsMembers.top.contains($0.key) && $0.key != "seal" }.map { m -> (key: String, value: JSONValue.Located) in
            guard m.key == "entries" || m.key == "judges", case .array(let items) = m.value.value else { return m }
            let names = m.key == "entries" ? statisticsMembers.entry : statisticsMembers.judge
            var copy = m.value
            copy.value = .array(items.map { drop($0, names) })
            return (m.key, copy)
        }
        return .object(kept)
    }

    /// An entry's `tierConfidence` (each tier's share of resamples, then `none`) and `swing`.
    static func entryStatistics(_ e: EntryResult, _ s: PanelStatistics, contest: Contest) -> [(String, JSONValue)] {
        var confidence: JSONValue = .null
        if let c = s.confidence(entry: e.index) {
            var m: [(String, JSONValue)] = s.confidence.tiers.enumerated().map { ($1, .number(round4(c.probabilities[$0]))) }
            m.append((Contest.noAward, .number(round4(c.probabilities[s.confidence.tiers.count]))))
            confidence = .obj(m)
        }
        var swing: JSONValue = .null
        if let change = s.swing(entry: e.index)?.change {
            swing = .obj([("points", .number(round4(change.points))), ("judge", .string(change.judgeID)),
                          ("direction", .string(change.direction.rawValue)), ("from", .number(round4(change.from))),
                          ("to", .number(round4(change.to))), ("tier", .str(change.tier))])
        }
        return [("tierConfidence", confidence), ("swing", swing)]
    }

    /// A judge's four patterns, each with its figure, whether it is flagged and the sheets it rests on.
    static func patternsJSON(_ p: JudgePatterns) -> JSONValue {
        func figure(_ f: JudgePatterns.Figure, _ extra: [(String, JSONValue)] = []) -> JSONValue {
            .obj([("value", .num(f.value.map(round4))), ("flagged", .bool(f.flagged)), ("sheets", .number(Double(f.sheets)))] + extra)
        }
        return .obj([
            ("halo", figure(p.halo)),
            ("flat", figure(p.flat, [("total", .num(p.mostFrequentTotal.map(round4)))])),
            ("drift", figure(p.drift, [("p", .num(p.driftP.map(significant4)))])),
            ("severity", figure(p.severity)),
        ])
    }

    /// A p-value to four significant digits: four decimals would write a small one as 0.
    static func significant4(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        // The power of ten that brings |x| into 1000 ..< 10000.
        var scale = 1.0
        while abs(x) * scale < 1000 && scale < 1e300 { scale *= 10 }
        while abs(x) * scale >= 10_000 { scale /= 10 }
        return (x * scale).rounded() / scale
    }

    static func agreementJSON(_ a: Agreement) -> JSONValue {
        .obj([("icc2_1", .num(a.icc2_1.map(round4))), ("icc2_k", .num(a.icc2_k.map(round4))), ("kendallW", .num(a.kendallW.map(round4))),
              ("alpha", .num(a.alpha.map(round4))), ("entries", .number(Double(a.entries))), ("judges", .number(Double(a.judges))),
              ("alphaSheets", .number(Double(a.alphaValues))), ("alphaEntries", .number(Double(a.alphaEntries))),
              ("icc1", .num(a.icc1.map(round4)))])
    }

    /// `statistics` (the bootstrap's seed, as a decimal string since it may pass 2⁵³, its
    /// resamples and the uncertain threshold), `agreement` and `queue`.
    static func topStatistics(_ s: PanelStatistics, contest: Contest) -> [(String, JSONValue)] {
        let th = ReportWords(.th), en = ReportWords(.en)
        let queue: [JSONValue] = s.queue.map { item in
            var m: [(String, JSONValue)] = [
                ("key", .string(item.key)), ("topic", .string(item.topic.rawValue)), ("entry", .str(item.entryID)),
                ("judge", .str(item.judgeID)), ("rank", item.rank.map { .number(Double($0)) } ?? .null),
                ("figures", figuresJSON(item.detail)),
                ("reason", .obj([("th", .string(th.reason(item, contest: contest))), ("en", .string(en.reason(item, contest: contest)))])),
                ("outcome", .str(item.outcome?.outcome.rawValue)),
            ]
            if let d = item.outcome {
                m.append(("decided", .obj([("by", .string(d.decision.actor)), ("at", .string(Timestamp.format(d.decision.time))),
                                           ("reason", .string(d.decision.reason))])))
            }
            return .obj(m)
        }
        return [
            ("statistics", .obj([("seed", .string(String(s.seed))), ("resamples", .number(Double(s.resamples))),
                                 ("uncertain", .number(s.uncertain))])),
            ("agreement", .obj([("total", agreementJSON(s.agreement.totals)),
                                ("criteria", .obj(s.agreement.criteria.map { ($0.id, agreementJSON($0.agreement)) }))])),
            ("queue", .arr(queue)),
        ]
    }

    /// The figures behind a queue item, by topic.
    static func figuresJSON(_ d: DiscussionItem.Detail) -> JSONValue {
        switch d {
        case .tie(let tier, let entries, let places):
            return .obj([("tier", .string(tier)), ("entries", .arr(entries.map { .string($0) })), ("places", .number(Double(places)))])
        case .uncertain(let tier, let p, let other, let q, let threshold):
            return .obj([("tier", .str(tier)), ("p", .number(round4(p))), ("other", .str(other)), ("pOther", .number(round4(q))),
                         ("threshold", .number(threshold))])
        case .method(let tiers):
            return .obj(tiers.map { ($0.method.rawValue, .str($0.tier)) })
        case .outlier(let total, let median, let threshold):
            return .obj([("total", .number(round4(total))), ("median", .number(round4(median))),
                         ("distance", .number(round4(abs(total - median)))), ("threshold", .number(threshold))])
        case .spread(let sd, let threshold):
            return .obj([("sd", .number(round4(sd))), ("threshold", .number(threshold))])
        case .pattern(let flags):
            return .obj(flags.map { f in
                var m: [(String, JSONValue)] = [("value", .number(round4(f.value))), ("threshold", .number(f.threshold))]
                if let x = f.extra { m.append(f.kind == .drift ? ("p", .number(significant4(x))) : ("total", .number(round4(x)))) }
                return (f.kind.rawValue, .obj(m))
            })
        case .eligibility(let rule, let entries, let results):
            return .obj([("rule", .string(rule.rawValue)),
                         ("entries", .arr(zip(entries, results).map { .obj([("entry", .string($0)), ("reason", .string($1.reason.code))]) }))])
        }
    }
}
