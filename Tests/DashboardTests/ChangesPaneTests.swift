import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The changes pane (6): its groups are the "what changed" query's and the exceptions pack's for
/// the same comparison point, for Kent and a district; `c` chooses the point; Enter opens KPI
/// detail and Esc comes back; filters, marks and `e`.
final class ChangesPaneTests: XCTestCase {
    static let kent = "E10000016", dover = "E07000108"
    static let august = Period.month(2024, 8)

    static func state(area: String? = nil, comparison: Comparison = .previousPeriod, width: Int = 160, height: Int = 50,
                      keys: String = "") -> DashboardState {
        var s = DashboardState(dataset: Kent.dataset, width: width, height: height, pane: .changes, area: area)
        s.compare(with: comparison)
        _ = s.apply(keys.split(separator: " ").compactMap { InputEvent(token: String($0)) })
        return s
    }

    /// The pane's rows as (group, series), in order.
    static func listed(_ s: DashboardState) -> [(ChangeGroup, Int)] {
        s.changes.lines.compactMap { line in
            guard case .row(let i) = line, let row = s.changes.changes?.rows[i] else { return nil }
            return (row.group, row.series)
        }
    }

    static func lines(_ c: Canvas) -> [String] { c.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// For Kent and Dover and each comparison point, the pane lists exactly the query's rows in
    /// the query's order, under a heading per group with the group's count; the line under the
    /// title counts every group.
    func testGroupsAreTheChangesQuerysForEveryComparisonPoint() throws {
        for area in [Self.kent, Self.dover] {
            for (comparison, point) in [(Comparison.previousPeriod, ComparisonPoint.previousPeriod), (.since(Self.august), .since(Self.august)),
                                        (.yearEarlier, .yearEarlier)] {
                let s = Self.state(area: area, comparison: comparison)
                let query = try XCTUnwrap(Kent.dataset.changes(area: area, comparedWith: point))
                XCTAssertFalse(query.rows.isEmpty)
                let listed = Self.listed(s)
                XCTAssertEqual(listed.map(\.0), query.rows.map(\.group), "\(area) \(comparison)")
                XCTAssertEqual(listed.map(\.1), query.rows.map(\.series), "\(area) \(comparison)")
                let lines = Self.lines(s.render())
                for group in ChangeGroup.allCases {
                    XCTAssertTrue(lines[3].contains("\(group.title) \(query.count(group))"), "\(area) \(comparison): '\(lines[3])' misses \(group.title)")
                    let heading = lines.first { $0.contains("── \(group.title) · ") }
                    if query.count(group) == 0 {
                        XCTAssertNil(heading, "\(area) \(comparison): an empty group has no heading")
                    } else if let heading {
                        XCTAssertTrue(heading.contains("── \(group.title) · \(query.count(group)) ─"), heading)
                    }
                }
            }
        }
    }

    /// What the exceptions pack lists — every RED figure and every rating that worsened — is what
    /// the pane's newly RED, worsened and still RED groups list, for the same comparison point.
    func testTheExceptionsPackIsThePanesRedAndWorsenedRows() throws {
        for area in [Self.kent, Self.dover] {
            for (comparison, point) in [(Comparison.previousPeriod, ComparisonPoint.previousPeriod), (.since(Self.august), .since(Self.august))] {
                let s = Self.state(area: area, comparison: comparison)
                let pack = try XCTUnwrap(Kent.dataset.exceptionsPack(area: area, comparedWith: point, datasetName: "kent"))
                let fromPane = Self.listed(s).filter { [.newlyRed, .worsened, .stillRed].contains($0.0) }.map(\.1)
                XCTAssertFalse(pack.rows.isEmpty)
                XCTAssertEqual(Set(fromPane), Set(pack.rows.map(\.change.series)), "\(area) \(comparison)")
                XCTAssertEqual(fromPane.count, pack.rows.count)
            }
        }
    }

    /// The title says what is compared with, for each choice.
    func testTheTitleSaysWhatIsComparedWith() {
        XCTAssertTrue(Self.lines(Self.state().render())[2].contains("What changed in Kent: Oct-24 against Sep-24, the previous period"))
        XCTAssertTrue(Self.lines(Self.state(comparison: .since(Self.august)).render())[2].contains("Oct-24 against the end of Aug-24"))
        XCTAssertTrue(Self.lines(Self.state(comparison: .yearEarlier).render())[2].contains("Oct-24 against Oct-23, a year earlier"))
        XCTAssertTrue(Self.lines(Self.state(area: Self.dover).render())[2].contains("What changed in Dover:"))
        var s = Self.state()
        s.compare(withEdition: Kent.dataset, named: "kent-same")
        XCTAssertEqual(s.shared.comparison, .edition)
        XCTAssertTrue(Self.lines(s.render())[2].contains("against the edition kent-same"))
        XCTAssertTrue(Self.listed(s).allSatisfy { $0.0 == .unchanged || $0.0 == .stillRed }, "the same data: nothing moved")
    }

    /// `c` opens the picker on the comparison in use; Down and Enter pick the next choice; a typed
    /// period is offered first; Esc leaves everything as it was; a click selects and a second picks.
    func testCPicksWhatToCompareWith() throws {
        var s = Self.state(width: 80, height: 24, keys: "c")
        guard case .comparisonPicker(let query, let cursor) = s.input else { return XCTFail("c did not open the picker") }
        XCTAssertEqual(query, "")
        XCTAssertEqual(s.comparisonOptions("")[cursor].comparison, .previousPeriod, "the cursor starts on the comparison in use")
        let screen = s.render().plainText
        for text in ["Compare with", "Previous period (Sep-24) · now", "A year earlier (Oct-23)", "Since the end of Aug-24 (2024-08)"] {
            XCTAssertTrue(screen.contains(text), "\(text):\n\(screen)")
        }
        XCTAssertFalse(screen.contains("other edition"), "no edition is loaded")
        _ = s.apply(keys: [.down, .enter])
        XCTAssertEqual(s.input, .none)
        XCTAssertEqual(s.shared.comparison, .yearEarlier)
        XCTAssertEqual(s.message, "comparing with Oct-23, a year earlier")

        let typed = Self.state(width: 80, height: 24, keys: "c 2 0 2 3 - 0 6")
        XCTAssertEqual(typed.comparisonOptions("2023-06").first?.comparison, .since(.month(2023, 6)))
        XCTAssertTrue(typed.render().plainText.contains("Since the end of Jun-23 (2023-06)"))
        let picked = Self.state(width: 80, height: 24, keys: "c 2 0 2 3 - 0 6 Enter")
        XCTAssertEqual(picked.shared.comparison, .since(.month(2023, 6)))
        XCTAssertTrue(Self.lines(picked.render())[2].contains("against the end of Jun-23"))
        let quarter = Self.state(width: 80, height: 24, keys: "c F Y 2 0 2 4 - 2 5 - Q 1 Enter")
        XCTAssertEqual(quarter.shared.comparison, .since(Period(kind: .financialQuarter, year: 2024, index: 1)))

        let cancelled = Self.state(comparison: .since(Self.august), keys: "c Down Down Esc")
        XCTAssertEqual(cancelled.input, .none)
        XCTAssertEqual(cancelled.shared.comparison, .since(Self.august))

        // Clicks: the row of "A year earlier" in the picker's list.
        var clicked = Self.state(width: 80, height: 24, keys: "c")
        let rows = Self.lines(clicked.render())
        let y = try XCTUnwrap(rows.firstIndex { $0.contains("A year earlier") })
        let x = try XCTUnwrap(rows[y].range(of: "A year earlier")).lowerBound.utf16Offset(in: rows[y]) + 2
        _ = clicked.update(.mouse(.click(x: x, y: y)))
        XCTAssertEqual(clicked.input, .comparisonPicker(query: "", cursor: 1), "a first click selects")
        _ = clicked.update(.mouse(.click(x: x, y: y)))
        XCTAssertEqual(clicked.shared.comparison, .yearEarlier, "a second click picks")
        XCTAssertEqual(clicked.input, .none)

        // With an edition loaded it is offered, and picked back after another choice.
        var edition = Self.state()
        edition.compare(withEdition: Kent.dataset, named: "kent-same")
        edition.compare(with: .previousPeriod)
        let options = edition.comparisonOptions("")
        let k = try XCTUnwrap(options.firstIndex { $0.label == "The other edition: kent-same" })
        _ = edition.apply(keys: [.character("c")] + Array(repeating: .down, count: k) + [.enter])
        XCTAssertEqual(edition.shared.comparison, .edition)
    }

    /// `c` and `n` belong to one pane each, and say so elsewhere.
    func testPaneKeysSayWhereTheyWork() {
        let c = Kent.state(keys: "c")
        XCTAssertEqual(c.input, .none)
        XCTAssertTrue(c.message?.contains("Changes pane (6)") == true, c.message ?? "")
        let n = Self.state(keys: "n")
        XCTAssertTrue(n.message?.contains("KPI detail pane (3)") == true, n.message ?? "")
    }

    /// Enter opens the selected KPI's detail for the same area; Esc comes back to the same row
    /// with the same comparison.
    func testEnterOpensDetailAndEscComesBack() throws {
        var s = Self.state(area: Self.dover, comparison: .since(Self.august), width: 80, height: 24, keys: "Down Down Down")
        let row = try XCTUnwrap(s.changes.selectedRow)
        let cursor = s.changes.list.cursor
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.pane, .detail)
        XCTAssertEqual(s.indicator, row.indicator.code)
        XCTAssertEqual(s.area, Self.dover)
        XCTAssertTrue(Self.lines(s.render())[1].contains("Kent › Dover › \(row.indicator.code)"))
        _ = s.update(.key(.escape))
        XCTAssertEqual(s.pane, .changes)
        XCTAssertEqual(s.changes.list.cursor, cursor)
        XCTAssertEqual(s.changes.selectedRow?.series, row.series)
        XCTAssertEqual(s.shared.comparison, .since(Self.august))
        // A click on the selected row opens it too.
        let y = try XCTUnwrap(Self.lines(s.render()).firstIndex { $0.hasPrefix(" \(row.indicator.code) ") })
        _ = s.update(.mouse(.click(x: 3, y: y)))
        XCTAssertEqual(s.pane, .detail)
    }

