/// Shared pieces of the importers: the outcome types, the diagnostics sink, header matching and
/// the DfE / GSS symbols for missing values.

/// Why an import failed: every error found (each names FILE:LINE:COL), and any warnings.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// What an importer produced: the dataset files, warnings, and a few lines saying what was read.
public struct ImportResult: Sendable {
    public var files: DatasetFiles
    public var warnings: [Diagnostic]
    /// Human-readable lines: rows read and kept, areas, periods, empty values by reason.
    public var summary: [String]
}

/// Collects diagnostics for one source file, stopping after a limit of errors.
struct DiagnosticSink {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    static let errorLimit = 50

    init(path: String) { self.path = path }

    var hasErrors: Bool { errorCount > 0 }
    /// True once enough errors are listed that reading on would only add noise.
    var full: Bool { errorCount >= DiagnosticSink.errorLimit }

    mutating func error(line: Int, column: Int, _ message: String) {
        errorCount += 1
        if errorCount <= DiagnosticSink.errorLimit {
            diagnostics.append(Diagnostic(.error, path: path, line: line, column: column, message))
        }
    }

    mutating func warning(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, path: path, line: line, column: column, message))
    }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The failure to throw: every error listed, plus a line when some were left out.
    func failure(stoppedAt line: Int? = nil) -> ImportFailure {
        var list = diagnostics
        if errorCount > DiagnosticSink.errorLimit || (full && line != nil) {
            let where_ = line.map { " (stopped reading at line \($0))" } ?? ""
            list.append(Diagnostic(.error, path: path, line: line ?? 1, column: 1,
                                   "too many errors: \(DiagnosticSink.errorLimit) listed\(where_)"))
        }
        return ImportFailure(list)
    }
}

/// The header row of a source file, with lookups by role and by a name the user typed.
struct SourceHeader {
    /// Column names as written (trimmed).
    let names: [String]
    private let lower: [String]
    private let folded: [String]

    init(names: [String]) {
        self.names = names
        self.lower = names.map { $0.lowercased() }
        self.folded = names.map(SourceHeader.fold)
    }

    /// Lowercase letters and digits only: `PC_plans issued` → `pcplansissued`.
    static func fold(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }))
    }

    var count: Int { names.count }

    /// The first column matching one of `candidates` (in order of preference), compared folded.
    func role(_ candidates: [String]) -> Int? {
        for c in candidates {
            let f = SourceHeader.fold(c)
            if let i = folded.firstIndex(of: f) { return i }
        }
        return nil
    }

    enum Lookup: Equatable {
        case found(Int)
        case missing
        case ambiguous([Int])
    }

    /// A column the user named: exact spelling first, then ignoring case, then ignoring case,
    /// spaces and punctuation (`PC Plans Issued Within 20 Weeks` finds
    /// `pc_plans_issued_within_20_weeks`).
    func lookup(_ name: String) -> Lookup {
        let trimmed = name.trimmingSpaces()
        if let i = names.firstIndex(of: trimmed) { return .found(i) }
        let l = trimmed.lowercased()
        let byCase = lower.indices.filter { lower[$0] == l }
        if byCase.count == 1 { return .found(byCase[0]) }
        if byCase.count > 1 { return .ambiguous(byCase) }
        let f = SourceHeader.fold(trimmed)
        guard !f.isEmpty else { return .missing }
        let byFold = folded.indices.filter { folded[$0] == f }
        if byFold.count == 1 { return .found(byFold[0]) }
        if byFold.count > 1 { return .ambiguous(byFold) }
        return .missing
    }
}

/// The symbols DfE (Explore Education Statistics) and the GSS use in place of a number, and what
/// they mean. A cell holding one is an empty value: its meaning goes in the `status` column and
/// the symbol as written in the `note` column.
public enum MissingValueSymbol {
    /// Symbol (lowercase, without square brackets) → reason.
    public static let reasons: [String: String] = [
        "c": "suppressed",
        "x": "not available",
        "z": "not applicable",
        "low": "rounds to zero",
        "u": "low reliability",
        ":": "not available",
        "~": "rounds to zero",
        ".": "not applicable",
        "..": "not available",
        "-": "not available",
        "*": "suppressed",
        "supp": "suppressed",
        "na": "not available",
        "n/a": "not available",
    ]

    /// `suppressed (c)` for `c`, `not available ([x])` for `[x]`; nil when `cell` is not a symbol.
    public static func note(for cell: String) -> String? {
        let t = cell.trimmingSpaces()
        return reason(of: t).map { "\($0) (\(t))" }
    }

    /// The status a symbol stands for (`c` suppressed, `x` not-available, `z` not-applicable,
    /// `low` low, `u` low-reliability, and their equivalents); nil when `cell` is not a symbol.
    public static func status(for cell: String) -> ObservationStatus? {
        switch reason(of: cell.trimmingSpaces()) {
        case "suppressed": .suppressed
        case "not available": .notAvailable
        case "not applicable": .notApplicable
        case "rounds to zero": .low
        case "low reliability": .lowReliability
        default: nil
        }
    }

