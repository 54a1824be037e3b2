import XCTest
@testable import KhanaenCore

/// The incomplete-design ICC against statsmodels 0.15.0's MixedLM (numpy 2.4.6, pandas 3.1.1,
/// scipy 1.17.1): `smf.mixedlm("y ~ 1", df, groups=df["entry"]).fit(reml=True, method="powell",
/// xtol=1e-12, ftol=1e-12, maxiter=10000)`, σ²ₐ its `cov_re`, σ²ₑ its `scale`. Its default
/// fit stops about 3·10⁻⁵ short (relative) of the optimum these reach.
final class IncompleteICCTests: XCTestCase {
    private func check(_ groups: [[Double]], entries: Double, residual: Double, icc: Double, _ line: UInt = #line) throws {
        let fit = try XCTUnwrap(IncompleteICC.fit(groups), line: line)
        XCTAssertEqual(fit.entries, entries, accuracy: max(1e-6, abs(entries) * 1e-5), line: line)
        XCTAssertEqual(fit.residual, residual, accuracy: residual * 1e-5, line: line)
        XCTAssertEqual(fit.icc, icc, accuracy: 1e-5, line: line)
    }

    func testUnbalancedEntriesMatchMixedLM() throws {
        try check([[80, 75, 90], [60, 65], [70, 72, 68, 75], [88, 92], [55, 60, 58], [77]],
                  entries: 137.9837393009413, residual: 19.552784335331605, icc: 0.8758841195424883)
        try check([[81.25, 77.5, 85.0], [62.5, 70.0, 66.25], [90.0, 88.75], [55.0, 61.25, 58.75, 60.0], [72.5, 68.75]],
                  entries: 143.97341989999367, residual: 9.547245850330329, icc: 0.9378113311086251)
    }

    /// Entries that differ less than their sheets do: the entries' variance is at its bound, 0.
    func testNoEntryEffectIsZero() throws {
        try check([[70, 50, 60], [65, 55], [62, 71, 58], [60, 66]], entries: 4.290261004551558e-09, residual: 42.89999999912061,
                  icc: 1.0000608401422961e-10)
    }

    func testTooLittleDataGivesNothing() {
        XCTAssertNil(IncompleteICC.fit([[70, 80]]), "one entry")
        XCTAssertNil(IncompleteICC.fit([[70], [80]]), "no entry with two sheets")
        XCTAssertNil(IncompleteICC.fit([[70, 70], [70]]), "every total the same")
    }
}
