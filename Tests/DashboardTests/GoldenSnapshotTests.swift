import XCTest
@testable import Dashboard
import ScorecardData

/// Every pane at 80×24 and 120×40, the RAG filters, help, drill-down and back, on the bundled
/// Kent data, against golden screens.
final class GoldenSnapshotTests: XCTestCase {
    func check(_ name: String, pane: Pane = .scorecard, keys: String = "", sizes: [(Int, Int)] = [(80, 24), (120, 40)]) {
        for (w, h) in sizes {
            let s = Kent.state(width: w, height: h, pane: pane, keys: keys)
            Golden.assert(s.render().plainText, named: "\(name)-\(w)x\(h)")
        }
    }

    func testScorecard() { check("scorecard") }
    func testDistricts() { check("districts", pane: .districts) }
    func testDetail() { check("detail", pane: .detail) }
    func testEHCP() { check("ehcp", pane: .ehcp) }
    func testEHCPLarge() { check("ehcp", pane: .ehcp, sizes: [(160, 50)]) }
    /// Under 120 columns `v` shows the drivers, then the calendar years, under the chart.
    func testEHCPNarrowViews() {
        check("ehcp-drivers", pane: .ehcp, keys: "v", sizes: [(80, 24)])
        check("ehcp-calendar-years", pane: .ehcp, keys: "v v", sizes: [(80, 24)])
    }
    func testTherapy() { check("therapy", pane: .therapy) }
    func testTherapyLarge() { check("therapy", pane: .therapy, sizes: [(160, 50)]) }
    func testRedFilter() { check("scorecard-red", keys: "r") }
    func testRedAmberFilter() { check("scorecard-red-amber", keys: "r a") }
    func testGreenFilterDistricts() { check("districts-green", pane: .districts, keys: "g") }
    func testSearch() { check("scorecard-search-eh", keys: "/ e h Enter") }
    func testHelp() { check("help", keys: "?") }
    func testDrillDownToDover() { check("dover-scorecard", pane: .districts, keys: "Down Down Down Enter") }
    func testDrillDownAndBack() { check("districts-after-back", pane: .districts, keys: "Down Down Down Enter Esc") }
    func testDetailDrillToDistrict() { check("detail-dover", pane: .detail, keys: "End Enter") }
    func testTooSmall() { check("too-small", sizes: [(40, 10)]) }
    func testAreaPicker() { check("area-picker", keys: "A s w a") }
    func testASCII() {
        var s = DashboardState(dataset: Kent.dataset, width: 80, height: 24, ascii: true)
        _ = s.apply(keys: [])
        Golden.assert(s.render().plainText, named: "scorecard-ascii-80x24")
    }
}
