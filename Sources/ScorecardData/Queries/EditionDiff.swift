/// One difference between two editions of a dataset (`ragtop diff OLD NEW`).
public struct EditionChange: Sendable, Equatable {
    /// The kinds of change, in the order `diff` lists them.
    public enum Kind: String, Sendable, CaseIterable {
        /// The rating of an area's latest figure differs (the latest may be of a newer period).
        case rating
        /// A figure of the same area, indicator, team and period has a different value, numerator,
        /// denominator or published rating.
        case revised
        /// An area, indicator, series (an area's indicator or team) or figure only in the new edition.
        case added
        /// One only in the old edition.
        case removed
        /// How an indicator is rated changed: target, floor, band, polarity or decimals (area code
        /// empty), or the target or floor published with a figure (area code and period given).
        case target
    }

    /// A value in the old or new column: a number, or a code (polarity).
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
    }

    public var kind: Kind
    /// What changed: `rating`; for revised `value`, `numerator`, `denominator`, `rag` (published);
    /// for added and removed `area`, `indicator`, `series`, `figure`; for target `target`, `floor`,
    /// `target_low`, `target_high`, `polarity`, `decimals`.
    public var what: String
    /// Empty when the change is an indicator's.
    public var areaCode: String
    public var areaName: String
    public var team: String?
    /// Empty when the change is an area's.
    public var indicator: String
    public var indicatorName: String
    /// The figure's period (the new latest for a rating change); nil for areas, indicators, series.
    public var period: Period?
    /// For a rating change, the period of the old edition's latest figure.
    public var oldPeriod: Period?
    public var oldValue: Value?
    public var newValue: Value?
    public var oldRAG: RAG?
    public var newRAG: RAG?
    public var oldRatedBy: RatingSource?
    public var newRatedBy: RatingSource?
    /// The indicator's decimals, for showing values.
    public var decimals: Int?
}

/// The differences between two editions of a dataset.
public struct EditionDiff: Sendable {
    /// Every change, by kind (`EditionChange.Kind` order), then in the new edition's order of areas,
    /// indicators and periods (the old edition's for removals).
    public let changes: [EditionChange]

    public var isEmpty: Bool { changes.isEmpty }

    public func count(_ kind: EditionChange.Kind) -> Int { changes.count { $0.kind == kind } }

    /// Compares `old` with `new`: rating changes on each series' latest figure, revised figures,
    /// what was added and removed, and changed targets, floors and polarity.
    public init(old: Dataset, new: Dataset) {
        var c = Collector(old: old, new: new)
        c.compareAreas()
        c.compareIndicators()
        c.compareSeries()
        changes = EditionChange.Kind.allCases.flatMap { c.byKind[$0] ?? [] }
    }
}

/// Gathers an `EditionDiff`'s changes kind by kind.
private struct Collector {
    let old: Dataset
    let new: Dataset
    var byKind: [EditionChange.Kind: [EditionChange]] = [:]

    init(old: Dataset, new: Dataset) {
        self.old = old
        self.new = new
    }

    private mutating func add(_ kind: EditionChange.Kind, _ what: String, area: Area?, team: String? = nil,
                              indicator: Indicator?, period: Period? = nil, old oldValue: EditionChange.Value? = nil,
                              new newValue: EditionChange.Value? = nil, oldRow: Int? = nil, newRow: Int? = nil) {
        let oldFigure = oldRow.map(old.changeFigure(row:)), newFigure = newRow.map(new.changeFigure(row:))
        byKind[kind, default: []].append(EditionChange(
            kind: kind, what: what, areaCode: area?.code ?? "", areaName: area?.name ?? "", team: team,
            indicator: indicator?.code ?? "", indicatorName: indicator?.name ?? "", period: period,
            oldPeriod: kind == .rating ? oldFigure?.period : nil, oldValue: oldValue, newValue: newValue,
            oldRAG: oldFigure?.rating, newRAG: newFigure?.rating, oldRatedBy: oldFigure?.ratedBy, newRatedBy: newFigure?.ratedBy,
            decimals: indicator?.decimals))
    }

    mutating func compareAreas() {
        for a in old.areas where new.area(code: a.code) == nil { add(.removed, "area", area: a, indicator: nil) }
        for a in new.areas where old.area(code: a.code) == nil { add(.added, "area", area: a, indicator: nil) }
    }

    mutating func compareIndicators() {
        for i in old.indicators where new.indicator(i.code) == nil { add(.removed, "indicator", area: nil, indicator: i) }
        for i in new.indicators {
            guard let was = old.indicator(i.code) else {
                add(.added, "indicator", area: nil, indicator: i)
                continue
            }
            if was.polarity != i.polarity {
                add(.target, "polarity", area: nil, indicator: i, old: .text(was.polarity.rawValue), new: .text(i.polarity.rawValue))
            }
            let numbers: [(String, Double?, Double?)] = [
                ("target", was.target, i.target), ("floor", was.floor, i.floor),
                ("target_low", was.targetLow, i.targetLow), ("target_high", was.targetHigh, i.targetHigh),
                ("decimals", was.decimals.map(Double.init), i.decimals.map(Double.init)),
            ]
            for (what, before, after) in numbers where before != after {
                add(.target, what, area: nil, indicator: i, old: before.map { .number($0) }, new: after.map { .number($0) })
            }
        }
    }

