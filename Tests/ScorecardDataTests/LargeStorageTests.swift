import XCTest
@testable import ScorecardData

/// Large columns are allocated with a request for huge pages; they must behave exactly like any
/// other array.
final class LargeStorageTests: XCTestCase {
    func testLargeArraysHoldWhatTheyAreGiven() {
        let n = 3_000_000
        let ids = [Int32](largeCount: n) { Int32($0) }
        XCTAssertEqual(ids.count, n)
        XCTAssertEqual(ids, Array(0..<Int32(n)))
        XCTAssertEqual([Int32](largeCount: 0) { _ in 1 }, [])
        XCTAssertEqual([Double](largeCount: 5) { Double($0) / 2 }, [0, 0.5, 1, 1.5, 2])
    }

    func testReservingKeepsContentsAndMakesRoom() {
        var empty: [Double] = []
        empty.reserveLarge(1_000_000)
        XCTAssertTrue(empty.isEmpty)
        XCTAssertGreaterThanOrEqual(empty.capacity, 1_000_000)
        for k in 0..<1_000_000 { empty.append(Double(k)) }
        XCTAssertEqual(empty[999_999], 999_999)

        var filled: [Int32] = [7, 8, 9]
        filled.reserveLarge(2_000_000)
        XCTAssertEqual(filled, [7, 8, 9])
        XCTAssertGreaterThanOrEqual(filled.capacity, 2_000_000)

        var small: [Int8] = []
        small.reserveLarge(10)
        XCTAssertGreaterThanOrEqual(small.capacity, 10)
    }
}
