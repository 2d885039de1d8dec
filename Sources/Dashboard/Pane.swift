/// The dashboard's panes, in tab order.
public enum Pane: String, CaseIterable, Sendable {
    case scorecard, districts, detail, ehcp, therapy

    public var title: String {
        switch self {
        case .scorecard: "Scorecard"
        case .districts: "Districts"
        case .detail: "KPI detail"
        case .ehcp: "EHCP 20 weeks"
        case .therapy: "SEN therapy"
        }
    }

    /// The digit that selects the pane.
    public var number: Int { (Pane.allCases.firstIndex(of: self) ?? 0) + 1 }
}
