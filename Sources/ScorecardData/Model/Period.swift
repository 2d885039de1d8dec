/// A reporting period: a month, a financial quarter, a school term, an academic, financial or
/// calendar year.
///
/// Canonical text forms (what data files use and what ragtop prints):
///
/// | kind | form | example | months covered |
/// |---|---|---|---|
/// | month | `YYYY-MM` | `2024-10` | that month |
/// | financial quarter | `FYyyyy-yy-Qn` | `FY2024-25-Q2` | Q1 Apr–Jun … Q4 Jan–Mar |
/// | school term | `AYyyyy-yy-Term` | `AY2023-24-Summer` | Autumn Sep–Dec, Spring Jan–Mar, Summer Apr–Aug |
/// | academic year | `AYyyyy-yy` | `AY2023-24` | Sep–Aug |
/// | financial year | `FYyyyy-yy` | `FY2024-25` | Apr–Mar |
/// | calendar year | `YYYY` | `2023` | Jan–Dec |
///
/// Periods order by the month they end in, then by the month they start in (so a year sorts
/// after the months that end with it), then by kind.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case month = 0, financialQuarter, term, academicYear, financialYear, calendarYear

        /// A short name for messages and docs.
        public var name: String {
            switch self {
            case .month: "month"
            case .financialQuarter: "financial quarter"
            case .term: "school term"
            case .academicYear: "academic year"
            case .financialYear: "financial year"
            case .calendarYear: "calendar year"
            }
        }
    }

    // Stored in this order a period takes 4 bytes, not 6: it is a column of every observation.
    public let kind: Kind
    private let storedIndex: UInt8
    private let storedYear: Int16
    /// The calendar year of the first month (for FY/AY: the first year of `2024-25`).
    public var year: Int { Int(storedYear) }
    /// Month 1-12, quarter 1-4, term 1-3 (Autumn, Spring, Summer); 0 for years.
    public var index: Int { Int(storedIndex) }

    /// Creates a period; `year` must be 0...9999 and `index` valid for the kind.
    public init(kind: Kind, year: Int, index: Int = 0) {
        self.kind = kind
        self.storedYear = Int16(clamping: year)
        self.storedIndex = UInt8(clamping: index)
    }

    public static func month(_ year: Int, _ month: Int) -> Period { Period(kind: .month, year: year, index: month) }

    /// Months since year 0 of the first month covered.
    public var startOrdinal: Int {
        switch kind {
        case .month: year * 12 + index - 1
        case .financialQuarter: year * 12 + 3 + (index - 1) * 3
        case .term: [0, year * 12 + 8, (year + 1) * 12, (year + 1) * 12 + 3][index]
        case .academicYear: year * 12 + 8
        case .financialYear: year * 12 + 3
        case .calendarYear: year * 12
        }
    }

    /// Months since year 0 of the last month covered.
    public var endOrdinal: Int {
        switch kind {
        case .month: startOrdinal
        case .financialQuarter: startOrdinal + 2
        case .term: [0, year * 12 + 11, (year + 1) * 12 + 2, (year + 1) * 12 + 7][index]
        case .academicYear: startOrdinal + 11
        case .financialYear: startOrdinal + 11
        case .calendarYear: startOrdinal + 11
        }
    }

    /// A single integer that orders periods; equal keys mean equal periods.
    public var sortKey: Int64 {
        Int64(endOrdinal) << 24 | Int64((0xFFFFF - startOrdinal) & 0xFFFFF) << 4 | Int64(kind.rawValue)
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        // Two months order by their month ordinal, as their sort keys do, without computing them.
        if lhs.kind == .month && rhs.kind == .month {
            return Int(lhs.storedYear) * 12 + Int(lhs.storedIndex) < Int(rhs.storedYear) * 12 + Int(rhs.storedIndex)
        }
        return lhs.sortKey < rhs.sortKey
    }

    private static let termNames = ["", "Autumn", "Spring", "Summer"]
    private static let monthNames = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n % 100 < 10 ? "0" : "")\(n % 100)" }
    private static func fourDigits(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
    private var span: String { "\(Period.fourDigits(year))-\(Period.twoDigits((year + 1) % 100))" }

    /// The canonical text form.
    public var description: String {
        switch kind {
        case .month: "\(Period.fourDigits(year))-\(Period.twoDigits(index))"
        case .financialQuarter: "FY\(span)-Q\(index)"
        case .term: "AY\(span)-\(Period.termNames[index])"
        case .academicYear: "AY\(span)"
        case .financialYear: "FY\(span)"
        case .calendarYear: Period.fourDigits(year)
        }
    }

    /// A short label for screens, in the scorecard's style: `Oct-24`, `Q2 24-25`,
    /// `Summer 23-24`, `2023-24`, `2023`.
    public var label: String {
        let short = "\(Period.twoDigits(year % 100))-\(Period.twoDigits((year + 1) % 100))"
        switch kind {
        case .month: return "\(Period.monthNames[index])-\(Period.twoDigits(year % 100))"
        case .financialQuarter: return "Q\(index) \(short)"
        case .term: return "\(Period.termNames[index]) \(short)"
        case .academicYear, .financialYear: return "\(Period.fourDigits(year))-\(Period.twoDigits((year + 1) % 100))"
        case .calendarYear: return Period.fourDigits(year)
        }
    }

    /// What the accepted forms look like, for error messages.
    public static let expectedForms = "YYYY-MM, YYYY, FYyyyy-yy, FYyyyy-yy-Qn, AYyyyy-yy or AYyyyy-yy-Autumn|Spring|Summer (e.g. 2024-10, FY2024-25-Q2, AY2023-24-Summer)"

    /// Parses a canonical period. Returns nil if `text` is not one of the forms above.
    public init?(_ text: some StringProtocol) {
        guard let p = Period.parse(Array(text.utf8)[...]) else { return nil }
        self = p
    }

    /// Parses a canonical period from UTF-8 bytes.
    public static func parse(_ b: ArraySlice<UInt8>) -> Period? { parse(bytes: b) }

    /// Parses a canonical period from UTF-8 bytes in any buffer (an array slice, or a cell of a
    /// file being read).
    static func parse<Bytes: RandomAccessCollection<UInt8>>(bytes b: Bytes) -> Period? where Bytes.Index == Int {
        let n = b.count
        let s = b.startIndex
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[s + i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        @inline(__always) func number(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for k in from..<(from + len) {
                guard let d = digit(k) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        // YYYY or YYYY-MM
        if n == 4, let y = number(0, 4) { return Period(kind: .calendarYear, year: y) }
        if n == 7 {
            // YYYY-MM, the commonest cell of a large file: its six digits read at once.
            let y0 = b[s] &- 48, y1 = b[s + 1] &- 48, y2 = b[s + 2] &- 48, y3 = b[s + 3] &- 48
            let m0 = b[s + 5] &- 48, m1 = b[s + 6] &- 48
            guard b[s + 4] == UInt8(ascii: "-"), max(y0, y1, y2, y3, m0, m1) <= 9 else { return nil }
            let y = ((Int(y0) * 10 + Int(y1)) * 10 + Int(y2)) * 10 + Int(y3), m = Int(m0) * 10 + Int(m1)
            return (1...12).contains(m) ? Period(kind: .month, year: y, index: m) : nil
        }
        // FYyyyy-yy[-Qn] / AYyyyy-yy[-Term]
        guard n >= 9, b[s + 1] == UInt8(ascii: "Y"), b[s + 6] == UInt8(ascii: "-"),
              let y = number(2, 4), let y2 = number(7, 2), y2 == (y + 1) % 100 else { return nil }
        let prefix = b[s]
        if prefix == UInt8(ascii: "F") {
            if n == 9 { return Period(kind: .financialYear, year: y) }
            if n == 12, b[s + 9] == UInt8(ascii: "-"), b[s + 10] == UInt8(ascii: "Q"), let q = digit(11), (1...4).contains(q) {
                return Period(kind: .financialQuarter, year: y, index: q)
            }
            return nil
        }
        if prefix == UInt8(ascii: "A") {
            if n == 9 { return Period(kind: .academicYear, year: y) }
            guard n > 10, b[s + 9] == UInt8(ascii: "-") else { return nil }
            let name = String(decoding: b[(s + 10)...], as: UTF8.self)
            if let t = termNames.firstIndex(of: name), t > 0 { return Period(kind: .term, year: y, index: t) }
            return nil
        }
        return nil
    }

    /// The period immediately before this one, of the same kind.
    public var previous: Period {
        switch kind {
        case .month: index == 1 ? Period(kind: .month, year: year - 1, index: 12) : Period(kind: .month, year: year, index: index - 1)
        case .financialQuarter: index == 1 ? Period(kind: kind, year: year - 1, index: 4) : Period(kind: kind, year: year, index: index - 1)
        case .term: index == 1 ? Period(kind: kind, year: year - 1, index: 3) : Period(kind: kind, year: year, index: index - 1)
        default: Period(kind: kind, year: year - 1, index: 0)
        }
    }
}
