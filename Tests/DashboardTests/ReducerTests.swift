import XCTest
@testable import Dashboard
import ScorecardData

final class ReducerTests: XCTestCase {
    func codes(_ s: DashboardState) -> [String] {
        s.scorecard.lines.compactMap { if case .series(let id) = $0 { s.dataset.series(id).indicator } else { nil } }
    }

    func testRedFilterShowsOnlyRedKPIs() {
        let s = Kent.state(keys: "r")
        let shown = codes(s)
        XCTAssertTrue(shown.contains("SCS19"))
        XCTAssertTrue(shown.contains("CYPE22"))
        XCTAssertFalse(shown.contains("SCS37"))
        for line in s.scorecard.lines {
            if case .series(let id) = line { XCTAssertEqual(s.shared.latestRAG(series: id), .red) }
        }
        // Toggling again clears it; x clears everything.
        XCTAssertEqual(codes(Kent.state(keys: "r r")).count, Kent.dataset.seriesIDs(area: "E10000016").count)
        XCTAssertTrue(Kent.state(keys: "r a x").ragFilter.isEmpty)
    }

    func testFilterHidesUnratedRows() {
        let s = Kent.state(keys: "g")
        XCTAssertFalse(codes(s).contains("APP17-N"), "rows without a rating hide while a RAG filter is on")
        XCTAssertTrue(codes(s).contains("APP17"))
    }

    func testSearchIsSmartCase() {
        let lower = codes(Kent.state(keys: "/ s c s 1 9 Enter"))
        XCTAssertEqual(lower, ["SCS19"])
        let upper = codes(Kent.state(keys: "/ E H Enter"))
        XCTAssertTrue(upper.allSatisfy { $0.contains("EH") || Kent.dataset.indicator($0)!.name.contains("EH") }, "\(upper)")
        let noMatch = codes(Kent.state(keys: "/ s C s 1 9 Enter"))
        XCTAssertEqual(noMatch, [], "a capital letter makes the filter case-sensitive")
    }

    func testPanesSwitchWithTabAndDigits() {
        XCTAssertEqual(Kent.state(keys: "Tab").pane, .districts)
        XCTAssertEqual(Kent.state(keys: "Tab Tab").pane, .detail)
        XCTAssertEqual(Kent.state(keys: "S-Tab").pane, .changes)
        XCTAssertEqual(Kent.state(keys: "4").pane, .ehcp)
        XCTAssertEqual(Kent.state(keys: "5 1").pane, .scorecard)
    }

