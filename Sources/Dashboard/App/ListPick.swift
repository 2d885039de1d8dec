/// What a key or a mouse event does in a pick list — the area picker (`A`) and the changes
/// pane's comparison list (`c`): a box with a typed query and the options that match it.
enum ListPick: Equatable {
    /// Close the list without choosing.
    case cancel
    /// Choose option `i`.
    case pick(Int)
    /// Keep picking, with this query and cursor.
    case stay(query: String, cursor: Int)

    /// Esc cancels, Enter picks the option under the cursor, ↑/↓ move, Backspace and characters
    /// edit the query (and put the cursor on the first option).
    static func key(_ key: Key, query: String, cursor: Int, count: Int) -> ListPick {
        var q = query
        var p = cursor
        switch key {
        case .escape: return .cancel
        case .enter: return p < count ? .pick(p) : .cancel
        case .up: p = max(0, p - 1)
        case .down: p = min(max(0, count - 1), p + 1)
        case .backspace: if !q.isEmpty { q.removeLast(); p = 0 }
        case .character(let c): q.append(c); p = 0
        default: break
        }
        return .stay(query: q, cursor: p)
    }

    /// The wheel moves; a click on an option selects it, a click on the selected one picks it,
    /// and a click outside the box closes it.
    static func mouse(_ m: MouseEvent, query: String, cursor: Int, count: Int, regions: AreaPickerView.Regions) -> ListPick {
        switch m {
        case .wheelUp: return .stay(query: query, cursor: max(0, cursor - 1))
        case .wheelDown: return .stay(query: query, cursor: min(max(0, count - 1), cursor + 1))
        case .click(let x, let y):
            guard let index = regions.row(at: x, y: y), index < count else {
                return regions.frame.contains(x: x, y: y) ? .stay(query: query, cursor: cursor) : .cancel
            }
            return index == cursor ? .pick(index) : .stay(query: query, cursor: index)
        }
    }
}
