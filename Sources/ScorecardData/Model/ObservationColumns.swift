/// A column that only takes memory once some file has it: rows beyond its stored values read as
/// the default.
struct SparseColumn<T: Sendable>: Sendable {
    private(set) var values: [T] = []
    let missing: T
    /// The rows expected (see `ObservationColumns.reserve`): storage for them is reserved when the
    /// first value is set, so a column that fills up is allocated once, not grown and copied.
    var expectedRows = 0

    init(missing: T) { self.missing = missing }

    @inline(__always) subscript(row: Int) -> T { row < values.count ? values[row] : missing }

    /// Sets `row` (rows are written in increasing order).
    @inline(__always) mutating func set(_ row: Int, _ value: T) {
        if values.capacity <= row && expectedRows > row { values.reserveLarge(expectedRows) }
        // append(contentsOf:) grows the storage geometrically; reserving exactly row + 1 here
        // would copy the whole column on every gap, quadratic over a large file.
        if values.count < row { values.append(contentsOf: repeatElement(missing, count: row - values.count)) }
        if values.count == row { values.append(value) } else { values[row] = value }
    }

    /// Appends the rows of `other`, which follow this column's `rows` rows.
    mutating func append(_ other: SparseColumn<T>, after rows: Int) {
        guard !other.values.isEmpty else { return }
        if values.capacity < rows + other.values.count && expectedRows >= rows + other.values.count {
            values.reserveLarge(expectedRows)
        }
        if values.count < rows { values.append(contentsOf: repeatElement(missing, count: rows - values.count)) }
        values += other.values
    }

    /// Replaces every stored value.
    mutating func mapValues(_ transform: (T) -> T) {
        for i in values.indices { values[i] = transform(values[i]) }
    }
}

/// A column of whole numbers that mostly come in runs, stored as runs: line numbers (row r of a
/// file usually sits on line r + 2) and file positions (a file's rows come together). A value
/// that continues the last run costs no memory.
struct RunColumn: Sendable {
    /// How a run goes on: +1 a row for line numbers, 0 for file positions.
    let step: Int32
    /// The first row of each run and its value.
    private var runRows: [Int32] = []
    private var runValues: [Int32] = []
    private(set) var count = 0

    init(step: Int32) { self.step = step }

    /// Appends the value of the next row.
    @inline(__always) mutating func append(_ value: Int32) {
        if let row = runRows.last, let first = runValues.last, first &+ Int32(truncatingIfNeeded: count - Int(row)) &* step == value {
            count += 1
            return
        }
        runRows.append(Int32(truncatingIfNeeded: count))
        runValues.append(value)
        count += 1
    }

    /// Appends the rows of `other`.
    mutating func append(_ other: RunColumn) {
        for k in other.runRows.indices {
            let end = k + 1 < other.runRows.count ? Int(other.runRows[k + 1]) : other.count
            // The run's first row continues this column's last run or starts one; the rest of
            // the run follows it.
            append(other.runValues[k])
            count += end - Int(other.runRows[k]) - 1
        }
    }

    subscript(row: Int) -> Int32 {
        // The last run starting at or before `row`.
        var lo = 0, hi = runRows.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(runRows[mid]) <= row { lo = mid } else { hi = mid }
        }
        return runValues[lo] &+ Int32(truncatingIfNeeded: row - Int(runRows[lo])) &* step
    }
}

/// Observations stored by column: interned codes, compact periods, doubles with NaN for "not
/// available". A million rows take tens of megabytes, not hundreds.
public struct ObservationColumns: Sendable {
    var area: [Int32] = []
    var indicator: [Int32] = []
    /// Interned team names (-1 for none): most files have no team column.
    var team = SparseColumn<Int32>(missing: -1)
    var period: [Period] = []
    var value: [Double] = []
    /// Line in the file, for messages.
    var line = RunColumn(step: 1)
    /// Position of the file in the dataset's list of files.
    var file = RunColumn(step: 0)
    var numerator = SparseColumn<Double>(missing: .nan)
    var denominator = SparseColumn<Double>(missing: .nan)
    var target = SparseColumn<Double>(missing: .nan)
    var floor = SparseColumn<Double>(missing: .nan)
    var rag = SparseColumn<Int8>(missing: -1)
    var dot = SparseColumn<Int8>(missing: -1)
    var note = SparseColumn<Int32>(missing: -1)
    var source = SparseColumn<Int32>(missing: -1)
    /// `ObservationStatus` raw values (-1 for none).
    var status = SparseColumn<Int8>(missing: -1)

    public var count: Int { area.count }

    /// Appends the dense columns of `rows` rows.
    mutating func appendDense(_ rows: DenseColumns) {
        area += rows.area
        indicator += rows.indicator
        period += rows.period
        value += rows.value
    }

    /// Appends the sparse and run columns of `other` (a stretch's, whose dense columns are kept
    /// apart) after this store's first `rowsBefore` rows. Its team, note and source ids are
    /// `other`'s own: `strings` maps them to ids of this store's pool.
    mutating func appendSparse(_ other: ObservationColumns, after rowsBefore: Int, strings: [Int32]) {
        func id(_ i: Int32) -> Int32 { i < 0 ? i : strings[Int(i)] }
        var team = other.team, note = other.note, source = other.source
        team.mapValues(id)
        note.mapValues(id)
        source.mapValues(id)
        self.team.append(team, after: rowsBefore)
        line.append(other.line)
        file.append(other.file)
        numerator.append(other.numerator, after: rowsBefore)
        denominator.append(other.denominator, after: rowsBefore)
        target.append(other.target, after: rowsBefore)
        floor.append(other.floor, after: rowsBefore)
        rag.append(other.rag, after: rowsBefore)
        dot.append(other.dot, after: rowsBefore)
        self.note.append(note, after: rowsBefore)
        self.source.append(source, after: rowsBefore)
        status.append(other.status, after: rowsBefore)
    }

    /// Sets the rows expected of the sparse columns, which reserve them when first set.
    mutating func reserveSparse(_ n: Int) {
        team.expectedRows = n
        numerator.expectedRows = n
        denominator.expectedRows = n
        target.expectedRows = n
        floor.expectedRows = n
        rag.expectedRows = n
        dot.expectedRows = n
        note.expectedRows = n
        source.expectedRows = n
        status.expectedRows = n
    }
}

@inline(__always) func optionalDouble(_ d: Double) -> Double? { d.isNaN ? nil : d }
