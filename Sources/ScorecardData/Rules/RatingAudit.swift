/// Warnings about ratings that load but that the data may not justify, found once a dataset is
/// built (`ragtop check` prints them, grouped by kind).
enum RatingAudit {
    /// Count indicators (`Indicator.isCount`) whose own target rates, by rule, figures of an area
    /// and of an area within it: a count grows with the size of the area, so the smaller area's
    /// figure is held to a target set for the larger one (e.g. a district's 1 exclusion against
    /// the county's 25). One warning per indicator, at its target cell in indicators.csv.
    static func countsRatedAgainstLargerAreas(_ ds: Dataset, targetCells: [String: (path: String, line: Int, column: Int)]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, ind) in ds.indicators.enumerated() where ind.isCount {
            let indicator = Int32(i)
            // Areas with figures of the indicator, and those whose figures the indicator's own
            // thresholds rate by rule, each with its latest such row.
            var withFigures = Set<Int32>()
            var ruled: [(area: Int32, row: Int)] = []
            for s in ds.seriesByIndicator[i] {
                let a = ds.seriesArea[Int(s)]
                withFigures.insert(a)
                guard ds.scopes.thresholds(indicator: indicator, area: a).origin == .indicator else { continue }
                let row = ds.rows(series: Int(s)).last { r in
                    let source = ds.ratingSource(row: Int(r))
                    return (source == .rule || source == .undecided) && ds.columns.target[Int(r)].isNaN
                }
                if let row, !ruled.contains(where: { $0.area == a }) { ruled.append((a, Int(row))) }
            }
            // Those within a larger area that the same target rates.
            var smaller: [(area: Area, row: Int, larger: Area)] = []
            for (a, row) in ruled {
                var parent = ds.areas[Int(a)].parent.flatMap { ds.areaIndex[$0] }
                var steps = 0
                while let p = parent, steps < 64 {
                    if withFigures.contains(p) && ds.scopes.thresholds(indicator: indicator, area: p).origin == .indicator {
                        smaller.append((ds.areas[Int(a)], row, ds.areas[Int(p)]))
                        break
                    }
                    parent = ds.areas[Int(p)].parent.flatMap { ds.areaIndex[$0] }
                    steps += 1
                }
            }
            guard let first = smaller.first else { continue }
            let target = ind.target.map(ValueFormatter.plain)
                ?? [ind.targetLow, ind.targetHigh].compactMap { $0.map(ValueFormatter.plain) }.joined(separator: "–")
            let value = ds.value(row: first.row).map(ValueFormatter.plain) ?? "empty"
            let smallName = SafeText.clip(first.area.name), largeName = SafeText.clip(first.larger.name)
            let others = smaller.count == 1 ? smallName : "\(smaller.count) areas within it"
            let cell = targetCells[ind.code] ?? (ds.files.first ?? "indicators.csv", 1, 1)
            out.append(Diagnostic(.warning, path: cell.path, line: cell.line, column: cell.column,
                                  "\(SafeText.clip(ind.code)) is a count (unit \(SafeText.clip(ind.unit ?? "count"))), which grows with the size of the area, yet its target \(target) rates both \(largeName) and \(others) by rule (e.g. \(smallName): \(value) in \(ds.period(row: first.row)) against \(target)); say which areas the target is for in target_areas (e.g. '\(SafeText.clip(first.larger.kind ?? first.larger.code))'), or give those areas their own targets in targets.csv",
                                  kind: .countAgainstLargerArea))
        }
        return out
    }

    /// Teams printed under several areas whose figures differ between them: the same team's
    /// figure should be the same wherever it is printed. One warning per team and indicator, at
    /// the first figure that differs from the first area's.
    static func sharedTeamsThatDiffer(_ ds: Dataset) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Each group once, from its first series, in series order.
        for (s, group) in ds.sharedTeamSeries.sorted(by: { $0.key < $1.key }) where s == group[0] {
            var firstValues: [Period: Double] = [:]
            for r in ds.rows(series: Int(group[0])) { firstValues[ds.columns.period[Int(r)]] = ds.columns.value[Int(r)] }
            search: for other in group.dropFirst() {
                for r in ds.rows(series: Int(other)) {
                    let row = Int(r), period = ds.columns.period[row]
                    guard let v0 = firstValues[period] else { continue }
                    let v1 = ds.columns.value[row]
                    if v0.isNaN && v1.isNaN || v0 == v1 { continue }
                    let show = { (v: Double) in v.isNaN ? "empty" : ValueFormatter.plain(v) }
                    let info = ds.series(Int(other)), firstArea = SafeText.clip(ds.areas[Int(ds.seriesArea[Int(group[0])])].name)
                    let otherArea = SafeText.clip(ds.areas[Int(ds.seriesArea[Int(other)])].name)
                    out.append(Diagnostic(.warning, path: ds.files[Int(ds.columns.file[row])], line: Int(ds.columns.line[row]), column: 1,
                                          "team '\(SafeText.clip(info.team ?? ""))' \(SafeText.clip(info.indicator)) \(period) is \(show(v1)) under \(otherArea) but \(show(v0)) under \(firstArea): a team's figures are the same wherever they are printed",
                                          kind: .sharedTeamDiffers))
                    break search
                }
            }
        }
        return out
    }
}
