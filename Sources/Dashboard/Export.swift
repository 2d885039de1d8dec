import ScorecardData

extension DashboardState {
    /// The visible table of the current pane as CSV, with a suggested file name.
    func exportEffect() -> Effect {
        let ds = dataset
        let areaName = ds.area(code: area)?.name ?? area
        func slug(_ s: String) -> String {
            // At most 60 characters: a file name from a long name would be too long to create.
            String(String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-").prefix(60))
        }
        func csv(_ cells: [String]) -> String { cells.map(Self.csvField).joined(separator: ",") + "\n" }
        var out = ""
        var name = "ragtop-\(pane.rawValue)"
        switch pane {
        case .scorecard, .ehcp, .therapy:
            name += "-\(slug(areaName))"
            out += csv(["area_code", "area", "team", "group", "indicator", "name", "period", "value", "numerator", "denominator", "target", "rag", "dot"])
            for line in scorecardLines {
                guard case .series(let sid) = line else { continue }
                let info = ds.series(sid)
                let ind = ds.indicator(info.indicator)
                guard let r = ds.latestRow(series: sid) else { continue }
                out += csv([info.area, areaName, info.team ?? "", ind?.group ?? "", info.indicator, ind?.name ?? "", ds.period(row: r).description,
                            Fmt.plain(ds.value(row: r), ind), ValueFormatter.plain(opt: ds.numerator(row: r)), ValueFormatter.plain(opt: ds.denominator(row: r)),
                            ds.target(row: r).map { Fmt.plain($0, ind) } ?? "", ds.rag(row: r)?.name ?? "", ds.dot(row: r)?.arrow ?? ""])
            }
        case .districts:
            out += csv(["area_code", "area", "red", "amber", "green"] + districtIndicators)
            for (i, code) in districtAreas.enumerated() {
                let row = matrix[i]
                let counts = [RAG.red, .amber, .green].map { r in String(row.filter { $0 == r.rawValue }.count) }
                out += csv([code, ds.area(code: code)?.name ?? code] + counts + row.map { RAG(rawValue: $0)?.name ?? "" })
            }
        case .detail:
            let code = indicator ?? ""
            name += "-\(slug(code))"
            let ind = ds.indicator(code)
            out += csv(["rank", "area_code", "area", "team", "indicator", "period", "value", "numerator", "denominator", "rag"])
            for (i, sid) in leagueSeries.enumerated() {
                let info = ds.series(sid)
                guard let r = ds.latestRow(series: sid) else { continue }
                out += csv([String(i + 1), info.area, ds.area(code: info.area)?.name ?? "", info.team ?? "", code, ds.period(row: r).description,
                            Fmt.plain(ds.value(row: r), ind), ValueFormatter.plain(opt: ds.numerator(row: r)),
                            ValueFormatter.plain(opt: ds.denominator(row: r)), ds.rag(row: r)?.name ?? ""])
            }
        }
        return .export(fileName: name + ".csv", contents: out)
    }

    static func csvField(_ s: String) -> String { ReportFormat.csvField(s) }
}
