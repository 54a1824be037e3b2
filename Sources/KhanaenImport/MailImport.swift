import Dispatch
import KhanaenCore
import Synchronization

/// Reads submission e-mails into a contest's entries and saves their attachments.
///
/// The whole mail is read first: a mailbox that cannot be read stops the import before
/// anything is written. Then the attachments of each entry's latest copy that has any are
/// written (`DocumentsFolder`), on all cores; an entry whose copy is the very message its
/// files came from last time, with its files still there, is left as it is. A copy with no
/// attachments updates the fields and keeps the files. The caller writes the entries.
public enum MailImport {
    public static func run(paths: [String], contestDir: String, entries: [Contest.Entry]) throws -> ImportResult {
        var book = EntryBook(entries)
        var lines: [ImportResult.Line] = []
        /// Entry index → the copy whose attachments it keeps (and which attached message, if forwarded as one).
        var sources: [Int: (location: MailLocation, attached: Int?, messageID: String)] = [:]

        for path in paths {
            try Mailbox.forEachMessage(path) { location, bytes in
                let message = MailMessage.parse(bytes)
                switch read(message) {
                case .skipped(let reason):
                    lines.append(.init(kind: .skipped, id: "", subject: location.label, notes: [reason]))
                case .submission(let submission, let attached):
                    let used = attached.map { message.attachedMessages[$0] } ?? message
                    let (index, outcome, notes) = book.take(submission, messageID: used.messageID)
                    if !used.attachments.isEmpty { sources[index] = (location, attached, used.messageID) }
                    lines.append(.init(kind: outcome == .imported ? .imported : .updated, id: book.entries[index].id,
                                       subject: book.entries[index].organisation, notes: notes))
                }
            }
        }

        if !sources.isEmpty {
            let folder = try DocumentsFolder.open(contestDir: contestDir)
            defer { folder.close() }
            let jobs = sources.filter { index, source in
                !book.wasReadFrom(index, messageID: source.messageID) || !folder.holds(book.entries[index].id, book.entries[index].documents)
            }.sorted { $0.value.location < $1.value.location }
            for job in jobs { try folder.checkEntryFolder(book.entries[job.key].id) }
            // An mbox is read once for all its messages; files of their own are read by each job.
            var mboxes: [String: [UInt8]] = [:]
            for job in jobs where job.value.location.range != nil && mboxes[job.value.location.file] == nil {
                mboxes[job.value.location.file] = try Mailbox.read(job.value.location.file)
            }
            let files = mboxes
            let ids = jobs.map { book.entries[$0.key].id }
            let results = Mutex<[Result<[Contest.Document], Error>?]>(Array(repeating: nil, count: jobs.count))
            let work = jobs.map { $0.value }
            DispatchQueue.concurrentPerform(iterations: work.count) { k in
                let result = Result<[Contest.Document], Error> {
                    let job = work[k]
                    let bytes = job.location.range == nil ? try Mailbox.read(job.location.file)
                        : Mailbox.message(at: job.location, fileBytes: files[job.location.file]!)
                    var message = MailMessage.parse(bytes[...])
                    if let attached = job.attached { message = message.attachedMessages[attached] }
                    let attachments = message.attachments.map { DocumentsFolder.File(name: $0.fileName, type: $0.contentType, bytes: $0.data) }
                    return try folder.replaceEntryFolder(ids[k], with: attachments)
                }
                results.withLock { $0[k] = result }
            }
            let done = results.withLock { $0 }
            for (k, job) in jobs.enumerated() { book.setDocuments(job.key, try done[k]!.get()) }
        }
        return ImportResult(entries: book.entries, lines: lines)
    }

    enum Reading {
        case submission(Submission, attached: Int?)
        case skipped(String)
    }

    /// Whether a message is a submission, and its fields. One forwarded as an attachment
    /// (message/rfc822) is read from the attached message when the outer one has no fields.
    static func read(_ message: MailMessage) -> Reading {
        switch SubmissionSubject.judge(message.subject) {
        case .reply:
            return .skipped("a reply (Re:), not a submission")
        case .other:
            let subject = message.subject.isEmpty ? "no subject" : "subject \"\(String(message.subject.prefix(60)))\""
            return .skipped("not a submission (\(subject))")
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
