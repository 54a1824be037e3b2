import Foundation
import XCTest

/// Issue 18: `swift run` printed `warning: prohibited flag(s): -D_DEFAULT_SOURCE,
/// -D_XOPEN_SOURCE=600`, SwiftPM's word for the -D flags pkg-config gives ncursesw. The system
/// library target names no pkg-config package; its modulemap links the libraries and shim.h
/// asks for the wide-character API itself. (A clean `swift build` was checked by hand to print
/// no such warning.)
final class PackageManifestTests: XCTestCase {
    private var sources: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    func testNcurseswIsLinkedWithoutPkgConfigFlags() throws {
        let manifest = try String(contentsOf: sources.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try XCTUnwrap(manifest.split(separator: "\n").first { $0.contains(".systemLibrary(name: \"CNcursesw\"") })
        XCTAssertFalse(target.contains("pkgConfig"), String(target))
        let modulemap = try String(contentsOf: sources.appendingPathComponent("Sources/CNcursesw/module.modulemap"), encoding: .utf8)
        XCTAssertTrue(modulemap.contains("link \"ncursesw\"") && modulemap.contains("link \"tinfo\""), modulemap)
        let shim = try String(contentsOf: sources.appendingPathComponent("Sources/CNcursesw/shim.h"), encoding: .utf8)
        XCTAssertTrue(shim.contains("#define _XOPEN_SOURCE_EXTENDED 1") && shim.contains("#define NCURSES_WIDECHAR 1"), "the header's defines stay")
    }
}
