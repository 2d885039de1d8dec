/// A cursor and scroll position in a list, and the moves every list pane shares: up, down,
/// pages, first and last row — skipping rows that cannot be selected (section headings).
public struct ListPosition: Sendable, Equatable {
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0

    public init(cursor: Int = 0, scroll: Int = 0) {
        self.cursor = cursor
        self.scroll = scroll
    }

    /// Applies a movement command to a list of `count` rows with `page` rows on screen; false
    /// for a command that is not a movement.
    public mutating func move(_ command: Command, count: Int, page: Int, selectable: (Int) -> Bool = { _ in true }) -> Bool {
        let delta: Int
        switch command {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -max(1, page - 1)
        case .pageDown: delta = max(1, page - 1)
        case .top: delta = -count
        case .bottom: delta = count
        default: return false
        }
        move(by: delta, count: count, selectable: selectable)
        return true
    }

    /// Moves `delta` rows; when that lands on a row that cannot be selected, on to the next one
    /// in the same direction (or the nearest the other way at an end).
    public mutating func move(by delta: Int, count: Int, selectable: (Int) -> Bool = { _ in true }) {
        guard count > 0 else { cursor = 0; return }
        let c = min(max(0, cursor + delta), count - 1)
        let step = delta >= 0 ? 1 : -1
        var probe = c
        while probe >= 0, probe < count, !selectable(probe) { probe += step }
        if probe < 0 || probe >= count {
            probe = c
            while probe >= 0, probe < count, !selectable(probe) { probe -= step }
        }
        guard probe >= 0, probe < count else { return }
        cursor = probe
    }

    /// Keeps the cursor on a selectable row inside `count` rows (after the list changed).
    public mutating func clamp(count: Int, selectable: (Int) -> Bool = { _ in true }) {
        guard count > 0 else { cursor = 0; scroll = 0; return }
        cursor = min(max(0, cursor), count - 1)
        if !selectable(cursor) { move(by: 1, count: count, selectable: selectable) }
    }

    /// Puts the cursor on `row` (from a click or a search for an item).
    public mutating func select(_ row: Int) { cursor = max(0, row) }

    /// A click on `row`: true when it is the selected row (a second click opens it, as Enter
    /// does); otherwise the row is selected.
    public mutating func click(_ row: Int) -> Bool {
        if row == cursor { return true }
        select(row)
        return false
    }

    /// Back to the top.
    public mutating func reset() {
        cursor = 0
        scroll = 0
    }

    /// Keeps the first row the layout showed.
    public mutating func settle(firstRow: Int) { scroll = firstRow }
}
