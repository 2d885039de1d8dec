import Dashboard
import TOMLKit

/// A problem in a theme or config file: `FILE:LINE: warning: …` or `FILE:LINE: error: …`.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var path: String
    /// 1-based.
    public var line: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = max(1, line)
        self.message = message
    }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }
}

/// A theme file as written: what it sets, before the roles it leaves out are filled in.
public struct ThemeDocument: Sendable {
    /// The `name` key, if any (a theme is known by its file name).
    public var name: String?
    public var description: String?
    /// The `base` key: the theme the roles left out come from (default: `default`).
    public var base: String?
    public var baseLine = 1
    /// The roles the file sets with valid values.
    public var styles: [StyleRole: RoleStyle] = [:]
    /// `[roles-16]`: what changes on terminals with 16 or 8 colours.
    public var styles16: [StyleRole: RoleStyle] = [:]
    public var diagnostics: [ThemeDiagnostic] = []
    /// True when the file is not valid TOML; nothing in it is used.
    public var syntaxError = false
}

/// Reads theme files. Never throws: problems become diagnostics and the affected role (or, for
/// a TOML syntax error, the whole file) falls back to the base theme.
public enum ThemeParser {
    static let topLevelKeys = ["name", "description", "base", "roles", "roles-16"]
    static let styleKeys = ["fg", "bg", "attrs", "foreground", "background", "attributes"]

    /// A key of a style table: fg, bg, attrs (or their long names) or an attribute switch.
    static func isStyleKey(_ key: String) -> Bool { styleKeys.contains(key) || StyleSpec.attribute(key) != nil }

    public static func parse(_ text: String, path: String) -> ThemeDocument {
        var doc = ThemeDocument()
        if let problem = TOMLPrecheck.problem(in: text) {
            doc.syntaxError = true
            doc.diagnostics.append(ThemeDiagnostic(.error, path: path, line: problem.line, "\(problem.message); using the default theme"))
            return doc
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            doc.syntaxError = true
            doc.diagnostics.append(ThemeDiagnostic(.error, path: path, line: error.source.begin.line,
                                                   "\(error.description); using the default theme"))
            return doc
        } catch {
            doc.syntaxError = true
            doc.diagnostics.append(ThemeDiagnostic(.error, path: path, line: 1, "cannot parse: \(error); using the default theme"))
            return doc
        }
        let locator = LineLocator(text: text)
        var reader = Reader(path: path, locator: locator)
        var reader16 = Reader(path: path, locator: locator)
        for (key, value) in table {
            switch key {
            case "name", "description", "base":
                guard let s = value.string else {
                    reader.error([key], "'\(key)' must be a string in quotes, not \(value.type)", at: [key])
                    continue
                }
                if key == "name" { doc.name = s }
                if key == "description" { doc.description = s }
                if key == "base" {
                    doc.base = s
                    doc.baseLine = reader.locator.line(of: [key]) ?? 1
                }
            case "roles", "roles-16":
                guard let roles = value.table else {
                    reader.error([key], "'\(key)' must be a table: write [\(key)] on a line of its own, then one role per line")
                    continue
                }
                if key == "roles" {
                    reader.walk(roles, roleParts: [], tomlPath: [key])
                } else {
                    reader16.walk(roles, roleParts: [], tomlPath: [key])
                }
            default:
                if StyleRole(rawValue: key) != nil || StyleRole.allCases.contains(where: { $0.rawValue.hasPrefix(key + ".") }) {
                    reader.warning([key], "'\(key)' is outside the [roles] table and is ignored; put role colours after a [roles] line")
                } else {
                    reader.warning([key], "unknown key '\(key)' is ignored (a theme has name, description, base, [roles] and [roles-16])")
                }
            }
        }
        doc.styles = reader.styles.mapValues(\.style)
        doc.styles16 = reader16.styles.mapValues(\.style)
        doc.diagnostics = (reader.diagnostics + reader16.diagnostics).sorted { ($0.line, $0.severity == .error ? 0 : 1) < ($1.line, $1.severity == .error ? 0 : 1) }
        return doc
    }

