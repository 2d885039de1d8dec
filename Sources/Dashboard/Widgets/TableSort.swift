import ScorecardData

/// How a table is sorted: a column (its id, the name `--sort` and `report --sort` use) and the
/// direction. Values compare with the one vocabulary, `SortValue`; missing values go last either
/// way and rows that sort alike keep the table's natural order.
public struct ColumnSort: Sendable, Equatable, CustomStringConvertible {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Parses `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (any case); nil for anything else. Whether
    /// the column exists is the caller's to check (`SortableColumns.names`).
    public init?(parsing text: String) {
        guard let (column, descending) = ReportSort.parse(text) else { return nil }
        self.init(column, descending: descending)
    }

    /// `gap` or `gap:desc`.
    public var description: String { descending ? "\(column):desc" : column }

    /// The same column the other way round.
    public var reversed: ColumnSort { ColumnSort(column, descending: !descending) }

    /// What `o` does: the next sortable column of `columns` (the ones on screen, left to right),
    /// ascending; after the last, nil (the table's own order); from nil, the first.
    public static func next(after current: ColumnSort?, columns: [TableColumn]) -> ColumnSort? {
        let ids = columns.filter(\.sortable).map(\.id)
        guard !ids.isEmpty else { return nil }
        guard let current, let i = ids.firstIndex(of: current.column) else { return ColumnSort(ids[0]) }
        return i + 1 < ids.count ? ColumnSort(ids[i + 1]) : nil
    }

    /// What `O` does: the sorted column the other way round; unsorted, the first sortable
    /// column descending.
    public static func reversing(_ current: ColumnSort?, columns: [TableColumn]) -> ColumnSort? {
        if let current { return current.reversed }
        return columns.first(where: \.sortable).map { ColumnSort($0.id, descending: true) }
    }

    /// A click on a column's header: sorted by it ascending, or the other way round when it
    /// already is; nil for a column that does not sort.
    public static func clicked(_ column: TableColumn, current: ColumnSort?) -> ColumnSort? {
        guard column.sortable else { return nil }
        if let current, current.column == column.id { return current.reversed }
        return ColumnSort(column.id)
    }
}

extension TableCell {
    /// What the cell sorts by: its `sortKey`, else its text (ignoring case; empty or `–` is missing).
    public var sortValue: SortValue {
        if let sortKey { return sortKey }
        let t = text.trimmingSpaces()
        return t.isEmpty || t == "–" || t == "-" ? .missing : .text(t)
    }
}

/// Sorting a table's rows by one column.
public enum TableSort {
    /// The indices of `rows` (data rows only; section headings are left out) in the order
    /// `sort` gives, stably; nil when `sort` names no column of `columns` (the table keeps its
    /// own order).
    public static func order(_ rows: [TableRow], columns: [TableColumn], by sort: ColumnSort?) -> [Int]? {
        guard let sort, let k = columns.firstIndex(where: { $0.id == sort.column && $0.sortable }) else { return nil }
        var keyed: [(index: Int, value: SortValue)] = []
        for (i, row) in rows.enumerated() {
            guard case .data(let cells) = row else { continue }
            keyed.append((i, k < cells.count ? cells[k].sortValue : .missing))
        }
        // A stable sort: equal values keep their order.
        return keyed.indices.sorted { a, b in
            let x = keyed[a].value, y = keyed[b].value
            if SortValue.precedes(x, y, descending: sort.descending) { return true }
            if SortValue.precedes(y, x, descending: sort.descending) { return false }
            return a < b
        }.map { keyed[$0].index }
    }

    /// `items` sorted by their rows' cells in the sorted column; nil when the table has no
    /// such column. `row(item)` must be the row the table draws for the item.
    public static func sorted<T>(_ items: [T], columns: [TableColumn], by sort: ColumnSort?, row: (T) -> TableRow) -> [T]? {
        guard let sort, columns.contains(where: { $0.id == sort.column && $0.sortable }) else { return nil }
        return order(items.map(row), columns: columns, by: sort)?.map { items[$0] }
    }
}

extension SharedState {
    /// The order table `id`'s sort puts the rows of `model()` in (their indices); nil when the
    /// table keeps its own order. The model is built only when the table may be sorted, so a
    /// pane need not build its rows just to learn that they stay as they are.
    func sortOrder(table id: String, _ model: () -> TableModel) -> [Int]? {
        guard mightSort(table: id) else { return nil }
        let m = model()
        return TableSort.order(m.rows, columns: m.columns, by: sort(table: id, columns: m.columns))
    }
}

extension TableSort {
    /// What `o` (`.sortNext`) and `O` (`.sortReverse`) ask of table `table`, cycling through the
    /// columns on screen; nil for any other command. `columns`: the table's columns for its sort
    /// when the model holds more than the table has (the districts matrix' KPIs out of view).
    public static func intents(_ command: Command, table: String, model: TableModel, regions: TableRegions, columns: [TableColumn]? = nil,
                               _ shared: SharedState) -> [PaneIntent]? {
        guard command == .sortNext || command == .sortReverse else { return nil }
        let shown = regions.columns.map { model.columns[$0.index] }
        let current = shared.sort(table: table, columns: columns ?? model.columns)
        switch command {
        case .sortNext: return [.sort(table: table, ColumnSort.next(after: current, columns: shown))]
        case .sortReverse: return [.sort(table: table, ColumnSort.reversing(current, columns: shown))]
        default: return nil
        }
    }

    /// What a click on table `table`'s header asks (sorted by that column, or reversed); nil when
    /// the click is not on a sortable column's header. `columns` as for `intents`.
    public static func headerClick(x: Int, y: Int, table: String, model: TableModel, regions: TableRegions, columns: [TableColumn]? = nil,
                                   _ shared: SharedState) -> [PaneIntent]? {
        guard case .header(let k)? = regions.hit(x: x, y: y), k < model.columns.count,
              let sort = ColumnSort.clicked(model.columns[k], current: shared.sort(table: table, columns: columns ?? model.columns)) else { return nil }
        return [.sort(table: table, sort)]
    }
}

extension TableModel {
    /// The model in the order table `id`'s sort gives (`o`/`O` on a pane's main table, a header
    /// click, `--sort`), its header marked, and the order (indices of the rows it was built
    /// with; nil: its own order). For a table whose rows are its model, such as one without a
    /// cursor beside a pane's main table.
    public func sorted(as id: String, _ shared: SharedState) -> (model: TableModel, order: [Int]?) {
        let sort = shared.sort(table: id, columns: columns)
        guard let order = TableSort.order(rows, columns: columns, by: sort) else { return (self, nil) }
        var out = self
        out.rows = order.map { rows[$0] }
        return (out.markingSort(sort, shared.glyphs), order)
    }
}

extension TableModel {
    /// The model with the sorted column's title marked ▴ (ascending) or ▾ (descending).
    public func markingSort(_ sort: ColumnSort?, _ glyphs: Glyphs) -> TableModel {
        guard let sort, let k = columns.firstIndex(where: { $0.id == sort.column && $0.sortable }) else { return self }
        var out = self
        out.columns[k] = columns[k].markingSort(sort, glyphs)
        return out
    }
}

extension TableColumn {
    /// The column with its title marked as sorted by `sort` (▴ ascending, ▾ descending), whatever
    /// its id: the one column `TableModel.markingSort` marks.
    func markingSort(_ sort: ColumnSort, _ glyphs: Glyphs) -> TableColumn {
        var out = self
        let mark: Mark = sort.descending ? .sortedDescending : .sortedAscending
        var lines = titleLines
        if case .fixed = sizing, lines.count > 1 {
            // A one-cell column (a KPI of the districts matrix): the mark on its top line.
            lines[0] = glyphs[mark]
        } else {
            let last = lines.count - 1
            lines[last] = lines[last].isEmpty ? glyphs[mark] : lines[last] + glyphs[mark]
        }
        out.title = lines.joined(separator: "\n")
        out.titleMarks.append(mark)
        return out
    }
}

/// The names `--sort` and config.toml's `sort` can give the dashboard's tables: every sortable
/// column of every table, and every column of `ragtop report` (a table without the column keeps
/// its own order).
public enum SortableColumns {
    /// The dashboard tables' column ids, registered by each pane's view.
    static var tableColumns: [[TableColumn]] {
        [ScorecardPane.columns, ScorecardPane.bColumnIDs.map { TableColumn($0, "") }, ChangesPane.columns, EHCPPane.districtColumns, TherapyPane.districtColumns,
         [TableColumn("district", ""), TableColumn("red", ""), TableColumn("amber", ""), TableColumn("green", "")],
         [TableColumn("rank", ""), TableColumn("area", ""), TableColumn("neighbour", "")] + NationalColumns.standingColumns,
         // The tables without a cursor beside a pane's main one (a header click sorts them).
         EHCPPane.secondaryColumnIDs.map { TableColumn($0, "") }, TherapyPane.waitsColumnIDs.map { TableColumn($0, "") }]
    }

    /// Every name, sorted.
    public static var names: [String] {
        var all = Set(ReportColumn.allCases.map(\.rawValue))
        for columns in tableColumns { for c in columns where c.sortable { all.insert(c.id) } }
        return all.sorted()
    }
}