    /// The area picker on the changes pane shows the district's changes.
    func testAnotherAreaKeepsThePane() {
        let s = Self.state(keys: "A d o v e r Enter")
        XCTAssertEqual(s.pane, .changes)
        XCTAssertEqual(s.area, Self.dover)
        XCTAssertEqual(Self.listed(s).map(\.1), Kent.dataset.changes(area: Self.dover)?.rows.map(\.series))
    }

    /// r/a/g keep the rows rated so now; `/` matches code or name; headings say "N of M".
    func testFilters() {
        let red = Self.state(keys: "r")
        XCTAssertFalse(Self.listed(red).isEmpty)
        let rows = Kent.dataset.changes(area: Self.kent)?.rows ?? []
        XCTAssertTrue(Self.listed(red).allSatisfy { listed in rows.first { $0.series == listed.1 }?.latest.rating == .red })
        XCTAssertEqual(red.changes.shown(.unchanged), 0)
        let text = Self.state(keys: "/ S C S 1 9 Enter")
        XCTAssertEqual(Self.listed(text).map { Kent.dataset.series($0.1).indicator }, ["SCS19"])
        let lines = Self.lines(text.render())
        XCTAssertTrue(lines.contains { $0.contains("── Still RED · 1 of 2 ─") }, lines.joined(separator: "\n"))
        let none = Self.state(keys: "/ z z z Enter")
        XCTAssertTrue(none.render().plainText.contains("No KPIs match the filter (x clears it)."))
    }

