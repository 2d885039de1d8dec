import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The small dataset with every mark a rating or figure can carry (Fixtures/marks/README.md).
enum Marks {
    static let dataset: Dataset = {
        do {
            return try Golden.dataset(["Tests/DashboardTests/Fixtures/marks"])
        } catch {
            fatalError("the marks fixture does not load: \(error)")
        }
    }()

    static func state(width: Int = 120, height: Int = 40, pane: Pane = .scorecard, area: String? = nil, indicator: String? = nil,
                      ascii: Bool = false) -> DashboardState {
        DashboardState(dataset: dataset, width: width, height: height, pane: pane, area: area, indicator: indicator, ascii: ascii)
    }
}

/// Every rating on screen says where it came from (published, ʳ by rule, ◇ M target missed),
/// every figure its status, a missing figure is a gap and never a zero, each period of KPI
/// detail shows its own target and floor, a team serving several districts is marked and
/// counted once, rows with notes carry ✎, and `e` exports `rated_by` and `status` — on every
/// pane where each appears.
final class RatingMarksTests: XCTestCase {
    static let both = NationalLeagueTests.both

    /// The data rows of a table model.
    static func cells(_ model: TableModel) -> [[TableCell]] {
        model.rows.compactMap { if case .data(let cells) = $0 { cells } else { nil } }
    }

    /// The model column with this id.
    static func column(_ model: TableModel, _ id: String) -> Int? { model.columns.firstIndex { $0.id == id } }

