import ScorecardData

/// A line chart of a trend with its reference lines (target, floor, England, the region) and
/// labelled axes, and a legend row naming every line it drew with its value. Other areas' trends
/// can be drawn over it (`compared`), each with its own point, line and role.
struct LineChart {
    /// A horizontal reference line: where, in which mark, and what the legend calls it.
    struct Reference {
        var value: Double
        var mark: Mark
        var label: String
        var role: StyleRole
    }

    /// Another trend over the same periods: a value per point (nil for a gap), the mark whose two
    /// glyphs are its point and its line, its role, and what the legend calls it.
    struct Series {
        var values: [Double?]
        var mark: Mark
        var role: StyleRole
        var label: String
    }

    var points: [(label: String, value: Double?)]
    var references: [Reference]
    var decimals: Int?
    /// Each point's status (`ObservationStatus`), where known: a point without a value is drawn
    /// as a gap (`┆`, never a zero) and the legend says why.
    var statuses: [ObservationStatus?] = []
    /// Trends drawn under the main one, in order.
    var compared: [Series] = []
    /// The main trend's legend entry when others are compared with it ("Kent 32.3%").
    var label = "value"

    /// The most legend rows a chart with compared trends takes before it says it is too small.
    static let maxComparedLegendRows = 3

    /// The periods without a figure and why: `Jun-24 not available, Aug-24 no figure`; nil
    /// when every point has a value.
    var gapWords: String? {
        let gaps = points.indices.filter { points[$0].value == nil }
        guard !gaps.isEmpty else { return nil }
        return gaps.map { i -> String in
            let status = i < statuses.count ? statuses[i] : nil
            return points[i].label + " " + (status.map { Mark.status($0).entry.short } ?? "no figure")
        }.joined(separator: ", ")
    }

    /// The standard lines: the target and the floor, then the national and regional benchmarks.
    static func references(target: Double?, floor: Double?, national: Benchmark?, regional: Benchmark?, decimals: Int?) -> [Reference] {
        var out: [Reference] = []
        let f = { (v: Double) in ValueFormatter.display(v, decimals: decimals) }
        if let t = target { out.append(Reference(value: t, mark: .targetLine, label: "target \(f(t))", role: .chartTarget)) }
        if let fl = floor { out.append(Reference(value: fl, mark: .floorLine, label: "floor \(f(fl))", role: .chartFloor)) }
        if let n = national, let v = n.value { out.append(Reference(value: v, mark: .nationalLine, label: "\(n.comparator) \(f(v))", role: .chartBenchmark)) }
        if let r = regional, let v = r.value { out.append(Reference(value: v, mark: .regionalLine, label: "\(r.comparator) \(f(v))", role: .chartBenchmark)) }
        return out
    }

