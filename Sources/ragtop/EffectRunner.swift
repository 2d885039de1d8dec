import Dashboard
import Foundation
import ScorecardData
import Synchronization
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
    /// How a reload runs.
    let reloads: ReloadMode
    /// What a reload in the background has to report, until `collect()` takes it.
    private let inbox = ReloadInbox()
    /// RAGTOP_TEST_LOAD_DELAY_MS: a test-only hook that makes a reload in the background pause
    /// this long before it starts and at each report of progress, so tests can act while it runs. 0 (unset) in use.
    private let testDelayMilliseconds: UInt32

    init(directories: [String], catalog: ThemeCatalog, theme: Theme, depth: ColorDepth, colorOff: Bool,
         exportFolder: ExportFolder = .currentDirectory, reloads: ReloadMode = .waiting) {
        self.directories = directories
        self.reloads = reloads
        testDelayMilliseconds = ProcessInfo.processInfo.environment["RAGTOP_TEST_LOAD_DELAY_MS"].flatMap { UInt32($0) }.map { min($0, 60_000) } ?? 0
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
            switch reloads {
            case .waiting:
                return Self.reload(directories, progress: nil)
            case .background(let wake):
                startReload(wake: wake)
                return .reloadStarted(file: directories.count == 1 ? "observations.csv" : "observations.csv (\(directories.count) datasets)")
            }
        case .cycleTheme:
            guard let next = catalog.next(after: theme.name) else { return nil }
            let loaded = catalog.load(next)
            theme = loaded.theme(for: depth)
            let message = ThemeSetup.cycleMessage(loaded, catalog: catalog, colorOff: colorOff)
            return .themeChanged(name: theme.name, message: message.text, isError: message.isError)
        }
    }

    /// What a reload in the background reported since the last call: its latest progress, then
    /// its outcome once it has one. The dashboard calls this each time it is woken.
    func collect() -> [EffectResult] { inbox.take() }

    /// Loads the data on a thread of its own, posting progress and the outcome to the inbox and
    /// waking the main loop for each. The thread holds nothing the main loop needs: quitting
    /// while it runs simply ends the process.
    private func startReload(wake: @escaping @Sendable () -> Void) {
        let (inbox, directories, delay) = (self.inbox, self.directories, testDelayMilliseconds)
        let thread = Thread {
            // The test hook pauses before the load too: a small file reports only its end.
            if delay > 0 { usleep(delay * 1000) }
            let result = Self.reload(directories) { progress in
                inbox.post(progress)
                wake()
                if delay > 0 { usleep(delay * 1000) }
            }
            inbox.post(result)
            wake()
        }
        // As much stack as the main thread, where loads ran before.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Loads the data again: `.reloaded` with the new data, or `.reloadFailed` saying why.
    private static func reload(_ directories: [String], progress: (@Sendable (LoadProgress) -> Void)?) -> EffectResult {
        let time = Clock.now()
        do {
            return .reloaded(try DatasetLoader.load(directories: directories, progress: progress).dataset, at: time)
        } catch {
            let first = error.errors.first?.description ?? "unreadable data"
            return .reloadFailed("reload failed at \(time), showing the last good data: \(first)")
        }
    }
}

/// How the effect runner reloads data.
enum ReloadMode {
    /// In the calling thread: the key that asked waits for it (`snapshot`, so its screens are
    /// deterministic: `--keys "C-r Down"` moves on the reloaded data).
    case waiting
    /// On a thread of its own, calling `wake` whenever there is progress or an outcome to
    /// `collect()` (the dashboard, whose keys never wait for a load).
    case background(wake: @Sendable () -> Void)
}

/// The mailbox between a reload's thread and the main loop: only the latest progress is kept
/// (the screen shows no more), and the outcome.
final class ReloadInbox: Sendable {
    private let box = Mutex<(progress: LoadProgress?, outcome: EffectResult?)>((nil, nil))

    func post(_ progress: LoadProgress) { box.withLock { $0.progress = progress } }

    func post(_ outcome: EffectResult) { box.withLock { $0.outcome = outcome } }

    /// The progress and then the outcome posted since the last call; both are taken.
    func take() -> [EffectResult] {
        box.withLock { box in
            defer { box = (nil, nil) }
            return [box.progress.map { .reloadProgress($0) }, box.outcome].compactMap { $0 }
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
