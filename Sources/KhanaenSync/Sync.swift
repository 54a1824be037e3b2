import KhanaenCore
#if canImport(Glibc)
import Glibc
#endif

/// What `khanaen sync` is asked to do.
public struct SyncOptions: Sendable {
    /// The contest folder (the repository's top).
    public var dir: String
    /// Who syncs, and from which machine: the commits' author.
    public var login: String
    public var host: String
    /// The files this machine commits (relative to the folder); nil: every ledger file that
    /// grew here (a contest open to anyone).
    public var writable: [String]?
    public var push: Bool
    public var language: Language
    /// How many times a push that lost a race is tried again (fetch, check, merge, push).
    public var attempts: Int

    public init(dir: String, login: String, host: String, writable: [String]?, push: Bool = true, language: Language = .th, attempts: Int = 5) {
        self.dir = dir
        self.login = login
        self.host = host
        self.writable = writable
        self.push = push
        self.language = language
        self.attempts = attempts
    }
}

/// Two sides that each appended their own lines to one file from the same line on.
public struct SyncFork: Equatable, Sendable {
    public var path: String
    public var judge: String?
    public var line: Int
    public var commit: String
    /// Where the other side's version was kept, beside ours.
    public var keptAs: String
}

/// A fetched history that changes, cuts or reorders a ledger line.
public struct RefusedHistory: Equatable, Sendable {
    public var path: String
    public var line: Int
    public var commit: String
    public var what: String
}

/// What a sync did, and what to say.
public struct SyncResult: Sendable {
    /// 0 done; 1 a fork or a refused history (nothing merged).
    public var exitCode: Int32 = 0
    public var said: [String] = []
    /// Lines committed here, by file.
    public var wentOut: [String: Int] = [:]
    /// Lines that came in, by file.
    public var cameIn: [String: Int] = [:]
    public var pushed = false
    public var pushAttempts = 0
    public var forks: [SyncFork] = []
    public var refused: RefusedHistory? = nil
}

public enum Sync {
    /// Every file byte for byte: no end-of-line conversion, no filter, no textual merge.
    public static let attributes = """
    # Khanaen (docs/sync.md): every file travels byte for byte. A ledger line's hash covers its
    # bytes, so no end-of-line conversion (-text), no filter and no diff driver may touch them,
    # and git never merges a ledger file line by line (-merge): khanaen sync appends what came in.
    * -text
    *.jsonl -text -merge -filter -ident
    *.torn -text -merge -filter -ident

    """

    /// What never travels: locks, temporary files, exports, the other side of a fork.
    public static let ignore = """
    # Khanaen (docs/sync.md): what stays on this machine.
    exports/
    *.fork-*
    *.lock
    *.tmp
    *~
    .*
    !.gitattributes
    !.gitignore

    """

    /// Makes the folder a repository (or sets up a clone): .gitattributes, .gitignore, git's
    /// settings, and the rules' commit; with a remote, names it and syncs.
    public static func setup(_ options: SyncOptions, remote: String?) throws -> SyncResult {
        let s = try Session(options)
        return try s.setup(remote: remote)
    }

    /// Commits this machine's lines, fetches, checks, merges, pushes.
    public static func run(_ options: SyncOptions) throws -> SyncResult {
        let s = try Session(options)
        return try s.sync()
    }
}

/// One sync's state.
final class Session {
    let o: SyncOptions
    let dir: String
    let git: Git
    var result = SyncResult()
    var contestID = ""

    init(_ options: SyncOptions) throws {
        o = options
        guard let real = realpath(options.dir, nil) else { throw SyncFailure(th: "\(options.dir): ไม่มีโฟลเดอร์นี้", en: "\(options.dir): no such folder") }
        dir = String(cString: real)
        free(real)
        git = Git(dir: dir, name: options.login, email: "\(options.login)@\(options.host)")
    }

    func say(_ line: String) { result.said.append(line) }
    func short(_ oid: String) -> String { String(oid.prefix(10)) }
    var scratch: String { dir + "/.git/khanaen" }

    func isOwnRepository() throws -> Bool {
        let r = try git.outcome(["rev-parse", "--show-toplevel"])
        guard r.succeeded else { return false }
        return String(decoding: r.output, as: UTF8.self).trimmingNewlines == dir
    }

    func hasHead() throws -> Bool { try git.succeeds(["rev-parse", "--verify", "-q", "HEAD"]) }

    // MARK: setup

