import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// What a click and `e` do, checked against what is drawn: a click on any row of any list in
/// any pane selects the row drawn there (a second click drills down), a click on a tab opens
/// its pane, and `e` writes exactly the table on screen — its rows and the columns shown.
final class InteractionTests: XCTestCase {
    /// The bundled Kent data with the national data beside it, as ragtop opens by default.
    static let both = NationalLeagueTests.both

    /// How to read one pane's list: its length, cursor, the text that identifies the selected
    /// row on screen, and a column inside its rows to click.
    struct ListProbe {
        var pane: Pane
        var count: (DashboardState) -> Int
        var cursor: (DashboardState) -> Int
        var selectable: (DashboardState, Int) -> Bool = { _, _ in true }
        var label: (DashboardState) -> String
        var x: Int
    }

    nonisolated(unsafe) static let probes: [ListProbe] = [
        ListProbe(pane: .scorecard, count: { $0.scorecard.lines.count }, cursor: { $0.scorecard.list.cursor },
                  selectable: { s, i in if case .series = s.scorecard.lines[i] { true } else { false } },
                  label: { s in s.scorecard.selectedSeries.map { code in
                      // A long code is cut on screen: its first ten characters, then the next cell.
                      let c = s.dataset.series(code).indicator
                      return c.count > 11 ? String(c.prefix(10)) : c + " "
                  } ?? "<none>" }, x: 7),
        ListProbe(pane: .districts, count: { $0.districts.areas.count }, cursor: { $0.districts.list.cursor },
                  label: { s in s.shared.areaName(s.districts.areas[s.districts.list.cursor]) + " " }, x: 3),
        ListProbe(pane: .detail, count: { $0.detail.league.count }, cursor: { $0.detail.list.cursor },
                  label: { s in s.shared.areaName(s.dataset.series(s.detail.league[s.detail.list.cursor]).area) }, x: 9),
        ListProbe(pane: .ehcp, count: { $0.ehcp.series.count }, cursor: { $0.ehcp.list.cursor },
                  label: { s in s.shared.areaName(s.dataset.series(s.ehcp.series[s.ehcp.list.cursor]).area) + " " }, x: 3),
        ListProbe(pane: .therapy, count: { $0.therapy.districts.count }, cursor: { $0.therapy.list.cursor },
                  label: { s in s.shared.areaName(s.therapy.districts[s.therapy.list.cursor]) + " " }, x: 3),
        ListProbe(pane: .changes, count: { $0.changes.lines.count }, cursor: { $0.changes.list.cursor },
                  selectable: { s, i in if case .row = s.changes.lines[i] { true } else { false } },
                  label: { s in s.changes.selectedRow.map { row in
                      // A long code is cut on screen: its first nine characters, then the ellipsis.
                      let c = row.indicator.code
                      return c.count > 10 ? String(c.prefix(9)) : c + " "
                  } ?? "<none>" }, x: 3),
    ]

    static func line(_ c: Canvas, _ y: Int) -> String {
        String(c.plainText.split(separator: "\n", omittingEmptySubsequences: false)[y])
    }

