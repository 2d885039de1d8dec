/// A dataset held as rows, ready to be written as ragtop's CSV files (docs/data-format.md):
/// what the importers produce, and what `--merge` reads back from an existing directory.
public struct DatasetFiles: Sendable, Equatable {
    public var areas: [Area] = []
    public var indicators: [Indicator] = []
    public var observations: [Observation] = []
    public var benchmarks: [Benchmark] = []
    public var providers: [Provider] = []
    public var coverage: [Coverage] = []
    public var waits: [Wait] = []
    /// Statistical neighbours (neighbours.csv), each area's closest first.
    public var neighbours: [Neighbour] = []
    /// Areas' own targets (targets.csv).
    public var targets: [AreaTarget] = []

    public init(areas: [Area] = [], indicators: [Indicator] = [], observations: [Observation] = [], benchmarks: [Benchmark] = [],
                providers: [Provider] = [], coverage: [Coverage] = [], waits: [Wait] = [], neighbours: [Neighbour] = [], targets: [AreaTarget] = []) {
        self.areas = areas
        self.indicators = indicators
        self.observations = observations
        self.benchmarks = benchmarks
        self.providers = providers
        self.coverage = coverage
        self.waits = waits
        self.neighbours = neighbours
        self.targets = targets
    }

    /// The rows of a loaded dataset (for adding to it).
    public init(dataset: Dataset) {
        areas = dataset.areas
        indicators = dataset.indicators
        observations = (0..<dataset.observationCount).map { r in
            var o = dataset.observation(row: r)
            o.line = 0
            return o
        }
        benchmarks = dataset.benchmarks
        providers = dataset.providers
        coverage = dataset.coverage
        waits = dataset.waits.map { w in
            var w = w
            w.line = 0
            return w
        }
        neighbours = dataset.neighbours.all
        targets = dataset.areaTargets.map { t in
            var t = t
            t.line = 0
            return t
        }
    }

    // MARK: Merging

    /// What `merging` did.
    public struct MergeCounts: Sendable, Equatable {
        public var added = 0
        /// Rows replaced by an imported row with the same key.
        public var replaced = 0
        /// Of the replaced rows, those whose value changed.
        public var changedValues = 0
    }

    /// `self` with `newer` added: rows with the same key (area code; indicator code; area,
    /// indicator, period and team; provider code; provider, area, service, measure and period)
    /// are replaced by `newer`'s, so the file imported last wins; an area `newer` gives
    /// neighbours has only those. An indicator keeps both definitions when they differ, and its
    /// thresholds (target, floor, band, target_areas, missed_target) where `newer` has none.
    /// Counts are for observations and waits.
    public func merging(_ newer: DatasetFiles) -> (files: DatasetFiles, counts: MergeCounts) {
        var out = self
        var counts = MergeCounts()
        out.areas = DatasetFiles.merge(areas, newer.areas, key: { $0.code }, combine: { old, new in
            var a = new
            if a.kind == nil { a.kind = old.kind }
            if a.tileRow == nil && a.tileColumn == nil { a.tileRow = old.tileRow; a.tileColumn = old.tileColumn }
            return a
        })
        out.indicators = DatasetFiles.merge(indicators, newer.indicators, key: { $0.code }, combine: { old, new in
            var i = new
            // Importers set no thresholds: the ones a user added to the dataset stay.
            if i.target == nil && i.floor == nil && i.targetLow == nil && i.targetHigh == nil {
                (i.target, i.floor, i.targetLow, i.targetHigh) = (old.target, old.floor, old.targetLow, old.targetHigh)
            }
            if i.targetAreas.isEmpty { i.targetAreas = old.targetAreas }
            if i.missedTarget == nil { i.missedTarget = old.missedTarget }
            switch (old.definition, new.definition) {
            case (let o?, let n?) where !o.contains(n) && !n.contains(o): i.definition = o + " " + n
            case (let o?, nil): i.definition = o
            default: break
            }
            return i
        })
        func count(_ old: Double??, _ new: Double?) {
            guard case .some(let old) = old else { counts.added += 1; return }
            counts.replaced += 1
            if old != new { counts.changedValues += 1 }
        }
        var oldObs: [String: Double?] = [:]
        for o in observations { oldObs[DatasetFiles.key(o)] = o.value }
        for o in newer.observations { count(oldObs[DatasetFiles.key(o)], o.value) }
        out.observations = DatasetFiles.merge(observations, newer.observations, key: DatasetFiles.key, combine: { $1 })
        out.benchmarks = DatasetFiles.merge(benchmarks, newer.benchmarks, key: { "\($0.indicator)\u{1F}\($0.comparator)\u{1F}\($0.period)" }, combine: { $1 })
        out.providers = DatasetFiles.merge(providers, newer.providers, key: { $0.code }, combine: { $1 })
        out.coverage = DatasetFiles.merge(coverage, newer.coverage, key: { "\($0.provider)\u{1F}\($0.area)" }, combine: { $1 })
        var oldWaits: [String: Double?] = [:]
        for w in waits { oldWaits[DatasetFiles.key(w)] = w.value }
        for w in newer.waits { count(oldWaits[DatasetFiles.key(w)], w.value) }
        out.waits = DatasetFiles.merge(waits, newer.waits, key: DatasetFiles.key, combine: { $1 })
        // An area's neighbours are one set (one model): newer ones replace all of the old.
        let renewed = Set(newer.neighbours.map(\.area))
        out.neighbours = neighbours.filter { !renewed.contains($0.area) } + newer.neighbours
        out.targets = DatasetFiles.merge(targets, newer.targets, key: { "\($0.indicator)\u{1F}\($0.area)" }, combine: { $1 })
        out.sortRows()
        return (out, counts)
    }

