import ScorecardData

/// A place in the dashboard, kept on the back stack.
public struct Location: Equatable, Sendable {
    public var pane: Pane
    public var area: String
    public var indicator: String?
    public var cursor: Int
    public var scroll: Int
    public var column: Int
}

/// A line of the scorecard list: a group heading or a series.
public enum ListLine: Equatable, Sendable {
    case heading(String)
    case series(Int)
}

/// Text input in progress: a `/` filter or a `:` command.
public enum InputMode: Equatable, Sendable {
    case none
    case search(String)
    case command(String)
    case areaPicker(query: String, cursor: Int)
}

/// Everything the dashboard shows. `update` changes it; `render` draws it. No I/O.
public struct DashboardState: Sendable {
    public internal(set) var dataset: Dataset
    public var width: Int
    public var height: Int
    public var pane: Pane
    /// The area whose scorecard (and detail) is shown.
    public var area: String
    /// The KPI of the detail pane and the districts matrix' selected column.
    public var indicator: String?
    /// The root area whose children are the "districts" (Kent in the bundled data).
    public var rootArea: String
    public var cursor = 0
    public var scroll = 0
    /// Column in the districts matrix; period in the detail chart.
    public var column = 0
    public var columnScroll = 0
    public var back: [Location] = []
    public var ragFilter: Set<RAG> = []
    public var textFilter = ""
    public var input: InputMode = .none
    public var showHelp = false
    public var helpScroll = 0
    /// A one-line message for the status bar (export done, reload failed …).
    public var message: String?
    public var messageIsError = false
    public var themeName = "default"
    public var glyphs: Glyphs
    /// When the data was last (re)loaded, as text for the status line.
    public var reloadedAt: String?
    /// Keys (series id + row period) whose values changed in the last reload.
    public var changedSeries: Set<String> = []
    public var shouldQuit = false

    /// Cached lists, rebuilt when data, area or filters change.
    public internal(set) var scorecardLines: [ListLine] = []
    public internal(set) var districtAreas: [String] = []
    public internal(set) var districtIndicators: [String] = []
    public internal(set) var leagueSeries: [Int] = []
    /// EHCP pane: the districts' headline series, worst first.
    public internal(set) var ehcpSeries: [Int] = []
    /// Therapy pane: the districts listed with their providers.
    public internal(set) var therapyDistricts: [String] = []
    /// RAG per (district row, indicator column), worst over teams; -1 none.
    public internal(set) var matrix: [[Int8]] = []

    public init(dataset: Dataset, width: Int = 80, height: Int = 24, pane: Pane = .scorecard, area: String? = nil,
                indicator: String? = nil, ascii: Bool = false) {
        self.dataset = dataset
        self.width = width
        self.height = height
        self.pane = pane
        let root = dataset.defaultArea?.code ?? dataset.areas.first?.code ?? ""
        self.rootArea = root
        self.area = area ?? root
        self.indicator = indicator
        self.glyphs = Glyphs(ascii: ascii)
        rebuild()
        if self.indicator == nil { self.indicator = selectedSeries.map { dataset.series($0).indicator } ?? dataset.indicators.first?.code }
        if pane == .districts, let ind = indicator, let i = districtIndicators.firstIndex(of: ind) { column = i }
        if pane == .detail { rebuildLeague() }
    }

    // MARK: Derived

    /// The series under the cursor in the scorecard.
    public var selectedSeries: Int? {
        guard cursor >= 0, cursor < scorecardLines.count, case .series(let s) = scorecardLines[cursor] else { return nil }
        return s
    }

    /// True while a RAG or text filter is on.
    public var isFiltering: Bool { !ragFilter.isEmpty || !textFilter.isEmpty }

    /// Smart case: case-insensitive unless the filter has a capital letter.
    func matchesText(_ haystacks: [String]) -> Bool {
        guard !textFilter.isEmpty else { return true }
        let caseSensitive = textFilter.contains { $0.isUppercase }
        let needle = caseSensitive ? textFilter : textFilter.lowercased()
        return haystacks.contains { (caseSensitive ? $0 : $0.lowercased()).contains(needle) }
    }

    func matchesRAG(_ rag: RAG?) -> Bool {
        guard !ragFilter.isEmpty else { return true }
        guard let rag else { return false }
        return ragFilter.contains(rag)
    }

    /// The rating a series shows: that of its latest row.
    public func latestRAG(series s: Int) -> RAG? { dataset.latestRow(series: s).flatMap { dataset.rag(row: $0) } }

    // MARK: Rebuilding cached lists

    /// Rebuilds every cached list after data, area or filters changed, keeping the cursor on the
    /// same series where it can.
    mutating func rebuild() {
        let previous = selectedSeries.map { dataset.series($0) }
        rebuildScorecard()
        rebuildDistricts()
        rebuildLeague()
        rebuildSEND()
        if let previous, let s = dataset.seriesID(area: previous.area, indicator: previous.indicator, team: previous.team),
           let i = scorecardLines.firstIndex(of: .series(s)) {
            cursor = i
        }
        clampCursor()
    }

    mutating func rebuildScorecard() {
        var lines: [ListLine] = []
        var lastGroup: String?
        for s in dataset.seriesIDs(area: area) {
            let info = dataset.series(s)
            guard let ind = dataset.indicator(info.indicator) else { continue }
            guard matchesRAG(latestRAG(series: s)), matchesText([ind.code, ind.name, info.team ?? "", ind.group]) else { continue }
            if ind.group != lastGroup {
                lines.append(.heading(ind.group.isEmpty ? "Indicators" : ind.group))
                lastGroup = ind.group
            }
            lines.append(.series(s))
        }
        scorecardLines = lines
    }

