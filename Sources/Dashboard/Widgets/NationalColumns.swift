import ScorecardData

/// What a table of local authorities shows of how each compares: a mark on the statistical
/// neighbours of the area looked at, and each authority's national rank and quartile
/// (`Dataset.nationalStanding`, the same as `report`'s `national_rank`, `national_of` and
/// `quartile`). The national league in KPI detail and the EHCP pane's neighbours use it.
struct NationalColumns {
    /// The mark column (one cell, no title), exported as the neighbour's place in neighbours.csv.
    static let neighbourColumn = TableColumn("neighbour", "", .fixed(1), export: ["neighbour"])

    /// `National` (rank/of) and `Q` (quartile), dropped before the names on a narrow screen.
    static let standingColumns = [
        TableColumn("national_rank", "National", align: .right, .fit(max: 9), priority: 1, export: ["national_rank", "national_of"]),
        TableColumn("quartile", "Q", .fit(min: 2, max: 2), priority: 1, export: ["quartile"]),
    ]

    let dataset: Dataset
    /// Each neighbour's place among the area's neighbours (1 = the closest), by area code.
    let neighbours: [String: Int]

    /// The columns' cells for the area looked at (`DetailPane.neighbourArea`).
    init(_ shared: SharedState) {
        dataset = shared.dataset
        let area = DetailPane.neighbourArea(shared)
        neighbours = Dictionary(area.map { shared.dataset.neighbours.of($0) }?.map { ($0.neighbour, $0.rank) } ?? [], uniquingKeysWith: min)
    }

    /// True when the area looked at has neighbours to mark.
    var marksNeighbours: Bool { !neighbours.isEmpty }

    /// The mark cell: `≈` on a neighbour of the area.
    func neighbourCell(area: String, glyphs: Glyphs) -> TableCell {
        guard let rank = neighbours[area] else { return TableCell("", export: [""]) }
        return TableCell(glyphs[.neighbour], role: .muted, marks: [.neighbour], export: [String(rank)], keepsRole: true, sort: .number(Double(rank)))
    }

    /// The rank and quartile cells of a row's figure (empty where it has no national standing).
    func standingCells(row: Int?) -> [TableCell] {
        guard let standing = row.flatMap({ dataset.nationalStanding(row: $0) }) else {
            return [TableCell("", export: ["", ""]), TableCell("", export: [""])]
        }
        return [TableCell("\(standing.rank)/\(standing.of)", role: .muted, export: [String(standing.rank), String(standing.of)], sort: .number(Double(standing.rank))),
                TableCell("Q\(standing.quartile)", role: Self.role(standing), export: [String(standing.quartile)], sort: .number(Double(standing.quartile)))]
    }

    /// `national rank 111/153, Q3`: a standing in words, for a facts line.
    static func words(_ standing: NationalStanding) -> String {
        "national rank \(standing.rank)/\(standing.of), Q\(standing.quartile)"
    }

    /// The best quarter stands out; the others are muted.
    static func role(_ standing: NationalStanding) -> StyleRole { standing.quartile == 1 ? .highlight : .muted }
}
