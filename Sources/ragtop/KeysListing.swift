import Dashboard
import Themes

/// `ragtop config`'s list of keys: every action, its keys in effect, and where they came from.
enum KeysListing {
    /// ```
    /// ACTION           KEYS          FROM
    /// export           E             /home/me/.config/ragtop/config.toml:9
    /// pick-area        (no key)      default, less A (config.toml:9)
    /// ```
    static func text(config: RagtopConfig?) -> String {
        let keymap = config?.keymap ?? .defaults
        let file = config?.path ?? "config.toml"
        let rows: [(action: String, keys: String, source: String)] = zip(keymap.bindings, keymap.helpLines(ascii: true)).map { binding, line in
            let source: String
            switch keymap.origin(of: binding.action) {
            case .table: source = "default"
            case .config(let n): source = "\(file):\(n)"
            case .tableLess(let keys, let lines):
                source = "default, less " + zip(keys, lines).map { "\($0.0.name(ascii: true)) (\(file):\($0.1))" }.joined(separator: ", ")
            }
            return (binding.action, line.keys, source)
        }
        let actionWidth = max(6, rows.map(\.action.count).max() ?? 0)
        let keysWidth = max(4, rows.map(\.keys.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var out = pad("ACTION", actionWidth) + "  " + pad("KEYS", keysWidth) + "  FROM ([keys] in config.toml rebinds; see docs/keys.md)\n"
        for row in rows { out += pad(row.action, actionWidth) + "  " + pad(row.keys, keysWidth) + "  " + row.source + "\n" }
        return out
    }
}
