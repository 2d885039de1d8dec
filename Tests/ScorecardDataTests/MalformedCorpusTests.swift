import Foundation
import XCTest
@testable import ScorecardData

/// Every directory under Fixtures/malformed is a small dataset with exactly one fault and an
/// `expected.txt`: the first error as `FILE:LINE:COL: error: MESSAGE-PREFIX`, and optionally
/// `exit: 66` on a second line for missing input (65 otherwise).
final class MalformedCorpusTests: XCTestCase {
    struct Expectation: Equatable {
        var file: String
        var line: Int
        var column: Int
        var messagePrefix: String
        var exitCode: Int32

        /// Parses expected.txt.
        static func parse(_ text: String) -> Expectation? {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
            guard let first = lines.first, let marker = first.range(of: ": error: ") else { return nil }
            let location = first[..<marker.lowerBound].split(separator: ":")
            guard location.count == 3, let line = Int(location[1]), let column = Int(location[2]) else { return nil }
            var exitCode: Int32 = 65
            for extra in lines.dropFirst() where !extra.isEmpty {
                guard extra.hasPrefix("exit: "), let code = Int32(extra.dropFirst(6)) else { return nil }
                exitCode = code
            }
            return Expectation(file: String(location[0]), line: line, column: column,
                               messagePrefix: String(first[marker.upperBound...]), exitCode: exitCode)
        }
    }

    static var corpus: URL { Fixtures.root.appendingPathComponent("malformed") }

    static func fixtureNames() throws -> [String] {
        let fm = FileManager.default
        return try fm.contentsOfDirectory(atPath: corpus.path).filter { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".") && fm.fileExists(atPath: corpus.appendingPathComponent(name).path, isDirectory: &isDir) && isDir.boolValue
        }.sorted()
    }

    func testCorpusIsLargeEnough() throws {
        XCTAssertGreaterThanOrEqual(try Self.fixtureNames().count, 30)
    }

    func testExpectationFormat() {
        XCTAssertEqual(Expectation.parse("observations.csv:3:24: error: value: expected a number, found 'abc'\n"),
                       Expectation(file: "observations.csv", line: 3, column: 24, messagePrefix: "value: expected a number, found 'abc'", exitCode: 65))
        XCTAssertEqual(Expectation.parse("areas.csv:1:1: error: required file is missing\nexit: 66\n")?.exitCode, 66)
        XCTAssertNil(Expectation.parse(""))
        XCTAssertNil(Expectation.parse("areas.csv:1: error: x"))
        XCTAssertNil(Expectation.parse("areas.csv:1:1: error: x\nexit: lots"))
    }

    func testEveryFixtureFailsWithItsExpectedFirstError() throws {
        let names = try Self.fixtureNames()
        XCTAssertFalse(names.isEmpty, "no fixtures found at \(Self.corpus.path)")
        for name in names {
            let dir = Self.corpus.appendingPathComponent(name)
            let expectedURL = dir.appendingPathComponent("expected.txt")
            guard let text = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(name): the fixture has no expected.txt")
                continue
            }
            guard let expected = Expectation.parse(text) else {
                XCTFail("\(name): expected.txt is not 'FILE:LINE:COL: error: MESSAGE' (+ optional 'exit: N'): \(text)")
                continue
            }
            let failure: LoadFailure
            do {
                let result = try DatasetLoader.load(directory: dir.path)
                XCTFail("\(name): loaded without error (\(result.dataset.observationCount) observations)")
                continue
            } catch {
                failure = error
            }
            guard let first = failure.errors.first else {
                XCTFail("\(name): the load failed with no error diagnostics")
                continue
            }
            XCTAssertTrue(first.path.hasSuffix("/" + expected.file), "\(name): path \(first.path), expected …/\(expected.file)")
            XCTAssertEqual(first.line, expected.line, "\(name): line of \(first)")
            XCTAssertEqual(first.column, expected.column, "\(name): column of \(first)")
            XCTAssertTrue(first.message.hasPrefix(expected.messagePrefix), "\(name): message '\(first.message)' should start with '\(expected.messagePrefix)'")
            XCTAssertEqual(failure.missingInput, expected.exitCode == 66, "\(name): missingInput")
            XCTAssertTrue(first.description.hasSuffix(":\(expected.line):\(expected.column): error: \(first.message)"))
        }
    }
}