    static func key(_ o: Observation) -> String { "\(o.area)\u{1F}\(o.indicator)\u{1F}\(o.period)\u{1F}\(o.team ?? "")" }
    static func key(_ w: Wait) -> String { [w.provider, w.area, w.service, w.measure, w.period.description].joined(separator: "\u{1F}") }

    /// Old rows in their order (replaced in place), then new rows in theirs.
    private static func merge<T>(_ old: [T], _ new: [T], key: (T) -> String, combine: (T, T) -> T) -> [T] {
        var out = old
        var index: [String: Int] = [:]
        for (i, row) in old.enumerated() { index[key(row)] = i }
        for row in new {
            let k = key(row)
            if let i = index[k] {
                out[i] = combine(out[i], row)
            } else {
                index[k] = out.count
                out.append(row)
            }
        }
        return out
    }

    /// Orders observations by area (file order), indicator (file order), team, then period; waits
    /// by provider, area, service, measure, then period. Areas and indicators keep their order.
    public mutating func sortRows() {
        var areaRank: [String: Int] = [:]
        for (i, a) in areas.enumerated() where areaRank[a.code] == nil { areaRank[a.code] = i }
        var indicatorRank: [String: Int] = [:]
        for (i, ind) in indicators.enumerated() where indicatorRank[ind.code] == nil { indicatorRank[ind.code] = i }
        var providerRank: [String: Int] = [:]
        for (i, p) in providers.enumerated() where providerRank[p.code] == nil { providerRank[p.code] = i }
        observations = observations.enumerated().sorted { l, r in
            let a = l.element, b = r.element
            let ka = (areaRank[a.area] ?? Int.max, indicatorRank[a.indicator] ?? Int.max), kb = (areaRank[b.area] ?? Int.max, indicatorRank[b.indicator] ?? Int.max)
            if ka != kb { return ka < kb }
            if (a.team ?? "") != (b.team ?? "") { return (a.team ?? "") < (b.team ?? "") }
            if a.period != b.period { return a.period < b.period }
            return l.offset < r.offset
        }.map(\.element)
        waits = waits.enumerated().sorted { l, r in
            let a = l.element, b = r.element
            let pa = providerRank[a.provider] ?? Int.max, pb = providerRank[b.provider] ?? Int.max
            if pa != pb { return pa < pb }
            let ra = areaRank[a.area] ?? Int.max, rb = areaRank[b.area] ?? Int.max
            if ra != rb { return ra < rb }
            if a.service != b.service { return a.service < b.service }
            if a.measure != b.measure { return a.measure < b.measure }
            if a.period != b.period { return a.period < b.period }
            return l.offset < r.offset
        }.map(\.element)
    }

