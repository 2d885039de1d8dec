import ScorecardData

/// The EHCP 20-week timeliness facts: headline, drivers and the plain statement of where the area
/// stands. Pure: computed from the dataset.
public enum EHCPStatement {
    /// The headline KPI and the measures that drive it.
    public static let headline = "APP17"
    public static let drivers = ["APP17-N", "APP17-D", "APP17-A", "APP-EP", "EP-WAIT6", "SEND-WAIT20"]
    /// The DfE calendar-year indicator from the bundled national data, if loaded.
    public static let calendarYear = "EHCP20-CY"

    public static let projectionMethod = "When the latest EHCP 20-week share is below target, ragtop fits a straight line (least squares) to the last six monthly values and reports the first month in which that line reaches the target. It is a projection, not a forecast: it assumes the recent trend simply continues. It is not shown when the trend is flat or falling, or when there are fewer than three months."

    /// Sentences about the area's latest position: the run of months at or above target, the gap
    /// to England, and (below target) a labelled projection.
    public static func sentences(dataset ds: Dataset, area: String) -> [String] {
        guard let ind = ds.indicator(headline), let sid = ds.seriesID(area: area, indicator: headline) else { return [] }
        let rows = ds.trendRows(series: sid).filter { ds.value(row: $0) != nil }
        guard let last = rows.last, let value = ds.value(row: last) else { return [] }
        let areaName = ds.area(code: area)?.name ?? area
        let target = ds.target(row: last) ?? ind.target
        var out: [String] = []
        let fmt = { (v: Double) in ValueFormatter.display(v, decimals: ind.decimals) + "%" }
        if let target {
            var run = 0
            for r in rows.reversed() {
                guard let v = ds.value(row: r), v >= (ds.target(row: r) ?? target) else { break }
                run += 1
            }
            if run > 0 {
                out.append("\(areaName) has been at or above the \(fmt(target)) target for \(run) month\(run == 1 ? "" : "s") in a row (latest \(ds.period(row: last).label): \(fmt(value))).")
            } else {
                let below = rows.reversed().prefix { (ds.value(row: $0) ?? 0) < target }.count
                out.append("\(areaName) is below the \(fmt(target)) target: \(fmt(value)) in \(ds.period(row: last).label), \(below) month\(below == 1 ? "" : "s") in a row below.")
                if let p = projection(rows: rows.map { ds.value(row: $0) ?? 0 }, target: target) {
                    let when = ds.period(row: last)
                    var month = when
                    for _ in 0..<p { month = Period.month(month.year + (month.index == 12 ? 1 : 0), month.index == 12 ? 1 : month.index + 1) }
                    out.append("Projection (straight-line trend of the last 6 months, see ? for the method): the target would be reached in \(month.label).")
                } else {
                    out.append("Projection: none — the recent trend is not rising towards the target.")
                }
            }
        }
        if let england = ds.latestBenchmarks(indicator: headline).first(where: { $0.comparator == "England" }), let e = england.value {
            let gap = value - e
            let dir = gap >= 0 ? "above" : "below"
            out.append("\(ValueFormatter.fixed(abs(gap), decimals: ind.decimals ?? 1)) points \(dir) the England average (\(fmt(e)), \(england.period.label)).")
        }
        return out
    }

    /// Months from the last value until a least-squares line over the last six values reaches
    /// `target`; nil when it never does (flat or falling) or there are fewer than three values.
    public static func projection(rows values: [Double], target: Double) -> Int? {
        let ys = Array(values.suffix(6))
        guard ys.count >= 3, let last = ys.last, last < target else { return nil }
        let n = Double(ys.count)
        let xs = (0..<ys.count).map(Double.init)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in 0..<ys.count { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) * (xs[i] - mx) }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        guard slope > 1e-9 else { return nil }
        let intercept = my - slope * mx
        let xTarget = (target - intercept) / slope
        let months = Int((xTarget - Double(ys.count - 1)).rounded(.up))
        return months >= 1 && months <= 120 ? months : nil
    }
}

