/// Renders a canvas as text with ANSI SGR escape sequences, for `ragtop snapshot --color` and
/// for tests. No terminal is needed.
public enum AnsiRenderer {
    /// The canvas, one line per row (joined with "\n", no final newline). A new SGR is emitted only
    /// when the effective style changes; every line that set a style ends with `ESC[0m`. Colours
    /// are quantised to `depth` (`38;2;r;g;b` for truecolor, `38;5;n` for 256, `30–37`/`90–97`
    /// for 16 and 8); with `.none` only attributes (1 bold, 2 dim, 3 italic, 4 underline,
    /// 7 reverse) are written. Continuation cells are skipped (a canvas holds no control
    /// characters: see `Canvas`); trailing invisible blanks are trimmed.
    public static func render(_ canvas: Canvas, theme: Theme, depth: ColorDepth) -> String {
        var styles: [StyleRole: RoleStyle] = [:]
        func effective(_ role: StyleRole) -> RoleStyle {
            if let s = styles[role] { return s }
            let raw = theme.style(role)
            let s = RoleStyle(foreground: quantize(raw.foreground, to: depth),
                              background: quantize(raw.background, to: depth),
                              attributes: raw.attributes)
            styles[role] = s
            return s
        }
        let plain = RoleStyle()
        var lines: [String] = []
        lines.reserveCapacity(canvas.height)
        for row in 0..<canvas.height {
            // Find the last cell worth writing: trailing blanks that show nothing are dropped.
            var end = canvas.width
            while end > 0 {
                let cell = canvas[end - 1, row]
                if cell.isContinuation { end -= 1; continue }
                if cell.character == " " && isInvisibleBlank(effective(cell.role)) { end -= 1; continue }
                break
            }
            var line = ""
            var current = plain
            for col in 0..<end {
                let cell = canvas[col, row]
                if cell.isContinuation { continue }
                let style = effective(cell.role)
                if style != current {
                    line += sgr(style, depth: depth)
                    current = style
                }
                line.append(cell.character)
            }
            if current != plain { line += "\u{1b}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A space in this style shows nothing: no background, no reverse, no underline.
    static func isInvisibleBlank(_ s: RoleStyle) -> Bool {
        s.background == .terminalDefault && !s.attributes.contains(.reverse) && !s.attributes.contains(.underline)
    }

    /// The full SGR for a style, starting from a reset so nothing leaks from the previous one.
    /// The plain style is just `ESC[0m`.
    public static func sgr(_ style: RoleStyle, depth: ColorDepth) -> String {
        var codes: [String] = ["0"]
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        if depth != .none {
            if let fg = colorCode(quantize(style.foreground, to: depth), background: false) { codes.append(fg) }
            if let bg = colorCode(quantize(style.background, to: depth), background: true) { codes.append(bg) }
        }
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR parameters for an already-quantised colour, or nil for the terminal default.
    static func colorCode(_ color: ThemeColor, background: Bool) -> String? {
        switch color {
        case .terminalDefault:
            return nil
        case .index(let i) where i < 8:
            return String((background ? 40 : 30) + Int(i))
        case .index(let i) where i < 16:
            return String((background ? 100 : 90) + Int(i) - 8)
        case .index(let i):
            return (background ? "48;5;" : "38;5;") + String(i)
        case let .rgb(r, g, b):
            return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
        }
    }
}
