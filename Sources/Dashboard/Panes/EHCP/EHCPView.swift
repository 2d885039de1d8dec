import ScorecardData

extension EHCPPane {
    /// Pane 4's layout: the headline, the statement, the chart, and the district, driver and
    /// calendar-year tables (beside the chart and under it when wide; one at a time under it,
    /// by `v`, when narrow).
    public struct Regions: Sendable {
        public var frame: Rect
        public var wide: Bool
        public var headline: Rect
        public var statement: Rect
        public var statementLines: [(text: String, role: StyleRole)]
        public var chart: Rect
        public var districtsTitle: Rect
        public var districtsModel: TableModel
        public var districts: TableRegions
        public var driversTitle: Rect
        public var driversModel: TableModel
        public var drivers: TableRegions
        public var yearsTitle: Rect
        public var yearsModel: TableModel
        public var years: TableRegions
        /// The calendar years are sorted by a column (a header click): shown from the top, not the latest.
        public var yearsSorted = false
        /// Two rows: the spread of all authorities in the latest year, and its scale.
        public var spread: Rect
        /// Under the calendar years: why England has two figures for one year.
        public var note: Rect
        public var noteLines: [String]
        /// The area beside its statistical neighbours: the report's rows (best first), a title,
        /// where it stands, the bar list.
        public var neighbourRows: [ReportRow] = []
        public var neighboursTitle = Rect.zero
        public var neighboursSummary = Rect.zero
        public var neighboursModel = TableModel(columns: [], rows: [])
        public var neighbours = TableRegions(frame: .zero, header: .zero, body: .zero, columns: [], rows: [], firstRow: 0)
        /// The bar column's cell where the neighbours' median falls.
        public var neighbourMedian: Int?
        /// Wide, but too short for both the calendar years and the neighbours: `v` switches.
        public var takingTurns = false
    }

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let ds = shared.dataset
        let inner = body.inset(left: 1, right: 1)
        let wide = body.width >= LowerView.wideLayoutWidth
        let districtsModel = districtTable(shared).markingSort(shared.sort(table: Self.table, columns: Self.districtColumns), shared.glyphs)
        // The tables without a cursor sort by a header click (`o` and `O` sort the districts).
        let driversModel = driverTable(shared).sorted(as: Self.driversTable, shared).model
        let (yearsModel, yearsOrder) = yearTable(shared).sorted(as: Self.yearsTable, shared)
        let none = TableLayout.regions(TableModel(columns: [], rows: []), in: .zero, cursor: 0, scroll: 0)
        var r = Regions(frame: inner, wide: wide, headline: .zero, statement: .zero, statementLines: [], chart: .zero,
                        districtsTitle: .zero, districtsModel: districtsModel, districts: none, driversTitle: .zero, driversModel: driversModel,
                        drivers: none, yearsTitle: .zero, yearsModel: yearsModel, years: none, spread: .zero, note: .zero, noteLines: [])
        r.yearsSorted = yearsOrder != nil
        // The neighbours' report rows in the order of their table's rows (the bars follow them).
        let neighbourRows = Self.neighbourRows(shared)
        let (neighboursModel, neighboursOrder) = neighbourTable(neighbourRows, shared).sorted(as: Self.neighboursTable, shared)
        r.neighbourRows = neighboursOrder.map { $0.map { neighbourRows[$0] } } ?? neighbourRows
        r.neighboursModel = neighboursModel
        guard ds.indicator(EHCPStatement.headline) != nil, ds.seriesID(area: shared.rootArea, indicator: EHCPStatement.headline) != nil else {
            r.headline = inner.row(1)
            return r
        }
        // The statement, wrapped; the note on England's two figures after it.
        var lines: [(String, StyleRole)] = []
        for sentence in EHCPStatement.sentences(dataset: ds, area: shared.rootArea) {
            let role: StyleRole = sentence.hasPrefix("Projection") ? .warning : .text
            lines += TextBlock.wrap(sentence, width: inner.width - 2).map { ($0, role) }
        }
        let parts = Layout.vertical([.length(3), .length(1), .length(lines.count), .length(1), .fill(1)]).split(inner)
        r.headline = parts[0]
        r.statement = parts[2].inset(left: 1)
        r.statementLines = Array(lines.prefix(parts[2].height))
        let rest = parts[4]
        let chartHeight = rest.height >= 9 ? min(14, max(6, rest.height / 2)) : 0
        if wide {
            let sides = Layout.horizontal([.percentage(50), .fill(1)], spacing: 2).split(rest)
            let districtsHeight = 2 + districtsModel.rows.count
            let driversHeight = 1 + 1 + driversModel.rows.count
            // With neighbours to show and room under every district, the drivers go there and
            // the right holds the neighbours and the calendar years.
            let neighboursHeight = Self.neighboursHeight(r.neighboursModel)
            if neighboursHeight > 0, sides[0].height - chartHeight - 1 >= districtsHeight + 1 + driversHeight {
                let left = Layout.vertical([.length(chartHeight), .length(chartHeight > 0 ? 1 : 0), .length(districtsHeight), .length(1), .fill(1)])
                    .split(sides[0])
                r.chart = left[0]
                placeDistricts(&r, in: left[2])
                placeDrivers(&r, in: left[4])
                placeNeighboursAndYears(&r, in: sides[1], shared)
            } else {
                let left = Layout.vertical([.length(chartHeight), .length(chartHeight > 0 ? 1 : 0), .fill(1)]).split(sides[0])
                r.chart = left[0]
                placeDistricts(&r, in: left[2])
                let rightParts = Layout.vertical([.length(driversHeight), .length(1), .fill(1)]).split(sides[1])
                placeDrivers(&r, in: rightParts[0])
                placeNeighboursAndYears(&r, in: rightParts[2], shared)
            }
        } else {
            let parts = Layout.vertical([.length(chartHeight), .length(chartHeight > 0 ? 1 : 0), .fill(1)]).split(rest)
            r.chart = parts[0]
            let lower = parts[2]
            switch view {
            case .districts:
                // The drivers follow the districts when there is room.
                let tableHeight = 2 + districtsModel.rows.count
                let driversHeight = 2 + driversModel.rows.count
                if lower.height >= tableHeight + 1 + driversHeight {
                    let split = Layout.vertical([.length(tableHeight), .length(1), .length(driversHeight)]).split(lower)
                    placeDistricts(&r, in: split[0])
                    placeDrivers(&r, in: split[2])
                } else {
                    placeDistricts(&r, in: lower)
                }
            case .drivers: placeDrivers(&r, in: lower)
            case .calendarYears: placeYears(&r, in: lower, shared)
            case .neighbours: placeNeighbours(&r, in: lower, shared)
            }
        }
        return r
    }

    /// The neighbours, then the calendar years, when both fit whole; otherwise one at a time,
    /// the calendar years first (`v` switches).
    func placeNeighboursAndYears(_ r: inout Regions, in rect: Rect, _ shared: SharedState) {
        let neighboursHeight = Self.neighboursHeight(r.neighboursModel)
        guard neighboursHeight > 0, !r.yearsModel.rows.isEmpty else {
            placeNeighbours(&r, in: rect, shared)
            placeYears(&r, in: rect, shared)
            return
        }
        let note = EHCPStatement.englandFigures(dataset: shared.dataset).map { TextBlock.wrap($0, width: rect.width).count } ?? 0
        let yearsHeight = 1 + 1 + r.yearsModel.rows.count + 2 + note
        if rect.height >= neighboursHeight + 1 + yearsHeight {
            let split = Layout.vertical([.length(neighboursHeight), .length(1), .fill(1)]).split(rect)
            placeNeighbours(&r, in: split[0], shared)
            placeYears(&r, in: split[2], shared)
        } else {
            r.takingTurns = true
            if view == .neighbours { placeNeighbours(&r, in: rect, shared) } else { placeYears(&r, in: rect, shared) }
        }
    }

    /// ` · v: NEXT` after the title of a part that `v` replaces here ("" where it changes nothing).
    func viewHint(_ r: Regions, _ part: LowerView, _ shared: SharedState) -> String {
        if r.wide {
            guard r.takingTurns, part == .calendarYears || part == .neighbours else { return "" }
            return part == .calendarYears ? " · v: neighbours" : " · v: years"
        }
        return part == view || part == .districts ? " · v: \(nextView(shared).title)" : ""
    }

    func placeDistricts(_ r: inout Regions, in rect: Rect) {
        guard rect.height >= 2 else { return }
        let (title, table) = rect.splitTop(1)
        r.districtsTitle = title
        r.districts = TableLayout.regions(r.districtsModel, in: table, cursor: list.cursor, scroll: list.scroll)
    }

    func placeDrivers(_ r: inout Regions, in rect: Rect) {
        guard rect.height >= 2 else { return }
        let (title, table) = rect.splitTop(1)
        r.driversTitle = title
        r.drivers = TableLayout.regions(r.driversModel, in: table, cursor: 0, scroll: 0)
    }

    /// The calendar years, every one that fits with the latest at the bottom, then the spread
    /// and the note on England's two figures (when there is room for them).
    func placeYears(_ r: inout Regions, in rect: Rect, _ shared: SharedState) {
        guard rect.height >= 3, !r.yearsModel.rows.isEmpty else { return }
        let note = EHCPStatement.englandFigures(dataset: shared.dataset).map { TextBlock.wrap($0, width: rect.width) } ?? []
        // The note first (it explains a figure in the table), then the spread.
        let noteHeight = rect.height >= 3 + note.count ? note.count : 0
        let spreadHeight = rect.height >= 6 + noteHeight ? 2 : 0
        let tableHeight = min(rect.height - 1 - spreadHeight - noteHeight, r.yearsModel.rows.count + 1)
        let parts = Layout.vertical([.length(1), .length(tableHeight), .length(spreadHeight), .length(noteHeight)]).split(rect)
        r.yearsTitle = parts[0]
        // The latest year at the bottom; sorted, the first rows of the order.
        let last = r.yearsSorted ? 0 : r.yearsModel.rows.count - 1
        r.years = TableLayout.regions(r.yearsModel, in: parts[1], cursor: last, scroll: last)
        r.spread = parts[2]
        r.note = parts[3]
        r.noteLines = Array(note.prefix(noteHeight))
    }

    /// Every district's latest value, trend and rating, worst first.
    func districtTable(_ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let ind = ds.indicator(EHCPStatement.headline)
        let g = shared.glyphs
        let columns = Self.districtColumns
        let rows: [TableRow] = series.map { sid in
            let info = ds.series(sid)
            let latest = ds.latestRow(series: sid)
            let num = latest.flatMap { ds.numerator(row: $0) }, den = latest.flatMap { ds.denominator(row: $0) }
            return .data([
                TableCell(shared.areaName(info.area), export: [info.area, shared.areaName(info.area)]),
                .notes(ds, series: sid, g),
                .rating(ds, row: latest, g),
                .figure(ds, row: latest, ind, g),
                .trend(ds.trendRows(series: sid).map { ds.value(row: $0) }, width: 12, g, decimals: ind?.decimals),
                TableCell(Fmt.fraction(num, den), role: .muted, export: [ValueFormatter.plain(opt: num), ValueFormatter.plain(opt: den)], sort: .number(num)),
                TableCell(latest.map { ds.period(row: $0).label } ?? "", role: .muted, export: [latest.map { ds.period(row: $0).description } ?? ""],
                          sort: latest.map { .period(ds.period(row: $0)) } ?? .missing),
            ])
        }
        return TableModel(columns: columns, rows: rows).droppingEmptyColumn("notes").aligningFigures()
    }

    /// The district table's columns.
    static let districtColumns: [TableColumn] = [
        TableColumn("district", "District", .fit(min: 8, max: 24), export: ["area_code", "area"]),
        .notes,
        .rating(),
        .figure("Latest", max: 12),
        TableColumn("trend", "Trend", .fit(min: 5, max: 12), priority: 2, sortable: false),
        TableColumn("numden", "Issued/all", align: .right, .fit(max: 14), priority: 1, export: ["numerator", "denominator"]),
        TableColumn("period", "Period", .fit(max: 10), priority: 3),
    ]

    /// The district table's id for sorting (`SharedState.sorts`).
    static let table = "ehcp"

    /// The ids for sorting of the tables without a cursor (a header click sorts them; `o` and
    /// `O` sort the districts).
    static let driversTable = "ehcp-drivers", yearsTable = "ehcp-years", neighboursTable = "ehcp-neighbours"

    /// The sortable column ids of those tables, for `--sort`.
    static let secondaryColumnIDs = ["indicator", "name", "value", "rag", "year", "england", "region", "neighbour_rank", "area"]
        + NationalColumns.standingColumns.map(\.id)

    /// The measures that drive timeliness: latest value, trend and rating.
    func driverTable(_ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let g = shared.glyphs
        let columns = [
            TableColumn("indicator", "Code", .fit(max: 12)),
            .notes,
            TableColumn("name", "Measure", .fill(min: 10)),
            .figure("Latest", max: 12),
            TableColumn("trend", "Trend", .fit(min: 5, max: 8), priority: 1, sortable: false),
            .rating(),
        ]
        let rows: [TableRow] = EHCPStatement.drivers.compactMap { code in
            guard let ind = ds.indicator(code) else { return nil }
            let sid = ds.seriesID(area: shared.rootArea, indicator: code)
            let latest = sid.flatMap { ds.latestRow(series: $0) }
            return .data([
                TableCell(code, role: .muted),
                sid.map { .notes(ds, series: $0, g) } ?? TableCell("", export: [""]),
                TableCell(ind.name),
                .figure(ds, row: latest, ind, g),
                .trend(sid.map { ds.trendRows(series: $0).map { ds.value(row: $0) } } ?? [], width: 8, g, decimals: ind.decimals),
                .rating(ds, row: latest, g),
            ])
        }
        return TableModel(columns: columns, rows: rows).droppingEmptyColumn("notes").aligningFigures()
    }

    /// The DfE calendar-year figures: the root's share each year beside England's and the
    /// region's, and its rank among all local authorities.
    func yearTable(_ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let code = EHCPStatement.calendarYear
        guard let ind = ds.indicator(code), let sid = ds.seriesID(area: shared.rootArea, indicator: code) else { return TableModel(columns: [], rows: []) }
        let country = ds.country(of: shared.rootArea), region = ds.region(of: shared.rootArea)
        let g = shared.glyphs
        let columns = [
            TableColumn("year", "Year", .fit(max: 8)),
            TableColumn("value", shared.areaName(shared.rootArea), align: .right, .fit(min: 6, max: 12), export: ["value", "status"]),
            TableColumn("england", country?.name ?? "England", align: .right, .fit(min: 6, max: 12), export: ["england", "england_status"]),
            TableColumn("region", region?.name ?? "Region", align: .right, .fit(min: 6, max: 12), priority: 1, export: ["region", "region_status"]),
        ] + NationalColumns.standingColumns.map { column in
            // Among all local authorities, ties sharing the better rank (as `report`).
            var c = column
            c.priority = 2
            if c.id == "national_rank" {
                c.title = "Rank of all LAs"
                c.sizing = .fit(max: 16)
            }
            return c
        }
        let standings = NationalColumns(shared)
        let rows: [TableRow] = ds.trendRows(series: sid).map { r in
            let p = ds.period(row: r)
            let eng = country.flatMap { ds.observation(area: $0.code, indicator: code, period: p) }
            let reg = region.flatMap { ds.observation(area: $0.code, indicator: code, period: p) }
            return .data([
                TableCell(p.label, export: [p.description], sort: .period(p)),
                .figure(ds, row: r, ind, g),
                .figure(eng?.value, ind, status: eng?.status, g, role: .muted),
                .figure(reg?.value, ind, status: reg?.status, g, role: .muted),
            ] + standings.standingCells(row: r))
        }
        return TableModel(columns: columns, rows: rows).aligningFigures()
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let code = EHCPStatement.headline
        guard let ind = ds.indicator(code), let sid = ds.seriesID(area: shared.rootArea, indicator: code) else {
            c.text("This dataset has no \(code) (EHCPs issued within 20 weeks) series for \(shared.areaName(shared.rootArea)).", in: r.headline, role: .muted)
            return
        }
        drawHeadline(r.headline, ind, series: sid, into: &c, shared)
        for (i, line) in r.statementLines.enumerated() { c.text(line.text, in: r.statement.row(i), role: line.role) }
        let latest = ds.latestRow(series: sid)
        let bench = ds.comparators(indicator: code)
        if r.chart.height > 0 {
            let rows = ds.trendRows(series: sid)
            // The target and floor set for this area, never the KPI's for another area.
            LineChart(points: rows.map { (ds.period(row: $0).label, ds.value(row: $0)) },
                      references: LineChart.references(target: latest.flatMap { ds.target(row: $0) }, floor: latest.flatMap { ds.floor(row: $0) },
                                                       national: bench.national, regional: bench.regional, decimals: ind.decimals),
                      decimals: ind.decimals, statuses: rows.map { ds.status(row: $0) }).draw(in: r.chart, into: &c)
        }
        if r.districtsTitle.height > 0 {
            let order = shared.sort(table: Self.table, columns: Self.districtColumns).map { "sorted by \($0.column)" } ?? "worst first"
            c.text("Districts, \(order) · Enter opens one" + viewHint(r, .districts, shared), in: r.districtsTitle, role: .header)
            TableLayout.draw(r.districtsModel, r.districts, cursor: series.isEmpty ? nil : list.cursor, into: &c)
        }
        if r.driversTitle.height > 0 {
            c.text("What drives it" + viewHint(r, .drivers, shared), in: r.driversTitle, role: .header)
            TableLayout.draw(r.driversModel, r.drivers, cursor: nil, into: &c)
        }
        if r.yearsTitle.height > 0, let cy = ds.indicator(EHCPStatement.calendarYear) {
            // The hint before the indicator's long name, so a narrow title keeps it.
            let hint = viewHint(r, .calendarYears, shared)
            c.text("DfE calendar years" + (hint.isEmpty ? ": " : hint + " — ") + cy.name, in: r.yearsTitle, role: .header)
            TableLayout.draw(r.yearsModel, r.years, cursor: nil, into: &c)
            drawSpread(r.spread, into: &c, shared)
            for (i, line) in r.noteLines.enumerated() { c.text(line, in: r.note.row(i), role: .muted) }
        }
        drawNeighbours(r, into: &c, shared)
    }

    func drawHeadline(_ rect: Rect, _ ind: Indicator, series sid: Int, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let g = shared.glyphs
        let latest = ds.latestRow(series: sid)
        let rating = ShownRating(ds, row: latest), rag = rating.rag
        let value = latest.flatMap { ds.value(row: $0) }
        let status = latest.flatMap { ds.status(row: $0) }
        let big = value.map { ValueFormatter.display($0, decimals: ind.decimals) + "%" } ?? "-"
        for (i, row) in BigText.rows(big, ascii: g.ascii).enumerated() {
            c.text(row, x: rect.x + 1, y: rect.y + i, role: Glyphs.role(for: rag), marks: [.bigDigit])
        }
        let x = rect.x + 1 + BigText.width(big) + 2
        let w = rect.right - x
        var line1 = "\(shared.areaName(shared.rootArea)): EHCPs issued within 20 weeks"
        if let r = latest { line1 += " · \(ds.period(row: r).label)" }
        c.text(line1, x: x, y: rect.y, maxWidth: w, role: .title)
        var line2 = g.words(rating)
        var marks: [Mark] = rating.marks
        if let status {
            line2 += " · \(g.status(status)) \(Mark.status(status).entry.short)"
            marks.append(.status(status))
        }
        if let r = latest {
            if let n = ds.numerator(row: r), let d = ds.denominator(row: r) { line2 += " · \(Fmt.count(n)) of \(Fmt.count(d)) plans" }
            if let dot = ds.dot(row: r) {
                line2 += " · \(g.dot(dot)) \(dot.name)"
                marks.append(.travel(dot))
            }
        }
        c.text(line2, x: x, y: rect.y + 1, maxWidth: w, role: Glyphs.role(for: rag), marks: marks)
        let target = latest.flatMap { ds.target(row: $0) }
        let bench = ds.comparators(indicator: EHCPStatement.headline)
        var line3 = target.map { "target \(Fmt.value($0, ind))" } ?? "no target for this area"
        if let e = bench.national { line3 += " · \(e.comparator) \(Fmt.value(e.value, ind)) (\(e.period.label))" }
        if let se = bench.regional { line3 += " · \(se.comparator) \(Fmt.value(se.value, ind)) (\(se.period.label))" }
        c.text(line3, x: x, y: rect.y + 2, maxWidth: w, role: .muted)
    }

    /// How many authorities had each share in the latest year, with the root area marked.
    func drawSpread(_ rect: Rect, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let code = EHCPStatement.calendarYear
        guard rect.height >= 2, let sid = ds.seriesID(area: shared.rootArea, indicator: code), let last = ds.latestRow(series: sid) else { return }
        let period = ds.period(row: last)
        let peers = CalendarYearRanks(dataset: ds, indicator: code, area: shared.rootArea)
        let missing = peers.withoutFigure(period: period)
        let title = "All authorities \(period.label) by share (\(c.glyphs[.areaMarker]) \(shared.areaName(shared.rootArea))"
            + (missing > 0 ? "; \(missing) without a figure" : "") + "):"
        c.text(title, in: rect.row(0), role: .muted, marks: [.areaMarker])
        let bins = max(10, rect.width - 12)
        guard let h = peers.histogram(period: period, bins: bins) else { return }
        let levels = c.glyphs.sparkLevels
        let top = h.counts.max() ?? 1
        var strip = h.counts.map { $0 == 0 ? Character(" ") : levels[min(levels.count - 1, $0 * (levels.count - 1) / max(1, top))] }
        if let mine = h.areaBin { strip[mine] = c.glyphs.character(.areaMarker) }
        let lo = ValueFormatter.fixed(h.low, decimals: 0) + "%", hi = ValueFormatter.fixed(h.high, decimals: 0) + "%"
        var x = rect.x + c.text(lo + " ", x: rect.x, y: rect.y + 1, role: .chartAxis)
        x += c.text(String(strip), x: x, y: rect.y + 1, maxWidth: rect.right - x - TextWidth.of(hi) - 1, role: .chartLine, marks: [.spread])
        c.text(" " + hi, x: x, y: rect.y + 1, role: .chartAxis)
    }
}
