/// The languages Khanaen speaks: Thai first, English on request (`--lang en`).
public enum Language: String, CaseIterable, Sendable {
    case th, en
}

/// Words of reports and flags, in both languages, kept in one place.
public struct ReportWords: Speaking, Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }


    public var rank: String { t("อันดับ", "Rank") }
    public var id: String { t("รหัส", "ID") }
    public var organisation: String { t("หน่วยงาน", "Organisation") }
    public var province: String { t("จังหวัด", "Province") }
    public var title: String { t("ผลงาน", "Entry") }
    public var score: String { t("คะแนน", "Score") }
    public var sheets: String { t("ใบ", "Sheets") }
    /// With `carry`: the round's own score, before the earlier round's share.
    public var roundScore: String { t("รอบนี้", "Round") }
    /// The earlier round's rank and score, as context: "อันดับรอบ 1", "คะแนนรอบ 1".
    public func earlierRank(_ n: Int) -> String { t("อันดับรอบ \(n)", "R\(n) rank") }
    public func earlierScore(_ n: Int) -> String { t("คะแนนรอบ \(n)", "R\(n) score") }
    /// How the score is made when the contest carries an earlier round.
    public func carryFormula(_ weight: Double, round: Int) -> String {
        let own = Self.weightText(1 - weight), earlier = Self.weightText(weight)
        return t("คะแนน = \(own) × คะแนนรอบนี้ + \(earlier) × คะแนนรอบที่ \(round)",
                    "score = \(own) × this round's + \(earlier) × round \(round)'s")
    }

    /// A weight as written, without trailing zeros: 0.3, 0.25, 0.7.
    static func weightText(_ w: Double) -> String {
        var s = String(Int64((w * 10_000).rounded()))
        while s.count < 5 { s = "0" + s }
        var text = s.dropLast(4) + "." + s.suffix(4)
        while text.hasSuffix("0") { text = text.dropLast() }
        return String(text.hasSuffix(".") ? text.dropLast() : text)
    }
    public var sd: String { "SD" }
    public var award: String { t("รางวัล", "Award") }
    public var flags: String { t("ข้อสังเกต", "Flags") }
    public var judge: String { t("กรรมการ", "Judge") }
    public var submitted: String { t("ส่งแล้ว", "Submitted") }
    public var drafts: String { t("ร่าง", "Drafts") }
    public var recused: String { t("ถอนตัว", "Recused") }
    public var notStarted: String { t("ยังไม่ให้คะแนน", "Not started") }
    public var mean: String { t("เฉลี่ย", "Mean") }
    public var unranked: String { t("ยังไม่จัดอันดับ", "Not ranked") }
    public var ties: String { t("คะแนนเท่ากัน", "Ties") }
    public var overrides: String { t("การตัดสินของประธานกรรมการ", "Chair's decisions") }
    public var ledger: String { t("สมุดคะแนน", "Ledger") }
    public var seal: String { t("ตราผลคะแนน", "Results seal") }
    public var warnings: String { t("คำเตือน", "Warnings") }
    public var notIntact: String { t("สมุดคะแนนไม่ครบถ้วน", "The ledger is not intact") }
    public var accessOpen: String {
        t("ไม่ได้บังคับสิทธิ์ตามบัญชีผู้ใช้: การประกวดแบบเปิด (access: open) ใครก็เลือกเป็นกรรมการหรือประธานกรรมการคนใดก็ได้",
             "Access not enforced: an open contest (access: open), where anyone may act as any judge or chair")
    }

    /// What a report says at its top, one line each: that access is not enforced, and every
    /// reason the ledger is not intact.
    public func banners(_ ledger: LedgerSummary, access: Bool = true) -> [String] {
        var out: [String] = []
        if access && ledger.contest.access == .open { out.append(accessOpen) }
        if !ledger.isIntact { out.append(notIntact + ":") ; out.append(contentsOf: ledger.problems(in: language).map { "  " + $0 }) }
        return out
    }

    /// The heading of the reasons an announcement is not final.
    public var draftHeading: String { t("ร่าง: ยังไม่ใช่ผลทางการ เพราะ", "DRAFT: not final, because") }

    public var draftsIncluded: String {
        t("รวมใบให้คะแนนที่ยังไม่ส่ง (ร่างที่ครบทุกเกณฑ์) — ไม่ใช่ผลทางการ", "Includes complete unsubmitted drafts — not an official result")
    }

    /// The method of a report, and whether it is the official one.
    public func methodOf(_ r: Results) -> String {
        r.isOfficial ? t("\(method(r.method)) (วิธีทางการ)", "\(method(r.method)) (the official method)")
            : t("\(method(r.method)) (เพื่อเปรียบเทียบ วิธีทางการคือ\(method(r.official)))",
                   "\(method(r.method)) (for comparison; the official method is the \(method(r.official)))")
    }

    public func method(_ m: Method) -> String {
        switch m {
        case .mean: return t("ค่าเฉลี่ย", "mean")
        case .median: return t("มัธยฐาน", "median")
        case .trimmed: return t("ค่าเฉลี่ยตัดปลาย", "trimmed mean")
        case .normalised: return t("ปรับมาตรฐานรายกรรมการ", "normalised per judge")
        }
    }

    public func tierTitle(_ id: String?, contest: Contest) -> String {
        guard let id else { return "" }
        return contest.awards.first { $0.id == id }?.title ?? id
    }

    /// One flag in words.
    public func describe(_ f: Flag, contest: Contest) -> String {
        switch f.kind {
        case .spread:
            return t("ความเห็นต่างสูง (SD \(TwoDecimals.text(f.value ?? 0)))", "judges disagree (SD \(TwoDecimals.text(f.value ?? 0)))")
        case .outlier:
            return t("คะแนนห่างจากมัธยฐาน: \(f.judges.joined(separator: ", "))", "far from the median: \(f.judges.joined(separator: ", "))")
        case .boundaryTie:
            let tier = tierTitle(f.tier, contest: contest)
            let with = f.entries.joined(separator: ", ")
            if f.settled {
                return t("เสมอกับ \(with) ที่เส้นรางวัล\(tier): ประธานกรรมการตัดสินแล้ว", "tied with \(with) at the \(tier) line: settled by the chair")
            }
            return t("เสมอกับ \(with) ที่เส้นรางวัล\(tier) (เหลือ \(f.places ?? 0) รางวัล ให้ประธานกรรมการตัดสิน)",
                        "tied with \(with) at the \(tier) line (\(f.places ?? 0) left for the chair)")
        case .belowQuorum:
            let quorum = f.quorum ?? contest.quorum
            return t("ใบให้คะแนนไม่ครบองค์ (\(Int(f.value ?? 0))/\(quorum))", "below quorum (\(Int(f.value ?? 0))/\(quorum))")
        case .judgeNotNormalised:
            return t("ไม่ได้ปรับมาตรฐาน: \(f.judges.joined(separator: ", "))", "not normalised: \(f.judges.joined(separator: ", "))")
        case .ineligible:
            return ineligible(f.ineligibility)
        case .skewedPanel:
            let who = f.judges.joined(separator: ", "), z = TwoDecimals.text(abs(f.value ?? 0))
            return (f.value ?? 0) < 0
                ? t("กรรมการของผลงานนี้ (\(who)) ให้คะแนนเข้มทุกคน (\(z) SD): วิธีปรับมาตรฐานชดเชยได้",
                    "every judge of the entry (\(who)) is severe (\(z) SD): the normalised method corrects it")
                : t("กรรมการของผลงานนี้ (\(who)) ให้คะแนนใจดีทุกคน (\(z) SD): วิธีปรับมาตรฐานชดเชยได้",
                    "every judge of the entry (\(who)) is lenient (\(z) SD): the normalised method corrects it")
        case .conflict:
            return t("ไม่นับใบของ \(f.judges.joined(separator: ", ")): ประธานกรรมการระบุว่ามีส่วนได้เสีย",
                     "sheets of \(f.judges.joined(separator: ", ")) not counted: a chair recorded a conflict of interest")
        }
    }

    /// An entry that may not be judged, and why: the chair's ruling in the chair's words, or
    /// the rules that failed.
    public func ineligible(_ i: Ineligibility?) -> String {
        guard let i else { return t("ไม่ผ่านคุณสมบัติ", "ineligible") }
        if let ruling = i.ruling {
            return t("ไม่ผ่านคุณสมบัติ ตามที่ประธานกรรมการวินิจฉัย (\(ruling.actor)): \(ruling.reason)",
                        "ineligible by the chair's ruling (\(ruling.actor)): \(ruling.reason)")
        }
        return t("ไม่ผ่านคุณสมบัติตามเกณฑ์: ", "ineligible by the rules: ") + i.reason(language)
    }

    /// A tier given to more or fewer entries than the contest says, in words.
    public func describe(_ t: TierCount, contest: Contest) -> String {
        let title = tierTitle(t.tier, contest: contest)
        return self.t("รางวัล\(title) มี \(t.given) ผลงาน แต่การประกวดกำหนด \(t.count)", "\(title): \(t.given) awarded, the contest gives \(t.count)")
    }

    /// How a tie with the entry above was settled.
    public func describe(_ t: TieNote, contest: Contest) -> String {
        if let c = t.criterion {
            let a = t.aboveValue.map(TwoDecimals.text) ?? "-", b = t.value.map(TwoDecimals.text) ?? "-"
            return self.t("คะแนนเท่ากับ \(t.above); แยกด้วยค่าเฉลี่ยเกณฑ์ \(c) (\(a) > \(b))",
                        "same score as \(t.above); separated by the mean of \(c) (\(a) > \(b))")
        }
        return self.t("เท่ากับ \(t.above) ทุกเกณฑ์ตัดสิน: อันดับร่วม", "tied with \(t.above) on every tie-break: shared rank")
    }
}

