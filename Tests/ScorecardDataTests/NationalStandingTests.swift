import Foundation
import XCTest
@testable import ScorecardData

/// National rank and quartile on small datasets written for each case.
final class NationalStandingTests: XCTestCase {
    private struct NotLoaded: Error {}

    /// A dataset of England, a region, a district and local authorities L1… with `values` for
    /// indicator P1 in 2024 (nil: an empty value), plus any extra observation rows.
    private func dataset(_ values: [Double?], polarity: String = "H", decimals: String = "1", band: (String, String, String) = ("", "", ""),
                         kind: String = "la", extraRows: [String] = [], function: String = #function) throws -> (Dataset, TempDataset) {
        var areas = "code,name,parent,kind\nE1,England,,country\nR1,Region,E1,region\nC1,County,R1,county\nD1,District,C1,district\n"
        var obs = "area,indicator,period,value,team\n"
        for (i, v) in values.enumerated() {
            areas += "L\(i + 1),Authority \(i + 1),R1,\(kind)\n"
            obs += "L\(i + 1),P1,2024,\(v.map(ValueFormatter.plain) ?? ""),\n"
        }
        obs += extraRows.map { $0 + "\n" }.joined()
        let indicators = "code,name,polarity,period_type,decimals,target,target_low,target_high\nP1,Plans,\(polarity),A,\(decimals),\(band.0),\(band.1),\(band.2)\n"
        let dir = try TempDataset(["areas.csv": areas, "indicators.csv": indicators, "observations.csv": obs], function: function)
        guard let ds = loadOrFail([dir.path])?.dataset else {
            dir.remove()
            throw NotLoaded()
        }
        return (ds, dir)
    }

    private func standing(_ ds: Dataset, _ area: String, _ period: String = "2024") -> String {
        guard let s = ds.nationalStanding(area: area, indicator: "P1", period: .p(period)) else { return "-" }
        return "\(s.rank)/\(s.of) Q\(s.quartile)"
    }

    func testHigherIsBetterWithTiesSharingTheBetterRank() throws {
        let (ds, dir) = try dataset([50, 70, 70, 40, 90, 60, 60, 60, 10, 20])
        defer { dir.remove() }
        XCTAssertEqual((1...10).map { standing(ds, "L\($0)") },
                       ["7/10 Q3", "2/10 Q1", "2/10 Q1", "8/10 Q4", "1/10 Q1", "4/10 Q2", "4/10 Q2", "4/10 Q2", "10/10 Q4", "9/10 Q4"])
        let league = try XCTUnwrap(ds.nationalLeague(indicator: "P1", period: .p("2024")))
        XCTAssertEqual(league.map(\.area), ["L5", "L2", "L3", "L6", "L7", "L8", "L1", "L4", "L10", "L9"], "best first, ties in areas.csv order")
        XCTAssertEqual(league.map(\.rank), [1, 2, 2, 4, 4, 4, 7, 8, 9, 10])
        XCTAssertEqual(league.map { ds.value(row: $0.row) }, [90, 70, 70, 60, 60, 60, 50, 40, 20, 10])
        XCTAssertEqual(ds.nationalPeriods(indicator: "P1"), [.p("2024")])
    }

    func testLowerIsBetter() throws {
        let (ds, dir) = try dataset([50, 70, 70, 40, 90, 60, 60, 60, 10, 20], polarity: "L")
        defer { dir.remove() }
        XCTAssertEqual((1...10).map { standing(ds, "L\($0)") },
                       ["4/10 Q2", "8/10 Q4", "8/10 Q4", "3/10 Q2", "10/10 Q4", "5/10 Q2", "5/10 Q2", "5/10 Q2", "1/10 Q1", "2/10 Q1"])
    }

