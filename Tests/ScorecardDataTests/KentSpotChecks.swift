import XCTest
import Foundation
@testable import ScorecardData

// Spot checks of the bundled Kent dataset (Sources/ragtop/Resources/kent-cype-2024-10, built by
// docs/tools/make_kent_dataset.py) against the printed sources. Every expected value was read
// from the seed line named in its comment, not from the generated CSVs:
//   001:LINE  shared/seeds/001_d4ce2142da2e6789.txt (CYPE Directorate Scorecard, Oct 2024;
//             second, full copy of the scorecard)
//   000:LINE  shared/seeds/000_c2b4821be0e719fa.txt (SEN therapy report 24/00008, Mar 2024)
//   002:LINE  shared/seeds/002_cabd00644c5058a6.txt (SEN therapy report 25/00032, Feb 2025)
// Period, comparator and team conventions are described in docs/data-sources.md.

private let kentDir = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10")

/// Loads the bundled dataset once for the whole test class.
private final class KentDatasetCache: @unchecked Sendable {
    static let shared = KentDatasetCache()
    private let lock = NSLock()
    private var dataset: Dataset?

    func get() throws -> Dataset {
        lock.lock()
        defer { lock.unlock() }
        if let dataset { return dataset }
        let result = try DatasetLoader.load(directory: kentDir.path)
        dataset = result.dataset
        return result.dataset
    }
}

// Area codes (ONS GSS).
private let kent = "E10000016"
private let ashford = "E07000105"
private let canterbury = "E07000106"
private let dartford = "E07000107"
private let dover = "E07000108"
private let gravesham = "E07000109"
private let maidstone = "E07000110"
private let sevenoaks = "E07000111"
private let folkestone = "E07000112"
private let swale = "E07000113"
private let thanet = "E07000114"
private let tonbridge = "E07000115"
private let tunbridgeWells = "E07000116"

final class KentSpotCheckTests: XCTestCase {
    private var ds: Dataset!

    override func setUpWithError() throws {
        try super.setUpWithError()
        ds = try KentDatasetCache.shared.get()
    }

    // MARK: Helpers

    private func near(_ got: Double?, _ want: Double, _ what: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        guard let got else {
            XCTFail("\(what): expected \(want), got nothing", file: file, line: line)
            return
        }
        XCTAssertEqual(got, want, accuracy: 1e-9, what, file: file, line: line)
    }

    /// Fetches one observation and checks the expectations given (nil = not checked).
    @discardableResult
    private func expect(_ area: String, _ indicator: String, _ period: String, team: String? = nil,
                        value: Double? = nil, numerator: Double? = nil, denominator: Double? = nil,
                        target: Double? = nil, rag: RAG? = nil, dot: DOT? = nil,
                        file: StaticString = #filePath, line: UInt = #line) -> Observation? {
        let key = "\(area) \(indicator) \(period) \(team ?? "-")"
        guard let o = ds.observation(area: area, indicator: indicator, period: period, team: team) else {
            XCTFail("no observation \(key)", file: file, line: line)
            return nil
        }
        if let value { near(o.value, value, "\(key) value", file: file, line: line) }
        if let numerator { near(o.numerator, numerator, "\(key) numerator", file: file, line: line) }
        if let denominator { near(o.denominator, denominator, "\(key) denominator", file: file, line: line) }
        if let target { near(o.target, target, "\(key) target", file: file, line: line) }
        if let rag { XCTAssertEqual(o.rag, rag, "\(key) rag", file: file, line: line) }
        if let dot { XCTAssertEqual(o.dot, dot, "\(key) dot", file: file, line: line) }
        return o
    }

    private func benchmark(_ indicator: String, _ comparator: String, _ period: String, _ want: Double,
                           file: StaticString = #filePath, line: UInt = #line) {
        let b = ds.benchmark(indicator: indicator, comparator: comparator, period: period)
        XCTAssertNotNil(b, "no benchmark \(indicator) \(comparator) \(period)", file: file, line: line)
        near(b?.value, want, "benchmark \(indicator) \(comparator) \(period)", file: file, line: line)
    }

