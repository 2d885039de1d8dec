/// A row of observations.csv read in one pass over its bytes, for the common row: one line, no
/// quotes, codes spelled exactly, a canonical period, plain numbers and empty text cells.
///
/// The general path splits a record into fields (`CSVReader.next`), then reads each cell by its
/// column (`TableReader`), looking at most bytes twice and paying a call per cell. Here each cell
/// is parsed where the scan finds its end. Any row this path cannot read exactly as the general
/// path would — a quote, a bare CR or NUL, a code not spelled exactly, a number or period that is
/// not plain, a text cell that is not empty, the wrong number of cells, a last line without a
/// line feed — is left to the general path, which reads it (and reports it) as before: a plain
/// row gives the same columns either way, and no diagnostics.
struct PlainRow {
    var area: Int32 = -1
    var indicator: Int32 = -1
    var period = Period(kind: .month, year: 0, index: 1)
    var value = Double.nan
    var numerator = Double.nan
    var denominator = Double.nan
    var target = Double.nan
    var floor = Double.nan

    /// What a column of observations.csv holds, as far as a plain row is concerned.
    enum Cell: UInt8 {
        case area, indicator, period, value, numerator, denominator, target, floor
        /// rag, dot, team, note, source, status: a plain row leaves them empty.
        case empty
        /// A column the reader does not read (an unknown or unnamed one): anything unquoted.
        case ignored
    }

    /// The cells of a row of `table`, by position in the header.
    static func layout(of table: TableReader) -> [Cell] {
        var cells = [Cell](repeating: .ignored, count: table.headerCount)
        let roles: [(String, Cell)] = [
            ("area", .area), ("indicator", .indicator), ("period", .period), ("value", .value),
            ("numerator", .numerator), ("denominator", .denominator), ("target", .target), ("floor", .floor),
            ("rag", .empty), ("dot", .empty), ("team", .empty), ("note", .empty), ("source", .empty), ("status", .empty),
        ]
        for (name, cell) in roles {
            if let i = table.column(name).index, i < cells.count { cells[i] = cell }
        }
        return cells
    }

