/// What a key does, declared once: update() looks keys up here and the help screen is
/// drawn from the same table.
public enum Action: Equatable, Sendable {
    case up, down, pageUp, pageDown, home, end
    case open, search, filter, sort, help, quit
    case previousEntry, nextEntry, stepUp, stepDown, clear, note, entryNote, submit, recuse, undo, back
    case nextTab, previousTab, method, left, right, award, reopen, export
}

public struct Binding: Sendable {
    public enum Context: Sendable { case list, sheet, chair }
    public var context: Context
    public var keys: [Key]
    public var label: String
    public var action: Action
    public var th: String
    public var en: String
    /// A word or two for the hints row, for the keys shown there.
    public var hintTH: String? = nil
    public var hintEN: String? = nil
}

public enum Keymap {
    public static let bindings: [Binding] = [
        .init(context: .list, keys: [.up, .char("k")], label: "↑ k", action: .up, th: "ขึ้น", en: "up"),
        .init(context: .list, keys: [.down, .char("j")], label: "↓ j", action: .down, th: "ลง", en: "down"),
        .init(context: .list, keys: [.pageUp], label: "PgUp", action: .pageUp, th: "ขึ้นหนึ่งหน้า", en: "page up"),
        .init(context: .list, keys: [.pageDown], label: "PgDn", action: .pageDown, th: "ลงหนึ่งหน้า", en: "page down"),
        .init(context: .list, keys: [.home, .char("g")], label: "Home g", action: .home, th: "ผลงานแรก", en: "first entry"),
        .init(context: .list, keys: [.end, .char("G")], label: "End G", action: .end, th: "ผลงานสุดท้าย", en: "last entry"),
        .init(context: .list, keys: [.enter, .right], label: "Enter", action: .open, th: "เปิดใบให้คะแนน", en: "open the sheet", hintTH: "ให้คะแนน", hintEN: "open"),
        .init(context: .list, keys: [.char("/")], label: "/", action: .search, th: "ค้นหา (พิมพ์ไทยได้)", en: "search", hintTH: "ค้นหา", hintEN: "search"),
        .init(context: .list, keys: [.char("f")], label: "f", action: .filter, th: "กรองตามสถานะ", en: "filter by status", hintTH: "กรอง", hintEN: "filter"),
        .init(context: .list, keys: [.char("o")], label: "o", action: .sort, th: "เรียงตาม รหัส / หน่วยงาน / คะแนน", en: "sort by id / organisation / total", hintTH: "เรียง", hintEN: "sort"),
        .init(context: .list, keys: [.char("?")], label: "?", action: .help, th: "ปุ่มทั้งหมด", en: "all keys", hintTH: "ปุ่ม", hintEN: "keys"),
        .init(context: .list, keys: [.char("q"), .escape], label: "q", action: .quit, th: "ออก", en: "quit", hintTH: "ออก", hintEN: "quit"),

        .init(context: .sheet, keys: [.down, .tab, .enter], label: "↓ Tab Enter", action: .down, th: "บันทึกค่าที่พิมพ์ แล้วไปเกณฑ์ถัดไป", en: "save what was typed, next criterion", hintTH: "ถัดไป", hintEN: "next"),
        .init(context: .sheet, keys: [.up, .backTab], label: "↑", action: .up, th: "เกณฑ์ก่อนหน้า", en: "previous criterion"),
        .init(context: .sheet, keys: [.char("+"), .char("=")], label: "+", action: .stepUp, th: "เพิ่มครึ่งคะแนน (ตามขั้น)", en: "one step up"),
        .init(context: .sheet, keys: [.char("-")], label: "-", action: .stepDown, th: "ลดครึ่งคะแนน (ตามขั้น)", en: "one step down"),
        .init(context: .sheet, keys: [.char("x"), .delete], label: "x", action: .clear, th: "ล้างคะแนนเกณฑ์นี้", en: "clear this score"),
        .init(context: .sheet, keys: [.char("n")], label: "n", action: .note, th: "บันทึกของเกณฑ์นี้", en: "note on this criterion", hintTH: "บันทึก", hintEN: "note"),
        .init(context: .sheet, keys: [.char("N")], label: "N", action: .entryNote, th: "บันทึกของผลงาน", en: "note on the entry"),
        .init(context: .sheet, keys: [.char("s")], label: "s", action: .submit, th: "ส่งคะแนน (ยืนยัน y/n)", en: "submit (asks y/n)", hintTH: "ส่ง", hintEN: "submit"),
        .init(context: .sheet, keys: [.char("r")], label: "r", action: .recuse, th: "ถอนตัว (มีส่วนได้เสีย)", en: "recuse (conflict of interest)"),
        .init(context: .sheet, keys: [.char("u")], label: "u", action: .undo, th: "ย้อนการแก้ไขล่าสุด", en: "undo the last change", hintTH: "ย้อน", hintEN: "undo"),
        .init(context: .sheet, keys: [.char("["), .pageUp], label: "[ PgUp", action: .previousEntry, th: "ผลงานก่อนหน้า", en: "previous entry"),
        .init(context: .sheet, keys: [.char("]"), .pageDown], label: "] PgDn", action: .nextEntry, th: "ผลงานถัดไป", en: "next entry", hintTH: "ผลงานถัดไป", hintEN: "next entry"),
        .init(context: .sheet, keys: [.char("?")], label: "?", action: .help, th: "ปุ่มทั้งหมด", en: "all keys", hintTH: "ปุ่ม", hintEN: "keys"),
        .init(context: .sheet, keys: [.char("q"), .escape, .left], label: "q Esc", action: .back, th: "กลับไปรายการ", en: "back to the list", hintTH: "กลับ", hintEN: "back"),

        .init(context: .chair, keys: [.up, .char("k")], label: "↑ k", action: .up, th: "ขึ้น", en: "up"),
        .init(context: .chair, keys: [.down, .char("j")], label: "↓ j", action: .down, th: "ลง", en: "down"),
        .init(context: .chair, keys: [.pageUp], label: "PgUp", action: .pageUp, th: "ขึ้นหนึ่งหน้า", en: "page up"),
        .init(context: .chair, keys: [.pageDown], label: "PgDn", action: .pageDown, th: "ลงหนึ่งหน้า", en: "page down"),
        .init(context: .chair, keys: [.home, .char("g")], label: "Home g", action: .home, th: "บนสุด", en: "top"),
        .init(context: .chair, keys: [.end, .char("G")], label: "End G", action: .end, th: "ล่างสุด", en: "bottom"),
        .init(context: .chair, keys: [.tab], label: "Tab 1-7", action: .nextTab, th: "หน้าถัดไป (หรือกดเลขหน้า)", en: "next screen (or its number)",
              hintTH: "หน้า", hintEN: "screen"),
        .init(context: .chair, keys: [.backTab], label: "S-Tab", action: .previousTab, th: "หน้าก่อนหน้า", en: "previous screen"),
        .init(context: .chair, keys: [.enter], label: "Enter", action: .open, th: "ดูผลงานที่เลือกทั้งหมด (หน้า 3)", en: "the selected entry in full (screen 3)"),
        .init(context: .chair, keys: [.char("["), .char("]")], label: "[ ]", action: .nextEntry, th: "ผลงานก่อนหน้า / ถัดไป", en: "previous / next entry"),
        .init(context: .chair, keys: [.left, .right], label: "← →", action: .right, th: "เลื่อนคอลัมน์กรรมการ (หน้า 2)", en: "scroll the judges (screen 2)"),
        .init(context: .chair, keys: [.char("m")], label: "m", action: .method, th: "เปลี่ยนวิธีรวมคะแนน: เฉลี่ย / มัธยฐาน / ตัดปลาย / ปรับมาตรฐาน",
              en: "next method: mean / median / trimmed / normalised", hintTH: "วิธีรวม", hintEN: "method"),
        .init(context: .chair, keys: [.char("a")], label: "a", action: .award, th: "ตัดสินรางวัลของผลงานที่เลือก (พร้อมเหตุผล)",
              en: "set the selected entry's award (with a reason)", hintTH: "รางวัล", hintEN: "award"),
        .init(context: .chair, keys: [.char("o")], label: "o", action: .reopen, th: "เปิดแก้ไขใบให้คะแนนของกรรมการ (พร้อมเหตุผล)",
              en: "reopen a judge's sheet (with a reason)"),
        .init(context: .chair, keys: [.char("e")], label: "e", action: .export, th: "ส่งออกอันดับ (CSV, JSON, Markdown) และประกาศผล ไปที่ exports/",
              en: "export the ranking (CSV, JSON, Markdown) and the announcement to exports/"),
        .init(context: .chair, keys: [.char("?")], label: "?", action: .help, th: "ปุ่มทั้งหมดและความหมายของสัญลักษณ์", en: "all keys and what the marks mean",
              hintTH: "ปุ่ม", hintEN: "keys"),
        .init(context: .chair, keys: [.char("q"), .escape], label: "q", action: .quit, th: "ออก", en: "quit", hintTH: "ออก", hintEN: "quit"),
    ]

    public static func action(for key: Key, in context: Binding.Context) -> Action? {
        // Keys that share one line of help but mean two things.
        if context == .chair {
            if key == .char("[") { return .previousEntry }
            if key == .left { return .left }
        }
        return bindings.first { $0.context == context && $0.keys.contains(key) }?.action
    }

    /// The short hints on the bottom row.
    /// A submitted or recused sheet (`readOnly`) shows only the keys that still do something.
    static func hints(_ context: Binding.Context, _ s: Strings, readOnly: Bool = false) -> String {
        let wanted: [Action]
        switch context {
        case .list: wanted = [.open, .search, .filter, .sort, .help, .quit]
        case .sheet: wanted = readOnly ? [.down, .nextEntry, .help, .back] : [.down, .submit, .note, .undo, .nextEntry, .help, .back]
        case .chair: wanted = [.nextTab, .method, .award, .help, .quit]
        }
        return wanted.compactMap { a in
            bindings.first { $0.context == context && $0.action == a }.map { b in
                let key = b.label.split(separator: " ").first.map(String.init) ?? b.label
                return key + " " + ((s.language == .th ? b.hintTH : b.hintEN) ?? "")
            }
        }.joined(separator: "  ")
    }
}
