/// The scorecard's rating rule, used where the data gives no published RAG.
///
/// - GREEN: the target is met (H: value ≥ target; L: value ≤ target; T: inside the band
///   target_low…target_high).
/// - AMBER: the target is missed but the floor standard is achieved (H: value ≥ floor;
///   L: value ≤ floor; T: no further outside the band than `floor`).
/// - RED: the floor standard is not achieved. Where no floor is defined there is no amber band,
///   so a missed target is RED.
///
/// Values are compared at the indicator's decimals, as printed. Without a target (or band) there
/// is no rating.
public enum RAGRule {
    public static func evaluate(value: Double?, target: Double?, floor: Double?, indicator: Indicator) -> RAG? {
        guard let raw = value, raw.isFinite else { return nil }
        let v = rounded(raw, indicator.decimals)
        switch indicator.polarity {
        case .high, .low:
            guard let t = target else { return nil }
            let higher = indicator.polarity == .high
            if higher ? v >= t : v <= t { return .green }
            guard let f = floor else { return .red }
            return (higher ? v >= f : v <= f) ? .amber : .red
        case .target:
            guard let low = indicator.targetLow ?? target, let high = indicator.targetHigh ?? target else { return nil }
            if v >= low && v <= high { return .green }
            guard let tolerance = floor else { return .red }
            let distance = v < low ? low - v : v - high
            return distance <= tolerance ? .amber : .red
        }
    }

    /// Whether a published rating agrees with the rule. Without a floor the rule cannot tell AMBER
    /// from RED, so either agrees with a missed target.
    public static func agrees(published: RAG, value: Double?, target: Double?, floor: Double?, indicator: Indicator) -> Bool {
        guard let computed = evaluate(value: value, target: target, floor: floor, indicator: indicator) else { return true }
        if computed == published { return true }
        if floor == nil && computed != .green && published != .green { return true }
        return false
    }

    @inline(__always)
    static func rounded(_ v: Double, _ decimals: Int?) -> Double {
        guard let d = decimals, d >= 0, d <= 10 else { return v }
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        return (v * scale).rounded() / scale
    }
}

/// The direction-of-travel rule: the latest value against the one before it of the same period
/// kind, polarity-aware. Equal at the indicator's decimals is `same`. For T, moving closer to the
/// target band (or staying inside it) is `improved`.
public enum DOTRule {
    public static func evaluate(current: Double?, previous: Double?, indicator: Indicator, target: Double?) -> DOT? {
        guard let c0 = current, let p0 = previous, c0.isFinite, p0.isFinite else { return nil }
        let c = RAGRule.rounded(c0, indicator.decimals)
        let p = RAGRule.rounded(p0, indicator.decimals)
        if c == p { return .same }
        switch indicator.polarity {
        case .high: return c > p ? .improved : .worsened
        case .low: return c < p ? .improved : .worsened
        case .target:
            guard let low = indicator.targetLow ?? target, let high = indicator.targetHigh ?? target else { return nil }
            func distance(_ x: Double) -> Double { x < low ? low - x : (x > high ? x - high : 0) }
            let dc = distance(c), dp = distance(p)
            if dc == dp { return .same }
            return dc < dp ? .improved : .worsened
        }
    }
}
