import Foundation
import XCTest
@testable import ScorecardData

/// notes.csv: reading, validation beyond the malformed corpus, and the notes API.
final class NotesTests: XCTestCase {
    static let areas = "code,name,parent\nE1,England,\nK1,Kent,E1\nD1,Dover,K1\n"
    static let indicators = "code,name,polarity,period_type,target,floor\nSCS19,Foster care,H,MS,85,75\nSCS34,Care leavers in EET,H,MS,65,55\n"
    static let observations = """
    area,indicator,period,value,team
    K1,SCS19,2024-08,74,
    K1,SCS19,2024-09,73,
    K1,SCS19,2024-10,73.1,
    K1,SCS34,2024-10,54.1,
    D1,SCS19,2024-10,80,Dover CSWT

    """

    private func load(notes: String) throws -> LoadResult? {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators,
                                   "observations.csv": Self.observations, "notes.csv": notes])
        defer { dir.remove() }
        return loadOrFail([dir.path])
    }

    func testNotesNewestFirstThenInFileOrder() throws {
        let notes = """
        area_code,indicator,period,kind,text,owner,due,source
        K1,SCS19,2024-08,commentary,August commentary,,,001:10
        K1,SCS19,2024-10,commentary,October commentary,,,001:11
        K1,SCS19,2024-08,action,Recruit carers,Head of Fostering,2024-12-31,
        K1,SCS19,2024-10,action,"Open a ""Create a Room"" project",Fostering team,2025-03-31,
        D1,SCS19,2024-10,commentary,Dover's own,,,

        """
        let ds = try XCTUnwrap(try load(notes: notes)?.dataset)
        let kent = ds.notes(area: "K1", indicator: "SCS19")
        XCTAssertEqual(kent.map(\.text), ["October commentary", "Open a \"Create a Room\" project", "August commentary", "Recruit carers"])
        XCTAssertEqual(kent.map(\.kind), [.commentary, .action, .commentary, .action])
        XCTAssertEqual(kent[1].owner, "Fostering team")
        XCTAssertEqual(kent[1].due, CalendarDate(year: 2025, month: 3, day: 31))
        XCTAssertEqual(kent[2].source, "001:10")
        XCTAssertEqual(kent[2].line, 2)
        XCTAssertNil(kent[0].owner)
        XCTAssertEqual(ds.notes(area: "D1", indicator: "SCS19").map(\.text), ["Dover's own"])
        XCTAssertEqual(ds.notes.count, 5)

        XCTAssertTrue(ds.hasNotes(area: "K1", indicator: "SCS19"))
        XCTAssertFalse(ds.hasNotes(area: "K1", indicator: "SCS34"))
        XCTAssertFalse(ds.hasNotes(area: "E1", indicator: "SCS19"))
        let dover = try XCTUnwrap(ds.seriesID(area: "D1", indicator: "SCS19", team: "Dover CSWT"))
        XCTAssertTrue(ds.hasNotes(series: dover), "a team's series shares its area's notes")
        XCTAssertEqual(ds.notes(series: dover).map(\.text), ["Dover's own"])
        let kentSCS34 = try XCTUnwrap(ds.seriesID(area: "K1", indicator: "SCS34"))
        XCTAssertFalse(ds.hasNotes(series: kentSCS34))
    }

    func testCurrentNotesAreTheNewestAtOrBeforeThePeriod() throws {
        let notes = """
        area_code,indicator,period,kind,text
        K1,SCS19,2024-08,action,August action
        K1,SCS19,2024-09,commentary,September commentary
        K1,SCS19,2024-10,commentary,October commentary one
        K1,SCS19,2024-10,commentary,October commentary two

        """
        let ds = try XCTUnwrap(try load(notes: notes)?.dataset)
        let oct = Period.month(2024, 10), sep = Period.month(2024, 9), jul = Period.month(2024, 7)
        XCTAssertEqual(ds.currentNotes(area: "K1", indicator: "SCS19", kind: .commentary, at: oct).map(\.text),
                       ["October commentary one", "October commentary two"])
        XCTAssertEqual(ds.currentNotes(area: "K1", indicator: "SCS19", kind: .commentary, at: sep).map(\.text), ["September commentary"])
        XCTAssertEqual(ds.currentNotes(area: "K1", indicator: "SCS19", kind: .action, at: oct).map(\.text), ["August action"],
                       "an August action stands until a newer one")
        XCTAssertEqual(ds.currentNotes(area: "K1", indicator: "SCS19", kind: .action, at: jul).map(\.text), [])
    }

    func testKindIsCaseInsensitiveAndCellsAreTrimmed() throws {
        let ds = try XCTUnwrap(try load(notes: "area_code,indicator,period,kind,text\n K1 ,SCS19, 2024-10 , Action ,  Recruit  \n")?.dataset)
        let n = try XCTUnwrap(ds.notes(area: "K1", indicator: "SCS19").first)
        XCTAssertEqual(n.kind, .action)
        XCTAssertEqual(n.text, "Recruit")
        XCTAssertEqual(n.period, Period.month(2024, 10))
    }

    func testANoteForAPeriodWithoutAFigureIsAWarning() throws {
        let result = try XCTUnwrap(try load(notes: "area_code,indicator,period,kind,text\nK1,SCS19,2024-11,commentary,Too early\n"))
        let warnings = result.diagnostics.filter { $0.path.hasSuffix("notes.csv") }
        XCTAssertEqual(warnings.count, 1)
        let w = try XCTUnwrap(warnings.first)
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual([w.line, w.column], [2, 10])
        XCTAssertEqual(w.message, "no figure of SCS19 for K1 at 2024-11 in observations.csv: is the period right?")
        XCTAssertEqual(result.dataset.notes(area: "K1", indicator: "SCS19").map(\.text), ["Too early"], "the note is kept")
    }

    func testAFigureOfATeamIsAFigureOfItsArea() throws {
        let result = try XCTUnwrap(try load(notes: "area_code,indicator,period,kind,text\nD1,SCS19,2024-10,commentary,Team figure\n"))
        XCTAssertEqual(result.diagnostics.filter { $0.path.hasSuffix("notes.csv") }, [])
    }

    func testEveryBadRowIsReportedAndNothingLoads() throws {
        let notes = """
        area_code,indicator,period,kind,text,due
        K9,SCS19,2024-10,commentary,Unknown area,
        K1,SCS19,2024-10,note,Bad kind,
        K1,SCS19,2024-10,action,Bad date,2025-13-01

        """
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators,
                                   "observations.csv": Self.observations, "notes.csv": notes])
        defer { dir.remove() }
        let failure = try XCTUnwrap(loadFailure([dir.path]))
        XCTAssertFalse(failure.missingInput)
        XCTAssertEqual(failure.errors.map { "\($0.line):\($0.column)" }, ["2:1", "3:18", "4:34"])
        XCTAssertEqual(failure.errors.map(\.path), Array(repeating: dir.path + "/notes.csv", count: 3))
    }

    func testNotesOfTwoDirectoriesAreBothKept() throws {
        let first = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                     "notes.csv": "area_code,indicator,period,kind,text\nK1,SCS19,2024-10,commentary,From the first\n"])
        // A second directory with an area of its own; its note is about an area of the first.
        let second = try TempDataset(["areas.csv": "code,name,parent\nM1,Medway,E1\n",
                                      "indicators.csv": "code,name,polarity,period_type,target,floor\nSCS19,Foster care,H,MS,85,75\n",
                                      "observations.csv": "area,indicator,period,value\nM1,SCS19,2024-10,70\n",
                                      "notes.csv": "area_code,indicator,period,kind,text\nK1,SCS19,2024-10,action,From the second\n"])
        defer { first.remove(); second.remove() }
        let ds = try XCTUnwrap(loadOrFail([first.path, second.path])?.dataset)
        XCTAssertEqual(ds.notes(area: "K1", indicator: "SCS19").map(\.text), ["From the first", "From the second"])
    }

    func testCalendarDates() {
        XCTAssertEqual(CalendarDate("2025-01-31")?.description, "2025-01-31")
        XCTAssertNotNil(CalendarDate("2024-02-29"), "a leap day")
        XCTAssertNotNil(CalendarDate("2000-02-29"), "2000 is a leap year")
        for bad in ["2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-1-05", "31/01/2025", "2025-01-31T00:00", "", "２０２５-01-31"] {
            XCTAssertNil(CalendarDate(bad), bad)
        }
        XCTAssertLessThan(CalendarDate("2024-12-31")!, CalendarDate("2025-01-01")!)
    }

    /// The bundled Kent dataset carries the scorecard's commentary (docs/tools/make_kent_notes.py).
    func testBundledKentCommentary() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10")
        let result = try XCTUnwrap(loadOrFail([dir.path]))
        XCTAssertEqual(result.diagnostics.filter { $0.path.hasSuffix("notes.csv") }, [], "every note is for a figure")
        let ds = result.dataset
        XCTAssertEqual(ds.notes.count, 47)
        let scs19 = ds.notes(area: "E10000016", indicator: "SCS19")
        XCTAssertEqual(scs19.map(\.kind), [.commentary, .action])
        XCTAssertTrue(scs19[0].text.hasPrefix("RED: At 73.1% the percentage of children in care placed in KCC foster care"), scs19[0].text)
        XCTAssertTrue(scs19[1].text.hasPrefix("Actions being taken to increase the number of fostering households"), scs19[1].text)
        XCTAssertEqual(scs19.map(\.source), ["001:1109", "001:1109"])
        XCTAssertEqual(scs19.map(\.period), [Period.month(2024, 10), Period.month(2024, 10)])
        let cype8 = try XCTUnwrap(ds.notes(area: "E10000016", indicator: "CYPE8").first)
        XCTAssertEqual(cype8.period, Period(kind: .financialQuarter, year: 2024, index: 2))
        XCTAssertEqual(cype8.source, "001:832")
        XCTAssertEqual(ds.notes(area: "E10000016", indicator: "SEND-WAIT20").first?.source, "001:1036",
                       "the Commentary on Education SEND Indicators")
        XCTAssertFalse(ds.hasNotes(area: "E07000108", indicator: "SCS19"), "the scorecard has no district commentary")
    }
}