    private func wait(_ provider: String, _ measure: String, _ period: String, service: String = "SLT",
                      area: String = kent, _ want: Double?,
                      file: StaticString = #filePath, line: UInt = #line) {
        let rows = ds.waits.filter {
            $0.provider == provider && $0.measure == measure && $0.period.description == period
                && $0.service == service && $0.area == area
        }
        XCTAssertEqual(rows.count, 1, "waits \(provider) \(service) \(measure) \(period) \(area)", file: file, line: line)
        guard let w = rows.first else { return }
        if let want {
            near(w.value, want, "wait \(provider) \(measure) \(period)", file: file, line: line)
        } else {
            XCTAssertNil(w.value, "wait \(provider) \(measure) \(period) should be not available", file: file, line: line)
        }
    }

    // MARK: The 25 spot-check facts of shared/data/kent-scorecard-2024-10/NOTES.md

    func testNotesFact01DoverAPP17() {
        // 001:1430 Dover APP17 Oct-24 = 58.3, 7/12, ↓, target 60, AMBER
        expect(dover, "APP17", "2024-10", value: 58.3, numerator: 7, denominator: 12, target: 60, rag: .amber, dot: .worsened)
    }

    func testNotesFact02KentSCS19AndFloor() {
        // 001:1047 Kent SCS19 Oct-24 = 73.1, 757/1,036, ↑, target 85.0, RED
        expect(kent, "SCS19", "2024-10", value: 73.1, numerator: 757, denominator: 1036, target: 85.0, rag: .red, dot: .improved)
        // 001:1109 "below the floor standard of 75.0%"
        near(ds.indicator("SCS19")?.floor, 75.0, "SCS19 floor")
    }

    func testNotesFact03KentSCS29() {
        // 001:1048 Kent SCS29 Oct-24 = 368.6, 23,222/63, ↑, target 426.0, GREEN
        expect(kent, "SCS29", "2024-10", value: 368.6, numerator: 23222, denominator: 63, target: 426.0, rag: .green, dot: .improved)
    }

    func testNotesFact04KentEH72F() {
        // 001:1054 Kent EH72-F (printed EH17-F) Oct-24 = 30.4, 3,514/11,558, ↑, target 25.0, RED;
        // Benchmark Group 2023-24 = 21, England 2023-24 = N/A
        expect(kent, "EH72-F", "2024-10", value: 30.4, numerator: 3514, denominator: 11558, target: 25.0, rag: .red, dot: .improved)
        benchmark("EH72-F", "Statistical neighbours", "FY2023-24", 21)
        XCTAssertNil(ds.benchmark(indicator: "EH72-F", comparator: "England", period: "FY2023-24")?.value)
    }

    func testNotesFact05KentEHAudit() {
        // 001:1056 Kent EH-AUDIT (printed EH53) Oct-24 = 94.0, 142/151, ↔, target 85.0, GREEN
        expect(kent, "EH-AUDIT", "2024-10", value: 94.0, numerator: 142, denominator: 151, target: 85.0, rag: .green, dot: .same)
    }

    func testNotesFact06KentEPWait6() {
        // 001:1029 Kent EP-WAIT6 (blank code) Oct-24 = 17.4, 38/218, ↑; no target or RAG; N/A N/A comparators
        let o = expect(kent, "EP-WAIT6", "2024-10", value: 17.4, numerator: 38, denominator: 218, dot: .improved)
        XCTAssertNil(o?.target)
        XCTAssertNil(o?.rag)
        XCTAssertNil(ds.benchmark(indicator: "EP-WAIT6", comparator: "England", period: "2023")?.value)
    }

    func testNotesFact07KentCYPE8() {
        // 001:1063 Kent CYPE8 Q2 24-25 = 33.2, 125/376, ↓, target 32.9, AMBER;
        // South East as at Jan 2024 = 31.0, England & Wales as at Jan 2024 = 32.2
        expect(kent, "CYPE8", "FY2024-25-Q2", value: 33.2, numerator: 125, denominator: 376, target: 32.9, rag: .amber, dot: .worsened)
        benchmark("CYPE8", "South East", "2024-01", 31.0)
        benchmark("CYPE8", "England and Wales", "2024-01", 32.2)
    }

    func testNotesFact08KentEY15TwoTables() {
        // 001:1087 Education Annual EY15 2021-22 = 23.2, 2022-23 = 21.3
        expect(kent, "EY15", "AY2021-22", value: 23.2)
        expect(kent, "EY15", "AY2022-23", value: 21.3)
        // 001:1171 Vulnerable Learners Primary EY15 2021-22 = 22.6, 2022-23 = 23.2
        expect(kent, "VL-EYGLD-FSMGAP", "AY2021-22", value: 22.6)
        expect(kent, "VL-EYGLD-FSMGAP", "AY2022-23", value: 23.2)
    }

