import Foundation
import KhanaenCore

/// The labelled lines of the submission e-mail (`หน่วยงาน : เทศบาลตำบลครึ่ง`) and the
/// column titles of a secretariat's CSV: the contest's own labels, the forms people type
/// instead (อีเมล์, เบอร์โทรศัพท์, ชื่อผู้ประสานงาน…) and the entries.json keys.
///
/// A label is compared without spaces, with any dash as "-" and Latin letters in lower case,
/// so `ชื่อ - นามสกุล ผู้ประสาน` is `ชื่อ-นามสกุลผู้ประสาน`. The date the work has been in use
/// since is labelled วันที่เริ่มใช้งาน (or เริ่มใช้งานจริง, วันที่เริ่มใช้งานจริง…).
public enum SubmissionLabels {
    static let labels: [(String, Submission.Field)] = [
        ("หน่วยงาน", .organisation), ("ชื่อหน่วยงาน", .organisation), ("หน่วยงานที่ส่งผลงาน", .organisation),
        ("อำเภอ", .district),
        ("ภูมิภาค", .region), ("ภาค", .region),
        ("จังหวัด", .province),
        ("ชื่อโครงการ", .title), ("ชื่อผลงาน", .title), ("ชื่อโครงการ/ผลงาน", .title), ("ชื่อผลงาน/โครงการ", .title),
        ("ชื่อนวัตกรรม", .title), ("ชื่อผลงานนวัตกรรม", .title),
        ("ชื่อ-นามสกุลผู้ประสาน", .coordinator), ("ชื่อ-นามสกุลผู้ประสานงาน", .coordinator), ("ชื่อ-สกุลผู้ประสาน", .coordinator),
        ("ชื่อ-สกุลผู้ประสานงาน", .coordinator), ("ชื่อผู้ประสาน", .coordinator), ("ชื่อผู้ประสานงาน", .coordinator),
        ("ผู้ประสาน", .coordinator), ("ผู้ประสานงาน", .coordinator),
        ("เบอร์โทร", .phone), ("เบอร์โทรศัพท์", .phone), ("โทรศัพท์", .phone), ("โทร", .phone), ("เบอร์ติดต่อ", .phone),
        ("หมายเลขโทรศัพท์", .phone), ("เบอร์โทรผู้ประสาน", .phone), ("เบอร์โทรผู้ประสานงาน", .phone),
        ("อีเมล", .email), ("อีเมล์", .email), ("e-mail", .email), ("email", .email), ("อีเมลผู้ประสาน", .email),
        ("ตำแหน่ง", .position), ("ตำแหน่งผู้ประสาน", .position), ("ตำแหน่งผู้ประสานงาน", .position),
        ("ชื่อ-นามสกุลที่ปรึกษา", .advisor), ("ชื่อ-สกุลที่ปรึกษา", .advisor), ("ชื่อที่ปรึกษา", .advisor),
        ("ที่ปรึกษา", .advisor), ("ที่ปรึกษาโครงการ", .advisor),
        ("วันที่เริ่มใช้งาน", .inUseSince), ("วันที่เริ่มใช้งานจริง", .inUseSince), ("วันเริ่มใช้งาน", .inUseSince),
        ("เริ่มใช้งาน", .inUseSince), ("เริ่มใช้งานจริง", .inUseSince), ("เริ่มใช้งานเมื่อ", .inUseSince),
        ("เริ่มใช้งานจริงเมื่อ", .inUseSince), ("วันที่เริ่มใช้งานจริงของผลงาน", .inUseSince),
    ]

    static let byKey: [String: Submission.Field] = {
        var table: [String: Submission.Field] = [:]
        for (label, field) in labels { table[key(label)] = field }
        for field in Submission.Field.allCases { table[key(field.rawValue)] = field }
        table["organization"] = .organisation
        return table
    }()

    /// A label or column title in its compared form.
    static func key(_ label: String) -> String {
        var s = MatchKey.compact(label)
        for dash in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FF0D}"] {
            s = s.replacingOccurrences(of: dash, with: "-")
        }
        while let last = s.last, last == "*" || last == "." { s.removeLast() }
        return s
    }

    /// The field a label or column title names; nil when it names none.
    public static func field(_ label: String) -> Submission.Field? { byKey[key(label)] }

    /// The fields of a mail body: each line `label : value` (ASCII or full-width colon, spaces
    /// or none around it, any order); quote marks (`>`), bullets and list numbers before the
    /// label are passed over. The first non-empty value of each field is kept: a resent or
    /// forwarded copy has the new text above the quoted old one.
    public static func fields(inBody text: String) -> Submission {
        var submission = Submission()
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            while let f = line.first, f == ">" || f == " " || f == "\t" || f == "\u{00A0}" || f == "•" || f == "-" || f == "*" {
                line = line.dropFirst()
            }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
                line = line.dropFirst(digits.count + 1)
            }
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "\u{FF1A}" }) else { continue }
            guard let field = field(String(line[..<colon])) else { continue }
            let value = Submission.cleanedValue(String(line[line.index(after: colon)...]))
            if !value.isEmpty && submission.values[field] == nil { submission.values[field] = value }
        }
        return submission
    }
}
