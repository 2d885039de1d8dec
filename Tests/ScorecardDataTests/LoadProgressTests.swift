import Foundation
import Synchronization
import XCTest
@testable import ScorecardData

/// `DatasetLoader.load(directories:progress:)`: progress in bytes of the observation files,
/// never going back, never past the total, and ending once with everything read — on success and
/// failure. (Reports come at most about once a megabyte: these files are smaller, so the end is
/// all they see; ParallelLoadTests follows a streamed load chunk by chunk.)
final class LoadProgressTests: XCTestCase {
    private func load(_ dirs: [TempDataset]) -> (reports: [LoadProgress], failed: Bool) {
        let seen = Mutex<[LoadProgress]>([])
        var failed = false
        do {
            _ = try DatasetLoader.load(directories: dirs.map(\.url.path)) { p in seen.withLock { $0.append(p) } }
        } catch {
            failed = true
        }
        return (seen.withLock { $0 }, failed)
    }

    private func dataset(_ observations: String) throws -> TempDataset {
        try TempDataset(["areas.csv": LoaderTests.areas, "indicators.csv": LoaderTests.indicators, "observations.csv": observations])
    }

    func testProgressCountsObservationBytesAndEndsComplete() throws {
        let a = try dataset(LoaderTests.observations)
        let b = try dataset("area,indicator,period,value\nE07000105,EH52,2024-10,70\n")
        defer { a.remove(); b.remove() }
        let sizeA = Int64(LoaderTests.observations.utf8.count), sizeB = Int64(54)
        let (reports, failed) = load([a, b])
        XCTAssertFalse(failed)
        XCTAssertFalse(reports.isEmpty)
        XCTAssertEqual(reports.last, LoadProgress(bytesRead: sizeA + sizeB, bytesTotal: sizeA + sizeB), "both folders' files count")
        XCTAssertEqual(reports.filter { $0.bytesRead == $0.bytesTotal }.count, 1, "one report of the end: \(reports)")
        for (before, after) in zip(reports, reports.dropFirst()) {
            XCTAssertLessThanOrEqual(before.bytesRead, after.bytesRead, "monotonic: \(reports)")
        }
        XCTAssertTrue(reports.allSatisfy { $0.bytesTotal == sizeA + sizeB && $0.bytesRead <= $0.bytesTotal }, "\(reports)")
    }

    func testAFailedLoadStillEndsComplete() throws {
        let a = try dataset("area,indicator,period,value\nE07000105,EH52,2024-10,seventy\n")
        defer { a.remove() }
        let (reports, failed) = load([a])
        XCTAssertTrue(failed)
        XCTAssertEqual(reports.last, LoadProgress(bytesRead: 59, bytesTotal: 59))
    }
}