/// The panel's statistics and the discussion queue in words (docs/scoring.md).
extension ReportWords {
    public var confidence: String { t("มั่นใจ", "Conf.") }
    public var swing: String { t("พลิก", "Swing") }
    public var patterns: String { t("รูปแบบ", "Patterns") }
    public var agreement: String { t("ความสอดคล้องของกรรมการ", "Panel agreement") }
    public var totalsWord: String { t("คะแนนรวม", "totals") }
    public var queue: String { t("รายการที่ควรหารือ", "Discussion queue") }
    public var openItem: String { t("ยังไม่ได้หารือ", "open") }
    public var noAward: String { t("ไม่ได้รับรางวัล", "no award") }
    /// The queue's columns in the minutes: its key, topic, reason and outcome.
    public var queueColumns: [String] {
        [t("รายการ", "Item"), t("เรื่อง", "Topic"), t("เหตุผล", "Why"), t("ผลการหารือ", "Outcome")]
    }

    /// "Discussion queue (3 open of 5)".
    public func queueHeading(open: Int, of all: Int) -> String {
        t("\(queue) (ยังไม่ได้หารือ \(open) จาก \(all))", "\(queue) (\(open) open of \(all))")
    }

    /// A discussion item's topic: in full (the minutes, an entry's screen), or in a word or
    /// two (the queue's column).
    public func topic(_ topic: DiscussionTopic, short: Bool = false) -> String {
        let full: Phrase, brief: Phrase
        switch topic {
        case .tie: (full, brief) = (Phrase("เสมอที่เส้นรางวัล", "tie at an award line"), Phrase("เสมอ", "tie"))
        case .uncertain: (full, brief) = (Phrase("รางวัลไม่แน่นอน", "uncertain tier"), Phrase("ไม่แน่นอน", "uncertain"))
        case .method: (full, brief) = (Phrase("ขึ้นกับวิธีรวมคะแนน", "depends on the method"), Phrase("ขึ้นกับวิธี", "method"))
        case .outlier: (full, brief) = (Phrase("คะแนนห่างจากกลุ่ม", "outlier sheet"), Phrase("ใบห่าง", "outlier"))
        case .spread: (full, brief) = (Phrase("ความเห็นต่างสูง", "wide spread"), Phrase("เห็นต่าง", "spread"))
        case .pattern: (full, brief) = (Phrase("รูปแบบการให้คะแนน", "judge's pattern"), Phrase("รูปแบบ", "pattern"))
        case .eligibility: (full, brief) = (Phrase("คุณสมบัติ", "eligibility"), Phrase("คุณสมบัติ", "eligibility"))
        }
        return (short ? brief : full).text(language)
    }

