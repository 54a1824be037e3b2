import KhanaenCore

/// What a refused `git push` says: lost to another machine's push (fetch and try again), or
/// refused for good (by the server's hook, or access).
enum PushOutcome {
    /// Whether the push lost a race with another push: worth fetching and trying again.
    static func lostRace(_ push: Subprocess.Outcome) -> Bool {
        let text = String(decoding: push.output + push.errorOutput, as: UTF8.self)
        return text.contains("[rejected]") || text.contains("non-fast-forward") || text.contains("fetch first")
            || text.contains("cannot lock ref") || text.contains("failed to update ref") || text.contains("incorrect old value")
    }

    /// The refusal, in git's and the server's words (at most 600 characters of them).
    static func refusal(_ push: Subprocess.Outcome, remote: String) -> SyncFailure {
        let text = String(decoding: push.output + push.errorOutput, as: UTF8.self)
        let reason = text.split(separator: "\n").filter { $0.contains("remote:") || $0.contains("!") || $0.contains("error") }
            .map { String($0) }.joined(separator: "; ")
        let said = reason.isEmpty ? push.firstErrorLine : String(reason.prefix(600))
        return SyncFailure(th: "\(remote) ไม่รับสิ่งที่ส่งขึ้น: \(thai(said))", en: "push to \(remote) refused: \(said)")
    }

    /// The server's hook (scripts/sync-pre-receive) speaks English, knowing nothing of the
    /// caller's language: its refusals, found in git's words, said in Thai (anything else as it is).
    static func thai(_ said: String) -> String {
        let hook: [(String, (String, String) -> String)] = [
            (#"khanaen: refused: the login (\S+) may not change (\S+)"#, { "khanaen: ปฏิเสธ: ผู้ใช้ \($0) ไม่มีสิทธิ์แก้ \($1)" }),
            (#"khanaen: refused: (\S+) may not delete (\S+)"#, { "khanaen: ปฏิเสธ: ผู้ใช้ \($0) ไม่มีสิทธิ์ลบ \($1)" }),
            (#"khanaen: refused: (\S+): a ledger file is never removed()"#, { p, _ in "khanaen: ปฏิเสธ: \(p): แฟ้มสมุดคะแนนต้องไม่ถูกลบ" }),
            (#"khanaen: refused: (\S+): a ledger line was changed or cut \(only appending is taken\)()"#,
             { p, _ in "khanaen: ปฏิเสธ: \(p): บรรทัดในสมุดคะแนนถูกแก้หรือตัด (รับเฉพาะการเขียนต่อท้าย)" }),
            (#"khanaen: refused: (\S+): the push does not extend what the server holds \(a rewritten history\)()"#,
             { r, _ in "khanaen: ปฏิเสธ: \(r): สิ่งที่ส่งขึ้นไม่ได้ต่อจากที่เซิร์ฟเวอร์มี (ประวัติถูกเขียนใหม่)" }),
            (#"khanaen: refused: (\S+) is missing: no one may push \(docs/sync.md\)()"#,
             { f, _ in "khanaen: ปฏิเสธ: ไม่มี \(f): ไม่มีใครส่งขึ้นได้ (docs/sync.md)" }),
        ]
        var out = said
        for (pattern, say) in hook {
            guard let regex = try? Regex(pattern) else { continue }
            while let m = out.firstMatch(of: regex) {
                let a = m.output[1].substring.map(String.init) ?? "", b = m.output[2].substring.map(String.init) ?? ""
                out.replaceSubrange(m.range, with: say(a, b))
            }
        }
        return out
    }
}
