import ScorecardData

/// What the changes pane compares each area's latest figures with: the dashboard's choice of a
/// `ComparisonPoint` (`--since`, `--compare-data`, the config's `since`, and `c` in the pane).
public enum Comparison: Hashable, Sendable {
    /// Each figure's previous period of its kind (the default).
    case previousPeriod
    /// The figures as they stood at the end of a period (`--since 2024-08`).
    case since(Period)
    /// The same period a year earlier.
    case yearEarlier
    /// The other edition of the data (`--compare-data DIR`); only when one is loaded.
    case edition

    /// The data query's comparison point; nil for `.edition` without an edition loaded.
    public func point(_ edition: Edition?) -> ComparisonPoint? {
        switch self {
        case .previousPeriod: .previousPeriod
        case .since(let p): .since(p)
        case .yearEarlier: .yearEarlier
        case .edition: edition.map { .edition($0.dataset) }
        }
    }

    /// How the pane's title says it, for figures of `latest`: `Sep-24, the previous period`,
    /// `the end of Aug-24`, `Oct-23, a year earlier`, `the edition kent-2024-08`.
    public func phrase(latest: Period?, edition: Edition?) -> String {
        switch self {
        case .previousPeriod: latest.map { "\($0.previous.label), the previous period" } ?? "the previous period"
        case .since(let p): "the end of \(p.label)"
        case .yearEarlier: latest.map { "\($0.yearEarlier.label), a year earlier" } ?? "a year earlier"
        case .edition: "the edition \(edition?.name ?? "(none loaded)")"
        }
    }

    /// A few words for file names: `previous`, `since-2024-08`, `year-earlier`, `edition`.
    public var slug: String {
        switch self {
        case .previousPeriod: "previous"
        case .since(let p): "since-\(p.description)"
        case .yearEarlier: "year-earlier"
        case .edition: "edition"
        }
    }
}

/// Another edition of the data to compare with (`--compare-data DIR`): its dataset and a name
/// for titles (its directory's name).
public struct Edition: Sendable {
    public var dataset: Dataset
    public var name: String

    public init(dataset: Dataset, name: String) {
        self.dataset = dataset
        self.name = name
    }
}
