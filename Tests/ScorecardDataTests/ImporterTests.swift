import Foundation
import XCTest
@testable import ScorecardData

// Tests of the importers (Sources/ScorecardData/Importers) on the small files in
// Fixtures/importers/, and of the bundled national dataset built with them.

private let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let kentDir = repoRoot.appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path
private let nationalDir = repoRoot.appendingPathComponent("Sources/ragtop/Resources/national").path

private func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("importers").appendingPathComponent(name)))
}

private func ees(_ name: String, _ options: EESImporter.Options, file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
    do {
        return try EESImporter.run(bytes: try fixture(name), path: name, options: options)
    } catch let failure as ImportFailure {
        XCTFail("import failed:\n\(failure.description)", file: file, line: line)
        throw failure
    }
}

private func eesText(_ text: String, _ options: EESImporter.Options) -> Result<ImportResult, ImportFailure> {
    Result { () throws(ImportFailure) in try EESImporter.run(bytes: Array(text.utf8), path: "t.csv", options: options) }
}

private func nhs(_ name: String, _ options: NHSCHSImporter.Options = .init(), file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
    do {
        return try NHSCHSImporter.run(bytes: try fixture(name), path: name, options: options)
    } catch let failure as ImportFailure {
        XCTFail("import failed:\n\(failure.description)", file: file, line: line)
        throw failure
    }
}

private func failure<T>(_ r: Result<T, ImportFailure>, file: StaticString = #filePath, line: UInt = #line) -> ImportFailure? {
    switch r {
    case .success: XCTFail("expected the import to fail", file: file, line: line); return nil
    case .failure(let f): return f
    }
}

private func obs(_ files: DatasetFiles, _ area: String, _ period: String) -> Observation? {
    files.observations.first { $0.area == area && $0.period.description == period }
}

/// A fresh temporary directory path (not created).
private func tempPath(_ tag: String = #function) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("ragtop-import-\(tag.filter { $0.isLetter })-\(UUID().uuidString)").path
}

private let timeliness = EESImporter.Options(measure: "pc_plans_issued_within_20_weeks", indicator: "EHCP20-CY",
                                             name: "EHCPs issued within 20 weeks", unit: "percent", decimals: 1,
                                             numerator: "plans_issued_within_20_weeks", denominator: "plans_issued_den")

final class EESImporterTests: XCTestCase {
    // MARK: Headline rows, BOM, quoted fields

    func testHeadlineRowsAreChosenForEachFilterColumn() throws {
        let r = try ees("ees-timeliness.csv", timeliness)
        let f = r.files
        XCTAssertEqual(obs(f, "E10000016", "2024")?.value, 32.3)
        XCTAssertEqual(obs(f, "E10000016", "2024")?.numerator, 784)
        XCTAssertEqual(obs(f, "E10000016", "2024")?.denominator, 2424)
        XCTAssertEqual(obs(f, "E92000001", "2024")?.value, 45.9)
        XCTAssertEqual(obs(f, "E12000008", "2024")?.value, 37.9)
        XCTAssertEqual(obs(f, "E10000016", "2023")?.value, 18)
        // One observation per area and period: the Sex breakdown rows are left out.
        XCTAssertEqual(f.observations.count, 12)
        XCTAssertEqual(Set(f.observations.map(\.indicator)), ["EHCP20-CY"])
        XCTAssertTrue(r.summary[0].contains("breakdown_topic = All EHC plans issued"), r.summary[0])
        XCTAssertEqual(obs(f, "E10000016", "2024")?.source, "ees-timeliness.csv:14")
        // The Local authority district row is skipped, with a warning.
        XCTAssertNil(f.areas.first { $0.code == "E07000105" })
        XCTAssertTrue(r.warnings.contains { $0.message.contains("'Local authority district' skipped") })
    }

    func testAreasFormTheEnglandRegionLocalAuthorityHierarchy() throws {
        let f = try ees("ees-timeliness.csv", timeliness).files
        let byCode = Dictionary(uniqueKeysWithValues: f.areas.map { ($0.code, $0) })
        XCTAssertEqual(byCode["E92000001"], Area(code: "E92000001", name: "England", parent: nil, kind: "country"))
        XCTAssertEqual(byCode["E12000008"], Area(code: "E12000008", name: "South East", parent: "E92000001", kind: "region"))
        XCTAssertEqual(byCode["E10000016"], Area(code: "E10000016", name: "Kent", parent: "E12000008", kind: "la"))
        // South West has no Regional row: it comes from its local authorities' region columns.
        XCTAssertEqual(byCode["E12000009"]?.parent, "E92000001")
        // A quoted name with a comma, from a file that starts with a byte-order mark.
        XCTAssertEqual(byCode["E06000023"]?.name, "Bristol, City of")
        XCTAssertEqual(f.areas.first?.code, "E92000001", "parents come before their children")
    }

    func testSuppressionSymbolsBecomeEmptyValuesWithTheReasonInTheNote() throws {
        let f = try ees("ees-timeliness.csv", timeliness).files
        let expected: [(String, String, String)] = [
            ("E06000035", "2024", "suppressed (c)"), ("E06000035", "2023", "rounds to zero (low)"),
            ("E06000053", "2024", "not available (x)"), ("E06000053", "2023", "not applicable (z)"),
            ("E06000023", "2023", "rounds to zero (~)"),
        ]
        for (area, period, note) in expected {
            let o = obs(f, area, period)
            XCTAssertNotNil(o, "\(area) \(period)")
            XCTAssertNil(o?.value, "\(area) \(period)")
            XCTAssertEqual(o?.note, note, "\(area) \(period)")
        }
        XCTAssertEqual(["E06000035 2024", "E06000035 2023", "E06000053 2024", "E06000053 2023", "E06000023 2023"].map { key -> ObservationStatus? in
            let parts = key.split(separator: " ").map(String.init)
            return obs(f, parts[0], parts[1])?.status
        }, [.suppressed, .low, .notAvailable, .notApplicable, .low])
        XCTAssertNil(obs(f, "E06000023", "2024")?.status, "a figure has no status")
        // Symbols in the numerator and denominator columns are empty too (u and : for Bristol 2023).
        XCTAssertNil(obs(f, "E06000023", "2023")?.numerator)
        XCTAssertNil(obs(f, "E06000023", "2023")?.denominator)
        XCTAssertEqual(obs(f, "E06000023", "2024")?.value, 40)
    }