    // MARK: Checks

    /// Area codes that rows refer to but `areas` does not define, each with what refers to it.
    public func undefinedAreaReferences() -> [(code: String, usedBy: String)] {
        let known = Set(areas.map(\.code))
        var seen = Set<String>()
        var out: [(String, String)] = []
        func check(_ code: String, _ what: @autoclosure () -> String) {
            guard !known.contains(code), seen.insert(code).inserted else { return }
            out.append((code, what()))
        }
        for a in areas { if let p = a.parent { check(p, "the parent of area \(a.code)") } }
        for o in observations { check(o.area, "observations of \(o.indicator)") }
        for w in waits { check(w.area, "waits of provider \(w.provider)") }
        for c in coverage { check(c.area, "coverage of provider \(c.provider)") }
        for n in neighbours {
            check(n.area, "neighbours.csv")
            check(n.neighbour, "a neighbour of \(n.area)")
        }
        for t in targets { check(t.area, "targets of \(t.indicator)") }
        return out
    }

    // MARK: Writing

    /// The files of the dataset: name → CSV text. Optional files appear only when they have rows.
    public func renderedFiles() -> [(name: String, contents: String)] {
        var out: [(String, String)] = [("areas.csv", renderAreas()), ("indicators.csv", renderIndicators()),
                                       ("observations.csv", renderObservations())]
        if !benchmarks.isEmpty { out.append(("benchmarks.csv", renderBenchmarks())) }
        if !providers.isEmpty { out.append(("providers.csv", renderProviders())) }
        if !coverage.isEmpty { out.append(("coverage.csv", renderCoverage())) }
        if !waits.isEmpty { out.append(("waits.csv", renderWaits())) }
        if !targets.isEmpty { out.append(("targets.csv", renderTargets())) }
        if !neighbours.isEmpty { out.append(("neighbours.csv", renderNeighbours())) }
        return out
    }

    static func field(_ s: String?) -> String {
        guard let s else { return "" }
        // Surrounding spaces are quoted too, so a reader that trims cells keeps them.
        if s.hasPrefix(" ") || s.hasSuffix(" ") { return "\"" + s.replacingAll("\"", with: "\"\"") + "\"" }
        return ReportFormat.csvField(s)
    }