    func testDistrictDrillDownAndBack() {
        var s = Kent.state(pane: .districts, keys: "Down Down Down")
        let dover = "E07000108"
        XCTAssertEqual(s.districts.areas[s.districts.list.cursor], dover)
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.pane, .scorecard)
        XCTAssertEqual(s.area, dover)
        XCTAssertTrue(s.render().plainText.split(separator: "\n")[1].contains("Kent › Dover"))
        _ = s.update(.key(.escape))
        XCTAssertEqual(s.pane, .districts)
        XCTAssertEqual(s.area, "E10000016")
        XCTAssertEqual(s.districts.list.cursor, 3)
        _ = s.update(.key(.backspace))
        XCTAssertEqual(s.pane, .districts, "back with an empty stack stays put")
    }

    func testLeagueIsBestFirstByPolarity() {
        let s = Kent.state(pane: .detail)
        XCTAssertEqual(s.indicator, "APP17")
        let values = s.detail.league.map { s.dataset.latestRow(series: $0).flatMap { s.dataset.value(row: $0) } ?? -1 }
        XCTAssertEqual(values, values.sorted(by: >), "APP17 is H: highest first")
        XCTAssertEqual(values.count, 12)
        // A lower-is-better KPI sorts ascending.
        var l = Kent.state(pane: .scorecard)
        _ = l.runCommand("kpi SCS03")
        let low = l.detail.league.compactMap { l.dataset.latestRow(series: $0).flatMap { l.dataset.value(row: $0) } }
        XCTAssertEqual(low, low.sorted())
    }

    func testEnterOnLeagueOpensDistrictDetail() {
        var s = Kent.state(pane: .detail, keys: "End")
        let last = s.dataset.series(s.detail.league[s.detail.list.cursor]).area
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.pane, .detail)
        XCTAssertEqual(s.area, last)
        XCTAssertEqual(s.indicator, "APP17")
        _ = s.update(.key(.escape))
        XCTAssertEqual(s.area, "E10000016")
    }

    func testScorecardEnterOpensDetailOfSelectedKPI() {
        var s = Kent.state(keys: "Down Down Down Down")
        let selected = s.scorecard.selectedSeries.map { s.dataset.series($0).indicator }
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.pane, .detail)
        XCTAssertEqual(s.indicator, selected)
    }

    func testCursorSkipsHeadingsAndStaysInRange() {
        var s = Kent.state()
        XCTAssertNotNil(s.scorecard.selectedSeries)
        for _ in 0..<200 { _ = s.update(.key(.down)); XCTAssertNotNil(s.scorecard.selectedSeries) }
        for _ in 0..<200 { _ = s.update(.key(.pageUp)); XCTAssertNotNil(s.scorecard.selectedSeries) }
        XCTAssertEqual(s.scorecard.list.scroll, 0)
        _ = s.update(.key(.end))
        XCTAssertNotNil(s.scorecard.selectedSeries)
        XCTAssertGreaterThan(s.scorecard.list.scroll, 0)
    }

    func testMatrixColumnsMoveWithHL() {
        var s = Kent.state(pane: .districts)
        _ = s.update(.key(.character("l")))
        XCTAssertEqual(s.districts.column, 1)
        XCTAssertEqual(s.indicator, s.districts.indicators[1])
        _ = s.update(.key(.character("h")))
        _ = s.update(.key(.character("h")))
        XCTAssertEqual(s.districts.column, 0)
    }

    func testDistrictRAGFilterUsesSelectedKPI() {
        // "Which districts are red on EHCP timeliness?" APP17: none red, Dover amber.
        let red = Kent.state(pane: .districts, keys: "r")
        XCTAssertEqual(red.districts.areas, [])
        let amber = Kent.state(pane: .districts, keys: "a")
        XCTAssertEqual(amber.districts.areas, ["E07000108"])
    }

    func testQuitAndHelp() {
        var s = Kent.state()
        XCTAssertEqual(s.update(.key(.character("q"))), [.quit])
        XCTAssertTrue(s.shouldQuit)
        var h = Kent.state(width: 120, height: 80, keys: "?")
        XCTAssertTrue(h.showHelp)
        let text = h.render().plainText
        for b in Keymap.bindings { XCTAssertTrue(text.contains(b.help) || b.section == "Other" || b.section == "Area", "help lacks \(b.help)") }
        _ = h.update(.key(.escape))
        XCTAssertFalse(h.showHelp)
    }

    func testTooSmallStillQuits() {
        var s = Kent.state(width: 30, height: 8)
        XCTAssertTrue(s.render().plainText.contains("terminal too small"))
        XCTAssertTrue(s.render().plainText.contains("need \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight)"))
        _ = s.update(.key(.down))
        XCTAssertEqual(s.update(.key(.character("q"))), [.quit])
    }

    func testResizeRelayouts() {
        var s = Kent.state()
        _ = s.update(.resize(width: 120, height: 40))
        let c = s.render()
        XCTAssertEqual(c.width, 120)
        XCTAssertEqual(c.height, 40)
        XCTAssertTrue(c.plainText.contains("England"), "wide layout shows the England column")
    }

    func testAreaCommandAndPicker() {
        var s = Kent.state()
        _ = s.perform(.command)
        for ch in "area dover" { _ = s.update(.key(.character(ch))) }
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.area, "E07000108")
        let p = Kent.state(keys: "A s w a l Enter")
        XCTAssertEqual(p.area, "E07000113")
        XCTAssertEqual(p.pane, .scorecard)
    }

    func testExportIsTheVisibleTable() {
        var s = Kent.state(keys: "r")
        let effects = s.update(.key(.character("e")))
        guard case .export(let name, let csv)? = effects.first else { return XCTFail("no export effect") }
        XCTAssertEqual(name, "ragtop-scorecard-kent.csv")
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.count - 1, codes(s).count)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains(",RED,") })
    }

    func testTeamsStayDistinguishable() {
        let s = Kent.state(keys: ":")
        var t = s
        for ch in "area swale" { _ = t.update(.key(.character(ch))) }
        _ = t.update(.key(.enter))
        let text = Kent.state(width: 160, height: 60).render().plainText
        XCTAssertFalse(text.isEmpty)
        let teams = Set(t.scorecard.lines.compactMap { if case .series(let id) = $0 { t.dataset.series(id).team } else { nil } })
        XCTAssertTrue(teams.contains("Swale Central CSWT"))
        XCTAssertTrue(teams.contains("Swale Island & Rural CSWT"))
    }

    /// A reload with one figure changed: the position stays, that series (and only it) is
    /// marked changed, and its value is drawn in the `changed` style; a reload of the same data
    /// marks nothing; a failed reload keeps the data and shows the error.
    func testReloadKeepsPositionAndMarksChanges() throws {
        var s = Kent.state(keys: "Down Down")
        let cursor = s.scorecard.list.cursor
        let edited = try Kent.dataset(replacing: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,")
        s.update(.reloaded(edited, at: "12:00:00"))
        XCTAssertEqual(s.scorecard.list.cursor, cursor)
        XCTAssertEqual(s.changedSeries, ["E10000016|APP17|"])
        XCTAssertEqual(s.reloadedAt, "12:00:00")
        let canvas = s.render()
        let lines = canvas.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("APP17 ") && $0.contains("71.4%") }, canvas.plainText)
        let x = try XCTUnwrap(lines[row].range(of: "71.4%")).lowerBound.utf16Offset(in: lines[row])
        XCTAssertEqual(canvas[x, row].role, .changed, "the changed value is drawn as changed")
        let other = try XCTUnwrap(lines.firstIndex { $0.contains("APP-EP") })
        let otherX = try XCTUnwrap(lines[other].range(of: "36.7%")).lowerBound.utf16Offset(in: lines[other])
        XCTAssertEqual(canvas[otherX, other].role, .text, "an unchanged value is not")
        s.update(.reloaded(edited, at: "12:00:02"))
        XCTAssertEqual(s.changedSeries, [], "the same data again changes nothing")
        s.update(.reloadFailed("observations.csv:3:4: error: bad"))
        XCTAssertTrue(s.render().plainText.contains("observations.csv:3:4"))
        XCTAssertEqual(s.dataset.observation(area: "E10000016", indicator: "APP17", period: "2024-10")?.value, 71.4, "the last good data stays")
    }

    func testMouseWheelAndClick() {
        var s = Kent.state()
        let before = s.scorecard.list.cursor
        _ = s.update(.mouse(.wheelDown(x: 5, y: 10)))
        XCTAssertGreaterThan(s.scorecard.list.cursor, before)
        _ = s.update(.mouse(.click(x: 25, y: 0)))
        XCTAssertNotEqual(s.pane, .scorecard, "a click on the tab bar switches pane")
    }

    func testProjection() {
        XCTAssertEqual(EHCPStatement.projection(rows: [40, 42, 44, 46, 48, 50], target: 60), 5)
        XCTAssertNil(EHCPStatement.projection(rows: [50, 49, 48], target: 60), "falling: no projection")
        XCTAssertNil(EHCPStatement.projection(rows: [50, 52], target: 60), "too few months")
        XCTAssertNil(EHCPStatement.projection(rows: [70, 72, 74], target: 60), "already at target")
    }

    /// `v` cycles the narrow EHCP pane's lower part; moving or Enter brings the district
    /// table back first; elsewhere, or wide enough for all of it, it only explains itself.
    func testEHCPViewCyclesOnlyWhereItMatters() {
        var s = Kent.state(width: 80, height: 24, pane: .scorecard, keys: "")
        _ = s.update(.key(.character("v")))
        XCTAssertEqual(s.ehcp.view, .districts)
        XCTAssertTrue(s.message?.contains("EHCP 20 weeks pane (4)") == true, s.message ?? "")
        _ = s.update(.key(.character("4")))
        _ = s.update(.key(.character("v")))
        XCTAssertEqual(s.ehcp.view, .drivers)
        XCTAssertEqual(s.message, "EHCP: what drives it (v: DfE calendar years)")
        XCTAssertTrue(s.render().plainText.contains("What drives it"))
        _ = s.update(.key(.character("v")))
        XCTAssertEqual(s.ehcp.view, .calendarYears)
        let pane = s.pane
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.ehcp.view, .districts, "Enter first shows the district table")
        XCTAssertEqual(s.pane, pane, "and opens nothing yet")
        _ = s.update(.key(.character("v")))
        _ = s.update(.key(.down))
        XCTAssertEqual(s.ehcp.view, .districts)
        var wide = Kent.state(width: 160, height: 50, pane: .ehcp, keys: "")
        _ = wide.update(.key(.character("v")))
        XCTAssertEqual(wide.ehcp.view, .districts)
        XCTAssertEqual(wide.message, "districts, drivers and calendar years are all shown at this width")
    }

    func testEHCPStatementOnKent() {
        let text = EHCPStatement.sentences(dataset: Kent.dataset, area: "E10000016").joined(separator: " ")
        XCTAssertTrue(text.contains("at or above the 60.0% target for 2 months in a row"), text)
        XCTAssertTrue(text.contains("26.6 points above the England average (50.3%"), text)
    }

    func testTherapyOutlierIsSwale() {
        let outliers = Kent.dataset.waitOutliers(root: "E10000016")
        XCTAssertEqual(outliers.map(\.area), ["E07000113"])
        XCTAssertEqual(outliers.first?.value, 118)
    }
}

