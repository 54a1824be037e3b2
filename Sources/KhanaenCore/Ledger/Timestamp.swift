#if canImport(Glibc)
import Glibc
#endif

/// UTC timestamps as the ledger writes them: "2026-11-25T20:38:21.123Z", always that shape.
public enum Timestamp {
    public static func nowMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    public static func format(_ millis: Int64) -> String {
        let (days, msOfDay) = floorDivide(millis, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        let secs = msOfDay / 1000
        return String(format4(y)) + "-" + two(m) + "-" + two(d) + "T" + two(secs / 3600) + ":" + two(secs / 60 % 60) + ":"
            + two(secs % 60) + "." + three(msOfDay % 1000) + "Z"
    }

    /// Parses exactly the shape `format` writes; nil for anything else.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[23] == 0x5A else { return nil }
        func num(_ from: Int, _ n: Int) -> Int64? {
            var v: Int64 = 0
            for k in from..<from + n {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let s = num(17, 2), let ms = num(20, 3),
              mo >= 1, mo <= 12, d >= 1, d <= daysIn(month: mo, year: y), h < 24, mi < 60, s < 60 else { return nil }
        return ((days(fromCivil: y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
    }

    /// The last date `parse(_:memo:)` read and its first millisecond.
    struct DayMemo {
        var date: (UInt64, UInt16) = (0, 0)
        var dayStart: Int64 = 0
        var known = false
    }

    /// `parse(b)`, but a line of the same date as the one before (nearly every line of a
    /// file) reads only the time of day.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, memo: inout DayMemo) -> Int64? {
        guard b.count == 24, let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let date = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if memo.known && date == memo.date {
            guard b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[23] == 0x5A else { return nil }
            @inline(__always) func number(_ from: Int, _ n: Int) -> Int64? {
                var v: Int64 = 0
                for k in from..<(from + n) {
                    let c = b[k]
                    guard c >= 0x30 && c <= 0x39 else { return nil }
                    v = v * 10 + Int64(c - 0x30)
                }
                return v
            }
            guard let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2), let milli = number(20, 3),
                  h < 24, mi < 60, s < 60 else { return nil }
            return memo.dayStart + ((h * 60 + mi) * 60 + s) * 1000 + milli
        }
        guard let t = parse(b) else { return nil }
        memo = DayMemo(date: date, dayStart: floorDivide(t, 86_400_000).0 * 86_400_000, known: true)
        return t
    }

    public static func parse(_ text: String) -> Int64? {
        var t = text
        return t.withUTF8 { parse($0) }
    }

    private static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The calendar date of a moment, `offset` seconds east of UTC.
    public static func date(_ millis: Int64, offset: Int) -> CalendarDate {
        let (days, _) = floorDivide(millis + Int64(offset) * 1000, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        return CalendarDate(year: Int(y), month: Int(m), day: Int(d))!
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private static func three(_ v: Int64) -> String { v < 10 ? "00\(v)" : (v < 100 ? "0\(v)" : "\(v)") }
    private static func format4(_ v: Int64) -> String { String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v) }
}
