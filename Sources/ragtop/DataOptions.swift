import ArgumentParser
import Foundation
import ScorecardData

/// Where the data comes from: `--data DIR` (repeatable), else the bundled Kent scorecard and national data.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset directory (repeat to merge several). Default: the bundled Kent CYPE scorecard and national comparators.", valueName: "DIR"), completion: .directory)
    var data: [String] = []

    /// The directories to load.
    func directories() throws -> [String] {
        if !data.isEmpty { return data }
        return try BundledData.directories()
    }

    /// Loads the data, printing diagnostics to stderr (and a progress bar there, when it is a
    /// terminal and the load takes over half a second). Exits 65/66 on failure.
    func load(printWarnings: Bool = false) throws -> LoadResult {
        let dirs = try directories()
        let bar = LoadProgressBar.onStandardError()
        defer { bar?.finish() }
        do {
            var progress: (@Sendable (LoadProgress) -> Void)?
            if let bar { progress = { bar.update($0) } }
            let result = try DatasetLoader.load(directories: dirs, progress: progress)
            bar?.finish()
            if printWarnings { for d in result.diagnostics { Console.error(shown(d, directories: dirs).description) } }
            return result
        } catch {
            bar?.finish()
            for d in error.diagnostics { Console.error(shown(d, directories: dirs).description) }
            let errors = error.errors.count
            Console.error("ragtop: \(errors) error\(errors == 1 ? "" : "s") in \(dirs.joined(separator: ", ")); nothing was changed")
            throw error.missingInput ? ExitStatus.noInput : ExitStatus.dataError
        }
    }
}

extension DataOptions {
    /// A diagnostic as users see it: a bundled dataset's files relative to the dataset
    /// (`kent-cype-2024-10/observations.csv`), not deep in the build folder; the directories
    /// given with --data as given.
    func shown(_ d: Diagnostic, directories dirs: [String]) -> Diagnostic {
        guard data.isEmpty else { return d }
        var d = d
        for dir in dirs where d.path.hasPrefix(dir + "/") {
            d.path = URL(fileURLWithPath: dir).lastPathComponent + d.path.dropFirst(dir.count)
            break
        }
        return d
    }
}

/// Writing to standard error and output without buffering surprises.
enum Console {
    /// Writes a message and a line end to standard error. Messages quote data (cells, names,
    /// column headers, theme keys), so every control character, DEL, C1 control and bidi control
    /// in them becomes a visible `<U+XX>`: nothing on standard error can talk to the terminal.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((safe(message) + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes human-readable text that quotes data to standard output, made safe as `error` does.
    static func text(_ text: String) {
        out(safe(text))
    }

    /// `text` with every unsafe scalar but the line feed shown as `<U+XX>`.
    static func safe(_ text: String) -> String {
        SafeText.sanitize(text, keepingLineFeeds: true)
    }

    /// True when stdout is a terminal and NO_COLOR is unset or empty.
    static var colorOnStdout: Bool {
        isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
