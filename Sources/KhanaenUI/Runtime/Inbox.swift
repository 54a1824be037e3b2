import Dispatch
import Synchronization

/// Where the results of effects come back to the runtime, from any thread: messages waiting
/// to be dispatched, and how many effects are still at work (and how many of those the next
/// frame waits for).
public final class Inbox<Msg: Sendable>: Sendable {
    private struct Box {
        var messages: [Msg] = []
        var working = 0
        var awaited = 0
    }

    private let box = Mutex(Box())
    private let changed = DispatchSemaphore(value: 0)
    /// Told when a message arrives: the runtime's wake-up, so that a finished effect is
    /// dispatched at once.
    private let arrival = Mutex<(@Sendable () -> Void)?>(nil)

    public init() {}

    func onArrival(_ tell: @escaping @Sendable () -> Void) { arrival.withLock { $0 = tell } }

    private func arrived() {
        changed.signal()
        arrival.withLock { $0 }?()
    }

    /// Runs `work` on `queue`; the messages it returns are dispatched in order.
    public func run(on queue: DispatchQueue, awaited: Bool = false, _ work: @escaping @Sendable () -> [Msg]) {
        box.withLock { $0.working += 1; if awaited { $0.awaited += 1 } }
        queue.async {
            let messages = work()
            self.box.withLock { b in
                b.messages.append(contentsOf: messages)
                b.working -= 1
                if awaited { b.awaited -= 1 }
            }
            self.arrived()
        }
    }

    /// Sends a message now (an effect finished without running anything).
    public func send(_ msg: Msg) {
        box.withLock { $0.messages.append(msg) }
        arrived()
    }

    /// The messages that arrived, in order.
    func take() -> [Msg] { box.withLock { b in defer { b.messages = [] }; return b.messages } }

    var isWorking: Bool { box.withLock { $0.working > 0 } }

    /// Waits (at most `limit` seconds) until no awaited effect, or with `all` no effect, is
    /// at work.
    func wait(all: Bool, limit: Double) {
        let deadline = DispatchTime.now() + limit
        while box.withLock({ all ? $0.working > 0 : $0.awaited > 0 }) {
            if changed.wait(timeout: deadline) == .timedOut { return }
        }
    }
}
