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

    /// Random plain decimals (a sign or none, up to 18 digits, a point anywhere or none) and
    /// their edge cases parse to `Double(String)`'s value to the bit, or are rejected exactly when
    /// it has none or it is out of range; the same through `plainDecimal` where it answers.
    func testRandomDecimalsAgreeWithDoubleOfString() {
        var state: UInt64 = 2026
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var cells = ["0", "-0", ".0", "0.", "-.5", "5.", ".", "-", "-.", "", "1.2.3", "--1", "1-", "1a", "a1", "١", "0x10",
                     "999999999999999", "9999999999999999", "1000000000000000", "1000000000000001", "0.000000000000001",
                     "123456789012345.", ".123456789012345", "-99999999999999.9", "12345678901234567", "00000000000000000"]
        for _ in 0..<20_000 {
            let digits = String((0..<next(19)).map { _ in Character(String(next(10))) })
            var cell = digits
            if next(3) > 0 { cell.insert(".", at: cell.index(cell.startIndex, offsetBy: next(digits.count + 1))) }
            if next(3) == 0 { cell = "-" + cell }
            if next(50) == 0 { cell.insert(["x", "e", ",", " ", "+", "."][next(6)], at: cell.index(cell.startIndex, offsetBy: next(cell.count + 1))) }
            cells.append(cell)
        }
        for cell in cells {
            let bytes = Array(cell.utf8)
            let outcome = NumberParser.parse(bytes[...])
            let plain = NumberParser.plainDecimal(bytes)
            // The parser allows surrounding spaces, and only decimal notation (Double also reads hex).
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            let decimal = trimmed.allSatisfy { "0123456789.-+eE".contains($0) }
            if decimal, let expected = Double(trimmed), expected.isFinite, abs(expected) <= NumberParser.maximumMagnitude {
                guard case .value(let v) = outcome else { XCTFail("'\(cell)' should be \(expected), got \(outcome)"); continue }
                XCTAssertEqual(v.bitPattern, expected.bitPattern, "'\(cell)': \(v) is not \(expected)")
            } else if trimmed.isEmpty {
                XCTAssertEqual(outcome, .empty, "'\(cell)'")
            } else {
                guard case .invalid = outcome else { XCTFail("'\(cell)' should be rejected, got \(outcome)"); continue }
            }
            if let plain {
                XCTAssertEqual(outcome, .value(plain), "'\(cell)': plainDecimal gave \(plain)")
                XCTAssertEqual(Double(cell)?.bitPattern, plain.bitPattern, "'\(cell)'")
            }
        }
        // The constants are the products of repeated multiplication by ten.
        for e in 0...16 { XCTAssertEqual(NumberParser.smallPowerOfTen(e), NumberParser.powersOfTen[e], "10^\(e)") }
        // Cells the plain path takes: a minus, up to 15 digits and a point.
        XCTAssertEqual(NumberParser.plainDecimal(Array("-12.5".utf8)), -12.5)
        XCTAssertEqual(NumberParser.plainDecimal(Array("123456789012345".utf8)), 123456789012345)
        XCTAssertNil(NumberParser.plainDecimal(Array("1234567890123456".utf8)))
        XCTAssertNil(NumberParser.plainDecimal(Array("1.2.3".utf8)))
        XCTAssertNil(NumberParser.plainDecimal(Array("12a".utf8)))
        XCTAssertNil(NumberParser.plainDecimal(Array("-".utf8)))
        XCTAssertNil(NumberParser.plainDecimal(Array(".".utf8)))
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
