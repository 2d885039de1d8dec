import ScorecardData

extension ScorecardPane {
    /// Pane 1's layout: the KPI table (its column model, rows and place on screen).
    public struct Regions: Sendable {
        public var model: TableModel
        public var table: TableRegions
        /// Where "no KPIs match" goes when the table is empty.
        public var empty: Rect
    }

    /// The columns, in order. Short columns fit their widest value; the KPI name takes what is
    /// left; on a narrow screen the benchmarks go first, then the period, Num/Den, the trend.
    /// The notes marker's column takes room only when a row has notes.
    static let columns: [TableColumn] = [
        .rating(),
        TableColumn("indicator", "Code", .fit(min: 4, max: 12)),
        .notes,
        TableColumn("name", "Indicator", .fill(min: 18), export: ["team", "name"]),
        .figure("Latest"),
        TableColumn("target", "Target", align: .right, .fit(max: 12), priority: 1),
        .gap(priority: 2),
        TableColumn("dot", "DoT", .fit(min: 3, max: 3), priority: 1),
        TableColumn("trend", "Trend", .fit(min: 5, max: 12), priority: 2, sortable: false),
        TableColumn("period", "Period", .fit(max: 14), priority: 4),
        TableColumn("numden", "Num/Den", align: .right, .fit(max: 18), priority: 3, export: ["numerator", "denominator"]),
        TableColumn("regional", "SE/SN", align: .right, .fit(max: 10), priority: 5),
        TableColumn("england", "England", align: .right, .fit(max: 10), priority: 5),
    ]

    /// The columns with area B's (`B`, `--area-b`) after the latest figure: B's figure (titled
    /// with its name), its rating, and A − B.
    static func columns(_ shared: SharedState) -> [TableColumn] {
        guard let b = shared.areaB else { return columns }
        var out = columns
        let name = shared.areaName(b)
        let title = TextWidth.of(name) > 10 ? String(name.prefix(9)) + String(shared.glyphs.ellipsis) : name
        out.insert(contentsOf: [
            TableColumn("b_value", title, align: .right, .fit(min: 5, max: 14), export: ["b_value", "b_status"]),
            TableColumn("b_rag", "RAG", .fit(min: 3, max: 4), export: ["b_rag", "b_rated_by"]),
            TableColumn("b_diff", "A-B", align: .right, .fit(min: 3, max: 12), priority: 1),
        ], at: bIndex)
        return out
    }

    /// Area B's column ids (names `--sort` takes).
    static let bColumnIDs = ["b_value", "b_rag", "b_diff"]

