import ArgumentParser
import ScorecardData

/// A period given on the command line (`--since 2024-08`), in the forms data files use; anything
/// else is a usage error (exit 64).
struct PeriodArgument: ExpressibleByArgument, Sendable {
    let period: Period

    init?(argument: String) {
        guard let p = Period(argument) else { return nil }
        period = p
    }

    /// For help texts: the accepted forms.
    static let forms = Period.expectedForms
}