    /// An eligibility rule's name.
    public func rule(_ r: EligibilityRule) -> String {
        switch r {
        case .inUse: return t("ใช้งานจริง", "in use")
        case .localGovernment: return t("เป็น อปท.", "a local government")
        case .notPreviousWinner: return t("ไม่เคยได้รางวัล", "not a previous winner")
        case .digital: return t("นวัตกรรมดิจิทัล", "digital innovation")
        }
    }

    public func outcome(_ o: DiscussionOutcome) -> String {
        switch o {
        case .kept: return t("คงผล", "kept")
        case .changed: return t("เปลี่ยนผล", "changed")
        case .reopened: return t("เปิดให้แก้คะแนน", "sheet reopened")
        }
    }

    /// Open, or the outcome recorded with who, when and why.
    public func status(_ item: DiscussionItem) -> String {
        guard let d = item.outcome else { return openItem }
        return "\(outcome(d.outcome)) (\(d.decision.actor), \(Timestamp.format(d.decision.time))): \(d.decision.reason)"
    }

    /// A tier as a phrase: "รางวัลยอดเยี่ยม" / "Excellent", or no award.
    public func tierPhrase(_ id: String?, contest: Contest) -> String {
        guard let id else { return noAward }
        return t("รางวัล", "") + tierTitle(id, contest: contest)
    }

