import Foundation
import KhanaenCore

/// Which contest folder a command works on: --contest, else $KHANAEN_CONTEST, else the
/// demo contest, which is copied from the sources on first use so they never change.
enum ContestLocation {
    static let demoName = "digital-local-2566"

    static func resolve(_ args: ParsedArguments, _ ctx: CommandContext) throws -> String {
        if let dir = args.value("contest") { return dir }
        if let dir = ctx.environment["KHANAEN_CONTEST"], !dir.isEmpty { return dir }
        return try demoFolder(ctx)
    }

    /// Whether the command works on the built-in demo (no --contest, no $KHANAEN_CONTEST).
    static func isDemo(_ args: ParsedArguments, _ ctx: CommandContext) -> Bool {
        args.value("contest") == nil && (ctx.environment["KHANAEN_CONTEST"] ?? "").isEmpty
    }

    /// Seconds east of UTC here, for showing times in local time.
    static var localUTCOffset: Int {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return Int(local.tm_gmtoff)
    }

    /// The sample contest shipped in Data/.
    static func sampleFolder(_ ctx: CommandContext) throws -> String {
        if let dir = ctx.environment["KHANAEN_DATA"], !dir.isEmpty { return dir + "/" + demoName }
        // The checkout this binary was built from: Sources/KhanaenCLI/ContestLocation.swift → Data/.
        let source = URL(fileURLWithPath: #filePath)
        let data = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").appendingPathComponent(demoName).path
        if FileManager.default.fileExists(atPath: data + "/" + ContestFolder.contestFile) { return data }
        throw InputError("the demo contest was not found at \(data); pass --contest DIR or set KHANAEN_DATA to the Data folder")
    }

    static func dataHome(_ ctx: CommandContext) throws -> String {
        if let x = ctx.environment["XDG_DATA_HOME"], x.hasPrefix("/") { return x + "/khanaen" }
        guard let home = ctx.environment["HOME"], !home.isEmpty else {
            throw InputError("neither XDG_DATA_HOME nor HOME is set: pass --contest DIR")
        }
        return home + "/.local/share/khanaen"
    }

    /// The user's copy of the demo, made on first use.
    static func demoFolder(_ ctx: CommandContext) throws -> String {
        let target = try dataHome(ctx) + "/" + demoName
        let fm = FileManager.default
        if fm.fileExists(atPath: target + "/" + ContestFolder.contestFile) { return target }
        let source = try sampleFolder(ctx)
        try copyAtomically(from: source, to: target, includeLedger: true)
        ctx.err("khanaen: the demo contest (synthetic scores) was copied to \(target)\n")
        return target
    }

    /// Copies a contest folder into a temporary sibling, then renames it into place, so a
    /// half-copied folder is never left where a contest is expected.
    static func copyAtomically(from source: String, to target: String, includeLedger: Bool) throws {
        let fm = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let temp = parent + "/.\((target as NSString).lastPathComponent).tmp-\(getpid())"
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: temp)
            try fm.createDirectory(atPath: temp, withIntermediateDirectories: false)
            for file in [ContestFolder.contestFile, ContestFolder.entriesFile] {
                try fm.copyItem(atPath: source + "/" + file, toPath: temp + "/" + file)
            }
            let ledgerSource = source + "/" + ContestFolder.ledgerFolder
            if includeLedger && fm.fileExists(atPath: ledgerSource) {
                try fm.copyItem(atPath: ledgerSource, toPath: temp + "/" + ContestFolder.ledgerFolder)
            } else {
                try fm.createDirectory(atPath: temp + "/" + ContestFolder.ledgerFolder, withIntermediateDirectories: false)
            }
            if fm.fileExists(atPath: target) {
                // An empty folder named by the user is replaced; anything else is kept.
                guard (try fm.contentsOfDirectory(atPath: target)).isEmpty else {
                    try? fm.removeItem(atPath: temp)
                    throw InputError("\(target): already exists and is not empty; nothing was written")
                }
                try fm.removeItem(atPath: target)
            }
            try fm.moveItem(atPath: temp, toPath: target)
        } catch let e as InputError {
            throw e
        } catch {
            try? fm.removeItem(atPath: temp)
            throw InputError("\(target): cannot create the contest folder: \(error.localizedDescription)")
        }
    }
}
