import Dashboard
import Foundation

/// A theme file shipped inside ragtop (its text is embedded; see BundledThemes.swift).
public struct BundledTheme: Sendable, Equatable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Where a theme was found.
public enum ThemeOrigin: String, Sendable, Equatable {
    /// In the `--themes-dir` directory.
    case themesDir = "--themes-dir"
    /// In `$XDG_CONFIG_HOME/ragtop/themes`.
    case user = "user"
    /// In the themes folder of ragtop's installed data (`share/ragtop/themes` beside the
    /// executable, `RAGTOP_DATA`, `XDG_DATA_DIRS`).
    case installed = "installed"
    /// Shipped with ragtop.
    case bundled = "built-in"
    /// A file named by path with `--theme PATH` (or RAGTOP_THEME / config).
    case file = "file"
}

/// One theme that can be chosen: its name (the file name without `.toml`), where it was found,
/// and its text.
public struct ThemeEntry: Sendable, Equatable {
    public var name: String
    public var origin: ThemeOrigin
    /// The file's path; nil for a bundled theme.
    public var path: String?
    public var text: String
    /// Other places with a theme of the same name, hidden by this one.
    public var shadows: [String] = []

    /// The path, or `built-in`.
    public var location: String { path ?? "built-in" }
    /// The name diagnostics use for this theme's file.
    public var diagnosticPath: String { path ?? "themes/\(name).toml (built-in)" }
}

/// A theme ready to use, with what was wrong in its file (and in its bases).
public struct LoadedTheme: Sendable {
    /// The theme for terminals with 256 colours or more (and for no colour: attributes).
    public var theme: Theme
    /// The theme for 16 and 8 colours: `theme` with the `[roles-16]` overrides.
    public var theme16: Theme
    public var entry: ThemeEntry
    public var description: String?
    public var diagnostics: [ThemeDiagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(theme: Theme, theme16: Theme? = nil, entry: ThemeEntry, description: String?, diagnostics: [ThemeDiagnostic]) {
        self.theme = theme
        self.theme16 = theme16 ?? theme
        self.entry = entry
        self.description = description
        self.diagnostics = diagnostics
    }

    /// The theme to draw with at `depth`. Its colours still go through `quantize` (the
    /// renderers do that); the 16-colour variant only lets a theme choose those colours itself.
    public func theme(for depth: ColorDepth) -> Theme {
        depth == .ansi16 || depth == .ansi8 ? theme16 : theme
    }
}

/// Why a theme name or path could not be used.
public struct ThemeLookupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Finds themes: `--themes-dir DIR`, then `$XDG_CONFIG_HOME/ragtop/themes` (default
/// `~/.config/ragtop/themes`), then the installed themes folders (`share/ragtop/themes` beside
/// the executable, then those of `XDG_DATA_DIRS`), then the ones built in. The first theme of a
/// name wins.
public struct ThemeCatalog: Sendable {
    /// The bundled themes in the order `t` cycles them.
    public static let bundledOrder = ["default", "light", "colourblind", "colourblind-light", "high-contrast", "mono"]

    public var themesDir: String?
    public var userDir: String?
    /// The installed themes folders, in search order (the executable finds them).
    public var installedDirs: [String]
    public var bundled: [BundledTheme]
    /// Problems with the directories themselves (a missing `--themes-dir`).
    public private(set) var warnings: [String] = []

    /// `installedDirs` are the themes folders of ragtop's installed data, searched after the
    /// user's folder and before the built-in themes.
    public init(themesDir: String?, environment: [String: String], installedDirs: [String] = [], bundled: [BundledTheme] = BundledThemes.all) {
        self.themesDir = themesDir.map(ThemeCatalog.expandTilde)
        self.userDir = ThemeCatalog.configDirectory(environment: environment).map { $0 + "/themes" }
        self.installedDirs = installedDirs
        self.bundled = bundled
        if let dir = self.themesDir, !ThemeCatalog.isDirectory(dir) {
            warnings.append("--themes-dir \(dir): no such directory")
        }
    }

    /// `$XDG_CONFIG_HOME/ragtop` (an absolute XDG_CONFIG_HOME only, as the XDG spec says), else
    /// `$HOME/.config/ragtop`; nil without either.
    public static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/ragtop" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/ragtop" }
        return nil
    }

