import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/ragtop/config.toml`: defaults for the dashboard.
///
/// ```toml
/// theme = "colourblind"   # a theme name or a path to a .toml file
/// pane = "districts"      # scorecard, districts, detail, ehcp or therapy
/// area = "Dover"          # an area code or name
/// ```
/// Unknown keys get a warning, values of the wrong type an error; neither stops ragtop.
public struct RagtopConfig: Sendable, Equatable {
    public static let keys = ["theme", "pane", "area"]

    public var path: String
    public var theme: String?
    public var pane: String?
    public var area: String?
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
        return parse(text, path: path)
    }

    /// Parses config text.
    public static func parse(_ text: String, path: String) -> RagtopConfig {
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
            guard keys.contains(key) else {
                config.diagnostics.append(ThemeDiagnostic(.warning, path: path, line: line,
                                                          "unknown key '\(key)' is ignored (the config file has \(keys.joined(separator: ", ")))"))
                continue
            }
            guard let s = value.string else {
                config.diagnostics.append(ThemeDiagnostic(.error, path: path, line: line, "'\(key)' must be a string in quotes, not \(value.type); it is ignored"))
                continue
            }
            config.lines[key] = line
            switch key {
            case "theme": config.theme = s
            case "pane": config.pane = s
            default: config.area = s
            }
        }
        config.diagnostics.sort { $0.line < $1.line }
        return config
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