    func setup(remote: String?) throws -> SyncResult {
        guard access(dir + "/" + ContestFolder.contestFile, R_OK) == 0 else {
            throw SyncFailure(th: "\(dir) ไม่มี \(ContestFolder.contestFile): ไม่ใช่โฟลเดอร์การประกวด", en: "\(dir) has no \(ContestFolder.contestFile): not a contest folder")
        }
        if try !isOwnRepository() {
            try git.text(["init", "-q", "-b", "main"])
            say(o.language.t("สร้างที่เก็บ git ใน \(dir)", "made \(dir) a git repository"))
        }
        for (name, text) in [(".gitattributes", Sync.attributes), (".gitignore", Sync.ignore)] {
            let bytes = Array(text.utf8)
            if LocalFiles.read(dir + "/" + name) != bytes { try ChainCheck.write(bytes, to: dir + "/" + name) }
        }
        for (key, value) in [("core.fsync", "all"), ("core.fsyncMethod", "fsync"), ("core.autocrlf", "false"),
                             ("pull.ff", "only"), ("pull.rebase", "false"), ("push.default", "simple")] {
            try git.text(["config", key, value])
        }
        if try hasHead() { try git.text(["reset", "-q"]) }
        let rules = [".gitattributes", ".gitignore", ContestFolder.contestFile, ContestFolder.entriesFile]
            .filter { access(dir + "/" + $0, F_OK) == 0 }
        try git.text(["add", "--"] + rules)
        if try !git.succeeds(["diff", "--cached", "--quiet"]) {
            let id = (try? ContestFolder.loadContest(dir).id) ?? ""
            try git.text(["commit", "-q", "--no-verify", "-m", "Rules of the contest \(id)"])
            say(o.language.t("คอมมิตกติกาของการประกวด (\(rules.joined(separator: ", ")))", "committed the contest's rules (\(rules.joined(separator: ", ")))"))
        }
        let branch = try git.text(["symbolic-ref", "--short", "HEAD"])
        if let remote {
            if try git.succeeds(["remote", "get-url", "origin"]) {
                try git.text(["remote", "set-url", "origin", remote])
            } else {
                try git.text(["remote", "add", "origin", remote])
            }
            try git.text(["config", "branch.\(branch).remote", "origin"])
            try git.text(["config", "branch.\(branch).merge", "refs/heads/\(branch)"])
            say(o.language.t("ที่เก็บต้นทาง: origin = \(remote)", "remote: origin = \(remote)"))
            let before = result.said
            result = try sync()
            result.said = before + result.said
        }
        return result
    }

    // MARK: sync

    /// Syncs with the remote (the chairs' repository, or a judge's own), then, on a chair's
    /// machine that names judges' repositories (remotes `judge-<id>`), fans out to each and
    /// sends what came back from them on to the remote.
    func sync() throws -> SyncResult {
        guard try syncRemote() else { return result }
        let judges = try judgeRemotes()
        if !judges.isEmpty {
            let before = result.cameIn.values.reduce(0, +)
            for (judge, remote) in judges {
                guard try fanOut(judge: judge, remote: remote) else { return result }
            }
            if result.cameIn.values.reduce(0, +) > before && o.push, try !remoteName().isEmpty {
                guard try syncRemote() else { return result }
            }
        }
        if result.cameIn.isEmpty && result.wentOut.isEmpty && !result.pushed {
            say(o.language.t("ไม่มีอะไรใหม่", "nothing new"))
        }
        return result
    }

    /// The remote the branch's configuration names, else `origin`, else "" (none).
    func remoteName() throws -> String {
        let b = try git.text(["symbolic-ref", "--short", "HEAD"])
        let configured = try git.outcome(["config", "--get", "branch.\(b).remote"])
        if configured.succeeded { return String(decoding: configured.output, as: UTF8.self).trimmingNewlines }
        return try git.text(["remote"]).split(separator: "\n").contains("origin") ? "origin" : ""
    }

