/// One figure in the exceptions pack: a RED figure or a worsened rating, with what a committee
/// reads beside it.
public struct ExceptionRow: Sendable {
    /// The figure, its comparison, direction, trend and periods in RED.
    public var change: ChangeRow
    /// The latest England benchmark of the indicator (a comparator named `England…`).
    public var england: Benchmark?
    /// The latest other benchmark: the region, statistical neighbours …
    public var comparator: Benchmark?
    /// The newest commentary for the figure's period (see `Dataset.currentNotes`).
    public var commentary: [Note]
    /// The newest corrective actions for the figure's period.
    public var actions: [Note]
}

/// The rows of one indicator group (a table of the scorecard).
public struct ExceptionGroup: Sendable {
    public var name: String
    public var rows: [ExceptionRow]
}

/// The exceptions pack (`ragtop report --exceptions`): every RED figure of an area and every
/// rating that worsened since the comparison point, grouped by the indicators' groups, with
/// targets, benchmarks, direction, trend, periods in RED, commentary and actions. Nothing that is
/// unchanged and not RED.
public struct ExceptionsPack: Sendable {
    /// The dataset's name for the title (e.g. its directory names).
    public let datasetName: String
    public let area: Area
    /// The period most of the area's latest figures are for (the scorecard's month).
    public let reportingPeriod: Period?
    /// What the figures are compared with, for the title: `Sep-24`, `Oct-23`, an edition's name.
    public let comparedWith: String
    /// Groups in indicator order; rows in the area's series order.
    public let groups: [ExceptionGroup]

    public var rows: [ExceptionRow] { groups.flatMap(\.rows) }
}

extension Dataset {
    /// The exceptions pack of an area. `comparisonName` names another edition in the title
    /// (used with `.edition`). Nil when there is no such area.
    public func exceptionsPack(area code: String, comparedWith point: ComparisonPoint = .previousPeriod,
                               datasetName: String, comparisonName: String = "the other edition") -> ExceptionsPack? {
        guard let changes = changes(area: code, comparedWith: point) else { return nil }
        let bySeries = Dictionary(changes.rows.map { ($0.series, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [ExceptionGroup] = []
        for s in seriesIDs(area: code) {
            guard let c = bySeries[s], c.latest.rating == .red || c.group == .worsened else { continue }
            let benchmarks = latestBenchmarks(indicator: c.indicator.code)
            let england = benchmarks.first { $0.comparator.lowercased().hasPrefix("england") }
            let other = benchmarks.first { !$0.comparator.lowercased().hasPrefix("england") }
            let row = ExceptionRow(
                change: c, england: england, comparator: other,
                commentary: currentNotes(area: code, indicator: c.indicator.code, kind: .commentary, at: c.latest.period),
                actions: currentNotes(area: code, indicator: c.indicator.code, kind: .action, at: c.latest.period))
            if let k = groups.firstIndex(where: { $0.name == c.indicator.group }) {
                groups[k].rows.append(row)
            } else {
                groups.append(ExceptionGroup(name: c.indicator.group, rows: [row]))
            }
        }
        let latest = changes.reportingPeriod
        let compared: String
        switch point {
        case .previousPeriod: compared = latest.map { $0.previous.label } ?? "the previous period"
        case .since(let p): compared = p.label
        case .yearEarlier: compared = latest.map { $0.yearEarlier.label } ?? "a year earlier"
        case .edition: compared = comparisonName
        }
        return ExceptionsPack(datasetName: datasetName, area: changes.area, reportingPeriod: latest, comparedWith: compared, groups: groups)
    }
}
