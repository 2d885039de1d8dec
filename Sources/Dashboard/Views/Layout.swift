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
        case .ehcp, .therapy: 3
        }
    }

    /// How many list rows fit.
    static func listHeight(_ s: DashboardState) -> Int {
        switch s.pane {
        case .scorecard: max(0, s.height - 4)
        case .districts: max(0, s.height - 6)
        case .detail: max(0, s.height - 1 - (detailGeometry(s).leagueTop + 1))
        case .ehcp, .therapy: max(0, s.height - 4)
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
