import KhanaenCore

/// What a key does, declared once: update looks keys up in a screen's keymap, and the help
/// screen and the hints row are drawn from the same tables.
public enum Action: Equatable, Sendable {
    case move(Movement)
    case open, search, filter, sort, help, quit, back, read
    case nextCriterion, previousCriterion, previousEntry, nextEntry, stepUp, stepDown, clear, note, entryNote, submit, recuse, undo
    case nextTab, previousTab, scrollLeft, scrollRight, method, makeOfficial, award, reopen, export
    case documents, nextPage, previousPage, nextDocument, previousDocument, nextMatch
    case recordOutcome
    case eligibility, decideEntry, decideRule
    case print
    case reassign
}

public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var action: Action
    /// What the key does, for the help.
    public var what: Phrase
    /// A word or two for the hints row, for the keys shown there.
    public var hint: Phrase?
    /// On the scoring sheet: the key acts while a score is being typed, on what was typed
    /// (saves it and moves, steps it, submits it, or leaves it in the field). Any other
    /// letter is then refused as not a digit.
    public var whileTyping: Bool

    public init(_ keys: [Key], _ label: String, _ action: Action, th: String, en: String, hintTH: String? = nil, hintEN: String? = nil,
                whileTyping: Bool = false) {
        self.whileTyping = whileTyping
        self.keys = keys
        self.label = label
        self.action = action
        what = Phrase(th, en)
        hint = hintTH.map { Phrase($0, hintEN ?? $0) }
    }
}

/// One screen's keys: its own bindings, then those it inherits (tig's generic keymap): the
/// movement keys are declared once and every list and text screen takes them.
extension Key {
    /// A question's yes: y, Y, or ั, the key in y's place on the Thai (Kedmanee) layout. Any
    /// other key is a no, in both programs.
    public var isYes: Bool { self == .char("y") || self == .char("Y") || self == .char("ั") }
}

public struct Keymap: Sendable {
    public let bindings: [Binding]

    public init(_ own: [Binding], inheriting parent: Keymap? = nil) {
        let taken = Set(own.flatMap(\.keys))
        bindings = own + (parent?.bindings ?? []).compactMap { b in
            var kept = b
            kept.keys = b.keys.filter { !taken.contains($0) }
            return kept.keys.isEmpty ? nil : kept
        }
    }

    /// The action of `key`; a letter typed in the Thai (Kedmanee) layout counts as the key
    /// in the same place on an English keyboard, so that a judge who forgot to switch layouts
    /// can still press `q`, `s` or `?`.
    public func action(for key: Key) -> Action? { binding(for: key)?.action }

    /// The binding of `key`, the Thai layout's letters read as the keys in their places.
    public func binding(for key: Key) -> Binding? {
        if let b = bindings.first(where: { $0.keys.contains(key) }) { return b }
        if case .char(let c) = key, let latin = Keymap.kedmanee[c] {
            return bindings.first { $0.keys.contains(.char(latin)) }
        }
        return nil
    }

    /// The short hints for the bottom row: each action's first key and its word.
    func hints(_ actions: [Action], _ s: Strings) -> String {
        actions.compactMap { a in
            bindings.first { $0.action == a }.map { b in
                let key = b.label.split(separator: " ").first.map(String.init) ?? b.label
                return key + " " + (b.hint?.text(s.language) ?? "")
            }
        }.joined(separator: "  ")
    }

    /// The Kedmanee layout's keys and the English keys in their places: the letter rows,
    /// unshifted, and the shifted keys that are commands here.
    static let kedmanee: [Character: Character] = {
        let pairs: [(String, String)] = [
            ("ๆไำพะัีรนยบล", "qwertyuiop[]"), ("ฟหกดเ้่าสวง", "asdfghjkl;'"), ("ผปแอิืทมใฝ", "zxcvbnm,./"),
            ("ขช", "-="), ("ฌ์ฦ", "GN?"),
        ]
        var map: [Character: Character] = [:]
        for (thai, latin) in pairs { for (t, l) in zip(thai.unicodeScalars, latin) { map[Character(t)] = l } }
        return map
    }()

    // MARK: the keymaps