    /// Where area B's columns go: after the latest figure.
    static let bIndex = (columns.firstIndex { $0.id == "value" } ?? 4) + 1

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let columns = Self.columns(shared)
        var model = TableModel(columns: columns, rows: lines.map { row($0, shared) }, sectionField: "group")
        // Sorted, the rows are out of their groups: each exports its own.
        if !lines.contains(where: { if case .heading = $0 { true } else { false } }) {
            model.rowSections = lines.map { line in
                guard case .series(let s) = line else { return "" }
                let group = shared.dataset.indicator(series: s).group
                return group.isEmpty ? "Indicators" : group
            }
        }
        model = model
            .droppingEmptyColumn("notes").aligningFigures().markingSort(shared.sort(table: Self.table, columns: columns), shared.glyphs)
        let frame = body.inset(left: 1, right: 1)
        let table = TableLayout.regions(model, in: frame, cursor: list.cursor, scroll: list.scroll)
        return Regions(model: model, table: table, empty: frame.inset(left: 1, top: 2))
    }

    /// One row of the table.
    func row(_ line: Line, _ shared: SharedState) -> TableRow {
        guard case .series(let sid) = line else {
            if case .heading(let group) = line { return .section(group) }
            return .section("")
        }
        let ds = shared.dataset
        let g = shared.glyphs
        let info = ds.series(sid)
        let ind = ds.indicator(series: sid)
        let latest = ds.latestRow(series: sid)
        let changed = shared.changed(series: sid)
        let target = latest.flatMap { ds.target(row: $0) }
        let (regional, national) = ds.comparators(indicator: info.indicator)
        let trend = ds.trendRows(series: sid).map { ds.value(row: $0) }
        let num = latest.flatMap { ds.numerator(row: $0) }, den = latest.flatMap { ds.denominator(row: $0) }
        // A team serving several districts is the team's, and says so (⋈).
        let sharedTeam = ds.isSharedTeam(series: sid)
        let teamPrefix = info.team.map { (sharedTeam ? g[.sharedTeam] + " " : "") + "\($0): " } ?? ""
        var cells: [TableCell] = [
            .rating(ds, row: latest, g),
            TableCell(info.indicator, role: .muted),
            .notes(ds, series: sid, g),
            TableCell(teamPrefix + ind.name, marks: sharedTeam ? [.sharedTeam] : [], export: [info.team ?? "", ind.name],
                      sort: .text(ind.name + " " + (info.team ?? ""))),
            .figure(ds, row: latest, ind, g, role: changed ? .changed : .text, marks: changed ? [.changed] : []),
            TableCell(Fmt.plain(target, ind), role: .muted, sort: .number(target)),
            .gap(ds, row: latest, ind),
            .travel(latest.flatMap { ds.dot(row: $0) }, g),
            .trend(trend, width: 12, g, decimals: ind.decimals),
            TableCell(latest.map { ds.period(row: $0).label } ?? "", role: .muted, export: [latest.map { ds.period(row: $0).description } ?? ""],
                      sort: latest.map { .period(ds.period(row: $0)) } ?? .missing),
            TableCell(Fmt.fraction(num, den), role: .muted, export: [ValueFormatter.plain(opt: num), ValueFormatter.plain(opt: den)], sort: .number(num)),
            TableCell(Fmt.plain(regional?.value, ind), role: .muted, sort: .number(regional?.value)),
            TableCell(Fmt.plain(national?.value, ind), role: .muted, sort: .number(national?.value)),
        ]
        if let b = shared.areaB { cells.insert(contentsOf: areaBCells(sid, latest: latest, b, ind, shared), at: Self.bIndex) }
        return .data(cells)
    }

    /// Area B's row for a series' latest figure: B's series of the same KPI (and team), at the
    /// same period; nil when B has none.
    static func areaBRow(_ ds: Dataset, series sid: Int, latest: Int?, _ b: String) -> Int? {
        let info = ds.series(sid)
        // The same team's series, else B's only series of the KPI (a district's team).
        let only = ds.seriesIDs(area: b, indicator: info.indicator)
        guard let bs = ds.seriesID(area: b, indicator: info.indicator, team: info.team) ?? (only.count == 1 ? only.first : nil) else { return nil }
        guard let latest else { return ds.latestRow(series: bs) }
        let period = ds.period(row: latest)
        return ds.rows(series: bs).map(Int.init).first { ds.period(row: $0) == period }
    }

    /// B's figure (its status where it has none, `–` where it has no row), its rating, and A − B
    /// with the area that does better named (`+3.2 A`, `-1.0 B`).
    func areaBCells(_ sid: Int, latest: Int?, _ b: String, _ ind: Indicator, _ shared: SharedState) -> [TableCell] {
        let ds = shared.dataset, g = shared.glyphs
        let bRow = Self.areaBRow(ds, series: sid, latest: latest, b)
        let a = latest.flatMap { ds.value(row: $0) }, bv = bRow.flatMap { ds.value(row: $0) }
        var diff = TableCell("", export: [""], sort: .missing)
        if let a, let bv {
            // At the KPI's decimals, without the subtraction's binary noise (76.9 - 58.3).
            let scale = (0..<min(ind.decimals ?? 6, 10)).reduce(1.0) { x, _ in x * 10 }
            let d = ((a - bv) * scale).rounded() / scale
            let better: String
            switch ind.polarity {
            case .high: better = d > 0 ? " A" : d < 0 ? " B" : ""
            case .low: better = d < 0 ? " A" : d > 0 ? " B" : ""
            case .target: better = ""
            }
            diff = TableCell(ReportFormat.signed(d, decimals: ind.decimals) + better, role: .muted,
                             export: [ValueFormatter.display(d, decimals: ind.decimals)], sort: .number(d))
        }
        return [.figure(ds, row: bRow, ind, g), .rating(ds, row: bRow, g), diff]
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        guard !lines.isEmpty else {
            TableLayout.draw(r.model, r.table, cursor: nil, into: &c)
            let why = shared.isFiltering ? "No KPIs match the filter (x clears it)." : "No figures for this area."
            c.text(why, in: r.empty.row(0), role: .muted)
            return
        }
        TableLayout.draw(r.model, r.table, cursor: list.cursor, into: &c)
    }
}
