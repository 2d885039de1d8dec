import Synchronization

/// Bars of every length up to the longest asked for so far, in one alphabet: a table fills its
/// bar column from them instead of making a string a row. A bar of a length is the same string
/// whatever the column's width, so a column that narrows and widens (the league's, as a search
/// changes the names beside it) reuses them, and only a longer bar than any before is made.
final class BarStrings: Sendable {
    private let slot = Mutex<(glyphs: Glyphs, bars: [String])?>(nil)

    init() {}

    /// Bars of lengths 0 through `length` (at least; `bars[n]` is `glyphs.bar(n)`).
    func upTo(_ length: Int, _ glyphs: Glyphs) -> [String] {
        slot.withLock { kept -> [String] in
            var bars = kept.flatMap { $0.glyphs == glyphs ? $0.bars : nil } ?? []
            guard bars.count <= max(0, length) else { return bars }
            bars.reserveCapacity(max(0, length) + 1)
            while bars.count <= max(0, length) { bars.append(glyphs.bar(bars.count)) }
            kept = (glyphs, bars)
            return bars
        }
    }
}
