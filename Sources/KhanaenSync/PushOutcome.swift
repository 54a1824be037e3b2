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
        return SyncFailure("push to \(remote) refused: \(reason.isEmpty ? push.firstErrorLine : String(reason.prefix(600)))")
    }
}