    public static let movement = Keymap([
        Binding([.up, .char("k")], "↑ k", .move(.up), th: "ขึ้น", en: "up"),
        Binding([.down, .char("j")], "↓ j", .move(.down), th: "ลง", en: "down", hintTH: "เลื่อน", hintEN: "scroll"),
        Binding([.pageUp], "PgUp", .move(.pageUp), th: "ขึ้นหนึ่งหน้า", en: "page up"),
        Binding([.pageDown], "PgDn", .move(.pageDown), th: "ลงหนึ่งหน้า", en: "page down", hintTH: "หน้าถัดไป", hintEN: "next page"),
        Binding([.home, .char("g")], "Home g", .move(.home), th: "บนสุด", en: "top"),
        Binding([.end, .char("G")], "End G", .move(.end), th: "ล่างสุด", en: "bottom"),
    ])

    /// The judge's entry list.
    public static let list = Keymap([
        Binding([.enter, .right], "Enter", .open, th: "เปิดใบให้คะแนน", en: "open the sheet", hintTH: "ให้คะแนน", hintEN: "open"),
        Binding([.char("/")], "/", .search, th: "ค้นหา (พิมพ์ไทยได้)", en: "search", hintTH: "ค้นหา", hintEN: "search"),
        Binding([.char("f")], "f", .filter, th: "กรองตามสถานะ", en: "filter by status", hintTH: "กรอง", hintEN: "filter"),
        Binding([.char("o")], "o", .sort, th: "เรียงตาม รหัส / หน่วยงาน / คะแนน", en: "sort by id / organisation / total", hintTH: "เรียง", hintEN: "sort"),
        Binding([.char("p")], "p", .print, th: "พิมพ์ใบให้คะแนนของท่านเป็น PDF เพื่อลงนาม",
                en: "print my score sheet as a PDF to sign (says where it is written)"),
        Binding([.char("r")], "r", .recuse, th: "แจ้งมีส่วนได้เสีย ถอนตัว (y/n)", en: "declare a conflict, recuse (y/n)"),
        Binding([.char("?")], "?", .help, th: "ปุ่มทั้งหมด", en: "all keys", hintTH: "ปุ่ม", hintEN: "keys"),
        Binding([.char("q")], "q", .quit, th: "ออก", en: "quit", hintTH: "ออก", hintEN: "quit"),
    ], inheriting: movement)

    /// The judge's scoring sheet. Its arrows move between criteria, not through a list.
    public static let sheet = Keymap([
        Binding([.down, .tab, .enter], "↓ Tab Enter", .nextCriterion, th: "ยืนยันค่าที่พิมพ์ แล้วไปเกณฑ์ถัดไป",
                en: "save what was typed, next criterion", hintTH: "ถัดไป", hintEN: "next", whileTyping: true),
        Binding([.up, .backTab], "↑", .previousCriterion, th: "ยืนยันค่าที่พิมพ์ แล้วไปเกณฑ์ก่อนหน้า", en: "save what was typed, previous criterion", whileTyping: true),
        Binding([.char("+"), .char("=")], "+", .stepUp, th: "เพิ่มหนึ่งขั้นในช่อง (ยืนยันด้วย Enter หรือออกจากช่อง, Esc ยกเลิก)",
                en: "one step up in the field (saved on Enter or leaving it; Esc drops it)", whileTyping: true),
        Binding([.char("-")], "-", .stepDown, th: "ลดหนึ่งขั้นในช่อง (ยืนยันด้วย Enter หรือออกจากช่อง, Esc ยกเลิก)",
                en: "one step down in the field (saved on Enter or leaving it; Esc drops it)", whileTyping: true),
        Binding([.char("x"), .delete], "x", .clear, th: "ล้างคะแนนเกณฑ์นี้", en: "clear this score"),
        Binding([.char("n")], "n", .note, th: "ข้อสังเกตของเกณฑ์นี้", en: "note on this criterion", hintTH: "ข้อสังเกต", hintEN: "note"),
        Binding([.char("N")], "N", .entryNote, th: "ข้อสังเกตของผลงาน", en: "note on the entry"),
        Binding([.char("v")], "v", .read, th: "อ่านชื่อผลงาน เกณฑ์ และข้อสังเกตเต็ม", en: "read the title, criterion and notes in full",
                hintTH: "อ่าน", hintEN: "read"),
        Binding([.char("d")], "d", .documents, th: "อ่านเอกสารที่ผลงานส่งมา (ข้อมูลผลงาน แฟ้มแนบ)", en: "read the entry's documents (its fields, the files)",
                hintTH: "เอกสาร", hintEN: "docs", whileTyping: true),
        Binding([.char("s")], "s", .submit, th: "ส่งคะแนน (ยืนยัน y/n)", en: "submit (asks y/n)", hintTH: "ส่ง", hintEN: "submit", whileTyping: true),
        Binding([.char("r")], "r", .recuse, th: "แจ้งมีส่วนได้เสีย ถอนตัว (y/n)", en: "declare a conflict, recuse (y/n)"),
        Binding([.char("u")], "u", .undo, th: "ย้อนการแก้ไขล่าสุด (คะแนนหรือข้อสังเกต)", en: "undo the last change (a score or a note)",
                hintTH: "ย้อน", hintEN: "undo"),
        Binding([.char("["), .pageUp], "[ PgUp", .previousEntry, th: "ยืนยันค่าที่พิมพ์ แล้วไปผลงานก่อนหน้า", en: "save what was typed, previous entry", whileTyping: true),
        Binding([.char("]"), .pageDown], "] PgDn", .nextEntry, th: "ยืนยันค่าที่พิมพ์ แล้วไปผลงานถัดไป", en: "save what was typed, next entry",
                hintTH: "ผลงานถัดไป", hintEN: "next entry", whileTyping: true),
        Binding([.char("?")], "?", .help, th: "ปุ่มทั้งหมด", en: "all keys", hintTH: "ปุ่ม", hintEN: "keys"),
        Binding([.char("q"), .escape, .left], "q Esc ←", .back, th: "กลับไปรายการ (ยืนยันค่าที่พิมพ์ก่อน)", en: "back to the list (saves what was typed)",
                hintTH: "กลับ", hintEN: "back", whileTyping: true),
    ])

