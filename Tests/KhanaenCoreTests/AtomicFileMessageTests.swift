import Foundation
import XCTest
@testable import KhanaenCore

/// A write that fails (an export onto a full disk) says "cannot write" once (issue 19).
final class AtomicFileMessageTests: XCTestCase {
    func testAFailedWriteSaysCannotWriteOnce() throws {
        let dir = NSTemporaryDirectory() + "khanaen-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A file size limit of 1 KiB fails the write as a full disk would (EFBIG instead of ENOSPC).
        var old = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        var small = old
        small.rlim_cur = 1024
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small), 0)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
            signal(SIGXFSZ, oldHandler)
        }
        let path = dir + "/report.md"
        XCTAssertThrowsError(try AtomicFile.write([UInt8](repeating: 0x41, count: 8192), to: path, overwrite: false)) { error in
            XCTAssertEqual("\(error)", "\(path): cannot write: \(String(cString: strerror(EFBIG)))")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [], "the temporary file is gone")
    }
}
