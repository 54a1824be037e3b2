import KhanaenCore
import KhanaenText

struct InitCommand: Command {
    static let name = "init"
    static let summary = Phrase("สร้างโฟลเดอร์การประกวดใหม่: เกณฑ์ รางวัล กติกาตามแม่แบบ ยังไม่มีผลงาน",
                                "make a new contest folder: the template's rules, no entries")
    static let usage = Phrase("""
    วิธีใช้: khanaen init DIR [--name NAME] [--lang th|en]
          khanaen init DIR --demo [--lang th|en]

    สร้าง DIR สำหรับการประกวดใหม่: contest.json ที่มีเกณฑ์ ประเภทรางวัล ลำดับการตัดสินเมื่อคะแนน
    เท่ากัน เกณฑ์ขั้นต่ำ และกติกาคุณสมบัติตามแม่แบบ (ของรางวัลท้องถิ่นดิจิทัล) รหัสที่ได้จากชื่อของ DIR และ
    ชื่อ NAME (ถ้าไม่ระบุ ใช้ชื่อของ DIR) entries.json ที่ว่าง และโฟลเดอร์ ledger/ ที่ว่าง วันที่ของ
    คุณสมบัติต้องกรอกเอง: เขียนไว้เป็น YYYY-MM-DD ใต้ "_eligibility" ซึ่งจะยังไม่ถูกอ่านจนกว่าจะ
    เปลี่ยนชื่อเป็น "eligibility" คำสั่งจะแจ้งว่าต้องแก้อะไรต่อ (docs/contest-format.md) DIR ต้อง
    ยังไม่มีอยู่หรือว่างเปล่า การประกวดใหม่มีสิทธิ์แบบ "logins": ผู้เป็นกรรมการกำหนดตามบัญชีผู้ใช้ของ
    ระบบปฏิบัติการ (docs/access.md)

      --demo   ใช้การประกวดตัวอย่างแทน: ผลงาน 20 รายการ (ผู้ได้รับรางวัลปี 2566) รหัส ชื่อ และ
               วันที่ของการประกวดตัวอย่าง โดยไม่มีสมุดคะแนน สำหรับทดลองใช้ Khanaen ไม่ใช่สำหรับ
               การประกวดจริง
      --lang L th (ค่าตั้งต้น) หรือ en: ภาษาของรายการที่ต้องแก้ต่อ

    """, """
    usage: khanaen init DIR [--name NAME] [--lang th|en]
           khanaen init DIR --demo [--lang th|en]

    Creates DIR for a new contest: contest.json with the template's criteria, award
    tiers, tie-breaks, thresholds and eligibility rules (the Digital Local award's),
    an id made from DIR's name and NAME as its name (else DIR's name); an empty
    entries.json and an empty ledger/ folder. Its eligibility dates are to be filled
    in: they are written as YYYY-MM-DD under "_eligibility", which is not read until
    it is renamed "eligibility". It prints what to edit next
    (docs/contest-format.md). DIR must not exist or be empty. The new contest's
    access is "logins": who judges is decided by the operating system's logins
    (docs/access.md).

    --demo   the sample contest instead: its 20 entries (2566's winners), its id,
    name and
             dates, without its ledger; for trying Khanaen out, not for a new
             contest.
    --lang L th (default) or en: the language of what to edit next.

    """)
    static let options = OptionSpec(values: ["name", "lang"], flags: ["demo"], positionals: 1...1, positionalName: Phrase(" DIR", "DIR"))

