import XCTest
@testable import Dashboard
import ScorecardData

/// The districts matrix keeps the model it built (`ModelMemo`) while only the cursor moves: what
/// it lays out and draws must always be the model built afresh from the pane as it is.
final class ModelMemoTests: XCTestCase {
    /// The model `regions` used, against one built now from the pane's state; the pane's rows
    /// (kept while the data, root, filters and sort stay) against a pane rebuilt from nothing.
    private func assertFresh(_ s: DashboardState, after keys: String, file: StaticString = #filePath, line: UInt = #line) {
        let pane = s.module(DistrictsPane.self)
        let r = pane.regions(in: s.screen.body, s.shared)
        let base = pane.baseColumns(s.shared)
        let fresh = pane.matrixModel(base, selected: pane.column, s.shared)
        XCTAssertEqual(r.model, fresh, "after '\(keys)'", file: file, line: line)
        // The table shows the district, the counts and the KPIs in view.
        XCTAssertEqual(r.table.columns.map(\.index), Array(0..<4) + (4 + r.firstColumn..<4 + r.firstColumn + r.visibleColumns).prefix(r.table.columns.count - 4),
                       "columns in view after '\(keys)'", file: file, line: line)
        XCTAssertEqual(r.keyLines, pane.keyText(s.shared, first: r.firstColumn, count: r.visibleColumns, width: r.key.width),
                       "key after '\(keys)'", file: file, line: line)
        let rest = s.screen.body.inset(left: 1, right: 1).splitTop(1).1
        let tiles = pane.tileRegions(s.shared, in: rest, leaving: TableLayout.wantedWidths(base).reduce(0) { $0 + $1 + 1 } + 2 * 8)
        XCTAssertEqual(r.tiles.map { $0.tiles.map { "\($0.area) \($0.rect)" } }, tiles.map { $0.tiles.map { "\($0.area) \($0.rect)" } },
                       "tiles after '\(keys)'", file: file, line: line)
        var rebuilt = DistrictsPane()
        rebuilt.rebuild(s.shared)
        XCTAssertEqual(pane.indicators, rebuilt.indicators, "KPIs after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.column, rebuilt.column, "column after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.areas, rebuilt.areas, "districts after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.cells, rebuilt.cells, "cells after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.matrix, rebuilt.matrix, "counts after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.tableCells, rebuilt.tableCells, "drawn cells after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.showsTeamRatings, rebuilt.showsTeamRatings, "team key after '\(keys)'", file: file, line: line)
    }

