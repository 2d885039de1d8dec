import Dashboard
import Foundation
import ScorecardData
import TOMLKit

/// `$XDG_CONFIG_HOME/ragtop/config.toml`: defaults for the dashboard. ragtop only reads it.
///
/// ```toml
/// theme = "colourblind"   # a theme name or a path to a .toml file
/// pane = "districts"      # scorecard, districts, detail, ehcp or therapy
/// area = "Dover"          # an area code or name
/// sort = "value:desc"     # a column of `ragtop report --format csv`, :desc to reverse
/// since = "2024-09"       # the period changes are counted from
/// export_dir = "~/exports"
///
/// [keys]                  # action = key, or a list of keys (docs/keys.md names them)
/// export = "E"
/// help = ["?", "H"]
/// ```
/// Unknown keys get a warning, values of the wrong type or form an error; neither stops ragtop:
/// the value is ignored. `settings` describes every key.
public struct RagtopConfig: Sendable, Equatable {
    public static var keys: [String] { settings.map(\.key) }

    public var path: String
    public var theme: String?
    public var pane: String?
    public var area: String?
    /// The default sort of the dashboard's tables.
    public var sort: ColumnSort?
    /// The period the dashboard's changes are counted from.
    public var since: Period?
    /// The folder exports go to, `~` expanded; it existed when the file was read.
    public var exportDir: String?
    /// The `[keys]` table's entries, as written.
    public var keyRebindings: [KeyRebinding] = []
    /// The keymap table with the valid `[keys]` entries applied.
    public var keymap = EffectiveKeymap.defaults
    public var diagnostics: [ThemeDiagnostic] = []
    var lines: [String: Int] = [:]

    public init(path: String, theme: String? = nil, pane: String? = nil, area: String? = nil) {
        self.path = path
        self.theme = theme
        self.pane = pane
        self.area = area
    }

    /// The line a key is on (for messages about its value), or 1.
    public func line(of key: String) -> Int { lines[key] ?? 1 }

    /// A warning about a key's value, `PATH:LINE: warning: …`.
    public func warning(_ key: String, _ message: String) -> ThemeDiagnostic {
        ThemeDiagnostic(.warning, path: path, line: line(of: key), message)
    }

    /// The config file's path for this environment, whether or not it exists.
    public static func path(environment: [String: String]) -> String? {
        ThemeCatalog.configDirectory(environment: environment).map { $0 + "/config.toml" }
    }

    /// Reads the config file; nil when there is none.
    public static func load(environment: [String: String]) -> RagtopConfig? {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = ThemeCatalog.read(path) else {
            var c = RagtopConfig(path: path)
            c.diagnostics.append(ThemeDiagnostic(.error, path: path, line: 1, "cannot read the config file; it is ignored"))
            return c
        }
        return parse(text, path: path, environment: environment)
    }

