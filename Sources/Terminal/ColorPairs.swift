@preconcurrency import CNcurses
import Dashboard

/// Maps style roles to ncurses attributes and colour pairs. Pairs are allocated lazily, one per
/// distinct (foreground, background) after quantising to the terminal's depth, and cached.
@MainActor
struct ColorPairs {
    struct Style {
        var attributes: attr_t
        var pair: Int32
    }

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    let depth: ColorDepth
    /// use_default_colors() succeeded, so -1 means the terminal's own colours.
    let hasDefaultColors: Bool
    let maxPairs: Int
    private var theme: Theme = .builtInDefault
    private var roleStyles: [StyleRole: Style] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    init(depth: ColorDepth, hasDefaultColors: Bool, maxPairs: Int) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        self.maxPairs = maxPairs
    }

    mutating func setTheme(_ theme: Theme) {
        self.theme = theme
        roleStyles.removeAll(keepingCapacity: true)
    }

    mutating func attributes(for role: StyleRole) -> Style {
        if let cached = roleStyles[role] { return cached }
        let style = theme.style(role)
        var attrs = shim_A_NORMAL()
        let a = style.attributes
        if a.contains(.bold) { attrs |= shim_A_BOLD() }
        if a.contains(.underline) { attrs |= shim_A_UNDERLINE() }
        if a.contains(.reverse) { attrs |= shim_A_REVERSE() }
        if a.contains(.dim) { attrs |= shim_A_DIM() }
        if a.contains(.italic) { attrs |= shim_A_ITALIC() }
        var pair: Int32 = 0
        if depth != .none {
            let fg = colorNumber(quantize(style.foreground, to: depth), isBackground: false)
            let bg = colorNumber(quantize(style.background, to: depth), isBackground: true)
            pair = pairNumber(PairKey(foreground: fg, background: bg))
        }
        let result = Style(attributes: attrs, pair: pair)
        roleStyles[role] = result
        return result
    }

    private func colorNumber(_ color: ThemeColor, isBackground: Bool) -> Int32 {
        switch color {
        case .terminalDefault:
            if hasDefaultColors { return -1 }
            return isBackground ? 0 : 7   // COLOR_BLACK / COLOR_WHITE
        case .index(let i):
            if depth == .truecolor {
                // Direct-colour terminfo: numbers are 0xRRGGBB (small numbers would be read as
                // palette slots, so use the xterm RGB value and nudge away from 0–7).
                let c = ColorDepth.xtermRGB(i)
                return max(8, Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b))
            }
            return Int32(i)
        case let .rgb(r, g, b):
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        }
    }

    private mutating func pairNumber(_ key: PairKey) -> Int32 {
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard Int(nextPair) < maxPairs else { return 0 }   // out of pairs: default colours
        let number = nextPair
        guard init_extended_pair(number, key.foreground, key.background) == OK else {
            pairs[key] = 0
            return 0
        }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
