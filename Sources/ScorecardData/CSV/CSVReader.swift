/// A streaming reader for RFC 4180 CSV over a byte buffer.
///
/// It accepts quoted fields, doubled quotes, commas and newlines inside quotes, CRLF and LF line
/// ends and a leading UTF-8 byte-order mark. It rejects what would silently mangle data: an
/// unterminated quote, text after a closing quote, a quote inside an unquoted field, NUL bytes and
/// bare carriage returns. Fields are kept as byte ranges and only turned into strings or numbers
/// on request, so large files stream without copying every cell.
public struct CSVReader: Sendable {
    /// One field of the current record: a byte range into the buffer.
    public struct Field: Sendable {
        public var start: Int
        public var end: Int
        /// True when the field was quoted and contains doubled quotes to undo.
        public var hasEscapedQuotes: Bool
    }

    public let bytes: [UInt8]
    private var position: Int
    /// Records starting at or after this offset are not read (the end of the buffer, or of a
    /// stretch of it). A record that starts before it is read to its end.
    private let end: Int
    /// 1-based line number of the next record's first byte.
    private var nextLine: Int
    /// 1-based line on which the current record starts.
    public private(set) var recordLine: Int = 0
    /// Byte offset at which the current record starts.
    public private(set) var recordStart: Int = 0
    /// The fields of the current record (valid after `next()` returned true): the first
    /// `fieldCount` entries. The storage is reused from record to record and grows, rarely, when
    /// a record has more fields than any before it.
    private var fields: [Field]
    /// Number of fields in the current record.
    public private(set) var fieldCount = 0

