import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// What a first-time user must be able to read, pane by pane (issue #14), on the bundled Kent
/// and national data.
final class ReadabilityTests: XCTestCase {
    static let both = NationalLeagueTests.both

    func screen(_ pane: Pane, _ w: Int, _ h: Int, keys: String = "") -> (state: DashboardState, canvas: Canvas, lines: [String]) {
        var s = DashboardState(dataset: Self.both, width: w, height: h, pane: pane)
        _ = s.apply(keys.split(separator: " ").compactMap { InputEvent(token: String($0)) })
        let c = s.render()
        return (s, c, c.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The districts matrix labels each KPI column with its number (tens over units) and keys
    /// the numbers to the KPI codes under it.
    func testMatrixColumnsAreLabelled() {
        for (w, h) in [(80, 24), (120, 40), (160, 50)] {
            let (s, _, lines) = screen(.districts, w, h)
            let header = try? XCTUnwrap(lines.first { $0.contains("District") && $0.contains(" 1 2 3 4 5") })
            XCTAssertNotNil(header, "\(w)x\(h): no numbered KPI columns")
            let key = lines.filter { $0.contains("1 APP17") || $0.contains(" 2 CYPE1") }
            XCTAssertFalse(key.isEmpty, "\(w)x\(h): no key from numbers to KPIs")
            XCTAssertEqual(s.districts.indicators.prefix(2), ["APP17", "CYPE1"])
        }
    }

    /// The EHCP chart: England's and the South East's lines are both drawn, in glyphs of their
    /// own (not the connectors' `·`), even where they fall on one row; the legend names both.
    func testEHCPChartShowsEnglandAndTheRegion() {
        for (w, h) in [(80, 24), (120, 40), (160, 50)] {
            let (s, c, lines) = screen(.ehcp, w, h)
            let g = s.glyphs
            var england = 0, region = 0
            for y in 0..<c.height {
                for x in 0..<c.width {
                    let cell = c[x, y]
                    if cell.character == g.character(.nationalLine) && cell.role == .chartBenchmark { england += 1 }
                    if cell.character == g.character(.regionalLine) && cell.role == .chartBenchmark { region += 1 }
                    if cell.character == g.character(.chartConnector) && cell.role == .chartBenchmark { XCTFail("\(w)x\(h): a benchmark drawn as a connector") }
                }
            }
            XCTAssertGreaterThan(england, 3, "\(w)x\(h): England's line")
            XCTAssertGreaterThan(region, 3, "\(w)x\(h): the South East's line")
            XCTAssertTrue(lines.contains { $0.contains("\(g[.nationalLine]) England 50.3") }, "\(w)x\(h): the chart's legend names England's line")
            XCTAssertTrue(lines.contains { $0.contains("\(g[.regionalLine]) South East 46.1") }, "\(w)x\(h): and the South East's")
        }
    }

    /// The spread of all authorities is labelled, and England's two 2023 figures are explained
    /// with their sources wherever both are on screen.
    func testSpreadAndEnglandFiguresAreExplained() {
        for (w, h, keys) in [(120, 40, ""), (160, 50, ""), (80, 24, "v v")] {
            let text = screen(.ehcp, w, h, keys: keys).canvas.plainText
            for fragment in ["England 2023: 50.3% in the scorecard", "excluding exceptions", "49.1% in DfE's", "including exceptions"] {
                XCTAssertTrue(text.contains(fragment), "\(w)x\(h): no '\(fragment)' in\n\(text)")
            }
            if w >= 120 { XCTAssertTrue(text.contains("All authorities 2024 by share (◆ Kent):"), "\(w)x\(h):\n\(text)") }
        }
    }

    /// Every DfE calendar year since 2014 is listed when the rows are free (160×50).
    func testEveryDfEYearSince2014() {
        let lines = screen(.ehcp, 160, 50).lines
        for year in 2014...2024 {
            // The year, its figures, and its rank among all local authorities and quartile ("111/153 Q3").
            XCTAssertTrue(lines.contains { $0.contains(" \(year) ") && $0.contains("%") && $0.range(of: #"\d+/\d+ Q[1-4]"#, options: .regularExpression) != nil },
                          "no \(year) row")
        }
    }

    /// The therapy pane: the ⚑ footnote is shown at every size, and the NHS data's note that
    /// KCHFT's OT and SLT series are identical is shown beside KCHFT's monthly figures.
    func testTherapyFootnotesAndNotes() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 50)] {
            let lines = screen(.therapy, w, h).lines
            XCTAssertTrue(lines.contains { $0.contains("⚑ Swale: 118 waiting over 12 weeks") }, "\(w)x\(h): the outlier footnote")
        }
        for (w, h) in [(120, 40), (160, 50)] {
            let (_, _, lines) = screen(.therapy, w, h, keys: "Down")
            XCTAssertTrue(lines.contains { $0.contains("Canterbury › Kent Community Health NHS Foundation Trust") })
            XCTAssertTrue(lines.contains { $0.contains("SLT and OT figures identical in every month in the source") }, "\(w)x\(h):\n\(lines.joined(separator: "\n"))")
            XCTAssertTrue(lines.contains { $0.contains("OT waiting over 18 weeks") && $0.contains("†") }, "the rows carry the note's mark")
        }
    }

    /// At 120 columns the scorecard's KPI names get the room: short columns fit their widest
    /// value and the name takes the rest.
    func testColumnsFitTheirContents() {
        let (_, _, lines) = screen(.scorecard, 120, 40)
        let header = lines[2]
        let name = header.distance(of: "Indicator"), latest = header.distance(of: "Latest")
        // 28 before the gap-to-target column (#16) took its six.
        XCTAssertGreaterThanOrEqual(latest - name, 22, "the name gets what the short columns leave: \(header)")
        // Period is as wide as "Summer 23-24", Num/Den as "14,579/271,166": no wider.
        let period = header.distance(of: "Period"), numden = header.distance(of: "Num/Den")
        XCTAssertLessThanOrEqual(numden + "Num/Den".count - period, 12 + 1 + 14, "Period and Num/Den take what their values need: \(header)")
        // The notes marker's column (✎ on the 47 KPIs with notes) takes two of them.
        XCTAssertTrue(lines.contains { $0.contains("✎ Percentage of Educat") }, lines.joined(separator: "\n"))
    }
}
