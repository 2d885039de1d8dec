import ScorecardData

extension Pane {
    /// Pane 3: one KPI for one area — chart, periods, definition and a league table.
    public static let detail = Pane("detail")
}

/// Pane 3's state and update: the league of the shared KPI (the root's districts, or every
/// local authority for a national KPI), best first, and the cursor in it.
public struct DetailPane: PaneModule {
    public static let info = PaneInfo(.detail, title: "KPI detail", shortTitle: "Detail", help: "KPI detail: chart, periods, league table")

    /// The league's series, best first by the KPI's polarity.
    public internal(set) var league: [Int] = []
    /// Each league member's rank (1 best), whatever order the league is sorted in.
    var rank: [Int: Int] = [:]
    public internal(set) var list = ListPosition()
    /// The notes in place of the league (`n`), and the first note shown there.
    public internal(set) var showNotes = false
    var notesScroll = 0
    /// Which authorities a national league ranks (`s` cycles; the area picker's "with its
    /// neighbours" chooses the neighbours).
    public internal(set) var scope = LeagueScope.all
    /// The areas compared with the one shown on the chart (`+`, `-`, `--compare`), in the order
    /// added; at most `maxCompared`.
    public internal(set) var compared: [String] = []
    /// This rebuild's version, and the league table `regions` built for it (see `ModelMemo`):
    /// moving the cursor lays the league out again without building its rows again.
    var version = 0
    let leagueMemo = ModelMemo<LeagueKey, (TableModel, [Int])>()
    let candidatesMemo = ModelMemo<CandidatesKey, [Candidate]>()
    let periodsMemo = ModelMemo<PeriodsKey, (TableModel, Bool, [Int])>()
    let leagueCellsMemo = ModelMemo<LeagueCellsKey, LeagueCells>()
    let bottomMemo = ModelMemo<BottomKey, BottomParts>()
    let titleMemo = ModelMemo<TitleKey, [String]>()
    /// The league's bars of each length, kept while the bar column narrows and widens.
    let barStrings = BarStrings()

    /// What the league table kept between layouts depends on; its bars, on the table's width.
    struct LeagueKey: Equatable, Sendable {
        var version: Int, scope: LeagueScope, compared: [String], width: Int
    }

    /// A member the league may rank, with what filtering and ranking it reads: the texts a
    /// search looks in (the area's name and the team's), its latest rating and figure.
    struct Candidate: Sendable {
        var series: Int, haystacks: [String], rag: RAG?, value: Double?
    }

    /// What the league's candidates depend on: the data, the root (whose districts they are),
    /// the area (whose neighbours a national league may rank), the KPI and the scope; not the
    /// filters, so typing a search only chooses among the kept candidates.
    struct CandidatesKey: Equatable, Sendable {
        var dataVersion: Int, root: String, area: String, indicator: String, scope: LeagueScope
    }

    /// What the league's cells (all but the rank) depend on: the data, the root (the districts'
    /// league, or a national one), the area looked at (its row stands out, its neighbours are
    /// marked), the KPI (its columns) and the alphabet; not the filters. The scope says which
    /// authorities' cells are kept (a member without kept cells gets them made).
    struct LeagueCellsKey: Equatable, Sendable {
        var dataVersion: Int, root: String, area: String, indicator: String, scope: LeagueScope, glyphs: Glyphs
    }

    /// What the notes' place and lines depend on (`bottomParts`): the data, the area and KPI,
    /// the alphabet, whether they take the league's place and how far they are scrolled, and the
    /// room.
    struct BottomKey: Equatable, Sendable {
        var dataVersion: Int, area: String, indicator: String, glyphs: Glyphs, showNotes: Bool, notesScroll: Int, league: Rect, definition: Rect
    }

    /// The title's lines: the KPI and the area's name (in the data), wrapped to a width.
    struct TitleKey: Equatable, Sendable {
        var dataVersion: Int, area: String, indicator: String, width: Int
    }

