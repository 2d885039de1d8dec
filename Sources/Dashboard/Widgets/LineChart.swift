import ScorecardData

/// A line chart of a trend with target, floor and benchmark lines and labelled axes.
enum LineChart {
    static func draw(into c: inout Canvas, x: Int, y: Int, width: Int, height: Int, points: [(String, Double?)],
                     target: Double?, floor: Double?, benchmark: Double?, benchmarkLabel: String, indicator: Indicator, glyphs: Glyphs,
                     secondBenchmark: Double? = nil, secondBenchmarkLabel: String = "") {
        let values = points.compactMap { $0.1 }
        guard height >= 4, width >= 16 else { return }
        guard !values.isEmpty else {
            c.text("No values to chart.", x: x + 1, y: y + 1, role: .muted)
            return
        }
        let refs = [target, floor, benchmark, secondBenchmark].compactMap { $0 }
        var lo = (values + refs).min()!
        var hi = (values + refs).max()!
        if lo == hi { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.05
        lo -= pad
        hi += pad
        let plotHeight = height - 2 // x labels + legend
        let axisDecimals = indicator.decimals ?? 1
        let labelWidth = max(ValueFormatter.fixed(hi, decimals: axisDecimals).count, ValueFormatter.fixed(lo, decimals: axisDecimals).count) + 1
        let plotX = x + labelWidth + 1
        let plotWidth = width - labelWidth - 1
        guard plotWidth >= 8 else { return }
        func row(_ v: Double) -> Int { y + plotHeight - 1 - Int(((v - lo) / (hi - lo) * Double(plotHeight - 1)).rounded()) }
        // Axes.
        for r in 0..<plotHeight { c.text(String(glyphs.vertical), x: plotX - 1, y: y + r, role: .chartAxis) }
        for (v, r) in [(hi - pad, row(hi - pad)), (lo + pad, row(lo + pad)), ((hi + lo) / 2, row((hi + lo) / 2))] {
            c.text(TextWidth.fit(ValueFormatter.fixed(v, decimals: axisDecimals), labelWidth, alignRight: true), x: x, y: r, role: .chartAxis)
        }
        // Reference lines.
        func hline(_ v: Double?, _ ch: Character, _ role: StyleRole) {
            guard let v else { return }
            let r = row(v)
            for col in 0..<plotWidth where c[plotX + col, r].character == " " { c[plotX + col, r] = Cell(ch, role: role) }
        }
        hline(target, glyphs.ascii ? "=" : "┄", .chartTarget)
        hline(floor, glyphs.ascii ? "_" : "┄", .chartFloor)
        hline(benchmark, glyphs.ascii ? "." : "·", .chartBenchmark)
        hline(secondBenchmark, glyphs.ascii ? ":" : "╌", .chartBenchmark)
        // Points, spread evenly, connected.
        let n = points.count
        func column(_ i: Int) -> Int { n == 1 ? plotX + plotWidth / 2 : plotX + Int((Double(i) / Double(n - 1) * Double(plotWidth - 1)).rounded()) }
        var previous: (Int, Int)?
        for (i, p) in points.enumerated() {
            guard let v = p.1 else { previous = nil; continue }
            let px = column(i), py = row(v)
            if let (qx, qy) = previous {
                let steps = max(abs(px - qx), abs(py - qy))
                if steps > 1 {
                    for k in 1..<steps {
                        let ix = qx + (px - qx) * k / steps, iy = qy + (py - qy) * k / steps
                        c[ix, iy] = Cell(glyphs.ascii ? "." : "·", role: .chartLine)
                    }
                }
            }
            c[px, py] = Cell(glyphs.ascii ? "*" : "●", role: .chartLine)
            previous = (px, py)
        }
        // X labels: first, middle, last.
        let labelY = y + plotHeight
        if let first = points.first { c.text(first.0, x: plotX, y: labelY, role: .chartAxis) }
        if n > 2 {
            let mid = points[n / 2].0
            c.text(mid, x: column(n / 2) - TextWidth.of(mid) / 2, y: labelY, role: .chartAxis)
        }
        if n > 1, let last = points.last { c.text(last.0, x: plotX + plotWidth - TextWidth.of(last.0), y: labelY, role: .chartAxis) }
        // Legend.
        var lx = plotX
        let legendY = labelY + 1
        lx += c.text("\(glyphs.ascii ? "*" : "●") value", x: lx, y: legendY, role: .chartLine) + 2
        if let t = target { lx += c.text("\(glyphs.ascii ? "=" : "┄") target \(ValueFormatter.display(t, decimals: indicator.decimals))", x: lx, y: legendY, role: .chartTarget) + 2 }
        if let f = floor { lx += c.text("\(glyphs.ascii ? "_" : "┄") floor \(ValueFormatter.display(f, decimals: indicator.decimals))", x: lx, y: legendY, role: .chartFloor) + 2 }
        if let b = benchmark { lx += c.text("\(glyphs.ascii ? "." : "·") \(benchmarkLabel) \(ValueFormatter.display(b, decimals: indicator.decimals))", x: lx, y: legendY, maxWidth: x + width - lx, role: .chartBenchmark) + 2 }
        if let b = secondBenchmark, x + width - lx > 4 { c.text("\(glyphs.ascii ? ":" : "╌") \(secondBenchmarkLabel) \(ValueFormatter.display(b, decimals: indicator.decimals))", x: lx, y: legendY, maxWidth: x + width - lx, role: .chartBenchmark) }
    }
}
