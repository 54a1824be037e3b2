import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// A chair's machine and the judges' own repositories (docs/sync.md, "One repository per
/// judge"): each judge's repository holds only what that judge may read, the public files and
/// the judge's own folder (their file and the chairs' deliveries to them), in a history of its
/// own that no commit of the chairs' repository ever enters. A chair's sync takes each judge's
/// new lines from it and sends it, as a new commit on its own history, what the judge may read.
extension Session {
    /// The remotes named `judge-<id>` for a judge of the contest.
    func judgeRemotes() throws -> [(judge: String, remote: String)] {
        let names = Set(try git.text(["remote"]).split(separator: "\n").map(String.init))
        let contest = try ContestFolder.loadContest(dir)
        return contest.judges.map(\.id).filter { names.contains("judge-" + $0) }.map { ($0, "judge-" + $0) }
    }

    /// What judge `judge` may read of a commit: every file outside `ledger/`, and the judge's
    /// own folder there.
    static func readable(_ path: String, by judge: String) -> Bool {
        !path.hasPrefix(ContestFolder.ledgerFolder + "/") || path.hasPrefix("\(ContestFolder.ledgerFolder)/\(judge)/")
    }

    /// Takes judge `judge`'s new lines from their repository into this branch, then pushes
    /// there what the judge may read. False: stopped (a refused history or a fork, exit 1).
    func fanOut(judge: String, remote: String) throws -> Bool {
        let b = try git.text(["symbolic-ref", "--short", "HEAD"])
        let tracking = "refs/remotes/\(remote)/\(b)", incoming = "refs/khanaen/incoming/\(remote)/\(b)"
        for attempt in 1...max(1, o.attempts) {
            let seen = try git.outcome(["rev-parse", "--verify", "-q", tracking])
            let last = seen.succeeded ? String(decoding: seen.output, as: UTF8.self).trimmingNewlines : nil
            // A glob: a judge's repository not yet holding the branch fetches nothing, without failing.
            try git.text(["fetch", "-q", "--no-tags", "--refmap=", remote, "+refs/heads/*:refs/khanaen/incoming/\(remote)/*"])
            let up = try git.outcome(["rev-parse", "--verify", "-q", incoming])
            let upstream = up.succeeded ? String(decoding: up.output, as: UTF8.self).trimmingNewlines : nil
            if let upstream {
                if let last, last != upstream, try !git.succeeds(["merge-base", "--is-ancestor", last, upstream]) {
                    guard try rewrittenRemote(last: last, now: upstream) else { return false }
                }
                let new = try git.text(["rev-list", "--reverse", "--topo-order", upstream] + (last.map { ["^" + $0] } ?? []))
                guard try appendsOnly(new.split(separator: "\n").map(String.init)) else { return false }
                guard try takeLines(of: judge, from: upstream, remote: remote) else { return false }
            }

            // What the judge may read, as a commit on their repository's own history.
            let tree = try readableTree(judge)
            if let upstream, try git.text(["rev-parse", upstream + "^{tree}"]) == tree {
                try git.text(["update-ref", tracking, upstream])
                return true
            }
            guard o.push else { return true }
            let commit = try git.text(["commit-tree", tree] + (upstream.map { ["-p", $0] } ?? [])
                                      + ["-m", "\(o.login)@\(o.host): what judge \(judge) may read (khanaen sync)"])
            let push = try git.outcome(["push", "--porcelain", remote, "\(commit):refs/heads/\(b)"])
            if push.succeeded {
                try git.text(["update-ref", tracking, commit])
                result.pushed = true
                say(o.language.t("ส่งให้กรรมการ \(judge) ทาง \(remote) แล้ว (เฉพาะแฟ้มที่กรรมการอ่านได้ คอมมิต \(short(commit)))",
                                 "sent judge \(judge) what they may read, to \(remote) (commit \(short(commit)))"))
                return true
            }
            if PushOutcome.lostRace(push) && attempt < o.attempts {
                usleep(UInt32(100_000 * attempt) + UInt32.random(in: 0...100_000))
                continue
            }
            throw PushOutcome.refusal(push, remote: remote)
        }
        return true
    }

