/// A column that only takes memory once some file has it: rows beyond its stored values read as
/// the default.
struct SparseColumn<T: Sendable>: Sendable {
    private(set) var values: [T] = []
    let missing: T

    init(missing: T) { self.missing = missing }

    @inline(__always) subscript(row: Int) -> T { row < values.count ? values[row] : missing }

    /// Sets `row` (rows are written in increasing order).
    @inline(__always) mutating func set(_ row: Int, _ value: T) {
        if values.count < row {
            values.reserveCapacity(row + 1)
            values.append(contentsOf: repeatElement(missing, count: row - values.count))
        }
        if values.count == row { values.append(value) } else { values[row] = value }
    }
}

/// Observations stored by column: interned codes, compact periods, doubles with NaN for "not
/// available". A million rows take tens of megabytes, not hundreds.
public struct ObservationColumns: Sendable {
    var area: [Int32] = []
    var indicator: [Int32] = []
    var team: [Int32] = []
    var period: [Period] = []
    var value: [Double] = []
    var line: [Int32] = []
    var file: [UInt16] = []
    var numerator = SparseColumn<Double>(missing: .nan)
    var denominator = SparseColumn<Double>(missing: .nan)
    var target = SparseColumn<Double>(missing: .nan)
    var floor = SparseColumn<Double>(missing: .nan)
    var rag = SparseColumn<Int8>(missing: -1)
    var dot = SparseColumn<Int8>(missing: -1)
    var note = SparseColumn<Int32>(missing: -1)
    var source = SparseColumn<Int32>(missing: -1)

    public var count: Int { area.count }

    mutating func reserve(_ n: Int) {
        area.reserveCapacity(n)
        indicator.reserveCapacity(n)
        team.reserveCapacity(n)
        period.reserveCapacity(n)
        value.reserveCapacity(n)
        line.reserveCapacity(n)
        file.reserveCapacity(n)
    }
}

@inline(__always) func optionalDouble(_ d: Double) -> Double? { d.isNaN ? nil : d }
