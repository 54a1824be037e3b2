/// Checkpoints: a chair's file records the head (line count and hash) of every other ledger
/// file (the judges', the other chairs', the witness's and the deliveries) when the console
/// opens, with every chair action, with every report and by `khanaen checkpoint`; the
/// witness's file (root's cron job) records every chair's too. A file that no longer reaches
/// a head a checkpoint recorded was cut back, rolled back or replaced, which its own chain
/// cannot show (docs/ledger.md).
public enum Checkpoints {
    /// What a checkpoint written into `own` now would record: every other file, as read.
    public static func now(_ ledger: Ledger, seal: String? = nil, own: LedgerFile? = nil) -> Checkpoint {
        Checkpoint(heads: ledger.allFiles.filter { $0 !== own }.map { .init(file: $0.name, lines: $0.lineCount, hash: $0.headHex) },
                   rules: ledger.contest.rulesHash, identity: ledger.contest.identity, seal: seal)
    }

    /// One line per judge file that no longer reaches a head a checkpoint recorded (the first
    /// such checkpoint), and one when the scoring rules differ from the last checkpoint's; in English.
    public static func problems(_ ledger: Ledger, checkpoints: [SheetBook.CheckpointLine]) -> [String] {
        problemWords(ledger, checkpoints: checkpoints).map(\.en)
    }

    /// The same in both languages.
    public static func problemWords(_ ledger: Ledger, checkpoints: [SheetBook.CheckpointLine]) -> [Phrase] {
        var out: [Phrase] = []
        var reported = Set<String>()
        for c in checkpoints {
            for h in c.checkpoint.heads where !reported.contains(h.file) {
                if let problem = problem(h, in: ledger, at: c) {
                    out.append(problem)
                    reported.insert(h.file)
                }
            }
        }
        if let last = checkpoints.last, last.checkpoint.rules != ledger.contest.rulesHash {
            out.append(Phrase("\(ContestFolder.contestFile): กติกาการให้คะแนน (เกณฑ์ คะแนนเต็ม ขั้นคะแนน ประเภทรางวัล องค์ประชุม "
                                + "ลำดับการตัดสินเมื่อคะแนนเท่ากัน เกณฑ์ขั้นต่ำ) เปลี่ยนไปหลังจุดตรวจที่ \(where_(last))",
                              "\(ContestFolder.contestFile): the scoring rules (criteria, maxima, step, tiers, quorum, tie-break, thresholds) "
                                + "changed since the checkpoint at \(where_(last))"))
        }
        out += identityProblems(ledger, checkpoints: checkpoints)
        return out
    }

    /// Who is judged and who judges may not change once scoring has begun: today's identity is
    /// held to every checkpoint that saw a judge's line, and each part that differs is named
    /// once, with the first checkpoint it differs from.
    static func identityProblems(_ ledger: Ledger, checkpoints: [SheetBook.CheckpointLine]) -> [Phrase] {
        let judges = Set(ledger.judgeFiles.map(\.name))
        let today = ledger.contest.identity
        var said = Set<String>(), out: [Phrase] = []
        for c in checkpoints {
            guard let then = c.checkpoint.identity, c.checkpoint.heads.contains(where: { judges.contains($0.file) && $0.lines > 0 }) else { continue }
            for change in today.changeWords(since: then) where said.insert(change.en).inserted {
                out.append(Phrase("\(change.th) เปลี่ยนไปหลังเริ่มให้คะแนนแล้ว: ไม่ตรงกับที่จุดตรวจที่ \(where_(c)) จดไว้",
                                  "\(change.en) changed after scoring began: it is not what the checkpoint at \(where_(c)) recorded"))
            }
        }
        return out
    }

