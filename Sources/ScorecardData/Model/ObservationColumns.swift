/// A column that takes memory only for the rows that have a value: a bit a row says which do,
/// and their values are packed in row order. Rows without one read as the default.
///
/// Numerators, denominators, notes, teams and published ratings are on a fraction of the rows
/// (a fifth, at most, of a typical file's numerators): stored densely up to their last row they
/// took 8 bytes a row each, most of it NaN. Here a row costs 1 bit, plus 4 bytes for each 64 rows
/// (the count of values before them, so that reading a row is a table look-up and a popcount),
/// plus the value where there is one.
struct SparseColumn<T: Sendable>: Sendable {
    /// The values present, in row order.
    private(set) var values: [T] = []
    /// Bit `row % 64` of word `row / 64`: whether the row has a value.
    private var present: [UInt64] = []
    /// The values in the words before each word.
    private var before: [UInt32] = []
    /// The last row set, or -1.
    private var lastRow = -1
    let missing: T
    /// The rows expected (see `ObservationColumns.reserveSparse`): the presence bits for them are
    /// reserved when the first value is set.
    var expectedRows = 0

    init(missing: T) { self.missing = missing }

    @inline(__always) subscript(row: Int) -> T {
        let w = row &>> 6
        guard row >= 0, w < present.count else { return missing }
        let word = present[w], bit = UInt64(1) &<< UInt64(row & 63)
        guard word & bit != 0 else { return missing }
        return values[Int(before[w]) + (word & (bit &- 1)).nonzeroBitCount]
    }

    /// The number of rows with a value.
    var count: Int { values.count }

    /// Bytes of storage held: what the column costs. The presence words by their capacity; the
    /// values by their count, since a streamed load gives them room for the values it expects
    /// (`reserveValues`), which is address space until values are written there.
    var storageBytes: Int {
        values.count * MemoryLayout<T>.stride + present.capacity * 8 + before.capacity * 4
    }

    /// Sets `row` (rows are written in increasing order; an earlier row is inserted, slowly).
    @inline(__always) mutating func set(_ row: Int, _ value: T) {
        precondition(row >= 0, "negative row")
        let w = row &>> 6
        if w >= present.count {
            if present.isEmpty && expectedRows > row {
                present.reserveCapacity(expectedRows / 64 + 1)
                before.reserveCapacity(expectedRows / 64 + 1)
            }
            let n = UInt32(truncatingIfNeeded: values.count)
            present.append(contentsOf: repeatElement(0, count: w + 1 - present.count))
            before.append(contentsOf: repeatElement(n, count: w + 1 - before.count))
        }
        let bit = UInt64(1) &<< UInt64(row & 63)
        if row > lastRow {
            present[w] |= bit
            values.append(value)
            lastRow = row
            return
        }
        let index = Int(before[w]) + (present[w] & (bit &- 1)).nonzeroBitCount
        if present[w] & bit != 0 {
            values[index] = value
            return
        }
        present[w] |= bit
        values.insert(value, at: index)
        for k in (w + 1)..<before.count { before[k] += 1 }
    }

    /// Appends the rows of `other`, which follow this column's `rows` rows: its presence words
    /// shifted into place and its values appended whole, when every row set so far is below
    /// `rows` (stretches joined in file order); else value by value.
    mutating func append(_ other: SparseColumn<T>, after rows: Int) {
        guard !other.values.isEmpty else { return }
        if rows > lastRow {
            let first = rows &>> 6, shift = rows & 63
            let words = first + other.present.count + (shift > 0 ? 1 : 0)
            if present.isEmpty && expectedRows > rows {
                present.reserveCapacity(expectedRows / 64 + 1)
                before.reserveCapacity(expectedRows / 64 + 1)
            }
            if present.count < words {
                let n = UInt32(truncatingIfNeeded: values.count)
                present.append(contentsOf: repeatElement(0, count: words - present.count))
                before.append(contentsOf: repeatElement(n, count: words - before.count))
            }
            for w in other.present.indices {
                let word = other.present[w]
                guard word != 0 else { continue }
                present[first + w] |= word &<< UInt64(shift)
                if shift > 0 { present[first + w + 1] |= word &>> UInt64(64 - shift) }
            }
            values.append(contentsOf: other.values)
            for k in (first + 1)..<present.count { before[k] = before[k - 1] &+ UInt32(present[k - 1].nonzeroBitCount) }
            lastRow = rows + other.lastRow
            return
        }
        var next = 0
        for (w, word) in other.present.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let b = bits.trailingZeroBitCount
                set(rows + w * 64 + b, other.values[next])
                next += 1
                bits &= bits &- 1
            }
        }
    }

    /// Makes room for `n` values in all.
    mutating func reserveValues(_ n: Int) {
        if n > values.capacity { values.reserveCapacity(n) }
    }

    /// Replaces every stored value.
    mutating func mapValues(_ transform: (T) -> T) {
        for i in values.indices { values[i] = transform(values[i]) }
    }
}