    /// Every row of every list, page by page: a click on screen row y selects
    /// the row drawn at y (it is then highlighted there); a click on the selected row opens it.
    /// Two sizes: the rows sit at different places in each.
    func testAClickSelectsTheRowDrawnThereInEveryList() {
        for probe in Self.probes {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = DashboardState(dataset: Self.both, width: w, height: h, pane: probe.pane)
                var clicked = Set<Int>()
                var drilled = false
                for _ in 0..<40 {
                    let canvas = s.render()
                    for y in 1..<h {  // row 0 is the tab bar (testAClickOnATabOpensItsPane)
                        var t = s
                        let before = probe.cursor(t)
                        _ = t.update(.mouse(.click(x: probe.x, y: y)))
                        if t.pane != probe.pane {
                            // Only the selected row's second click opens something.
                            XCTAssertTrue(Self.line(canvas, y).contains(probe.label(s)), "\(probe.pane) \(w)x\(h): a click on row \(y) left the pane")
                            clicked.insert(before)
                            drilled = true
                            continue
                        }
                        let after = probe.cursor(t)
                        if t.shared.sorts != s.shared.sorts {
                            // A click on a column's header sorts the table (TableSortTests).
                            // (a header may be several lines tall: the district's title is on its last)
                            let under = Array(Self.line(canvas, y))
                            XCTAssertTrue(canvas[probe.x, y].role == .header || under.indices.contains(probe.x) && under[probe.x] == " ",
                                          "\(probe.pane) \(w)x\(h): a click on row \(y) sorted the table")
                            continue
                        }
                        guard after != before else { continue }
                        let drawn = t.render()
                        XCTAssertTrue(Self.line(drawn, y).contains(probe.label(t)),
                                      "\(probe.pane) \(w)x\(h): a click on row \(y) ('\(Self.line(canvas, y))') selected '\(probe.label(t))'")
                        XCTAssertEqual(drawn[probe.x, y].role, .selection, "\(probe.pane) \(w)x\(h): row \(y) is not highlighted after a click")
                        clicked.insert(after)
                    }
                    let before = probe.cursor(s)
                    _ = s.update(.key(.pageDown))
                    if probe.cursor(s) == before { break }
                }
                let rows = (0..<probe.count(s)).filter { probe.selectable(s, $0) }
                XCTAssertEqual(clicked.union([probe.cursor(s)]).intersection(rows).count, rows.count,
                               "\(probe.pane) \(w)x\(h): not every row could be clicked")
                XCTAssertTrue(drilled || probe.pane == .therapy || probe.pane == .detail, "\(probe.pane) \(w)x\(h): no second click opened a row")
            }
        }
    }

    /// A click on each tab opens its pane, at every width the tab titles change at.
    func testAClickOnATabOpensItsPane() {
        for w in [80, 120] {
            for p in Pane.allCases {
                var s = DashboardState(dataset: Self.both, width: w, height: 30, pane: p == .scorecard ? .therapy : .scorecard)
                let bar = Self.line(s.render(), 0)
                guard let r = bar.range(of: " \(p.number) ") else { return XCTFail("no tab \(p.number) in '\(bar)'") }
                let x = bar.distance(from: bar.startIndex, to: r.lowerBound) + 2
                _ = s.update(.mouse(.click(x: x, y: 0)))
                XCTAssertEqual(s.pane, p, "a click at \(x) on '\(bar)'")
            }
        }
    }

    /// In Districts a click on a KPI column's number selects that KPI, and a click on a tile
    /// selects its district.
    func testDistrictsHeaderAndTileClicks() {
        var s = DashboardState(dataset: Self.both, width: 120, height: 40, pane: .districts)
        let canvas = s.render()
        let lines = canvas.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let headerRow = lines.firstIndex(where: { $0.contains("District") && $0.contains(" 1 2 3") }) else { return XCTFail(canvas.plainText) }
        let x = lines[headerRow].distance(from: lines[headerRow].startIndex, to: lines[headerRow].range(of: " 1 2 3")!.lowerBound) + 5
        _ = s.update(.mouse(.click(x: x, y: headerRow)))
        XCTAssertEqual(s.districts.column, 2, "the third KPI column")
        XCTAssertEqual(s.indicator, s.districts.indicators[2])
        XCTAssertEqual(Self.line(s.render(), headerRow - 2).distance(of: s.glyphs[.selectedColumn]), x, "▼ over the column clicked")
        guard let tileRow = lines.firstIndex(where: { $0.contains("Dover") && !$0.hasPrefix(" Dover") }) else { return XCTFail(canvas.plainText) }
        let tx = lines[tileRow].distance(from: lines[tileRow].startIndex, to: lines[tileRow].range(of: "Dover", options: .backwards)!.lowerBound) + 1
        _ = s.update(.mouse(.click(x: tx, y: tileRow)))
        XCTAssertEqual(s.districts.areas[s.districts.list.cursor], "E07000108", "the Dover tile selects Dover")
    }

    /// What a pane's export must hold: its file name, the identity of each row (in order), and
    /// for each column title that may be on screen, the export field it brings.
    struct ExportProbe {
        var pane: Pane
        var file: String
        var rowKeys: (DashboardState) -> [String]
        var keyField: String
        var titles: [String: String]
        var headerRow: Int
    }

    nonisolated(unsafe) static let exports: [ExportProbe] = [
        ExportProbe(pane: .scorecard, file: "ragtop-scorecard-kent.csv",
                    rowKeys: { s in s.scorecard.lines.compactMap { if case .series(let id) = $0 { s.dataset.series(id).indicator } else { nil } } },
                    keyField: "indicator",
                    titles: ["Latest": "value", "Target": "target", "DoT": "dot", "Trend": "trend", "Period": "period", "Num/Den": "numerator",
                             "SE/SN": "regional", "England": "england"], headerRow: 2),
        ExportProbe(pane: .districts, file: "ragtop-districts-kent.csv", rowKeys: { $0.districts.areas }, keyField: "area_code",
                    titles: ["District": "area", "1": "APP17", "2": "CYPE1"], headerRow: 5),
        ExportProbe(pane: .detail, file: "ragtop-detail-app17.csv",
                    rowKeys: { s in s.detail.league.map { s.dataset.series($0).area } }, keyField: "area_code",
                    titles: ["District": "area", "RAG": "rag", "Latest": "value"], headerRow: -1),
        ExportProbe(pane: .ehcp, file: "ragtop-ehcp-kent.csv", rowKeys: { s in s.ehcp.series.map { s.dataset.series($0).area } },
                    keyField: "area_code", titles: ["Latest": "value", "Trend": "trend", "Issued/all": "numerator", "Period": "period"], headerRow: -1),
        ExportProbe(pane: .therapy, file: "ragtop-therapy-kent.csv", rowKeys: { $0.therapy.districts }, keyField: "area_code",
                    titles: ["District": "area", "Provider": "provider"], headerRow: 3),
        ExportProbe(pane: .changes, file: "ragtop-changes-kent-previous.csv",
                    rowKeys: { s in s.changes.lines.compactMap { if case .row(let i) = $0 { s.changes.changes?.rows[i].indicator.code } else { nil } } },
                    keyField: "indicator",
                    titles: ["Then": "old_period", "Was": "old_value", "Now": "period", "Latest": "value", "Change": "change", "DoT": "dot",
                             "Trend": "trend", "History": "last_12"], headerRow: 4),
    ]

    /// `e` on every pane at two sizes writes the table the cursor is in: every one of its rows
    /// in order, and a field for exactly the columns whose titles are on screen.
    func testEveryPaneExportsTheTableOnScreen() throws {
        for probe in Self.exports {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = DashboardState(dataset: Self.both, width: w, height: h, pane: probe.pane)
                let screen = s.render().plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let effects = s.update(.key(.character("e")))
                guard case .export(let name, let csv)? = effects.first else { return XCTFail("\(probe.pane): no export") }
                XCTAssertEqual(name, probe.file)
                let records = CSV.records(csv)
                let header = try XCTUnwrap(records.first)
                let key = try XCTUnwrap(header.firstIndex(of: probe.keyField), "\(probe.pane): \(header)")
                XCTAssertEqual(records.dropFirst().map { $0[key] }, probe.rowKeys(s), "\(probe.pane) \(w)x\(h): the rows are the table's rows")
                XCTAssertTrue(records.allSatisfy { $0.count == header.count }, "\(probe.pane): ragged CSV")
                // The header line on screen: a title there brings its field; a title not there, none.
                let headerLine = probe.headerRow >= 0 ? screen[probe.headerRow]
                    : screen.first { $0.contains("RAG") && ($0.contains("District") || $0.contains("Authority")) } ?? ""
                for (title, field) in probe.titles {
                    let shown = headerLine.split(separator: " ").contains { $0 == title }
                    XCTAssertEqual(header.contains(field), shown, "\(probe.pane) \(w)x\(h): '\(title)' \(shown ? "is" : "is not") on screen ('\(headerLine)') but \(field) \(header.contains(field) ? "is" : "is not") exported")
                }
            }
        }
    }

    /// The EHCP pane's export is its district table (it used to be the Kent scorecard), with
    /// plain figures and rating names.
    func testEHCPExportIsTheDistrictTable() throws {
        var s = DashboardState(dataset: Self.both, width: 120, height: 40, pane: .ehcp)
        guard case .export(_, let csv)? = s.update(.key(.character("e"))).first else { return XCTFail("no export") }
        let records = CSV.records(csv)
        XCTAssertEqual(records.count, 13, csv)
        let header = records[0]
        let dover = try XCTUnwrap(records.first { $0.contains("Dover") })
        XCTAssertEqual(dover[try XCTUnwrap(header.firstIndex(of: "value"))], "58.3")
        XCTAssertEqual(dover[try XCTUnwrap(header.firstIndex(of: "rag"))], "AMBER")
        XCTAssertEqual(dover[try XCTUnwrap(header.firstIndex(of: "numerator"))], "7")
        XCTAssertEqual(dover[try XCTUnwrap(header.firstIndex(of: "denominator"))], "12")
    }

    /// `g` toggles GREEN; vim's `gg` goes to the first row and leaves the filter as it was.
    func testGAndGG() {
        let g = Kent.state(keys: "g")
        XCTAssertEqual(g.ragFilter, [.green])
        let gg = Kent.state(keys: "End g g")
        XCTAssertEqual(gg.ragFilter, [], "gg leaves no filter behind")
        XCTAssertEqual(gg.scorecard.selectedSeries, gg.scorecard.lines.indices.compactMap { if case .series(let s) = gg.scorecard.lines[$0] { s } else { nil } }.first)
        XCTAssertTrue(gg.message?.contains("gg: first row") == true, gg.message ?? "")
        let ggg = Kent.state(keys: "g g g")
        XCTAssertEqual(ggg.ragFilter, [.green], "a third g toggles again")
        let end = Kent.state(keys: "G")
        XCTAssertEqual(end.scorecard.list.cursor, end.scorecard.lines.count - 1)
    }
}

/// RFC 4180 records, read by Unicode scalar (as a spreadsheet would).
enum CSV {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.append(scalars.removeFirst()) } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": fields.append(String(field)); field = .init()
            case "\n": fields.append(String(field)); records.append(fields); fields = []; field = .init()
            default: field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(String(field)); records.append(fields) }
        return records
    }
}

extension String {
    /// The column (in characters) where `s` first appears, or -1.
    func distance(of s: String) -> Int {
        guard let r = range(of: s) else { return -1 }
        return distance(from: startIndex, to: r.lowerBound)
    }
}
