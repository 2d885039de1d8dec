import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Themes

/// What the changes pane (6) compares the latest figures with, for the dashboard and `snapshot`:
/// `--since PERIOD`, or another edition with `--compare-data DIR`, else config.toml's `since`,
/// else each figure's previous period.
struct ChangesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The changes pane compares the latest figures with those at the end of PERIOD (default: each figure's previous period, or since in config.toml). \(PeriodArgument.forms).",
                               valueName: "PERIOD"))
    var since: PeriodArgument?

    @Option(name: .customLong("compare-data"),
            help: ArgumentHelp("The changes pane compares with another edition of the data: a dataset directory, loaded and checked as --data is (repeat to merge several).",
                               valueName: "DIR"),
            completion: .directory)
    var compareData: [String] = []

    func validate() throws {
        if since != nil && !compareData.isEmpty {
            throw ValidationError("--since and --compare-data both say what the changes pane compares with: give one")
        }
    }

    /// Sets the state's comparison: the edition in `--compare-data` (loaded and checked first:
    /// errors as FILE:LINE:COL, exit 65, or 66 for a missing directory or file), else `--since`,
    /// else the config's `since`.
    func apply(to state: inout DashboardState, config: RagtopConfig?) throws {
        if !compareData.isEmpty {
            state.compare(withEdition: try loadEdition(), named: editionName)
        } else if let since {
            state.compare(with: .since(since.period))
        } else if let since = config?.since {
            state.compare(with: .since(since))
        }
    }

    /// The edition's name for titles: its directories' names.
    var editionName: String {
        compareData.map { URL(fileURLWithPath: $0).standardized.lastPathComponent }.joined(separator: " + ")
    }

    /// Loads `--compare-data`, printing every diagnostic and a last line naming the edition.
    func loadEdition() throws -> Dataset {
        do {
            return try DatasetLoader.load(directories: compareData).dataset
        } catch {
            for d in error.diagnostics { Console.error(d.description) }
            let n = error.errors.count
            Console.error("ragtop: \(n) error\(n == 1 ? "" : "s") in the edition to compare with (--compare-data \(compareData.joined(separator: ", "))); nothing was changed")
            throw error.missingInput ? ExitStatus.noInput : ExitStatus.dataError
        }
    }
}
