import Dispatch
import Foundation
import KhanaenCore
import Synchronization

/// Reads submission e-mails into a contest's entries and saves their attachments.
///
/// The whole mail is read first: a mailbox that cannot be read stops the import before
/// anything is written. Then the attachments of each entry's latest copy that has any are
/// written (`DocumentsFolder`), on all cores, each decoded straight into its file a piece at
/// a time; an entry whose copy is the very message its files came from last time, with its
/// files still there, is left as it is. A copy with no attachments updates the fields and
/// keeps the files. An attachment larger than the contest's limit, or that would take its
/// message's attachments past theirs, is not saved, and the message's line says so. The
/// caller writes the entries.
public enum MailImport {
    /// How far an import has come: messages read, then entries' attachments saved.
    public struct Progress: Sendable {
        public enum Phase: String, Sendable {
            case reading = "reading messages", saving = "saving attachments"

            public var words: Phrase {
                self == .reading ? Phrase("กำลังอ่านข้อความ", "reading messages") : Phrase("กำลังเก็บแฟ้มแนบ", "saving attachments")
            }
        }
        public var phase: Phase
        public var done: Int
        public var total: Int
    }

    public static func run(paths: [String], contestDir: String, entries: [Contest.Entry],
                           limits: Contest.ImportLimits = .init(),
                           progress: (@Sendable (Progress) -> Void)? = nil) throws -> ImportResult {
        var book = EntryBook(entries)
        var lines: [ImportResult.Line] = []
        /// Entry index → the copy whose attachments it keeps (and which attached message, if forwarded as one).
        var sources: [Int: (location: MailLocation, attached: Int?, messageID: String)] = [:]

        // Every message's place first, so that the progress knows the total; each mbox is read once.
        var mboxes: [String: [UInt8]] = [:]
        var locations: [MailLocation] = []
        for path in paths {
            let (found, bytes) = try Mailbox.locations(path)
            if let bytes { mboxes[path] = bytes }
            locations += found
        }
        for (n, location) in locations.enumerated() {
            progress?(Progress(phase: .reading, done: n, total: locations.count))
            let bytes = location.range == nil ? try Mailbox.read(location.file)[...]
                : Mailbox.message(at: location, fileBytes: mboxes[location.file]!)
            let message = MailMessage.parse(bytes)
            switch read(message) {
            case .skipped(let reason):
                lines.append(.init(kind: .skipped, id: "", subject: location.label, notes: [reason]))
            case .submission(let submission, let attached):
                let used = attached.map { message.attachedMessages[$0] } ?? message
                var (index, outcome, notes) = book.take(submission, messageID: used.messageID)
                if !used.attachments.isEmpty { sources[index] = (location, attached, used.messageID) }
                notes += plan(used.attachments, limits).compactMap { $0.skipped }
                lines.append(.init(kind: outcome == .imported ? .imported : .updated, id: book.entries[index].id,
                                   subject: book.entries[index].organisation, notes: notes))
            }
        }
        progress?(Progress(phase: .reading, done: locations.count, total: locations.count))

        if !sources.isEmpty {
            let folder = try DocumentsFolder.open(contestDir: contestDir)
            defer { folder.close() }
            let jobs = sources.filter { index, source in
                !book.wasReadFrom(index, messageID: source.messageID) || !folder.holds(book.entries[index].id, book.entries[index].documents)
            }.sorted { $0.value.location < $1.value.location }
            for job in jobs { try folder.checkEntryFolder(book.entries[job.key].id) }
            let files = mboxes
            let ids = jobs.map { book.entries[$0.key].id }
            let results = Mutex<(done: Int, results: [Result<[Contest.Document], Error>?])>((0, Array(repeating: nil, count: jobs.count)))
            let work = jobs.map { $0.value }
            progress?(Progress(phase: .saving, done: 0, total: work.count))
            forEach(work.count, threads: saveThreads) { k in
                let result = Result<[Contest.Document], Error> {
                    let job = work[k]
                    let bytes = job.location.range == nil ? try Mailbox.read(job.location.file)[...]
                        : Mailbox.message(at: job.location, fileBytes: files[job.location.file]!)
                    var message = MailMessage.parse(bytes)
                    if let attached = job.attached { message = message.attachedMessages[attached] }
                    let kept = plan(message.attachments, limits).filter { $0.skipped == nil }.map { message.attachments[$0.index] }
                    let attachments = kept.map { DocumentsFolder.File(name: $0.fileName, type: $0.contentType, part: $0.part) }
                    return try folder.replaceEntryFolder(ids[k], with: attachments, syncDocumentsFolder: false)
                }
                results.withLock {
                    $0.results[k] = result
                    $0.done += 1
                    progress?(Progress(phase: .saving, done: $0.done, total: work.count))
                }
            }
            let done = results.withLock { $0.results }
            // The entries' folders renamed into place are known to survive a crash before
            // entries.json names their files: one sync of documents/ for them all.
            try folder.sync()
            for (k, job) in jobs.enumerated() { book.setDocuments(job.key, try done[k]!.get()) }
        }
        return ImportResult(entries: book.entries, lines: lines)
    }

