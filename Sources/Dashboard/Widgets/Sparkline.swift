/// Sparklines: a trend in one row of block characters.
public enum Sparkline {
    /// `values` scaled between their min and max into `width` cells (the latest at the right).
    /// A missing value is a gap (`┆`), never a low bar: no figure is not zero.
    public static func make(_ values: [Double?], width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let tail = Array(values.suffix(width))
        let present = tail.compactMap { $0 }
        let gap = glyphs.character(.gap)
        guard let lo = present.min(), let hi = present.max() else { return String(repeating: gap, count: min(width, tail.count)) }
        let levels = glyphs.sparkLevels
        var out = ""
        for v in tail {
            guard let v else { out.append(gap); continue }
            let level = hi == lo ? levels.count / 2 : Int(((v - lo) / (hi - lo) * Double(levels.count - 1)).rounded())
            out.append(levels[min(max(0, level), levels.count - 1)])
        }
        return out
    }
}
