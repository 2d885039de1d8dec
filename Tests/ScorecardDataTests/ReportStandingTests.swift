import Foundation
import XCTest
@testable import ScorecardData

/// The report's national_rank, national_of, quartile and gap columns in every format.
final class ReportStandingTests: XCTestCase {
    private func dataset() throws -> (Dataset, TempDataset) {
        var areas = "code,name,parent,kind\nE1,England,,country\n"
        var obs = "area,indicator,period,value\nE1,P1,2024,55\n"
        for (i, v) in [40.0, 50, 60, 70, 80, 90, 30, 20].enumerated() {
            areas += "L\(i + 1),Authority \(i + 1),E1,la\n"
            obs += "L\(i + 1),P1,2024,\(ValueFormatter.plain(v))\n"
        }
        let dir = try TempDataset(["areas.csv": areas, "observations.csv": obs,
                                   "indicators.csv": "code,name,polarity,period_type,unit,decimals,target,missed_target\nP1,Plans,H,A,percent,1,60,RED\nP2,Other,H,A,,,,\n"])
        return (try XCTUnwrap(loadOrFail([dir.path])).dataset, dir)
    }

    func testColumnsInEveryFormat() throws {
        let (ds, dir) = try dataset()
        defer { dir.remove() }
        let rows = ds.report(ReportQuery(areas: ["E1", "L1", "L6"]))
        XCTAssertEqual(rows.map { $0.national.map { "\($0.rank)/\($0.of) Q\($0.quartile)" } ?? "-" }, ["-", "6/8 Q3", "1/8 Q1"])
        XCTAssertEqual(rows.map(\.gap), [-5, -20, 30])
        XCTAssertEqual(ReportFormat.csv.render(rows), """
            area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team,rated_by,status,national_rank,national_of,quartile,gap
            E1,England,P1,Plans,2024,55.0,,,60.0,RED,,,rule,,,,,-5.0
            L1,Authority 1,P1,Plans,2024,40.0,,,60.0,RED,,,rule,,6,8,3,-20.0
            L6,Authority 6,P1,Plans,2024,90.0,,,60.0,GREEN,,,rule,,1,8,1,30.0

            """)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(rows).utf8)) as? [[String: Any]])
        XCTAssertEqual(json.map { $0["national_rank"] as? Int }, [nil, 6, 1])
        XCTAssertEqual(json.map { $0["national_of"] as? Int }, [nil, 8, 8])
        XCTAssertEqual(json.map { $0["quartile"] as? Int }, [nil, 3, 1])
        XCTAssertEqual(json.map { $0["gap"] as? Double }, [-5, -20, 30])
        XCTAssertTrue(json[0]["national_rank"] is NSNull)

        let text = ReportFormat.text.render(rows).split(separator: "\n").map(String.init)
        XCTAssertEqual(text[0], "Area         Code  Indicator  Period  Value  Num  Den  Target  RAG    DOT  Rated by  National   Q    Gap")
        XCTAssertEqual(text[2], "Authority 1  P1    Plans      2024    40.0%              60.0  RED         rule           6/8  Q3  -20.0")
        XCTAssertEqual(text[3], "Authority 6  P1    Plans      2024    90.0%              60.0  GREEN       rule           1/8  Q1  +30.0")
        let markdown = ReportFormat.markdown.render(rows).split(separator: "\n").map(String.init)
        XCTAssertEqual(markdown[0], "| Area | Team | Code | Indicator | Period | Value | Num | Den | Target | RAG | DOT | Rated by | National | Q | Gap |")
        XCTAssertEqual(markdown[1], "|---|---|---|---|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|")
        XCTAssertEqual(markdown[3], "| Authority 1 |  | P1 | Plans | 2024 | 40.0 |  |  | 60.0 | RED |  | rule | 6/8 | Q3 | -20.0 |")
    }

    /// Text and Markdown leave out the columns no row has a figure for.
    func testEmptyColumnsAreLeftOutOfTextAndMarkdown() throws {
        let (ds, dir) = try dataset()
        defer { dir.remove() }
        let rows = ds.report(ReportQuery(areas: ["E1"]))
        XCTAssertEqual(ReportFormat.text.render(rows).split(separator: "\n").first, "Area     Code  Indicator  Period  Value  Num  Den  Target  RAG  DOT  Rated by   Gap")
        var noGap = rows
        noGap[0].gap = nil
        noGap[0].ratedBy = nil
        XCTAssertEqual(ReportFormat.text.render(noGap).split(separator: "\n").first, "Area     Code  Indicator  Period  Value  Num  Den  Target  RAG  DOT")
        XCTAssertTrue(ReportFormat.markdown.render(noGap).hasPrefix("| Area | Team | Code | Indicator | Period | Value | Num | Den | Target | RAG | DOT |\n"))
        XCTAssertTrue(ReportFormat.csv.render(noGap).hasPrefix(ReportFormat.fields.joined(separator: ",") + "\n"))
    }
}
