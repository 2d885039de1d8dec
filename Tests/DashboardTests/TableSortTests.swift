import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// Sorting every table pane by its columns: `o` (next column), `O` (reverse), a click on a
/// header (again: reversed). Each order is checked against one worked out here from the data,
/// with this file's own comparison (numbers, ratings by severity, names ignoring case; missing
/// last either way; ties in the pane's own order), not the dashboard's `SortValue`. The cursor
/// stays on its item through a re-sort, and Enter opens the item under it.
final class TableSortTests: XCTestCase {
    static let ds = Kent.dataset

    /// A key worked out from the data: a number or a name.
    enum K: Equatable {
        case n(Double)
        case t(String)

        static func less(_ a: K, _ b: K) -> Bool {
            switch (a, b) {
            case let (.n(x), .n(y)): x < y
            case let (.t(x), .t(y)): x.lowercased() < y.lowercased()
            default: false
            }
        }
    }

    /// A rating's severity: RED 0, AMBER 1, target missed 1.5, GREEN 2; none: missing.
    static func severity(_ rag: RAG?, _ source: RatingSource?) -> K? {
        if source == .undecided { return .n(1.5) }
        switch rag {
        case .red?: return .n(0)
        case .amber?: return .n(1)
        case .green?: return .n(2)
        case nil: return nil
        }
    }

    static func latestValue(_ s: DashboardState, series: Int) -> K? {
        s.dataset.latestRow(series: series).flatMap { s.dataset.value(row: $0) }.map(K.n)
    }

    static func latestRating(_ s: DashboardState, series: Int) -> K? {
        guard let r = s.dataset.latestRow(series: series) else { return nil }
        return severity(s.dataset.rag(row: r), s.dataset.ratingSource(row: r))
    }

    /// `items` in the order `key` gives: ascending or descending, missing last, ties as they were.
    static func expected(_ items: [String], descending: Bool, key: (String) -> K?) -> [String] {
        let keyed = items.enumerated().map { ($0.offset, $0.element, key($0.element)) }
        return keyed.sorted { a, b in
            switch (a.2, b.2) {
            case (nil, nil): return a.0 < b.0
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                if K.less(x, y) { return !descending }
                if K.less(y, x) { return descending }
                return a.0 < b.0
            }
        }.map(\.1)
    }

    /// One table pane: how to read its rows (as item names), its cursor's item, its table's
    /// model and layout, the columns to check with their keys, and what Enter opened.
    struct Probe {
        var pane: Pane
        var table: String
        var items: (DashboardState) -> [String]
        var cursor: (DashboardState) -> String?
        var layout: (DashboardState) -> (TableModel, TableRegions)
        var columns: [(id: String, key: (DashboardState, String) -> K?)]
        /// What Enter opened, as the item's name would give it (an area, a KPI).
        var opened: (DashboardState) -> String
        /// What Enter on `item` should open.
        var opens: (String) -> String
    }

    static func series(_ s: DashboardState, _ item: String) -> Int? { Int(item.split(separator: "#").last ?? "") }

