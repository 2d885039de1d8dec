import Foundation
import XCTest
@testable import ScorecardData

/// Hostile input for the data module (issue #8): the kinds of broken file the malformed corpus
/// does not cover (Fixtures/hostile, plus sizes generated here rather than committed), bounded
/// time on hostile sizes, and a replay of the fuzzers' seed corpus and every input a fuzzer ever
/// crashed on (Tests/Fuzz/corpus, Tests/Fuzz/regressions) through the same harness functions
/// libFuzzer drives. The harness is the section between the FUZZ HARNESS markers below:
/// Tests/Fuzz/fuzz.sh cuts it out of this file and compiles it with the ScorecardData sources,
/// so the fuzzers and this replay can never drift apart.
final class HostileInputTests: XCTestCase {
    static var hostile: URL { Fixtures.root.appendingPathComponent("hostile/datasets") }
    static let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    // MARK: The hostile dataset corpus (expected.txt as in Fixtures/malformed)

    func testEveryHostileDatasetFailsWithItsExpectedFirstError() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: Self.hostile.path).filter { name in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: Self.hostile.appendingPathComponent(name + "/expected.txt").path, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5, "datasets under \(Self.hostile.path)")
        for name in names {
            let dir = Self.hostile.appendingPathComponent(name)
            let text = try String(contentsOf: dir.appendingPathComponent("expected.txt"), encoding: .utf8)
            guard let expected = MalformedCorpusTests.Expectation.parse(text) else {
                XCTFail("\(name): expected.txt is not 'FILE:LINE:COL: error: MESSAGE': \(text)")
                continue
            }
            guard let failure = loadFailure([dir.path]) else { XCTFail("\(name) loaded"); continue }
            guard let first = failure.errors.first else { XCTFail("\(name): no error"); continue }
            XCTAssertTrue(first.path.hasSuffix("/" + expected.file), "\(name): \(first)")
            XCTAssertEqual(first.line, expected.line, "\(name): \(first)")
            XCTAssertEqual(first.column, expected.column, "\(name): \(first)")
            XCTAssertTrue(first.message.hasPrefix(expected.messagePrefix), "\(name): '\(first.message)' should start with '\(expected.messagePrefix)'")
            XCTAssertEqual(failure.missingInput, expected.exitCode == 66, "\(name)")
        }
    }

    // MARK: Hostile sizes, generated

    /// A dataset whose observations.csv has one note of `fieldBytes` bytes, or one row of `cells` cells.
    static func hugeDataset(fieldBytes: Int? = nil, cells: Int? = nil) throws -> TempDataset {
        var obs = "area,indicator,period,value,note\n"
        if let fieldBytes {
            obs += "A1,K1,2024-01,1,\"" + String(repeating: "x", count: fieldBytes) + "\"\n"
        }
        if let cells {
            obs += "A1,K1,2024-02,2" + String(repeating: ",y", count: cells - 4) + "\n"
        }
        return try TempDataset([
            "areas.csv": "code,name,parent\nA1,Area one,\n",
            "indicators.csv": "code,name,polarity,period_type\nK1,KPI one,H,MS\n",
            "observations.csv": obs,
        ])
    }

    func testOneMegabyteFieldLoadsQuickly() throws {
        let data = try Self.hugeDataset(fieldBytes: 1 << 20)
        defer { data.remove() }
        let start = Date()
        let result = loadOrFail([data.path])
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "a 1 MB field took too long")
        XCTAssertEqual(result?.dataset.observation(row: 0).note?.utf8.count, 1 << 20)
    }

    func testFiveThousandCellsInARowFailQuicklyAtTheRightColumn() throws {
        let data = try Self.hugeDataset(cells: 5000)
        defer { data.remove() }
        let start = Date()
        let failure = loadFailure([data.path])
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "5,000 cells took too long")
        let first = try XCTUnwrap(failure?.errors.first)
        XCTAssertEqual(first.line, 2)
        XCTAssertEqual(first.column, 19, "the first cell beyond the header's five: \(first)")
        XCTAssertTrue(first.message.hasPrefix("expected 5 cells as in the header, found 5000"), first.message)
    }

    func testAMegabyteLineWithoutLineEndsAndAnUnterminatedQuote() throws {
        // One line of 1 MB that never ends, then an opening quote that never closes.
        let line = "A1,K1,2024-01,1," + String(repeating: "z", count: 1 << 20)
        for (name, obs) in [("long line", "area,indicator,period,value,note\n" + line),
                            ("open quote", "area,indicator,period,value,note\nA1,K1,2024-01,1,\"" + String(repeating: "q\n", count: 1 << 19))] {
            let data = try TempDataset([
                "areas.csv": "code,name,parent\nA1,Area one,\n",
                "indicators.csv": "code,name,polarity,period_type\nK1,KPI one,H,MS\n",
                "observations.csv": obs,
            ], function: name)
            defer { data.remove() }
            let start = Date()
            if name == "long line" {
                XCTAssertEqual(loadOrFail([data.path])?.dataset.observationCount, 1)
            } else {
                let first = try XCTUnwrap(loadFailure([data.path])?.errors.first)
                XCTAssertEqual(first.line, 2, "\(first)")
                XCTAssertEqual(first.column, 17, "\(first)")
                XCTAssertTrue(first.message.hasPrefix("unterminated quoted field"), first.message)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 3, name)
        }
    }

    // MARK: Replaying the fuzzers' corpus and regressions

    /// Every file under Tests/Fuzz/corpus/TARGET and Tests/Fuzz/regressions/TARGET.
    static func fuzzInputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        let fm = FileManager.default
        for kind in ["corpus", "regressions"] {
            let dir = fuzzRoot.appendingPathComponent(kind).appendingPathComponent(target)
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !name.hasPrefix(".") && name != "README.md" {
                if let data = fm.contents(atPath: dir.appendingPathComponent(name).path) { out.append(("\(kind)/\(target)/\(name)", [UInt8](data))) }
            }
        }
        return out
    }

    func testReplayFuzzCorpusCSV() { replay("csv", FuzzHarness.csv) }
    func testReplayFuzzCorpusLoader() { replay("loader", FuzzHarness.loader) }
    func testReplayFuzzCorpusEES() { replay("ees", FuzzHarness.ees) }
    func testReplayFuzzCorpusNHS() { replay("nhs", FuzzHarness.nhs) }

    /// Runs every input through the harness; a broken invariant fails that input (naming it)
    /// and the replay goes on, rather than trapping and ending the whole test run.
    private func replay(_ target: String, _ harness: ([UInt8]) -> Void, file: StaticString = #filePath, line: UInt = #line) {
        FuzzHarness.brokenInvariant = { message in XCTFail(message, file: file, line: line) }
        defer { FuzzHarness.brokenInvariant = { fatalError($0) }; FuzzHarness.currentInput = "" }
        let inputs = Self.fuzzInputs(target)
        XCTAssertGreaterThanOrEqual(inputs.count, 5, "seed corpus of \(target) at \(Self.fuzzRoot.path)", file: file, line: line)
        for input in inputs {
            FuzzHarness.currentInput = input.name
            harness(input.bytes)
        }
        // The hostile sizes too (not committed: generated).
        if target == "csv" || target == "loader" {
            harness(Array(("area,indicator,period,value,note\nA1,K1,2024-01,1,\"" + String(repeating: "x", count: 1 << 20) + "\"\n").utf8))
            harness(Array(("area,indicator,period,value\nA1,K1,2024-01,1" + String(repeating: ",", count: 5000) + "\n").utf8))
        }
    }

    /// In a replay a broken invariant is recorded for its input and the run goes on.
    func testABrokenInvariantFailsOneInputNotTheRun() {
        var broken: [String] = []
        FuzzHarness.brokenInvariant = { broken.append($0) }
        defer { FuzzHarness.brokenInvariant = { fatalError($0) }; FuzzHarness.currentInput = "" }
        FuzzHarness.currentInput = "made-up/input"
        FuzzHarness.check(1 + 1 == 3, "arithmetic")
        FuzzHarness.check(true, "never reported")
        XCTAssertEqual(broken, ["fuzz invariant broken on made-up/input: arithmetic"])
    }

    func testHarnessCatchesWhatItShould() {
        // The harness's own checks hold on known-good and known-bad inputs.
        XCTAssertEqual(FuzzHarness.split(Array("a\u{1E}b\u{1E}".utf8)).map { String(decoding: $0, as: UTF8.self) }, ["a", "b", ""])
        let good = FuzzHarness.loaderOutcome(FuzzHarness.files(Array("area,indicator,period,value\nA1,K1,2024-01,5\n".utf8)),
                                             parallelism: .standard)
        XCTAssertEqual(good.first, "loaded", good.joined(separator: "\n"))
        let bad = FuzzHarness.loaderOutcome(FuzzHarness.files(Array("area,indicator,period,value\nA1,K1,2024-01,\u{1B}[2J\n".utf8)),
                                            parallelism: .standard)
        XCTAssertTrue(bad.first?.hasPrefix("failed") ?? false, bad.joined(separator: "\n"))
    }
}

