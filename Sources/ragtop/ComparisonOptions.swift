import ArgumentParser
import ScorecardData

/// `report --neighbours` and `--sort`: an area beside its statistical neighbours, and the order
/// of the rows.
struct ComparisonOptions: ParsableArguments {
    @Flag(help: "With --area: the area and its statistical neighbours (neighbours.csv), each with its figure, its rank among them, and the neighbours' mean and median.")
    var neighbours = false

    @Option(help: ArgumentHelp("Sort the rows by a column, ascending or with :desc descending, e.g. value:desc, rag (RED first), gap (furthest short of its target first); empty cells last. With --neighbours each group is sorted.",
                               valueName: "COLUMN[:desc]"))
    var sort: ReportSort?

    /// The report's rows: `query`'s, sorted, or with `--neighbours` the area's neighbour groups.
    func rows(_ ds: Dataset, area: Area?, query: ReportQuery) throws -> [ReportRow] {
        guard neighbours else {
            let rows = ds.report(query)
            return sort?.sorted(rows) ?? rows
        }
        guard let area else { throw ValidationError("--neighbours needs --area: the area to compare with its neighbours") }
        guard !ds.neighbours.of(area.code).isEmpty else {
            let some = ds.neighbours.areas.prefix(3).compactMap { ds.area(code: $0)?.name }
            let hint = some.isEmpty ? "the data has no neighbours.csv" : "\(ds.neighbours.areas.count) areas have some, e.g. \(some.joined(separator: ", "))"
            throw ValidationError(Console.safe("no statistical neighbours for \(area.name) (\(area.code)) in neighbours.csv: \(hint)"))
        }
        let report = ds.neighbourReport(area: area.code, query, sort: sort)
        if report.indicatorsWithoutNeighbours > 0 {
            let n = report.indicatorsWithoutNeighbours
            Console.error(Console.safe("ragtop: left out \(n) indicator\(n == 1 ? "" : "s") of \(area.name) that none of its neighbours has"))
        }
        return report.rows
    }
}

extension ReportSort: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    /// `--sort`'s columns, each ascending (`COLUMN`) or descending (`COLUMN:desc`).
    public static var allValueStrings: [String] { ReportColumn.allCases.map(\.rawValue) }
}
