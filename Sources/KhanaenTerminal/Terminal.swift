import CNcursesw
import Foundation
import KhanaenCore
import KhanaenUI

/// The only code that calls curses: starts and stops the terminal, decodes input into
/// keys, and copies a Canvas to the screen with erase + draw + refresh, so that curses
/// sends only the cells that changed.
public final class Terminal: TerminalBackend {
    public enum StartError: BilingualError, CustomStringConvertible {
        case notUTF8(String)
        case noTerminal(String)
        case notInteractive
        case cannotAddress(String)

        public var words: Phrase {
            switch self {
            case .notUTF8(let locale):
                return Phrase("โลแคลของเทอร์มินัล (\(locale)) ไม่ใช่ UTF-8 จึงแสดงภาษาไทยไม่ได้ ให้สั่งด้วย LANG=C.UTF-8 (หรือ th_TH.UTF-8)",
                              "the terminal's locale (\(locale)) is not UTF-8, so Thai cannot be shown; run with LANG=C.UTF-8 (or th_TH.UTF-8)")
            case .noTerminal(let term):
                return Phrase("เริ่มเทอร์มินัลไม่ได้ (TERM=\(term)) นี่เป็นเทอร์มินัลที่โต้ตอบได้หรือไม่?",
                              "cannot start the terminal (TERM=\(term)); is this an interactive terminal?")
            case .notInteractive:
                return Phrase("ข้อมูลเข้าและออกต้องเป็นเทอร์มินัล (ไม่ใช่ไปป์หรือแฟ้ม) ให้สั่งในเทอร์มินัล หรือใช้ khanaen score และ khanaen report ในสคริปต์",
                              "standard input and output must be a terminal (not a pipe or a file); run it in a terminal, or use khanaen score and khanaen report from scripts")
            case .cannotAddress(let term):
                return Phrase("เทอร์มินัล (TERM=\(term)) เลื่อนเคอร์เซอร์ไม่ได้ ซึ่งจอต่าง ๆ ต้องใช้ ให้ตั้ง TERM เป็นชนิดของเทอร์มินัลของท่าน (xterm-256color, screen, tmux-256color)",
                              "the terminal (TERM=\(term)) cannot move its cursor, which the screens need; set TERM to your terminal's type (xterm-256color, screen, tmux-256color)")
            }
        }

        public var description: String { words.en }
    }

    private var screen: OpaquePointer?
    private let colour: Bool
    private var stopped = false
    /// Reads in a row that found the input ended.
    private var endedReads = 0
    private var currentTimeout = 250

    /// The exit code for a session ended by `signal`: 128 + its number, as shells report
    /// (Ctrl-C: 130).
    public static func exitCode(_ signal: Int32) -> Int32 { 128 + signal }

