/// A loaded, validated scorecard: areas, indicators, observations, benchmarks and waits, with the
/// indexes the dashboard and reports query. Immutable once built.
public final class Dataset: Sendable {
    public let areas: [Area]
    public let indicators: [Indicator]
    public let benchmarks: [Benchmark]
    /// Positions in `benchmarks` of each indicator's rows.
    let benchmarkRows: [String: [Int]]
    public let waits: [Wait]
    public let providers: [Provider]
    public let coverage: [Coverage]
    /// The files the data was read from, in order.
    public let files: [String]
    /// Every area's statistical neighbours (neighbours.csv).
    public let neighbours: NeighbourSets
    /// National ranks, computed per indicator when first asked for (see `nationalStanding`).
    let nationalStandings = NationalStandingCache()
    /// Areas' own targets (targets.csv), in file order.
    public let areaTargets: [AreaTarget]
    /// Which thresholds rate each area's figures of each indicator.
    let scopes: TargetScopes

    let columns: ObservationColumns
    let strings: StringPool
    let areaIndex: [String: Int32]
    let indicatorIndex: [String: Int32]
    /// Rows grouped by series, each series sorted by period (the identity, with no array, when
    /// the file came that way).
    let order: RowOrder
    /// Series `s` owns `order[seriesStart[s] ..< seriesStart[s + 1]]`.
    let seriesStart: [Int32]
    let seriesArea: [Int32]
    let seriesIndicator: [Int32]
    let seriesTeam: [Int32]
    let seriesIndex: [UInt64: Int32]
    /// Series ids of each area, in indicator order, then in order of first appearance.
    let seriesByArea: [[Int32]]
    /// Series ids of each indicator, in order of first appearance.
    let seriesByIndicator: [[Int32]]
    /// The rating each row shows and where it comes from (`RatingCode`): published if given,
    /// else from the rule; and the direction (a `DOT` raw value), likewise: both in one byte
    /// (`RatingCode.packed(rating:dot:)`).
    let ratings: [UInt8]
    let childrenIndex: [[Int32]]
    /// `children(of:)` for each area, built once: screens ask on every keystroke.
    let childAreas: [[Area]]
    /// Each area's position among its parent's children, or -1 at the top.
    let childPosition: [Int32]
    /// The latest row of each series (-1 for none), see `latestRow(series:)`.
    let latestRows: [Int32]
    /// For each area, by indicator position: the worst latest rating over the area's series of
    /// the indicator that are its own (see `latestRatings(area:)`), -1 when none is rated, -2
    /// when there is no series.
    let worstLatest: [[Int8]]
    /// notes.csv, indexed by area and indicator (see Queries/Notes.swift).
    let noteIndex: NoteIndex
    /// For each series that carries a team's figures printed under several areas (the same
    /// indicator and team name in more than one area): every series of that team and indicator,
    /// in series order. Series of an area's own figures and of single-area teams are absent.
    let sharedTeamSeries: [Int32: [Int32]]

    /// Bytes held for the observations, row by row: the columns, the series order and the
    /// ratings (buffer capacities, not counts). Tests hold it to a budget per observation.
    var observationStorageBytes: Int {
        columns.storageBytes + order.storageBytes + ratings.capacity
    }

