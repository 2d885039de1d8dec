import ScorecardData

/// Why a key name in config.toml's `[keys]` table cannot be bound.
public enum KeyNameProblem: Error, Equatable, Sendable {
    /// Not a key ragtop knows.
    case unknown(String)
    /// A key the terminal keeps for itself (Ctrl-C, Ctrl-Z, Ctrl-\); `why` says what it does.
    case reserved(Key, why: String)
    /// A control key the terminal sends as another key (Ctrl-m is Enter).
    case sameAs(Key, Key)

    /// What is wrong, for a FILE:LINE message.
    public var message: String {
        switch self {
        case .unknown(let name):
            return "unknown key '\(SafeText.clip(name))' (a key is \(Key.nameForms))"
        case .reserved(let key, let why):
            return "\(key.displayName) cannot be rebound (\(why))"
        case .sameAs(let key, let other):
            return "\(key.displayName) is the same key as \(other.displayName) in a terminal; write \(other.displayName)"
        }
    }
}

extension Key {
    /// The forms a key name takes in config.toml, for messages.
    public static let nameForms = "one character, or Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, Backspace, F1-F24, Ctrl-a to Ctrl-z"

    /// The keys no binding may take: what they do is the terminal's (or ragtop's last resort).
    public static let reserved: [(key: Key, why: String)] = [
        (.ctrl("c"), "it always quits"),
        (.ctrl("z"), "the terminal suspends ragtop with it"),
        (.ctrl("\\"), "the terminal sends it as a quit signal"),
    ]

    /// Control keys a terminal sends as the same byte as another key.
    static let controlAliases: [Character: Key] = ["h": .backspace, "i": .tab, "j": .enter, "m": .enter, "[": .escape]

    /// Parses a key name as config.toml's `[keys]` table takes it: one character (case matters:
    /// `E` is Shift-e), a name as the help screen and `ragtop config` print it (`Enter`, `PgUp`,
    /// `S-Tab`, `F5`, `Ctrl-r`, `Up`, or its arrow `↑`), or as `snapshot --keys` takes it (`C-r`).
    /// Names are case-insensitive. Keys the terminal keeps for itself are refused.
    public static func parse(bindingName raw: String) -> Result<Key, KeyNameProblem> {
        let name = raw.count > 1 ? raw.trimmingSpaces() : raw
        let arrows: [String: Key] = ["↑": .up, "↓": .down, "←": .left, "→": .right]
        if let arrow = arrows[name] { return .success(arrow) }
        if name.count == 1, let ch = name.first {
            guard ch.unicodeScalars.allSatisfy({ !SafeText.isUnsafe($0) }) else { return .failure(.unknown(raw)) }
            return .success(.character(ch))
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            guard let ch = lower.last, ch.isASCII, ch.isLetter || "\\]^_".contains(ch) else { return .failure(.unknown(raw)) }
            return checked(.ctrl(ch))
        }
        switch lower {
        case "shift-tab", "s-tab": return .success(.backTab)
        default: break
        }
        // The other names are those of `snapshot --keys`, less its single characters.
        guard let key = Key(name: lower) else { return .failure(.unknown(raw)) }
        return .success(key)
    }

    private static func checked(_ key: Key) -> Result<Key, KeyNameProblem> {
        if let r = reserved.first(where: { $0.key == key }) { return .failure(.reserved(key, why: r.why)) }
        if case .ctrl(let c) = key, let other = controlAliases[c] { return .failure(.sameAs(key, other)) }
        return .success(key)
    }

    /// The key's name as the help screen shows it; with `ascii`, arrows by name (`Up`), as
    /// config.toml and `ragtop config` write them.
    public func name(ascii: Bool) -> String {
        guard ascii else { return displayName }
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return displayName
        }
    }
}
