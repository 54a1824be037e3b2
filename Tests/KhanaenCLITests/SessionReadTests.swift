import Foundation
import Glibc
import XCTest
@testable import KhanaenCLI
@testable import KhanaenCore
@testable import KhanaenUI

/// The two sessions' reads of the ledger: only the new lines folded, into data equal to a
/// full fold; a file that cannot be read said, never taken as unchanged; a chair's save
/// never behind a computation.
final class SessionReadTests: XCTestCase {
    private var root = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-session-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func demo() throws -> String {
        let ctx = CommandContext(environment: ["XDG_DATA_HOME": root + "/data", "HOME": root, "USER": "chair"], login: "chair", uid: 1000,
                                 out: { _ in }, err: { _ in })
        return try ContestLocation.demoFolder(ctx)
    }

    /// The system's file operations, with `reading` run first whenever a ledger file is opened
    /// for reading: it may fail the open (its errno) or make it slow, as a disk does.
    struct LedgerReads: FileOperations {
        let reading: @Sendable () -> Int32?
        let posix = POSIXFileOperations()
        func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { posix.open(path, flags, mode) }
        func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
            if name.hasSuffix(".jsonl") && flags & O_ACCMODE == O_RDONLY, let code = reading() { errno = code; return -1 }
            return posix.openat(folder, name, flags, mode)
        }
        func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { posix.write(fd, bytes) }
        func fsync(_ fd: Int32) -> Int32 { posix.fsync(fd) }
        func rename(_ from: String, _ to: String) -> Int32 { posix.rename(from, to) }
        func mkdir(_ path: String, _ mode: mode_t) -> Int32 { posix.mkdir(path, mode) }
        func unlink(_ path: String) -> Int32 { posix.unlink(path) }
        func ftruncate(_ fd: Int32, _ size: off_t) -> Int32 { posix.ftruncate(fd, size) }
    }

    /// Reading a ledger file fails as a disk error does.
    static let unreadable = LedgerReads { EIO }
    /// Opening a ledger file to read it takes a while, as a large unfinished line or a slow disk makes it.
    static let slow = LedgerReads { usleep(100_000); return nil }

    /// A change noticed while a read is at work (its tick is not queued behind it) is read
    /// once that read ends: the read ends with a tick of its own, which asks for the next.
    func testAChangeNoticedDuringAReadIsReadOnceItEnds() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let judge = ledger.contest.judges[0].id
        let judgeSession = try JudgeSession(contest: ledger.contest, directory: dir, ledger: ledger, judgeID: judge, language: .en)
        let chairSession = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .en)
        func ticks<M>(_ said: [M]) -> Int { said.filter { "\($0)" == "tick" }.count }

        let alone = Inbox<JudgeMsg>()
        judgeSession.perform(.reload, alone)
        XCTAssertEqual(ticks(messages(alone)), 0, "a read that nothing asked for again owes none")

        let judgeInbox = Inbox<JudgeMsg>(), chairInbox = Inbox<ChairMsg>()
        FileSystem.using(Self.slow) {
            judgeSession.perform(.reload, judgeInbox)
            chairSession.perform(.reload(methods: [.mean]), chairInbox)
            usleep(20_000)
            judgeSession.perform(.reload, judgeInbox)
            chairSession.perform(.reload(methods: [.mean]), chairInbox)
            judgeInbox.wait(all: true, limit: 30)
            chairInbox.wait(all: true, limit: 30)
        }
        XCTAssertEqual(ticks(messages(judgeInbox)), 1, "the workstation's second change is read after the first read")
        XCTAssertEqual(ticks(messages(chairInbox)), 1, "the console's second change is read after the first read")
    }

    /// Every message the effects sent, once they are done.
    private func messages<M>(_ inbox: Inbox<M>) -> [M] {
        inbox.wait(all: true, limit: 30)
        return inbox.take()
    }

    /// Another judge's terminal writes a score: a line the session has not read.
    private func score(_ dir: String, judge: String, entry: String, value: Double) throws {
        let ledger = try ContestFolder.load(dir)
        let criterion = ledger.contest.criteria[0].id
        _ = try ledger.appendJudge(judge, [LedgerEvent(actor: judge, kind: .score, entry: entry, criterion: criterion, value: value)])
    }

    func testTheChairsDataAfterAJudgesLineIsTheFullFold() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .th)
        let first = ChairSession.read(ledger)
        // The demo's fifth judge has scored nothing.
        let contest = ledger.contest
        for k in 0..<3 {
            try score(dir, judge: contest.judges.last!.id, entry: contest.entries[k].id, value: Double(k + 4))
            let inbox = Inbox<ChairMsg>()
            session.perform(.reload(methods: [.mean, .median]), inbox)
            let data = messages(inbox).compactMap { if case .data(let d) = $0 { return d } else { return nil } }
            XCTAssertEqual(data.count, 1)
            guard let d = data.first else { return }
            let full = SheetBook(ledger: try ContestFolder.load(dir))
            XCTAssertEqual(d.book.rows, full.rows)
            XCTAssertEqual(d.book.violations, full.violations)
            XCTAssertEqual(d.computed[.mean]?.results, Scoring.compute(full, method: .mean))
            XCTAssertNotEqual(d.book.rows, first.book.rows)
        }
        // The session holds the book it folded into, so the next change folds only its lines.
        XCTAssertNotNil(session.heldBook)
    }

    func testAChairsSaveIsNotQueuedBehindAComputation() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .th)
        try score(dir, judge: ledger.contest.judges.last!.id, entry: ledger.contest.entries[0].id, value: 5)
        // The computation the judge's line asks for cannot finish until the save is written.
        session.computing.suspend()
        let inbox = Inbox<ChairMsg>()
        session.perform(.reload(methods: [.mean, .median]), inbox)
        let award = LedgerEvent(actor: "chair", kind: .award, entry: ledger.contest.entries[1].id, tier: "none", text: "ทดสอบ")
        session.perform(.append(award, methods: [.mean]), inbox)
        inbox.wait(all: false, limit: 30)
        let saved = inbox.take()
        session.computing.resume()
        // The save comes first: the reload's data, still being computed, does not hold it up.
        XCTAssertTrue(saved.first.map { if case .saved = $0 { return true } else { return false } } ?? false, "the save is written and said first: \(saved)")
        let savedData = saved.compactMap { if case .data(let d) = $0 { return d } else { return nil } }
        XCTAssertEqual(savedData.count, 1, "the save's own data, with the judge's line and the award")
        XCTAssertEqual(savedData.first?.book.overrides.count, 1)
        // The reload's data, computed after the save's fold, is older: it is dropped, never
        // shown over the save's.
        let later = messages(inbox)
        XCTAssertFalse(later.contains { if case .data = $0 { return true } else { return false } }, "\(later)")
    }

    /// An export planned while a file of the ledger cannot be read is a draft, whatever the
    /// files last read say.
    func testAnExportPlannedWhileALedgerFileCannotBeReadIsADraft() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .en)
        let inbox = Inbox<ChairMsg>()
        FileSystem.using(Self.unreadable) { session.perform(.prepareExport, inbox); inbox.wait(all: true, limit: 30) }
        let plans = messages(inbox).compactMap { if case .exportPlanned(let p) = $0 { return p } else { return nil } }
        XCTAssertEqual(plans.count, 1)
        XCTAssertEqual(plans.first?.draft.first, .notIntact, "\(String(describing: plans.first?.draft))")
    }

    func testAChairSessionSaysALedgerItCannotRead() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let session = ChairSession(ledger: ledger, directory: dir, chair: "chair", language: .en)
        let inbox = Inbox<ChairMsg>()
        FileSystem.using(Self.unreadable) { session.perform(.reload(methods: [.mean]), inbox); inbox.wait(all: true, limit: 30) }
        let said = messages(inbox)
        let why = said.compactMap { if case .ledgerUnreadable(let w) = $0 { return w } else { return nil } }
        XCTAssertEqual(why.count, 1, "\(said)")
        XCTAssertTrue(why.first?.contains("Input/output error") ?? false, why.first ?? "")
        // What could be read is still folded and shown beside it.
        XCTAssertTrue(said.contains { if case .data = $0 { return true } else { return false } })
    }

    func testAJudgeSessionSaysALedgerItCannotRead() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let judge = ledger.contest.judges[0].id
        let session = try JudgeSession(contest: ledger.contest, directory: dir, ledger: ledger, judgeID: judge, language: .en)
        let inbox = Inbox<JudgeMsg>()
        FileSystem.using(Self.unreadable) { session.perform(.reload, inbox); inbox.wait(all: true, limit: 30) }
        let why = messages(inbox).compactMap { if case .ledgerBroken(let w) = $0 { return w } else { return nil } }
        XCTAssertFalse(why.isEmpty)
        XCTAssertTrue(why.first?.contains("Input/output error") ?? false, why.first ?? "")
    }

    func testTheJudgesSheetsAfterAnotherTerminalsLineAreTheFullFold() throws {
        let dir = try demo()
        let ledger = try ContestFolder.load(dir)
        let judge = ledger.contest.judges.last!.id
        let session = try JudgeSession(contest: ledger.contest, directory: dir, ledger: ledger, judgeID: judge, language: .th)
        for k in 0..<3 {
            try score(dir, judge: judge, entry: ledger.contest.entries[k].id, value: Double(k + 3))
            let inbox = Inbox<JudgeMsg>()
            session.perform(.reload, inbox)
            let sheets = messages(inbox).compactMap { if case .sheets(let s, _) = $0 { return s } else { return nil } }
            let fresh = try ContestFolder.load(dir)
            let full = SheetBook.judgeSheets(contest: fresh.contest, judgeID: judge, judgeEvents: fresh.file(forJudge: judge)!.events,
                                             chairEvents: fresh.deliveredStream(toJudge: judge).events)
            XCTAssertEqual(sheets, [full])
        }
        // And after its own write.
        let inbox = Inbox<JudgeMsg>()
        session.perform(.append([LedgerEvent(actor: judge, kind: .score, entry: ledger.contest.entries[4].id,
                                             criterion: ledger.contest.criteria[1].id, value: 2)]), inbox)
        let sheets = messages(inbox).compactMap { if case .sheets(let s, _) = $0 { return s } else { return nil } }
        let fresh = try ContestFolder.load(dir)
        XCTAssertEqual(sheets, [SheetBook.judgeSheets(contest: fresh.contest, judgeID: judge, judgeEvents: fresh.file(forJudge: judge)!.events,
                                                      chairEvents: fresh.deliveredStream(toJudge: judge).events)])
    }
}
