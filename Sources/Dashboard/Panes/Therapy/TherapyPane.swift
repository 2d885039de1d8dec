import ScorecardData

extension Pane {
    /// Pane 5: SEN therapy waiting lists by provider, with the provider serving each district.
    public static let therapy = Pane("therapy")
}

/// Pane 5's state and update: the districts (as the text filter leaves them) and the cursor.
/// The panel beside them shows the selected district's providers.
public struct TherapyPane: PaneModule {
    public static let info = PaneInfo(.therapy, title: "SEN therapy", shortTitle: "Therapy", help: "SEN therapy waiting lists")

    /// The districts listed, in the data's order.
    public internal(set) var districts: [String] = []
    public internal(set) var list = ListPosition()

    public init() {}

    /// The district under the cursor.
    public var selectedDistrict: String? { districts.indices.contains(list.cursor) ? districts[list.cursor] : nil }

    public mutating func rebuild(_ shared: SharedState) {
        let keep = selectedDistrict
        districts = shared.dataset.children(of: shared.rootArea)
            .filter { shared.textFilter.isEmpty || shared.matchesText([$0.name, $0.code]) }.map(\.code)
        // Sorted by a column (`o`, a header click, `--sort`): the districts in that order.
        if let order = shared.sortOrder(table: Self.table, { districtTable(shared) }) {
            districts = order.map { districts[$0] }
        }
        if let keep, let i = districts.firstIndex(of: keep) { list.select(i) }
        list.clamp(count: districts.count)
    }

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if list.move(command, count: districts.count, page: regions.districts.body.height) { return [] }
        if let sorting = TableSort.intents(command, table: Self.table, model: regions.districtsModel, regions: regions.districts, shared) { return sorting }
        switch command {
        case .enter:
            guard let d = selectedDistrict else { return [] }
            return [.open(.scorecard, area: d)]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if let sorting = TableSort.headerClick(x: x, y: y, table: Self.table, model: regions.districtsModel, regions: regions.districts, shared) {
            return sorting
        }
        // The waits tables (no cursor) sort by a click on a header, again: reversed.
        for case .table(let model, let placed) in regions.blocks {
            if let sorting = TableSort.headerClick(x: x, y: y, table: Self.waitsTable, model: model, regions: placed, shared) { return sorting }
        }
        guard case .row(let i)? = regions.districts.hit(x: x, y: y) else { return [] }
        return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
    }

    public mutating func settle(_ regions: Regions) { list.settle(firstRow: regions.districts.firstRow) }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .therapy, subject: shared.areaName(shared.rootArea), table: regions.districtsModel, regions: regions.districts)
    }

    public func countSummary(_ shared: SharedState) -> String {
        "\(districts.count) of \(shared.dataset.children(of: shared.rootArea).count) districts"
    }
}
