/// The dense columns of a file's rows (period and value), written in place by the readers of
/// its stretches. (Areas and indicators are runs, kept with the other columns: see
/// `ObservationColumns.area`.)
///
/// Stretches of a large observations.csv are read in parallel. Each used to fill its own arrays,
/// which were then copied onto the first's: 12 MB at England scale, 13–35 ms on one processor,
/// with as many fresh pages again. Instead the dataset's arrays are made once with room for every
/// line, and each reader writes its rows into its own range of them (`DenseColumnSlots`); the
/// ranges are closed up afterwards only where a stretch had fewer rows than lines (a header,
/// blank lines, rows with errors).
struct DenseColumns {
    var period: [Period] = []
    var value: [Double] = []

    /// Makes the arrays with room for `capacity` rows and lets `fill` write them through
    /// `DenseColumnSlots`, which is valid only during the call. `fill` returns how many rows,
    /// from row 0, it wrote: every one of them, and only them, must have been written.
    static func filled(capacity: Int, _ fill: (DenseColumnSlots) -> Int) -> DenseColumns {
        var rows = 0
        var valueColumn: [Double] = []
        let periodColumn = [Period](unsafeUninitializedCapacity: capacity) { period, periodCount in
            valueColumn = [Double](unsafeUninitializedCapacity: capacity) { value, valueCount in
                for buffer in [UnsafeMutableRawBufferPointer(period), UnsafeMutableRawBufferPointer(value)] {
                    if let base = buffer.baseAddress { LargeStorage.adviseHugePages(base, bytes: buffer.count) }
                }
                let slots = DenseColumnSlots(period: period.baseAddress, value: value.baseAddress, capacity: capacity)
                rows = min(max(0, fill(slots)), capacity)
                valueCount = rows
            }
            periodCount = rows
        }
        return DenseColumns(period: periodColumn, value: valueColumn)
    }
}

/// The storage of `DenseColumns` while it is being filled: rows `0 ..< capacity`. Readers of
/// different stretches write disjoint ranges of rows at once, which is why it may be shared
/// between threads; it must not outlive the `DenseColumns.filled` call that made it.
struct DenseColumnSlots: @unchecked Sendable {
    private let period: UnsafeMutablePointer<Period>?
    private let value: UnsafeMutablePointer<Double>?
    let capacity: Int

    init(period: UnsafeMutablePointer<Period>?, value: UnsafeMutablePointer<Double>?, capacity: Int) {
        self.period = period
        self.value = value
        self.capacity = capacity
    }

    /// Writes row `row`, which must be below `capacity`.
    @inline(__always)
    func write(row: Int, period p: Period, value v: Double) {
        precondition(row >= 0 && row < capacity, "dense column row \(row) outside 0..<\(capacity)")
        guard let period, let value else { return }
        (period + row).initialize(to: p)
        (value + row).initialize(to: v)
    }

    /// Moves rows `source ..< source + count` to start at `destination` (the ranges may overlap).
    func move(from source: Int, to destination: Int, count: Int) {
        guard count > 0, source != destination, let period, let value else { return }
        precondition(source >= 0 && destination >= 0 && max(source, destination) + count <= capacity)
        (period + destination).moveInitialize(from: period + source, count: count)
        (value + destination).moveInitialize(from: value + source, count: count)
    }
}
