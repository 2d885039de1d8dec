import Foundation
import XCTest
@testable import ScorecardData

/// `neighbourReport`: another council's dataset with its own neighbours.csv
/// (Fixtures/welsh-neighbours, figures worked out by hand in the comments).
final class NeighbourReportTests: XCTestCase {
    private var dataset: Dataset {
        get throws { try XCTUnwrap(loadOrFail([Fixtures.directory("welsh-neighbours")])).dataset }
    }

    private func summary(_ rows: [ReportRow]) -> [String] {
        rows.map { r in
            let n = r.neighbourhood
            return "\(n?.neighbour.map(String.init) ?? "-") \(r.areaName) \(r.value.map(ValueFormatter.plain) ?? "none") \(n?.rank.map { "\($0)/\(n?.of ?? 0)" } ?? "-")"
        }
    }

    func testAForeignDatasetWithItsOwnNeighbours() throws {
        let ds = try dataset
        XCTAssertEqual(ds.neighbours.of("W06000015").map(\.neighbour), ["W06000011", "W06000022", "W06000014", "W06000016", "W06000024"])
        XCTAssertEqual(ds.neighbours.of("W06000015").map(\.closeness), Array(repeating: nil, count: 5), "no closeness column")
        let report = ds.neighbourReport(area: "W06000015", ReportQuery(indicator: "CF4"))
        // Oct-24, higher is better: Newport 90.2, Vale 88.0, Swansea 84.5, RCT 79.3, Cardiff 71.0;
        // Merthyr has no October figure (its September one is not compared).
        XCTAssertEqual(summary(report.rows), ["- Cardiff 71 5/5", "1 Swansea 84.5 3/5", "2 Newport 90.2 1/5", "3 Vale of Glamorgan 88 2/5",
                                              "4 Rhondda Cynon Taf 79.3 4/5", "5 Merthyr Tydfil none -"])
        XCTAssertEqual(Set(report.rows.map(\.period)), [.p("2024-10")])
        // Mean (84.5 + 90.2 + 88.0 + 79.3) / 4 = 85.5; median (84.5 + 88.0) / 2 = 86.25 → 86.3.
        XCTAssertEqual(Set(report.rows.map { $0.neighbourhood?.mean }), [85.5])
        XCTAssertEqual(Set(report.rows.map { $0.neighbourhood?.median }), [86.3])
        XCTAssertEqual(report.indicatorsWithoutNeighbours, 0)
        // Unitary authorities are local authorities: national ranks among the nine with a figure,
        // Swansea and Neath Port Talbot tied at 84.5.
        XCTAssertEqual(report.rows.map { $0.national.map { "\($0.rank)/\($0.of) Q\($0.quartile)" } ?? "-" },
                       ["8/9 Q4", "4/9 Q2", "2/9 Q1", "3/9 Q2", "6/9 Q3", "-"])
        XCTAssertEqual(ds.nationalStanding(area: "W06000012", indicator: "CF4", period: .p("2024-10"))?.rank, 4)
    }

    func testLowerIsBetterSortedAndFiltered() throws {
        let ds = try dataset
        // Q2: Vale 18.2, Swansea 19.0, RCT 21.5, Cardiff 24.3, Newport 26.1, Merthyr 30.0.
        let rows = ds.neighbourReport(area: "W06000015", ReportQuery(indicator: "cf2")).rows
        XCTAssertEqual(summary(rows), ["- Cardiff 24.3 4/6", "1 Swansea 19 2/6", "2 Newport 26.1 5/6", "3 Vale of Glamorgan 18.2 1/6",
                                       "4 Rhondda Cynon Taf 21.5 3/6", "5 Merthyr Tydfil 30 6/6"])
        // (19.0 + 26.1 + 18.2 + 21.5 + 30.0) / 5 = 22.96 → 23.0; median 21.5.
        XCTAssertEqual(rows.first?.neighbourhood?.mean, 23)
        XCTAssertEqual(rows.first?.neighbourhood?.median, 21.5)
        let sorted = ds.neighbourReport(area: "W06000015", ReportQuery(indicator: "CF2"), sort: ReportSort(.neighbourRank)).rows
        XCTAssertEqual(sorted.map(\.areaName), ["Vale of Glamorgan", "Swansea", "Rhondda Cynon Taf", "Cardiff", "Newport", "Merthyr Tydfil"])
        let red = ds.neighbourReport(area: "W06000015", ReportQuery(indicator: "CF2", rags: [.red])).rows
        XCTAssertEqual(summary(red), ["- Cardiff 24.3 4/6", "2 Newport 26.1 5/6", "5 Merthyr Tydfil 30 6/6"], "ranked before the filter")
    }

