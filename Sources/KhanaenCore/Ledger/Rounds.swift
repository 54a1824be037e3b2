#if canImport(Glibc)
import Glibc
#endif

/// A contest in rounds (docs/contest-format.md, "Rounds"): each round is a contest folder of
/// its own; what links two is the chair's `advance` line in the earlier round, and the later
/// round's `previousRound`, which records that line and the seal of the results it stood on.
extension Contest {
    /// contest.json's `round`: `{"number": 2, "title": "นำเสนอผลงาน"}`.
    public struct RoundInfo: Equatable, Sendable {
        public var number: Int
        public var title: String
        public init(number: Int, title: String) { self.number = number; self.title = title }
    }

    /// contest.json's `previousRound`.
    public struct PreviousRound: Equatable, Sendable {
        /// The earlier round's folder, relative to this round's.
        public var folder: String
        /// The results seal the advance was based on (a checkpoint of the earlier round records it).
        public var seal: String
        /// The advance line: its file (`ledger/chairs/<login>.jsonl`), seq and chain hash.
        public var advanceFile: String
        public var advanceSeq: Int
        public var advanceHash: String

        public init(folder: String, seal: String, advanceFile: String, advanceSeq: Int, advanceHash: String) {
            self.folder = folder
            self.seal = seal
            self.advanceFile = advanceFile
            self.advanceSeq = advanceSeq
            self.advanceHash = advanceHash
        }

        /// The JSON member contest.json carries.
        public var json: JSONValue {
            .obj([("folder", .string(folder)), ("seal", .string(seal)),
                  ("advance", .obj([("file", .string(advanceFile)), ("seq", .number(Double(advanceSeq))), ("hash", .string(advanceHash))]))])
        }
    }
}

/// The earlier round's official results, as a later round sees them: each entry's rank and
/// score there, shown beside this round's, and the score `carry` counts.
public struct EarlierRound: Equatable, Sendable {
    public struct Standing: Equatable, Sendable {
        public var rank: Int?
        public var score: Double?
        public init(rank: Int?, score: Double?) { self.rank = rank; self.score = score }
    }

    /// The earlier round's number.
    public var number: Int
    /// By entry id.
    public var standings: [String: Standing]

    public init(number: Int, standings: [String: Standing]) {
        self.number = number
        self.standings = standings
    }

    public init(number: Int, results: Results) {
        self.number = number
        standings = Dictionary(results.entries.map { ($0.id, Standing(rank: $0.rank, score: $0.score)) }, uniquingKeysWith: { a, _ in a })
    }
}

/// One round of a contest in rounds, as the minutes list it (`ReportMarkdown.text`).
public struct RoundMinutes: Equatable, Sendable {
    public var number: Int
    /// `round.title`, else the contest's name.
    public var title: String
    /// Its folder, as `khanaen rounds` finds it.
    public var folder: String
    /// The round the report is of.
    public var isThis: Bool
    /// The first and last line written in its ledger; nil when none (or it could not be read).
    public var first: Int64?
    public var last: Int64?
    /// Its judges' names.
    public var panel: [String]
    /// The entries its chair advanced to the next round, and the seal that advance stood on;
    /// nil for a round that advanced none (the final round).
    public var shortlist: [String]?
    public var seal: String?
    /// Why its ledger could not be read, when it could not.
    public var unreadable: String?

    public init(number: Int, title: String, folder: String, isThis: Bool, first: Int64? = nil, last: Int64? = nil, panel: [String],
                shortlist: [String]? = nil, seal: String? = nil, unreadable: String? = nil) {
        (self.number, self.title, self.folder, self.isThis, self.first, self.last) = (number, title, folder, isThis, first, last)
        (self.panel, self.shortlist, self.seal, self.unreadable) = (panel, shortlist, seal, unreadable)
    }

    /// A round as its ledger stands: the span of its lines and its last advance.
    public init(_ contest: Contest, number: Int, folder: String, isThis: Bool, ledger: Ledger) {
        let events = ledger.allFiles.flatMap(\.events)
        let advance = ledger.chairFiles.flatMap(\.events).last { $0.kind == .advance }
        self.init(number: number, title: contest.round.flatMap { $0.title.isEmpty ? nil : $0.title } ?? contest.name, folder: folder,
                  isThis: isThis, first: events.map(\.time).min(), last: events.map(\.time).max(), panel: contest.judges.map(\.name),
                  shortlist: advance?.advancedEntries, seal: advance?.advanceSeal)
    }
}

/// Choosing a shortlist from a round's results.
public enum Shortlist {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Fewer ranked entries than asked for.
        case tooFew(ranked: Int, asked: Int)
        /// The cut after `n` falls inside a tie: `tied` share the rank at the cut.
        case tieAtCut(n: Int, rank: Int, tied: [String])

