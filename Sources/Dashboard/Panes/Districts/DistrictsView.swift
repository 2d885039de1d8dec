import ScorecardData

extension DistrictsPane {
    /// Pane 2's layout: the KPI line, the matrix (a table whose KPI columns are numbered), the
    /// key from numbers to KPI codes under it, and the tile map on the right when there is room.
    public struct Regions: Sendable {
        public var kpiLine: Rect
        public var model: TableModel
        public var table: TableRegions
        /// The first KPI column in view, and how many are.
        public var firstColumn: Int
        public var visibleColumns: Int
        /// The key: which KPI each column number is.
        public var key: Rect
        public var keyLines: [String]
        public var tiles: TileRegions?

        /// The model's columns before the KPI columns: the district and the three counts.
        static let fixedColumns = 4

        /// The KPI (column index) shown in a model column, if it is one in view.
        public func kpiColumn(ofModelColumn k: Int) -> Int? {
            let kpi = k - Self.fixedColumns
            return kpi >= firstColumn && kpi < firstColumn + visibleColumns ? kpi : nil
        }

        /// The columns the matrix shows, as its sort sees them: the district, the counts and the
        /// KPIs in view (the model holds every KPI's).
        public var columnsInView: [TableColumn] {
            Array(model.columns.prefix(Self.fixedColumns)) + model.columns.dropFirst(Self.fixedColumns + firstColumn).prefix(visibleColumns)
        }
    }

    /// The tile map: a tile per district at its place on the map.
    public struct TileRegions: Sendable {
        public var title: Rect
        public var tiles: [(area: String, rect: Rect)]
        public var tileHeight: Int

