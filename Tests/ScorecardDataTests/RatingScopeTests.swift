import XCTest
@testable import ScorecardData

/// Targets rate the areas they were set for (indicators.csv `target_areas`, targets.csv), each
/// rating says where it comes from (published, rule, undecided), teams printed under several
/// districts are counted once, and a figure's status is kept. On a small dataset of a county
/// (Shire), its three districts and a team shared by two of them.
final class RatingScopeTests: XCTestCase {
    static let areas = """
        code,name,parent,kind
        E1,England,,country
        S1,Shire,E1,county
        D1,Northtown,S1,district
        D2,Southtown,S1,district
        D3,Eastvale,S1,district

        """
    // EXC: a county total (count), target for the county only. EXC-ALL: the same without
    // target_areas, so it rates every area (today's default) and check warns. PCT: a percentage
    // whose target and floor rate the county and the districts. OWN: the county's target, and
    // Northtown's own in targets.csv. CODE: target for one district named by code. MISS: no floor,
    // misses are RED by missed_target.
    static let indicators = """
        code,name,polarity,period_type,unit,decimals,target,floor,target_areas,missed_target
        EXC,Permanent exclusions,L,MS,count,0,25,,county,
        EXC-ALL,Permanent exclusions (all areas),L,MS,count,0,25,,,
        PCT,Plans issued within 20 weeks,H,MS,percent,1,80,70,county;district,
        OWN,Care leavers in work or training,H,MS,percent,1,60,50,county,
        CODE,Assessments in time,H,MS,percent,1,85,75,D2,
        MISS,Re-referrals,L,MS,percent,1,20,,,red

        """
    static let observations = """
        area,indicator,period,value,target,rag,team,status
        S1,EXC,2024-09,26,,,,
        S1,EXC,2024-10,22,,GREEN,,
        D1,EXC,2024-10,1,,,,
        D2,EXC,2024-10,30,,,,provisional
        D3,EXC,2024-10,2,3,,,
        S1,EXC-ALL,2024-10,22,,,,
        D1,EXC-ALL,2024-10,1,,,,
        S1,PCT,2024-10,75,,,,
        D1,PCT,2024-10,65,,,,revised
        D2,PCT,2024-10,81,,,,
        D3,PCT,2024-10,,,,,suppressed
        S1,OWN,2024-10,55,,,,
        D1,OWN,2024-10,45,,,,
        D2,OWN,2024-10,45,,,,
        D2,CODE,2024-10,80,,,,
        D3,CODE,2024-10,80,,,,
        S1,MISS,2024-10,21,,,,
        D1,PCT,2024-10,72,,,North & South team,
        D2,PCT,2024-10,72,,,North & South team,
        D1,PCT,2024-10,90,,,Northtown team,

        """
    static let targets = """
        indicator,area,target,floor,note
        OWN,D1,40,30,Northtown's own target (published on its page)

        """

    var dataset: TempDataset!

