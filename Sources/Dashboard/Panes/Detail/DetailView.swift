import ScorecardData

extension DetailPane {
    /// Pane 3's layout: the KPI's name (wrapped), its facts, the chart beside the periods table,
    /// then the league table beside the definition.
    public struct Regions: Sendable {
        public var title: Rect
        public var titleLines: [String]
        public var facts: Rect
        public var chart: Rect
        public var periodsModel: TableModel
        public var periods: TableRegions
        public var leagueTitle: Rect
        public var leagueModel: TableModel
        public var league: TableRegions
        public var definition: Rect
    }

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let ds = shared.dataset
        let inner = body.inset(left: 1, right: 1)
        guard let code = shared.indicator, let ind = ds.indicator(code) else {
            let empty = TableModel(columns: [], rows: [])
            let none = TableLayout.regions(empty, in: .zero, cursor: 0, scroll: 0)
            return Regions(title: inner.row(1), titleLines: [], facts: .zero, chart: .zero, periodsModel: empty, periods: none,
                           leagueTitle: .zero, leagueModel: empty, league: none, definition: .zero)
        }
        // The name wraps to two lines rather than being cut.
        let titleLines = Array(TextBlock.wrap("\(ind.code) · \(ind.name) — \(shared.areaName(shared.area))", width: inner.width).prefix(2))
        // Comparing areas, a narrow chart takes the width of the periods table (the periods are
        // the area's own) and a short one more of the league's rows.
        let comparing = !comparedAreas(shared).isEmpty
        let chartHeight = max(5, min(16, (body.height - 1 - titleLines.count) / 2), comparing ? min(12, body.height - 7 - titleLines.count) : 0)
        let parts = Layout.vertical([.length(titleLines.count), .length(1), .length(chartHeight), .fill(1)]).split(inner)
        let chartWidth = inner.width >= 98 ? inner.width * 3 / 5 : (comparing ? inner.width : max(20, inner.width - 30))
        let top = Layout.horizontal([.length(chartWidth), .fill(1)], spacing: 2).split(parts[2])
        let bottom = Layout.horizontal([.fill(1), .length(inner.width >= 98 ? inner.width / 3 : 0)], spacing: 2).split(parts[3])
        // The periods table: the series' rows, the latest at the bottom.
        let series = Self.series(area: shared.area, indicator: code, ds)
        let periodsModel = periodTable(series.map { ds.rows(series: $0).map(Int.init) } ?? [], ind, shared)
        let last = max(0, periodsModel.rows.count - 1)
        let periods = TableLayout.regions(periodsModel, in: top[1].width >= 20 ? top[1] : .zero, cursor: last, scroll: last)
        // The league: its title, then the table; bars sized to the column they get.
        let (leagueTitle, leagueRect) = bottom[0].splitTop(1)
        var leagueModel = leagueTable(ind, shared)
        let league = TableLayout.regions(leagueModel, in: leagueRect, cursor: list.cursor, scroll: list.scroll)
        fillBars(&leagueModel, width: leagueModel.columns.firstIndex { $0.id == "bar" }.flatMap { league.column($0)?.width } ?? 0, shared)
        return Regions(title: parts[0], titleLines: titleLines, facts: parts[1], chart: top[0], periodsModel: periodsModel, periods: periods,
                       leagueTitle: leagueTitle, leagueModel: leagueModel, league: league, definition: bottom[1])
    }

    /// Period, value, numerator/denominator and rating of every row of the series.
    func periodTable(_ rows: [Int], _ ind: Indicator, _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let columns = [
            TableColumn("period", "Period", .fit(max: 14)),
            TableColumn("value", "Value", align: .right, .fit(max: 12)),
            TableColumn("numden", "Num/Den", align: .right, .fit(max: 18), priority: 1, export: ["numerator", "denominator"]),
            TableColumn("rag", "RAG", .fit(min: 3, max: 3)),
        ]
        return TableModel(columns: columns, rows: rows.map { r in
            let num = ds.numerator(row: r), den = ds.denominator(row: r)
            return .data([
                TableCell(ds.period(row: r).label, export: [ds.period(row: r).description]),
                TableCell(Fmt.plain(ds.value(row: r), ind)),
                TableCell(Fmt.fraction(num, den), role: .muted, export: [ValueFormatter.plain(opt: num), ValueFormatter.plain(opt: den)]),
                .rating(ds.rag(row: r), shared.glyphs),
            ])
        })
    }

    /// Rank, area (and team), rating, a bar and the latest value of every league member; in a
    /// national league also a mark on the area's statistical neighbours and each authority's
    /// national rank and quartile.
    func leagueTable(_ ind: Indicator, _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let national = Self.isNational(shared)
        var columns = [
            TableColumn("rank", "#", align: .right, .fit(max: 4)),
            TableColumn("area", national ? "Authority" : "District", .fit(min: 10, max: 34), export: ["area_code", "area", "team"]),
            TableColumn("rag", "RAG", .fit(min: 3, max: 3)),
            TableColumn("bar", "", .fill(min: 4), priority: 1, export: []),
            TableColumn("value", "Latest", align: .right, .fit(max: 12)),
        ]
        let standings = national ? NationalColumns(shared) : nil
        if let standings {
            // The names and ranks stay longer than the bars on a narrow screen.
            if let bar = columns.firstIndex(where: { $0.id == "bar" }) { columns[bar].priority = 2 }
            columns += NationalColumns.standingColumns
            if standings.marksNeighbours { columns.insert(NationalColumns.neighbourColumn, at: 1) }
        }
        let rows: [TableRow] = league.enumerated().map { i, sid in
            let info = ds.series(sid)
            let latest = ds.latestRow(series: sid)
            let areaName = shared.areaName(info.area)
            // A team named after its district needs no district prefix.
            let name = info.team.map { $0.hasPrefix(areaName) ? $0 : "\(areaName) · \($0)" } ?? areaName
            let value = latest.flatMap { ds.value(row: $0) }
            var cells: [TableCell] = [
                TableCell(String(i + 1), role: .muted),
                TableCell(name, role: info.area == shared.area ? .highlight : .text, export: [info.area, areaName, info.team ?? ""]),
                .rating(latest.flatMap { ds.rag(row: $0) }, shared.glyphs),
                TableCell(""),
                TableCell(Fmt.value(value, ind), export: [Fmt.plain(value, ind)]),
            ]
            if let standings {
                cells += standings.standingCells(row: latest)
                if standings.marksNeighbours { cells.insert(standings.neighbourCell(area: info.area, glyphs: shared.glyphs), at: 1) }
            }
            return .data(cells)
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// Each member's bar: as long as its value against the largest, in its rating's colour.
    func fillBars(_ model: inout TableModel, width: Int, _ shared: SharedState) {
        let ds = shared.dataset
        guard let bar = model.columns.firstIndex(where: { $0.id == "bar" }) else { return }
        let values = league.map { sid in ds.latestRow(series: sid).flatMap { ds.value(row: $0) } }
        let maxValue = values.compactMap { $0 }.map(abs).max() ?? 0
        for (i, v) in values.enumerated() where i < model.rows.count {
            guard case .data(var cells) = model.rows[i] else { continue }
            let filled = maxValue > 0 ? Int((abs(v ?? 0) / maxValue * Double(width)).rounded()) : 0
            let rag = ds.latestRow(series: league[i]).flatMap { ds.rag(row: $0) }
            cells[bar] = TableCell(String(repeating: shared.glyphs.fullBlock, count: max(0, min(width, filled))), role: Glyphs.role(for: rag),
                                   marks: filled > 0 ? [.bar] : [], keepsRole: true)
            model.rows[i] = .data(cells)
        }
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        guard let code = shared.indicator, let ind = ds.indicator(code) else {
            c.text("Choose a KPI: Enter on a scorecard row, or :kpi CODE.", in: r.title, role: .muted)
            return
        }
        for (i, line) in r.titleLines.enumerated() { c.text(line, in: r.title.row(i), role: .title) }
        let series = Self.series(area: shared.area, indicator: code, ds)
        let latest = series.flatMap { ds.latestRow(series: $0) }
        let target = latest.flatMap { ds.target(row: $0) } ?? ind.target
        drawFacts(r.facts, ind, latest: latest, target: target, into: &c, shared)
        chart(ind, series: series, target: target, shared).draw(in: r.chart, into: &c)
        TableLayout.draw(r.periodsModel, r.periods, cursor: nil, into: &c)
        c.text(leagueTitle(shared, ind), in: r.leagueTitle, role: .header)
        if league.isEmpty {
            c.text(shared.isFiltering ? "No districts match the filter (x clears it)." : "No district figures for this KPI.",
                   x: r.league.body.x + 1, y: r.league.body.y, role: .muted)
        }
        TableLayout.draw(r.leagueModel, r.league, cursor: league.isEmpty ? nil : list.cursor, into: &c)
        drawDefinition(r.definition, ind, into: &c, shared)
    }

    func drawFacts(_ rect: Rect, _ ind: Indicator, latest: Int?, target: Double?, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let g = shared.glyphs
        var facts: [String] = []
        facts.append(ind.polarity == .high ? "higher is better" : (ind.polarity == .low ? "lower is better" : "close to target"))
        facts.append(ind.periodType.title)
        if let t = target { facts.append("target \(Fmt.plain(t, ind))") }
        if let f = ind.floor { facts.append("floor \(Fmt.plain(f, ind))") }
        if let lo = ind.targetLow, let hi = ind.targetHigh { facts.append("band \(Fmt.plain(lo, ind))–\(Fmt.plain(hi, ind))") }
        var marks: [Mark] = []
        if let r = latest {
            let rag = ds.rag(row: r), dot = ds.dot(row: r)
            facts.append("latest \(ds.period(row: r).label) \(Fmt.value(ds.value(row: r), ind)) \(g.ragLabel(rag)) \(g.dot(dot))")
            marks = [.rating(rag)] + (dot.map { [.travel($0)] } ?? [])
            if let standing = ds.nationalStanding(row: r) { facts.append(NationalColumns.words(standing)) }
        }
        c.text(facts.joined(separator: " · "), in: rect, role: .muted, marks: marks)
    }

    func drawDefinition(_ rect: Rect, _ ind: Indicator, into c: inout Canvas, _ shared: SharedState) {
        guard rect.width >= 20, rect.height > 1 else { return }
        c.text("Definition", in: rect.row(0), role: .header)
        var lines = TextBlock.wrap(ind.definition ?? "No definition given.", width: rect.width - 1)
        if let src = ind.source { lines += [""] + TextBlock.wrap("Source: \(SourceReference.inWords(src))", width: rect.width - 1) }
        for b in shared.dataset.latestBenchmarks(indicator: ind.code) {
            lines.append("\(b.comparator) \(b.period.label): \(Fmt.value(b.value, ind))")
        }
        for (i, l) in lines.prefix(rect.height - 1).enumerated() {
            c.text(l, in: rect.row(1 + i), role: .muted)
        }
    }
}
