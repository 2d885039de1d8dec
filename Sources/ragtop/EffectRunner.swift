import Dashboard
import Foundation
import ScorecardData
import Themes

/// Carries out the dashboard's effects — export a table, reload the data, switch theme — for
/// the dashboard and `snapshot` alike, and reports what came of each back to the state
/// through `update`, so both commands behave the same.
struct EffectRunner {
    let directories: [String]
    let catalog: ThemeCatalog
    let depth: ColorDepth
    /// Colour is off: a theme change only changes attributes (the message says so).
    let colorOff: Bool
    /// Where exports are written.
    let exportDirectory: String
    /// The theme in use.
    private(set) var theme: Theme

    init(directories: [String], catalog: ThemeCatalog, theme: Theme, depth: ColorDepth, colorOff: Bool,
         exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.directories = directories
        self.catalog = catalog
        self.theme = theme
        self.depth = depth
        self.colorOff = colorOff
        self.exportDirectory = exportDirectory
    }

    /// Carries out `effects`, feeding each outcome back into `state` (which may ask for more).
    mutating func run(_ effects: [Effect], on state: inout DashboardState) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if let result = run(effect) { pending += state.update(result) }
        }
    }

    /// Carries out one effect; nil when there is nothing to report (quit).
    mutating func run(_ effect: Effect) -> EffectResult? {
        switch effect {
        case .quit:
            return nil
        case .export(let name, let contents):
            switch SafeWriter.writeNew(named: name, contents: contents, in: exportDirectory) {
            case .success(let path): return .exported(path: path)
            case .failure(let why): return .exportFailed(why.message)
            }
        case .reload:
            let time = Clock.now()
            do {
                return .reloaded(try DatasetLoader.load(directories: directories).dataset, at: time)
            } catch {
                let first = error.errors.first?.description ?? "unreadable data"
                return .reloadFailed("reload failed at \(time), showing the last good data: \(first)")
            }
        case .cycleTheme:
            guard let next = catalog.next(after: theme.name) else { return nil }
            let loaded = catalog.load(next)
            theme = loaded.theme(for: depth)
            let message = ThemeSetup.cycleMessage(loaded, catalog: catalog, colorOff: colorOff)
            return .themeChanged(name: theme.name, message: message.text, isError: message.isError)
        }
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

/// Writes new files without ever replacing an existing one: a temporary file, then a hard
/// link to a name that is free.
enum SafeWriter {
    static func writeNew(named name: String, contents: String, in directory: String) -> Result<String, WriteFailure> {
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
