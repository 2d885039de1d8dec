/// Which target, floor and band rate each area's figures of each indicator:
///
/// 1. the area's own, where targets.csv has a row for the indicator and the area;
/// 2. else the indicator's, where its `target_areas` name the area or its kind (or are empty:
///    every area);
/// 3. else none: the indicator's target was set for other areas, and the area's figures are not
///    rated by rule.
///
/// A target or floor published with a figure (observations.csv `target`, `floor`) comes before
/// all of these for that figure. Resolved once per series at load, not per row.
struct TargetScopes: Sendable {
    /// Per indicator (by index): nil when its thresholds rate every area, else the areas (by
    /// index) they rate.
    private let scopes: [Set<Int32>?]
    /// Position in `areaTargets` of each (indicator, area) pair's row, see `key`.
    private let own: [UInt64: Int]
    private let areaTargets: [AreaTarget]
    private let indicators: [Indicator]

    init(indicators: [Indicator], areas: [Area], areaTargets: [AreaTarget]) {
        self.indicators = indicators
        self.areaTargets = areaTargets
        var areaIndex: [String: Int32] = [:]
        var byKind: [String: [Int32]] = [:]
        for (i, a) in areas.enumerated() {
            areaIndex[a.code] = Int32(i)
            if let kind = a.kind?.lowercased() { byKind[kind, default: []].append(Int32(i)) }
        }
        scopes = indicators.map { ind -> Set<Int32>? in
            guard !ind.targetAreas.isEmpty else { return nil }
            var set = Set<Int32>()
            for item in ind.targetAreas {
                if let a = areaIndex[item] { set.insert(a) }
                set.formUnion(byKind[item.lowercased()] ?? [])
            }
            return set
        }
        var indicatorIndex: [String: Int32] = [:]
        for (i, ind) in indicators.enumerated() { indicatorIndex[ind.code] = Int32(i) }
        var own: [UInt64: Int] = [:]
        for (k, t) in areaTargets.enumerated() {
            guard let i = indicatorIndex[t.indicator], let a = areaIndex[t.area] else { continue }
            own[TargetScopes.key(i, a)] = k
        }
        self.own = own
    }

    @inline(__always) private static func key(_ indicator: Int32, _ area: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: indicator)) << 32 | UInt64(UInt32(bitPattern: area))
    }

    /// True when the indicator's own thresholds rate the area (its `target_areas` include it).
    func indicatorTargetApplies(indicator i: Int32, area a: Int32) -> Bool {
        scopes[Int(i)]?.contains(a) ?? true
    }

    /// The thresholds that rate the area's figures of the indicator, and where they come from.
    func thresholds(indicator i: Int32, area a: Int32) -> AreaThresholds {
        if !own.isEmpty, let k = own[TargetScopes.key(i, a)] {
            let t = areaTargets[k]
            return AreaThresholds(target: t.target, floor: t.floor, targetLow: t.targetLow, targetHigh: t.targetHigh, origin: .area)
        }
        guard indicatorTargetApplies(indicator: i, area: a) else { return AreaThresholds(origin: .none) }
        let ind = indicators[Int(i)]
        return AreaThresholds(target: ind.target, floor: ind.floor, targetLow: ind.targetLow, targetHigh: ind.targetHigh, origin: .indicator)
    }

    /// `base` (the indicator's rule) with the thresholds that rate the area.
    func rule(_ base: RatingRule, indicator i: Int32, area a: Int32) -> RatingRule {
        if own.isEmpty && scopes[Int(i)] == nil { return base }
        return base.with(thresholds(indicator: i, area: a))
    }
}