/// Pane 4: EHCP 20-week timeliness.
enum EHCPView {
    static func draw(into c: inout Canvas, state s: DashboardState) {
        let ds = s.dataset
        let code = EHCPStatement.headline
        guard let ind = ds.indicator(code), let sid = ds.seriesID(area: s.rootArea, indicator: code) else {
            c.text("This dataset has no \(code) (EHCPs issued within 20 weeks) series for \(ds.area(code: s.rootArea)?.name ?? s.rootArea).", x: 2, y: 3, maxWidth: s.width - 4, role: .muted)
            return
        }
        let rootName = ds.area(code: s.rootArea)?.name ?? s.rootArea
        let latest = ds.latestRow(series: sid)
        let rag = latest.flatMap { ds.rag(row: $0) }
        let value = latest.flatMap { ds.value(row: $0) }
        // Headline, large.
        let big = value.map { ValueFormatter.display($0, decimals: ind.decimals) + "%" } ?? "-"
        let rows = BigText.rows(big, ascii: s.glyphs.ascii)
        for (i, r) in rows.enumerated() { c.text(r, x: 2, y: 2 + i, role: Glyphs.role(for: rag)) }
        let bx = 2 + BigText.width(big) + 2
        let target = latest.flatMap { ds.target(row: $0) } ?? ind.target
        let bench = Fmt.benchmarks(ds, code)
        var line1 = "\(rootName): EHCPs issued within 20 weeks"
        if let r = latest { line1 += " · \(ds.period(row: r).label)" }
        c.text(line1, x: bx, y: 2, maxWidth: s.width - bx - 1, role: .title)
        var line2 = "\(s.glyphs.ragLabel(rag)) \(rag?.name ?? "no rating")"
        if let r = latest {
            if let n = ds.numerator(row: r), let d = ds.denominator(row: r) { line2 += " · \(Fmt.count(n)) of \(Fmt.count(d)) plans" }
            line2 += " · \(s.glyphs.dot(ds.dot(row: r))) \(ds.dot(row: r)?.name ?? "")"
        }
        c.text(line2, x: bx, y: 3, maxWidth: s.width - bx - 1, role: Glyphs.role(for: rag))
        var line3 = target.map { "target \(Fmt.value($0, ind))" } ?? "no target"
        if let e = bench.national { line3 += " · \(e.comparator) \(Fmt.value(e.value, ind)) (\(e.period.label))" }
        if let se = bench.regional { line3 += " · \(se.comparator) \(Fmt.value(se.value, ind))" }
        c.text(line3, x: bx, y: 4, maxWidth: s.width - bx - 1, role: .muted)
        // Statement.
        var y = 6
        for sentence in EHCPStatement.sentences(dataset: ds, area: s.rootArea) {
            for l in Fmt.wrap(sentence, width: s.width - 4) {
                guard y < s.height - 2 else { break }
                c.text(l, x: 2, y: y, role: sentence.hasPrefix("Projection") ? .warning : .text)
                y += 1
            }
        }
        y += 1
        // Chart left, drivers right.
        let wide = s.width >= EHCPLowerView.wideLayoutWidth
        let chartWidth = wide ? s.width / 2 : s.width - 2
        let remaining = s.height - 1 - y
        let chartHeight = min(14, max(6, remaining / 2))
        if remaining >= 10 {
            let trend = ds.trendRows(series: sid)
            LineChart.draw(into: &c, x: 1, y: y, width: chartWidth, height: chartHeight,
                           points: trend.map { (ds.period(row: $0).label, ds.value(row: $0)) }, target: target, floor: ind.floor,
                           benchmark: bench.national?.value, benchmarkLabel: bench.national?.comparator ?? "", indicator: ind, glyphs: s.glyphs,
                           secondBenchmark: bench.regional?.value, secondBenchmarkLabel: bench.regional?.comparator ?? "")
            if wide {
                drawDrivers(into: &c, state: s, x: chartWidth + 3, y: y, width: s.width - chartWidth - 4)
                drawCalendarYears(into: &c, state: s, x: chartWidth + 3, y: y + EHCPStatement.drivers.count + 2, width: s.width - chartWidth - 4,
                                  height: chartHeight - EHCPStatement.drivers.count - 2)
            }
            y += chartHeight + 1
        }
        let tableTop = y
        guard !wide else {
            drawDistricts(into: &c, state: s, top: tableTop, ind: ind)
            return
        }
        // Narrow: one of the three under the chart (`v`); drivers follow the districts when
        // there is room.
        switch s.ehcpView {
        case .districts:
            drawDistricts(into: &c, state: s, top: tableTop, ind: ind)
            let after = tableTop + 1 + min(s.ehcpSeries.count, Layout.listHeight(s)) + 1
            if s.height - 1 - after >= EHCPStatement.drivers.count + 1 {
                drawDrivers(into: &c, state: s, x: 1, y: after, width: s.width - 2)
            }
        case .drivers:
            guard tableTop < s.height - 2 else { return }
            drawDrivers(into: &c, state: s, x: 1, y: tableTop, width: s.width - 2)
        case .calendarYears:
            drawCalendarYears(into: &c, state: s, x: 1, y: tableTop, width: s.width - 2, height: s.height - 1 - tableTop)
        }
    }