    /// The ledger files of the judge's folder that grew in their repository, checked, appended
    /// to this folder's and committed on this branch. A file there outside the judge's folder
    /// refuses the history; two sides that differ are a fork.
    func takeLines(of judge: String, from upstream: String, remote: String) throws -> Bool {
        let theirs = try git.ledgerBlobs(upstream), ours = try git.ledgerBlobs("HEAD")
        var take: [(path: String, oid: String, lines: Int)] = []
        for path in theirs.keys.sorted() where theirs[path] != ours[path] {
            guard Session.readable(path, by: judge) else {
                return refuse(path, line: 1, commit: upstream, what: o.language.t("อยู่นอกแฟ้มของกรรมการ \(judge)", "outside judge \(judge)'s folder"))
            }
            let h = try git.blob(ours[path]), u = try git.blob(theirs[path])
            switch Growth.of(u, from: h) {
            case .same, .behind: continue
            case .extends(let lines):
                if let name = SyncPaths.ledgerName(path) {
                    let torn = try git.blob(theirs[path + ".torn"])
                    if let problem = try ChainCheck.problem(name: name, contestID: contestID, bytes: u, torn: torn, scratch: scratch) {
                        let line = Int(problem.en.split(separator: " ").dropFirst().first.map { $0.trimmingCharacters(in: ":") } ?? "") ?? 0
                        return refuse(path, line: line, commit: upstream, what: o.language.t("ต่อสายแฮชไม่ได้ (\(problem.th))", "does not chain (\(problem.en))"))
                    }
                }
                take.append((path, theirs[path]!, lines))
            case .differs(let line):
                return forked(path, line: line, bytes: u, commit: upstream, remote: remote)
            }
        }
        guard !take.isEmpty else { return true }
        try git.text(["reset", "-q"])
        for t in take {
            let bytes = try git.blob(t.oid)
            guard try LocalFiles.appendUpTo(bytes, path: dir + "/" + t.path) else {
                let here = LocalFiles.wholeLines(dir + "/" + t.path) ?? []
                if case .differs(let l) = Growth.of(bytes, from: here) { return forked(t.path, line: l, bytes: bytes, commit: upstream, remote: remote) }
                return forked(t.path, line: Growth.lineCount(here) + 1, bytes: bytes, commit: upstream, remote: remote)
            }
            try git.text(["update-index", "--add", "--cacheinfo", "100644,\(t.oid),\(t.path)"])
        }
        let summary = take.filter { $0.path.hasSuffix(".jsonl") }.map { "\($0.path) +\($0.lines)" }.joined(separator: ", ")
        try git.text(["commit", "-q", "--no-verify", "-m", "\(o.login)@\(o.host): from \(remote) \(short(upstream)): \(summary)"])
        for t in take where t.path.hasSuffix(".jsonl") {
            result.cameIn[t.path, default: 0] += t.lines
            let whose = t.path.hasSuffix("/\(judge).jsonl") ? o.language.t(" (กรรมการ \(judge))", " (judge \(judge))") : ""
            say(o.language.t("รับเข้า \(t.path)\(whose) จาก \(remote): \(t.lines) บรรทัด", "came in \(t.path)\(whose) from \(remote): \(t.lines) lines"))
        }
        return true
    }

    func forked(_ path: String, line: Int, bytes: [UInt8], commit: String, remote: String) -> Bool {
        let kept = path + ".fork-" + short(commit)
        do { try ChainCheck.write(bytes, to: dir + "/" + kept) } catch { say(error.said(in: o.language)) }
        result.forks.append(SyncFork(path: path, judge: SyncPaths.judge(path), line: line, commit: commit, keptAs: kept))
        result.exitCode = 1
        say(o.language.t("แยกสาย (fork): \(path) ต่างกันตั้งแต่บรรทัด \(line) ระหว่างเครื่องนี้กับ \(remote) (คอมมิต \(short(commit))): เก็บฉบับของอีกฝั่งไว้ที่ \(kept) ไม่ได้รวมสิ่งใด ประธานกรรมการต้องตัดสิน",
                         "fork: \(path) differs from line \(line) between this folder and \(remote) (commit \(short(commit))): the other side's version is kept as \(kept); nothing was merged; a chair must resolve it"))
        return false
    }

    /// The tree of HEAD's files that judge `judge` may read, written to git's object store.
    func readableTree(_ judge: String) throws -> String {
        var index = git
        index.indexFile = scratch + "/judge-index"
        unlink(scratch + "/judge-index")
        defer { unlink(scratch + "/judge-index") }
        try index.text(["read-tree", "--empty"])
        var pick: [String] = []
        for record in try git.bytes(["ls-tree", "-r", "-z", "HEAD"]).split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let head = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard head.count == 3, head[1] == "blob", Session.readable(path, by: judge) else { continue }
            pick += ["--cacheinfo", "\(head[0]),\(head[2]),\(path)"]
        }
        if !pick.isEmpty { try index.text(["update-index", "--add"] + pick) }
        return try index.text(["write-tree"])
    }
}
