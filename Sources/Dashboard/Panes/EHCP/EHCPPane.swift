import ScorecardData

extension Pane {
    /// Pane 4: EHCP 20-week timeliness.
    public static let ehcp = Pane("ehcp")
}

/// Pane 4's state and update: the districts' headline series (worst first), the cursor in them,
/// and what a narrow screen shows under the chart.
public struct EHCPPane: PaneModule {
    public static let info = PaneInfo(.ehcp, title: "EHCP 20 weeks", shortTitle: "EHCP", help: "EHCP 20-week timeliness")

    /// What the pane shows under its chart when it is too narrow for all of it (`v`).
    public enum LowerView: CaseIterable, Sendable {
        case districts, drivers, calendarYears, neighbours

        /// From this width the pane shows the districts, drivers and calendar years at once (and
        /// the neighbours when there is room, else `v` shows them or the calendar years).
        public static let wideLayoutWidth = 120

        public var title: String {
            switch self {
            case .districts: "districts"
            case .drivers: "what drives it"
            case .calendarYears: "DfE calendar years"
            case .neighbours: "statistical neighbours"
            }
        }

        /// The view `v` shows next.
        public var next: LowerView {
            let all = Self.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }
    }

    /// The view `v` shows next here: the neighbours only when the area has some.
    func nextView(_ shared: SharedState) -> LowerView {
        view.next == .neighbours && Self.neighbourRows(shared).isEmpty ? LowerView.neighbours.next : view.next
    }

    /// The districts' headline series, worst first.
    public internal(set) var series: [Int] = []
    public internal(set) var list = ListPosition()
    public internal(set) var view = LowerView.districts

    public init() {}

    public mutating func rebuild(_ shared: SharedState) {
        let ds = shared.dataset
        let keep = series.indices.contains(list.cursor) ? ds.series(series[list.cursor]).area : nil
        let children = ds.children(of: shared.rootArea)
        var entries: [(Int, Double)] = []
        for (k, own) in ds.ownSeries(childrenOf: shared.rootArea, indicator: EHCPStatement.headline).enumerated() {
            guard let sid = own, shared.matchesRAG(shared.latestRAG(series: sid)),
                  shared.textFilter.isEmpty || shared.matchesText([children[k].name, children[k].code]) else { continue }
            entries.append((sid, ds.latestRow(series: sid).flatMap { ds.value(row: $0) } ?? -Double.infinity))
        }
        series = entries.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        // Sorted by a column (`o`, a header click, `--sort`): the districts in that order.
        if let order = shared.sortOrder(table: Self.table, { districtTable(shared) }) {
            series = order.map { series[$0] }
        }
        if let keep, let i = series.firstIndex(where: { ds.series($0).area == keep }) { list.select(i) }
        list.clamp(count: series.count)
    }

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if [.up, .down, .pageUp, .pageDown, .top, .bottom].contains(command) {
            // The cursor is in the district table: moving shows it again (wide, it is always
            // shown, and the view says which of the years and the neighbours is).
            if !regions.wide { view = .districts }
            _ = list.move(command, count: series.count, page: max(1, regions.districts.body.height))
            return []
        }
        if regions.wide || view == .districts,
           let sorting = TableSort.intents(command, table: Self.table, model: regions.districtsModel, regions: regions.districts, shared) {
            return sorting
        }
        switch command {
        case .enter:
            // Enter opens the district under the cursor, so the district table must be on screen.
            if !regions.wide && view != .districts {
                view = .districts
                return []
            }
            guard series.indices.contains(list.cursor) else { return [] }
            return [.open(.detail, area: shared.dataset.series(series[list.cursor]).area, indicator: EHCPStatement.headline)]
        case .cycleEHCPView:
            if regions.wide {
                // Wide, the calendar years and the neighbours take turns when both do not fit.
                guard regions.takingTurns else {
                    return [.message("districts, drivers and calendar years\(regions.neighboursTitle.height > 0 ? ", neighbours" : "") are all shown at this width")]
                }
                view = view == .neighbours ? .calendarYears : .neighbours
                return [.message("EHCP: \(view.title) (v: \(view == .neighbours ? LowerView.calendarYears.title : LowerView.neighbours.title))")]
            }
            view = nextView(shared)
            return [.message("EHCP: \(view.title) (v: \(nextView(shared).title))")]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if let sorting = TableSort.headerClick(x: x, y: y, table: Self.table, model: regions.districtsModel, regions: regions.districts, shared) {
            return sorting
        }
        // The tables without a cursor sort by a click on a header (again: reversed).
        for (id, model, placed) in [(Self.driversTable, regions.driversModel, regions.drivers), (Self.yearsTable, regions.yearsModel, regions.years),
                                    (Self.neighboursTable, regions.neighboursModel, regions.neighbours)] {
            if let sorting = TableSort.headerClick(x: x, y: y, table: id, model: model, regions: placed, shared) { return sorting }
        }
        if case .row(let i)? = regions.districts.hit(x: x, y: y) {
            return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
        }
        // A driver opens its KPI detail.
        if case .row(let i)? = regions.drivers.hit(x: x, y: y), case .data(let cells) = regions.driversModel.rows[i], let code = cells.first?.text {
            return [.open(.detail, area: shared.rootArea, indicator: code)]
        }
        return clickNeighbour(x: x, y: y, regions) ?? []
    }

    public mutating func settle(_ regions: Regions) {
        if regions.districts.frame.height > 0 { list.settle(firstRow: regions.districts.firstRow) }
    }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .ehcp, subject: shared.areaName(shared.rootArea), table: regions.districtsModel,
                   regions: regions.districts.columns.isEmpty ? TableLayout.regions(regions.districtsModel, in: regions.frame, cursor: 0, scroll: 0) : regions.districts)
    }

    public func countSummary(_ shared: SharedState) -> String {
        "\(series.count) of \(shared.dataset.children(of: shared.rootArea).count) districts"
    }
}