    /// Series of areas and indicators in both editions: added and removed series, then each
    /// common series' figures and latest rating.
    mutating func compareSeries() {
        for s in 0..<old.seriesCount {
            let info = old.series(s)
            guard let area = new.area(code: info.area), let ind = new.indicator(info.indicator) else { continue }
            if new.seriesID(area: info.area, indicator: info.indicator, team: info.team) == nil {
                add(.removed, "series", area: area, team: info.team, indicator: ind)
            }
        }
        for area in new.areas where old.area(code: area.code) != nil {
            for s in new.seriesIDs(area: area.code) {
                let info = new.series(s)
                let ind = new.indicator(series: s)
                guard old.indicator(ind.code) != nil else { continue }
                guard let os = old.seriesID(area: area.code, indicator: ind.code, team: info.team) else {
                    add(.added, "series", area: area, team: info.team, indicator: ind)
                    continue
                }
                compareFigures(old: os, new: s, area: area, team: info.team, indicator: ind)
                if let or = old.latestRow(series: os), let nr = new.latestRow(series: s), old.rag(row: or) != new.rag(row: nr) {
                    add(.rating, "rating", area: area, team: info.team, indicator: ind, period: new.period(row: nr),
                        old: old.value(row: or).map { .number($0) }, new: new.value(row: nr).map { .number($0) }, oldRow: or, newRow: nr)
                }
            }
        }
    }

    /// The figures of one series in both editions, merged by period.
    private mutating func compareFigures(old os: Int, new ns: Int, area: Area, team: String?, indicator ind: Indicator) {
        let oldRows = Array(old.rows(series: os)), newRows = Array(new.rows(series: ns))
        var i = 0, j = 0
        while i < oldRows.count || j < newRows.count {
            let or = i < oldRows.count ? Int(oldRows[i]) : nil, nr = j < newRows.count ? Int(newRows[j]) : nil
            let op = or.map(old.period(row:)), np = nr.map(new.period(row:))
            if let or, let op, np.map({ op < $0 }) ?? true {
                add(.removed, "figure", area: area, team: team, indicator: ind, period: op,
                    old: old.value(row: or).map { .number($0) }, oldRow: or)
                i += 1
            } else if let nr, let np, op.map({ np < $0 }) ?? true {
                add(.added, "figure", area: area, team: team, indicator: ind, period: np,
                    new: new.value(row: nr).map { .number($0) }, newRow: nr)
                j += 1
            } else if let or, let nr, let np {
                compareFigure(old: or, new: nr, area: area, team: team, indicator: ind, period: np)
                i += 1
                j += 1
            } else {
                break
            }
        }
    }

    /// One figure in both editions: its numbers and published rating, and its own target and floor.
    /// Read from the columns, without making an `Observation` (and its strings) of every row.
    private mutating func compareFigure(old or: Int, new nr: Int, area: Area, team: String?, indicator ind: Indicator, period: Period) {
        let a = old.columns, b = new.columns
        let revisions: [(String, Double?, Double?)] = [
            ("value", optionalDouble(a.value[or]), optionalDouble(b.value[nr])),
            ("numerator", optionalDouble(a.numerator[or]), optionalDouble(b.numerator[nr])),
            ("denominator", optionalDouble(a.denominator[or]), optionalDouble(b.denominator[nr])),
        ]
        for (what, before, after) in revisions where before != after {
            add(.revised, what, area: area, team: team, indicator: ind, period: period,
                old: before.map { .number($0) }, new: after.map { .number($0) }, oldRow: or, newRow: nr)
        }
        let ragBefore = old.publishedRAG(row: or), ragAfter = new.publishedRAG(row: nr)
        if ragBefore != ragAfter {
            add(.revised, "rag", area: area, team: team, indicator: ind, period: period,
                old: ragBefore.map { .text($0.name) }, new: ragAfter.map { .text($0.name) }, oldRow: or, newRow: nr)
        }
        let own: [(String, Double?, Double?)] = [("target", optionalDouble(a.target[or]), optionalDouble(b.target[nr])),
                                                 ("floor", optionalDouble(a.floor[or]), optionalDouble(b.floor[nr]))]
        for (what, before, after) in own where before != after {
            add(.target, what, area: area, team: team, indicator: ind, period: period,
                old: before.map { .number($0) }, new: after.map { .number($0) }, oldRow: or, newRow: nr)
        }
    }
}
