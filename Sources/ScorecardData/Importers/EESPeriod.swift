/// Maps Explore Education Statistics time columns (`time_period`, `time_identifier`) to ragtop
/// periods.
///
/// | time_identifier | time_period | ragtop period |
/// |---|---|---|
/// | Calendar year, Reporting year | 2024 | `2024` |
/// | Academic year | 202324 (or 2023/24, 2023-24) | `AY2023-24` |
/// | Financial year, Tax year | 202425 | `FY2024-25` |
/// | Autumn / Spring / Summer term | 202324 | `AY2023-24-Autumn` … |
/// | January … December | 2024 | `2024-01` … |
/// | Financial year Q1 … Q4, Tax year Q1 … Q4 | 202425 | `FY2024-25-Q1` … |
/// | Calendar year Q1 … Q4, Quarter 1 … 4 | 2024 | the financial quarter of the same months: Q1 (Jan–Mar 2024) → `FY2023-24-Q4`, Q2 → `FY2024-25-Q1` … |
/// | (no time_identifier column) | 2024 | `2024` |
///
/// Anything else (weeks, "Autumn and spring term", academic-year quarters …) is an error.
public enum EESPeriod {
    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// The period for one row, or why there is none.
    public static func map(period rawPeriod: String, identifier rawIdentifier: String?) -> Result<Period, PeriodMappingError> {
        let period = rawPeriod.trimmingSpaces()
        let id = rawIdentifier.map { $0.collapsingSpaces().lowercased() }
        let digits = period.filter { $0 != "/" && $0 != "-" }
        func fail(_ why: String) -> Result<Period, PeriodMappingError> {
            let shownID = rawIdentifier.map { " (time_identifier '\(SafeText.clip($0.trimmingSpaces()))')" } ?? ""
            return .failure(PeriodMappingError(message: "cannot map time_period '\(SafeText.clip(period))'\(shownID) to a period: \(why)"))
        }
        func year4() -> Int? {
            guard period.count == 4, period.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(period)
        }
        /// `202324`, `2023/24`, `2023-24` → 2023 (the second half must be the next year).
        func span() -> Int?? {
            guard digits.count == 6, digits.allSatisfy(\.isASCIIDigit), period.count == 6 || period.count == 7,
                  let first = Int(digits.prefix(4)), let second = Int(digits.suffix(2)) else { return .none }
            return .some(second == (first + 1) % 100 ? first : nil)
        }
        func spanYear(_ what: String) -> Result<Int, PeriodMappingError> {
            switch span() {
            case .some(.some(let y)): return .success(y)
            case .some(.none): return .failure(PeriodMappingError(message: "the two years of '\(period)' are not consecutive"))
            case .none: return .failure(PeriodMappingError(message: "expected a \(what) written as six digits such as 202324"))
            }
        }
        func spanned(_ kind: Period.Kind, _ what: String, index: Int = 0) -> Result<Period, PeriodMappingError> {
            switch spanYear(what) {
            case .success(let y): return .success(Period(kind: kind, year: y, index: index))
            case .failure(let e): return fail(e.message)
            }
        }

        guard let id, !id.isEmpty else {
            if let y = year4() { return .success(Period(kind: .calendarYear, year: y)) }
            if digits.count == 6 {
                return fail("there is no time_identifier, so an academic year cannot be told from a financial year")
            }
            return fail("expected a four-digit calendar year")
        }
        switch id {
        case "calendar year", "reporting year":
            if let y = year4() { return .success(Period(kind: .calendarYear, year: y)) }
            return fail("expected a four-digit year such as 2024")
        case "academic year":
            return spanned(.academicYear, "academic year")
        case "financial year", "tax year", "fiscal year":
            return spanned(.financialYear, "financial year")
        case "autumn term", "autumn":
            return spanned(.term, "academic year", index: 1)
        case "spring term", "spring":
            return spanned(.term, "academic year", index: 2)
        case "summer term", "summer":
            return spanned(.term, "academic year", index: 3)
        default:
            break
        }
        if let m = months.firstIndex(of: id) {
            if let y = year4() { return .success(Period.month(y, m + 1)) }
            return fail("a month needs a four-digit calendar year")
        }
        // Quarters: "Financial year Q2", "Tax year Q2", "Calendar year Q1", "Quarter 1", "Q1".
        if let q = quarterNumber(id) {
            if id.hasPrefix("financial year") || id.hasPrefix("tax year") {
                return spanned(.financialQuarter, "financial year", index: q)
            }
            if id.hasPrefix("calendar year") || id.hasPrefix("quarter") || id.hasPrefix("q") {
                guard let y = year4() else { return fail("a calendar quarter needs a four-digit year") }
                // Calendar Q1 (Jan-Mar) is the fourth quarter of the financial year before.
                return q == 1 ? .success(Period(kind: .financialQuarter, year: y - 1, index: 4))
                    : .success(Period(kind: .financialQuarter, year: y, index: q - 1))
            }
        }
        return fail("ragtop has calendar, academic and financial years, school terms, financial quarters and months; this time_identifier is none of them")
    }

    /// 1-4 from "… Q3" or "quarter 3" at the end of the identifier.
    private static func quarterNumber(_ id: String) -> Int? {
        let words = id.split(separator: " ")
        guard let last = words.last else { return nil }
        if last.count == 2, last.first == "q", let d = last.last?.wholeNumberValue, (1...4).contains(d) { return d }
        if words.count >= 2, words[words.count - 2] == "quarter", let d = Int(last), (1...4).contains(d) { return d }
        return nil
    }
}

/// Why a time period could not be mapped.
public struct PeriodMappingError: Error, Sendable, Equatable {
    public var message: String
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
