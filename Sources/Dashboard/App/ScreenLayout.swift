/// The screen's regions for one frame: the tab bar, the breadcrumb line, the pane's body, the
/// legend line and the status line. Drawing and mouse hit-testing both read it.
public struct ScreenLayout: Sendable, Equatable {
    public static let minimumWidth = 50
    public static let minimumHeight = 12
    /// From this height the legend line (what the marks on the pane mean) has a row of its own.
    public static let legendHeight = 16

    public let width: Int
    public let height: Int
    public let tabs: Rect
    public let breadcrumb: Rect
    public let body: Rect
    /// The legend line: one row, or empty on a short screen (then `?` explains the marks).
    public let legend: Rect
    public let status: Rect

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        let rows = Layout.vertical([.length(1), .length(1), .fill(1), .length(height >= Self.legendHeight ? 1 : 0), .length(1)])
            .split(Rect(x: 0, y: 0, width: width, height: height))
        tabs = rows[0]
        breadcrumb = rows[1]
        body = rows[2]
        legend = rows[3]
        status = rows[4]
    }

    /// False below the minimum size: then only "terminal too small" is drawn.
    public var isUsable: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// The brand at the left of the tab bar.
    static let brand = " ragtop"

    /// A tab's label: its number and title (the short title under 100 columns).
    func tabLabel(_ info: PaneInfo) -> String {
        " \(info.pane.number) \(width >= 100 ? info.title : info.shortTitle) "
    }

    /// Each pane's tab, left to right after the brand, one blank between.
    func tabRects() -> [(pane: Pane, rect: Rect)] {
        let start = TextWidth.of(Self.brand) + 1
        let area = Rect(x: start, y: tabs.y, width: max(0, width - start), height: tabs.height)
        let infos = PaneRegistry.infos
        let rects = Layout.horizontal(infos.map { .length(TextWidth.of(tabLabel($0))) }, spacing: 1).split(area)
        return zip(infos, rects).map { ($0.pane, $1) }
    }

    /// The pane whose tab is at (x, y), if any.
    func tab(at x: Int, y: Int, glyphs: Glyphs) -> Pane? {
        tabRects().first { $0.rect.contains(x: x, y: y) }?.pane
    }
}
