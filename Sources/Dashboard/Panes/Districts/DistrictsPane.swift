import ScorecardData

extension Pane {
    /// Pane 2: the root area's districts against every KPI as a RAG matrix, with a tile map.
    public static let districts = Pane("districts")
}

/// Pane 2's state and update: the districts (as filtered), the KPIs any of them has, their
/// ratings, and the cursor and selected KPI column.
public struct DistrictsPane: PaneModule {
    public static let info = PaneInfo(.districts, title: "Districts", shortTitle: "Districts", help: "districts: RAG matrix and tile map")

    /// The districts shown, in the data's order.
    public internal(set) var areas: [String] = []
    /// The KPIs any district has (as the text filter leaves them), in the data's order.
    public internal(set) var indicators: [String] = []
    /// RAG raw value per (district row, KPI column): the district's own worst latest rating
    /// (its own figures and teams serving only it); -1 none.
    public internal(set) var matrix: [[Int8]] = []
    /// What each (district row, KPI column) cell shows: the rating, where it came from, and
    /// whether it is a shared team's (`MatrixCell`).
    public internal(set) var cells: [[MatrixCell]] = []
    /// Some cell shows a shared team's rating (the key under the matrix then says what ⋈ is).
    var showsTeamRatings = false
    public internal(set) var list = ListPosition()
    /// The selected KPI column.
    public internal(set) var column = 0
    /// The first KPI column shown.
    var columnScroll = 0
    /// The version of the rows this pane holds (see `ModelMemo`): a new one whenever `rebuild`
    /// makes its rows again, the same while they stay (moving the cursor or choosing another KPI
    /// with no RAG filter or sort by it), so the models `regions` built for them are kept.
    var version = 0
    let baseMemo = ModelMemo<Int, (TableModel, [Int])>()
    let matrixMemo = ModelMemo<Int, (TableModel, [Int])>()
    let selectedMemo = ModelMemo<SelectedKey, TableModel>()
    let keyMemo = ModelMemo<KeyTextKey, [String]>()
    let tilesMemo = ModelMemo<TilesKey, TileRegions?>()
    let listsMemo = ModelMemo<ListsKey, Lists>()
    let cellsMemo = ModelMemo<CellsKey, AllCells>()
    let rowsMemo = ModelMemo<RowsKey, Rows>()
    /// `cells` as the matrix draws them, row by row (built once with them).
    var tableCells: [[TableCell]] = []

    /// What the districts with data and the KPIs shown depend on: the data, the root area and
    /// the text filter.
    struct ListsKey: Equatable, Sendable {
        var dataVersion: Int, root: String, textFilter: String
    }

    /// The children of the root with data (their codes), and the KPIs any of them has that the
    /// text filter leaves.
    struct Lists: Sendable {
        var districts: [String], indicators: [String]
    }

    /// What every district's cells depend on: the data, the root area, the KPIs shown and the
    /// alphabet of the glyphs.
    struct CellsKey: Equatable, Sendable {
        var dataVersion: Int, root: String, indicators: [String], ascii: Bool
    }

    /// Every district's cells (in `Lists.districts` order) and their table cells, with a
    /// version of their own for `RowsKey`.
    struct AllCells: Sendable {
        var version: Int, cells: [[MatrixCell]], tableCells: [[TableCell]]
    }

    /// What the rows shown depend on besides the cells: the RAG filter, the KPI it filters on
    /// (only while it is on), and the matrix' sort (chosen, and the default).
    struct RowsKey: Equatable, Sendable {
        var cellsVersion: Int, ragFilter: Set<RAG>, ragColumn: Int?, sort: ColumnSort??, defaultSort: ColumnSort?
    }

    /// The rows shown, in order, and the version the models built from them are kept under.
    struct Rows: Sendable {
        var version: Int, areas: [String], matrix: [[Int8]], cells: [[MatrixCell]], tableCells: [[TableCell]], showsTeamRatings: Bool
    }

    public init() {}

    /// The selected KPI's code.
    public var selectedIndicator: String? { indicators.indices.contains(column) ? indicators[column] : nil }

