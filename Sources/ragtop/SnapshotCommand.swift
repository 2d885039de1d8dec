import ArgumentParser
import Dashboard
import ScorecardData
import Themes

/// `ragtop snapshot`: render a screen after some keys, without a terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render a dashboard screen without a terminal and print it.",
        discussion: """
        KEYS are space-separated names: letters and digits, Enter, Esc, Tab, S-Tab, Up, Down, Left, \
        Right, PgUp, PgDn, Home, End, Space, Backspace, F1-F12, C-x. Example:
          ragtop snapshot --size 100x30 --keys "2 Down Enter"
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: ArgumentHelp("Screen size, WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "80x24"

    @Option(help: ArgumentHelp("Keys to press before rendering.", valueName: "KEYS"))
    var keys: String = ""

    @Flag(help: "Add colours and attributes as ANSI escape sequences.")
    var ansi = false

    @Option(help: ArgumentHelp("Colour depth for --ansi: truecolor, 256, 16 or none.", valueName: "DEPTH"), completion: Completions.colorDepths)
    var color: String = "truecolor"

    func run() throws {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            throw ValidationError("--size must be WIDTHxHEIGHT between 1x1 and 1000x1000, e.g. 80x24, not '\(size)'")
        }
        var parsedKeys: [Key] = []
        for name in keys.split(separator: " ", omittingEmptySubsequences: true) {
            guard let k = Key(name: String(name)) else {
                throw ValidationError("unknown key '\(name)' in --keys (see ragtop snapshot --help)")
            }
            parsedKeys.append(k)
        }
        let ds = try dataOptions.load().dataset
        let config = ThemeSetup.loadConfig()
        var state = try viewOptions.makeState(dataset: ds, width: w, height: h, config: config)
        var depth: ColorDepth = switch color.lowercased() {
        case "256": .ansi256
        case "16": .ansi16
        case "8": .ansi8
        case "none", "0": .none
        default: .truecolor
        }
        if viewOptions.colorDisabled { depth = .none }
        // The theme as the dashboard would choose it; `t` in --keys cycles it as there.
        let colorOff = viewOptions.colorDisabled || (ansi && depth == .none)
        let themes = try ThemeSetup.select(flag: viewOptions.theme, themesDir: viewOptions.themesDir, config: config, colorOff: colorOff)
        var theme = themes.theme.theme(for: depth)
        state.themeName = theme.name
        for key in parsedKeys {
            if state.shouldQuit { break }
            let effects = state.apply(keys: [key])
            guard effects.contains(.cycleTheme), let next = themes.catalog.next(after: theme.name) else { continue }
            let loaded = themes.catalog.load(next)
            theme = loaded.theme(for: depth)
            state.themeName = theme.name
            let message = ThemeSetup.cycleMessage(loaded, catalog: themes.catalog, colorOff: colorOff)
            state.message = message.text
            state.messageIsError = message.isError
        }
        let canvas = state.render()
        if ansi {
            Console.out(AnsiRenderer.render(canvas, theme: theme, depth: depth) + "\n")
        } else {
            Console.out(canvas.plainText + "\n")
        }
    }
}