    init(areas: [Area], indicators: [Indicator], benchmarks: [Benchmark], waits: [Wait], providers: [Provider],
         coverage: [Coverage], files: [String], columns: ObservationColumns, strings: StringPool,
         order: RowOrder, seriesStart: [Int32], seriesArea: [Int32], seriesIndicator: [Int32], seriesTeam: [Int32],
         ratings: [UInt8], notes: [Note] = [], neighbours: NeighbourSets = NeighbourSets(),
         areaTargets: [AreaTarget] = [], scopes: TargetScopes? = nil) {
        noteIndex = NoteIndex(notes)
        self.areas = areas
        self.neighbours = neighbours
        self.indicators = indicators
        self.benchmarks = benchmarks
        var benchmarksOfIndicator: [String: [Int]] = [:]
        for (i, b) in benchmarks.enumerated() { benchmarksOfIndicator[b.indicator, default: []].append(i) }
        self.benchmarkRows = benchmarksOfIndicator
        self.waits = waits
        self.providers = providers
        self.coverage = coverage
        self.files = files
        self.areaTargets = areaTargets
        self.scopes = scopes ?? TargetScopes(indicators: indicators, areas: areas, areaTargets: areaTargets)
        self.columns = columns
        self.strings = strings
        var ai: [String: Int32] = [:]
        for (i, a) in areas.enumerated() { ai[a.code] = Int32(i) }
        areaIndex = ai
        var ii: [String: Int32] = [:]
        for (i, ind) in indicators.enumerated() { ii[ind.code] = Int32(i) }
        indicatorIndex = ii
        self.order = order
        self.seriesStart = seriesStart
        self.seriesArea = seriesArea
        self.seriesIndicator = seriesIndicator
        self.seriesTeam = seriesTeam
        var si: [UInt64: Int32] = [:]
        var byArea = Array(repeating: [Int32](), count: areas.count)
        var byIndicator = Array(repeating: [Int32](), count: indicators.count)
        for s in 0..<seriesArea.count {
            si[Dataset.seriesKey(seriesArea[s], seriesIndicator[s], seriesTeam[s])] = Int32(s)
            byArea[Int(seriesArea[s])].append(Int32(s))
            byIndicator[Int(seriesIndicator[s])].append(Int32(s))
        }
        for a in 0..<byArea.count {
            // Stable: indicator order first, then first appearance (teams in file order).
            byArea[a] = byArea[a].enumerated().sorted {
                let l = seriesIndicator[Int($0.element)], r = seriesIndicator[Int($1.element)]
                return l != r ? l < r : $0.offset < $1.offset
            }.map(\.element)
        }
        seriesIndex = si
        seriesByArea = byArea
        seriesByIndicator = byIndicator
        self.ratings = ratings
        var children = Array(repeating: [Int32](), count: areas.count)
        for (i, a) in areas.enumerated() {
            if let p = a.parent, let pi = ai[p] { children[Int(pi)].append(Int32(i)) }
        }
        childrenIndex = children
        childAreas = children.map { $0.map { areas[Int($0)] } }
        var position = [Int32](repeating: -1, count: areas.count)
        for list in children { for (k, a) in list.enumerated() { position[Int(a)] = Int32(k) } }
        childPosition = position
        // Teams printed under several areas: the same indicator and team name in more than one area.
        var teamGroups: [UInt64: [Int32]] = [:]
        for s in 0..<seriesTeam.count where seriesTeam[s] >= 0 {
            teamGroups[UInt64(UInt32(bitPattern: seriesIndicator[s])) << 32 | UInt64(UInt32(bitPattern: seriesTeam[s])), default: []].append(Int32(s))
        }
        var shared: [Int32: [Int32]] = [:]
        for group in teamGroups.values where Set(group.map { seriesArea[Int($0)] }).count > 1 {
            for s in group { shared[s] = group }
        }
        sharedTeamSeries = shared
        // What screens ask for on every keystroke, computed once: the latest row of each series
        // and the worst latest rating of each area and indicator.
        var latest = [Int32](repeating: -1, count: seriesArea.count)
        var worst = [[Int8]](repeating: [Int8](repeating: -2, count: indicators.count), count: areas.count)
        for s in 0..<seriesArea.count {
            let rows = SeriesRows(order, Int(seriesStart[s])..<Int(seriesStart[s + 1]))
            let row = rows.last(where: { !columns.value[Int($0)].isNaN }) ?? rows.last(where: { columns.rag[Int($0)] >= 0 }) ?? rows.last
            let a = Int(seriesArea[s]), i = Int(seriesIndicator[s])
            if worst[a][i] == -2 { worst[a][i] = -1 }
            guard let row else { continue }
            latest[s] = row
            // A team shared with other areas is not one area's own: see `latestRatings(area:)`.
            guard shared[Int32(s)] == nil, let rag = RatingCode.rag(RatingCode.rating(packed: ratings[Int(row)]))?.rawValue else { continue }
            if worst[a][i] < 0 || rag < worst[a][i] { worst[a][i] = rag }
        }
        latestRows = latest
        worstLatest = worst
    }