    /// The children of the root area with data, the KPIs they have (ratings come precomputed
    /// from the dataset, so filtering as you type stays instant at England scale), and the RAG
    /// filter applied to the selected KPI. Each stage is kept while what it depends on stays
    /// (`ListsKey`, `CellsKey`, `RowsKey`): choosing another KPI only moves `column`.
    public mutating func rebuild(_ shared: SharedState) {
        let ds = shared.dataset
        let keepArea = areas.indices.contains(list.cursor) ? areas[list.cursor] : nil
        let lists = listsMemo.value(ListsKey(dataVersion: shared.dataVersion, root: shared.rootArea, textFilter: shared.textFilter)) {
            let children = ds.children(of: shared.rootArea), ratings = ds.latestRatings(childrenOf: shared.rootArea)
            let withData = children.indices.filter { ratings[$0].contains { $0 != -2 } }
            let positions = ds.indicators.indices.filter { p in withData.contains { ratings[$0][p] != -2 } }
            let shown = positions.filter { p in
                let ind = ds.indicators[p]
                return shared.textFilter.isEmpty || shared.matchesText([ind.code, ind.name, ind.group])
            }
            return Lists(districts: withData.map { children[$0].code }, indicators: shown.map { ds.indicators[$0].code })
        }
        indicators = lists.indicators
        column = shared.indicator.flatMap { indicators.firstIndex(of: $0) } ?? min(column, max(0, indicators.count - 1))
        // Every district's cells, kept while the data, root and KPIs stay (choosing another KPI
        // or colour only filters and orders them).
        let all = cellsMemo.value(CellsKey(dataVersion: shared.dataVersion, root: shared.rootArea, indicators: indicators,
                                           ascii: shared.glyphs.ascii)) {
            let columnOf = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1, $0) })
            let cells = lists.districts.map { MatrixCell.cells(ds, area: $0, columns: columnOf) }
            return AllCells(version: ModelVersion.next(), cells: cells, tableCells: cells.map { $0.map { $0.tableCell(shared.glyphs) } })
        }
        let ragColumn = shared.ragFilter.isEmpty || indicators.isEmpty ? nil : column
        let rowsKey = RowsKey(cellsVersion: all.version, ragFilter: shared.ragFilter, ragColumn: ragColumn, sort: shared.sorts[Self.table],
                              defaultSort: shared.defaultSort)
        let rows = rowsMemo.value(rowsKey) { shownRows(lists.districts, all, ragColumn: ragColumn, shared) }
        version = rows.version
        areas = rows.areas
        matrix = rows.matrix
        cells = rows.cells
        tableCells = rows.tableCells
        showsTeamRatings = rows.showsTeamRatings
        if let keepArea, let i = areas.firstIndex(of: keepArea) { list.select(i) }
        list.clamp(count: areas.count)
    }

    /// The districts' rows the RAG filter leaves (rated the chosen colours on KPI `ragColumn`,
    /// as the cell shows it: a shared team's rating too), in the matrix' sort order.
    func shownRows(_ districts: [String], _ all: AllCells, ragColumn: Int?, _ shared: SharedState) -> Rows {
        var rows: [String] = [], own: [[Int8]] = [], shownCells: [[MatrixCell]] = [], shownTableCells: [[TableCell]] = []
        for (n, code) in districts.enumerated() {
            let row = all.cells[n]
            if let ragColumn, !shared.matchesRAG(row[ragColumn].rating.rag) { continue }
            rows.append(code)
            own.append(row.map { $0.ownRAG?.rawValue ?? -1 })
            shownCells.append(row)
            shownTableCells.append(all.tableCells[n])
        }
        var out = Rows(version: ModelVersion.next(), areas: rows, matrix: own, cells: shownCells, tableCells: shownTableCells,
                       showsTeamRatings: shownCells.contains { $0.contains { $0.showsTeamRating } })
        // Sorted by a column (the counts, a KPI's ratings, the name): the districts in that order.
        var draft = self
        draft.areas = rows
        draft.cells = shownCells
        if let order = shared.sortOrder(table: Self.table, { draft.sortingModel(shared) }) {
            out.areas = order.map { rows[$0] }
            out.matrix = order.map { own[$0] }
            out.cells = order.map { shownCells[$0] }
            out.tableCells = order.map { shownTableCells[$0] }
        }
        return out
    }

    public mutating func opened(_ how: PaneOpening, _ shared: SharedState) {
        if let ind = shared.indicator, let i = indicators.firstIndex(of: ind) { column = i }
        if how == .drilled { list.reset() }
    }

    /// The matrix' id for sorting (`SharedState.sorts`).
    static let table = "districts"

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if list.move(command, count: areas.count, page: regions.table.body.height) { return [] }
        if let sorting = TableSort.intents(command, table: Self.table, model: regions.model, regions: regions.table,
                                             columns: regions.columnsInView, shared) { return sorting }
        switch command {
        case .left, .right:
            guard !indicators.isEmpty else { return [] }
            column = min(max(0, column + (command == .left ? -1 : 1)), indicators.count - 1)
            return [.selectIndicator(indicators[column])]
        case .enter:
            guard areas.indices.contains(list.cursor) else { return [] }
            return [.open(.scorecard, area: areas[list.cursor])]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if let tiles = regions.tiles, let area = tiles.area(at: x, y: y), let i = areas.firstIndex(of: area) {
            // A tile selects its district, as a click on its row does.
            return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
        }
        switch regions.table.hit(x: x, y: y) {
        case .row(let i)?:
            if list.click(i) { return perform(.enter, regions, shared) ?? [] }
        case .header(let k)?:
            // A KPI column's number selects that KPI; on the selected one it sorts by it, as a
            // click on the district or a count's header does.
            if let kpi = regions.kpiColumn(ofModelColumn: k), kpi != column {
                column = kpi
                return [.selectIndicator(indicators[kpi])]
            }
            if let sorting = TableSort.headerClick(x: x, y: y, table: Self.table, model: regions.model, regions: regions.table,
                                                     columns: regions.columnsInView, shared) { return sorting }
        case nil:
            break
        }
        return []
    }

    public mutating func settle(_ regions: Regions) {
        list.settle(firstRow: regions.table.firstRow)
        columnScroll = regions.firstColumn
    }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .districts, subject: shared.areaName(shared.rootArea), table: regions.model, regions: regions.table)
    }

    public func countSummary(_ shared: SharedState) -> String {
        "\(areas.count) of \(shared.dataset.children(of: shared.rootArea).count) districts · \(indicators.count) KPIs"
    }
}