    func testSymbolTable() {
        for (cell, note) in [("c", "suppressed (c)"), ("x", "not available (x)"), ("z", "not applicable (z)"),
                             ("low", "rounds to zero (low)"), ("LOW", "rounds to zero (LOW)"), ("u", "low reliability (u)"),
                             (":", "not available (:)"), ("~", "rounds to zero (~)"), (".", "not applicable (.)"),
                             ("..", "not available (..)"), ("[c]", "suppressed ([c])"), (" x ", "not available (x)"),
                             ("NA", "not available (NA)")] {
            XCTAssertEqual(MissingValueSymbol.note(for: cell), note, cell)
        }
        for cell in ["", "12", "y", "cc", "[]", "abc"] {
            XCTAssertNil(MissingValueSymbol.note(for: cell), cell)
            XCTAssertNil(MissingValueSymbol.status(for: cell), cell)
        }
        for (cell, status) in [("c", ObservationStatus.suppressed), ("x", .notAvailable), ("z", .notApplicable), ("low", .low),
                               ("u", .lowReliability), ("[c]", .suppressed), ("*", .suppressed), ("SUPP", .suppressed),
                               (":", .notAvailable), ("..", .notAvailable), ("-", .notAvailable), ("NA", .notAvailable),
                               ("n/a", .notAvailable), (".", .notApplicable), ("~", .low), (" U ", .lowReliability)] {
            XCTAssertEqual(MissingValueSymbol.status(for: cell), status, cell)
        }
    }

