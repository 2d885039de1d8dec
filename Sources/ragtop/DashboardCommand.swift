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

    @Flag(help: "Ignore the mouse.")
    var noMouse = false

    func run() throws {
        // Load (and refuse bad data) before touching the terminal.
        let directories = try dataOptions.directories()
        let dataset = try dataOptions.load().dataset
        let config = ThemeSetup.loadConfig()
        var state = try viewOptions.makeState(dataset: dataset, width: 80, height: 24, config: config)
        let themes = try ThemeSetup.select(flag: viewOptions.theme, themesDir: viewOptions.themesDir, config: config, colorOff: viewOptions.colorDisabled)
        guard isatty(0) == 1 && isatty(1) == 1 else {
            Console.error("ragtop: the dashboard needs a terminal; use 'ragtop report' or 'ragtop snapshot' for output to a pipe or file")
            throw ExitCode(64)
        }
        try MainActor.assumeIsolated {
            try runLoop(state: &state, directories: directories, themes: themes)
        }
    }

    @MainActor
    private func runLoop(state: inout DashboardState, directories: [String], themes: (catalog: ThemeCatalog, theme: LoadedTheme, explicit: Bool)) throws {
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
        var theme = loaded.theme(for: screen.colorDepth)
        state.themeName = theme.name
        if !loaded.diagnostics.isEmpty {
            state.message = ThemeSetup.cycleMessage(loaded, catalog: themes.catalog, colorOff: false).text
            state.messageIsError = loaded.hasErrors
        }
        state.reloadedAt = nil
        _ = state.update(.resize(width: screen.width, height: screen.height))
        screen.paint(state.render(), theme: theme)
        while !state.shouldQuit {
            // Wake at least every 2 s to look for changed data files; otherwise sleep in the kernel.
            let event = screen.nextEvent(timeoutMilliseconds: DataWatcher.intervalMilliseconds)
            var effects: [Effect] = []
            if let event {
                effects = state.update(event)
            }
            if event == nil || effects.contains(.reload) {
                if watcher.changed() || effects.contains(.reload) {
                    reload(&state, directories: directories)
                }
            }
            for effect in effects {
                switch effect {
                case .quit: state.shouldQuit = true
                case .export(let name, let contents):
                    switch SafeWriter.writeNew(named: name, contents: contents) {
                    case .success(let path): state.message = "exported \(path)"; state.messageIsError = false
                    case .failure(let why): state.message = "export failed: \(why.message)"; state.messageIsError = true
                    }
                case .cycleTheme:
                    if let next = themes.catalog.next(after: theme.name) {
                        let nextTheme = themes.catalog.load(next)
                        theme = nextTheme.theme(for: screen.colorDepth)
                        state.themeName = theme.name
                        let message = ThemeSetup.cycleMessage(nextTheme, catalog: themes.catalog, colorOff: screen.colorDepth == .none)
                        state.message = message.text
                        state.messageIsError = message.isError
                    }
                case .reload: break
                }
            }
            if state.shouldQuit { break }
            screen.paint(state.render(), theme: theme)
        }
    }

    @MainActor
    private func reload(_ state: inout DashboardState, directories: [String]) {
        let time = Clock.now()
        do {
            let result = try DatasetLoader.load(directories: directories)
            state.replaceDataset(result.dataset, at: time)
        } catch {
            let first = error.errors.first?.description ?? "unreadable data"
            state.reloadFailed("reload failed at \(time), showing the last good data: \(first)")
        }
    }
}

/// Notices changed data files by their size, modification time and inode.
struct DataWatcher {
    static let intervalMilliseconds: Int32 = 2000
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

/// Wall-clock time for the status line.
enum Clock {
    static func now() -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date())
    }
}

/// Writes new files without ever replacing an existing one: a temporary file, then a rename to a
/// name that is free.
enum SafeWriter {
    static func writeNew(named name: String, contents: String, in directory: String = FileManager.default.currentDirectoryPath) -> Result<String, WriteFailure> {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        let fm = FileManager.default
        let temp = directory + "/.\(base).\(getpid()).tmp"
        guard fm.createFile(atPath: temp, contents: Data(contents.utf8)) else { return .failure(WriteFailure(message: "cannot write in \(directory)")) }
        for n in 0..<1000 {
            let candidate = directory + "/" + (n == 0 ? name : "\(base)-\(n).\(ext)")
            // link(2) fails if the target exists, so nothing is ever overwritten.
            if link(temp, candidate) == 0 {
                unlink(temp)
                return .success(candidate)
            }
            if errno != EEXIST { break }
        }
        unlink(temp)
        return .failure(WriteFailure(message: "no free file name for \(name)"))
    }
}

/// Why a file could not be written.
struct WriteFailure: Error {
    var message: String
}
