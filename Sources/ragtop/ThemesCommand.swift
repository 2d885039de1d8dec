import ArgumentParser
import Dashboard
import Foundation
import Themes

/// `ragtop themes`: list the themes with a RAG swatch and where each was found.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes, with a RAG swatch and where each was found.",
        discussion: """
        Themes are looked for in --themes-dir DIR, then $XDG_CONFIG_HOME/ragtop/themes \
        (default ~/.config/ragtop/themes), then the themes folder of ragtop's installed data \
        (share/ragtop/themes beside the executable, $RAGTOP_DATA, $XDG_DATA_DIRS), then the \
        built-in ones; the first of a name wins. \
        Problems in theme files are printed to standard error as FILE:LINE: warning/error. \
        The theme in use (marked *) comes from --theme, else RAGTOP_THEME, else theme in \
        config.toml, else default. How to write a theme: docs/themes.md.
        """
    )

    @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Look for themes in DIR first.", valueName: "DIR"), completion: .directory)
    var themesDir: String?

    @Option(help: ArgumentHelp("Mark this theme as the one in use.", valueName: "NAME|PATH"), completion: Completions.themes)
    var theme: String?

    @Option(help: ArgumentHelp("Print a theme's file (a start for your own: ragtop themes --show colourblind > ~/.config/ragtop/themes/mine.toml).", valueName: "NAME"), completion: Completions.themes)
    var show: String?

    @Flag(help: "Use ASCII glyphs (automatic when the locale is not UTF-8).")
    var ascii = false

    func run() throws {
        let env = ThemeSetup.environment
        let catalog = ThemeCatalog(themesDir: themesDir, environment: env, installedDirs: BundledData.themeDirectories)
        for w in catalog.warnings { Console.error("ragtop: warning: \(w)") }
        if let show {
            switch catalog.find(show) {
            case .success(let entry):
                // The file as it is for a file or a pipe; on a terminal its control characters show as <U+XX>.
                let text = entry.text.hasSuffix("\n") || entry.text.isEmpty ? entry.text : entry.text + "\n"
                if isatty(1) == 1 { Console.text(text) } else { Console.out(text) }
            case .failure(let why): throw ValidationError(Console.safe(why.message))
            }
            return
        }
        let config = ThemeSetup.loadConfig()
        let choice = ThemeChoice.resolve(flag: theme, environment: env, config: config)
        let (active, problem) = catalog.select(choice, colorOff: ThemeSetup.colorOffByEnvironment)
        if let problem { Console.error("ragtop: warning: \(problem.message)") }
        let glyphs = Glyphs(ascii: ascii || !Locale.isUTF8)
        let color = Console.colorOnStdout
        // Without terminfo here: COLORTERM and TERM decide; .none still sends attributes.
        let depth = ColorDepth.detect(environment: env, terminfoColors: nil)
        let entries = catalog.entries()
        let loaded = entries.map { catalog.load($0) }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        func shortPath(_ s: String) -> String {
            if let home, s.hasPrefix(home + "/") { return "~" + s.dropFirst(home.count) }
            return s
        }
        // Names and places come from file names and descriptions from files: shown safe.
        let names = entries.map { Console.safe($0.name) }
        let nameWidth = max(14, names.map { $0.count }.max() ?? 0)
        let wheres = entries.map { e -> String in
            Console.safe(shortPath(e.location) + (e.shadows.isEmpty ? "" : " (hides \(e.shadows.map(shortPath).joined(separator: ", ")))"))
        }
        let whereWidth = wheres.map(\.count).max() ?? 0
        var out = ""
        for (i, t) in loaded.enumerated() {
            let marker = t.entry.name == active.entry.name && t.entry.path == active.entry.path ? "*" : " "
            var line = marker + " " + names[i].padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " "
            line += ThemeSetup.swatch(t.theme(for: depth), glyphs: glyphs, depth: color ? depth : nil)
            line += "  " + wheres[i].padding(toLength: whereWidth, withPad: " ", startingAt: 0)
            let problems = t.diagnostics.count
            let note = problems == 0 ? "" : " [\(problems) problem\(problems == 1 ? "" : "s"), see above]"
            line += "  " + Console.safe(t.description ?? "") + note
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        if active.entry.origin == .file {
            out += "* " + Console.safe(active.entry.name) + " " + ThemeSetup.swatch(active.theme(for: depth), glyphs: glyphs, depth: color ? depth : nil) + "  " + Console.safe(shortPath(active.entry.location)) + "\n"
        }
        for t in loaded { for d in t.diagnostics { Console.error(d.description) } }
        Console.out(out)
    }
}