    func testTheKeptMatrixIsAlwaysTheOneTheStateWouldBuild() {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        // Moves (kept), a KPI to the right and back (rebuilt), filters, a sort, a drill-down into
        // a district's scorecard and back (the pane restored from the back history), a search.
        let steps = ["Down", "Down", "Right", "Right", "Left", "r", "Down", "r", "o", "o", "O", "Enter", "Escape", "g", "x",
                     "End", "Home", "Right", "Right", "Right", "/", "S", "Enter", "Down", "x", "2",
                     // The RED filter on the selected KPI, then another KPI: other districts.
                     "r", "Right", "Right", "Left", "a", "Right", "x",
                     // Sorted by the first KPI in view (o past the district and the counts), then
                     // the selection onto it and off it: its header keeps the sort's mark.
                     "Home", "o", "o", "o", "o", "o", "Right", "Left", "Left", "O", "Right", "o", "x"]
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

    /// The KPI columns scrolled far to the right and back, and the screen resized (the tile map
    /// on, moved, off): the key and the tiles kept are the ones the layout would make now.
    func testScrolledColumnsAndResizesKeepTheFreshKeyAndTiles() {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        let r = s.module(DistrictsPane.self).regions(in: s.screen.body, s.shared)
        XCTAssertLessThan(r.visibleColumns, s.module(DistrictsPane.self).indicators.count, "the KPI columns scroll at 120x40")
        var done: [String] = []
        for key in Array(repeating: "Right", count: 40) + Array(repeating: "Left", count: 40) {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            assertFresh(s, after: "\(done.count) keys, the last \(key)")
        }
        _ = s.update(.resize(width: 200, height: 60))
        XCTAssertNotNil(s.module(DistrictsPane.self).regions(in: s.screen.body, s.shared).tiles, "a tile map at 200x60")
        assertFresh(s, after: "a resize to 200x60")
        for (w, h) in [(180, 60), (200, 50), (120, 40), (200, 60)] {
            _ = s.update(.resize(width: w, height: h))
            assertFresh(s, after: "a resize to \(w)x\(h)")
        }
    }

    /// Choosing another KPI with no RAG filter or sort by it keeps the rows (and the models
    /// built for them); with the RED filter on, the rows follow the KPI.
    func testAnotherKPIKeepsTheRowsUnlessAFilterOrSortUsesIt() {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        let before = s.module(DistrictsPane.self)
        _ = s.apply(keys: ["Right", "Right", "Left"].compactMap { Key(name: $0) })
        XCTAssertNotEqual(s.module(DistrictsPane.self).column, before.column)
        XCTAssertEqual(s.module(DistrictsPane.self).version, before.version)
        _ = s.apply(keys: ["r"].compactMap { Key(name: $0) })
        let red = s.module(DistrictsPane.self)
        _ = s.apply(keys: ["Right"].compactMap { Key(name: $0) })
        XCTAssertNotEqual(s.module(DistrictsPane.self).version, red.version)
        assertFresh(s, after: "Right Right Left r Right")
    }

    /// `--sort` by a KPI (the default sort): the matrix sorted by it through KPI changes.
    func testTheDefaultSortByAKPIKeepsTheFreshMatrix() {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        let kpi = s.module(DistrictsPane.self).indicators[1]
        s.setDefaultSort(ColumnSort(kpi, descending: true))
        assertFresh(s, after: "--sort \(kpi):desc")
        var done = ["--sort \(kpi):desc"]
        for key in ["Right", "Right", "Left", "Down", "r", "Left", "x"] {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            assertFresh(s, after: done.joined(separator: " "))
        }
        s.setDefaultSort(nil)
        assertFresh(s, after: done.joined(separator: " ") + " and no sort")
    }

    /// The model holds every KPI's column, but `O` reverses only a sort the matrix has in view:
    /// `--sort` by a KPI out of view leaves `O` to sort by the district, descending, as before.
    func testShiftOWithADefaultSortByAKPIOutOfView() throws {
        var s = Kent.state(width: 120, height: 40, pane: .districts)
        let pane = s.module(DistrictsPane.self)
        let r = pane.regions(in: s.screen.body, s.shared)
        let last = try XCTUnwrap(pane.indicators.last)
        XCTAssertGreaterThan(pane.indicators.count, r.firstColumn + r.visibleColumns, "the last KPI is out of view")
        s.setDefaultSort(ColumnSort(last))
        _ = s.apply(keys: [.character("O")])
        XCTAssertEqual(s.shared.sorts[DistrictsPane.table], .some(ColumnSort("district", descending: true)))
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
        for key in ["Down", "Down", "o", "o", "O", "s", "Down", "s", "s", "r", "g", "x", "+", "Down", "+", "-", "End", "Home", "/", "n", "Enter", "x", "Down", "Down", "Enter", "Down",
                    // A search typed and erased, a RAG filter on it, another area's league.
                    "/", "e", "a", "Backspace", "s", "Enter", "a", "x", "Down", "Enter", "/", "o", "Enter", "x"] {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            let pane = s.module(DetailPane.self)
            let r = pane.regions(in: s.screen.body, s.shared)
            let drawn = r.leagueModel.rows.compactMap { row -> String? in
                if case .data(let cells) = row { return cells[1...].first { $0.export?.count == 3 }?.export?[0] }
                return nil
            }
            XCTAssertEqual(drawn, pane.league.map { s.dataset.series($0).area }, "after '\(done.joined(separator: " "))'")
            // The whole table, built afresh: the cells kept for the league's candidates are the
            // ones the area, KPI, scope and data shown have now.
            if let code = s.shared.indicator, let ind = s.dataset.indicator(code) {
                let unsorted = pane.leagueTable(ind, s.shared)
                var fresh = unsorted.markingSort(s.shared.sort(table: DetailPane.leagueID, columns: unsorted.columns), s.shared.glyphs)
                let bar = fresh.columns.firstIndex { $0.id == "bar" } ?? 3
                pane.fillBars(&fresh, column: bar, width: r.league.column(bar)?.width ?? 0, s.shared)
                XCTAssertEqual(r.leagueModel, fresh, "league after '\(done.joined(separator: " "))'")
            }
            assertFreshPeriods(s, after: done.joined(separator: " "))
        }
        // Another KPI for the same area: a district KPI's league (the districts, not every
        // authority) has other columns.
        s.apply([PaneIntent.open(.detail, indicator: "SCS08")])
        let local = s.module(DetailPane.self)
        let ind = try XCTUnwrap(s.dataset.indicator("SCS08"))
        let fresh = local.leagueTable(ind, s.shared)
        XCTAssertEqual(local.regions(in: s.screen.body, s.shared).leagueModel.columns.map(\.id), fresh.columns.map(\.id), "a district KPI's league")
        assertFreshPeriods(s, after: "a district KPI")
        // The periods table sorted by `--sort` (the default), then by a click on its header.
        s.setDefaultSort(ColumnSort("period", descending: true))
        assertFreshPeriods(s, after: "--sort period:desc")
        let r = s.module(DetailPane.self).regions(in: s.screen.body, s.shared)
        let header = try XCTUnwrap(r.periods.columns.first)
        _ = s.update(.mouse(.click(x: header.x, y: r.periods.header.bottom - 1)))
        XCTAssertEqual(s.shared.sorts[DetailPane.periodsID], .some(ColumnSort("period")))
        assertFreshPeriods(s, after: "--sort period:desc, then a click on the periods' header")
    }

    /// KPI detail keeps the league's candidates (`candidatesMemo`) while a search or a RAG filter
    /// chooses among them: after every key the league, its ranks, its count and the table drawn
    /// are those of a pane built afresh — through a search typed, erased back past its start and
    /// typed again, one that matches nothing, and a search kept while the KPI, the area, the sort
    /// and a national league's scope change.
    func testTheLeagueASearchLeavesIsTheOneAFreshPaneBuilds() throws {
        let directories = ["Sources/ragtop/Resources/kent-cype-2024-10", "Sources/ragtop/Resources/national"]
        var s = try Golden.state(arguments: ["--data", directories[0], "--data", directories[1], "--pane", "detail",
                                               "--indicator", "SCS08", "--size", "120x40"])
        var done: [String] = []
        func press(_ keys: String) {
            for key in keys.split(separator: " ").map(String.init) {
                _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
                done.append(key)
                assertFreshLeague(s, after: done.joined(separator: " "))
            }
        }
        // A district KPI: typed, erased past its start (which ends the search), typed again.
        press("/ T o n Backspace Backspace Backspace Backspace / a s Backspace Backspace h a m Enter Down")
        // Nothing matches; then a RAG filter on a search, and a sort.
        press("x / z z q Backspace Backspace Backspace e Enter r g x / e Enter r o o O")
        // Another KPI and another area with the search kept.
        s.apply([PaneIntent.open(.detail, indicator: "EHCP20-CY")])
        done.append("(EHCP20-CY)")
        assertFreshLeague(s, after: done.joined(separator: " "))
        // A national league: its scope cycled to the neighbours, a search on it, then another
        // authority opened (its own neighbours), with the search kept.
        press("x s s")
        XCTAssertEqual(s.module(DetailPane.self).scope, .neighbours)
        press("/ o Enter Down Enter / Backspace a Enter Down Down Enter s Escape")
    }

    /// The league the pane holds and lays out, against those of a pane built afresh (with the
    /// same scope, compared areas and cursor) in the same state.
    private func assertFreshLeague(_ s: DashboardState, after keys: String, file: StaticString = #filePath, line: UInt = #line) {
        let pane = s.module(DetailPane.self)
        var fresh = DetailPane()
        fresh.scope = pane.scope
        fresh.compared = pane.compared
        fresh.rebuild(s.shared)
        fresh.list = pane.list
        XCTAssertEqual(pane.league, fresh.league, "league after '\(keys)'", file: file, line: line)
        // Who is in it, by the filters' rules: a rating the RAG filter lets through, a name or
        // team containing the search (case-insensitive unless it has a capital).
        if let code = s.shared.indicator {
            let search = s.shared.textFilter, caseSensitive = search.contains { $0.isUppercase }
            func found(_ text: String) -> Bool { caseSensitive ? text.contains(search) : text.lowercased().contains(search.lowercased()) }
            let expected = DetailPane.candidates(s.shared, indicator: code, scope: pane.scope).filter { series, area in
                let rag = s.dataset.latestRow(series: series).flatMap { s.dataset.rag(row: $0) }
                return (s.shared.ragFilter.isEmpty || rag.map(s.shared.ragFilter.contains) == true)
                    && (search.isEmpty || found(area.name) || found(s.dataset.series(series).team ?? ""))
            }
            XCTAssertEqual(Set(pane.league), Set(expected.map(\.series)), "members after '\(keys)'", file: file, line: line)
        }
        XCTAssertEqual(pane.rank, fresh.rank, "ranks after '\(keys)'", file: file, line: line)
        XCTAssertEqual(pane.countSummary(s.shared), fresh.countSummary(s.shared), "count after '\(keys)'", file: file, line: line)
        let kept = pane.regions(in: s.screen.body, s.shared), made = fresh.regions(in: s.screen.body, s.shared)
        XCTAssertEqual(kept.leagueModel, made.leagueModel, "league table after '\(keys)'", file: file, line: line)
        XCTAssertEqual(kept.league, made.league, "league's layout after '\(keys)'", file: file, line: line)
    }

    /// The league's bars come from strings kept by length (`BarStrings`): as a search changes the
    /// names beside them, or the screen its width, the bar column narrows and widens, and every
    /// bar is still as long as its figure against the largest, at the width the column has now.
    func testTheLeaguesBarsFitTheColumnAsASearchNarrowsAndWidensIt() throws {
        var s = try Golden.state(arguments: ["--data", "Sources/ragtop/Resources/kent-cype-2024-10", "--pane", "detail", "--indicator", "SCS08",
                                               "--size", "120x40"])
        var widths: [Int] = [], done: [String] = []
        let keys = ["/", "T", "o", "Backspace", "Backspace", "D", "o", "v", "Backspace", "Backspace", "Backspace", "a", "n", "Backspace", "Backspace", "Escape"]
        // Then the screen narrower and wider: the bars follow the table's width too.
        for key in keys + ["100x40", "140x40"] {
            let size = key.split(separator: "x").compactMap { Int($0) }
            if size.count == 2 { _ = s.update(.resize(width: size[0], height: size[1])) } else { _ = s.apply(keys: [Key(name: key)].compactMap { $0 }) }
            done.append(key)
            let pane = s.module(DetailPane.self)
            let r = pane.regions(in: s.screen.body, s.shared)
            let k = try XCTUnwrap(r.leagueModel.columns.firstIndex { $0.id == "bar" })
            let width = try XCTUnwrap(r.league.column(k)?.width, "the bar column is shown")
            widths.append(width)
            let values = pane.league.map { s.dataset.latestRow(series: $0).flatMap { s.dataset.value(row: $0) } }
            let largest = values.compactMap { $0.map(abs) }.max() ?? 0
            for (i, value) in values.enumerated() {
                guard let value, case .data(let cells) = r.leagueModel.rows[i] else { continue }
                let length = largest > 0 ? Int((abs(value) / largest * Double(width)).rounded()) : 0
                XCTAssertEqual(cells[k].text, String(repeating: "█", count: length), "row \(i) after '\(done.joined(separator: " "))'")
            }
        }
        // The column narrowed and widened again (else the test shows nothing).
        XCTAssertTrue(zip(widths, widths.dropFirst()).contains { $0 > $1 } && zip(widths, widths.dropFirst()).contains { $0 < $1 }, "bar widths \(widths)")
    }

    /// `BarStrings` gives `glyphs.bar(n)` at every `n` up to the length asked for, growing when
    /// asked for more and starting again in another alphabet.
    func testBarStringsAreEveryLengthsBarInTheAlphabetAskedFor() {
        let bars = BarStrings(), unicode = Glyphs(ascii: false), ascii = Glyphs(ascii: true)
        XCTAssertEqual(bars.upTo(3, unicode), (0...3).map(unicode.bar))
        XCTAssertEqual(Array(bars.upTo(1, unicode).prefix(2)), (0...1).map(unicode.bar))
        XCTAssertEqual(bars.upTo(6, unicode), (0...6).map(unicode.bar))
        XCTAssertEqual(Array(bars.upTo(2, ascii).prefix(3)), (0...2).map(ascii.bar))
        XCTAssertEqual(Array(bars.upTo(0, unicode).prefix(1)), [""])
        XCTAssertEqual(bars.upTo(4, unicode), (0...4).map(unicode.bar))
    }

    /// KPI detail keeps the title's and the notes' lines while they and their room stay: through
    /// `n`, scrolling, a search, another area and a resize they are what a pane made afresh shows.
    func testTheKeptNotesAreTheOnesAFreshPaneShows() {
        var s = DashboardState(dataset: DetailNotesTests.withActions, width: 120, height: 40, pane: .detail, indicator: "SCS19")
        XCTAssertFalse(s.module(DetailPane.self).regions(in: s.screen.body, s.shared).notes.lines.isEmpty, "Kent's SCS19 has notes")
        var done: [String] = []
        for key in ["Down", "n", "Down", "Down", "Up", "n", "/", "D", "o", "Enter", "Enter", "n", "Down", "Escape", "Escape", "x", "n", "n"] {
            _ = s.apply(keys: [Key(name: key)].compactMap { $0 })
            done.append(key)
            assertFreshNotes(s, after: done.joined(separator: " "))
        }
        _ = s.update(.resize(width: 90, height: 30))
        assertFreshNotes(s, after: done.joined(separator: " ") + " and a resize")
    }

    /// The notes `regions` lays out, against those of a pane made afresh in the same state.
    private func assertFreshNotes(_ s: DashboardState, after keys: String, file: StaticString = #filePath, line: UInt = #line) {
        let pane = s.module(DetailPane.self)
        var fresh = DetailPane()
        fresh.showNotes = pane.showNotes
        fresh.notesScroll = pane.notesScroll
        fresh.scope = pane.scope
        fresh.compared = pane.compared
        fresh.rebuild(s.shared)
        fresh.list = pane.list
        let kept = pane.regions(in: s.screen.body, s.shared), made = fresh.regions(in: s.screen.body, s.shared)
        XCTAssertEqual(kept.titleLines, made.titleLines, "title after '\(keys)'", file: file, line: line)
        XCTAssertEqual(kept.notes.lines, made.notes.lines, "notes after '\(keys)'", file: file, line: line)
        XCTAssertEqual(kept.notes.rect, made.notes.rect, "notes' place after '\(keys)'", file: file, line: line)
        XCTAssertEqual(kept.definition, made.definition, "definition after '\(keys)'", file: file, line: line)
        XCTAssertEqual(kept.league, made.league, "league after '\(keys)'", file: file, line: line)
    }

    /// The periods table `regions` kept is the one the area shown has now (typing a search
    /// keeps it: it does not depend on the league's filters).
    private func assertFreshPeriods(_ s: DashboardState, after keys: String, file: StaticString = #filePath, line: UInt = #line) {
        let pane = s.module(DetailPane.self)
        guard let code = s.shared.indicator, let ind = s.dataset.indicator(code) else { return }
        let series = DetailPane.series(area: s.shared.area, indicator: code, s.dataset)
        let fresh = pane.sortedPeriodTable(series.map { s.dataset.rows(series: $0).map(Int.init) } ?? [], ind, s.shared).model
        XCTAssertEqual(pane.regions(in: s.screen.body, s.shared).periodsModel, fresh, "periods after '\(keys)'", file: file, line: line)
    }
}