    /// Commits this machine's lines, fetches, checks, merges and pushes. False: stopped (exit 1).
    func syncRemote() throws -> Bool {
        guard try isOwnRepository(), try hasHead() else {
            throw SyncFailure(th: "\(dir) ยังไม่ได้ตั้งค่าการซิงก์: สั่ง khanaen sync --setup [REMOTE] ก่อน (docs/sync.md)",
                              en: "\(dir) is not set up for sync: run khanaen sync --setup [REMOTE] first (docs/sync.md)")
        }
        guard let attributes = LocalFiles.read(dir + "/.gitattributes"), String(decoding: attributes, as: UTF8.self).contains("* -text") else {
            throw SyncFailure(th: "\(dir)/.gitattributes ไม่ได้รักษาสมุดคะแนนให้ตรงทุกไบต์: สั่ง khanaen sync --setup ก่อน",
                              en: "\(dir)/.gitattributes does not keep the ledger byte-exact: run khanaen sync --setup first")
        }
        contestID = try ContestFolder.loadContest(dir).id
        mkdir(scratch, 0o700)
        let branch = try git.outcome(["symbolic-ref", "--short", "-q", "HEAD"])
        guard branch.succeeded else { throw SyncFailure(th: "\(dir): HEAD ไม่ได้อยู่บนกิ่ง การซิงก์ทำงานบนกิ่ง", en: "\(dir): HEAD is not on a branch; sync works on a branch") }
        let b = String(decoding: branch.output, as: UTF8.self).trimmingNewlines
        try clearStaleLocks()
        // The index is only ever a step on the way: start from HEAD (a sync killed between
        // moving the branch and the index leaves it behind).
        try git.text(["reset", "-q"])
        if !(try commitOwnLines()) { return false }

        let remote = try remoteName()
        if remote.isEmpty {
            if try judgeRemotes().isEmpty {
                say(o.language.t("ไม่มีที่เก็บต้นทาง (remote): คอมมิตไว้ในเครื่องนี้เท่านั้น", "no remote: committed on this machine only"))
            }
            return true
        }
        for attempt in 1...max(1, o.attempts) {
            // What the remote held when last seen: refs/remotes/R/B moves only to what was checked
            // and taken; the fetch lands beside it, in refs/khanaen/incoming/.
            let tracking = "refs/remotes/\(remote)/\(b)"
            let seen = try git.outcome(["rev-parse", "--verify", "-q", tracking])
            let last = seen.succeeded ? String(decoding: seen.output, as: UTF8.self).trimmingNewlines : nil
            // --refmap= keeps git from also moving refs/remotes/R/* (its "opportunistic" update).
            try git.text(["fetch", "-q", "--no-tags", "--refmap=", remote, "+refs/heads/*:refs/khanaen/incoming/\(remote)/*"])
            let up = try git.outcome(["rev-parse", "--verify", "-q", "refs/khanaen/incoming/\(remote)/\(b)"])
            let upstream = up.succeeded ? String(decoding: up.output, as: UTF8.self).trimmingNewlines : nil
            if let last, let upstream, last != upstream, try !git.succeeds(["merge-base", "--is-ancestor", last, upstream]) {
                // The remote's branch no longer holds what it held: its history was rewritten.
                guard try rewrittenRemote(last: last, now: upstream) else { return false }
            }
            let head = try git.text(["rev-parse", "HEAD"])
            if let upstream, upstream != head, try !git.succeeds(["merge-base", "--is-ancestor", upstream, head]) {
                guard try integrate(upstream, branch: b, remote: remote) else { return false }
            }
            if let upstream { try git.text(["update-ref", tracking, upstream]) }
            let now = try git.text(["rev-parse", "HEAD"])
            if !o.push || now == upstream { break }
            result.pushAttempts = attempt
            // Never --force: the server takes only what extends what it has.
            let push = try git.outcome(["push", "--porcelain", remote, "HEAD:refs/heads/\(b)"])
            if push.succeeded {
                result.pushed = true
                try git.text(["update-ref", tracking, now])
                say(o.language.t("ส่งขึ้น \(remote) แล้ว (\(b) ที่ \(short(now)))", "pushed to \(remote) (\(b) at \(short(now)))"))
                break
            }
            if PushOutcome.lostRace(push) && attempt < o.attempts {
                say(o.language.t("ส่งไม่สำเร็จ: มีผู้อื่นส่งก่อน ดึงมาตรวจแล้วลองใหม่ (\(attempt))",
                         "push rejected: someone pushed first; fetching, checking and trying again (\(attempt))"))
                usleep(UInt32(100_000 * attempt) + UInt32.random(in: 0...100_000))
                continue
            }
            throw PushOutcome.refusal(push, remote: remote)
        }
        return true
    }

