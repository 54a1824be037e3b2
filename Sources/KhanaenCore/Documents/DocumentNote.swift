/// Why an attachment has no text, as the import keeps it in entries.json (`documents[].note`,
/// in English: the file is data) and as a reader is told it, in Thai or in English.
///
/// The import writes a note only through `text(_:_:)`, so every note it writes is one of
/// `Kind`'s forms and `words(_:)` can say it in both languages; a note written by hand or
/// by an older version is shown as it is.
public enum DocumentNote {
    public enum Kind: CaseIterable, Sendable {
        case textTooLarge, memberTooLarge, notReadBack, imageSize, kindWithoutText, pdfWithoutText, fileWithoutText
        case noDocumentXML, noSlides, noSheets
        case toolMissing, toolNotStarted, toolTimedOut, toolTooMuchOutput, toolSignalled, toolFailedSaying, toolFailed

        /// The English and the Thai, each `{}` a value in the same order.
        var forms: (en: String, th: String) {
            switch self {
            case .textTooLarge: return ("the text is larger than the limit of {}; not extracted", "ข้อความยาวเกินขีดจำกัด {} จึงไม่ได้ดึงข้อความออกมา")
            case .memberTooLarge: return ("the text of {} is larger than the limit of {}; not extracted", "ข้อความของ {} ยาวเกินขีดจำกัด {} จึงไม่ได้ดึงข้อความออกมา")
            case .notReadBack: return ("the saved file could not be read back", "อ่านแฟ้มที่เก็บไว้กลับมาไม่ได้")
            case .imageSize: return ("image size could not be read", "อ่านขนาดของภาพไม่ได้")
            case .kindWithoutText: return ("no text is taken from this kind of file ({})", "ไม่ดึงข้อความจากแฟ้มชนิดนี้ ({})")
            case .pdfWithoutText: return ("the PDF has no text (a scanned image?)", "PDF นี้ไม่มีข้อความ (เป็นภาพสแกนหรือไม่)")
            case .fileWithoutText: return ("the file has no text", "แฟ้มนี้ไม่มีข้อความ")
            case .noDocumentXML: return ("no word/document.xml in the file", "ไม่มี word/document.xml ในแฟ้ม")
            case .noSlides: return ("no slides in the file", "ไม่มีสไลด์ในแฟ้ม")
            case .noSheets: return ("no sheets in the file", "ไม่มีชีตในแฟ้ม")
            case .toolMissing: return ("{} is not installed (Debian package {})", "ไม่ได้ติดตั้ง {} (แพ็กเกจ Debian {})")
            case .toolNotStarted: return ("{} could not be started (error {})", "เริ่ม {} ไม่ได้ (ข้อผิดพลาด {})")
            case .toolTimedOut: return ("{} took too long and was stopped", "{} ใช้เวลานานเกินไปจึงถูกหยุด")
            case .toolTooMuchOutput: return ("{} gave more text than a submission has and was stopped", "{} ให้ข้อความมากเกินกว่าที่ผลงานจะมีจึงถูกหยุด")
            case .toolSignalled: return ("{} was killed by signal {}", "{} ถูกหยุดด้วยสัญญาณ {}")
            case .toolFailedSaying: return ("{} failed (exit {}): {}", "{} ทำงานไม่สำเร็จ (exit {}): {}")
            case .toolFailed: return ("{} failed (exit {})", "{} ทำงานไม่สำเร็จ (exit {})")
            }
        }
    }

    /// Added to a tool's note when the file was to be a zip (Word, PowerPoint, Excel).
    public static let notAZip = (en: " (not a zip file?)", th: " (ไม่ใช่แฟ้ม zip หรือไม่)")

    /// The note as entries.json keeps it.
    public static func text(_ kind: Kind, _ values: String...) -> String { fill(kind.forms.en, values) }

    /// A note from entries.json in both languages; one of no known form as it is, in both.
    public static func words(_ note: String) -> Phrase {
        if note.hasSuffix(notAZip.en) {
            let inner = words(String(note.dropLast(notAZip.en.count)))
            return Phrase(inner.th + notAZip.th, inner.en + notAZip.en)
        }
        for kind in Kind.allCases {
            if let values = match(note, kind.forms.en) { return Phrase(fill(kind.forms.th, values), note) }
        }
        return Phrase(note, note)
    }

    static func fill(_ form: String, _ values: [String]) -> String {
        let parts = form.components(separatedBy: "{}")
        var out = parts[0]
        for (k, part) in parts.dropFirst().enumerated() { out += (k < values.count ? values[k] : "") + part }
        return out
    }

    /// The values of `form`'s `{}` in `text`, or nil when `text` is not of that form; each
    /// value is the shortest that lets the rest match, the last what remains.
    static func match(_ text: String, _ form: String) -> [String]? {
        let parts = form.components(separatedBy: "{}")
        if parts.count == 1 { return text == form ? [] : nil }
        guard text.hasPrefix(parts[0]), text.hasSuffix(parts[parts.count - 1]),
              text.count >= parts[0].count + parts[parts.count - 1].count else { return nil }
        var rest = Substring(text.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        var values: [String] = []
        for part in parts.dropFirst().dropLast() {
            guard let r = rest.range(of: part) else { return nil }
            values.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        values.append(String(rest))
        return values.contains(where: \.isEmpty) ? nil : values
    }
}
