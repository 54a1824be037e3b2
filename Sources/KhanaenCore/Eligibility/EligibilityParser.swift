extension ContestParser {
    public static let eligibilityFields = ["closes", "inUseBefore", "minMonthsInUse", "organisationKinds", "previousWinners"]

    /// contest.json's `eligibility` object (docs/contest-format.md). parseDefinition calls it
    /// with `try c.object("eligibility")` when the key is there.
    static func parseEligibility(_ f: Fields) throws -> Contest.Eligibility {
        try f.allowOnly(eligibilityFields)
        func date(_ key: String) throws -> CalendarDate {
            let text = try f.text(key)
            guard let d = CalendarDate(iso: text) else { throw f.error(key, th: "\"\(text)\" ไม่ใช่วันที่ (YYYY-MM-DD)", en: "\"\(text)\" is not a date (YYYY-MM-DD)") }
            return d
        }
        var eligibility = Contest.Eligibility(closes: try date("closes"))
        if f.has("inUseBefore") { eligibility.inUseBefore = try date("inUseBefore") }
        if f.has("minMonthsInUse") {
            let months = try f.integer("minMonthsInUse")
            if months < 0 || months > 1200 { throw f.error("minMonthsInUse", th: "ต้องอยู่ระหว่าง 0 ถึง 1200 ไม่ใช่ \(months)", en: "must be 0 to 1200, got \(months)") }
            eligibility.minMonthsInUse = months
        }
        if f.has("organisationKinds") {
            var kinds: [OrganisationKind] = []
            for (k, name) in try f.strings("organisationKinds").enumerated() {
                guard let kind = OrganisationKind(named: name) else {
                    let known = OrganisationKind.allCases.map(\.fullName).joined(separator: ", ")
                    throw f.error("organisationKinds[\(k)]", th: "\"\(name)\" ไม่ใช่ประเภทองค์กรปกครองส่วนท้องถิ่น (\(known) หรือชื่อย่อ)",
                                  en: "\"\(name)\" is not a kind of local government (\(known), or their abbreviations)")
                }
                if kinds.contains(kind) { throw f.error("organisationKinds[\(k)]", th: "\"\(name)\" มีซ้ำสองครั้ง", en: "\"\(name)\" is listed twice") }
                kinds.append(kind)
            }
            if kinds.isEmpty { throw f.error("organisationKinds", th: "ต้องไม่ว่าง", en: "must not be empty") }
            eligibility.organisationKinds = kinds
        }
        if f.has("previousWinners") {
            for item in try f.objects("previousWinners", nonEmpty: false) {
                try item.allowOnly(["year", "organisation", "title"])
                let year = try item.integer("year")
                if year < 1900 || year > 2700 { throw item.error("year", th: "\(year) ไม่ใช่ปีของการประกวด", en: "\(year) is not a contest year") }
                eligibility.previousWinners.append(.init(year: year, organisation: try item.text("organisation"), title: try item.text("title")))
            }
        }
        return eligibility
    }
}