    /// Why `head` is no longer reached, or nil.
    static func problem(_ head: Checkpoint.Head, in ledger: Ledger, at c: SheetBook.CheckpointLine) -> Phrase? {
        let at = where_(c)
        guard let file = ledger.file(named: head.file) else {
            let other = Ledger.displayPath(ofFile: head.file)
            return Phrase("จุดตรวจที่ \(at) จดแฟ้ม \(other) ซึ่งไม่ใช่ของผู้ใดในการประกวดนี้",
                          "the checkpoint at \(at) records a file \(other) that belongs to nobody of the contest")
        }
        let name = file.displayPath
        if head.lines == 0 {
            return head.hash == file.genesis.hex ? nil
                : Phrase("\(name): จุดตรวจที่ \(at) จดการประกวดหรือแฟ้มอื่น", "\(name): the checkpoint at \(at) records a different contest or file")
        }
        if file.lineCount < head.lines {
            let now = file.broken.map { b in
                let why = b.words(name)
                return Phrase("อ่านได้ \(file.lineCount) บรรทัดที่ไม่เสียหาย (\(why.th))", "reads \(file.lineCount) intact lines (\(why.en))")
            } ?? Phrase("มี \(file.lineCount) บรรทัด", "has \(file.lineCount) lines")
            return Phrase("\(name) \(now.th) แต่จุดตรวจที่ \(at) จดไว้ \(head.lines) บรรทัด: มีบรรทัดถูกตัด หรือแฟ้มถูกย้อนกลับหรือถูกแทนที่",
                          "\(name) \(now.en); the checkpoint at \(at) recorded \(head.lines): lines were cut, or the file was rolled back or replaced")
        }
        if file.hash(atLine: head.lines)?.hex != head.hash {
            return Phrase("\(name): บรรทัด \(head.lines) ไม่ใช่บรรทัดที่จุดตรวจที่ \(at) จดไว้: แฟ้มถูกเขียนใหม่หรือถูกแทนที่",
                          "\(name): line \(head.lines) is not the one the checkpoint at \(at) recorded: the file was rewritten or replaced")
        }
        return nil
    }

    /// The checkpoints that witnessed a report whose seal starts with `prefix` (at least 12
    /// hex digits), and for each, why today's ledger no longer extends it (empty: it does).
    public static func sealed(_ prefix: String, _ ledger: Ledger, checkpoints: [SheetBook.CheckpointLine])
        -> [(checkpoint: SheetBook.CheckpointLine, problems: [Phrase])] {
        checkpoints.filter { $0.checkpoint.seal?.hasPrefix(prefix) == true }.map { c in
            (c, c.checkpoint.heads.compactMap { problem($0, in: ledger, at: c) })
        }
    }

    static func where_(_ c: SheetBook.CheckpointLine) -> String {
        "\(Ledger.displayPath(ofFile: c.file)):\(c.seq) (\(Timestamp.format(c.time)))"
    }
}

extension Ledger {
    /// The file a checkpoint by `actor` goes into: a chair's own, else the witness's.
    public func checkpointFile(for actor: String) -> LedgerFile { chairFile(for: actor) ?? witnessFile }

    /// Appends a checkpoint of every other file as it is now, by `actor`, into the actor's
    /// own file if a chair (first delivering what the chair has not), else the witness's.
    /// With `unlessUnchanged`, nothing is written when the last checkpoint recorded the same
    /// heads, rules and seal. Returns whether a line was written.
    @discardableResult
    public func appendCheckpoint(actor: String, seal: String? = nil, unlessUnchanged: Bool = true,
                                 time: Int64 = Timestamp.nowMillis()) throws -> Bool {
        let own = checkpointFile(for: actor)
        if own !== witnessFile { deliver(chair: actor, time: time) }
        for f in allFiles where f !== own { try f.refresh() }
        let checkpoint = Checkpoints.now(self, seal: seal, own: own)
        for h in checkpoint.heads { file(named: h.file)?.watch(line: h.lines) }
        // A witness records only what is durable: a line read but not yet synced by its writer
        // could vanish in a power cut, and the checkpoint would then report a rollback.
        for f in allFiles where f !== own { try f.makeDurable() }
        let written = try own.append(time: time) { chairEvents in
            if unlessUnchanged, let last = chairEvents.last(where: { $0.kind == .checkpoint })?.checkpoint,
               last.heads == checkpoint.heads && last.rules == checkpoint.rules && last.identity == checkpoint.identity
                && (seal == nil || last.seal == seal) {
                return []
            }
            return [LedgerEvent(actor: actor, checkpoint: checkpoint)]
        }
        return !written.isEmpty
    }
}
