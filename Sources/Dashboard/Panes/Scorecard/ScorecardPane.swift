import ScorecardData

extension Pane {
    /// Pane 1: one area's KPIs, grouped as in the published scorecard.
    public static let scorecard = Pane("scorecard")
}

/// Pane 1's state and update: the area's KPIs (as filtered), grouped, and the cursor.
public struct ScorecardPane: PaneModule {
    public static let info = PaneInfo(.scorecard, title: "Scorecard", shortTitle: "Scorecard", help: "scorecard of the area")

    /// A line of the list: a group heading or a series.
    public enum Line: Equatable, Sendable {
        case heading(String)
        case series(Int)
    }

    public internal(set) var lines: [Line] = []
    public internal(set) var list = ListPosition()
    /// The area the lines were built for.
    var builtArea = ""

    public init() {}

    /// The series under the cursor.
    public var selectedSeries: Int? {
        guard list.cursor >= 0, list.cursor < lines.count, case .series(let s) = lines[list.cursor] else { return nil }
        return s
    }

    func isSelectable(_ i: Int) -> Bool { if case .series = lines[i] { true } else { false } }

    public mutating func rebuild(_ shared: SharedState) {
        let ds = shared.dataset
        // Keep the cursor on the same KPI (and team) where it can.
        let previous = selectedSeries.map { ds.series($0) }
        var out: [Line] = []
        var lastGroup: String?
        for s in ds.seriesIDs(area: shared.area) {
            let info = ds.series(s)
            let ind = ds.indicator(series: s)
            guard shared.matchesRAG(shared.latestRAG(series: s)),
                  shared.textFilter.isEmpty || shared.matchesText([ind.code, ind.name, info.team ?? "", ind.group]) else { continue }
            if ind.group != lastGroup {
                out.append(.heading(ind.group.isEmpty ? "Indicators" : ind.group))
                lastGroup = ind.group
            }
            out.append(.series(s))
        }
        // Sorted by a column: the KPIs in that order, without the group headings.
        let columns = Self.columns(shared)
        let sort = shared.sort(table: Self.table, columns: columns)
        let series = out.filter { if case .series = $0 { true } else { false } }
        if let sorted = TableSort.sorted(series, columns: columns, by: sort, row: { row($0, shared) }) { out = sorted }
        lines = out
        if builtArea == shared.area, let previous,
           let i = lines.firstIndex(where: { if case .series(let s) = $0 { ds.series(s).indicator == previous.indicator && ds.series(s).team == previous.team } else { false } }) {
            list.select(i)
        }
        builtArea = shared.area
        list.clamp(count: lines.count, selectable: isSelectable)
    }

    /// Opened from elsewhere: the cursor on the shared KPI's row (the one just looked at).
    public mutating func opened(_ how: PaneOpening, _ shared: SharedState) {
        guard how == .drilled else { return }
        list.reset()
        if let ind = shared.indicator,
           let i = lines.firstIndex(where: { if case .series(let s) = $0 { shared.dataset.series(s).indicator == ind } else { false } }) {
            list.select(i)
        }
        list.clamp(count: lines.count, selectable: isSelectable)
    }

    /// The table's id for sorting (`SharedState.sorts`).
    static let table = "scorecard"

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if list.move(command, count: lines.count, page: regions.table.body.height, selectable: isSelectable) { return [] }
        if let sorting = TableSort.intents(command, table: Self.table, model: regions.model, regions: regions.table, shared) { return sorting }
        switch command {
        case .enter:
            guard let s = selectedSeries else { return [] }
            // The text filter found the KPI; the league in the detail lists areas, so it starts unfiltered.
            return [.clearTextFilter, .open(.detail, indicator: shared.dataset.series(s).indicator)]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if let sorting = TableSort.headerClick(x: x, y: y, table: Self.table, model: regions.model, regions: regions.table, shared) { return sorting }
        guard case .row(let i)? = regions.table.hit(x: x, y: y), isSelectable(i) else { return [] }
        return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
    }

    public mutating func settle(_ regions: Regions) { list.settle(firstRow: regions.table.firstRow) }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .scorecard, subject: shared.areaName(shared.area), table: regions.model, regions: regions.table)
    }

    public func countSummary(_ shared: SharedState) -> String {
        let shown = lines.filter { if case .series = $0 { true } else { false } }.count
        return "\(shown) of \(shared.dataset.seriesIDs(area: shared.area).count) KPIs"
    }
}