    /// Takes over the terminal. Needs a UTF-8 locale and a terminal curses knows.
    public init(monochrome: Bool = false) throws {
        setlocale(LC_ALL, "")
        guard khanaen_is_utf8_locale() != 0 else {
            throw StartError.notUTF8(String(cString: setlocale(LC_CTYPE, nil)))
        }
        // Input from a pipe would be taken for keys and, at its end, spin for ever.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notInteractive }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        khanaen_install_signal_handlers()
        set_escdelay(40)
        guard let screen = newterm(nil, khanaen_stdout(), khanaen_stdin()) else {
            throw StartError.noTerminal(term)
        }
        self.screen = screen
        set_term(screen)
        guard khanaen_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            self.screen = nil
            stopped = true
            throw StartError.cannotAddress(term)
        }
        // ncurses 6.4 writes out its buffer after every cursor move until the program's first
        // endwin, so a frame left in one write per row: a packet each over SSH. Suspending and
        // resuming once, before anything is drawn, lets it send a frame in a few writes.
        endwin()
        wrefresh(khanaen_stdscr())
        cbreak()
        noecho()
        nonl()
        keypad(khanaen_stdscr(), true)
        // Keys a terminal may send that its TERM's description does not list (tmux's End is
        // ESC [ 4 ~ whatever TERM says): unknown, they would arrive as ESC, [, 4, ~ and the 4
        // would open screen 4. Each is taken as the key it means.
        for (sequence, key) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
                                ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
                                ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
                                ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
                                ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT)] {
            if key_defined(sequence) == 0 { define_key(sequence, key) }
        }
        // Lets curses scroll the list with the terminal's own line insert and delete, so a
        // one-row scroll sends one row rather than the whole list.
        idlok(khanaen_stdscr(), true)
        curs_set(0)
        // The cursor is hidden: leaving it where the update ends saves a move every frame.
        leaveok(khanaen_stdscr(), true)
        wtimeout(khanaen_stdscr(), 250)
        colour = !monochrome && has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if colour {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
            init_pair(3, Int16(COLOR_GREEN), -1)
            init_pair(4, Int16(COLOR_RED), -1)
            init_pair(5, Int16(COLOR_CYAN), -1)
            init_pair(6, Int16(COLOR_YELLOW), -1)
            init_pair(7, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        }
    }

    deinit { stop() }

    /// Gives the terminal back as it was. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    public var size: (width: Int, height: Int) { (Int(khanaen_cols()), Int(khanaen_lines())) }

    /// Curses reads the keys from standard input.
    public var inputDescriptor: Int32? { STDIN_FILENO }

    public func read(timeout: Int) -> TerminalInput {
        if timeout != currentTimeout {
            currentTimeout = timeout
            wtimeout(khanaen_stdscr(), Int32(timeout))
        }
        var ch: UInt32 = 0
        let r = khanaen_get_wch(&ch)
        let caught = khanaen_signal_caught()
        if caught != 0 { return .signal(Int32(caught)) }
        if r == khanaen_err() {
            // A timeout, or a terminal that is gone: at its end, input is "ready" and empty.
            if khanaen_input_ended() != 0 {
                endedReads += 1
                if endedReads >= 3 { return .closed }
            } else {
                endedReads = 0
            }
            return .idle
        }
        endedReads = 0
        if r == khanaen_key_code_yes() {
            let code = Int32(ch)
            if code == khanaen_key_resize() { return .resize(width: size.width, height: size.height) }
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            default: return .idle
            }
        }
        switch ch {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(ch + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(ch), ch >= 32 else { return .idle }
            return .key(.char(Character(scalar)))
        }
    }

    /// Copies the canvas to the screen.
    public func draw(_ canvas: Canvas) {
        werase(khanaen_stdscr())
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let first = canvas[x, y]
                var run = ""
                var end = x
                while end < canvas.width {
                    let cell = canvas[end, y]
                    if cell.text.isEmpty { end += 1; continue }
                    if cell.role != first.role || cell.bold != first.bold { break }
                    run += cell.text
                    end += 1
                }
                wattrset(khanaen_stdscr(), Int32(bitPattern: attributes(first.role, bold: first.bold)))
                mvwaddstr(khanaen_stdscr(), Int32(y), Int32(x), run)
                x = end
            }
        }
        wattrset(khanaen_stdscr(), Int32(bitPattern: khanaen_a_normal()))
        wrefresh(khanaen_stdscr())
    }

    private func attributes(_ role: Role, bold: Bool) -> UInt32 {
        var a = bold ? khanaen_a_bold() : khanaen_a_normal()
        func pair(_ n: Int32) -> UInt32 { UInt32(bitPattern: khanaen_color_pair(n)) }
        if colour {
            switch role {
            case .normal: break
            case .header: a |= pair(1)
            // Reverse video rather than a colour pair: it suits every terminal's palette, and
            // moving the selection then costs one short attribute change instead of three.
            case .selected: a |= khanaen_a_reverse()
            case .ok: a |= pair(3)
            case .error: a |= pair(4) | khanaen_a_bold()
            case .muted: a |= khanaen_a_dim()
            case .accent: a |= pair(5)
            case .warning: a |= pair(6)
            case .input: a |= pair(7)
            }
        } else {
            switch role {
            case .normal, .ok: break
            case .header: a |= khanaen_a_reverse() | khanaen_a_bold()
            case .selected: a |= khanaen_a_reverse()
            case .error, .accent, .warning: a |= khanaen_a_bold()
            case .muted: a |= khanaen_a_dim()
            case .input: a |= khanaen_a_underline() | khanaen_a_bold()
            }
        }
        return UInt32(a)
    }
}
