import ScorecardData

/// The EHCP pane's statistical neighbours: the area (Kent, or the local authority chosen with
/// `A`) and its neighbours in the DfE's calendar-year timeliness, as `report --neighbours`
/// computes them — a ranked bar list with the area highlighted, the neighbours' median across
/// the bars, where the area stands among them, and each one's national rank and quartile.
extension EHCPPane {
    /// The area compared with its neighbours: the area chosen when it has neighbours, else the
    /// root area.
    static func neighbourArea(_ shared: SharedState) -> String? { DetailPane.neighbourArea(shared) }

    /// The area's and its neighbours' report rows for the calendar-year indicator (the area's
    /// latest year), best first; empty without neighbours or figures. (The pane shows them in
    /// the order their table is sorted in: `Regions.neighbourRows`.)
    static func neighbourRows(_ shared: SharedState) -> [ReportRow] {
        guard let area = neighbourArea(shared) else { return [] }
        let rows = shared.dataset.neighbourReport(area: area, ReportQuery(indicator: EHCPStatement.calendarYear)).rows
        // Best first; ties and those without a figure keep the report's order (the area, then
        // its neighbours closest first).
        return rows.enumerated().sorted { a, b in
            switch (a.element.neighbourhood?.rank, b.element.neighbourhood?.rank) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Rank among them, name (the area highlighted), a bar, the figure and the national rank and
    /// quartile of the area and each neighbour.
    func neighbourTable(_ rows: [ReportRow], _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        guard let ind = ds.indicator(EHCPStatement.calendarYear), let first = rows.first else { return TableModel(columns: [], rows: []) }
        let standings = NationalColumns(shared)
        let columns = [
            TableColumn("neighbour_rank", "#", align: .right, .fit(max: 3), export: ["neighbour_rank", "neighbour_of"]),
            TableColumn("area", "Authority", .fit(min: 8, max: 20), export: ["area_code", "area", "neighbour"]),
            TableColumn("bar", "", .fill(min: 6), priority: 2, export: [], sortable: false),
            TableColumn("value", first.period.label, align: .right, .fit(max: 8)),
        ] + NationalColumns.standingColumns
        let area = Self.neighbourArea(shared)
        let model = rows.map { r -> TableRow in
            let n = r.neighbourhood
            let mine = r.areaCode == area
            let row = ds.seriesID(area: r.areaCode, indicator: ind.code).flatMap { s in
                ds.rows(series: s).first { ds.period(row: Int($0)) == r.period }.map(Int.init)
            }
            return .data([
                TableCell(n?.rank.map(String.init) ?? "", role: .muted, export: [n?.rank.map(String.init) ?? "", n.map { String($0.of) } ?? ""],
                          sort: .number(n?.rank.map(Double.init))),
                TableCell(r.areaName, role: mine ? .highlight : .text, export: [r.areaCode, r.areaName, n?.neighbour.map(String.init) ?? ""]),
                // The bar's length is its share of the largest; drawn to the column's width.
                TableCell("", export: [], keepsRole: true),
                TableCell(Fmt.value(r.value, ind), role: mine ? .highlight : .text, export: [Fmt.plain(r.value, ind)], sort: .number(r.value)),
            ] + standings.standingCells(row: row))
        }
        return TableModel(columns: columns, rows: model)
    }

    /// Fills each bar to its column's width, and says where the median falls in it.
    static func fillNeighbourBars(_ model: inout TableModel, _ rows: [ReportRow], width: Int, _ shared: SharedState) -> Int? {
        guard width > 0, let bar = model.columns.firstIndex(where: { $0.id == "bar" }) else { return nil }
        let maxValue = rows.compactMap(\.value).map(abs).max() ?? 0
        guard maxValue > 0 else { return nil }
        let area = neighbourArea(shared)
        func cells(_ v: Double) -> Int { max(0, min(width, Int((abs(v) / maxValue * Double(width)).rounded()))) }
        for (i, r) in rows.enumerated() where i < model.rows.count {
            guard case .data(var row) = model.rows[i] else { continue }
            let filled = r.value.map(cells) ?? 0
            row[bar] = TableCell(shared.glyphs.bar(filled), role: r.areaCode == area ? .highlight : .chartLine,
                                 marks: filled > 0 ? [.bar] : [], keepsRole: true)
            model.rows[i] = .data(row)
        }
        return rows.first?.neighbourhood?.median.map { max(0, cells($0) - 1) }
    }

    /// `Kent 7 of 11 · below the median 35.5% ┊ · mean 40.5%`: where the area stands among its
    /// neighbours, and their median and mean (the area left out), as `report --neighbours`.
    static func neighbourSummary(_ rows: [ReportRow], _ shared: SharedState, glyphs: Glyphs) -> (text: String, marks: [Mark]) {
        let ind = shared.dataset.indicator(EHCPStatement.calendarYear)
        guard let area = neighbourArea(shared), let mine = rows.first(where: { $0.areaCode == area }), let n = mine.neighbourhood else { return ("", []) }
        var parts = [n.rank.map { "\(mine.areaName) \($0) of \(n.of)" } ?? "\(mine.areaName) has no figure"]
        guard let median = n.median else { return ((parts + ["no neighbour has a figure"]).joined(separator: " · "), []) }
        var side = "median"
        // Compared as printed: the median is worked at the indicator's decimals.
        if let v = mine.value.flatMap({ Double(ValueFormatter.display($0, decimals: ind?.decimals)) }) {
            let better = n.polarity == .low ? v < median : v > median
            side = v == median ? "at the median" : (better ? "above the median" : "below the median")
        }
        parts.append("\(side) \(Fmt.value(median, ind)) \(glyphs[.neighbourMedian])")
        if let mean = n.mean { parts.append("mean \(Fmt.value(mean, ind))") }
        return (parts.joined(separator: " · "), [.neighbourMedian])
    }

    /// Lays the neighbours out in `rect`: title, where the area stands, then the table with the
    /// area kept in view.
    func placeNeighbours(_ r: inout Regions, in rect: Rect, _ shared: SharedState) {
        guard rect.height >= 4, !r.neighboursModel.rows.isEmpty, r.neighboursTitle.height == 0 else { return }
        let parts = Layout.vertical([.length(1), .length(1), .fill(1)]).split(rect)
        r.neighboursTitle = parts[0]
        r.neighboursSummary = parts[1]
        let area = Self.neighbourArea(shared)
        let mine = r.neighbourRows.firstIndex { $0.areaCode == area } ?? 0
        r.neighbours = TableLayout.regions(r.neighboursModel, in: parts[2], cursor: mine, scroll: 0)
        let width = r.neighboursModel.columns.firstIndex { $0.id == "bar" }.flatMap { r.neighbours.column($0)?.width } ?? 0
        r.neighbourMedian = Self.fillNeighbourBars(&r.neighboursModel, r.neighbourRows, width: width, shared)
    }

    /// The rows the whole neighbour list takes: title, summary, header and a row each.
    static func neighboursHeight(_ model: TableModel) -> Int { model.rows.isEmpty ? 0 : 3 + model.rows.count }

    func drawNeighbours(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        guard r.neighboursTitle.height > 0, let area = Self.neighbourArea(shared) else { return }
        let year = r.neighbourRows.first?.period.label ?? ""
        let hint = viewHint(r, .neighbours, shared)
        c.text("\(shared.areaName(area)) among its statistical neighbours, \(year)" + (hint.isEmpty ? " · a click opens one" : hint), in: r.neighboursTitle, role: .header)
        let summary = Self.neighbourSummary(r.neighbourRows, shared, glyphs: c.glyphs)
        c.text(summary.text, in: r.neighboursSummary, role: .muted, marks: summary.marks)
        TableLayout.draw(r.neighboursModel, r.neighbours, cursor: nil, into: &c)
        // The median across the bars.
        guard let median = r.neighbourMedian, let bar = r.neighboursModel.columns.firstIndex(where: { $0.id == "bar" }),
              let column = r.neighbours.column(bar) else { return }
        for placed in r.neighbours.rows {
            c[column.x + median, placed.y] = Cell(c.glyphs.character(.neighbourMedian), role: .chartBenchmark)
        }
        if !r.neighbours.rows.isEmpty { c.record(.neighbourMedian) }
    }

    /// A click on a neighbour's row opens its calendar-year KPI detail.
    func clickNeighbour(x: Int, y: Int, _ r: Regions) -> [PaneIntent]? {
        guard case .row(let i)? = r.neighbours.hit(x: x, y: y), case .data(let cells) = r.neighboursModel.rows[i],
              let code = cells[1].export?.first else { return nil }
        return [.open(.detail, area: code, indicator: EHCPStatement.calendarYear)]
    }
}