    @inline(__always)
    static func seriesKey(_ area: Int32, _ indicator: Int32, _ team: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: area)) << 42 | UInt64(UInt32(bitPattern: indicator)) << 21 | UInt64(UInt32(bitPattern: team + 1) & 0x1FFFFF)
    }

    // MARK: Areas and indicators

    /// The number of observations.
    public var observationCount: Int { columns.count }

    public func area(code: String) -> Area? { areaIndex[code].map { areas[Int($0)] } }

    /// Finds an area by code or by name (case-insensitive).
    public func area(named query: String) -> Area? {
        if let a = area(code: query) { return a }
        let q = query.lowercased()
        if let a = areas.first(where: { $0.code.lowercased() == q || $0.name.lowercased() == q }) { return a }
        let matches = areas.filter { $0.name.lowercased().hasPrefix(q) }
        return matches.count == 1 ? matches[0] : nil
    }

    public func indicator(_ code: String) -> Indicator? { indicatorIndex[code].map { indicators[Int($0)] } }

    /// The position of an indicator in indicators.csv (the display order).
    public func indicatorPosition(_ code: String) -> Int? { indicatorIndex[code].map(Int.init) }

    /// The areas whose parent is `code`, in file order.
    public func children(of code: String) -> [Area] {
        guard let i = areaIndex[code] else { return [] }
        return childAreas[Int(i)]
    }

    /// The chain from the top of the hierarchy down to `code`.
    public func ancestry(of code: String) -> [Area] {
        var chain: [Area] = []
        var current = area(code: code)
        var guardCount = 0
        while let a = current, guardCount < 64 {
            chain.insert(a, at: 0)
            current = a.parent.flatMap { area(code: $0) }
            guardCount += 1
        }
        return chain
    }

    /// The default area to open: the area with the most series (Kent in the bundled data, even
    /// with the national data loaded beside it); the first such area in file order on a tie.
    public var defaultArea: Area? {
        var best: Int?
        for i in areas.indices where !seriesByArea[i].isEmpty {
            if best == nil || seriesByArea[i].count > seriesByArea[best!].count { best = i }
        }
        return best.map { areas[$0] } ?? areas.first
    }

    // MARK: Series

    /// A series: one indicator for one area (and team), its rows sorted by period.
    public struct Series: Hashable, Sendable {
        public let id: Int
        public let area: String
        public let indicator: String
        public let team: String?
    }

    public var seriesCount: Int { seriesArea.count }

    public func series(_ id: Int) -> Series {
        Series(id: id, area: areas[Int(seriesArea[id])].code, indicator: indicators[Int(seriesIndicator[id])].code,
               team: strings.optional(seriesTeam[id]))
    }

    /// The indicator of a series.
    public func indicator(series id: Int) -> Indicator { indicators[Int(seriesIndicator[id])] }

    /// The series id for (area, indicator, team), if it has any rows.
    public func seriesID(area: String, indicator: String, team: String? = nil) -> Int? {
        guard let a = areaIndex[area], let i = indicatorIndex[indicator] else { return nil }
        let t: Int32
        if let team {
            guard let id = strings.id(of: team) else { return nil }
            t = id
        } else {
            t = -1
        }
        return seriesIndex[Dataset.seriesKey(a, i, t)].map(Int.init)
    }

    /// All series of an area, in indicator order.
    public func seriesIDs(area: String) -> [Int] {
        guard let a = areaIndex[area] else { return [] }
        return seriesByArea[Int(a)].map(Int.init)
    }

    /// All series of an indicator (every area and team).
    public func seriesIDs(indicator: String) -> [Int] {
        guard let i = indicatorIndex[indicator] else { return [] }
        return seriesByIndicator[Int(i)].map(Int.init)
    }

    /// The rows of a series, oldest first.
    public func rows(series id: Int) -> SeriesRows {
        SeriesRows(order, Int(seriesStart[id])..<Int(seriesStart[id + 1]))
    }

    /// The row of a series' latest figure: the latest period with a value; failing that the latest
    /// row with a published rating; failing that the last row.
    public func latestRow(series id: Int) -> Int? {
        latestRows[id] < 0 ? nil : Int(latestRows[id])
    }

    /// The series of an area for one indicator, its own and its teams', in `seriesIDs(area:)` order.
    public func seriesIDs(area: String, indicator: String) -> [Int] {
        guard let a = areaIndex[area], let i = indicatorIndex[indicator] else { return [] }
        return seriesByArea[Int(a)].lazy.filter { self.seriesIndicator[Int($0)] == i }.map(Int.init)
    }

    /// The worst latest rating over an area's own series of an indicator: its own figures and
    /// those of teams that serve only it; nil when none is rated. A team printed under several
    /// areas is not counted in any of them (see `latestTeamRatings(area:)`).
    public func worstLatestRAG(area: String, indicator: String) -> RAG? {
        guard let a = areaIndex[area], let i = indicatorIndex[indicator] else { return nil }
        return RAG(rawValue: worstLatest[Int(a)][Int(i)])
    }

    /// `latestRatings(area:)` of each child of `parent`, in `children(of:)` order.
    public func latestRatings(childrenOf parent: String) -> [[Int8]] {
        guard let p = areaIndex[parent] else { return [] }
        return childrenIndex[Int(p)].map { worstLatest[Int($0)] }
    }

    /// The series of an indicator whose area is a child of `parent` (own and team series), each
    /// with its area, in `seriesIDs(indicator:)` order: a league table's rows. A team printed
    /// under several of the children is there once, with the first of them (see
    /// `areasSharing(series:)` for all of them).
    public func childSeries(of parent: String, indicator: String) -> [(series: Int, area: Area)] {
        guard let p = areaIndex[parent], let i = indicatorIndex[indicator] else { return [] }
        let list = childrenIndex[Int(p)], children = childAreas[Int(p)]
        var teamsSeen = Set<Int32>()
        return seriesByIndicator[Int(i)].compactMap { s in
            let a = Int(seriesArea[Int(s)]), k = Int(childPosition[a])
            guard k >= 0, k < list.count, list[k] == Int32(a) else { return nil }
            if let group = sharedTeamSeries[s], !teamsSeen.insert(group[0]).inserted { return nil }
            return (Int(s), children[k])
        }
    }

    /// For each child of `parent`, in `children(of:)` order, its own series (not a team's) of an
    /// indicator, or nil: `seriesID(area:indicator:)` for every child at once.
    public func ownSeries(childrenOf parent: String, indicator: String) -> [Int?] {
        guard let p = areaIndex[parent], let i = indicatorIndex[indicator] else { return [] }
        let list = childrenIndex[Int(p)]
        var own = [Int?](repeating: nil, count: list.count)
        for s in seriesByIndicator[Int(i)] where seriesTeam[Int(s)] < 0 {
            let a = Int(seriesArea[Int(s)]), k = Int(childPosition[a])
            if k >= 0 && k < list.count && list[k] == Int32(a) { own[k] = Int(s) }
        }
        return own
    }

    /// For each indicator, in `indicators` order, the worst latest rating over an area's own
    /// series of it: its own figures and those of teams that serve only it (a district's own
    /// R/A/G). A `RAG` raw value; -1 when none of those is rated (undecided and unrated figures,
    /// or only teams shared with other areas); -2 when the area has no series of that indicator.
    /// Teams printed under several areas are left out of every one of them: they are the team's
    /// figures, counted once (`latestTeamRatings(area:)` has them). Precomputed: the districts
    /// matrix reads it per keystroke.
    public func latestRatings(area: String) -> [Int8] {
        guard let a = areaIndex[area] else { return Array(repeating: -2, count: indicators.count) }
        return worstLatest[Int(a)]
    }

    /// For each indicator, in `indicators` order, the worst latest rating over the series of
    /// teams an area shares with other areas (the teams `latestRatings(area:)` leaves out):
    /// a `RAG` raw value, -1 when none is rated, -2 when the area has no such team.
    public func latestTeamRatings(area: String) -> [Int8] {
        var out = [Int8](repeating: -2, count: indicators.count)
        guard let a = areaIndex[area], !sharedTeamSeries.isEmpty else { return out }
        for s in seriesByArea[Int(a)] where sharedTeamSeries[s] != nil {
            let i = Int(seriesIndicator[Int(s)])
            if out[i] == -2 { out[i] = -1 }
            guard let row = latestRow(series: Int(s)), let rag = rag(row: row)?.rawValue else { continue }
            if out[i] < 0 || rag < out[i] { out[i] = rag }
        }
        return out
    }

    // MARK: Teams

    /// True when a series is a team's figures (observations.csv `team`), not the area's own.
    public func isTeamSeries(_ id: Int) -> Bool { seriesTeam[id] >= 0 }

    /// Every series carrying the same team's figures of the same indicator, this one included, in
    /// series order: several when the team is printed under several areas (a team serving more
    /// than one district), else just `[id]`.
    public func sharedSeries(of id: Int) -> [Int] {
        sharedTeamSeries[Int32(id)].map { $0.map(Int.init) } ?? [id]
    }

    /// The areas whose figures carry this series: the areas a shared team is printed under, in
    /// series order; else the series' own area.
    public func areasSharing(series id: Int) -> [Area] {
        sharedSeries(of: id).map { areas[Int(seriesArea[$0])] }
    }

    /// True when a series repeats a team's figures that an earlier series already carries (the
    /// team printed under another area first): leagues and comparisons count only the first.
    public func isRepeatedTeamSeries(_ id: Int) -> Bool {
        guard let group = sharedTeamSeries[Int32(id)] else { return false }
        return group[0] != Int32(id)
    }

    /// The rows of a series that form its trend: those of the same period kind as the latest row.
    public func trendRows(series id: Int) -> [Int] {
        guard let latest = latestRow(series: id) else { return [] }
        let kind = columns.period[latest].kind
        return rows(series: id).lazy.map(Int.init).filter { self.columns.period[$0].kind == kind }
    }

    // MARK: Rows

    public func observation(row r: Int) -> Observation {
        let c = columns
        return Observation(
            area: areas[Int(c.area[r])].code, indicator: indicators[Int(c.indicator[r])].code, period: c.period[r],
            value: optionalDouble(c.value[r]), numerator: optionalDouble(c.numerator[r]),
            denominator: optionalDouble(c.denominator[r]), target: optionalDouble(c.target[r]),
            floor: optionalDouble(c.floor[r]), rag: RAG(rawValue: c.rag[r]), dot: DOT(rawValue: c.dot[r]),
            team: strings.optional(c.team[r]), note: strings.optional(c.note[r]), source: strings.optional(c.source[r]),
            status: ObservationStatus(rawValue: c.status[r]), line: Int(c.line[r]))
    }

    /// One observation by its key.
    public func observation(area: String, indicator: String, period: String, team: String? = nil) -> Observation? {
        guard let p = Period(period) else { return nil }
        return observation(area: area, indicator: indicator, period: p, team: team)
    }

    public func observation(area: String, indicator: String, period: Period, team: String? = nil) -> Observation? {
        guard let s = seriesID(area: area, indicator: indicator, team: team) else { return nil }
        return rows(series: s).first(where: { columns.period[Int($0)] == period }).map { observation(row: Int($0)) }
    }

    @inline(__always) public func value(row r: Int) -> Double? { optionalDouble(columns.value[r]) }
    @inline(__always) public func period(row r: Int) -> Period { columns.period[r] }
    @inline(__always) public func numerator(row r: Int) -> Double? { optionalDouble(columns.numerator[r]) }
    @inline(__always) public func denominator(row r: Int) -> Double? { optionalDouble(columns.denominator[r]) }
    @inline(__always) public func publishedRAG(row r: Int) -> RAG? { RAG(rawValue: columns.rag[r]) }
    @inline(__always) public func publishedDOT(row r: Int) -> DOT? { DOT(rawValue: columns.dot[r]) }

    /// What the producer says about a row's figure (observations.csv `status`), or nil.
    @inline(__always) public func status(row r: Int) -> ObservationStatus? { ObservationStatus(rawValue: columns.status[r]) }

    /// The rating a row shows: the published one, else the rule's; nil when there is none, and
    /// when the rule leaves it undecided (see `ratingSource(row:)`).
    @inline(__always) public func rag(row r: Int) -> RAG? { RatingCode.rag(RatingCode.rating(packed: ratings[r])) }

    /// Where a row's rating comes from: published, by rule, or undecided (a missed target with no
    /// floor); nil when there is nothing to rate (no value, or no target that applies to the
    /// row's area) and none was published.
    @inline(__always) public func ratingSource(row r: Int) -> RatingSource? { RatingCode.source(RatingCode.rating(packed: ratings[r])) }
    /// The rows rated (published or by rule) and the rows undecided, counted in one pass here,
    /// where `ratingSource(row:)` is inlined (`check` called it across modules once a row).
    public func ratingSourceCounts() -> (rated: Int, undecided: Int) {
        var rated = 0, undecided = 0
        for r in 0..<observationCount {
            switch ratingSource(row: r) {
            case .published?, .rule?: rated += 1
            case .undecided?: undecided += 1
            case nil: break
            }
        }
        return (rated, undecided)
    }

    /// The direction of travel a row shows: the published one, else the rule's.
    @inline(__always) public func dot(row r: Int) -> DOT? { DOT(rawValue: RatingCode.dot(packed: ratings[r])) }

    /// The target that applies to a row: the one published with it, else the one that rates its
    /// area (`thresholds(indicator:area:)`); nil where the indicator's target is not that area's.
    public func target(row r: Int) -> Double? {
        optionalDouble(columns.target[r]) ?? scopes.thresholds(indicator: columns.indicator[r], area: columns.area[r]).target
    }

    /// The floor that applies to a row, found as `target(row:)` is.
    public func floor(row r: Int) -> Double? {
        optionalDouble(columns.floor[r]) ?? scopes.thresholds(indicator: columns.indicator[r], area: columns.area[r]).floor
    }

    /// The target, floor and band that rate an area's figures of an indicator (before any target
    /// published with a figure): the area's own (targets.csv), else the indicator's where its
    /// `target_areas` include the area, else none.
    public func thresholds(indicator: String, area: String) -> AreaThresholds {
        guard let i = indicatorIndex[indicator], let a = areaIndex[area] else { return AreaThresholds(origin: .none) }
        return scopes.thresholds(indicator: i, area: a)
    }

    // MARK: Benchmarks

    public func benchmark(indicator: String, comparator: String, period: String) -> Benchmark? {
        guard let p = Period(period) else { return nil }
        return benchmarks.first { $0.indicator == indicator && $0.comparator == comparator && $0.period == p }
    }

    /// The latest benchmark of each comparator for an indicator, in file order of first appearance.
    public func latestBenchmarks(indicator: String) -> [Benchmark] {
        var best: [String: Benchmark] = [:]
        var order: [String] = []
        for i in benchmarkRows[indicator] ?? [] {
            let b = benchmarks[i]
            if let cur = best[b.comparator] {
                if cur.period < b.period { best[b.comparator] = b }
            } else {
                best[b.comparator] = b
                order.append(b.comparator)
            }
        }
        return order.compactMap { best[$0] }
    }

    // MARK: Waits

    public func provider(code: String) -> Provider? { providers.first { $0.code == code } }

    /// The providers serving an area (from coverage.csv).
    public func providers(serving area: String) -> [Coverage] { coverage.filter { $0.area == area } }
}
