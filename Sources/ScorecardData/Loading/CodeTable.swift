#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds area and indicator codes by the UTF-8 bytes of a cell, so the million cells of an
/// England-scale observations.csv cost a hash and a byte comparison each, not a String
/// allocation and a Dictionary lookup.
///
/// Only exact bytes match. A cell with surrounding spaces, doubled quotes or another Unicode
/// normal form of a code misses, and the caller takes the String path, which accepts or reports
/// it exactly as before.
struct CodeTable: Sendable {
    /// Open addressing with linear probing: id + 1 of the code in each slot, 0 when empty.
    private var slots: [Int32]
    private let mask: Int
    /// The codes' bytes back to back; code `id` is `text[starts[id] ..< starts[id + 1]]`.
    private let text: [UInt8]
    private let starts: [Int]
    /// The id found by the last successful lookup, or -1.
    private var last: Int32 = -1
    /// That code's length when it is 4 to 16 bytes, none of which ends or breaks an unquoted
    /// cell (else -1), and its first and last words as `words(_:count:)` reads them: a cell of
    /// the same code is known by two comparisons.
    private var lastCount = -1
    private var lastWords: (UInt64, UInt64) = (0, 0)

    /// A table of `codes`; a code's id is its position. Codes are distinct.
    init(_ codes: [String]) {
        var text: [UInt8] = []
        var starts = [0]
        for code in codes {
            text += code.utf8
            starts.append(text.count)
        }
        self.text = text
        self.starts = starts
        var size = 16
        while size < codes.count * 2 { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
        for id in codes.indices {
            var i = text.withUnsafeBufferPointer { CodeTable.hash(UnsafeBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) } & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(id + 1)
        }
    }

    /// The id of the code spelled exactly by `bytes`. The code found last is tried first: the
    /// same area or indicator usually fills many rows in a row.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if bytes.count == lastCount, let cell = bytes.baseAddress {
            let words = CodeTable.words(cell, count: lastCount)
            if words.0 == lastWords.0 && words.1 == lastWords.1 { return last }
        }
        if last >= 0 && matches(bytes, Int(last)) { return last }
        var i = CodeTable.hash(bytes) & mask
        while true {
            let slot = Int(slots[i])
            if slot == 0 { return nil }
            if matches(bytes, slot - 1) {
                last = Int32(slot - 1)
                if (4...16).contains(bytes.count), let cell = bytes.baseAddress, !bytes.contains(where: CodeTable.breaksPlainCell) {
                    lastCount = bytes.count
                    lastWords = CodeTable.words(cell, count: bytes.count)
                } else {
                    lastCount = -1
                }
                return last
            }
            i = (i + 1) & mask
        }
    }

    /// The id and length of the code found last, when the `available` bytes at `p` begin with
    /// it (and it is 4 to 16 bytes long): a cell of the same code as the row before is known by
    /// two comparisons, without finding the cell's end first. The caller checks that the cell
    /// ends there.
    @inline(__always)
    func lastCode(at p: UnsafePointer<UInt8>, available: Int) -> (id: Int32, count: Int)? {
        guard lastCount > 0, available >= lastCount else { return nil }
        let words = CodeTable.words(p, count: lastCount)
        return words.0 == lastWords.0 && words.1 == lastWords.1 ? (last, lastCount) : nil
    }

    /// Bytes that end or break an unquoted CSV cell: a code holding one is never the whole of
    /// an unquoted cell, so `lastCode(at:available:)` must not find it at the start of one.
    static func breaksPlainCell(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\"") || b == 0
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ id: Int) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == bytes.count, !bytes.isEmpty, let cell = bytes.baseAddress else { return false }
        return text.withUnsafeBufferPointer { text in
            guard let code = text.baseAddress else { return false }
            return CodeTable.equal(code + start, cell, count: bytes.count)
        }
    }

    /// The first and last words of the `count` bytes at `p`, 4 to 16 of them: eight bytes each
    /// from 8 on, four below (overlapping when fewer than twice that). Two runs of bytes of one
    /// such length are the same exactly when their words are.
    @inline(__always)
    static func words(_ p: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        if count >= 8 { return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        return (UInt64(raw.loadUnaligned(as: UInt32.self)), UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
    }

    /// True if the `count` bytes at `a` and at `b` are the same. Codes are short: up to sixteen
    /// bytes are compared as two words that may overlap (of eight bytes, or of four below
    /// eight), without a call; longer ones by `memcmp`.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        func word<T: FixedWidthInteger>(_ p: UnsafePointer<UInt8>, _ offset: Int, _: T.Type) -> T {
            UnsafeRawPointer(p + offset).loadUnaligned(as: T.self)
        }
        switch count {
        case 8...16:
            return word(a, 0, UInt64.self) == word(b, 0, UInt64.self)
                && word(a, count - 8, UInt64.self) == word(b, count - 8, UInt64.self)
        case 4..<8:
            return word(a, 0, UInt32.self) == word(b, 0, UInt32.self)
                && word(a, count - 4, UInt32.self) == word(b, count - 4, UInt32.self)
        case 0..<4:
            for k in 0..<count where a[k] != b[k] { return false }
            return true
        default:
            return memcmp(a, b, count) == 0
        }
    }

    /// FNV-1a: short keys, a good spread, no allocation.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