    static func number(_ v: Double?) -> String { v.map(ValueFormatter.plain) ?? "" }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for row in rows { out += row.joined(separator: ",") + "\n" }
        return out
    }

    func renderAreas() -> String {
        let tiles = areas.contains { $0.tileRow != nil || $0.tileColumn != nil }
        let header = ["code", "name", "parent", "kind"] + (tiles ? ["tile_row", "tile_col"] : [])
        return DatasetFiles.table(header, areas.map { a in
            [a.code, a.name, a.parent, a.kind].map(DatasetFiles.field)
                + (tiles ? [a.tileRow.map(String.init) ?? "", a.tileColumn.map(String.init) ?? ""] : [])
        })
    }

    func renderIndicators() -> String {
        // target_areas and missed_target only when some indicator has them.
        let scoped = indicators.contains { !$0.targetAreas.isEmpty }, missed = indicators.contains { $0.missedTarget != nil }
        let header = ["code", "name", "group", "polarity", "period_type", "unit", "decimals", "target", "floor", "target_low", "target_high", "definition", "source"]
            + (scoped ? ["target_areas"] : []) + (missed ? ["missed_target"] : [])
        return DatasetFiles.table(header, indicators.map { i in
            [DatasetFiles.field(i.code), DatasetFiles.field(i.name), DatasetFiles.field(i.group), i.polarity.rawValue, i.periodType.rawValue,
             DatasetFiles.field(i.unit), i.decimals.map(String.init) ?? "", DatasetFiles.number(i.target), DatasetFiles.number(i.floor),
             DatasetFiles.number(i.targetLow), DatasetFiles.number(i.targetHigh), DatasetFiles.field(i.definition), DatasetFiles.field(i.source)]
                + (scoped ? [DatasetFiles.field(i.targetAreas.isEmpty ? nil : i.targetAreas.joined(separator: ";"))] : [])
                + (missed ? [i.missedTarget?.name ?? ""] : [])
        })
    }

    func renderObservations() -> String {
        var header = ["area", "indicator", "period", "value"]
        var getters: [(Observation) -> String] = [{ DatasetFiles.field($0.area) }, { DatasetFiles.field($0.indicator) },
                                                  { $0.period.description }, { DatasetFiles.number($0.value) }]
        func optional(_ name: String, _ present: (Observation) -> Bool, _ get: @escaping (Observation) -> String) {
            guard observations.contains(where: present) else { return }
            header.append(name)
            getters.append(get)
        }
        optional("numerator", { $0.numerator != nil }, { DatasetFiles.number($0.numerator) })
        optional("denominator", { $0.denominator != nil }, { DatasetFiles.number($0.denominator) })
        optional("target", { $0.target != nil }, { DatasetFiles.number($0.target) })
        optional("floor", { $0.floor != nil }, { DatasetFiles.number($0.floor) })
        optional("rag", { $0.rag != nil }, { $0.rag?.name ?? "" })
        optional("dot", { $0.dot != nil }, { $0.dot?.arrow ?? "" })
        optional("team", { $0.team != nil }, { DatasetFiles.field($0.team) })
        optional("note", { $0.note != nil }, { DatasetFiles.field($0.note) })
        optional("source", { $0.source != nil }, { DatasetFiles.field($0.source) })
        optional("status", { $0.status != nil }, { $0.status?.name ?? "" })
        return DatasetFiles.table(header, observations.map { o in getters.map { $0(o) } })
    }

    func renderTargets() -> String {
        DatasetFiles.table(["indicator", "area", "target", "floor", "target_low", "target_high", "note", "source"], targets.map { t in
            [DatasetFiles.field(t.indicator), DatasetFiles.field(t.area), DatasetFiles.number(t.target), DatasetFiles.number(t.floor),
             DatasetFiles.number(t.targetLow), DatasetFiles.number(t.targetHigh), DatasetFiles.field(t.note), DatasetFiles.field(t.source)]
        })
    }

    func renderBenchmarks() -> String {
        DatasetFiles.table(["indicator", "comparator", "period", "value", "source"], benchmarks.map { b in
            [DatasetFiles.field(b.indicator), DatasetFiles.field(b.comparator), b.period.description, DatasetFiles.number(b.value), DatasetFiles.field(b.source)]
        })
    }

    func renderProviders() -> String {
        DatasetFiles.table(["code", "name", "note"], providers.map { p in [p.code, p.name, p.note].map(DatasetFiles.field) })
    }

    func renderCoverage() -> String {
        DatasetFiles.table(["provider", "area", "note"], coverage.map { c in [c.provider, c.area, c.note].map(DatasetFiles.field) })
    }

    func renderNeighbours() -> String {
        let bands = neighbours.contains { $0.closeness != nil }
        return DatasetFiles.table(["area_code", "neighbour_code", "rank"] + (bands ? ["closeness"] : []), neighbours.map { n in
            [DatasetFiles.field(n.area), DatasetFiles.field(n.neighbour), String(n.rank)] + (bands ? [DatasetFiles.field(n.closeness)] : [])
        })
    }

    func renderWaits() -> String {
        DatasetFiles.table(["provider", "area", "service", "measure", "period", "value", "note", "source"], waits.map { w in
            [DatasetFiles.field(w.provider), DatasetFiles.field(w.area), DatasetFiles.field(w.service), DatasetFiles.field(w.measure),
             w.period.description, DatasetFiles.number(w.value), DatasetFiles.field(w.note), DatasetFiles.field(w.source)]
        })
    }
}