// BEGIN FUZZ HARNESS — Tests/Fuzz/fuzz.sh compiles the lines up to END FUZZ HARNESS together with
// Sources/ScorecardData/**/*.swift (one module, so `internal` is visible) and a libFuzzer entry
// (Tests/Fuzz/entry/*.swift). Keep it free of XCTest. A broken invariant goes to
// `FuzzHarness.brokenInvariant`: under libFuzzer a `fatalError`, so the fuzzer reports a crash and
// saves the input; in the replay test a failure of that one input, and the replay goes on.

/// The functions the fuzzers drive, one per target. Each takes arbitrary bytes and must return
/// normally: no trap, no hang, and the invariants below hold.
enum FuzzHarness {
    /// The input being replayed (for failure messages in tests).
    nonisolated(unsafe) static var currentInput = ""

    /// What a broken invariant does: trap (for libFuzzer, which saves the input), unless a
    /// replay has set it to record the failure and go on to the next input.
    nonisolated(unsafe) static var brokenInvariant: (String) -> Void = { fatalError($0) }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { brokenInvariant("fuzz invariant broken\(currentInput.isEmpty ? "" : " on \(currentInput)"): \(message())") }
    }

    /// True if `s` holds a scalar that must never reach a terminal (C0 but LF, DEL, C1, bidi controls).
    static func hasTerminalControl(_ s: String, allowing allowed: Set<Unicode.Scalar> = ["\n"]) -> Bool {
        s.unicodeScalars.contains { SafeText.isUnsafe($0) && !allowed.contains($0) }
    }

    // MARK: csv — the RFC 4180 reader and the number parser

    static func csv(_ bytes: [UInt8]) {
        var reader = CSVReader(bytes: bytes)
        var records = 0
        var lastLine = 0
        do {
            while try reader.next() {
                records += 1
                check(records <= bytes.count + 1, "more records than bytes")
                check(reader.recordLine > lastLine, "record lines must increase")
                lastLine = reader.recordLine
                var encoded: [String] = []
                for i in 0..<reader.fieldCount {
                    let raw = reader.rawBytes(i)
                    check(raw.startIndex >= 0 && raw.endIndex <= bytes.count, "field outside the buffer")
                    let location = reader.location(ofField: i)
                    check(location.line >= reader.recordLine && location.column >= 1, "field location \(location)")
                    if let s = reader.string(i), writerQuotesByScalar || !hidesSpecialScalar(s) {
                        encoded.append(DatasetFiles.field(s))
                    }
                    number(raw)
                }
                // What the importers write, the reader reads back unchanged.
                if encoded.count == reader.fieldCount, encoded.count > 1 || !(encoded.first ?? "").isEmpty {
                    // After a first line, as the records of a written file are (a byte-order mark
                    // is only skipped at the start of a file).
                    let line = Array(("h\n" + encoded.joined(separator: ",") + "\n").utf8)
                    var again = CSVReader(bytes: line)
                    _ = try? again.next()
                    let fields = (0..<reader.fieldCount).map { reader.string($0) ?? "" }
                    do {
                        let read = try again.next()
                        check(read, "a written record reads back")
                        check((0..<again.fieldCount).map { again.string($0) ?? "<invalid>" } == fields,
                              "round trip of \(fields.map { $0.debugDescription })")
                    } catch {
                        check(false, "a written record fails to read back: \(error) \(fields.map { $0.debugDescription })")
                    }
                }
            }
        } catch {
            check(error.line >= 1 && error.column >= 1, "error location \(error)")
            check(error.line >= lastLine, "error before the last record")
            check(!hasTerminalControl(error.message), "control character in \(error.message.debugDescription)")
        }
    }

    /// False while `DatasetFiles.field` (and `ReportFormat.csvField`) look for ',', '"', CR and LF
    /// by Character: "\r\n" is one Character, equal to neither "\r" nor "\n", and so is a quote or
    /// a comma followed by a combining mark, so such cells are written unquoted and the file
    /// breaks. Until the writer is fixed (see docs/reliability.md, "Found") those cells are left
    /// out of the round trip; once it quotes them this turns true and they are checked again.
    static let writerQuotesByScalar = DatasetFiles.field("a\r\nb").hasPrefix("\"") && DatasetFiles.field("a,\u{301}").hasPrefix("\"")

    /// True when a comma, quote, CR or LF is part of a larger Character in `s`.
    static func hidesSpecialScalar(_ s: String) -> Bool {
        s.contains { ch in ch.unicodeScalars.count > 1 && ch.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" } }
    }

    /// NumberParser agrees with Swift's own parser on everything it accepts.
    static func number(_ raw: ArraySlice<UInt8>) {
        switch NumberParser.parse(raw) {
        case .empty, .invalid:
            break
        case .value(let v):
            check(v.isFinite && abs(v) <= NumberParser.maximumMagnitude, "out of range value \(v)")
            let text = String(decoding: raw, as: UTF8.self).trimmingSpaces()
            if let swift = Double(text) {
                check(swift == v || (swift == 0 && v == 0), "NumberParser read \(text.debugDescription) as \(v), Swift as \(swift)")
            }
        }
    }

    // MARK: loader — a whole dataset from memory, read in one go and in parallel stretches

    /// The file separator in loader inputs (ASCII RS).
    static let separator: UInt8 = 0x1E

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
    }

    static let defaultAreas = Array("code,name,parent,kind,tile_row,tile_col\nE1,England,,country,,\nA1,Area one,E1,county,0,0\nA2,\"Area, two\",A1,district,1,2\n".utf8)
    static let defaultIndicators = Array("code,name,polarity,period_type,group,unit,decimals,target,floor,target_low,target_high\nK1,KPI one,H,MS,G,percent,1,50,20,,\nK2,KPI two,L,R12M,G,days,0,10,30,,\nK3,KPI three,T,Q,H,,2,,,4,6\n".utf8)

    /// A loader input: one part is observations.csv (with fixed areas and indicators); two or more
    /// parts separated by RS are areas, indicators, observations, benchmarks, providers, coverage
    /// and waits.
    static func files(_ bytes: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        let parts = split(bytes)
        if parts.count == 1 {
            return [("areas.csv", defaultAreas), ("indicators.csv", defaultIndicators), ("observations.csv", parts[0])]
        }
        let names = DatasetLoader.requiredFiles + DatasetLoader.optionalFiles
        var out: [(String, [UInt8])] = []
        for (i, name) in names.enumerated() {
            if i < parts.count { out.append((name, parts[i])) } else if i < 3 { out.append((name, i == 0 ? defaultAreas : defaultIndicators)) }
        }
        return out
    }

    /// Everything a load shows, as lines (as ParallelLoadTests compares them).
    static func loaderOutcome(_ files: [(name: String, bytes: [UInt8])], parallelism: LoadParallelism) -> [String] {
        var builder = DatasetBuilder()
        builder.parallelism = parallelism
        for file in files { builder.read(name: file.name, path: "data/" + file.name, bytes: file.bytes) }
        func failed(_ diagnostics: [Diagnostic]) -> [String] { ["failed"] + diagnostics.map(\.description) }
        if builder.diagnostics.contains(where: { $0.severity == .error }) { return failed(builder.diagnostics) }
        let ds = builder.finish()
        if builder.diagnostics.contains(where: { $0.severity == .error }) { return failed(builder.diagnostics) }
        var lines = ["loaded"] + builder.diagnostics.map(\.description)
        for r in 0..<ds.observationCount {
            lines.append("\(ds.observation(row: r)) rag \(String(describing: ds.rag(row: r))) dot \(String(describing: ds.dot(row: r)))")
        }
        for s in 0..<ds.seriesCount { lines.append("\(ds.series(s)) \(Array(ds.rows(series: s)))") }
        report(ds)
        return lines
    }

    /// The report in every format: text and Markdown carry no control characters, JSON escapes them.
    static func report(_ ds: Dataset) {
        let rows = ds.report(ReportQuery(allPeriods: true))
        for format in ReportFormat.allCases {
            let out = format.render(rows)
            switch format {
            case .text, .markdown:
                check(!hasTerminalControl(out), "\(format) report carries a control character")
            case .json:
                check(!out.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                      "JSON report carries a raw control character")
            case .csv:
                break   // data, quoted as RFC 4180 says; see docs/reliability.md
            }
        }
        _ = ds.defaultArea
        for a in ds.areas.prefix(8) { _ = ds.latestRatings(area: a.code); _ = ds.ancestry(of: a.code) }
    }

    static func loader(_ bytes: [UInt8]) {
        let input = files(bytes)
        let whole = loaderOutcome(input, parallelism: LoadParallelism(maxParts: 1, stretchBytes: 4 << 20, rowsPerRatingPart: 250_000))
        for line in whole.dropFirst() where line.contains(": error: ") || line.contains(": warning: ") {
            check(!line.contains(":0:"), "a diagnostic without line or column: \(line)")
        }
        // The parallel paths (observations.csv cut every few bytes, ratings in parts of two rows)
        // must give exactly the same outcome.
        let parts = loaderOutcome(input, parallelism: LoadParallelism(maxParts: 3, stretchBytes: 1, rowsPerRatingPart: 2))
        // And so must reading every row by the general path (no `PlainRow`).
        var general = LoadParallelism(maxParts: 1, stretchBytes: 4 << 20, rowsPerRatingPart: 250_000)
        general.plainRows = false
        for (how, other) in [("parallel", parts), ("general-path", loaderOutcome(input, parallelism: general))] where other != whole {
            let i = (0..<min(other.count, whole.count)).first { other[$0] != whole[$0] } ?? min(other.count, whole.count)
            check(false, "\(how) load differs at line \(i):\n  \(how): \(i < other.count ? other[i] : "<end>")\n  sequential: \(i < whole.count ? whole[i] : "<end>")")
        }
    }

    // MARK: ees and nhs — the importers, and the dataset they write read back

    /// The header's last column, as the measure to import.
    static func lastHeaderColumn(_ bytes: [UInt8]) -> String {
        let header = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let last = header.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).last ?? []
        return String(decoding: last, as: UTF8.self).fuzzTrimmed(["\"", "\r", " "])
    }

    static func ees(_ bytes: [UInt8]) {
        _ = try? EESImporter.describe(bytes: bytes, path: "in.csv")
        let measure = lastHeaderColumn(bytes)
        let options = EESImporter.Options(measure: measure.isEmpty ? "value" : measure, indicator: "FUZZ1", unit: "percent")
        imported { () throws(ImportFailure) in try EESImporter.run(bytes: bytes, path: "in.csv", options: options) }
    }

    /// KNOWN CRASH, not yet fixed: `NHSCHSImporter.columns` reads the numbers in a header name
    /// with `Int(current)!`, which traps when a header holds a run of digits beyond Int.max
    /// (Tests/Fuzz/regressions/nhs/header-number-beyond-int-max; docs/reliability.md). Until it
    /// is fixed such inputs are not run, so the fuzzer can look for other faults; set this to
    /// false to check the fix.
    static let skipLongDigitRuns = false

    static func hasLongDigitRun(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for b in bytes {
            run = (b >= 0x30 && b <= 0x39) ? run + 1 : 0
            if run >= 19 { return true }
        }
        return false
    }

    static func nhs(_ bytes: [UInt8]) {
        if skipLongDigitRuns && hasLongDigitRun(bytes) { return }
        imported { () throws(ImportFailure) in try NHSCHSImporter.run(bytes: bytes, path: "in.csv", options: .init()) }
        let some = NHSCHSImporter.Options(providers: [.init(argument: "England")!], services: ["SLT"], providerCodes: [:])
        imported { () throws(ImportFailure) in try NHSCHSImporter.run(bytes: bytes, path: "in.csv", options: some) }
    }

    /// Runs an import; on success the files it would write must read back (as `ragtop import`
    /// does before moving them into place) without a crash, and on failure every error has a
    /// location.
    static func imported(_ run: () throws(ImportFailure) -> ImportResult) {
        do {
            let result = try run()
            var files = result.files
            files.sortRows()
            let rendered = files.renderedFiles().map { (name: $0.name, bytes: Array($0.contents.utf8)) }
            let outcome = loaderOutcome(rendered, parallelism: .standard)
            check(!outcome.isEmpty, "no outcome")
        } catch {
            for d in error.diagnostics { check(d.line >= 1 && d.column >= 1, "diagnostic without a location: \(d)") }
        }
    }
}

