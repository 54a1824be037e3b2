import Foundation
import XCTest
import KhanaenCore

/// The glossary (docs/architecture.md) held over every Thai string the program has, not only
/// the screens VocabularyTests renders: the commands' lines, their errors, the reports.
final class GlossarySourceTests: XCTestCase {
    /// Every Thai word a command, a report, a paper or a screen can say is in a string of the
    /// sources: none uses a word for another idea than the glossary gives it (the glossary's own
    /// rule and the benchmarks' sample files aside; the printed form keeps its official name,
    /// แบบบันทึกคะแนน).
    func testEveryThaiStringInTheSourcesSpeaksTheGlossary() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("khanaen-bench/") && $0 != "KhanaenCore/Report/Glossary.swift" }
        XCTAssertGreaterThan(files.count, 100)
        var read = 0
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = String(raw)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if let comment = line.range(of: " // ") { line = String(line[..<comment.lowerBound]) }
                guard line.unicodeScalars.contains(where: { (0x0E00...0x0E7F).contains($0.value) }) else { continue }
                read += 1
                line = line.replacingOccurrences(of: "แบบบันทึกคะแนน", with: "")
                for m in Glossary.misuses(line) { XCTFail("Sources/\(file):\(n + 1): \(m): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        XCTAssertGreaterThan(read, 1000, "the Thai lines of the sources were read")
    }
}
