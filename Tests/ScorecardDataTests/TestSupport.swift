import Foundation
import XCTest
@testable import ScorecardData

/// A dataset directory written into a fresh temporary directory for one test.
struct TempDataset {
    let url: URL
    var path: String { url.path }

    /// Writes `files` (name → contents) into a new temporary directory.
    init(_ files: [String: String], function: String = #function) throws {
        try self.init(bytes: files.mapValues { Array($0.utf8) }, function: function)
    }

    init(bytes files: [String: [UInt8]], function: String = #function) throws {
        let name = "ragtop-test-" + function.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, data) in files {
            try Data(data).write(to: url.appendingPathComponent(file))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Where the test fixtures are (copied into the test bundle by Package.swift).
enum Fixtures {
    static var root: URL {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
        // Fall back to the source tree.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func directory(_ name: String) -> String { root.appendingPathComponent(name).path }
}

/// Loads a dataset, failing the test with every diagnostic if it does not load.
func loadOrFail(_ dirs: [String], file: StaticString = #filePath, line: UInt = #line) -> LoadResult? {
    do {
        return try DatasetLoader.load(directories: dirs)
    } catch {
        XCTFail("load failed:\n\(error.description)", file: file, line: line)
        return nil
    }
}

/// Loads a dataset that must fail, returning the failure.
func loadFailure(_ dirs: [String], file: StaticString = #filePath, line: UInt = #line) -> LoadFailure? {
    do {
        let result = try DatasetLoader.load(directories: dirs)
        XCTFail("expected the load to fail; it loaded \(result.dataset.observationCount) observations", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

extension Period {
    /// A period from text that must parse (for tests).
    static func p(_ text: String) -> Period {
        guard let p = Period(text) else { fatalError("not a period: \(text)") }
        return p
    }
}