    private static func reason(of trimmed: String) -> String? {
        var key = trimmed.lowercased()
        if key.count > 2, key.hasPrefix("["), key.hasSuffix("]") { key = String(key.dropFirst().dropLast()) }
        return reasons[key]
    }
}

/// A cell read as a number, a missing-value symbol, or neither.
enum SourceValue: Equatable {
    case empty
    case number(Double)
    /// A missing-value symbol: its note (`suppressed (c)`) and the status it stands for.
    case symbol(note: String, status: ObservationStatus?)
    case invalid(String)

    init(_ text: String) {
        let t = text.trimmingSpaces()
        if t.isEmpty { self = .empty; return }
        if let note = MissingValueSymbol.note(for: t) { self = .symbol(note: note, status: MissingValueSymbol.status(for: t)); return }
        switch NumberParser.parse(Array(t.utf8)[...]) {
        case .empty: self = .empty
        case .value(let v): self = .number(v)
        case .invalid(let why): self = .invalid(why)
        }
    }

    var number: Double? {
        if case .number(let v) = self { return v }
        return nil
    }

    /// True for numbers, symbols and empty cells: what a measure column holds.
    var isNumericLike: Bool {
        if case .invalid = self { return false }
        return true
    }
}

extension String {
    /// Collapses runs of spaces and tabs to one space and trims: for comparing labels.
    func collapsingSpaces() -> String {
        var out = ""
        var pendingSpace = false
        for ch in self {
            if ch == " " || ch == "\t" || ch == "\u{A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// The last path component: `a/b/c.csv` → `c.csv`.
    var lastPathComponent: String {
        guard let slash = lastIndex(of: "/") else { return self }
        return String(self[index(after: slash)...])
    }
}

/// Quoted lists for messages: `'a', 'b', 'c' and 4 more`.
func quotedList(_ items: [String], limit: Int = 12) -> String {
    let shown = items.prefix(limit).map { item -> String in
        let clean = SafeText.sanitize(item)
        return "'" + (clean.count > 80 ? String(clean.prefix(79)) + "…" : clean) + "'"
    }.joined(separator: ", ")
    return items.count > limit ? shown + " and \(items.count - limit) more" : shown
}

/// A source CSV read row by row with the project's CSVReader (BOM, quoted fields, CRLF), with
/// trimmed cells and cell locations for messages.
struct SourceTable {
    private var csv: CSVReader
    private let bytes: [UInt8]
    let path: String
    private(set) var width = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        self.csv = CSVReader(bytes: bytes)
    }

    /// Reads the header row; `expecting` says which columns a good file starts with.
    mutating func readHeader(expecting: String) throws(ImportFailure) -> SourceHeader {
        let path = self.path
        let fail = { (line: Int, column: Int, message: String) -> ImportFailure in
            ImportFailure([Diagnostic(.error, path: path, line: line, column: column, message)])
        }
        let more: Bool
        do {
            more = try csv.next()
        } catch {
            throw fail(error.line, error.column, error.message)
        }
        guard more, !(csv.fieldCount == 1 && csv.isEmpty(0)) else {
            throw fail(1, 1, "empty file: expected a header row (\(expecting))")
        }
        var names: [String] = []
        for i in 0..<csv.fieldCount {
            guard let s = csv.string(i) else {
                let loc = csv.location(ofField: i)
                throw fail(loc.line, loc.column, "invalid UTF-8 in the header")
            }
            names.append(s.trimmingSpaces())
        }
        width = names.count
        return SourceHeader(names: names)
    }

    /// Back to the first data row.
    mutating func restart() {
        csv = CSVReader(bytes: bytes)
        _ = try? csv.next()
    }

    /// The next data row with as many cells as the header (blank lines skipped).
    mutating func next() throws(CSVError) -> Bool {
        while true {
            guard try csv.next() else { return false }
            if csv.fieldCount == 1 && csv.isEmpty(0) { continue }
            if csv.fieldCount != width {
                let loc = csv.location(ofField: min(csv.fieldCount, width))
                throw CSVError(line: loc.line, column: loc.column, message: "expected \(width) cells as in the header, found \(csv.fieldCount)")
            }
            return true
        }
    }

    /// `next()` for a loop over the rows that reports a syntax error to `sink` and stops there,
    /// at the end, or once `sink` is full.
    mutating func next(reportingTo sink: inout DiagnosticSink) -> Bool {
        guard !sink.full else { return false }
        do {
            return try next()
        } catch {
            sink.error(line: error.line, column: error.column, error.message)
            return false
        }
    }

    /// The line the current row starts on.
    var line: Int { csv.recordLine }

    /// A cell, trimmed ("" for invalid UTF-8: check with `validUTF8`).
    func cell(_ i: Int) -> String { (csv.string(i) ?? "").trimmingSpaces() }
    func cell(_ i: Int?) -> String { i.map { cell($0) } ?? "" }
    func validUTF8(_ i: Int) -> Bool { csv.string(i) != nil }
    func location(_ i: Int) -> (line: Int, column: Int) { csv.location(ofField: i) }

    /// True when cell `column` equals `value`, ignoring case and runs of spaces.
    func matches(column: Int, value: String) -> Bool {
        cell(column).collapsingSpaces().lowercased() == value.collapsingSpaces().lowercased()
    }
}