    /// Parses config text. `environment` supplies HOME for a `~/` in `export_dir`.
    public static func parse(_ text: String, path: String, environment: [String: String] = [:]) -> RagtopConfig {
        var config = RagtopConfig(path: path)
        if let problem = TOMLPrecheck.problem(in: text) {
            config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: problem.line, "\(problem.message); the config file is ignored"))
            return config
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: error.source.begin.line, "\(error.description); the config file is ignored"))
            return config
        } catch {
            config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: 1, "cannot parse: \(error); the config file is ignored"))
            return config
        }
        let locator = LineLocator(text: text)
        for (key, value) in table {
            let line = locator.line(of: [key]) ?? 1
            if key == keysTable {
                config.readKeys(value, line: line, locator: locator)
                continue
            }
            guard keys.contains(key) else {
                config.diagnostics.append(ThemeDiagnostic(.warning, path: path, line: line,
                                                          "unknown key '\(key)' is ignored (the config file has \(keys.joined(separator: ", ")) and a [\(keysTable)] table)"))
                continue
            }
            guard let s = value.string else {
                config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: line, "'\(key)' must be a string in quotes, not \(value.type); it is ignored"))
                continue
            }
            func reject(_ why: String) {
                config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: line, "\(why); it is ignored"))
            }
            switch key {
            case "theme": config.theme = s
            case "pane": config.pane = s
            case "area": config.area = s
            case "sort":
                switch ColumnSort.setting(s) {
                case .success(let sort): config.sort = sort
                case .failure(let why): reject("'sort': \(why.message)"); continue
                }
            case "since":
                guard let period = Period(s.trimmingCharacters(in: .whitespaces)) else {
                    reject("'since' is not a period: '\(s)' (a period is \(Period.expectedForms))"); continue
                }
                config.since = period
            default:
                let checked = exportDirectory(s, environment: environment)
                if let why = checked.problem { config.diagnostics.append(ThemeDiagnostic(why.severity, path: path, line: line, why.message)) }
                guard let dir = checked.folder else { continue }
                config.exportDir = dir
            }
            config.lines[key] = line
        }
        config.diagnostics.sort { $0.line < $1.line }
        return config
    }

    /// Checks an `export_dir` value. A relative path (or `~/` without HOME) is an error and
    /// ignored; a folder that does not exist, is not a folder or is not writable is kept with a
    /// warning: `e` then says so in the status line and writes nothing anywhere else.
    static func exportDirectory(_ value: String, environment: [String: String]) -> (folder: String?, problem: ValueProblem?) {
        guard let dir = expandingHome(value, environment: environment) else {
            return (nil, ValueProblem(.error, "'export_dir' starts with ~ but HOME is not set; it is ignored"))
        }
        guard dir.hasPrefix("/") else {
            return (nil, ValueProblem(.error, "'export_dir' must be an absolute path or start with ~/, not '\(value)'; it is ignored"))
        }
        if let why = folderProblem(dir) {
            return (dir, ValueProblem(.warning, "export_dir \(why); 'e' will report that and write nothing until it is fixed"))
        }
        return (dir, nil)
    }

    /// `path` with a leading `~` or `~/` made HOME; nil when it needs HOME and there is none.
    public static func expandingHome(_ path: String, environment: [String: String]) -> String? {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return (home.hasSuffix("/") && path.count > 1 ? String(home.dropLast()) : home) + path.dropFirst()
    }

    /// Why files cannot be written into `dir` (`/x does not exist`, `/x is not a folder`,
    /// `/x is not writable`), or nil.
    public static func folderProblem(_ dir: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else { return "\(dir) does not exist" }
        guard isDir.boolValue else { return "\(dir) is not a folder" }
        guard access(dir, W_OK | X_OK) == 0 else { return "\(dir) is not writable" }
        return nil
    }
}

/// A problem with a value, before it is given a file and line.
struct ValueProblem: Error {
    var severity: ThemeDiagnostic.Severity
    var message: String
    init(_ severity: ThemeDiagnostic.Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }
}

/// Which theme to use and who asked for it: `--theme` > `RAGTOP_THEME` > config > default.
public struct ThemeChoice: Sendable, Equatable {
    /// A theme name or path.
    public var value: String
    /// `--theme`, `RAGTOP_THEME` or the config file's `PATH:LINE`.
    public var source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }

    /// The explicit choice, or nil when none was made (then the default applies: `default`, or
    /// `mono` when colour is off).
    public static func resolve(flag: String?, environment: [String: String], config: RagtopConfig?) -> ThemeChoice? {
        if let flag, !flag.isEmpty { return ThemeChoice(value: flag, source: "--theme") }
        if let env = environment["RAGTOP_THEME"], !env.isEmpty { return ThemeChoice(value: env, source: "RAGTOP_THEME") }
        if let config, let theme = config.theme, !theme.isEmpty {
            return ThemeChoice(value: theme, source: "\(config.path):\(config.line(of: "theme"))")
        }
        return nil
    }
}