    /// Draws the chart in `rect`: the plot, the period labels on the row under it, the legend
    /// on the last row.
    func draw(in rect: Rect, into c: inout Canvas) {
        let values = points.compactMap(\.value) + compared.flatMap { $0.values.compactMap { $0 } }
        guard rect.height >= 4, rect.width >= 16 else { return }
        guard !values.isEmpty else {
            c.text(gapWords.map { "No figures to chart: \($0)." } ?? "No values to chart.", x: rect.x + 1, y: rect.y + 1,
                   maxWidth: rect.width - 1, role: .muted)
            return
        }
        let g = c.glyphs
        let all = values + references.map(\.value)
        var lo = all.min() ?? 0, hi = all.max() ?? 1
        if lo == hi { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.05
        lo -= pad
        hi += pad
        let axisDecimals = decimals ?? 1
        let labelWidth = max(ValueFormatter.fixed(hi, decimals: axisDecimals).count, ValueFormatter.fixed(lo, decimals: axisDecimals).count) + 1
        let plotX = rect.x + labelWidth + 1
        let plotWidth = rect.width - labelWidth - 1
        // The legend names every line with its value: one row, or two when it does not fit; with
        // compared trends, as many rows as it takes, up to three.
        let legend = legendItems(g)
        let legendWidth = legend.reduce(0) { $0 + TextWidth.of($1.text) + 2 }
        let legendRows = compared.isEmpty ? (legendWidth > rect.width - 8 && rect.height >= 8 ? 2 : 1)
            : Self.flowRows(legend.map { TextWidth.of($0.text) }, width: rect.right - plotX)
        let plotHeight = rect.height - 1 - legendRows  // period labels and legend below
        guard plotWidth >= 8 else { return }
        if !compared.isEmpty, legendRows > Self.maxComparedLegendRows || plotHeight < 3 {
            let message = "Too small to compare \(compared.count + 1) areas here: a larger window shows them (- clears)."
            for (i, line) in TextBlock.wrap(message, width: rect.width - 2).prefix(rect.height - 1).enumerated() {
                c.text(line, x: rect.x + 1, y: rect.y + 1 + i, role: .warning)
            }
            return
        }
        func row(_ v: Double) -> Int { rect.y + plotHeight - 1 - Int(((v - lo) / (hi - lo) * Double(plotHeight - 1)).rounded()) }
        // Axis and its labels.
        for r in 0..<plotHeight { c[plotX - 1, rect.y + r] = Cell(g.vertical, role: .chartAxis) }
        c.record(.vertical)
        for v in [hi - pad, lo + pad, (hi + lo) / 2] {
            c.text(TextWidth.fit(ValueFormatter.fixed(v, decimals: axisDecimals), labelWidth, alignRight: true), x: rect.x, y: row(v), role: .chartAxis)
        }
        // Reference lines. Lines that fall on the same row share it, alternating cell by cell,
        // so each stays visible.
        let rows = references.map { row($0.value) }
        for (k, ref) in references.enumerated() {
            let sharing = rows.indices.filter { rows[$0] == rows[k] }
            let slot = sharing.firstIndex(of: k) ?? 0
            let glyph = g.character(ref.mark)
            for col in 0..<plotWidth where col % sharing.count == slot && c[plotX + col, rows[k]].character == " " {
                c[plotX + col, rows[k]] = Cell(glyph, role: ref.role)
            }
            c.record(ref.mark)
        }
        // Points, spread evenly, connected: the compared trends first, the main one on top.
        let n = points.count
        func column(_ i: Int) -> Int { n == 1 ? plotX + plotWidth / 2 : plotX + Int((Double(i) / Double(n - 1) * Double(plotWidth - 1)).rounded()) }
        func plot(_ values: [Double?], point dot: Character, line connector: Character, role: StyleRole) -> (points: Bool, lines: Bool) {
            var previous: (Int, Int)?
            var drawn = (points: false, lines: false)
            for (i, value) in values.enumerated() where i < n {
                guard let v = value else { previous = nil; continue }
                let px = column(i), py = row(v)
                if let (qx, qy) = previous {
                    let steps = max(abs(px - qx), abs(py - qy))
                    if steps > 1 {
                        for k in 1..<steps {
                            c[qx + (px - qx) * k / steps, qy + (py - qy) * k / steps] = Cell(connector, role: role)
                        }
                        drawn.lines = true
                    }
                }
                c[px, py] = Cell(dot, role: role)
                drawn.points = true
                previous = (px, py)
            }
            return drawn
        }
        for series in compared {
            let glyphs = Array(g[series.mark])
            if plot(series.values, point: glyphs.first ?? "*", line: glyphs.last ?? ".", role: series.role).points { c.record(series.mark) }
        }
        if plot(points.map(\.value), point: g.character(.chartValue), line: g.character(.chartConnector), role: .chartLine).lines {
            c.record(.chartConnector)
        }
        // A period without a figure: a gap the height of the plot, in the blank cells.
        let gapGlyph = g.character(.gap)
        for (i, p) in points.enumerated() where p.value == nil {
            let px = column(i)
            for r in 0..<plotHeight where c[px, rect.y + r].character == " " { c[px, rect.y + r] = Cell(gapGlyph, role: .muted) }
            c.record(.gap)
        }
        c.record(.chartValue)
        // Period labels: first, middle, last.
        let labelY = rect.y + plotHeight
        if let first = points.first { c.text(first.label, x: plotX, y: labelY, role: .chartAxis) }
        if n > 2 {
            let mid = points[n / 2].label
            c.text(mid, x: column(n / 2) - TextWidth.of(mid) / 2, y: labelY, role: .chartAxis)
        }
        if n > 1, let last = points.last { c.text(last.label, x: plotX + plotWidth - TextWidth.of(last.label), y: labelY, role: .chartAxis) }
        // Legend: every line drawn, with its value.
        var lx = plotX, legendY = labelY + 1
        for item in legend {
            if lx + TextWidth.of(item.text) > rect.right, legendY < labelY + legendRows, lx > plotX {
                lx = plotX
                legendY += 1
            }
            guard lx < rect.right - 4 else { break }
            lx += c.text(item.text, x: lx, y: legendY, maxWidth: rect.right - lx, role: item.role) + 2
        }
    }

    /// The legend's entries in order — the main trend, the compared ones, the reference lines,
    /// the periods without a figure — each with its role.
    func legendItems(_ g: Glyphs) -> [(text: String, role: StyleRole)] {
        let main = compared.isEmpty ? "\(g[.chartValue]) \(label)" : "\(g[.chartValue])\(g[.chartConnector]) \(label)"
        return [(main, .chartLine)] + compared.map { ("\(g[$0.mark]) \($0.label)", $0.role) }
            + references.map { ("\(g[$0.mark]) \($0.label)", $0.role) }
            + (gapWords.map { [("\(g[.gap]) \($0)", StyleRole.muted)] } ?? [])
    }

    /// How many rows items of these widths take, two blanks between them, wrapped at `width`.
    static func flowRows(_ widths: [Int], width: Int) -> Int {
        var rows = 1, x = 0
        for w in widths {
            if x > 0, x + w > width {
                rows += 1
                x = 0
            }
            x += w + 2
        }
        return rows
    }
}
