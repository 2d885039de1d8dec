/// What the EHCP pane shows under its chart on a terminal narrower than
/// `wideLayoutWidth`, where its district table, drivers and calendar-year view do not fit
/// side by side; `v` cycles through them.
public enum EHCPLowerView: CaseIterable, Sendable {
    case districts, drivers, calendarYears

    /// From this width the pane shows all three at once.
    public static let wideLayoutWidth = 120

    public var title: String {
        switch self {
        case .districts: "districts"
        case .drivers: "what drives it"
        case .calendarYears: "DfE calendar years"
        }
    }

    /// The view `v` shows next.
    public var next: EHCPLowerView {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
