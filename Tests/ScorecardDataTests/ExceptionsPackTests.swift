import Foundation
import XCTest
@testable import ScorecardData

/// The exceptions pack on the dataset of `ChangesTests`, with commentary and actions.
final class ExceptionsPackTests: XCTestCase {
    static let notes = """
    area_code,indicator,period,kind,text,owner,due
    K1,NR,2024-09,commentary,September's note (older),,
    K1,NR,2024-10,commentary,"Fell to 65, below the *floor* | see minutes",,
    K1,NR,2024-10,action,Recruit two more assessors,Head of Service,2025-01-31
    K1,SR,2024-08,action,Review every case,,

    """

    private var dir: TempDataset?
    private var ds: Dataset!

    override func setUpWithError() throws {
        (dir, ds) = try ChangesTests.load(notes: Self.notes)
    }

    override func tearDown() { dir?.remove() }

    func testRedAndWorsenedOnlyGroupedByIndicatorGroup() throws {
        let pack = try XCTUnwrap(ds.exceptionsPack(area: "K1", datasetName: "test"))
        XCTAssertEqual(pack.groups.map(\.name), ["G1", "G2"])
        XCTAssertEqual(pack.groups.map { $0.rows.map(\.change.indicator.code) }, [["NR", "WO"], ["SR"]],
                       "RED and worsened; not improved, back to GREEN or unchanged")
        XCTAssertEqual(pack.title, "Kent exceptions: Oct-24 compared with Sep-24")
        XCTAssertEqual(pack.summary, "2 RED figures (1 newly RED), 1 rating worsened")
        let nr = pack.groups[0].rows[0]
        XCTAssertEqual(nr.commentary.map(\.text), ["Fell to 65, below the *floor* | see minutes"], "the newest commentary only")
        XCTAssertEqual(nr.actions.map(\.owner), ["Head of Service"])
        XCTAssertEqual(pack.groups[1].rows[0].actions.map(\.text), ["Review every case"], "August's action still stands")
        XCTAssertNil(ds.exceptionsPack(area: "NOWHERE", datasetName: "test"))
    }

    func testTitlesNameTheComparison() throws {
        XCTAssertEqual(ds.exceptionsPack(area: "K1", comparedWith: .since(.month(2024, 8)), datasetName: "t")?.title,
                       "Kent exceptions: Oct-24 compared with Aug-24")
        XCTAssertEqual(ds.exceptionsPack(area: "K1", comparedWith: .yearEarlier, datasetName: "t")?.title,
                       "Kent exceptions: Oct-24 compared with Oct-23")
        XCTAssertEqual(ds.exceptionsPack(area: "K1", comparedWith: .edition(ds), datasetName: "t", comparisonName: "august/")?.title,
                       "Kent exceptions: Oct-24 compared with august/")
        let dover = try XCTUnwrap(ds.exceptionsPack(area: "D1", datasetName: "t"))
        XCTAssertEqual(dover.rows.map { "\($0.change.indicator.code) \($0.change.team ?? "")" }, ["SR Dover CSWT"])
    }

    func testMarkdownIsReadyForACommitteePaper() throws {
        let md = try XCTUnwrap(ds.exceptionsPack(area: "K1", datasetName: "test-data")).render(.markdown)
        XCTAssertEqual(md, """
        # Kent exceptions: Oct-24 compared with Sep-24

        Dataset: test-data. 2 RED figures (1 newly RED), 1 rating worsened.
        Ratings marked (rule) were worked out by ragtop from the target and floor; "target missed" is below a target with no floor to tell AMBER from RED, which ragtop does not guess; the others are as published.

        ## G1

        | Code | Indicator | Period | Value | Target | Floor | RAG | Was | Change | DoT | Trend | England | Benchmark | RED for |
        |---|---|---|---:|---:|---:|---|---|---:|---|---|---:|---|---|
        | NR | Newly red | Oct-24 | 65.0% | 80.0 | 70.0 | RED (rule) | AMBER (rule) Sep-24 | -10.0 pts | ↓ | ↓ -8.50/month |  |  | 1 month |
        | WO | Worsened | Oct-24 | 75.0% | 80.0 | 70.0 | AMBER (rule) | GREEN (rule) Sep-24 | -10.0 pts | ↓ |  |  |  |  |

        - **NR** commentary (Oct-24): Fell to 65, below the \\*floor\\* \\| see minutes
        - **NR** action (Oct-24; owner: Head of Service; due 2025-01-31): Recruit two more assessors
        - **WO**: no commentary or action recorded.

        ## G2

        | Code | Indicator | Period | Value | Target | Floor | RAG | Was | Change | DoT | Trend | England | Benchmark | RED for |
        |---|---|---|---:|---:|---:|---|---|---:|---|---|---:|---|---|
        | SR | Still red | Oct-24 | 68.0% | 80.0 | 70.0 | RED | RED (rule) Sep-24 | +2.0 pts | ↑ | ↑ +2.20/month |  |  | 5 months |

        - **SR** action (Aug-24): Review every case

        """)
    }

    func testCSVAndJSON() throws {
        let pack = try XCTUnwrap(ds.exceptionsPack(area: "K1", datasetName: "t"))
        let csv = pack.render(.csv).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv.first, ExceptionsPack.fields.joined(separator: ","))
        XCTAssertEqual(csv.count, 4)
        XCTAssertEqual(csv[1], "G1,K1,Kent,,NR,Newly red,2024-10,65.0,80.0,70.0,RED,rule,newly_red,2024-09,75.0,AMBER,rule,-10.0,points,↓,↓,-8.5,,,,1,\"Fell to 65, below the *floor* | see minutes\",Recruit two more assessors,Head of Service,2025-01-31")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(pack.render(.json).utf8)) as? [[String: Any]])
        XCTAssertEqual(json.count, 3)
        XCTAssertEqual(json[0]["indicator"] as? String, "NR")
        XCTAssertEqual(json[0]["periods_red"] as? Int, 1)
        XCTAssertEqual(json[0]["change"] as? Double, -10)
        let actions = try XCTUnwrap(json[0]["actions"] as? [[String: Any]])
        XCTAssertEqual(actions.first?["due"] as? String, "2025-01-31")
        XCTAssertEqual((json[2]["commentary"] as? [Any])?.count, 0)
    }

    func testNothingToReport() throws {
        let pack = try XCTUnwrap(ds.exceptionsPack(area: "E1", datasetName: "t"))
        XCTAssertTrue(pack.groups.isEmpty)
        XCTAssertTrue(pack.render(.text).hasSuffix("\nNo RED figures and no worsened ratings.\n"))
        XCTAssertEqual(pack.render(.json), "[]\n")
    }
}
