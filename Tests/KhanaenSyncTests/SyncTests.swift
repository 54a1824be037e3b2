import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore
@testable import KhanaenSync
import KhanaenUI

/// `khanaen sync` with the real git: a bare repository on local disk and clones of it, each
/// scoring offline with Khanaen's own commands (an open contest, the sample's ledger removed).
final class SyncTests: XCTestCase {
    private var root = ""
    private var remote = ""

    override func setUpWithError() throws {
        guard Subprocess.isAvailable("git") else { throw XCTSkip("git is not installed") }
        root = NSTemporaryDirectory() + "khanaen-sync-" + UUID().uuidString
        remote = root + "/remote.git"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git(root, ["init", "-q", "--bare", "-b", "main", remote])
        let seed = root + "/seed"
        XCTAssertEqual(run(["init", seed, "--demo"]).code, 0)
        try FileManager.default.removeItem(atPath: seed + "/ledger")
        // An open contest: every machine here runs as the same login, acting as the judge it names.
        let json = try String(contentsOfFile: seed + "/contest.json", encoding: .utf8)
        try json.replacingOccurrences(of: "\"access\": \"logins\"", with: "\"access\": \"open\"")
            .write(toFile: seed + "/contest.json", atomically: true, encoding: .utf8)
        let r = run(["sync", "--setup", remote, "--contest", seed, "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("pushed to origin"), r.out)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func run(_ args: [String], as login: String = "tester") -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(args, CommandContext(environment: ["HOME": root], login: login, uid: 1000, out: { out += $0 }, err: { err += $0 }))
        return (code, out, err)
    }

    @discardableResult
    private func git(_ dir: String, _ args: [String]) throws -> String {
        let r = Subprocess.run("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t"] + args, timeout: 60)
        guard r.succeeded else {
            let said = "git \(args.joined(separator: " ")): \(String(decoding: r.errorOutput, as: UTF8.self))"
            throw SyncFailure(th: said, en: said)
        }
        return String(decoding: r.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A judge's machine: a clone of the remote, set up.
    private func clone(_ name: String) throws -> String {
        let dir = root + "/" + name
        try git(root, ["clone", "-q", remote, dir])
        let r = run(["sync", "--setup", "--contest", dir])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        return dir
    }

    private var nextValue = 0
    /// Scores `count` criteria as `judge` (one ledger line each).
    private func score(_ dir: String, _ judge: String, entry: String, count: Int) {
        for k in 0..<count {
            nextValue += 1
            let r = run(["score", "--contest", dir, "--judge", judge, "--entry", entry, "c\(k % 7 + 1)=\(nextValue % 10)"])
            XCTAssertEqual(r.code, 0, r.out + r.err)
        }
    }

    private func sync(_ dir: String, _ extra: [String] = []) -> (code: Int32, out: String, err: String) {
        run(["sync", "--contest", dir, "--lang", "en"] + extra)
    }

    private func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    private func lines(_ path: String) -> Int { bytes(path).filter { $0 == 0x0A }.count }

    func testThreeClonesScoringOfflineSyncInEveryOrderAndEndTheSame() throws {
        let a = try clone("A"), b = try clone("B"), c = try clone("C")
        let machines = [(a, "j1"), (b, "j2"), (c, "j3")]
        var written = ["j1": 0, "j2": 0, "j3": 0]
        let orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0], [0, 2, 1]]
        for (round, order) in orders.enumerated() {
            for (dir, judge) in machines {
                score(dir, judge, entry: String(format: "e%02d", round + 1), count: 2 + round)
                written[judge]! += 2 + round
            }
            for k in order {
                let r = sync(machines[k].0, k == order.first && round == 1 ? ["--judge", machines[k].1] : [])
                XCTAssertEqual(r.code, 0, "round \(round), \(machines[k].1): " + r.out + r.err)
            }
        }
        // The first to sync in the last round has not yet seen the others': one more pass.
        for (dir, _) in machines { XCTAssertEqual(sync(dir).code, 0) }
        for (dir, judge) in machines {
            for (other, n) in written {
                XCTAssertEqual(lines("\(dir)/ledger/\(other)/\(other).jsonl"), n, "\(judge)'s machine has every line of \(other)")
                XCTAssertEqual(bytes("\(dir)/ledger/\(other)/\(other).jsonl"), bytes("\(a)/ledger/\(other)/\(other).jsonl"))
            }
            let v = run(["verify", "--contest", dir])
            XCTAssertEqual(v.code, 0, v.out + v.err)
            XCTAssertEqual(try git(dir, ["status", "--porcelain"]), "", "nothing left uncommitted or changed on \(judge)'s machine")
        }
        // The remote holds the same lines, and its history only ever grew.
        let check = try clone("check")
        for (other, _) in written { XCTAssertEqual(bytes("\(check)/ledger/\(other)/\(other).jsonl"), bytes("\(a)/ledger/\(other)/\(other).jsonl")) }
        XCTAssertEqual(run(["verify", "--contest", check]).code, 0)
        XCTAssertGreaterThan(Int(try git(check, ["rev-list", "--merges", "--count", "HEAD"])) ?? 0, 0, "both sides appended: merge commits")
        // Thai by default: what came in and went out.
        score(a, "j1", entry: "e09", count: 1)
        let thai = run(["sync", "--contest", a])
        XCTAssertEqual(thai.code, 0, thai.err)
        XCTAssertTrue(thai.out.contains("คอมมิต ledger/j1/j1.jsonl: 1 บรรทัดใหม่"), thai.out)
        let came = sync(b)
        XCTAssertTrue(came.out.contains("came in ledger/j1/j1.jsonl (judge j1): 1 lines"), came.out)
    }

    func testAFetchedCommitThatRewritesALedgerLineIsRefusedWhole() throws {
        let a = try clone("A"), b = try clone("B"), x = try clone("X")
        score(a, "j1", entry: "e01", count: 3)
        XCTAssertEqual(sync(a).code, 0)
        XCTAssertEqual(sync(b).code, 0)
        XCTAssertEqual(lines(b + "/ledger/j1/j1.jsonl"), 3)
        // Someone with plain git changes j1's second line (the hash left as it was) and pushes.
        XCTAssertEqual(sync(x).code, 0)
        let path = x + "/ledger/j1/j1.jsonl"
        var text = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        text[1] = text[1].replacingOccurrences(of: "\"value\":", with: "\"value\":1")
        try text.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try git(x, ["commit", "-q", "-am", "a better score"])
        let bad = try git(x, ["rev-parse", "HEAD"])
        try git(x, ["push", "-q", "origin", "main"])
        // A judge on b has scored meanwhile: the sync refuses what came in, keeps what b has.
        score(b, "j2", entry: "e02", count: 2)
        let before = bytes(b + "/ledger/j1/j1.jsonl"), head = try git(b, ["rev-parse", "HEAD^{tree}"])
        let r = sync(b)
        XCTAssertEqual(r.code, 1, r.out + r.err)
        XCTAssertTrue(r.err.contains("refused the fetched history whole: ledger/j1/j1.jsonl line 2 is rewritten or reordered in commit \(bad.prefix(10))"), r.err)
        XCTAssertEqual(bytes(b + "/ledger/j1/j1.jsonl"), before)
        XCTAssertNotEqual(try git(b, ["rev-parse", "HEAD^{tree}"]), head, "b's own lines were committed")
        XCTAssertThrowsError(try git(b, ["merge-base", "--is-ancestor", bad, "HEAD"]), "nothing of it was merged")
        XCTAssertEqual(run(["verify", "--contest", b]).code, 0)
        // And again on the next sync: a refused history is not taken the second time either.
        XCTAssertEqual(sync(b).code, 1)
    }

    func testARemoteWhoseHistoryWasRewrittenIsRefused() throws {
        let a = try clone("A"), b = try clone("B"), x = try clone("X")
        score(a, "j1", entry: "e01", count: 2)
        XCTAssertEqual(sync(a).code, 0)
        XCTAssertEqual(sync(b).code, 0)
        // The remote is force-pushed back to the rules, with j1's file made again from other lines.
        let rules = try git(x, ["rev-list", "--max-parents=0", "HEAD"])
        try git(x, ["reset", "-q", "--hard", rules])
        score(x, "j1", entry: "e03", count: 2)
        try git(x, ["add", "ledger"])
        try git(x, ["commit", "-q", "-m", "j1 again"])
        let forced = try git(x, ["rev-parse", "HEAD"])
        try git(x, ["push", "-q", "--force", "origin", "main"])
        let r = sync(b)
        XCTAssertEqual(r.code, 1, r.out + r.err)
        XCTAssertTrue(r.err.contains("ledger/j1/j1.jsonl line 1 is rewritten or reordered in commit \(forced.prefix(10))"), r.err)
        XCTAssertEqual(lines(b + "/ledger/j1/j1.jsonl"), 2)
        let again = sync(b)
        XCTAssertEqual(again.code, 1, "still refused")
        XCTAssertTrue(again.err.contains("refused the fetched history whole: ledger/j1/j1.jsonl line 1"), again.err)
        XCTAssertEqual(try git(b, ["rev-parse", "refs/remotes/origin/main"]), try git(a, ["rev-parse", "HEAD"]),
                       "what the remote was last seen holding stays")
    }

    func testAForkMadeOnPurposeStopsTheSyncAndKeepsBothSides() throws {
        // One judge on two machines, both scoring offline from the same head.
        let laptop = try clone("laptop"), office = try clone("office")
        score(laptop, "j1", entry: "e01", count: 1)
        XCTAssertEqual(sync(laptop).code, 0)
        XCTAssertEqual(sync(office).code, 0)
        score(laptop, "j1", entry: "e02", count: 2)
        score(office, "j1", entry: "e03", count: 3)
        XCTAssertEqual(sync(laptop).code, 0)
        let pushed = try git(laptop, ["rev-parse", "HEAD"])
        let ours = bytes(office + "/ledger/j1/j1.jsonl")
        let r = sync(office)
        XCTAssertEqual(r.code, 1, r.out + r.err)
        let kept = "ledger/j1/j1.jsonl.fork-\(pushed.prefix(10))"
        XCTAssertTrue(r.err.contains("fork: judge j1's file ledger/j1/j1.jsonl differs from line 2"), r.err)
        XCTAssertTrue(r.err.contains(kept), r.err)
        XCTAssertEqual(bytes(office + "/ledger/j1/j1.jsonl"), ours, "ours is untouched")
        XCTAssertEqual(bytes(office + "/" + kept), bytes(laptop + "/ledger/j1/j1.jsonl"), "theirs is kept beside it")
        XCTAssertEqual(lines(office + "/ledger/j1/j1.jsonl"), 4)
        XCTAssertEqual(try git(office, ["status", "--porcelain"]), "", "the kept side does not travel")
        // Never merged silently: the next sync stops again, and the remote still has the laptop's.
        XCTAssertEqual(sync(office).code, 1)
        XCTAssertEqual(try git(laptop, ["ls-remote", "origin", "main"]).prefix(40), Substring(pushed))
        XCTAssertEqual(run(["verify", "--contest", office]).code, 1, "verify reports the fork until a chair resolves it")
    }

    /// One judge on two machines, both scoring offline from the same head: the office's sync
    /// stops on the fork. Returns the laptop, the office, and the laptop's side of the file.
    private func makeFork(laptopSubmits: Bool = false) throws -> (laptop: String, office: String) {
        let laptop = try clone("laptop"), office = try clone("office")
        score(laptop, "j1", entry: "e01", count: 1)
        XCTAssertEqual(sync(laptop).code, 0)
        XCTAssertEqual(sync(office).code, 0)
        if laptopSubmits {
            let r = run(["score", "--contest", laptop, "--judge", "j1", "--entry", "e02", "c1=15", "c2=10", "c3=25", "c4=10", "c5=15", "c6=15", "c7=10", "--submit"])
            XCTAssertEqual(r.code, 0, r.out + r.err)
        } else {
            score(laptop, "j1", entry: "e02", count: 2)
        }
        score(office, "j1", entry: "e03", count: 2)
        score(office, "j1", entry: "e02", count: 1)
        XCTAssertEqual(sync(laptop).code, 0)
        XCTAssertEqual(sync(office).code, 1, "the fork stops the office's sync")
        return (laptop, office)
    }

    /// The file's lines, as text.
    private func text(_ path: String) -> [String] {
        String(decoding: bytes(path), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testVerifyReportsAForkUntilAChairResolvesItKeepingBoth() throws {
        let (laptop, office) = try makeFork(laptopSubmits: true)
        let theirs = bytes(laptop + "/ledger/j1/j1.jsonl"), mine = text(office + "/ledger/j1/j1.jsonl")
        let v = run(["verify", "--contest", office, "--lang", "en"])
        XCTAssertEqual(v.code, 1, v.out + v.err)
        XCTAssertTrue(v.out.contains("FORK      ledger/j1/j1.jsonl: judge j1's file forked; the other side is kept as ledger/j1/j1.jsonl.fork-"), v.out)
        // Only a chair resolves it, with a reason.
        XCTAssertEqual(run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "both", "--reason", "สองเครื่อง", "--chair", "nobody"]).code, 2)
        let r = run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "both", "--reason", "สองเครื่อง", "--chair", "chair", "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("chair chair resolved the fork of judge j1's file (ledger/j1/j1.jsonl from line 2): kept the remote's side, with this side's events replayed"), r.out)
        // The office's e03 lines apply; its e02 score does not: the laptop submitted e02.
        XCTAssertTrue(r.out.contains("replayed this side's line 2 as line 10"), r.out)
        XCTAssertTrue(r.out.contains("replayed this side's line 3 as line 11"), r.out)
        XCTAssertTrue(r.out.contains("this side's line 4 could not apply: "), r.out)
        XCTAssertTrue(r.out.contains("pushed to origin"), r.out)
        // The kept file: the laptop's lines byte for byte, then the replays naming their origin.
        let kept = bytes(office + "/ledger/j1/j1.jsonl")
        XCTAssertEqual(kept.prefix(theirs.count), theirs)
        let replays = text(office + "/ledger/j1/j1.jsonl").dropFirst(9)
        XCTAssertEqual(replays.count, 2)
        for (k, line) in replays.enumerated() {
            let origin = mine[k + 1].suffix(66).prefix(64)
            XCTAssertTrue(line.contains("\"topic\":\"fork:\(origin)\""), line)
            XCTAssertTrue(line.contains("\"entry\":\"e03\""), line)
        }
        // The chair's line, and no fork left to report.
        let chairLines = text(office + "/ledger/chairs/chair.jsonl")
        XCTAssertTrue(chairLines.contains { $0.contains("\"kind\":\"fork\",\"judge\":\"j1\",\"ref\":2,\"topic\":\"\(mine[3].suffix(66).prefix(64))\",\"outcome\":\"both\",\"reason\":\"สองเครื่อง\"") },
                      chairLines.joined(separator: "\n"))
        XCTAssertEqual(Sync.keptForks(in: office, contest: try ContestFolder.loadContest(office)), [])
        let clean = run(["verify", "--contest", office])
        XCTAssertEqual(clean.code, 0, clean.out + clean.err)
        // The laptop takes it (an append to what it had), and every chain is valid everywhere.
        let l = sync(laptop)
        XCTAssertEqual(l.code, 0, l.out + l.err)
        XCTAssertEqual(bytes(laptop + "/ledger/j1/j1.jsonl"), kept)
        XCTAssertEqual(bytes(laptop + "/ledger/chairs/chair.jsonl"), bytes(office + "/ledger/chairs/chair.jsonl"))
        XCTAssertEqual(run(["verify", "--contest", laptop]).code, 0)
        let check = try clone("check")
        XCTAssertEqual(bytes(check + "/ledger/j1/j1.jsonl"), kept)
        XCTAssertEqual(run(["verify", "--contest", check]).code, 0)
        // Nothing lost: the office's own lines stay in git's history.
        XCTAssertTrue(try git(check, ["log", "--all", "-p", "--", "ledger/j1/j1.jsonl"]).contains(mine[3]))
    }

    func testAForkResolvedKeepingMineReplacesTheOtherMachinesSide() throws {
        let (laptop, office) = try makeFork()
        let mine = bytes(office + "/ledger/j1/j1.jsonl")
        let r = run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "mine", "--reason", "the office's is right", "--chair", "chair", "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertEqual(bytes(office + "/ledger/j1/j1.jsonl"), mine)
        // The laptop's side was set aside by the chair: its file is replaced, not forked again.
        let l = sync(laptop)
        XCTAssertEqual(l.code, 0, l.out + l.err)
        XCTAssertTrue(l.out.contains("ledger/j1/j1.jsonl: a chair resolved its fork; this folder's side was replaced by the kept one"), l.out)
        XCTAssertEqual(bytes(laptop + "/ledger/j1/j1.jsonl"), mine)
        XCTAssertEqual(run(["verify", "--contest", laptop]).code, 0)
        XCTAssertEqual(try git(laptop, ["status", "--porcelain"]), "")
        XCTAssertEqual(sync(laptop).code, 0, "and it stays resolved")
    }

    /// A resolution stopped after the chair's line was written, run again: one line, not two.
    func testAResolutionRunAgainWritesNoSecondForkLine() throws {
        let (laptop, office) = try makeFork()
        let contest = try ContestFolder.loadContest(office)
        let mine = bytes(office + "/ledger/j1/j1.jsonl")
        let setAside = try XCTUnwrap(Sync.lastLineHash([UInt8](mine)))
        // As the resolution does: the kept side is written first, then the chair's line.
        try bytes(laptop + "/ledger/j1/j1.jsonl").write(to: URL(fileURLWithPath: office + "/ledger/j1/j1.jsonl"))
        try ContestFolder.ledger(of: contest, in: office).appendChair(
            LedgerEvent(actor: "chair", kind: .fork, judge: "j1", entry: "", ref: 2, text: "the laptop's", outcome: "theirs", topic: setAside))
        let r = run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "theirs", "--reason", "the laptop's", "--chair", "chair"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertEqual(text(office + "/ledger/chairs/chair.jsonl").filter { $0.contains("\"kind\":\"fork\"") }.count, 1)
        let v = run(["verify", "--contest", office, "--lang", "en"]); XCTAssertEqual(v.code, 0, v.out + v.err)
        XCTAssertEqual(sync(laptop).code, 0)
        XCTAssertEqual(run(["verify", "--contest", laptop]).code, 0)
    }

    func testAForkResolvedKeepingTheirsTakesTheRemotesSide() throws {
        let (laptop, office) = try makeFork()
        let theirs = bytes(laptop + "/ledger/j1/j1.jsonl")
        let r = run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "theirs", "--reason", "the laptop's", "--chair", "chair", "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertEqual(bytes(office + "/ledger/j1/j1.jsonl"), theirs)
        XCTAssertEqual(run(["verify", "--contest", office]).code, 0)
        XCTAssertEqual(sync(laptop).code, 0)
        XCTAssertEqual(bytes(laptop + "/ledger/j1/j1.jsonl"), theirs)
        XCTAssertEqual(run(["verify", "--contest", laptop]).code, 0)
        // A history that sets a side aside with no chair's line for it is still refused.
        XCTAssertEqual(run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", "theirs", "--reason", "again", "--chair", "chair"]).code, 2,
                       "nothing left to resolve")
    }

    /// The server's hook (scripts/sync-pre-receive): a push touching a file the pushing login
    /// may not write is refused, and so is one that rewrites a ledger line.
    func testTheServerHookRefusesAPushOfAnotherJudgesFile() throws {
        let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/sync-pre-receive").path
        try FileManager.default.copyItem(atPath: hook, toPath: remote + "/hooks/pre-receive")
        let me = CommandContext.processLogin.login
        // This test's login is judge j1 only (its user in contest.json is another name: the hook reads its own list).
        let listed = run(["sync", "--writers", "secretariat", "--contest", root + "/seed"])
        XCTAssertEqual(listed.code, 0)
        XCTAssertTrue(listed.out.contains("judge1 ledger/j1/j1.jsonl\n"), listed.out)
        XCTAssertTrue(listed.out.contains("chair ledger/*/chair-chair.jsonl\n"), listed.out)
        try "\(me) ledger/j1/j1.jsonl\n\(me) ledger/j1/j1.jsonl.torn\n".write(toFile: remote + "/khanaen-writers", atomically: true, encoding: .utf8)
        let a = try clone("A")
        score(a, "j1", entry: "e01", count: 2)
        let ok = sync(a)
        XCTAssertEqual(ok.code, 0, ok.out + ok.err)
        XCTAssertTrue(ok.out.contains("pushed to origin"), ok.out)
        score(a, "j2", entry: "e01", count: 1)
        let refused = sync(a)
        XCTAssertEqual(refused.code, 2, refused.out + refused.err)
        XCTAssertTrue(refused.err.contains("khanaen: refused: the login \(me) may not change ledger/j2/j2.jsonl"), refused.err)
        XCTAssertThrowsError(try git(remote, ["cat-file", "-e", "main:ledger/j2/j2.jsonl"]), "the server took nothing of it")
        // A rewritten line of j1's own file, pushed with plain git, is refused too.
        let x = try clone("X")
        let path = x + "/ledger/j1/j1.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"seq\":1,", with: "\"seq\":1, ").write(toFile: path, atomically: true, encoding: .utf8)
        try git(x, ["commit", "-q", "-am", "edit"])
        XCTAssertThrowsError(try git(x, ["push", "-q", "origin", "main"])) { error in
            XCTAssertTrue("\(error)".contains("ledger/j1/j1.jsonl: a ledger line was changed or cut"), "\(error)")
        }
    }

