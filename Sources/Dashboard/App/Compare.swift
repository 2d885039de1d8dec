import ScorecardData

/// One choice of the area picker: an area, or an area with its statistical neighbours.
public struct AreaChoice: Equatable, Sendable {
    public var area: Area
    /// Open the area beside its neighbours (KPI detail's neighbour league) rather than alone.
    public var withNeighbours: Bool
}

/// How the dashboard compares areas as a whole: `--compare` and `:compare` (the areas on KPI
/// detail's chart), and the area picker's "with its neighbours".
extension DashboardState {
    /// The areas compared with the one shown on KPI detail's chart, in the order added.
    public var comparedAreas: [String] { module(DetailPane.self).compared }

    /// Compares areas (codes from the data) with the one shown on KPI detail's chart, as
    /// `--compare` does: the first `DetailPane.maxCompared`, each once; none clears them.
    public mutating func compare(areas codes: [String]) {
        updateDetail { $0.setCompared(codes) }
        refresh()
        settle()
    }

    /// `:compare A,B`: the areas named (as `:area` finds them) on KPI detail's chart, which it
    /// opens; `:compare` alone clears them.
    mutating func compareCommand(_ argument: String) {
        let named = shared.dataset.areas(inList: argument)
        if let unknown = named.unknown {
            say("no area '\(unknown)'", isError: true)
            return
        }
        let codes = named.areas.map(\.code).filter { $0 != shared.area }
        guard codes.count <= DetailPane.maxCompared else {
            say("at most \(DetailPane.maxCompared) areas are compared, not \(codes.count)", isError: true)
            return
        }
        compare(areas: codes)
        switchPane(to: .detail)
        say(codes.isEmpty ? "no areas compared" : "comparing \(codes.map(shared.areaName).joined(separator: ", ")) with \(shared.areaName(shared.area)) (- clears)")
    }

    /// The picker's choices for a query: each area with figures whose name or code matches, and
    /// after each that has statistical neighbours, that area with its neighbours.
    public func pickerChoices(_ query: String) -> [AreaChoice] {
        pickerAreas(query).flatMap { area in
            [AreaChoice(area: area, withNeighbours: false)]
                + (pickingAreaB || shared.dataset.neighbours.of(area.code).isEmpty ? [] : [AreaChoice(area: area, withNeighbours: true)])
        }
    }

    /// Opens a picker choice: the area's scorecard (its KPI detail when that is on screen), or
    /// the area beside its neighbours.
    mutating func open(_ choice: AreaChoice) {
        if choice.withNeighbours { openWithNeighbours(choice.area.code) } else { openArea(choice.area.code) }
    }

    /// Opens KPI detail on an area beside its statistical neighbours, as `report --neighbours`
    /// lists them: the league of the area and its neighbours (their ranks among them, the
    /// neighbours' median, each one's national rank and quartile), on the KPI shown when the
    /// neighbours have it, else the area's first KPI that they have.
    mutating func openWithNeighbours(_ code: String) {
        let ds = shared.dataset
        let neighbours = ds.neighbours.of(code).map(\.neighbour)
        func compares(_ indicator: String) -> Bool {
            ds.seriesID(area: code, indicator: indicator) != nil && neighbours.contains { ds.seriesID(area: $0, indicator: indicator) != nil }
        }
        let indicator = shared.indicator.flatMap { compares($0) ? $0 : nil }
            ?? ds.seriesIDs(area: code).map { ds.series($0).indicator }.first(where: compares)
        guard let indicator else {
            say("\(shared.areaName(code))'s neighbours have none of its KPIs", isError: true)
            return
        }
        apply([.open(.detail, area: code, indicator: indicator)])
        updateDetail { $0.scope = .neighbours }
        open(.detail, .drilled)
        say("\(shared.areaName(code)) and its \(neighbours.count) statistical neighbours (s: all authorities)")
    }

    /// A pane value from the back stack, with KPI detail's compared areas as they are now: going
    /// back returns to a place, it does not take areas off the chart.
    func keepingCompared(_ module: any PaneModule) -> any PaneModule {
        guard var detail = module as? DetailPane else { return module }
        detail.compared = comparedAreas
        return detail
    }

    /// Changes KPI detail's state; it rebuilds its lists before it is drawn again.
    mutating func updateDetail(_ change: (inout DetailPane) -> Void) {
        guard var slot = slots[.detail], var detail = slot.module as? DetailPane else { return }
        change(&detail)
        slot.module = detail
        slot.builtFor = -1
        slots[.detail] = slot
    }
}
