import ScorecardData

/// How KPI detail compares: other areas' trends over the area's own on the chart (`+`, `-`,
/// `--compare`), and which authorities a national league ranks (`s`: all, the region, the
/// area's statistical neighbours).
extension DetailPane {
    /// At most this many areas are compared with the one shown.
    public static let maxCompared = 4

    /// Which authorities a national league ranks.
    public enum LeagueScope: Sendable, Equatable {
        /// Every local authority with a figure.
        case all
        /// Only those in the root area's region.
        case region
        /// The area and its statistical neighbours (neighbours.csv), as `report --neighbours`.
        case neighbours

        /// What the league is called in this scope ("South East", "Kent and its 10 neighbours").
        public func title(_ shared: SharedState) -> String {
            switch self {
            case .all: return "all authorities"
            case .region: return shared.dataset.region(of: shared.rootArea)?.name ?? "the region"
            case .neighbours:
                let area = DetailPane.neighbourArea(shared) ?? shared.area
                return "\(shared.areaName(area)) and its \(shared.dataset.neighbours.of(area).count) statistical neighbours"
            }
        }

        /// The scope `s` moves to: all, then the region, then the neighbours (each where the data
        /// has one), then all again; nil when the league has no other.
        public func next(_ shared: SharedState) -> LeagueScope? {
            let hasRegion = shared.dataset.region(of: shared.rootArea) != nil
            let hasNeighbours = DetailPane.neighbourArea(shared) != nil
            switch self {
            case .all: return hasRegion ? .region : (hasNeighbours ? .neighbours : nil)
            case .region: return hasNeighbours ? .neighbours : .all
            case .neighbours: return .all
            }
        }
    }

    /// The area whose statistical neighbours the league and the EHCP pane compare with: the
    /// area shown when it has neighbours, else the root area when it has; nil when neither has.
    public static func neighbourArea(_ shared: SharedState) -> String? {
        [shared.area, shared.rootArea].first { !shared.dataset.neighbours.of($0).isEmpty }
    }

    /// The neighbour area and its neighbours' codes; nil when there are none.
    static func neighbourGroup(_ shared: SharedState) -> Set<String>? {
        guard let area = neighbourArea(shared) else { return nil }
        return Set([area] + shared.dataset.neighbours.of(area).map(\.neighbour))
    }

    /// `median 35.5% · Kent 7 of 11`: the neighbours' median and where the area stands among
    /// them, as `report --neighbours` computes them ("" when it has no figure to compare).
    static func neighbourSummary(_ shared: SharedState, _ ind: Indicator) -> String {
        guard let area = neighbourArea(shared),
              let mine = shared.dataset.neighbourReport(area: area, ReportQuery(indicator: ind.code)).rows.first,
              let n = mine.neighbourhood else { return "" }
        var parts = n.median.map { ["median \(Fmt.value($0, ind))"] } ?? []
        if let rank = n.rank { parts.append("\(shared.areaName(area)) \(rank) of \(n.of)") }
        return parts.joined(separator: " · ")
    }

    // MARK: Compared areas

    /// The series of an area's figures for a KPI: its own, else its first team's.
    static func series(area: String, indicator code: String, _ ds: Dataset) -> Int? {
        ds.seriesID(area: area, indicator: code) ?? ds.seriesIDs(area: area, indicator: code).first
    }

    /// The compared areas drawn beside the area shown (it is never compared with itself, and an
    /// area a reload took away is left out).
    func comparedAreas(_ shared: SharedState) -> [String] {
        compared.filter { $0 != shared.area && shared.dataset.area(code: $0) != nil }
    }

    /// Adds an area to the chart, or takes it off when it is there; says what happened.
    mutating func toggleCompared(_ code: String, _ shared: SharedState) -> PaneIntent {
        let name = shared.areaName(code)
        if let i = compared.firstIndex(of: code) {
            compared.remove(at: i)
            return .message("\(name) is off the chart" + (compared.isEmpty ? "" : " (comparing \(compared.count))"))
        }
        guard code != shared.area else { return .message("\(name) is the area shown: + on another row compares that area with it") }
        guard compared.count < Self.maxCompared else {
            return .message("at most \(Self.maxCompared) areas are compared: + on one takes it off, - clears them", isError: true)
        }
        compared.append(code)
        return .message("comparing \(name) with \(shared.areaName(shared.area)) (- clears)")
    }

    /// Takes every compared area off the chart.
    mutating func clearCompared() -> PaneIntent {
        guard !compared.isEmpty else { return .message("no areas compared: + on a league row adds one") }
        compared = []
        return .message("no areas compared")
    }

    /// Sets the compared areas (`--compare`, `:compare`): at most `maxCompared`, each once.
    mutating func setCompared(_ codes: [String]) {
        var out: [String] = []
        for c in codes where !out.contains(c) && out.count < Self.maxCompared { out.append(c) }
        compared = out
    }

    /// The chart of the area's trend with the target, floor and benchmarks that apply to it (each
    /// period without a figure a gap, with its status), and each compared area's trend over the
    /// same periods, each named in the legend with its latest value.
    func chart(_ ind: Indicator, series: Int?, target: Double?, floor: Double?, _ shared: SharedState) -> LineChart {
        let ds = shared.dataset
        let bench = ds.comparators(indicator: ind.code)
        let references = LineChart.references(target: target, floor: floor, national: bench.national, regional: bench.regional, decimals: ind.decimals)
        let main = series.map { ds.trendRows(series: $0) } ?? []
        let others = comparedAreas(shared).map { code in (code, Self.series(area: code, indicator: ind.code, ds).map { ds.trendRows(series: $0) } ?? []) }
        guard !others.isEmpty else {
            return LineChart(points: main.map { (ds.period(row: $0).label, ds.value(row: $0)) }, references: references, decimals: ind.decimals,
                             statuses: main.map { ds.status(row: $0) })
        }
        // One axis: every period any of them has, in order.
        let periods = Array(Set((main + others.flatMap(\.1)).map { ds.period(row: $0) })).sorted()
        func values(_ rows: [Int]) -> [Double?] {
            var byPeriod: [Period: Double] = [:]
            for r in rows { byPeriod[ds.period(row: r)] = ds.value(row: r) }
            return periods.map { byPeriod[$0] }
        }
        func label(_ code: String, _ rows: [Int]) -> String {
            guard let last = rows.last else { return "\(shared.areaName(code)): no figures" }
            return "\(shared.areaName(code)) \(Fmt.value(ds.value(row: last), ind))"
        }
        var statusByPeriod: [Period: ObservationStatus] = [:]
        for r in main { statusByPeriod[ds.period(row: r)] = ds.status(row: r) }
        var chart = LineChart(points: Array(zip(periods.map(\.label), values(main))), references: references, decimals: ind.decimals,
                              statuses: periods.map { statusByPeriod[$0] })
        chart.label = label(shared.area, main)
        chart.compared = others.enumerated().map { i, other in
            LineChart.Series(values: values(other.1), mark: .compared(i), role: .compared(i), label: label(other.0, other.1))
        }
        return chart
    }
}

extension Mark {
    /// The mark of the `i`th compared area (0 is the first).
    static func compared(_ i: Int) -> Mark { [.compared1, .compared2, .compared3, .compared4][i % 4] }
}

extension StyleRole {
    /// The role of the `i`th compared area (0 is the first).
    static func compared(_ i: Int) -> StyleRole { [.chartCompare1, .chartCompare2, .chartCompare3, .chartCompare4][i % 4] }
}