    /// Commits the whole lines the files this machine writes gained since HEAD. Returns false
    /// (exit 1) when one of them no longer holds what was committed.
    func commitOwnLines(only: [String]? = nil) throws -> Bool {
        let head = try git.ledgerBlobs("HEAD")
        var paths: [String]
        if let writable = only ?? o.writable {
            paths = writable.flatMap { [$0, $0 + ".torn"] }
        } else {
            paths = localLedgerFiles()
        }
        var staged: [String] = []
        for path in paths.sorted() {
            guard let local = LocalFiles.wholeLines(dir + "/" + path) else { continue }
            let committed = try git.blob(head[path])
            switch Growth.of(local, from: committed) {
            case .same, .behind: continue
            case .differs(let line):
                result.exitCode = 1
                say(o.language.t("\(path) บรรทัด \(line) ในเครื่องนี้ไม่ตรงกับที่คอมมิตลง git ไว้แล้ว: แฟ้มถูกแก้ไขที่นี่ ไม่ได้ซิงก์สิ่งใด",
                         "\(path): line \(line) in this folder is not the line already committed: the file was changed here; nothing was synced"))
                return false
            case .extends(let lines):
                if let name = SyncPaths.ledgerName(path) {
                    let torn = LocalFiles.read(dir + "/" + path + ".torn") ?? []
                    if let problem = try ChainCheck.problem(name: name, contestID: contestID, bytes: local, torn: torn, scratch: scratch) {
                        result.exitCode = 1
                        say(o.language.t("\(path): \(problem.th): แฟ้มเสีย ไม่ได้ซิงก์สิ่งใด (khanaen verify)",
                                 "\(path): \(problem.en): the file is broken; nothing was synced (khanaen verify)"))
                        return false
                    }
                }
                let blobFile = scratch + "/blob"
                try ChainCheck.write(local, to: blobFile)
                let oid = try git.text(["hash-object", "-w", "--no-filters", blobFile])
                unlink(blobFile)
                try git.text(["update-index", "--add", "--cacheinfo", "100644,\(oid),\(path)"])
                staged.append(path)
                if path.hasSuffix(".jsonl") { result.wentOut[path] = lines }
            }
        }
        guard !staged.isEmpty else { return true }
        let summary = result.wentOut.sorted { $0.key < $1.key }.map { "\($0.key) +\($0.value)" }.joined(separator: ", ")
        try git.text(["commit", "-q", "--no-verify", "-m", "\(o.login)@\(o.host): \(summary.isEmpty ? staged.joined(separator: ", ") : summary)"])
        let commit = try git.text(["rev-parse", "HEAD"])
        for (path, lines) in result.wentOut.sorted(by: { $0.key < $1.key }) {
            say(o.language.t("คอมมิต \(path): \(lines) บรรทัดใหม่ (คอมมิต \(short(commit)))", "committed \(path): \(lines) new lines (commit \(short(commit)))"))
        }
        return true
    }

