/// Reads a day as Thai forms and secretariats write it: `1 กุมภาพันธ์ 2566`, `1 ก.พ. 66`,
/// `1 ก.พ. 2566`, `วันพุธที่ 1 กุมภาพันธ์ พ.ศ. 2566`, `01/02/2566`, `1/2/66`, `1-2-2566`,
/// `2023-02-01`, `1 Feb 2023`, with Thai digits (๐–๙) or Arabic ones.
///
/// Years: a 4-digit year above 2400 is พ.ศ. (Buddhist era, 543 ahead), other 4-digit years are
/// ค.ศ.; a 2-digit year is พ.ศ. 25xx (66 is 2566, that is 2023) unless ค.ศ. is written. Numeric
/// forms put the day first, except year-first ISO forms. A month and year with no day, an unknown
/// word or an impossible day give no date but a reason: a date is never guessed.
public enum ThaiDate {
    /// Why a text is not a date, in both languages (the text itself quoted as it came).
    public struct Problem: BilingualError, Equatable, Sendable, CustomStringConvertible {
        public var words: Phrase
        /// In English.
        public var message: String { words.en }
        public var description: String { message }
    }

    /// The day, or nil.
    public static func date(_ text: String) -> CalendarDate? { try? parse(text).get() }

    public static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let tokens = tokenize(text)
        func fail(_ th: String, _ en: String) -> Result<CalendarDate, Problem> {
            .failure(Problem(words: Phrase("\"\(text)\": \(th)", "\"\(text)\": \(en)")))
        }
        if tokens.isEmpty { return .failure(Problem(words: Phrase("ไม่ได้ให้วันที่", "no date given"))) }

        var era: Era? = nil
        var monthAt: (index: Int, month: Int)? = nil
        for (k, t) in tokens.enumerated() {
            guard case .word(let w) = t else { continue }
            let key = w.replacingOccurrences(of: ".", with: "").lowercased()
            if let m = monthNumber[key] {
                if monthAt != nil { return fail("มีสองเดือน", "two months") }
                monthAt = (k, m)
            } else if let e = eras[key] {
                if era != nil && era != e { return fail("มีทั้ง พ.ศ. และ ค.ศ.", "both พ.ศ. and ค.ศ.") }
                era = e
            } else if !isFiller(key) {
                return fail("\"\(w)\" ไม่ใช่ส่วนของวันที่", "\"\(w)\" is not part of a date")
            }
        }
        let numbers = tokens.enumerated().compactMap { k, t -> (index: Int, digits: String)? in
            if case .number(let d) = t { return (k, d) }
            return nil
        }

        let day: Int, month: Int, yearDigits: String
        if let monthAt {
            if numbers.count == 1 && numbers[0].index > monthAt.index { return fail("มีเดือนและปี แต่ไม่มีวัน", "a month and a year, but no day") }
            guard numbers.count == 2 else {
                return numbers.count < 2 ? fail("ต้องมีวันและปี", "needs a day and a year") : fail("มีตัวเลขมากกว่าวันและปี", "more numbers than a day and a year")
            }
            guard numbers[0].index < monthAt.index, numbers[1].index > monthAt.index else { return fail("ควรเป็น วัน เดือน ปี", "expected day, month, year") }
            guard numbers[0].digits.count <= 2 else { return fail("\"\(numbers[0].digits)\" ไม่ใช่วัน", "\"\(numbers[0].digits)\" is not a day") }
            day = Int(numbers[0].digits)!
            month = monthAt.month
            yearDigits = numbers[1].digits
        } else {
            if numbers.count == 2 { return fail("มีเดือนและปี แต่ไม่มีวัน", "a month and a year, but no day") }
            guard numbers.count == 3 else { return fail("ไม่ใช่วันที่ (ควรมีวัน เดือน และปี)", "not a date (expected day, month and year)") }
            if numbers[0].digits.count == 4 {
                guard numbers[1].digits.count <= 2, numbers[2].digits.count <= 2 else { return fail("ควรเป็น ปี-เดือน-วัน", "expected year-month-day") }
                yearDigits = numbers[0].digits
                month = Int(numbers[1].digits)!
                day = Int(numbers[2].digits)!
            } else {
                guard numbers[0].digits.count <= 2, numbers[1].digits.count <= 2 else { return fail("ควรเป็น วัน/เดือน/ปี", "expected day/month/year") }
                day = Int(numbers[0].digits)!
                month = Int(numbers[1].digits)!
                yearDigits = numbers[2].digits
            }
            guard (1...12).contains(month) else { return fail("ไม่มีเดือน \(month) (วันมาก่อนเดือน)", "no month \(month) (the day comes first)") }
        }

