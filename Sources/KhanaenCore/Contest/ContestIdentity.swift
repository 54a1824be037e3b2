/// Who is judged and who judges, as hashes a checkpoint records: swapping two entries' ids,
/// two judges' logins, adding a chair or loosening the eligibility rules after the first
/// score changes no hash of any ledger line, so the checkpoints witness these too, and
/// `verify` names what changed (docs/ledger.md).
public struct ContestIdentity: Equatable, Sendable {
    /// The judges (id, login, and the province and organisations that give conflicts of
    /// interest), the chairs' logins, whether access is by logins, and the conflict rules.
    public var panel: String
    /// Each entry's id, organisation, province, title and day in use since.
    public var entries: String
    /// contest.json's `eligibility` block, which decides who is ranked.
    public var eligibility: String

    public init(panel: String, entries: String, eligibility: String) {
        self.panel = panel
        self.entries = entries
        self.eligibility = eligibility
    }

    /// What differs from `other`, in words: "the panel (judges' ids and logins, chairs)", ….
    public func changes(since other: ContestIdentity) -> [String] { changeWords(since: other).map(\.en) }

    /// The same in both languages.
    public func changeWords(since other: ContestIdentity) -> [Phrase] {
        var out: [Phrase] = []
        if panel != other.panel {
            out.append(Phrase("คณะกรรมการ (รหัส ผู้ใช้ จังหวัดและหน่วยงานของกรรมการ ประธานกรรมการ การเข้าถึง กติกาส่วนได้เสีย) ใน \(ContestFolder.contestFile)",
                              "the panel (the judges' ids, logins, provinces and organisations, the chairs, the access, the conflict rules) in \(ContestFolder.contestFile)"))
        }
        if entries != other.entries {
            out.append(Phrase("ผลงาน (รหัส หน่วยงาน จังหวัด ชื่อโครงการ หรือวันที่เริ่มใช้งาน) ใน \(ContestFolder.entriesFile)",
                              "the entries (an id, organisation, province, title or day in use) in \(ContestFolder.entriesFile)"))
        }
        if eligibility != other.eligibility {
            out.append(Phrase("กติกาคุณสมบัติผลงาน ใน \(ContestFolder.contestFile)", "the eligibility rules in \(ContestFolder.contestFile)"))
        }
        return out
    }
}

extension Contest {
    public var identity: ContestIdentity {
        func hash(_ v: JSONValue) -> String { Hex.encode(SHA256.hash(JSONWriter.bytes(v))) }
        let panel: JSONValue = .obj([
            ("access", .string(access.rawValue)),
            ("judges", .arr(judges.map {
                .obj([("id", .string($0.id)), ("user", .string($0.user)), ("province", .string($0.province)),
                      ("organisations", .arr($0.organisations.map { .string($0) }))])
            })),
            ("chairs", .arr(chairs.map { .string($0) })),
            ("conflictRules", .arr(conflictRules.map { .string($0.rawValue) })),
        ])
        let entries: JSONValue = .arr(self.entries.map { e in
            .obj([("id", .string(e.id)), ("organisation", .string(e.organisation)), ("province", .string(e.province)),
                  ("title", .string(e.title)), ("inUseSince", e.inUseSince.map { .string($0.iso) } ?? .null)])
        })
        let rules: JSONValue = eligibility.map { r in
            .obj([("closes", .string(r.closes.iso)), ("inUseBefore", r.inUseBefore.map { .string($0.iso) } ?? .null),
                  ("minMonthsInUse", .number(Double(r.minMonthsInUse))),
                  ("organisationKinds", .arr(r.organisationKinds.map { .number(Double($0.rawValue)) })),
                  ("previousWinners", .arr(r.previousWinners.map {
                      .obj([("year", .number(Double($0.year))), ("organisation", .string($0.organisation)), ("title", .string($0.title))])
                  }))])
        } ?? .null
        return ContestIdentity(panel: hash(panel), entries: hash(entries), eligibility: hash(rules))
    }
}
