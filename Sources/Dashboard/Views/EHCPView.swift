import ScorecardData

/// The plain statement about EHCP timeliness and how its projection is made.
public enum EHCPStatement {
    public static let projectionMethod = "When Kent's latest EHCP 20-week share is below target, ragtop fits a straight line (least squares) to the last six monthly values and reports the month it would cross the target. It is a projection, not a forecast: it assumes the recent trend continues, and is not shown when the trend is flat or falling."
}

/// Pane 4: EHCP 20-week timeliness.
enum EHCPView {
    static func draw(into c: inout Canvas, state s: DashboardState) {
        c.text("EHCP 20-week timeliness", x: 1, y: 2, role: .title)
    }
}

/// Pane 5: SEN therapy waiting lists.
enum TherapyView {
    static func draw(into c: inout Canvas, state s: DashboardState) {
        c.text("SEN therapy waiting lists", x: 1, y: 2, role: .title)
    }
}
