/// Parses decimal numbers from CSV cells: `12`, `-0.12`, `85.0`, `1.5e3`. Rejects what is not a
/// plain finite number (thousands separators, `%`, `NaN`, `inf`, hex) with a reason.
public enum NumberParser {
    public enum Outcome: Equatable, Sendable {
        case empty
        case value(Double)
        case invalid(String)
    }

    /// The largest magnitude accepted; beyond it a value is almost certainly a mistake and loses
    /// precision in sums.
    public static let maximumMagnitude = 1e15

    /// 10⁰ … 10²², each exact in a Double (the products of repeated multiplication by ten).
    static let powersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Parses `bytes` (surrounding spaces allowed).
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Outcome { parse(bytes: bytes) }

    /// Parses `bytes` in any buffer (an array slice, or a cell of a file being read).
    static func parse<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> Outcome where Bytes.Index == Int {
        if let value = plainDecimal(bytes) { return .value(value) }
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return .empty }
        var i = lo
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        while i < hi, bytes[i] >= 48, bytes[i] <= 57 {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa * 10 + UInt64(bytes[i] - 48)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
            }
            digits += 1
            i += 1
        }
        if i < hi, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < hi, bytes[i] >= 48, bytes[i] <= 57 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[i] - 48)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                }
                i += 1
            }
        }
        guard sawDigit else { return .invalid(reason(bytes[lo..<hi])) }
        if i < hi, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < hi, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var sawExp = false
            while i < hi, bytes[i] >= 48, bytes[i] <= 57 {
                sawExp = true
                if e < 100_000 { e = e * 10 + Int(bytes[i] - 48) }
                i += 1
            }
            guard sawExp else { return .invalid(reason(bytes[lo..<hi])) }
            exponent += expNegative ? -e : e
        }
        guard i == hi else { return .invalid(reason(bytes[lo..<hi])) }
        var value: Double
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            // Exact: both the mantissa and the power of ten are representable.
            value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        } else {
            guard let v = Double(String(decoding: bytes[lo..<hi], as: UTF8.self)) else {
                return .invalid(reason(bytes[lo..<hi]))
            }
            value = abs(v)
        }
        if negative { value = -value }
        guard value.isFinite, abs(value) <= maximumMagnitude else {
            return .invalid("number out of range (magnitude above 1e15)")
        }
        return .value(value)
    }

    /// The common cell, `-12.5`: an optional minus, at most 15 digits with at most one point and
    /// nothing else. Computed as `parse` computes it (exact mantissa, then one division by a power
    /// of ten), so the value is the same to the bit; nil for anything else.
    @inline(__always)
    static func plainDecimal<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Double? where Bytes.Index == Int {
        let found = bytes.withContiguousStorageIfAvailable { buf -> Double? in
            guard let base = buf.baseAddress, !buf.isEmpty,
                  let (value, end) = plainDecimal(base, buf.count, from: 0), end == buf.count else { return nil }
            return value
        }
        // Bytes not held in one run (no cell is) take the full parser, which gives the same.
        return found ?? nil
    }

    /// The plain decimal at byte `i` of the `count` bytes at `base` (see `plainDecimal(_:)`) and
    /// the offset just past it: NaN when no minus, digit or point starts there (an empty cell,
    /// if the byte there ends it), nil when what starts there is not a plain decimal. The whole
    /// digits and the fraction are two loops, with no state kept per byte; the caller checks the
    /// byte that follows.
    @inline(__always)
    static func plainDecimal(_ base: UnsafePointer<UInt8>, _ count: Int, from i: Int) -> (Double, Int)? {
        var j = i
        let negative = j < count && base[j] == UInt8(ascii: "-")
        if negative { j += 1 }
        var mantissa: UInt64 = 0
        let whole = j
        while j < count {
            let d = base[j] &- 48
            guard d <= 9 else { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            j += 1
        }
        var digits = j - whole
        var fraction = 0
        if j < count && base[j] == UInt8(ascii: ".") {
            j += 1
            let point = j
            while j < count {
                let d = base[j] &- 48
                guard d <= 9 else { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                j += 1
            }
            fraction = j - point
            digits += fraction
        }
        if j == i { return (.nan, j) }
        // At most 15 digits: the mantissa is exact (it wraps, harmlessly, only past 19).
        guard digits > 0, digits <= 15 else { return nil }
        var value = Double(mantissa)
        if fraction > 0 { value /= smallPowerOfTen(fraction) }
        return (negative ? -value : value, j)
    }

    /// 10ᵉ for e in 0 ... 16, exact, as `powersOfTen` has it but as constants: no array to reach
    /// (and retain) from a cell's parse.
    @inline(__always)
    static func smallPowerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        default: 1e16
        }
    }

    /// Explains why a cell is not a number, with a hint for common cases.
    private static func reason(_ cell: some Collection<UInt8>) -> String {
        // Enough bytes for 40 characters and one more, so `clip` marks a longer cell with "…";
        // control characters and other unsafe scalars are shown as <U+…>, never passed on.
        let text = String(decoding: cell.prefix(164), as: UTF8.self)
        let shown = "'\(SafeText.clip(text))'"
        let lower = text.lowercased()
        if lower == "nan" || lower.hasSuffix("inf") || lower.hasSuffix("infinity") {
            return "expected a finite number, found \(shown)"
        }
        if lower == "n/a" || lower == "na" || lower == "-" || lower == "null" {
            return "expected a number, found \(shown): leave the cell empty for 'not available'"
        }
        if text.contains(",") { return "expected a number, found \(shown): remove the thousands separator" }
        if text.hasSuffix("%") { return "expected a number, found \(shown): write percentages without '%'" }
        return "expected a number, found \(shown)"
    }
}
