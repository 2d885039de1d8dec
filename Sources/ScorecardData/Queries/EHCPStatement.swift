/// The EHCP 20-week timeliness facts: the headline and the measures that drive it, the plain
/// statement of where an area stands, its straight-line projection, and what the two England
/// figures for the same year are.
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
                if let months = projection(rows: rows.map { ds.value(row: $0) ?? 0 }, target: target) {
                    var month = ds.period(row: last)
                    for _ in 0..<months { month = Period.month(month.year + (month.index == 12 ? 1 : 0), month.index == 12 ? 1 : month.index + 1) }
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

    /// Why England has two figures for one year, when both are loaded and they differ: the
    /// scorecard's comparator (DfE's figure excluding exceptions, as the scorecard prints it)
    /// and DfE's calendar-year series (all plans, including exceptions). Nil otherwise.
    public static func englandFigures(dataset ds: Dataset) -> String? {
        guard let bench = ds.latestBenchmarks(indicator: headline).first(where: { $0.comparator == "England" }), let b = bench.value,
              let england = ds.area(named: "England"), let cy = ds.indicator(calendarYear),
              let o = ds.observation(area: england.code, indicator: calendarYear, period: bench.period), let v = o.value, v != b
        else { return nil }
        let f = { (x: Double) in ValueFormatter.display(x, decimals: cy.decimals) + "%" }
        return "England \(bench.period.label): \(f(b)) in the scorecard (DfE's figure excluding exceptions), \(f(v)) in DfE's calendar-year series (all plans, including exceptions)."
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

/// Ranks of an area among all local authorities for a calendar-year indicator, and the spread
/// of their values.
public struct CalendarYearRanks: Sendable {
    public let dataset: Dataset
    public let indicator: String
    public let area: String

    public init(dataset: Dataset, indicator: String, area: String) {
        self.dataset = dataset
        self.indicator = indicator
        self.area = area
    }

    /// The local-authority values of a period (areas of kind `la` or `county`, and the area
    /// itself).
    public func values(period: Period) -> [(area: String, value: Double)] {
        var out: [(String, Double)] = []
        for sid in dataset.seriesIDs(indicator: indicator) {
            let info = dataset.series(sid)
            guard let a = dataset.area(code: info.area), a.kind == "la" || a.kind == "county" || a.code == area else { continue }
            if let o = dataset.observation(area: info.area, indicator: indicator, period: period), let v = o.value { out.append((info.area, v)) }
        }
        return out
    }

    /// The area's rank (1 = highest share) among the authorities with a value, and how many.
    public func rank(period: Period) -> (rank: Int, of: Int)? {
        let vs = values(period: period)
        guard let mine = vs.first(where: { $0.area == area })?.value, vs.count > 1 else { return nil }
        let better = vs.filter { $0.value > mine }.count
        return (better + 1, vs.count)
    }

    /// How many authorities fall in each of `bins` equal bins from the lowest value to the
    /// highest, and the bin the area is in.
    public func histogram(period: Period, bins: Int) -> (counts: [Int], areaBin: Int?, low: Double, high: Double)? {
        let vs = values(period: period)
        guard bins > 1, let lo = vs.map(\.value).min(), let hi = vs.map(\.value).max(), hi > lo else { return nil }
        func bin(_ v: Double) -> Int { min(bins - 1, Int((v - lo) / (hi - lo) * Double(bins - 1))) }
        var counts = Array(repeating: 0, count: bins)
        for v in vs { counts[bin(v.value)] += 1 }
        return (counts, vs.first { $0.area == area }.map { bin($0.value) }, lo, hi)
    }
}