    /// T: closest to the band first; inside the band is distance 0, so all inside tie at 1.
    func testCloseToTheTargetBand() throws {
        let (ds, dir) = try dataset([15, 20, 22.5, 25, 26, 12, 30, 17.4, 18], polarity: "T", band: ("", "17.5", "22.5"))
        defer { dir.remove() }
        // Distances: 2.5, 0, 0, 2.5, 3.5, 5.5, 7.5, 0.1, 0.
        XCTAssertEqual((1...9).map { standing(ds, "L\($0)") },
                       ["5/9 Q3", "1/9 Q1", "1/9 Q1", "5/9 Q3", "7/9 Q4", "8/9 Q4", "9/9 Q4", "4/9 Q2", "1/9 Q1"])
        // With only a target, the band is that one value (distances 5, 0, 2.5, 5, 6, 8, 10, 2.6); with neither, T cannot be ranked.
        let (single, d2) = try dataset([15, 20, 22.5, 25, 26, 12, 30, 17.4], polarity: "T", band: ("20", "", ""))
        defer { d2.remove() }
        XCTAssertEqual((1...8).map { standing(single, "L\($0)") }, ["4/8 Q2", "1/8 Q1", "2/8 Q1", "4/8 Q2", "6/8 Q3", "7/8 Q4", "8/8 Q4", "3/8 Q2"])
        let (none, d3) = try dataset([15, 20, 22.5, 25, 26, 12, 30, 17.4], polarity: "T")
        defer { d3.remove() }
        XCTAssertEqual((1...8).map { standing(none, "L\($0)") }, Array(repeating: "-", count: 8))
        XCTAssertNil(none.nationalLeague(indicator: "P1", period: .p("2024")))
    }

    /// Values are compared at the indicator's decimals: 40.04 and 40.0 both print as 40.0.
    func testValuesTieAsPrinted() throws {
        let (ds, dir) = try dataset([40.04, 40.0, 39.96, 41, 42, 43, 44, 45])
        defer { dir.remove() }
        XCTAssertEqual((1...3).map { standing(ds, "L\($0)") }, ["6/8 Q3", "6/8 Q3", "6/8 Q3"])
        let (exact, d2) = try dataset([40.04, 40.0, 39.96, 41, 42, 43, 44, 45], decimals: "2")
        defer { d2.remove() }
        XCTAssertEqual((1...3).map { standing(exact, "L\($0)") }, ["6/8 Q3", "7/8 Q4", "8/8 Q4"])
    }

    /// Fewer than eight authorities with a value: no rank. Empty values do not count.
    func testEightAuthoritiesAreNeeded() throws {
        let (seven, d1) = try dataset([1, 2, 3, 4, 5, 6, 7, nil])
        defer { d1.remove() }
        XCTAssertEqual((1...8).map { standing(seven, "L\($0)") }, Array(repeating: "-", count: 8))
        XCTAssertNil(seven.nationalLeague(indicator: "P1", period: .p("2024")))
        XCTAssertEqual(seven.nationalPeriods(indicator: "P1"), [])
        let (eight, d2) = try dataset([1, 2, 3, 4, 5, 6, 7, 8, nil])
        defer { d2.remove() }
        XCTAssertEqual((1...9).map { standing(eight, "L\($0)") }, ["8/8 Q4", "7/8 Q4", "6/8 Q3", "5/8 Q3", "4/8 Q2", "3/8 Q2", "2/8 Q1", "1/8 Q1", "-"])
    }

    /// Only local authorities are ranked: not England, regions, districts or teams; a county is
    /// one, and a figure for another period stands apart.
    func testOnlyLocalAuthoritiesOwnFiguresAreRanked() throws {
        let (ds, dir) = try dataset([10, 20, 30, 40, 50, 60, 70],
                                    extraRows: ["E1,P1,2024,99,", "R1,P1,2024,98,", "D1,P1,2024,97,", "C1,P1,2024,35,",
                                                "L1,P1,2024,100,Team A", "L1,P1,2023,5,"])
        defer { dir.remove() }
        XCTAssertEqual(["L1", "L2", "L3", "C1", "L4", "L7", "E1", "R1", "D1"].map { standing(ds, $0) },
                       ["8/8 Q4", "7/8 Q4", "6/8 Q3", "5/8 Q3", "4/8 Q2", "1/8 Q1", "-", "-", "-"])
        XCTAssertEqual(standing(ds, "L1", "2023"), "-", "one authority in 2023")
        let team = try XCTUnwrap(ds.seriesID(area: "L1", indicator: "P1", team: "Team A"))
        XCTAssertNil(ds.nationalStanding(row: try XCTUnwrap(ds.latestRow(series: team))))
    }