    /// Saving an entry's files waits mostly on the disk (each file and folder is synced before
    /// it takes the old one's place): more threads than cores keep it busy.
    static let saveThreads = 8

    /// `body(0) … body(count - 1)` on `threads` threads at once, each taking the next index.
    static func forEach(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<min(threads, count) {
            group.enter()
            Thread.detachNewThread {
                while true {
                    let k = next.add(1, ordering: .relaxed).oldValue
                    if k >= count { break }
                    body(k)
                }
                group.leave()
            }
        }
        group.wait()
    }

    /// Which of a message's attachments are saved: each at most `limits.attachmentBytes`, and
    /// in order while their sum stays within `limits.messageBytes`. `skipped` says why not.
    static func plan(_ attachments: [MailMessage.Attachment], _ limits: Contest.ImportLimits) -> [(index: Int, size: Int, skipped: Phrase?)] {
        var total = 0
        return attachments.enumerated().map { k, a in
            let size = a.part.decodedSize
            let name = a.fileName.map { Phrase("แฟ้มแนบ \"\($0)\"", "attachment \"\($0)\"") }
                ?? Phrase("แฟ้มแนบที่ \(k + 1) (\(a.contentType))", "attachment \(k + 1) (\(a.contentType))")
            if size > limits.attachmentBytes {
                return (k, size, Phrase("\(name.th) ไม่ได้บันทึก: \(sizeText(size)) เกินขีดจำกัด \(sizeText(limits.attachmentBytes)) ต่อแฟ้มแนบ (contest.json import.attachmentLimitMB)",
                                        "\(name.en) not saved: \(sizeText(size)), more than the limit of \(sizeText(limits.attachmentBytes)) for one attachment (contest.json import.attachmentLimitMB)"))
            }
            if total + size > limits.messageBytes {
                return (k, size, Phrase("\(name.th) ไม่ได้บันทึก: \(sizeText(size)) จะทำให้แฟ้มแนบของข้อความเกินขีดจำกัด \(sizeText(limits.messageBytes)) ต่อข้อความ (contest.json import.messageLimitMB)",
                                        "\(name.en) not saved: \(sizeText(size)) would take the message's attachments past the limit of \(sizeText(limits.messageBytes)) for one message (contest.json import.messageLimitMB)"))
            }
            total += size
            return (k, size, nil)
        }
    }

    /// 200 MB, 1.5 MB, 900 KB (MB of 1,048,576 bytes, as mail programs count).
    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let mb = Double(bytes) / Double(1 << 20)
            let tenths = Int((mb * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        return "\((bytes + 1023) / 1024) KB"
    }

    enum Reading {
        case submission(Submission, attached: Int?)
        case skipped(Phrase)
    }

    /// Whether a message is a submission, and its fields. One forwarded as an attachment
    /// (message/rfc822) is read from the attached message when the outer one has no fields.
    static func read(_ message: MailMessage) -> Reading {
        switch SubmissionSubject.judge(message.subject) {
        case .reply:
            return .skipped(Phrase("เป็นการตอบกลับ (Re:) ไม่ใช่การส่งผลงาน", "a reply (Re:), not a submission"))
        case .other:
            let quoted = "\"\(String(message.subject.prefix(60)))\""
            return .skipped(message.subject.isEmpty ? Phrase("ไม่ใช่การส่งผลงาน (ไม่มีหัวเรื่อง)", "not a submission (no subject)")
                                                    : Phrase("ไม่ใช่การส่งผลงาน (หัวเรื่อง \(quoted))", "not a submission (subject \(quoted))"))
        case .submission:
            let fields = SubmissionLabels.fields(inBody: message.bodyText)
            guard let missing = fields.missing else { return .submission(fields, attached: nil) }
            for (k, inner) in message.attachedMessages.enumerated() {
                if case .submission = SubmissionSubject.judge(inner.subject) {
                    let innerFields = SubmissionLabels.fields(inBody: inner.bodyText)
                    if innerFields.missing == nil { return .submission(innerFields, attached: k) }
                }
            }
            return .skipped(missing)
        }
    }
}
