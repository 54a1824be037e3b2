/// Reads contest.json and entries.json into a `Contest`, checking every field and
/// naming the file, line and field of the first problem.
public enum ContestParser {
    public static let reservedTierWords: Set<String> = [Contest.noAward, Contest.proposedAward]
    public static let chairFileName = "chair"

    public static func parse(contestJSON: [UInt8], entriesJSON: [UInt8],
                             contestFile: String = "contest.json", entriesFile: String = "entries.json") throws -> Contest {
        let definition = try parseDefinition(contestJSON, file: contestFile)
        return definition.with(entries: try parseEntries(entriesJSON, file: entriesFile))
    }

    /// contest.json alone: the contest without its entries.
    public static func parseDefinition(_ contestJSON: [UInt8], file contestFile: String = "contest.json") throws -> Contest {
        let root = try document(contestJSON, file: contestFile)
        let c = try Fields(root, file: contestFile, path: "")
        try c.allowOnly(["id", "name", "categories", "criteria", "step", "awards", "quorum", "tieBreak", "thresholds", "judges", "chairs",
                         "access", "groups", "eligibility", "announcement", "method", "conflictRules", "timeZone", "import",
                         "round", "previousRound", "carry", "print"])

        let id = try c.identifier("id")
        let name = try c.text("name")

        var categories: [Contest.Category] = []
        for item in try c.objects("categories", nonEmpty: true) {
            try item.allowOnly(["id", "title"])
            let cat = Contest.Category(id: try item.identifier("id"), title: try item.text("title"))
            if categories.contains(where: { $0.id == cat.id }) { throw item.error("id", th: "รหัสหมวด \"\(cat.id)\" ซ้ำ", en: "duplicate category id \"\(cat.id)\"") }
            categories.append(cat)
        }

        let step = try c.number("step")
        if !(step > 0) { throw c.error("step", th: "ต้องมากกว่า 0", en: "must be above 0") }

        var criteria: [Contest.Criterion] = []
        for item in try c.objects("criteria", nonEmpty: true) {
            try item.allowOnly(["id", "category", "title", "short", "max", "levels"])
            let cid = try item.identifier("id")
            if criteria.contains(where: { $0.id == cid }) { throw item.error("id", th: "รหัสเกณฑ์ \"\(cid)\" ซ้ำ", en: "duplicate criterion id \"\(cid)\"") }
            let category = try item.text("category")
            if !categories.contains(where: { $0.id == category }) { throw item.error("category", th: "ไม่มีหมวดรหัส \"\(category)\"", en: "no category has id \"\(category)\"") }
            let title = try item.text("title")
            let short = try item.optionalText("short") ?? title
            let max = try item.number("max")
            if !(max > 0) { throw item.error("max", th: "ต้องมากกว่า 0 ไม่ใช่ \(JSONWriter.numberText(max))", en: "must be above 0, got \(JSONWriter.numberText(max))") }
            let k = max / step
            if abs(k - k.rounded()) > 1e-9 { throw item.error("max", th: "ต้องเป็นจำนวนเต็มเท่าของขั้น (\(JSONWriter.numberText(step)))", en: "must be a whole number of steps (\(JSONWriter.numberText(step)))") }
            var levels: [Contest.Level] = []
            if item.has("levels") {
                for (k, level) in try item.objects("levels", nonEmpty: false).enumerated() {
                    try level.allowOnly(["from", "to", "text"])
                    let from = try level.number("from"), to = try level.number("to")
                    let text = try level.text("text")
                    for (key, v) in [("from", from), ("to", to)] {
                        if v < 0 || v > max { throw level.error(key, th: "ต้องอยู่ใน 0…\(JSONWriter.numberText(max)) ไม่ใช่ \(JSONWriter.numberText(v))",
                                                                          en: "must lie in 0…\(JSONWriter.numberText(max)), got \(JSONWriter.numberText(v))") }
                        let s = v / step
                        if abs(s - s.rounded()) > 1e-9 { throw level.error(key, th: "ต้องเป็นจำนวนเต็มเท่าของขั้น (\(JSONWriter.numberText(step)))",
                                                                                            en: "must be a whole number of steps (\(JSONWriter.numberText(step)))") }
                    }
                    if from > to { throw level.error("to", th: "ต้องไม่น้อยกว่า \"from\"", en: "must not be below \"from\"") }
                    if let previous = levels.last, from <= previous.to {
                        throw level.error("from", th: "levels[\(k)] ต้องเริ่มสูงกว่าระดับก่อนหน้า ซึ่งจบที่ \(JSONWriter.numberText(previous.to))", en: "levels[\(k)] must start above the level before it, which ends at \(JSONWriter.numberText(previous.to))")
                    }
                    levels.append(.init(from: from, to: to, text: text))
                }
            }
            criteria.append(.init(id: cid, category: category, title: title, short: short, max: max, levels: levels))
        }

        var awards: [Contest.AwardTier] = []
        for item in try c.objects("awards", nonEmpty: false) {
            try item.allowOnly(["id", "title", "count"])
            let aid = try item.identifier("id")
            if reservedTierWords.contains(aid) { throw item.error("id", th: "\"\(aid)\" เป็นคำสงวน", en: "\"\(aid)\" is reserved") }
            if awards.contains(where: { $0.id == aid }) { throw item.error("id", th: "รหัสประเภทรางวัล \"\(aid)\" ซ้ำ", en: "duplicate award id \"\(aid)\"") }
            let count = try item.integer("count")
            if count < 1 { throw item.error("count", th: "ต้องไม่น้อยกว่า 1", en: "must be at least 1") }
            awards.append(.init(id: aid, title: try item.text("title"), count: count))
        }

        let quorum = try c.integer("quorum")
        if quorum < 1 { throw c.error("quorum", th: "ต้องไม่น้อยกว่า 1", en: "must be at least 1") }

        var tieBreak: [String]? = nil
        if c.has("tieBreak") {
            let list = try c.strings("tieBreak")
            for (k, t) in list.enumerated() {
                if !criteria.contains(where: { $0.id == t }) { throw c.error("tieBreak[\(k)]", th: "ไม่มีเกณฑ์รหัส \"\(t)\"", en: "no criterion has id \"\(t)\"") }
                if list[..<k].contains(t) { throw c.error("tieBreak[\(k)]", th: "\"\(t)\" มีซ้ำสองครั้ง", en: "\"\(t)\" is listed twice") }
            }
            tieBreak = list
        }

        var thresholds = Contest.Thresholds()
        if c.has("thresholds") {
            let t = try c.object("thresholds")
            try t.allowOnly(["spread", "outlier", "uncertain", "haloRatio", "haloMinSheets", "flatShare", "flatMinSheets",
                             "driftP", "driftRho", "driftMinSheets", "severitySD", "severityMinSheets"])
            if t.has("spread") { thresholds.spread = try t.number("spread") }
            if t.has("outlier") { thresholds.outlier = try t.number("outlier") }
            if !(thresholds.spread > 0) { throw t.error("spread", th: "ต้องมากกว่า 0", en: "must be above 0") }
            if !(thresholds.outlier > 0) { throw t.error("outlier", th: "ต้องมากกว่า 0", en: "must be above 0") }
            try parseStatisticsThresholds(t, into: &thresholds)
        }

        var judges: [Contest.Judge] = []
        for item in try c.objects("judges", nonEmpty: false) {
            try item.allowOnly(["id", "name", "user", "province", "organisations", "maxLoad", "position"])
            let jid = try item.identifier("id")
            if [chairFileName, Ledger.chairsFolder, Ledger.witnessFolder].contains(jid) || jid.hasPrefix(Ledger.deliveryPrefix) {
                throw item.error("id", th: "\"\(jid)\" สงวนไว้สำหรับแฟ้มสมุดคะแนนของประธานกรรมการและของผู้เป็นพยาน", en: "\"\(jid)\" is reserved for the chairs' and the witness's ledger files")
            }
            if judges.contains(where: { $0.id == jid }) { throw item.error("id", th: "รหัสกรรมการ \"\(jid)\" ซ้ำ", en: "duplicate judge id \"\(jid)\"") }
            let user = try item.identifier("user")
            if judges.contains(where: { $0.user == user }) { throw item.error("user", th: "ชื่อผู้ใช้ \"\(user)\" ซ้ำ", en: "duplicate login \"\(user)\"") }
            var maxLoad: Int? = nil
            if item.has("maxLoad") {
                maxLoad = try item.integer("maxLoad")
                if maxLoad! < 1 { throw item.error("maxLoad", th: "ต้องไม่น้อยกว่า 1 ไม่ใช่ \(maxLoad!)", en: "must be at least 1, got \(maxLoad!)") }
            }
            let organisations = item.has("organisations") ? try item.strings("organisations") : []
            for (k, o) in organisations.enumerated() where MatchKey.compact(o).isEmpty {
                throw item.error("organisations[\(k)]", th: "ต้องระบุหน่วยงาน", en: "must name an organisation")
            }
            judges.append(.init(id: jid, name: try item.text("name"), user: user, province: try item.optionalText("province") ?? "",
                                organisations: organisations, maxLoad: maxLoad, position: try item.optionalText("position") ?? ""))
        }

        let chairs = try c.strings("chairs")
        for (k, user) in chairs.enumerated() {
            if !Fields.isIdentifier(user) { throw c.error("chairs[\(k)]", th: "\"\(user)\" ไม่ใช่ชื่อผู้ใช้", en: "\"\(user)\" is not a login name") }
            if chairs[..<k].contains(user) { throw c.error("chairs[\(k)]", th: "\"\(user)\" มีซ้ำสองครั้ง", en: "\"\(user)\" is listed twice") }
            // One person, one role: a chair who also judged would read the other judges' scores.
            if let j = judges.firstIndex(where: { $0.user == user }) {
                throw c.error("chairs[\(k)]", th: "\"\(user)\" เป็นชื่อผู้ใช้ของกรรมการ \(judges[j].id) ด้วย ผู้ใช้หนึ่งคนเป็นกรรมการหรือประธานกรรมการ ไม่ใช่ทั้งสองอย่าง", en: "\"\(user)\" is also the login of judge \(judges[j].id); a login is a judge or a chair, not both")
            }
        }

        var contest = Contest(id: id, name: name, categories: categories, criteria: criteria, step: step, awards: awards,
                              quorum: quorum, tieBreak: tieBreak, thresholds: thresholds, judges: judges, chairs: chairs,
                              entries: [])
        if c.has("announcement") {
            let a = try c.object("announcement")
            try a.allowOnly(["heading", "tier", "columns", "signedBy", "signedAs"])
            if a.has("heading") { contest.announcement.heading = try a.text("heading") }
            if a.has("signedBy") { contest.announcement.signedBy = try a.text("signedBy") }
            if a.has("signedAs") { contest.announcement.signedAs = try a.text("signedAs") }
            if a.has("tier") { contest.announcement.tier = try a.text("tier") }
            if a.has("columns") {
                let columns = try a.strings("columns")
                if columns.count != 3 { throw a.error("columns", th: "ต้องระบุ 3 คอลัมน์: organisation, province, title", en: "must name the 3 columns: organisation, province, title") }
                contest.announcement.columns = columns
            }
        }
        if c.has("print") {
            let p = try c.object("print")
            try p.allowOnly(["font"])
            if p.has("font") {
                let font = try p.text("font")
                // A Pango font description: a comma or a size would be read as something else than a family.
                if font.contains(where: { $0 == "," || $0.isNewline }) || font.last?.isNumber == true {
                    throw p.error("font", th: "ต้องระบุแบบอักษรหนึ่งชุด (เช่น \"TH Sarabun New\") ไม่ใช่ \"\(font)\"", en: "must name one font family (such as \"TH Sarabun New\"), got \"\(font)\"")
                }
                contest.printFont = font
            }
        }
        if c.has("timeZone") {
            let name = try c.text("timeZone")
            guard let zone = ContestTimeZone(identifier: name) else {
                throw c.error("timeZone", th: "\"\(name)\" ไม่ใช่เขตเวลาที่ระบบนี้รู้จัก ใช้ชื่อแบบ IANA เช่น \"Asia/Bangkok\"", en: "\"\(name)\" is not a time zone this system knows; use an IANA name such as \"Asia/Bangkok\"")
            }
            contest.timeZone = zone
        }
        if c.has("eligibility") { contest.eligibility = try parseEligibility(try c.object("eligibility")) }
        if c.has("method") {
            let word = try c.text("method")
            guard let method = Method(rawValue: word) else {
                throw c.error("method", th: "ต้องเป็น \"mean\", \"median\", \"trimmed\" หรือ \"normalised\" ไม่ใช่ \"\(word)\"", en: "must be \"mean\", \"median\", \"trimmed\" or \"normalised\", got \"\(word)\"")
            }
            contest.method = method
        }
        if c.has("access") {
            let word = try c.text("access")
            guard let access = Contest.Access(rawValue: word) else { throw c.error("access", th: "ต้องเป็น \"logins\" หรือ \"open\" ไม่ใช่ \"\(word)\"", en: "must be \"logins\" or \"open\", got \"\(word)\"") }
            contest.access = access
        }
        if c.has("conflictRules") {
            var rules: [Contest.ConflictRule] = []
            for (k, word) in try c.strings("conflictRules").enumerated() {
                guard let rule = Contest.ConflictRule(rawValue: word) else {
                    throw c.error("conflictRules[\(k)]", th: "ต้องเป็น \"province\" หรือ \"organisation\" ไม่ใช่ \"\(word)\"", en: "must be \"province\" or \"organisation\", got \"\(word)\"")
                }
                if rules.contains(rule) { throw c.error("conflictRules[\(k)]", th: "\"\(word)\" มีซ้ำสองครั้ง", en: "\"\(word)\" is listed twice") }
                rules.append(rule)
            }
            contest.conflictRules = rules
        }
        if c.has("import") {
            let i = try c.object("import")
            try i.allowOnly(["attachmentLimitMB", "messageLimitMB"])
            func megabytes(_ key: String) throws -> Int? {
                guard i.has(key) else { return nil }
                let v = try i.number(key)
                guard v > 0, v <= 4096 else { throw i.error(key, th: "ต้องมากกว่า 0 และไม่เกิน 4096 (MB) ไม่ใช่ \(JSONWriter.numberText(v))",
                                                       en: "must be above 0 and at most 4096 (MB), got \(JSONWriter.numberText(v))") }
                return Int(v * Double(Contest.ImportLimits.bytesPerMB))
            }
            if let b = try megabytes("attachmentLimitMB") { contest.importLimits.attachmentBytes = b }
            if let b = try megabytes("messageLimitMB") { contest.importLimits.messageBytes = b }
            if contest.importLimits.messageBytes < contest.importLimits.attachmentBytes {
                throw i.error(i.has("messageLimitMB") ? "messageLimitMB" : "attachmentLimitMB",
                              th: "ขนาดสูงสุดของอีเมลหนึ่งฉบับต้องไม่น้อยกว่าขนาดสูงสุดของแฟ้มแนบหนึ่งแฟ้ม",
                              en: "the limit for one message must be at least the limit for one attachment")
            }
        }
        if c.has("round") {
            let r = try c.object("round")
            try r.allowOnly(["number", "title"])
            let number = try r.integer("number")
            if number < 1 { throw r.error("number", th: "ต้องไม่น้อยกว่า 1", en: "must be at least 1") }
            contest.round = Contest.RoundInfo(number: number, title: try r.optionalText("title") ?? "")
        }
        if c.has("previousRound") {
            let p = try c.object("previousRound")
            try p.allowOnly(["folder", "seal", "advance"])
            let folder = try p.text("folder")
            if folder.hasPrefix("/") { throw p.error("folder", th: "ต้องเป็นที่อยู่เทียบกับโฟลเดอร์ของการประกวดนี้ เช่น \"../round-1\"", en: "must be a path relative to this contest's folder, such as \"../round-1\"") }
            func hex(_ f: Fields, _ key: String) throws -> String {
                let h = try f.text(key)
                guard h.utf8.count == 64, h.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                    throw f.error(key, th: "ต้องเป็นเลขฐานสิบหกตัวพิมพ์เล็ก 64 หลัก ไม่ใช่ \"\(h)\"", en: "must be 64 lower-case hex digits, got \"\(h)\"")
                }
                return h
            }
            let seal = try hex(p, "seal")
            let a = try p.object("advance")
            try a.allowOnly(["file", "seq", "hash"])
            let file = try a.text("file")
            guard file.hasPrefix(ContestFolder.ledgerFolder + "/chairs/"), file.hasSuffix(".jsonl"), !file.contains("/../") else {
                throw a.error("file", th: "ต้องเป็นแฟ้มสมุดคะแนนของประธานกรรมการ เช่น \"ledger/chairs/chair1.jsonl\" ไม่ใช่ \"\(file)\"", en: "must be a chair's ledger file, such as \"ledger/chairs/chair1.jsonl\", got \"\(file)\"")
            }
            let seq = try a.integer("seq")
            if seq < 1 { throw a.error("seq", th: "ต้องไม่น้อยกว่า 1", en: "must be at least 1") }
            contest.previousRound = Contest.PreviousRound(folder: folder, seal: seal, advanceFile: file, advanceSeq: seq,
                                                          advanceHash: try hex(a, "hash"))
        }
        if c.has("carry") {
            let k = try c.object("carry")
            try k.allowOnly(["weight"])
            let w = try k.number("weight")
            guard w > 0, w < 1 else { throw k.error("weight", th: "ต้องมากกว่า 0 และน้อยกว่า 1 (สัดส่วนคะแนนของรอบก่อน)", en: "must be above 0 and below 1 (the earlier round's share of the score)") }
            guard contest.previousRound != nil else {
                throw c.error("carry", th: "นับคะแนนของรอบก่อน แต่การประกวดนี้ไม่มี previousRound", en: "counts an earlier round's score, but this contest has no previousRound")
            }
            contest.carry = w
        }
        if c.has("groups") {
            let g = try c.object("groups")
            try g.allowOnly(["panel", "chairs"])
            for key in ["panel", "chairs"] where g.has(key) {
                let name = try g.text(key)
                if !Fields.isGroupName(name) { throw g.error(key, th: "\"\(name)\" ไม่ใช่ชื่อกลุ่มของ Unix (a–z, 0–9, '_', '-' ไม่เกิน 32 ตัว)",
                                                                 en: "\"\(name)\" is not a Unix group name (a–z, 0–9, '_', '-'; at most 32)") }
                if key == "panel" { contest.groups.panel = name } else { contest.groups.chairs = name }
            }
            if contest.groups.panel == contest.groups.chairs { throw g.error("chairs", th: "ต้องไม่ใช่กลุ่มเดียวกับของกรรมการ", en: "must differ from the panel's group") }
        }
        return contest
    }

    /// The thresholds of the panel's statistics (docs/scoring.md): none of them changes a score,
    /// a rank or an award, so they are left out of the rules hash.
    static func parseStatisticsThresholds(_ t: Fields, into thresholds: inout Contest.Thresholds) throws {
        func share(_ key: String, _ value: inout Double, aboveZero: Bool) throws {
            guard t.has(key) else { return }
            let v = try t.number(key)
            if aboveZero ? !(v > 0 && v <= 1) : !(v >= 0 && v <= 1) {
                throw t.error(key, th: (aboveZero ? "ต้องมากกว่า 0 และไม่เกิน 1" : "ต้องอยู่ใน 0…1") + " ไม่ใช่ \(JSONWriter.numberText(v))",
                              en: (aboveZero ? "must be above 0 and at most 1" : "must lie in 0…1") + ", got \(JSONWriter.numberText(v))")
            }
            value = v
        }
        func positive(_ key: String, _ value: inout Double) throws {
            guard t.has(key) else { return }
            let v = try t.number(key)
            if !(v > 0) { throw t.error(key, th: "ต้องมากกว่า 0 ไม่ใช่ \(JSONWriter.numberText(v))", en: "must be above 0, got \(JSONWriter.numberText(v))") }
            value = v
        }
        func sheets(_ key: String, _ value: inout Int, atLeast least: Int, why: Phrase = Phrase("", "")) throws {
            guard t.has(key) else { return }
            let n = try t.integer(key)
            if n < least { throw t.error(key, th: "ต้องไม่น้อยกว่า \(least)\(why.th) ไม่ใช่ \(n)", en: "must be at least \(least)\(why.en), got \(n)") }
            value = n
        }
        try share("uncertain", &thresholds.uncertain, aboveZero: false)
        try positive("haloRatio", &thresholds.patterns.haloRatio)
        try sheets("haloMinSheets", &thresholds.patterns.haloMinSheets, atLeast: 1)
        try share("flatShare", &thresholds.patterns.flatShare, aboveZero: true)
        try sheets("flatMinSheets", &thresholds.patterns.flatMinSheets, atLeast: 1)
        try share("driftP", &thresholds.patterns.driftP, aboveZero: true)
        try share("driftRho", &thresholds.patterns.driftRho, aboveZero: false)
        try sheets("driftMinSheets", &thresholds.patterns.driftMinSheets, atLeast: 3, why: Phrase(" (สหสัมพันธ์ของอันดับต้องมีใบให้คะแนนสามใบ)", " (a rank correlation needs three sheets)"))
        try positive("severitySD", &thresholds.patterns.severitySD)
        try sheets("severityMinSheets", &thresholds.patterns.severityMinSheets, atLeast: 1)
    }

    public static let entryFields = ["id", "organisation", "district", "province", "region", "title",
                                     "coordinator", "phone", "email", "position", "advisor",
                                     "inUseSince", "messageId", "documents"]
    public static let documentFields = ["name", "type", "size", "text", "pixels", "note"]

    public static func parseEntries(_ bytes: [UInt8], file: String) throws -> [Contest.Entry] {
        let root = try document(bytes, file: file)
        guard case .array(let items) = root.value else {
            throw InputError(file: file, line: root.line, field: nil, th: "ต้องเป็นรายการผลงาน ไม่ใช่\(root.value.kindNameThai)",
                             en: "must be a list of entries, got \(root.value.kindName)")
        }
        var entries: [Contest.Entry] = []
        var seen = Set<String>()
        for (k, item) in items.enumerated() {
            let e = try Fields(item, file: file, path: "[\(k)]")
            try e.allowOnly(entryFields)
            let id = try e.identifier("id")
            if !seen.insert(id).inserted { throw e.error("id", th: "รหัสผลงาน \"\(id)\" ซ้ำ", en: "duplicate entry id \"\(id)\"") }
            func opt(_ key: String) throws -> String { try e.optionalText(key) ?? "" }
            var inUseSince: CalendarDate? = nil
            if let text = try e.optionalText("inUseSince"), !text.isEmpty {
                guard let date = CalendarDate(iso: text) else { throw e.error("inUseSince", th: "\"\(text)\" ไม่ใช่วันที่ (YYYY-MM-DD)", en: "\"\(text)\" is not a date (YYYY-MM-DD)") }
                inUseSince = date
            }
            var documents: [Contest.Document] = []
            if e.has("documents") {
                for item in try e.objects("documents", nonEmpty: false) { documents.append(try parseDocument(item, entryID: id)) }
            }
            entries.append(.init(id: id, organisation: try e.text("organisation"), district: try opt("district"),
                                 province: try opt("province"), region: try opt("region"), title: try e.text("title"),
                                 coordinator: try opt("coordinator"), phone: try opt("phone"), email: try opt("email"),
                                 position: try opt("position"), advisor: try opt("advisor"), inUseSince: inUseSince,
                                 messageId: try opt("messageId"), documents: documents))
        }
        return entries
    }

    /// One of an entry's documents. Its name must be a plain file name and its text a path
    /// inside the contest folder, so that a hand-edited entries.json cannot point outside it.
    static func parseDocument(_ d: Fields, entryID: String) throws -> Contest.Document {
        try d.allowOnly(documentFields)
        let name = try d.text("name")
        if !isPlainFileName(name) { throw d.error("name", th: "\"\(name)\" ไม่ใช่ชื่อแฟ้มธรรมดา", en: "\"\(name)\" is not a plain file name") }
        let size = try d.integer("size")
        if size < 0 { throw d.error("size", th: "ต้องไม่ติดลบ", en: "must not be negative") }
        var document = Contest.Document(name: name, type: try d.optionalText("type") ?? "", size: size)
        if let text = try d.optionalText("text"), !text.isEmpty {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            if text.hasPrefix("/") || parts.contains(where: { $0.isEmpty || !isPlainFileName(String($0)) }) {
                throw d.error("text", th: "\"\(text)\" ไม่ใช่ที่อยู่ภายในโฟลเดอร์การประกวด", en: "\"\(text)\" is not a path inside the contest folder")
            }
            document.text = text
        }
        if d.has("pixels") {
            let p = try d.object("pixels")
            try p.allowOnly(["width", "height"])
            let width = try p.integer("width"), height = try p.integer("height")
            if width < 1 || height < 1 { throw p.error("width", th: "ต้องไม่น้อยกว่า 1", en: "must be at least 1") }
            document.pixels = .init(width: width, height: height)
        }
        if let note = try d.optionalText("note"), !note.isEmpty { document.note = note }
        return document
    }

    /// A name that is one file in one folder: not empty, not . or .., no slash or NUL.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(0x2F) && !name.utf8.contains(0)
    }

    private static func document(_ bytes: [UInt8], file: String) throws -> JSONValue.Located {
        do {
            return try JSONParser.parse(bytes)
        } catch let e as JSONSyntaxError {
            throw InputError(file: file, line: e.line, field: nil, th: e.thai, en: e.message)
        }
    }
}