        public var words: Phrase {
            switch self {
            case .tooFew(let ranked, let asked):
                return Phrase("มีผลงานที่จัดอันดับแล้วเพียง \(ranked) ผลงาน ตัดที่ --top \(asked) ไม่ได้",
                              "only \(ranked) entries are ranked; --top \(asked) cannot be cut")
            case .tieAtCut(let n, let rank, let tied):
                let ids = tied.joined(separator: ", ")
                return Phrase("จุดตัดหลังอันดับ \(n) อยู่กลางคะแนนเท่ากัน: \(ids) ได้อันดับ \(rank) ร่วมกันตามเกณฑ์ตัดสินเมื่อเท่ากัน "
                              + "ให้ประธานกรรมการเลือกเองด้วย --entries",
                              "the cut after \(n) falls inside a tie: \(ids) share rank \(rank) by the rules' tie-break; "
                              + "name the chair's choice with --entries")
            }
        }

        public var description: String { words.en }
    }

    /// The first `n` ranked entries, or why they cannot be cut there.
    public static func top(_ n: Int, of results: Results) throws(Problem) -> [String] {
        let ranked = results.entries.filter { $0.rank != nil }
        guard n >= 1, n <= ranked.count else { throw .tooFew(ranked: ranked.count, asked: n) }
        if n < ranked.count, let rank = ranked[n - 1].rank, ranked[n].rank == rank {
            throw .tieAtCut(n: n, rank: rank, tied: ranked.filter { $0.rank == rank }.map(\.id))
        }
        return ranked.prefix(n).map(\.id)
    }
}

/// The chain of custody between two rounds: the earlier round's ledger still extends the seal
/// the advance was based on (as `verify --seal`), the advance line is still the one recorded,
/// and it lists exactly this round's entries.
public enum Custody {
    /// The earlier round's folder as a path from the working folder.
    public static func folder(of previous: Contest.PreviousRound, from directory: String) -> String {
        directory + "/" + previous.folder
    }

