import Dashboard
import ScorecardData
import TOMLKit

extension RagtopConfig {
    /// The name of the table that rebinds keys: `[keys]`, one `action = "KEY"` (or a list of
    /// keys) per line.
    public static let keysTable = "keys"

    /// Reads the `[keys]` table: each entry's form here, its action and keys in
    /// `EffectiveKeymap.rebinding`; every problem becomes a FILE:LINE diagnostic and that entry
    /// is ignored, the rest apply.
    mutating func readKeys(_ value: TOMLValueConvertible, line tableLine: Int, locator: LineLocator) {
        func problem(_ severity: ThemeDiagnostic.Severity, _ line: Int, _ message: String) {
            diagnostics.append(ThemeDiagnostic(severity, path: path, line: line, message))
        }
        guard let table = value.table else {
            problem(.error, tableLine, "'\(Self.keysTable)' must be a table: a [\(Self.keysTable)] line, then one action = \"KEY\" per line (docs/keys.md); it is ignored")
            return
        }
        var entries: [KeyRebinding] = []
        for (action, entry) in table {
            let line = locator.line(of: [Self.keysTable, action]) ?? tableLine
            let shown = SafeText.clip(action)
            if Self.keys.contains(action) {
                problem(.error, line, "'\(shown)' is a setting, not an action: settings go above [\(Self.keysTable)]; it is ignored")
                continue
            }
            let form = "a key name in quotes or a list of them, such as \"E\" or [\"E\", \"F5\"]"
            if let key = entry.string {
                entries.append(KeyRebinding(action: action, keys: [key], line: line))
            } else if let list = entry.array {
                let names = list.compactMap(\.string)
                guard names.count == list.count else {
                    problem(.error, line, "[\(Self.keysTable)] \(shown) must be \(form), and every key a string; the entry is ignored")
                    continue
                }
                entries.append(KeyRebinding(action: action, keys: names, line: line))
            } else {
                problem(.error, line, "[\(Self.keysTable)] \(shown) must be \(form), not \(entry.type); the entry is ignored")
            }
        }
        let rebound = EffectiveKeymap.rebinding(entries)
        keyRebindings = entries.sorted { $0.line < $1.line }
        keymap = rebound.keymap
        for p in rebound.problems { problem(p.isError ? .error : .warning, p.line, p.message) }
    }
}
