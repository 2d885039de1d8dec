/// Everything a key can ask the dashboard to do.
public enum Command: Hashable, Sendable {
    case quit, help
    case up, down, left, right, pageUp, pageDown, top, bottom
    case enter, back
    case nextPane, previousPane, pane(Pane)
    case toggleRAG(RAGFilterColour), clearFilters
    case search, command, pickArea
    case export, cycleTheme, reload, toggleRegion, cycleEHCPView
    case chooseComparison, toggleNotes
    case compareArea, clearCompared
    /// Sort the table by its next column (after the last: its own order); the other way round.
    case sortNext, sortReverse
    /// The scorecard beside a second area (B): pick it, or clear it when one is shown.
    case pickAreaB
}

/// A colour the RAG filter can toggle.
public enum RAGFilterColour: String, Hashable, Sendable { case red, amber, green }

/// One line of the keymap: the keys, the command, and what the help screen says.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [Key]
    /// Two-key sequences that also give the command (vim's `gg`).
    public var sequences: [[Key]]
    public var command: Command
    public var section: String
    public var help: String
    /// The pane the command works on; nil: every pane.
    public var pane: Pane?
    /// The action's name in config.toml's `[keys]` table (`export`, `next-pane`): the
    /// command's `actionName` unless given.
    public var action: String

    public init(keys: [Key], sequences: [[Key]] = [], command: Command, section: String, help: String, pane: Pane? = nil, action: String? = nil) {
        self.keys = keys
        self.sequences = sequences
        self.command = command
        self.section = section
        self.help = help
        self.pane = pane
        self.action = action ?? command.actionName
    }
}

