/// A comparator's figure for an indicator: England, South East, statistical neighbours …
public struct Benchmark: Hashable, Sendable {
    public var indicator: String
    /// The comparator's name as the data gives it (e.g. `England`, `South East`).
    public var comparator: String
    public var period: Period
    public var value: Double?
    public var source: String?

    public init(indicator: String, comparator: String, period: Period, value: Double?, source: String? = nil) {
        self.indicator = indicator
        self.comparator = comparator
        self.period = period
        self.value = value
        self.source = source
    }
}
