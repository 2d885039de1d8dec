/// A problem found in a data file, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// What sort of problem a diagnostic is, for grouping (`ragtop check` lists warnings by kind,
    /// with a count and the first few of each).
    public struct Kind: Hashable, Sendable {
        /// A short title for the group, e.g. "published RAG disagrees with the rule".
        public let title: String

        public init(_ title: String) { self.title = title }

        public static let ragDisagrees = Kind("published RAG disagrees with the rule")
        public static let dotDisagrees = Kind("published direction of travel disagrees with the rule")
        public static let unknownColumn = Kind("unknown column ignored")
        public static let countAgainstLargerArea = Kind("a count is rated against a larger area's target")
        public static let statusWithValue = Kind("a status that means no figure, beside a value")
        public static let sharedTeamDiffers = Kind("a team's figures differ between the areas that print them")
        /// Warnings of no particular kind.
        public static let other = Kind("other warnings")
    }

    public var severity: Severity
    /// The file's path as given to the loader.
    public var path: String
    /// 1-based line and column; 0 when the problem is about the file as a whole.
    public var line: Int
    public var column: Int
    public var message: String
    /// What sort of problem it is; nil for one of a kind (grouped as `Kind.other`).
    public var kind: Kind?

    public init(_ severity: Severity, path: String, line: Int, column: Int, _ message: String, kind: Kind? = nil) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    /// `PATH:LINE:COL: error: MESSAGE` (or `warning:`).
    public var description: String {
        "\(path):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics grouped by kind (nil kind as `Kind.other`), groups in order of their first
    /// diagnostic, each group's diagnostics in their order.
    public func groupedByKind() -> [(kind: Diagnostic.Kind, diagnostics: [Diagnostic])] {
        var order: [Diagnostic.Kind] = []
        var groups: [Diagnostic.Kind: [Diagnostic]] = [:]
        for d in self {
            let kind = d.kind ?? .other
            if groups[kind] == nil { order.append(kind) }
            groups[kind, default: []].append(d)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }
}