    /// A long text to read (the full title, criterion and notes).
    public static let reader = Keymap([
        Binding([.char("q"), .escape, .char("v")], "q Esc", .back, th: "กลับ", en: "back", hintTH: "กลับ", hintEN: "back"),
    ], inheriting: movement)

    /// An entry's documents, in the workstation and the console.
    public static let documents = Keymap([
        Binding([.char("]"), .right], "] →", .nextPage, th: "หน้า (สไลด์) ถัดไป", en: "next page (slide)", hintTH: "หน้าถัดไป", hintEN: "next page"),
        Binding([.char("["), .left], "[ ←", .previousPage, th: "หน้า (สไลด์) ก่อนหน้า", en: "previous page (slide)"),
        Binding([.tab], "Tab 1-9", .nextDocument, th: "เอกสารถัดไป (หรือกดเลขของเอกสาร)", en: "next document (or its number)", hintTH: "เอกสาร", hintEN: "document"),
        Binding([.backTab], "S-Tab", .previousDocument, th: "เอกสารก่อนหน้า", en: "previous document"),
        Binding([.char("/")], "/", .search, th: "ค้นหาในเอกสาร (พิมพ์ไทยได้)", en: "search the document", hintTH: "ค้นหา", hintEN: "search"),
        Binding([.char("n")], "n", .nextMatch, th: "คำที่ค้นถัดไป", en: "next match"),
        Binding([.char("q"), .escape, .char("d")], "q Esc d", .back, th: "กลับ", en: "back", hintTH: "กลับ", hintEN: "back"),
    ], inheriting: movement)

    /// The console's eligibility panel (`c`).
    public static let eligibility = Keymap([
        Binding([.enter], "Enter", .decideEntry, th: "วินิจฉัยคุณสมบัติของผลงานที่เลือก: ผ่าน ไม่ผ่าน หรือถอนคำวินิจฉัย (พร้อมเหตุผล ยืนยัน y/n)",
                en: "rule on the selected entry: pass, fail or withdraw (with a reason, asks y/n)", hintTH: "วินิจฉัยผลงานนี้", hintEN: "rule on it"),
        Binding([.char("r")], "r", .decideRule, th: "วินิจฉัยเกณฑ์หนึ่งสำหรับทุกผลงานที่รอ (พร้อมเหตุผล ยืนยัน y/n)",
                en: "rule on one rule for every entry waiting (with a reason, asks y/n)", hintTH: "ทั้งเกณฑ์", hintEN: "whole rule"),
        Binding([.char("f")], "f", .filter, th: "แสดงทุกผลงาน หรือเฉพาะที่รอคำวินิจฉัย", en: "every entry, or only those waiting",
                hintTH: "กรอง", hintEN: "filter"),
        Binding([.char("c"), .escape, .char("q")], "c Esc", .back, th: "กลับ", en: "back", hintTH: "กลับ", hintEN: "back"),
    ], inheriting: movement)

