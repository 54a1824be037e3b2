import Foundation
import KhanaenCore

/// A command the caller's login may not run, or may not run as whom it named. Exit 2.
struct NotAllowed: BilingualError, CustomStringConvertible {
    var words: Phrase
    init(th: String, en: String) { words = Phrase(th, en) }
    var description: String { words.en }
}

/// Who the caller is and whom they may act as. The login is the process's real user
/// (`CommandContext.login`, from the operating system); `--judge` and `--chair` only name
/// the caller's own role, except in an open contest (docs/access.md).
enum Identity {
    /// The judge the caller acts as, and whether they must be told it was chosen for them
    /// (an open contest opened by someone who is none of its judges: its last judge).
    static func judge(_ contest: Contest, requested: String?, login: String, contestFile: String) throws -> (id: String, chosen: Bool) {
        if let requested, contest.judgeIndex(requested) == nil {
            throw InputError(th: "ไม่มีกรรมการรหัส \"\(requested)\" ใน \(contestFile) (กรรมการ: \(contest.judges.map(\.id).joined(separator: ", ")))", en: "no judge has id \"\(requested)\" in \(contestFile) (judges: \(contest.judges.map(\.id).joined(separator: ", ")))")
        }
        let own = contest.judge(forUser: login)
        switch contest.access {
        case .logins:
            guard let own else {
                throw NotAllowed(th: "ผู้ใช้ \"\(login)\" ไม่ใช่กรรมการของการประกวดนี้ (ดู \"user\" ของกรรมการใน \(contestFile))",
                                en: "the login \"\(login)\" is not a judge of this contest (the \"user\" of a judge in \(contestFile))")
            }
            if let requested, requested != own.id {
                throw NotAllowed(th: "ผู้ใช้ \"\(login)\" เป็นกรรมการ \(own.id) กรรมการทำได้ในนามของตนเท่านั้น (ไม่รับ --judge \(requested))",
                                en: "the login \"\(login)\" is judge \(own.id); a judge acts only as themselves (--judge \(requested) refused)")
            }
            return (own.id, false)
        case .open:
            if let requested { return (requested, false) }
            if let own { return (own.id, false) }
            guard let last = contest.judges.last else { throw InputError(th: "\(contestFile): การประกวดนี้ไม่มีกรรมการ", en: "\(contestFile): the contest has no judges") }
            return (last.id, true)
        }
    }

    /// The chair the caller acts as, and whether it was chosen for them (an open contest).
    static func chair(_ contest: Contest, requested: String?, login: String) throws -> (login: String, chosen: Bool) {
        let chairs = contest.chairs.joined(separator: ", ")
        switch contest.access {
        case .logins:
            guard contest.isChair(login) else {
                throw NotAllowed(th: "ผู้ใช้ \"\(login)\" ไม่ใช่ประธานกรรมการของการประกวดนี้ (ประธานกรรมการ: \(chairs))",
                                en: "the login \"\(login)\" is not a chair of this contest (chairs: \(chairs))")
            }
            if let requested, requested != login {
                throw NotAllowed(th: "ผู้ใช้ \"\(login)\" ทำได้ในนามของตนเท่านั้น (ไม่รับ --chair \(requested))",
                                en: "the login \"\(login)\" acts only as itself (--chair \(requested) refused)")
            }
            return (login, false)
        case .open:
            if let requested {
                guard contest.isChair(requested) else {
                    throw NotAllowed(th: "\"\(requested)\" ไม่ใช่ประธานกรรมการของการประกวดนี้ (ประธานกรรมการ: \(chairs))",
                                    en: "\"\(requested)\" is not a chair of this contest (chairs: \(chairs))")
                }
                return (requested, false)
            }
            if contest.isChair(login) { return (login, false) }
            guard let first = contest.chairs.first else { throw NotAllowed(th: "การประกวดนี้ไม่มีประธานกรรมการ", en: "the contest has no chairs") }
            return (first, true)
        }
    }

    /// Commands that show every judge's scores (the report, the console) are for the chairs,
    /// and for root, who can read every file anyway; in an open contest, for anyone.
    static func mayReadAllScores(_ contest: Contest, login: String, uid: UInt32) -> Bool {
        contest.access == .open || contest.isChair(login) || uid == 0
    }

    static func requireAllScores(_ contest: Contest, login: String, uid: UInt32, command: Phrase) throws {
        guard mayReadAllScores(contest, login: login, uid: uid) else {
            let judge = contest.judge(forUser: login)
            let role = Phrase(judge.map { "เป็นกรรมการ \($0.id)" } ?? "ไม่ใช่ประธานกรรมการ", judge.map { "judge \($0.id)" } ?? "not a chair")
            throw NotAllowed(th: "\(command.th)แสดงคะแนนของกรรมการทุกคน ซึ่งมีแต่ประธานกรรมการที่ดูได้ ผู้ใช้ \"\(login)\" \(role.th)",
                             en: "\(command.en) shows every judge's scores, which only the chairs see; the login \"\(login)\" is \(role.en)")
        }
    }
}