    /// Why an item is on the queue, with its figures.
    public func reason(_ item: DiscussionItem, contest: Contest) -> String {
        switch item.detail {
        case .tie(let tier, let entries, let places):
            let title = tierTitle(tier, contest: contest), list = entries.joined(separator: ", ")
            return t("\(list) เสมอกันคร่อมเส้นรางวัล\(title): เหลือ \(places) รางวัลให้ประธานกรรมการตัดสิน",
                        "\(list) tie across the \(title) line: \(places) place(s) left for the chair")
        case .uncertain(let tier, let p, let other, let q, let threshold):
            return t("\(tierPhrase(tier, contest: contest)) ใน \(percent(p)) ของการสุ่มซ้ำ (ต่ำกว่า \(percent(threshold))); "
                            + "\(tierPhrase(other, contest: contest)) \(percent(q))",
                        "\(tierPhrase(tier, contest: contest)) in \(percent(p)) of resamples (under \(percent(threshold))); "
                            + "\(tierPhrase(other, contest: contest)) in \(percent(q))")
        case .method(let tiers):
            let list = tiers.map { "\(method($0.method)) \(tierPhrase($0.tier, contest: contest))" }.joined(separator: " · ")
            return t("ผลขึ้นกับวิธีรวมคะแนน: \(list)", "the award depends on the method: \(list)")
        case .outlier(let total, let median, let threshold):
            let j = item.judgeID ?? "", t = TwoDecimals.text(total), m = TwoDecimals.text(median)
            let d = TwoDecimals.text(abs(total - median)), th = JSONWriter.numberText(threshold)
            return self.t("คะแนนรวมของ \(j) (\(t)) ห่างจากมัธยฐาน \(m) อยู่ \(d) (เกณฑ์ \(th))",
                        "\(j)'s total \(t) is \(d) from the median \(m) (threshold \(th))")
        case .spread(let sd, let threshold):
            let s = TwoDecimals.text(sd), th = JSONWriter.numberText(threshold)
            return t("กรรมการเห็นต่างกันมาก: SD \(s) (เกณฑ์ \(th))", "the judges disagree: SD \(s) (threshold \(th))")
        case .pattern(let flags):
            let list = flags.map(describe).joined(separator: "; ")
            return t("กรรมการ \(item.judgeID ?? ""): \(list)", "judge \(item.judgeID ?? ""): \(list)")
        case .eligibility(let rule, let entries, let results):
            // The reasons once each: the digital rule's is the same for every entry.
            var reasons: [String] = []
            for r in results where !reasons.contains(r.reason.words(language)) { reasons.append(r.reason.words(language)) }
            let shown = reasons.count <= 2 ? " (" + reasons.joined(separator: "; ") + ")" : ""
            let ids = entries.count <= 6 ? entries.joined(separator: " ") : entries.prefix(5).joined(separator: " ") + " …"
            return t("\(self.rule(rule)): \(entries.count) ผลงานรอประธานกรรมการวินิจฉัย: \(ids)\(shown)",
                        "\(self.rule(rule)): \(entries.count) entries await the chair's ruling: \(ids)\(shown)")
        }
    }

