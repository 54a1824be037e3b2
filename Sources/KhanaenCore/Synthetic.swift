/// Deterministic synthetic contests and scores, for the demo ledger, the benchmarks and tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum Synthetic {
    /// A contest like the sample one (same criteria and awards) with `entries` entries and `judges` judges.
    public static func contest(like base: Contest, entries: Int, judges: Int) -> Contest {
        let provinces = ["เชียงใหม่", "ลำพูน", "ยะลา", "ระยอง", "ชลบุรี", "นครสวรรค์", "อุบลราชธานี", "หนองบัวลำภู", "พระนครศรีอยุธยา", "ฉะเชิงเทรา"]
        let kinds = ["เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล", "เทศบาลนคร"]
        let places = ["บ้านกลาง", "แม่เหียะ", "โนนสะอาด", "เสม็ดใต้", "บางเสร่", "บวกค้าง", "ทับมา", "อุโมงค์", "ครึ่ง", "สิงหนาท"]
        let es = (0..<entries).map { k in
            Contest.Entry(id: String(format6(k + 1)), organisation: kinds[k % kinds.count] + places[(k / kinds.count) % places.count] + " \(k + 1)",
                          district: "", province: provinces[k % provinces.count], region: "",
                          title: "ระบบบริการประชาชนออนไลน์เพื่อพัฒนาคุณภาพชีวิตอย่างยั่งยืน หมายเลข \(k + 1)",
                          coordinator: "", phone: "", email: "", position: "", advisor: "")
        }
        let js = (0..<judges).map { Contest.Judge(id: "j\($0 + 1)", name: "กรรมการ \($0 + 1)", user: "judge\($0 + 1)", province: "") }
        return Contest(id: base.id + "-synthetic-\(entries)x\(judges)", name: base.name + " (สังเคราะห์ \(entries)×\(judges))",
                       categories: base.categories, criteria: base.criteria, step: base.step, awards: base.awards,
                       quorum: base.quorum, tieBreak: base.tieBreak, thresholds: base.thresholds, judges: js,
                       chairs: base.chairs, entries: es)
    }

    private static func format6(_ n: Int) -> String { "e" + String(repeating: "0", count: max(0, 5 - String(n).count)) + String(n) }

    /// One judge's events: every criterion of every entry scored, then the sheet submitted.
    /// Entries earlier in the list are better, each judge has a severity, and there is noise.
    public static func judgeEvents(contest: Contest, judge: Int, seed: UInt64 = 2566) -> [LedgerEvent] {
        var rng = SplitMix64(seed: seed &+ UInt64(judge) &* 7919)
        let actor = contest.judges[judge].id
        let severity = Double.random(in: -0.06...0.06, using: &rng)
        var events: [LedgerEvent] = []
        events.reserveCapacity(contest.entries.count * (contest.criteria.count + 1))
        let n = Double(max(1, contest.entries.count - 1))
        for (k, entry) in contest.entries.enumerated() {
            let quality = 0.93 - 0.33 * Double(k) / n
            for c in contest.criteria {
                let share = min(1, max(0, quality + severity + Double.random(in: -0.08...0.08, using: &rng)))
                let steps = (share * c.max / contest.step).rounded()
                events.append(LedgerEvent(actor: actor, kind: .score, entry: entry.id, criterion: c.id, value: steps * contest.step))
            }
            events.append(LedgerEvent(actor: actor, kind: .submit, entry: entry.id))
        }
        return events
    }
}
