import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// Every line of Golden/MANIFEST — each pane at several sizes, the filters, search, help, the
/// area picker, drill-down and back, ASCII — rendered on the bundled Kent data and compared
/// with its checked-in file: the screen's text and every cell's style role (Golden/README.md).
/// Lines that compare with another edition (`{august}`) need one written to disk: the
/// end-to-end ChangesGoldenTests render those with the real binary.
final class GoldenSnapshotTests: XCTestCase {
    /// One manifest line: a name and the `snapshot` arguments.
    struct Case {
        var name: String
        var arguments: [String]
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: Golden.directory.appendingPathComponent("MANIFEST"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let bar = line.firstIndex(of: "|") else { return nil }
            return Case(name: line[..<bar].trimmingCharacters(in: .whitespaces), arguments: Golden.words(String(line[line.index(after: bar)...])))
        }
    }

    func testEveryGoldenScreen() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 35)
        for c in cases where !c.arguments.contains(where: { $0.contains("{august}") }) {
            let state = try Golden.state(arguments: c.arguments)
            Golden.assert(state.render(), named: c.name)
        }
    }
}
