/// How much a figure moved between two periods, measured as suits its unit:
///
/// | unit | measure | example |
/// |---|---|---|
/// | `percent` (or `%`) | difference in percentage points | 64.0% → 76.9%: `+12.9 pts` |
/// | `count`, `days`, `weeks`, `ratio` | change as a % of the old value | 197 → 117: `-40.6%` |
/// | anything else, or an old value of 0 or less | difference in the indicator's unit | -0.12 → -0.82: `-0.70` |
///
/// A percentage of a percentage ("up 20%" for 10% → 12%) misleads, so percentages move in points;
/// a count moves in proportion to its size, so 10 more plans means more in a small district.
/// Scores (Attainment 8, Progress 8 around 0), rates and unknown units move by their difference.
public struct ValueChange: Sendable, Equatable {
    public enum Measure: String, Sendable {
        /// Percentage points: new − old, for percentages.
        case points
        /// Per cent of the old value: (new − old) / old × 100.
        case percent
        /// The plain difference new − old, in the indicator's unit.
        case units
    }

    /// The signed change (exact, not rounded).
    public var amount: Double
    public var measure: Measure
    /// Places to show: the indicator's decimals for points and units (else those of the figures),
    /// one place for a % change.
    public var decimals: Int

    /// Units whose change is shown as a % of the old value.
    public static let relativeUnits: Set<String> = ["count", "days", "weeks", "ratio"]

    /// The change from `old` to `new` for an indicator with `unit` and `decimals`.
    public init(from old: Double, to new: Double, unit: String?, decimals: Int?) {
        let u = unit?.lowercased()
        let shown = decimals ?? max(ValueChange.places(old), ValueChange.places(new))
        if u == "percent" || u == "%" {
            self.init(amount: new - old, measure: .points, decimals: shown)
        } else if let u, ValueChange.relativeUnits.contains(u), old > 0 {
            self.init(amount: (new - old) / old * 100, measure: .percent, decimals: 1)
        } else {
            self.init(amount: new - old, measure: .units, decimals: shown)
        }
    }

    public init(amount: Double, measure: Measure, decimals: Int) {
        self.amount = amount
        self.measure = measure
        self.decimals = decimals
    }

    /// The amount at `decimals` places with its sign, no unit: `+12.9`, `-40.6`, `0.0`.
    public var signedNumber: String {
        let s = ValueFormatter.fixed(amount, decimals: decimals)
        return s.hasPrefix("-") || Double(s) == 0 ? s : "+" + s
    }

    /// For screens and reports: `+12.9 pts`, `-40.6%`, `-0.70`.
    public var label: String {
        switch measure {
        case .points: signedNumber + " pts"
        case .percent: signedNumber + "%"
        case .units: signedNumber
        }
    }

    /// Decimal places of a figure as written (its shortest form), at most 6.
    static func places(_ v: Double) -> Int {
        let s = ValueFormatter.plain(v)
        guard let dot = s.firstIndex(of: "."), !s.contains("e") else { return 0 }
        return min(6, s.distance(from: dot, to: s.endIndex) - 1)
    }
}
