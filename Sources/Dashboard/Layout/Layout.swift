/// What a part of a layout asks for along the split direction.
public enum Constraint: Equatable, Sendable {
    /// Exactly `n` cells (less only when there is not enough room).
    case length(Int)
    /// A percentage of the whole.
    case percentage(Int)
    /// At least `n` cells, and a share of what is left like `.fill(1)`.
    case min(Int)
    /// A share of what is left, up to `n` cells.
    case max(Int)
    /// A share of what is left, by weight.
    case fill(Int)
}

/// A small constraint layout, in the manner of ratatui's `Layout`: splits a rectangle into
/// rows (`.vertical`) or columns (`.horizontal`) by constraints, once per frame. Views draw in
/// the pieces and mouse hit-testing reads the same pieces, so no offset is written twice.
///
/// The room is given out in order: lengths and percentages first (cut from the end when they do
/// not all fit), then the minimums, then what is left is shared among `.min`, `.max` and `.fill`
/// parts by weight (`.max` parts stop at their maximum and give the rest back). Parts are
/// placed one after the other with `spacing` cells between them.
public struct Layout: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case vertical, horizontal }

    public var direction: Direction
    public var constraints: [Constraint]
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout { Layout(.vertical, constraints, spacing: spacing) }
    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout { Layout(.horizontal, constraints, spacing: spacing) }

    /// The pieces of `rect`, one per constraint, in order.
    public func split(_ rect: Rect) -> [Rect] {
        let total = direction == .vertical ? rect.height : rect.width
        let sizes = Layout.sizes(constraints, total: max(0, total - spacing * max(0, constraints.count - 1)))
        var out: [Rect] = []
        var offset = 0
        for size in sizes {
            switch direction {
            case .vertical: out.append(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size))
            case .horizontal: out.append(Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height))
            }
            offset += size + spacing
        }
        return out
    }

    /// The size of each part when `total` cells are shared out.
    static func sizes(_ constraints: [Constraint], total: Int) -> [Int] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var left = total
        // Fixed parts, in order; the last ones get less when the room runs out.
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .length(let n): want = Swift.max(0, n)
            case .percentage(let p): want = Swift.max(0, total * p / 100)
            case .min(let n): want = Swift.max(0, n)
            case .max, .fill: continue
            }
            sizes[i] = Swift.min(want, left)
            left -= sizes[i]
        }
        // What is left, shared by weight among the flexible parts; a `.max` part that reaches
        // its cap gives the rest back to the others.
        var open: [(index: Int, weight: Int, cap: Int)] = constraints.enumerated().compactMap { i, c in
            switch c {
            case .fill(let w): return (i, Swift.max(0, w), Int.max)
            case .min: return (i, 1, Int.max)
            case .max(let n): return (i, 1, Swift.max(0, n))
            default: return nil
            }
        }
        while left > 0 {
            let weights = open.reduce(0) { $0 + $1.weight }
            guard weights > 0 else { break }
            var shares = open.map { left * $0.weight / weights }
            // The remainder of the division, one cell at a time, first parts first.
            var remainder = left - shares.reduce(0, +)
            for k in shares.indices where remainder > 0 && open[k].weight > 0 { shares[k] += 1; remainder -= 1 }
            var stillOpen: [(index: Int, weight: Int, cap: Int)] = []
            for (k, part) in open.enumerated() {
                let add = Swift.min(shares[k], part.cap - sizes[part.index])
                sizes[part.index] += add
                left -= add
                if sizes[part.index] < part.cap { stillOpen.append(part) }
            }
            if stillOpen.count == open.count { break }
            open = stillOpen
        }
        return sizes
    }
}