    nonisolated(unsafe) static let probes: [Probe] = [
        Probe(pane: .scorecard, table: ScorecardPane.table,
              items: { s in s.scorecard.lines.compactMap { if case .series(let id) = $0 { "\(s.dataset.series(id).indicator)#\(id)" } else { nil } } },
              cursor: { s in s.scorecard.selectedSeries.map { "\(s.dataset.series($0).indicator)#\($0)" } },
              layout: { s in let r = s.scorecard.regions(in: s.screen.body, s.shared); return (r.model, r.table) },
              columns: [
                ("value", { s, i in series(s, i).flatMap { latestValue(s, series: $0) } }),
                ("rag", { s, i in series(s, i).flatMap { latestRating(s, series: $0) } }),
                ("gap", { s, i in series(s, i).flatMap { s.dataset.latestRow(series: $0) }.flatMap { s.dataset.gapToTarget(row: $0) }.map(K.n) }),
              ],
              opened: { s in s.pane == .detail ? s.indicator ?? "" : "not opened" },
              opens: { String($0.split(separator: "#")[0]) }),
        Probe(pane: .changes, table: ChangesPane.table,
              items: { s in s.changes.lines.compactMap { line in
                  guard case .row(let i) = line, let r = s.changes.changes?.rows[i] else { return nil }
                  return "\(r.indicator.code)#\(i)"
              } },
              cursor: { s in
                  guard s.changes.lines.indices.contains(s.changes.list.cursor), case .row(let i) = s.changes.lines[s.changes.list.cursor],
                        let r = s.changes.changes?.rows[i] else { return nil }
                  return "\(r.indicator.code)#\(i)"
              },
              layout: { s in let r = s.changes.regions(in: s.screen.body, s.shared); return (r.model, r.table) },
              columns: [
                ("value", { s, i in series(s, i).flatMap { s.changes.changes?.rows[$0].latest.value }.map(K.n) }),
                ("rag", { s, i in series(s, i).flatMap { k in s.changes.changes.flatMap { severity($0.rows[k].latest.rating, $0.rows[k].latest.ratedBy) } } }),
                // The rating then: several are "target missed" (◇ M), between AMBER and GREEN.
                ("old_rag", { s, i in series(s, i).flatMap { k in s.changes.changes?.rows[k].compared.flatMap { severity($0.rating, $0.ratedBy) } } }),
              ],
              opened: { s in s.pane == .detail ? s.indicator ?? "" : "not opened" },
              opens: { String($0.split(separator: "#")[0]) }),
        Probe(pane: .districts, table: DistrictsPane.table,
              items: { s in s.districts.areas },
              cursor: { s in s.districts.areas.indices.contains(s.districts.list.cursor) ? s.districts.areas[s.districts.list.cursor] : nil },
              layout: { s in let r = s.districts.regions(in: s.screen.body, s.shared); return (r.model, r.table) },
              columns: [
                ("red", { s, area in
                    // The KPIs the district itself is RED on (a shared team's ratings are not its own).
                    let own = s.dataset.seriesIDs(area: area).filter { !s.dataset.isSharedTeam(series: $0) }
                    let red = own.filter { s.dataset.latestRow(series: $0).flatMap { s.dataset.rag(row: $0) } == .red }
                    return .n(Double(Set(red.map { s.dataset.series($0).indicator }).count))
                }),
                ("district", { s, area in .t(s.shared.areaName(area)) }),
              ],
              opened: { s in s.pane == .scorecard ? s.area : "not opened" },
              opens: { $0 }),
        Probe(pane: .detail, table: DetailPane.leagueID,
              items: { s in s.detail.league.map { "\(s.dataset.series($0).area)#\($0)" } },
              cursor: { s in s.detail.league.indices.contains(s.detail.list.cursor) ? "\(s.dataset.series(s.detail.league[s.detail.list.cursor]).area)#\(s.detail.league[s.detail.list.cursor])" : nil },
              layout: { s in let r = s.detail.regions(in: s.screen.body, s.shared); return (r.leagueModel, r.league) },
              columns: [
                ("value", { s, i in series(s, i).flatMap { latestValue(s, series: $0) } }),
                ("rag", { s, i in series(s, i).flatMap { latestRating(s, series: $0) } }),
              ],
              opened: { s in s.pane == .detail ? s.area : "not opened" },
              opens: { String($0.split(separator: "#")[0]) }),
        Probe(pane: .ehcp, table: EHCPPane.table,
              items: { s in s.ehcp.series.map { "\(s.dataset.series($0).area)#\($0)" } },
              cursor: { s in s.ehcp.series.indices.contains(s.ehcp.list.cursor) ? "\(s.dataset.series(s.ehcp.series[s.ehcp.list.cursor]).area)#\(s.ehcp.series[s.ehcp.list.cursor])" : nil },
              layout: { s in let r = s.ehcp.regions(in: s.screen.body, s.shared); return (r.districtsModel, r.districts) },
              columns: [
                ("value", { s, i in series(s, i).flatMap { latestValue(s, series: $0) } }),
                ("rag", { s, i in series(s, i).flatMap { latestRating(s, series: $0) } }),
              ],
              opened: { s in s.pane == .detail ? s.area : "not opened" },
              opens: { String($0.split(separator: "#")[0]) }),
        Probe(pane: .therapy, table: TherapyPane.table,
              items: { s in s.therapy.districts },
              cursor: { s in s.therapy.selectedDistrict },
              layout: { s in let r = s.therapy.regions(in: s.screen.body, s.shared); return (r.districtsModel, r.districts) },
              columns: [
                ("district", { s, area in .t(s.shared.areaName(area)) }),
                ("provider", { s, area in
                    let p = s.dataset.providers(serving: area).map(\.provider)
                    return p.isEmpty ? nil : .t(p.joined(separator: ", "))
                }),
              ],
              opened: { s in s.pane == .scorecard ? s.area : "not opened" },
              opens: { $0 }),
    ]