    override func setUpWithError() throws {
        dataset = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators,
                                   "observations.csv": Self.observations, "targets.csv": Self.targets])
    }

    override func tearDown() { dataset?.remove() }

    private func load() throws -> LoadResult { try XCTUnwrap(loadOrFail([dataset.path])) }

    /// The latest row of (area, indicator, team).
    private func row(_ ds: Dataset, _ area: String, _ indicator: String, team: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let s = try XCTUnwrap(ds.seriesID(area: area, indicator: indicator, team: team), "\(area) \(indicator)", file: file, line: line)
        return try XCTUnwrap(ds.latestRow(series: s), file: file, line: line)
    }

    // MARK: Targets belong to areas

    func testACountysTargetDoesNotRateItsDistricts() throws {
        let ds = try load().dataset
        let county = try row(ds, "S1", "EXC")
        XCTAssertEqual(ds.rag(row: county), .green)
        XCTAssertEqual(ds.ratingSource(row: county), .published)
        XCTAssertEqual(ds.target(row: county), 25)
        for d in ["D1", "D2"] {
            let r = try row(ds, d, "EXC")
            XCTAssertNil(ds.rag(row: r), "\(d): Shire's target of 25 is a county total, not \(d)'s")
            XCTAssertNil(ds.ratingSource(row: r), d)
            XCTAssertNil(ds.target(row: r), "\(d): no target applies")
            XCTAssertNil(ds.floor(row: r), d)
        }
        XCTAssertEqual(ds.thresholds(indicator: "EXC", area: "D1"), AreaThresholds(origin: .none))
        XCTAssertEqual(ds.thresholds(indicator: "EXC", area: "S1"), AreaThresholds(target: 25, origin: .indicator))
        // A target published with a district's figure is that district's: it rates it.
        let eastvale = try row(ds, "D3", "EXC")
        XCTAssertEqual(ds.target(row: eastvale), 3)
        XCTAssertEqual(ds.rag(row: eastvale), .green)
        XCTAssertEqual(ds.ratingSource(row: eastvale), .rule)
        // Shire's September by rule against its own target: 26 misses 25, no floor: undecided.
        let s = try XCTUnwrap(ds.seriesID(area: "S1", indicator: "EXC"))
        let september = Int(try XCTUnwrap(ds.rows(series: s).first))
        XCTAssertEqual(ds.ratingSource(row: september), .undecided)
        XCTAssertNil(ds.rag(row: september))
    }

    /// `ratingSourceCounts` counts what `ratingSource(row:)` says of every row: published and
    /// rule ratings as rated, undecided ones apart, and no others (this dataset has all four).
    func testRatingSourceCountsAgreeWithEveryRow() throws {
        let ds = try load().dataset
        let sources = (0..<ds.observationCount).map { ds.ratingSource(row: $0) }
        for kind in [RatingSource.published, .rule, .undecided] { XCTAssertTrue(sources.contains(kind), "no \(kind) row") }
        XCTAssertTrue(sources.contains(nil), "no unrated row")
        let counts = ds.ratingSourceCounts()
        XCTAssertEqual(counts.rated, sources.count { $0 == .published || $0 == .rule })
        XCTAssertEqual(counts.undecided, sources.count { $0 == .undecided })
    }

    func testWithoutTargetAreasATargetRatesEveryAreaAndCheckWarnsAboutCounts() throws {
        let result = try load()
        let ds = result.dataset
        let northtown = try row(ds, "D1", "EXC-ALL")
        XCTAssertEqual(ds.rag(row: northtown), .green, "the default: the indicator's target rates every area")
        XCTAssertEqual(ds.ratingSource(row: northtown), .rule)
        let warnings = result.diagnostics.filter { $0.kind == .countAgainstLargerArea }
        XCTAssertEqual(warnings.count, 1, "\(result.diagnostics)")
        let w = try XCTUnwrap(warnings.first)
        XCTAssertTrue(w.path.hasSuffix("/indicators.csv"), w.path)
        XCTAssertEqual(w.line, 3)
        XCTAssertEqual(w.column, 55, "the target cell of EXC-ALL")
        XCTAssertTrue(w.message.hasPrefix("EXC-ALL is a count (unit count), which grows with the size of the area, yet its target 25 rates both Shire and Northtown by rule (e.g. Northtown: 1 in 2024-10 against 25)"), w.message)
        XCTAssertTrue(w.message.contains("target_areas (e.g. 'county')"), w.message)
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(result.diagnostics.filter { $0.kind == .countAgainstLargerArea && $0.message.hasPrefix("EXC ") }, [],
                       "EXC says its target is the county's: no warning")
    }

    func testATargetForCountyAndDistrictsRatesBoth() throws {
        let ds = try load().dataset
        XCTAssertEqual(ds.rag(row: try row(ds, "S1", "PCT")), .amber, "75: floor 70 achieved, target 80 missed")
        XCTAssertEqual(ds.rag(row: try row(ds, "D1", "PCT")), .red, "65 is below the floor 70")
        XCTAssertEqual(ds.rag(row: try row(ds, "D2", "PCT")), .green)
        XCTAssertEqual(ds.floor(row: try row(ds, "D1", "PCT")), 70)
        XCTAssertEqual(ds.ratingSource(row: try row(ds, "D2", "PCT")), .rule)
    }

    func testAnAreasOwnTargetRatesItInPlaceOfTheIndicators() throws {
        let ds = try load().dataset
        XCTAssertEqual(ds.areaTargets.map { "\($0.indicator) \($0.area) \(ValueFormatter.plain(opt: $0.target))" }, ["OWN D1 40"])
        let northtown = try row(ds, "D1", "OWN")
        XCTAssertEqual(ds.target(row: northtown), 40)
        XCTAssertEqual(ds.floor(row: northtown), 30)
        XCTAssertEqual(ds.rag(row: northtown), .green, "45 meets Northtown's own 40")
        XCTAssertEqual(ds.thresholds(indicator: "OWN", area: "D1"), AreaThresholds(target: 40, floor: 30, origin: .area))
        let southtown = try row(ds, "D2", "OWN")
        XCTAssertNil(ds.rag(row: southtown), "Southtown has no target of its own and the indicator's is the county's")
        XCTAssertNil(ds.target(row: southtown))
        XCTAssertEqual(ds.rag(row: try row(ds, "S1", "OWN")), .amber)
    }

    func testTargetAreasMayNameAreasByCode() throws {
        let ds = try load().dataset
        XCTAssertEqual(ds.rag(row: try row(ds, "D2", "CODE")), .amber)
        XCTAssertNil(ds.rag(row: try row(ds, "D3", "CODE")), "CODE's target is Southtown's only")
        XCTAssertEqual(ds.indicator("CODE")?.targetAreas, ["D2"])
        XCTAssertEqual(ds.indicator("PCT")?.targetAreas, ["county", "district"])
    }

    func testMissedTargetSaysHowAMissIsRated() throws {
        let ds = try load().dataset
        let r = try row(ds, "S1", "MISS")
        XCTAssertEqual(ds.rag(row: r), .red, "21 misses 20 with no floor; missed_target says RED")
        XCTAssertEqual(ds.ratingSource(row: r), .rule)
        XCTAssertEqual(ds.indicator("MISS")?.missedTarget, .red)
    }

    // MARK: Teams

    func testATeamPrintedUnderTwoDistrictsIsCountedOnce() throws {
        let result = try load()
        let ds = result.dataset
        let north = try XCTUnwrap(ds.seriesID(area: "D1", indicator: "PCT", team: "North & South team"))
        let south = try XCTUnwrap(ds.seriesID(area: "D2", indicator: "PCT", team: "North & South team"))
        let own = try XCTUnwrap(ds.seriesID(area: "D1", indicator: "PCT"))
        let single = try XCTUnwrap(ds.seriesID(area: "D1", indicator: "PCT", team: "Northtown team"))
        XCTAssertTrue(ds.isTeamSeries(north))
        XCTAssertFalse(ds.isTeamSeries(own))
        XCTAssertEqual(ds.sharedSeries(of: north), [north, south])
        XCTAssertEqual(ds.sharedSeries(of: south), [north, south])
        XCTAssertEqual(ds.sharedSeries(of: single), [single], "a team serving one district is that district's")
        XCTAssertEqual(ds.areasSharing(series: south).map(\.name), ["Northtown", "Southtown"])
        XCTAssertEqual(ds.areasSharing(series: own).map(\.name), ["Northtown"])
        XCTAssertFalse(ds.isRepeatedTeamSeries(north))
        XCTAssertTrue(ds.isRepeatedTeamSeries(south))
        XCTAssertFalse(ds.isRepeatedTeamSeries(single))
        // The district page still shows the team's figures as printed.
        XCTAssertEqual(ds.seriesIDs(area: "D2", indicator: "PCT"), [ds.seriesID(area: "D2", indicator: "PCT")!, south])
        // The league counts it once, under the first district that prints it.
        let league = ds.childSeries(of: "S1", indicator: "PCT")
        XCTAssertEqual(league.map(\.series).filter { ds.sharedSeries(of: $0).count > 1 }, [north])
        XCTAssertEqual(league.count, 5, "three districts' own, Northtown's team and the shared team once")
        // A district's own R/A/G leaves the shared team (72, AMBER) out; it keeps its own team.
        let pct = try XCTUnwrap(ds.indicatorPosition("PCT"))
        XCTAssertEqual(ds.latestRatings(area: "D2")[pct], RAG.green.rawValue, "Southtown's own 81; the team's AMBER is not Southtown's")
        XCTAssertEqual(ds.worstLatestRAG(area: "D2", indicator: "PCT"), .green)
        XCTAssertEqual(ds.worstLatestRAG(area: "D1", indicator: "PCT"), .red, "Northtown's own 65 RED, its team's 90 GREEN")
        XCTAssertEqual(ds.latestTeamRatings(area: "D2")[pct], RAG.amber.rawValue)
        XCTAssertEqual(ds.latestTeamRatings(area: "D3")[pct], -2, "Eastvale has no shared team")
        XCTAssertEqual(ds.latestRatings(childrenOf: "S1").map { $0[pct] }, [RAG.red.rawValue, RAG.green.rawValue, -1])
        XCTAssertEqual(result.diagnostics.filter { $0.kind == .sharedTeamDiffers }, [], "the team's figures agree on both pages")
    }

    func testATeamsFiguresThatDifferBetweenDistrictsAreAWarning() throws {
        let obs = Self.observations.replacingOccurrences(of: "D2,PCT,2024-10,72,,,North & South team,", with: "D2,PCT,2024-10,73,,,North & South team,")
        let d = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": obs, "targets.csv": Self.targets])
        defer { d.remove() }
        let result = try XCTUnwrap(loadOrFail([d.path]))
        let w = try XCTUnwrap(result.diagnostics.first { $0.kind == .sharedTeamDiffers })
        XCTAssertEqual(w.line, 20)
        XCTAssertEqual(w.message, "team 'North & South team' PCT 2024-10 is 73 under Southtown but 72 under Northtown: a team's figures are the same wherever they are printed")
    }

    // MARK: Status

    func testStatusIsKeptAndARowWithAStatusAndNoValueIsValid() throws {
        let result = try load()
        let ds = result.dataset
        XCTAssertEqual(ds.status(row: try row(ds, "D1", "PCT")), .revised)
        XCTAssertEqual(ds.status(row: try row(ds, "D2", "EXC")), .provisional)
        let eastvale = try row(ds, "D3", "PCT")
        XCTAssertNil(ds.value(row: eastvale))
        XCTAssertEqual(ds.status(row: eastvale), .suppressed)
        XCTAssertNil(ds.ratingSource(row: eastvale), "nothing to rate")
        XCTAssertEqual(ds.observation(row: eastvale).status, .suppressed)
        XCTAssertNil(ds.status(row: try row(ds, "S1", "PCT")))
        XCTAssertEqual(result.diagnostics.filter { $0.kind == .statusWithValue }, [])
        let report = ds.report(ReportQuery(areas: ["D3"], indicator: "PCT"))
        XCTAssertEqual(report.map { $0.status }, [.suppressed])
        XCTAssertTrue(ReportFormat.csv.render(report).hasSuffix(",2024-10,,,,80.0,,,,,suppressed,,,,\n"), ReportFormat.csv.render(report))
    }

    func testEveryStatusParsesAndAStatusMeaningNoFigureBesideAValueIsAWarning() throws {
        let names = ["provisional", "revised", "estimated", "suppressed", "not-available", "not-applicable", "low", "low-reliability"]
        XCTAssertEqual(ObservationStatus.allCases.map(\.name), names)
        for (k, name) in names.enumerated() {
            XCTAssertEqual(ObservationStatus(name: name.uppercased()), ObservationStatus.allCases[k])
        }
        XCTAssertNil(ObservationStatus(name: "withheld"))
        let obs = """
            area,indicator,period,value,status
            S1,PCT,2024-09,80,Suppressed
            S1,PCT,2024-10,,not-available

            """
        let d = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": obs])
        defer { d.remove() }
        let result = try XCTUnwrap(loadOrFail([d.path]))
        let w = try XCTUnwrap(result.diagnostics.first { $0.kind == .statusWithValue })
        XCTAssertEqual("\(w.line):\(w.column)", "2:19")
        XCTAssertEqual(w.message, "status suppressed says there is no figure, but the value is 80: empty the value, or the status")
    }

    // MARK: Writing back

    func testDatasetFilesKeepTargetAreasMissedTargetTargetsAndStatus() throws {
        let ds = try load().dataset
        let files = DatasetFiles(dataset: ds)
        let rendered = Dictionary(uniqueKeysWithValues: files.renderedFiles().map { ($0.name, $0.contents) })
        XCTAssertTrue(rendered["indicators.csv"]?.hasPrefix("code,name,group,polarity,period_type,unit,decimals,target,floor,target_low,target_high,definition,source,target_areas,missed_target\n") ?? false)
        XCTAssertTrue(rendered["indicators.csv"]?.contains(",county;district,\n") ?? false)
        XCTAssertEqual(rendered["targets.csv"], "indicator,area,target,floor,target_low,target_high,note,source\nOWN,D1,40,30,,,Northtown's own target (published on its page),\n")
        XCTAssertTrue(rendered["observations.csv"]?.hasPrefix("area,indicator,period,value,target,rag,team,status\n") ?? false)
        let copy = try TempDataset(rendered)
        defer { copy.remove() }
        let reloaded = try XCTUnwrap(loadOrFail([copy.path])).dataset
        XCTAssertEqual(DatasetFiles(dataset: reloaded), files, "written and read back, nothing is lost")
        // An import merged into it keeps the thresholds the user set.
        var imported = DatasetFiles(indicators: [Indicator(code: "OWN", name: "Care leavers", polarity: .high, periodType: .monthlySnapshot)])
        imported.areas = files.areas
        let merged = files.merging(imported).files
        let own = try XCTUnwrap(merged.indicators.first { $0.code == "OWN" })
        XCTAssertEqual(own.name, "Care leavers")
        XCTAssertEqual(own.target, 60)
        XCTAssertEqual(own.targetAreas, ["county"])
        XCTAssertEqual(merged.targets, files.targets)
    }
}
