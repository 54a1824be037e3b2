// Compiled only with -DKHANAEN_FUZZ (scripts/fuzz.sh, a debug build): the targets reach
// internals through @testable, which a release build of the package cannot import.
#if KHANAEN_FUZZ
import Foundation
@testable import KhanaenCore
@testable import KhanaenImport

/// libFuzzer entry points (issue 20). Built only by scripts/fuzz.sh, with
/// `-sanitize=fuzzer,address`; the target is chosen by KHANAEN_FUZZ_TARGET, since a fuzzer
/// binary has one `LLVMFuzzerTestOneInput`. Each target traps (a crash libFuzzer keeps) when a
/// property fails; a thrown error on bad input is the expected answer, not a finding.
public enum FuzzTargets {
    public static let names = ["ledger", "contest", "entries", "mime", "mbox", "csv", "xml"]

    public static func run(_ name: String, _ data: UnsafeBufferPointer<UInt8>) {
        switch name {
        case "ledger": ledger(data)
        case "contest": _ = try? ContestParser.parseDefinition(Array(data))
        case "entries": _ = try? ContestParser.parseEntries(Array(data), file: "entries.json")
        case "mime": _ = MailMessage.parse(Array(data)[...])
        case "mbox": mbox(Array(data))
        case "csv": csv(data)
        case "xml": XMLEvents.scan(Array(data)) { _ in }
        default: fatalError("KHANAEN_FUZZ_TARGET: one of \(names.joined(separator: ", "))")
        }
    }

    /// The ledger line readers: every line's stored hash is first made right (so that the
    /// verifier reads past it), then the file is verified with both hash implementations, and
    /// every line the common-layout reader takes must read the same with the general one.
    static func ledger(_ data: UnsafeBufferPointer<UInt8>) {
        let genesis = LedgerLine.genesis(contestID: "t1", fileName: "j1")
        var fixed: [UInt8] = []
        var previous = genesis
        for line in Array(data).split(separator: 0x0A, omittingEmptySubsequences: false) {
            var l = Array(line)
            l.withUnsafeBufferPointer { whole in
                guard let member = try? LedgerLine.hashMemberStart(whole), l.count >= 75, member == l.count - 75 else { return }
                let canonical = Array(whole[0..<member]) + [0x7D]
                let hash = SHA256.hash(previous.bytes + canonical)
                let hex = Array(Hex.encode(hash).utf8)
                l.replaceSubrange((l.count - 66)..<(l.count - 2), with: hex)
                previous = Digest(bytes: hash) ?? previous
            }
            fixed += l + [0x0A]
        }
        fixed.removeLast()
        fixed.withUnsafeBufferPointer { b in
            let best = LedgerVerifier.verify(b, firstSeq: 1, head: genesis, lineOffset: 0, keepAll: true, rounds: .best)
            let portable = LedgerVerifier.verify(b, firstSeq: 1, head: genesis, lineOffset: 0, keepAll: true, rounds: .portable)
            precondition(best.events == portable.events && best.head == portable.head && best.bytes == portable.bytes
                         && best.broken == portable.broken && best.pending == portable.pending, "the hash rounds disagree")
        }
        for line in fixed.split(separator: 0x0A) {
            Array(line).withUnsafeBufferPointer { whole in
                guard let member = try? LedgerLine.hashMemberStart(whole) else { return }
                let body = UnsafeBufferPointer(rebasing: whole[0..<member])
                var a = LedgerLine.NameCache(), b = LedgerLine.NameCache()
                if let fast = LedgerLine.commonEvent(body, names: &a) {
                    let general = try? LedgerLine.parseFields(body, names: &b)
                    precondition(general == fast, "the two line readers disagree")
                }
            }
        }
    }

    static func mbox(_ bytes: [UInt8]) {
        guard Mailbox.isMbox(bytes) else { return }
        for m in Mailbox.mboxMessages(bytes) {
            precondition(m.range.lowerBound >= 0 && m.range.upperBound <= bytes.count, "a message outside the file")
            _ = MailMessage.parse(Mailbox.unescaped(bytes[m.range])[...])
        }
    }

    static func csv(_ data: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: data, as: UTF8.self)
        _ = try? CSVReader.records(text, separator: CSVReader.separator(of: text))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func khanaenFuzzOne(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTargets.run(fuzzTarget, UnsafeBufferPointer(start: data, count: count))
    return 0
}

private let fuzzTarget = ProcessInfo.processInfo.environment["KHANAEN_FUZZ_TARGET"] ?? "ledger"
#endif
