/// Everything a key can ask the dashboard to do.
public enum Command: Hashable, Sendable {
    case quit, help
    case up, down, left, right, pageUp, pageDown, top, bottom
    case enter, back
    case nextPane, previousPane, pane(Pane)
    case toggleRAG(RAGFilterColour), clearFilters
    case search, command, pickArea
    case export, cycleTheme, reload, toggleRegion, cycleEHCPView
}

/// A colour the RAG filter can toggle.
public enum RAGFilterColour: String, Hashable, Sendable { case red, amber, green }

/// One line of the keymap: the keys, the command, and what the help screen says.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var section: String
    public var help: String
}

/// The one keymap table: key handling and the `?` help screen both come from it.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], command: .up, section: "Move", help: "up"),
        KeyBinding(keys: [.down, .character("j")], command: .down, section: "Move", help: "down"),
        KeyBinding(keys: [.left, .character("h")], command: .left, section: "Move", help: "left (matrix columns, chart)"),
        KeyBinding(keys: [.right, .character("l")], command: .right, section: "Move", help: "right"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, section: "Move", help: "page up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], command: .pageDown, section: "Move", help: "page down"),
        KeyBinding(keys: [.home, .character("g")], command: .top, section: "Move", help: "first row"),
        KeyBinding(keys: [.end, .character("G")], command: .bottom, section: "Move", help: "last row"),
        KeyBinding(keys: [.enter], command: .enter, section: "Move", help: "drill down (KPI detail, district)"),
        KeyBinding(keys: [.escape, .backspace], command: .back, section: "Move", help: "go back"),
        KeyBinding(keys: [.tab], command: .nextPane, section: "Panes", help: "next pane"),
        KeyBinding(keys: [.backTab], command: .previousPane, section: "Panes", help: "previous pane"),
        KeyBinding(keys: [.character("1")], command: .pane(.scorecard), section: "Panes", help: "scorecard of the area"),
        KeyBinding(keys: [.character("2")], command: .pane(.districts), section: "Panes", help: "districts: RAG matrix and tile map"),
        KeyBinding(keys: [.character("3")], command: .pane(.detail), section: "Panes", help: "KPI detail: chart, periods, league table"),
        KeyBinding(keys: [.character("4")], command: .pane(.ehcp), section: "Panes", help: "EHCP 20-week timeliness"),
        KeyBinding(keys: [.character("5")], command: .pane(.therapy), section: "Panes", help: "SEN therapy waiting lists"),
        KeyBinding(keys: [.character("v")], command: .cycleEHCPView, section: "Panes", help: "EHCP pane under 120 columns: districts, drivers, calendar years"),
        KeyBinding(keys: [.character("r")], command: .toggleRAG(.red), section: "Filter", help: "show RED rows (toggle)"),
        KeyBinding(keys: [.character("a")], command: .toggleRAG(.amber), section: "Filter", help: "show AMBER rows (toggle)"),
        KeyBinding(keys: [.character("g")], command: .toggleRAG(.green), section: "Filter", help: "show GREEN rows (toggle)"),
        KeyBinding(keys: [.character("x")], command: .clearFilters, section: "Filter", help: "clear RAG and text filters"),
        KeyBinding(keys: [.character("/")], command: .search, section: "Filter", help: "filter by code or name (smart case)"),
        KeyBinding(keys: [.character("s")], command: .toggleRegion, section: "Filter", help: "national league: only the area's region (toggle)"),
        KeyBinding(keys: [.character("A")], command: .pickArea, section: "Area", help: "pick another area"),
        KeyBinding(keys: [.character(":")], command: .command, section: "Area", help: "command: :area NAME, :pane NAME, :kpi CODE"),
        KeyBinding(keys: [.character("e")], command: .export, section: "Other", help: "export the visible table to CSV"),
        KeyBinding(keys: [.character("t")], command: .cycleTheme, section: "Other", help: "next colour theme"),
        KeyBinding(keys: [.ctrl("r")], command: .reload, section: "Other", help: "reload the data now"),
        KeyBinding(keys: [.character("?"), .function(1)], command: .help, section: "Other", help: "this help"),
        KeyBinding(keys: [.character("q")], command: .quit, section: "Other", help: "quit"),
    ]

    /// The command for a key. `g` is "first row" only when it is not the green filter: the
    /// filter wins, and Home goes to the top.
    public static func command(for key: Key) -> Command? {
        if key == .character("g") { return .toggleRAG(.green) }
        return lookup[key]
    }

    private static let lookup: [Key: Command] = {
        var map: [Key: Command] = [:]
        for b in bindings { for k in b.keys where map[k] == nil { map[k] = b.command } }
        return map
    }()

    /// The help text lines, grouped by section.
    public static func helpLines(ascii: Bool) -> [(keys: String, help: String, section: String)] {
        bindings.map { b in
            let keys = b.keys.filter { !(b.command == .top && $0 == .character("g")) }.map { k -> String in
                if ascii {
                    switch k {
                    case .up: return "Up"
                    case .down: return "Down"
                    case .left: return "Left"
                    case .right: return "Right"
                    default: break
                    }
                }
                return k.displayName
            }
            return (keys.joined(separator: " "), b.help, b.section)
        }
    }
}

extension Keymap {
    /// The keymap as a Markdown table, for docs/keys.md (a test keeps the file in step).
    public static func markdown() -> String {
        var out = "| Section | Keys | Does |\n|---|---|---|\n"
        for line in helpLines(ascii: false) {
            let keys = line.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            out += "| \(line.section) | \(keys) | \(line.help) |\n"
        }
        return out
    }
}
