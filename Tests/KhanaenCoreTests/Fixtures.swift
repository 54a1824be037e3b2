import Foundation
@testable import KhanaenCore

/// Small contests written out in the tests, so every expected number can be worked by hand.
enum Fixtures {
    /// Three criteria (max 10, 20, 10: 40 points), step 0.5, tiers gold ×1 and silver ×2, quorum 2.
    static func contestJSON(judges: Int = 3, quorum: Int = 2, extra: String = "") -> String {
        let js = (1...judges).map { #"{"id": "j\#($0)", "name": "กรรมการ \#($0)", "user": "judge\#($0)"}"# }.joined(separator: ", ")
        return """
        {
          "id": "t1",
          "name": "ทดสอบ",
          "categories": [{"id": "k1", "title": "หมวด 1"}],
          "criteria": [
            {"id": "a", "category": "k1", "title": "เกณฑ์ ก", "max": 10},
            {"id": "b", "category": "k1", "title": "เกณฑ์ ข", "max": 20},
            {"id": "c", "category": "k1", "title": "เกณฑ์ ค", "max": 10}
          ],
          "step": 0.5,
          "awards": [{"id": "gold", "title": "ทอง", "count": 1}, {"id": "silver", "title": "เงิน", "count": 2}],
          "quorum": \(quorum),\(extra)
          "thresholds": {"spread": 10, "outlier": 15},
          "judges": [\(js)],
          "chairs": ["chair"]
        }
        """
    }

    static func entriesJSON(_ n: Int = 5) -> String {
        "[" + (1...n).map { #"{"id": "e\#($0)", "organisation": "เทศบาล \#($0)", "province": "ลำพูน", "title": "ผลงาน \#($0)"}"# }
            .joined(separator: ",\n") + "]"
    }

    static func contest(judges: Int = 3, entries: Int = 5, quorum: Int = 2, extra: String = "") throws -> Contest {
        try ContestParser.parse(contestJSON: Array(contestJSON(judges: judges, quorum: quorum, extra: extra).utf8),
                                entriesJSON: Array(entriesJSON(entries).utf8))
    }

    /// Events that give judge `judge` the scores a, b, c for `entry`, then submit.
    static func sheet(_ judge: String, _ entry: String, _ a: Double, _ b: Double, _ c: Double, submit: Bool = true) -> [LedgerEvent] {
        var events = [
            LedgerEvent(actor: judge, kind: .score, entry: entry, criterion: "a", value: a),
            LedgerEvent(actor: judge, kind: .score, entry: entry, criterion: "b", value: b),
            LedgerEvent(actor: judge, kind: .score, entry: entry, criterion: "c", value: c),
        ]
        if submit { events.append(LedgerEvent(actor: judge, kind: .submit, entry: entry)) }
        return events
    }

    /// Numbers the events of each judge in order, as a ledger file would.
    static func numbered(_ events: [LedgerEvent]) -> [LedgerEvent] {
        events.enumerated().map { k, e in var x = e; x.seq = k + 1; x.time = Int64(1_700_000_000_000 + k * 1000); return x }
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "khanaen-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A contest folder on disk with the given contest.
    static func folder(contestJSON: String = contestJSON(), entriesJSON: String = entriesJSON()) -> String {
        let dir = temporaryFolder()
        try! contestJSON.write(toFile: dir + "/contest.json", atomically: true, encoding: .utf8)
        try! entriesJSON.write(toFile: dir + "/entries.json", atomically: true, encoding: .utf8)
        try! FileManager.default.createDirectory(atPath: dir + "/ledger", withIntermediateDirectories: true)
        return dir
    }
}
