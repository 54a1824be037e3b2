/// Who owns each path of a contest folder, its group, its mode and whether the kernel keeps
/// it append-only, so that the rules of docs/access.md are enforced by the operating system:
/// a judge reads and appends to their own ledger file only, the chairs read every judge's
/// file and write the chair's, and nobody outside the panel can read anything.
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
                 create: true, why: "the panel may open files in it; no one but its keeper may create, remove or rename one"),
        ]
        for j in contest.judges {
            for suffix in [".jsonl", ".jsonl.torn"] {
                rules.append(Rule(path: "\(ContestFolder.ledgerFolder)/\(j.id)\(suffix)", isFolder: false, owner: .login(j.user),
                                  group: chairs, mode: 0o640, appendOnly: true, create: true,
                                  why: "judge \(j.id) appends; the chairs read; no other judge reads"))
            }
        }
        for suffix in [".jsonl", ".jsonl.torn"] {
            rules.append(Rule(path: "\(ContestFolder.ledgerFolder)/\(ContestParser.chairFileName)\(suffix)", isFolder: false, owner: .keeper,
                              group: chairs, mode: 0o664, appendOnly: true, create: true,
                              why: "the chairs append; the judges read it for reopens (only the panel can reach it)"))
        }
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