    static func state(_ pane: Pane, _ w: Int = 160, _ h: Int = 50) -> DashboardState {
        DashboardState(dataset: ds, width: w, height: h, pane: pane)
    }

    /// `o` until the table is sorted by `column` (ascending), as a user would cycle to it.
    static func cycle(_ s: inout DashboardState, to column: String, _ p: Probe, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<40 {
            _ = s.apply(keys: [.character("o")])
            let (model, _) = p.layout(s)
            if s.sort(table: p.table, columns: model.columns) == ColumnSort(column) { return }
        }
        XCTFail("\(p.pane): o never sorted by \(column)", file: file, line: line)
    }

    /// The header cell of `column`, read from the layout the pane draws.
    static func header(_ s: DashboardState, _ p: Probe, _ column: String) -> (x: Int, y: Int)? {
        let (model, regions) = p.layout(s)
        guard let k = model.columns.firstIndex(where: { $0.id == column }), let placed = regions.column(k) else { return nil }
        return (placed.x + placed.width / 2, regions.header.bottom - 1)
    }

    func testOAndShiftOSortEveryTableByEachColumnBothWays() {
        for p in Self.probes {
            let natural = p.items(Self.state(p.pane))
            XCTAssertGreaterThan(natural.count, 3, "\(p.pane) has rows to sort")
            for (column, key) in p.columns {
                var s = Self.state(p.pane)
                Self.cycle(&s, to: column, p)
                let keyOf = { (item: String) in key(s, item) }
                XCTAssertEqual(p.items(s), Self.expected(natural, descending: false, key: keyOf), "\(p.pane) by \(column) ascending")
                _ = s.apply(keys: [.character("O")])
                XCTAssertEqual(p.items(s), Self.expected(natural, descending: true, key: keyOf), "\(p.pane) by \(column) descending")
                // The header says so: the column's title ends with ▾.
                let (model, _) = p.layout(s)
                XCTAssertEqual(model.columns.first { $0.id == column }?.titleMarks.last, .sortedDescending, "\(p.pane) \(column)'s header")
                XCTAssertTrue(model.columns.first { $0.id == column }?.title.contains("▾") ?? false, "\(p.pane) \(column)'s header shows ▾")
            }
        }
    }

    func testClickingAHeaderSortsByItAndAgainReverses() {
        for p in Self.probes {
            let natural = p.items(Self.state(p.pane))
            for (column, key) in p.columns {
                var s = Self.state(p.pane)
                guard let at = Self.header(s, p, column) else {
                    XCTFail("\(p.pane): no header for \(column) at 160x50")
                    continue
                }
                _ = s.apply([.mouse(.click(x: at.x, y: at.y))])
                let keyOf = { (item: String) in key(s, item) }
                XCTAssertEqual(p.items(s), Self.expected(natural, descending: false, key: keyOf), "\(p.pane) click on \(column)")
                // The header moved (a mark in its title): read it again.
                guard let again = Self.header(s, p, column) else { continue }
                _ = s.apply([.mouse(.click(x: again.x, y: again.y))])
                XCTAssertEqual(p.items(s), Self.expected(natural, descending: true, key: keyOf), "\(p.pane) second click on \(column)")
            }
        }
    }

