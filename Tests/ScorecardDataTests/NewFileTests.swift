import Foundation
import ScorecardData
import XCTest

/// `NewFile.create`: a new file with its bytes, never an existing one, and the errno when not.
final class NewFileTests: XCTestCase {
    func testCreatesOnlyNewFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-newfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.csv").path
        XCTAssertNil(NewFile.create(path, Array("x,y\n1,2\n".utf8)))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "x,y\n1,2\n")
        XCTAssertEqual(NewFile.create(path, Array("other".utf8)), EEXIST)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "x,y\n1,2\n", "an existing file is left as it was")
        XCTAssertNil(NewFile.create(dir.appendingPathComponent("empty").path, []))
        XCTAssertEqual(NewFile.create(dir.appendingPathComponent("no/such/folder/b.csv").path, [1]), ENOENT)
        XCTAssertEqual(NewFile.create(path + "/b.csv", [1]), ENOTDIR)
        XCTAssertEqual(NewFile.describe(ENOENT), "No such file or directory")
    }
}
