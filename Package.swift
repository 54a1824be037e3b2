// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Khanaen",
    products: [
        .executable(name: "khanaen", targets: ["khanaen"]),
        .executable(name: "khanaen-bench", targets: ["khanaen-bench"]),
    ],
    targets: [
        // A C target rather than a system library: ICU's headers must stay out of Swift's sight (see its header).
        // ICU's libraries are opened on first use (dlopen), not linked.
        .target(name: "CICU"),
        .target(name: "KhanaenText", dependencies: ["CICU"]),
        // SHA-256 on the CPU's SHA instructions, with the portable Swift rounds as the fallback.
        .target(name: "CSHA256"),
        // malloc's settings, for the executables.
        .target(name: "CProcess"),
        .target(name: "KhanaenCore", dependencies: ["KhanaenText", "CSHA256"]),
        // No pkgConfig: SwiftPM would pass on its -D flags and warn that they are prohibited. The modulemap links
        // ncursesw (and tinfo), and shim.h asks for the wide-character API itself. Its headers come from libncurses-dev.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // Reading submissions: mail, CSV, attachments and their text.
        .target(name: "KhanaenImport", dependencies: ["KhanaenCore", "KhanaenText"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "KhanaenUI", dependencies: ["KhanaenCore", "KhanaenText"]),
        .target(name: "KhanaenTerminal", dependencies: ["CNcursesw", "KhanaenUI"]),
        // Carrying a contest between machines with the system's git (docs/sync.md).
        .target(name: "KhanaenSync", dependencies: ["KhanaenCore"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // Pango and Cairo, opened (dlopen) only when something is printed: the workstation neither links nor loads
        // them. Their headers are not needed to build; the libraries come with libpango1.0-dev or libpangocairo-1.0-0.
        .target(name: "CPangoCairo"),
        // Signed paper: score sheets and the summary as Thai A4 PDF (docs/printing.md).
        .target(name: "KhanaenPrint", dependencies: ["CPangoCairo", "KhanaenCore", "KhanaenText"]),
        .target(name: "KhanaenCLI", dependencies: ["KhanaenCore", "KhanaenText", "KhanaenUI", "KhanaenTerminal", "KhanaenImport", "KhanaenSync",
                                                   "KhanaenPrint"]),
        // libFuzzer entry points, linked into a fuzzer only by scripts/fuzz.sh (docs/performance.md).
        .target(name: "KhanaenFuzz", dependencies: ["KhanaenCore", "KhanaenImport"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "khanaen", dependencies: ["KhanaenCLI", "CProcess"]),
        .executableTarget(name: "khanaen-bench", dependencies: ["KhanaenCore", "KhanaenText", "KhanaenCLI", "KhanaenUI", "KhanaenImport", "CProcess"]),
        .testTarget(name: "KhanaenTextTests", dependencies: ["KhanaenText"], exclude: ["Fixtures"]),
        .testTarget(name: "KhanaenCoreTests", dependencies: ["KhanaenCore"]),
        .testTarget(name: "KhanaenUITests", dependencies: ["KhanaenUI", "KhanaenCore", "KhanaenText"], exclude: ["Golden"]),
        .testTarget(name: "KhanaenPrintTests", dependencies: ["KhanaenPrint", "KhanaenCLI", "KhanaenCore"]),
        .testTarget(name: "KhanaenCLITests", dependencies: ["KhanaenCLI", "KhanaenCore", "KhanaenUI"]),
        .testTarget(name: "KhanaenImportTests", dependencies: ["KhanaenImport", "KhanaenCore", "KhanaenText", "KhanaenCLI"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "KhanaenSyncTests", dependencies: ["KhanaenSync", "KhanaenCore", "KhanaenCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
