/// The dataset's rows grouped by series, each series in period order: position `i` holds row
/// `self[i]`. When the file came series by series and in period order (generated, exported and
/// Kent files) that order is the identity, and no array is kept for it: 4 bytes a row saved.
struct RowOrder: Sendable {
    /// The row at each position; empty when the order is the identity.
    let rows: [Int32]

    /// The identity order: position `i` holds row `i`.
    static let identity = RowOrder(rows: [])

    /// True when position `i` holds row `i` throughout.
    var isIdentity: Bool { rows.isEmpty }

    /// The row at position `i`.
    @inline(__always) subscript(i: Int) -> Int32 { rows.isEmpty ? Int32(truncatingIfNeeded: i) : rows[i] }

    /// Bytes of storage held (capacity).
    var storageBytes: Int { rows.capacity * 4 }
}

/// The rows of one series, oldest first (`Dataset.rows(series:)`): positions `positions` of the
/// dataset's `RowOrder`, which are the rows themselves when that order is the identity.
public struct SeriesRows: RandomAccessCollection, Sendable {
    private let order: RowOrder
    private let positions: Range<Int>

    init(_ order: RowOrder, _ positions: Range<Int>) {
        self.order = order
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    @inline(__always) public subscript(i: Int) -> Int32 {
        precondition(i >= 0 && i < positions.count, "series row \(i) outside 0..<\(positions.count)")
        return order[positions.lowerBound + i]
    }
}