final class CanvasTests: XCTestCase {
    func testTextIsCutWithEllipsisAndClipped() {
        var c = Canvas(width: 10, height: 2)
        c.text("Tunbridge Wells", x: 0, y: 0, maxWidth: 8)
        XCTAssertEqual(c.plainText.split(separator: "\n").first, "Tunbrid…")
        c.text("far off", x: 50, y: 5)
        c.text("edge", x: 8, y: 1)
        XCTAssertEqual(String(c.plainText.split(separator: "\n")[1]), "        e…")
    }

    func testControlCharactersBecomePlaceholders() {
        var c = Canvas(width: 40, height: 1)
        c.text("A\u{1B}]52;c;ZXZpbA==\u{07}B\u{9B}2J\u{202E}", x: 0, y: 0)
        let text = c.plainText
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        XCTAssertTrue(text.contains("<U+1B>]52"))
        XCTAssertTrue(text.contains("<U+7>"))
    }

    func testWideCharactersTakeTwoColumns() {
        var c = Canvas(width: 6, height: 1)
        c.text("界a", x: 0, y: 0)
        XCTAssertTrue(c[1, 0].isContinuation)
        XCTAssertEqual(c[2, 0].character, "a")
    }
}

/// With the bundled national data beside Kent: a national KPI's league ranks every local
/// authority, Kent among them, and `s` narrows it to the South East.
final class NationalLeagueTests: XCTestCase {
    static let both: Dataset = {
        let national = URL(fileURLWithPath: Kent.directory).deletingLastPathComponent().appendingPathComponent("national").path
        do { return try DatasetLoader.load(directories: [Kent.directory, national]).dataset } catch { fatalError("\(error)") }
    }()