/// Typed access to the members of one JSON object, with errors that name file, line and field path.
struct Fields {
    let members: [(key: String, value: JSONValue.Located)]
    let line: Int
    let file: String
    let path: String

    init(_ located: JSONValue.Located, file: String, path: String) throws {
        guard case .object(let members) = located.value else {
            throw InputError(file: file, line: located.line, field: path.isEmpty ? nil : path,
                             th: "ต้องเป็นออบเจกต์ ไม่ใช่\(located.value.kindNameThai)", en: "must be an object, got \(located.value.kindName)")
        }
        self.members = members
        self.line = located.line
        self.file = file
        self.path = path
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
        } && s.first != "." && s.first != "-"
    }

    /// What `groupadd` accepts by default (shadow's NAME_REGEX): a lower-case letter or
    /// underscore, then lower-case letters, digits, '_' and '-'.
    static func isGroupName(_ s: String) -> Bool {
        guard let first = s.utf8.first, s.utf8.count <= 32 else { return false }
        guard (first >= 0x61 && first <= 0x7A) || first == 0x5F else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
    }

    func fieldPath(_ key: String) -> String {
        if key.hasPrefix("[") { return path + key }
        return path.isEmpty ? key : path + "." + key
    }

    func error(_ key: String, th: String, en: String) -> InputError {
        InputError(file: file, line: located(key)?.line ?? line, field: fieldPath(key), th: th, en: en)
    }

    /// The value at `key`, or at `key[k]`: item k of the array `key` (whose own line an error names).
    func located(_ key: String) -> JSONValue.Located? {
        if let m = member(key) { return m }
        guard key.hasSuffix("]"), let open = key.lastIndex(of: "["),
              let k = Int(key[key.index(after: open)..<key.index(before: key.endIndex)]),
              case .array(let items)? = member(String(key[..<open]))?.value, items.indices.contains(k) else { return nil }
        return items[k]
    }

    func has(_ key: String) -> Bool { member(key) != nil }

    func member(_ key: String) -> JSONValue.Located? { members.first { $0.key == key }?.value }

    func allowOnly(_ keys: [String]) throws {
        for m in members where !keys.contains(m.key) && !m.key.hasPrefix("_") {
            let expected = keys.joined(separator: ", ")
            throw InputError(file: file, line: m.value.line, field: fieldPath(m.key),
                             th: "ไม่รู้จักช่องนี้ (ช่องที่ใช้ได้: \(expected))", en: "unknown field (expected one of: \(expected))")
        }
    }

    func required(_ key: String) throws -> JSONValue.Located {
        guard let v = member(key) else {
            throw InputError(file: file, line: line, field: fieldPath(key), th: "ขาดหายไป", en: "missing")
        }
        return v
    }

    func text(_ key: String) throws -> String {
        let v = try required(key)
        guard case .string(let s) = v.value else { throw error(key, th: "ต้องเป็นข้อความ ไม่ใช่\(v.value.kindNameThai)", en: "must be a string, got \(v.value.kindName)") }
        if s.unicodeScalars.allSatisfy(\.properties.isWhitespace) { throw error(key, th: "ต้องไม่ว่าง", en: "must not be empty") }
        return s
    }

    func optionalText(_ key: String) throws -> String? {
        guard let v = member(key) else { return nil }
        if case .null = v.value { return nil }
        guard case .string(let s) = v.value else { throw error(key, th: "ต้องเป็นข้อความ ไม่ใช่\(v.value.kindNameThai)", en: "must be a string, got \(v.value.kindName)") }
        return s
    }

    func identifier(_ key: String) throws -> String {
        let s = try text(key)
        if !Fields.isIdentifier(s) { throw error(key, th: "\"\(s)\" ใช้เป็นรหัสไม่ได้ (ตัวอักษรอังกฤษ ตัวเลข '-', '_', '.' ไม่เกิน 64 ตัว)",
                                                  en: "\"\(s)\" is not a valid id (letters, digits, '-', '_', '.'; at most 64)") }
        return s
    }

    func number(_ key: String) throws -> Double {
        let v = try required(key)
        guard case .number(let n) = v.value else { throw error(key, th: "ต้องเป็นตัวเลข ไม่ใช่\(v.value.kindNameThai)", en: "must be a number, got \(v.value.kindName)") }
        return n
    }

    func integer(_ key: String) throws -> Int {
        let n = try number(key)
        guard n == n.rounded(), abs(n) < 1e9 else { throw error(key, th: "ต้องเป็นจำนวนเต็ม ไม่ใช่ \(JSONWriter.numberText(n))", en: "must be a whole number, got \(JSONWriter.numberText(n))") }
        return Int(n)
    }

    func array(_ key: String) throws -> [JSONValue.Located] {
        let v = try required(key)
        guard case .array(let items) = v.value else { throw error(key, th: "ต้องเป็นรายการ ไม่ใช่\(v.value.kindNameThai)", en: "must be a list, got \(v.value.kindName)") }
        return items
    }

    func object(_ key: String) throws -> Fields {
        try Fields(try required(key), file: file, path: fieldPath(key))
    }

    func objects(_ key: String, nonEmpty: Bool) throws -> [Fields] {
        let items = try array(key)
        if nonEmpty && items.isEmpty { throw error(key, th: "ต้องไม่ว่าง", en: "must not be empty") }
        return try items.enumerated().map { try Fields($0.element, file: file, path: fieldPath(key) + "[\($0.offset)]") }
    }

    func strings(_ key: String) throws -> [String] {
        try array(key).enumerated().map { k, item in
            guard case .string(let s) = item.value else {
                throw InputError(file: file, line: item.line, field: fieldPath(key) + "[\(k)]",
                                 th: "ต้องเป็นข้อความ ไม่ใช่\(item.value.kindNameThai)", en: "must be a string, got \(item.value.kindName)")
            }
            return s
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
