/// One figure: an indicator's value for an area (and team) in a period, with what was published
/// beside it.
public struct Observation: Hashable, Sendable {
    public var area: String
    public var indicator: String
    public var period: Period
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// The target published with this figure (overrides the indicator's target).
    public var target: Double?
    /// The floor published with this figure (overrides the indicator's floor).
    public var floor: Double?
    /// The published rating, if any: the source of truth.
    public var rag: RAG?
    /// The published direction of travel, if any.
    public var dot: DOT?
    /// A team within the area (e.g. `Swale Central CSWT`), or nil.
    public var team: String?
    public var note: String?
    public var source: String?
    /// What the producer says about the figure (observations.csv `status`), or nil.
    public var status: ObservationStatus?
    /// The line in observations.csv (0 for figures not read from a file).
    public var line: Int

    public init(area: String, indicator: String, period: Period, value: Double?, numerator: Double? = nil,
                denominator: Double? = nil, target: Double? = nil, floor: Double? = nil, rag: RAG? = nil,
                dot: DOT? = nil, team: String? = nil, note: String? = nil, source: String? = nil, status: ObservationStatus? = nil,
                line: Int = 0) {
        self.area = area
        self.indicator = indicator
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
        self.floor = floor
        self.rag = rag
        self.dot = dot
        self.team = team
        self.note = note
        self.source = source
        self.status = status
        self.line = line
    }
}
