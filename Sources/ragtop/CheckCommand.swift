import ArgumentParser
import ScorecardData

/// `ragtop check`: validate a dataset and report every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a dataset: print every error and warning as FILE:LINE:COL.",
        discussion: "Exit status: 0 when valid (warnings allowed), 65 on data errors, 66 when a directory or required file is missing."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    func run() throws {
        let result = try dataOptions.load(printWarnings: !quiet)
        let ds = result.dataset
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let rated = (0..<ds.observationCount).count { ds.rag(row: $0) != nil }
        Console.out("ok: \(ds.areas.count) areas, \(ds.indicators.count) indicators, \(ds.observationCount) observations (\(rated) rated), \(ds.benchmarks.count) benchmarks, \(ds.waits.count) waits; \(warnings) warning\(warnings == 1 ? "" : "s")\n")
    }
}