    /// The measures that drive timeliness: latest value, trend and rating.
    static func drawDrivers(into c: inout Canvas, state s: DashboardState, x: Int, y: Int, width: Int) {
        let ds = s.dataset
        c.text("What drives it", x: x, y: y, maxWidth: width, role: .header)
        var row = y + 1
        for code in EHCPStatement.drivers {
            guard let ind = ds.indicator(code) else { continue }
            let sid = ds.seriesID(area: s.rootArea, indicator: code)
            let latest = sid.flatMap { ds.latestRow(series: $0) }
            let values = sid.map { ds.trendRows(series: $0).map { ds.value(row: $0) } } ?? []
            let rag = latest.flatMap { ds.rag(row: $0) }
            let nameWidth = max(10, width - 34)
            c.text(TextWidth.fit(code, 11), x: x, y: row, role: .muted)
            c.text(TextWidth.fit(ind.name, nameWidth), x: x + 12, y: row, role: .text)
            c.text(TextWidth.fit(Fmt.value(latest.flatMap { ds.value(row: $0) }, ind), 8, alignRight: true), x: x + 12 + nameWidth + 1, y: row, role: .text)
            c.text(Sparkline.make(values, width: 7, glyphs: s.glyphs), x: x + 12 + nameWidth + 10, y: row, role: .chartLine)
            c.text(s.glyphs.ragLabel(rag), x: x + 12 + nameWidth + 18, y: row, role: Glyphs.role(for: rag))
            row += 1
        }
    }

    /// The DfE calendar-year view: the root's share each year against England and the region,
    /// its rank among all local authorities, and where it sits in the latest year's spread.
    static func drawCalendarYears(into c: inout Canvas, state s: DashboardState, x: Int, y: Int, width: Int, height: Int) {
        let ds = s.dataset
        let code = EHCPStatement.calendarYear
        guard height >= 3, let ind = ds.indicator(code), let sid = ds.seriesID(area: s.rootArea, indicator: code) else { return }
        c.text("DfE calendar years: \(ind.name)", x: x, y: y, maxWidth: width, role: .header)
        let years = ds.trendRows(series: sid)
        let peers = CalendarYearRanks(dataset: ds, indicator: code, area: s.rootArea)
        var row = y + 1
        for r in years.suffix(max(0, height - 3)) {
            let p = ds.period(row: r)
            let v = ds.value(row: r)
            let eng = ds.observation(area: "E92000001", indicator: code, period: p)?.value
            let se = ds.observation(area: "E12000008", indicator: code, period: p)?.value
            let rank = peers.rank(period: p).map { "rank \($0.rank)/\($0.of)" } ?? ""
            let line = "\(p.label)  \(TextWidth.fit(Fmt.value(v, ind), 6, alignRight: true))  Eng \(TextWidth.fit(Fmt.value(eng, ind), 6, alignRight: true))  SE \(TextWidth.fit(Fmt.value(se, ind), 6, alignRight: true))  \(rank)"
            c.text(line, x: x, y: row, maxWidth: width, role: .text)
            row += 1
        }
        if let last = years.last {
            let strip = peers.strip(period: ds.period(row: last), width: max(10, width - 12), glyphs: s.glyphs)
            c.text("spread \(ds.period(row: last).label)", x: x, y: row, role: .muted)
            c.text(strip, x: x + 12, y: row, maxWidth: width - 12, role: .chartLine)
        }
    }

