import Foundation
import KhanaenCore
import KhanaenText

/// Where a command writes, who runs it and what it may read of its surroundings; tests pass
/// their own.
public struct CommandContext {
    public var environment: [String: String]
    /// The caller's login, from the operating system (`processLogin`): never from the
    /// environment, which anyone can set.
    public var login: String
    /// The caller's real user id.
    public var uid: UInt32
    public var out: (String) -> Void
    public var err: (String) -> Void

    public init(environment: [String: String], login: String, uid: UInt32, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.environment = environment
        self.login = login
        self.uid = uid
        self.out = out
        self.err = err
    }

    /// The name of this process's real user in the password database, or `#UID` for a user
    /// id without one (which is nobody's login in a contest).
    public static var processLogin: (login: String, uid: UInt32) {
        let uid = getuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return ("#\(uid)", uid) }
        return (String(cString: name), uid)
    }

    /// This process's environment, read from `environ`: `ProcessInfo`'s first use costs
    /// every start about 0.4 ms, most of it before anything else can be done.
    public static var processEnvironment: [String: String] {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                environment[String(text[..<equals])] = String(text[text.utf8.index(after: equals)...])
            }
            entry += 1
        }
        return environment
    }
}

/// A wrong command line: says what is wrong and points to --help.
public struct UsageError: BilingualError, CustomStringConvertible {
    public var words: Phrase
    public init(th: String, en: String) { words = Phrase(th, en) }
    public var description: String { words.en }
}

/// One subcommand: its name, its usage text next to its options, and what it does. The summary
/// and the usage are said in Thai, or in English with --lang en; every line of the usage fits
/// an 80-column terminal.
protocol Command: SendableMetatype {
    static var name: String { get }
    static var summary: Phrase { get }
    static var usage: Phrase { get }
    static var options: OptionSpec { get }
    static func run(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32
}

public enum CLI {
    public static let version = "0.1.0"

    static let commands: [Command.Type] = [
        JudgeCommand.self, ChairCommand.self, InitCommand.self, ScoreCommand.self, RecuseCommand.self, ReopenCommand.self, AwardCommand.self,
        ReportCommand.self, VerifyCommand.self, CheckpointCommand.self, AccessCommand.self, ImportCommand.self, EligibilityCommand.self,
        ConflictCommand.self, ConflictsCommand.self, AssignCommand.self, SyncCommand.self, ForkCommand.self, PrintCommand.self, RoundCommand.self, RoundsCommand.self,
    ]

    /// `khanaen --help`: every command with its summary, in the language asked for.
    static func usage(_ language: Language) -> String {
        func t(_ th: String, _ en: String) -> String { language.t(th, en) }
        var lines = [
            t("khanaen \(version) — เครื่องมือให้คะแนนของคณะกรรมการตัดสินรางวัล",
              "khanaen \(version) — judging workstation for panel-judged awards (คะแนน)"),
            "",
            t("วิธีใช้: khanaen [คำสั่ง] [--contest DIR] [ตัวเลือก]", "usage: khanaen [COMMAND] [--contest DIR] [options]"),
            "",
            t("ไม่ระบุคำสั่ง khanaen จะเปิดเครื่องมือของกรรมการ (เหมือน `khanaen judge`)",
              "With no command, khanaen opens the judge workstation (as `khanaen judge`)."),
            "",
            t("คำสั่ง:", "commands:"),
        ]
        for c in commands { lines.append("  " + c.name.padding(12) + c.summary.text(language)) }
        lines.append(contentsOf: [
            "",
            t("ทุกคำสั่งรับ --contest DIR ถ้าไม่ระบุ ใช้ $KHANAEN_CONTEST ถ้าไม่มีอีก ใช้การประกวด",
              "Every command takes --contest DIR; without it, $KHANAEN_CONTEST, else the"),
            t("ตัวอย่างที่มากับโปรแกรม (คัดลอกไปไว้ที่ $XDG_DATA_HOME/khanaen เมื่อใช้ครั้งแรก",
              "built-in demo contest (copied on first use to $XDG_DATA_HOME/khanaen, so the"),
            t("ต้นฉบับจึงไม่เปลี่ยน)", "sources never change)."),
            t("รหัสออก: 0 สำเร็จ, 1 verify พบจุดที่ขาด, 2 ใช้คำสั่งผิดหรือข้อมูลเข้าผิด",
              "Exit codes: 0 success, 1 verify found a break, 2 usage or input error."),
            t("`khanaen คำสั่ง --help` ดูวิธีใช้ของแต่ละคำสั่ง (`--lang en` เป็นภาษาอังกฤษ)",
              "`khanaen COMMAND --help` for each command (`--lang en` for English)."),
        ])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs a command line (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], _ ctx: CommandContext) -> Int32 {
        var args = arguments
        // The language, read before the parse (which may fail) and before any help: --lang en
        // or --lang=en.
        let english = zip(args, args.dropFirst()).contains { $0 == "--lang" && $1 == "en" } || args.contains("--lang=en")
        let language: Language = english ? .en : .th
        if args.first == "--help" || args.first == "-h" || args.first == "help" {
            if args.count > 1, let c = commands.first(where: { $0.name == args[1] }) { ctx.out(c.usage.text(language)); return 0 }
            ctx.out(usage(language))
            return 0
        }
        if args.first == "--version" { ctx.out("khanaen \(version)\n"); return 0 }
        var command: Command.Type = JudgeCommand.self
        if let first = args.first, !first.hasPrefix("-") {
            guard let c = commands.first(where: { $0.name == first }) else {
                ctx.err(language.t("khanaen: ไม่รู้จักคำสั่ง \"\(first.terminalSafe)\" (ดู khanaen --help)\n",
                                   "khanaen: unknown command \"\(first.terminalSafe)\" (see khanaen --help)\n"))
                return 2
            }
            command = c
            args.removeFirst()
        }
        if args.contains("--help") || args.contains("-h") { ctx.out(command.usage.text(language)); return 0 }
        // What an error says often echoes what a contest, a ledger or a mailbox holds: each
        // line is shown as terminal-safe text, whatever made it (its own newline kept).
        func fail(_ line: String) { ctx.err(TerminalText.safe(line) + "\n") }
        do {
            let parsed = try command.options.parse(args, command: command.name)
            return try command.run(parsed, ctx)
        } catch let e as UsageError {
            fail("khanaen \(command.name): \(e.words.text(language)) (" + (language.t("ดู", "see")) + " khanaen \(command.name) --help)")
        } catch let e as Refusal {
            fail(language.t("khanaen \(command.name): ไม่ได้บันทึก: \(e.message(in: .th)) ไม่มีการเขียนลงสมุดคะแนน",
                            "khanaen \(command.name): refused: \(e.message); nothing was written"))
        } catch let e as NotAllowed {
            fail(language.t("khanaen \(command.name): ไม่มีสิทธิ์: \(e.words.th) ไม่มีการเขียนลงสมุดคะแนน",
                            "khanaen \(command.name): not allowed: \(e.words.en); nothing was written"))
        } catch let e as BilingualError {
            // Bad input, a file's or a ledger file's problem, a failed print or sync.
            fail("khanaen: \(e.words.text(language))")
        } catch {
            fail("khanaen: \(error)")
        }
        return 2
    }
}

extension ParsedArguments {
    /// The output's language: Thai unless --lang en.
    func language() throws -> Language {
        guard let language = Language(rawValue: value("lang") ?? "th") else { throw UsageError(th: "--lang ต้องเป็น th หรือ en", en: "--lang must be th or en") }
        return language
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
