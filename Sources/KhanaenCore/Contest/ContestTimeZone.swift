import Foundation

/// The time zone a contest declares (`timeZone` in contest.json, an IANA name; `Asia/Bangkok`
/// when absent): every time a screen, report or export shows is in it, whatever the zone of
/// the machine that shows it. The ledger keeps moments in UTC; this is only how they are shown.
/// The offset is the zone's for the moment shown, so summer time is right on either side of a
/// change (Foundation's `TimeZone`, from the system's tz database).
public struct ContestTimeZone: Equatable, Sendable, CustomStringConvertible {
    public let identifier: String
    private let zone: TimeZone

    public static let defaultIdentifier = "Asia/Bangkok"
    /// Asia/Bangkok, or a fixed UTC+07:00 should the system have no tz database.
    public static let bangkok = ContestTimeZone(identifier: defaultIdentifier)
        ?? ContestTimeZone(fixed: defaultIdentifier, secondsEast: 7 * 3600)
    public static let utc = ContestTimeZone(fixed: "UTC", secondsEast: 0)

    /// nil when the system knows no zone by that name. Abbreviations ("ICT", "EST") are refused:
    /// they are ambiguous, and Foundation would read some of them as fixed offsets.
    public init?(identifier: String) {
        guard identifier == "UTC" || identifier.contains("/"), let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    private init(fixed name: String, secondsEast: Int) {
        identifier = name
        zone = TimeZone(secondsFromGMT: secondsEast)!
    }

    /// Seconds east of UTC at the moment `millis` (milliseconds since 1970, UTC).
    public func offset(at millis: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// "UTC+07:00": the offset at the moment `millis`.
    public func utcText(at millis: Int64) -> String {
        let offset = offset(at: millis)
        let sign = offset < 0 ? "-" : "+", m = abs(offset) / 60
        return "UTC" + sign + (m / 60 < 10 ? "0" : "") + String(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + String(m % 60)
    }

    public var description: String { identifier }

    public static func == (a: ContestTimeZone, b: ContestTimeZone) -> Bool { a.identifier == b.identifier }
}

extension Timestamp {
    /// The calendar date of a moment in the contest's time zone.
    public static func date(_ millis: Int64, zone: ContestTimeZone) -> CalendarDate {
        date(millis, offset: zone.offset(at: millis))
    }

    /// "14:05:03": the clock time of a moment in the contest's time zone.
    public static func clock(_ millis: Int64, zone: ContestTimeZone, seconds: Bool = true) -> String {
        let offset = zone.offset(at: millis)
        let secs = ((millis / 1000 + Int64(offset)) % 86_400 + 86_400) % 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return two(secs / 3600) + ":" + two(secs / 60 % 60) + (seconds ? ":" + two(secs % 60) : "")
    }
}

extension ThaiDate {
    /// A moment in the contest's time zone (see `moment(_:offset:language:seconds:)`).
    public static func moment(_ millis: Int64, zone: ContestTimeZone, language: Language, seconds: Bool = false) -> String {
        moment(millis, offset: zone.offset(at: millis), language: language, seconds: seconds)
    }

    static let fullMonths = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                             "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]

    /// `7 ธันวาคม พ.ศ. 2569`: a date as an official Thai document writes it.
    public static func longText(_ d: CalendarDate) -> String {
        "\(d.day) \(fullMonths[d.month - 1]) พ.ศ. \(d.buddhistYear)"
    }
}
