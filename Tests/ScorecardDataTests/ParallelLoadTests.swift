import Foundation
import Synchronization
import XCTest
@testable import ScorecardData

/// A large observations.csv is read in parallel stretches (ObservationReader), and a large
/// dataset's series are rated in parallel parts (DatasetBuilder.finish). Whatever the cuts, the
/// outcome must be exactly that of doing it all in one go: the same rows, series, ratings,
/// strings and diagnostics, listed under the same limits.
final class ParallelLoadTests: XCTestCase {
    /// Everything a load shows, as lines to compare.
    /// `chunk`: stream observations.csv in chunks of about that many bytes (nil: read it whole).
    /// `plainRows`: read plain rows in one pass (`PlainRow`), or every row by the general path.
    private func outcome(_ dirs: [String], parts: Int, chunk: Int? = nil, plainRows: Bool = true) -> [String] {
        do {
            var parallelism = LoadParallelism(maxParts: parts, stretchBytes: 1, rowsPerRatingPart: 1)
            parallelism.plainRows = plainRows
            if let chunk {
                parallelism.streamBytes = 1
                parallelism.chunkBytes = chunk
            }
            let result = try DatasetLoader.load(directories: dirs, parallelism: parallelism)
            let ds = result.dataset
            var lines = result.diagnostics.map(\.description)
            for r in 0..<ds.observationCount {
                lines.append("\(ds.observation(row: r)) rag \(String(describing: ds.rag(row: r))) by \(String(describing: ds.ratingSource(row: r))) dot \(String(describing: ds.dot(row: r))) status \(String(describing: ds.status(row: r)))")
            }
            for s in 0..<ds.seriesCount { lines.append("\(ds.series(s)) \(Array(ds.rows(series: s)))") }
            return lines
        } catch {
            return ["failed, missing input: \(error.missingInput)"] + error.diagnostics.map(\.description)
        }
    }

    /// In one go against 2, 3 and 7 stretches and rating parts, cut every few bytes and rows.
    /// The outcome in one go must first be the expected one (`loads`), so two failures for the
    /// same wrong reason (a missing directory, say) never pass as "the same outcome".
    private func assertSameOutcome(_ dirs: [String], loads: Bool, file: StaticString = #filePath, line: UInt = #line) {
        let sequential = outcome(dirs, parts: 1)
        let failed = sequential.first?.hasPrefix("failed") ?? true
        XCTAssertEqual(!failed, loads, "\(dirs) in one go: \(sequential.prefix(3))", file: file, line: line)
        if failed {
            XCTAssertTrue(sequential.contains { $0.contains(": error: ") }, "\(dirs) failed without an error", file: file, line: line)
            XCTAssertTrue(sequential.first == "failed, missing input: false", "\(dirs) is there to be read: \(sequential.prefix(3))", file: file, line: line)
        } else {
            XCTAssertGreaterThan(sequential.count, 1, "\(dirs) loaded nothing", file: file, line: line)
        }
        // Whole, in 2, 3 and 7 stretches; streamed in chunks of 1 byte (a line at a time), 61
        // and 700 bytes, read in 1, 2 and 3 stretches.
        // Every row by the general path, in one go and streamed, must give the same outcome too.
        for (stretches, chunk, plainRows) in [(2, nil, true), (3, nil, true), (7, nil, true), (1, 1, true), (2, 61, true), (3, 700, true),
                                              (1, nil, false), (2, 61, false)] as [(Int, Int?, Bool)] {
            let parallel = outcome(dirs, parts: stretches, chunk: chunk, plainRows: plainRows)
            let how = "\(dirs) in \(stretches) stretches" + (chunk.map { ", streamed in chunks of \($0) bytes" } ?? "")
                + (plainRows ? "" : ", every row by the general path")
            XCTAssertEqual(parallel.count, sequential.count, how, file: file, line: line)
            for (p, s) in zip(parallel, sequential) where p != s {
                XCTFail("\(how):\n  parallel:   \(p)\n  sequential: \(s)", file: file, line: line)
                break
            }
        }
    }

    func testKentAndOtherCouncil() {
        let kent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path
        assertSameOutcome([kent], loads: true)
        assertSameOutcome([Fixtures.directory("other-council")], loads: true)
        assertSameOutcome([kent, Fixtures.directory("other-council")], loads: true)
    }