    /// The directories searched, in order, with their origin.
    public var searchPath: [(directory: String, origin: ThemeOrigin)] {
        var result: [(String, ThemeOrigin)] = []
        if let themesDir { result.append((themesDir, .themesDir)) }
        if let userDir { result.append((userDir, .user)) }
        for dir in installedDirs where !result.contains(where: { $0.0 == dir }) { result.append((dir, .installed)) }
        return result
    }

    /// Every theme that can be chosen, one per name (the first found), in cycling order: the
    /// bundled names first (in `bundledOrder`), then the rest by name.
    public func entries() -> [ThemeEntry] {
        var byName: [String: ThemeEntry] = [:]
        var order: [String] = []
        func add(_ entry: ThemeEntry) {
            if let first = byName[entry.name] {
                // An installed copy of a built-in theme hides nothing.
                if entry.origin == .bundled && first.text == entry.text { return }
                byName[entry.name]?.shadows.append(entry.location)
            } else {
                byName[entry.name] = entry
                order.append(entry.name)
            }
        }
        for (dir, origin) in searchPath {
            for file in ThemeCatalog.themeFiles(in: dir) {
                let path = dir + "/" + file
                add(ThemeEntry(name: String(file.dropLast(5)), origin: origin, path: path, text: ThemeCatalog.read(path) ?? ""))
            }
        }
        for b in bundled { add(ThemeEntry(name: b.name, origin: .bundled, path: nil, text: b.text)) }
        func rank(_ name: String) -> (Int, String) {
            (ThemeCatalog.bundledOrder.firstIndex(of: name) ?? ThemeCatalog.bundledOrder.count, name)
        }
        return order.sorted { rank($0) < rank($1) }.map { byName[$0]! }
    }

    /// The theme called `name`, or the file at a path (a value with a `/` or ending in `.toml`).
    public func find(_ nameOrPath: String) -> Result<ThemeEntry, ThemeLookupError> {
        let value = nameOrPath.trimmingCharacters(in: .whitespaces)
        if value.contains("/") || value.hasSuffix(".toml") {
            let path = ThemeCatalog.expandTilde(value)
            if value.hasSuffix(".toml"), !value.contains("/"), !FileManager.default.fileExists(atPath: path) {
                // `--theme light.toml`: a name with the extension.
                return find(String(value.dropLast(5)))
            }
            guard let text = ThemeCatalog.read(path) else {
                return .failure(ThemeLookupError(message: "cannot read theme file \(path)"))
            }
            let file = (path as NSString).lastPathComponent
            let name = file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
            return .success(ThemeEntry(name: name, origin: .file, path: path, text: text))
        }
        let all = entries()
        if let e = all.first(where: { $0.name == value }) ?? all.first(where: { $0.name.lowercased() == value.lowercased() }) {
            return .success(e)
        }
        let aliases = ["colorblind": "colourblind", "colour-blind": "colourblind", "color-blind": "colourblind",
                       "highcontrast": "high-contrast", "high_contrast": "high-contrast", "dark": "default",
                       "monochrome": "mono", "none": "mono"]
        if let alias = aliases[value.lowercased()], let e = all.first(where: { $0.name == alias }) { return .success(e) }
        return .failure(ThemeLookupError(message: "no theme named '\(value)'; available: \(all.map(\.name).joined(separator: ", "))"))
    }

    /// Loads a theme: parses its file, then fills the roles it leaves out from its `base` (or
    /// from the built-in default). Never fails: problems are diagnostics.
    public func load(_ entry: ThemeEntry) -> LoadedTheme {
        var visiting: [String] = []
        return load(entry, visiting: &visiting)
    }

