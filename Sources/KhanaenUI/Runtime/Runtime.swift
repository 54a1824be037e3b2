import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The one loop both programs run on: it reads the terminal, turns what it reads into
/// messages, dispatches every message through update, hands the effects to `perform`, takes
/// their results back as messages, and draws after any message that may have changed the
/// screen. Nothing else calls update.
///
/// It waits on what can happen: a key (the terminal's descriptor), an effect's result (a
/// pipe the inbox writes to) and a change in the ledger's folders (`FolderWatch`), and on
/// nothing else, so an idle program uses no CPU and a ledger line written by anyone is read
/// at once, whether or not someone is typing. Without a descriptor to wait on (the tests'
/// backend) or a folder watch, it falls back to reading with a time-out and looking at the
/// ledger again at every idle one.
public final class Runtime<P: Program> {
    public private(set) var state: P.State
    private let backend: TerminalBackend
    private let perform: (P.Effect, Inbox<P.Msg>) -> Void
    public let inbox = Inbox<P.Msg>()
    private var dirty = true
    private let folders: [String]

    /// How long a read waits when nothing is at work, and while an effect is (the fallback).
    public var idleTimeout = 250, busyTimeout = 10
    /// Where the loop waits on events, it still looks at the terminal this often: a resize or
    /// a signal that arrives just before the wait is not left waiting for a key.
    public var safetyTimeout = 2000

    /// `watching`: the ledger's folders whose changes the program must see.
    public init(state: P.State, backend: TerminalBackend, watching folders: [String] = [],
                perform: @escaping (P.Effect, Inbox<P.Msg>) -> Void) {
        self.state = state
        self.backend = backend
        self.perform = perform
        self.folders = folders
    }

    /// Update, then the effects: the only way the state changes.
    public func dispatch(_ msg: P.Msg) {
        let effects = P.update(&state, msg)
        if P.redraws(after: msg, in: state) { dirty = true }
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
        draw()
        for m in first { dispatch(m) }
        let code: Int32
        if let input = backend.inputDescriptor, let wake = WakePipe(), !folders.isEmpty, let watch = FolderWatch(folders) {
            code = runOnEvents(input: input, wake: wake, watch: watch)
        } else {
            code = runOnTimeouts()
        }
        inbox.wait(all: true, limit: 30)
        deliver()
        return code
    }

    private func draw() {
        if dirty {
            backend.draw(P.view(state))
            dirty = false
        }
    }

    /// What a terminal input does; the exit code when it ends the program.
    private func handle(_ input: TerminalInput) -> Int32? {
        switch input {
        case .signal(let number): return 128 + number
        case .closed: return 128 + 1
        default:
            if let m = P.message(for: input) { dispatch(m) }
            return nil
        }
    }

    private func runOnTimeouts() -> Int32 {
        while !P.isFinished(state) {
            draw()
            if let code = handle(backend.read(timeout: inbox.isWorking ? busyTimeout : idleTimeout)) { return code }
            deliver()
        }
        return 0
    }

    private func runOnEvents(input: Int32, wake: WakePipe, watch: FolderWatch) -> Int32 {
        inbox.onArrival { wake.signal() }
        defer { inbox.onArrival {} }
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0)]
        while !P.isFinished(state) {
            deliver()
            draw()
            if P.isFinished(state) { break }
            for k in fds.indices { fds[k].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), Int32(safetyTimeout))
            if ready < 0 && errno != EINTR { return runOnTimeouts() }
            if fds[1].revents != 0 { wake.drain() }
            if fds[2].revents != 0, watch.drain(), let tick = P.message(for: .idle) { dispatch(tick) }
            // Keys, a resize, a signal (which interrupts the wait) or the terminal's end: read
            // until curses has nothing more for us, without waiting.
            if ready <= 0 || fds[0].revents != 0 {
                while !P.isFinished(state) {
                    let got = backend.read(timeout: 0)
                    if got == .idle { break }
                    if let code = handle(got) { return code }
                    deliver()
                    draw()
                }
            }
        }
        return 0
    }
}
