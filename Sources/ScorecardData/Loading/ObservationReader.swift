#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Reads the rows of observations.csv into columns: the hot loop of a large load.
///
/// Columns are looked up once per file, and area and indicator cells that spell a code exactly
/// are found by their bytes (`CodeTable`); anything else takes the String path with its
/// diagnostics. A large file is cut at line ends into stretches that are read in parallel and
/// joined in file order, so that rows, strings and diagnostics come out as if it had been read
/// from top to bottom (see `read(_:_:stretchBytes:maxStretches:)`).
struct ObservationReader: Sendable {
    /// What every stretch looks codes up in.
    struct Lookups: Sendable {
        let areaCodes: CodeTable
        let indicatorCodes: CodeTable
        let areaIndex: [String: Int32]
        let indicatorIndex: [String: Int32]
        /// The file's position in the dataset's list of files.
        let file: Int32
        /// Whether plain rows are read in one pass (`LoadParallelism.plainRows`).
        var plainRows = true
    }

    var table: TableReader
    /// Where this reader writes its rows' period and value: rows
    /// `firstRow ..< firstRow + rows` of the file's dense columns.
    let firstRow: Int
    /// The rows read (their dense columns written through the slots `read` was given), and the
    /// most this reader may write.
    private(set) var rows = 0
    private var rowLimit = 0
    /// The other columns of those rows, by row of this reader (from 0); its dense arrays stay
    /// empty.
    var columns = ObservationColumns()
    /// Team, note and source texts, by the ids in `columns`.
    var strings = StringPool()
    /// Column numbers of published RAG/DOT cells, by row of this reader.
    var publishedCells: [Int32: (rag: Int32, dot: Int32)] = [:]

