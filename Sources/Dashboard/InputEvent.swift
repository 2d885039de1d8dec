import ScorecardData

/// A key, decoded by the Terminal layer (or parsed from a `snapshot --keys` name).
public enum Key: Hashable, Sendable {
    case character(Character)
    case ctrl(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, backspace, tab, backTab
    case function(Int)

    /// Parses a key name as used by `ragtop snapshot --keys`: a single character, or one of
    /// Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, Backspace,
    /// F1-F12 and C-x (control).
    public init?(name: String) {
        switch name.lowercased() {
        case "enter", "return", "ret": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "s-tab", "backtab", "btab": self = .backTab
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup", "ppage": self = .pageUp
        case "pgdn", "pagedown", "npage": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "space", "spc": self = .character(" ")
        case "backspace", "bs", "bspace": self = .backspace
        default:
            if name.count == 1, let ch = name.first {
                self = .character(ch)
            } else if name.lowercased().hasPrefix("f"), let n = Int(name.dropFirst()), (1...24).contains(n) {
                self = .function(n)
            } else if name.lowercased().hasPrefix("c-"), name.count == 3, let ch = name.last {
                self = .ctrl(Character(ch.lowercased()))
            } else {
                return nil
            }
        }
    }

    /// The key for a typed character, or nil for a control character (which is never text).
    public static func typed(_ scalar: Unicode.Scalar) -> Key? {
        SafeText.isUnsafe(scalar) ? nil : .character(Character(scalar))
    }

    /// A short human name, used in the help screen.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .function(let n): return "F\(n)"
        }
    }
}

/// A mouse event in canvas coordinates.
public enum MouseEvent: Hashable, Sendable {
    case click(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}

/// Everything the terminal can tell the dashboard.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)

    /// Parses a `snapshot --keys` token: a key name (see `Key(name:)`), or a mouse event at a
    /// 0-based column and row of the printed screen: `click:X,Y`, `wheelup:X,Y`, `wheeldown:X,Y`.
    public init?(token: String) {
        let lower = token.lowercased()
        for (prefix, make) in [("click:", MouseEvent.click), ("wheelup:", MouseEvent.wheelUp), ("wheeldown:", MouseEvent.wheelDown)]
        where lower.hasPrefix(prefix) {
            let numbers = lower.dropFirst(prefix.count).split(separator: ",", omittingEmptySubsequences: false)
            guard numbers.count == 2, let x = Int(numbers[0]), let y = Int(numbers[1]), x >= 0, y >= 0 else { return nil }
            self = .mouse(make(x, y))
            return
        }
        guard let key = Key(name: token) else { return nil }
        self = .key(key)
    }
}
