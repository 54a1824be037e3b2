/// A program of the one UI runtime, as bubbletea's: a state, the messages that change it, the
/// effects it asks for, a pure update and a pure view. Update never waits, opens a file or
/// reads the clock; view draws a grid of cells and nothing else. Effects are data: the
/// runtime has them carried out off the main loop, and their results come back as messages.
public protocol Program {
    associatedtype State: Sendable
    associatedtype Msg: Sendable
    associatedtype Effect: Sendable

    /// The message a terminal input becomes: a key, a new size, or the idle tick.
    static func message(for input: TerminalInput) -> Msg?

    static func update(_ state: inout State, _ msg: Msg) -> [Effect]

    static func view(_ state: State) -> Canvas

    /// Whether the program is done (the user quit).
    static func isFinished(_ state: State) -> Bool

    /// Whether the screen may have changed after `msg` (the idle tick changes nothing by
    /// itself: what it asks for comes back as a message of its own).
    static func redraws(after msg: Msg) -> Bool

    /// Whether the next frame waits for `effect`'s messages: a write the judge has just made
    /// is shown saved (or refused) in the frame after the key, never a frame late.
    static func isAwaited(_ effect: Effect) -> Bool
}

extension Program {
    public static func redraws(after msg: Msg) -> Bool { true }
    public static func isAwaited(_ effect: Effect) -> Bool { false }
}

/// What a terminal backend reads.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Nothing arrived within the timeout.
    case idle
    /// SIGHUP (the SSH link dropped), SIGTERM or SIGINT.
    case signal(Int32)
    /// The terminal is gone: end of input, or an error reading it.
    case closed
}

/// A terminal: the ncurses one in a session, a recording one in the tests.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next input, waiting at most `timeout` milliseconds.
    func read(timeout: Int) -> TerminalInput
    func draw(_ canvas: Canvas)
}
