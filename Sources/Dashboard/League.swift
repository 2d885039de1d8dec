import ScorecardData

extension DashboardState {
    /// Which areas a KPI's league ranks. When the root's districts have the KPI, the league is
    /// the districts (and their teams). Otherwise — a national indicator such as the DfE's
    /// calendar-year EHCP timeliness — it is every area that has the KPI and none of whose
    /// children do (every local authority), optionally only those in the root's region.
    func leagueCandidates(indicator code: String) -> [(series: Int, area: Area)] {
        let local = dataset.childSeries(of: rootArea, indicator: code)
        if !local.isEmpty { return local }
        let series = dataset.seriesIDs(indicator: code)
        let withData = Set(series.map { dataset.series($0).area })
        let region = leagueRegionOnly ? leagueRegion : nil
        var out: [(series: Int, area: Area)] = []
        for s in series {
            let info = dataset.series(s)
            guard let area = dataset.area(code: info.area) else { continue }
            if dataset.children(of: area.code).contains(where: { withData.contains($0.code) }) { continue }
            if let region, !dataset.ancestry(of: area.code).contains(where: { $0.code == region.code }) { continue }
            out.append((s, area))
        }
        // Rank like with like: only areas whose latest figure is for the latest period (an
        // authority whose code was retired keeps its old figures out of this year's league).
        let latest = out.compactMap { dataset.latestRow(series: $0.series).map { dataset.period(row: $0) } }.max()
        return out.filter { e in dataset.latestRow(series: e.series).map { dataset.period(row: $0) } == latest }
    }

    /// True when the current KPI's league is national (the districts do not have it).
    public var leagueIsNational: Bool {
        guard let code = indicator else { return false }
        return dataset.childSeries(of: rootArea, indicator: code).isEmpty && !dataset.seriesIDs(indicator: code).isEmpty
    }

    /// The region the root area sits in (South East for Kent), if any.
    public var leagueRegion: Area? {
        dataset.ancestry(of: rootArea).last { $0.kind?.lowercased() == "region" && $0.code != rootArea }
    }

    /// The league table's heading.
    var leagueTitle: String {
        let rootName = dataset.area(code: rootArea)?.name ?? ""
        guard leagueIsNational else { return "League: \(rootName) districts" }
        if leagueRegionOnly, let region = leagueRegion { return "League: \(region.name) authorities (s: all)" }
        return "League: all authorities" + (leagueRegion.map { " (s: \($0.name) only)" } ?? "")
    }
}
