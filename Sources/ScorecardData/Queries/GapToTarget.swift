extension Dataset {
    /// How far a row's figure is from its target, in the figure's own units (points for a
    /// percentage), polarity-aware: positive when the target is beaten by that much, 0 when it
    /// is met exactly (or, for T, the value is inside the band), negative when the figure falls
    /// short by that much. The value is taken at the indicator's decimals, as the RAG rule takes
    /// it; the target is the row's (see `target(row:)`), and for T the band is the indicator's
    /// `target_low`…`target_high`, the target standing in for a missing end. Nil without a value
    /// or a target.
    public func gapToTarget(row r: Int) -> Double? {
        guard let raw = value(row: r), raw.isFinite else { return nil }
        let indicator = indicators[Int(columns.indicator[r])]
        let target = target(row: r)
        let v = RAGRule.rounded(raw, indicator.decimals)
        let gap: Double
        switch indicator.polarity {
        case .high:
            guard let target else { return nil }
            gap = v - target
        case .low:
            guard let target else { return nil }
            gap = target - v
        case .target:
            guard let low = indicator.targetLow ?? target, let high = indicator.targetHigh ?? target else { return nil }
            gap = v < low ? v - low : (v > high ? high - v : 0)
        }
        // As many places as the figures it comes from, without the binary subtraction's noise
        // (76.9 - 60 is 16.900000000000006).
        let places = ([indicator.decimals ?? 0] + [v, target, indicator.targetLow, indicator.targetHigh].compactMap { $0.map(ValueFormatter.decimalPlaces) }).max() ?? 0
        let rounded = RAGRule.rounded(gap, min(places, 10))
        return rounded == 0 ? 0 : rounded
    }
}

extension ValueFormatter {
    /// The decimal places `plain(v)` writes: 0 for 85, 2 for 17.25 (0 in exponent form).
    static func decimalPlaces(_ v: Double) -> Int {
        let text = plain(v)
        guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