    func testNotesFact09KentProgress8() {
        // 001:1193 Kent P8 all pupils 2022-23 = -0.12, Target 2022-23 -1.00, GREEN, ↓; 2021-22 = -0.19
        expect(kent, "VL-KS4P8-ALL", "AY2022-23", value: -0.12, target: -1.00, rag: .green, dot: .worsened)
        expect(kent, "VL-KS4P8-ALL", "AY2021-22", value: -0.19)
    }

    func testNotesFact10AshfordSCS18NARow() {
        // 001:1209 Ashford CSWT SCS18: N/A-only row; its benchmark 69.7 / England 68.0 equal Kent's (001:1046)
        let o = expect(ashford, "SCS18", "2024-10", team: "Ashford CSWT")
        XCTAssertNil(o?.value)
        XCTAssertNil(o?.rag)
        benchmark("SCS18", "Statistical neighbours", "FY2023-24", 69.7)
        benchmark("SCS18", "England", "FY2023-24", 68.0)
    }

    func testNotesFact11AshfordEH52F() {
        // 001:1219 Ashford EHU EH52-F (printed EH12-F) Oct-24 = 99.4, 321/323, ↑, GREEN
        expect(ashford, "EH52-F", "2024-10", team: "Ashford EHU", value: 99.4, numerator: 321, denominator: 323, rag: .green, dot: .improved)
    }

    func testNotesFact12CanterburyEY2() {
        // 001:1312 Canterbury EY2 (printed EY14) Summer 23-24 = 61.6, 218/354, ↑, target 64.0, AMBER
        expect(canterbury, "EY2", "AY2023-24-Summer", value: 61.6, numerator: 218, denominator: 354, target: 64.0, rag: .amber, dot: .improved)
    }

    func testNotesFact13CanterburyCYPE8() {
        // 001:1292 Canterbury CYPE8 Q2 24-25 = 50.0, 24/48, ↓, RED (no Q2 label in the header);
        // Q3 23-24 = 40.0
        expect(canterbury, "CYPE8", "FY2024-25-Q2", value: 50.0, numerator: 24, denominator: 48, rag: .red, dot: .worsened)
        expect(canterbury, "CYPE8", "FY2023-24-Q3", value: 40.0)
    }

    func testNotesFact14DartfordSISE4() {
        // 001:1384 Dartford SISE4 2023-24 = 67.1, 112/1,671, ↑, target 60.0, GREEN (numerator as printed)
        expect(dartford, "SISE4", "AY2023-24", value: 67.1, numerator: 112, denominator: 1671, target: 60.0, rag: .green, dot: .improved)
    }

    func testNotesFact15DartfordEHCaseload() {
        // 001:1354 Dartford EHU EH-CASELOAD Oct-24 = 10.6, 111/10.5, ↑, target 20.0, RED
        expect(dartford, "EH-CASELOAD", "2024-10", team: "Dartford EHU",
               value: 10.6, numerator: 111, denominator: 10.5, target: 20.0, rag: .red, dot: .improved)
    }

    func testNotesFact16DoverSCS40() {
        // 001:1410 Dover CSWT (label not printed) SCS40 May-24 = 120.8; Oct-24 = 91.3, 21.0/23.0, ↔, GREEN
        expect(dover, "SCS40", "2024-05", team: "Dover CSWT", value: 120.8)
        expect(dover, "SCS40", "2024-10", team: "Dover CSWT", value: 91.3, numerator: 21.0, denominator: 23.0, rag: .green, dot: .same)
    }

    func testNotesFact17FolkestoneEY2() {
        // 001:1505 Folkestone and Hythe EY2 (code cell "Page 45") Summer 23-24 = 79.4, 216/272, ↑, GREEN
        expect(folkestone, "EY2", "AY2023-24-Summer", value: 79.4, numerator: 216, denominator: 272, rag: .green, dot: .improved)
    }

    func testNotesFact18GraveshamEH47() {
        // 001:1589 Gravesham EH47 2022-23 = 38.1; 2023-24 = 21.9, 1,791/8,166, ↑, target 27.0, GREEN
        expect(gravesham, "EH47", "AY2022-23", value: 38.1)
        expect(gravesham, "EH47", "AY2023-24", value: 21.9, numerator: 1791, denominator: 8166, target: 27.0, rag: .green, dot: .improved)
    }

