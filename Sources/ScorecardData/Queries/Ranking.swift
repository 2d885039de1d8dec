/// Ranking figures the way the league tables, national ranks and neighbour comparisons do:
/// polarity-aware (H: highest first; L: lowest first; T: closest to the target band first),
/// values compared at the indicator's decimals as printed, and ties sharing the better rank
/// ("standard competition" ranking: 1, 2, 2, 4).
public enum Ranking {
    /// National ranks and quartiles need at least this many local authorities with a value.
    public static let minimumForNationalRank = 8

    /// How far from the best a value is: smaller is better. Nil where the indicator cannot rank
    /// it (a T indicator with neither a band nor a target). The value is first rounded at the
    /// indicator's decimals, so figures printed alike tie.
    @inline(__always)
    static func key(_ value: Double, _ rule: RatingRule) -> Double? {
        guard value.isFinite else { return nil }
        let v = RAGRule.rounded(value, rule.decimals)
        switch rule.polarity {
        case .high: return -v
        case .low: return v
        case .target:
            guard let low = rule.targetLow ?? rule.target, let high = rule.targetHigh ?? rule.target else { return nil }
            return v < low ? low - v : (v > high ? v - high : 0)
        }
    }

    /// The quartile of `rank` among `count`: ceil(4 × rank / count), 1 being the best quarter.
    public static func quartile(rank: Int, of count: Int) -> Int {
        precondition(count > 0 && rank >= 1 && rank <= count, "rank \(rank) of \(count)")
        return (4 * rank + count - 1) / count
    }

    /// The ranks of items whose keys are given, best (smallest key) first; ties share the better
    /// rank. Returns, for each item in `keys` order, its rank, and the item positions best first
    /// (ties in their given order).
    static func rank(keys: [Double]) -> (ranks: [Int], order: [Int]) {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var ranks = [Int](repeating: 0, count: keys.count)
        for (position, i) in order.enumerated() {
            if position > 0, keys[order[position - 1]] == keys[i] {
                ranks[i] = ranks[order[position - 1]]
            } else {
                ranks[i] = position + 1
            }
        }
        return (ranks, order)
    }
}
