import XCTest
@testable import ScorecardData

final class LoaderTests: XCTestCase {
    static let areas = """
        code,name,parent,kind
        E92000001,England,,country
        E10000016,Kent,E92000001,county
        E07000105,Ashford,E10000016,district

        """
    static let indicators = """
        code,name,group,polarity,period_type,unit,decimals,target,floor
        SCS19,Assessments completed within 45 working days,Social Care,H,MS,percent,1,85,75
        EH52,Early help cases closed with outcomes achieved,Early Help,H,MS,percent,1,80,
        CYPE8,Children in care placed out of county,Children in Care,L,Q,percent,1,28.7,

        """
    // Rows out of period order on purpose; line numbers are noted in the tests.
    static let observations = """
        area,indicator,period,value,numerator,denominator,rag,dot,team,note
        E10000016,SCS19,2024-10,85.0,170,200,,,,
        E10000016,SCS19,2024-08,80.0,,,,,,
        E10000016,SCS19,2024-09,73.1,,,,,,"late returns, see note"
        E10000016,SCS19,2024-11,,,,,,,not yet published
        E07000105,SCS19,2024-10,81.0,,,,,North,
        E07000105,SCS19,2024-10,70.0,,,,,South,
        E10000016,EH52,2024-10,75,,,GREEN,,,
        E10000016,CYPE8,FY2024-25-Q2,27.5,,,,,,
        E10000016,CYPE8,FY2023-24,29.0,,,,,,
        E10000016,CYPE8,FY2024-25-Q1,30.0,,,,,,

        """

    var dataset: TempDataset!

