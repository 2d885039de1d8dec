/// Formats figures the way the scorecard prints them.
public enum ValueFormatter {
    /// `value` with exactly `decimals` places (no thousands separators): 85 → "85.0" at 1.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let d = max(0, min(decimals, 10))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled != 0
        guard scaled < 9e15 else { return plain(value) }
        let whole = Int64(scaled)
        var digits = String(whole)
        if d > 0 {
            if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
        }
        return negative ? "-" + digits : digits
    }

    /// The shortest text that reads back as `value`: 85.0 → "85", 0.1 → "0.1".
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A value for display: with the indicator's decimals if known, else plain; empty for nil.
    /// Never hides precision the value has: 32.83 at one decimal stays "32.83".
    public static func display(_ value: Double?, decimals: Int?) -> String {
        guard let v = value else { return "" }
        let p = plain(v)
        guard let d = decimals else { return p }
        let own = p.firstIndex(of: ".").map { p.distance(from: $0, to: p.endIndex) - 1 } ?? 0
        if p.contains("e") { return p }
        return fixed(v, decimals: max(d, own))
    }

    /// Like `display`, with thousands separators for large whole parts: 23222 → "23,222".
    public static func grouped(_ value: Double?, decimals: Int?) -> String {
        let s = display(value, decimals: decimals)
        guard !s.isEmpty else { return s }
        var sign = ""
        var body = Substring(s)
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        guard whole.count > 3 else { return s }
        var out = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return sign + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