    static func lines(_ c: Canvas) -> [String] { c.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Where a rating comes from

    /// On the scorecard of every area (Kent's and the fixture's), each rating cell says where
    /// its rating came from, as the data does (`ratingSource`): ʳ after the letter exactly when
    /// by rule, `◇ M` exactly when undecided, `· -` when none; the colour's role is the rating's
    /// (none for ◇); the export is `rag` and `rated_by`.
    func testEveryScorecardRatingSaysWhereItCameFrom() throws {
        var seen: Set<String> = []
        let scorecards = [(Self.both, "E10000016"), (Marks.dataset, "C1")].flatMap { ds, root in
            ([root] + ds.children(of: root).map(\.code)).map { (ds, $0) }
        }
        for (ds, area) in scorecards {
            let s = DashboardState(dataset: ds, width: 120, height: 40, area: area)
            let model = s.scorecard.regions(in: s.screen.body, s.shared).model
            let rag = try XCTUnwrap(Self.column(model, "rag"))
            let series = s.scorecard.lines.compactMap { if case .series(let id) = $0 { id } else { nil } }
            let rows = Self.cells(model)
            XCTAssertEqual(rows.count, series.count)
            for (sid, cells) in zip(series, rows) {
                let latest = ds.latestRow(series: sid)
                let source = latest.flatMap { ds.ratingSource(row: $0) }, color = latest.flatMap { ds.rag(row: $0) }
                let cell = cells[rag]
                let what = "\(area) \(ds.series(sid).indicator) \(ds.series(sid).team ?? "")"
                XCTAssertEqual(cell.text.hasSuffix("ʳ"), source == .rule, "\(what): '\(cell.text)' for \(String(describing: source))")
                XCTAssertEqual(cell.text == "◇ M", source == .undecided, "\(what): '\(cell.text)'")
                XCTAssertEqual(cell.text == "· -", source == nil, "\(what): '\(cell.text)'")
                if let color { XCTAssertTrue(cell.text.hasPrefix("\(Glyphs(ascii: false).rag(color)) \(color.letter)"), what) }
                XCTAssertEqual(cell.role, Glyphs.role(for: color), what)
                XCTAssertEqual(cell.export, [color?.name ?? "", source?.rawValue ?? ""], what)
                seen.insert(source?.rawValue ?? "none")
            }
        }
        // The latest Kent figures are published or unrated (the data side's test); the fixture
        // has every kind.
        XCTAssertEqual(seen, ["published", "rule", "undecided", "none"])
    }

    /// APP17's Apr–Aug figures in Kent's KPI detail miss the 60% target with no floor: each is
    /// `◇ M` (target missed), in no colour — not `· -` (no rating) and not RED; Sep-24 is GREEN
    /// by rule (`● Gʳ`); the legend and `?` say what ◇ and ʳ mean.
    func testTargetMissedIsItsOwnMarkInKPIDetail() throws {
        let s = DashboardState(dataset: Self.both, width: 160, height: 50, pane: .detail, indicator: "APP17")
        let model = s.detail.regions(in: s.screen.body, s.shared).periodsModel
        let rows = Self.cells(model)
        let period = try XCTUnwrap(Self.column(model, "period")), rag = try XCTUnwrap(Self.column(model, "rag"))
        let by = try XCTUnwrap(Self.column(model, "rated_by"), "the words show at 160 columns")
        var found: [String: String] = [:]
        for cells in rows { found[cells[period].text] = cells[rag].text }
        for month in ["Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24"] {
            XCTAssertEqual(found[month], "◇ M", month)
            let cells = try XCTUnwrap(rows.first { $0[period].text == month })
            XCTAssertEqual(cells[rag].role, .ragNone, month)
            XCTAssertEqual(cells[by].text, "undecided", month)
        }
        XCTAssertEqual(found["Sep-24"], "● Gʳ")
        XCTAssertEqual(found["Oct-24"], "● G")
        let c = s.render()
        let text = c.plainText
        XCTAssertTrue(text.contains("Apr-24") && text.contains("◇ M"), text)
        XCTAssertFalse(Self.lines(c).contains { $0.contains("Jun-24") && $0.contains("· -") }, "Jun-24 is not 'no rating':\n\(text)")
        let legend = Self.lines(c)[c.height - 2]
        XCTAssertTrue(legend.contains("◇ M target missed"), legend)
        XCTAssertTrue(legend.contains("ʳ by rule"), legend)
        let help = HelpView.lines(s, marks: c.marks).map(\.0).joined(separator: "\n")
        XCTAssertTrue(help.contains(Mark.undecided.entry.meaning) && help.contains(Mark.byRule.entry.meaning), help)
    }

    /// On every pane that shows a rating, the fixture's by-rule and target-missed ratings are
    /// drawn with their marks, in Unicode and in ASCII, and the legend or `?` explains them.
    func testByRuleAndTargetMissedOnEveryPaneThatRates() {
        // Pane, area, indicator, and what must be on screen there.
        let cases: [(Pane, String?, String?, [String])] = [
            (.scorecard, nil, nil, ["✖ Rʳ WAIT", "◇ M  MISS"]),
            (.scorecard, "Southtown", nil, ["◇ M  APP17", "▲ Aʳ WAIT"]),
            (.districts, nil, nil, ["●ʳ", "▲ʳ", "◇"]),
            (.detail, nil, "APP17", ["Apr-24", "● Gʳ", "◇ M", "Northtown  ● Gʳ", "Southtown  ◇ M"]),
            (.ehcp, nil, nil, ["Southtown ◇ M", "Northtown ● Gʳ"]),
        ]
        for (pane, area, indicator, expected) in cases {
            for ascii in [false, true] {
                let s = Marks.state(pane: pane, area: area.flatMap { Marks.dataset.area(named: $0)?.code }, indicator: indicator, ascii: ascii)
                let c = s.render()
                let text = c.plainText
                for e in expected {
                    let want = ascii ? e.replacingOccurrences(of: "ʳ", with: "r").replacingOccurrences(of: "◇", with: "?")
                        .replacingOccurrences(of: "●", with: "O").replacingOccurrences(of: "▲", with: "!").replacingOccurrences(of: "✖", with: "X") : e
                    XCTAssertTrue(text.contains(want), "\(pane) \(area ?? "") ascii=\(ascii): no '\(want)'\n\(text)")
                }
                XCTAssertTrue(c.marks.contains(.byRule) && c.marks.contains(.undecided), "\(pane): \(c.marks)")
                let legend = Self.lines(c)[c.height - 2]
                let help = HelpView.lines(s, marks: c.marks).map(\.0).joined(separator: "\n")
                for m in [Mark.byRule, .undecided] {
                    XCTAssertTrue(help.contains(m.entry.meaning), "\(pane): ? does not explain \(m)")
                    XCTAssertTrue(legend.contains(m.entry.short) || legend.contains("? explains"), "\(pane): \(legend)")
                }
                XCTAssertTrue(help.contains("target missed") && help.contains("by rule"), "\(pane): the ? screen's Ratings section")
            }
        }
    }

    // MARK: Status

    /// Each status has its mark beside its figure, or in place of a missing one, on the
    /// scorecard, in KPI detail's periods and league, and in the EHCP pane's districts.
    func testEveryStatusIsShownWhereItsFigureIs() {
        let scorecard = Marks.state().render().plainText
        for (code, shown) in [("APP17", "76.9% [p]"), ("CARE", "78.0% [r]"), ("WAIT", "16.0% [e]"), ("CME", "[c]"), ("ALTP", "[x]"),
                              ("TRANS", "[z]"), ("CICX", "[low]"), ("SAT", "61.0% [u]")] {
            XCTAssertTrue(scorecard.split(separator: "\n").contains { $0.contains(" \(code) ") && $0.contains(shown) }, "\(code) \(shown):\n\(scorecard)")
        }
        // A missing figure says why and is never a zero.
        XCTAssertFalse(scorecard.split(separator: "\n").contains { $0.contains(" CME ") && $0.contains(" 0") }, scorecard)
        let detail = Marks.state(pane: .detail, indicator: "APP17").render()
        XCTAssertTrue(Self.lines(detail).contains { $0.contains("Jun-24") && $0.contains("[x]") }, detail.plainText)
        XCTAssertTrue(Self.lines(detail).contains { $0.contains("Eastvale") && $0.contains("[c]") && $0.contains("┆ suppressed") }, detail.plainText)
        let ehcp = Marks.state(pane: .ehcp).render()
        XCTAssertTrue(Self.lines(ehcp).contains { $0.contains("Eastvale") && $0.contains("[c]") && $0.contains("┆┆") }, ehcp.plainText)
        XCTAssertTrue(ehcp.plainText.contains("● G GREEN · [p] provisional"), ehcp.plainText)
        // Every status mark drawn is explained.
        for c in [Marks.state().render(), detail, ehcp] {
            let help = HelpView.lines(Marks.state(), marks: c.marks).map(\.0).joined(separator: "\n")
            for m in c.marks where Mark.statuses.contains(m) { XCTAssertTrue(help.contains(m.entry.meaning), "\(m)") }
        }
        XCTAssertEqual(Set(Marks.state().render().marks).intersection(Mark.statuses).count, 8, "every status on the fixture's scorecard")
    }

    /// A figure with a status lines up with the others: the numbers' last digits share a column.
    func testFiguresWithAStatusStayAligned() throws {
        let lines = Self.lines(Marks.state().render())
        // APP17, CARE and WAIT carry [p], [r], [e]; MISS and REF none.
        let ends = ["76.9%", "78.0%", "16.0%", "70.0%", "31.5%"].compactMap { v -> Int? in
            guard let line = lines.first(where: { $0.contains(v) }), let r = line.range(of: v) else { return nil }
            return line.distance(from: line.startIndex, to: r.upperBound)
        }
        XCTAssertEqual(ends.count, 5, lines.joined(separator: "\n"))
        XCTAssertEqual(Set(ends).count, 1, "the values end in one column: \(ends)\n\(lines.joined(separator: "\n"))")
    }

    // MARK: Gaps, not zeros

    /// A sparkline draws a missing value as a gap (┆), not as its lowest level or a blank, in
    /// both alphabets.
    func testSparklineDrawsAGapForAMissingFigure() {
        XCTAssertEqual(Sparkline.make([1, nil, 3], width: 10, glyphs: Glyphs(ascii: false)), "▁┆█")
        XCTAssertEqual(Sparkline.make([1, nil, 3], width: 10, glyphs: Glyphs(ascii: true)), "_:#")
        XCTAssertEqual(Sparkline.make([nil, nil], width: 10, glyphs: Glyphs(ascii: false)), "┆┆")
        XCTAssertEqual(Sparkline.make([0, nil, 0], width: 10, glyphs: Glyphs(ascii: false)).filter { $0 == "┆" }.count, 1)
        let cell = TableCell.trend([1, nil, 3], width: 12, Glyphs(ascii: false), decimals: 0)
        XCTAssertEqual(cell.marks, [.trend, .gap])
        XCTAssertEqual(cell.export, ["1;;3"])
    }

    /// The chart of Shire's APP17 has no figure for Jun-24: its column holds the gap mark, no
    /// value point, and no line is drawn across it; the chart's legend says why.
    func testChartDrawsAGapAndSaysWhy() throws {
        let s = Marks.state(width: 120, height: 40, pane: .detail, indicator: "APP17")
        let r = s.detail.regions(in: s.screen.body, s.shared)
        let c = s.render()
        let chart = r.chart
        var gapColumns: Set<Int> = []
        for x in chart.x..<chart.right {
            let column = (chart.y..<chart.bottom).map { c[x, $0].character }
            if column.filter({ $0 == "┆" }).count >= 3 { gapColumns.insert(x) }
        }
        XCTAssertEqual(gapColumns.count, 1, "one gap column:\n\(c.plainText)")
        let x = try XCTUnwrap(gapColumns.first)
        XCTAssertFalse((chart.y..<chart.bottom).contains { c[x, $0].character == "●" || c[x, $0].character == "·" }, "no point or line in the gap")
        XCTAssertTrue(c.plainText.contains("┆ Jun-24 not available"), c.plainText)
        // Norfolk's 2022 EHCP timeliness (DfE x) is a gap too, and says so.
        let norfolk = DashboardState(dataset: Self.both, width: 120, height: 40, pane: .detail, area: "E10000020", indicator: "EHCP20-CY").render()
        XCTAssertTrue(norfolk.plainText.contains("┆ 2022 not available"), norfolk.plainText)
        XCTAssertTrue(Self.lines(norfolk).contains { $0.contains("2022") && $0.contains("[x]") }, norfolk.plainText)
    }

    /// A league member without a figure has no bar, no rank and a reason; those with figures
    /// keep their ranks.
    func testLeagueGivesAMissingFigureAGapNotABar() throws {
        let s = Marks.state(pane: .detail, indicator: "APP17")
        let model = s.detail.regions(in: s.screen.body, s.shared).leagueModel
        let rows = Self.cells(model)
        let area = try XCTUnwrap(Self.column(model, "area")), bar = try XCTUnwrap(Self.column(model, "bar")), rank = try XCTUnwrap(Self.column(model, "rank"))
        let eastvale = try XCTUnwrap(rows.first { $0[area].text == "Eastvale" })
        XCTAssertEqual(eastvale[bar].text, "┆ suppressed")
        XCTAssertEqual(eastvale[rank].text, "")
        XCTAssertFalse(eastvale[bar].text.contains("█"))
        XCTAssertEqual(rows.filter { !$0[rank].text.isEmpty }.map { $0[rank].text }, ["1", "2"])
    }

    // MARK: Targets and floors by period and area

    /// Each period of KPI detail shows its own target and floor, as the data gives them for
    /// that row (`Dataset.target(row:)`, `floor(row:)`): APP17's Apr-24 against the 45 published
    /// with it, the other months against 60; REF's floor of 30 beside its target.
    func testPeriodTableShowsEachPeriodsTargetAndFloor() throws {
        let s = Marks.state(width: 160, height: 50, pane: .detail, indicator: "APP17")
        let model = s.detail.regions(in: s.screen.body, s.shared).periodsModel
        let period = try XCTUnwrap(Self.column(model, "period")), target = try XCTUnwrap(Self.column(model, "target"))
        let byPeriod = Dictionary(uniqueKeysWithValues: Self.cells(model).map { ($0[period].text, $0[target].text) })
        XCTAssertEqual(byPeriod["Apr-24"], "45.0")
        for m in ["May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24"] { XCTAssertEqual(byPeriod[m], "60.0", m) }
        XCTAssertNil(Self.column(model, "floor"), "APP17 has no floor: no blank column")
        XCTAssertTrue(s.render().plainText.contains("target 60.0 · no floor"))
        let ref = Marks.state(width: 160, height: 50, pane: .detail, area: "D2", indicator: "REF")
        let refModel = ref.detail.regions(in: ref.screen.body, ref.shared).periodsModel
        let floor = try XCTUnwrap(Self.column(refModel, "floor"))
        XCTAssertEqual(Self.cells(refModel).map { $0[floor].text }, ["30.0", "30.0"])
        // Over the Kent data: every period's target and floor are the row's own.
        let ds = Self.both
        for (area, code) in [("E10000016", "APP17"), ("E07000108", "SCS03"), ("E07000105", "EH43"), ("E10000016", "CYPE1")] {
            let k = DashboardState(dataset: ds, width: 200, height: 60, pane: .detail, area: area, indicator: code)
            let m = k.detail.regions(in: k.screen.body, k.shared).periodsModel
            let sid = try XCTUnwrap(ds.seriesID(area: area, indicator: code) ?? ds.seriesIDs(area: area, indicator: code).first)
            let rows = ds.rows(series: sid).map(Int.init)
            let ind = try XCTUnwrap(ds.indicator(code))
            let cells = Self.cells(m)
            XCTAssertEqual(cells.count, rows.count)
            for (r, row) in zip(rows, cells) {
                let t = Self.column(m, "target").map { row[$0].text } ?? ""
                XCTAssertEqual(t, Fmt.plain(ds.target(row: r), ind), "\(area) \(code) \(ds.period(row: r))")
                let f = Self.column(m, "floor").map { row[$0].text } ?? ""
                XCTAssertEqual(f, Fmt.plain(ds.floor(row: r), ind), "\(area) \(code) \(ds.period(row: r))")
            }
        }
    }

    /// Kent's target of 25 primary permanent exclusions is a county total: no district's KPI
    /// detail (or chart line) shows "target 25", for EH43 or EH44, at any size; Kent's does.
    func testADistrictIsNotShownTheCountysTarget() {
        let ds = Self.both
        for code in ["EH43", "EH44"] {
            let kentTarget = ds.indicator(code)?.target.map { Fmt.plain($0, ds.indicator(code)) } ?? "?"
            for district in ds.children(of: "E10000016") {
                for (w, h) in [(80, 24), (120, 40)] {
                    let text = DashboardState(dataset: ds, width: w, height: h, pane: .detail, area: district.code, indicator: code).render().plainText
                    XCTAssertFalse(text.contains("target \(kentTarget)"), "\(district.name) \(code) \(w)x\(h):\n\(text)")
                    XCTAssertTrue(text.contains("no target for this area"), "\(district.name) \(code) \(w)x\(h):\n\(text)")
                }
            }
            let kent = DashboardState(dataset: ds, width: 120, height: 40, pane: .detail, indicator: code).render().plainText
            XCTAssertTrue(kent.contains("target \(kentTarget)"), kent)
        }
    }

    // MARK: Team figures

    /// Kent's two children's social work teams that serve two districts each: each district's
    /// scorecard shows them marked ⋈; the districts matrix shows their rating in those
    /// districts' cells with ⋈ after it and does not count it in the districts' R/A/G; a
    /// league lists each team once.
    func testSharedTeamsAreMarkedAndCountedOnce() throws {
        let ds = Self.both
        let sevenoaks = "E07000111", tonbridge = "E07000115", tunbridge = "E07000116"
        let scorecard = DashboardState(dataset: ds, width: 120, height: 40, area: sevenoaks).render().plainText
        XCTAssertTrue(scorecard.contains("⋈ Sevenoaks North & Tonbridge"), scorecard)
        XCTAssertTrue(scorecard.contains("⋈ Sevenoaks South & Tunbridge"), scorecard)
        var s = DashboardState(dataset: ds, width: 120, height: 40, pane: .districts, indicator: "SCS03")
        let k = try XCTUnwrap(s.districts.indicators.firstIndex(of: "SCS03"))
        for code in [sevenoaks, tonbridge, tunbridge] {
            let row = try XCTUnwrap(s.districts.areas.firstIndex(of: code))
            let cell = s.districts.cells[row][k]
            XCTAssertTrue(cell.isSharedTeam, code)
            XCTAssertNotNil(cell.rating.rag, "\(code): the team's rating is shown")
            XCTAssertEqual(s.districts.matrix[row][k], -1, "\(code): not the district's own")
            // The counts are the district's own ratings only.
            let own = ds.latestRatings(area: code)
            let positions = s.districts.indicators.compactMap { ds.indicatorPosition($0) }
            for rag in RAG.allCases {
                XCTAssertEqual(s.districts.cells[row].filter { $0.ownRAG == rag }.count, positions.filter { own[$0] == rag.rawValue }.count, "\(code) \(rag)")
            }
        }
        let c = s.render()
        let line = try XCTUnwrap(Self.lines(c).first { $0.hasPrefix(" Sevenoaks ") })
        XCTAssertTrue(line.contains("⋈"), line)
        XCTAssertTrue(Self.lines(c).contains { $0.contains("⋈ a shared team's rating, not in the R/A/G counts") }, c.plainText)
        // The tile map: Sevenoaks's tile (its name, then its rating under it) shows the team's.
        let lines = Self.lines(c)
        let tileRow = try XCTUnwrap(lines.firstIndex { $0.contains("Sevenoaks") && !$0.hasPrefix(" Sevenoaks") }, c.plainText)
        let tileLine = lines[tileRow]
        let tileX = try XCTUnwrap(tileLine.range(of: "Sevenoaks", options: .backwards).map { tileLine.distance(from: tileLine.startIndex, to: $0.lowerBound) })
        XCTAssertTrue(String(lines[tileRow + 1].dropFirst(tileX).prefix(10)).contains("⋈"), "the tile:\n\(c.plainText)")
        // The league: each shared team once, as the team's.
        _ = s.update(.key(.character("3")))
        let league = s.detail.league.map { ds.series($0).team ?? "" }
        XCTAssertEqual(league.filter { $0.hasPrefix("Sevenoaks North") }.count, 1, "\(league)")
        XCTAssertEqual(league.filter { $0.hasPrefix("Sevenoaks South") }.count, 1, "\(league)")
        XCTAssertTrue(s.render().plainText.contains("⋈ Sevenoaks North & Tonbridge"), s.render().plainText)
    }

    // MARK: Notes

    /// Exactly the rows whose series have notes carry ✎: the Kent scorecard of every area, and
    /// the KPI detail league and EHCP tables.
    func testRowsWithNotesCarryTheMarker() throws {
        let ds = Self.both
        var marked = 0
        for area in ["E10000016"] + ds.children(of: "E10000016").map(\.code) {
            let s = DashboardState(dataset: ds, width: 120, height: 40, area: area)
            let model = s.scorecard.regions(in: s.screen.body, s.shared).model
            let series = s.scorecard.lines.compactMap { if case .series(let id) = $0 { id } else { nil } }
            let notes = Self.column(model, "notes")
            for (sid, cells) in zip(series, Self.cells(model)) {
                let has = notes.map { cells[$0].text == "✎" } ?? false
                XCTAssertEqual(has, ds.hasNotes(series: sid), "\(area) \(ds.series(sid).indicator)")
                if has { marked += 1 }
            }
        }
        XCTAssertGreaterThan(marked, 20)
        let kent = DashboardState(dataset: ds, width: 120, height: 40).render()
        XCTAssertTrue(kent.plainText.contains("✎ Percentage re-referr"), kent.plainText)
        XCTAssertTrue(Self.lines(kent)[kent.height - 2].contains("✎ notes"))
        // Where a series is a row elsewhere: the league (Eastvale's REF has a note; the shared
        // team's row is Northtown's copy, which has none) and the EHCP drivers.
        let league = Marks.state(pane: .detail, area: "D2", indicator: "REF").render().plainText.split(separator: "\n")
        XCTAssertTrue(league.contains { $0.hasPrefix(" 3 Eastvale") && $0.contains("✎") }, league.joined(separator: "\n"))
        XCTAssertFalse(league.contains { ($0.hasPrefix(" 1 Northtown team") || $0.hasPrefix(" 2 ⋈ North")) && $0.contains("✎") },
                       league.joined(separator: "\n"))
        let southtown = Marks.state(area: "D2").render().plainText
        XCTAssertTrue(southtown.contains("REF   ✎ ⋈ North & South team"), southtown)
        let ehcp = DashboardState(dataset: ds, width: 120, height: 40, pane: .ehcp).render().plainText
        XCTAssertTrue(ehcp.split(separator: "\n").contains { $0.contains("APP-EP") && $0.contains("✎") }, ehcp)
        XCTAssertFalse(ehcp.split(separator: "\n").contains { $0.contains("APP17-N") && $0.contains("✎") }, ehcp)
    }

    // MARK: Export

    /// `e` on every pane writes `rated_by` beside `rag` and `status` beside `value`, with the
    /// data's values: by rule, undecided, published; suppressed and estimated figures.
    func testEveryPanesExportCarriesRatedByAndStatus() throws {
        func export(_ pane: Pane, area: String? = nil, indicator: String? = nil) throws -> [[String: String]] {
            var s = Marks.state(width: 160, height: 50, pane: pane, area: area, indicator: indicator)
            guard case .export(_, let csv)? = s.update(.key(.character("e"))).first else { throw XCTSkip("no export") }
            let records = CSV.records(csv)
            let header = try XCTUnwrap(records.first)
            return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
        func row(_ rows: [[String: String]], _ key: String, _ value: String) throws -> [String: String] {
            try XCTUnwrap(rows.first { $0[key] == value }, "\(key)=\(value) in \(rows)")
        }
        // The scorecard's rag and rated_by of every row: testEveryScorecardRatingSaysWhereItCameFrom;
        // its statuses through the real binary: DashboardCLITests. Here: each figure's status
        // beside its plain value, and the notes.
        let scorecard = try export(.scorecard)
        let figures = Dictionary(uniqueKeysWithValues: scorecard.map { ($0["indicator"] ?? "", [$0["value"] ?? "?", $0["status"] ?? "?"]) })
        XCTAssertEqual(figures["WAIT"], ["16.0", "estimated"])
        XCTAssertEqual(figures["CARE"], ["78.0", "revised"])
        XCTAssertEqual(figures["CME"], ["", "suppressed"])
        XCTAssertEqual(figures["PLANS"], ["1502", ""])
        XCTAssertEqual(scorecard.map { $0["notes"] ?? "?" }.filter { !$0.isEmpty }, ["1", "1"], "APP17 and REF have a note each")
        XCTAssertTrue(scorecard.allSatisfy { ["", "RED", "AMBER", "GREEN"].contains($0["rag"] ?? "?") })

        let districts = try export(.districts)
        let southtown = try row(districts, "area_code", "D2")
        XCTAssertEqual(southtown["APP17"], "")
        XCTAssertEqual(southtown["APP17_rated_by"], "undecided")
        XCTAssertEqual(southtown["WAIT"], "AMBER")
        XCTAssertEqual(southtown["WAIT_rated_by"], "rule")
        XCTAssertEqual(southtown["REF"], "AMBER", "the shared team's rating, as shown")
        XCTAssertEqual(southtown["amber"], "1", "not counted: CARE is RED, WAIT AMBER, REF the team's")

        let detail = try export(.detail, indicator: "APP17")
        XCTAssertEqual(try row(detail, "area_code", "D3")["status"], "suppressed")
        XCTAssertEqual(try row(detail, "area_code", "D3")["value"], "")
        XCTAssertEqual(try row(detail, "area_code", "D3")["rank"], "")
        XCTAssertEqual(try row(detail, "area_code", "D1")["rated_by"], "rule")
        XCTAssertEqual(try row(detail, "area_code", "D2")["rated_by"], "undecided")

        let ehcp = try export(.ehcp)
        XCTAssertEqual(try row(ehcp, "area_code", "D3")["status"], "suppressed")
        XCTAssertEqual(try row(ehcp, "area_code", "D1")["rated_by"], "rule")
        XCTAssertEqual(try row(ehcp, "area_code", "D1")["value"], "72.0")

        // The therapy pane exports no rating and no figure of a KPI: neither column.
        var therapy = DashboardState(dataset: Self.both, width: 160, height: 50, pane: .therapy)
        guard case .export(_, let csv)? = therapy.update(.key(.character("e"))).first else { return XCTFail("no export") }
        let header = try XCTUnwrap(CSV.records(csv).first)
        XCTAssertFalse(header.contains("rag") || header.contains("rated_by"), "\(header)")
    }

    /// The Kent exports: `rated_by` beside every `rag`, `status` beside every `value`.
    func testKentExportsPairRatingsAndFigures() throws {
        for pane in [Pane.scorecard, .detail, .ehcp] {
            var s = DashboardState(dataset: Self.both, width: 160, height: 50, pane: pane)
            guard case .export(_, let csv)? = s.update(.key(.character("e"))).first else { return XCTFail("\(pane): no export") }
            let header = try XCTUnwrap(CSV.records(csv).first)
            let rag = try XCTUnwrap(header.firstIndex(of: "rag"), "\(pane): \(header)")
            XCTAssertEqual(header[rag + 1], "rated_by", "\(pane): \(header)")
            let value = try XCTUnwrap(header.firstIndex(of: "value"), "\(pane): \(header)")
            XCTAssertEqual(header[value + 1], "status", "\(pane): \(header)")
        }
    }
}
