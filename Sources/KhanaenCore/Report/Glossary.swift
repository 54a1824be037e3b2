/// One word per idea (docs/architecture.md's glossary): note ข้อสังเกต, save บันทึก (only as
/// "บันทึกแล้ว" and "ไม่ได้บันทึก"), ledger สมุดคะแนน, page หน้า, screen จอ, chair
/// ประธานกรรมการ, draft ร่าง, file แฟ้ม. The vocabulary tests read every screen and every command's Thai
/// output with it.
public enum Glossary {
    /// What in `text` uses a word outside the glossary, as short descriptions; with `limit`,
    /// only what starts before that many scalars.
    public static func misuses(_ text: String, console: Bool = false, upTo limit: Int? = nil) -> [String] {
        var found: [String] = []
        // Scalars, not Characters: a Thai mark joins its base into one Character.
        let s = Array(text.unicodeScalars)
        func at(_ i: Int, _ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return i >= 0 && i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w
        }
        func after(_ i: Int, _ word: String, _ next: String) -> Bool { at(i + word.unicodeScalars.count, next) }
        func before(_ i: Int, _ word: String) -> Bool { at(i - word.unicodeScalars.count, word) }
        func digit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }
        for i in 0..<min(limit ?? s.count, s.count) {
            if at(i, "บันทึก") && !after(i, "บันทึก", "แล้ว") && !before(i, "ไม่ได้") {
                found.append("บันทึก for another idea than saved (note ข้อสังเกต, ledger สมุดคะแนน)")
            }
            if at(i, "สมุด") && !after(i, "สมุด", "คะแนน") { found.append("สมุด without คะแนน: the ledger is สมุดคะแนน") }
            if at(i, "ประธาน") && !after(i, "ประธาน", "กรรมการ") { found.append("ประธาน without กรรมการ: the chair is ประธานกรรมการ") }
            if at(i, "ไฟล์") { found.append("ไฟล์: a file is แฟ้ม") }
            if at(i, "หน้าจอ") { found.append("หน้าจอ: a screen is จอ") }
            if at(i, "ในหน้านี้") { found.append("ในหน้านี้ for a screen: จอนี้") }
            if at(i, "หน้า "), digit(i + 5) {
                var j = i + 5
                while digit(j) { j += 1 }
                if j >= s.count || s[j] != "/" { found.append("หน้า with a screen's number: a screen is จอ") }
            }
            if console && at(i, "เลขหน้า") { found.append("เลขหน้า for a screen's number: เลขจอ") }
        }
        return found
    }
}
