/// A key as the terminal backend decodes it.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character (one Unicode scalar), Thai included.
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Ctrl and a letter, lower case.
    case ctrl(Character)
}