    /// Creates a reader over `bytes`, skipping a UTF-8 byte-order mark.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
        self.end = bytes.count
        self.nextLine = 1
        self.fields = Self.emptyFields(32)
    }

    /// Creates a reader of the records that start in `start ..< end`, where `start` is the
    /// first byte of a record on line `line`. Used to read stretches of a large file in parallel.
    public init(bytes: [UInt8], from start: Int, to end: Int, line: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
        self.nextLine = line
        self.fields = Self.emptyFields(32)
    }

    private static func emptyFields(_ n: Int) -> [Field] {
        Array(repeating: Field(start: 0, end: 0, hasEscapedQuotes: false), count: n)
    }

    /// A reader over no bytes that keeps this one's lines (the record's and the next's): what is
    /// kept of a streamed chunk's reader once the chunk is read.
    public func releasingBytes() -> CSVReader {
        var r = CSVReader(bytes: [], from: 0, to: 0, line: nextLine)
        r.recordLine = recordLine
        return r
    }

    /// Where the next record would start: after a stretch is read, the offset just past its last
    /// record.
    public var offset: Int { position }

    /// The line on which the next record starts.
    public var nextRecordLine: Int { nextLine }

    /// Records starting at or after this offset are not read.
    var limit: Int { end }

    /// Takes the record at `offset`, parsed elsewhere (`PlainRow`), as read: it lies on one line
    /// and ends just before `next`, after its line feed. Its fields are not kept.
    mutating func tookPlainRecord(endingBefore next: Int) {
        recordLine = nextLine
        recordStart = position
        position = next
        nextLine += 1
        fieldCount = 0
    }

    /// Reads the next record. Returns false at the end of input. A final empty line is not a
    /// record. Throws `CSVError` with the line and column of the fault.
    public mutating func next() throws(CSVError) -> Bool {
        guard position < end else {
            fieldCount = 0
            return false
        }
        recordLine = nextLine
        recordStart = position
        // Scan into the field storage (taken out of `self`, so it stays uniquely referenced and
        // is checked once per record, not per field); with too little room, grow it and rescan.
        var storage: [Field] = []
        swap(&storage, &fields)
        defer { swap(&storage, &fields) }
        var scan = RecordScan.needsRoom
        while true {
            do {
                scan = try scanRecord(into: &storage)
            } catch let failure {
                fieldCount = 0
                throw error(at: failure.offset, failure.message)
            }
            guard case .needsRoom = scan else { break }
            storage += Self.emptyFields(storage.count)
        }
        guard case .record(let count, let offset, let line) = scan else { return false }
        fieldCount = count
        position = offset
        nextLine = line
        return true
    }

    /// What scanning one record found.
    private enum RecordScan {
        /// `fields` fields, the next record starting at `offset` on `line`.
        case record(fields: Int, offset: Int, line: Int)
        /// The record has more fields than the storage holds.
        case needsRoom
    }

    /// A syntax fault at a byte offset, before its line and column are worked out.
    private struct ScanFault: Error {
        var offset: Int
        var message: String
    }

    /// Scans the current record into `storage`. Not mutating, so the file's buffer is borrowed,
    /// not retained: two threads reading stretches of one file would otherwise contend for its
    /// reference count on every record.
    private func scanRecord(into storage: inout [Field]) throws(ScanFault) -> RecordScan {
        let first = recordStart, line = recordLine
        return try bytes.withUnsafeBufferPointer { (buf) throws(ScanFault) -> RecordScan in
            try storage.withUnsafeMutableBufferPointer { (out) throws(ScanFault) -> RecordScan in
                try Self.scanRecord(buf, from: first, line: line, into: out)
            }
        }
    }

    /// Scans the record starting at byte `first` (on line `firstLine`) of `buf`, writing its
    /// fields to `out`. The scanning position and line count live in registers.
    @inline(__always)
    private static func scanRecord(_ buf: UnsafeBufferPointer<UInt8>, from first: Int, line firstLine: Int,
                                   into out: UnsafeMutableBufferPointer<Field>) throws(ScanFault) -> RecordScan {
        let count = buf.count
        var i = first, line = firstLine, n = 0
        // The common record, plain cells ended by ',' and the record by LF, eight bytes at a time:
        // every byte below 0x2D of a word is flagged at once, and only those are looked at (a
        // byte at or above 0x80 never is). At a quote, CR or NUL, with too little room for the
        // fields, or with fewer than eight bytes left, the byte-by-byte scan below goes on from
        // the current field's start, as it would have got there itself.
        if let base = buf.baseAddress {
            var word = i
            scan: while word + 8 <= count {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self))
                var low = Self.bytesBelowHyphen(w)
                while low != 0 {
                    let p = word + low.trailingZeroBitCount >> 3
                    low &= low &- 1
                    let b = base[p]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") {
                        guard n < out.count else { break scan }
                        out[n] = Field(start: i, end: p, hasEscapedQuotes: false)
                        n += 1
                        i = p + 1
                        if b == UInt8(ascii: "\n") { return .record(fields: n, offset: i, line: line + 1) }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\r") || b == 0 {
                        break scan
                    }
                }
                word += 8
            }
        }
        while true {
            guard n < out.count else { return .needsRoom }
            // Start of a field.
            if i < count && buf[i] == UInt8(ascii: "\"") {
                let quoteOffset = i
                i += 1
                let start = i
                var escaped = false
                while true {
                    guard i < count else {
                        throw ScanFault(offset: quoteOffset, message: "unterminated quoted field: the closing '\"' is missing")
                    }
                    let b = buf[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < count && buf[i + 1] == UInt8(ascii: "\"") {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if b == 0 { throw ScanFault(offset: i, message: "NUL byte in quoted field") }
                    if b == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                out[n] = Field(start: start, end: i, hasEscapedQuotes: escaped)
                n += 1
                i += 1 // closing quote
                guard i < count else { return .record(fields: n, offset: i, line: line) }
                let b = buf[i]
                if b == UInt8(ascii: ",") { i += 1; continue }
                if b == UInt8(ascii: "\n") { return .record(fields: n, offset: i + 1, line: line + 1) }
                if b == UInt8(ascii: "\r") {
                    if i + 1 < count && buf[i + 1] == UInt8(ascii: "\n") { return .record(fields: n, offset: i + 2, line: line + 1) }
                    throw ScanFault(offset: i, message: "bare carriage return: line ends must be LF or CRLF")
                }
                throw ScanFault(offset: i, message: "unexpected text after a closing quote: expected ',' or the end of the line")
            }
            // Unquoted field. The bytes that end or break a field (NUL, LF, CR, '"' and ',') are
            // all at most ','; letters, digits, '.' and '-' are above it. Eight bytes at a time
            // while eight remain: the first byte below 0x2D in a word is its lowest byte whose
            // top bit survives (w - 0x2D..) & ~w & 0x80.. (a byte above 0x7F never does).
            let start = i
            if let base = buf.baseAddress {
                while i + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let low = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
                    if low != 0 {
                        i += low.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
            }
            while i < count {
                let b = buf[i]
                if b > UInt8(ascii: ",") { i += 1; continue }
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
                if b == UInt8(ascii: "\"") { throw ScanFault(offset: i, message: "unexpected '\"' inside an unquoted field: quote the whole field and double the quote") }
                if b == 0 { throw ScanFault(offset: i, message: "NUL byte in field") }
                i += 1
            }
            out[n] = Field(start: start, end: i, hasEscapedQuotes: false)
            n += 1
            guard i < count else { return .record(fields: n, offset: i, line: line) }
            let b = buf[i]
            if b == UInt8(ascii: ",") { i += 1; continue }
            if b == UInt8(ascii: "\n") { return .record(fields: n, offset: i + 1, line: line + 1) }
            // b == CR
            if i + 1 < count && buf[i + 1] == UInt8(ascii: "\n") { return .record(fields: n, offset: i + 2, line: line + 1) }
            throw ScanFault(offset: i, message: "bare carriage return: line ends must be LF or CRLF")
        }
    }

    /// The bytes of `word` below 0x2D (',' and every byte that can end or break a field are),
    /// each as its top bit 0x80, exactly: bytes are compared one by one, without borrows between
    /// them.
    @inline(__always)
    static func bytesBelowHyphen(_ word: UInt64) -> UInt64 {
        // The low seven bits plus 0x53 reach 0x80 exactly when they are at least 0x2D, and never
        // carry into the next byte; a byte with its top bit set is at least 0x80.
        let atLeast = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353) | word
        return ~atLeast & 0x8080_8080_8080_8080
    }

    /// The number of line feeds in `bytes`: an upper bound on the records of a file, to size
    /// storage once instead of growing it.
    public static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            // Counted in blocks of 255 bytes into a byte-sized counter, which the compiler turns
            // into vector instructions: 40 MB take a few milliseconds, not twenty.
            var n = 0
            var i = 0
            while i < buf.count {
                let end = min(buf.count, i + 255)
                var block: UInt8 = 0
                while i < end {
                    block &+= buf[i] == UInt8(ascii: "\n") ? 1 : 0
                    i += 1
                }
                n += Int(block)
            }
            return n
        }
    }

    /// True if field `index` is empty.
    @inline(__always) public func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

    /// True if field `index` was quoted and has doubled quotes, so its raw bytes are not its text.
    @inline(__always) public func hasEscapedQuotes(_ index: Int) -> Bool { fields[index].hasEscapedQuotes }

    /// The text of field `index`, or nil if it is not valid UTF-8.
    public func string(_ index: Int) -> String? {
        let f = fields[index]
        guard f.start < f.end else { return "" }
        let slice = bytes[f.start..<f.end]
        guard var s = String(validating: slice, as: UTF8.self) else { return nil }
        if f.hasEscapedQuotes { s = s.replacingAll("\"\"", with: "\"") }
        return s
    }

    /// The raw bytes of field `index` (quotes not undone).
    @inline(__always) public func rawBytes(_ index: Int) -> ArraySlice<UInt8> {
        let f = fields[index]
        return bytes[f.start..<f.end]
    }

    /// Calls `body` with the raw bytes of field `index` (quotes not undone) without copying
    /// them or retaining the buffer, which matters when two threads read one file: cells are
    /// parsed in place.
    @inline(__always) public func withRawBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = fields[index]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end])) }
    }

    /// The 1-based (line, column) of byte `offset` within the current record. Columns count
    /// characters (Unicode scalars), not bytes.
    public func location(ofByte offset: Int) -> (line: Int, column: Int) {
        var line = recordLine
        var lineStart = recordStart
        var i = recordStart
        while i < offset && i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < offset && j < bytes.count {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return (line, column)
    }

    /// The (line, column) of every field of the current record, as `location(ofField:)` gives
    /// them, in one pass over the record: a header of thousands of columns costs one scan, not
    /// one per column.
    public func locationsOfFields() -> [(line: Int, column: Int)] {
        var out: [(line: Int, column: Int)] = []
        out.reserveCapacity(fieldCount)
        var line = recordLine, column = 1, i = recordStart
        for index in 0..<fieldCount {
            let target = min(firstByte(of: fields[index]), bytes.count)
            while i < target {
                if bytes[i] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if bytes[i] & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            out.append((line, column))
        }
        return out
    }

    /// The 1-based (line, column) of field `index` in the current record: the position of its
    /// first character, or of its opening quote.
    public func location(ofField index: Int) -> (line: Int, column: Int) {
        guard index < fieldCount else {
            return location(ofByte: fieldCount > 0 ? fields[fieldCount - 1].end : recordStart)
        }
        return location(ofByte: firstByte(of: fields[index]))
    }

    /// Where field `f` of the current record begins: its opening quote if it has one.
    private func firstByte(of f: Field) -> Int {
        let quoted = f.start > 0 && bytes[f.start - 1] == UInt8(ascii: "\"") && (f.start - 1 == recordStart || bytes[f.start - 2] == UInt8(ascii: ","))
        return quoted ? f.start - 1 : f.start
    }

    private func error(at offset: Int, _ message: String) -> CSVError {
        // Lines inside quoted fields may have advanced nextLine; recompute from the record start.
        let loc = location(ofByte: offset)
        return CSVError(line: loc.line, column: loc.column, message: message)
    }
}

/// A CSV syntax error with its 1-based line and column.
public struct CSVError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
}

extension String {
    /// Replaces every occurrence of `target` with `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target.utf8)
        let u = self.utf8
        var i = u.startIndex
        while i != u.endIndex {
            var j = i
            var k = 0
            while k < t.count, j != u.endIndex, u[j] == t[k] { j = u.index(after: j); k += 1 }
            if k == t.count { return i..<j }
            i = u.index(after: i)
        }
        return nil
    }
}