    /// The chair's console.
    public static let chair = Keymap([
        Binding([.tab], "Tab 1-8", .nextTab, th: "จอถัดไป (หรือกดเลขจอ)", en: "next screen (or its number)", hintTH: "จอ", hintEN: "screen"),
        Binding([.backTab], "S-Tab", .previousTab, th: "จอก่อนหน้า", en: "previous screen"),
        Binding([.enter], "Enter", .open, th: "ดูผลงานที่เลือกทั้งหมด (จอ 3)", en: "the selected entry in full (screen 3)"),
        Binding([.char("[")], "[", .previousEntry, th: "ผลงานก่อนหน้า", en: "previous entry"),
        Binding([.char("]")], "]", .nextEntry, th: "ผลงานถัดไป", en: "next entry"),
        Binding([.left], "←", .scrollLeft, th: "กรรมการคนก่อนหน้า (จอ 2)", en: "judges to the left (screen 2)"),
        Binding([.right], "→", .scrollRight, th: "กรรมการคนถัดไป (จอ 2)", en: "judges to the right (screen 2)"),
        Binding([.char("m")], "m", .method, th: "เปลี่ยนวิธีรวมคะแนน: เฉลี่ย / มัธยฐาน / ตัดปลาย / ปรับมาตรฐาน",
                en: "next method: mean / median / trimmed / normalised", hintTH: "วิธีรวม", hintEN: "method"),
        Binding([.char("M")], "M", .makeOfficial, th: "ตั้งวิธีที่แสดงอยู่เป็นวิธีทางการ (พร้อมเหตุผล)",
                en: "make the method shown the official one (with a reason)"),
        Binding([.char("a")], "a", .award, th: "ตัดสินรางวัลของผลงานที่เลือก (พร้อมเหตุผล)", en: "set the selected entry's award (with a reason)",
                hintTH: "รางวัล", hintEN: "award"),
        Binding([.char("d")], "d", .documents, th: "อ่านเอกสารของผลงานที่เลือก (ข้อมูลผลงาน แฟ้มแนบ)", en: "read the selected entry's documents"),
        Binding([.char("r")], "r", .recordOutcome, th: "ลงผลการหารือของรายการที่เลือก (จอ 8)", en: "record the panel's outcome of the selected item (screen 8)"),
        Binding([.char("f")], "f", .filter, th: "แสดงเฉพาะรายการที่ยังไม่ได้หารือ หรือทั้งหมด (จอ 8)", en: "open items only, or all (screen 8)"),
        Binding([.char("o")], "o", .reopen, th: "เปิดแก้ไขใบให้คะแนนของกรรมการ (พร้อมเหตุผล)", en: "reopen a judge's sheet (with a reason)"),
        Binding([.char("w")], "w", .reassign, th: "เพิ่มหรือถอนกรรมการของผลงานที่เลือก (จอ 4, พร้อมเหตุผล ยืนยัน y/n)",
                en: "give the selected entry to a judge, or take it from one (screen 4, with a reason, y/n)", hintTH: "มอบหมาย", hintEN: "assign"),
        Binding([.char("c")], "c", .eligibility, th: "คุณสมบัติของผลงาน: ผลของแต่ละเกณฑ์ และวินิจฉัย (พร้อมเหตุผล)",
                en: "eligibility: each entry's rules, and the chair's rulings (with a reason)"),
        Binding([.char("e")], "e", .export, th: "ส่งออกอันดับ (CSV, JSON, Markdown) และประกาศผล ไปที่ exports/",
                en: "export the ranking (CSV, JSON, Markdown) and the announcement to exports/"),
        Binding([.char("p")], "p", .print, th: "พิมพ์เอกสารลงนามเป็น PDF ไปที่ exports/: ใบให้คะแนน ใบสรุปผล แบบแสดงการมีส่วนได้เสีย ประกาศผล",
                en: "print a paper to sign as PDF into exports/: the sheets, the summary, the declarations, the announcement"),
        Binding([.char("?")], "?", .help, th: "ปุ่มทั้งหมดและความหมายของสัญลักษณ์", en: "all keys and what the marks mean", hintTH: "ปุ่ม", hintEN: "keys"),
        Binding([.char("q")], "q", .quit, th: "ออก", en: "quit", hintTH: "ออก", hintEN: "quit"),
    ], inheriting: movement)
}
