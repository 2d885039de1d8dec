import ScorecardData

extension ChangesPane {
    /// Pane 6's layout: a title (the area, its latest period and what it is compared with), a
    /// line counting each group, and the table of rows under group headings.
    public struct Regions: Sendable {
        public var title: Rect
        public var summary: Rect
        public var model: TableModel
        public var table: TableRegions
        /// Where "no KPIs match" goes when the table is empty.
        public var empty: Rect
    }

    /// The columns, in order. On a narrow screen the last twelve figures go first, then the
    /// periods, the long-term trend, and the direction of travel and periods in RED.
    static let columns: [TableColumn] = [
        TableColumn("indicator", "Code", .fit(min: 4, max: 10), export: ["change_group", "indicator"]),
        TableColumn("name", "Indicator", .fill(min: 18), export: ["team", "name"]),
        TableColumn("old_period", "Then", .fit(max: 10), priority: 4, export: ["old_period"]),
        TableColumn("old_value", "Was", align: .right, .fit(min: 3, max: 12)),
        TableColumn("old_rag", "RAG", .fit(min: 3, max: 4), export: ["old_rag", "old_rated_by"]),
        TableColumn("period", "Now", .fit(max: 10), priority: 5),
        TableColumn("value", "Latest", align: .right, .fit(min: 5, max: 14)),
        TableColumn("rag", "RAG", .fit(min: 3, max: 4), export: ["rag", "rated_by"]),
        TableColumn("change", "Change", align: .right, .fit(max: 12), export: ["change", "change_measure"]),
        TableColumn("dot", "DoT", .fit(min: 3, max: 3), priority: 1),
        TableColumn("trend", "Trend", .fit(max: 16), priority: 3, export: ["trend", "trend_slope"]),
        TableColumn("periods_red", "RED for", .fit(max: 10), priority: 1),
        TableColumn("last_12", "History", .fit(min: 7, max: 12), priority: 6, sortable: false),
        TableColumn("notes", "", .fit(min: 1, max: 1), export: ["notes"]),
    ]

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let frame = body.inset(left: 1, right: 1)
        let parts = Layout.vertical([.length(1), .length(1), .fill(1)]).split(frame)
        let model = TableModel(columns: Self.columns, rows: lines.map { row($0, shared) })
            .markingSort(shared.sort(table: Self.table, columns: Self.columns), shared.glyphs)
        let table = TableLayout.regions(model, in: parts[2], cursor: list.cursor, scroll: list.scroll)
        return Regions(title: parts[0], summary: parts[1], model: model, table: table, empty: parts[2].inset(left: 1, top: 1))
    }

    /// One row of the table: a group's heading with its count, or a figure then and now.
    func row(_ line: Line, _ shared: SharedState) -> TableRow {
        guard let changes else { return .section("") }
        switch line {
        case .heading(let group):
            let total = changes.count(group), shown = shown(group)
            return .section("\(group.title) \(shared.glyphs[.joiner]) \(shown == total ? "\(total)" : "\(shown) of \(total)")")
        case .row(let i):
            return .data(cells(changes.rows[i], shared))
        }
    }

    func cells(_ r: ChangeRow, _ shared: SharedState) -> [TableCell] {
        let ds = shared.dataset
        let g = shared.glyphs
        let ind = r.indicator
        let old = r.compared
        // A missing latest figure says why, when its row says (suppressed, not available …).
        let status = ds.latestRow(series: r.series).flatMap { ds.status(row: $0) }
        let latestText = r.latest.value == nil ? (status?.name ?? "–") : Fmt.value(r.latest.value, ind)
        let trend = r.trend.map { "\(g.dot($0.direction)) \($0.slopeLabel(decimals: ind.decimals, per: r.latest.period.kind))" } ?? ""
        let last12 = ds.trendRows(series: r.series).suffix(LongTermTrend.window).map { ds.value(row: $0) }
        let notes = r.hasNotes ? ds.notes(area: r.area.code, indicator: ind.code).count : 0
        return [
            TableCell(ind.code, role: .muted, export: [r.group.key, ind.code]),
            TableCell((r.team.map { "\($0): " } ?? "") + ind.name, export: [r.team ?? "", ind.name], sort: .text(ind.name + " " + (r.team ?? ""))),
            TableCell(old?.period.label ?? "", role: .muted, export: [old?.period.description ?? ""], sort: old.map { .period($0.period) } ?? .missing),
            TableCell(old == nil ? "no figure" : Fmt.value(old?.value, ind), role: old == nil ? .muted : .text, export: [Fmt.plain(old?.value, ind)],
                      sort: .number(old?.value)),
            Self.rating(old, g),
            TableCell(r.latest.period.label, role: .muted, export: [r.latest.period.description], sort: .period(r.latest.period)),
            TableCell(latestText, role: r.latest.value == nil ? .muted : .text, export: [Fmt.plain(r.latest.value, ind)], sort: .number(r.latest.value)),
            Self.rating(r.latest, g),
            TableCell(r.change?.label ?? "", export: [r.change?.signedNumber ?? "", r.change?.measure.rawValue ?? ""], sort: .number(r.change?.amount)),
            .travel(r.direction, g),
            TableCell(trend, marks: r.trend?.direction.map { [.travel($0)] } ?? [],
                      export: [r.trend?.direction?.arrow ?? "", r.trend.map { ValueFormatter.plain($0.slope) } ?? ""], sort: .direction(r.trend?.direction)),
            TableCell(r.periodsRed > 0 ? r.latest.period.kind.count(r.periodsRed) : "", role: .ragRed, export: [String(r.periodsRed)],
                      sort: r.periodsRed > 0 ? .number(Double(r.periodsRed)) : .missing),
            .trend(last12, width: LongTermTrend.window, g, decimals: ind.decimals),
            TableCell(notes > 0 ? g[.hasNotes] : "", role: .highlight, marks: notes > 0 ? [.hasNotes] : [], export: [String(notes)],
                      sort: notes > 0 ? .number(Double(notes)) : .missing),
        ]
    }

    /// A figure's rating as the other panes show it (`TableCell.rating`: `ʳ` by the rule,
    /// `◇ M` a missed target the rule cannot rate), exported as `rag` and `rated_by`.
    static func rating(_ figure: ChangeFigure?, _ g: Glyphs) -> TableCell {
        guard let figure else { return TableCell("", export: ["", ""], sort: .missing) }
        return .rating(ShownRating(rag: figure.rating, source: figure.ratedBy), g)
    }

    /// `Kent: Oct-24 against Sep-24, the previous period`.
    func title(_ shared: SharedState) -> String {
        let latest = changes?.reportingPeriod
        let against = shared.comparison.phrase(latest: latest, edition: shared.edition)
        return "What changed in \(shared.areaName(shared.area)): \(latest?.label ?? "no figures") against \(against)"
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        // The key that changes the comparison, at the right when the title leaves room for it.
        let text = title(shared), hint = "c: compare with another point"
        let hintWidth = TextWidth.of(hint)
        if TextWidth.of(text) + 2 + hintWidth <= r.title.width {
            c.text(hint, x: r.title.right - hintWidth, y: r.title.y, role: .muted)
        }
        c.text(text, in: r.title, role: .title)
        drawSummary(r.summary, into: &c, shared)
        guard !lines.isEmpty else {
            TableLayout.draw(r.model, r.table, cursor: nil, into: &c)
            let why: String
            if changes == nil {
                why = shared.comparison == .edition ? "No other edition is loaded (--compare-data DIR)." : "No figures for this area."
            } else {
                why = shared.isFiltering ? "No KPIs match the filter (x clears it)." : "No figures for this area."
            }
            c.text(why, in: r.empty.row(0), role: .muted)
            return
        }
        TableLayout.draw(r.model, r.table, cursor: list.cursor, into: &c)
    }

    /// `Newly RED 3 · Worsened 2 · Improved 4 · Back to GREEN 1 · Still RED 8 · Unchanged 40`.
    func drawSummary(_ rect: Rect, into c: inout Canvas, _ shared: SharedState) {
        guard let changes else { return }
        let joiner = " \(shared.glyphs[.joiner]) "
        var x = rect.x
        for group in ChangeGroup.allCases {
            let n = changes.count(group)
            let lead = x > rect.x ? joiner : ""
            // Whole groups only: a count cut off would mislead.
            guard x + TextWidth.of(lead + group.title + " \(n)") <= rect.right else { break }
            if !lead.isEmpty { x += c.text(lead, x: x, y: rect.y, role: .muted, marks: [.joiner]) }
            x += c.text(group.title + " ", x: x, y: rect.y, role: .muted)
            x += c.text("\(n)", x: x, y: rect.y, role: n > 0 ? .header : .muted)
        }
    }
}
