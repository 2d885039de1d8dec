import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// The bundled Kent dataset, loaded once for all dashboard tests.
enum Kent {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path

    static let dataset: Dataset = {
        do {
            return try DatasetLoader.load(directory: directory).dataset
        } catch {
            fatalError("bundled Kent data does not load: \(error)")
        }
    }()

    static func state(width: Int = 80, height: Int = 24, pane: Pane = .scorecard, keys: String = "") -> DashboardState {
        var s = DashboardState(dataset: dataset, width: width, height: height, pane: pane)
        _ = s.apply(keys: keys.split(separator: " ").compactMap { Key(name: String($0)) })
        return s
    }
}

/// Golden files: `Golden/NAME.txt` holds the expected plain-text screen. Set
/// RAGTOP_UPDATE_GOLDEN=1 to rewrite them after an intended change (then review the diff).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func assert(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RAGTOP_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); run with RAGTOP_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        if expected != text + "\n" {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let exp = first < e.count ? String(e[first]) : "<end>"
            let act = first < a.count ? String(a[first]) : "<end>"
            XCTFail("\(name): screen differs from golden at line \(first + 1)\nexpected: \(exp)\nactual:   \(act)", file: file, line: line)
        }
    }
}
