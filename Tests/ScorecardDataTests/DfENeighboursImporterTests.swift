import Foundation
import XCTest
@testable import ScorecardData

/// `import dfe-neighbours` on small files (Fixtures/importers/sn-wide.csv, ees-codes.csv), and
/// neighbours kept through `--merge`.
final class DfENeighboursImporterTests: XCTestCase {
    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("importers").appendingPathComponent(name)))
    }

    private func run(_ sn: [UInt8], codes: [UInt8]) -> Result<ImportResult, ImportFailure> {
        Result { () throws(ImportFailure) in try DfENeighboursImporter.run(bytes: sn, path: "sn.csv", codes: codes, codesPath: "dir/codes.csv") }
    }

    func testNeighboursWithGSSCodesOfTheLatestYearAndTheirBands() throws {
        let result = try run(try bytes("sn-wide.csv"), codes: try bytes("ees-codes.csv")).get()
        XCTAssertEqual(result.files.neighbours, [
            Neighbour(area: "E10000016", neighbour: "E10000012", rank: 1, closeness: "Very close"),
            Neighbour(area: "E10000016", neighbour: "E10000011", rank: 2, closeness: "Very close"),
            Neighbour(area: "E10000012", neighbour: "E10000016", rank: 1, closeness: "Very close"),
            Neighbour(area: "E10000012", neighbour: "E10000011", rank: 2, closeness: "Close"),
            Neighbour(area: "E10000011", neighbour: "E10000016", rank: 1, closeness: "Close"),
            Neighbour(area: "E10000011", neighbour: "E10000012", rank: 2, closeness: "Close"),
            Neighbour(area: "E10000011", neighbour: "E10000002", rank: 3, closeness: "Somewhat close"),
            Neighbour(area: "E10000002", neighbour: "E10000011", rank: 1, closeness: "Close"),
            Neighbour(area: "E10000002", neighbour: "E10000016", rank: 2, closeness: "Close"),
            Neighbour(area: "E10000002", neighbour: "E10000012", rank: 3, closeness: "Close"),
        ])
        XCTAssertEqual(result.warnings.map(\.description),
                       ["sn.csv:2:54: warning: LA 999 has no GSS code in codes.csv: left out, as an area and as a neighbour"])
        XCTAssertEqual(result.summary, [
            "read 4 authorities' neighbours (up to 3 each); kept 10 pairs for 4 areas",
            "codes mapped with codes.csv: 4 DfE LA codes, each to the GSS code of its latest period there",
            "825 Buckinghamshire: E10000002 (latest 2024); also E06000060 in 2021, 2022",
        ])
        XCTAssertEqual(result.files.areas, [])
        XCTAssertEqual(result.files.renderNeighbours().split(separator: "\n").prefix(3), [
            "area_code,neighbour_code,rank,closeness", "E10000016,E10000012,1,Very close", "E10000016,E10000011,2,Very close"])
    }

    func testErrorsNameTheFileLineAndColumn() throws {
        let codes = try bytes("ees-codes.csv")
        func errors(_ sn: String, codes: [UInt8]) -> [String] {
            switch run(Array(sn.utf8), codes: codes) {
            case .success: return ["imported"]
            case .failure(let f): return f.errors.map(\.description)
            }
        }
        XCTAssertEqual(errors("la,SN_1\n886,881\n", codes: codes),
                       ["sn.csv:1:1: error: no old_la_code column: expected the DfE statistical neighbours file (old_la_code, la_name, SN_1, SN_1P, …; columns: 'la', 'SN_1')"])
        XCTAssertEqual(errors("old_la_code,la_name\n886,Kent\n", codes: codes),
                       ["sn.csv:1:1: error: no SN_1 column: expected the neighbours' codes in SN_1, SN_2, … (columns: 'old_la_code', 'la_name')"])
        XCTAssertEqual(errors("old_la_code,SN_1,SN_2\n886,881,886\n,881,845\n886,845,881\n881,886\n", codes: codes), [
            "sn.csv:2:9: error: LA 886 is given as its own neighbour",
            "sn.csv:3:1: error: empty old_la_code: expected the DfE's three-digit LA code",
            "sn.csv:4:1: error: LA 886 is listed twice (first at line 2)",
            "sn.csv:5:8: error: expected 3 cells as in the header, found 2",
        ])
        XCTAssertEqual(errors("old_la_code,SN_1\n886,881\n", codes: Array("time_period,la_name\n2024,Kent\n".utf8)),
                       ["dir/codes.csv:1:1: error: no old_la_code column: the codes file must be a DfE Explore Education Statistics file with old_la_code and new_la_code (columns: 'time_period', 'la_name')"])
        XCTAssertEqual(errors("old_la_code,SN_1\n886,881\n", codes: Array("time_period,old_la_code\n2024,886\n".utf8)),
                       ["dir/codes.csv:1:1: error: no new_la_code column: the codes file must carry GSS codes beside old_la_code (columns: 'time_period', 'old_la_code')"])
        XCTAssertEqual(errors("", codes: codes), ["sn.csv:1:1: error: empty file: expected a header row (old_la_code, la_name, SN_1, SN_1P, …)"])
    }

    /// `--merge` into a dataset keeps its neighbours; importing neighbours for an area replaces
    /// that area's set and keeps the others; the written files load.
    func testMergeKeepsAndReplacesNeighboursByArea() throws {
        let dir = try TempDataset([
            "areas.csv": "code,name,parent,kind\nE92000001,England,,country\nE10000016,Kent,E92000001,la\nE10000012,Essex,E92000001,la\nE10000011,East Sussex,E92000001,la\nE10000002,Buckinghamshire,E92000001,la\n",
            "indicators.csv": "code,name,polarity,period_type\nP1,Plans,H,A\n",
            "observations.csv": "area,indicator,period,value\nE10000016,P1,2024,32.3\n",
            "neighbours.csv": "area_code,neighbour_code,rank\nE10000016,E10000002,1\nE10000012,E10000011,4\n",
        ])
        defer { dir.remove() }
        let existing = try XCTUnwrap(loadOrFail([dir.path])).dataset
        let kept = DatasetFiles(dataset: existing).merging(DatasetFiles())
        XCTAssertEqual(kept.files.neighbours, existing.neighbours.all, "an import without neighbours keeps them")
        let newer = DatasetFiles(neighbours: [Neighbour(area: "E10000016", neighbour: "E10000012", rank: 1, closeness: "Close"),
                                              Neighbour(area: "E10000016", neighbour: "E10000011", rank: 2)])
        let merged = DatasetFiles(dataset: existing).merging(newer).files
        XCTAssertEqual(merged.neighbours.map { "\($0.area) \($0.neighbour) \($0.rank)" },
                       ["E10000012 E10000011 4", "E10000016 E10000012 1", "E10000016 E10000011 2"])
        XCTAssertEqual(merged.undefinedAreaReferences().map(\.code), [])
        var stray = merged
        stray.neighbours.append(Neighbour(area: "E10000016", neighbour: "E06000099", rank: 9))
        XCTAssertEqual(stray.undefinedAreaReferences().map(\.usedBy), ["a neighbour of E10000016"])
        try DatasetWriter.write(merged, to: dir.path, replacing: true)
        let reloaded = try XCTUnwrap(loadOrFail([dir.path])).dataset
        XCTAssertEqual(reloaded.neighbours.of("E10000016").map(\.closeness), ["Close", nil])
        XCTAssertEqual(reloaded.neighbours.all.count, 3)
    }
}