    /// What the periods table depends on: the data, the area and KPI shown, the alphabet and
    /// the table's sort (chosen, and the default); not the league's filters, so typing a search
    /// keeps it.
    struct PeriodsKey: Equatable, Sendable {
        var dataVersion: Int, area: String, indicator: String, glyphs: Glyphs, sort: ColumnSort??, defaultSort: ColumnSort?
    }

    public init() {}

    public mutating func rebuild(_ shared: SharedState) {
        version = ModelVersion.next()
        let ds = shared.dataset
        let keep = league.indices.contains(list.cursor) ? ds.series(league[list.cursor]) : nil
        guard let code = shared.indicator, let ind = ds.indicator(code) else { league = []; list.clamp(count: 0); return }
        // A scope the data no longer has (a reload, another area) falls back to all.
        if scope == .neighbours && Self.neighbourArea(shared) == nil || scope == .region && ds.region(of: shared.rootArea) == nil { scope = .all }
        let candidatesKey = CandidatesKey(dataVersion: shared.dataVersion, root: shared.rootArea, area: shared.area, indicator: code, scope: scope)
        let candidates = candidatesMemo.value(candidatesKey) {
            Self.candidates(shared, indicator: code, scope: scope).map { s, area in
                Candidate(series: s, haystacks: [area.name, ds.series(s).team ?? ""], rag: shared.latestRAG(series: s),
                          value: ds.latestRow(series: s).flatMap { ds.value(row: $0) })
            }
        }
        var entries: [(Int, Double?)] = []
        entries.reserveCapacity(candidates.count)
        for c in candidates where shared.matchesRAG(c.rag) && (shared.textFilter.isEmpty || shared.matchesText(c.haystacks)) {
            entries.append((c.series, c.value))
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
        league = entries.map(\.0)
        rank = Dictionary(uniqueKeysWithValues: league.enumerated().map { ($1, $0 + 1) })
        // Sorted by a column (`o`, a header click, `--sort`): the members in that order; the
        // rank column keeps each one's place in the league.
        if let order = shared.sortOrder(table: Self.leagueID, { leagueTable(ind, shared) }) {
            league = order.map { league[$0] }
        }
        if let keep, keep.indicator == code, let i = league.firstIndex(where: { ds.series($0).area == keep.area && ds.series($0).team == keep.team }) {
            list.select(i)
        }
        list.clamp(count: league.count)
    }

    /// The cursor starts on the area being looked at (or a team it shares, listed under the
    /// first district it serves).
    public mutating func opened(_ how: PaneOpening, _ shared: SharedState) {
        list.reset()
        let ds = shared.dataset
        if let i = league.firstIndex(where: { ds.series($0).area == shared.area })
            ?? league.firstIndex(where: { ds.areasSharing(series: $0).contains { $0.code == shared.area } }) {
            list.select(i)
        }
    }

    /// Which areas a KPI's league ranks. When the root's districts have the KPI, the league is
    /// the districts (and their teams). Otherwise — a national indicator such as the DfE's
    /// calendar-year EHCP timeliness — it is every area that has the KPI and none of whose
    /// children do (every local authority), optionally only those in the root's region or only
    /// the area and its statistical neighbours, and only those whose latest figure is for the
    /// latest period.
    static func candidates(_ shared: SharedState, indicator code: String, scope: LeagueScope) -> [(series: Int, area: Area)] {
        let ds = shared.dataset
        let local = ds.childSeries(of: shared.rootArea, indicator: code)
        if !local.isEmpty { return local }
        let series = ds.seriesIDs(indicator: code)
        let withData = Set(series.map { ds.series($0).area })
        let region = scope == .region ? ds.region(of: shared.rootArea) : nil
        let group = scope == .neighbours ? neighbourGroup(shared) : nil
        var out: [(series: Int, area: Area)] = []
        for s in series {
            let info = ds.series(s)
            guard let area = ds.area(code: info.area) else { continue }
            if ds.children(of: area.code).contains(where: { withData.contains($0.code) }) { continue }
            if let region, !ds.ancestry(of: area.code).contains(where: { $0.code == region.code }) { continue }
            if let group, !group.contains(area.code) { continue }
            out.append((s, area))
        }
        // Rank like with like: an authority whose code was retired keeps its old figures out.
        let latest = out.compactMap { ds.latestRow(series: $0.series).map { ds.period(row: $0) } }.max()
        return out.filter { e in ds.latestRow(series: e.series).map { ds.period(row: $0) } == latest }
    }

    /// True when the KPI's league is national (the districts do not have it).
    public static func isNational(_ shared: SharedState) -> Bool {
        guard let code = shared.indicator else { return false }
        return shared.dataset.childSeries(of: shared.rootArea, indicator: code).isEmpty && !shared.dataset.seriesIDs(indicator: code).isEmpty
    }

    /// The league table's heading.
    func leagueTitle(_ shared: SharedState, _ ind: Indicator) -> String {
        let best = "best first (\(ind.polarity == .low ? "lowest" : "highest") is best)"
        guard Self.isNational(shared) else { return "League: \(shared.areaName(shared.rootArea)) districts, \(best) · Enter opens one" }
        let next = scope.next(shared).map { " · s: \($0.title(shared))" } ?? ""
        switch scope {
        case .all: return "League: all authorities, \(best)" + next
        case .region: return "League: \(LeagueScope.region.title(shared)) authorities, \(best)" + next
        case .neighbours:
            // The median and the area's place first: a long title is cut at the right.
            let area = Self.neighbourArea(shared) ?? shared.area
            let group = "League: \(shared.areaName(area)) + \(shared.dataset.neighbours.of(area).count) neighbours"
            let summary = Self.neighbourSummary(shared, ind)
            return group + (summary.isEmpty ? "" : " · " + summary) + " · \(ind.polarity == .low ? "lowest" : "highest") is best" + next
        }
    }

    /// The league's id for sorting (`SharedState.sorts`).
    static let leagueID = "detail"

    public mutating func perform(_ command: Command, _ regions: Regions, _ shared: SharedState) -> [PaneIntent]? {
        if scrollNotes(command, regions, shared) || list.move(command, count: league.count, page: regions.league.body.height) { return [] }
        if !showNotes, let sorting = TableSort.intents(command, table: Self.leagueID, model: regions.leagueModel, regions: regions.league, shared) {
            return sorting
        }
        switch command {
        case .toggleNotes:
            return toggleNotes(shared)
        case .enter:
            guard league.indices.contains(list.cursor) else { return [] }
            let target = shared.dataset.series(league[list.cursor]).area
            guard target != shared.area else { return [] }
            return [.open(.detail, area: target)]
        case .toggleRegion:
            guard Self.isNational(shared), let next = scope.next(shared) else {
                return [.message("s limits a national league (e.g. \(EHCPStatement.calendarYear) in KPI detail) to the region or the area's neighbours")]
            }
            scope = next
            rebuild(shared)
            opened(.switched, shared)
            return [.message("league: \(next.title(shared))")]
        case .compareArea:
            guard league.indices.contains(list.cursor) else { return [.message("+ compares the league row's area with this one: no row to add")] }
            return [toggleCompared(shared.dataset.series(league[list.cursor]).area, shared)]
        case .clearCompared:
            return [clearCompared()]
        default:
            return nil
        }
    }

    public mutating func click(x: Int, y: Int, _ regions: Regions, _ shared: SharedState) -> [PaneIntent] {
        if !showNotes, let sorting = TableSort.headerClick(x: x, y: y, table: Self.leagueID, model: regions.leagueModel, regions: regions.league, shared) {
            return sorting
        }
        if let sorting = TableSort.headerClick(x: x, y: y, table: Self.periodsID, model: regions.periodsModel, regions: regions.periods, shared) {
            return sorting
        }
        guard case .row(let i)? = regions.league.hit(x: x, y: y) else { return [] }
        return list.click(i) ? perform(.enter, regions, shared) ?? [] : []
    }

    public mutating func settle(_ regions: Regions) { list.settle(firstRow: regions.league.firstRow) }

    public func export(_ regions: Regions, _ shared: SharedState) -> PaneExport? {
        PaneExport(pane: .detail, subject: shared.indicator ?? "", table: regions.leagueModel, regions: regions.league)
    }

    public func countSummary(_ shared: SharedState) -> String { "\(league.count) in league" }
}
