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

    /// The same, knowing the state after `msg` (a result the screen does not show draws nothing).
    static func redraws(after msg: Msg, in state: State) -> Bool

    /// Whether the next frame waits for `effect`'s messages: a write the judge has just made
    /// is shown saved (or refused) in the frame after the key, never a frame late.
    static func isAwaited(_ effect: Effect) -> Bool
}

extension Program {
    public static func redraws(after msg: Msg) -> Bool { true }
    public static func redraws(after msg: Msg, in state: State) -> Bool { redraws(after: msg) }
    public static func isAwaited(_ effect: Effect) -> Bool { false }
}

/// The messages every program has for what the terminal sends (enum cases satisfy these),
/// so that turning input into messages, and knowing which draw nothing, is written once.
public protocol TerminalMessages: Sendable {
    static func key(_ key: Key) -> Self
    static func resize(width: Int, height: Int) -> Self
    /// Nothing happened for a moment: time to look at the ledger again.
    static var tick: Self { get }
    /// A message that changes nothing on the screen by itself (the tick, the start): what
    /// it asks for comes back as a message of its own.
    var isQuiet: Bool { get }
}

extension Program where Msg: TerminalMessages {
    public static func message(for input: TerminalInput) -> Msg? {
        switch input {
        case .key(let k): return .key(k)
        case .resize(let w, let h): return .resize(width: w, height: h)
        case .idle: return .tick
        case .signal, .closed: return nil
        }
    }

    public static func redraws(after msg: Msg) -> Bool { !msg.isQuiet }
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
    /// The file descriptor input arrives on, for the runtime to wait on beside its other
    /// wake-ups; nil: the runtime waits in `read` with a time-out instead.
    var inputDescriptor: Int32? { get }
}

extension TerminalBackend {
    public var inputDescriptor: Int32? { nil }
}