/// The one keymap table: key handling, the `?` help screen and docs/keys.md all come from it.
/// Each binding's `action` is the name config.toml's `[keys]` table rebinds it by
/// (`EffectiveKeymap`), so every key added here can be rebound.
public enum Keymap {
    public static let bindings: [KeyBinding] = {
        var b: [KeyBinding] = [
            KeyBinding(keys: [.up, .character("k")], command: .up, section: "Move", help: "up"),
            KeyBinding(keys: [.down, .character("j")], command: .down, section: "Move", help: "down"),
            KeyBinding(keys: [.left, .character("h")], command: .left, section: "Move", help: "left: the matrix' KPI column", pane: .districts),
            KeyBinding(keys: [.right, .character("l")], command: .right, section: "Move", help: "right: the matrix' KPI column", pane: .districts),
            KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, section: "Move", help: "page up"),
            KeyBinding(keys: [.pageDown, .ctrl("f")], command: .pageDown, section: "Move", help: "page down"),
            KeyBinding(keys: [.home], sequences: [[.character("g"), .character("g")]], command: .top, section: "Move",
                       help: "first row (gg leaves the GREEN filter as it was)"),
            KeyBinding(keys: [.end, .character("G")], command: .bottom, section: "Move", help: "last row"),
            KeyBinding(keys: [.enter], command: .enter, section: "Move", help: "drill down (KPI detail, district)"),
            KeyBinding(keys: [.escape, .backspace], command: .back, section: "Move", help: "go back"),
            KeyBinding(keys: [.tab], command: .nextPane, section: "Panes", help: "next pane"),
            KeyBinding(keys: [.backTab], command: .previousPane, section: "Panes", help: "previous pane"),
        ]
        // Keys 1–n, from the one list of panes.
        for (i, info) in PaneRegistry.infos.enumerated() where i < 9 {
            b.append(KeyBinding(keys: [.character(Character(String(i + 1)))], command: .pane(info.pane), section: "Panes", help: info.help))
        }
        b += [
            KeyBinding(keys: [.character("v")], command: .cycleEHCPView, section: "Panes", help: "EHCP pane under 120 columns: districts, drivers, calendar years", pane: .ehcp),
            KeyBinding(keys: [.character("c")], command: .chooseComparison, section: "Panes",
                       help: "changes pane: compare with another period or edition (pick or type one)", pane: .changes),
            KeyBinding(keys: [.character("n")], command: .toggleNotes, section: "Panes", help: "KPI detail: the notes in place of the league (toggle)", pane: .detail),
            KeyBinding(keys: [.character("r")], command: .toggleRAG(.red), section: "Filter", help: "show RED rows (toggle)"),
            KeyBinding(keys: [.character("a")], command: .toggleRAG(.amber), section: "Filter", help: "show AMBER rows (toggle)"),
            KeyBinding(keys: [.character("g")], command: .toggleRAG(.green), section: "Filter", help: "show GREEN rows (toggle)"),
            KeyBinding(keys: [.character("x")], command: .clearFilters, section: "Filter", help: "clear RAG and text filters"),
            KeyBinding(keys: [.character("/")], command: .search, section: "Filter", help: "filter by code or name (smart case)"),
            KeyBinding(keys: [.character("s")], command: .toggleRegion, section: "Filter",
                       help: "national league: all, the region, the area's neighbours (cycles)", pane: .detail),
            KeyBinding(keys: [.character("o")], command: .sortNext, section: "Sort",
                       help: "sort by the next column (then the table's own order); or click a header", action: "sort-next"),
            KeyBinding(keys: [.character("O")], command: .sortReverse, section: "Sort",
                       help: "reverse the sort (or click the sorted header again)", action: "sort-reverse"),
            KeyBinding(keys: [.character("A")], command: .pickArea, section: "Area", help: "pick another area"),
            KeyBinding(keys: [.character("B")], command: .pickAreaB, section: "Area",
                       help: "scorecard: beside a second area B, its value, rating and A-B (again: off)", action: "area-b"),
            KeyBinding(keys: [.character(":")], command: .command, section: "Area", help: "command: :area NAME, :pane NAME, :kpi CODE, :compare A,B"),
            KeyBinding(keys: [.character("+")], command: .compareArea, section: "Area",
                       help: "compare the league row's area on the chart (again: off; up to 4)", pane: .detail),
            KeyBinding(keys: [.character("-")], command: .clearCompared, section: "Area", help: "clear the areas compared on the chart", pane: .detail),
            KeyBinding(keys: [.character("e")], command: .export, section: "Other", help: "export the table the cursor is in (every row, the columns shown) to CSV"),
            KeyBinding(keys: [.character("t")], command: .cycleTheme, section: "Other", help: "next colour theme"),
            KeyBinding(keys: [.ctrl("r")], command: .reload, section: "Other", help: "reload the data now"),
            KeyBinding(keys: [.character("?"), .function(1)], command: .help, section: "Other", help: "this help"),
            KeyBinding(keys: [.character("q")], command: .quit, section: "Other", help: "quit"),
        ]
        return b
    }()

    /// The command for a key, by the table's own keys (the dashboard uses its
    /// `EffectiveKeymap`, which config.toml may have changed).
    public static func command(for key: Key) -> Command? { EffectiveKeymap.defaults.command(for: key) }

    /// The command of a two-key sequence (`gg`), or nil.
    public static func command(after previous: Key?, _ key: Key) -> Command? { EffectiveKeymap.defaults.command(after: previous, key) }

    /// The binding of a command.
    public static func binding(for command: Command) -> KeyBinding? { EffectiveKeymap.defaults.binding(for: command) }

    /// The help text lines of the default keys, grouped by section.
    public static func helpLines(ascii: Bool) -> [(keys: String, help: String, section: String)] {
        EffectiveKeymap.defaults.helpLines(ascii: ascii)
    }
}

extension Keymap {
    /// The keymap as a Markdown table, for docs/keys.md (a test keeps the file in step).
    /// Each row names the action config.toml's `[keys]` table rebinds.
    public static func markdown() -> String {
        var out = "| Section | Keys | Action | Does |\n|---|---|---|---|\n"
        for (line, binding) in zip(helpLines(ascii: false), bindings) {
            let keys = line.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            out += "| \(line.section) | \(keys) | `\(binding.action)` | \(line.help) |\n"
        }
        return out
    }
}
