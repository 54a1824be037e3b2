import Dispatch

/// The one loop both programs run on: it reads the terminal, turns what it reads into
/// messages, dispatches every message through update, hands the effects to `perform`, takes
/// their results back as messages, and draws after any message that may have changed the
/// screen. Nothing else calls update.
public final class Runtime<P: Program> {
    public private(set) var state: P.State
    private let backend: TerminalBackend
    private let perform: (P.Effect, Inbox<P.Msg>) -> Void
    public let inbox = Inbox<P.Msg>()
    private var dirty = true

    /// How long a read waits when nothing is at work, and while an effect is.
    public var idleTimeout = 250, busyTimeout = 10

    public init(state: P.State, backend: TerminalBackend, perform: @escaping (P.Effect, Inbox<P.Msg>) -> Void) {
        self.state = state
        self.backend = backend
        self.perform = perform
    }

    /// Update, then the effects: the only way the state changes.
    public func dispatch(_ msg: P.Msg) {
        let effects = P.update(&state, msg)
        if P.redraws(after: msg) { dirty = true }
        var awaited = false
        for effect in effects {
            awaited = awaited || P.isAwaited(effect)
            perform(effect, inbox)
        }
        if awaited {
            inbox.wait(all: false, limit: 5)
            deliver()
        }
    }

    /// Dispatches the messages effects sent back.
    private func deliver() {
        while true {
            let arrived = inbox.take()
            if arrived.isEmpty { return }
            for m in arrived { dispatch(m) }
        }
    }

    /// Runs until the program is finished or the terminal goes; `first` is dispatched once
    /// the first frame is drawn. Returns the exit code: 0, or 128 + the signal that ended it.
    /// Effects still at work are waited for before it returns: nothing saved is lost.
    public func run(first: [P.Msg] = []) -> Int32 {
        let size = backend.size
        if let m = P.message(for: .resize(width: size.width, height: size.height)) { dispatch(m) }
        var started = false
        var code: Int32 = 0
        while !P.isFinished(state) {
            if dirty {
                backend.draw(P.view(state))
                dirty = false
            }
            if !started {
                started = true
                for m in first { dispatch(m) }
                continue
            }
            let input = backend.read(timeout: inbox.isWorking ? busyTimeout : idleTimeout)
            switch input {
            case .signal(let number):
                code = 128 + number
            case .closed:
                code = 128 + 1
            default:
                if let m = P.message(for: input) { dispatch(m) }
            }
            if code != 0 { break }
            deliver()
        }
        inbox.wait(all: true, limit: 30)
        deliver()
        return code
    }
}
