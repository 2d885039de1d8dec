import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The two-area scorecard: area B's figure, rating and A − B beside each KPI, checked against
/// the data; where B has no figure, its status says why (never a zero); `B` picks and clears it;
/// its columns sort like every other.
final class AreaBTests: XCTestCase {
    static let dover = "E07000108"

    /// Each scorecard row's exported fields by name.
    static func records(_ s: DashboardState) -> [[String: String]] {
        let r = s.scorecard.regions(in: s.screen.body, s.shared)
        let shown = r.model.columns.indices
        let csv = TableLayout.csv(r.model, columns: Array(shown))
        let lines = csv.split(separator: "\n")
        let header = TableSortTests.fields(lines[0])
        return lines.dropFirst().map { Dictionary(zip(header, TableSortTests.fields($0)), uniquingKeysWith: { a, _ in a }) }
    }

    func testAreaBsFiguresRatingsAndDifferenceComeFromTheData() throws {
        var s = DashboardState(dataset: Kent.dataset, width: 160, height: 50)
        s.setAreaB(Self.dover)
        let ds = s.dataset
        let rows = Self.records(s)
        let series = s.scorecard.lines.compactMap { if case .series(let id) = $0 { id } else { nil } }
        XCTAssertEqual(rows.count, series.count)
        var compared = 0
        for (sid, rec) in zip(series, rows) {
            let info = ds.series(sid)
            XCTAssertEqual(rec["indicator"], info.indicator)
            // Dover's series of the KPI (the same team's, else its only one), at Kent's period.
            let own = ds.seriesIDs(area: Self.dover, indicator: info.indicator)
            let bs = ds.seriesID(area: Self.dover, indicator: info.indicator, team: info.team) ?? (own.count == 1 ? own[0] : nil)
            let period = ds.latestRow(series: sid).map { ds.period(row: $0) }
            let bRow = bs.flatMap { b in ds.rows(series: b).map(Int.init).first { ds.period(row: $0) == period } }
            let bValue = bRow.flatMap { ds.value(row: $0) }
            XCTAssertEqual(rec["b_value"].flatMap(Double.init), bValue, "\(info.indicator): Dover's figure")
            XCTAssertEqual(rec["b_rag"] ?? "", bRow.flatMap { ds.rag(row: $0) }?.name ?? "", "\(info.indicator): Dover's rating")
            let a = ds.latestRow(series: sid).flatMap { ds.value(row: $0) }
            if let a, let bValue, let diff = rec["b_diff"].flatMap(Double.init) {
                // At the KPI's decimals, as its figures are shown (SISE4: 61% - 54.7% is 6).
                let half = 0.5 / (0..<(ds.indicator(series: sid).decimals ?? 6)).reduce(1.0) { x, _ in x * 10 }
                XCTAssertEqual(diff, a - bValue, accuracy: half + 1e-9, "\(info.indicator): A - B")
                compared += 1
            } else {
                XCTAssertEqual(rec["b_diff"], "", "\(info.indicator): no difference without both figures")
            }
        }
        XCTAssertGreaterThan(compared, 15, "Dover has figures for many of Kent's KPIs")
        // On screen: APP17, Kent 76.9% beside Dover 58.3%, A ahead by 18.6.
        let screen = s.render().plainText
        XCTAssertTrue(screen.contains("76.9% 58.3% ▲ A +18.6 A"), screen)
    }

    /// Where B has no figure it says why: its status (Eastvale's APP17 is suppressed), never 0.
    func testAMissingFigureOfBShowsItsStatus() {
        var s = DashboardState(dataset: Marks.dataset, width: 160, height: 50, area: "C1")
        s.setAreaB("D3")
        let rows = Self.records(s)
        guard let app17 = rows.first(where: { $0["indicator"] == "APP17" }) else { return XCTFail("no APP17") }
        XCTAssertEqual(app17["b_value"], "")
        XCTAssertEqual(app17["b_status"], "suppressed")
        XCTAssertEqual(app17["b_diff"], "")
        let line = s.render().plainText.split(separator: "\n").first { $0.contains("APP17") } ?? ""
        XCTAssertTrue(line.contains("[c]"), String(line))
        XCTAssertFalse(line.contains(" 0.0"), String(line))
    }

    /// `B` opens the picker for area B; choosing Dover adds its columns; `B` again clears them.
    func testBPicksAndClearsAreaB() {
        var s = DashboardState(dataset: Kent.dataset, width: 120, height: 40)
        _ = s.apply(keys: [.character("B")])
        XCTAssertTrue(s.render().plainText.contains("Area B, beside Kent"))
        _ = s.apply(keys: "Dover".map { .character($0) } + [.enter])
        XCTAssertEqual(s.shared.areaB, Self.dover)
        XCTAssertEqual(s.area, "E10000016", "the scorecard is still Kent's")
        XCTAssertTrue(InteractionTests.line(s.render(), 2).contains("Dover RAG"), InteractionTests.line(s.render(), 2))
        _ = s.apply(keys: [.character("B")])
        XCTAssertNil(s.shared.areaB)
        XCTAssertFalse(InteractionTests.line(s.render(), 2).contains("Dover"), InteractionTests.line(s.render(), 2))
    }

    /// B's columns sort like the others: by Dover's figure, descending, missing last.
    func testAreaBColumnsSort() {
        var s = DashboardState(dataset: Kent.dataset, width: 160, height: 50)
        s.setAreaB(Self.dover)
        s.setDefaultSort(ColumnSort("b_diff", descending: true))
        let diffs = Self.records(s).map { $0["b_diff"] ?? "" }
        let numbers = diffs.compactMap(Double.init)
        XCTAssertEqual(numbers, numbers.sorted(by: >))
        XCTAssertEqual(Array(diffs.prefix(numbers.count)).compactMap(Double.init), numbers, "the empty ones last")
    }
}
