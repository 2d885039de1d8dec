/// A place that has figures: England, a region, a county, a district, a local authority.
public struct Area: Hashable, Sendable {
    /// The code other files refer to (an ONS GSS code such as `E10000016` for Kent).
    public var code: String
    public var name: String
    /// The code of the containing area, or nil at the top of the hierarchy.
    public var parent: String?
    /// What sort of area this is (`country`, `region`, `county`, `district`, `la` …); free text.
    public var kind: String?
    /// Position on the tile map, if the area has one.
    public var tileRow: Int?
    public var tileColumn: Int?

    public init(code: String, name: String, parent: String? = nil, kind: String? = nil, tileRow: Int? = nil, tileColumn: Int? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
        self.kind = kind
        self.tileRow = tileRow
        self.tileColumn = tileColumn
    }
}