    func testMalformedCorpus() throws {
        let corpus = Fixtures.root.appendingPathComponent("malformed")
        var isDirectory: ObjCBool = false
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().filter {
            FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        XCTAssertGreaterThanOrEqual(names.count, 30, "the malformed corpus at \(corpus.path)")
        for name in names {
            let dir = corpus.appendingPathComponent(name)
            // Each case says how it must fail (Fixtures/malformed/NAME/expected.txt: exit 66 for missing input).
            let expected = (try? String(contentsOf: dir.appendingPathComponent("expected.txt"), encoding: .utf8)) ?? ""
            if expected.contains("exit: 66") {
                let sequential = outcome([dir.path], parts: 1)
                XCTAssertEqual(sequential.first, "failed, missing input: true", name)
                XCTAssertEqual(outcome([dir.path], parts: 3), sequential, name)
            } else {
                assertSameOutcome([dir.path], loads: false)
            }
        }
    }

    /// Teams, notes, statuses and published ratings interned per stretch; quoted cells with line breaks
    /// where cuts may fall; more than 200 errors and warnings spread over the stretches; a
    /// syntax error that must end the table wherever it falls.
    func testStretchesJoinLikeOneReader() throws {
        func observations(faulty: Bool) -> String {
            var obs = "area,indicator,period,value,rag,dot,team,note,status\n"
            for i in 0..<600 {
                let month = String(format: "%04d-%02d", 2000 + i / 12, i % 12 + 1)
                let team = ["", "North", "\"South, East\"", "West"][i % 4]
                let note = i % 7 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : (i % 5 == 0 ? "n\(i % 3)" : "")
                let rag = i % 11 == 0 ? "RED" : ""
                let value = faulty && i % 13 == 0 ? "n/a" : String(i % 90)
                let area = faulty && i % 17 == 0 ? "NOWHERE" : " A1"
                // Statuses now and then; a suppressed one beside a value is a warning.
                let status = i % 9 == 0 ? "provisional" : (i % 19 == 0 ? "suppressed" : "")
                obs += "\(area),K1,\(month),\(value),\(rag),,\(team),\(note),\(status)\n"
            }
            return obs
        }
        let files = [
            "areas.csv": "code,name,parent\nA1,Area one,\n",
            "indicators.csv": "code,name,polarity,period_type,decimals,target,floor\nK1,KPI one,H,MS,0,50,20\n",
        ]
        for (name, obs, loads) in [("clean", observations(faulty: false), true), ("faulty", observations(faulty: true), false),
                                   ("syntax error", observations(faulty: false) + "A1,K1,2100-01,1\"2,,,,,\n"
                                       + observations(faulty: true).drop { $0 != "\n" }.dropFirst(), false)] {
            let data = try TempDataset(files.merging(["observations.csv": obs]) { $1 }, function: name)
            defer { data.remove() }
            assertSameOutcome([data.path], loads: loads)
        }
    }

    /// Streaming a file a chunk at a time: with a byte-order mark and CRLF line ends, quoted line
    /// breaks and quoted CRLFs wherever chunk ends may fall, and a syntax error in the last
    /// chunk or an earlier one, every chunk size gives the outcome of reading it whole.
    func testChunksJoinLikeOneReader() throws {
        func observations(crlf: Bool, quotedBreaks: Bool) -> String {
            let end = crlf ? "\r\n" : "\n"
            var obs = "\u{FEFF}area,indicator,period,value,numerator,denominator,team,note" + end
            for i in 0..<120 {
                let month = String(format: "%04d-%02d", 2000 + i / 12, i % 12 + 1)
                let note = quotedBreaks && i % 9 == 0 ? "\"a\(end)b, \"\"c\"\"\"" : (i % 4 == 0 ? "n\(i % 3)" : "")
                let team = i % 5 == 0 ? "T\(i % 2)" : ""
                let fraction = i % 3 == 0 ? "\(i),\(i + 10)" : ","
                obs += "A1,K1,\(month),\(i % 90).5,\(fraction),\(team),\(note)" + end
            }
            return obs
        }
        let files = [
            "areas.csv": "code,name,parent\nA1,Area one,\n",
            "indicators.csv": "code,name,polarity,period_type,decimals,target,floor\nK1,KPI one,H,MS,1,50,20\n",
        ]
        let clean = observations(crlf: true, quotedBreaks: false)
        let cases: [(String, String, Bool)] = [
            ("crlf", clean, true),
            ("lf breaks", observations(crlf: false, quotedBreaks: true), true),
            ("crlf breaks", observations(crlf: true, quotedBreaks: true), true),
            ("error at the end", clean + "A1,K1,2100-01,1\"2,,,,\r\n", false),
            ("error early", "area,indicator,period,value\nA1,K1,2000-01,1\"2\n" + clean.split(separator: "\n").dropFirst().joined(separator: "\n"), false),
            ("no final line end", clean + "A1,K1,2100-01,1,,,,\"last\"", true),
        ]
        for (name, obs, loads) in cases {
            let data = try TempDataset(files.merging(["observations.csv": obs]) { $1 }, function: name)
            defer { data.remove() }
            let whole = outcome([data.path], parts: 1)
            XCTAssertEqual(!(whole.first?.hasPrefix("failed") ?? true), loads, "\(name): \(whole.prefix(3))")
            for chunk in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 4000] {
                for parts in [1, 2, 3] {
                    let streamed = outcome([data.path], parts: parts, chunk: chunk)
                    if streamed != whole {
                        XCTFail("\(name) streamed in chunks of \(chunk) bytes, \(parts) stretches: \(streamed.count) lines, first difference \(zip(streamed, whole).first { $0 != $1 }.map { "\($0)\n  whole: \($1)" } ?? "in length")")
                    }
                }
            }
        }
    }