    func testLocalAuthorityKinds() {
        for kind in ["la", "LA", "county", "Unitary", "london borough", "metropolitan-district", "local_authority"] {
            XCTAssertTrue(Area(code: "x", name: "x", kind: kind).isLocalAuthority, kind)
        }
        for kind in [nil, "", "district", "region", "country", "icb", "nhs_provider", "county council"] {
            XCTAssertFalse(Area(code: "x", name: "x", kind: kind).isLocalAuthority, kind ?? "nil")
        }
    }

    func testQuartileIsTheCeilingOfFourRanksOverCount() {
        XCTAssertEqual((1...8).map { Ranking.quartile(rank: $0, of: 8) }, [1, 1, 2, 2, 3, 3, 4, 4])
        XCTAssertEqual((1...10).map { Ranking.quartile(rank: $0, of: 10) }, [1, 1, 2, 2, 2, 3, 3, 4, 4, 4])
        XCTAssertEqual([1, 38, 39, 77, 111, 115, 153].map { Ranking.quartile(rank: $0, of: 153) }, [1, 1, 2, 3, 3, 4, 4])
    }

    /// Each indicator is ranked once, when first asked for, however many rows ask: counted, not
    /// timed, on a dataset the size of the benchmark's (162 areas, 600 indicators).
    func testEachIndicatorIsRankedOnceAtEnglandScale() throws {
        var areas = "code,name,parent,kind\nE92000001,England,,country\n"
        for a in 1...161 { areas += "E06\(String(format: "%06d", a)),Authority \(a),E92000001,la\n" }
        var indicators = "code,name,polarity,period_type,decimals,target_low,target_high\n"
        var obs = "area,indicator,period,value\n"
        for i in 1...600 {
            let polarity = ["H", "L", "T"][i % 3]
            indicators += "I\(i),Indicator \(i),\(polarity),A,0,\(polarity == "T" ? "40,60" : ",")\n"
            for a in 1...161 {
                // Values 0…99 in a different order for each indicator, so ranks vary and tie.
                obs += "E06\(String(format: "%06d", a)),I\(i),2024,\((a * 37 + i * 11) % 100)\n"
            }
            obs += "E92000001,I\(i),2024,50\n"
        }
        let dir = try TempDataset(["areas.csv": areas, "indicators.csv": indicators, "observations.csv": obs])
        defer { dir.remove() }
        let ds = try XCTUnwrap(loadOrFail([dir.path])).dataset
        XCTAssertEqual(ds.areas.count, 162)
        XCTAssertEqual(ds.nationalRankingsComputed, 0, "nothing is ranked at load")
        var ranked = 0
        for pass in 0..<2 {
            for r in 0..<ds.observationCount {
                guard let s = ds.nationalStanding(row: r) else { continue }
                XCTAssertEqual(s.of, 161)
                if pass == 0 { ranked += 1 }
            }
            XCTAssertEqual(ds.nationalRankingsComputed, 600, "pass \(pass + 1)")
        }
        XCTAssertEqual(ranked, 600 * 161, "every authority's figure has a rank; England's has none")
        // The league agrees with the per-row standing.
        let league = try XCTUnwrap(ds.nationalLeague(indicator: "I7", period: .p("2024")))
        XCTAssertEqual(league.count, 161)
        for e in league { XCTAssertEqual(ds.nationalStanding(row: e.row)?.rank, e.rank) }
        XCTAssertEqual(ds.nationalRankingsComputed, 600)
    }
}
