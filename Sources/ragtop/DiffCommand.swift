import ArgumentParser
import Foundation
import ScorecardData

/// `ragtop diff OLD NEW`: what changed between two editions of a dataset.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two editions of a dataset: rating changes, revised figures, additions, removals, changed targets.",
        discussion: """
        OLD and NEW are dataset directories, e.g. last month's and this month's scorecard. Reported: \
        the rating of each area's latest figure where it differs; revised figures (the same area, \
        indicator, team and period with a different value, numerator, denominator or published \
        rating); areas, indicators, series and figures added or removed; changed targets, floors, \
        bands, polarity and decimals.
        CSV and JSON fields: \(EditionDiff.fields.joined(separator: ", ")). change is rating, revised, \
        added, removed or target; area_code is empty when the change is an indicator's.
        Exit status, as diff(1): 0 no differences, 1 differences; 64 bad usage, 65 bad data, 66 a \
        missing directory or file (errors as FILE:LINE:COL, saying which edition).
        """
    )

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, csv, json, markdown

        var report: ReportFormat {
            switch self {
            case .text: .text
            case .csv: .csv
            case .json: .json
            case .markdown: .markdown
            }
        }
    }

    @Argument(help: ArgumentHelp("The older edition: a dataset directory.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The newer edition: a dataset directory.", valueName: "NEW"))
    var new: String

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let editions = [(label: "old", path: old), (label: "new", path: new)]
        var loaded: [Dataset] = []
        var missing = false, failed = false
        for edition in editions {
            do {
                loaded.append(try DatasetLoader.load(directory: edition.path).dataset)
            } catch {
                for d in error.diagnostics { Console.error(d.description) }
                let n = error.errors.count
                Console.error("ragtop: \(n) error\(n == 1 ? "" : "s") in the \(edition.label) edition (\(edition.path)); nothing was changed")
                failed = true
                missing = missing || error.missingInput
            }
        }
        if failed { throw missing ? ExitStatus.noInput : ExitStatus.dataError }
        let diff = EditionDiff(old: loaded[0], new: loaded[1])
        let output = diff.render(format.report, old: old, new: new)
        // As `report`: CSV and JSON keep data as data for files and pipes, and are made safe on a
        // terminal; text and Markdown are made safe by the renderer.
        if (format == .csv || format == .json) && isatty(1) == 1 { Console.text(output) } else { Console.out(output) }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
