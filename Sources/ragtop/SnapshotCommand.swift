import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Themes

/// `ragtop snapshot`: render a screen after some keys and clicks, without a terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render a dashboard screen without a terminal and print it.",
        discussion: """
        KEYS are space-separated names: letters and digits, Enter, Esc, Tab, S-Tab, Up, Down, Left, \
        Right, PgUp, PgDn, Home, End, Space, Backspace, F1-F12, C-x; and mouse events at a 0-based \
        column and row of the printed screen: click:X,Y, wheelup:X,Y, wheeldown:X,Y. Keys do what \
        they do in the dashboard, with the keys config.toml's [keys] sets: e writes the table to a \
        new CSV file in the export folder (--export-dir, else export_dir in config.toml, else the \
        working directory), C-r reloads (the next key waits for the reload, so a snapshot is the \
        same every time; the dashboard reloads in the background), t changes the theme. Example:
          ragtop snapshot --size 100x30 --keys "2 Down Enter"
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var changesOptions: ChangesOptions

    @Option(help: ArgumentHelp("Screen size, WIDTHxHEIGHT, from 1x1 to 1000x1000.", valueName: "WxH"))
    var size = ScreenSize(width: 80, height: 24)

    @Option(help: ArgumentHelp("Keys and clicks to apply before rendering.", valueName: "KEYS"))
    var keys: String = ""

    @Flag(help: "Add colours and attributes as ANSI escape sequences.")
    var ansi = false

    @Option(help: ArgumentHelp("Colour depth for --ansi.", valueName: "DEPTH"))
    var color: SnapshotDepth = .truecolor

    @Flag(help: "After the screen, print each cell's style role as one letter (the golden screens' format; see Tests/DashboardTests/Golden/README.md).")
    var roles = false

    func run() throws {
        var events: [InputEvent] = []
        for token in keys.split(separator: " ", omittingEmptySubsequences: true) {
            guard let e = InputEvent(token: String(token)) else {
                throw ValidationError(Console.safe("unknown key '\(token)' in --keys (see ragtop snapshot --help)"))
            }
            events.append(e)
        }
        let directories = try dataOptions.directories()
        let ds = try dataOptions.load().dataset
        let config = ThemeSetup.loadConfig()
        var state = try viewOptions.makeState(dataset: ds, width: size.width, height: size.height, config: config)
        try changesOptions.apply(to: &state, config: config)
        let depth = viewOptions.colorDisabled ? .none : color.depth
        // The theme as the dashboard would choose it; `t` in --keys cycles it as there.
        let colorOff = viewOptions.colorDisabled || (ansi && depth == .none)
        let themes = try ThemeSetup.select(flag: viewOptions.theme, themesDir: viewOptions.themesDir, config: config, colorOff: colorOff)
        var runner = EffectRunner(directories: directories, catalog: themes.catalog, theme: themes.theme.theme(for: depth), depth: depth, colorOff: colorOff,
                                  exportFolder: try viewOptions.exportFolder(config: config))
        // The keys as config.toml's [keys] sets them, as in the dashboard.
        state.rebind(config?.keymap ?? .defaults)
        state.update(.themeChanged(name: runner.theme.name, message: nil, isError: false))
        for event in events where !state.shouldQuit {
            runner.run(state.update(event), on: &state)
        }
        let canvas = state.render()
        if ansi {
            Console.out(AnsiRenderer.render(canvas, theme: runner.theme, depth: depth) + "\n")
        } else {
            Console.out(canvas.plainText + "\n")
        }
        if roles { Console.out(RoleGrid.text(canvas) + "\n") }
    }
}

/// `--size WxH`: a screen size; anything else is a usage error.
struct ScreenSize: ExpressibleByArgument {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        self.init(width: w, height: h)
    }

    var defaultValueDescription: String { "\(width)x\(height)" }
}

/// `--color` for `snapshot --ansi`: a colour depth; anything else is a usage error listing them.
enum SnapshotDepth: String, CaseIterable, ExpressibleByArgument {
    case truecolor
    case c256 = "256"
    case c16 = "16"
    case c8 = "8"
    case none

    var depth: ColorDepth {
        switch self {
        case .truecolor: .truecolor
        case .c256: .ansi256
        case .c16: .ansi16
        case .c8: .ansi8
        case .none: .none
        }
    }
}