    /// Every DfE symbol in a measure cell becomes an empty value with its status, and a written
    /// and reloaded dataset keeps the status; the report carries it.
    func testEverySymbolKeepsItsStatusThroughWritingAndReport() throws {
        var o = timeliness
        o.numerator = nil
        let r = try ees("ees-symbols.csv", o)
        let expected: [(String, ObservationStatus?)] = [
            ("E10000016", nil), ("E06000035", .suppressed), ("E10000011", .notAvailable), ("E10000014", .notApplicable),
            ("E06000036", .low), ("E06000037", .lowReliability), ("E06000038", .notAvailable),
        ]
        for (area, status) in expected {
            XCTAssertEqual(obs(r.files, area, "2024")?.status, status, area)
        }
        XCTAssertTrue(r.summary.contains("6 empty values: 1 low reliability (u), 1 not applicable (z), 1 not available ([x]), 1 not available (x), 1 rounds to zero (low), 1 suppressed (c)"), "\(r.summary)")
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try DatasetWriter.write(r.files, to: out, replacing: false)
        let written = try String(contentsOfFile: out + "/observations.csv", encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("area,indicator,period,value,denominator,note,source,status\n"), written)
        XCTAssertTrue(written.contains("E06000037,EHCP20-CY,2024,,,low reliability (u),ees-symbols.csv:9,low-reliability\n"), written)
        guard let ds = loadOrFail([out])?.dataset else { return }
        let rows = ds.report(ReportQuery(allPeriods: true))
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rows.map { ($0.areaCode, $0.status?.name ?? "") }),
                       ["E92000001": "", "E12000008": "", "E10000016": "", "E06000035": "suppressed", "E10000011": "not-available",
                        "E10000014": "not-applicable", "E06000036": "low", "E06000037": "low-reliability", "E06000038": "not-available"])
        XCTAssertTrue(rows.allSatisfy { $0.status == nil || $0.value == nil })
    }

    // MARK: --filter

    func testFilterPicksABreakdownAndTheOtherFiltersFollow() throws {
        var o = timeliness
        o.filters = [EESImporter.Filter(argument: "BREAKDOWN=female")!]
        let r = try ees("ees-timeliness.csv", o)
        let f = r.files
        XCTAssertEqual(obs(f, "E92000001", "2024")?.value, 46.7)
        XCTAssertEqual(obs(f, "E10000016", "2024")?.value, 37.5)
        XCTAssertEqual(obs(f, "E06000023", "2024")?.note, "suppressed ([c])")
        XCTAssertEqual(f.observations.count, 4)
        // breakdown_topic has only 'Sex' among the Female rows, so it needs no --filter.
        XCTAssertTrue(r.summary[0].contains("breakdown = Female"), r.summary[0])
        XCTAssertTrue(r.summary[0].contains("breakdown_topic = Sex"), r.summary[0])
        XCTAssertTrue(f.indicators[0].definition?.contains("breakdown = Female") ?? false)
    }

    func testFilterWithAValueNoRowHasNamesTheValues() {
        var o = timeliness
        o.filters = [EESImporter.Filter(column: "breakdown", value: "Unknown")]
        guard let f = failure(eesText(String(decoding: try! fixture("ees-timeliness.csv"), as: UTF8.self), o)) else { return }
        XCTAssertEqual(f.errors.first?.description.hasPrefix("t.csv:1:12: error: --filter breakdown=Unknown: no row has that value"), true, f.description)
        XCTAssertTrue(f.description.contains("'Female'"), f.description)
    }

    func testFilterColumnWithoutATotalAsksForAFilter() {
        let text = """
        time_period,time_identifier,geographic_level,country_code,country_name,phase,value
        2024,Calendar year,National,E92000001,England,Primary,1
        2024,Calendar year,National,E92000001,England,Secondary,2

        """
        guard let f = failure(eesText(text, .init(measure: "value", indicator: "V"))) else { return }
        XCTAssertTrue(f.description.contains("t.csv:1:6: error: filter column 'phase' has no 'All …' or 'Total' value"), f.description)
        XCTAssertTrue(f.description.contains("--filter phase=VALUE"), f.description)
        // With the filter it imports.
        var o = EESImporter.Options(measure: "value", indicator: "V")
        o.filters = [.init(column: "phase", value: "secondary")]
        guard case .success(let r) = eesText(text, o) else { return XCTFail("should import") }
        XCTAssertEqual(r.files.observations.map(\.value), [2])
    }

    func testRepeatedAreaAndPeriodNamesTheColumnToFilter() {
        // 'phase' is numeric-looking, so it is not recognised as a filter: the duplicate says so.
        let text = """
        time_period,time_identifier,geographic_level,country_code,country_name,nc_year,value
        2024,Calendar year,National,E92000001,England,7,1
        2024,Calendar year,National,E92000001,England,8,2

        """
        guard let f = failure(eesText(text, .init(measure: "value", indicator: "V"))) else { return }
        XCTAssertTrue(f.description.hasPrefix("t.csv:3:1: error: a second row for E92000001 (England) in 2024, first at line 2"), f.description)
        XCTAssertTrue(f.description.contains("nc_year ('7' vs '8')"), f.description)
        XCTAssertTrue(f.description.contains("--filter nc_year=VALUE"), f.description)
        var o = EESImporter.Options(measure: "value", indicator: "V")
        o.filters = [.init(column: "NC_Year", value: "8")]
        guard case .success(let r) = eesText(text, o) else { return XCTFail("should import") }
        XCTAssertEqual(r.files.observations.map(\.value), [2])
    }

    // MARK: Column spellings

    func testMeasureNamesMatchIgnoringCaseAndPunctuation() throws {
        for spelling in ["pc_plans_issued_within_20_weeks", "PC_PLANS_ISSUED_WITHIN_20_WEEKS", "Pc Plans Issued Within 20 Weeks"] {
            var o = timeliness
            o.measure = spelling
            let f = try ees("ees-timeliness.csv", o).files
            XCTAssertEqual(obs(f, "E10000016", "2024")?.value, 32.3, spelling)
        }
    }

    func testALaterReleaseWithRenamedColumnsAndLabels() throws {
        // Header quoted and re-cased, la_code for new_la_code, no old_la_code, "Total" labels,
        // "Calendar Year", CRLF line ends and a renamed measure given in lower case.
        let r = try ees("ees-renamed.csv", .init(measure: "pc_plans_issued_within_20weeks", indicator: "EHCP20-CY",
                                                 denominator: "plans_issued_den"))
        let f = r.files
        XCTAssertEqual(obs(f, "E10000016", "2024")?.value, 32.3)
        XCTAssertEqual(obs(f, "E10000016", "2024")?.denominator, 2424)
        XCTAssertEqual(obs(f, "E92000001", "2024")?.value, 45.9)
        XCTAssertEqual(f.areas.map(\.code), ["E92000001", "E12000008", "E10000016"])
        XCTAssertEqual(f.indicators[0].name, "PC_Plans_Issued_Within_20Weeks", "the default name is the column as written")
        XCTAssertTrue(r.summary[0].contains("Breakdown = Total"), r.summary[0])
    }

    func testMissingMeasureColumnNamesTheAvailableColumns() {
        guard let f = failure(eesText(String(decoding: try! fixture("ees-timeliness.csv"), as: UTF8.self),
                                      .init(measure: "pc_plans_issued_20_weeks", indicator: "X"))) else { return }
        XCTAssertEqual(f.errors.count, 1)
        let message = f.errors[0].description
        XCTAssertTrue(message.hasPrefix("t.csv:1:1: error: no measure column 'pc_plans_issued_20_weeks' in the header; available columns: "), message)
        XCTAssertTrue(message.contains("'pc_plans_issued_within_20_weeks'"), message)
        XCTAssertFalse(message.contains("'la_name'"), "geography columns are not offered as measures")
    }

    func testAmbiguousMeasureSpelling() {
        let text = "time_period,time_identifier,geographic_level,country_code,country_name,pc_x,PC_X\n2024,Calendar year,National,E92000001,England,1,2\n"
        guard let f = failure(eesText(text, .init(measure: "Pc_x", indicator: "X"))) else { return }
        XCTAssertTrue(f.description.contains("is ambiguous"), f.description)
        guard case .success(let r) = eesText(text, .init(measure: "PC_X", indicator: "X")) else { return XCTFail("exact spelling wins") }
        XCTAssertEqual(r.files.observations.first?.value, 2)
    }

    func testDescribeListsFiltersWithTheirHeadlineAndMeasures() throws {
        let lines = try EESImporter.describe(bytes: try fixture("ees-timeliness.csv"), path: "ees-timeliness.csv")
        XCTAssertEqual(lines[0], "ees-timeliness.csv: 20 rows, 15 columns")
        XCTAssertTrue(lines[1].contains("geographic_level (National, Regional, Local authority, Local authority district)"), lines[1])
        XCTAssertTrue(lines.contains("  breakdown_topic: All EHC plans issued*, Sex"), "\(lines)")
        XCTAssertTrue(lines.contains("  breakdown: All EHC plans issued*, Female, Male"), "\(lines)")
        XCTAssertTrue(lines.contains("  pc_plans_issued_within_20_weeks: 13 numbers (e.g. 49.1), 1 [c], 1 c, 1 low, 1 x, 1 z, 1 ~"), "\(lines)")
    }

    // MARK: Periods

    func testAcademicYears() throws {
        let r = try ees("ees-academic.csv", .init(measure: "pc_persistent_absence", indicator: "PA", polarity: .low))
        let f = r.files
        XCTAssertEqual(obs(f, "E92000001", "AY2022-23")?.value, 22.3)
        XCTAssertEqual(obs(f, "E92000001", "AY2023-24")?.value, 20.7)
        XCTAssertEqual(obs(f, "E10000016", "AY2023-24")?.value, 21.9)
        XCTAssertEqual(f.indicators[0].periodType, .annual)
        XCTAssertEqual(f.indicators[0].polarity, .low)
        XCTAssertTrue(r.summary[0].contains("school_type = Total"))
    }

    func testFinancialYears() throws {
        let f = try ees("ees-financial.csv", .init(measure: "expenditure_per_pupil", indicator: "EPP")).files
        XCTAssertEqual(obs(f, "E92000001", "FY2023-24")?.value, 7460)
        XCTAssertEqual(obs(f, "E10000016", "FY2024-25")?.value, 7390)
        XCTAssertEqual(f.indicators[0].decimals, 0)
    }

    func testPeriodMapping() {
        let cases: [(String, String?, String)] = [
            ("2024", "Calendar year", "2024"), ("2024", "calendar  YEAR", "2024"), ("2024", nil, "2024"),
            ("202324", "Academic year", "AY2023-24"), ("2023/24", "Academic year", "AY2023-24"),
            ("199900", "Academic year", "AY1999-00"), ("202425", "Financial year", "FY2024-25"),
            ("202425", "Tax year", "FY2024-25"), ("202324", "Autumn term", "AY2023-24-Autumn"),
            ("202324", "Spring term", "AY2023-24-Spring"), ("202324", "Summer term", "AY2023-24-Summer"),
            ("2024", "January", "2024-01"), ("2024", "December", "2024-12"),
            ("202425", "Financial year Q2", "FY2024-25-Q2"), ("2024", "Calendar year Q1", "FY2023-24-Q4"),
            ("2024", "Quarter 2", "FY2024-25-Q1"), ("2024", "Reporting year", "2024"),
        ]
        for (period, id, expected) in cases {
            switch EESPeriod.map(period: period, identifier: id) {
            case .success(let p): XCTAssertEqual(p.description, expected, "\(period) \(id ?? "-")")
            case .failure(let e): XCTFail("\(period) \(id ?? "-"): \(e.message)")
            }
        }
        for (period, id) in [("202324", "Calendar year"), ("2024", "Academic year"), ("202326", "Academic year"),
                             ("2024", "Week 1"), ("202324", "Autumn and spring term"), ("202324", nil), ("24", "Calendar year"),
                             ("202324", "Academic year Q1")] {
            if case .success(let p) = EESPeriod.map(period: period, identifier: id) { XCTFail("\(period) \(id ?? "-") gave \(p)") }
        }
    }

    func testUnmappablePeriodNamesFileLineAndColumn() {
        let result = Result { () throws(ImportFailure) in
            try EESImporter.run(bytes: try! fixture("ees-bad-period.csv"), path: "ees-bad-period.csv", options: .init(measure: "enrolments", indicator: "X"))
        }
        guard let f = failure(result) else { return }
        XCTAssertEqual(f.errors.map(\.description), [
            "ees-bad-period.csv:3:1: error: cannot map time_period '2024' (time_identifier 'Week 12') to a period: ragtop has calendar, academic and financial years, school terms, financial quarters and months; this time_identifier is none of them",
        ])
    }

    // MARK: Errors with file:line:col

    func testBadValueAndRaggedRowAndUnterminatedQuote() {
        let head = "time_period,time_identifier,geographic_level,country_code,country_name,value\n"
        var f = failure(eesText(head + "2024,Calendar year,National,E92000001,England,12%\n", .init(measure: "value", indicator: "V")))
        XCTAssertEqual(f?.errors.first?.description, "t.csv:2:47: error: value: expected a number, found '12%': write percentages without '%' (or a DfE symbol such as x, c, z, low)")
        f = failure(eesText(head + "2024,Calendar year,National,E92000001,England\n", .init(measure: "value", indicator: "V")))
        XCTAssertEqual(f?.errors.first?.description.hasPrefix("t.csv:2:"), true)
        XCTAssertEqual(f?.errors.first?.description.contains("expected 6 cells as in the header, found 5"), true)
        f = failure(eesText(head + "2024,Calendar year,National,E92000001,\"England,1\n", .init(measure: "value", indicator: "V")))
        XCTAssertEqual(f?.errors.first?.description, "t.csv:2:39: error: unterminated quoted field: the closing '\"' is missing")
        f = failure(eesText("", .init(measure: "value", indicator: "V")))
        XCTAssertEqual(f?.errors.first?.description.hasPrefix("t.csv:1:1: error: empty file"), true)
        f = failure(eesText(head + "2024,Calendar year,National,,England,1\n", .init(measure: "value", indicator: "V")))
        XCTAssertEqual(f?.errors.first?.description, "t.csv:2:29: error: empty country_code on a National row: expected a GSS code such as E92000001")
        // A country or region name that is not UTF-8 is an error, not an area named by its code.
        var bytes = Array((head + "2024,Calendar year,National,E92000001,Eng\u{1}land,1\n").utf8)
        if let i = bytes.firstIndex(of: 1) { bytes[i] = 0xFF }
        f = failure(Result { () throws(ImportFailure) in try EESImporter.run(bytes: bytes, path: "t.csv", options: .init(measure: "value", indicator: "V")) })
        XCTAssertEqual(f?.errors.first?.description, "t.csv:2:39: error: invalid UTF-8 in country_name")
    }

    func testWithinKeepsAnAreaItsParentsAndItsChildren() throws {
        var o = timeliness
        o.within = ["E12000008"]
        let f = try ees("ees-timeliness.csv", o).files
        XCTAssertEqual(f.areas.map(\.code), ["E92000001", "E12000008", "E10000016", "E06000035"])
        XCTAssertEqual(Set(f.observations.map(\.area)), ["E92000001", "E12000008", "E10000016", "E06000035"])
        o.within = ["E99999999"]
        let r = Result { () throws(ImportFailure) in try EESImporter.run(bytes: try! fixture("ees-timeliness.csv"), path: "x.csv", options: o) }
        XCTAssertEqual(failure(r)?.description.contains("--within E99999999: no area with that code"), true)
    }

    // MARK: Round trip

    func testImportWriteLoadRoundTrip() throws {
        let f = try ees("ees-timeliness.csv", timeliness).files
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let written = try DatasetWriter.write(f, to: out, replacing: false)
        XCTAssertEqual(written.diagnostics, [])
        guard let ds = loadOrFail([out])?.dataset else { return }
        XCTAssertEqual(ds.areas.count, 7)
        XCTAssertEqual(ds.observationCount, 12)
        let kent = ds.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2024")
        XCTAssertEqual(kent?.value, 32.3)
        XCTAssertEqual(kent?.numerator, 784)
        XCTAssertEqual(ds.observation(area: "E06000035", indicator: "EHCP20-CY", period: "2024")?.note, "suppressed (c)")
        XCTAssertEqual(ds.indicator("EHCP20-CY")?.unit, "percent")
        XCTAssertEqual(ds.indicator("EHCP20-CY")?.periodType, .annual)
        XCTAssertEqual(ds.area(code: "E06000023")?.name, "Bristol, City of")
        // Read back, the rows are the same.
        XCTAssertEqual(DatasetFiles(dataset: ds), f)
        // The whole report for Kent reads as the source.
        let rows = ds.report(ReportQuery(areas: ["E10000016"], indicator: "EHCP20-CY", allPeriods: true))
        XCTAssertEqual(rows.map { ValueFormatter.display($0.value, decimals: $0.decimals) }, ["18.0", "32.3"])
    }

    func testWriterRefusesAnExistingDirectoryAndReplacesOnlyDatasetFiles() throws {
        let f = try ees("ees-financial.csv", .init(measure: "expenditure_per_pupil", indicator: "EPP")).files
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try DatasetWriter.write(f, to: out, replacing: false)
        try "keep me".write(toFile: out + "/README.txt", atomically: true, encoding: .utf8)
        try "provider,area,service,measure,period,value\n".write(toFile: out + "/waits.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetWriter.write(f, to: out, replacing: false)) { error in
            guard case DatasetWriter.Failure.exists = error else { return XCTFail("\(error)") }
        }
        var g = f
        g.observations.removeLast()
        try DatasetWriter.write(g, to: out, replacing: true)
        XCTAssertEqual(try String(contentsOfFile: out + "/README.txt", encoding: .utf8), "keep me")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/waits.csv"), "a dataset file the import does not write is removed")
        XCTAssertEqual(loadOrFail([out])?.dataset.observationCount, 3)
        let outURL = URL(fileURLWithPath: out)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: outURL.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("." + outURL.lastPathComponent) }
        XCTAssertEqual(leftovers, [], "no temporary directory is left behind")
        // A file in the way.
        let file = tempPath("file")
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertThrowsError(try DatasetWriter.write(f, to: file, replacing: true))
    }

    func testWriterValidatesBeforeWriting() throws {
        var f = try ees("ees-financial.csv", .init(measure: "expenditure_per_pupil", indicator: "EPP")).files
        f.observations.append(Observation(area: "E06000035", indicator: "EPP", period: Period("2024")!, value: 1))
        let out = tempPath()
        XCTAssertThrowsError(try DatasetWriter.write(f, to: out, replacing: false)) { error in
            guard case DatasetWriter.Failure.invalid(let d) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(d.contains { $0.path == out + "/observations.csv" && $0.message.contains("unknown area 'E06000035'") }, "\(d)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(f.undefinedAreaReferences().map(\.code), ["E06000035"])
    }

    // MARK: Merging

    func testMergeTwoReleasesTheLaterImportWins() throws {
        let old = try ees("ees-timeliness.csv", timeliness).files
        var newer = try ees("ees-renamed.csv", .init(measure: "pc_plans_issued_within_20weeks", indicator: "EHCP20-CY",
                                                     name: "EHCPs issued within 20 weeks", unit: "percent", decimals: 1)).files
        newer.observations[0].value = 46.0 // England 2024, to see which wins
        let (merged, counts) = old.merging(newer)
        XCTAssertEqual(counts, DatasetFiles.MergeCounts(added: 0, replaced: 3, changedValues: 1))
        XCTAssertEqual(obs(merged, "E92000001", "2024")?.value, 46.0)
        XCTAssertEqual(obs(merged, "E92000001", "2023")?.value, 49.1, "rows the newer file lacks are kept")
        XCTAssertEqual(merged.observations.count, 12)
        XCTAssertEqual(merged.indicators.count, 1)
        let definition = merged.indicators[0].definition ?? ""
        XCTAssertTrue(definition.contains("ees-timeliness.csv") && definition.contains("ees-renamed.csv"), definition)
        XCTAssertEqual(merged.areas.count, 7)
    }

    func testImportedDatasetMergesWithTheBundledKentData() throws {
        let f = try ees("ees-timeliness.csv", timeliness).files
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try DatasetWriter.write(f, to: out, replacing: false)
        guard let result = loadOrFail([kentDir, out]) else { return }
        let ds = result.dataset
        // England, South East and Kent are defined in both and join by code.
        for code in ["E92000001", "E12000008", "E10000016"] {
            XCTAssertEqual(ds.areas.filter { $0.code == code }.count, 1, code)
        }
        XCTAssertEqual(ds.area(code: "E10000016")?.kind, "county", "the first directory's definition is kept")
        XCTAssertEqual(ds.areas.count, 15 + 4, "Kent's 15 areas plus South West, Medway, Bristol and Scilly")
        XCTAssertEqual(ds.children(of: "E12000008").map(\.code), ["E10000016", "E06000035"])
        // Kent now has its scorecard figures and the imported national series side by side.
        XCTAssertNotNil(ds.observation(area: "E10000016", indicator: "APP17", period: "2024-10"))
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2024")?.value, 32.3)
        XCTAssertEqual(ds.observation(area: "E92000001", indicator: "EHCP20-CY", period: "2024")?.value, 45.9)
        XCTAssertFalse(result.diagnostics.contains { $0.path.hasPrefix(out) }, "the imported files load without warnings")
    }

    // MARK: Robustness

    func testMutatedInputNeverCrashes() throws {
        let base = try fixture("ees-timeliness.csv"), nhsBase = try fixture("nhs-chs-la.csv")
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("\",\n\r x0c.;-Q\u{0}é".utf8)
        for round in 0..<400 {
            var bytes = round % 2 == 0 ? base : nhsBase
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
            }
            let result = Result(catching: { () throws(ImportFailure) in
                round % 2 == 0 ? try EESImporter.run(bytes: bytes, path: "m.csv", options: timeliness)
                    : try NHSCHSImporter.run(bytes: bytes, path: "m.csv", options: .init())
            })
            switch result {
            case .success(let r): XCTAssertFalse(r.files.areas.isEmpty)
            case .failure(let f):
                XCTAssertFalse(f.errors.isEmpty)
                for d in f.errors { XCTAssertTrue(d.line >= 1 && d.column >= 1, d.description) }
            }
        }
    }
}

