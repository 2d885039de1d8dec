import Synchronization

/// Where a local authority stands among all local authorities with a value for an indicator in
/// one period: its rank (1 = best, polarity-aware, ties share the better rank), how many were
/// ranked, and its quartile (1 = the best quarter).
public struct NationalStanding: Hashable, Sendable {
    public let rank: Int
    /// How many local authorities have a value for the indicator in the period.
    public let of: Int
    /// ceil(4 × rank / of): 1 is the best quarter, 4 the worst.
    public let quartile: Int
    public let period: Period
}

/// One place in a national league: an authority, the row of its figure and its rank.
public struct NationalLeagueEntry: Hashable, Sendable {
    public let area: String
    public let row: Int
    public let rank: Int
}

extension Area {
    /// The `kind`s that make an area a local authority for national ranks (compared ignoring
    /// case, with spaces and hyphens read as underscores): the upper-tier councils that deliver
    /// children's services and education. Districts, regions, countries, NHS bodies and areas
    /// without a kind are not ranked.
    public static let localAuthorityKinds: Set<String> = ["la", "local_authority", "county", "unitary", "metropolitan_district", "london_borough"]

    /// True when the area's kind is one of `localAuthorityKinds`.
    public var isLocalAuthority: Bool {
        guard let kind else { return false }
        let normal = String(kind.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        return Area.localAuthorityKinds.contains(normal)
    }
}

extension Dataset {
    /// The national standing of a row's figure: for a local authority's own series (not a
    /// team's), among every local authority with a value for the indicator in the row's period.
    /// Nil for other areas, empty values, T indicators without a band or target, and where fewer
    /// than `Ranking.minimumForNationalRank` authorities have a value. The first call for an
    /// indicator ranks all its periods at once; later calls are lookups.
    public func nationalStanding(row r: Int) -> NationalStanding? {
        guard columns.team[r] < 0, columns.value[r].isFinite else { return nil }
        let period = columns.period[r]
        let table = nationalStandings(indicator: columns.indicator[r])
        guard let ranked = table[period], let position = ranked.position[columns.area[r]] else { return nil }
        return NationalStanding(rank: ranked.entries[Int(position)].rank, of: ranked.entries.count,
                                quartile: Ranking.quartile(rank: ranked.entries[Int(position)].rank, of: ranked.entries.count), period: period)
    }

    /// `nationalStanding(row:)` of an area's own figure for an indicator in a period.
    public func nationalStanding(area: String, indicator: String, period: Period) -> NationalStanding? {
        guard let s = seriesID(area: area, indicator: indicator),
              let r = rows(series: s).first(where: { columns.period[Int($0)] == period }) else { return nil }
        return nationalStanding(row: Int(r))
    }

    /// Every local authority with a value for an indicator in a period, best first (ties in
    /// areas.csv order), or nil where fewer than `Ranking.minimumForNationalRank` have one.
    public func nationalLeague(indicator: String, period: Period) -> [NationalLeagueEntry]? {
        guard let i = indicatorIndex[indicator] else { return nil }
        return nationalStandings(indicator: i)[period]?.entries
    }

    /// The periods in which an indicator has national ranks, oldest first.
    public func nationalPeriods(indicator: String) -> [Period] {
        guard let i = indicatorIndex[indicator] else { return [] }
        return nationalStandings(indicator: i).keys.sorted()
    }

    /// How many indicators have been ranked so far (each is ranked once, when first asked for).
    var nationalRankingsComputed: Int { nationalStandings.computed }

    private func nationalStandings(indicator i: Int32) -> [Period: RankedPeriod] {
        nationalStandings.standings(indicator: i) { rankNationally(indicator: i) }
    }

    /// Ranks the local authorities' own series of an indicator, period by period.
    private func rankNationally(indicator i: Int32) -> [Period: RankedPeriod] {
        let rule = RatingRule(indicators[Int(i)])
        var isAuthority: [Int32: Bool] = [:]
        struct Figures {
            var areas: [Int32] = [], rows: [Int32] = [], keys: [Double] = []
        }
        var byPeriod: [Period: Figures] = [:]
        for s in seriesByIndicator[Int(i)] where seriesTeam[Int(s)] < 0 {
            let a = seriesArea[Int(s)]
            let authority = isAuthority[a] ?? areas[Int(a)].isLocalAuthority
            isAuthority[a] = authority
            guard authority else { continue }
            for r in rows(series: Int(s)) {
                guard let key = Ranking.key(columns.value[Int(r)], rule) else { continue }
                let period = columns.period[Int(r)]
                byPeriod[period, default: Figures()].areas.append(a)
                byPeriod[period]?.rows.append(r)
                byPeriod[period]?.keys.append(key)
            }
        }
        var out: [Period: RankedPeriod] = [:]
        for (period, group) in byPeriod where group.keys.count >= Ranking.minimumForNationalRank {
            // Ties keep areas.csv order.
            let byArea = group.areas.indices.sorted { group.areas[$0] < group.areas[$1] }
            let (ranks, order) = Ranking.rank(keys: byArea.map { group.keys[$0] })
            var entries: [NationalLeagueEntry] = []
            var position: [Int32: Int32] = [:]
            for k in order {
                let j = byArea[k]
                position[group.areas[j]] = Int32(entries.count)
                entries.append(NationalLeagueEntry(area: areas[Int(group.areas[j])].code, row: Int(group.rows[j]), rank: ranks[k]))
            }
            out[period] = RankedPeriod(entries: entries, position: position)
        }
        return out
    }
}

/// One period's national league: entries best first, and each area's place in it.
struct RankedPeriod: Sendable {
    let entries: [NationalLeagueEntry]
    /// Area index → position in `entries`.
    let position: [Int32: Int32]
}

/// The national leagues of each indicator, ranked when first asked for and kept: the dashboard
/// asks on every frame.
final class NationalStandingCache: Sendable {
    private let table = Mutex<[Int32: [Period: RankedPeriod]]>([:])
    private let count = Atomic<Int>(0)

    /// The leagues of an indicator, computing them with `rank` the first time.
    func standings(indicator: Int32, rank: () -> [Period: RankedPeriod]) -> [Period: RankedPeriod] {
        table.withLock { table in
            if let known = table[indicator] { return known }
            let ranked = rank()
            table[indicator] = ranked
            count.add(1, ordering: .relaxed)
            return ranked
        }
    }

    /// How many indicators have been ranked.
    var computed: Int { count.load(ordering: .relaxed) }
}
