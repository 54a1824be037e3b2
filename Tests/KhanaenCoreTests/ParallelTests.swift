import XCTest
@testable import KhanaenCore

final class ParallelTests: XCTestCase {
    func testMapGivesTheSequentialResultInOrder() {
        for count in [0, 1, 63, 64, 65, 127, 1_000, 1_001] {
            XCTAssertEqual(Parallel.map(count) { "\($0 * 7)" }, (0..<count).map { "\($0 * 7)" }, "\(count) items")
        }
    }
}