extension String {
    func fuzzTrimmed(_ set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
// END FUZZ HARNESS

/// Regressions for bugs the reliability work found in the data module.
final class HostileRegressionTests: XCTestCase {
    /// A header with a number beyond Int.max does not trap: the import fails with a located
    /// error (the weeks column is no band the importer knows), and nothing is imported.
    func testHugeNumberInNHSHeaderDoesNotTrap() throws {
        let bytes = Array("Organisation Name,Date,Therapy,Total waiting list,Waiting 99999999999999999999 weeks\nEngland,2023-01,SLT,5,1\n".utf8)
        do {
            let result = try NHSCHSImporter.run(bytes: bytes, path: "in.csv", options: .init())
            XCTFail("imported \(result.files.waits.count) waits from a file with no band of weeks it knows")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), ["in.csv:1:1: error: the file has no total waiting list and no over-18-weeks figures, so no indicator can be made"])
        }
    }

    func testFIFOIsNotReadForever() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "code,name,parent\nX,X,\n".write(toFile: dir + "/areas.csv", atomically: true, encoding: .utf8)
        try "code,name,polarity,period_type\nI,I,H,MS\n".write(toFile: dir + "/indicators.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(mkfifo(dir + "/observations.csv", 0o600), 0)
        switch FileReader.read(dir + "/observations.csv") {
        case .failure(.unreadable(let why)): XCTAssertEqual(why, "not a regular file")
        default: XCTFail("a FIFO must be refused, not read")
        }
    }

    func testCSVWritersQuoteByScalar() {
        for s in ["a\r\nb", "x\"\u{301}y", "p,\u{301}q"] {
            XCTAssertTrue(DatasetFiles.field(s).hasPrefix("\""), s)
            XCTAssertTrue(ReportFormat.csvField(s).hasPrefix("\""), s)
        }
    }
}
