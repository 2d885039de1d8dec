extension Wait {
    /// The measure in words ("waiting for assessment").
    public static func measureName(_ m: String) -> String {
        switch m {
        case "referrals_per_month": "referrals a month"
        case "waiting_assessment": "waiting for assessment"
        case "waiting_intervention": "waiting for intervention"
        case "waiting_over_12_weeks_assessment": "over 12 weeks, assessment"
        case "waiting_over_12_weeks_intervention": "over 12 weeks, intervention"
        case "waiting_total": "waiting (total)"
        case "waiting_over_12_weeks": "waiting over 12 weeks"
        case "waiting_over_18_weeks": "waiting over 18 weeks"
        case "waiting_over_52_weeks": "waiting over 52 weeks"
        case "caseload": "caseload (receiving therapy)"
        default: m.split(separator: "_").joined(separator: " ")
        }
    }

    /// True for measures that count waits beyond a standard (12, 18 or 52 weeks).
    public static func isOverStandard(_ m: String) -> Bool { m.contains("over_") }
}

extension Dataset {
    /// District figures over a standard that exceed the county-wide figure for the same
    /// measure, service and period: the outliers (Swale's 118 against 14 across the main
    /// providers).
    public func waitOutliers(root: String) -> [Wait] {
        let county = waits.filter { $0.area == root }
        let districts = Set(children(of: root).map(\.code))
        return waits.filter { w in
            guard districts.contains(w.area), Wait.isOverStandard(w.measure), let v = w.value else { return false }
            return county.contains { $0.measure == w.measure && $0.service == w.service && $0.period == w.period && ($0.value ?? .infinity) < v }
        }
    }
}
