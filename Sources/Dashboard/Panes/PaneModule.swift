import ScorecardData

/// A pane's identity: its name, as `--pane` and `:pane` take it. Each pane declares its own in
/// its folder (`extension Pane { static let scorecard = Pane("scorecard") }`); the order of
/// `PaneRegistry.modules` numbers them.
public struct Pane: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// Every pane, in tab order.
    public static var allCases: [Pane] { PaneRegistry.panes }

    /// The pane's entry in the registry.
    public var info: PaneInfo { PaneRegistry.info(self) }

    /// The digit that selects the pane (1 for the first).
    public var number: Int { (PaneRegistry.panes.firstIndex(of: self) ?? 0) + 1 }

    /// The tab title when there is room ("KPI detail").
    public var title: String { info.title }

    /// The pane named `text` (a name, a unique prefix of one, or its number), or nil.
    public init?(named text: String) {
        let t = text.lowercased()
        if let exact = PaneRegistry.panes.first(where: { $0.name == t }) {
            self = exact
        } else if let n = Int(t), n >= 1, n <= PaneRegistry.panes.count {
            self = PaneRegistry.panes[n - 1]
        } else {
            let prefixed = PaneRegistry.panes.filter { !t.isEmpty && $0.name.hasPrefix(t) }
            guard prefixed.count == 1 else { return nil }
            self = prefixed[0]
        }
    }
}

/// What the tab bar, the help screen and `--help` say about a pane.
public struct PaneInfo: Sendable {
    public let pane: Pane
    /// The tab title when there is room ("KPI detail").
    public let title: String
    /// The tab title on a narrow screen ("Detail").
    public let shortTitle: String
    /// What the pane shows, for the keys table ("KPI detail: chart, periods, league table").
    public let help: String

    public init(_ pane: Pane, title: String, shortTitle: String, help: String) {
        self.pane = pane
        self.title = title
        self.shortTitle = shortTitle
        self.help = help
    }
}

/// What a pane asks the dashboard to do: panes change only themselves; the dashboard owns what
/// they share.
public enum PaneIntent: Equatable, Sendable {
    /// Open `pane`, keeping where we are on the back stack (Esc returns), with a new area or
    /// KPI when given.
    case open(Pane, area: String? = nil, indicator: String? = nil)
    /// Change the shared KPI without moving (the districts matrix' column).
    case selectIndicator(String)
    /// A message for the status line.
    case message(String, isError: Bool = false)
    /// Clear the `/` text filter (it found a KPI; the pane opened next lists something else).
    case clearTextFilter
    /// Ask what to compare with (the changes pane's `c`).
    case pickComparison
    /// Sort the table `table` (a `SortableTable` id) so, or nil: its own order.
    case sort(table: String, ColumnSort?)
}

/// How a pane came to be shown.
public enum PaneOpening: Sendable {
    /// Tab, a digit or `:pane`: the pane keeps its place.
    case switched
    /// Enter (or a click) on another pane's row, `:kpi`, `:area`: the pane shows the new area or
    /// KPI from its start.
    case drilled
}

/// The table `e` writes for a pane: a file name (without the extension) and the CSV.
public struct PaneExport: Sendable, Equatable {
    public var name: String
    public var csv: String

    public init(name: String, csv: String) {
        self.name = name
        self.csv = csv
    }

    /// The export of a table's visible columns and every row, named `ragtop-PANE-SUBJECT`.
    public init(pane: Pane, subject: String, table: TableModel, regions: TableRegions) {
        self.init(name: "ragtop-\(pane.name)-\(PaneExport.slug(subject))",
                  csv: TableLayout.csv(table, columns: regions.columns.map(\.index)))
    }

    /// A file-name-safe form of a name: lower case, letters and digits, dashes between, at most
    /// 60 characters.
    public static func slug(_ s: String) -> String {
        String(String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-").prefix(60))
    }
}

/// One pane: its state, how it reacts (update) and how it draws (view), in its own folder under
/// Panes/. The dashboard holds one value of each registered pane and what they share
/// (`SharedState`).
///
/// A frame: `regions(in:)` lays the pane out once — every rectangle, table column and visible
/// row it draws — into a `Regions` value; `draw` renders from it, and `click` hit-tests the same
/// value, so no offset is written twice. Keys and clicks change the pane and may return intents
/// for the dashboard; `settle` keeps the scroll position the layout chose.
public protocol PaneModule: Sendable {
    /// The pane's layout for one frame.
    associatedtype Regions

    static var info: PaneInfo { get }

    init()

    /// Rebuilds the pane's cached lists from `shared` (the data, area, KPI or filters changed),
    /// keeping the selection on the same item where it can.
    mutating func rebuild(_ shared: SharedState)

    /// The pane is being shown (after `rebuild`): put the cursor where it belongs.
    mutating func opened(_ how: PaneOpening, _ shared: SharedState)

    /// Lays the pane out in `body`.
    func regions(in body: Rect, _ shared: SharedState) -> Regions

    /// Draws the pane from its layout.
    func draw(_ regions: Regions, into c: inout Canvas, _ shared: SharedState)

    /// Carries out a command; nil when it means nothing on this pane.
    mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]?

    /// A click at (x, y) inside the pane's body.
    mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]

    /// Keeps the scroll position the layout settled on.
    mutating func settle(_ regions: Regions)

    /// The table `e` writes: the one the cursor is in, with the columns on screen.
    func export(_ regions: Regions, _ shared: SharedState) -> PaneExport?

    /// "12 of 68 KPIs" for the status line ("" for none).
    func countSummary(_ shared: SharedState) -> String
}

extension PaneModule {
    public mutating func opened(_ how: PaneOpening, _ shared: SharedState) {}
    public func countSummary(_ shared: SharedState) -> String { "" }
}

/// The one list of panes, in tab order. The tabs, `--pane` and `:pane` names, the keys 1–n, the
/// help screen and the pane values the dashboard holds all come from it: adding a pane is its
/// folder and one line here.
public enum PaneRegistry {
    static let modules: [any PaneModule.Type] = [
        ScorecardPane.self, DistrictsPane.self, DetailPane.self, EHCPPane.self, TherapyPane.self, ChangesPane.self,
    ]

    /// Every pane, in tab order.
    public static let panes: [Pane] = modules.map { $0.info.pane }

    /// Every pane's info, in tab order.
    public static let infos: [PaneInfo] = modules.map { $0.info }

    static func info(_ pane: Pane) -> PaneInfo {
        infos.first { $0.pane == pane } ?? PaneInfo(pane, title: pane.name, shortTitle: pane.name, help: pane.name)
    }

    static func module(_ pane: Pane) -> (any PaneModule.Type)? { modules.first { $0.info.pane == pane } }
}