    /// Reads the record starting at byte `start` of `buf` whose cells are `cells`: the offset
    /// just past its line end, or nil when the general path must read it (`self` is then
    /// partly written and must not be used).
    @inline(__always)
    mutating func read(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, cells: UnsafeBufferPointer<Cell>,
                       areaCodes: inout CodeTable, indicatorCodes: inout CodeTable) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        let count = buf.count
        var i = start
        let last = cells.count - 1
        for k in 0...last {
            // Each cell is read from its first byte to the byte that ends it, `end`.
            let end: Int
            switch cells[k] {
            case .area:
                guard let (id, e) = PlainRow.code(base, count, from: i, in: &areaCodes) else { return nil }
                area = id
                end = e
            case .indicator:
                guard let (id, e) = PlainRow.code(base, count, from: i, in: &indicatorCodes) else { return nil }
                indicator = id
                end = e
            case .period:
                guard let (p, e) = PlainRow.period(base, count, from: i) else { return nil }
                period = p
                end = e
            case .value:
                guard let (v, e) = NumberParser.plainDecimal(base, count, from: i) else { return nil }
                value = v
                end = e
            case .numerator:
                guard let (v, e) = NumberParser.plainDecimal(base, count, from: i) else { return nil }
                numerator = v
                end = e
            case .denominator:
                guard let (v, e) = NumberParser.plainDecimal(base, count, from: i) else { return nil }
                denominator = v
                end = e
            case .target:
                guard let (v, e) = NumberParser.plainDecimal(base, count, from: i) else { return nil }
                target = v
                end = e
            case .floor:
                guard let (v, e) = NumberParser.plainDecimal(base, count, from: i) else { return nil }
                floor = v
                end = e
            case .empty:
                // Empty exactly when its first byte ends it (checked below).
                end = i
            case .ignored:
                guard let e = PlainRow.cellEnd(buf, from: i) else { return nil }
                end = e
            }
            // A comma ends every cell but the last, which a line feed (or CR LF) ends.
            guard end < count else { return nil }
            let b = base[end]
            i = end + 1
            if k < last {
                guard b == UInt8(ascii: ",") else { return nil }
            } else if b == UInt8(ascii: "\r") {
                guard i < count, base[i] == UInt8(ascii: "\n") else { return nil }
                i += 1
            } else {
                guard b == UInt8(ascii: "\n") else { return nil }
            }
        }
        return i
    }

    /// True for the bytes that end an unquoted cell: comma, line feed, CR.
    @inline(__always)
    private static func endsCell(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    /// The id of the code in the cell at `i`, spelled exactly, and the cell's end; nil if the
    /// cell is anything else. The code of the row before is tried first, without looking for
    /// the cell's end.
    @inline(__always)
    private static func code(_ base: UnsafePointer<UInt8>, _ count: Int, from i: Int, in codes: inout CodeTable) -> (Int32, Int)? {
        if let (id, n) = codes.lastCode(at: base + i, available: count - i), i + n < count, endsCell(base[i + n]) {
            return (id, i + n)
        }
        guard let end = cellEnd(UnsafeBufferPointer(start: base, count: count), from: i),
              let id = codes.id(of: UnsafeBufferPointer(start: base + i, count: end - i)) else { return nil }
        return (id, end)
    }

    /// The period in the cell at `i` and the cell's end, as `TableReader.period` reads a cell
    /// without surrounding spaces (`YYYY-MM` without a call); nil for anything else.
    @inline(__always)
    private static func period(_ base: UnsafePointer<UInt8>, _ count: Int, from i: Int) -> (Period, Int)? {
        if i + 7 < count, endsCell(base[i + 7]) {
            // Period.parse's YYYY-MM, as it reads seven bytes (none of which can then end the
            // cell); any other cell is read below.
            let y0 = base[i] &- 48, y1 = base[i + 1] &- 48, y2 = base[i + 2] &- 48, y3 = base[i + 3] &- 48
            let m0 = base[i + 5] &- 48, m1 = base[i + 6] &- 48
            if base[i + 4] == UInt8(ascii: "-"), y0 <= 9, y1 <= 9, y2 <= 9, y3 <= 9, m0 <= 9, m1 <= 9 {
                let y = ((Int(y0) * 10 + Int(y1)) * 10 + Int(y2)) * 10 + Int(y3), m = Int(m0) * 10 + Int(m1)
                guard (1...12).contains(m) else { return nil }
                return (Period(kind: .month, year: y, index: m), i + 7)
            }
        }
        let buf = UnsafeBufferPointer(start: base, count: count)
        // The general path trims spaces first: a cell without any parses the same.
        guard let end = cellEnd(buf, from: i), end > i, base[i] != 0x20, base[i] != 0x09, base[end - 1] != 0x20, base[end - 1] != 0x09,
              let p = Period.parse(bytes: buf[i..<end]) else { return nil }
        return (p, end)
    }

    /// The offset of the first comma, line feed, CR, quote or NUL at or after `i` (the bytes that
    /// end or break an unquoted cell), or nil when it is a quote or NUL, or the buffer ends first.
    /// Eight bytes at a time, as `CSVReader` scans: only bytes below '-' are looked at.
    @inline(__always)
    static func cellEnd(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        let count = buf.count
        var i = start
        while i + 8 <= count {
            var low = CSVReader.bytesBelowHyphen(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            while low != 0 {
                let p = i + low.trailingZeroBitCount >> 3
                low &= low &- 1
                if let end = ending(base[p], at: p) { return end < 0 ? nil : end }
            }
            i += 8
        }
        while i < count {
            let b = base[i]
            if b < UInt8(ascii: "-"), let end = ending(b, at: i) { return end < 0 ? nil : end }
            i += 1
        }
        return nil
    }

    /// For byte `b` at `p`: `p` when it ends a cell (comma, LF, CR), -1 when it breaks a plain
    /// cell (a quote, NUL), nil when it is an ordinary byte.
    @inline(__always)
    private static func ending(_ b: UInt8, at p: Int) -> Int? {
        switch b {
        case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): p
        case UInt8(ascii: "\""), 0: -1
        default: nil
        }
    }
}
