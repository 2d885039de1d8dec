import Foundation
import XCTest
@testable import ScorecardData

/// A large observations.csv is read in parallel stretches (ObservationReader), and a large
/// dataset's series are rated in parallel parts (DatasetBuilder.finish). Whatever the cuts, the
/// outcome must be exactly that of doing it all in one go: the same rows, series, ratings,
/// strings and diagnostics, listed under the same limits.
final class ParallelLoadTests: XCTestCase {
    /// Everything a load shows, as lines to compare.
    private func outcome(_ dirs: [String], parts: Int) -> [String] {
        do {
            let parallelism = LoadParallelism(maxParts: parts, stretchBytes: 1, rowsPerRatingPart: 1)
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
        for stretches in [2, 3, 7] {
            let parallel = outcome(dirs, parts: stretches)
            XCTAssertEqual(parallel.count, sequential.count, "\(dirs) in \(stretches) stretches", file: file, line: line)
            for (p, s) in zip(parallel, sequential) where p != s {
                XCTFail("\(dirs) in \(stretches) stretches:\n  parallel:   \(p)\n  sequential: \(s)", file: file, line: line)
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
}
