/// The kinds of Thai local government (องค์กรปกครองส่วนท้องถิ่น, อปท.) and how their names are
/// written: in full (เทศบาลตำบลครึ่ง) or with the usual abbreviation (ทต.ครึ่ง, ทต. ครึ่ง).
/// The cases are in the announcement's order: เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล,
/// องค์การบริหารส่วนตำบล, then the others.
public enum OrganisationKind: Int, CaseIterable, Comparable, Sendable {
    case cityMunicipality
    case townMunicipality
    case subdistrictMunicipality
    case subdistrictAdministration
    case provincialAdministration
    case bangkok
    case pattaya

    public var fullName: String {
        switch self {
        case .cityMunicipality: return "เทศบาลนคร"
        case .townMunicipality: return "เทศบาลเมือง"
        case .subdistrictMunicipality: return "เทศบาลตำบล"
        case .subdistrictAdministration: return "องค์การบริหารส่วนตำบล"
        case .provincialAdministration: return "องค์การบริหารส่วนจังหวัด"
        case .bangkok: return "กรุงเทพมหานคร"
        case .pattaya: return "เมืองพัทยา"
        }
    }

    /// The usual abbreviation; เมืองพัทยา has none.
    public var abbreviation: String {
        switch self {
        case .cityMunicipality: return "ทน."
        case .townMunicipality: return "ทม."
        case .subdistrictMunicipality: return "ทต."
        case .subdistrictAdministration: return "อบต."
        case .provincialAdministration: return "อบจ."
        case .bangkok: return "กทม."
        case .pattaya: return "เมืองพัทยา"
        }
    }

    public static func < (a: OrganisationKind, b: OrganisationKind) -> Bool { a.rawValue < b.rawValue }

    /// A kind named by its full name or its abbreviation, with or without the dot
    /// (as contest.json's `eligibility.organisationKinds` lists them).
    public init?(named name: String) {
        let n = OrganisationKind.withoutDots(MatchKey.compact(name))
        guard let kind = OrganisationKind.allCases.first(where: { k in
            n == MatchKey.compact(k.fullName) || n == OrganisationKind.withoutDots(k.abbreviation)
                || OrganisationKind.variants[n] == k
        }) else { return nil }
        self = kind
    }

    // Not Foundation's replacingOccurrences: its first call, while contest.json is read at
    // every start, costs about a millisecond.
    private static func withoutDots(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "." })) }

    /// Misspellings seen in submissions: องค์กร for องค์การ.
    static let variants: [String: OrganisationKind] = [
        "องค์กรบริหารส่วนตำบล": .subdistrictAdministration,
        "องค์กรบริหารส่วนจังหวัด": .provincialAdministration,
    ]

    // The names as scalars once, not at each of the 500 or 2,000 names read at every start.
    private static let fullScalars = allCases.map { ($0, Array($0.fullName.unicodeScalars)) }
    private static let variantScalars = variants.map { ($0.value, Array($0.key.unicodeScalars)) }
    private static let abbreviationScalars = allCases.filter { $0 != .pattaya }.map { ($0, Array($0.abbreviation.dropLast().unicodeScalars)) }

    /// The kind an organisation's name starts with, and the rest of the name (its place).
    /// An abbreviation counts only when a dot or a space follows it (ทน. is not the start of ทนาย).
    public static func of(_ organisation: String) -> (kind: OrganisationKind, place: String)? {
        let name = Array(MatchKey.cleaned(organisation).unicodeScalars)
        func rest(after count: Int) -> String {
            var s = String.UnicodeScalarView(name[count...])
            while let f = s.first, f == "." || f == " " { s.removeFirst() }
            return String(s)
        }
        for (kind, full) in fullScalars {
            if name.starts(with: full) { return (kind, rest(after: full.count)) }
        }
        for (kind, full) in variantScalars {
            if name.starts(with: full) { return (kind, rest(after: full.count)) }
        }
        for (kind, short) in abbreviationScalars {
            guard name.starts(with: short) else { continue }
            if name.count == short.count { return (kind, "") }
            let next = name[short.count]
            if next == "." || next == " " { return (kind, rest(after: short.count)) }
        }
        return nil
    }

    /// อบต.วัดไทรย์ for องค์การบริหารส่วนตำบลวัดไทรย์; a name of no known kind is returned as it is.
    public static func abbreviated(_ organisation: String) -> String {
        guard let (kind, place) = of(organisation) else { return organisation }
        if kind == .pattaya { return kind.fullName + place }
        return kind.abbreviation + place
    }

    /// เทศบาลตำบลครึ่ง for ทต.ครึ่ง or ทต. ครึ่ง; a name of no known kind is returned as it is.
    public static func expanded(_ organisation: String) -> String {
        guard let (kind, place) = of(organisation) else { return organisation }
        return kind.fullName + place
    }

    /// The place of an organisation in the announcement's order: 0 เทศบาลนคร, 1 เทศบาลเมือง,
    /// 2 เทศบาลตำบล, 3 องค์การบริหารส่วนตำบล, 4 any other.
    public static func order(_ organisation: String) -> Int {
        guard let kind = of(organisation)?.kind, kind <= .subdistrictAdministration else { return 4 }
        return kind.rawValue
    }
}
