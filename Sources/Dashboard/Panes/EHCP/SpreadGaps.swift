import ScorecardData

extension CalendarYearRanks {
    /// How many authorities (areas of kind `la` or `county`, as `values(period:)` counts them)
    /// have a row for `period` but no figure (suppressed, not available …): the spread of all
    /// authorities leaves them out and says how many.
    func withoutFigure(period: Period) -> Int {
        dataset.seriesIDs(indicator: indicator).filter { sid in
            let info = dataset.series(sid)
            guard let a = dataset.area(code: info.area), a.kind == "la" || a.kind == "county" || a.code == area,
                  let o = dataset.observation(area: info.area, indicator: indicator, period: period) else { return false }
            return o.value == nil
        }.count
    }
}