/// Choosing, loading and reporting the theme for the dashboard and `snapshot`.
enum ThemeSetup {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// NO_COLOR set to anything but the empty string.
    static var colorOffByEnvironment: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    /// Reads config.toml, printing its problems to standard error.
    static func loadConfig() -> RagtopConfig? {
        let config = RagtopConfig.load(environment: environment)
        for d in config?.diagnostics ?? [] { Console.error(d.description) }
        return config
    }

    /// The catalog and the theme chosen by flag > RAGTOP_THEME > config > default (mono when
    /// colour is off). Prints every problem to standard error. A `--theme` that names no theme
    /// is a usage error; a bad RAGTOP_THEME or config value falls back with a warning.
    static func select(flag: String?, themesDir: String?, config: RagtopConfig?, colorOff: Bool) throws -> (catalog: ThemeCatalog, theme: LoadedTheme, explicit: Bool) {
        let catalog = ThemeCatalog(themesDir: themesDir, environment: environment, installedDirs: BundledData.themeDirectories)
        for w in catalog.warnings { Console.error("ragtop: warning: \(w)") }
        let choice = ThemeChoice.resolve(flag: flag, environment: environment, config: config)
        let (theme, problem) = catalog.select(choice, colorOff: colorOff)
        if let problem {
            if let flag, choice?.source == "--theme", case .failure(let why) = catalog.find(flag) { throw ValidationError(Console.safe("--theme: \(why.message)")) }
            Console.error("ragtop: warning: \(problem.message)")
        }
        for d in theme.diagnostics { Console.error(d.description) }
        return (catalog, theme, choice != nil && problem == nil)
    }

    /// ` ✖ R   ▲ A   ● G ` in each role's style (depth nil: no escape sequences).
    static func swatch(_ theme: Theme, glyphs: Glyphs, depth: ColorDepth?) -> String {
        let parts: [(StyleRole, String)] = [(.ragRed, glyphs.ragLabel(.red)), (.ragAmber, glyphs.ragLabel(.amber)), (.ragGreen, glyphs.ragLabel(.green))]
        return parts.map { role, label in
            guard let depth else { return " \(label) " }
            return AnsiRenderer.sgr(theme.style(role), depth: depth) + " \(label) " + "\u{1b}[0m"
        }.joined(separator: " ")
    }

    /// The status message after `t`: the theme's name and place in the cycle, and any problem.
    static func cycleMessage(_ loaded: LoadedTheme, catalog: ThemeCatalog, colorOff: Bool) -> (text: String, isError: Bool) {
        let names = catalog.entries().map(\.name)
        let position = names.firstIndex(of: loaded.entry.name).map { " (\($0 + 1)/\(names.count))" } ?? ""
        var text = "theme \(loaded.theme.name)\(position)"
        if let description = loaded.description, !description.isEmpty { text += ": \(description)" }
        if let first = loaded.diagnostics.first {
            let n = loaded.diagnostics.count
            text = "theme \(loaded.theme.name)\(position): \(n) problem\(n == 1 ? "" : "s"), first \(first.description) (ragtop themes lists them)"
        } else if colorOff {
            text += " · colour is off, only attributes change"
        }
        return (text, loaded.hasErrors)
    }
}
