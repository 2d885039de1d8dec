import ScorecardData

extension Pane {
    /// Pane 6: what changed — the area's latest ratings against a comparison point, grouped.
    public static let changes = Pane("changes")
}

/// Pane 6's state and update: "what changed" for the shared area against the shared comparison
/// point (`SharedState.comparison`), its rows grouped (newly RED, worsened, improved, back to
/// GREEN, still RED, unchanged) as the filters leave them, and the cursor.
public struct ChangesPane: PaneModule {
    public static let info = PaneInfo(.changes, title: "Changes", shortTitle: "Changes", help: "what changed: ratings against an earlier period or edition")

    /// A line of the list: a group's heading, or a row of `changes`.
    public enum Line: Equatable, Sendable {
        case heading(ChangeGroup)
        case row(Int)
    }

    /// The data, area and comparison the changes were worked out for: a filter re-filters
    /// without asking the data again.
    struct Basis: Equatable {
        var dataVersion: Int
        var area: String
        var comparison: Comparison
        var edition: ObjectIdentifier?
    }

    /// The area's changes (every row, unfiltered); nil when there is no such area or edition.
    public internal(set) var changes: Changes?
    public internal(set) var lines: [Line] = []
    public internal(set) var list = ListPosition()
    var basis: Basis?

    public init() {}

    /// The row of `changes` under the cursor.
    public var selectedRow: ChangeRow? {
        guard let changes, lines.indices.contains(list.cursor), case .row(let i) = lines[list.cursor] else { return nil }
        return changes.rows[i]
    }

    func isSelectable(_ i: Int) -> Bool { if case .row = lines[i] { true } else { false } }

    /// How many rows of a group are listed (as filtered).
    public func shown(_ group: ChangeGroup) -> Int {
        guard let changes else { return 0 }
        return lines.count { if case .row(let i) = $0 { changes.rows[i].group == group } else { false } }
    }

    public mutating func rebuild(_ shared: SharedState) {
        let now = Basis(dataVersion: shared.dataVersion, area: shared.area, comparison: shared.comparison,
                        edition: shared.edition.map { ObjectIdentifier($0.dataset) })
        let keep = basis?.area == now.area ? selectedRow.map { ($0.indicator.code, $0.team) } : nil
        if now != basis {
            changes = shared.comparison.point(shared.edition).flatMap { shared.dataset.changes(area: shared.area, comparedWith: $0) }
            basis = now
        }
        var out: [Line] = []
        if let changes {
            for group in ChangeGroup.allCases {
                let rows = changes.rows.indices.filter { i in
                    let r = changes.rows[i]
                    return r.group == group && shared.matchesRAG(r.latest.rating)
                        && shared.matchesText([r.indicator.code, r.indicator.name, r.team ?? "", r.indicator.group])
                }
                guard !rows.isEmpty else { continue }
                out.append(.heading(group))
                out += rows.map { .row($0) }
            }
        }
        // Sorted by a column: the rows in that order, without the group headings.
        let sort = shared.sort(table: Self.table, columns: Self.columns)
        let rows = out.filter { if case .row = $0 { true } else { false } }
        if let sorted = TableSort.sorted(rows, columns: Self.columns, by: sort, row: { row($0, shared) }) { out = sorted }
        lines = out
        if let keep, let changes,
           let i = lines.firstIndex(where: { if case .row(let k) = $0 { changes.rows[k].indicator.code == keep.0 && changes.rows[k].team == keep.1 } else { false } }) {
            list.select(i)
        }
        list.clamp(count: lines.count, selectable: isSelectable)
    }

    /// Opened for another area (the area picker): from the top.
    public mutating func opened(_ how: PaneOpening, _ shared: SharedState) {
        guard how == .drilled else { return }
        list.reset()
        list.clamp(count: lines.count, selectable: isSelectable)
    }

    /// The table's id for sorting (`SharedState.sorts`).
    static let table = "changes"

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if list.move(command, count: lines.count, page: regions.table.body.height, selectable: isSelectable) { return [] }
        if let sorting = TableSort.intents(command, table: Self.table, model: regions.model, regions: regions.table, shared) { return sorting }
        switch command {
        case .enter:
            guard let row = selectedRow else { return [] }
            // The text filter found the KPI; the league in the detail lists areas, so it starts unfiltered.
            return [.clearTextFilter, .open(.detail, indicator: row.indicator.code)]
        case .chooseComparison:
            return [.pickComparison]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if let sorting = TableSort.headerClick(x: x, y: y, table: Self.table, model: regions.model, regions: regions.table, shared) { return sorting }
        guard case .row(let i)? = regions.table.hit(x: x, y: y), isSelectable(i) else { return [] }
        return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
    }

    public mutating func settle(_ regions: Regions) { list.settle(firstRow: regions.table.firstRow) }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .changes, subject: "\(shared.areaName(shared.area)) \(shared.comparison.slug)", table: regions.model, regions: regions.table)
    }

    public func countSummary(_ shared: SharedState) -> String {
        "\(lines.count { if case .row = $0 { true } else { false } }) of \(changes?.rows.count ?? 0) KPIs"
    }
}
