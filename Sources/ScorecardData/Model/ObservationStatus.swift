/// What a figure's producer says about it (observations.csv `status`): official statistics mark
/// figures as provisional or revised, and the DfE's symbols say why a figure is missing.
public enum ObservationStatus: Int8, Sendable, CaseIterable {
    case provisional = 0
    case revised
    case estimated
    /// Withheld to protect confidentiality (DfE `c`).
    case suppressed
    /// Not collected or not available (DfE `x`).
    case notAvailable
    /// Does not apply (DfE `z`).
    case notApplicable
    /// Rounds to zero, but is not zero (DfE `low`).
    case low
    /// Too unreliable to publish as a figure (DfE `u`).
    case lowReliability

    /// The value written in observations.csv and in reports: `provisional`, `revised`,
    /// `estimated`, `suppressed`, `not-available`, `not-applicable`, `low`, `low-reliability`.
    public var name: String {
        switch self {
        case .provisional: "provisional"
        case .revised: "revised"
        case .estimated: "estimated"
        case .suppressed: "suppressed"
        case .notAvailable: "not-available"
        case .notApplicable: "not-applicable"
        case .low: "low"
        case .lowReliability: "low-reliability"
        }
    }

    /// Parses the csv spelling (any case, surrounding spaces ignored by the reader).
    public init?(name: some StringProtocol) {
        let lower = name.lowercased()
        guard let match = ObservationStatus.allCases.first(where: { $0.name == lower }) else { return nil }
        self = match
    }

    /// True for the statuses that say why there is no figure: a value beside them contradicts them.
    public var meansNoFigure: Bool {
        switch self {
        case .suppressed, .notAvailable, .notApplicable: true
        case .provisional, .revised, .estimated, .low, .lowReliability: false
        }
    }

    /// Every value, as documented: for messages.
    public static let expected = allCases.map(\.name).joined(separator: ", ")
}