        /// The district whose tile is at (x, y).
        public func area(at x: Int, y: Int) -> String? { tiles.first { $0.rect.contains(x: x, y: y) }?.area }
    }

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let (kpiLine, rest) = body.inset(left: 1, right: 1).splitTop(1)
        let (base, baseWanted) = baseMemo.value(version) { () -> (TableModel, [Int]) in
            let base = baseColumns(shared)
            return (base, TableLayout.wantedWidths(base))
        }
        let baseWidth = baseWanted.reduce(0) { $0 + $1 + 1 }
        // The matrix keeps room for eight KPI columns before the tile map takes the rest.
        let tiles = tilesMemo.value(TilesKey(version: version, rect: rest, leaving: baseWidth + 2 * 8)) {
            tileRegions(shared, in: rest, leaving: baseWidth + 2 * 8)
        }
        let matrixRect = Rect(x: rest.x, y: rest.y, width: (tiles.map { $0.title.x - 2 } ?? rest.right) - rest.x, height: rest.height)
        // KPI columns, one cell and a blank each, in what the district and counts leave (a cell
        // either side for ‹ and ›).
        let visible = max(1, (matrixRect.width - baseWidth - 1) / 2)
        let first = ListScroll.firstRow(scroll: columnScroll, cursor: column, count: indicators.count, visible: visible)
        let shownCount = min(visible, max(0, indicators.count - first))
        // Every KPI's column is kept whichever is selected and whichever are in view: the table
        // lays out those in view, and only the selected one's header is made again.
        let (plain, wanted) = matrixMemo.value(version) { () -> (TableModel, [Int]) in
            let model = matrixModel(base, selected: nil, shared)
            return (model, TableLayout.wantedWidths(model))
        }
        let model = selectedMemo.value(SelectedKey(version: version, column: column)) { selectingColumn(plain, shared) }
        let inView = Array(0..<Regions.fixedColumns) + ((Regions.fixedColumns + first)..<(Regions.fixedColumns + first + shownCount))
        // The key under the matrix, as much of it as fits.
        let keyLines = keyMemo.value(KeyTextKey(version: version, first: first, count: shownCount, width: matrixRect.width)) {
            keyText(shared, first: first, count: shownCount, width: matrixRect.width)
        }
        let wantedTable = 3 + areas.count
        let keyRoom = max(0, matrixRect.height - wantedTable - 1)
        let keyHeight = min(keyLines.count, keyRoom)
        let tableRect = Rect(x: matrixRect.x, y: matrixRect.y, width: matrixRect.width,
                             height: min(wantedTable, matrixRect.height - (keyHeight > 0 ? keyHeight + 1 : 0)))
        let table = TableLayout.regions(model, in: tableRect, cursor: list.cursor, scroll: list.scroll, wanted: wanted, only: inView)
        let key = Rect(x: matrixRect.x, y: tableRect.bottom + 1, width: matrixRect.width, height: keyHeight)
        return Regions(kpiLine: kpiLine, model: model, table: table, firstColumn: first, visibleColumns: shownCount, key: key,
                       keyLines: keyLines, tiles: tiles)
    }

    /// The matrix with the selected KPI marked: the rows' version and the selected column.
    struct SelectedKey: Equatable, Sendable {
        var version: Int, column: Int
    }

    /// The key's lines for the KPI columns in view, at a width.
    struct KeyTextKey: Equatable, Sendable {
        var version: Int, first: Int, count: Int, width: Int
    }

    /// The tile map's place: the districts (with `version`), the rectangle and the matrix' room.
    struct TilesKey: Equatable, Sendable {
        var version: Int, rect: Rect, leaving: Int
    }

    /// KPI `k`'s column: a header of its number, marked when it is the selected one.
    func kpiColumn(_ k: Int, selected: Bool, _ shared: SharedState) -> TableColumn {
        let n = k + 1
        let digits = n < 10 ? "\n\(n)" : "\(n / 10)\n\(n % 10)"
        return TableColumn(indicators[k], (selected ? shared.glyphs[.selectedColumn] : "") + "\n" + digits, .fixed(1),
                           export: [indicators[k], indicators[k] + "_rated_by"],
                           titleRole: selected ? .highlight : .muted, titleMarks: selected ? [.selectedColumn] : [])
    }

    /// `model` (the matrix built with no KPI selected) with the selected KPI's header marked,
    /// as `matrixModel` builds it with `selected: column`.
    func selectingColumn(_ model: TableModel, _ shared: SharedState) -> TableModel {
        let i = Regions.fixedColumns + column
        guard indicators.indices.contains(column), model.columns.indices.contains(i) else { return model }
        var out = model
        out.columns[i] = kpiColumn(column, selected: true, shared)
        // The sort's mark, when the selected KPI is the column sorted by.
        if let sort = shared.sort(table: Self.table, columns: out.columns), out.columns.firstIndex(where: { $0.id == sort.column && $0.sortable }) == i {
            out.columns[i] = out.columns[i].markingSort(sort, shared.glyphs)
        }
        return out
    }

    /// The base columns with a column per KPI: a header of the KPI's number (KPI `selected`'s
    /// marked), and a cell per district with its rating's glyph. The table shows the KPIs in
    /// view (`Regions.columnsInView`).
    func matrixModel(_ base: TableModel, selected: Int?, _ shared: SharedState) -> TableModel {
        var model = base
        model.columns += indicators.indices.map { kpiColumn($0, selected: $0 == selected, shared) }
        for r in areas.indices {
            guard case .data(var row) = model.rows[r] else { continue }
            row += tableCells[r]
            model.rows[r] = .data(row)
        }
        return model.markingSort(shared.sort(table: Self.table, columns: model.columns), shared.glyphs)
    }

    /// The district and count columns, with a row per district. The counts are of each
    /// district's own latest ratings: a shared team's (⋈) is not counted.
    func baseColumns(_ shared: SharedState) -> TableModel {
        let g = shared.glyphs
        let columns = [
            TableColumn("district", "District", .fit(min: 8, max: 22), export: ["area_code", "area"]),
            TableColumn("red", "\(g.rag(.red))R", align: .right, .fit(min: 3, max: 4), titleMarks: [.red]),
            TableColumn("amber", "\(g.rag(.amber))A", align: .right, .fit(min: 3, max: 4), titleMarks: [.amber]),
            TableColumn("green", "\(g.rag(.green))G", align: .right, .fit(min: 3, max: 4), titleMarks: [.green]),
        ]
        let rows: [TableRow] = areas.enumerated().map { r, code in
            let counts = [RAG.red, .amber, .green].map { rag in cells[r].filter { $0.ownRAG == rag }.count }
            var row = [TableCell(shared.areaName(code), export: [code, shared.areaName(code)])]
            for (k, rag) in [RAG.red, .amber, .green].enumerated() {
                row.append(TableCell("\(counts[k])\(g.rag(rag))", role: Glyphs.role(for: rag), marks: [.rating(rag)], export: [String(counts[k])], keepsRole: true,
                                     sort: .number(Double(counts[k]))))
            }
            return .data(row)
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// Every column the matrix can sort by: the district, the counts and each KPI (by its
    /// rating's severity), with a row per district; the KPI columns are the ones drawn.
    func sortingModel(_ shared: SharedState) -> TableModel {
        var model = baseColumns(shared)
        model.columns += indicators.map { TableColumn($0, $0, .fixed(1)) }
        for r in areas.indices {
            guard case .data(var row) = model.rows[r] else { continue }
            row += cells[r].map { TableCell("", sort: .rating($0.rating.rag, source: $0.rating.source)) }
            model.rows[r] = .data(row)
        }
        return model
    }

    /// "1 APP17  2 APP17-N …" for the KPI columns in view, wrapped to `width`.
    func keyText(_ shared: SharedState, first: Int, count: Int, width: Int) -> [String] {
        let items = (first..<(first + count)).map { "\($0 + 1) \(indicators[$0])" }
        var lines: [String] = []
        var line = "KPI columns:", lineWidth = TextWidth.of(line)
        for item in items {
            let itemWidth = TextWidth.of(item)
            if lineWidth + 2 + itemWidth > width {
                lines.append(line)
                (line, lineWidth) = (item, itemWidth)
            } else {
                let gap = line.hasSuffix(":") ? " " : "  "
                line += gap + item
                lineWidth += gap.count + itemWidth
            }
        }
        lines.append(line)
        // Say what the counts count when a cell shows a team's rating they leave out.
        if showsTeamRatings {
            lines += TextBlock.wrap("\(shared.glyphs[.sharedTeam]) a shared team's rating, not in the R/A/G counts", width: width)
        }
        return lines
    }

    /// Where the tile map goes, or nil when the districts have no tile positions or there is no
    /// room beside a matrix `matrixWidth` wide.
    func tileRegions(_ shared: SharedState, in rect: Rect, leaving matrixWidth: Int) -> TileRegions? {
        let placed = shared.dataset.children(of: shared.rootArea).filter { $0.tileRow != nil && $0.tileColumn != nil }
        guard !placed.isEmpty else { return nil }
        let cols = (placed.compactMap(\.tileColumn).max() ?? 0) + 1
        let available = rect.width - matrixWidth - 2
        let tileWidth = min(12, available / cols)
        guard tileWidth >= 5 else { return nil }
        let tileHeight = tileWidth >= 10 && rect.height >= 28 ? 4 : (tileWidth >= 9 ? 3 : 2)
        let width = tileWidth * cols
        let x = rect.right - width
        let title = Rect(x: x, y: rect.y, width: width, height: 1)
        let tiles = placed.compactMap { a -> (String, Rect)? in
            guard let r = a.tileRow, let c = a.tileColumn else { return nil }
            return (a.code, Rect(x: x + c * tileWidth, y: rect.y + 1 + r * tileHeight, width: tileWidth - 1, height: tileHeight - 1))
        }
        return TileRegions(title: title, tiles: tiles, tileHeight: tileHeight)
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        guard let code = selectedIndicator else {
            c.text(shared.isFiltering ? "No KPIs match the filter (x clears it)." : "No district figures in this dataset.", in: r.kpiLine, role: .muted)
            return
        }
        let ind = ds.indicator(code)
        let hint = "h/l: other KPIs"
        c.text("KPI \(column + 1)/\(indicators.count): \(code) \(ind?.name ?? "")", x: r.kpiLine.x, y: r.kpiLine.y,
               maxWidth: r.kpiLine.width - TextWidth.of(hint) - 2, role: .title)
        c.text(hint, x: r.kpiLine.right - TextWidth.of(hint), y: r.kpiLine.y, role: .muted)
        TableLayout.draw(r.model, r.table, cursor: areas.isEmpty ? nil : list.cursor, into: &c)
        // More KPI columns either side of those in view.
        let kpiCells = r.table.columns.filter { $0.index >= Regions.fixedColumns }
        if let firstCell = kpiCells.first, r.firstColumn > 0 {
            c.mark(.moreLeft, x: firstCell.x - 1, y: r.table.header.bottom - 1, role: .muted)
        }
        if let lastCell = kpiCells.last, r.firstColumn + r.visibleColumns < indicators.count {
            c.mark(.moreRight, x: lastCell.x + 2, y: r.table.header.bottom - 1, role: .muted)
        }
        if areas.isEmpty {
            let colours = shared.ragFilter.map(\.name).sorted().joined(separator: "/")
            c.text("No districts rated \(colours) on \(code) (x clears).", x: r.table.body.x + 1, y: r.table.body.y, role: .muted)
        }
        drawSuffixes(r, into: &c)
        let team = shared.glyphs[.sharedTeam]
        for (i, line) in r.keyLines.prefix(r.key.height).enumerated() {
            c.text(line, in: r.key.row(i), role: .muted, marks: line.contains(team) ? [.sharedTeam] : [])
        }
        if let tiles = r.tiles { drawTileMap(tiles, indicator: code, into: &c, shared) }
    }

    /// After each KPI cell's glyph, in the blank before the next column: `ʳ` for a rating by
    /// rule, `⋈` for a shared team's.
    func drawSuffixes(_ r: Regions, into c: inout Canvas) {
        for placed in r.table.rows where cells.indices.contains(placed.index) {
            for col in r.table.columns {
                guard let k = r.kpiColumn(ofModelColumn: col.index), k < cells[placed.index].count,
                      let suffix = cells[placed.index][k].suffix else { continue }
                c.mark(suffix, x: col.x + col.width, y: placed.y, role: cells[placed.index][k].role)
            }
        }
    }

    /// The tiles show the selected KPI's cell: the rating (with ʳ or ⋈) and its figure.
    func drawTileMap(_ t: TileRegions, indicator: String, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let ind = ds.indicator(indicator)
        let g = shared.glyphs
        c.text("Tile map · \(indicator)", in: t.title, role: .header)
        let selectedArea = areas.indices.contains(list.cursor) ? areas[list.cursor] : nil
        for (code, rect) in t.tiles {
            let area = ds.area(code: code)
            let name = area?.name ?? code
            let cell = MatrixCell.cells(ds, area: code, columns: [indicator: 0])[0]
            let team = cell.showsTeamRating ? g[.sharedTeam] : ""
            c.fill(rect, role: cell.role)
            if t.tileHeight >= 3 {
                c.text(rect.width >= 9 ? name : String(name.prefix(3)), in: rect.row(0), role: code == selectedArea ? .selection : cell.role)
                let figure = TableCell.figure(ds, row: cell.row, ind, g, unit: false)
                c.text("\(g.label(cell.rating))\(team) \(cell.row == nil ? "" : figure.text)", in: rect.row(1), role: cell.role,
                       marks: cell.marks + figure.marks)
            } else {
                // Name, glyph and its suffix in one row.
                let suffix = cell.suffix.map { g[$0] } ?? ""
                let room = max(1, rect.width - 1 - TextWidth.of(suffix))
                c.text(String(name.prefix(min(3, room))), in: rect.row(0), role: code == selectedArea ? .selection : cell.role)
                let x = rect.x + min(3, room)
                c.text(String(g.glyph(cell.rating)) + suffix, x: x, y: rect.y, maxWidth: rect.right - x, role: cell.role, ellipsis: false,
                       marks: cell.marks + (cell.suffix.map { [$0] } ?? []))
            }
        }
    }
}
