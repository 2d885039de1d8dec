/// What `report --neighbours` adds to a row: where the figure's area sits among an area and its
/// statistical neighbours, and the neighbours' mean and median (repeated on each row of the
/// group, so every row stands alone in CSV and JSON).
public struct NeighbourFigures: Sendable, Equatable {
    /// The area's place in neighbours.csv (1 = the closest); nil for the area itself.
    public var neighbour: Int?
    /// The neighbour's closeness band, if the file gives one.
    public var closeness: String?
    /// The figure's rank among the area and its neighbours with a figure (polarity-aware, ties
    /// share the better rank); nil without a figure.
    public var rank: Int?
    /// How many of the area and its neighbours have a figure.
    public var of: Int
    /// The mean and median of the neighbours' figures (the area itself left out); nil when no
    /// neighbour has one.
    public var mean: Double?
    public var median: Double?
    /// The indicator's polarity: which way the ranks run.
    public var polarity: Polarity

    public init(neighbour: Int?, closeness: String?, rank: Int?, of: Int, mean: Double?, median: Double?, polarity: Polarity) {
        self.neighbour = neighbour
        self.closeness = closeness
        self.rank = rank
        self.of = of
        self.mean = mean
        self.median = median
        self.polarity = polarity
    }
}