final class NHSCHSImporterTests: XCTestCase {
    private func wait(_ f: DatasetFiles, _ provider: String, _ service: String, _ measure: String, _ period: String) -> Wait? {
        f.waits.first { $0.provider == provider && $0.service == service && $0.measure == measure && $0.period.description == period }
    }

    private let kchft = "kent-community-health-nhs-foundation-trust"

    func testAllOrganisationsWithMeasuresServicesAndMonths() throws {
        let r = try nhs("nhs-chs-la.csv")
        let f = r.files
        XCTAssertEqual(f.providers.map(\.code), ["england", "south-east", "kent-and-medway", kchft, "medway-community-healthcare",
                                                 "medway-nhs-foundation-trust"])
        // Upper-case spellings of later months are the same organisation, named as in mixed case.
        XCTAssertEqual(f.providers.first { $0.code == kchft }?.name, "Kent Community Health NHS Foundation Trust")
        XCTAssertEqual(Set(f.waits.map(\.service)), ["SLT", "OT", "audiology", "community_paediatrics"])
        XCTAssertEqual(Set(f.waits.map(\.measure)), Set(NHSCHSImporter.measures))
        // Over 18 weeks = the 18-52 band + over 52.
        XCTAssertEqual(wait(f, "england", "SLT", "waiting_over_18_weeks", "2023-01")?.value, 20810 + 2980)
        XCTAssertEqual(wait(f, "england", "SLT", "waiting_total", "2023-01")?.value, 67774)
        XCTAssertEqual(wait(f, "england", "SLT", "waiting_over_52_weeks", "2023-03")?.value, 3200)
        XCTAssertEqual(wait(f, kchft, "SLT", "waiting_total", "2023-03")?.value, 811)
        XCTAssertEqual(wait(f, "england", "SLT", "waiting_total", "2023-01")?.area, "E92000001")
        // NA is an empty value with a note.
        let na = wait(f, "medway-nhs-foundation-trust", "SLT", "waiting_total", "2023-01")
        XCTAssertNil(na?.value)
        XCTAssertEqual(na?.note, "not available (NA)")
        // England is England whatever its Organisation Type says (NA, Organisation, National).
        XCTAssertEqual(f.waits.filter { $0.provider == "england" && $0.service == "SLT" && $0.measure == "waiting_total" }.map(\.period.description),
                       ["2023-01", "2023-02", "2023-03"])
        // Organisations not mapped to an area are areas of their own under England.
        XCTAssertEqual(f.areas.first { $0.code == "kent-and-medway" }, Area(code: "kent-and-medway", name: "Kent and Medway", parent: "E92000001", kind: "icb"))
        XCTAssertEqual(f.areas.first { $0.code == "south-east" }?.kind, "nhs_region")
        XCTAssertEqual(f.areas.first { $0.code == kchft }?.kind, "nhs_provider")
        XCTAssertTrue(r.summary[0].contains("services SLT, OT, audiology, community_paediatrics"), r.summary[0])
    }

