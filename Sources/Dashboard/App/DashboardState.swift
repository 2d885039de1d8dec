import ScorecardData

/// Text input in progress: a `/` filter, a `:` command or the area picker.
public enum InputMode: Equatable, Sendable {
    case none
    case search(String)
    case command(String)
    case areaPicker(query: String, cursor: Int)
    /// The changes pane's `c`: what to compare with (a period may be typed).
    case comparisonPicker(query: String, cursor: Int)
}

/// A place in the dashboard, kept on the back stack: the pane, the area and KPI, and the pane's
/// own state as it was (its cursor and scroll).
struct Location: Sendable {
    var pane: Pane
    var area: String
    var indicator: String?
    var module: any PaneModule
}

/// One registered pane's value, and the generation of shared state its lists were built for.
struct PaneSlot: Sendable {
    var module: any PaneModule
    var builtFor: Int
}

/// Everything the dashboard shows: the shared state, one value per registered pane, the back
/// stack, text input and the help screen. `update` changes it; `render` draws it. No I/O.
public struct DashboardState: Sendable {
    public internal(set) var shared: SharedState
    /// The pane on screen.
    public internal(set) var pane: Pane
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var input: InputMode = .none
    public internal(set) var showHelp = false
    public internal(set) var shouldQuit = false
    var helpScroll = 0
    var back: [Location] = []
    var slots: [Pane: PaneSlot] = [:]
    /// The area picker is choosing area B (`B`), not an area to open.
    var pickingAreaB = false
    /// The key before the last one (for two-key sequences such as `gg`).
    var previousKey: Key?

    /// The dashboard on `dataset` at `width`×`height`, showing `pane` for `area` (default: the
    /// area with the most series, Kent in the bundled data) and `indicator`.
    public init(dataset: Dataset, width: Int = 80, height: Int = 24, pane: Pane = .scorecard, area: String? = nil,
                indicator: String? = nil, ascii: Bool = false) {
        shared = SharedState(dataset: dataset, area: area, indicator: indicator, ascii: ascii)
        self.pane = PaneRegistry.panes.contains(pane) ? pane : .scorecard
        self.width = max(0, width)
        self.height = max(0, height)
        for m in PaneRegistry.modules { slots[m.info.pane] = PaneSlot(module: m.init(), builtFor: -1) }
        if shared.indicator == nil {
            // The KPI of the first scorecard row, so the detail pane has something to show.
            let first = dataset.seriesIDs(area: shared.area).first.map { dataset.series($0).indicator }
            shared.indicator = first ?? dataset.indicators.first?.code
        }
        refresh()
        open(self.pane, .drilled)
    }

    // MARK: What tests and the executable read

    public var dataset: Dataset { shared.dataset }
    public var area: String { shared.area }
    public var indicator: String? { shared.indicator }
    public var rootArea: String { shared.rootArea }
    public var ragFilter: Set<RAG> { shared.ragFilter }
    public var textFilter: String { shared.textFilter }
    public var glyphs: Glyphs { shared.glyphs }
    public var message: String? { shared.message }
    public var messageIsError: Bool { shared.messageIsError }
    public var themeName: String { shared.themeName }
    public var reloadedAt: String? { shared.reloadedAt }
    /// The reload running in the background, if any.
    public var reload: ReloadStatus? { shared.reload }
    public var changedSeries: Set<String> { shared.changedSeries }

    /// The value of one pane (for tests and the status line).
    public func module<M: PaneModule>(_ type: M.Type) -> M {
        // Every registered pane has a slot from init on.
        guard let m = slots[M.info.pane]?.module as? M else { return M() }
        return m
    }

    // MARK: Panes

    /// The screen's layout at this size.
    var screen: ScreenLayout { ScreenLayout(width: width, height: height) }

    /// Rebuilds the current pane's lists if the shared state changed since they were built.
    mutating func refresh() {
        guard var slot = slots[pane], slot.builtFor != shared.generation else { return }
        slot.module = Self.rebuilt(slot.module, shared)
        slot.builtFor = shared.generation
        slots[pane] = slot
    }

    /// Shows `p`: its lists rebuilt for the shared state, its cursor placed.
    mutating func open(_ p: Pane, _ how: PaneOpening) {
        guard slots[p] != nil else { return }
        pane = p
        refresh()
        if var slot = slots[p] {
            slot.module = Self.opened(slot.module, how, shared)
            slots[p] = slot
        }
        settle()
    }

    /// Lets the current pane keep the scroll position its layout settled on.
    mutating func settle() {
        guard var slot = slots[pane] else { return }
        slot.module = Self.settled(slot.module, body: screen.body, shared)
        slots[pane] = slot
    }

    /// Runs a command on the current pane; nil when it means nothing there.
    mutating func performOnPane(_ command: Command) -> [PaneIntent]? {
        refresh()
        guard var slot = slots[pane] else { return nil }
        let (module, intents) = Self.performed(slot.module, command, body: screen.body, shared)
        slot.module = module
        slots[pane] = slot
        settle()
        return intents
    }

    /// A click in the current pane's body.
    mutating func clickOnPane(x: Int, y: Int) -> [PaneIntent] {
        refresh()
        guard var slot = slots[pane] else { return [] }
        let (module, intents) = Self.clicked(slot.module, x: x, y: y, body: screen.body, shared)
        slot.module = module
        slots[pane] = slot
        settle()
        return intents
    }

    /// The current pane's export.
    func exportFromPane() -> PaneExport? {
        guard let slot = slots[pane] else { return nil }
        return Self.exported(slot.module, body: screen.body, shared)
    }

    /// The current pane's count for the status line.
    var countSummary: String { slots[pane].map { $0.module.countSummary(shared) } ?? "" }

    // MARK: Opening the existential (each helper works on one concrete pane type)

    static func rebuilt<M: PaneModule>(_ m: M, _ shared: SharedState) -> any PaneModule {
        var m = m
        m.rebuild(shared)
        return m
    }

    static func opened<M: PaneModule>(_ m: M, _ how: PaneOpening, _ shared: SharedState) -> any PaneModule {
        var m = m
        m.opened(how, shared)
        return m
    }

    static func settled<M: PaneModule>(_ m: M, body: Rect, _ shared: SharedState) -> any PaneModule {
        var m = m
        m.settle(m.regions(in: body, shared))
        return m
    }

    static func performed<M: PaneModule>(_ m: M, _ command: Command, body: Rect, _ shared: SharedState) -> (any PaneModule, [PaneIntent]?) {
        var m = m
        let intents = m.perform(command, m.regions(in: body, shared), shared)
        return (m, intents)
    }

    static func clicked<M: PaneModule>(_ m: M, x: Int, y: Int, body: Rect, _ shared: SharedState) -> (any PaneModule, [PaneIntent]) {
        var m = m
        let intents = m.click(x: x, y: y, m.regions(in: body, shared), shared)
        return (m, intents)
    }

    static func exported<M: PaneModule>(_ m: M, body: Rect, _ shared: SharedState) -> PaneExport? {
        m.export(m.regions(in: body, shared), shared)
    }

    static func drawn<M: PaneModule>(_ m: M, body: Rect, _ shared: SharedState, into c: inout Canvas) {
        m.draw(m.regions(in: body, shared), into: &c, shared)
    }
}
