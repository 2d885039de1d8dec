/// Which direction is good for an indicator.
public enum Polarity: String, Sendable, CaseIterable {
    /// Higher is better.
    case high = "H"
    /// Lower is better.
    case low = "L"
    /// Close to target: inside the band `target_low`…`target_high` is best.
    case target = "T"
}

/// How an indicator's figures are collected (the scorecard's guidance notes).
public enum PeriodType: String, Sendable, CaseIterable {
    /// Monthly snapshot.
    case monthlySnapshot = "MS"
    /// Rolling 12 months.
    case rolling12Months = "R12M"
    /// Year to date.
    case yearToDate = "YTD"
    /// Quarterly.
    case quarterly = "Q"
    /// Termly.
    case termly = "T"
    /// Annual.
    case annual = "A"

    public var title: String {
        switch self {
        case .monthlySnapshot: "monthly snapshot"
        case .rolling12Months: "rolling 12 months"
        case .yearToDate: "year to date"
        case .quarterly: "quarterly"
        case .termly: "termly"
        case .annual: "annual"
        }
    }
}

/// A key performance indicator: what is measured, which way is good, and its thresholds.
public struct Indicator: Hashable, Sendable {
    public var code: String
    public var name: String
    /// The scorecard table it belongs to (e.g. `Education Monthly - SEND`).
    public var group: String
    public var polarity: Polarity
    public var periodType: PeriodType
    /// `percent`, `count`, `days`, `rate`, … (free text; `percent` adds a % sign).
    public var unit: String?
    /// Decimal places to show; values are compared with targets at this precision.
    public var decimals: Int?
    public var target: Double?
    /// The floor standard: missing it makes the rating RED.
    public var floor: Double?
    public var targetLow: Double?
    public var targetHigh: Double?
    public var definition: String?
    public var source: String?
    /// Which areas `target`, `floor` and the band rate (indicators.csv `target_areas`): area
    /// kinds (areas.csv `kind`) and area codes, as written. Empty: every area.
    public var targetAreas: [String]
    /// How the rule rates a figure that misses its target where no floor applies
    /// (indicators.csv `missed_target`): RED or AMBER; nil leaves it undecided ("target missed").
    public var missedTarget: RAG?

    public init(code: String, name: String, group: String = "", polarity: Polarity, periodType: PeriodType,
                unit: String? = nil, decimals: Int? = nil, target: Double? = nil, floor: Double? = nil,
                targetLow: Double? = nil, targetHigh: Double? = nil, definition: String? = nil, source: String? = nil,
                targetAreas: [String] = [], missedTarget: RAG? = nil) {
        self.code = code
        self.name = name
        self.group = group
        self.polarity = polarity
        self.periodType = periodType
        self.unit = unit
        self.decimals = decimals
        self.target = target
        self.floor = floor
        self.targetLow = targetLow
        self.targetHigh = targetHigh
        self.definition = definition
        self.source = source
        self.targetAreas = targetAreas
        self.missedTarget = missedTarget
    }

    /// True if values are percentages.
    public var isPercent: Bool { unit?.lowercased() == "percent" || unit == "%" }

    /// True if values are counts or totals (`unit` `count`, `number` or `total`): measures that
    /// grow with the size of the area, so a larger area's target does not fit a smaller one.
    public var isCount: Bool {
        switch unit?.lowercased() {
        case "count", "number", "total": true
        default: false
        }
    }
}
