/// A value a table is sorted by. One vocabulary for `report --sort` and the dashboard's tables:
/// numbers numerically, text ignoring case, periods by time, ratings by severity (RED, AMBER,
/// target missed, GREEN) and directions of travel worst first; a missing value sorts last
/// whichever the direction.
public enum SortValue: Sendable, Equatable {
    case missing
    case number(Double)
    case text(String)
    case period(Period)
    /// A rating's severity: RED 0, AMBER 1, a target missed without a floor (undecided) 1.5, GREEN 2.
    case rating(Double)
    case direction(DOT)

    /// A number, or `missing` for nil (or NaN).
    public static func number(_ v: Double?) -> SortValue {
        guard let v, !v.isNaN else { return .missing }
        return .number(v)
    }

    /// Text, or `missing` for nil or empty text.
    public static func text(_ s: String?) -> SortValue {
        guard let s, !s.isEmpty else { return .missing }
        return .text(s)
    }

    public static func rating(_ r: RAG?) -> SortValue { r.map { .rating(Double($0.rawValue)) } ?? .missing }

    /// A rating with where it came from: an undecided one ("target missed") sorts after AMBER
    /// and before GREEN.
    public static func rating(_ r: RAG?, source: RatingSource?) -> SortValue {
        source == .undecided ? .rating(1.5) : rating(r)
    }
    public static func direction(_ d: DOT?) -> SortValue { d.map(SortValue.direction) ?? .missing }

    /// True when `a` comes before `b`: ascending, or descending when asked, with missing values
    /// last either way. Values that are equal do not precede each other (sorts stay stable).
    public static func precedes(_ a: SortValue, _ b: SortValue, descending: Bool = false) -> Bool {
        switch (a.isMissing, b.isMissing) {
        case (true, _): return false
        case (false, true): return true
        default: return descending ? ascending(b, a) : ascending(a, b)
        }
    }

    /// True for `missing`, empty text and NaN.
    public var isMissing: Bool {
        switch self {
        case .missing: true
        case .text(let s): s.isEmpty
        case .number(let v): v.isNaN
        default: false
        }
    }

    private static func ascending(_ a: SortValue, _ b: SortValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.text(let x), .text(let y)):
            let lx = x.lowercased(), ly = y.lowercased()
            return lx != ly ? lx < ly : x < y
        case (.period(let x), .period(let y)): return x < y
        // RED (0) is the most severe; worsened (0) the worst direction.
        case (.rating(let x), .rating(let y)): return x < y
        case (.direction(let x), .direction(let y)): return x.rawValue < y.rawValue
        default: return a.kindOrder < b.kindOrder
        }
    }

    /// Orders values of different kinds, which one column does not mix.
    private var kindOrder: Int {
        switch self {
        case .missing: 6
        case .number: 0
        case .text: 1
        case .period: 2
        case .rating: 3
        case .direction: 4
        }
    }
}

/// The columns `report` can be sorted by: every column it prints (their csv names), including
/// the `--neighbours` ones.
public enum ReportColumn: String, CaseIterable, Sendable {
    case areaCode = "area_code", area, indicator, name, period, value, numerator, denominator, target, rag, dot, team
    case ratedBy = "rated_by", status
    case nationalRank = "national_rank", nationalOf = "national_of", quartile, gap
    case neighbour, closeness, neighbourRank = "neighbour_rank", neighbourOf = "neighbour_of"
    case neighboursMean = "neighbours_mean", neighboursMedian = "neighbours_median"

    /// What a row is sorted by in this column.
    public func sortValue(_ r: ReportRow) -> SortValue {
        switch self {
        case .areaCode: .text(r.areaCode)
        case .area: .text(r.areaName)
        case .indicator: .text(r.indicator)
        case .name: .text(r.indicatorName)
        case .period: .period(r.period)
        case .value: .number(r.value)
        case .numerator: .number(r.numerator)
        case .denominator: .number(r.denominator)
        case .target: .number(r.target)
        case .rag: .rating(r.rag, source: r.ratedBy)
        case .dot: .direction(r.dot)
        case .team: .text(r.team)
        case .ratedBy: .text(r.ratedBy?.rawValue)
        case .status: .text(r.status?.name)
        case .nationalRank: .number(r.national.map { Double($0.rank) })
        case .nationalOf: .number(r.national.map { Double($0.of) })
        case .quartile: .number(r.national.map { Double($0.quartile) })
        case .gap: .number(r.gap)
        case .neighbour: .number(r.neighbourhood?.neighbour.map(Double.init))
        case .closeness: .text(r.neighbourhood?.closeness)
        case .neighbourRank: .number(r.neighbourhood?.rank.map(Double.init))
        case .neighbourOf: .number(r.neighbourhood.map { Double($0.of) })
        case .neighboursMean: .number(r.neighbourhood?.mean)
        case .neighboursMedian: .number(r.neighbourhood?.median)
        }
    }
}

/// `--sort COLUMN[:desc]`: a column and a direction.
public struct ReportSort: Sendable, Equatable {
    public var column: ReportColumn
    public var descending: Bool

    public init(_ column: ReportColumn, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Parses `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (any case), e.g. `gap`, `rag:desc`.
    public init?(parsing argument: String) {
        guard let (name, descending) = Self.parse(argument), let column = ReportColumn(rawValue: name) else { return nil }
        self.init(column, descending: descending)
    }

    /// `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (any case, spaces around each part ignored): the
    /// column's name, lower-cased, and whether descending; nil for an empty column or another
    /// direction. Whether the column exists is the caller's to say (the dashboard's tables have
    /// columns of their own).
    public static func parse(_ argument: String) -> (column: String, descending: Bool)? {
        let parts = argument.lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard let column = parts.first, !column.isEmpty else { return nil }
        switch parts.count > 1 ? parts[1] : "asc" {
        case "asc": return (column, false)
        case "desc": return (column, true)
        default: return nil
        }
    }

    /// `gap`, `rag:desc`.
    public var argument: String { column.rawValue + (descending ? ":desc" : "") }

    /// The rows in this order; rows that sort alike keep their order.
    public func sorted(_ rows: [ReportRow]) -> [ReportRow] {
        let values = rows.map(column.sortValue)
        return rows.indices.sorted { i, j in
            if SortValue.precedes(values[i], values[j], descending: descending) { return true }
            if SortValue.precedes(values[j], values[i], descending: descending) { return false }
            return i < j
        }.map { rows[$0] }
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
