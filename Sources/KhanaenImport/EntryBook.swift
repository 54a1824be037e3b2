import KhanaenCore

/// The contest's entries while submissions are read into them: each submission becomes a new
/// entry or updates the one it is a copy of, so that reading the same mailbox or CSV again, or
/// a resent copy, never makes a second entry.
///
/// A copy is the same entry when its Message-ID is one an entry was read from (in this import
/// or an earlier one), or else when its organisation and title are an entry's after
/// `MatchKey` (spaces, invisible characters and Latin case ignored, ทต. read as เทศบาลตำบล).
/// An update takes the copy's non-empty fields and keeps the rest.
///
/// A new entry's id is `e` and the number after the highest of the ids of that form already
/// there, zero-padded as the contest's ids are (the widest there; three digits in a contest
/// with none, e001): after e01…e20 comes e21, never e021, so a contest has one id scheme
/// (docs/contest-format.md). Given the same entries and the same submissions in the same
/// order, the ids are the same.
public struct EntryBook: Sendable {
    public private(set) var entries: [Contest.Entry]
    /// How many entries there were before: indexes below it were not made by this import.
    public let existingCount: Int
    /// Each entry's Message-ID as it was before this import.
    let originalMessageIDs: [String]
    var byMessageID: [String: Int] = [:]
    var byKey: [String: Int] = [:]
    /// Each entry's organisation after `MatchKey`, and the entries of each, in index order:
    /// a new entry's title is compared with its organisation's entries only, so that taking
    /// n submissions costs n steps, not n² (issue 19).
    var organisationKeys: [String] = []
    var byOrganisation: [String: [Int]] = [:]
    var nextNumber: Int
    let width: Int

    public init(_ entries: [Contest.Entry]) {
        self.entries = entries
        existingCount = entries.count
        originalMessageIDs = entries.map(\.messageId)
        var highest = 0, width = 0
        for (k, e) in entries.enumerated() {
            if !e.messageId.isEmpty && byMessageID[e.messageId] == nil { byMessageID[e.messageId] = k }
            let key = EntryBook.key(e.organisation, e.title)
            if byKey[key] == nil { byKey[key] = k }
            let organisation = MatchKey.organisation(e.organisation)
            organisationKeys.append(organisation)
            byOrganisation[organisation, default: []].append(k)
            if let n = EntryBook.number(e.id) {
                highest = max(highest, n.value)
                width = max(width, n.digits)
            }
        }
        nextNumber = highest + 1
        self.width = width == 0 ? 3 : width
    }

    static func key(_ organisation: String, _ title: String) -> String {
        MatchKey.organisation(organisation) + "\u{0}" + MatchKey.title(title)
    }

    /// 21 (2 digits) for "e21"; nil for an id not of the form e + digits.
    static func number(_ id: String) -> (value: Int, digits: Int)? {
        guard id.hasPrefix("e"), id.count > 1, id.count <= 10 else { return nil }
        let digits = id.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return (n, digits.count)
    }

    public enum Outcome: Equatable, Sendable {
        case imported, updated
    }

    /// Takes one submission (which must have its organisation and title); returns the entry's
    /// index, whether it is new, and notes worth printing.
    public mutating func take(_ s: Submission, messageID: String) -> (index: Int, outcome: Outcome, notes: [Phrase]) {
        var notes: [Phrase] = []
        let organisationKey = MatchKey.organisation(s[.organisation])
        let key = organisationKey + "\u{0}" + MatchKey.title(s[.title])
        let found = (messageID.isEmpty ? nil : byMessageID[messageID]) ?? byKey[key]
        let index: Int
        let outcome: Outcome
        if let found {
            index = found
            outcome = .updated
        } else {
            let id = "e" + String(repeating: "0", count: max(0, width - String(nextNumber).count)) + String(nextNumber)
            nextNumber += 1
            entries.append(Contest.Entry(id: id, organisation: s[.organisation], title: s[.title]))
            index = entries.count - 1
            outcome = .imported
            if let near = byOrganisation[organisationKey]?.first(where: { k in TitleSimilarity.isNear(entries[k].title, s[.title]) }) {
                notes.append(Phrase("ชื่อโครงการคล้ายกับของ \(entries[near].id): เป็นสำเนาที่แก้ชื่อโครงการหรือไม่",
                                    "title close to \(entries[near].id)'s; a copy with a changed title?"))
            }
            organisationKeys.append(organisationKey)
            byOrganisation[organisationKey, default: []].append(index)
        }
        var e = entries[index]
        func set(_ field: Submission.Field, _ path: WritableKeyPath<Contest.Entry, String>) {
            let value = s[field]
            if !value.isEmpty { e[keyPath: path] = value }
        }
        set(.organisation, \.organisation)
        set(.title, \.title)
        set(.district, \.district)
        set(.region, \.region)
        set(.coordinator, \.coordinator)
        set(.phone, \.phone)
        set(.email, \.email)
        set(.position, \.position)
        set(.advisor, \.advisor)
        let province = EntryBook.provinceName(s[.province])
        if !province.isEmpty { e.province = province }
        switch s.inUseSince {
        case .success(let date): e.inUseSince = date
        case .failure(let problem): notes.append(Phrase("อ่าน วันที่เริ่มใช้งาน ไม่ได้: \(problem.words.th)", "วันที่เริ่มใช้งาน not read: \(problem.words.en)"))
        case nil: break
        }
        if !messageID.isEmpty {
            e.messageId = messageID
            if byMessageID[messageID] == nil { byMessageID[messageID] = index }
        }
        if outcome == .updated && !s[.organisation].isEmpty && organisationKeys[index] != organisationKey {
            // The copy renamed the organisation: the entry is now among the new one's.
            byOrganisation[organisationKeys[index]]?.removeAll { $0 == index }
            var list = byOrganisation[organisationKey, default: []]
            list.insert(index, at: list.firstIndex { $0 > index } ?? list.endIndex)
            byOrganisation[organisationKey] = list
            organisationKeys[index] = organisationKey
        }
        entries[index] = e
        if byKey[key] == nil { byKey[key] = index }
        return (index, outcome, notes)
    }

    /// Whether the entry's Message-ID before this import was this one: its files are then
    /// those of this very message.
    public func wasReadFrom(_ index: Int, messageID: String) -> Bool {
        index < existingCount && !messageID.isEmpty && originalMessageIDs[index] == messageID
    }

    public mutating func setDocuments(_ index: Int, _ documents: [Contest.Document]) {
        entries[index].documents = documents
    }

    /// entries.json keeps the province without the word จังหวัด (the announcement adds it).
    static func provinceName(_ value: String) -> String {
        var v = Substring(value)
        for prefix in ["จังหวัด", "จ."] where v.hasPrefix(prefix) { v = v.dropFirst(prefix.count) }
        return MatchKey.cleaned(String(v))
    }
}
