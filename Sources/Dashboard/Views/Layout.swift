/// Geometry shared by the views and by mouse handling.
public enum Layout {
    public static let minimumWidth = 50
    public static let minimumHeight = 12

    /// The first screen row of the pane's selectable list.
    static func listTop(_ s: DashboardState) -> Int {
        switch s.pane {
        case .scorecard: 3
        case .districts: 5
        case .detail: detailGeometry(s).leagueTop + 1
        case .ehcp: ehcpTableTop(s) + 1
        case .therapy: 4
        }
    }

    /// The EHCP pane's district table starts under the headline, statement and chart.
    static func ehcpTableTop(_ s: DashboardState) -> Int {
        let sentences = EHCPStatement.sentences(dataset: s.dataset, area: s.rootArea)
        var y = 6
        for sentence in sentences { y += Fmt.wrap(sentence, width: s.width - 4).count }
        y += 1
        let remaining = s.height - 1 - y
        if remaining >= 10 { y += min(14, max(6, remaining / 2)) + 1 }
        return y
    }

    /// How many list rows fit.
    static func listHeight(_ s: DashboardState) -> Int {
        switch s.pane {
        case .scorecard: max(0, s.height - 4)
        case .districts: max(0, s.height - 6)
        case .detail: max(0, s.height - 1 - (detailGeometry(s).leagueTop + 1))
        case .ehcp: max(0, s.height - 1 - (ehcpTableTop(s) + 1))
        case .therapy: max(0, s.height - 5)
        }
    }

    struct DetailGeometry {
        var chartTop: Int
        var chartHeight: Int
        var chartWidth: Int
        var leagueTop: Int
    }

    /// The detail pane: two header lines, the chart and periods table, then the league table.
    static func detailGeometry(_ s: DashboardState) -> DetailGeometry {
        let body = s.height - 3 // title, breadcrumb, status
        let chartHeight = max(5, min(16, (body - 2) / 2))
        let chartWidth = s.width >= 100 ? s.width * 3 / 5 : s.width - 30
        return DetailGeometry(chartTop: 4, chartHeight: chartHeight, chartWidth: max(20, chartWidth), leagueTop: 4 + chartHeight)
    }

    /// The tab under column `x` of the tab bar.
    static func tab(at x: Int, state: DashboardState) -> Pane? {
        var col = tabsStart
        for p in Pane.allCases {
            let w = TextWidth.of(tabLabel(p, width: state.width)) + 1
            if x >= col && x < col + w { return p }
            col += w
        }
        return nil
    }

    static let tabsStart = 8

    static func tabLabel(_ p: Pane, width: Int) -> String {
        let short: String = switch p {
        case .scorecard: "Scorecard"
        case .districts: "Districts"
        case .detail: "Detail"
        case .ehcp: "EHCP"
        case .therapy: "Therapy"
        }
        return " \(p.number) \(width >= 100 ? p.title : short) "
    }
}
