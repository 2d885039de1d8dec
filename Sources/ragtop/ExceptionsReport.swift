import ArgumentParser
import Foundation
import ScorecardData

/// `ragtop report --exceptions`: the exceptions pack (see `ExceptionsPack`).
extension ReportCommand {
    /// Prints the exceptions pack of `--area` (default: the dataset's main area) compared with
    /// `--since` (default: each figure's previous period).
    func runExceptions(format: ReportFormat) throws {
        guard exceptions else { throw ValidationError("--since goes with --exceptions") }
        if rag != nil || allPeriods || indicator != nil || group != nil {
            throw ValidationError("--exceptions chooses its own rows: leave out --rag, --all-periods, --indicator and --group")
        }
        let ds = try dataOptions.load().dataset
        let chosen: Area
        if let name = area {
            guard let a = ds.area(named: name) else {
                throw ValidationError(Console.safe("no area '\(name)': try one of \(ds.areas.prefix(16).map(\.name).joined(separator: ", "))"))
            }
            chosen = a
        } else {
            guard let a = ds.defaultArea else { throw ValidationError("the dataset has no areas") }
            chosen = a
        }
        let name = try dataOptions.directories().map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
        let point: ComparisonPoint = since.map { .since($0.period) } ?? .previousPeriod
        guard let pack = ds.exceptionsPack(area: chosen.code, comparedWith: point, datasetName: name) else {
            throw ValidationError(Console.safe("no area '\(chosen.code)'"))
        }
        let output = pack.render(format)
        if (format == .csv || format == .json) && isatty(1) == 1 { Console.text(output) } else { Console.out(output) }
    }
}