    func testNationalLeagueAndRegionFilter() {
        var s = DashboardState(dataset: Self.both, width: 100, height: 30, pane: .detail, indicator: "EHCP20-CY")
        XCTAssertEqual(s.area, "E10000016", "still opens on Kent with the national data loaded")
        XCTAssertTrue(DetailPane.isNational(s.shared))
        let all = s.detail.league.map { s.dataset.series($0).area }
        XCTAssertGreaterThan(all.count, 140)
        XCTAssertTrue(all.contains("E10000016"))
        XCTAssertFalse(all.contains("E92000001"), "England is not a league member")
        XCTAssertEqual(s.dataset.series(s.detail.league[s.detail.list.cursor]).area, "E10000016", "the cursor starts on Kent")
        _ = s.update(.key(.character("s")))
        let southEast = s.detail.league.map { s.dataset.series($0).area }
        XCTAssertTrue(southEast.contains("E10000016"))
        XCTAssertLessThan(southEast.count, 25)
        XCTAssertTrue(southEast.allSatisfy { a in s.dataset.ancestry(of: a).contains { $0.code == "E12000008" } })
        let values = s.detail.league.compactMap { s.dataset.latestRow(series: $0).flatMap { s.dataset.value(row: $0) } }
        XCTAssertEqual(values, values.sorted(by: >))
        // Kent's 2024 figure, as the DfE publishes it.
        XCTAssertEqual(s.dataset.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2024")?.value, 32.3)
        XCTAssertEqual(s.dataset.observation(area: "E92000001", indicator: "EHCP20-CY", period: "2024")?.value, 45.9)
    }

    func testDistrictLeagueUnchangedWithNationalData() {
        let s = DashboardState(dataset: Self.both, width: 100, height: 30, pane: .detail, indicator: "APP17")
        XCTAssertFalse(DetailPane.isNational(s.shared))
        XCTAssertEqual(s.detail.league.count, 12)
    }
}