    /// Every problem, each naming the earlier round's folder, its file and line, in `language`
    /// (a broken file's as `verify` gives it); empty when the custody
    /// holds. `load` reads a contest folder and its ledger (verified).
    public static func problems(_ contest: Contest, directory: String, language: Language = .en, load: (String) throws -> Ledger) -> [String] {
        guard let previous = contest.previousRound else { return [] }
        let th = language == .th
        func pick(_ a: String, _ b: String) -> String { th ? a : b }
        let dir = folder(of: previous, from: directory)
        let number = contest.round.map { String($0.number - 1) }
        let round = th ? "รอบที่ \(number ?? "ก่อน") (\(previous.folder))" : "round \(number ?? "before") (\(previous.folder))"
        let ledger: Ledger
        do { ledger = try load(dir) } catch { return ["\(round): " + pick("อ่านไม่ได้: ", "cannot be read: ") + error.said(in: language)] }
        var out: [String] = []
        for f in ledger.allFiles { if let b = f.broken { out.append("\(round): " + b.describe(f.displayPath, in: language)) } }
        // The advance line, as recorded.
        let name = String(previous.advanceFile.dropFirst(ContestFolder.ledgerFolder.count + 1).dropLast(".jsonl".count))
        guard let file = ledger.file(named: name) else {
            return out + ["\(round): \(previous.advanceFile) " + pick("ไม่ใช่แฟ้มของประธานกรรมการคนใดของรอบนั้น", "is the file of no chair of that round")]
        }
        let at = "\(previous.advanceFile):\(previous.advanceSeq)"
        if file.lineCount < previous.advanceSeq {
            out.append("\(round): \(at) " + pick("หายไป (แฟ้มมี \(file.lineCount) บรรทัดที่สมบูรณ์): บรรทัดคัดเข้ารอบถูกตัดหรือเขียนใหม่",
                                                  "is missing (the file has \(file.lineCount) intact lines): the advance line was cut or rewritten"))
        } else if file.hash(atLine: previous.advanceSeq)?.hex != previous.advanceHash {
            out.append("\(round): \(at) " + pick("ไม่ใช่บรรทัดคัดเข้ารอบที่ previousRound ระบุไว้: แฟ้มถูกเขียนใหม่หรือถูกแทนที่",
                                                  "is not the advance line recorded in previousRound: the file was rewritten or replaced"))
        } else {
            let e = file.events[previous.advanceSeq - 1]
            if e.kind != .advance {
                out.append("\(round): \(at) " + pick("ไม่ใช่บรรทัดคัดเข้ารอบ", "is not an advance"))
            } else {
                if e.advanceSeal != previous.seal {
                    out.append("\(round): \(at) " + pick("คัดเข้ารอบจากตราผลคะแนน \(e.advanceSeal ?? "") ไม่ใช่ \(previous.seal)",
                                                          "advanced on seal \(e.advanceSeal ?? ""), not \(previous.seal)"))
                }
                let advanced = e.advancedEntries, ours = contest.entries.map(\.id)
                if Set(advanced) != Set(ours) || advanced.count != ours.count {
                    let missing = advanced.filter { !ours.contains($0) }, extra = ours.filter { !advanced.contains($0) }
                    out.append("\(round): \(at) " + pick("คัดเข้ารอบ \(advanced.joined(separator: ", ")); ผลงานของรอบนี้ไม่ตรงกัน",
                                                          "advanced \(advanced.joined(separator: ", ")); this round's entries differ")
                               + (missing.isEmpty ? "" : pick(" (ไม่มีในรอบนี้: ", " (missing: ") + missing.joined(separator: ", ") + ")")
                               + (extra.isEmpty ? "" : pick(" (ไม่ได้คัดเข้ารอบ: ", " (not advanced: ") + extra.joined(separator: ", ") + ")"))
                }
            }
        }
        // The results the advance stood on: a checkpoint recorded their seal with every head.
        let book = SheetBook(ledger: ledger)
        let sealed = Checkpoints.sealed(previous.seal, ledger, checkpoints: book.checkpoints)
        if sealed.isEmpty {
            out.append("\(round): " + pick("ไม่มีจุดตรวจใดมีตราผลคะแนน \(previous.seal): ยืนยันผลคะแนนที่ใช้คัดเข้ารอบไม่ได้",
                                           "no checkpoint records the seal \(previous.seal): the results the advance stood on cannot be vouched for"))
        }
        for (_, missing) in sealed { out += missing.map { "\(round): " + $0.text(language) } }
        // The earlier round is closed once it advanced: a judge's line or a chair's decision
        // written after the sealed results would change them under this round, which shows and
        // may count them.
        if let heads = sealed.first?.checkpoint.checkpoint.heads {
            for f in ledger.judgeFiles {
                let seen = heads.first { $0.file == f.name }?.lines ?? 0
                if f.lineCount > seen {
                    out.append("\(round): \(f.displayPath):\(seen + 1): " + pick("เขียนหลังการคัดเข้ารอบ: ผลคะแนนของรอบนั้นอาจไม่ใช่ผลที่ใช้คัดแล้ว",
                                                                                "written after the advance: that round's results may no longer be those the shortlist stood on"))
                }
            }
            for f in ledger.chairFiles {
                let after = f.events.first { e in
                    e.kind != .checkpoint && e.kind != .advance
                        && (f.name == name ? e.seq > previous.advanceSeq : e.seq > (heads.first { $0.file == f.name }?.lines ?? 0))
                }
                if let e = after {
                    out.append("\(round): \(f.displayPath):\(e.seq): " + pick("การตัดสิน (\(e.kind.rawValue)) หลังการคัดเข้ารอบ: ผลคะแนนของรอบนั้นอาจไม่ใช่ผลที่ใช้คัดแล้ว",
                                                                               "a \(e.kind.rawValue) after the advance: that round's results may no longer be those the shortlist stood on"))
                }
            }
        }
        return out
    }
}

extension ContestFolder {
    /// `contest` with `earlierRound` read from its previous round's folder (that round's official
    /// results as its ledger stands, itself counting its own earlier round when it carries one).
    /// An earlier round that cannot be read is an error when this round carries it, and
    /// otherwise leaves the context out.
    public static func withEarlierRound(_ contest: Contest, in dir: String, depth: Int = 0) throws -> Contest {
        guard let previous = contest.previousRound, depth < 100 else { return contest }
        let folder = Custody.folder(of: previous, from: dir)
        var out = contest
        do {
            let before = try withEarlierRound(try loadContest(folder), in: folder, depth: depth + 1)
            let results = Scoring.compute(SheetBook(ledger: try ledger(of: before, in: folder)), method: nil, includeDrafts: false)
            out.earlierRound = EarlierRound(number: before.round?.number ?? (contest.round.map { $0.number - 1 } ?? 1), results: results)
        } catch {
            guard contest.carry == nil else {
                throw InputError(th: "\(dir)/\(contestFile): carry นับคะแนนของรอบก่อน แต่อ่าน \(previous.folder) ไม่ได้: \(error)", en: "\(dir)/\(contestFile): carry counts the earlier round's scores, but \(previous.folder) cannot be read: \(error)")
            }
        }
        return out
    }
}
