import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Terminal
import Themes

/// `ragtop` with no subcommand: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (the default). Press ? for help."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var changesOptions: ChangesOptions

    @Flag(help: "Ignore the mouse.")
    var noMouse = false

    /// The dashboard's options as its help prints them, for `ragtop --help` (the dashboard is
    /// the default subcommand, so its options are ragtop's).
    static var optionsHelp: String {
        // At the width ragtop's own help is wrapped to, so its lines are kept as they are.
        let help = helpMessage()
        guard let start = help.range(of: "OPTIONS:") else { return "" }
        var options = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("--help") && !$0.contains("--version") }
        while options.last?.isEmpty == true { options.removeLast() }
        return "\nDASHBOARD OPTIONS (ragtop [options] is ragtop dashboard [options]):" + options.joined(separator: "\n")
    }

    func run() throws {
        // Load (and refuse bad data) before touching the terminal.
        let directories = try dataOptions.directories()
        let config = ThemeSetup.loadConfig()
        // The state is the data's only owner, so a reload frees the data it replaces.
        var state = try viewOptions.makeState(dataset: try dataOptions.load().dataset, width: 80, height: 24, config: config)
        try changesOptions.apply(to: &state, config: config)
        let themes = try ThemeSetup.select(flag: viewOptions.theme, themesDir: viewOptions.themesDir, config: config, colorOff: viewOptions.colorDisabled)
        let exportFolder = try viewOptions.exportFolder(config: config)
        state.rebind(config?.keymap ?? .defaults)
        guard isatty(0) == 1 && isatty(1) == 1 else {
            Console.error("ragtop: the dashboard needs a terminal; use 'ragtop report' or 'ragtop snapshot' for output to a pipe or file")
            throw ExitCode(64)
        }
        try MainActor.assumeIsolated {
            try runLoop(state: &state, directories: directories, themes: themes, exportFolder: exportFolder)
        }
    }

    @MainActor
    private func runLoop(state: inout DashboardState, directories: [String], themes: (catalog: ThemeCatalog, theme: LoadedTheme, explicit: Bool),
                         exportFolder: ExportFolder) throws {
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(options: TerminalOptions(colorMode: viewOptions.colorDisabled ? .none : .auto, mouse: !noMouse))
        } catch {
            Console.error("ragtop: \(error)")
            throw ExitCode(1)
        }
        defer { screen.restore() }
        var watcher = DataWatcher(directories: directories)
        // Colour off (NO_COLOR, --no-color, or a terminal without colour) and no theme chosen: mono.
        var loaded = themes.theme
        if screen.colorDepth == .none && !themes.explicit && loaded.entry.name == "default", case .success(let mono) = themes.catalog.find("mono") {
            loaded = themes.catalog.load(mono)
        }
        // Reloads run in the background and wake the loop with their progress; without a pipe
        // (no file descriptors left) they run in the loop, as in snapshot.
        let wakeup = Wakeup()
        let reloads: ReloadMode = wakeup.map { w in .background(wake: { w.signal() }) } ?? .waiting
        var runner = EffectRunner(directories: directories, catalog: themes.catalog, theme: loaded.theme(for: screen.colorDepth),
                                  depth: screen.colorDepth, colorOff: screen.colorDepth == .none, exportFolder: exportFolder, reloads: reloads)
        let problems = loaded.diagnostics.isEmpty ? nil : ThemeSetup.cycleMessage(loaded, catalog: themes.catalog, colorOff: false)
        state.update(.themeChanged(name: runner.theme.name, message: problems?.text, isError: loaded.hasErrors))
        state.update(.resize(width: screen.width, height: screen.height))
        screen.paint(state.render(), theme: runner.theme)
        while !state.shouldQuit {
            // Wake at least every 2 s to look for changed data files, and whenever a reload in the
            // background has news; otherwise sleep in the kernel.
            let event = screen.nextEvent(timeoutMilliseconds: DataWatcher.intervalMilliseconds, wakeup: wakeup)
            var effects: [Effect] = []
            if let event { effects = state.update(event) }
            // A reload's progress, then its new data (swapped in keeping the position) or failure.
            var swapped = false
            for result in runner.collect() {
                effects += state.update(result)
                if case .reloaded = result { swapped = true }
            }
            // A change while a reload runs queues one more (the state keeps one reload at a time).
            if event == nil, watcher.changed() { effects += state.requestReload() }
            runner.run(effects, on: &state)
            // A reload started (by key, by the watcher, or queued) brings the watcher up to date.
            if effects.contains(.reload) { _ = watcher.changed() }
            if state.shouldQuit { break }
            screen.paint(state.render(), theme: runner.theme)
            // The replaced data is freed by now: hand its pages back to the system (glibc keeps
            // them otherwise, about a sixth of a dataset more after every reload).
            if swapped { FreedMemory.release() }
        }
    }
}

/// Notices changed data files by their size, modification time and inode.
struct DataWatcher {
    /// 2 s; RAGTOP_TEST_WATCH_INTERVAL_MS (a test-only hook) lengthens it, so a test can show that
    /// a reload's progress wakes the loop by itself.
    static let intervalMilliseconds: Int32 = ProcessInfo.processInfo.environment["RAGTOP_TEST_WATCH_INTERVAL_MS"].flatMap { Int32($0) }.map { max(100, $0) } ?? 2000
    let paths: [String]
    private var signatures: [FileSignature?]

    init(directories: [String]) {
        paths = directories.flatMap { d in (DatasetLoader.requiredFiles + DatasetLoader.optionalFiles).map { d + "/" + $0 } }
        signatures = paths.map(FileReader.signature(of:))
    }

    /// True if any file changed since the last call.
    mutating func changed() -> Bool {
        let now = paths.map(FileReader.signature(of:))
        defer { signatures = now }
        return now != signatures
    }
}
