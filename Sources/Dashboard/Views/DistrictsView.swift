import ScorecardData

/// Pane 2: the root area's districts against every KPI as a RAG matrix, with RAG counts and a
/// tile map coloured by the selected KPI.
enum DistrictsView {
    static let nameWidth = 22
    static let countsWidth = 13

    static func draw(into c: inout Canvas, state s: DashboardState) {
        let ds = s.dataset
        guard !s.districtIndicators.isEmpty else {
            c.text(s.isFiltering ? "No districts match the filter (x clears it)." : "No district figures in this dataset.", x: 2, y: 3, role: .muted)
            return
        }
        let selectedCode = s.districtIndicators[min(s.column, s.districtIndicators.count - 1)]
        let ind = ds.indicator(selectedCode)
        // KPI line.
        let kpi = "KPI \(s.column + 1)/\(s.districtIndicators.count): \(selectedCode) \(ind?.name ?? "")"
        c.text(kpi, x: 1, y: 2, maxWidth: s.width - 12, role: .title)
        c.text("h/l ←→", x: s.width - 8, y: 2, role: .muted)

        // Split: matrix left, tile map right when there is room.
        let tiles = tileGeometry(s)
        let matrixWidth = s.width - (tiles.map { $0.width + 2 } ?? 0)
        let cellsX = 1 + nameWidth + 1 + countsWidth + 1
        let visibleColumns = max(1, (matrixWidth - cellsX - 1) / 2)
        var firstColumn = 0
        if s.column >= visibleColumns { firstColumn = s.column - visibleColumns + 1 }
        firstColumn = min(firstColumn, max(0, s.districtIndicators.count - visibleColumns))

        // Header: column marker and titles.
        c.text(TextWidth.fit("District", nameWidth), x: 1, y: 3, role: .header)
        c.text(TextWidth.fit("\(s.glyphs.rag(.red))R \(s.glyphs.rag(.amber))A \(s.glyphs.rag(.green))G", countsWidth), x: 1 + nameWidth + 1, y: 3, role: .header)
        for i in 0..<visibleColumns {
            let col = firstColumn + i
            guard col < s.districtIndicators.count else { break }
            let x = cellsX + i * 2
            if col == s.column {
                c.text(s.glyphs.ascii ? "v" : "▼", x: x, y: 3, role: .highlight)
            } else if col % 5 == 0 {
                c.text(s.glyphs.ascii ? "'" : "╵", x: x, y: 3, role: .muted)
            }
        }
        if firstColumn > 0 { c.text("‹", x: cellsX - 1, y: 3, role: .muted) }
        if firstColumn + visibleColumns < s.districtIndicators.count { c.text("›", x: cellsX + visibleColumns * 2, y: 3, role: .muted) }

        let top = Layout.listTop(s) - 1
        let visible = Layout.listHeight(s)
        if s.districtAreas.isEmpty {
            c.text("No districts rated \(s.ragFilter.map { $0.name }.sorted().joined(separator: "/")) on \(selectedCode) (x clears).", x: 2, y: top + 1, role: .muted)
        }
        for i in 0..<visible {
            let index = s.scroll + i
            guard index < s.districtAreas.count else { break }
            let y = top + i
            let code = s.districtAreas[index]
            let name = ds.area(code: code)?.name ?? code
            c.text(TextWidth.fit(name, nameWidth), x: 1, y: y, role: .text)
            let row = s.matrix[index]
            let counts = [RAG.red, .amber, .green].map { r in row.filter { $0 == r.rawValue }.count }
            var cx = 1 + nameWidth + 1
            for (k, rag) in [RAG.red, .amber, .green].enumerated() {
                let t = String(counts[k])
                let padded = TextWidth.fit(t, 3, alignRight: true) + String(s.glyphs.rag(rag))
                c.text(padded, x: cx, y: y, role: Glyphs.role(for: rag))
                cx += 4
            }
            for k in 0..<visibleColumns {
                let col = firstColumn + k
                guard col < row.count else { break }
                let rag = RAG(rawValue: row[col])
                c.text(String(s.glyphs.rag(rag)), x: cellsX + k * 2, y: y, role: rag == nil ? .tileEmpty : Glyphs.role(for: rag))
            }
            if index == s.cursor {
                c.paint(x: 0, y: y, width: 1 + nameWidth, role: .selection)
            }
        }
        if let tiles { drawTileMap(into: &c, state: s, indicator: selectedCode, geometry: tiles) }
    }

