import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The tables without a cursor beside a pane's main table (#16): the EHCP pane's drivers,
/// DfE calendar years and statistical neighbours, and the SEN therapy pane's waits. Each sorts
/// by a click on a header (at the place the table's regions give), ascending then descending,
/// checked against an order worked out here from the data (missing last either way, ties in
/// the table's own order); `o` and `O` keep sorting the pane's main table.
final class SecondaryTableSortTests: XCTestCase {
    /// Kent with the national data (the calendar years, every authority, the neighbours).
    static let ds = NationalLeagueTests.both

    static func state(_ pane: Pane, _ w: Int = 200, _ h: Int = 70) -> DashboardState {
        DashboardState(dataset: ds, width: w, height: h, pane: pane)
    }

    /// `items` ordered by `key`: ascending or descending, nil last, ties as they were.
    static func expected<T>(_ items: [T], descending: Bool, key: (T) -> Double?) -> [T] {
        items.enumerated().sorted { a, b in
            switch (key(a.element), key(b.element)) {
            case let (x?, y?): return x != y ? (descending ? x > y : x < y) : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Clicks the middle of column `id`'s header in the table `table` gives for the state.
    static func clickHeader(_ s: inout DashboardState, _ id: String, _ table: (DashboardState) -> (TableModel, TableRegions),
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let (model, regions) = table(s)
        let k = try XCTUnwrap(model.columns.firstIndex { $0.id == id }, "no \(id) column", file: file, line: line)
        let placed = try XCTUnwrap(regions.column(k), "the \(id) column is not on screen", file: file, line: line)
        XCTAssertGreaterThan(regions.header.height, 0, file: file, line: line)
        _ = s.apply([.mouse(.click(x: placed.x + placed.width / 2, y: regions.header.bottom - 1))])
    }

    /// Each data row's cell `k` text, in the model's order.
    static func column(_ model: TableModel, _ k: Int) -> [String] {
        model.rows.compactMap { if case .data(let c) = $0, k < c.count { c[k].text } else { nil } }
    }

    /// The mark on column `id`'s title.
    static func marks(_ model: TableModel, _ id: String) -> [Mark] {
        model.columns.first { $0.id == id }?.titleMarks ?? []
    }

    func ehcp(_ s: DashboardState) -> EHCPPane.Regions { s.ehcp.regions(in: s.screen.body, s.shared) }

    /// "What drives it" by its latest figure: the drivers' codes in the order of the root
    /// area's latest values, lowest first, then highest first; the districts keep their order.
    func testTheEHCPDriversSortByAHeaderClick() throws {
        var s = Self.state(.ehcp)
        let ds = s.dataset
        let codes = EHCPStatement.drivers.filter { ds.indicator($0) != nil }
        func latest(_ code: String) -> Double? {
            ds.seriesID(area: s.shared.rootArea, indicator: code).flatMap { ds.latestRow(series: $0) }.flatMap { ds.value(row: $0) }
        }
        XCTAssertGreaterThan(Set(codes.map(latest)).count, 2, "the drivers have different figures to sort")
        let table = { (s: DashboardState) in (self.ehcp(s).driversModel, self.ehcp(s).drivers) }
        XCTAssertEqual(Self.column(ehcp(s).driversModel, 0), codes, "the statement's order")
        let districts = s.ehcp.series
        try Self.clickHeader(&s, "value", table)
        XCTAssertEqual(Self.column(ehcp(s).driversModel, 0), Self.expected(codes, descending: false, key: latest), "lowest first")
        XCTAssertEqual(Self.marks(ehcp(s).driversModel, "value"), [.sortedAscending])
        try Self.clickHeader(&s, "value", table)
        XCTAssertEqual(Self.column(ehcp(s).driversModel, 0), Self.expected(codes, descending: true, key: latest), "highest first")
        XCTAssertEqual(Self.marks(ehcp(s).driversModel, "value"), [.sortedDescending])
        XCTAssertEqual(s.ehcp.series, districts, "the districts keep their order")
        // A click on a driver still opens the one drawn there.
        let r = ehcp(s)
        let first = try XCTUnwrap(r.drivers.rows.first)
        _ = s.apply([.mouse(.click(x: r.drivers.frame.x + 1, y: first.y))])
        XCTAssertEqual(s.pane, .detail)
        XCTAssertEqual(s.indicator, Self.expected(codes, descending: true, key: latest).first)
    }

    /// The DfE calendar years by the root area's share: lowest first (shown from the top, not
    /// the latest year), then highest first. At 120×32 only the latest few years fit.
    func testTheEHCPCalendarYearsSortByAHeaderClick() throws {
        var s = Self.state(.ehcp, 120, 32)
        let ds = s.dataset
        let sid = try XCTUnwrap(ds.seriesID(area: s.shared.rootArea, indicator: EHCPStatement.calendarYear))
        let rows = ds.trendRows(series: sid)
        let labels = { (rows: [Int]) in rows.map { ds.period(row: $0).label } }
        let value = { (row: Int) in ds.value(row: row) }
        let table = { (s: DashboardState) in (self.ehcp(s).yearsModel, self.ehcp(s).years) }
        XCTAssertEqual(Self.column(ehcp(s).yearsModel, 0), labels(rows), "oldest first")
        XCTAssertLessThan(ehcp(s).years.rows.count, rows.count, "not every year fits")
        XCTAssertEqual(ehcp(s).years.rows.last?.index, rows.count - 1, "the latest year at the bottom")
        XCTAssertNotEqual(Self.expected(rows, descending: false, key: value), rows, "the years sort into another order")
        try Self.clickHeader(&s, "value", table)
        XCTAssertEqual(Self.column(ehcp(s).yearsModel, 0), labels(Self.expected(rows, descending: false, key: value)), "lowest first")
        XCTAssertEqual(ehcp(s).years.rows.first?.index, 0, "the first of the order is at the top")
        XCTAssertEqual(Self.marks(ehcp(s).yearsModel, "value"), [.sortedAscending])
        try Self.clickHeader(&s, "value", table)
        XCTAssertEqual(Self.column(ehcp(s).yearsModel, 0), labels(Self.expected(rows, descending: true, key: value)), "highest first")
        XCTAssertEqual(Self.marks(ehcp(s).yearsModel, "value"), [.sortedDescending])
        XCTAssertNil(s.sort(table: EHCPPane.table, columns: EHCPPane.districtColumns), "the districts are not sorted")
    }

    /// The statistical neighbours by name, A first then Z first, each bar still its own row's
    /// figure and the area still highlighted.
    func testTheEHCPNeighboursSortByAHeaderClick() throws {
        var s = Self.state(.ehcp)
        let ds = s.dataset
        let area = s.shared.rootArea
        let report = ds.neighbourReport(area: area, ReportQuery(indicator: EHCPStatement.calendarYear)).rows
        XCTAssertGreaterThan(report.count, 5)
        let names = report.map(\.areaName)
        let byName = names.sorted { $0.lowercased() < $1.lowercased() }
        let table = { (s: DashboardState) in (self.ehcp(s).neighboursModel, self.ehcp(s).neighbours) }
        XCTAssertEqual(Set(Self.column(ehcp(s).neighboursModel, 1)), Set(names))
        XCTAssertNotEqual(Self.column(ehcp(s).neighboursModel, 1), byName, "not already by name")
        func checkBars(_ s: DashboardState, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = ehcp(s)
            let bar = try XCTUnwrap(r.neighboursModel.columns.firstIndex { $0.id == "bar" })
            let width = try XCTUnwrap(r.neighbours.column(bar)?.width)
            let top = report.compactMap(\.value).map(abs).max() ?? 1
            for row in r.neighboursModel.rows {
                guard case .data(let cells) = row, let mine = report.first(where: { $0.areaName == cells[1].text }) else { continue }
                let want = mine.value.map { Int((abs($0) / top * Double(width)).rounded()) } ?? 0
                XCTAssertEqual(cells[bar].text.count, want, "\(mine.areaName)'s bar", file: file, line: line)
                XCTAssertEqual(cells[bar].role == .highlight, mine.areaCode == area, "\(mine.areaName)'s bar highlight", file: file, line: line)
                XCTAssertEqual(cells[0].text, mine.neighbourhood?.rank.map(String.init) ?? "", "\(mine.areaName)'s rank", file: file, line: line)
            }
        }
        try checkBars(s)
        try Self.clickHeader(&s, "area", table)
        XCTAssertEqual(Self.column(ehcp(s).neighboursModel, 1), byName, "A first")
        XCTAssertEqual(Self.marks(ehcp(s).neighboursModel, "area"), [.sortedAscending])
        try checkBars(s)
        try Self.clickHeader(&s, "area", table)
        XCTAssertEqual(Self.column(ehcp(s).neighboursModel, 1), byName.reversed(), "Z first")
        XCTAssertEqual(Self.marks(ehcp(s).neighboursModel, "area"), [.sortedDescending])
        try checkBars(s)
        // `o` still sorts the districts, not the neighbours.
        _ = s.apply(keys: [.character("o")])
        XCTAssertNotNil(s.sort(table: EHCPPane.table, columns: EHCPPane.districtColumns))
        XCTAssertEqual(s.sort(table: EHCPPane.neighboursTable, columns: ehcp(s).neighboursModel.columns), ColumnSort("area", descending: true))
    }

    /// The therapy panel's first waits table by a figure column: its rows in the order of that
    /// column's numbers (as exported: no thousands separators), then reversed; every waits table
    /// with the column sorts, and the districts keep their order.
    func testTheTherapyWaitsSortByAHeaderClick() throws {
        var s = Self.state(.therapy)
        func tables(_ s: DashboardState) -> [(TableModel, TableRegions)] {
            s.therapy.regions(in: s.screen.body, s.shared).blocks.compactMap { if case .table(let m, let r) = $0 { (m, r) } else { nil } }
        }
        let (model, _) = try XCTUnwrap(tables(s).first, "a waits table is shown")
        let rows: [[String]] = model.rows.compactMap { if case .data(let c) = $0 { c.map(\.text) } else { nil } }
        func number(_ k: Int) -> ([String]) -> Double? { { cells in Double(cells[k].replacingOccurrences(of: ",", with: "")) } }
        // A figure column (a period's, or the latest) whose numbers do not sort like their text.
        let k = try XCTUnwrap(model.columns.indices.first { k in
            model.columns[k].sortable && Set(rows.map(number(k))).count > 2 && Self.expected(rows, descending: false, key: number(k)) != rows.enumerated().sorted { a, b in
                a.element[k] != b.element[k] ? a.element[k] < b.element[k] : a.offset < b.offset
            }.map(\.element)
        }, "a figure column whose numbers do not sort as text")
        let id = model.columns[k].id
        let number = number(k)
        XCTAssertGreaterThan(rows.count, 2)
        XCTAssertGreaterThan(Set(rows.map(number)).count, 2, "the rows have different figures")
        let data = { (m: TableModel) in m.rows.compactMap { if case .data(let c) = $0 { c.map(\.text) } else { nil } } }
        let first = { (s: DashboardState) in tables(s)[0] }
        let districts = s.therapy.districts
        try Self.clickHeader(&s, id, first)
        XCTAssertEqual(data(tables(s)[0].0), Self.expected(rows, descending: false, key: number), "lowest first")
        XCTAssertEqual(Self.marks(tables(s)[0].0, id), [.sortedAscending])
        try Self.clickHeader(&s, id, first)
        XCTAssertEqual(data(tables(s)[0].0), Self.expected(rows, descending: true, key: number), "highest first")
        XCTAssertEqual(Self.marks(tables(s)[0].0, id), [.sortedDescending])
        XCTAssertEqual(s.therapy.districts, districts, "the districts keep their order")
        XCTAssertNil(s.sort(table: TherapyPane.table, columns: TherapyPane.districtColumns))
    }
}