    /// What the template's eligibility dates become: to be filled in.
    static let datePlaceholder = "YYYY-MM-DD"

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let target = args.positionals[0]
        let language = try args.language()
        let source = try ContestLocation.sampleFolder(ctx)
        let shown = TerminalText.safe(target)
        if args.has("demo") {
            if args.value("name") != nil { throw UsageError(th: "--name ใช้กับการประกวดใหม่ ไม่ใช้กับ --demo", en: "--name is for a new contest, not --demo") }
            // A contest made for real judging is guarded by the logins (docs/access.md).
            try ContestLocation.copyAtomically(from: source, to: target, includeLedger: false) { json in
                json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"_access\"") }
                    .joined(separator: "\n").replacingOccurrences(of: "\"access\": \"open\"", with: "\"access\": \"logins\"")
            }
            _ = try ContestFolder.loadContest(target)
            ctx.out(language.t("สร้างแล้ว \(shown): การประกวดตัวอย่าง (ผลงาน 20 ชิ้น ผู้ได้รางวัลปี 2566) ไม่มีสมุดคะแนน "
                                 + "ตรวจด้วย khanaen verify --contest \(shown)\n",
                               "created \(shown): the sample contest (20 entries, 2566's winners), without its ledger; "
                                 + "khanaen verify --contest \(shown) checks it\n"))
            return 0
        }
        let folderName = target.split(separator: "/").last.map(String.init) ?? target
        let name = args.value("name") ?? folderName
        if name.unicodeScalars.allSatisfy(\.properties.isWhitespace) { throw UsageError(th: "--name ต้องไม่ว่าง", en: "--name must not be empty") }
        let id = identifier(from: folderName)
        var newJSON = ""
        try ContestLocation.copyAtomically(from: source, to: target, includeLedger: false, entriesText: "[]\n") { json in
            newJSON = (try? newContest(json, id: id, name: name)) ?? json
            return newJSON
        }
        let contest = try ContestFolder.loadContest(target)
        let line = newJSON.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"_eligibility\"") }.map { $0 + 1 }
        let lineText = line.map { language.t(" (บรรทัด \($0))", " (line \($0))") } ?? ""
        if language == .th {
            ctx.out("""
            สร้างแล้ว \(shown): การประกวดใหม่ "\(TerminalText.safe(contest.name))" (รหัส \(contest.id)) มีเกณฑ์ \(contest.criteria.count) ข้อ \
            รางวัล \(contest.awards.count) ระดับ และกติกาตามแม่แบบ ยังไม่มีผลงาน ยังไม่มีคะแนน
            ขั้นต่อไป:
              1. \(shown)/contest.json: "name" และ "id" ถ้ายังไม่ถูก; "name" และ "user" (ชื่อผู้ใช้) ของกรรมการแต่ละคน \
            และ "chairs" (ชื่อผู้ใช้ของประธานกรรมการ); เกณฑ์ ระดับรางวัล และจำนวน ถ้าการประกวดนี้ต่างไป
              2. วันที่ของคุณสมบัติ\(lineText): ใน "_eligibility" แทน \(datePlaceholder) แต่ละที่ \
            ("closes", "inUseBefore"; ค.ศ.) แล้วเปลี่ยนชื่อ "_eligibility" เป็น "eligibility"; ใส่ผู้ได้รางวัลปีก่อนใน "previousWinners"
              3. ผลงาน: khanaen import mail|csv … --contest \(shown) (หรือเขียน \(shown)/entries.json)
              4. khanaen verify --contest \(shown) แล้ว sudo khanaen access apply --contest \(shown) (README, "Running a contest")

            """)
            return 0
        }
        ctx.out("""
        created \(shown): a new contest "\(TerminalText.safe(contest.name))" (id \(contest.id)) with the template's \
        \(contest.criteria.count) criteria, \(contest.awards.count) award tiers and rules; no entries, no scores.
        Next:
          1. \(shown)/contest.json: "name" and "id" if they are not right; each judge's "name" and "user" (their login) \
        and "chairs" (the chairs' logins); the criteria, award tiers and counts if this contest's differ.
          2. The eligibility dates\(lineText): in "_eligibility", replace each \(datePlaceholder) \
        ("closes", "inUseBefore"; ค.ศ.) and rename "_eligibility" to "eligibility"; list last year's winners in "previousWinners".
          3. The entries: khanaen import mail|csv … --contest \(shown) (or write \(shown)/entries.json).
          4. khanaen verify --contest \(shown), then sudo khanaen access apply --contest \(shown) (README, "Running a contest").

        """)
        return 0
    }

    /// An id from a folder's name: its letters, digits, '-', '_' and '.', others as '-'.
    static func identifier(from folder: String) -> String {
        var id = String(String.UnicodeScalarView(folder.unicodeScalars.map { s -> Unicode.Scalar in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".") ? s : "-"
        }))
        while id.hasPrefix("-") || id.hasPrefix(".") { id.removeFirst() }
        while id.contains("--") { id = id.replacingOccurrences(of: "--", with: "-") }
        id = String(id.prefix(64))
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "contest" : id
    }

    /// The template's contest.json as a new contest's: its id and name, access by logins, the
    /// eligibility rules kept under "_eligibility" with their dates to fill in.
    static func newContest(_ json: String, id: String, name: String) throws -> String {
        guard case .object(let members) = try JSONParser.parse(json).value else { return json }
        var out: [(String, JSONValue)] = []
        for (key, located) in members {
            switch key {
            case "id": out.append((key, .string(id)))
            case "name": out.append((key, .string(name)))
            case "access": out.append((key, .string("logins")))
            case "_access": continue
            case "eligibility":
                guard case .object(let rules) = located.value else { continue }
                var kept: [(String, JSONValue)] = [("_fillIn", .string(
                    "Fill in the dates (YYYY-MM-DD, ค.ศ.) and rename _eligibility to eligibility; until then no eligibility rule is checked (docs/contest-format.md)."))]
                for (k, v) in rules where !k.hasPrefix("_") {
                    if k == "closes" || k == "inUseBefore" { kept.append((k, .string(datePlaceholder))) } else { kept.append((k, v.value)) }
                }
                out.append(("_eligibility", JSONValue.obj(kept)))
            default: out.append((key, located.value))
            }
        }
        return JSONWriter.string(JSONValue.obj(out), indent: 2) + "\n"
    }
}
