/// A semantic style role. Views tag every cell with a role; a theme decides what each role
/// looks like. Roles name meanings (a red RAG rating, a chart's target line), never widgets.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case text
    case muted
    case header
    case title
    case border
    case selection
    case status
    case statusKey = "status.key"
    case breadcrumb
    case error
    case warning
    case changed
    case ragRed = "rag.red"
    case ragAmber = "rag.amber"
    case ragGreen = "rag.green"
    case ragNone = "rag.none"
    case chartLine = "chart.line"
    case chartTarget = "chart.target"
    case chartFloor = "chart.floor"
    case chartBenchmark = "chart.benchmark"
    case chartAxis = "chart.axis"
    /// The areas compared in KPI detail (`+`, `--compare`): one role per series, in the order added.
    case chartCompare1 = "chart.compare1", chartCompare2 = "chart.compare2", chartCompare3 = "chart.compare3", chartCompare4 = "chart.compare4"
    case tileEmpty = "tile.empty"
    case highlight
    case helpKey = "help.key"
}
