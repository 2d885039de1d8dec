import ArgumentParser
import ScorecardData

/// `ragtop check`: validate a dataset and report every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a dataset: print every error, and the warnings grouped by kind, as FILE:LINE:COL.",
        discussion: """
        Warnings are grouped by kind, each group with its count and its first \(CheckCommand.examples) warnings; \
        --verbose lists every one. Exit status: 0 when valid (warnings allowed), 65 on data errors, \
        66 when a directory or required file is missing.
        """
    )

    /// Warnings shown of each kind without --verbose.
    static let examples = 3

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every warning of each kind, not only the first \(CheckCommand.examples).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() throws {
        let result = try dataOptions.load()
        let dirs = try dataOptions.directories()
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        if !quiet {
            for (kind, group) in warnings.groupedByKind() {
                Console.error("\(kind.title): \(group.count) warning\(group.count == 1 ? "" : "s")")
                let shown = verbose ? group[...] : group.prefix(CheckCommand.examples)
                for d in shown { Console.error(dataOptions.shown(d, directories: dirs).description) }
                if shown.count < group.count {
                    Console.error("… \(group.count - shown.count) more (ragtop check --verbose lists every one)")
                }
            }
        }
        let ds = result.dataset
        let (rated, undecided) = ds.ratingSourceCounts()
        Console.out("ok: \(ds.areas.count) areas, \(ds.indicators.count) indicators, \(ds.observationCount) observations (\(rated) rated, \(undecided) undecided), \(ds.benchmarks.count) benchmarks, \(ds.waits.count) waits; \(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n")
    }
}
