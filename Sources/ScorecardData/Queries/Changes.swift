/// What each series' latest figure is compared with in "what changed".
public enum ComparisonPoint: Sendable {
    /// The figure before the latest, of the same period kind (the default): September for an
    /// October month, Q1 for Q2.
    case previousPeriod
    /// The figure that was latest at the end of a period (`--since 2024-08`): the last figure of
    /// the series' own kind ending no later than it. For a series with nothing newer, that is the
    /// latest figure itself, which then has not changed.
    case since(Period)
    /// The same period a year earlier (October 2023 for October 2024, Q2 2023-24 for Q2 2024-25).
    case yearEarlier
    /// Another edition of the dataset: the latest figure of the same area, indicator and team there.
    case edition(Dataset)
}

/// How a figure's rating moved between the comparison point and now.
public enum ChangeGroup: Int, Sendable, CaseIterable, Comparable {
    /// RED now, and not RED at the comparison point (AMBER, GREEN, unrated or no figure).
    case newlyRed
    /// A worse rating than at the comparison point, not RED (GREEN → AMBER).
    case worsened
    /// A better rating, not GREEN (RED → AMBER).
    case improved
    /// GREEN now after RED or AMBER.
    case backToGreen
    /// RED now and at the comparison point.
    case stillRed
    /// The same rating (not RED), or nothing rated to compare.
    case unchanged

    public static func < (lhs: ChangeGroup, rhs: ChangeGroup) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A heading: `Newly RED`, `Worsened`, `Improved`, `Back to GREEN`, `Still RED`, `Unchanged`.
    public var title: String {
        switch self {
        case .newlyRed: "Newly RED"
        case .worsened: "Worsened"
        case .improved: "Improved"
        case .backToGreen: "Back to GREEN"
        case .stillRed: "Still RED"
        case .unchanged: "Unchanged"
        }
    }

    /// A name for files: `newly_red`, `worsened`, `improved`, `back_to_green`, `still_red`, `unchanged`.
    public var key: String {
        switch self {
        case .newlyRed: "newly_red"
        case .worsened: "worsened"
        case .improved: "improved"
        case .backToGreen: "back_to_green"
        case .stillRed: "still_red"
        case .unchanged: "unchanged"
        }
    }

    /// The group of a rating `new` compared with `old` (nil: unrated or no figure). A figure that
    /// misses its target with no floor to tell AMBER from RED (`…Missed`, rated `undecided`) is
    /// below GREEN but not known to be RED: GREEN after it is back to GREEN, it after GREEN is
    /// worse, and against AMBER or RED nothing can be said, so it is unchanged.
    public init(old: RAG?, new: RAG?, oldMissed: Bool = false, newMissed: Bool = false) {
        switch (old, new) {
        case (.red, .red): self = .stillRed
        case (_, .red): self = .newlyRed
        case (.some(let o), .green) where o != .green: self = .backToGreen
        case (nil, .green) where oldMissed: self = .backToGreen
        case (.green, nil) where newMissed: self = .worsened
        case (.some(let o), .some(let n)) where n < o: self = .worsened
        case (.some(let o), .some(let n)) where n > o: self = .improved
        default: self = .unchanged
        }
    }
}

/// A figure as "what changed" shows it: its period, value, rating and how the rating was arrived at.
public struct ChangeFigure: Sendable, Equatable {
    public var period: Period
    public var value: Double?
    public var rating: RAG?
    /// Published, or by rule (nil when unrated).
    public var ratedBy: RatingSource?
    /// The target and floor that apply to the figure.
    public var target: Double?
    public var floor: Double?
}

/// One indicator of an area (or a team of it) in "what changed".
public struct ChangeRow: Sendable {
    public var group: ChangeGroup
    /// The series in the dataset queried.
    public var series: Int
    public var area: Area
    public var team: String?
    public var indicator: Indicator
    /// The latest figure.
    public var latest: ChangeFigure
    /// The figure at the comparison point; nil when there is none.
    public var compared: ChangeFigure?
    /// From the compared value to the latest, when both have one (see `ValueChange` for the measure).
    public var change: ValueChange?
    /// Short-term direction of travel: the latest figure's (published, else by the DOT rule).
    public var direction: DOT?
    /// Long-term trend over the last 12 periods (nil with fewer than three figures).
    public var trend: LongTermTrend?
    /// How many periods in a row, up to the latest, the series has been RED (0 when it is not).
    public var periodsRed: Int
    /// Whether the area's indicator has commentary or actions (notes.csv).
    public var hasNotes: Bool
}

