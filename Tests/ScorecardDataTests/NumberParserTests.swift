import XCTest
@testable import ScorecardData

final class NumberParserTests: XCTestCase {
    private func parse(_ s: String) -> NumberParser.Outcome { NumberParser.parse(Array(s.utf8)[...]) }

    private func assertValue(_ s: String, _ expected: Double, file: StaticString = #filePath, line: UInt = #line) {
        guard case .value(let v) = parse(s) else {
            XCTFail("'\(s)' should parse, got \(parse(s))", file: file, line: line)
            return
        }
        XCTAssertEqual(v, expected, "'\(s)'", file: file, line: line)
        XCTAssertEqual(v.bitPattern, expected.bitPattern, "'\(s)' should be exactly \(expected)", file: file, line: line)
    }

    private func assertInvalid(_ s: String, containing hint: String = "", file: StaticString = #filePath, line: UInt = #line) {
        guard case .invalid(let why) = parse(s) else {
            XCTFail("'\(s)' should be rejected, got \(parse(s))", file: file, line: line)
            return
        }
        if !hint.isEmpty { XCTAssertTrue(why.contains(hint), "'\(why)' should contain '\(hint)'", file: file, line: line) }
    }

    func testPlainNumbers() {
        assertValue("12", 12)
        assertValue("0", 0)
        assertValue("-3", -3)
        assertValue("+4", 4)
        assertValue("1036", 1036)
        assertValue(" 7 ", 7)
        assertValue("\t8.5", 8.5)
        assertValue(".5", 0.5)
        assertValue("5.", 5)
        assertValue("007", 7)
    }

    func testExponents() {
        assertValue("1.5e3", 1500)
        assertValue("2E-2", 0.02)
        assertValue("1e+2", 100)
        assertValue("-4.2e1", -42)
        assertValue("1e15", 1e15)
    }

    func testExactness() {
        assertValue("0.1", 0.1)
        assertValue("85.0", 85)
        assertValue("-0.12", -0.12)
        assertValue("32.83", 32.83)
        assertValue("73.1", 73.1)
        assertValue("0.3", 0.3)
        assertValue("123456789012345", 123456789012345)
        assertValue("999999999999999.9", 999999999999999.9)
        assertValue("0.000000000000000000001", 1e-21)
    }

    func testRejections() {
        assertInvalid("1,036", containing: "remove the thousands separator")
        assertInvalid("23,222.5", containing: "thousands separator")
        assertInvalid("45%", containing: "write percentages without '%'")
        assertInvalid("NaN", containing: "finite")
        assertInvalid("nan", containing: "finite")
        assertInvalid("inf", containing: "finite")
        assertInvalid("-inf", containing: "finite")
        assertInvalid("Infinity", containing: "finite")
        assertInvalid("1e400", containing: "out of range")
        assertInvalid("2e15", containing: "out of range")
        assertInvalid("-2e15", containing: "out of range")
        assertInvalid("1000000000000001", containing: "out of range")
        assertInvalid("N/A", containing: "leave the cell empty")
        assertInvalid("n/a", containing: "leave the cell empty")
        assertInvalid("-", containing: "leave the cell empty")
        assertInvalid("abc", containing: "expected a number, found 'abc'")
        assertInvalid("1.2.3")
        assertInvalid("1e")
        assertInvalid("--1")
        assertInvalid("0x10")
        assertInvalid("1 000")
        assertInvalid("£5")
        assertInvalid("e5")
        assertInvalid(".")
    }

    func testEmpty() {
        XCTAssertEqual(parse(""), .empty)
        XCTAssertEqual(parse("   "), .empty)
        XCTAssertEqual(parse("\t"), .empty)
    }

    func testLongCellIsClippedInTheMessage() {
        let long = String(repeating: "x", count: 100)
        guard case .invalid(let why) = parse(long) else { return XCTFail() }
        XCTAssertTrue(why.contains("…"))
        XCTAssertLessThan(why.count, 80)
    }

    /// The library's own messages never carry control characters from a cell (the CLI sanitises
    /// its output too, but `Diagnostic.message` is public).
    func testMessagesShowControlCharactersAsCodePoints() {
        guard case .invalid(let why) = parse("12\u{1B}[31m") else { return XCTFail() }
        XCTAssertFalse(why.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, why)
        XCTAssertTrue(why.contains("<U+1B>"), why)
        let exactly40 = String(repeating: "é", count: 40)
        guard case .invalid(let short) = parse(exactly40) else { return XCTFail() }
        XCTAssertFalse(short.contains("…"), short)
        guard case .invalid(let long) = parse(exactly40 + "é") else { return XCTFail() }
        XCTAssertTrue(long.contains("…"), long)
    }
}
