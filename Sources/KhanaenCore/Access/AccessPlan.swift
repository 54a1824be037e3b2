/// Who owns each path of a contest folder, its group, its mode and whether the kernel keeps
/// it append-only, so that the rules of docs/access.md are enforced by the operating system:
/// a judge reads and appends to their own ledger file only and can neither read nor `stat`
/// another's, a chair appends to their own file only and the chairs read every file, and
/// nobody outside the panel can read anything.
public struct AccessPlan: Equatable, Sendable {
    public enum Owner: Equatable, Sendable {
        /// Whoever owns the contest folder: the secretariat (or root).
        case keeper
        case login(String)
    }

    public struct Rule: Equatable, Sendable {
        /// Relative to the contest folder; "" is the folder itself.
        public var path: String
        public var isFolder: Bool
        public var owner: Owner
        public var group: String
        /// Permission bits, with setgid (0o2000) on a folder whose new files take its group.
        public var mode: UInt32
        public var appendOnly: Bool
        /// Made by `access apply` when missing (each judge's ledger file is made in advance:
        /// no judge may create files in the ledger folder).
        public var create: Bool
        /// Why, in a few words, for docs/access.md and `access check`.
        public var why: String
    }

    public var rules: [Rule]

    /// The plan for `contest`; `documents` lists the documents folder's contents (relative
    /// paths, folders ending in "/") when it exists.
    public init(_ contest: Contest, documents: [String] = []) {
        let panel = contest.groups.panel, chairs = contest.groups.chairs
        var rules: [Rule] = [
            Rule(path: "", isFolder: true, owner: .keeper, group: panel, mode: 0o750, appendOnly: false, create: false,
                 why: "the panel may enter; no one else"),
            Rule(path: ContestFolder.contestFile, isFolder: false, owner: .keeper, group: panel, mode: 0o640, appendOnly: false,
                 create: false, why: "the panel reads it; only its keeper changes it"),
            Rule(path: ContestFolder.entriesFile, isFolder: false, owner: .keeper, group: panel, mode: 0o640, appendOnly: false,
                 create: false, why: "the panel reads it; only its keeper changes it"),
            Rule(path: ContestFolder.ledgerFolder, isFolder: true, owner: .keeper, group: panel, mode: 0o750, appendOnly: false,
                 create: true, why: "the panel may pass through to its own folder; no one but its keeper may create, remove or rename one"),
        ]
        let ledger = ContestFolder.ledgerFolder
        func files(_ path: String, owner: Owner, mode: UInt32, why: String) {
            for suffix in [".jsonl", ".jsonl.torn"] {
                rules.append(Rule(path: path + suffix, isFolder: false, owner: owner, group: chairs, mode: mode, appendOnly: true,
                                  create: true, why: why))
            }
        }
        for j in contest.judges {
            rules.append(Rule(path: "\(ledger)/\(j.id)", isFolder: true, owner: .login(j.user), group: chairs, mode: 0o750, appendOnly: false,
                              create: true, why: "judge \(j.id) and the chairs may enter; no other judge can read, or even stat, a file in it"))
            files("\(ledger)/\(j.id)/\(j.id)", owner: .login(j.user), mode: 0o640, why: "judge \(j.id) appends; the chairs read")
            for c in contest.chairs {
                files("\(ledger)/\(j.id)/\(Ledger.deliveryPrefix)\(c)", owner: .login(c), mode: 0o644,
                      why: "chair \(c) appends the decisions judge \(j.id) must see; \(j.id) reads them")
            }
        }
        rules.append(Rule(path: "\(ledger)/\(Ledger.chairsFolder)", isFolder: true, owner: .keeper, group: chairs, mode: 0o750,
                          appendOnly: false, create: true, why: "only the chairs may enter: decisions and checkpoints"))
        for c in contest.chairs {
            files("\(ledger)/\(Ledger.chairsFolder)/\(c)", owner: .login(c), mode: 0o640, why: "chair \(c) appends; the chairs read")
        }
        rules.append(Rule(path: "\(ledger)/\(Ledger.witnessFolder)", isFolder: true, owner: .keeper, group: chairs, mode: 0o750,
                          appendOnly: false, create: true, why: "only the keeper and the chairs may enter"))
        files("\(ledger)/\(Ledger.witnessFolder)/\(Ledger.witnessName)", owner: .keeper, mode: 0o640,
              why: "the keeper's checkpoints (root's cron); the chairs read")
        rules.append(Rule(path: "exports", isFolder: true, owner: .keeper, group: chairs, mode: 0o2770, appendOnly: false, create: true,
                          why: "the chairs write the exports; the judges cannot read them"))
        if !documents.isEmpty {
            rules.append(Rule(path: "documents", isFolder: true, owner: .keeper, group: panel, mode: 0o750, appendOnly: false, create: false,
                              why: "the panel reads the submissions"))
            for d in documents {
                let folder = d.hasSuffix("/")
                rules.append(Rule(path: "documents/" + (folder ? String(d.dropLast()) : d), isFolder: folder, owner: .keeper, group: panel,
                                  mode: folder ? 0o750 : 0o640, appendOnly: false, create: false, why: "the panel reads the submissions"))
            }
        }
        self.rules = rules
    }

    /// The Unix groups and who must be in them: every judge and chair in the panel's, the
    /// chairs in the chairs'.
    public static func members(_ contest: Contest) -> [(group: String, logins: [String])] {
        [(contest.groups.panel, contest.judges.map(\.user) + contest.chairs), (contest.groups.chairs, contest.chairs)]
    }
}
