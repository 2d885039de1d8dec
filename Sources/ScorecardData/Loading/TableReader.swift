/// Reads one CSV table with a known schema: maps header names (case-insensitive, trimmed) to
/// columns, reports missing, duplicated and unknown columns, and offers typed cell getters that
/// record a diagnostic at the cell's line and column when a cell is wrong.
struct TableReader: Sendable {
    let path: String
    private(set) var csv: CSVReader
    private var columns: [String: Int] = [:]
    /// The cells of the header row: what every row must have.
    private(set) var headerCount = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Errors found in the current row so far.
    private(set) var rowHasError = false
    private(set) var errorCount = 0
    var warningCount = 0
    /// After this many errors in one file the rest are counted, not listed.
    static let listedErrorLimit = 200

    /// Reads the header. Returns nil (with diagnostics) if the table cannot be read at all.
    init?(path: String, bytes: [UInt8], required: [String], optional: [String], diagnostics sink: inout [Diagnostic]) {
        self.path = path
        self.csv = CSVReader(bytes: bytes)
        do {
            guard try csv.next() else {
                sink.append(Diagnostic(.error, path: path, line: 1, column: 1, "empty file: expected a header row with columns \(required.joined(separator: ", "))"))
                return nil
            }
        } catch {
            sink.append(Diagnostic(.error, path: path, line: error.line, column: error.column, error.message))
            return nil
        }
        headerCount = csv.fieldCount
        var ok = true
        let known = Set(required + optional)
        let locations = csv.locationsOfFields()
        for i in 0..<csv.fieldCount {
            let loc = locations[i]
            guard let raw = csv.string(i) else {
                sink.append(Diagnostic(.error, path: path, line: loc.line, column: loc.column, "invalid UTF-8 in the header"))
                ok = false
                continue
            }
            let name = raw.trimmingSpaces().lowercased()
            if name.isEmpty {
                sink.append(Diagnostic(.warning, path: path, line: loc.line, column: loc.column, "column \(i + 1) has no name; it is ignored"))
                continue
            }
            if columns[name] != nil {
                sink.append(Diagnostic(.error, path: path, line: loc.line, column: loc.column, "duplicate column '\(SafeText.clip(name))'"))
                ok = false
                continue
            }
            columns[name] = i
            if !known.contains(name) {
                sink.append(Diagnostic(.warning, path: path, line: loc.line, column: loc.column,
                                       "unknown column '\(SafeText.clip(name))' is ignored (known columns: \((required + optional).joined(separator: ", ")))",
                                       kind: .unknownColumn))
            }
        }
        for name in required where columns[name] == nil {
            sink.append(Diagnostic(.error, path: path, line: 1, column: 1,
                                   "missing required column '\(name)' (required: \(required.joined(separator: ", ")))"))
            ok = false
        }
        if !ok { return nil }
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// A reader of the same table for the records that start in `start ..< end` (`start` being
    /// the first byte of a record on line `line`), with no diagnostics yet. Stretches of a large
    /// file are read in parallel, then `absorb`ed in file order.
    func stretch(from start: Int, to end: Int, line: Int) -> TableReader {
        reading(CSVReader(bytes: csv.bytes, from: start, to: end, line: line))
    }

    /// A reader of the same table for the records of `bytes`, a later chunk of the file that
    /// starts with a record on line `line`, with no diagnostics yet. A large file is streamed a
    /// chunk at a time; the chunks' readers are `absorb`ed in file order.
    func chunk(_ bytes: [UInt8], line: Int) -> TableReader {
        reading(CSVReader(bytes: bytes, from: 0, to: bytes.count, line: line))
    }

    /// A reader of the same table (its columns and lookups) for `csv`'s records, with no
    /// diagnostics or errors yet.
    private func reading(_ csv: CSVReader) -> TableReader {
        var t = self
        t.csv = csv
        t.diagnostics = []
        t.rowHasError = false
        t.errorCount = 0
        t.warningCount = 0
        t.endedOnSyntaxError = false
        return t
    }

    /// Lets go of the bytes read, keeping the line reached: a streamed chunk's table, once read.
    mutating func releaseBytes() {
        csv = csv.releasingBytes()
    }

    /// Takes in the diagnostics of a stretch read after this reader's records, listing them as
    /// if one reader had read both: the listing limits apply to the sum.
    mutating func absorb(_ later: TableReader) {
        for d in later.diagnostics {
            if d.severity == .error {
                errorCount += 1
                if errorCount <= TableReader.listedErrorLimit { diagnostics.append(d) }
            } else {
                warningCount += 1
                if warningCount <= TableReader.listedErrorLimit { diagnostics.append(d) }
            }
        }
        // What was counted but not listed there.
        errorCount += later.errorCount - later.diagnostics.count(where: { $0.severity == .error })
        warningCount += later.warningCount - later.diagnostics.count(where: { $0.severity == .warning })
        csv = later.csv
        endedOnSyntaxError = later.endedOnSyntaxError
    }

    /// True when reading stopped at a CSV syntax error rather than at the end of the input.
    private(set) var endedOnSyntaxError = false

    /// A column looked up once by name. Getters taking a `Column` index the record directly, so a
    /// table of a million rows does not hash column names for every cell.
    struct Column {
        let name: String
        /// The cell's position in each row; nil when the file has no such column.
        let index: Int?
    }

    func column(_ name: String) -> Column { Column(name: name, index: columns[name]) }

    /// Advances to the next data row, skipping blank lines. Rows with the wrong number of cells
    /// are reported and skipped. Returns false at the end (or after a syntax error, which ends
    /// the table).
    mutating func nextRow() -> Bool {
        while true {
            rowHasError = false
            do {
                guard try csv.next() else { return false }
            } catch {
                report(.error, line: error.line, column: error.column, error.message)
                endedOnSyntaxError = true
                return false
            }
            if csv.fieldCount == 1 && csv.isEmpty(0) { continue }
            if csv.fieldCount != headerCount {
                let loc = csv.location(ofField: min(csv.fieldCount, headerCount))
                report(.error, line: loc.line, column: loc.column,
                       "expected \(headerCount) cells as in the header, found \(csv.fieldCount)")
                continue
            }
            return true
        }
    }

    var line: Int { csv.recordLine }

    /// Takes the record at `csv.offset`, read whole by `PlainRow` and ending just before `next`,
    /// as the current row: one line, no errors.
    mutating func tookPlainRecord(endingBefore next: Int) {
        csv.tookPlainRecord(endingBefore: next)
        rowHasError = false
    }

    /// Records a problem at a cell of the current row.
    mutating func fail(_ column: String, _ message: String, severity: Diagnostic.Severity = .error, kind: Diagnostic.Kind? = nil) {
        fail(self.column(column), message, severity: severity, kind: kind)
    }

    mutating func fail(_ column: Column, _ message: String, severity: Diagnostic.Severity = .error, kind: Diagnostic.Kind? = nil) {
        let loc = column.index.map { csv.location(ofField: $0) } ?? (line: csv.recordLine, column: 1)
        report(severity, line: loc.line, column: loc.column, message, kind: kind)
    }

    mutating func report(_ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String, kind: Diagnostic.Kind? = nil) {
        if severity == .error {
            rowHasError = true
            errorCount += 1
            if errorCount > TableReader.listedErrorLimit { return }
        } else {
            warningCount += 1
            if warningCount > TableReader.listedErrorLimit { return }
        }
        diagnostics.append(Diagnostic(severity, path: path, line: line, column: column, message, kind: kind))
    }

    /// The 1-based column number of a cell of the current row.
    func columnNumber(_ column: String) -> Int { columnNumber(self.column(column)) }

    func columnNumber(_ column: Column) -> Int {
        column.index.map { csv.location(ofField: $0).column } ?? 1
    }

    /// The id in `codes` of the code a cell spells exactly, without making a String; nil when the
    /// column is absent, the cell has doubled quotes or spells no code as it stands.
    func code(_ column: Column, in codes: inout CodeTable) -> Int32? {
        guard let i = column.index, !csv.hasEscapedQuotes(i) else { return nil }
        return csv.withRawBytes(i) { codes.id(of: $0) }
    }

    /// Text of a cell, trimmed; nil when the column is absent or the cell empty.
    mutating func text(_ column: String) -> String? { text(self.column(column)) }

    @inline(__always)
    mutating func text(_ column: Column) -> String? {
        guard let i = column.index, !csv.isEmpty(i) else { return nil }
        guard let s = csv.string(i) else {
            fail(column, "invalid UTF-8 in cell")
            return nil
        }
        let t = s.trimmingSpaces()
        return t.isEmpty ? nil : t
    }

    /// Text of a cell that must not be empty.
    mutating func requiredText(_ column: String, _ what: String) -> String? { requiredText(self.column(column), what) }

    mutating func requiredText(_ column: Column, _ what: String) -> String? {
        let errorsBefore = errorCount
        guard let t = text(column) else {
            // Not "empty" when text() already reported the cell (invalid UTF-8).
            if errorCount == errorsBefore { fail(column, "empty \(column.name): expected \(what)") }
            return nil
        }
        return t
    }

    /// A number, or nil for an empty cell. Bad numbers are reported.
    mutating func number(_ column: String) -> Double? { number(self.column(column)) }

    mutating func number(_ column: Column) -> Double? {
        guard let i = column.index, !csv.isEmpty(i) else { return nil }
        // The common cell without the full parser's outcome; the rest as before.
        if let v = csv.withRawBytes(i, { NumberParser.plainDecimal($0) }) { return v }
        switch csv.withRawBytes(i, { NumberParser.parse(bytes: $0) }) {
        case .empty: return nil
        case .value(let v): return v
        case .invalid(let why):
            fail(column, "\(column.name): \(why)")
            return nil
        }
    }

    /// A number as NaN-for-missing, for the columnar store.
    mutating func numberOrNaN(_ column: Column) -> Double { number(column) ?? .nan }

    /// A whole number in a range, or nil.
    mutating func integer(_ column: String, in range: ClosedRange<Int>) -> Int? {
        guard let v = number(column) else { return nil }
        guard v == v.rounded(), let n = Int(exactly: v), range.contains(n) else {
            fail(column, "\(column): expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(v)")
            return nil
        }
        return n
    }

    /// Reports a band whose `target_low` is above its `target_high`, at the target_low cell.
    mutating func checkBand(low: Double?, high: Double?) {
        if let low, let high, low > high { fail("target_low", "target_low \(low) is above target_high \(high)") }
    }

    /// A period in one of the canonical forms.
    mutating func period(_ column: String) -> Period? { period(self.column(column)) }

    mutating func period(_ column: Column) -> Period? {
        guard let i = column.index else { return nil }
        // Surrounding spaces and tabs are ignored, as for every other cell. `trimmed` is the
        // range of the rest within the cell.
        let (period, trimmed) = csv.withRawBytes(i) { cell in
            var raw = cell[...]
            while let f = raw.first, f == 0x20 || f == 0x09 { raw.removeFirst() }
            while let l = raw.last, l == 0x20 || l == 0x09 { raw.removeLast() }
            return (Period.parse(bytes: raw), raw.startIndex..<raw.endIndex)
        }
        if let period { return period }
        if trimmed.isEmpty {
            fail(column, "empty \(column.name): expected a period (\(Period.expectedForms))")
            return nil
        }
        let cell = csv.rawBytes(i)
        let raw = cell[(cell.startIndex + trimmed.lowerBound)..<(cell.startIndex + trimmed.upperBound)]
        let shown = SafeText.clip(String(decoding: raw.prefix(40), as: UTF8.self))
        fail(column, "\(column.name): '\(shown)' is not a period: expected \(Period.expectedForms)")
        return nil
    }
}