/// The answer to "what changed since …" for one area: every series of the area with a latest
/// figure, grouped.
public struct Changes: Sendable {
    public let area: Area
    /// Rows by group (`ChangeGroup` order), then in the area's series order (indicator order).
    public let rows: [ChangeRow]
    /// The period most rows' latest figures are for (the later on a tie): the scorecard's month,
    /// for titles. Nil when the area has no figures.
    public let reportingPeriod: Period?

    /// The rows of one group.
    public func rows(in group: ChangeGroup) -> [ChangeRow] { rows.filter { $0.group == group } }

    /// How many rows each group has.
    public func count(_ group: ChangeGroup) -> Int { rows.count { $0.group == group } }
}

extension Dataset {
    /// "What changed": each series of an area (its own and its teams') with its latest figure
    /// compared with `point`. Nil when there is no such area. Costs one pass over the area's rows:
    /// call it when the data, area or comparison changes, not per frame.
    public func changes(area code: String, comparedWith point: ComparisonPoint = .previousPeriod) -> Changes? {
        guard let area = area(code: code) else { return nil }
        var rows: [ChangeRow] = []
        var periods: [Period: Int] = [:]
        for s in seriesIDs(area: code) {
            guard let row = changeRow(series: s, area: area, comparedWith: point) else { continue }
            periods[row.latest.period, default: 0] += 1
            rows.append(row)
        }
        let reportingPeriod = periods.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
        let grouped = rows.enumerated().sorted {
            $0.element.group != $1.element.group ? $0.element.group < $1.element.group : $0.offset < $1.offset
        }.map(\.element)
        return Changes(area: area, rows: grouped, reportingPeriod: reportingPeriod)
    }

    /// A row of `changes`, or nil for a series without a latest figure.
    func changeRow(series s: Int, area: Area, comparedWith point: ComparisonPoint) -> ChangeRow? {
        guard let latest = latestRow(series: s) else { return nil }
        let ind = indicator(series: s)
        let team = series(s).team
        let now = changeFigure(row: latest)
        var then: ChangeFigure?
        switch point {
        case .edition(let other):
            if let os = other.seriesID(area: area.code, indicator: ind.code, team: team), let r = other.latestRow(series: os) {
                then = other.changeFigure(row: r)
            }
        default:
            then = comparisonRow(series: s, latest: latest, point: point).map(changeFigure(row:))
        }
        var change: ValueChange?
        if let old = then?.value, let new = now.value {
            change = ValueChange(from: old, to: new, unit: ind.unit, decimals: ind.decimals)
        }
        return ChangeRow(group: ChangeGroup(old: then?.rating, new: now.rating, oldMissed: then?.ratedBy == .undecided, newMissed: now.ratedBy == .undecided), series: s, area: area, team: team,
                         indicator: ind, latest: now, compared: then, change: change, direction: dot(row: latest),
                         trend: longTermTrend(series: s, upTo: latest), periodsRed: periodsRed(series: s, upTo: latest),
                         hasNotes: hasNotes(area: area.code, indicator: ind.code))
    }

    /// A row as "what changed" shows it.
    public func changeFigure(row r: Int) -> ChangeFigure {
        ChangeFigure(period: period(row: r), value: value(row: r), rating: rag(row: r), ratedBy: ratingSource(row: r),
                     target: target(row: r), floor: floor(row: r))
    }

    /// The row of a series that `point` (within this dataset) compares its latest row with.
    func comparisonRow(series s: Int, latest: Int, point: ComparisonPoint) -> Int? {
        let trend = trendRows(series: s)
        guard let at = trend.lastIndex(of: latest) else { return nil }
        let upToLatest = trend[...at]
        switch point {
        case .previousPeriod:
            return upToLatest.dropLast().last { value(row: $0) != nil }
        case .since(let p):
            return upToLatest.last { value(row: $0) != nil && period(row: $0).endOrdinal <= p.endOrdinal }
        case .yearEarlier:
            let target = period(row: latest).yearEarlier
            return upToLatest.last { period(row: $0) == target && value(row: $0) != nil }
        case .edition:
            return nil
        }
    }

    /// How many periods in a row, up to `latest`, a series' rows of the latest's kind are RED.
    public func periodsRed(series s: Int, upTo latest: Int) -> Int {
        let trend = trendRows(series: s)
        guard let at = trend.lastIndex(of: latest) else { return 0 }
        var count = 0
        for r in trend[...at].reversed() {
            guard rag(row: r) == .red else { break }
            count += 1
        }
        return count
    }
}