    /// Ratings not published are marked as the data says they were reached: `ʳ` by rule, `◇ M`
    /// a missed target with no floor; rows with notes carry `✎`. The legend and `?` explain them,
    /// and the export names where each rating came from.
    func testRatingsByRuleAndMissedTargetsAreMarked() throws {
        let s = Self.state()
        let c = s.render()
        let rows = try XCTUnwrap(s.changes.changes?.rows)
        let byRule = try XCTUnwrap(rows.first { $0.compared?.ratedBy == .rule })
        let missed = try XCTUnwrap(rows.first { $0.compared?.ratedBy == .undecided })
        let lines = Self.lines(c)
        let ruleLine = try XCTUnwrap(lines.first { $0.hasPrefix(" \(byRule.indicator.code) ") })
        XCTAssertTrue(ruleLine.contains("\(s.glyphs.ragLabel(byRule.compared?.rating))ʳ"), ruleLine)
        let missedLine = try XCTUnwrap(lines.first { $0.hasPrefix(" \(missed.indicator.code) ") })
        XCTAssertTrue(missedLine.contains("◇ M"), missedLine)
        let scs19 = try XCTUnwrap(lines.first { $0.hasPrefix(" SCS19 ") })
        XCTAssertTrue(scs19.hasSuffix("✎"), "SCS19 has notes: \(scs19)")
        for mark in [Mark.byRule, .undecided, .hasNotes] {
            XCTAssertTrue(c.marks.contains(mark), "\(mark)")
            XCTAssertTrue(lines[48].contains(mark.entry.short), "the legend explains \(mark): \(lines[48])")
        }
        var e = s
        guard case .export(let name, let csv)? = e.update(.key(.character("e"))).first else { return XCTFail("no export") }
        XCTAssertEqual(name, "ragtop-changes-kent-previous.csv")
        let records = CSV.records(csv)
        let header = records[0]
        for field in ["change_group", "indicator", "team", "name", "old_period", "old_value", "old_rag", "old_rated_by", "period", "value", "rag",
                      "rated_by", "change", "change_measure", "dot", "trend", "trend_slope", "periods_red", "last_12", "notes"] {
            XCTAssertTrue(header.contains(field), "\(field) in \(header)")
        }
        func column(_ f: String) throws -> Int { try XCTUnwrap(header.firstIndex(of: f)) }
        XCTAssertEqual(records.count - 1, rows.count)
        for (record, row) in zip(records.dropFirst(), rows) {
            XCTAssertEqual(record[try column("indicator")], row.indicator.code)
            XCTAssertEqual(record[try column("change_group")], row.group.key)
            XCTAssertEqual(record[try column("old_rated_by")], row.compared?.ratedBy?.rawValue ?? "")
            XCTAssertEqual(record[try column("rag")], row.latest.rating?.name ?? "")
            XCTAssertEqual(record[try column("periods_red")], String(row.periodsRed))
            XCTAssertEqual(record[try column("notes")], String(Kent.dataset.notes(area: Self.kent, indicator: row.indicator.code).count))
        }
        let scs19Record = try XCTUnwrap(records.first { $0[try column("indicator")] == "SCS19" })
        XCTAssertEqual(scs19Record[try column("change")], "+0.4")
        XCTAssertEqual(scs19Record[try column("change_measure")], "points")
        XCTAssertEqual(scs19Record[try column("periods_red")], "7")
    }

    /// The comparison is shared state: it survives moving to another pane and back, and a reload.
    func testTheComparisonStaysThroughPanesAndReload() throws {
        var s = Self.state(comparison: .yearEarlier, keys: "1 6")
        XCTAssertEqual(s.pane, .changes)
        XCTAssertEqual(s.shared.comparison, .yearEarlier)
        let reloaded = try Kent.dataset(replacing: "E10000016,SCS19,2024-10,73.1,757,1036,85.0,RED", with: "E10000016,SCS19,2024-10,86.0,891,1036,85.0,GREEN")
        s.update(.reloaded(reloaded, at: "12:00:00"))
        XCTAssertEqual(s.shared.comparison, .yearEarlier)
        let row = try XCTUnwrap(s.changes.changes?.rows.first { $0.indicator.code == "SCS19" && $0.team == nil })
        XCTAssertEqual(row.latest.value, 86.0, "the reloaded figures are compared")
        XCTAssertEqual(row.latest.rating, .green)
    }
}