    func testNotesFact19MaidstoneSCS03() {
        // 001:1597 Maidstone CSWT SCS03 Oct-24 = 24.4, 548/2243 (no comma), ↑, GREEN
        expect(maidstone, "SCS03", "2024-10", team: "Maidstone CSWT", value: 24.4, numerator: 548, denominator: 2243, rag: .green, dot: .improved)
    }

    func testNotesFact20SharedTeamOnTwoPages() {
        // 001:1670 (Sevenoaks page) = 001:1923 (Tonbridge and Malling page):
        // Sevenoaks North & T&M CSWT SCS40 Oct-24 = 66.4, 18.6/28.0, ↑, target 85.0, RED
        let team = "Sevenoaks North & Tonbridge and Malling CSWT"
        for area in [sevenoaks, tonbridge] {
            expect(area, "SCS40", "2024-10", team: team, value: 66.4, numerator: 18.6, denominator: 28.0, target: 85.0, rag: .red, dot: .improved)
        }
    }

    func testNotesFact21SevenoaksCYPE25() {
        // 001:1738 Sevenoaks CYPE25: trend all N/A, yet Target 2023-24 36.00, GREEN, ↔
        let o = expect(sevenoaks, "CYPE25", "AY2023-24", target: 36.00, rag: .green, dot: .same)
        XCTAssertNil(o?.value)
    }

    func testNotesFact22SwaleIslandSCS43() {
        // 001:1773 Swale Island & Rural CSWT SCS43 Oct-24 = 17.0, 238/14.0, ↓, GREEN
        expect(swale, "SCS43", "2024-10", team: "Swale Island & Rural CSWT",
               value: 17.0, numerator: 238, denominator: 14.0, rag: .green, dot: .worsened)
    }

    func testNotesFact23SwaleEH52F() {
        // 001:1781 Swale EHU EH52-F Oct-24 = 81.6, 398/488, ↑, target 85.0, AMBER (under the stale header 1777)
        expect(swale, "EH52-F", "2024-10", team: "Swale EHU", value: 81.6, numerator: 398, denominator: 488, target: 85.0, rag: .amber, dot: .improved)
        // 001:1781 its "Kent Outturn 2022-23" column (read as 2023-24) = 93.8, target 85.0, GREEN
        expect(swale, "EH52-F", "FY2023-24", team: "Swale EHU", value: 93.8, target: 85.0, rag: .green)
    }

    func testNotesFact24ThanetRamsgateSCS13() {
        // 001:1847 Thanet Ramsgate CSWT SCS13 Oct-24 = 37.7, 20/53, ↓, target 20.0, RED
        expect(thanet, "SCS13", "2024-10", team: "Thanet Ramsgate CSWT",
               value: 37.7, numerator: 20, denominator: 53, target: 20.0, rag: .red, dot: .worsened)
    }