    func testPercentageOver18WeeksIndicators() throws {
        let f = try nhs("nhs-chs-la.csv").files
        XCTAssertEqual(f.indicators.map(\.code), ["CHS-SLT-18W", "CHS-OT-18W", "CHS-AUDIOLOGY-18W", "CHS-COMMUNITY-PAEDIATRICS-18W"])
        let slt = f.indicators[0]
        XCTAssertEqual(slt.polarity, .low)
        XCTAssertEqual(slt.periodType, .monthlySnapshot)
        XCTAssertEqual(slt.unit, "percent")
        let england = f.observations.first { $0.area == "E92000001" && $0.indicator == "CHS-SLT-18W" && $0.period.description == "2023-01" }
        XCTAssertEqual(england?.value, 35.1)
        XCTAssertEqual(england?.numerator, 23790)
        XCTAssertEqual(england?.denominator, 67774)
        let medway = f.observations.first { $0.area == "medway-nhs-foundation-trust" }
        XCTAssertNil(medway?.value)
        XCTAssertEqual(medway?.note, "not available (NA)")
        XCTAssertEqual(medway?.status, .notAvailable, "the source's NA is kept as a status")
        XCTAssertNil(england?.status)
    }

    func testIdenticalServicesAreWarnedAboutAndNoted() throws {
        let r = try nhs("nhs-chs-la.csv")
        XCTAssertEqual(r.warnings.map(\.message), ["Kent Community Health NHS Foundation Trust: the SLT and OT figures are identical in all 3 months; the source may repeat one service's figures for the other"])
        XCTAssertEqual(wait(r.files, kchft, "OT", "waiting_total", "2023-02")?.note, "SLT and OT figures identical in every month in the source")
    }

