import KhanaenCore

/// The subject a submission e-mail carries: `ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล <ชื่อหน่วยงาน>`.
///
/// Spaces, the angle brackets and Latin case do not matter, nor ดิจิตอล for ดิจิทัล. A forwarded
/// copy (Fwd:, FW:, ส่งต่อ:) is a submission: a secretariat may forward what reached another
/// address. A reply (Re:, ตอบกลับ:) is not: it is a conversation about a submission, such as
/// the secretariat's confirmation, and would otherwise replace the files with none.
public enum SubmissionSubject {
    public enum Verdict: Equatable, Sendable {
        /// A submission; the organisation the subject names ("" when none) and whether it was forwarded.
        case submission(organisation: String, forwarded: Bool)
        case reply
        case other
    }

    static let phrases = ["ขอนำส่งผลงานประกวดท้องถิ่นดิจิทัล", "ขอนำส่งผลงานประกวดท้องถิ่นดิจิตอล", "ขอนำส่งผลงานการประกวดท้องถิ่นดิจิทัล"]
    static let forwardPrefixes = ["fwd", "fw", "ส่งต่อ", "tr", "wg"]
    static let replyPrefixes = ["re", "ตอบกลับ", "aw", "sv"]

    public static func judge(_ subject: String) -> Verdict {
        var rest = Substring(MatchKey.cleaned(subject))
        var forwarded = false
        while true {
            rest = rest.drop { $0 == " " }
            // A tag such as [EXTERNAL] that a mail gateway puts in front.
            if rest.first == "[", let close = rest.firstIndex(of: "]") {
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard let colon = rest.prefix(12).firstIndex(where: { $0 == ":" || $0 == "\u{FF1A}" }) else { break }
            let word = rest[..<colon].trimmed().asciiLowercased
            if forwardPrefixes.contains(word) { forwarded = true } else if replyPrefixes.contains(word) { return .reply } else { break }
            rest = rest[rest.index(after: colon)...]
        }
        let compact = Array(MatchKey.compact(String(rest)).unicodeScalars)
        for phrase in phrases {
            let p = Array(phrase.unicodeScalars)
            guard compact.starts(with: p) else { continue }
            var organisation = MatchKey.cleaned(String(rest)).unicodeScalars[...]
            // The organisation is what follows the phrase in the subject as written (spaces kept).
            var matched = 0
            while matched < p.count, let s = organisation.first {
                organisation.removeFirst()
                if s != " " { matched += 1 }
            }
            let name = String(String.UnicodeScalarView(organisation)).trimmed(extra: "<>")
            return .submission(organisation: name, forwarded: forwarded)
        }
        return .other
    }
}
