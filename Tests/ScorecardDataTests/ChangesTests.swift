import XCTest
@testable import ScorecardData

/// The "what changed" query on a small dataset where every group has a known member.
final class ChangesTests: XCTestCase {
    static let areas = "code,name,parent\nE1,England,\nK1,Kent,E1\nD1,Dover,K1\n"
    static let indicators = """
    code,name,group,polarity,period_type,unit,decimals,target,floor
    NR,Newly red,G1,H,MS,percent,1,80,70
    WO,Worsened,G1,H,MS,percent,1,80,70
    IM,Improved,G1,L,MS,count,0,10,20
    BG,Back to green,G2,H,MS,percent,1,50,
    SR,Still red,G2,H,MS,percent,1,80,70
    UN,Unchanged,G2,H,MS,percent,1,50,
    CNT,Unrated count,G3,L,MS,count,0,,
    QT,Quarterly,G3,H,Q,percent,1,50,40
    LIN,Linear,G3,H,MS,score,0,,
    FLAT,Flat,G3,L,MS,days,0,,
    TWO,Two figures,G3,H,A,rate,1,,

    """
    /// NR: GREEN a year ago and in August, AMBER in September, RED in October.
    /// SR: RED from June to October, October's published. LIN: 1…12 over the last 12 months
    /// (and 100 a month before the window). D1's team is newly RED.
    static let observations = """
    area,indicator,period,value,rag,team
    K1,NR,2023-10,90,,
    K1,NR,2024-08,82,,
    K1,NR,2024-09,75,,
    K1,NR,2024-10,65,,
    K1,WO,2024-09,85,,
    K1,WO,2024-10,75,,
    K1,IM,2024-09,25,,
    K1,IM,2024-10,15,,
    K1,BG,2024-09,40,,
    K1,BG,2024-10,55,,
    K1,SR,2024-06,60,,
    K1,SR,2024-07,60,,
    K1,SR,2024-08,65,,
    K1,SR,2024-09,66,,
    K1,SR,2024-10,68,RED,
    K1,UN,2024-09,60,,
    K1,UN,2024-10,61,,
    K1,CNT,2024-09,200,,
    K1,CNT,2024-10,150,,
    K1,QT,FY2024-25-Q1,45,,
    K1,QT,FY2024-25-Q2,55,,
    K1,LIN,2023-10,100,,
    K1,LIN,2023-11,1,,
    K1,LIN,2023-12,2,,
    K1,LIN,2024-01,3,,
    K1,LIN,2024-02,4,,
    K1,LIN,2024-03,5,,
    K1,LIN,2024-04,6,,
    K1,LIN,2024-05,7,,
    K1,LIN,2024-06,8,,
    K1,LIN,2024-07,9,,
    K1,LIN,2024-08,10,,
    K1,LIN,2024-09,11,,
    K1,LIN,2024-10,12,,
    K1,FLAT,2024-08,5,,
    K1,FLAT,2024-09,5,,
    K1,FLAT,2024-10,5,,
    K1,TWO,AY2022-23,1.0,,
    K1,TWO,AY2023-24,2.0,,
    D1,SR,2024-09,70,,Dover CSWT
    D1,SR,2024-10,69,,Dover CSWT

    """
    static let notes = "area_code,indicator,period,kind,text\nK1,NR,2024-10,commentary,Why it fell\n"

    private var dir: TempDataset?
    private var ds: Dataset!

    /// This dataset with `notes` as its notes.csv, written to a temporary directory and loaded.
    static func load(notes: String) throws -> (TempDataset, Dataset) {
        let dir = try TempDataset(["areas.csv": areas, "indicators.csv": indicators, "observations.csv": observations, "notes.csv": notes])
        return (dir, try XCTUnwrap(loadOrFail([dir.path])?.dataset))
    }

    override func setUpWithError() throws {
        (dir, ds) = try Self.load(notes: Self.notes)
    }

    override func tearDown() { dir?.remove() }