    func testSelectedOrganisationsMappedToAreasAndServices() throws {
        let options = NHSCHSImporter.Options(
            providers: [NHSCHSImporter.Selection(argument: "england")!, NHSCHSImporter.Selection(argument: "KENT COMMUNITY HEALTH NHS  Foundation Trust=E10000016")!,
                        NHSCHSImporter.Selection(argument: "Medway Community Healthcare=E06000035")!],
            services: ["slt"], providerCodes: ["Kent Community Health NHS Foundation Trust": "RYY"])
        let f = try nhs("nhs-chs-la.csv", options).files
        XCTAssertEqual(f.providers.map(\.code), ["england", "RYY", "medway-community-healthcare"])
        XCTAssertEqual(Set(f.waits.map(\.service)), ["SLT"])
        XCTAssertEqual(wait(f, "RYY", "SLT", "waiting_total", "2023-01")?.area, "E10000016")
        XCTAssertEqual(f.areas.map(\.code), ["E92000001"])
        XCTAssertEqual(f.undefinedAreaReferences().map(\.code), ["E10000016", "E06000035"])
        XCTAssertEqual(f.indicators.map(\.code), ["CHS-SLT-18W"])
        // Merged into a dataset that has the areas, it loads.
        let areas = try ees("ees-timeliness.csv", timeliness).files
        let merged = areas.merging(f).files
        XCTAssertEqual(merged.undefinedAreaReferences().count, 0)
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let ds = try DatasetWriter.write(merged, to: out, replacing: false).dataset
        XCTAssertEqual(ds.waits.count, 3 * 3 + 3 * 3 + 3 * 3)
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "CHS-SLT-18W", period: "2023-01")?.value, 9.3)
        XCTAssertEqual(ds.observation(area: "E06000035", indicator: "CHS-SLT-18W", period: "2023-02")?.value, 37.7)
    }

    func testTwoOrganisationsAsOneAreaAreAdded() throws {
        let options = NHSCHSImporter.Options(providers: [.init(name: "Kent Community Health NHS Foundation Trust", area: "E92000001"),
                                                         .init(name: "Medway Community Healthcare", area: "E92000001")],
                                             services: ["SLT"])
        let f = try nhs("nhs-chs-la.csv", options).files
        let jan = f.observations.first { $0.period.description == "2023-01" }
        XCTAssertEqual(jan?.numerator, 83 + 159 + 3)
        XCTAssertEqual(jan?.denominator, 891 + 445)
        XCTAssertEqual(jan?.note, "sum of 2 organisations")
    }

    func testEnglandOnlyFileHasNoOrganisationColumns() throws {
        let f = try nhs("nhs-chs-england.csv").files
        XCTAssertEqual(f.providers.map(\.code), ["england"])
        XCTAssertEqual(f.areas.map(\.code), ["E92000001"])
        XCTAssertEqual(wait(f, "england", "SLT", "waiting_over_18_weeks", "2023-02")?.value, 24100)
        XCTAssertEqual(f.waits.count, 9)
        let out = tempPath()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let ds = try DatasetWriter.write(f, to: out, replacing: false).dataset
        XCTAssertEqual(ds.waits.count, 9)
        XCTAssertEqual(ds.observationCount, 3)
    }

    func testErrors() {
        func run(_ text: String, _ o: NHSCHSImporter.Options = .init()) -> ImportFailure? {
            failure(Result { () throws(ImportFailure) in try NHSCHSImporter.run(bytes: Array(text.utf8), path: "w.csv", options: o) })
        }
        let head = "Organisation Name,Date,Therapy,Total waiting list,Waiting >18-52 weeks,Waiting >52 weeks\n"
        XCTAssertEqual(run(head + "England,Smarch 2023,Audiology,1,2,3\n")?.errors.first?.description,
                       "w.csv:2:9: error: Date: 'Smarch 2023' is not a month: expected 2023-01-01, 2023-01 or January 2023")
        XCTAssertEqual(run(head + "England,2023-01,Audiology,1,many,3\n")?.errors.first?.description.hasPrefix("w.csv:2:29: error: Waiting >18-52 weeks: expected a number, found 'many'"), true)
        let unknown = run(head + "England,2023-01,Audiology,1,2,3\nKent Community Health NHS Foundation Trust,2023-01,Audiology,1,2,3\n",
                          .init(providers: [.init(name: "Kent Community Health")]))
        XCTAssertEqual(unknown?.errors.first?.description, "w.csv:1:1: error: --provider 'Kent Community Health': no organisation of that name in the file; similar: 'Kent Community Health NHS Foundation Trust'")
        XCTAssertEqual(run("Date,Therapy\n2023-01,SLT\n")?.errors.first?.message.hasPrefix("no waiting-list columns"), true)
        XCTAssertEqual(run(head + "England,2023-01,Audiology,1,2,3\n", .init(services: ["PT"]))?.errors.first?.message.hasPrefix("--service PT: no such service"), true)
        XCTAssertEqual(run(head + "England,2023-01,SLT,1,2,3\nEngland,2023-01,SLT,1,2,4\n")?.errors.first?.description,
                       "w.csv:3:1: error: a second row for England, SLT, 2023-01 with other figures (first at line 2)")
        // A negative count, and a name that is not UTF-8 (it used to read as empty, so as England).
        XCTAssertEqual(run(head + "England,2023-01,SLT,1,-2,3\n")?.errors.first?.description,
                       "w.csv:2:23: error: Waiting >18-52 weeks: -2 is negative: expected a number of children, 0 or more")
        var bytes = Array((head + "Kent \u{1}Trust,2023-01,SLT,1,2,3\n").utf8)
        if let i = bytes.firstIndex(of: 1) { bytes[i] = 0xFF }
        XCTAssertEqual(failure(Result { () throws(ImportFailure) in try NHSCHSImporter.run(bytes: bytes, path: "w.csv", options: .init()) })?
                        .errors.first?.description, "w.csv:2:1: error: invalid UTF-8 in Organisation Name")
    }

    func testServicesAndMonths() {
        XCTAssertEqual(NHSCHSImporter.service("Speech And Language").code, "SLT")
        XCTAssertEqual(NHSCHSImporter.service("Occupational Therapy").code, "OT")
        XCTAssertEqual(NHSCHSImporter.service("Physiotherapy").code, "PT")
        XCTAssertEqual(NHSCHSImporter.service("Audiology").code, "audiology")
        XCTAssertEqual(NHSCHSImporter.service("Community Paediatric Service").code, "community_paediatrics")
        XCTAssertEqual(NHSCHSImporter.service("Dietetics (children)").code, "dietetics_children")
        for (text, month) in [("2023-01-01", "2023-01"), ("2023-10", "2023-10"), (" January 2023", "2023-01"), ("Oct 2023", "2023-10"),
                              ("Oct-23", "2023-10"), ("2023-02-01T00:00:00", "2023-02")] {
            XCTAssertEqual(NHSCHSImporter.month(text)?.description, month, text)
        }
        for text in ["2023", "13/2023", "Smarch 2023", "2023-13-01"] { XCTAssertNil(NHSCHSImporter.month(text), text) }
    }
}