    /// Every ledger file in the folder (an open contest: whoever syncs may have written any).
    func localLedgerFiles() -> [String] {
        var found: [String] = []
        let top = dir + "/" + ContestFolder.ledgerFolder
        guard let d = opendir(top) else { return [] }
        defer { closedir(d) }
        while let e = readdir(d) {
            let sub = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if sub.hasPrefix(".") { continue }
            guard let dd = opendir(top + "/" + sub) else { continue }
            while let f = readdir(dd) {
                let name = withUnsafeBytes(of: f.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                let path = ContestFolder.ledgerFolder + "/" + sub + "/" + name
                if !name.hasPrefix("."), SyncPaths.travels(path) { found.append(path) }
            }
            closedir(dd)
        }
        return found
    }

    /// Checks what came in (every incoming commit, then every file against ours) and merges
    /// it. Returns false, merging nothing, on a refused history or a fork.
    /// `resolved`: files whose fork a chair has just resolved here, and the kept side's blob.
    func integrate(_ upstream: String, branch: String, remote: String, resolved: [String: String] = [:]) throws -> Bool {
        let head = try git.text(["rev-parse", "HEAD"])
        let mb = try git.outcome(["merge-base", head, upstream])
        let base: String? = mb.succeeded ? String(decoding: mb.output, as: UTF8.self).trimmingNewlines : nil

        // 1. Every commit that came in only appends to every ledger file it touches.
        guard try appendsOnly(try git.text(["rev-list", "--reverse", "--topo-order", upstream, "^" + head]).split(separator: "\n").map(String.init)) else {
            return false
        }

        // 2. Each file against ours: one extends the other, or both extend the common base (a fork).
        var trees: [String: [String: String]] = [:]
        func blobs(_ c: String) throws -> [String: String] {
            if let t = trees[c] { return t }
            let t = try git.ledgerBlobs(c)
            trees[c] = t
            return t
        }
        let ours = try blobs(head), theirs = try blobs(upstream), common = try base.map(blobs) ?? [:]
        var take: [String: String] = [:]
        var forks: [(path: String, line: Int, bytes: [UInt8])] = []
        var replaced: Set<String> = []
        let theirChairs = try chairBlobs(theirs)
        for path in Set(ours.keys).union(theirs.keys).sorted() where ours[path] != theirs[path] {
            if let oid = resolved[path] {
                take[path] = oid
                continue
            }
            let h = try git.blob(ours[path]), u = try git.blob(theirs[path])
            var growth = Growth.of(u, from: h)
            if case .differs = growth, theirs[path] != nil, Sync.resolves(theirChairs, path: path, head: Sync.lastLineHash(h)) {
                // A chair set our side aside when resolving its fork: theirs replaces it here.
                replaced.insert(path)
                growth = .extends(lines: Growth.lineCount(u))
            }
            switch growth {
            case .same, .behind: continue
            case .extends(let lines):
                if let name = SyncPaths.ledgerName(path) {
                    let torn = try git.blob(theirs[path + ".torn"])
                    if let problem = try ChainCheck.problem(name: name, contestID: contestID, bytes: u, torn: torn, scratch: scratch) {
                        let last = try git.text(["log", "-1", "--format=%H", upstream, "--", path])
                        let line = Int(problem.en.split(separator: " ").dropFirst().first.map { $0.trimmingCharacters(in: ":") } ?? "") ?? 0
                        return refuse(path, line: line, commit: last, what: o.language.t("ต่อสายแฮชไม่ได้ (\(problem.th))", "does not chain (\(problem.en))"))
                    }
                }
                take[path] = theirs[path]!
                if path.hasSuffix(".jsonl") { result.cameIn[path] = lines }
            case .differs(let line):
                let b = try git.blob(common[path])
                if base != nil, case .extends = Growth.of(u, from: b), case .extends = Growth.of(h, from: b) {
                    forks.append((path, line, u))
                } else {
                    let last = try git.text(["log", "-1", "--format=%H", upstream, "--", path])
                    return refuse(path, line: line, commit: last, what: o.language.t("ถูกแก้ไขหรือสลับลำดับ", "rewritten or reordered"))
                }
            }
        }
        if !forks.isEmpty {
            for f in forks {
                let kept = f.path + ".fork-" + short(upstream)
                try ChainCheck.write(f.bytes, to: dir + "/" + kept)
                let fork = SyncFork(path: f.path, judge: SyncPaths.judge(f.path), line: f.line, commit: upstream, keptAs: kept)
                result.forks.append(fork)
                let whose = fork.judge.map { o.language.t("แฟ้มของกรรมการ \($0)", "judge \($0)'s file") } ?? o.language.t("แฟ้ม", "the file")
                say(o.language.t("แยกสาย (fork): \(whose) \(f.path) ต่างกันตั้งแต่บรรทัด \(f.line) ระหว่างเครื่องนี้กับ \(remote) (คอมมิต \(short(upstream))): "
                         + "ทั้งสองฝั่งเพิ่มบรรทัดต่างกันจากจุดเดียวกัน เก็บฉบับของอีกฝั่งไว้ที่ \(kept) ไม่ได้รวมสิ่งใด ประธานกรรมการต้องตัดสิน",
                         "fork: \(whose) \(f.path) differs from line \(f.line) between this folder and \(remote) (commit \(short(upstream))): "
                         + "both sides appended different lines from the same line; the other side's version is kept as \(kept); "
                         + "nothing was merged; a chair must resolve it"))
            }
            result.exitCode = 1
            return false
        }

        // 3. The merged commit: theirs (a fast-forward), or a merge whose ledger files are the longer side's.
        let target: String
        if try git.succeeds(["merge-base", "--is-ancestor", head, upstream]) {
            target = upstream
        } else {
            let merged = try git.outcome(["merge-tree", "--write-tree", "--name-only", "--no-messages", head, upstream])
            let lines = String(decoding: merged.output, as: UTF8.self).split(separator: "\n").map(String.init)
            guard let tree = lines.first, merged.end == .exited(0) || merged.end == .exited(1) else {
                throw SyncFailure(th: "git merge-tree ไม่สำเร็จ: \(merged.firstErrorLine)", en: "git merge-tree failed: \(merged.firstErrorLine)")
            }
            let conflicts = lines.dropFirst().filter { !$0.isEmpty && !SyncPaths.travels($0) }
            if !conflicts.isEmpty {
                let both = conflicts.joined(separator: ", ")
                throw SyncFailure(th: "\(both) ถูกแก้ทั้งที่นี่และที่ \(remote) ไม่ได้รวมสิ่งใด: รวมแฟ้มเหล่านั้นเองด้วย git แล้วซิงก์อีกครั้ง",
                                  en: "\(both) changed both here and on \(remote); nothing was merged: merge those by hand with git, then sync again")
            }
            var index = git
            index.indexFile = scratch + "/merge-index"
            unlink(scratch + "/merge-index")
            try index.text(["read-tree", tree])
            var pick: [String] = []
            for (path, oid) in ours where take[path] == nil { pick += ["--cacheinfo", "100644,\(oid),\(path)"] }
            for (path, oid) in take { pick += ["--cacheinfo", "100644,\(oid),\(path)"] }
            if !pick.isEmpty { try index.text(["update-index", "--add"] + pick) }
            let mergedTree = try index.text(["write-tree"])
            unlink(scratch + "/merge-index")
            target = try git.text(["commit-tree", mergedTree, "-p", head, "-p", upstream, "-m",
                                   "\(o.login)@\(o.host): merge \(remote)/\(branch) (khanaen sync)"])
        }

        // 4. The folder: ledger files get the lines they lack appended; then the branch moves.
        for (path, oid) in take.sorted(by: { $0.key < $1.key }) {
            let bytes = try git.blob(oid)
            if replaced.contains(path), LocalFiles.wholeLines(dir + "/" + path) == (try git.blob(ours[path])) {
                do { try AtomicFile.write(bytes, to: dir + "/" + path, overwrite: true, mode: 0o640) } catch let e as InputError { throw SyncFailure(e) }
                say(o.language.t("\(path): ประธานกรรมการตัดสินสายที่แยกแล้ว ฉบับในเครื่องนี้ถูกแทนด้วยฉบับที่เก็บไว้ (ฉบับเดิมยังอยู่ในประวัติ git)",
                         "\(path): a chair resolved its fork; this folder's side was replaced by the kept one (it stays in git's history)"))
                continue
            }
            guard try LocalFiles.appendUpTo(bytes, path: dir + "/" + path) else {
                let here = LocalFiles.wholeLines(dir + "/" + path) ?? []
                let line: Int
                if case .differs(let l) = Growth.of(bytes, from: here) { line = l } else { line = Growth.lineCount(here) + 1 }
                let kept = path + ".fork-" + short(upstream)
                try ChainCheck.write(bytes, to: dir + "/" + kept)
                result.forks.append(SyncFork(path: path, judge: SyncPaths.judge(path), line: line, commit: upstream, keptAs: kept))
                say(o.language.t("แยกสาย (fork): \(path) ในเครื่องนี้มีบรรทัดใหม่ที่ต่างจาก \(remote) ตั้งแต่บรรทัด \(line); เก็บฉบับของอีกฝั่งไว้ที่ \(kept) ประธานกรรมการต้องตัดสิน",
                         "fork: \(path) in this folder has new lines that differ from \(remote)'s from line \(line); the other side's version is kept as \(kept); a chair must resolve it"))
                result.exitCode = 1
                return false
            }
        }
        let others = try git.text(["diff-tree", "-r", "--name-only", "--no-commit-id", head, target]).split(separator: "\n")
            .map(String.init).filter { !SyncPaths.travels($0) }
        try git.text(["update-ref", "-m", "khanaen sync", "refs/heads/\(branch)", target, head])
        try git.text(["reset", "-q"])
        if !others.isEmpty { try git.text(["checkout-index", "-f", "--"] + others) }
        for (path, lines) in result.cameIn.sorted(by: { $0.key < $1.key }) {
            let whose = SyncPaths.judge(path).map { path.hasSuffix("/\($0).jsonl") ? o.language.t(" (กรรมการ \($0))", " (judge \($0))") : "" } ?? ""
            say(o.language.t("รับเข้า \(path)\(whose): \(lines) บรรทัด", "came in \(path)\(whose): \(lines) lines"))
        }
        if !others.isEmpty { say(o.language.t("รับเข้า \(others.joined(separator: ", "))", "came in \(others.joined(separator: ", "))")) }
        return true
    }

    /// Whether every commit (oldest first) only appends to every ledger file it changes, against
    /// each of its parents; else refused whole (false), naming the file, the line and the commit.
    func appendsOnly(_ commits: [String]) throws -> Bool {
        var trees: [String: [String: String]] = [:]
        func blobs(_ c: String) throws -> [String: String] {
            if let t = trees[c] { return t }
            let t = try git.ledgerBlobs(c)
            trees[c] = t
            return t
        }
        for commit in commits {
            let parents = try git.text(["rev-list", "--parents", "-n", "1", commit]).split(separator: " ").dropFirst().map(String.init)
            let after = try blobs(commit)
            for parent in parents.isEmpty ? [nil] : parents.map({ Optional($0) }) {
                let before = try parent.map(blobs) ?? [:]
                for path in Set(before.keys).union(after.keys).sorted() where before[path] != after[path] {
                    let old = try git.blob(before[path]), new = try git.blob(after[path])
                    let growth = Growth.of(new, from: old)
                    if case .differs = growth, after[path] != nil, Sync.resolves(try chairBlobs(after), path: path, head: Sync.lastLineHash(old)) {
                        continue // a chair's resolution of a fork set this side aside (docs/sync.md)
                    }
                    switch growth {
                    case .same, .extends: continue
                    case .behind:
                        return refuse(path, line: Growth.lineCount(new) + 1, commit: commit,
                                      what: after[path] == nil ? o.language.t("ถูกลบ", "removed") : o.language.t("ถูกตัดออก", "cut off"))
                    case .differs(let line):
                        return refuse(path, line: line, commit: commit, what: o.language.t("ถูกแก้ไขหรือสลับลำดับ", "rewritten or reordered"))
                    }
                }
            }
        }
        return true
    }

    /// The remote's branch was moved to a history that does not hold what it held before
    /// (a force-push): refused whole, naming the first ledger line it lost or changed.
    func rewrittenRemote(last: String, now: String) throws -> Bool {
        let before = try git.ledgerBlobs(last), after = try git.ledgerBlobs(now)
        for path in Set(before.keys).union(after.keys).sorted() where before[path] != after[path] {
            let old = try git.blob(before[path]), new = try git.blob(after[path])
            switch Growth.of(new, from: old) {
            case .same, .extends: continue
            case .behind:
                let commit = try git.text(["log", "-1", "--format=%H", now, "--", path]).nonEmpty ?? now
                return refuse(path, line: Growth.lineCount(new) + 1, commit: commit, what: o.language.t("ถูกตัดออก", "cut off"))
            case .differs(let line):
                let commit = try git.text(["log", "-1", "--format=%H", now, "--", path]).nonEmpty ?? now
                return refuse(path, line: line, commit: commit, what: o.language.t("ถูกแก้ไขหรือสลับลำดับ", "rewritten or reordered"))
            }
        }
        result.refused = RefusedHistory(path: "", line: 0, commit: now, what: "history rewritten")
        result.exitCode = 1
        say(o.language.t("ปฏิเสธประวัติที่ดึงมาทั้งหมด: ประวัติของที่เก็บต้นทางถูกเขียนใหม่ (คอมมิต \(short(last)) ไม่อยู่ในประวัติที่ \(short(now)) แล้ว) ไม่ได้รวมสิ่งใด",
                 "refused the fetched history whole: the remote's history was rewritten (commit \(short(last)) is no longer in \(short(now))); nothing was merged"))
        return false
    }

    func refuse(_ path: String, line: Int, commit: String, what: String) -> Bool {
        result.refused = RefusedHistory(path: path, line: line, commit: commit, what: what)
        result.exitCode = 1
        say(o.language.t("ปฏิเสธประวัติที่ดึงมาทั้งหมด: \(path) บรรทัด \(line) \(what) ในคอมมิต \(short(commit)) "
                 + "(บรรทัดในสมุดคะแนนต้องไม่ถูกแก้ ตัด หรือสลับลำดับ) ไม่ได้รวมสิ่งใด",
                 "refused the fetched history whole: \(path) line \(line) is \(what) in commit \(short(commit)) "
                 + "(a ledger line is never changed, cut or reordered); nothing was merged"))
        return false
    }
}

extension String {
    var trimmingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
