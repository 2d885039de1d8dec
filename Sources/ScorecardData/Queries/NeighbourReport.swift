/// `report --neighbours`: an area beside its statistical neighbours.
public struct NeighbourReport: Sendable, Equatable {
    /// One group per indicator (and period, with every period): the area's row, then its
    /// neighbours' rows closest first (or in the order asked for). Each row carries its
    /// `neighbourhood`.
    public var rows: [ReportRow]
    /// Indicators of the area that no neighbour has a series of, left out.
    public var indicatorsWithoutNeighbours: Int
}

extension Dataset {
    /// The area's own figures (not its teams') for the indicators the query selects, each beside
    /// the same indicator's figures of the area's neighbours for the same period: the period of
    /// the area's latest figure, or with `allPeriods` every period of the area's series, so like
    /// is compared with like. A neighbour without a figure for that period is listed with an
    /// empty value and left out of the ranks, mean and median. Indicators no neighbour has are
    /// left out. The query's `areas` is ignored; its rating filter applies to the rows after
    /// ranking. Rows of a group are sorted by `sort` when given.
    public func neighbourReport(area code: String, _ query: ReportQuery, sort: ReportSort? = nil) -> NeighbourReport {
        var out = NeighbourReport(rows: [], indicatorsWithoutNeighbours: 0)
        guard let area = area(code: code) else { return out }
        let neighbours = self.neighbours.of(code)
        let members: [(area: Area, neighbour: Neighbour?)] = [(area, nil)] + neighbours.compactMap { n in
            self.area(code: n.neighbour).map { ($0, n) }
        }
        let groupName = query.group?.lowercased()
        for s in seriesIDs(area: code) where seriesTeam[s] < 0 {
            let ind = indicators[Int(seriesIndicator[s])]
            if let wanted = query.indicator, wanted.lowercased() != ind.code.lowercased() { continue }
            if let groupName, ind.group.lowercased() != groupName { continue }
            let series = members.map { seriesID(area: $0.area.code, indicator: ind.code) }
            guard series.dropFirst().contains(where: { $0 != nil }) else {
                out.indicatorsWithoutNeighbours += 1
                continue
            }
            let periods: [Period] = query.allPeriods ? rows(series: s).map { period(row: Int($0)) } : (latestRow(series: s).map { [period(row: $0)] } ?? [])
            for p in periods {
                var group = zip(members, series).map { member, sid -> ReportRow in
                    if let sid, let r = self.rows(series: sid).first(where: { columns.period[Int($0)] == p }) {
                        return reportRow(Int(r), area: member.area, indicator: ind, team: nil)
                    }
                    return ReportRow(areaCode: member.area.code, areaName: member.area.name, team: nil, indicator: ind.code,
                                     indicatorName: ind.name, period: p, decimals: ind.decimals, unit: ind.unit)
                }
                compare(&group, members.map(\.neighbour), RatingRule(ind))
                if let keep = query.rags { group = group.filter { $0.rag.map(keep.contains) ?? false } }
                out.rows += sort?.sorted(group) ?? group
            }
        }
        return out
    }

    /// Fills in each row's `neighbourhood`: ranks among the rows with a figure, and the mean and
    /// median of the neighbours' figures (rows after the first), at the indicator's decimals.
    private func compare(_ rows: inout [ReportRow], _ neighbours: [Neighbour?], _ rule: RatingRule) {
        let ranked = rows.indices.compactMap { i in rows[i].value.flatMap { Ranking.key($0, rule) }.map { (i, $0) } }
        let (ranks, _) = Ranking.rank(keys: ranked.map(\.1))
        var rankOf: [Int: Int] = [:]
        for (k, entry) in ranked.enumerated() { rankOf[entry.0] = ranks[k] }
        let (mean, median) = Self.meanAndMedian(rows.dropFirst().compactMap(\.value), decimals: rule.decimals)
        for i in rows.indices {
            rows[i].neighbourhood = NeighbourFigures(neighbour: neighbours[i]?.rank, closeness: neighbours[i]?.closeness, rank: rankOf[i],
                                                     of: ranked.count, mean: mean, median: median, polarity: rule.polarity)
        }
    }

    /// The mean and median of figures as printed (at `decimals`, or at the most places any of
    /// them has, up to 6), rounded half away from zero at those places. Worked in whole numbers
    /// of the last place, so 40.45 is 40.5 whatever its nearest binary fraction; nil for none.
    static func meanAndMedian(_ values: [Double], decimals: Int?) -> (mean: Double?, median: Double?) {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return (nil, nil) }
        let places = min(decimals ?? finite.map(ValueFormatter.decimalPlaces).max() ?? 0, 6)
        let scale = NumberParser.powersOfTen[places]
        let scaled = finite.map { Int64(RAGRule.roundedHalfAwayFromZero($0 * scale)) }.sorted()
        /// `numerator / denominator` rounded half away from zero.
        func divided(_ numerator: Int64, _ denominator: Int64) -> Double {
            let q = (2 * numerator.magnitude + denominator.magnitude) / (2 * denominator.magnitude)
            return Double(numerator < 0 ? -Int64(q) : Int64(q)) / scale
        }
        let n = scaled.count
        let mean = divided(scaled.reduce(0, +), Int64(n))
        let median = n % 2 == 1 ? Double(scaled[n / 2]) / scale : divided(scaled[n / 2 - 1] + scaled[n / 2], 2)
        return (mean, median)
    }
}