    /// Every district's latest value, trend and RAG, worst first.
    static func drawDistricts(into c: inout Canvas, state s: DashboardState, top: Int, ind: Indicator) {
        let ds = s.dataset
        guard top < s.height - 2 else { return }
        let wide = s.width >= EHCPLowerView.wideLayoutWidth
        let width = wide ? s.width / 2 : s.width - 2
        let header = "Districts, worst first · Enter opens the district's detail" + (wide ? "" : " · v: \(s.ehcpView.next.title)")
        c.text(header, x: 1, y: top, maxWidth: width, role: .header)
        let visible = Layout.listHeight(s)
        for i in 0..<visible {
            let index = s.scroll + i
            guard index < s.ehcpSeries.count else { break }
            let sid = s.ehcpSeries[index]
            let info = ds.series(sid)
            let latest = ds.latestRow(series: sid)
            let rag = latest.flatMap { ds.rag(row: $0) }
            let y = top + 1 + i
            c.text(TextWidth.fit(ds.area(code: info.area)?.name ?? info.area, 22), x: 1, y: y, role: .text)
            c.text(s.glyphs.ragLabel(rag), x: 24, y: y, role: Glyphs.role(for: rag))
            c.text(TextWidth.fit(Fmt.value(latest.flatMap { ds.value(row: $0) }, ind), 7, alignRight: true), x: 28, y: y, role: .text)
            let trend = ds.trendRows(series: sid).map { ds.value(row: $0) }
            c.text(Sparkline.make(trend, width: 8, glyphs: s.glyphs), x: 37, y: y, role: .chartLine)
            if let r = latest, let n = ds.numerator(row: r), let d = ds.denominator(row: r) {
                c.text("\(Fmt.count(n))/\(Fmt.count(d))", x: 47, y: y, maxWidth: max(0, width - 47), role: .muted)
            }
            if index == s.cursor { c.paint(x: 0, y: y, width: 23, role: .selection) }
        }
    }
}

/// Ranks of an area among all local authorities for a calendar-year indicator.
struct CalendarYearRanks {
    let dataset: Dataset
    let indicator: String
    let area: String

    /// The local-authority values of a period (areas of kind `la`, or any area without children
    /// below region level).
    func values(period: Period) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for sid in dataset.seriesIDs(indicator: indicator) {
            let info = dataset.series(sid)
            guard let a = dataset.area(code: info.area), a.kind == "la" || a.kind == "county" || a.code == area else { continue }
            if let o = dataset.observation(area: info.area, indicator: indicator, period: period), let v = o.value { out.append((info.area, v)) }
        }
        return out
    }

    func rank(period: Period) -> (rank: Int, of: Int)? {
        let vs = values(period: period)
        guard let mine = vs.first(where: { $0.0 == area })?.1, vs.count > 1 else { return nil }
        let better = vs.filter { $0.1 > mine }.count
        return (better + 1, vs.count)
    }

    /// A one-line histogram of the spread, with the area marked.
    func strip(period: Period, width: Int, glyphs: Glyphs) -> String {
        let vs = values(period: period).map(\.1)
        guard let lo = vs.min(), let hi = vs.max(), hi > lo, width > 2 else { return "" }
        var bins = Array(repeating: 0, count: width)
        for v in vs { bins[min(width - 1, Int((v - lo) / (hi - lo) * Double(width - 1)))] += 1 }
        let top = bins.max() ?? 1
        let levels = glyphs.sparkLevels
        var chars = bins.map { $0 == 0 ? Character(" ") : levels[min(levels.count - 1, $0 * (levels.count - 1) / max(1, top))] }
        if let mine = values(period: period).first(where: { $0.0 == area })?.1 {
            chars[min(width - 1, Int((mine - lo) / (hi - lo) * Double(width - 1)))] = glyphs.ascii ? "K" : "◆"
        }
        return "\(ValueFormatter.fixed(lo, decimals: 0)) " + String(chars) + " \(ValueFormatter.fixed(hi, decimals: 0))"
    }
}
