import XCTest
@testable import ScorecardData

/// ragtop is not only for Kent: a hand-written dataset from another council, with only the
/// required columns plus `target`, `rag` and (for CF2) `missed_target`, loads and reports.
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
                       ["CF2 FY2024-25-Q2 24.3", "CF4 2024-10 71"])
        XCTAssertTrue(red.allSatisfy { $0.rag == .red && $0.areaName == "Cardiff" })
        XCTAssertEqual(red.map(\.ratedBy), [.rule, .published], "CF2 misses its target, and its missed_target says RED")
        // No floors: CF5's 92.4 misses 95, and the dataset does not say how CF5 rates a miss, so
        // it is undecided (no colour), not RED. CF3's published AMBER is shown as given.
        let all = ds.report(ReportQuery())
        XCTAssertEqual(all.map { $0.rag?.name ?? "-" }, ["GREEN", "RED", "AMBER", "RED", "-"])
        XCTAssertEqual(all.map { $0.ratedBy?.rawValue ?? "-" }, ["rule", "rule", "published", "published", "undecided"])
        let allRed = ds.report(ReportQuery(rags: [.red], allPeriods: true))
        XCTAssertEqual(allRed.map { "\($0.indicator) \($0.period)" }, ["CF2 FY2024-25-Q2", "CF4 2024-10"],
                       "CF1 Q1, CF3 2024-09, CF4 2024-09 and both CF5 terms miss their targets: undecided, not RED")
        let undecided = ds.report(ReportQuery(allPeriods: true)).filter { $0.ratedBy == .undecided }
        XCTAssertEqual(undecided.map { "\($0.indicator) \($0.period)" },
                       ["CF1 FY2024-25-Q1", "CF3 2024-09", "CF4 2024-09", "CF5 AY2023-24-Spring", "CF5 AY2023-24-Summer"])
        XCTAssertTrue(undecided.allSatisfy { $0.rag == nil })
    }

    func testCSVRendering() throws {
        let ds = try XCTUnwrap(loadOrFail([directory])).dataset
        let csv = ReportFormat.csv.render(ds.report(ReportQuery(rags: [.red])))
        XCTAssertEqual(csv, """
            area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team,rated_by,status,national_rank,national_of,quartile,gap
            W06000015,Cardiff,CF2,Re-referrals to children's social care within 12 months,FY2024-25-Q2,24.3,,,22,RED,↓,,rule,,,,,-2.3
            W06000015,Cardiff,CF4,"Health assessments within 20 working days, looked-after children",2024-10,71,,,90,RED,↓,,published,,,,,-19

            """)
    }
}
