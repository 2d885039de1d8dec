/// Interns strings to small integer ids, so columns of repeated text cost four bytes a row.
public struct StringPool: Sendable {
    public private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The id of `string`, adding it if new.
    public mutating func intern(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    /// The id of `string` if it has been interned.
    public func id(of string: String) -> Int32? { ids[string] }

    @inline(__always) public subscript(id: Int32) -> String { strings[Int(id)] }

    /// The string for an optional id (-1 means none).
    @inline(__always) public func optional(_ id: Int32) -> String? { id < 0 ? nil : strings[Int(id)] }

    public var count: Int { strings.count }
}