        let year: Int
        switch (yearDigits.count, era) {
        case (2, .common): year = 2000 + Int(yearDigits)!
        case (2, _): year = 2500 + Int(yearDigits)! - 543
        case (4, let e):
            let y = Int(yearDigits)!
            let buddhist = y > 2400
            if e == .buddhist && !buddhist { return fail("\(y) ไม่ใช่ปี พ.ศ.", "\(y) is not a year of พ.ศ.") }
            if e == .common && buddhist { return fail("\(y) ไม่ใช่ปี ค.ศ.", "\(y) is not a year of ค.ศ.") }
            year = buddhist ? y - 543 : y
        default: return fail("\"\(yearDigits)\" ไม่ใช่ปี", "\"\(yearDigits)\" is not a year")
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return fail("ไม่มีวันนี้", "no such day") }
        return .success(date)
    }

    /// `24 ก.ย. 2566`: the day, the month's abbreviation and the year of พ.ศ.
    public static func text(_ d: CalendarDate) -> String {
        "\(d.day) \(dottedMonths[d.month - 1]) \(d.buddhistYear)"
    }

    /// `2 Dec 2026`: for the English screens.
    public static func englishText(_ d: CalendarDate) -> String {
        "\(d.day) \(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1]) \(d.year)"
    }

    /// A moment as its reader expects it, in local time `offset` seconds east of UTC: in Thai
    /// `2 ธ.ค. 2569 14:05` (the Buddhist era), in English `2 Dec 2026 14:05`. The ledger keeps
    /// the moment in UTC (`Timestamp.format`); this is only how it is shown.
    public static func moment(_ millis: Int64, offset: Int, language: Language, seconds: Bool = false) -> String {
        let d = Timestamp.date(millis, offset: offset)
        let secs = ((millis / 1000 + Int64(offset)) % 86_400 + 86_400) % 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let clock = two(secs / 3600) + ":" + two(secs / 60 % 60) + (seconds ? ":" + two(secs % 60) : "")
        return (language == .th ? text(d) : englishText(d)) + " " + clock
    }

    static let dottedMonths = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]

    enum Era { case buddhist, common }

    enum Token: Equatable {
        case number(String)
        case word(String)
    }

    /// Numbers (Thai digits turned Arabic) and words (letters, with a dot after a letter kept,
    /// so that ก.พ. and พ.ศ. stay whole); everything else separates them.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var number = "", word = ""
        func flush() {
            if !number.isEmpty { tokens.append(.number(number)); number = "" }
            if !word.isEmpty { tokens.append(.word(word)); word = "" }
        }
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x30 && v <= 0x39 || v >= 0x0E50 && v <= 0x0E59 {
                if !word.isEmpty { flush() }
                number.unicodeScalars.append(v >= 0x0E50 ? Unicode.Scalar(v - 0x0E50 + 0x30)! : s)
            } else if (v >= 0x0E01 && v <= 0x0E4F) || s.properties.isAlphabetic {
                if !number.isEmpty { flush() }
                word.unicodeScalars.append(s)
            } else if s == "." && !word.isEmpty {
                word.unicodeScalars.append(s)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    static let thaiMonths = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                             "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    /// The abbreviations without their dots (ก.พ. is looked up as กพ).
    static let thaiMonthAbbreviations = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"]
    static let englishMonths = ["january", "february", "march", "april", "may", "june",
                                "july", "august", "september", "october", "november", "december"]

    static let monthNumber: [String: Int] = {
        var table: [String: Int] = [:]
        for k in 0..<12 {
            table[thaiMonths[k]] = k + 1
            table[thaiMonthAbbreviations[k]] = k + 1
            table[englishMonths[k]] = k + 1
            table[String(englishMonths[k].prefix(3))] = k + 1
        }
        table["sept"] = 9
        return table
    }()

    static let eras: [String: Era] = ["พศ": .buddhist, "be": .buddhist, "คศ": .common, "ad": .common, "ce": .common]

    static let weekdays: Set<String> = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์"]

    /// Words a date may carry around it: วันที่, ตั้งแต่, เมื่อ, วันพุธที่ and the like.
    static func isFiller(_ word: String) -> Bool {
        if ["ที่", "วัน", "วันที่", "ตั้งแต่", "เมื่อ", "ตั้งแต่วันที่", "เมื่อวันที่", "the", "of", "since"].contains(word) { return true }
        var w = Substring(word)
        if w.hasPrefix("วัน") { w = w.dropFirst("วัน".count) }
        if w.hasSuffix("ที่") { w = w.dropLast("ที่".count) }
        return weekdays.contains(String(w))
    }
}
