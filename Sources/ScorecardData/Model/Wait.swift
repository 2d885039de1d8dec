/// A waiting-list figure held by a provider (e.g. children waiting for speech and language
/// therapy assessment).
public struct Wait: Hashable, Sendable {
    public var provider: String
    /// The area the figure covers (an area code).
    public var area: String
    /// The service, e.g. `SLT`, `OT`, `PT`.
    public var service: String
    /// What is counted, e.g. `waiting_assessment`, `waiting_over_12_weeks`.
    public var measure: String
    public var period: Period
    public var value: Double?
    public var note: String?
    public var source: String?
    /// Line in waits.csv, for messages.
    public var line: Int

    public init(provider: String, area: String, service: String, measure: String, period: Period, value: Double?,
                note: String? = nil, source: String? = nil, line: Int = 0) {
        self.provider = provider
        self.area = area
        self.service = service
        self.measure = measure
        self.period = period
        self.value = value
        self.note = note
        self.source = source
        self.line = line
    }
}

/// A service provider (e.g. an NHS trust) named in waits.csv.
public struct Provider: Hashable, Sendable {
    public var code: String
    public var name: String
    public var note: String?

    public init(code: String, name: String, note: String? = nil) {
        self.code = code
        self.name = name
        self.note = note
    }
}

/// Which provider serves an area.
public struct Coverage: Hashable, Sendable {
    public var provider: String
    public var area: String
    public var note: String?

    public init(provider: String, area: String, note: String? = nil) {
        self.provider = provider
        self.area = area
        self.note = note
    }
}