    private func load(_ entry: ThemeEntry, visiting: inout [String]) -> LoadedTheme {
        let path = entry.diagnosticPath
        visiting.append(ThemeCatalog.key(entry))
        defer { visiting.removeLast() }
        let doc = ThemeParser.parse(entry.text, path: path)
        var diagnostics = doc.diagnostics
        var baseStyles = Theme.builtInDefault.styles
        var baseStyles16 = Theme.builtInDefault.styles
        if let base = doc.base {
            // The first theme of that name not already being loaded: a user's light.toml with
            // `base = "light"` builds on the bundled light.
            let candidates = base.contains("/") || base.hasSuffix(".toml")
                ? [try? find(base).get()].compactMap { $0 }
                : allEntries(named: base)
            if let baseEntry = candidates.first(where: { !visiting.contains(ThemeCatalog.key($0)) }) {
                let loaded = load(baseEntry, visiting: &visiting)
                baseStyles = loaded.theme.styles
                baseStyles16 = loaded.theme16.styles
                diagnostics += loaded.diagnostics
            } else if !candidates.isEmpty {
                diagnostics.append(ThemeDiagnostic(.error, path: path, line: doc.baseLine,
                                                   "base '\(base)' leads back to this theme; the default theme fills the missing roles"))
            } else {
                let why = (try? find(base).get()) == nil ? "no theme named '\(base)'" : "base '\(base)' cannot be used"
                diagnostics.append(ThemeDiagnostic(.error, path: path, line: doc.baseLine,
                                                   "\(why) (available: \(entries().map(\.name).joined(separator: ", "))); the default theme fills the missing roles"))
            }
        }
        if let name = doc.name, name != entry.name {
            diagnostics.append(ThemeDiagnostic(.warning, path: path, line: LineLocatorCache.line(of: ["name"], in: entry.text),
                                               "name '\(name)' differs from the file name; the theme is called '\(entry.name)'"))
        }
        var styles = baseStyles
        var styles16 = baseStyles16
        for (role, style) in doc.styles {
            styles[role] = style
            styles16[role] = style
        }
        for (role, style) in doc.styles16 { styles16[role] = style }
        for role in StyleRole.allCases {
            if styles[role] == nil { styles[role] = Theme.builtInDefault.style(role) }
            if styles16[role] == nil { styles16[role] = Theme.builtInDefault.style(role) }
        }
        return LoadedTheme(theme: Theme(name: entry.name, styles: styles), theme16: Theme(name: entry.name, styles: styles16),
                           entry: entry, description: doc.description, diagnostics: diagnostics)
    }

    /// Every theme file called `name`, in search order (the first is the one that is used).
    public func allEntries(named name: String) -> [ThemeEntry] {
        var result: [ThemeEntry] = []
        for (dir, origin) in searchPath {
            let path = dir + "/" + name + ".toml"
            if !ThemeCatalog.isDirectory(path), let text = ThemeCatalog.read(path) {
                result.append(ThemeEntry(name: name, origin: origin, path: path, text: text))
            }
        }
        for b in bundled where b.name == name { result.append(ThemeEntry(name: b.name, origin: .bundled, path: nil, text: b.text)) }
        return result
    }

    static func key(_ entry: ThemeEntry) -> String { entry.path ?? "bundled:\(entry.name)" }

    /// The next theme after `name` in cycling order (wrapping), or the first.
    public func next(after name: String) -> ThemeEntry? {
        let all = entries()
        guard !all.isEmpty else { return nil }
        guard let i = all.firstIndex(where: { $0.name == name }) else { return all[0] }
        return all[(i + 1) % all.count]
    }

    // MARK: Files

    static func themeFiles(in dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") && $0.count > 5 }
            .filter { !isDirectory(dir + "/" + $0) }
            .sorted()
    }

    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (path as NSString).expandingTildeInPath
    }
}

enum LineLocatorCache {
    static func line(of path: [String], in text: String) -> Int { LineLocator(text: text).line(of: path) ?? 1 }
}