    /// Districts: the children of the root area with data; indicators: those any district has.
    mutating func rebuildDistricts() {
        let children = dataset.children(of: rootArea).filter { !dataset.seriesIDs(area: $0.code).isEmpty }
        var indicatorSet = Set<String>()
        for c in children { for s in dataset.seriesIDs(area: c.code) { indicatorSet.insert(dataset.series(s).indicator) } }
        let allIndicators = dataset.indicators.map(\.code).filter { indicatorSet.contains($0) }
        let shownIndicators = allIndicators.filter { code in
            guard let ind = dataset.indicator(code) else { return false }
            return matchesText([ind.code, ind.name, ind.group])
        }
        var rows: [String] = []
        var cells: [[Int8]] = []
        let selected = indicator.flatMap { shownIndicators.firstIndex(of: $0) } ?? min(column, max(0, shownIndicators.count - 1))
        for c in children {
            var row: [Int8] = []
            row.reserveCapacity(shownIndicators.count)
            for code in shownIndicators { row.append(worstRAG(area: c.code, indicator: code)?.rawValue ?? -1) }
            // The RAG filter keeps districts rated the chosen colours on the selected KPI.
            if !ragFilter.isEmpty {
                let rag = shownIndicators.isEmpty ? nil : RAG(rawValue: row[selected])
                if !matchesRAG(rag) { continue }
            }
            rows.append(c.code)
            cells.append(row)
        }
        districtAreas = rows
        districtIndicators = shownIndicators
        matrix = cells
    }

    /// The worst latest rating over an area's series (teams) of one indicator.
    public func worstRAG(area: String, indicator: String) -> RAG? {
        var worst: RAG?
        for s in [dataset.seriesID(area: area, indicator: indicator)].compactMap({ $0 }) + teamSeries(area: area, indicator: indicator) {
            if let r = latestRAG(series: s), worst == nil || r < worst! { worst = r }
        }
        return worst
    }

    /// The team series of an area for an indicator.
    public func teamSeries(area: String, indicator: String) -> [Int] {
        dataset.seriesIDs(area: area).filter {
            let info = dataset.series($0)
            return info.indicator == indicator && info.team != nil
        }
    }

    /// The league: every series of the KPI among the root's children, best first by polarity.
    mutating func rebuildLeague() {
        guard let code = indicator, let ind = dataset.indicator(code) else { leagueSeries = []; return }
        let members = Set(dataset.children(of: rootArea).map(\.code))
        var entries: [(Int, Double?)] = []
        for s in dataset.seriesIDs(indicator: code) {
            let info = dataset.series(s)
            guard members.contains(info.area) else { continue }
            let rag = latestRAG(series: s)
            guard matchesRAG(rag) else { continue }
            let area = dataset.area(code: info.area)?.name ?? info.area
            guard matchesText([area, info.team ?? ""]) else { continue }
            entries.append((s, dataset.latestRow(series: s).flatMap { dataset.value(row: $0) }))
        }
        entries.sort { a, b in
            switch (a.1, b.1) {
            case let (x?, y?):
                if x == y { return a.0 < b.0 }
                switch ind.polarity {
                case .high: return x > y
                case .low: return x < y
                case .target:
                    let mid = ((ind.targetLow ?? ind.target ?? 0) + (ind.targetHigh ?? ind.target ?? 0)) / 2
                    return abs(x - mid) < abs(y - mid)
                }
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0 < b.0
            }
        }
        leagueSeries = entries.map(\.0)
    }

    /// The EHCP and therapy lists.
    mutating func rebuildSEND() {
        let children = dataset.children(of: rootArea)
        var entries: [(Int, Double)] = []
        for c in children {
            guard let sid = dataset.seriesID(area: c.code, indicator: EHCPStatement.headline) else { continue }
            let rag = latestRAG(series: sid)
            guard matchesRAG(rag), matchesText([c.name, c.code]) else { continue }
            entries.append((sid, dataset.latestRow(series: sid).flatMap { dataset.value(row: $0) } ?? -Double.infinity))
        }
        ehcpSeries = entries.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        therapyDistricts = children.filter { matchesText([$0.name, $0.code]) }.map(\.code)
    }

    /// The number of selectable rows in the current pane.
    var rowCount: Int {
        switch pane {
        case .scorecard: scorecardLines.count
        case .districts: districtAreas.count
        case .detail: leagueSeries.count
        case .ehcp: ehcpSeries.count
        case .therapy: therapyDistricts.count
        }
    }

    mutating func clampCursor() {
        let n = rowCount
        if n == 0 { cursor = 0; scroll = 0; return }
        cursor = min(max(0, cursor), n - 1)
        if pane == .scorecard, case .heading = scorecardLines[cursor] {
            if let next = scorecardLines[cursor...].firstIndex(where: { if case .series = $0 { true } else { false } }) {
                cursor = next
            } else if let prev = scorecardLines[..<cursor].lastIndex(where: { if case .series = $0 { true } else { false } }) {
                cursor = prev
            }
        }
        if pane == .districts { column = min(max(0, column), max(0, districtIndicators.count - 1)) }
    }
}
