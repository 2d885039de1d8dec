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
    let exportFolder: ExportFolder
    /// The theme in use.
    private(set) var theme: Theme

    init(directories: [String], catalog: ThemeCatalog, theme: Theme, depth: ColorDepth, colorOff: Bool,
         exportFolder: ExportFolder = .currentDirectory) {
        self.directories = directories
        self.catalog = catalog
        self.theme = theme
        self.depth = depth
        self.colorOff = colorOff
        self.exportFolder = exportFolder
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
            switch SafeWriter.writeNew(named: name, contents: contents, in: exportFolder.path) {
            case .success(let path): return .exported(path: path)
            case .failure(let why): return .exportFailed(exportFolder.failure(why.message))
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
/// link to a name that is free (where the file system has no hard links, the free name itself
/// is created with O_EXCL). Nothing is written outside `directory`.
enum SafeWriter {
    static func writeNew(named name: String, contents: String, in directory: String) -> Result<String, WriteFailure> {
        let dir = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let prefix = dir == "/" ? "" : dir
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        let bytes = Array(contents.utf8)
        func candidate(_ n: Int) -> String { prefix + "/" + (n == 0 ? name : "\(base)-\(n).\(ext)") }
        /// Creates the first free one of `path(0..<limit)`; its path, or why not.
        func createFree(_ limit: Int, _ path: (Int) -> String) -> Result<String, WriteFailure> {
            for n in 0..<limit {
                guard let code = NewFile.create(path(n), bytes) else { return .success(path(n)) }
                if code != EEXIST { return .failure(WriteFailure(folder: dir, errno: code)) }
            }
            return .failure(WriteFailure(message: "no free file name for \(name) in \(dir)"))
        }

        let temp: String
        switch createFree(100, { prefix + "/.\(base).\(getpid())-\($0).tmp" }) {
        case .success(let path): temp = path
        case .failure(let why): return .failure(why)
        }
        defer { unlink(temp) }
        for n in 0..<1000 {
            // link(2) fails if the target exists, so nothing is ever overwritten.
            if link(temp, candidate(n)) == 0 { return .success(candidate(n)) }
            switch errno {
            case EEXIST: continue
            case EPERM, ENOTSUP, EOPNOTSUPP, EMLINK: return createFree(1000, candidate)
            case let code: return .failure(WriteFailure(folder: dir, errno: code))
            }
        }
        return .failure(WriteFailure(message: "no free file name for \(name) in \(dir)"))
    }
}

/// Why a file could not be written.
struct WriteFailure: Error {
    var message: String

    init(message: String) { self.message = message }

    /// What an errno from creating or writing a file in `folder` means, in words.
    init(folder: String, errno code: Int32) {
        switch code {
        case ENOENT: message = "\(folder) does not exist"
        case ENOTDIR: message = "\(folder) is not a folder"
        case EACCES, EPERM: message = "\(folder) is not writable"
        case EROFS: message = "\(folder) is on a read-only file system"
        case ENOSPC, EDQUOT: message = "no space left in \(folder)"
        default: message = "cannot write in \(folder): \(NewFile.describe(code))"
        }
    }
}
