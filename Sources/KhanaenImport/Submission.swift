import KhanaenCore

/// The fields of one submission as the e-mail's body or a CSV row gives them.
public struct Submission: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case organisation, district, region, province, title, coordinator, phone, email, position, advisor, inUseSince
    }

    public var values: [Field: String] = [:]

    public init(values: [Field: String] = [:]) { self.values = values }

    public subscript(_ field: Field) -> String { values[field] ?? "" }

    /// The day the work has been in use since, when given and readable.
    public var inUseSince: Result<CalendarDate, ThaiDate.Problem>? {
        let text = self[.inUseSince]
        return text.isEmpty ? nil : ThaiDate.parse(text)
    }

    /// Why this is not a submission: it lacks the organisation or the title.
    public var missing: Phrase? {
        if self[.organisation].isEmpty { return Phrase("ไม่มีช่อง หน่วยงาน", "no หน่วยงาน (organisation)") }
        if self[.title].isEmpty { return Phrase("ไม่มีช่อง ชื่อโครงการ", "no ชื่อโครงการ (title)") }
        return nil
    }

    /// A value as a field keeps it: spaces cleaned, and "-" or "ไม่มี" (none) as empty.
    static func cleanedValue(_ raw: String) -> String {
        let value = MatchKey.cleaned(raw)
        return ["-", "–", "—", "ไม่มี", "n/a", "N/A"].contains(value) ? "" : value
    }
}
