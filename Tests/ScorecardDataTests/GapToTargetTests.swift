import Foundation
import XCTest
@testable import ScorecardData

/// `gapToTarget(row:)`: how far a figure is from its target, polarity-aware.
final class GapToTargetTests: XCTestCase {
    func testGapsByPolarity() throws {
        let dir = try TempDataset([
            "areas.csv": "code,name,parent\nK1,Kent,\n",
            "indicators.csv": """
                code,name,polarity,period_type,decimals,target,floor,target_low,target_high
                H1,Higher,H,MS,1,85,75,,
                L1,Lower,L,MS,1,20,,,
                T1,Band,T,MS,1,,5,17.5,22.5
                T2,Single,T,MS,,20,,,
                N1,No target,H,MS,1,,,,
                W1,Whole,H,MS,,60.25,,,

                """,
            "observations.csv": """
                area,indicator,period,value,target
                K1,H1,2024-08,80,
                K1,H1,2024-09,84.96,
                K1,H1,2024-10,76.9,60
                K1,L1,2024-09,13.4,
                K1,L1,2024-10,27.2,
                K1,T1,2024-08,15,
                K1,T1,2024-09,22.1,
                K1,T1,2024-10,24.3,
                K1,T2,2024-10,18.5,
                K1,N1,2024-10,50,
                K1,W1,2024-09,0.1,
                K1,W1,2024-10,,

                """,
        ])
        defer { dir.remove() }
        let ds = try XCTUnwrap(loadOrFail([dir.path])).dataset
        func gaps(_ indicator: String) throws -> [Double?] {
            let s = try XCTUnwrap(ds.seriesID(area: "K1", indicator: indicator))
            return ds.rows(series: s).map { ds.gapToTarget(row: Int($0)) }
        }
        XCTAssertEqual(try gaps("H1"), [-5, 0, 16.9], "84.96 is rated as 85.0; the row's own target 60 applies; no 16.900000000000006")
        XCTAssertEqual(try gaps("L1"), [6.6, -7.2])
        XCTAssertEqual(try gaps("T1"), [-2.5, 0, -1.8], "below, inside and above the band 17.5–22.5")
        XCTAssertEqual(try gaps("T2"), [-1.5], "a T indicator with only a target: a one-value band")
        XCTAssertEqual(try gaps("N1"), [nil], "no target")
        XCTAssertEqual(try gaps("W1"), [-60.15, nil], "as many places as the target has; none for an empty value")
    }
}
