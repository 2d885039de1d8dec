import Foundation
import XCTest
@testable import ScorecardData

/// neighbours.csv: loading, validation across directories, and what the dataset answers.
final class NeighbourTests: XCTestCase {
    static let areas = "code,name,parent,kind\nE1,England,,country\nK1,Kent,E1,county\nS1,Surrey,E1,county\nX1,Essex,E1,county\nD1,Devon,E1,county\n"
    static let indicators = "code,name,polarity,period_type\nP1,Plans in time,H,A\n"
    static let observations = "area,indicator,period,value\nK1,P1,2024,32.3\n"

    func testNeighboursAreListedClosestFirstWithTheirBands() throws {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                   "neighbours.csv": "Area_Code , neighbour_code,rank,closeness\nK1,X1,2,Close\nK1,S1,1,\"Very close \"\nS1,K1,1,\n"])
        defer { dir.remove() }
        let result = try XCTUnwrap(loadOrFail([dir.path]))
        XCTAssertEqual(result.diagnostics, [])
        let ds = result.dataset
        XCTAssertEqual(ds.neighbours.of("K1"), [Neighbour(area: "K1", neighbour: "S1", rank: 1, closeness: "Very close"),
                                                Neighbour(area: "K1", neighbour: "X1", rank: 2, closeness: "Close")])
        XCTAssertEqual(ds.neighbours.of("S1").map(\.neighbour), ["K1"])
        XCTAssertEqual(ds.neighbours.of("X1"), [], "a neighbour relation is one-way")
        XCTAssertEqual(ds.neighbours.areas, ["K1", "S1"])
        XCTAssertEqual(ds.neighbours.all.count, 3)
    }

    /// A pair and a rank are duplicates only within one area: two areas may share a neighbour
    /// and a rank, and the same codes and numbers in another area's rows are no duplicates.
    func testAreasMayShareANeighbourAndARank() throws {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                   "neighbours.csv": "area_code,neighbour_code,rank\nK1,X1,1\nS1,X1,1\nX1,K1,2\nK1,S1,2\nX1,S1,1\n"])
        defer { dir.remove() }
        let result = try XCTUnwrap(loadOrFail([dir.path]))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.dataset.neighbours.of("K1").map(\.neighbour), ["X1", "S1"])
        XCTAssertEqual(result.dataset.neighbours.of("S1").map(\.neighbour), ["X1"])
        XCTAssertEqual(result.dataset.neighbours.of("X1").map(\.neighbour), ["S1", "K1"])
    }

    func testWithoutTheFileThereAreNoNeighbours() throws {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations])
        defer { dir.remove() }
        let ds = try XCTUnwrap(loadOrFail([dir.path])).dataset
        XCTAssertEqual(ds.neighbours, NeighbourSets())
        XCTAssertEqual(ds.neighbours.of("K1"), [])
    }

    func testAHeaderOnlyFileAndAnUnknownColumn() throws {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                   "neighbours.csv": "area_code,neighbour_code,rank,closenes\n"])
        defer { dir.remove() }
        let result = try XCTUnwrap(loadOrFail([dir.path]))
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["\(dir.path)/neighbours.csv:1:31: warning: unknown column 'closenes' is ignored (known columns: area_code, neighbour_code, rank, closeness)"])
        XCTAssertEqual(result.dataset.neighbours.all, [])
    }

    /// Neighbours join across directories like benchmarks and waits: a file may name areas
    /// another directory defines, and a pair or rank may not be given twice.
    func testNeighboursJoinAcrossDirectories() throws {
        let a = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                 "neighbours.csv": "area_code,neighbour_code,rank\nK1,S1,1\n"])
        defer { a.remove() }
        let b = try TempDataset(["areas.csv": "code,name,parent\nW1,Wiltshire,E1\n", "indicators.csv": Self.indicators,
                                 "observations.csv": "area,indicator,period,value\nW1,P1,2024,50\n",
                                 "neighbours.csv": "area_code,neighbour_code,rank\nW1,D1,1\nK1,W1,2\n"])
        defer { b.remove() }
        let ds = try XCTUnwrap(loadOrFail([a.path, b.path])).dataset
        XCTAssertEqual(ds.neighbours.of("K1").map(\.neighbour), ["S1", "W1"])
        XCTAssertEqual(ds.neighbours.of("W1").map(\.neighbour), ["D1"])

        let c = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": "area,indicator,period,value\n",
                                 "neighbours.csv": "area_code,neighbour_code,rank\nK1,X1,1\nK1,S1,3\n"])
        defer { c.remove() }
        let failure = try XCTUnwrap(loadFailure([a.path, c.path]))
        XCTAssertEqual(failure.errors.map(\.description), [
            "\(c.path)/neighbours.csv:2:7: error: duplicate rank 1 among the neighbours of K1 (first at \(a.path)/neighbours.csv:2)",
            "\(c.path)/neighbours.csv:3:4: error: duplicate neighbour S1 of K1 (first at \(a.path)/neighbours.csv:2)",
        ])
        XCTAssertFalse(failure.missingInput)
    }

    func testEveryBadRowIsReported() throws {
        let dir = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
                                   "neighbours.csv": "area_code,neighbour_code,rank\nK1,S1,1\n,S1,2\nK1,,2\nK1,X1,-1\nK1,K1,4\nK1,D1,1e3\n"])
        defer { dir.remove() }
        let failure = try XCTUnwrap(loadFailure([dir.path]))
        let file = dir.path + "/neighbours.csv"
        XCTAssertEqual(failure.errors.map(\.description), [
            "\(file):3:1: error: empty area_code: expected an area code from areas.csv",
            "\(file):4:4: error: empty neighbour_code: expected an area code from areas.csv",
            "\(file):5:7: error: rank: expected a whole number from 1 (1 = the closest), found -1",
            "\(file):6:4: error: area 'K1' cannot be its own neighbour",
        ])
    }
}