    func testNotesFact25TunbridgeWellsEH43() {
        // 001:2011 Tunbridge Wells EH43: six values printed, all 0 (assigned to Apr-Sep), Oct-24 unknown;
        // 2023-24 outturn 0
        for month in ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"] {
            expect(tunbridgeWells, "EH43", month, value: 0)
        }
        let oct = expect(tunbridgeWells, "EH43", "2024-10", dot: .same)
        XCTAssertNil(oct?.value)
        expect(tunbridgeWells, "EH43", "AY2023-24", value: 0)
    }

    // MARK: More monthly, quarterly, termly, annual and Vulnerable Learners rows

    func testKentAPP17WithOutturnAndBenchmarks() {
        // 001:1023 Kent APP17 Apr-24 = 19.9, Oct-24 = 76.9, 90/117, ↑, target 60, GREEN;
        // Outturn 2023-24 = 51.6, Target 45, GREEN; South East (31 Dec 2023) 46.1, England 50.3
        expect(kent, "APP17", "2024-04", value: 19.9)
        expect(kent, "APP17", "2024-10", value: 76.9, numerator: 90, denominator: 117, target: 60, rag: .green, dot: .improved)
        expect(kent, "APP17", "AY2023-24", value: 51.6, target: 45, rag: .green)
        benchmark("APP17", "South East", "2023", 46.1)
        benchmark("APP17", "England", "2023", 50.3)
    }

    func testKentAPP17CountsAndDuration() {
        // 001:1024 APP17-N Oct-24 = 90; 001:1025 APP17-D Oct-24 = 117; 001:1026 APP17-A Apr-24 = 271, Oct-24 = 144, ↑
        expect(kent, "APP17-N", "2024-10", value: 90)
        expect(kent, "APP17-D", "2024-10", value: 117)
        expect(kent, "APP17-A", "2024-04", value: 271)
        expect(kent, "APP17-A", "2024-10", value: 144, dot: .improved)
    }

    func testKentSCS03() {
        // 001:1043 Kent SCS03 Oct-24 = 23.0, 5,499/23,954, ↑, target 25.0, GREEN; Outturn 2023-24 23.5,
        // Target 25.0, GREEN; Benchmark Group 19.2 (statistical neighbours, commentary 001:1121), England 22.4
        expect(kent, "SCS03", "2024-10", value: 23.0, numerator: 5499, denominator: 23954, target: 25.0, rag: .green, dot: .improved)
        expect(kent, "SCS03", "FY2023-24", value: 23.5, target: 25.0, rag: .green)
        benchmark("SCS03", "Statistical neighbours", "FY2023-24", 19.2)
        benchmark("SCS03", "England", "FY2023-24", 22.4)
    }

    func testKentSCS13TargetRange() {
        // 001:1045 Kent SCS13 (polarity T) Oct-24 = 22.1, 274/1,240, ↓, target 20.0, GREEN
        expect(kent, "SCS13", "2024-10", value: 22.1, numerator: 274, denominator: 1240, target: 20.0, rag: .green, dot: .worsened)
        // 001:1123 "within the target range of 17.5% - 22.5%"
        let ind = ds.indicator("SCS13")
        near(ind?.targetLow, 17.5, "SCS13 target_low")
        near(ind?.targetHigh, 22.5, "SCS13 target_high")
        near(ind?.target, 20.0, "SCS13 target")
    }

    func testKentSCS34Floor() {
        // 001:1049 Kent SCS34 Oct-24 = 54.1, 570/1,054, ↓, target 65.0, RED
        expect(kent, "SCS34", "2024-10", value: 54.1, numerator: 570, denominator: 1054, target: 65.0, rag: .red, dot: .worsened)
        // 001:1111 "below the floor standard of 55.0%"
        near(ds.indicator("SCS34")?.floor, 55.0, "SCS34 floor")
    }

    func testKentEHCaseloadOutturn() {
        // 001:1058 Kent EH-CASELOAD Oct-24 = 13.4, 1,956/146.2, ↑, target 20.0, AMBER;
        // Outturn 2023-24 14.3, Target 15.0, GREEN
        expect(kent, "EH-CASELOAD", "2024-10", value: 13.4, numerator: 1956, denominator: 146.2, target: 20.0, rag: .amber, dot: .improved)
        expect(kent, "EH-CASELOAD", "FY2023-24", value: 14.3, target: 15.0, rag: .green)
    }

    func testKentCYPE8EarlierQuarters() {
        // 001:1063 Kent CYPE8 Q3 23-24 = 30.4, Q4 23-24 = 31.1, Q1 24-25 = 32.9;
        // Outturn 2023-24 30.4, Target 28.7, AMBER
        expect(kent, "CYPE8", "FY2023-24-Q3", value: 30.4)
        expect(kent, "CYPE8", "FY2023-24-Q4", value: 31.1)
        expect(kent, "CYPE8", "FY2024-25-Q1", value: 32.9)
        expect(kent, "CYPE8", "FY2023-24", value: 30.4, target: 28.7, rag: .amber)
    }

    func testKentSISE71() {
        // 001:1070 Kent SISE71 Oct-24 = 2.5, 983/38,834, ↓, target 2.8, GREEN; Outturn 2023-24 3.3,
        // Target 2.8, AMBER; Benchmark Group 2.5, England 2.8
        expect(kent, "SISE71", "2024-10", value: 2.5, numerator: 983, denominator: 38834, target: 2.8, rag: .green, dot: .worsened)
        expect(kent, "SISE71", "AY2023-24", value: 3.3, target: 2.8, rag: .amber)
        benchmark("SISE71", "South East", "AY2023-24", 2.5)
        benchmark("SISE71", "England", "AY2023-24", 2.8)
    }

    func testKentEH43() {
        // 001:1071 Kent EH43 Oct-24 = 22 (numerator N/A), ↑, target 25, GREEN; Outturn 2023-24 26, Target 12, RED
        let o = expect(kent, "EH43", "2024-10", value: 22, target: 25, rag: .green, dot: .improved)
        XCTAssertNil(o?.numerator)
        expect(kent, "EH43", "AY2023-24", value: 26, target: 12, rag: .red)
    }

    func testKentEY2Termly() {
        // 001:1079 Kent EY2 Summer 22-23 = 65.2, Autumn 23-24 = 79.0; Summer 23-24 = 67.8, 2,784/4,105, ↑,
        // target 64.0, GREEN
        expect(kent, "EY2", "AY2022-23-Summer", value: 65.2)
        expect(kent, "EY2", "AY2023-24-Autumn", value: 79.0)
        expect(kent, "EY2", "AY2023-24-Summer", value: 67.8, numerator: 2784, denominator: 4105, target: 64.0, rag: .green, dot: .improved)
    }

    func testKentEY14Annual() {
        // 001:1086 Kent EY14 2021-22 = 65.8; 2023-24 = 68.0, 12,044/17,712, target 69.0, AMBER, ↓;
        // Benchmark Group 69.8, England 67.7
        let na = expect(kent, "EY14", "AY2020-21")
        XCTAssertNil(na?.value)
        expect(kent, "EY14", "AY2021-22", value: 65.8)
        expect(kent, "EY14", "AY2023-24", value: 68.0, numerator: 12044, denominator: 17712, target: 69.0, rag: .amber, dot: .worsened)
        benchmark("EY14", "South East", "AY2023-24", 69.8)
        benchmark("EY14", "England", "AY2023-24", 67.7)
    }

    func testKentSISE4AndSISE16AgainstVulnerableLearners() {
        // 001:1088 Education Annual SISE4 2022-23 = 59; 001:1175 VL Primary SISE4 2022-23 = 59.3
        expect(kent, "SISE4", "AY2022-23", value: 59)
        expect(kent, "VL-KS2RWM-ALL", "AY2022-23", value: 59.3)
        // 001:1089 Education Annual SISE16 2023-24 = 26.3; 001:1176 VL Primary SISE16 2023-24 = 26
        expect(kent, "SISE16", "AY2023-24", value: 26.3, target: 24.0, rag: .amber, dot: .improved)
        expect(kent, "VL-KS2RWM-FSMGAP", "AY2023-24", value: 26, target: 24.0, rag: .amber, dot: .improved)
    }

    func testKentSISE12TwoTables() {
        // 001:1090 Education Annual SISE12 2023-24 = 47.0 (repeats 2022-23), Target 2023-24 48.0, AMBER, ↔
        expect(kent, "SISE12", "AY2023-24", value: 47.0, target: 48.0, rag: .amber, dot: .same)
        // 001:1188 VL Secondary SISE12 2022-23 = 47.0, Target 2022-23 51.0, RED, ↓; SE Region 47.4, England 46.3
        expect(kent, "VL-KS4A8-ALL", "AY2022-23", value: 47.0, target: 51.0, rag: .red, dot: .worsened)
        benchmark("VL-KS4A8-ALL", "South East", "AY2022-23", 47.4)
        benchmark("VL-KS4A8-ALL", "England", "AY2022-23", 46.3)
    }

    func testKentVulnerableLearnersGaps() {
        // 001:1172 Kent EYFS GLD Kent CIC gap 2023-24 = 44.4, Target 25.0, RED, ↓
        expect(kent, "VL-EYGLD-CICGAP", "AY2023-24", value: 44.4, target: 25.0, rag: .red, dot: .worsened)
        // 001:1194 Kent P8 FSM 2022-23 = -0.82, Target -0.60, RED; SE Region -0.80, England -0.58
        expect(kent, "VL-KS4P8-FSM", "AY2022-23", value: -0.82, target: -0.60, rag: .red)
        benchmark("VL-KS4P8-FSM", "South East", "AY2022-23", -0.80)
        benchmark("VL-KS4P8-FSM", "England", "AY2022-23", -0.58)
    }

    func testIndicatorMetadata() {
        // 001:1023 APP17 is the first row of the Kent "Education Monthly - SEND" table
        XCTAssertEqual(ds.indicator("APP17")?.group, "Education Monthly - SEND")
        // 001:1092 CYPE23 printed with 2 decimals (37.68, 34.20, 34.16)
        XCTAssertEqual(ds.indicator("CYPE23")?.decimals, 2)
        // 001:1071 EH43 printed as whole numbers
        XCTAssertEqual(ds.indicator("EH43")?.decimals, 0)
        // 001:1099 EH47 target 2023-24 = 27.0
        near(ds.indicator("EH47")?.target, 27.0, "EH47 target")
    }

    // MARK: District pages

    func testAshfordRows() {
        // 001:1216 Ashford CSWT SCS43 Oct-24 = 23.1, 477/20.6, ↓, target 18.0, RED; Outturn 2023-24 21.1, AMBER
        expect(ashford, "SCS43", "2024-10", team: "Ashford CSWT", value: 23.1, numerator: 477, denominator: 20.6, target: 18.0, rag: .red, dot: .worsened)
        expect(ashford, "SCS43", "FY2023-24", team: "Ashford CSWT", value: 21.1, target: 18.0, rag: .amber)
        // 001:1234 Ashford APP17 Oct-24 = 78.6, 11/14, ↑, GREEN; District Outturn 2023-24 46.2
        expect(ashford, "APP17", "2024-10", value: 78.6, numerator: 11, denominator: 14, rag: .green, dot: .improved)
        expect(ashford, "APP17", "AY2023-24", value: 46.2, target: 45, rag: .green)
        // 001:1256 Ashford CYPE23 2022-23 = 32.8, 2023-24 = 32.83
        expect(ashford, "CYPE23", "AY2022-23", value: 32.8)
        expect(ashford, "CYPE23", "AY2023-24", value: 32.83, target: 34.40, rag: .amber, dot: .same)
    }

    func testCanterburyCSWT() {
        // 001:1271 Canterbury CSWT SCS03 Oct-24 = 28.2, 429/1,521, ↓, AMBER; Outturn 2023-24 23.9, GREEN
        expect(canterbury, "SCS03", "2024-10", team: "Canterbury CSWT", value: 28.2, numerator: 429, denominator: 1521, rag: .amber, dot: .worsened)
        expect(canterbury, "SCS03", "FY2023-24", team: "Canterbury CSWT", value: 23.9, rag: .green)
    }

    func testDartfordCYPE8() {
        // 001:1359 Dartford CYPE8 Q2 24-25 = 28.1, 9/31, ↑, GREEN (as printed)
        expect(dartford, "CYPE8", "FY2024-25-Q2", value: 28.1, numerator: 9, denominator: 31, rag: .green, dot: .improved)
    }

    func testDoverEHAudit() {
        // 001:1416 Dover EHU EH-AUDIT (blank code) Oct-24 = 72.7, 8/11, ↔, target 85.0, RED
        expect(dover, "EH-AUDIT", "2024-10", team: "Dover EHU", value: 72.7, numerator: 8, denominator: 11, target: 85.0, rag: .red, dot: .same)
    }

    func testGraveshamEY2() {
        // 001:1571 Gravesham EY2 (code cell "Page 45") Summer 23-24 = 51.1, 180/352, ↑, RED
        expect(gravesham, "EY2", "AY2023-24-Summer", value: 51.1, numerator: 180, denominator: 352, rag: .red, dot: .improved)
    }

    func testSwaleCentralAndEHU() {
        // 001:1751 Swale Central CSWT SCS03 Oct-24 = 27.0, 365/1,350, ↑, AMBER
        expect(swale, "SCS03", "2024-10", team: "Swale Central CSWT", value: 27.0, numerator: 365, denominator: 1350, rag: .amber, dot: .improved)
        // 001:1780 Swale EHU EH72-F Oct-24 = 28.3, 356/1258 (no comma), ↑, AMBER
        expect(swale, "EH72-F", "2024-10", team: "Swale EHU", value: 28.3, numerator: 356, denominator: 1258, rag: .amber, dot: .improved)
    }

    func testThanetTeamsStayApart() {
        // 001:1845 Thanet Ramsgate CSWT SCS03 Oct-24 = 14.3, 6/42, ↑, GREEN
        expect(thanet, "SCS03", "2024-10", team: "Thanet Ramsgate CSWT", value: 14.3, numerator: 6, denominator: 42, rag: .green, dot: .improved)
        // 001:1841 Thanet Margate CSWT SCS40 Oct-24 = 74.4, 12.6/17.0, ↔, RED
        expect(thanet, "SCS40", "2024-10", team: "Thanet Margate CSWT", value: 74.4, numerator: 12.6, denominator: 17.0, rag: .red, dot: .same)
        // No untagged district row for a team-level indicator
        XCTAssertNil(ds.observation(area: thanet, indicator: "SCS03", period: "2024-10", team: nil))
    }

    func testSevenoaksSouthTeamOnBothPages() {
        // 001:1980 (Tunbridge Wells page) = 001:1674 (Sevenoaks page):
        // Sevenoaks South & TW CSWT SCS03 Oct-24 = 30.5, 472/1,550, ↑, target 25.0, RED
        let team = "Sevenoaks South & Tunbridge Wells CSWT"
        for area in [sevenoaks, tunbridgeWells] {
            expect(area, "SCS03", "2024-10", team: team, value: 30.5, numerator: 472, denominator: 1550, target: 25.0, rag: .red, dot: .improved)
        }
        // 001:1987 same team SCS37 Apr-24 = 64.7, Oct-24 = 64.7, 11/17, ↔, RED
        expect(tunbridgeWells, "SCS37", "2024-04", team: team, value: 64.7)
        expect(tunbridgeWells, "SCS37", "2024-10", team: team, value: 64.7, numerator: 11, denominator: 17, rag: .red, dot: .same)
        // 001:1994 Sevenoaks South & TW EHU EH-AUDIT Oct-24 = 91.7, 11/12, ↔, GREEN
        expect(tunbridgeWells, "EH-AUDIT", "2024-10", team: "Sevenoaks South & Tunbridge Wells EHU",
               value: 91.7, numerator: 11, denominator: 12, rag: .green, dot: .same)
    }

    func testTunbridgeWellsEY2() {
        // 001:2019 Tunbridge Wells EY2 (code cell "EY") Summer 23-24 = 68.8, 132/192, ↑, GREEN
        expect(tunbridgeWells, "EY2", "AY2023-24-Summer", value: 68.8, numerator: 132, denominator: 192, rag: .green, dot: .improved)
    }

    // MARK: SEN therapy waits (seeds 000 and 002)

    func testEKHUFTWaits2023() {
        // 000:697 EKHUFT SLT average referrals per month Nov-23 = 177
        wait("EKHUFT", "referrals_per_month", "2023-11", 177)
        // 000:699 EKHUFT total waiting for assessment May-23 = 539
        wait("EKHUFT", "waiting_assessment", "2023-05", 539)
        // 000:701-702 EKHUFT waiting more than 12 weeks (assessment) May-23 = 407, Nov-23 = 16
        wait("EKHUFT", "waiting_over_12_weeks_assessment", "2023-05", 407)
        wait("EKHUFT", "waiting_over_12_weeks_assessment", "2023-11", 16)
        // 000:704 EKHUFT waiting for intervention: n/a (not counted separately, 000:682-683)
        wait("EKHUFT", "waiting_intervention", "2023-05", nil)
    }

    func testKCHFTWaits2023() {
        // 000:718 KCHFT total waiting for assessment May-23 = 358
        wait("KCHFT", "waiting_assessment", "2023-05", 358)
        // 000:723 KCHFT waiting for intervention May-23 = 3646, Nov-23 = 2409
        wait("KCHFT", "waiting_intervention", "2023-05", 3646)
        wait("KCHFT", "waiting_intervention", "2023-11", 2409)
        // 000:725-726 KCHFT waiting more than 12 weeks (intervention) Nov-23 = 867
        wait("KCHFT", "waiting_over_12_weeks_intervention", "2023-11", 867)
    }

    func testCaseloadsDec2023() {
        // 000:755 KCHFT speech and language therapy caseload Dec-23 = 2237
        wait("KCHFT", "caseload", "2023-12", service: "SLT", 2237)
        // 000:757 KCHFT physiotherapy Dec-23 = 925
        wait("KCHFT", "caseload", "2023-12", service: "PT", 925)
        // 000:745 EKHUFT physiotherapy Dec-23 = 0
        wait("EKHUFT", "caseload", "2023-12", service: "PT", 0)
    }

    func testNHSWaits2024() {
        // 002:149 NHS Kent and Medway SLT waiting: 868 in May 2024, 481 in November 2024
        wait("NHSKM", "waiting_total", "2024-05", 868)
        wait("NHSKM", "waiting_total", "2024-11", 481)
        // 002:149 "only 14 waiting over 12 weeks across our main health providers"
        wait("NHSKM", "waiting_over_12_weeks", "2024-11", 14)
        // 002:149 Swale (NHS provider Medway) "118 waiting longer than 12 weeks"
        wait("MCH", "waiting_over_12_weeks", "2024-11", area: swale, 118)
    }
}
