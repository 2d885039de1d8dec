import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// How do we compare (issue #16) on screen: other areas over KPI detail's chart (`+`, `-`,
/// `:compare`, `--compare`), national rank and quartile in the league and the facts line, the
/// league of an area and its statistical neighbours (`s`, the area picker), and the EHCP pane's
/// neighbours.
final class CompareTests: XCTestCase {
    static let both = NationalLeagueTests.both
    static let kent = "E10000016"

    static func state(_ ds: Dataset = both, _ w: Int, _ h: Int, pane: Pane, indicator: String? = nil, keys: String = "") -> DashboardState {
        var s = DashboardState(dataset: ds, width: w, height: h, pane: pane, indicator: indicator)
        _ = s.apply(keys.split(separator: " ").compactMap { InputEvent(token: String($0)) })
        return s
    }

    static func lines(_ c: Canvas) -> [String] { c.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The cells drawn with a glyph in a role.
    static func count(_ c: Canvas, _ glyph: Character, _ role: StyleRole) -> Int {
        var n = 0
        for y in 0..<c.height { for x in 0..<c.width where c[x, y].character == glyph && c[x, y].role == role { n += 1 } }
        return n
    }

    static func code(_ s: DashboardState, _ name: String) -> String { s.dataset.area(named: name)?.code ?? "?" }

    // MARK: The chart

    /// `+` on a league row puts its area on the chart — its own point, line and role, its latest
    /// value in the legend — `+` on it again takes it off, and `-` clears them all.
    func testPlusComparesTheRowsAreaAndMinusClears() {
        var s = Self.state(Kent.dataset, 80, 24, pane: .detail)
        let g = s.glyphs
        XCTAssertEqual(s.comparedAreas, [])
        XCTAssertEqual(s.shared.areaName(s.dataset.series(s.detail.league[s.detail.list.cursor]).area), "Sevenoaks")
        _ = s.update(.key(.character("+")))
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Sevenoaks")])
        XCTAssertEqual(s.message, "comparing Sevenoaks with Kent (- clears)")
        var c = s.render()
        XCTAssertTrue(Self.lines(c).contains { $0.contains("\(g[.chartValue])\(g[.chartConnector]) Kent 76.9%  \(g[.compared1]) Sevenoaks 87.5%") },
                      c.plainText)
        let point1 = Array(g[.compared1]), point2 = Array(g[.compared2])
        XCTAssertGreaterThan(Self.count(c, point1[0], .chartCompare1), 0, "Sevenoaks' points")
        XCTAssertGreaterThan(Self.count(c, point1[1], .chartCompare1), 0, "Sevenoaks' line")
        XCTAssertTrue(c.marks.contains(.compared1))
        // A second area, below it in the league: the second style.
        _ = s.update(.key(.down))
        _ = s.update(.key(.character("+")))
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Sevenoaks"), Self.code(s, "Swale")])
        c = s.render()
        XCTAssertTrue(Self.lines(c).contains { $0.contains("\(g[.compared2]) Swale 85.7%") }, c.plainText)
        XCTAssertGreaterThan(Self.count(c, point2[0], .chartCompare2), 0, "Swale's points")
        // `+` on Sevenoaks again takes it off; Swale becomes the first.
        _ = s.update(.key(.up))
        _ = s.update(.key(.character("+")))
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Swale")])
        XCTAssertEqual(s.message, "Sevenoaks is off the chart (comparing 1)")
        c = s.render()
        XCTAssertTrue(Self.lines(c).contains { $0.contains("\(g[.compared1]) Swale 85.7%") }, c.plainText)
        XCTAssertEqual(Self.count(c, point2[0], .chartCompare2), 0)
        _ = s.update(.key(.character("-")))
        XCTAssertEqual(s.comparedAreas, [])
        c = s.render()
        XCTAssertTrue(Self.lines(c).contains { $0.contains("\(g[.chartValue]) value") }, "the legend is the plain one again")
        XCTAssertEqual(Self.count(c, point1[0], .chartCompare1), 0)
        _ = s.update(.key(.character("-")))
        XCTAssertEqual(s.message, "no areas compared: + on a league row adds one")
    }

    /// Four at most, each in its own style; the area shown is never compared with itself; the
    /// keys say where they work on other panes.
    func testAtMostFourAndNeverTheAreaItself() {
        var s = Self.state(Kent.dataset, 120, 40, pane: .detail, keys: "+ j + j + j +")
        XCTAssertEqual(s.comparedAreas.map { s.shared.areaName($0) }, ["Sevenoaks", "Swale", "Maidstone", "Tonbridge and Malling"])
        let c = s.render()
        for (i, mark) in [Mark.compared1, .compared2, .compared3, .compared4].enumerated() {
            XCTAssertGreaterThan(Self.count(c, Array(s.glyphs[mark])[0], StyleRole.compared(i)), 0, "\(mark)")
        }
        _ = s.update(.key(.down))
        _ = s.update(.key(.character("+")))
        XCTAssertEqual(s.comparedAreas.count, 4)
        XCTAssertTrue(s.messageIsError)
        XCTAssertEqual(s.message, "at most 4 areas are compared: + on one takes it off, - clears them")
        // Opening a compared district shows it alone among the others, not compared with itself.
        _ = s.update(.key(.up))
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.area, Self.code(s, "Tonbridge and Malling"))
        let legend = Self.lines(s.render()).filter { $0.contains("Tonbridge and Malling 83.3%") }
        XCTAssertEqual(legend.count, 1, "named once, as the area shown")
        XCTAssertTrue(legend.first?.contains("\(s.glyphs[.chartValue])\(s.glyphs[.chartConnector]) Tonbridge and Malling") == true, legend.first ?? "")
        // Kent in the national league is the area shown.
        var national = Self.state(Self.both, 120, 40, pane: .detail, indicator: "EHCP20-CY", keys: "+")
        XCTAssertEqual(national.comparedAreas, [])
        XCTAssertEqual(national.message, "Kent is the area shown: + on another row compares that area with it")
        // Elsewhere the keys say where they work.
        _ = national.update(.key(.character("1")))
        _ = national.update(.key(.character("+")))
        XCTAssertTrue(national.message?.hasPrefix("+ works on the KPI detail pane (3)") == true, national.message ?? "")
    }

