/// The scorecard's rating rule, used where the data gives no published RAG.
///
/// - GREEN: the target is met (H: value ≥ target; L: value ≤ target; T: inside the band
///   target_low…target_high).
/// - AMBER: the target is missed but the floor standard is achieved (H: value ≥ floor;
///   L: value ≤ floor; T: no further outside the band than `floor`).
/// - RED: the floor standard is not achieved.
/// - Where no floor is defined there is no amber band, so the rule cannot tell AMBER from RED:
///   a missed target is undecided ("target missed"), unless the indicator says how it rates such
///   misses (`Indicator.missedTarget`).
///
/// Values are compared at the indicator's decimals, as printed. Without a target (or band) there
/// is no rating.
public enum RAGRule {
    /// What the rule makes of a figure it can rate.
    public enum Outcome: Hashable, Sendable {
        case rated(RAG)
        /// The target is missed and there is no floor to say how badly.
        case undecided

        /// The rating shown: nil when undecided.
        public var rag: RAG? {
            if case .rated(let r) = self { return r }
            return nil
        }
    }

    /// The rule's rating, nil when it cannot rate the figure or leaves it undecided.
    public static func evaluate(value: Double?, target: Double?, floor: Double?, indicator: Indicator) -> RAG? {
        outcome(value: value, target: target, floor: floor, indicator: indicator)?.rag
    }

    /// What the rule makes of a figure: nil when there is nothing to rate (no value, no target).
    public static func outcome(value: Double?, target: Double?, floor: Double?, indicator: Indicator) -> Outcome? {
        guard let raw = value, raw.isFinite else { return nil }
        return evaluate(rounded: rounded(raw, indicator.decimals), target: target, floor: floor, rule: RatingRule(indicator))
    }

    /// The rule for a finite value already rounded at the indicator's decimals (see `rounded`):
    /// a dataset's ratings round each value once, not once per rule.
    @inline(__always)
    static func evaluate(rounded v: Double, target: Double?, floor: Double?, rule: RatingRule) -> Outcome? {
        switch rule.polarity {
        case .high, .low:
            guard let t = target else { return nil }
            let higher = rule.polarity == .high
            if higher ? v >= t : v <= t { return .rated(.green) }
            guard let f = floor else { return rule.missedTarget.map(Outcome.rated) ?? .undecided }
            return .rated((higher ? v >= f : v <= f) ? .amber : .red)
        case .target:
            guard let low = rule.targetLow ?? target, let high = rule.targetHigh ?? target else { return nil }
            if v >= low && v <= high { return .rated(.green) }
            guard let tolerance = floor else { return rule.missedTarget.map(Outcome.rated) ?? .undecided }
            let distance = v < low ? low - v : v - high
            return .rated(distance <= tolerance ? .amber : .red)
        }
    }

    /// Whether a published rating agrees with the rule. Without a floor the rule cannot tell AMBER
    /// from RED, so either agrees with a missed target.
    public static func agrees(published: RAG, value: Double?, target: Double?, floor: Double?, indicator: Indicator) -> Bool {
        agrees(published: published, computed: outcome(value: value, target: target, floor: floor, indicator: indicator), floor: floor)
    }

    /// `agrees` given what the rule made of the row.
    @inline(__always)
    static func agrees(published: RAG, computed: Outcome?, floor: Double?) -> Bool {
        switch computed {
        case nil: return true
        case .undecided: return published != .green
        case .rated(let c):
            if c == published { return true }
            return floor == nil && c != .green && published != .green
        }
    }

    /// `v` rounded half away from zero at `decimals` places, as printed; `v` itself when the
    /// indicator has no decimals.
    @inline(__always)
    static func rounded(_ v: Double, _ decimals: Int?) -> Double {
        Rounding(decimals).rounded(v)
    }

    /// `rounded(_:_:)` at one number of decimals, its power of ten looked up once: a series'
    /// values are rounded in a loop.
    struct Rounding {
        /// 10^decimals, or nil when values are kept as they are.
        let scale: Double?

        @inline(__always)
        init(_ decimals: Int?) {
            guard let d = decimals, d >= 0, d <= 10 else {
                scale = nil
                return
            }
            scale = NumberParser.powersOfTen[d]
        }

        @inline(__always)
        func rounded(_ v: Double) -> Double {
            guard let scale else { return v }
            return RAGRule.roundedHalfAwayFromZero(v * scale) / scale
        }
    }

    /// `x.rounded()` (half away from zero), to the bit, without a call into libm for the values a
    /// scorecard has. Below 2⁵² in magnitude, truncating through Int64 and subtracting are exact;
    /// anything larger is already whole, and NaN and infinities take `rounded()` too.
    @inline(__always)
    static func roundedHalfAwayFromZero(_ x: Double) -> Double {
        guard x.magnitude < 4_503_599_627_370_496 else { return x.rounded() }
        let whole = Double(Int64(x))
        let fraction = x - whole
        let result = fraction >= 0.5 ? whole + 1 : (fraction <= -0.5 ? whole - 1 : whole)
        // round(-0.3) is -0.0: keep the sign of x, as libm does.
        return Double(signOf: x, magnitudeOf: result)
    }
}

/// The direction-of-travel rule: the latest value against the one before it of the same period
/// kind, polarity-aware. Equal at the indicator's decimals is `same`. For T, moving closer to the
/// target band (or staying inside it) is `improved`.
public enum DOTRule {
    public static func evaluate(current: Double?, previous: Double?, indicator: Indicator, target: Double?) -> DOT? {
        guard let c0 = current, let p0 = previous, c0.isFinite, p0.isFinite else { return nil }
        return evaluate(rounded: RAGRule.rounded(c0, indicator.decimals), previous: RAGRule.rounded(p0, indicator.decimals),
                        rule: RatingRule(indicator), target: target)
    }

    /// The rule for finite values already rounded at the indicator's decimals.
    @inline(__always)
    static func evaluate(rounded c: Double, previous p: Double, rule: RatingRule, target: Double?) -> DOT? {
        if c == p { return .same }
        switch rule.polarity {
        case .high: return c > p ? .improved : .worsened
        case .low: return c < p ? .improved : .worsened
        case .target:
            guard let low = rule.targetLow ?? target, let high = rule.targetHigh ?? target else { return nil }
            func distance(_ x: Double) -> Double { x < low ? low - x : (x > high ? x - high : 0) }
            let dc = distance(c), dp = distance(p)
            if dc == dp { return .same }
            return dc < dp ? .improved : .worsened
        }
    }
}

/// What the rules need of an indicator, without its texts: copying it costs no reference
/// counting, which threads rating series side by side would contend for.
struct RatingRule: Sendable {
    var polarity: Polarity
    var decimals: Int?
    var target: Double?
    var floor: Double?
    var targetLow: Double?
    var targetHigh: Double?
    var missedTarget: RAG?

    init(_ indicator: Indicator) {
        polarity = indicator.polarity
        decimals = indicator.decimals
        target = indicator.target
        floor = indicator.floor
        targetLow = indicator.targetLow
        targetHigh = indicator.targetHigh
        missedTarget = indicator.missedTarget
    }

    /// The rule with the thresholds that rate one area's figures in place of the indicator's.
    func with(_ thresholds: AreaThresholds) -> RatingRule {
        var r = self
        r.target = thresholds.target
        r.floor = thresholds.floor
        r.targetLow = thresholds.targetLow
        r.targetHigh = thresholds.targetHigh
        return r
    }
}
