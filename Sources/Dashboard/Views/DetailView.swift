import ScorecardData

/// Pane 3: one KPI for one area — chart, periods, definition and a league table of districts.
enum DetailView {
    static func draw(into c: inout Canvas, state s: DashboardState) {
        let ds = s.dataset
        guard let code = s.indicator, let ind = ds.indicator(code) else {
            c.text("Choose a KPI: Enter on a scorecard row, or :kpi CODE.", x: 2, y: 3, role: .muted)
            return
        }
        let areaName = ds.area(code: s.area)?.name ?? s.area
        c.text("\(ind.code) · \(ind.name) — \(areaName)", x: 1, y: 2, maxWidth: s.width - 2, role: .title)
        let series = ds.seriesID(area: s.area, indicator: code) ?? s.teamSeries(area: s.area, indicator: code).first
        let latest = series.flatMap { ds.latestRow(series: $0) }
        var facts: [String] = []
        facts.append(ind.polarity == .high ? "higher is better" : (ind.polarity == .low ? "lower is better" : "close to target"))
        facts.append(ind.periodType.title)
        if let t = latest.flatMap({ ds.target(row: $0) }) ?? ind.target { facts.append("target \(Fmt.plain(t, ind))") }
        if let f = ind.floor { facts.append("floor \(Fmt.plain(f, ind))") }
        if let lo = ind.targetLow, let hi = ind.targetHigh { facts.append("band \(Fmt.plain(lo, ind))–\(Fmt.plain(hi, ind))") }
        if let r = latest {
            facts.append("latest \(ds.period(row: r).label) \(Fmt.value(ds.value(row: r), ind)) \(s.glyphs.ragLabel(ds.rag(row: r))) \(s.glyphs.dot(ds.dot(row: r)))")
        }
        c.text(facts.joined(separator: " · "), x: 1, y: 3, maxWidth: s.width - 2, role: .muted)

        let g = Layout.detailGeometry(s)
        let rows = series.map { ds.trendRows(series: $0) } ?? []
        let bench = Fmt.benchmarks(ds, code)
        LineChart.draw(into: &c, x: 1, y: g.chartTop, width: g.chartWidth, height: g.chartHeight,
                       points: rows.map { (ds.period(row: $0).label, ds.value(row: $0)) },
                       target: latest.flatMap { ds.target(row: $0) } ?? ind.target, floor: ind.floor,
                       benchmark: bench.national?.value, benchmarkLabel: bench.national?.comparator ?? "", indicator: ind, glyphs: s.glyphs)
        drawPeriods(into: &c, state: s, rows: series.map { ds.rows(series: $0).map(Int.init) } ?? [], ind: ind,
                    x: g.chartWidth + 3, y: g.chartTop, width: s.width - g.chartWidth - 4, height: g.chartHeight)
        drawLeague(into: &c, state: s, ind: ind, top: g.leagueTop)
    }

    static func drawPeriods(into c: inout Canvas, state s: DashboardState, rows: [Int], ind: Indicator, x: Int, y: Int, width: Int, height: Int) {
        guard width >= 20 else { return }
        let ds = s.dataset
        let numWidth = max(0, width - 12 - 8 - 2 - 4)
        c.text(TextWidth.fit("Period", 12) + TextWidth.fit("Value", 8, alignRight: true) + " " + TextWidth.fit("Num/Den", numWidth, alignRight: true) + " RAG",
               x: x, y: y, maxWidth: width, role: .header)
        let shown = rows.suffix(height - 1)
        for (i, r) in shown.enumerated() {
            let rag = ds.rag(row: r)
            let line = TextWidth.fit(ds.period(row: r).label, 12) + TextWidth.fit(Fmt.plain(ds.value(row: r), ind), 8, alignRight: true) + " "
                + TextWidth.fit(Fmt.fraction(ds.numerator(row: r), ds.denominator(row: r)), numWidth, alignRight: true)
            c.text(line, x: x, y: y + 1 + i, maxWidth: width - 4, role: .text)
            c.text(s.glyphs.ragLabel(rag), x: x + width - 3, y: y + 1 + i, role: Glyphs.role(for: rag))
        }
    }

    static func drawLeague(into c: inout Canvas, state s: DashboardState, ind: Indicator, top: Int) {
        let ds = s.dataset
        let defWidth = s.width >= 100 ? s.width / 3 : 0
        let leagueWidth = s.width - defWidth - 2
        c.text("\(s.leagueTitle), best first (\(ind.polarity == .low ? "lowest" : "highest") is best) · Enter opens one",
               x: 1, y: top, maxWidth: leagueWidth, role: .header)
        let values = s.leagueSeries.map { sid in ds.latestRow(series: sid).flatMap { ds.value(row: $0) } }
        let maxValue = values.compactMap { $0 }.map(abs).max() ?? 0
        let labelWidth = min(34, max(14, leagueWidth / 3))
        let barWidth = max(4, leagueWidth - labelWidth - 18)
        let visible = Layout.listHeight(s)
        if s.leagueSeries.isEmpty {
            c.text(s.isFiltering ? "No districts match the filter (x clears it)." : "No district figures for this KPI.", x: 2, y: top + 1, role: .muted)
        }
        for i in 0..<visible {
            let index = s.scroll + i
            guard index < s.leagueSeries.count else { break }
            let sid = s.leagueSeries[index]
            let info = ds.series(sid)
            let y = top + 1 + i
            let latest = ds.latestRow(series: sid)
            let rag = latest.flatMap { ds.rag(row: $0) }
            let areaName = ds.area(code: info.area)?.name ?? info.area
            // A team named after its district needs no district prefix.
            let name = info.team.map { $0.hasPrefix(areaName) ? $0 : "\(areaName) · \($0)" } ?? areaName
            c.text(TextWidth.fit("\(index + 1). \(name)", labelWidth), x: 1, y: y, role: info.area == s.area ? .highlight : .text)
            c.text(s.glyphs.ragLabel(rag), x: labelWidth + 2, y: y, role: Glyphs.role(for: rag))
            let v = values[index]
            let filled = maxValue > 0 ? Int((abs(v ?? 0) / maxValue * Double(barWidth)).rounded()) : 0
            c.text(String(repeating: s.glyphs.fullBlock, count: max(0, filled)), x: labelWidth + 6, y: y, role: Glyphs.role(for: rag))
            c.text(TextWidth.fit(Fmt.value(v, ind), 9, alignRight: true), x: labelWidth + 6 + barWidth + 1, y: y, role: .text)
            if index == s.cursor { c.paint(x: 0, y: y, width: labelWidth + 1, role: .selection) }
        }
        if defWidth > 0 {
            let x = s.width - defWidth
            c.text("Definition", x: x, y: top, role: .header)
            var lines = Fmt.wrap(ind.definition ?? "No definition given.", width: defWidth - 2)
            if let src = ind.source { lines += [""] + Fmt.wrap("Source: \(src)", width: defWidth - 2) }
            for b in ds.latestBenchmarks(indicator: ind.code) {
                lines.append("\(b.comparator) \(b.period.label): \(Fmt.value(b.value, ind))")
            }
            for (i, l) in lines.prefix(max(0, s.height - top - 2)).enumerated() {
                c.text(l, x: x, y: top + 1 + i, maxWidth: defWidth - 1, role: i < lines.count ? .muted : .text)
            }
        }
    }
}
