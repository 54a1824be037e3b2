/// The languages Khanaen speaks: Thai first, English on request (`--lang en`).
public enum Language: String, CaseIterable, Sendable {
    case th, en
}

/// Words of reports and flags, in both languages, kept in one place.
public struct ReportWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    func pick(_ th: String, _ en: String) -> String { language == .th ? th : en }

    public var rank: String { pick("อันดับ", "Rank") }
    public var id: String { pick("รหัส", "ID") }
    public var organisation: String { pick("หน่วยงาน", "Organisation") }
    public var province: String { pick("จังหวัด", "Province") }
    public var title: String { pick("ผลงาน", "Entry") }
    public var score: String { pick("คะแนน", "Score") }
    public var sheets: String { pick("ใบ", "Sheets") }
    public var sd: String { "SD" }
    public var award: String { pick("รางวัล", "Award") }
    public var flags: String { pick("ข้อสังเกต", "Flags") }
    public var judge: String { pick("กรรมการ", "Judge") }
    public var submitted: String { pick("ส่งแล้ว", "Submitted") }
    public var drafts: String { pick("ร่าง", "Drafts") }
    public var recused: String { pick("ถอนตัว", "Recused") }
    public var notStarted: String { pick("ยังไม่เริ่ม", "Not started") }
    public var mean: String { pick("เฉลี่ย", "Mean") }
    public var unranked: String { pick("ยังไม่จัดอันดับ", "Not ranked") }
    public var ties: String { pick("คะแนนเท่ากัน", "Ties") }
    public var overrides: String { pick("การตัดสินของประธานกรรมการ", "Chair's decisions") }
    public var ledger: String { pick("สมุดบันทึกคะแนน", "Ledger") }
    public var seal: String { pick("ตราผลคะแนน", "Results seal") }
    public var warnings: String { pick("คำเตือน", "Warnings") }
    public var notIntact: String { pick("สมุดบันทึกคะแนนไม่ครบถ้วน", "The ledger is not intact") }
    public var accessOpen: String {
        pick("ไม่ได้บังคับสิทธิ์ตามบัญชีผู้ใช้: การประกวดแบบเปิด (access: open) ใครก็เลือกเป็นกรรมการหรือประธานกรรมการคนใดก็ได้",
             "Access not enforced: an open contest (access: open), where anyone may act as any judge or chair")
    }

    /// What a report says at its top, one line each: that access is not enforced, and every
    /// reason the ledger is not intact.
    public func banners(_ ledger: LedgerSummary) -> [String] {
        var out: [String] = []
        if ledger.contest.access == .open { out.append(accessOpen) }
        if !ledger.isIntact { out.append(notIntact + ":") ; out.append(contentsOf: ledger.problems.map { "  " + $0 }) }
        return out
    }

    public var draftsIncluded: String {
        pick("รวมใบให้คะแนนที่ยังไม่ส่ง (ร่างที่ครบทุกเกณฑ์) — ไม่ใช่ผลทางการ", "Includes complete unsubmitted drafts — not an official result")
    }

    /// The method of a report, and whether it is the official one.
    public func methodOf(_ r: Results) -> String {
        r.isOfficial ? pick("\(method(r.method)) (วิธีทางการ)", "\(method(r.method)) (the official method)")
            : pick("\(method(r.method)) (เพื่อเปรียบเทียบ วิธีทางการคือ\(method(r.official)))",
                   "\(method(r.method)) (for comparison; the official method is the \(method(r.official)))")
    }

    public func method(_ m: Method) -> String {
        switch m {
        case .mean: return pick("ค่าเฉลี่ย", "mean")
        case .median: return pick("มัธยฐาน", "median")
        case .trimmed: return pick("ค่าเฉลี่ยตัดปลาย", "trimmed mean")
        case .normalised: return pick("ปรับมาตรฐานรายกรรมการ", "normalised per judge")
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
            return pick("ความเห็นต่างสูง (SD \(TwoDecimals.text(f.value ?? 0)))", "judges disagree (SD \(TwoDecimals.text(f.value ?? 0)))")
        case .outlier:
            return pick("คะแนนห่างจากมัธยฐาน: \(f.judges.joined(separator: ", "))", "far from the median: \(f.judges.joined(separator: ", "))")
        case .boundaryTie:
            let tier = tierTitle(f.tier, contest: contest)
            let with = f.entries.joined(separator: ", ")
            if f.settled {
                return pick("เสมอกับ \(with) ที่เส้นรางวัล\(tier): ประธานกรรมการตัดสินแล้ว", "tied with \(with) at the \(tier) line: settled by the chair")
            }
            return pick("เสมอกับ \(with) ที่เส้นรางวัล\(tier) (เหลือ \(f.places ?? 0) รางวัล ให้ประธานกรรมการตัดสิน)",
                        "tied with \(with) at the \(tier) line (\(f.places ?? 0) left for the chair)")
        case .belowQuorum:
            return pick("ใบให้คะแนนไม่ครบองค์ (\(Int(f.value ?? 0))/\(contest.quorum))", "below quorum (\(Int(f.value ?? 0))/\(contest.quorum))")
        case .judgeNotNormalised:
            return pick("ไม่ได้ปรับมาตรฐาน: \(f.judges.joined(separator: ", "))", "not normalised: \(f.judges.joined(separator: ", "))")
        case .ineligible:
            return ineligible(f.ineligibility)
        }
    }

    /// An entry that may not be judged, and why: the chair's ruling in the chair's words, or
    /// the rules that failed.
    public func ineligible(_ i: Ineligibility?) -> String {
        guard let i else { return pick("ไม่ผ่านคุณสมบัติ", "ineligible") }
        if let ruling = i.ruling {
            return pick("ไม่ผ่านคุณสมบัติ ตามที่ประธานกรรมการวินิจฉัย (\(ruling.actor)): \(ruling.reason)",
                        "ineligible by the chair's ruling (\(ruling.actor)): \(ruling.reason)")
        }
        return pick("ไม่ผ่านคุณสมบัติตามเกณฑ์: ", "ineligible by the rules: ") + i.reason(language)
    }

    /// A tier given to more or fewer entries than the contest says, in words.
    public func describe(_ t: TierCount, contest: Contest) -> String {
        let title = tierTitle(t.tier, contest: contest)
        return pick("รางวัล\(title) มี \(t.given) ผลงาน แต่การประกวดกำหนด \(t.count)", "\(title): \(t.given) awarded, the contest gives \(t.count)")
    }

    /// How a tie with the entry above was settled.
    public func describe(_ t: TieNote, contest: Contest) -> String {
        if let c = t.criterion {
            let a = t.aboveValue.map(TwoDecimals.text) ?? "-", b = t.value.map(TwoDecimals.text) ?? "-"
            return pick("คะแนนเท่ากับ \(t.above); แยกด้วยค่าเฉลี่ยเกณฑ์ \(c) (\(a) > \(b))",
                        "same score as \(t.above); separated by the mean of \(c) (\(a) > \(b))")
        }
        return pick("เท่ากับ \(t.above) ทุกเกณฑ์ตัดสิน: อันดับร่วม", "tied with \(t.above) on every tie-break: shared rank")
    }
}