    /// The cursor stays on its item when the table is sorted, and Enter (or a click on the
    /// row drawn there) opens that item.
    func testTheCursorKeepsItsItemAndEnterOpensIt() {
        for p in Self.probes {
            for (column, _) in p.columns {
                var s = Self.state(p.pane)
                _ = s.apply(keys: [.down, .down, .down])
                guard let before = p.cursor(s) else { XCTFail("\(p.pane): no cursor"); continue }
                Self.cycle(&s, to: column, p)
                _ = s.apply(keys: [.character("O")])
                XCTAssertEqual(p.cursor(s), before, "\(p.pane) by \(column): the cursor stayed on its item")
                var clicked = s
                // Down once: now the item after it in the sorted order; Enter opens that one.
                _ = s.apply(keys: [.down])
                guard let item = p.cursor(s) else { continue }
                let items = p.items(s)
                XCTAssertEqual(items.firstIndex(of: item), items.firstIndex(of: before).map { min($0 + 1, items.count - 1) }, "\(p.pane) Down after sorting")
                _ = s.apply(keys: [.enter])
                XCTAssertEqual(p.opened(s), p.opens(item), "\(p.pane) by \(column): Enter opened the item under the cursor")
                // A click on the row where it is drawn selects it, a second click opens it.
                let (_, regions) = p.layout(clicked)
                guard let k = items.firstIndex(of: item), let y = regions.rows.first(where: { row in
                    // The model row of a sorted list is its item's place (sorted lists have no headings).
                    row.index == k
                })?.y else { continue }
                _ = clicked.apply([.mouse(.click(x: regions.frame.x + 2, y: y)), .mouse(.click(x: regions.frame.x + 2, y: y))])
                XCTAssertEqual(p.opened(clicked), p.opens(item), "\(p.pane) by \(column): a click opened the row drawn there")
            }
        }
    }

    /// KPI detail's periods table (no cursor: `o` sorts the league) sorts by a header click:
    /// APP17's periods by value, then reversed, against the series' rows.
    func testThePeriodsTableSortsByAHeaderClick() throws {
        var s = Self.state(.detail)
        let ds = s.dataset
        let sid = try XCTUnwrap(ds.seriesID(area: s.area, indicator: try XCTUnwrap(s.indicator)))
        let rows = ds.rows(series: sid).map(Int.init)
        let labels = { (order: [Int]) in order.map { ds.period(row: $0).label } }
        func shown(_ s: DashboardState) -> [String] {
            s.detail.regions(in: s.screen.body, s.shared).periodsModel.rows.compactMap { if case .data(let c) = $0 { c[0].text } else { nil } }
        }
        XCTAssertEqual(shown(s), labels(rows), "oldest first")
        func click(_ s: inout DashboardState) throws {
            let r = s.detail.regions(in: s.screen.body, s.shared)
            let k = try XCTUnwrap(r.periodsModel.columns.firstIndex { $0.id == "value" })
            let placed = try XCTUnwrap(r.periods.column(k))
            _ = s.apply([.mouse(.click(x: placed.x + placed.width / 2, y: r.periods.header.bottom - 1))])
        }
        let byValue = rows.map { ($0, ds.value(row: $0)) }
        let up = byValue.enumerated().sorted { a, b in
            switch (a.element.1, b.element.1) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element.0)
        try click(&s)
        XCTAssertEqual(shown(s), labels(up), "by value, lowest first")
        try click(&s)
        let down = byValue.enumerated().sorted { a, b in
            switch (a.element.1, b.element.1) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element.0)
        XCTAssertEqual(shown(s), labels(down), "by value, highest first")
        XCTAssertEqual(s.sort(table: DetailPane.leagueID, columns: s.detail.regions(in: s.screen.body, s.shared).leagueModel.columns), nil,
                       "the league keeps its order")
    }

