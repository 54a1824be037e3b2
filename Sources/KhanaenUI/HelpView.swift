import KhanaenCore
import KhanaenText

/// Every key, drawn from the keymap: the list's keys on the left, the sheet's on the right.
enum HelpView {
    static func render(_ s: JudgeState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        let w = s.strings
        Chrome.titleBar(&c, y: 0, left: "\(w.appName) · \(w.helpTitle)", right: "")
        let half = (c.width - 3) / 2
        for (column, context, title) in [(0, Binding.Context.list, w.helpList), (1, .sheet, w.helpSheet)] {
            let x = 1 + column * (half + 1)
            var y = 2
            c.put(title, x: x, y: y, limit: half, role: .accent, bold: true)
            y += 1
            var rows = Keymap.bindings.filter { $0.context == context }.map { ($0.label, w.language == .th ? $0.th : $0.en) }
            if context == .sheet { rows.insert(("0-9 .", w.helpDigits), at: 0) }
            for (label, text) in rows where y < c.height - 1 {
                c.put(CellText.fit(label, to: 12), x: x, y: y, limit: 12, bold: true)
                for line in LineWrap.wrap(text, width: half - 13) where y < c.height - 1 {
                    c.put(line, x: x + 13, y: y, limit: half - 13)
                    y += 1
                }
            }
        }
        return c
    }
}