    /// The role name nearest to a misspelt one, if it is close.
    static func suggestion(for name: String) -> String? {
        let candidates = StyleRole.allCases.map(\.rawValue)
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, name.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// Walks the `[roles]` table, collecting styles and diagnostics.
    struct Reader {
        let path: String
        let locator: LineLocator
        var styles: [StyleRole: (style: RoleStyle, line: Int)] = [:]
        var diagnostics: [ThemeDiagnostic] = []

        init(path: String, locator: LineLocator) {
            self.path = path
            self.locator = locator
        }

        mutating func warning(_ tomlPath: [String], _ message: String, at: [String]? = nil) {
            diagnostics.append(ThemeDiagnostic(.warning, path: path, line: locator.line(of: at ?? tomlPath) ?? 1, message))
        }

        mutating func error(_ tomlPath: [String], _ message: String, at: [String]? = nil) {
            diagnostics.append(ThemeDiagnostic(.error, path: path, line: locator.line(of: at ?? tomlPath) ?? 1, message))
        }

        /// A table inside `[roles]`: style keys (when its name is a role) and nested roles.
        mutating func walk(_ table: TOMLTable, roleParts: [String], tomlPath: [String]) {
            let roleName = roleParts.joined(separator: ".")
            let role = roleParts.isEmpty ? nil : StyleRole(rawValue: roleName)
            if let role, table.isEmpty || table.keys.contains(where: { ThemeParser.isStyleKey($0) }) {
                styleTable(table, role: role, tomlPath: tomlPath)
            }
            for (key, value) in table {
                if role != nil && ThemeParser.isStyleKey(key) { continue }
                let parts = roleParts + key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                let name = parts.joined(separator: ".")
                let childPath = tomlPath + [key]
                if let child = value.table {
                    walk(child, roleParts: parts, tomlPath: childPath)
                    continue
                }
                guard let childRole = StyleRole(rawValue: name) else {
                    if let role {
                        warning(childPath, "unknown key '\(key)' in the style of '\(role.rawValue)' is ignored (use fg, bg and attrs)")
                        continue
                    }
                    let hint = ThemeParser.suggestion(for: name).map { " (did you mean '\($0)'?)" } ?? " (see docs/themes.md for the list of roles)"
                    warning(childPath, "unknown role '\(name)' is ignored" + hint)
                    continue
                }
                if let s = value.string {
                    switch StyleSpec.style(s) {
                    case .success(let style): set(childRole, style, childPath)
                    case .failure(let e): fallback(childRole, childPath, e.message)
                    }
                } else if let n = value.int {
                    switch StyleSpec.color(String(n)) {
                    case .success(let c): set(childRole, RoleStyle(foreground: c), childPath)
                    case .failure(let e): fallback(childRole, childPath, e.message)
                    }
                } else if let array = value.array {
                    var words: [String] = []
                    var bad = false
                    for item in array {
                        if let w = item.string { words.append(w) } else if let n = item.int { words.append(String(n)) } else { bad = true }
                    }
                    if bad {
                        fallback(childRole, childPath, "a list for '\(name)' must hold only strings, e.g. [\"#D55E00\", \"bold\"]")
                        continue
                    }
                    switch StyleSpec.style(words.joined(separator: " ")) {
                    case .success(let style): set(childRole, style, childPath)
                    case .failure(let e): fallback(childRole, childPath, e.message)
                    }
                } else {
                    fallback(childRole, childPath, "'\(name)' must be a string such as \"#D55E00 bold\" or a table such as { fg = \"#D55E00\", attrs = [\"bold\"] }, not \(value.type)")
                }
            }
        }

        /// `{ fg = "#D55E00", bg = "default", attrs = ["bold"] }`.
        mutating func styleTable(_ table: TOMLTable, role: StyleRole, tomlPath: [String]) {
            var style = RoleStyle()
            var problems: [(String, [String])] = []
            for (key, value) in table {
                let at = tomlPath + [key]
                switch key {
                case "fg", "foreground", "bg", "background":
                    let word = value.string ?? value.int.map { String($0) }
                    guard let word else {
                        problems.append(("\(key) must be a colour in quotes such as \"#D55E00\" or \"red\", or a number 0-255, not \(value.type)", at))
                        continue
                    }
                    switch StyleSpec.color(word) {
                    case .success(let c):
                        if key.hasPrefix("f") { style.foreground = c } else { style.background = c }
                    case .failure(let e): problems.append((e.message, at))
                    }
                case "attrs", "attributes":
                    var words: [String] = []
                    if let s = value.string {
                        words = s.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                    } else if let array = value.array {
                        for item in array {
                            if let w = item.string { words.append(w) } else { problems.append(("attrs must list words in quotes, e.g. [\"bold\", \"underline\"]", at)) }
                        }
                    } else {
                        problems.append(("attrs must be a list such as [\"bold\", \"underline\"], not \(value.type)", at))
                    }
                    for w in words {
                        if let a = StyleSpec.attribute(w) { style.attributes.insert(a) } else {
                            problems.append(("unknown attribute '\(w)' (use bold, underline, reverse, dim or italic)", at))
                        }
                    }
                default:
                    // Attribute switches: `bold = true`. Other keys are nested roles or unknown
                    // keys; `walk` reports those.
                    guard let a = StyleSpec.attribute(key) else { continue }
                    guard let on = value.bool else {
                        problems.append(("\(key) must be true or false", at))
                        continue
                    }
                    if on { style.attributes.insert(a) }
                }
            }
            if problems.isEmpty {
                set(role, style, tomlPath)
            } else {
                for (message, at) in problems { fallback(role, at, message) }
            }
        }

        mutating func set(_ role: StyleRole, _ style: RoleStyle, _ tomlPath: [String]) {
            let line = locator.line(of: tomlPath) ?? 1
            if let previous = styles[role] {
                let (keep, other) = previous.line <= line ? (line, previous.line) : (previous.line, line)
                diagnostics.append(ThemeDiagnostic(.warning, path: path, line: max(keep, other),
                                                   "'\(role.rawValue)' is set twice (lines \(min(keep, other)) and \(max(keep, other))); the later one is used"))
                if previous.line > line { return }
            }
            styles[role] = (style, line)
        }

        mutating func fallback(_ role: StyleRole, _ tomlPath: [String], _ message: String) {
            error(tomlPath, "\(message); '\(role.rawValue)' keeps its style from the base theme")
        }
    }
}