    private func row(_ changes: Changes?, _ code: String, team: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> ChangeRow {
        try XCTUnwrap(changes?.rows.first { $0.indicator.code == code && $0.team == team }, "no row for \(code)", file: file, line: line)
    }

    func testGroupsAgainstThePreviousPeriod() throws {
        let changes = try XCTUnwrap(ds.changes(area: "K1"))
        XCTAssertEqual(changes.area.name, "Kent")
        XCTAssertEqual(changes.rows.map(\.indicator.code), ["NR", "WO", "IM", "BG", "QT", "SR", "UN", "CNT", "LIN", "FLAT", "TWO"],
                       "by group, then in indicator order")
        XCTAssertEqual(changes.rows(in: .newlyRed).map(\.indicator.code), ["NR"])
        XCTAssertEqual(changes.rows(in: .worsened).map(\.indicator.code), ["WO"])
        XCTAssertEqual(changes.rows(in: .improved).map(\.indicator.code), ["IM"])
        XCTAssertEqual(changes.rows(in: .backToGreen).map(\.indicator.code), ["BG", "QT"])
        XCTAssertEqual(changes.rows(in: .stillRed).map(\.indicator.code), ["SR"])
        XCTAssertEqual(changes.count(.unchanged), 5)
        XCTAssertEqual(changes.reportingPeriod, Period.month(2024, 10))

        let nr = try row(changes, "NR")
        XCTAssertEqual(nr.latest, ChangeFigure(period: .month(2024, 10), value: 65, rating: .red, ratedBy: .rule, target: 80, floor: 70))
        XCTAssertEqual(nr.compared, ChangeFigure(period: .month(2024, 9), value: 75, rating: .amber, ratedBy: .rule, target: 80, floor: 70))
        XCTAssertEqual(nr.change?.label, "-10.0 pts")
        XCTAssertEqual(nr.direction, .worsened)
        XCTAssertEqual(nr.periodsRed, 1)
        XCTAssertTrue(nr.hasNotes)
        XCTAssertFalse(try row(changes, "WO").hasNotes)

        let sr = try row(changes, "SR")
        XCTAssertEqual(sr.periodsRed, 5, "June to October")
        XCTAssertEqual(sr.latest.ratedBy, .published)
        XCTAssertEqual(sr.compared?.ratedBy, .rule)
        XCTAssertEqual(try row(changes, "IM").change?.label, "-40.0%", "a count moves by a % of the old value")
        XCTAssertEqual(try row(changes, "IM").change?.measure, .percent)
        XCTAssertEqual(try row(changes, "CNT").change?.label, "-25.0%")
        XCTAssertNil(try row(changes, "CNT").latest.rating)
        XCTAssertEqual(try row(changes, "QT").compared?.period, Period(kind: .financialQuarter, year: 2024, index: 1))
        XCTAssertEqual(try row(changes, "BG").periodsRed, 0)
        XCTAssertEqual(try row(changes, "BG").compared?.ratedBy, .undecided, "40 misses 50 with no floor: target missed")
        XCTAssertNil(try row(changes, "BG").compared?.rating)
        XCTAssertEqual(try row(changes, "WO").change?.label, "-10.0 pts")
    }

    /// A missed target without a floor ("undecided") is below GREEN but not known to be RED.
    func testGroupsAroundATargetMissedWithoutAFloor() {
        XCTAssertEqual(ChangeGroup(old: nil, new: .green, oldMissed: true), .backToGreen)
        XCTAssertEqual(ChangeGroup(old: .green, new: nil, newMissed: true), .worsened)
        XCTAssertEqual(ChangeGroup(old: nil, new: .red, oldMissed: true), .newlyRed)
        XCTAssertEqual(ChangeGroup(old: .red, new: nil, newMissed: true), .unchanged, "RED to target missed: cannot tell")
        XCTAssertEqual(ChangeGroup(old: .amber, new: nil, newMissed: true), .unchanged)
        XCTAssertEqual(ChangeGroup(old: nil, new: .green), .unchanged, "nothing rated before")
    }

    func testGroupsSinceAPeriod() throws {
        let since = try XCTUnwrap(ds.changes(area: "K1", comparedWith: .since(.month(2024, 8))))
        let nr = try row(since, "NR")
        XCTAssertEqual(nr.group, .newlyRed)
        XCTAssertEqual(nr.compared?.period, .month(2024, 8))
        XCTAssertEqual(nr.compared?.rating, .green)
        XCTAssertEqual(nr.change?.label, "-17.0 pts")
        let sr = try row(since, "SR")
        XCTAssertEqual(sr.group, .stillRed)
        XCTAssertEqual(sr.compared?.value, 65)
        let qt = try row(since, "QT")
        XCTAssertEqual(qt.compared?.period, Period(kind: .financialQuarter, year: 2024, index: 1), "the quarter that had ended by August")
        XCTAssertEqual(qt.group, .backToGreen)
        XCTAssertEqual(try row(since, "TWO").compared?.period, Period(kind: .academicYear, year: 2023),
                       "AY2023-24 ends in August: nothing newer since")

        let september = try XCTUnwrap(ds.changes(area: "K1", comparedWith: .since(.month(2024, 9))))
        let qtSep = try row(september, "QT")
        XCTAssertEqual(qtSep.compared?.period, Period(kind: .financialQuarter, year: 2024, index: 2), "Q2 ends in September")
        XCTAssertEqual(qtSep.group, .unchanged)
        XCTAssertEqual(qtSep.change?.label, "0.0 pts")

        let beforeEverything = try XCTUnwrap(ds.changes(area: "K1", comparedWith: .since(.month(2020, 1))))
        XCTAssertNil(try row(beforeEverything, "NR").compared)
        XCTAssertEqual(try row(beforeEverything, "NR").group, .newlyRed, "RED with nothing to compare")
        XCTAssertEqual(try row(beforeEverything, "WO").group, .unchanged)
    }

    func testGroupsAgainstAYearEarlier() throws {
        let changes = try XCTUnwrap(ds.changes(area: "K1", comparedWith: .yearEarlier))
        let nr = try row(changes, "NR")
        XCTAssertEqual(nr.compared?.period, .month(2023, 10))
        XCTAssertEqual(nr.compared?.value, 90)
        XCTAssertEqual(nr.group, .newlyRed)
        XCTAssertNil(try row(changes, "WO").compared, "no October 2023")
        XCTAssertEqual(try row(changes, "LIN").compared?.value, 100)
        XCTAssertEqual(try row(changes, "TWO").compared?.period, Period(kind: .academicYear, year: 2022))
        XCTAssertEqual(Period(kind: .financialQuarter, year: 2024, index: 2).yearEarlier.description, "FY2023-24-Q2")
        XCTAssertEqual(Period(kind: .term, year: 2023, index: 3).yearEarlier.description, "AY2022-23-Summer")
    }

    func testGroupsAgainstAnotherEdition() throws {
        let old = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": """
            area,indicator,period,value,rag,team
            K1,NR,2024-09,75,,
            K1,WO,2024-10,75,,
            K1,BG,2024-10,40,,
            K1,SR,2024-09,66,,

            """])
        defer { old.remove() }
        let before = try XCTUnwrap(loadOrFail([old.path])?.dataset)
        let changes = try XCTUnwrap(ds.changes(area: "K1", comparedWith: .edition(before)))
        XCTAssertEqual(try row(changes, "NR").group, .newlyRed)
        XCTAssertEqual(try row(changes, "NR").compared?.period, .month(2024, 9))
        XCTAssertEqual(try row(changes, "WO").group, .unchanged, "the same AMBER in both editions")
        XCTAssertEqual(try row(changes, "BG").group, .backToGreen, "October revised from 40 to 55")
        XCTAssertEqual(try row(changes, "BG").compared?.period, .month(2024, 10))
        XCTAssertEqual(try row(changes, "SR").group, .stillRed)
        XCTAssertNil(try row(changes, "IM").compared, "not in the old edition")
        XCTAssertEqual(try row(changes, "IM").group, .unchanged)
    }

    func testATeamOfADistrict() throws {
        let dover = try XCTUnwrap(ds.changes(area: "D1"))
        let team = try row(dover, "SR", team: "Dover CSWT")
        XCTAssertEqual(team.group, .newlyRed)
        XCTAssertEqual(team.area.code, "D1")
        XCTAssertEqual(team.compared?.rating, .amber)
        XCTAssertNil(ds.changes(area: "NOWHERE"))
        XCTAssertEqual(ds.changes(area: "E1")?.rows.count, 0)
        XCTAssertNil(ds.changes(area: "E1")?.reportingPeriod)
    }

    func testLongTermTrend() throws {
        let changes = try XCTUnwrap(ds.changes(area: "K1"))
        let lin = try XCTUnwrap(try row(changes, "LIN").trend)
        XCTAssertEqual(lin.slope, 1, accuracy: 1e-12, "1 a month; October 2023 is outside the 12 months")
        XCTAssertEqual(lin.figures, 12)
        XCTAssertEqual(lin.from, .month(2023, 11))
        XCTAssertEqual(lin.to, .month(2024, 10))
        XCTAssertEqual(lin.direction, .improved)
        let flat = try XCTUnwrap(try row(changes, "FLAT").trend)
        XCTAssertEqual(flat.slope, 0)
        XCTAssertEqual(flat.direction, .same)
        XCTAssertNil(try row(changes, "TWO").trend, "two figures are not a trend")
        // NR (H): 82, 75, 65 from August to October; October 2023 is outside the window.
        let nr = try XCTUnwrap(try row(changes, "NR").trend)
        XCTAssertEqual(nr.figures, 3)
        XCTAssertEqual(nr.slope, -8.5, accuracy: 1e-12)
        XCTAssertEqual(nr.direction, .worsened)
        XCTAssertNil(try row(changes, "IM").trend, "two figures")
    }

    func testChangeGroupRules() {
        XCTAssertEqual(ChangeGroup(old: .red, new: .red), .stillRed)
        XCTAssertEqual(ChangeGroup(old: .amber, new: .red), .newlyRed)
        XCTAssertEqual(ChangeGroup(old: nil, new: .red), .newlyRed)
        XCTAssertEqual(ChangeGroup(old: .green, new: .amber), .worsened)
        XCTAssertEqual(ChangeGroup(old: .red, new: .amber), .improved)
        XCTAssertEqual(ChangeGroup(old: .red, new: .green), .backToGreen)
        XCTAssertEqual(ChangeGroup(old: .amber, new: .green), .backToGreen)
        XCTAssertEqual(ChangeGroup(old: .green, new: .green), .unchanged)
        XCTAssertEqual(ChangeGroup(old: .amber, new: .amber), .unchanged)
        XCTAssertEqual(ChangeGroup(old: nil, new: .green), .unchanged)
        XCTAssertEqual(ChangeGroup(old: .red, new: nil), .unchanged)
        XCTAssertEqual(ChangeGroup.allCases.map(\.key), ["newly_red", "worsened", "improved", "back_to_green", "still_red", "unchanged"])
    }

    func testValueChangeByUnit() {
        XCTAssertEqual(ValueChange(from: 64.0, to: 76.9, unit: "percent", decimals: 1).label, "+12.9 pts")
        XCTAssertEqual(ValueChange(from: 197, to: 117, unit: "count", decimals: 0).label, "-40.6%")
        XCTAssertEqual(ValueChange(from: 156, to: 144, unit: "days", decimals: 0).label, "-7.7%")
        XCTAssertEqual(ValueChange(from: 16.1, to: 16.4, unit: "ratio", decimals: 1).label, "+1.9%")
        XCTAssertEqual(ValueChange(from: -0.12, to: -0.82, unit: "score", decimals: 2).label, "-0.70")
        XCTAssertEqual(ValueChange(from: 0, to: 5, unit: "count", decimals: 0).label, "+5", "no % of nothing")
        XCTAssertEqual(ValueChange(from: 1.25, to: 1.5, unit: nil, decimals: nil).label, "+0.25", "the figures' own places")
        XCTAssertEqual(ValueChange(from: 5, to: 5, unit: "percent", decimals: 1).label, "0.0 pts")
        XCTAssertEqual(ValueChange(from: 10, to: 12, unit: "%", decimals: 0).measure, .points)
    }
}
