import ScorecardData

/// Pane 1: one area's KPIs, grouped as in the published scorecard.
enum ScorecardView {
    struct Column {
        var title: String
        var width: Int
        var right: Bool
        var priority: Int
    }

    /// The columns that fit `width`, name last to take what is left.
    static func columns(width: Int) -> (cols: [String: Column], order: [String], nameWidth: Int) {
        let all: [(String, Column)] = [
            ("rag", Column(title: "RAG", width: 3, right: false, priority: 0)),
            ("code", Column(title: "Code", width: 11, right: false, priority: 0)),
            ("name", Column(title: "Indicator", width: 0, right: false, priority: 0)),
            ("value", Column(title: "Latest", width: 9, right: true, priority: 0)),
            ("target", Column(title: "Target", width: 7, right: true, priority: 1)),
            ("dot", Column(title: "DoT", width: 3, right: false, priority: 1)),
            ("trend", Column(title: "Trend", width: 12, right: false, priority: 2)),
            ("period", Column(title: "Period", width: 12, right: false, priority: 4)),
            ("numden", Column(title: "Num/Den", width: 15, right: true, priority: 3)),
            ("se", Column(title: "SE/SN", width: 7, right: true, priority: 5)),
            ("eng", Column(title: "England", width: 8, right: true, priority: 5)),
        ]
        let minName = 18
        var kept = all
        func used(_ cols: [(String, Column)]) -> Int { cols.reduce(0) { $0 + $1.1.width + 1 } + 1 }
        var maxPriority = 5
        while used(kept) + minName > width && maxPriority > 0 {
            kept = kept.filter { $0.1.priority < maxPriority }
            maxPriority -= 1
        }
        let nameWidth = max(8, width - used(kept))
        return (Dictionary(uniqueKeysWithValues: kept), kept.map(\.0), nameWidth)
    }

    static func draw(into c: inout Canvas, state s: DashboardState) {
        let ds = s.dataset
        let layout = columns(width: s.width)
        // Header row.
        var x = 1
        for key in layout.order {
            let col = layout.cols[key]!
            let w = key == "name" ? layout.nameWidth : col.width
            let title = TextWidth.fit(col.title, w, alignRight: col.right)
            c.text(title, x: x, y: 2, maxWidth: w, role: .header)
            x += w + 1
        }
        let top = Layout.listTop(s)
        let visible = Layout.listHeight(s)
        if s.scorecardLines.isEmpty {
            let why = s.isFiltering ? "No KPIs match the filter (x clears it)." : "No figures for this area."
            c.text(why, x: 2, y: top + 1, role: .muted)
            return
        }
        for i in 0..<visible {
            let index = s.scroll + i
            guard index < s.scorecardLines.count else { break }
            let y = top + i
            switch s.scorecardLines[index] {
            case .heading(let group):
                let label = " \(group) "
                c.fill(x: 1, y: y, width: s.width - 2, height: 1, character: s.glyphs.horizontal, role: .border)
                c.text(label, x: 3, y: y, maxWidth: s.width - 6, role: .header)
            case .series(let sid):
                drawRow(into: &c, state: s, series: sid, y: y, layout: layout, selected: index == s.cursor, ds: ds)
            }
        }
    }

    static func drawRow(into c: inout Canvas, state s: DashboardState, series sid: Int, y: Int,
                        layout: (cols: [String: Column], order: [String], nameWidth: Int), selected: Bool, ds: Dataset) {
        let info = ds.series(sid)
        let ind = ds.indicator(info.indicator)
        let latest = ds.latestRow(series: sid)
        let rag = latest.flatMap { ds.rag(row: $0) }
        let changed = s.changedSeries.contains(DashboardState.changeKey(area: info.area, indicator: info.indicator, team: info.team))
        var x = 1
        for key in layout.order {
            let col = layout.cols[key]!
            let w = key == "name" ? layout.nameWidth : col.width
            var text = ""
            var role: StyleRole = .text
            switch key {
            case "rag":
                text = s.glyphs.ragLabel(rag)
                role = Glyphs.role(for: rag)
            case "code":
                text = info.indicator
                role = .muted
            case "name":
                text = (info.team.map { "\($0): " } ?? "") + (ind?.name ?? "")
            case "value":
                text = latest.map { Fmt.value(ds.value(row: $0), ind) } ?? "–"
                if changed { role = .changed }
            case "target":
                text = latest.flatMap { ds.target(row: $0) }.map { Fmt.plain($0, ind) } ?? ""
                role = .muted
            case "dot":
                text = latest.map { s.glyphs.dot(ds.dot(row: $0)) } ?? ""
            case "trend":
                let rows = ds.trendRows(series: sid)
                text = Sparkline.make(rows.map { ds.value(row: $0) }, width: w, glyphs: s.glyphs)
                role = .chartLine
            case "period":
                text = latest.map { ds.period(row: $0).label } ?? ""
                role = .muted
            case "numden":
                text = latest.map { Fmt.fraction(ds.numerator(row: $0), ds.denominator(row: $0)) } ?? ""
                role = .muted
            case "se":
                text = Fmt.benchmarks(ds, info.indicator).regional.map { Fmt.plain($0.value, ind) } ?? ""
                role = .muted
            case "eng":
                text = Fmt.benchmarks(ds, info.indicator).national.map { Fmt.plain($0.value, ind) } ?? ""
                role = .muted
            default: break
            }
            c.text(TextWidth.fit(text, w, alignRight: col.right), x: x, y: y, maxWidth: w, role: role)
            x += w + 1
        }
        if selected {
            c.paint(x: 0, y: y, width: s.width, role: .selection)
            // Keep the RAG cell's colour visible on the selected row.
            c.paint(x: 1, y: y, width: 3, role: Glyphs.role(for: rag))
        }
    }
}