    /// The number of processors, the most stretches worth reading at once.
    static let processors = max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 16))

    /// What reading a file's rows gives: its dense columns, and the readers of its stretches in
    /// file order, with the rest of their rows' columns. A reader whose table ended on a CSV
    /// syntax error is the last one.
    struct Outcome {
        var dense: DenseColumns
        var readers: [ObservationReader]
    }

    /// Reads every row after the header of `table`: in up to `maxStretches` stretches of at
    /// least `stretchBytes` each, or in one go.
    static func read(_ table: TableReader, _ lookups: Lookups, stretchBytes: Int, maxStretches: Int) -> Outcome {
        let plan = Plan(table, stretchBytes: stretchBytes, maxStretches: maxStretches)
        var readers: [ObservationReader] = []
        let dense = DenseColumns.filled(capacity: plan.rows) { slots in
            readers = read(table, lookups, plan, into: slots, base: 0, expectedFirst: slots.capacity)
            return readers.reduce(0) { $0 + $1.rows }
        }
        return Outcome(dense: dense, readers: readers)
    }

    /// Where the stretches of a table (a file, or a chunk of one) start and end, and the most rows
    /// each may have.
    struct Plan {
        /// Stretch k is `bounds[k] ..< bounds[k + 1]`.
        var bounds: [Int]
        var lineFeeds: [Int]
        /// Stretch k writes from row `firstRows[k]` (of the table's rows) on; the last entry is
        /// the most rows the table may have.
        var firstRows: [Int]
        var rows: Int { firstRows[firstRows.count - 1] }

        init(_ table: TableReader, stretchBytes: Int, maxStretches: Int) {
            let bytes = table.csv.bytes
            let start = table.csv.offset
            let end = bytes.count
            let count = max(1, min(maxStretches, (end - start) / max(1, stretchBytes)))
            // Cut after the first line feed past each equal share. A line feed inside a quoted
            // cell makes a wrong cut; the reader before it then ends past the cut, and that is
            // caught when reading.
            var cuts = [start]
            for k in 1..<count {
                guard let lf = bytes[max(cuts[cuts.count - 1], start + (end - start) * k / count)..<end]
                    .firstIndex(of: UInt8(ascii: "\n")), lf + 1 < end else { break }
                cuts.append(lf + 1)
            }
            bounds = cuts + [end]
            let b = bounds
            lineFeeds = (0..<(b.count - 1)).map { CSVReader.lineCount(bytes[b[$0]..<b[$0 + 1]]) }
            // Every record a stretch reads has a line feed in the stretch, but for a last record
            // with none after it (at the table's end): one running past a cut has the quoted line
            // feed the cut follows. So a stretch that ends with a line feed has at most as many
            // records as line feeds, and one that does not has one more; stretch k may write that
            // many rows from the sum of those before it. In a file of one row a line, every
            // stretch's rows then follow the last's where they were written: nothing to move.
            firstRows = [0]
            for k in lineFeeds.indices {
                let endsWithLineFeed = b[k + 1] > b[k] && bytes[b[k + 1] - 1] == UInt8(ascii: "\n")
                firstRows.append(firstRows[k] + lineFeeds[k] + (endsWithLineFeed ? 0 : 1))
            }
        }

        /// The most rows stretch `k` may write.
        func rowLimit(_ k: Int) -> Int { firstRows[k + 1] - firstRows[k] }
    }

    /// Reads the stretches of `plan` into `slots` from row `base` on, in parallel when there are
    /// several, or the whole table in one go when a cut fell inside a quoted cell; then moves
    /// the readers' rows together so that they follow one another from `base`. The first
    /// reader's sparse columns reserve `expectedFirst` rows.
    static func read(_ table: TableReader, _ lookups: Lookups, _ plan: Plan, into slots: DenseColumnSlots,
                     base: Int, expectedFirst: Int) -> [ObservationReader] {
        let readers = readStretches(table, lookups, plan, into: slots, base: base, expectedFirst: expectedFirst)
        // Close up the ranges: each reader's rows follow the last's.
        var next = base
        for k in readers.indices {
            slots.move(from: readers[k].firstRow, to: next, count: readers[k].rows)
            next += readers[k].rows
        }
        return readers
    }

    private static func readStretches(_ table: TableReader, _ lookups: Lookups, _ plan: Plan, into slots: DenseColumnSlots,
                                      base: Int, expectedFirst: Int) -> [ObservationReader] {
        let bounds = plan.bounds, lineFeeds = plan.lineFeeds, firstRows = plan.firstRows
        precondition(base + plan.rows <= slots.capacity, "observation rows beyond the dense columns")
        if bounds.count == 2 {
            var reader = ObservationReader(table: table, firstRow: base)
            reader.read(lookups, into: slots, limit: plan.rows, expected: expectedFirst)
            return [reader]
        }
        // The line each stretch starts on: the reader counts every line feed, quoted or not.
        var firstLines = [table.csv.nextRecordLine]
        for feeds in lineFeeds.dropLast() { firstLines.append(firstLines[firstLines.count - 1] + feeds) }
        let lines = firstLines
        let results = Mutex([ObservationReader?](repeating: nil, count: bounds.count - 1))
        DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { k in
            var reader = ObservationReader(table: table.stretch(from: bounds[k], to: bounds[k + 1], line: lines[k]),
                                           firstRow: base + firstRows[k])
            reader.read(lookups, into: slots, limit: plan.rowLimit(k), expected: k == 0 ? expectedFirst : plan.rowLimit(k))
            results.withLock { $0[k] = reader }
        }
        let readers = results.withLock { $0 }.compactMap { $0 }
        for k in 0..<(readers.count - 1) {
            let t = readers[k].table
            if t.endedOnSyntaxError { return Array(readers[...k]) }
            if t.csv.offset != bounds[k + 1] {
                var reader = ObservationReader(table: table, firstRow: base)
                reader.read(lookups, into: slots, limit: plan.rows, expected: expectedFirst)
                return [reader]
            }
        }
        return readers
    }

    init(table: TableReader, firstRow: Int) {
        self.table = table
        self.firstRow = firstRow
    }

    /// Reads every row of the table (or of its stretch) into `slots` and `columns`: at most
    /// `limit` rows (see `Plan`). Sparse columns reserve `expected` rows when first set: the
    /// first stretch's become the dataset's, with room for every stretch's rows.
    mutating func read(_ lookups: Lookups, into slots: DenseColumnSlots, limit: Int, expected: Int) {
        rowLimit = limit
        columns.reserveSparse(expected)
        let t = table
        let tableColumns = TableColumns(t)
        var areaCodes = lookups.areaCodes, indicatorCodes = lookups.indicatorCodes
        let cells = PlainRow.layout(of: t)
        // The table's bytes, held apart from `table` (whose reader moves on through them).
        let bytes = t.csv.bytes
        bytes.withUnsafeBufferPointer { buf in
            cells.withUnsafeBufferPointer { cells in
                while true {
                    // Plain rows, read in one pass each (`PlainRow`), while they come.
                    while lookups.plainRows && table.csv.offset < table.csv.limit {
                        var plain = PlainRow()
                        guard let next = plain.read(buf, from: table.csv.offset, cells: cells,
                                                    areaCodes: &areaCodes, indicatorCodes: &indicatorCodes) else { break }
                        table.tookPlainRecord(endingBefore: next)
                        append(plain, file: lookups.file, into: slots)
                    }
                    // Then one row by the general path, which reads (and reports) any row.
                    guard table.nextRow() else { return }
                    readRow(tableColumns, lookups, into: slots, areaCodes: &areaCodes, indicatorCodes: &indicatorCodes)
                }
            }
        }
    }

    /// Reads the current row of `table` cell by cell, with its diagnostics, and adds it unless
    /// it has errors.
    private mutating func readRow(_ c: TableColumns, _ lookups: Lookups, into slots: DenseColumnSlots,
                                  areaCodes: inout CodeTable, indicatorCodes: inout CodeTable) {
        let t = table
        let (areaColumn, indicatorColumn, periodColumn) = (c.area, c.indicator, c.period)
        let (valueColumn, numeratorColumn, denominatorColumn, targetColumn, floorColumn) = (c.value, c.numerator, c.denominator, c.target, c.floor)
        let (ragColumn, dotColumn, teamColumn, noteColumn, sourceColumn, statusColumn) = (c.rag, c.dot, c.team, c.note, c.source, c.status)
        let hasRAG = ragColumn.index != nil, hasDOT = dotColumn.index != nil, hasStatus = statusColumn.index != nil
        let area = table.code(areaColumn, in: &areaCodes)
            ?? reference(areaColumn, lookups.areaIndex, "an area code from areas.csv", "unknown area", "areas.csv")
        let indicator = table.code(indicatorColumn, in: &indicatorCodes)
            ?? reference(indicatorColumn, lookups.indicatorIndex, "an indicator code from indicators.csv", "unknown indicator", "indicators.csv")
        let period = table.period(periodColumn)
        let value = table.numberOrNaN(valueColumn)
        let numerator = table.numberOrNaN(numeratorColumn)
        let denominator = table.numberOrNaN(denominatorColumn)
        let target = table.numberOrNaN(targetColumn)
        let floor = table.numberOrNaN(floorColumn)
        var rag: Int8 = -1
        if let r = table.text(ragColumn) {
            if let parsed = RAG(text: r) { rag = parsed.rawValue } else { table.fail(ragColumn, "rag '\(SafeText.clip(r))' is not RED, AMBER, GREEN (or R, A, G) or empty") }
        }
        var dot: Int8 = -1
        if let d = table.text(dotColumn) {
            if let parsed = DOT(text: d) { dot = parsed.rawValue } else { table.fail(dotColumn, "dot '\(SafeText.clip(d))' is not ↑, ↓, ↔ (or improved, worsened, same) or empty") }
        }
        let team: Int32 = table.text(teamColumn).map { strings.intern($0) } ?? -1
        let status: Int8 = hasStatus ? readStatus(statusColumn, value: value) : -1
        guard let area, let indicator, let period, !table.rowHasError else { return }
        let row = rows
        append(PlainRow(area: area, indicator: indicator, period: period, value: value, numerator: numerator,
                        denominator: denominator, target: target, floor: floor), file: lookups.file, into: slots)
        if team >= 0 { columns.team.set(row, team) }
        if rag >= 0 || dot >= 0 {
            if rag >= 0 { columns.rag.set(row, rag) }
            if dot >= 0 { columns.dot.set(row, dot) }
            publishedCells[Int32(row)] = (Int32(hasRAG ? t.columnNumber(ragColumn) : 1), Int32(hasDOT ? t.columnNumber(dotColumn) : 1))
        }
        if let n = table.text(noteColumn) { columns.note.set(row, strings.intern(n)) }
        if let s = table.text(sourceColumn) { columns.source.set(row, strings.intern(s)) }
        if status >= 0 { columns.status.set(row, status) }
    }

    /// The columns of observations.csv, looked up once per table.
    struct TableColumns {
        let area, indicator, period, value, numerator, denominator, target, floor: TableReader.Column
        let rag, dot, team, note, source, status: TableReader.Column

        init(_ t: TableReader) {
            (area, indicator, period, value) = (t.column("area"), t.column("indicator"), t.column("period"), t.column("value"))
            (numerator, denominator, target, floor) = (t.column("numerator"), t.column("denominator"), t.column("target"), t.column("floor"))
            (rag, dot, team, note) = (t.column("rag"), t.column("dot"), t.column("team"), t.column("note"))
            (source, status) = (t.column("source"), t.column("status"))
        }
    }

    /// Adds a row read from the current record: its period and value to the dense columns, the
    /// rest to `columns`.
    @inline(__always)
    private mutating func append(_ r: PlainRow, file: Int32, into slots: DenseColumnSlots) {
        let row = rows
        // Unreachable past the limit (rows ≤ records, which `Plan` counts); were it passed, the
        // next stretch's rows would be overwritten.
        precondition(row < rowLimit, "stretch of observations.csv has more rows than line feeds")
        slots.write(row: firstRow + row, period: r.period, value: r.value)
        rows += 1
        columns.area.append(r.area)
        columns.indicator.append(r.indicator)
        columns.line.append(Int32(clamping: table.line))
        columns.file.append(file)
        if !r.numerator.isNaN { columns.numerator.set(row, r.numerator) }
        if !r.denominator.isNaN { columns.denominator.set(row, r.denominator) }
        if !r.target.isNaN { columns.target.set(row, r.target) }
        if !r.floor.isNaN { columns.floor.set(row, r.floor) }
    }

    /// The row's `status` (an `ObservationStatus` raw value, -1 for none), with the diagnostics
    /// for a bad one and for a status that means no figure beside a value. Kept out of the row
    /// loop's body: one more cell read there changes how the hot loop is compiled (see
    /// docs/performance.md), and most files have no status column.
    @inline(never)
    private mutating func readStatus(_ column: TableReader.Column, value: Double) -> Int8 {
        guard let s = table.text(column) else { return -1 }
        guard let status = ObservationStatus(name: s) else {
            table.fail(column, "status '\(SafeText.clip(s))' is not one of \(ObservationStatus.expected), or empty")
            return -1
        }
        if status.meansNoFigure, !value.isNaN {
            table.fail(column, "status \(status.name) says there is no figure, but the value is \(ValueFormatter.plain(value)): empty the value, or the status",
                       severity: .warning, kind: .statusWithValue)
        }
        return status.rawValue
    }

    /// The String path for an area or indicator cell: trimmed text looked up by code, with the
    /// diagnostics for an empty cell or an unknown code.
    private mutating func reference(_ column: TableReader.Column, _ index: [String: Int32], _ expected: String,
                                    _ unknown: String, _ file: String) -> Int32? {
        guard let code = table.requiredText(column, expected) else { return nil }
        guard let i = index[code] else {
            table.fail(column, "\(unknown) '\(SafeText.clip(code))': expected a code from \(file)")
            return nil
        }
        return i
    }
}
