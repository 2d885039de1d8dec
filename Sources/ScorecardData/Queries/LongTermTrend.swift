/// The long-term direction of a series: a least-squares line through its figures over the last
/// 12 periods of its kind (months, quarters, terms or years), read as the scorecard's key reads
/// its direction of travel (↑ improved, ↓ worsened, ↔ same, polarity-aware): the DOT rule applied
/// to the line's value at the start and at the end of the window, both rounded at the indicator's
/// decimals. A line that moves less than the figures' last printed place is "same".
public struct LongTermTrend: Sendable, Equatable {
    /// Improved, worsened or same; nil for a T indicator without a band or target.
    public var direction: DOT?
    /// The line's slope: change in value per period of the series' kind (per month for a monthly
    /// series, per quarter, term or year otherwise).
    public var slope: Double
    /// How many figures the line was fitted to (3 to 12).
    public var figures: Int
    /// The first and last period fitted.
    public var from: Period
    public var to: Period

    /// How many periods of its kind the window spans.
    public static let window = 12
    /// Fewer figures than this in the window give no trend.
    public static let minimumFigures = 3

    /// The slope as reports and screens print it, one place finer than the indicator's
    /// `decimals`, per period of `kind`: `+1.37/month`, `-0.3/quarter`.
    public func slopeLabel(decimals: Int?, per kind: Period.Kind) -> String {
        ValueChange(amount: slope, measure: .units, decimals: (decimals ?? 1) + 1).signedNumber + "/" + kind.unit
    }
}

extension Period {
    /// The same period a year earlier: `2023-10` for `2024-10`, `FY2023-24-Q2` for `FY2024-25-Q2`,
    /// `AY2022-23` for `AY2023-24`.
    public var yearEarlier: Period { Period(kind: kind, year: year - 1, index: index) }

    /// A running number of periods of this kind: consecutive periods differ by 1 (months, quarters,
    /// terms and years each count in their own steps).
    var sequenceNumber: Int {
        switch kind {
        case .month: year * 12 + index
        case .financialQuarter: year * 4 + index
        case .term: year * 3 + index
        case .academicYear, .financialYear, .calendarYear: year
        }
    }
}

extension Dataset {
    /// The long-term trend of a series up to its row `latest` (see `LongTermTrend`), or nil with
    /// fewer than three figures in the window.
    public func longTermTrend(series s: Int, upTo latest: Int) -> LongTermTrend? {
        let end = period(row: latest).sequenceNumber
        let start = end - LongTermTrend.window + 1
        var xs: [Double] = [], ys: [Double] = [], periods: [Period] = []
        for r in trendRows(series: s) {
            let p = period(row: r)
            guard p.sequenceNumber >= start, p.sequenceNumber <= end, let v = value(row: r), v.isFinite else { continue }
            xs.append(Double(p.sequenceNumber))
            ys.append(v)
            periods.append(p)
        }
        guard xs.count >= LongTermTrend.minimumFigures, let first = periods.first, let last = periods.last else { return nil }
        let n = Double(xs.count)
        let meanX = xs.reduce(0, +) / n, meanY = ys.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in xs.indices {
            sxx += (xs[i] - meanX) * (xs[i] - meanX)
            sxy += (xs[i] - meanX) * (ys[i] - meanY)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let fittedStart = meanY + slope * (xs[0] - meanX), fittedEnd = meanY + slope * (xs[xs.count - 1] - meanX)
        let ind = indicator(series: s)
        let rule = RatingRule(ind)
        let direction = DOTRule.evaluate(rounded: RAGRule.rounded(fittedEnd, ind.decimals),
                                         previous: RAGRule.rounded(fittedStart, ind.decimals), rule: rule, target: target(row: latest))
        return LongTermTrend(direction: direction, slope: slope, figures: xs.count, from: first, to: last)
    }
}
