import Foundation
import KhanaenCore
import KhanaenText

/// `khanaen access apply` and `khanaen access check`: the contest folder's owners, groups,
/// modes and append-only flags as docs/access.md plans them.
struct AccessCommand: Command {
    static let name = "access"
    static let summary = Phrase("กำหนดหรือตรวจเจ้าของ กลุ่ม และสิทธิ์ ว่าใครอ่านและเขียนอะไรได้",
                                "apply or check the owners, groups and modes of who reads what")
    static let usage = Phrase("""
    วิธีใช้: khanaen access apply [--lang th|en] [--contest DIR]
          khanaen access check [--lang th|en] [--contest DIR]

    apply (ในฐานะ root) สร้างกลุ่ม Unix ตาม "groups" ใน contest.json ที่ยังไม่มี และกำหนด
    สมาชิก (กรรมการและประธานกรรมการทุกคนในกลุ่มของคณะกรรมการ ประธานกรรมการในกลุ่มของ
    ประธานกรรมการ) สร้างแฟ้มสมุดคะแนนของกรรมการแต่ละคนไว้ล่วงหน้า เป็นของบัญชีผู้ใช้ของกรรมการ
    คนนั้น และกำหนดเจ้าของ กลุ่ม และสิทธิ์ของทุกเส้นทางในโฟลเดอร์การประกวดตาม docs/access.md
    แฟ้มสมุดคะแนนจะตั้งให้เขียนต่อท้ายได้อย่างเดียวเมื่อระบบแฟ้มรองรับ (chattr +a) เจ้าของโฟลเดอร์คง
    เป็นเจ้าของสิ่งที่ไม่ใช่ของกรรมการ แจ้งการเปลี่ยนแปลงละหนึ่งบรรทัด และออกด้วยรหัส 1 เมื่อมีสิ่งที่ทำ
    ไม่ได้ (เมื่อสั่งในฐานะเจ้าของโฟลเดอร์แทน root คำสั่ง apply เปลี่ยนได้เพียงสิทธิ์และกลุ่มที่ทำได้ และ
    แจ้งว่าสิ่งใดต้องใช้ root)

    check แจ้งทุกเส้นทางที่เจ้าของ กลุ่ม สิทธิ์ หรือสถานะเขียนต่อท้ายอย่างเดียว ต่างจากแผน และทุกกลุ่มที่
    สมาชิกต่างจากแผน รายการละหนึ่งบรรทัด ออกด้วยรหัส 1 ถ้ามี

    สิทธิ์ของการประกวดต้องเป็นแบบ "logins" (docs/access.md) ทุกบรรทัดเป็นภาษาไทย หรือเป็น
    ภาษาอังกฤษเมื่อใช้ --lang en

    """, """
    usage: khanaen access apply [--lang th|en] [--contest DIR]
           khanaen access check [--lang th|en] [--contest DIR]

    apply (as root) makes the Unix groups of contest.json's "groups" when missing
    and sets their members (every judge and chair in the panel's, the chairs in the
    chairs'), makes each judge's ledger file in advance, owned by that judge's
    login, and gives every path of the contest folder the owner, group and mode of
    docs/access.md; ledger files are marked append-only where the file system allows
    it (chattr +a). The folder's owner keeps what is not a judge's. One line per
    change; exit 1 when something could not be done (run as the folder's owner
    rather than root, apply changes only the modes and groups it may, and says what
    needs root).

    check reports every path whose owner, group, mode or append-only flag differs
    from the plan, and every group whose members differ, one line each; exit 1 if
    any.

    The contest's access must be "logins" (docs/access.md). Every line is in Thai,
    or in English with --lang en.

    """)
    static let options = OptionSpec(values: ["contest", "lang"], positionals: 1...1, positionalName: Phrase(" apply หรือ check", "apply or check"))

    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        let verb = args.positionals[0]
        guard verb == "apply" || verb == "check" else { throw UsageError(th: "ไม่รู้จัก \"\(verb)\": ใช้ apply หรือ check", en: "unknown \"\(verb)\": apply or check") }
        let language = try args.language()
        let dir = try ContestLocation.resolve(args, ctx)
        let contest = try ContestFolder.loadContest(dir)
        guard contest.access == .logins else {
            let file = "\(dir)/\(ContestFolder.contestFile)"
            throw InputError(th: "\(file): access เป็น \"open\": ใครก็ทำแทนใครก็ได้ จึงไม่มีสิทธิ์ให้บังคับ ตั้ง \"access\": \"logins\" ก่อน",
                             en: "\(file): access is \"open\": anyone may act as anyone, so there is nothing to enforce; set \"access\": \"logins\" first")
        }
        var st = stat()
        guard stat(dir, &st) == 0 else { throw InputError(dir, failed: "ดูสถานะโฟลเดอร์ไม่ได้", "cannot stat", code: errno) }
        let keeper = st.st_uid
        let plan = AccessPlan(contest, documents: documents(in: dir))
        var logins: [String: uid_t] = [:]
        var missing: [String] = []
        for user in contest.judges.map(\.user) + contest.chairs {
            if let pw = getpwnam(user) { logins[user] = pw.pointee.pw_uid } else { missing.append(user) }
        }
        let say = { (line: String) in ctx.out(TerminalText.safe(line) + "\n") }
        if verb == "check" {
            var problems = missing.map { Phrase("login \($0): เครื่องนี้ไม่มีผู้ใช้นี้", "login \($0): no such user on this machine") }
            problems += groupProblems(contest)
            for rule in plan.rules { problems += check(rule, dir: dir, keeper: keeper, logins: logins) }
            for p in problems { say(p.text(language)) }
            if problems.isEmpty {
                say(language.t("ok: ทุกแฟ้ม โฟลเดอร์ และกลุ่มเป็นไปตามแผน (\(plan.rules.count) รายการ)", "ok: every path and group is as planned (\(plan.rules.count) paths)"))
            }
            return problems.isEmpty ? 0 : 1
        }
        guard missing.isEmpty else {
            throw InputError(th: "เครื่องนี้ไม่มีผู้ใช้: \(missing.joined(separator: ", ")) สร้างก่อน (useradd) แล้วสั่งอีกครั้ง",
                             en: "no such login on this machine: \(missing.joined(separator: ", ")); create them first (useradd), then run this again")
        }
        var failures = 0
        let root = getuid() == 0
        if root {
            for line in try applyGroups(contest) { say(line.text(language)) }
        } else {
            say(language.t("note: ไม่ใช่ root: ตั้งกลุ่มและเจ้าของแฟ้มของกรรมการไม่ได้ เปลี่ยนเฉพาะที่เจ้าของโฟลเดอร์เปลี่ยนได้",
                   "note: not root: the groups and the owners of the judges' files cannot be set; what the folder's owner may change is changed"))
        }
        for rule in plan.rules {
            for (line, failed) in apply(rule, dir: dir, keeper: keeper, logins: logins) {
                say(line.text(language))
                if failed { failures += 1 }
            }
        }
        return failures > 0 || !root ? 1 : 0
    }

    /// The documents folder's contents, relative, folders ending in "/"; links are left out
    /// (never followed, and `check` names them).
    static func documents(in dir: String) -> [String] {
        let base = dir + "/documents"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            var st = stat()
            guard lstat(base + "/" + item, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: out.append(item + "/")
            case S_IFREG: out.append(item)
            default: walker.skipDescendants()
            }
        }
        return out.sorted()
    }

    static func owner(_ rule: AccessPlan.Rule, keeper: uid_t, logins: [String: uid_t]) -> uid_t? {
        switch rule.owner {
        case .keeper: return keeper
        case .login(let name): return logins[name]
        }
    }

    static func groupID(_ name: String) -> gid_t? { getgrnam(name).map { $0.pointee.gr_gid } }

    static func userName(_ uid: uid_t) -> String { getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "#\(uid)" }

    static func groupName(_ gid: gid_t) -> String { getgrgid(gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "#\(gid)" }

    static func members(of group: String) -> Set<String>? {
        guard let g = getgrnam(group) else { return nil }
        var out = Set<String>()
        var p = g.pointee.gr_mem
        while let name = p?.pointee {
            out.insert(String(cString: name))
            p = p! + 1
        }
        // Those whose primary group it is are members too.
        let gid = g.pointee.gr_gid
        setpwent()
        while let pw = getpwent() { if pw.pointee.pw_gid == gid, let n = pw.pointee.pw_name { out.insert(String(cString: n)) } }
        endpwent()
        return out
    }

    static func groupProblems(_ contest: Contest) -> [Phrase] {
        AccessPlan.members(contest).compactMap { group, logins in
            guard let have = members(of: group) else {
                return Phrase("กลุ่ม \(group): ไม่มีกลุ่มนี้ (khanaen access apply สร้างให้)", "group \(group): does not exist (khanaen access apply makes it)")
            }
            let want = Set(logins)
            let lacking = want.subtracting(have).sorted(), extra = have.subtracting(want).sorted()
            if lacking.isEmpty && extra.isEmpty { return nil }
            var parts: [Phrase] = []
            if !lacking.isEmpty { parts.append(Phrase("ขาด \(lacking.joined(separator: ", "))", "lacks \(lacking.joined(separator: ", "))")) }
            if !extra.isEmpty {
                let chairs = group == contest.groups.chairs
                parts.append(Phrase("มี \(extra.joined(separator: ", ")) เกินมา ซึ่งจะอ่านสิ่งที่มีแต่\(chairs ? "ประธานกรรมการ" : "คณะกรรมการ")อ่านได้",
                                    "also has \(extra.joined(separator: ", ")), who would read what only the \(chairs ? "chairs" : "panel") may"))
            }
            return Phrase("กลุ่ม \(group): " + parts.map(\.th).joined(separator: " "), "group \(group): " + parts.map(\.en).joined(separator: "; "))
        }
    }

    static func applyGroups(_ contest: Contest) throws -> [Phrase] {
        var out: [Phrase] = []
        for (group, logins) in AccessPlan.members(contest) {
            if groupID(group) == nil {
                try system("groupadd", [group])
                out.append(Phrase("สร้างกลุ่ม \(group) แล้ว", "made group \(group)"))
            }
            if members(of: group) != Set(logins) {
                try system("gpasswd", ["-M", logins.joined(separator: ","), group])
                out.append(Phrase("กลุ่ม \(group): สมาชิก \(logins.joined(separator: ", "))", "group \(group): members \(logins.joined(separator: ", "))"))
            }
        }
        return out
    }

    /// One of the system's own tools (groupadd, gpasswd), never through a shell.
    static func system(_ program: String, _ arguments: [String]) throws {
        let outcome = Subprocess.run(program, arguments, timeout: 60)
        guard outcome.succeeded else {
            let command = ([program] + arguments).joined(separator: " ")
            throw InputError(th: "\(command): ไม่สำเร็จ (\(outcome.end)) \(outcome.firstErrorLine)",
                             en: "\(command): failed (\(outcome.end)) \(outcome.firstErrorLine)")
        }
    }

    // MARK: one path

    /// What is at a path, opened without following a link; nil when nothing is there.
    private static func open(_ path: String, folder: Bool) throws -> (fd: Int32, st: stat)? {
        let fd = Glibc.open(path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { return nil }
            var st = stat()
            // Misplaced only when it is the wrong kind: a folder one may not open is a folder.
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT == S_IFDIR) != folder || st.st_mode & S_IFMT == S_IFLNK {
                throw FileProblem(path, misplacedWords(st.st_mode, folder: folder), misplaced: true)
            }
            throw FileProblem(path, failed: "เปิดไม่ได้", "cannot open", code: e)
        }
        var st = stat()
        fstat(fd, &st)
        if (st.st_mode & S_IFMT == S_IFDIR) != folder || (!folder && st.st_mode & S_IFMT != S_IFREG) {
            close(fd)
            throw FileProblem(path, misplacedWords(st.st_mode, folder: folder), misplaced: true)
        }
        return (fd, st)
    }

    private static func kindName(_ mode: mode_t) -> Phrase {
        switch mode & S_IFMT {
        case S_IFLNK: return Phrase("ลิงก์สัญลักษณ์", "a symbolic link")
        case S_IFDIR: return Phrase("โฟลเดอร์", "a folder")
        case S_IFIFO: return Phrase("FIFO", "a FIFO")
        case S_IFREG: return Phrase("แฟ้ม", "a file")
        default: return Phrase("อุปกรณ์หรือซ็อกเก็ต", "a device or socket")
        }
    }

    /// "is a symbolic link, not a folder; left alone".
    private static func misplacedWords(_ mode: mode_t, folder: Bool) -> Phrase {
        let k = kindName(mode)
        return Phrase("เป็น\(k.th) ไม่ใช่\(folder ? "โฟลเดอร์" : "แฟ้ม") ไม่ได้แตะต้อง", "is \(k.en), \(folder ? "not a folder" : "not a file"); left alone")
    }

    /// FS_IOC_GETFLAGS and FS_IOC_SETFLAGS on 64-bit Linux, and FS_APPEND_FL.
    private static let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602, appendFlag = 0x20

    /// The file's append-only flag; nil where the file system has no such flags.
    static func appendOnly(_ fd: Int32) -> Bool? {
        var flags = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return nil }
        return flags & appendFlag != 0
    }

    static func setAppendOnly(_ fd: Int32, _ on: Bool) -> Int32 {
        var flags = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return errno }
        flags = on ? flags | appendFlag : flags & ~appendFlag
        return ioctl(fd, setFlags, &flags) == 0 ? 0 : errno
    }

    static func describe(_ rule: AccessPlan.Rule, owner: uid_t) -> Phrase {
        let mode = String(rule.mode, radix: 8)
        return Phrase("เจ้าของ \(userName(owner)) กลุ่ม \(rule.group) โหมด \(mode)" + (rule.appendOnly ? " เขียนต่อท้ายได้อย่างเดียว" : ""),
                      "owner \(userName(owner)), group \(rule.group), mode \(mode)" + (rule.appendOnly ? ", append-only" : ""))
    }

    /// An error's words in both languages.
    static func words(_ error: Error) -> Phrase { Phrase(error.said(in: .th), error.said(in: .en)) }

    /// `path: a; b` in English, `path: a b` in Thai (Thai separates with a space).
    static func joined(_ path: String, _ parts: [Phrase]) -> Phrase {
        Phrase("\(path): " + parts.map(\.th).joined(separator: " "), "\(path): " + parts.map(\.en).joined(separator: "; "))
    }

    static func check(_ rule: AccessPlan.Rule, dir: String, keeper: uid_t, logins: [String: uid_t]) -> [Phrase] {
        let path = rule.path.isEmpty ? dir : dir + "/" + rule.path
        let opened: (fd: Int32, st: stat)?
        do { opened = try open(path, folder: rule.isFolder) } catch { return [words(error)] }
        guard let (fd, st) = opened else {
            return rule.create ? [Phrase("\(path): ไม่มี (khanaen access apply สร้างให้)", "\(path): missing (khanaen access apply makes it)")] : []
        }
        defer { close(fd) }
        var wrong: [Phrase] = []
        if let uid = owner(rule, keeper: keeper, logins: logins), st.st_uid != uid {
            wrong.append(Phrase("เจ้าของเป็น \(userName(st.st_uid)) ไม่ใช่ \(userName(uid))", "owner \(userName(st.st_uid)), not \(userName(uid))"))
        }
        if let gid = groupID(rule.group) {
            if st.st_gid != gid { wrong.append(Phrase("กลุ่มเป็น \(groupName(st.st_gid)) ไม่ใช่ \(rule.group)", "group \(groupName(st.st_gid)), not \(rule.group)")) }
        } else {
            wrong.append(Phrase("ไม่มีกลุ่ม \(rule.group)", "group \(rule.group) does not exist"))
        }
        let mode = UInt32(st.st_mode) & 0o7777
        if mode != rule.mode {
            wrong.append(Phrase("โหมดเป็น \(String(mode, radix: 8)) ไม่ใช่ \(String(rule.mode, radix: 8))", "mode \(String(mode, radix: 8)), not \(String(rule.mode, radix: 8))"))
        }
        if rule.appendOnly {
            switch appendOnly(fd) {
            case true?: break
            case false?: wrong.append(Phrase("ไม่ได้ตั้งให้เขียนต่อท้ายได้อย่างเดียว: เจ้าของแฟ้มเขียนทับหรือตัดประวัติได้ (khanaen access apply ในฐานะ root ตั้ง chattr +a)",
                                             "not append-only: its owner could rewrite or cut its history (khanaen access apply, as root, sets chattr +a)"))
            case nil: wrong.append(appendOnlyMissing)
            }
        }
        return wrong.isEmpty ? [] : [joined(path, wrong)]
    }

    static let appendOnlyMissing = Phrase("ไม่มีการป้องกันแบบเขียนต่อท้ายได้อย่างเดียว: ระบบแฟ้มนี้ไม่มีแฟล็กนี้",
                                          "append-only protection missing: this file system has no such flag")

    /// The changes made to one path: (line, whether it failed).
    static func apply(_ rule: AccessPlan.Rule, dir: String, keeper: uid_t, logins: [String: uid_t]) -> [(Phrase, Bool)] {
        let path = rule.path.isEmpty ? dir : dir + "/" + rule.path
        var out: [(Phrase, Bool)] = []
        var opened: (fd: Int32, st: stat)?
        let cannotCreate = { Phrase("\(path): สร้างไม่ได้: \(SystemError.last.th)", "\(path): cannot create: \(SystemError.last.en)") }
        do {
            opened = try open(path, folder: rule.isFolder)
            if opened == nil && rule.create {
                if rule.isFolder {
                    guard mkdir(path, 0o700) == 0 else { return [(cannotCreate(), true)] }
                } else {
                    let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                    guard fd >= 0 else { return [(cannotCreate(), true)] }
                    close(fd)
                }
                out.append((Phrase("สร้าง \(path) แล้ว", "made \(path)"), false))
                opened = try open(path, folder: rule.isFolder)
            }
        } catch {
            return [(words(error), true)]
        }
        guard let (fd, st) = opened else { return out }
        defer { close(fd) }
        guard let uid = owner(rule, keeper: keeper, logins: logins), let gid = groupID(rule.group) else {
            return out + [(Phrase("\(path): ไม่มีกลุ่ม \(rule.group)", "\(path): group \(rule.group) does not exist"), true)]
        }
        let mode = UInt32(st.st_mode) & 0o7777
        let needsChange = st.st_uid != uid || st.st_gid != gid || mode != rule.mode
        if !needsChange && (!rule.appendOnly || appendOnly(fd) != false) { return out }
        // Neither owner nor mode of an append-only file can change: the flag comes off first.
        let wasAppendOnly = appendOnly(fd) == true
        if needsChange && wasAppendOnly { _ = setAppendOnly(fd, false) }
        var failed: [Phrase] = []
        if st.st_uid != uid || st.st_gid != gid {
            if fchown(fd, st.st_uid != uid ? uid : uid_t.max, gid) != 0 {
                let why = SystemError.last
                failed.append(Phrase("เจ้าของและกลุ่ม: \(why.th)", "owner and group: \(why.en)"))
            }
        }
        // After chown, which clears setgid on folders for some file systems.
        if fchmod(fd, mode_t(rule.mode)) != 0 {
            let why = SystemError.last
            failed.append(Phrase("โหมด: \(why.th)", "mode: \(why.en)"))
        }
        if rule.appendOnly || wasAppendOnly {
            let e = setAppendOnly(fd, rule.appendOnly)
            if e == ENOTTY || e == EOPNOTSUPP || e == EINVAL {
                out.append((joined(path, [appendOnlyMissing]), false))
            } else if e != 0 {
                let why = SystemError.words(e)
                failed.append(Phrase("แฟล็กเขียนต่อท้ายได้อย่างเดียว: \(why.th)", "append-only flag: \(why.en)"))
            }
        }
        if failed.isEmpty {
            let set = describe(rule, owner: uid)
            out.append((Phrase("ตั้ง \(path) แล้ว: \(set.th)", "set \(path): \(set.en)"), false))
        } else {
            out.append((Phrase("\(path): ตั้งไม่ได้: " + failed.map(\.th).joined(separator: " "),
                               "\(path): could not set " + failed.map(\.en).joined(separator: "; ")), true))
        }
        return out
    }
}
