/// entries.json's text for a list of entries, in the shape of the sample contest's file:
/// two-space indents, every text field present (empty as ""), the optional keys only when
/// they have a value, and a newline at the end. `ContestParser.parseEntries` reads it back
/// to the same entries.
public enum EntriesJSON {
    public static func bytes(_ entries: [Contest.Entry]) -> [UInt8] {
        var out = JSONWriter.bytes(.arr(entries.map(value)), indent: 2)
        out.append(0x0A)
        return out
    }

    public static func value(_ e: Contest.Entry) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(e.id)), ("organisation", .string(e.organisation)), ("district", .string(e.district)),
            ("province", .string(e.province)), ("region", .string(e.region)), ("title", .string(e.title)),
            ("coordinator", .string(e.coordinator)), ("phone", .string(e.phone)), ("email", .string(e.email)),
            ("position", .string(e.position)), ("advisor", .string(e.advisor)),
        ]
        if let date = e.inUseSince { members.append(("inUseSince", .string(date.iso))) }
        if !e.messageId.isEmpty { members.append(("messageId", .string(e.messageId))) }
        if !e.documents.isEmpty { members.append(("documents", .arr(e.documents.map(value)))) }
        return .obj(members)
    }

    public static func value(_ d: Contest.Document) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(d.name)), ("type", .string(d.type)), ("size", .number(Double(d.size)))]
        if let text = d.text { members.append(("text", .string(text))) }
        if let p = d.pixels { members.append(("pixels", .obj([("width", .number(Double(p.width))), ("height", .number(Double(p.height)))]))) }
        if let note = d.note { members.append(("note", .string(note))) }
        return .obj(members)
    }
}