    /// One flagged pattern with its figure.
    public func describe(_ f: DiscussionItem.PatternFlag) -> String {
        switch f.kind {
        case .halo:
            let r = TwoDecimals.text(f.value), t = JSONWriter.numberText(f.threshold)
            return self.t("ให้คะแนนทุกเกณฑ์ของผลงานใกล้เคียงกัน (อัตราส่วน \(r) < \(t))", "scores an entry's criteria alike (halo ratio \(r) < \(t))")
        case .flat:
            let total = f.extra.map(TwoDecimals.text) ?? "", s = percent(f.value), t = percent(f.threshold)
            return self.t("ให้คะแนนรวม \(total) ใน \(s) ของใบ (เกิน \(t))", "gives a total of \(total) on \(s) of sheets (over \(t))")
        case .drift:
            let rho = TwoDecimals.text(f.value), p = f.extra.map(pValue) ?? "", up = f.value > 0
            return t("คะแนน\(up ? "สูงกว่า" : "ต่ำกว่า")กรรมการอื่นมากขึ้นตามลำดับที่ให้ (สหสัมพันธ์ \(rho), นัยสำคัญ \(p))",
                        "drifts \(up ? "above" : "below") the other judges in scoring order (rho \(rho), p \(p))")
        case .severity:
            let z = (f.value > 0 ? "+" : "") + TwoDecimals.text(f.value)
            return f.value < 0 ? t("ให้คะแนนเข้มกว่ากรรมการอื่น (\(z) SD)", "severe (\(z) SD from the entries' means)")
                : t("ให้คะแนนใจดีกว่ากรรมการอื่น (\(z) SD)", "lenient (\(z) SD from the entries' means)")
        }
    }

    /// The figures that are computed, two decimals, each group with what it was computed on:
    /// ICC(2,1), ICC(2,k) and Kendall's W on the complete block (entries × judges), Krippendorff's
    /// alpha on every pairable sheet. A figure not computed is left out; none at all says so.
    public func agreementFigures(_ a: Agreement) -> String {
        var block: [String] = []
        if let x = a.icc2_1 { block.append("ICC(2,1) \(TwoDecimals.text(x))") }
        if let x = a.icc2_k { block.append("ICC(2,k) \(TwoDecimals.text(x))") }
        if let x = a.kendallW { block.append("Kendall's W \(TwoDecimals.text(x))") }
        var parts: [String] = []
        if !block.isEmpty {
            parts.append(block.joined(separator: " · ")
                + t(" (\(a.entries) ผลงาน × \(a.judges) กรรมการ ที่ให้คะแนนครบ)", " (\(a.entries) entries × \(a.judges) judges scored by all)"))
        }
        if let x = a.alpha {
            parts.append("α \(TwoDecimals.text(x))" + (a.icc1.map { " · ICC(1) \(TwoDecimals.text($0))" } ?? "")
                + t(" (\(a.alphaValues) ใบ ของ \(a.alphaEntries) ผลงาน)", " (\(a.alphaValues) sheets of \(a.alphaEntries) entries)"))
        }
        return parts.isEmpty ? t("ข้อมูลไม่พอ", "too few sheets") : parts.joined(separator: " · ")
    }

    /// "Panel agreement (totals, 480 entries × 20 judges): ICC(2,1) …".
    public func agreementLine(_ a: Agreement) -> String {
        t("\(agreement) (\(totalsWord)): ", "\(agreement) (\(totalsWord)): ") + agreementFigures(a)
    }

    /// What the confidence and swing columns mean, with the bootstrap's resamples and seed.
    public func statisticsNote(_ s: PanelStatistics) -> String {
        t("\(confidence): สัดส่วนของการสุ่มซ้ำ (bootstrap) \(s.resamples) รอบ (seed \(s.seed)) ที่ได้รางวัลตามข้อเสนอ · "
                + "\(swing): คะแนนรวมของใบเดียวที่ต้องเปลี่ยน (+ ขึ้น, - ลง) จึงจะเปลี่ยนรางวัล",
             "\(confidence): share of \(s.resamples) bootstrap resamples (seed \(s.seed)) that propose the same tier · "
                + "\(swing): the change of one sheet's total (+ up, - down) that changes the tier")
    }

    /// A swing as a signed number of points; "—" when no single sheet can change the tier, "" for no swing.
    public func swingText(_ s: Swing?) -> String {
        guard let s else { return "" }
        guard let c = s.change else { return "—" }
        return (c.direction == .up ? "+" : "-") + TwoDecimals.text(c.points)
    }

    /// A share as a whole percentage, rounded down: "62%".
    public func percent(_ p: Double) -> String { "\(Int((p * 100 + 1e-9).rounded(.down)))%" }

    /// A p-value: three decimals, or "< 0.001".
    func pValue(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        let k = Int((p * 1000).rounded())
        if k >= 1000 { return "1.000" }
        return "0." + String(repeating: "0", count: max(0, 3 - String(k).count)) + String(k)
    }
}