/// A column of whole numbers that mostly come in runs, stored as runs: line numbers (row r of a
/// file usually sits on line r + 2), file positions (a file's rows come together), and areas and
/// indicators (a file's rows usually come series by series). A value that continues the last
/// run costs no memory. Reading a row is a binary search of the runs; `forEachRun` reads them
/// in order.
struct RunColumn: Sendable {
    /// How a run goes on: +1 a row for line numbers, 0 for file positions, areas and indicators.
    let step: Int32
    /// The first row of each run and its value.
    private(set) var runRows: [Int32] = []
    private(set) var runValues: [Int32] = []
    private(set) var count = 0
    /// The value that continues the last run (while `count` > 0): kept so that the row loop's
    /// appends compare one number and read no array.
    private var nextValue: Int32 = 0

    init(step: Int32) { self.step = step }

    /// Appends the value of the next row.
    @inline(__always) mutating func append(_ value: Int32) {
        if value == nextValue && count > 0 {
            count += 1
            nextValue = nextValue &+ step
            return
        }
        runRows.append(Int32(truncatingIfNeeded: count))
        runValues.append(value)
        count += 1
        nextValue = value &+ step
    }

    /// Appends the rows of `other`.
    mutating func append(_ other: RunColumn) {
        for k in other.runRows.indices {
            let end = k + 1 < other.runRows.count ? Int(other.runRows[k + 1]) : other.count
            // The run's first row continues this column's last run or starts one; the rest of
            // the run follows it.
            append(other.runValues[k])
            let rest = end - Int(other.runRows[k]) - 1
            count += rest
            nextValue = nextValue &+ Int32(truncatingIfNeeded: rest) &* step
        }
    }

    /// Bytes of storage held (capacities).
    var storageBytes: Int { (runRows.capacity + runValues.capacity) * 4 }

    /// The rows of run `k`.
    @inline(__always) func rows(ofRun k: Int) -> Range<Int> {
        Int(runRows[k])..<(k + 1 < runRows.count ? Int(runRows[k + 1]) : count)
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
    /// Area and indicator ids, as runs: a file that comes series by series costs 16 bytes a
    /// series for them, not 8 a row (see `forEachAreaIndicatorRun`).
    var area = RunColumn(step: 0)
    var indicator = RunColumn(step: 0)
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

    public var count: Int { period.count }

    /// Bytes of storage the columns hold: their buffers' capacities, but for the dense period
    /// and value columns, which count their rows. A streamed load makes those with room for the
    /// most rows the file could hold (`DatasetBuilder.streamObservations`), as address space
    /// that is never touched past the rows written (the benchmark's peak RSS shows it).
    var storageBytes: Int {
        area.storageBytes + indicator.storageBytes + period.count * MemoryLayout<Period>.stride + value.count * 8
            + line.storageBytes + file.storageBytes + team.storageBytes + numerator.storageBytes + denominator.storageBytes
            + target.storageBytes + floor.storageBytes + rag.storageBytes + dot.storageBytes + note.storageBytes
            + source.storageBytes + status.storageBytes
    }

    /// Calls `body` with each stretch of consecutive rows of one area and indicator, in row
    /// order: the runs of both columns, cut wherever either changes.
    func forEachAreaIndicatorRun(_ body: (Range<Int>, _ area: Int32, _ indicator: Int32) -> Void) {
        let n = min(area.count, indicator.count)
        var a = 0, i = 0, row = 0
        while row < n {
            var areaRows = area.rows(ofRun: a), indicatorRows = indicator.rows(ofRun: i)
            while areaRows.upperBound <= row { a += 1; areaRows = area.rows(ofRun: a) }
            while indicatorRows.upperBound <= row { i += 1; indicatorRows = indicator.rows(ofRun: i) }
            let end = min(areaRows.upperBound, indicatorRows.upperBound)
            body(row..<end, area.runValues[a], indicator.runValues[i])
            row = end
        }
    }

    /// Appends the dense columns of `rows` rows.
    mutating func appendDense(_ rows: DenseColumns) {
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
        area.append(other.area)
        indicator.append(other.indicator)
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

    /// Makes room in each sparse column for `scale` times the values it holds.
    mutating func reserveSparseValues(scale: Double) {
        func room(_ count: Int) -> Int { Int(Double(count) * scale) }
        team.reserveValues(room(team.count))
        numerator.reserveValues(room(numerator.count))
        denominator.reserveValues(room(denominator.count))
        target.reserveValues(room(target.count))
        floor.reserveValues(room(floor.count))
        rag.reserveValues(room(rag.count))
        dot.reserveValues(room(dot.count))
        note.reserveValues(room(note.count))
        source.reserveValues(room(source.count))
        status.reserveValues(room(status.count))
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
