/// One statistical neighbour of an area: a row of neighbours.csv (e.g. the DfE's children's
/// services statistical neighbours, or CIPFA nearest neighbours).
public struct Neighbour: Hashable, Sendable {
    /// The area whose neighbour this is (a code from areas.csv).
    public var area: String
    /// The neighbouring area (a code from areas.csv).
    public var neighbour: String
    /// How close it is among the area's neighbours: 1 is the closest.
    public var rank: Int
    /// The source's closeness band, e.g. `Very close`, if it gives one.
    public var closeness: String?

    public init(area: String, neighbour: String, rank: Int, closeness: String? = nil) {
        self.area = area
        self.neighbour = neighbour
        self.rank = rank
        self.closeness = closeness
    }
}

/// Every area's neighbours, closest first, found by area code.
public struct NeighbourSets: Sendable, Equatable {
    /// Every row, in the order the files give them.
    public let all: [Neighbour]
    private let byArea: [String: [Neighbour]]
    /// The areas that have neighbours, in order of first appearance.
    public let areas: [String]

    public init(_ rows: [Neighbour] = []) {
        all = rows
        var grouped: [String: [Neighbour]] = [:]
        var order: [String] = []
        for n in rows {
            if grouped[n.area] == nil { order.append(n.area) }
            grouped[n.area, default: []].append(n)
        }
        byArea = grouped.mapValues { list in list.sorted { $0.rank < $1.rank } }
        areas = order
    }

    /// The neighbours of `area`, closest first (empty when it has none).
    public func of(_ area: String) -> [Neighbour] { byArea[area] ?? [] }
}