    override func setUpWithError() throws {
        dataset = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations])
    }

    override func tearDown() { dataset?.remove() }

    private func load() throws -> LoadResult {
        try XCTUnwrap(loadOrFail([dataset.path]))
    }

    func testValidDatasetLoads() throws {
        let result = try load()
        let ds = result.dataset
        XCTAssertEqual(ds.areas.map(\.code), ["E92000001", "E10000016", "E07000105"])
        XCTAssertEqual(ds.indicators.map(\.code), ["SCS19", "EH52", "CYPE8"])
        XCTAssertEqual(ds.observationCount, 10)
        XCTAssertEqual(ds.children(of: "E10000016").map(\.name), ["Ashford"])
        XCTAssertEqual(ds.ancestry(of: "E07000105").map(\.name), ["England", "Kent", "Ashford"])
        XCTAssertEqual(ds.area(named: "kent")?.code, "E10000016")
        XCTAssertEqual(ds.area(named: "ASHFORD")?.code, "E07000105")
        let scs19 = try XCTUnwrap(ds.indicator("SCS19"))
        XCTAssertEqual(scs19.polarity, .high)
        XCTAssertEqual(scs19.periodType, .monthlySnapshot)
        XCTAssertEqual(scs19.decimals, 1)
        XCTAssertEqual(scs19.target, 85)
        XCTAssertEqual(scs19.floor, 75)
        XCTAssertEqual(scs19.group, "Social Care")
        XCTAssertNil(ds.indicator("EH52")?.floor)
        XCTAssertEqual(ds.files.count, 3)
        // The only warning: EH52's published GREEN (value 75 misses target 80).
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [])
    }

    func testObservationLookup() throws {
        let ds = try load().dataset
        let o = try XCTUnwrap(ds.observation(area: "E10000016", indicator: "SCS19", period: "2024-09"))
        XCTAssertEqual(o.value, 73.1)
        XCTAssertEqual(o.line, 4)
        XCTAssertEqual(o.note, "late returns, see note")
        XCTAssertNil(o.team)
        let oct = try XCTUnwrap(ds.observation(area: "E10000016", indicator: "SCS19", period: Period.p("2024-10")))
        XCTAssertEqual(oct.numerator, 170)
        XCTAssertEqual(oct.denominator, 200)
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "SCS19", period: "2024-11")?.value, nil)
        XCTAssertNotNil(ds.observation(area: "E10000016", indicator: "SCS19", period: "2024-11"), "an empty value is still a row")
        XCTAssertNil(ds.observation(area: "E10000016", indicator: "SCS19", period: "2024-07"))
        XCTAssertNil(ds.observation(area: "E10000016", indicator: "SCS19", period: "not a period"))
        XCTAssertNil(ds.observation(area: "E99", indicator: "SCS19", period: "2024-10"))
    }

    func testTeamsAreKeptApart() throws {
        let ds = try load().dataset
        XCTAssertEqual(ds.observation(area: "E07000105", indicator: "SCS19", period: "2024-10", team: "North")?.value, 81)
        XCTAssertEqual(ds.observation(area: "E07000105", indicator: "SCS19", period: "2024-10", team: "South")?.value, 70)
        XCTAssertNil(ds.observation(area: "E07000105", indicator: "SCS19", period: "2024-10"), "no row without a team")
        XCTAssertNil(ds.observation(area: "E07000105", indicator: "SCS19", period: "2024-10", team: "East"))
        let rows = ds.report(ReportQuery(areas: ["E07000105"]))
        XCTAssertEqual(rows.map(\.team), ["North", "South"])
        XCTAssertEqual(rows.map(\.rag), [.amber, .red])
        XCTAssertEqual(ds.seriesIDs(area: "E07000105").count, 2)
    }

    func testLatestRowAndTrend() throws {
        let ds = try load().dataset
        let s = try XCTUnwrap(ds.seriesID(area: "E10000016", indicator: "SCS19"))
        XCTAssertEqual(ds.rows(series: s).map { ds.period(row: Int($0)).description }, ["2024-08", "2024-09", "2024-10", "2024-11"])
        let latest = try XCTUnwrap(ds.latestRow(series: s))
        XCTAssertEqual(ds.period(row: latest), Period.p("2024-10"), "the latest period with a value")
        XCTAssertEqual(ds.value(row: latest), 85)
        XCTAssertEqual(ds.rag(row: latest), .green)
        XCTAssertEqual(ds.dot(row: latest), .improved, "73.1 → 85.0, higher is better")
        let c = try XCTUnwrap(ds.seriesID(area: "E10000016", indicator: "CYPE8"))
        XCTAssertEqual(ds.period(row: try XCTUnwrap(ds.latestRow(series: c))), Period.p("FY2024-25-Q2"))
        XCTAssertEqual(ds.trendRows(series: c).map { ds.period(row: $0).description }, ["FY2024-25-Q1", "FY2024-25-Q2"],
                       "the trend keeps the latest row's period kind")
        let q2 = ds.trendRows(series: c).last!
        XCTAssertEqual(ds.dot(row: q2), .improved, "30.0 → 27.5, lower is better")
        XCTAssertEqual(ds.rag(row: q2), .green)
    }

    func testReportWithRAGFilterAndAllPeriods() throws {
        let ds = try load().dataset
        let latestRed = ds.report(ReportQuery(rags: [.red]))
        XCTAssertEqual(latestRed.map { "\($0.areaCode) \($0.indicator) \($0.period) \($0.team ?? "-")" }, ["E07000105 SCS19 2024-10 South"])
        let allRed = ds.report(ReportQuery(rags: [.red], allPeriods: true))
        XCTAssertEqual(allRed.map { "\($0.areaName) \($0.indicator) \($0.period)" }, ["Kent SCS19 2024-09", "Ashford SCS19 2024-10"],
                       "CYPE8 has no floor: its missed targets are undecided, not RED")
        let all = ds.report(ReportQuery(allPeriods: true))
        XCTAssertEqual(all.count, 10)
        XCTAssertEqual(all.filter { $0.ratedBy == nil }.map(\.period), [Period.p("2024-11")], "an empty value has no rating")
        XCTAssertEqual(all.filter { $0.ratedBy == .undecided }.map { "\($0.indicator) \($0.period)" }, ["CYPE8 FY2023-24", "CYPE8 FY2024-25-Q1"])
        XCTAssertTrue(all.filter { $0.ratedBy == .undecided }.allSatisfy { $0.rag == nil })
        let redOrAmber = ds.report(ReportQuery(areas: ["E10000016"], rags: [.red, .amber], allPeriods: true))
        XCTAssertEqual(redOrAmber.map(\.period.description), ["2024-08", "2024-09"])
        XCTAssertEqual(ds.report(ReportQuery(group: "early help")).map(\.indicator), ["EH52"])
        XCTAssertEqual(ds.report(ReportQuery(indicator: "cype8")).map(\.period.description), ["FY2024-25-Q2"])
        XCTAssertEqual(ds.report(ReportQuery(areas: ["E92000001"])), [])
    }

    func testPublishedRAGDisagreeingWithTheRuleIsAWarningAtTheRagCell() throws {
        let result = try load()
        let ds = result.dataset
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        let w = try XCTUnwrap(warnings.first)
        XCTAssertTrue(w.path.hasSuffix("/observations.csv"))
        XCTAssertEqual(w.line, 8)
        XCTAssertEqual(w.column, 29, "the rag cell of 'E10000016,EH52,2024-10,75,,,GREEN'")
        XCTAssertTrue(w.message.hasPrefix("published RAG GREEN for EH52 disagrees with the rule (target missed: value 75, target 80, floor none"), w.message)
        let s = try XCTUnwrap(ds.seriesID(area: "E10000016", indicator: "EH52"))
        let r = try XCTUnwrap(ds.latestRow(series: s))
        XCTAssertEqual(ds.rag(row: r), .green, "the published RAG is shown")
        XCTAssertEqual(ds.publishedRAG(row: r), .green)
    }

    /// A floor in a row of observations.csv rates that row: EH52 has a target (80) and no floor
    /// of its own, so without one a missed target is undecided.
    func testAFloorInARowRatesThatRow() throws {
        let obs = """
            area,indicator,period,value,floor
            E10000016,EH52,2024-08,85,
            E10000016,EH52,2024-09,75,70
            E10000016,EH52,2024-10,65,70
            E10000016,EH52,2024-11,75,

            """
        let d = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": obs])
        defer { d.remove() }
        let ds = try XCTUnwrap(loadOrFail([d.path])).dataset
        let s = try XCTUnwrap(ds.seriesID(area: "E10000016", indicator: "EH52"))
        let rows = ds.rows(series: s).map(Int.init)
        XCTAssertEqual(rows.map { ds.rag(row: $0) }, [.green, .amber, .red, nil])
        XCTAssertEqual(rows.map { ds.ratingSource(row: $0) }, [.rule, .rule, .rule, .undecided])
    }

    func testPublishedDOTDisagreeingIsAWarningAtTheDotCell() throws {
        let obs = """
            area,indicator,period,value,rag,dot
            E10000016,SCS19,2024-09,80,,
            E10000016,SCS19,2024-10,85,G,↓

            """
        let d = try TempDataset(["areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": obs])
        defer { d.remove() }
        let result = try XCTUnwrap(loadOrFail([d.path]))
        XCTAssertEqual(result.diagnostics.map { "\($0.severity) \($0.line):\($0.column)" }, ["warning 3:30"])
        XCTAssertTrue(result.diagnostics[0].message.hasPrefix("published direction ↓ (worsened) for SCS19 disagrees"))
        let s = try XCTUnwrap(result.dataset.seriesID(area: "E10000016", indicator: "SCS19"))
        XCTAssertEqual(result.dataset.dot(row: try XCTUnwrap(result.dataset.latestRow(series: s))), .worsened)
    }

    func testCSVConventions() throws {
        // BOM, CRLF, upper-case column names in another order, surrounding spaces, blank lines and
        // an unknown column (warned about, ignored).
        let bom = "\u{FEFF}"
        let d = try TempDataset([
            "areas.csv": bom + "Name,CODE,Parent\r\nKent,K,\r\n\r\nAshford, A ,K\r\n",
            "indicators.csv": "code,name,polarity,period_type,target,floor,Comment\nI1,Indicator one,h,ms,85,75,hello\n",
            "observations.csv": "value,period,indicator,area\n 80 , 2024-10 ,I1,A\n\n",
        ])
        defer { d.remove() }
        let result = try XCTUnwrap(loadOrFail([d.path]))
        XCTAssertEqual(result.dataset.areas.map(\.code), ["K", "A"])
        XCTAssertEqual(result.dataset.area(code: "A")?.parent, "K")
        XCTAssertEqual(result.dataset.observation(area: "A", indicator: "I1", period: "2024-10")?.value, 80)
        XCTAssertEqual(result.dataset.indicator("I1")?.polarity, .high)
        let warnings = result.diagnostics.map(\.description)
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasSuffix("indicators.csv:1:45: warning: unknown column 'comment' is ignored (known columns: code, name, polarity, period_type, group, unit, decimals, target, floor, target_low, target_high, definition, source, target_areas, missed_target)"), warnings[0])
    }

    func testOptionalFilesLoad() throws {
        let d = try TempDataset([
            "areas.csv": Self.areas, "indicators.csv": Self.indicators, "observations.csv": Self.observations,
            "benchmarks.csv": "indicator,comparator,period,value,source\nSCS19,England,2023,82.1,DfE\nSCS19,England,2024,83.0,\nSCS19,South East,2024,,\n",
            "providers.csv": "code,name,note\nKCHFT,Kent Community Health NHS Foundation Trust,\n",
            "coverage.csv": "provider,area,service\nKCHFT,E07000105,SLT\n",
            "waits.csv": "provider,area,service,measure,period,value\nKCHFT,E07000105,SLT,waiting_assessment,2024-10,412\n",
        ])
        defer { d.remove() }
        let ds = try XCTUnwrap(loadOrFail([d.path])).dataset
        XCTAssertEqual(ds.benchmarks.count, 3)
        XCTAssertEqual(ds.benchmark(indicator: "SCS19", comparator: "England", period: "2023")?.value, 82.1)
        XCTAssertEqual(ds.latestBenchmarks(indicator: "SCS19").map { "\($0.comparator) \($0.period) \($0.value.map { "\($0)" } ?? "-")" },
                       ["England 2024 83.0", "South East 2024 -"])
        XCTAssertEqual(ds.providers.map(\.code), ["KCHFT"])
        XCTAssertEqual(ds.providers(serving: "E07000105").map(\.provider), ["KCHFT"])
        XCTAssertEqual(ds.waits.first?.value, 412)
        XCTAssertEqual(ds.waits.first?.line, 2)
        XCTAssertEqual(ds.files.map { ($0 as NSString).lastPathComponent },
                       ["areas.csv", "indicators.csv", "observations.csv", "benchmarks.csv", "providers.csv", "coverage.csv", "waits.csv"])
    }

    // MARK: Merging

    func testMergingTwoDirectories() throws {
        let b = try TempDataset([
            // Kent again (identical), plus Medway whose parent is in the other directory.
            "areas.csv": "code,name,parent\nE10000016,Kent,E92000001\nE06000035,Medway,E92000001\n",
            "indicators.csv": "code,name,polarity,period_type,target\nEY2,Good level of development,H,A,70\n",
            "observations.csv": "area,indicator,period,value\nE06000035,EY2,2023,65.2\nE10000016,EY2,2023,71.0\nE06000035,SCS19,2024-10,90\n",
        ])
        defer { b.remove() }
        let ds = try XCTUnwrap(loadOrFail([dataset.path, b.path])).dataset
        XCTAssertEqual(ds.areas.map(\.code), ["E92000001", "E10000016", "E07000105", "E06000035"])
        XCTAssertEqual(ds.indicators.map(\.code), ["SCS19", "EH52", "CYPE8", "EY2"])
        XCTAssertEqual(ds.observationCount, 13)
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "EY2", period: "2023")?.value, 71)
        XCTAssertEqual(ds.observation(area: "E06000035", indicator: "SCS19", period: "2024-10")?.value, 90)
        XCTAssertEqual(ds.report(ReportQuery(areas: ["E10000016"])).map(\.indicator), ["SCS19", "EH52", "CYPE8", "EY2"])
        XCTAssertEqual(ds.files.count, 6)
    }

    func testConflictingIndicatorDefinitionNamesBothFiles() throws {
        let b = try TempDataset([
            "areas.csv": "code,name,parent\nE10000016,Kent,E92000001\n",
            "indicators.csv": "code,name,group,polarity,period_type,unit,decimals,target,floor\nSCS19,Assessments completed within 45 working days,Social Care,H,MS,percent,1,90,75\n",
            "observations.csv": "area,indicator,period,value\n",
        ])
        defer { b.remove() }
        let failure = try XCTUnwrap(loadFailure([dataset.path, b.path]))
        XCTAssertFalse(failure.missingInput)
        let e = try XCTUnwrap(failure.errors.first)
        XCTAssertEqual(e.path, b.path + "/indicators.csv")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 1)
        XCTAssertTrue(e.message.hasPrefix("indicator 'SCS19' is already defined differently at "), e.message)
        XCTAssertTrue(e.message.contains(dataset.path + "/indicators.csv:2"), e.message)
    }

    func testConflictingAreaNamesBothFiles() throws {
        let b = try TempDataset([
            "areas.csv": "code,name,parent\nE10000016,Kent County Council,E92000001\n",
            "indicators.csv": "code,name,polarity,period_type\nX1,Extra,H,A\n",
            "observations.csv": "area,indicator,period,value\n",
        ])
        defer { b.remove() }
        let failure = try XCTUnwrap(loadFailure([dataset.path, b.path]))
        let e = try XCTUnwrap(failure.errors.first)
        XCTAssertEqual(e.path, b.path + "/areas.csv")
        XCTAssertTrue(e.message.hasPrefix("area 'E10000016' is already defined differently at \(dataset.path)/areas.csv:3"), e.message)
    }

    /// A provider defined the same in two directories is one provider; defined differently, an
    /// error naming both files.
    func testProvidersJoinAcrossDirectoriesWhenIdentical() throws {
        func directory(_ providerName: String) throws -> TempDataset {
            try TempDataset([
                "areas.csv": "code,name,parent\nE10000016,Kent,\n",
                "indicators.csv": "code,name,polarity,period_type\nX1,Extra,H,A\n",
                "observations.csv": "area,indicator,period,value\n",
                "providers.csv": "code,name,note\nKCHFT,\(providerName),community trust\n",
                "waits.csv": "provider,area,service,measure,period,value\n",
            ], function: providerName)
        }
        let a = try directory("Kent Community Health NHS Foundation Trust")
        let b = try directory("Kent Community Health NHS Foundation Trust")
        let c = try directory("Kent Community Health")
        defer { a.remove(); b.remove(); c.remove() }
        let joined = try XCTUnwrap(loadOrFail([a.path, b.path]))
        XCTAssertEqual(joined.dataset.providers.map(\.code), ["KCHFT"])
        let failure = try XCTUnwrap(loadFailure([a.path, c.path]))
        let e = try XCTUnwrap(failure.errors.first)
        XCTAssertEqual(e.path, c.path + "/providers.csv")
        XCTAssertEqual(e.message, "provider 'KCHFT' is already defined differently at \(a.path)/providers.csv:2")
    }

    func testDuplicateObservationAcrossDirectories() throws {
        let b = try TempDataset([
            "areas.csv": "code,name,parent\nE10000016,Kent,E92000001\n",
            "indicators.csv": "code,name,polarity,period_type\nX1,Extra,H,A\n",
            "observations.csv": "area,indicator,period,value\nE10000016,SCS19,2024-09,74\n",
        ])
        defer { b.remove() }
        let failure = try XCTUnwrap(loadFailure([dataset.path, b.path]))
        let e = try XCTUnwrap(failure.errors.first)
        XCTAssertEqual(e.path, b.path + "/observations.csv")
        XCTAssertEqual(e.line, 2)
        XCTAssertTrue(e.message.hasPrefix("duplicate observation for E10000016, SCS19, 2024-09 (first at \(dataset.path)/observations.csv:4)"), e.message)
    }

    // MARK: Failures

    func testMissingDirectory() throws {
        let failure = try XCTUnwrap(loadFailure(["/nonexistent/ragtop-data"]))
        XCTAssertTrue(failure.missingInput)
        XCTAssertEqual(failure.errors.map(\.description), ["/nonexistent/ragtop-data:1:1: error: dataset directory not found"])
        let file = dataset.path + "/areas.csv"
        let notDir = try XCTUnwrap(loadFailure([file]))
        XCTAssertTrue(notDir.missingInput)
        XCTAssertTrue(notDir.errors[0].message.hasPrefix("not a directory"))
    }

    func testEveryErrorIsReportedNotJustTheFirst() throws {
        let d = try TempDataset([
            "areas.csv": Self.areas, "indicators.csv": Self.indicators,
            "observations.csv": "area,indicator,period,value\nE10000016,SCS19,2024-13,1\nE99,SCS19,2024-10,x\nE10000016,NOPE,2024-10,1,2\n",
        ])
        defer { d.remove() }
        let failure = try XCTUnwrap(loadFailure([d.path]))
        XCTAssertEqual(failure.errors.map { "\($0.line):\($0.column)" }, ["2:17", "3:1", "3:19", "4:26"])
    }

    func testInvalidUTF8InARequiredCellIsReportedOnce() throws {
        let d = try TempDataset(bytes: [
            "areas.csv": Array("code,name,parent\nE1,England,\n".utf8) + [0x4B, 0xFF, 0x2C, 0x4B, 0x65, 0x6E, 0x74, 0x2C, 0x45, 0x31, 0x0A],
            "indicators.csv": Array(Self.indicators.utf8), "observations.csv": Array("area,indicator,period,value\n".utf8),
        ])
        defer { d.remove() }
        let failure = try XCTUnwrap(loadFailure([d.path]))
        XCTAssertEqual(failure.errors.map { "\($0.line):\($0.column) \($0.message)" }, ["3:1 invalid UTF-8 in cell"])
    }

    func testDiagnosticDescription() {
        let d = Diagnostic(.error, path: "data/observations.csv", line: 3, column: 24, "value: expected a number, found 'abc'")
        XCTAssertEqual(d.description, "data/observations.csv:3:24: error: value: expected a number, found 'abc'")
        XCTAssertEqual(Diagnostic(.warning, path: "a.csv", line: 0, column: 0, "m").description, "a.csv:1:1: warning: m")
    }

    func testControlCharactersInDataNeverReachMessages() throws {
        let d = try TempDataset([
            "areas.csv": Self.areas, "indicators.csv": Self.indicators,
            "observations.csv": "area,indicator,period,value\nE\u{1B}[31mX,SCS19,2024-10,1\n",
        ])
        defer { d.remove() }
        let failure = try XCTUnwrap(loadFailure([d.path]))
        XCTAssertFalse(failure.description.contains("\u{1B}"))
        XCTAssertTrue(failure.errors[0].message.contains("<U+1B>"), failure.errors[0].message)
    }

    func testLoadingNeverWrites() throws {
        let before = try snapshot(dataset.url)
        _ = try load()
        _ = loadFailure([dataset.path, "/nonexistent"])
        XCTAssertEqual(try snapshot(dataset.url), before)
    }

    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }
}
