import XCTest
@testable import Dashboard
import ScorecardData

/// The districts matrix keeps the model it built (`ModelMemo`) while only the cursor moves: what
/// it lays out and draws must always be the model built afresh from the pane as it is.
final class ModelMemoTests: XCTestCase {
    /// The model `regions` used, against one built now from the pane's state.
    private func assertFresh(_ s: DashboardState, after keys: String, file: StaticString = #filePath, line: UInt = #line) {
        let pane = s.module(DistrictsPane.self)
        let r = pane.regions(in: s.screen.body, s.shared)
        let base = pane.baseColumns(s.shared)
        let fresh = pane.matrixModel(base, first: r.firstColumn, count: r.visibleColumns, s.shared)
        XCTAssertEqual(r.model, fresh, "after '\(keys)'", file: file, line: line)
    }

    func testTheKeptMatrixIsAlwaysTheOneTheStateWouldBuild() {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        // Moves (kept), a KPI to the right and back (rebuilt), filters, a sort, a drill-down into
        // a district's scorecard and back (the pane restored from the back history), a search.
        let steps = ["Down", "Down", "Right", "Right", "Left", "r", "Down", "r", "o", "o", "O", "Enter", "Escape", "g", "x",
                     "End", "Home", "Right", "Right", "Right", "/", "S", "Enter", "Down", "x", "2"]
        var done: [String] = []
        for key in steps {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            assertFresh(s, after: done.joined(separator: " "))
        }
        // The kept model follows the pane: a copy kept elsewhere does not read another's model.
        let copy = s.module(DistrictsPane.self)
        _ = s.apply(keys: ["Right", "r"].compactMap { Key(name: $0) })
        XCTAssertNotEqual(copy.regions(in: s.screen.body, s.shared).model.columns.map(\.title),
                          s.module(DistrictsPane.self).regions(in: s.screen.body, s.shared).model.columns.map(\.title))
        assertFresh(s, after: "Right r")
    }

    /// A reload with a changed published rating: the matrix shows the new data's cells, not the
    /// ones it kept for the old (whatever address the new data has).
    func testAReloadShowsTheNewDataInTheMatrix() throws {
        let old = "E07000105,SCS08,2024-10,87.2,34,39,90.0,AMBER,"
        let new = try Kent.dataset(replacing: old, with: "E07000105,SCS08,2024-10,97.2,34,39,90.0,GREEN,")
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        func cell(_ s: DashboardState) -> MatrixCell? {
            let pane = s.module(DistrictsPane.self)
            guard let r = pane.areas.firstIndex(of: "E07000105"), let k = pane.indicators.firstIndex(of: "SCS08") else { return nil }
            return pane.cells[r][k]
        }
        XCTAssertEqual(cell(s)?.rating.rag, .amber)
        _ = s.update(.reloaded(new, at: "12:00:00"))
        XCTAssertEqual(cell(s)?.rating.rag, .green)
        assertFresh(s, after: "a reload")
    }

    /// KPI detail keeps its league table while only the cursor moves: the rows drawn are always
    /// the league the pane holds now, through moves, a sort, filters, the scope and compared areas.
    func testTheKeptLeagueIsAlwaysThePanesLeague() throws {
        let directories = ["Sources/ragtop/Resources/kent-cype-2024-10", "Sources/ragtop/Resources/national"]
        var s = try Golden.state(arguments: ["--data", directories[0], "--data", directories[1], "--pane", "detail",
                                               "--indicator", "EHCP20-CY", "--size", "120x40"])
        var done: [String] = []
        for key in ["Down", "Down", "o", "o", "O", "s", "Down", "s", "s", "r", "g", "x", "+", "Down", "+", "-", "End", "Home", "/", "n", "Enter", "x", "Down", "Down", "Enter", "Down"] {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            let pane = s.module(DetailPane.self)
            let r = pane.regions(in: s.screen.body, s.shared)
            let drawn = r.leagueModel.rows.compactMap { row -> String? in
                if case .data(let cells) = row { return cells[1...].first { $0.export?.count == 3 }?.export?[0] }
                return nil
            }
            XCTAssertEqual(drawn, pane.league.map { s.dataset.series($0).area }, "after '\(done.joined(separator: " "))'")
            // The periods table kept is the one the area shown has now.
            if let code = s.shared.indicator, let ind = s.dataset.indicator(code) {
                let series = DetailPane.series(area: s.shared.area, indicator: code, s.dataset)
                let fresh = pane.sortedPeriodTable(series.map { s.dataset.rows(series: $0).map(Int.init) } ?? [], ind, s.shared).model
                XCTAssertEqual(r.periodsModel, fresh, "periods after '\(done.joined(separator: " "))'")
            }
        }
    }
}