    /// The streaming path is taken (not read whole after all) on a clean file, a chunk at a time,
    /// with progress reported as it goes; a quoted line break across a chunk's end makes it give
    /// way to reading the file whole.
    /// Each stretch may write as many rows as it has line feeds, one more only when it does not
    /// end with one: the rows of a file of one row a line then follow one another where they
    /// are written, with nothing to move.
    func testAStretchHasRoomForItsLineFeedsAndOneMoreOnlyWithoutAFinalOne() throws {
        for final in ["\n", ""] {
            let rows = (0..<40).map { "A1,K1,\(2000 + $0 / 12)-\(String($0 % 12 + 101).suffix(2)),\($0)" }
            let bytes = Array(("area,indicator,period,value\n" + rows.joined(separator: "\n") + final).utf8)
            var sink: [Diagnostic] = []
            let spec = DatasetLoader.observationColumns
            let table = try XCTUnwrap(TableReader(path: "observations.csv", bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &sink))
            let plan = ObservationReader.Plan(table, stretchBytes: 100, maxStretches: 4)
            XCTAssertEqual(plan.bounds.count, 5, "four stretches")
            var feeds = 0
            for k in plan.lineFeeds.indices {
                XCTAssertEqual(plan.firstRows[k], feeds, "stretch \(k) starts where the rows before it end")
                feeds += plan.lineFeeds[k]
            }
            XCTAssertEqual(feeds, final.isEmpty ? 39 : 40)
            XCTAssertEqual(plan.rows, 40, "room for every row, and no more (final line feed: \(!final.isEmpty))")
        }
    }

    func testCleanFilesAreStreamed() throws {
        var obs = "area,indicator,period,value\n"
        for i in 0..<400 { obs += "A1,K1,\(String(format: "%04d-%02d", 2000 + i / 12, i % 12 + 1)),\(i)\n" }
        let files = [
            "areas.csv": "code,name,parent\nA1,Area one,\n",
            "indicators.csv": "code,name,polarity,period_type\nK1,KPI one,H,MS\n",
        ]
        // Every row's note has a line break, most of the row after it: some chunk ends there.
        var notes = "area,indicator,period,value,note\n"
        for i in 0..<400 { notes += "A1,K1,\(String(format: "%04d-%02d", 2000 + i / 12, i % 12 + 1)),\(i),\"x\nsecond line of the note\"\n" }
        for (name, text, streams) in [("clean", obs, true), ("quoted breaks", notes, false)] {
            let data = try TempDataset(files.merging(["observations.csv": text]) { $1 }, function: name)
            defer { data.remove() }
            var builder = DatasetBuilder()
            for file in ["areas.csv", "indicators.csv"] {
                builder.read(name: file, path: data.path + "/" + file, bytes: Array(files[file]!.utf8))
            }
            var parallelism = LoadParallelism(maxParts: 2, stretchBytes: 1, rowsPerRatingPart: 1)
            parallelism.chunkBytes = 500
            let seen = Mutex<[LoadProgress]>([])
            let reporter = LoadProgressReporter(total: Int64(text.utf8.count), step: 1) { p in seen.withLock { $0.append(p) } }
            XCTAssertEqual(builder.streamObservations(path: data.path + "/observations.csv", parallelism: parallelism, progress: reporter), streams, name)
            reporter.finish()
            let reports = seen.withLock { $0 }
            XCTAssertEqual(reports.last, LoadProgress(bytesRead: Int64(text.utf8.count), bytesTotal: Int64(text.utf8.count)), name)
            XCTAssertEqual(reports.filter { $0.bytesRead == $0.bytesTotal }.count, 1, "\(name): one final report")
            XCTAssertEqual(reports.map(\.bytesRead), reports.map(\.bytesRead).sorted(), "\(name): monotonic")
            if streams {
                XCTAssertEqual(builder.finish().observationCount, 400)
                XCTAssertGreaterThan(reports.count, 1, "progress reported chunk by chunk")
            } else {
                XCTAssertEqual(builder.diagnostics.count, 0, "given way without a trace")
            }
        }
    }
}