    /// Another machine pushes while this one's push is on its way (the server's hook lets it in
    /// first): the push is rejected, and sync fetches, checks, merges and pushes again.
    func testAPushThatLostTheRaceIsFetchedMergedAndTriedAgain() throws {
        let a = try clone("A"), other = try clone("other")
        score(other, "j3", entry: "e04", count: 2)
        XCTAssertEqual(sync(other, ["--no-push"]).code, 0)
        let hook = remote + "/hooks/pre-receive"
        try """
        #!/bin/sh
        cat > /dev/null
        [ -e "\(root)/raced" ] && exit 0
        touch "\(root)/raced"
        env -i PATH="$PATH" git -C "\(other)" push -q origin main >&2
        exit 0

        """.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        score(a, "j1", entry: "e04", count: 3)
        let r = sync(a)
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("push rejected: someone pushed first"), r.out)
        XCTAssertTrue(r.out.contains("came in ledger/j3/j3.jsonl (judge j3): 2 lines"), r.out)
        XCTAssertTrue(r.out.contains("pushed to origin"), r.out)
        let check = try clone("check")
        XCTAssertEqual(lines(check + "/ledger/j1/j1.jsonl"), 3)
        XCTAssertEqual(lines(check + "/ledger/j3/j3.jsonl"), 2)
        XCTAssertEqual(run(["verify", "--contest", check]).code, 0)
    }

    /// `khanaen sync` (the built program) killed with SIGKILL at a random moment, 50 times,
    /// while another machine's lines keep coming in: each time the next sync finishes cleanly,
    /// and in the end every line either machine wrote is on the remote, every chain valid.
    func testASyncKilledAtRandomPointsLeavesAFolderThatSyncsCleanly() throws {
        var products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if products.lastPathComponent == "MacOS" { products = products.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        let khanaen = products.appendingPathComponent("khanaen").path
        guard FileManager.default.isExecutableFile(atPath: khanaen) else {
            return XCTFail("\(khanaen) is missing: run `swift build` before `swift test` (README)")
        }
        let a = try clone("A"), b = try clone("B")
        var killed = 0, gitKills = 0
        for round in 0..<50 {
            score(a, "j1", entry: String(format: "e%02d", round % 20 + 1), count: 1 + round % 3)
            if round % 3 == 0 {
                score(b, "j2", entry: String(format: "e%02d", round % 20 + 1), count: 2)
                let r = sync(b)
                XCTAssertEqual(r.code, 0, "round \(round), b: " + r.out + r.err)
            }
            // Subprocess kills the program (SIGKILL, its whole process group) at its time limit.
            let limit = Double.random(in: 0.005...0.4)
            let r = Subprocess.run(khanaen, ["sync", "--contest", a, "--lang", "en"], timeout: limit)
            if r.end == .timedOut { killed += 1 }
            if round % 5 == 4 {
                // Its git killed too, as a power cut would: git's lock files are left behind.
                let killedGit = gitProcesses(in: a)
                for pid in killedGit { kill(pid, SIGKILL) }
                gitKills += killedGit.count
                usleep(1_100_000)
            }
            // git's own children run in their own process groups: let any still running finish.
            for _ in 0..<200 where !gitProcesses(in: a).isEmpty { usleep(50_000) }
            let clean = sync(a)
            XCTAssertEqual(clean.code, 0, "round \(round), after a kill at \(limit) s (\(r.end)): " + clean.out + clean.err)
        }
        XCTAssertGreaterThan(killed, 10, "most runs were killed part way")
        print("killed \(killed) syncs of 50, and \(gitKills) of their gits")
        XCTAssertEqual(sync(b).code, 0)
        let check = try clone("check")
        for judge in ["j1", "j2"] {
            let here = judge == "j1" ? a : b
            XCTAssertEqual(bytes("\(check)/ledger/\(judge)/\(judge).jsonl"), bytes("\(here)/ledger/\(judge)/\(judge).jsonl"), judge)
            XCTAssertEqual(bytes("\(b)/ledger/\(judge)/\(judge).jsonl"), bytes("\(a)/ledger/\(judge)/\(judge).jsonl"), judge)
        }
        for dir in [a, b, check] {
            let v = run(["verify", "--contest", dir])
            XCTAssertEqual(v.code, 0, v.out + v.err)
        }
        XCTAssertEqual(try git(a, ["status", "--porcelain"]), "")
    }

    /// Behind the server's hook a chair, who may not write a judge's file, resolves a fork
    /// keeping mine or both: the push carries the chair's `fork` line, so the hook takes the
    /// judge's file changed (and, for mine, cut back to the side kept). Without such a line the
    /// same change is refused.
    func testTheServerHookTakesAChairsResolutionOfAForkAndNothingElse() throws {
        let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/sync-pre-receive").path
        for keep in ["both", "mine"] {
            try? FileManager.default.removeItem(atPath: remote + "/hooks/pre-receive")
            let (laptop, office) = try makeFork()
            // From here on, this login is the chair only.
            let me = CommandContext.processLogin.login
            try "\(me) ledger/chairs/chair.jsonl\n\(me) ledger/*/chair-chair.jsonl\n".write(toFile: remote + "/khanaen-writers", atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(atPath: hook, toPath: remote + "/hooks/pre-receive")
            // A line added to j1's file with no resolution: refused.
            let x = try clone("X-\(keep)")
            try git(x, ["commit", "-q", "--allow-empty", "-m", "nothing"])
            let path = x + "/ledger/j1/j1.jsonl"
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text += text.split(separator: "\n").last! + "\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try git(x, ["commit", "-q", "-am", "more"])
            XCTAssertThrowsError(try git(x, ["push", "-q", "origin", "main"])) { error in
                XCTAssertTrue("\(error)".contains("may not change ledger/j1/j1.jsonl"), "\(error)")
            }
            // j1's file cut back, with a chair's fork line that names another side: refused.
            let y = x + "-cut"
            try git(root, ["clone", "-q", remote, y])
            let first = try String(contentsOfFile: y + "/ledger/j1/j1.jsonl", encoding: .utf8).split(separator: "\n")[0]
            try (first + "\n").write(toFile: y + "/ledger/j1/j1.jsonl", atomically: true, encoding: .utf8)
            let fake = "{\"v\":1,\"seq\":1,\"ts\":\"2026-12-07T00:00:00.000Z\",\"actor\":\"chair\",\"kind\":\"fork\",\"judge\":\"j1\",\"ref\":2,"
                + "\"topic\":\"\(String(repeating: "0", count: 64))\",\"outcome\":\"mine\",\"reason\":\"r\",\"hash\":\"\(String(repeating: "0", count: 64))\"}\n"
            let chairs = y + "/ledger/chairs"
            try FileManager.default.createDirectory(atPath: chairs, withIntermediateDirectories: true)
            let chairFile = chairs + "/chair.jsonl"
            try (((try? String(contentsOfFile: chairFile, encoding: .utf8)) ?? "") + fake).write(toFile: chairFile, atomically: true, encoding: .utf8)
            try git(y, ["add", "ledger"])
            try git(y, ["commit", "-q", "-m", "cut"])
            XCTAssertThrowsError(try git(y, ["push", "-q", "origin", "main"])) { error in
                XCTAssertTrue("\(error)".contains("ledger/j1/j1.jsonl: a ledger line was changed or cut"), "\(error)")
            }
            try FileManager.default.removeItem(atPath: y)
            let r = run(["fork", "resolve", "--contest", office, "--judge", "j1", "--keep", keep, "--reason", "r", "--chair", "chair", "--lang", "en"])
            XCTAssertEqual(r.code, 0, keep + ": " + r.out + r.err)
            XCTAssertTrue(r.out.contains("pushed to origin"), r.out)
            XCTAssertEqual(try git(remote, ["show", "main:ledger/j1/j1.jsonl"]) + "\n", String(decoding: bytes(office + "/ledger/j1/j1.jsonl"), as: UTF8.self))
            XCTAssertEqual(sync(laptop).code, 0)
            XCTAssertEqual(bytes(laptop + "/ledger/j1/j1.jsonl"), bytes(office + "/ledger/j1/j1.jsonl"))
            XCTAssertEqual(run(["verify", "--contest", laptop]).code, 0)
            for dir in [laptop, office, x] { try FileManager.default.removeItem(atPath: dir) }
        }
    }

    /// Screen 7 of the chair's console names each file's last sync: who, from which machine, when.
    func testScreenSevenShowsEachFilesLastSync() throws {
        let a = try clone("A"), b = try clone("B")
        score(a, "j1", entry: "e01", count: 2)
        XCTAssertEqual(sync(a).code, 0)
        score(b, "j2", entry: "e01", count: 1)
        XCTAssertEqual(sync(b).code, 0)
        let before = Timestamp.nowMillis()
        let synced = Sync.lastSyncs(b)
        XCTAssertEqual(synced.map(\.path), ["ledger/j1/j1.jsonl", "ledger/j2/j2.jsonl"])
        XCTAssertEqual(Set(synced.map(\.login)), ["tester"])
        XCTAssertEqual(Set(synced.map(\.machine)), [MachineName.current])
        XCTAssertTrue(synced.allSatisfy { abs($0.time - before) < 120_000 }, "\(synced)")
        XCTAssertEqual(Sync.lastSyncs(root + "/no-such"), [], "a folder not carried by git says nothing")
        // The console reads them with the ledger, and screen 7 lists them.
        let contest = try ContestFolder.loadContest(b)
        var state = ChairState(data: ChairSession.read(try ContestFolder.ledger(of: contest, in: b)), chair: "chair", language: .en)
        XCTAssertEqual(state.data.syncs.map(\.file), ["j1/j1.jsonl", "j2/j2.jsonl"])
        state.width = 100
        state.height = 60
        state.tab = .integrity
        let screen = ChairView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Each file's last sync (git)"), screen)
        XCTAssertTrue(screen.contains("j2/j2.jsonl") && screen.contains("tester@\(MachineName.current)"), screen)
    }

    /// A git killed while writing the index leaves `.git/index.lock`: sync removes it when no
    /// process holds it and it is not new, and stops naming it otherwise.
    func testAStaleIndexLockIsRemovedAndAHeldOneNamed() throws {
        let a = try clone("A")
        score(a, "j1", entry: "e01", count: 1)
        let lock = a + "/.git/index.lock"
        XCTAssertTrue(FileManager.default.createFile(atPath: lock, contents: Data()))
        // Held open (as a git still writing it holds it): sync stops, naming it.
        let held = try FileHandle(forReadingFrom: URL(fileURLWithPath: lock))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lock)
        let stopped = sync(a)
        XCTAssertEqual(stopped.code, 2, stopped.out + stopped.err)
        XCTAssertTrue(stopped.err.contains("\(lock) exists: another git is running"), stopped.err)
        try held.close()
        // New and held by no one: still too new to tell (its time set a little ahead, so that a
        // slow machine's sync cannot reach the check a second later and find it old).
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 2)], ofItemAtPath: lock)
        XCTAssertEqual(sync(a).code, 2)
        // Old and held by no one: a killed git's, removed; the sync goes on and nothing is lost.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lock)
        let r = sync(a)
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("removed \(lock), left by a git that was stopped part way"), r.out)
        XCTAssertTrue(r.out.contains("pushed to origin"), r.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock))
        let check = try clone("check")
        XCTAssertEqual(lines(check + "/ledger/j1/j1.jsonl"), 1)
    }

    /// The processes whose command line names the folder (the gits a killed sync started).
    private func gitProcesses(in dir: String) -> [pid_t] {
        let procs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return procs.filter { pid in
            guard Int(pid) != nil, let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let args = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let program = args.first, program == "git" || program.hasSuffix("/git") || program.hasPrefix("git-") else { return false }
            return args.contains { $0.contains(dir) }
        }.compactMap { pid_t($0) }
    }

    func testGrowthComparesBytesAndLines() {
        let a = Array("1\n2\n".utf8), b = Array("1\n2\n3\n".utf8), c = Array("1\nX\n".utf8)
        XCTAssertEqual(Growth.of(b, from: a), .extends(lines: 1))
        XCTAssertEqual(Growth.of(a, from: b), .behind(lines: 1))
        XCTAssertEqual(Growth.of(c, from: b), .differs(line: 2))
        XCTAssertEqual(Growth.of(b, from: []), .extends(lines: 3))
        XCTAssertEqual(Growth.of(Array("1\n2".utf8), from: Array("1\n".utf8)), .extends(lines: 0))
        XCTAssertEqual(Growth.of(Array("1\n23\n".utf8), from: Array("1\n2".utf8)), .differs(line: 2), "a partial line is not a prefix")
        XCTAssertEqual(SyncPaths.ledgerName("ledger/j1/j1.jsonl"), "j1")
        XCTAssertEqual(SyncPaths.ledgerName("ledger/chairs/alice.jsonl"), "chairs/alice")
        XCTAssertEqual(SyncPaths.ledgerName("ledger/j1/chair-alice.jsonl"), "j1/chair-alice")
        XCTAssertEqual(SyncPaths.ledgerName("ledger/witness/witness.jsonl"), "witness")
    }

    /// In a contest by logins, a judge commits only their own file, a chair their own and deliveries.
    func testEachLoginCommitsOnlyTheFilesItWrites() throws {
        let contest = try ContestFolder.loadContest(root + "/seed")
        XCTAssertEqual(SyncPaths.writable(by: "judge2", uid: 1000, in: contest), ["ledger/j2/j2.jsonl"])
        XCTAssertEqual(SyncPaths.writable(by: "chair", uid: 1000, in: contest),
                       ["ledger/chairs/chair.jsonl"] + contest.judges.map { "ledger/\($0.id)/chair-chair.jsonl" })
        XCTAssertEqual(SyncPaths.writable(by: "someone", uid: 1000, in: contest), [])
        XCTAssertEqual(SyncPaths.writable(by: "root", uid: 0, in: contest), ["ledger/witness/witness.jsonl"])
        // A machine that scored as j1 and j2 but syncs as j1 sends j1's lines only.
        let a = try clone("A")
        score(a, "j1", entry: "e01", count: 2)
        score(a, "j2", entry: "e01", count: 1)
        let r = sync(a, ["--judge", "j1"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("committed ledger/j1/j1.jsonl: 2 new lines"), r.out)
        XCTAssertFalse(r.out.contains("j2.jsonl"), r.out)
        XCTAssertEqual(try git(a, ["status", "--porcelain"]), "?? ledger/j2/")
    }

    func testSetupWritesAttributesIgnoreAndFsyncSettings() throws {
        let a = try clone("A")
        XCTAssertTrue(try String(contentsOfFile: a + "/.gitattributes", encoding: .utf8).contains("* -text"))
        XCTAssertEqual(try git(a, ["check-attr", "text", "merge", "filter", "--", "ledger/j1/j1.jsonl"]),
                       "ledger/j1/j1.jsonl: text: unset\nledger/j1/j1.jsonl: merge: unset\nledger/j1/j1.jsonl: filter: unset")
        XCTAssertEqual(try git(a, ["config", "core.fsync"]), "all")
        XCTAssertEqual(try git(a, ["config", "core.fsyncMethod"]), "fsync")
        XCTAssertEqual(try git(a, ["check-ignore", "exports/x.csv", "ledger/j1/j1.jsonl.fork-abc", "ledger/j1/.j1.jsonl.tmp"]),
                       "exports/x.csv\nledger/j1/j1.jsonl.fork-abc\nledger/j1/.j1.jsonl.tmp")
        let rules = try git(a, ["rev-list", "--max-parents=0", "HEAD"])
        XCTAssertEqual(try git(a, ["show", "--format=%s", "--name-only", rules]),
                       "Rules of the contest digital-local-2566\n\n.gitattributes\n.gitignore\ncontest.json\nentries.json")
    }

    /// One repository per judge (docs/sync.md): a chair's clone naming `judge-j1` and `judge-j2`.
    private func judgeRepositories() throws -> (chair: String, j1: String, j2: String) {
        let chair = try clone("chair")
        for j in ["j1", "j2"] {
            try git(root, ["init", "-q", "--bare", "-b", "main", root + "/\(j).git"])
            try git(chair, ["remote", "add", "judge-\(j)", root + "/\(j).git"])
        }
        let first = sync(chair)
        XCTAssertEqual(first.code, 0, first.out + first.err)
        XCTAssertTrue(first.out.contains("sent judge j1 what they may read"), first.out)
        let dir = (j1: root + "/J1", j2: root + "/J2")
        for (j, d) in [("j1", dir.j1), ("j2", dir.j2)] {
            try git(root, ["clone", "-q", root + "/\(j).git", d])
            let r = run(["sync", "--setup", "--contest", d])
            XCTAssertEqual(r.code, 0, r.out + r.err)
        }
        return (chair, dir.j1, dir.j2)
    }

    func testAJudgesCloneOfTheirOwnRepositoryHoldsNothingOfAnotherJudge() throws {
        let (chair, j1, j2) = try judgeRepositories()
        score(j1, "j1", entry: "e01", count: 3)
        score(j2, "j2", entry: "e01", count: 4)
        for (d, j) in [(j1, "j1"), (j2, "j2")] {
            let r = sync(d, ["--judge", j])
            XCTAssertEqual(r.code, 0, r.out + r.err)
        }
        let r = sync(chair)
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("came in ledger/j2/j2.jsonl (judge j2) from judge-j2: 4 lines"), r.out)
        XCTAssertEqual(sync(chair).code, 0)
        for (d, j) in [(j1, "j1"), (j2, "j2")] {
            XCTAssertEqual(bytes("\(chair)/ledger/\(j)/\(j).jsonl"), bytes("\(d)/ledger/\(j)/\(j).jsonl"))
            let again = sync(d, ["--judge", j])
            XCTAssertEqual(again.code, 0, again.out + again.err)
            // Each judge's repository holds only its judge's folder and the rules.
            XCTAssertEqual(try git(root + "/\(j).git", ["ls-tree", "-r", "--name-only", "main"]),
                           ".gitattributes\n.gitignore\ncontest.json\nentries.json\nledger/\(j)/\(j).jsonl")
        }
        // The chairs' remote has both.
        XCTAssertEqual(try git(remote, ["show", "main:ledger/j2/j2.jsonl"]).split(separator: "\n").count, 4)
        let chairObjects = try git(chair, ["cat-file", "--batch-all-objects", "--batch"])
        for (mine, other, name) in [(j1, j2, "j2"), (j2, j1, "j1")] {
            let objects = try git(mine, ["cat-file", "--batch-all-objects", "--batch"])
            let theirs = String(decoding: bytes("\(other)/ledger/\(name)/\(name).jsonl"), as: UTF8.self)
            for line in theirs.split(separator: "\n") {
                let hash = String(line[line.range(of: "\"hash\":\"")!.upperBound...].prefix(64))
                XCTAssertFalse(objects.contains(hash), "a judge's clone holds \(name)'s line \(hash)")
                XCTAssertTrue(chairObjects.contains(hash))
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: mine + "/ledger/\(name)"))
        }
    }

    func testAJudgesRepositoryThatForkedFromTheChairsIsKeptAndStopsTheSync() throws {
        let (chair, j1, _) = try judgeRepositories()
        // The chair's machine holds a j1 line that j1's repository never had (an open contest
        // lets it write one), and j1 wrote another from the same start.
        score(chair, "j1", entry: "e02", count: 1)
        XCTAssertEqual(run(["sync", "--contest", chair, "--no-push", "--lang", "en"]).code, 0)
        score(j1, "j1", entry: "e01", count: 2)
        XCTAssertEqual(sync(j1, ["--judge", "j1"]).code, 0)
        let head = try git(root + "/j1.git", ["rev-parse", "main"])
        let r = sync(chair)
        XCTAssertEqual(r.code, 1, r.out + r.err)
        XCTAssertTrue(r.err.contains("fork: ledger/j1/j1.jsonl differs from line 1 between this folder and judge-j1"), r.err)
        XCTAssertEqual(lines(chair + "/ledger/j1/j1.jsonl"), 1, "nothing of the other side was taken")
        let kept = try FileManager.default.contentsOfDirectory(atPath: chair + "/ledger/j1").filter { $0.contains(".fork-") }
        guard kept.count == 1 else { return XCTFail("the other side is kept once: \(kept)") }
        XCTAssertEqual(lines(chair + "/ledger/j1/" + kept[0]), 2)
        XCTAssertEqual(try git(root + "/j1.git", ["rev-parse", "main"]), head, "nothing was sent to j1")
    }
}
