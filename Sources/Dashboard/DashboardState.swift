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
    /// Limit a national league to the root area's region (`s`).
    public var leagueRegionOnly = false
    /// What the EHCP pane shows under its chart when it is too narrow for all of it (`v`).
    public var ehcpView = EHCPLowerView.districts
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
        if pane == .detail {
            rebuildLeague()
            let here = self.area
            cursor = leagueSeries.firstIndex { dataset.series($0).area == here } ?? 0
            keepCursorVisible()
        }
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
        if let found = TextSearch.asciiMatch(haystacks, filter: textFilter) { return found }
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
        rebuild(onlyCurrentPane: false)
    }

    /// Rebuilds the lists; with `onlyCurrentPane`, just the list on screen (typing a filter
    /// re-filters one list per key; every pane switch and drill-down rebuilds what it shows).
    mutating func rebuild(onlyCurrentPane: Bool) {
        let previous = selectedSeries.map { dataset.series($0) }
        let all = !onlyCurrentPane
        if all || pane == .scorecard { rebuildScorecard() }
        if all || pane == .districts { rebuildDistricts() }
        if all || pane == .detail { rebuildLeague() }
        if all || pane == .ehcp || pane == .therapy { rebuildSEND() }
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
            let ind = dataset.indicator(series: s)
            guard matchesRAG(latestRAG(series: s)), textFilter.isEmpty || matchesText([ind.code, ind.name, info.team ?? "", ind.group]) else { continue }
            if ind.group != lastGroup {
                lines.append(.heading(ind.group.isEmpty ? "Indicators" : ind.group))
                lastGroup = ind.group
            }
            lines.append(.series(s))
        }
        scorecardLines = lines
    }

    /// Districts: the children of the root area with data; indicators: those any district has.
    /// The ratings come precomputed from the dataset, so filtering as you type stays instant at
    /// England scale (160 areas by 60 indicators).
    mutating func rebuildDistricts() {
        // Each child with data, with its worst latest rating per indicator position (-2: no series).
        let areas = dataset.children(of: rootArea), ratings = dataset.latestRatings(childrenOf: rootArea)
        let children = areas.indices.filter { ratings[$0].contains { $0 != -2 } }.map { (code: areas[$0].code, ratings: ratings[$0]) }
        let allPositions = dataset.indicators.indices.filter { p in children.contains { $0.ratings[p] != -2 } }
        let shownPositions = allPositions.filter { p in
            let ind = dataset.indicators[p]
            return textFilter.isEmpty || matchesText([ind.code, ind.name, ind.group])
        }
        let shownIndicators = shownPositions.map { dataset.indicators[$0].code }
        var rows: [String] = []
        var cells: [[Int8]] = []
        let selected = indicator.flatMap { shownIndicators.firstIndex(of: $0) } ?? min(column, max(0, shownIndicators.count - 1))
        for c in children {
            let row = shownPositions.map { max(c.ratings[$0], -1) }
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
        dataset.worstLatestRAG(area: area, indicator: indicator)
    }

    /// The team series of an area for an indicator.
    public func teamSeries(area: String, indicator: String) -> [Int] {
        dataset.seriesIDs(area: area, indicator: indicator).filter { dataset.series($0).team != nil }
    }

    /// The league: every series of the KPI among the root's children, best first by polarity.
    mutating func rebuildLeague() {
        guard let code = indicator, let ind = dataset.indicator(code) else { leagueSeries = []; return }
        var entries: [(Int, Double?)] = []
        for (s, area) in leagueCandidates(indicator: code) {
            let rag = latestRAG(series: s)
            guard matchesRAG(rag) else { continue }
            guard textFilter.isEmpty || matchesText([area.name, dataset.series(s).team ?? ""]) else { continue }
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
        // Whether each district passes the text filter: both lists need it.
        let shown = children.map { textFilter.isEmpty || matchesText([$0.name, $0.code]) }
        var entries: [(Int, Double)] = []
        for (k, own) in dataset.ownSeries(childrenOf: rootArea, indicator: EHCPStatement.headline).enumerated() {
            guard let sid = own else { continue }
            let rag = latestRAG(series: sid)
            guard matchesRAG(rag), shown[k] else { continue }
            entries.append((sid, dataset.latestRow(series: sid).flatMap { dataset.value(row: $0) } ?? -Double.infinity))
        }
        ehcpSeries = entries.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        therapyDistricts = children.indices.filter { shown[$0] }.map { children[$0].code }
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

/// Case-insensitive search without allocating, for the common case of ASCII text. Filtering
/// re-runs over every KPI and area on each keystroke; lower-casing each name into a new String
/// cost more than the rest of a rebuild.
enum TextSearch {
    /// Whether any haystack contains the filter, smart case (case-insensitive unless the filter
    /// has a capital letter), exactly as `lowercased().contains(_:)` answers for ASCII text; nil
    /// when the filter or a haystack is not plain ASCII, to be answered the general way.
    static func asciiMatch(_ haystacks: [String], filter: String) -> Bool? {
        var filter = filter
        return filter.withUTF8 { needle -> Bool? in
            guard isPlainASCII(needle) else { return nil }
            let caseSensitive = needle.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            for haystack in haystacks {
                // Native strings lend their UTF-8 in place; any other answers the general way.
                let match = haystack.utf8.withContiguousStorageIfAvailable { contains($0, needle, foldingCase: !caseSensitive) }
                guard let match, let match else { return nil }
                if match { return true }
            }
            return false
        }
    }

    /// ASCII without carriage returns: there every byte is one Character (CR LF would be one).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }
    }

    /// Whether `text` contains `needle` (lower case when `foldingCase`), or nil when `text` is
    /// not plain ASCII. One pass: every byte is checked, a match does not end the scan.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, foldingCase: Bool) -> Bool? {
        @inline(__always) func fold(_ b: UInt8) -> UInt8 {
            foldingCase && b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
        }
        guard !needle.isEmpty else { return isPlainASCII(text) ? true : nil }
        // Look for the first byte in either case, then compare the rest.
        let first = needle[0]
        let firstUpper = foldingCase && first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 32 : first
        var found = false
        for start in 0..<text.count {
            let b = text[start]
            if b >= 0x80 || b == UInt8(ascii: "\r") { return nil }
            guard !found, b == first || b == firstUpper, start + needle.count <= text.count else { continue }
            var k = 1
            while k < needle.count && fold(text[start + k]) == needle[k] { k += 1 }
            found = k == needle.count
        }
        return found
    }
}
