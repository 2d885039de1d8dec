/// How the rating shown for a figure was arrived at.
public enum RatingBasis: String, Sendable, CaseIterable {
    /// Published with the figure (observations.csv `rag`): shown as given.
    case published
    /// Computed by ragtop's RAG rule from the value, target and floor (no published rating).
    case rule
}

extension Dataset {
    /// How the rating of a row was arrived at, or nil when the row shows no rating. The one place
    /// the changes query, `diff` and the exceptions pack ask; it is where the published-vs-rule
    /// (and later "undecided") distinction of the rating code is mapped.
    public func ratingBasis(row r: Int) -> RatingBasis? {
        guard rag(row: r) != nil else { return nil }
        return publishedRAG(row: r) != nil ? .published : .rule
    }
}
