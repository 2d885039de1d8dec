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
        /// The notes of the area's KPI (DetailNotes.swift).
        public var notes: NotesRegion
    }

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let ds = shared.dataset
        let inner = body.inset(left: 1, right: 1)
        guard let code = shared.indicator, let ind = ds.indicator(code) else {
            let empty = TableModel(columns: [], rows: [])
            let none = TableLayout.regions(empty, in: .zero, cursor: 0, scroll: 0)
            return Regions(title: inner.row(1), titleLines: [], facts: .zero, chart: .zero, periodsModel: empty, periods: none,
                           leagueTitle: .zero, leagueModel: empty, league: none, definition: .zero, notes: .none)
        }
        // The name wraps to two lines rather than being cut.
        let titleKey = TitleKey(dataVersion: shared.dataVersion, area: shared.area, indicator: code, width: inner.width)
        let titleLines = titleMemo.value(titleKey) {
            Array(TextBlock.wrap("\(ind.code) · \(ind.name) — \(shared.areaName(shared.area))", width: inner.width).prefix(2))
        }
        // Comparing areas, a narrow chart takes the width of the periods table (the periods are
        // the area's own) and a short one more of the league's rows.
        let comparing = !comparedAreas(shared).isEmpty
        let chartHeight = max(5, min(16, (body.height - 1 - titleLines.count) / 2), comparing ? min(12, body.height - 7 - titleLines.count) : 0)
        let parts = Layout.vertical([.length(titleLines.count), .length(1), .length(chartHeight), .fill(1)]).split(inner)
        let chartWidth = inner.width >= 98 ? inner.width * 3 / 5 : (comparing ? inner.width : max(20, inner.width - 30))
        let top = Layout.horizontal([.length(chartWidth), .fill(1)], spacing: 2).split(parts[2])
        let split = Layout.horizontal([.fill(1), .length(inner.width >= 98 ? inner.width / 3 : 0)], spacing: 2).split(parts[3])
        // The notes' lines are wrapped again only when what they show or their room changes.
        let bottomKey = BottomKey(dataVersion: shared.dataVersion, area: shared.area, indicator: code, glyphs: shared.glyphs,
                                  showNotes: showNotes, notesScroll: notesScroll, league: split[0], definition: split[1])
        let bottom = bottomMemo.value(bottomKey) { bottomParts(league: split[0], definition: split[1], shared) }
        // The periods table: the series' rows, the latest at the bottom.
        let periodsKey = PeriodsKey(dataVersion: shared.dataVersion, area: shared.area, indicator: code, glyphs: shared.glyphs,
                                    sort: shared.sorts[Self.periodsID], defaultSort: shared.defaultSort)
        let (periodsModel, periodsSorted, periodsWanted) = periodsMemo.value(periodsKey) { () -> (TableModel, Bool, [Int]) in
            let series = Self.series(area: shared.area, indicator: code, ds)
            let (model, sorted) = sortedPeriodTable(series.map { ds.rows(series: $0).map(Int.init) } ?? [], ind, shared)
            return (model, sorted, TableLayout.wantedWidths(model))
        }
        // Oldest first, the latest in view at the bottom; sorted, from the top.
        let last = periodsSorted ? 0 : max(0, periodsModel.rows.count - 1)
        let periods = TableLayout.regions(periodsModel, in: top[1].width >= 20 ? top[1] : .zero, cursor: last, scroll: last, wanted: periodsWanted)
        // The league: its title, then the table; bars sized to the column they get.
        let (leagueTitle, leagueRect) = bottom.league.splitTop(1)
        let leagueKey = LeagueKey(version: version, scope: scope, compared: compared, width: leagueRect.width)
        let (leagueModel, leagueWanted) = leagueMemo.value(leagueKey) { () -> (TableModel, [Int]) in
            // Every candidate's cells, kept while typing a search or a RAG filter only chooses
            // among them.
            let cellsKey = LeagueCellsKey(dataVersion: shared.dataVersion, root: shared.rootArea, area: shared.area, indicator: code,
                                          scope: scope, glyphs: shared.glyphs)
            let kept = leagueCellsMemo.value(cellsKey) { leagueCells(ind, series: Self.candidates(shared, indicator: code, scope: scope).map(\.series), shared) }
            var model = leagueTable(kept, ind, shared)
            model = model.markingSort(shared.sort(table: Self.leagueID, columns: model.columns), shared.glyphs)
            // The bar column fills what the others leave (its cells do not change the widths):
            // the bars are drawn to the width it gets at the table's width.
            let wanted = TableLayout.wantedWidths(model)
            let barColumn = model.columns.firstIndex { $0.id == "bar" } ?? 3
            let placed = TableLayout.placeColumns(model, width: leagueRect.width, x: leagueRect.x, spacing: 1, wanted: wanted)
            fillBars(&model, column: barColumn, width: placed.first { $0.index == barColumn }?.width ?? 0, shared)
            return (model, wanted)
        }
        let league = TableLayout.regions(leagueModel, in: leagueRect, cursor: list.cursor, scroll: list.scroll, wanted: leagueWanted)
        return Regions(title: parts[0], titleLines: titleLines, facts: parts[1], chart: top[0], periodsModel: periodsModel, periods: periods,
                       leagueTitle: leagueTitle, leagueModel: leagueModel, league: league, definition: bottom.definition, notes: bottom.notes)
    }

    /// Rank, area (and team), rating, a bar and the latest value of every league member; in a
    /// national league also a mark on the area's statistical neighbours and each authority's
    /// national rank and quartile.
    func leagueTable(_ ind: Indicator, _ shared: SharedState) -> TableModel {
        leagueTable(leagueCells(ind, series: league, shared), ind, shared)
    }

    /// The league's columns and each member's cells after the rank (by series): what does not
    /// depend on which members the filters leave (`LeagueCellsKey`).
    struct LeagueCells: Sendable {
        var columns: [TableColumn]
        var cells: [Int: [TableCell]]
    }

    /// The league table of `league` from the cells of its members (`kept`; a member without
    /// kept cells gets them made now): each one's rank first.
    func leagueTable(_ kept: LeagueCells, _ ind: Indicator, _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let rows: [TableRow] = league.map { sid in
            // A member without a figure has no rank: it is not the worst, it is missing.
            let ranked = ds.latestRow(series: sid).flatMap { ds.value(row: $0) } != nil
            let rankCell = TableCell(ranked ? rank[sid].map(String.init) ?? "" : "", role: .muted, sort: ranked ? rank[sid].map { .number(Double($0)) } : .missing)
            let rest = kept.cells[sid] ?? leagueCells(ind, series: [sid], shared).cells[sid] ?? []
            var cells: [TableCell] = []
            cells.reserveCapacity(1 + rest.count)
            cells.append(rankCell)
            cells.append(contentsOf: rest)
            return .data(cells)
        }
        var model = TableModel(columns: kept.columns, rows: rows)
        model.dropEmptyColumn("notes")
        return model.aligningFigures()
    }

    /// The league's columns, and the cells after the rank of each of `series`: area (and team),
    /// notes, rating, the bar's place and the latest value; in a national league the neighbour
    /// mark (after the rank) and the national standing.
    func leagueCells(_ ind: Indicator, series: [Int], _ shared: SharedState) -> LeagueCells {
        let ds = shared.dataset
        let national = Self.isNational(shared)
        let g = shared.glyphs
        var columns = [
            TableColumn("rank", "#", align: .right, .fit(max: 4)),
            TableColumn("area", national ? "Authority" : "District", .fit(min: 10, max: 34), export: ["area_code", "area", "team"]),
            .notes,
            .rating(),
            TableColumn("bar", "", .fill(min: 4), priority: 1, export: [], sortable: false),
            .figure("Latest", max: 12),
        ]
        let standings = national ? NationalColumns(shared) : nil
        if let standings {
            // The names and ranks stay longer than the bars on a narrow screen.
            if let bar = columns.firstIndex(where: { $0.id == "bar" }) { columns[bar].priority = 2 }
            columns += NationalColumns.standingColumns
            if standings.marksNeighbours { columns.insert(NationalColumns.neighbourColumn, at: 1) }
        }
        var cells: [Int: [TableCell]] = [:]
        for sid in series {
            let info = ds.series(sid)
            let latest = ds.latestRow(series: sid)
            let areaName = shared.areaName(info.area)
            // A team named after its district needs no district prefix; one serving several
            // districts is the team's (⋈), listed once, under no one district's name.
            let sharedTeam = ds.isSharedTeam(series: sid)
            let name = sharedTeam ? "\(g[.sharedTeam]) \(info.team ?? areaName)"
                : info.team.map { $0.hasPrefix(areaName) ? $0 : "\(areaName) · \($0)" } ?? areaName
            let mine = info.area == shared.area || sharedTeam && ds.areasSharing(series: sid).contains { $0.code == shared.area }
            var row: [TableCell] = [
                TableCell(name, role: mine ? .highlight : .text, marks: sharedTeam ? [.sharedTeam] : [],
                          export: [info.area, areaName, info.team ?? ""], sort: .text(sharedTeam ? info.team ?? areaName : name)),
                .notes(ds, series: sid, g),
                .rating(ds, row: latest, g),
                TableCell(""),
                .figure(ds, row: latest, ind, g),
            ]
            if let standings {
                row += standings.standingCells(row: latest)
                if standings.marksNeighbours { row.insert(standings.neighbourCell(area: info.area, glyphs: g), at: 0) }
            }
            cells[sid] = row
        }
        return LeagueCells(columns: columns, cells: cells)
    }


    /// Each member's bar (in model column `k`): as long as its value against the largest, in its
    /// rating's colour; a member without a figure gets a gap and why (`┆ suppressed`), never a
    /// bar of zero.
    func fillBars(_ model: inout TableModel, column k: Int, width: Int, _ shared: SharedState) {
        let ds = shared.dataset
        guard model.columns.contains(where: { $0.id == "bar" }) else { return }
        let values = league.map { sid in ds.latestRow(series: sid).flatMap { ds.value(row: $0) } }
        let maxValue = values.compactMap { $0 }.map(abs).max() ?? 0
        // Bars of one length are one string, kept whatever the width (a search changes it).
        let bars = barStrings.upTo(width, shared.glyphs)
        for (i, v) in values.enumerated() where i < model.rows.count {
            guard case .data(var cells) = model.rows[i], k < cells.count else { continue }
            // The row lets go of its cells while they change: changed in place, not copied.
            model.rows[i] = .data([])
            let latest = ds.latestRow(series: league[i])
            guard let v else {
                let why = latest.flatMap { ds.status(row: $0) }.map { Mark.status($0).entry.short } ?? "no figure"
                cells[k] = TableCell("\(shared.glyphs[.gap]) \(why)", role: .muted, marks: [.gap])
                model.rows[i] = .data(cells)
                continue
            }
            let filled = maxValue > 0 ? Int((abs(v) / maxValue * Double(width)).rounded()) : 0
            let rag = latest.flatMap { ds.rag(row: $0) }
            cells[k] = TableCell(bars[max(0, min(width, filled))], role: Glyphs.role(for: rag),
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
        // The target and floor that apply to this area: none where the KPI's are another area's.
        let target = latest.flatMap { ds.target(row: $0) }, floor = latest.flatMap { ds.floor(row: $0) }
        drawFacts(r.facts, ind, series: series, latest: latest, into: &c, shared)
        chart(ind, series: series, target: target, floor: floor, shared).draw(in: r.chart, into: &c)
        TableLayout.draw(r.periodsModel, r.periods, cursor: nil, into: &c)
        c.text(leagueTitle(shared, ind), in: r.leagueTitle, role: .header)
        if league.isEmpty && r.league.body.height > 0 {
            c.text(shared.isFiltering ? "No districts match the filter (x clears it)." : "No district figures for this KPI.",
                   x: r.league.body.x + 1, y: r.league.body.y, role: .muted)
        }
        TableLayout.draw(r.leagueModel, r.league, cursor: league.isEmpty ? nil : list.cursor, into: &c)
        drawDefinition(r.definition, ind, into: &c, shared)
        drawNotes(r.notes, into: &c)
    }

    /// The facts line: polarity, the latest figure and its rating (first, so a narrow screen
    /// keeps them), whose figures they are when a team's, the target and floor that apply to this
    /// area (the latest figure's: never the KPI's for an area it does not rate), the band and
    /// how the figures are collected.
    func drawFacts(_ rect: Rect, _ ind: Indicator, series: Int?, latest: Int?, into c: inout Canvas, _ shared: SharedState) {
        let ds = shared.dataset
        let g = shared.glyphs
        var facts: [String] = []
        var marks: [Mark] = []
        facts.append(ind.polarity == .high ? "higher is better" : (ind.polarity == .low ? "lower is better" : "close to target"))
        if let r = latest {
            let rating = ShownRating(ds, row: r), dot = ds.dot(row: r), status = ds.status(row: r)
            let figure = Fmt.value(ds.value(row: r), ind) + (status.map { " " + g.status($0) } ?? "")
            facts.append("latest \(ds.period(row: r).label) \(figure) \(g.label(rating)) \(g.dot(dot))")
            marks = rating.marks + (dot.map { [.travel($0)] } ?? []) + (status.map { [.status($0)] } ?? [])
            if let standing = ds.nationalStanding(row: r) { facts.append(NationalColumns.words(standing)) }
        }
        if let s = series, let team = ds.series(s).team {
            let sharedTeam = ds.isSharedTeam(series: s)
            facts.append((sharedTeam ? g[.sharedTeam] + " " : "") + team)
            if sharedTeam { marks.append(.sharedTeam) }
        }
        let target = latest.flatMap { ds.target(row: $0) }, floor = latest.flatMap { ds.floor(row: $0) }
        let band = ds.thresholds(indicator: ind.code, area: shared.area)
        if let t = target {
            facts.append("target \(Fmt.plain(t, ind))")
            facts.append(floor.map { "floor \(Fmt.plain($0, ind))" } ?? "no floor")
        } else if ind.target != nil || ind.targetLow != nil || ind.targetHigh != nil {
            facts.append("no target for this area")
        }
        if let lo = band.targetLow, let hi = band.targetHigh { facts.append("band \(Fmt.plain(lo, ind))–\(Fmt.plain(hi, ind))") }
        facts.append(ind.periodType.title)
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