final class BundledNationalDataTests: XCTestCase {
    func testBundledNationalDataLoadsBesideKent() throws {
        guard let national = loadOrFail([nationalDir]) else { return }
        XCTAssertEqual(national.diagnostics, [], "the national dataset loads without warnings")
        guard let result = loadOrFail([kentDir, nationalDir]) else { return }
        let ds = result.dataset
        XCTAssertFalse(result.diagnostics.contains { $0.path.hasPrefix(nationalDir) }, "\(result.diagnostics.filter { $0.path.hasPrefix(nationalDir) })")
        for code in ["E92000001", "E12000008", "E10000016"] { XCTAssertEqual(ds.areas.filter { $0.code == code }.count, 1, code) }
        // The acceptance figures (DfE SEN2, timeliness_20_week_2019-2024.csv).
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2024")?.value, 32.3)
        XCTAssertEqual(ds.observation(area: "E92000001", indicator: "EHCP20-CY", period: "2024")?.value, 45.9)
        XCTAssertEqual(ds.observation(area: "E12000008", indicator: "EHCP20-CY", period: "2024")?.value, 37.9)
        // 2014-2018 from sen2_mi_2014-2021.csv; every year 2014-2024 once per area.
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2014")?.value, 11.5)
        guard let s = ds.seriesID(area: "E10000016", indicator: "EHCP20-CY") else { return XCTFail("no Kent series") }
        XCTAssertEqual(ds.rows(series: s).map { ds.period(row: Int($0)).description }, (2014...2024).map(String.init))
        // Where the releases overlap (2019-2021) the newer one is used.
        XCTAssertEqual(ds.observation(area: "E10000016", indicator: "EHCP20-CY", period: "2021")?.source, "timeliness_20_week_2019-2024.csv:465")
        // NHS community health waits for KCHFT, MCH and England, SLT and OT, Jan-Oct 2023.
        XCTAssertEqual(Set(ds.waits.filter { $0.source?.hasPrefix("la_ch") ?? false }.map(\.service)), ["SLT", "OT"])
        XCTAssertEqual(ds.waits.filter { $0.source?.hasPrefix("la_ch") ?? false }.count, 3 * 2 * 10 * 3)
        let kchft = ds.waits.first { $0.provider == "kent-community-health-nhs-foundation-trust" && $0.service == "SLT" && $0.measure == "waiting_total" && $0.period.description == "2023-01" }
        XCTAssertEqual(kchft?.value, 891)
        XCTAssertEqual(kchft?.area, "E10000016")
        let mch = ds.waits.first { $0.provider == "medway-community-healthcare" && $0.service == "SLT" && $0.measure == "waiting_over_18_weeks" && $0.period.description == "2023-01" }
        XCTAssertEqual(mch?.value, 159 + 3)
        XCTAssertEqual(mch?.area, "E06000035")
    }
}
