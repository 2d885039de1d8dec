import XCTest
@testable import ScorecardData

/// ragtop is not only for Kent: a hand-written dataset from another council, with only the
/// required columns plus `target` and `rag`, loads and reports.
final class OtherCouncilTests: XCTestCase {
    var directory: String { Fixtures.directory("other-council") }

    func testLoadsWithoutWarnings() throws {
        let result = try XCTUnwrap(loadOrFail([directory]))
        XCTAssertEqual(result.diagnostics, [])
        let ds = result.dataset
        XCTAssertEqual(ds.areas.map(\.name), ["Cardiff"])
        XCTAssertEqual(ds.indicators.map(\.code), ["CF1", "CF2", "CF3", "CF4", "CF5"])
        XCTAssertEqual(ds.observationCount, 11)
        XCTAssertEqual(ds.defaultArea?.code, "W06000015")
    }

    func testRedReportListsExactlyTheRedRows() throws {
        let ds = try XCTUnwrap(loadOrFail([directory])).dataset
        let red = ds.report(ReportQuery(rags: [.red]))
        XCTAssertEqual(red.map { "\($0.indicator) \($0.period) \(ValueFormatter.plain(opt: $0.value))" },
                       ["CF2 FY2024-25-Q2 24.3", "CF4 2024-10 71", "CF5 AY2023-24-Summer 92.4"])
        XCTAssertTrue(red.allSatisfy { $0.rag == .red && $0.areaName == "Cardiff" })
        // CF3's latest is published AMBER (the rule alone would say RED: no floor) and is not listed;
        // CF1's Q1 is RED but not the latest.
        let all = ds.report(ReportQuery())
        XCTAssertEqual(all.map { $0.rag?.name ?? "-" }, ["GREEN", "RED", "AMBER", "RED", "RED"])
        let allRed = ds.report(ReportQuery(rags: [.red], allPeriods: true))
        XCTAssertEqual(allRed.map { "\($0.indicator) \($0.period)" },
                       ["CF1 FY2024-25-Q1", "CF2 FY2024-25-Q2", "CF3 2024-09", "CF4 2024-09", "CF4 2024-10",
                        "CF5 AY2023-24-Spring", "CF5 AY2023-24-Summer"])
    }

    func testCSVRendering() throws {
        let ds = try XCTUnwrap(loadOrFail([directory])).dataset
        let csv = ReportFormat.csv.render(ds.report(ReportQuery(rags: [.red])))
        XCTAssertEqual(csv, """
            area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team,national_rank,national_of,quartile,gap
            W06000015,Cardiff,CF2,Re-referrals to children's social care within 12 months,FY2024-25-Q2,24.3,,,22,RED,↓,,,,,-2.3
            W06000015,Cardiff,CF4,"Health assessments within 20 working days, looked-after children",2024-10,71,,,90,RED,↓,,,,,-19
            W06000015,Cardiff,CF5,Pupil attendance,AY2023-24-Summer,92.4,,,95,RED,↓,,,,,-2.6

            """)
    }
}
