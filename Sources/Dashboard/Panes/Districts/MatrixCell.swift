import ScorecardData

/// What one cell of the districts matrix (and its tile) shows for a district and a KPI: the worst
/// latest rating of the district's own figures — its own and those of teams serving only it —
/// and where it came from; where those give no rating, that of the teams it shares with other
/// districts (a children's social work team serving two), marked as theirs and not counted in
/// the district's own R/A/G.
public struct MatrixCell: Equatable, Sendable {
    public var rating: ShownRating
    /// The latest row whose rating the cell shows (its figure is the tile's).
    public var row: Int?
    /// True when the rating is a shared team's, not the district's own.
    public var isSharedTeam: Bool

    public static let empty = MatrixCell(rating: .none, row: nil, isSharedTeam: false)

    /// The district's own rating of the KPI, for its R/A/G counts: nil for a shared team's.
    public var ownRAG: RAG? { isSharedTeam ? nil : rating.rag }

    /// True when the cell shows a rating (or target missed) that is a shared team's.
    var showsTeamRating: Bool { isSharedTeam && (rating.rag != nil || rating.isUndecided) }

    /// The mark drawn after the cell's glyph: ⋈ for a shared team's rating, ʳ for one by rule.
    public var suffix: Mark? { showsTeamRating ? .sharedTeam : rating.isByRule ? .byRule : nil }

    /// The cell's marks: the rating's (and ⋈ for a shared team's).
    public var marks: [Mark] { rating.marks + (showsTeamRating ? [.sharedTeam] : []) }

    /// Its style role: the rating's colour; an empty tile's when there is nothing to rate.
    public var role: StyleRole { rating.rag == nil && !rating.isUndecided ? .tileEmpty : rating.role }

    /// The cells of one district for the KPIs in `columns` (KPI code → column, 0 up to their
    /// count): one pass over the district's series.
    static func cells(_ ds: Dataset, area: String, columns: [String: Int]) -> [MatrixCell] {
        var own = [MatrixCell?](repeating: nil, count: columns.count)
        var team = own
        for s in ds.seriesIDs(area: area) {
            guard let k = columns[ds.series(s).indicator] else { continue }
            let row = ds.latestRow(series: s)
            let cell = MatrixCell(rating: ShownRating(ds, row: row), row: row, isSharedTeam: ds.isSharedTeam(series: s))
            if cell.isSharedTeam { team[k] = team[k].map { $0.worse(cell) } ?? cell } else { own[k] = own[k].map { $0.worse(cell) } ?? cell }
        }
        return (0..<columns.count).map { k in
            // The district's own rating first; a shared team's only where its own say nothing.
            if let o = own[k], o.rating.rag != nil || o.rating.isUndecided || team[k] == nil { return o }
            return team[k] ?? .empty
        }
    }

    /// The worse of two cells (see `ShownRating.worse`).
    func worse(_ other: MatrixCell) -> MatrixCell { rating.worse(other.rating) == rating ? self : other }

    /// The matrix' cell: the glyph; ʳ (by rule) or ⋈ (a shared team's) after it, in the gap
    /// (see `DistrictsPane.draw`).
    func tableCell(_ g: Glyphs) -> TableCell {
        TableCell(String(g.glyph(rating)), role: role, marks: marks, export: rating.exportFields, keepsRole: true,
                  sort: .rating(rating.rag, source: rating.source))
    }
}
