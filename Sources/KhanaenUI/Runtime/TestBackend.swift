/// A terminal for the tests: it gives the inputs it was handed, one per read (then `idle`, or
/// `closed` once `closeWhenDone`), and keeps every frame drawn, with its styles.
public final class TestBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [Canvas] = []
    private var inputs: [TerminalInput]
    private let closeWhenDone: Bool
    /// Reads made after the inputs ran out.
    public private(set) var idleReads = 0

    public init(width: Int = 80, height: Int = 24, inputs: [TerminalInput] = [], closeWhenDone: Bool = true) {
        size = (width, height)
        self.inputs = inputs
        self.closeWhenDone = closeWhenDone
    }

    public func feed(_ more: [TerminalInput]) { inputs.append(contentsOf: more) }

    public func read(timeout: Int) -> TerminalInput {
        if inputs.isEmpty {
            idleReads += 1
            return closeWhenDone && idleReads > 3 ? .closed : .idle
        }
        let next = inputs.removeFirst()
        if case .resize(let w, let h) = next { size = (w, h) }
        return next
    }

    public func draw(_ canvas: Canvas) { frames.append(canvas) }

    public var lastFrame: Canvas? { frames.last }
}
