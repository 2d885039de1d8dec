import ScorecardData

extension Command {
    /// The action's name, as config.toml's `[keys]` table, docs/keys.md, the man page and
    /// `ragtop config` call it: the case's name in lower-case words joined by dashes
    /// (`nextPane` → `next-pane`, `cycleEHCPView` → `cycle-ehcp-view`), then its argument
    /// (`pane(.districts)` → `pane-districts`). A command added to the keymap table so has a
    /// name, and can be rebound, with no more work. Two read better in words of their own: the
    /// RAG toggles are `filter-red`, `filter-amber` and `filter-green`, and Enter's is `drill-down`.
    public var actionName: String {
        switch self {
        case .toggleRAG(let colour): return "filter-" + colour.rawValue
        case .enter: return "drill-down"
        default: return ActionName.derived(from: self)
        }
    }
}

/// Action names made from a command's case and argument.
enum ActionName {
    static func derived(from command: Command) -> String {
        let mirror = Mirror(reflecting: command)
        guard mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label else {
            return words(String(describing: command))
        }
        let argument = Mirror(reflecting: child.value)
        let parts = argument.displayStyle == .tuple ? argument.children.map { String(describing: $0.value) } : [String(describing: child.value)]
        return ([label] + parts).map(words).filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// `nextPane` → `next-pane`, `cycleEHCPView` → `cycle-ehcp-view`, `Dover Town` → `dover-town`.
    static func words(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            guard c.isASCII && (c.isLetter || c.isNumber) else {
                if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
                continue
            }
            if c.isUppercase, i > 0, !out.isEmpty, !out.hasSuffix("-") {
                let previous = chars[i - 1]
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) { out += "-" }
            }
            out += c.lowercased()
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// One entry of config.toml's `[keys]` table: an action and the key names given to it, as
/// written (`export = "E"`, `help = ["?", "H"]`, `reload = []` to leave it without a key).
public struct KeyRebinding: Sendable, Equatable {
    public var action: String
    public var keys: [String]
    /// The entry's line in the file, for messages and `ragtop config`.
    public var line: Int

    public init(action: String, keys: [String], line: Int) {
        self.action = action
        self.keys = keys
        self.line = line
    }
}

/// A problem with a `[keys]` entry, at its line: an error (the entry is ignored) or a warning.
public struct KeymapProblem: Sendable, Equatable {
    public var line: Int
    public var message: String
    public var isError: Bool

    public init(line: Int, message: String, isError: Bool) {
        self.line = line
        self.message = message
        self.isError = isError
    }
}

/// Where the keys in effect for an action came from.
public enum BindingOrigin: Sendable, Equatable {
    /// The keymap table's own keys.
    case table
    /// config.toml's `[keys]` entry at this line.
    case config(line: Int)
    /// The table's keys less `keys`, which config.toml gave to other actions (at `lines`).
    case tableLess(keys: [Key], lines: [Int])
}

/// The keys in effect: the keymap table (`Keymap.bindings`) with config.toml's `[keys]`
/// rebindings applied. Key handling, the `?` screen, the status line's hints and
/// `ragtop config` read it; docs/keys.md and the man page show the table itself (the defaults).
/// Every action in the table can be rebound, so a key added to the table is rebindable too.
public struct EffectiveKeymap: Sendable, Equatable {
    /// The bindings in the table's order, with the keys in effect.
    public private(set) var bindings: [KeyBinding]
    /// Actions whose keys are not the table's, by action name.
    public private(set) var origins: [String: BindingOrigin] = [:]
    private var lookup: [Key: Command] = [:]

    /// The table as it is: the default keys.
    public static let defaults = EffectiveKeymap(table: Keymap.bindings)

    public init(table: [KeyBinding] = Keymap.bindings) {
        bindings = table
        reindex()
    }

    /// The table with `entries` applied, and the problems found, each at its entry's line. An
    /// entry with an unknown action, an unknown or reserved key, or a key an earlier entry took
    /// is ignored as a whole; the others apply. An action rebound gets exactly the keys given
    /// (its two-key sequences go); a key given to one action is taken from the table's others,
    /// with a warning when that leaves one without a key.
    public static func rebinding(_ entries: [KeyRebinding], table: [KeyBinding] = Keymap.bindings) -> (keymap: EffectiveKeymap, problems: [KeymapProblem]) {
        var problems: [KeymapProblem] = []
        let actions = table.map(\.action)
        var accepted: [(index: Int, keys: [Key], line: Int)] = []
        var taken: [Key: (action: String, line: Int)] = [:]
        for entry in entries.sorted(by: { ($0.line, $0.action) < ($1.line, $1.action) }) {
            func reject(_ why: String) {
                problems.append(KeymapProblem(line: entry.line, message: "[keys] \(entry.action): \(why); the entry is ignored", isError: true))
            }
            guard let index = actions.firstIndex(of: entry.action) else {
                problems.append(KeymapProblem(line: entry.line, message: unknownAction(entry.action, actions: actions), isError: true))
                continue
            }
            var keys: [Key] = []
            var problem: KeyNameProblem?
            for name in entry.keys {
                switch Key.parse(bindingName: name) {
                case .success(let key): if !keys.contains(key) { keys.append(key) }
                case .failure(let why): problem = problem ?? why
                }
            }
            if let problem {
                reject(problem.message)
                continue
            }
            if let clash = keys.first(where: { taken[$0] != nil }), let other = taken[clash] {
                reject("\(clash.name(ascii: true)) is already bound to \(other.action) (line \(other.line))")
                continue
            }
            for key in keys { taken[key] = (entry.action, entry.line) }
            accepted.append((index, keys, entry.line))
        }

        var keymap = EffectiveKeymap(table: table)
        let rebound = Set(accepted.map(\.index))
        for a in accepted {
            keymap.bindings[a.index].keys = a.keys
            keymap.bindings[a.index].sequences = []
            keymap.origins[table[a.index].action] = .config(line: a.line)
        }
        // A key the file gave to one action is no longer the table's other.
        for i in table.indices where !rebound.contains(i) {
            let lost = table[i].keys.filter { taken[$0] != nil }
            guard !lost.isEmpty else { continue }
            let takers = lost.compactMap { taken[$0] }
            keymap.bindings[i].keys.removeAll { taken[$0] != nil }
            keymap.origins[table[i].action] = .tableLess(keys: lost, lines: takers.map(\.line))
            if keymap.bindings[i].keys.isEmpty, let first = takers.first {
                let given = zip(lost, takers).map { "\($0.0.name(ascii: true)) is \($0.1.action)'s" }.joined(separator: ", ")
                problems.append(KeymapProblem(line: first.line, message: "[keys] \(table[i].action) has no key left (\(given)); give it one in [keys] if you use it", isError: false))
            }
        }
        keymap.reindex()
        // A two-key sequence stays only while its first key does what it did, or nothing:
        // `gg` undoes the GREEN toggle of its first `g`, and must not follow an export.
        let original = EffectiveKeymap(table: table)
        let effective = keymap
        for i in keymap.bindings.indices {
            keymap.bindings[i].sequences.removeAll { sequence in
                guard let first = sequence.first, let now = effective.command(for: first) else { return false }
                return now != original.command(for: first)
            }
        }
        problems.sort { $0.line < $1.line }
        return (keymap, problems)
    }

    /// The message for an action the table does not have: a near miss, or the list.
    static func unknownAction(_ name: String, actions: [String]) -> String {
        let shown = SafeText.clip(name)
        let folded = ActionName.words(name)
        let near = actions.first { $0 == folded }.map { " (did you mean '\($0)'?)" } ?? ""
        return "[keys]: unknown action '\(shown)'\(near); it is ignored (the actions are \(actions.joined(separator: ", ")); see docs/keys.md)"
    }

    private mutating func reindex() {
        lookup = [:]
        for b in bindings { for k in b.keys where lookup[k] == nil { lookup[k] = b.command } }
    }

    // MARK: Looking keys up

    /// True when config.toml changed any key.
    public var isRebound: Bool { !origins.isEmpty }

    /// Where an action's keys came from.
    public func origin(of action: String) -> BindingOrigin { origins[action] ?? .table }

    /// The command for a key.
    public func command(for key: Key) -> Command? { lookup[key] }

    /// The command of a two-key sequence (`gg`), or nil.
    public func command(after previous: Key?, _ key: Key) -> Command? {
        guard let previous else { return nil }
        return bindings.first { $0.sequences.contains([previous, key]) }?.command
    }

    /// The binding of a command.
    public func binding(for command: Command) -> KeyBinding? { bindings.first { $0.command == command } }

    /// The key to name for a command in a hint: its first one-character key (`j` rather than
    /// `↓`), else its first key; nil when it has none.
    public func hint(for command: Command, ascii: Bool = false) -> String? {
        guard let keys = binding(for: command)?.keys else { return nil }
        let key = keys.first { if case .character = $0 { true } else { false } } ?? keys.first
        return key?.name(ascii: ascii)
    }

    /// The keys of each binding as the help screen lists them, with its help text and section.
    public func helpLines(ascii: Bool) -> [(keys: String, help: String, section: String)] {
        bindings.map { b in
            let keys = b.keys.map { $0.name(ascii: ascii) } + b.sequences.map { $0.map(\.displayName).joined() }
            return (keys.isEmpty ? "(no key)" : keys.joined(separator: " "), b.help, b.section)
        }
    }

    /// One line per rebound action for the `?` screen: `export: E (default e)`.
    func reboundSummary(ascii: Bool) -> [String] {
        bindings.compactMap { b in
            guard origins[b.action] != nil, let table = Keymap.bindings.first(where: { $0.action == b.action }) else { return nil }
            let now = b.keys.isEmpty ? "no key" : b.keys.map { $0.name(ascii: ascii) }.joined(separator: " ")
            let before = (table.keys.map { $0.name(ascii: ascii) } + table.sequences.map { $0.map(\.displayName).joined() }).joined(separator: " ")
            return "\(b.action): \(now) (default \(before.isEmpty ? "no key" : before))"
        }
    }

    /// The status line's key hints: `r/a/g RAG · / filter · A area · e export · ? help · q quit`
    /// when `wide`, else the last two; a hint whose command has no key is left out (quitting
    /// always has Ctrl-c).
    func statusHints(wide: Bool, ascii: Bool) -> String {
        var parts: [String] = []
        if wide {
            let rag = ragKeys(ascii: ascii)
            if !rag.isEmpty { parts.append(rag.joined(separator: "/") + " RAG") }
            for (command, word) in [(Command.search, "filter"), (.pickArea, "area"), (.sortNext, "sort"), (.export, "export")] {
                if let key = hint(for: command, ascii: ascii) { parts.append("\(key) \(word)") }
            }
        }
        if let key = hint(for: .help, ascii: ascii) { parts.append("\(key) help") }
        parts.append("\(hint(for: .quit, ascii: ascii) ?? Key.ctrl("c").displayName) quit")
        return parts.joined(separator: " · ")
    }
}

extension DashboardState {
    /// The keys in effect.
    public var keymap: EffectiveKeymap { shared.keymap }

    /// Uses `keymap` (the table with config.toml's `[keys]` applied) from now on.
    public mutating func rebind(_ keymap: EffectiveKeymap) { shared.keymap = keymap }
}

extension EffectiveKeymap {
    /// The RAG filter keys for the help screen: `r/a/g`.
    func filterKeys(ascii: Bool) -> String {
        let keys = ragKeys(ascii: ascii)
        return keys.isEmpty ? "The RAG filters" : keys.joined(separator: "/")
    }

    /// The keys of the red, amber and green filters that have one.
    func ragKeys(ascii: Bool) -> [String] {
        [RAGFilterColour.red, .amber, .green].compactMap { hint(for: .toggleRAG($0), ascii: ascii) }
    }
}

extension EffectiveKeymap {
    /// The status line after a key that does nothing: where its action went when config.toml
    /// took it away (`e is unbound: [keys] in config.toml gives export E`), else where help is.
    func unboundMessage(_ key: Key) -> String {
        if let old = EffectiveKeymap.defaults.command(for: key), let now = binding(for: old) {
            let keys = now.keys.isEmpty ? "no key" : now.keys.map(\.displayName).joined(separator: " ")
            return "\(key.displayName) is unbound: [keys] in config.toml gives \(now.action) \(keys)"
        }
        return "unbound key \(key.displayName)" + (hint(for: .help).map { " — press \($0) for help" } ?? "")
    }
}