    struct TileGeometry {
        var x: Int, y: Int, width: Int, height: Int, tileWidth: Int, tileHeight: Int, rows: Int, cols: Int
    }

    /// Where the tile map goes, or nil when the areas have no tile positions or there is no room.
    static func tileGeometry(_ s: DashboardState) -> TileGeometry? {
        let areas = s.dataset.children(of: s.rootArea).filter { $0.tileRow != nil && $0.tileColumn != nil }
        guard !areas.isEmpty else { return nil }
        let rows = (areas.compactMap(\.tileRow).max() ?? 0) + 1
        let cols = (areas.compactMap(\.tileColumn).max() ?? 0) + 1
        let available = s.width - (1 + nameWidth + 1 + countsWidth + 1 + 2 * 4) - 2
        let tileWidth = min(16, available / cols)
        guard tileWidth >= 5 else { return nil }
        let tileHeight = tileWidth >= 10 && s.height >= 30 ? 4 : (tileWidth >= 9 ? 3 : 2)
        let width = tileWidth * cols
        return TileGeometry(x: s.width - width - 1, y: 4, width: width, height: tileHeight * rows + 2, tileWidth: tileWidth,
                            tileHeight: tileHeight, rows: rows, cols: cols)
    }

    static func drawTileMap(into c: inout Canvas, state s: DashboardState, indicator: String, geometry g: TileGeometry) {
        let ds = s.dataset
        let ind = ds.indicator(indicator)
        c.text("Tile map · \(indicator)", x: g.x, y: g.y - 1, maxWidth: g.width, role: .header)
        for area in ds.children(of: s.rootArea) {
            guard let r = area.tileRow, let col = area.tileColumn else { continue }
            let x = g.x + col * g.tileWidth
            let y = g.y + r * g.tileHeight
            let rag = s.worstRAG(area: area.code, indicator: indicator)
            let series = ds.seriesID(area: area.code, indicator: indicator)
            let value = series.flatMap { ds.latestRow(series: $0) }.flatMap { ds.value(row: $0) }
            let role: StyleRole = rag == nil ? .tileEmpty : Glyphs.role(for: rag)
            let w = g.tileWidth - 1
            let selected = s.districtAreas.indices.contains(s.cursor) && s.districtAreas[s.cursor] == area.code
            c.fill(x: x, y: y, width: w, height: g.tileHeight - 1, character: " ", role: role)
            let abbreviation = g.tileWidth >= 10 ? area.name : String(area.name.prefix(3))
            c.text(abbreviation, x: x, y: y, maxWidth: w, role: selected ? .selection : role)
            if g.tileHeight >= 3 {
                let line = "\(s.glyphs.ragLabel(rag)) \(value.map { Fmt.plain($0, ind) } ?? "")"
                c.text(line, x: x, y: y + 1, maxWidth: w, role: role)
            } else {
                c.text(String(s.glyphs.rag(rag)), x: x + min(3, w - 1), y: y, role: role)
            }
        }
        let legendY = g.y + g.rows * g.tileHeight
        let legend = RAG.allCases.reversed().map { s.glyphs.ragLabel($0) }.joined(separator: "  ") + "  " + s.glyphs.ragLabel(nil)
        c.text(legend, x: g.x, y: legendY, maxWidth: g.width, role: .muted)
    }
}
