import XCTest
@testable import ScorecardData

/// FileReader reads a large file in parts at once; what it returns must be the file, byte for
/// byte, whatever its size relative to the parts.
final class FileReaderTests: XCTestCase {
    private func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    func testLargeAndSmallFilesReadExactly() throws {
        let limit = FileReader.parallelReadBytes
        for (k, size) in [0, 1, 4096, limit - 1, limit, limit + 1, limit * 2 + 12_345].enumerated() {
            let content = bytes(size, seed: UInt64(k + 1))
            let dir = try TempDataset(bytes: ["data.bin": content])
            defer { dir.remove() }
            switch FileReader.read(dir.path + "/data.bin") {
            case .success(let read):
                XCTAssertEqual(read.count, size, "size \(size)")
                XCTAssertTrue(read == content, "content of a file of \(size) bytes")
            case .failure(let failure):
                XCTFail("\(size) bytes: \(failure.message)")
            }
        }
    }

    func testMissingAndDirectoryAreToldApart() throws {
        let dir = try TempDataset(bytes: [:])
        defer { dir.remove() }
        XCTAssertEqual(FileReader.read(dir.path + "/none.csv").failure, .missing)
        XCTAssertEqual(FileReader.read(dir.path).failure, .isDirectory)
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
