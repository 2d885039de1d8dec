import ScorecardData

extension DetailPane {
    /// The periods table: every row of the series, oldest first, each with its own figure and
    /// status, the target and floor that apply to the area in that period (`Dataset.target(row:)`
    /// and `floor(row:)`: the one published with the figure, else the area's; never the
    /// indicator's for an area it does not rate), its rating and where the rating came from.
    /// On a narrow screen the words "published/rule/undecided" go first (the rating's mark says
    /// the same), then Num/Den, the floor and the target.
    func periodTable(_ rows: [Int], _ ind: Indicator, _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let g = shared.glyphs
        let columns = [
            TableColumn("period", "Period", .fit(max: 14)),
            .figure("Value", max: 14),
            TableColumn("numden", "Num/Den", align: .right, .fit(max: 18), priority: 2, export: ["numerator", "denominator"]),
            TableColumn("target", "Target", align: .right, .fit(min: 6, max: 10), priority: 1),
            TableColumn("floor", "Floor", align: .right, .fit(min: 5, max: 10), priority: 1),
            .rating(),
            TableColumn("rated_by", "Rated by", .fit(max: 9), priority: 3),
        ]
        let model = TableModel(columns: columns, rows: rows.map { r in
            let num = ds.numerator(row: r), den = ds.denominator(row: r)
            let rating = ShownRating(ds, row: r)
            return .data([
                TableCell(ds.period(row: r).label, export: [ds.period(row: r).description], sort: .period(ds.period(row: r))),
                .figure(ds, row: r, ind, g, unit: false),
                TableCell(Fmt.fraction(num, den), role: .muted, export: [ValueFormatter.plain(opt: num), ValueFormatter.plain(opt: den)], sort: .number(num)),
                TableCell(Fmt.plain(ds.target(row: r), ind), role: .muted, sort: .number(ds.target(row: r))),
                TableCell(Fmt.plain(ds.floor(row: r), ind), role: .muted, sort: .number(ds.floor(row: r))),
                .rating(rating, g),
                TableCell(rating.source?.rawValue ?? "", role: .muted),
            ])
        })
        // A column blank in every period takes no room: no floor (the facts line says "no
        // floor"), no target at all, nothing rated.
        return model.droppingEmptyColumn("floor").droppingEmptyColumn("target").droppingEmptyColumn("rated_by").aligningFigures()
    }

    /// The periods table's id for sorting (a header click; `--sort`): it has no cursor, so `o`
    /// and `O` sort the league.
    static let periodsID = "detail-periods"

    /// The periods table in the order its sort gives (oldest first when unsorted), its header marked.
    func sortedPeriodTable(_ rows: [Int], _ ind: Indicator, _ shared: SharedState) -> (model: TableModel, sorted: Bool) {
        var model = periodTable(rows, ind, shared)
        let sort = shared.sort(table: Self.periodsID, columns: model.columns)
        guard let order = TableSort.order(model.rows, columns: model.columns, by: sort) else { return (model, false) }
        model.rows = order.map { model.rows[$0] }
        return (model.markingSort(sort, shared.glyphs), true)
    }
}
