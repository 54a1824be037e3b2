import Foundation
import KhanaenCore
import KhanaenText

/// Where one message is: a file of its own (.eml, a Maildir file), or a stretch of an mbox file.
public struct MailLocation: Hashable, Sendable, Comparable {
    public var file: String
    /// The message's bytes in the mbox file (after its From_ line); nil for a file of its own.
    public var range: Range<Int>?
    /// The line of its From_ line in the mbox file.
    public var line: Int?

    /// How the import names the message in what it prints: the file, or mbox:line.
    public var label: String { line.map { "\(file):\($0)" } ?? file }

    public static func < (a: MailLocation, b: MailLocation) -> Bool {
        a.file != b.file ? a.file < b.file : (a.range?.lowerBound ?? 0) < (b.range?.lowerBound ?? 0)
    }
}

/// Reads mail as a secretariat keeps it: an mbox file, a Maildir (a folder with cur/ and
/// new/), a folder of .eml files, or one .eml file. Messages come in a fixed order: an mbox
/// in its order, a Maildir's files and a folder's .eml files sorted by name (a Maildir's
/// names start with the delivery time).
public enum Mailbox {
    /// Every message under `path`, in order, with its bytes. A path that cannot be read throws.
    public static func forEachMessage(_ path: String, _ body: (MailLocation, ArraySlice<UInt8>) throws -> Void) throws {
        let (found, bytes) = try locations(path)
        for location in found {
            try body(location, location.range == nil ? (bytes ?? read(location.file))[...] : message(at: location, fileBytes: bytes!))
        }
    }

    /// Where every message under `path` is, in order; for an mbox file, also its bytes (each
    /// message is then `message(at:fileBytes:)`). A path that cannot be read throws.
    public static func locations(_ path: String) throws -> (locations: [MailLocation], mbox: [UInt8]?) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError(th: "\(path.terminalSafe): ไม่มีแฟ้มหรือโฟลเดอร์นี้", en: "\(path.terminalSafe): no such file or folder") }
        if isDir.boolValue { return (try messageFiles(inFolder: path).map { MailLocation(file: $0) }, nil) }
        // A file of its own is read when its message is (once: it may be large).
        let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: fromLine.count)).flatMap { $0 } ?? Data()
        guard isMbox([UInt8](head)) else { return ([MailLocation(file: path)], nil) }
        let bytes = try read(path)
        return (mboxMessages(bytes).map { MailLocation(file: path, range: $0.range, line: $0.line) }, bytes)
    }

    /// One message's bytes in its mbox file, its ">From " quoting undone (copied only when
    /// it has such a line); the whole file for a message in a file of its own.
    public static func message(at location: MailLocation, fileBytes: [UInt8]) -> ArraySlice<UInt8> {
        guard let range = location.range, range.upperBound <= fileBytes.count else { return fileBytes[...] }
        let slice = fileBytes[range]
        return hasQuotedFrom(slice) ? unescaped(slice)[...] : slice
    }

    /// Whether a line starts with one or more ">" and then "From ".
    static func hasQuotedFrom(_ b: ArraySlice<UInt8>) -> Bool {
        var k = b.startIndex
        while k < b.endIndex {
            if b[k] == 0x3E {
                var j = k
                while j < b.endIndex && b[j] == 0x3E { j += 1 }
                if b[j..<b.endIndex].starts(with: fromLine) { return true }
            }
            guard let newline = b[k..<b.endIndex].firstIndex(of: 0x0A) else { return false }
            k = newline + 1
        }
        return false
    }

    /// A Maildir's cur/ and new/ files, else the folder's .eml files, sorted by name.
    static func messageFiles(inFolder path: String) throws -> [String] {
        let fm = FileManager.default
        func list(_ dir: String) throws -> [String] {
            do {
                return try fm.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
            } catch {
                // The system's reason, asked again of the folder itself; none is made up when it opens.
                guard let d = opendir(dir) else { throw InputError(dir, failed: "อ่านโฟลเดอร์ไม่ได้", "cannot read the folder", code: errno) }
                closedir(d)
                throw InputError(th: "\(dir): อ่านรายชื่อแฟ้มในโฟลเดอร์ไม่ได้", en: "\(dir): cannot list the folder's files")
            }
        }
        var isDir: ObjCBool = false
        let isMaildir = ["cur", "new"].allSatisfy { fm.fileExists(atPath: path + "/" + $0, isDirectory: &isDir) && isDir.boolValue }
        if isMaildir {
            let files = try list(path + "/cur").map { (name: $0, path: path + "/cur/" + $0) } + list(path + "/new").map { (name: $0, path: path + "/new/" + $0) }
            return files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.map(\.path)
                .filter { fm.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }
        }
        return try list(path).filter { $0.lowercased().hasSuffix(".eml") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { path + "/" + $0 }
            .filter { fm.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }
    }

    /// The file's bytes, read straight into an array of its size (one byte more, to see the
    /// end): through `Data`, or an array doubled to find the end, a 283 MB message took 570 MB.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path, failed: "อ่านไม่ได้", "cannot read", code: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { throw InputError(th: "\(path): อ่านไม่ได้ (ไม่ใช่แฟ้ม)", en: "\(path): cannot read (not a file)") }
        var out = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var got = 0
        while true {
            if got == out.count { out.append(contentsOf: repeatElement(0, count: max(4096, out.count / 4))) }  // it grew meanwhile
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path, failed: "อ่านไม่ได้", "cannot read", code: errno)
            }
            if n == 0 { break }
            got += n
        }
        out.removeSubrange(got...)
        return out
    }

    static let fromLine = Array("From ".utf8)

    static func isMbox(_ bytes: [UInt8]) -> Bool { bytes.starts(with: fromLine) }

    /// The messages of an mbox: each starts after a line beginning "From " that opens the file
    /// or follows an empty line, and ends before the empty line ahead of the next one.
    static func mboxMessages(_ b: [UInt8]) -> [(range: Range<Int>, line: Int)] {
        var starts: [(header: Int, body: Int, line: Int)] = []
        var k = 0, line = 1
        var previousEmpty = true
        while k < b.count {
            var end = k
            while end < b.count && b[end] != 0x0A { end += 1 }
            let next = min(b.count, end + 1)
            let content = b[k..<(end > k && b[end - 1] == 0x0D ? end - 1 : end)]
            if previousEmpty && content.starts(with: fromLine) { starts.append((k, next, line)) }
            previousEmpty = content.isEmpty
            k = next
            line += 1
        }
        return starts.enumerated().map { n, s in
            var end = n + 1 < starts.count ? starts[n + 1].header : b.count
            // The empty line before the next From_ line (or the file's end) separates; it is not the message's.
            if n + 1 < starts.count || (end >= 2 && b[end - 1] == 0x0A && (b[end - 2] == 0x0A || (end >= 3 && b[end - 2] == 0x0D && b[end - 3] == 0x0A))) {
                if end > s.body && b[end - 1] == 0x0A { end -= 1 }
                if end > s.body && b[end - 1] == 0x0D { end -= 1 }
            }
            return (s.body..<max(s.body, end), s.line)
        }
    }

    /// mboxrd's quoting undone: a line of one or more ">" then "From " loses one ">".
    static func unescaped(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var atLineStart = true
        var k = b.startIndex
        while k < b.endIndex {
            if atLineStart && b[k] == 0x3E {
                var j = k
                while j < b.endIndex && b[j] == 0x3E { j += 1 }
                if b[j..<b.endIndex].starts(with: fromLine) { k += 1 }
            }
            let c = b[k]
            out.append(c)
            atLineStart = c == 0x0A
            k += 1
        }
        return out
    }
}