    /// Going back (Esc) returns to a place; it does not take areas off the chart, nor bring back
    /// one taken off.
    func testGoingBackKeepsTheComparedAreas() {
        var s = Self.state(Kent.dataset, 100, 30, pane: .detail, keys: "+ Enter")
        XCTAssertEqual(s.shared.areaName(s.area), "Sevenoaks")
        _ = s.apply(keys: [.down, .character("+"), .up, .character("+")])
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Swale")])
        _ = s.update(.key(.escape))
        XCTAssertEqual(s.area, Self.kent)
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Swale")])
        XCTAssertTrue(s.render().plainText.contains("○∼ Swale 85.7%"))
    }

    /// `--compare` (the state's `compare(areas:)`) and `:compare`: the areas stay on the chart
    /// from KPI to KPI, and one without figures for a KPI says so.
    func testCompareCommandAndAreasWithoutFigures() {
        var s = Self.state(Self.both, 100, 30, pane: .scorecard)
        _ = s.perform(.command)
        for ch in "compare dover,ESSEX" { _ = s.update(.key(.character(ch))) }
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.pane, .detail)
        XCTAssertEqual(s.comparedAreas, [Self.code(s, "Dover"), "E10000012"])
        var text = s.render().plainText
        XCTAssertTrue(text.contains("Dover 58.3%"), text)
        XCTAssertTrue(text.contains("Essex: no figures"), "Essex has no APP17:\n\(text)")
        // On the calendar-year KPI it is the other way round.
        _ = s.perform(.command)
        for ch in "kpi EHCP20-CY" { _ = s.update(.key(.character(ch))) }
        _ = s.update(.key(.enter))
        text = s.render().plainText
        XCTAssertTrue(text.contains("Dover: no figures"), text)
        XCTAssertTrue(text.contains("Essex 16.2%"), text)
        for (line, message) in [("compare Nowhere", "no area 'Nowhere'"), ("compare Dover,Thanet,Swale,Ashford,Sevenoaks", "at most 4 areas are compared, not 5")] {
            _ = s.perform(.command)
            for ch in line { _ = s.update(.key(.character(ch))) }
            _ = s.update(.key(.enter))
            XCTAssertEqual(s.message, message)
            XCTAssertTrue(s.messageIsError)
            XCTAssertEqual(s.comparedAreas.count, 2, "a bad :compare changes nothing")
        }
        _ = s.perform(.command)
        for ch in "compare" { _ = s.update(.key(.character(ch))) }
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.comparedAreas, [])
        XCTAssertEqual(s.message, "no areas compared")
    }

    /// A list of areas finds names that hold a comma whole, codes, and unique prefixes.
    func testAreasInAListFindNamesWithCommas() {
        let ds = Self.both
        let named = ds.areas(inList: "Bournemouth, Christchurch and Poole,E10000016, dov ,")
        XCTAssertNil(named.unknown)
        XCTAssertEqual(named.areas.map(\.code), ["E06000058", Self.kent, "E07000108"])
        XCTAssertEqual(ds.areas(inList: "Bournemouth,Kent").areas.map(\.code), ["E06000028", Self.kent])
        let bad = ds.areas(inList: "Kent,Atlantis,Dover")
        XCTAssertEqual(bad.unknown, "Atlantis")
        XCTAssertEqual(bad.areas.map(\.code), [Self.kent])
    }

    /// Comparing on a narrow screen: the chart takes the periods table's room; where even that
    /// is too small, it says so rather than drawing what cannot be read.
    func testNarrowScreensGiveTheChartRoomOrSaySo() {
        var s = Self.state(Kent.dataset, 80, 24, pane: .detail)
        XCTAssertTrue(s.render().plainText.contains("Period"), "the periods table beside the chart")
        s.compare(areas: [Self.code(s, "Dover"), Self.code(s, "Thanet")])
        var text = s.render().plainText
        XCTAssertFalse(text.contains("Period"), text)
        XCTAssertTrue(text.contains("Dover 58.3%") && text.contains("Thanet 75.0%") && text.contains("target 60.0"), text)
        XCTAssertFalse(text.contains("Too small"), text)
        _ = s.update(.resize(width: 50, height: 12))
        text = s.render().plainText
        XCTAssertTrue(text.contains("Too small to compare 3 areas"), text)
    }

    // MARK: National rank, quartile and neighbours in the league

    /// A national league: every row's national rank and quartile are `nationalStanding`'s (ties
    /// share), Kent's ten neighbours and only they are marked, and the export carries both.
    func testNationalLeagueRanksQuartilesAndNeighbourMarks() throws {
        var s = Self.state(Self.both, 120, 40, pane: .detail, indicator: "EHCP20-CY")
        let ds = s.dataset
        let text = s.render().plainText
        XCTAssertTrue(text.contains("National Q"), text)
        XCTAssertTrue(text.contains("111/153 Q3"), text)
        guard case .export(_, let csv)? = s.update(.key(.character("e"))).first else { return XCTFail("no export") }
        let records = CSV.records(csv)
        let header = try XCTUnwrap(records.first)
        let field = { (name: String) in try XCTUnwrap(header.firstIndex(of: name), "\(name) in \(header)") }
        let (code, rank, of, quartile, neighbour) = (try field("area_code"), try field("national_rank"), try field("national_of"), try field("quartile"), try field("neighbour"))
        XCTAssertEqual(records.count - 1, 153)
        var tied = 0
        for r in records.dropFirst() {
            let standing = try XCTUnwrap(ds.nationalStanding(area: r[code], indicator: "EHCP20-CY", period: Period("2024")!))
            XCTAssertEqual([r[rank], r[of], r[quartile]], [String(standing.rank), "153", String(standing.quartile)], r[code])
            if records.dropFirst().filter({ $0[rank] == r[rank] }).count > 1 { tied += 1 }
        }
        XCTAssertGreaterThan(tied, 2, "ties share a rank")
        let marked = records.dropFirst().filter { !$0[neighbour].isEmpty }
        XCTAssertEqual(Set(marked.map { $0[code] }), Set(ds.neighbours.of(Self.kent).map(\.neighbour)))
        XCTAssertEqual(marked.map { Int($0[neighbour]) ?? 0 }.sorted(), Array(1...10))
        // On screen, the ≈ sits on the neighbours' rows.
        let lines = Self.lines(s.render())
        let somerset = try XCTUnwrap(lines.first { $0.contains(" Somerset ") })
        XCTAssertTrue(somerset.contains("\(s.glyphs[.neighbour]) Somerset"), somerset)
        let wiltshire = try XCTUnwrap(lines.first { $0.contains(" Wiltshire ") })
        XCTAssertFalse(wiltshire.contains(s.glyphs[.neighbour]), wiltshire)
    }

    /// `s` cycles all authorities → the South East → Kent and its neighbours → all; the
    /// neighbours' league is `report --neighbours` on screen.
    func testSCyclesTheRegionAndTheNeighbours() {
        var s = Self.state(Self.both, 120, 40, pane: .detail, indicator: "EHCP20-CY")
        XCTAssertEqual(s.detail.league.count, 153)
        _ = s.update(.key(.character("s")))
        XCTAssertEqual(s.detail.scope, .region)
        XCTAssertEqual(s.message, "league: South East")
        _ = s.update(.key(.character("s")))
        XCTAssertEqual(s.detail.scope, .neighbours)
        let members = Set(s.detail.league.map { s.dataset.series($0).area })
        XCTAssertEqual(members, Set([Self.kent] + s.dataset.neighbours.of(Self.kent).map(\.neighbour)))
        let report = s.dataset.neighbourReport(area: Self.kent, ReportQuery(indicator: "EHCP20-CY")).rows
        let kentRow = report.first { $0.areaCode == Self.kent }
        let median = ValueFormatter.display(kentRow?.neighbourhood?.median, decimals: 1)
        let text = s.render().plainText
        XCTAssertTrue(text.contains("League: Kent + 10 neighbours · median \(median)% · Kent \(kentRow?.neighbourhood?.rank ?? 0) of 11"), text)
        XCTAssertEqual(median, "35.5")
        // Best first, as the report ranks them.
        XCTAssertEqual(s.detail.league.map { s.dataset.series($0).area },
                       report.sorted { ($0.neighbourhood?.rank ?? 99) < ($1.neighbourhood?.rank ?? 99) }.map(\.areaCode))
        _ = s.update(.key(.character("s")))
        XCTAssertEqual(s.detail.scope, .all)
        XCTAssertEqual(s.detail.league.count, 153)
    }

    /// KPI detail's facts line gives a local authority's national rank and quartile, and says
    /// nothing of it where there is none (a Kent-only KPI).
    func testFactsLineGivesTheNationalRank() {
        let national = Self.state(Self.both, 120, 40, pane: .detail, indicator: "EHCP20-CY").render().plainText
        XCTAssertTrue(national.contains("latest 2024 32.3%") && national.contains("national rank 111/153, Q3"), national)
        let local = Self.state(Self.both, 120, 40, pane: .detail, indicator: "APP17").render().plainText
        XCTAssertFalse(local.contains("national rank"), local)
    }

    /// A click on a national league row selects it, a second opens it, at two sizes; the extra
    /// columns do not move what a click hits.
    func testClicksOnNationalLeagueRows() {
        for (w, h) in [(80, 24), (120, 40)] {
            let s = Self.state(Self.both, w, h, pane: .detail, indicator: "EHCP20-CY")
            let canvas = s.render()
            var checked = 0
            for y in 0..<h {
                var t = s
                let before = t.detail.list.cursor
                _ = t.update(.mouse(.click(x: 10, y: y)))
                // A click on the header sorts the league (TableSortTests).
                guard t.pane == .detail, t.detail.list.cursor != before, t.shared.sorts == s.shared.sorts else { continue }
                let name = t.shared.areaName(t.dataset.series(t.detail.league[t.detail.list.cursor]).area)
                XCTAssertTrue(Self.lines(canvas)[y].contains(name), "\(w)x\(h) row \(y): '\(Self.lines(canvas)[y])' selected \(name)")
                _ = t.update(.mouse(.click(x: 10, y: y)))
                XCTAssertEqual(t.shared.areaName(t.area), name, "a second click opens \(name)")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 3, "\(w)x\(h)")
            _ = s
        }
    }

    // MARK: The area picker

    /// The picker offers each area with neighbours a second time, "with its neighbours"; choosing
    /// it by key or by click opens the league of the area and its neighbours.
    func testPickerOffersAnAreaWithItsNeighbours() throws {
        let kentOnly = Self.state(Kent.dataset, 100, 30, pane: .scorecard)
        XCTAssertFalse(kentOnly.pickerChoices("").contains { $0.withNeighbours }, "no neighbours.csv, no such choice")
        let s = Self.state(Self.both, 100, 30, pane: .scorecard)
        let choices = s.pickerChoices("essex")
        XCTAssertEqual(choices.map(\.area.code), ["E10000012", "E10000012"])
        XCTAssertEqual(choices.map(\.withNeighbours), [false, true])
        let byKey = Self.state(Self.both, 100, 30, pane: .scorecard, keys: "A e s s e x Down Enter")
        try assertEssexWithItsNeighbours(byKey)
        // By click: the row, then the row again.
        var byClick = Self.state(Self.both, 100, 30, pane: .scorecard, keys: "A e s s e x")
        let lines = Self.lines(byClick.render())
        let y = try XCTUnwrap(lines.firstIndex { $0.contains("Essex with its 10 neighbours") })
        let x = try XCTUnwrap(lines[y].range(of: "Essex with").map { lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) })
        _ = byClick.update(.mouse(.click(x: x, y: y)))
        XCTAssertEqual(byClick.pane, .scorecard, "the first click selects")
        XCTAssertTrue(Self.lines(byClick.render())[y].contains("Essex with its 10 neighbours"))
        XCTAssertEqual(byClick.render()[x, y].role, .selection)
        _ = byClick.update(.mouse(.click(x: x, y: y)))
        try assertEssexWithItsNeighbours(byClick)
        // Esc comes back to where it was.
        _ = byClick.update(.key(.escape))
        XCTAssertEqual(byClick.pane, .scorecard)
        XCTAssertEqual(byClick.area, Self.kent)
    }

    private func assertEssexWithItsNeighbours(_ s: DashboardState, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(s.pane, .detail, file: file, line: line)
        XCTAssertEqual(s.area, "E10000012", file: file, line: line)
        XCTAssertEqual(s.indicator, "EHCP20-CY", "the KPI the neighbours share", file: file, line: line)
        XCTAssertEqual(s.detail.scope, .neighbours, file: file, line: line)
        XCTAssertEqual(Set(s.detail.league.map { s.dataset.series($0).area }),
                       Set(["E10000012"] + s.dataset.neighbours.of("E10000012").map(\.neighbour)), file: file, line: line)
        XCTAssertTrue(s.render().plainText.contains("League: Essex + 10 neighbours"), file: file, line: line)
    }

    // MARK: The EHCP pane

    /// The neighbours on the EHCP pane are `neighbourReport`'s: each one's name, figure, rank
    /// among them and national rank, best first, the area highlighted; the median across the
    /// bars; where Kent stands.
    func testEHCPNeighboursAreTheNeighbourReport() throws {
        let s = Self.state(Self.both, 160, 50, pane: .ehcp)
        let c = s.render()
        let lines = Self.lines(c)
        let report = s.dataset.neighbourReport(area: Self.kent, ReportQuery(indicator: "EHCP20-CY")).rows
        XCTAssertEqual(report.count, 11)
        let title = try XCTUnwrap(lines.firstIndex { $0.contains("Kent among its statistical neighbours, 2024") })
        XCTAssertTrue(lines[title + 1].contains("Kent 7 of 11 · below the median 35.5% \(s.glyphs[.neighbourMedian]) · mean 40.5%"), lines[title + 1])
        let rows = lines[(title + 3)...].prefix(11)
        let ranked = report.sorted { ($0.neighbourhood?.rank ?? 99, $0.neighbourhood?.neighbour ?? 0) < ($1.neighbourhood?.rank ?? 99, $1.neighbourhood?.neighbour ?? 0) }
        for (line, r) in zip(rows, ranked) {
            let n = try XCTUnwrap(r.neighbourhood)
            let national = try XCTUnwrap(r.national)
            let value = ValueFormatter.display(r.value, decimals: 1) + "%"
            let expected = ["\(n.rank ?? 0) \(r.areaName) ", " \(value) ", " \(national.rank)/\(national.of) Q\(national.quartile)"]
            for part in expected { XCTAssertTrue(line.contains(part), "'\(line)' lacks '\(part)'") }
        }
        // Kent's row is highlighted; the median mark crosses every bar row.
        let kentY = try XCTUnwrap(lines.firstIndex { $0.contains(" Kent ") && $0.contains("111/153") })
        let kentX = lines[kentY].distance(of: " Kent ") + 1
        XCTAssertEqual(c[kentX, kentY].role, .highlight)
        XCTAssertEqual(Self.count(c, s.glyphs.character(.neighbourMedian), .chartBenchmark), 11)
        XCTAssertTrue(c.marks.contains(.neighbourMedian))
    }

    /// The calendar years' ranks are the national standings (ties share), with the quartile.
    func testEHCPYearsRankIsTheNationalStanding() throws {
        let s = Self.state(Self.both, 160, 50, pane: .ehcp)
        let r = s.ehcp.regions(in: s.screen.body, s.shared)
        let columns = r.yearsModel.columns.map(\.id)
        let rank = try XCTUnwrap(columns.firstIndex(of: "national_rank")), quartile = try XCTUnwrap(columns.firstIndex(of: "quartile"))
        XCTAssertEqual(r.yearsModel.rows.count, 11)
        for row in r.yearsModel.rows {
            guard case .data(let cells) = row, let year = Period(cells[0].export?.first ?? "") else { return XCTFail("\(row)") }
            let standing = try XCTUnwrap(s.dataset.nationalStanding(area: Self.kent, indicator: "EHCP20-CY", period: year))
            XCTAssertEqual(cells[rank].text, "\(standing.rank)/\(standing.of)", year.label)
            XCTAssertEqual(cells[quartile].text, "Q\(standing.quartile)", year.label)
        }
        XCTAssertTrue(Self.lines(s.render()).contains { $0.contains("2024  32.3%") && $0.contains("111/153 Q3") })
    }

    /// `v`: under 120 columns the neighbours take their turn under the chart; at 120×40 they
    /// take turns with the calendar years (the years first); at 160×50 everything is shown.
    func testEHCPViewsIncludeTheNeighbours() {
        var narrow = Self.state(Self.both, 80, 24, pane: .ehcp, keys: "v v")
        _ = narrow.update(.key(.character("v")))
        XCTAssertEqual(narrow.ehcp.view, .neighbours)
        XCTAssertEqual(narrow.message, "EHCP: statistical neighbours (v: districts)")
        XCTAssertTrue(narrow.render().plainText.contains("Kent among its statistical neighbours, 2024 · v: districts"))
        _ = narrow.update(.key(.character("v")))
        XCTAssertEqual(narrow.ehcp.view, .districts)
        var mid = Self.state(Self.both, 120, 40, pane: .ehcp)
        var text = mid.render().plainText
        XCTAssertTrue(text.contains("DfE calendar years · v: neighbours"), text)
        XCTAssertFalse(text.contains("among its statistical neighbours"))
        _ = mid.update(.key(.character("v")))
        XCTAssertEqual(mid.message, "EHCP: statistical neighbours (v: DfE calendar years)")
        text = mid.render().plainText
        XCTAssertTrue(text.contains("Kent among its statistical neighbours, 2024 · v: years"), text)
        _ = mid.update(.key(.down))
        XCTAssertTrue(mid.render().plainText.contains("among its statistical neighbours"), "moving in the districts keeps the neighbours")
        var wide = Self.state(Self.both, 160, 50, pane: .ehcp)
        _ = wide.update(.key(.character("v")))
        XCTAssertEqual(wide.message, "districts, drivers and calendar years, neighbours are all shown at this width")
    }

    /// A click on any neighbour's row opens that authority's calendar-year KPI detail; Esc
    /// comes back.
    func testAClickOnANeighbourOpensItsDetail() {
        for (w, h, keys) in [(160, 50, ""), (120, 40, "v"), (100, 40, "v v v")] {
            let s = Self.state(Self.both, w, h, pane: .ehcp, keys: keys)
            let r = s.ehcp.regions(in: s.screen.body, s.shared)
            XCTAssertFalse(r.neighbours.rows.isEmpty, "\(w)x\(h)")
            for placed in r.neighbours.rows {
                guard case .data(let cells) = r.neighboursModel.rows[placed.index], let code = cells[1].export?.first else { return XCTFail() }
                var t = s
                _ = t.update(.mouse(.click(x: r.neighbours.frame.x + 4, y: placed.y)))
                XCTAssertEqual(t.pane, .detail, "\(w)x\(h) \(code)")
                XCTAssertEqual(t.area, code)
                XCTAssertEqual(t.indicator, "EHCP20-CY")
                _ = t.update(.key(.escape))
                XCTAssertEqual(t.pane, .ehcp)
            }
        }
    }
}
