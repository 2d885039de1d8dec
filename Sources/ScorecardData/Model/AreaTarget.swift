/// An area's own target for an indicator (a row of targets.csv): it rates that area's figures in
/// place of the indicator's target, floor and band, whichever areas those are for.
public struct AreaTarget: Hashable, Sendable {
    public var indicator: String
    public var area: String
    /// Empty cells mean none: an area given a row with no target is not rated by rule.
    public var target: Double?
    public var floor: Double?
    public var targetLow: Double?
    public var targetHigh: Double?
    public var note: String?
    public var source: String?
    /// The line in targets.csv (0 for targets not read from a file).
    public var line: Int

    public init(indicator: String, area: String, target: Double? = nil, floor: Double? = nil, targetLow: Double? = nil,
                targetHigh: Double? = nil, note: String? = nil, source: String? = nil, line: Int = 0) {
        self.indicator = indicator
        self.area = area
        self.target = target
        self.floor = floor
        self.targetLow = targetLow
        self.targetHigh = targetHigh
        self.note = note
        self.source = source
        self.line = line
    }
}

/// The target, floor and band that rate an area's figures of an indicator, before any target
/// published with a figure (`Dataset.thresholds(indicator:area:)`), and where they come from.
public struct AreaThresholds: Hashable, Sendable {
    public enum Origin: String, Sendable {
        /// The indicator's, whose `target_areas` include the area (or are empty: every area).
        case indicator
        /// The area's own, from targets.csv.
        case area
        /// None: the indicator's target is for other areas and the area has none of its own.
        case none
    }

    public var target: Double?
    public var floor: Double?
    public var targetLow: Double?
    public var targetHigh: Double?
    public var origin: Origin

    public init(target: Double? = nil, floor: Double? = nil, targetLow: Double? = nil, targetHigh: Double? = nil, origin: Origin) {
        self.target = target
        self.floor = floor
        self.targetLow = targetLow
        self.targetHigh = targetHigh
        self.origin = origin
    }
}