    /// Groups per indicator; with every period, one per period of the area's own series.
    func testGroupsAndPeriods() throws {
        let ds = try dataset
        let all = ds.neighbourReport(area: "W06000015", ReportQuery())
        XCTAssertEqual(all.rows.map(\.indicator), Array(repeating: "CF2", count: 6) + Array(repeating: "CF4", count: 6))
        let periods = ds.neighbourReport(area: "W06000015", ReportQuery(indicator: "CF4", allPeriods: true)).rows
        XCTAssertEqual(periods.map(\.period.description), Array(repeating: "2024-09", count: 6) + Array(repeating: "2024-10", count: 6))
        // September: only Cardiff 68.0 and Merthyr 81.0 have figures.
        XCTAssertEqual(summary(Array(periods.prefix(6))), ["- Cardiff 68 2/2", "1 Swansea none -", "2 Newport none -", "3 Vale of Glamorgan none -",
                                                          "4 Rhondda Cynon Taf none -", "5 Merthyr Tydfil 81 1/2"])
        XCTAssertEqual(periods.first?.neighbourhood?.mean, 81)
        // Swansea's neighbours: Neath Port Talbot ties with it.
        let swansea = ds.neighbourReport(area: "W06000011", ReportQuery(indicator: "CF4")).rows
        XCTAssertEqual(summary(swansea), ["- Swansea 84.5 1/4", "1 Neath Port Talbot 84.5 1/4", "2 Cardiff 71 3/4", "3 Bridgend 65.4 4/4"])
        XCTAssertEqual(ds.neighbourReport(area: "W06000018", ReportQuery()).rows, [], "an area without neighbours")
    }

    func testIndicatorsNoNeighbourHasAreLeftOutAndCounted() throws {
        let dir = try TempDataset([
            "areas.csv": "code,name,parent,kind\nA,Aa,,la\nB,Bb,,la\n",
            "indicators.csv": "code,name,polarity,period_type,decimals\nI1,One,H,A,0\nI2,Two,H,A,0\nI3,Three,T,A,0\n",
            "observations.csv": "area,indicator,period,value\nA,I1,2024,1\nA,I2,2024,2\nB,I2,2024,3\nA,I3,2024,5\nB,I3,2024,6\n",
            "neighbours.csv": "area_code,neighbour_code,rank\nA,B,1\n",
        ])
        defer { dir.remove() }
        let ds = try XCTUnwrap(loadOrFail([dir.path])).dataset
        let report = ds.neighbourReport(area: "A", ReportQuery())
        XCTAssertEqual(report.indicatorsWithoutNeighbours, 1)
        XCTAssertEqual(report.rows.map(\.indicator), ["I2", "I2", "I3", "I3"])
        // A T indicator without a band cannot be ranked; the mean and median still stand.
        XCTAssertEqual(report.rows.suffix(2).map { $0.neighbourhood?.rank }, [nil, nil])
        XCTAssertEqual(report.rows.suffix(2).map { $0.neighbourhood?.of }, [0, 0])
        XCTAssertEqual(report.rows.last?.neighbourhood?.median, 6)
    }

    func testMeanAndMedianAsPrinted() {
        func mm(_ v: [Double], _ d: Int?) -> String {
            let r = Dataset.meanAndMedian(v, decimals: d)
            return "\(r.mean.map(ValueFormatter.plain) ?? "-") \(r.median.map(ValueFormatter.plain) ?? "-")"
        }
        XCTAssertEqual(mm([16.2, 81.9, 3.2, 66.7, 25.4, 55.7, 37.5, 11.4, 73.0, 33.5], 1), "40.5 35.5", "40.45 rounds half away from zero")
        XCTAssertEqual(mm([0.1, 0.2], 2), "0.15 0.15")
        XCTAssertEqual(mm([1, 2], 0), "2 2", "1.5 → 2")
        XCTAssertEqual(mm([-1, -2], 0), "-2 -2", "-1.5 → -2")
        XCTAssertEqual(mm([1, 2, 4], nil), "2 2", "without decimals: the places the figures have")
        XCTAssertEqual(mm([1.25, 2], nil), "1.63 1.63")
        XCTAssertEqual(mm([], 1), "- -")
        XCTAssertEqual(mm([.nan, 3], 1), "3 3")
    }
}