    /// After the last column, `o` goes back to the table's own order (group headings too).
    func testOAfterTheLastColumnGivesTheTablesOwnOrder() {
        var s = Self.state(.scorecard)
        let natural = s.scorecard.lines
        var seen = Set<String>()
        for _ in 0..<40 {
            _ = s.apply(keys: [.character("o")])
            guard let sort = s.sort(table: ScorecardPane.table, columns: ScorecardPane.columns) else { break }
            XCTAssertFalse(seen.contains(sort.column), "o visits \(sort.column) once")
            XCTAssertNotEqual(sort.column, "trend", "the sparkline does not sort")
            seen.insert(sort.column)
        }
        XCTAssertTrue(seen.isSuperset(of: ["rag", "indicator", "name", "value", "target", "gap", "dot", "period"]), "\(seen.sorted())")
        XCTAssertEqual(s.scorecard.lines, natural, "back in the scorecard's own order, with its group headings")
    }

    /// `--sort` (the default sort) applies to every table that has the column; the others keep
    /// their order; a chosen sort then replaces it on that table.
    func testTheDefaultSortAppliesWhereTheColumnExists() {
        var s = Self.state(.scorecard)
        let naturalTherapy = Self.probes[5].items(Self.state(.therapy))
        s.setDefaultSort(ColumnSort("gap", descending: true))
        let p = Self.probes[0]
        let natural = p.items(Self.state(.scorecard))
        XCTAssertEqual(p.items(s), Self.expected(natural, descending: true, key: { p.columns[2].key(s, $0) }))
        _ = s.apply(keys: [.character("5")])
        XCTAssertEqual(s.therapy.districts, naturalTherapy, "therapy has no gap column: its own order")
        XCTAssertNil(s.sort(table: TherapyPane.table, columns: TherapyPane.districtColumns))
    }

    func testASCIIHeaderMarks() {
        var s = DashboardState(dataset: Self.ds, width: 120, height: 40, pane: .scorecard, ascii: true)
        s.setDefaultSort(ColumnSort("value"))
        let header = InteractionTests.line(s.render(), 2)
        XCTAssertTrue(header.contains("Latest^"), header)
        _ = s.apply(keys: [.character("O")])
        XCTAssertTrue(InteractionTests.line(s.render(), 2).contains("Latestv"), InteractionTests.line(s.render(), 2))
        var u = DashboardState(dataset: Self.ds, width: 120, height: 40, pane: .scorecard)
        u.setDefaultSort(ColumnSort("value"))
        XCTAssertTrue(InteractionTests.line(u.render(), 2).contains("Latest▴"), InteractionTests.line(u.render(), 2))
    }

    /// `e` writes the rows in the order on screen.
    func testExportFollowsTheSortedOrder() {
        var s = Self.state(.scorecard, 120, 40)
        s.setDefaultSort(ColumnSort("gap"))
        guard case .export(_, let csv)? = s.apply(keys: [.character("e")]).first else { return XCTFail("no export") }
        let rows = csv.split(separator: "\n").dropFirst().map(Self.fields)
        let codes = s.scorecard.lines.compactMap { if case .series(let id) = $0 { s.dataset.series(id).indicator } else { nil } }
        let header = Self.fields(csv.split(separator: "\n")[0])
        guard let k = header.firstIndex(of: "indicator") else { return XCTFail("no indicator field: \(header)") }
        XCTAssertEqual(rows.map { String($0[k]) }, codes)
        // Out of their groups, each row still exports its group.
        guard let groupField = header.firstIndex(of: "group") else { return XCTFail("no group field: \(header)") }
        let groups = s.scorecard.lines.compactMap { line -> String? in
            guard case .series(let id) = line else { return nil }
            let g = s.dataset.indicator(series: id).group
            return g.isEmpty ? "Indicators" : g
        }
        XCTAssertEqual(rows.map { $0[groupField] }, groups)
        XCTAssertGreaterThan(Set(groups).count, 3)
        guard let g = header.firstIndex(of: "gap") else { return XCTFail("no gap field: \(header)") }
        let gaps = rows.compactMap { Double($0[g]) }
        XCTAssertEqual(gaps, gaps.sorted(), "gaps ascending")
        XCTAssertGreaterThan(gaps.count, 10)
    }

    /// The fields of a CSV line (quoted fields may hold commas; no line breaks in these).
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        return out + [field]
    }
}
