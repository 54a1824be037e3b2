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

    /// Every problem, each naming the earlier round's folder, its file and line; empty when
    /// the custody holds. `load` reads a contest folder and its ledger (verified).
    public static func problems(_ contest: Contest, directory: String, load: (String) throws -> Ledger) -> [String] {
        guard let previous = contest.previousRound else { return [] }
        let dir = folder(of: previous, from: directory)
        let round = "round \(contest.round.map { String($0.number - 1) } ?? "before") (\(previous.folder))"
        let ledger: Ledger
        do { ledger = try load(dir) } catch { return ["\(round): cannot be read: \(error)"] }
        var out: [String] = []
        for f in ledger.allFiles { if let b = f.broken { out.append("\(round): " + b.describe(f.displayPath)) } }
        // The advance line, as recorded.
        let name = String(previous.advanceFile.dropFirst(ContestFolder.ledgerFolder.count + 1).dropLast(".jsonl".count))
        guard let file = ledger.file(named: name) else {
            return out + ["\(round): \(previous.advanceFile) is the file of no chair of that round"]
        }
        let at = "\(previous.advanceFile):\(previous.advanceSeq)"
        if file.lineCount < previous.advanceSeq {
            out.append("\(round): \(at) is missing (the file has \(file.lineCount) intact lines): the advance line was cut or rewritten")
        } else if file.hash(atLine: previous.advanceSeq)?.hex != previous.advanceHash {
            out.append("\(round): \(at) is not the advance line recorded in previousRound: the file was rewritten or replaced")
        } else {
            let e = file.events[previous.advanceSeq - 1]
            if e.kind != .advance {
                out.append("\(round): \(at) is not an advance")
            } else {
                if e.advanceSeal != previous.seal { out.append("\(round): \(at) advanced on seal \(e.advanceSeal ?? ""), not \(previous.seal)") }
                let advanced = e.advancedEntries, ours = contest.entries.map(\.id)
                if Set(advanced) != Set(ours) || advanced.count != ours.count {
                    let missing = advanced.filter { !ours.contains($0) }, extra = ours.filter { !advanced.contains($0) }
                    out.append("\(round): \(at) advanced \(advanced.joined(separator: ", ")); this round's entries differ"
                               + (missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))")
                               + (extra.isEmpty ? "" : " (not advanced: \(extra.joined(separator: ", ")))"))
                }
            }
        }
        // The results the advance stood on: a checkpoint recorded their seal with every head.
        let book = SheetBook(ledger: ledger)
        let sealed = Checkpoints.sealed(previous.seal, ledger, checkpoints: book.checkpoints)
        if sealed.isEmpty {
            out.append("\(round): no checkpoint records the seal \(previous.seal): the results the advance stood on cannot be vouched for")
        }
        for (_, missing) in sealed { out += missing.map { "\(round): " + $0 } }
        return out
    }
}
