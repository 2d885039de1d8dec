import XCTest
@testable import ScorecardData

final class PeriodTests: XCTestCase {
    func testRoundTripOfEveryForm() {
        let cases: [(String, Period.Kind, Int, Int)] = [
            ("2024-10", .month, 2024, 10), ("2024-01", .month, 2024, 1), ("2023", .calendarYear, 2023, 0),
            ("FY2024-25", .financialYear, 2024, 0), ("FY2024-25-Q2", .financialQuarter, 2024, 2),
            ("FY1999-00", .financialYear, 1999, 0), ("AY2023-24", .academicYear, 2023, 0),
            ("AY2023-24-Autumn", .term, 2023, 1), ("AY2023-24-Spring", .term, 2023, 2), ("AY2023-24-Summer", .term, 2023, 3),
        ]
        for (text, kind, year, index) in cases {
            guard let p = Period(text) else { XCTFail("\(text) should parse"); continue }
            XCTAssertEqual(p.kind, kind, text)
            XCTAssertEqual(p.year, year, text)
            XCTAssertEqual(p.index, index, text)
            XCTAssertEqual(p.description, text, "round trip")
            XCTAssertEqual(Period(p.description), p)
            XCTAssertEqual(Period.parse(Array(text.utf8)[...]), p)
        }
        XCTAssertEqual(Period("2024-10"), Period.month(2024, 10))
    }

    func testRejects() {
        for text in ["2024-13", "2024-00", "FY2024-26", "AY2023-24-Winter", "24-10", "Q2 24-25", "", "2024-1", "2024/10",
                     "202410", "fy2024-25", "FY2024-25-Q0", "FY2024-25-Q5", "FY2024-25-q2", "AY2023-24-summer",
                     "AY2023-24-", "AY2023-25", "FY24-25", "Oct-24", "2024-10-01", "20245", "FY2024-25Q2", "XY2024-25",
                     "AY2023-24-Q1", "FY2024-25-Summer", "２０２４"] {
            XCTAssertNil(Period(text), "'\(text)' should be rejected")
        }
    }

    func testMonthsAreInOrder() {
        var months: [Period] = []
        for year in 2023...2025 { for m in 1...12 { months.append(.month(year, m)) } }
        XCTAssertEqual(months.shuffled().sorted(), months)
        XCTAssertLessThan(Period.p("2024-09"), Period.p("2024-10"))
        XCTAssertLessThan(Period.p("2023-12"), Period.p("2024-01"))
    }

    func testQuartersTermsAndYearsSortByTheMonthTheyEnd() {
        XCTAssertLessThan(Period.p("FY2023-24-Q4"), Period.p("2024-04"))
        XCTAssertLessThan(Period.p("2024-03"), Period.p("FY2023-24-Q4"), "a quarter sorts after the month it ends with")
        XCTAssertLessThan(Period.p("FY2023-24-Q4"), Period.p("FY2023-24"), "a year sorts after the quarter it ends with")
        XCTAssertLessThan(Period.p("AY2023-24-Autumn"), Period.p("AY2023-24-Spring"))
        XCTAssertLessThan(Period.p("AY2023-24-Spring"), Period.p("AY2023-24-Summer"))
        XCTAssertLessThan(Period.p("AY2023-24-Summer"), Period.p("AY2023-24"))
        XCTAssertLessThan(Period.p("AY2023-24"), Period.p("AY2024-25-Autumn"))
        XCTAssertLessThan(Period.p("2023-12"), Period.p("2023"))
        XCTAssertLessThan(Period.p("2023"), Period.p("2024-01"))
        XCTAssertLessThan(Period.p("FY2024-25-Q1"), Period.p("FY2024-25-Q2"))
        XCTAssertLessThan(Period.p("FY2024-25-Q3"), Period.p("FY2024-25-Q4"))
        let sorted = ["2023-08", "AY2022-23", "2023-09", "2023-12", "AY2023-24-Autumn", "2023", "2024-03", "FY2023-24-Q4", "AY2023-24-Spring",
                      "FY2023-24", "2024-04", "2024-08", "AY2023-24-Summer", "AY2023-24", "FY2024-25-Q2"].map(Period.p)
        XCTAssertEqual(sorted.reversed().sorted(), sorted)
        XCTAssertEqual(Set(sorted.map(\.sortKey)).count, sorted.count, "distinct periods have distinct sort keys")
    }

    func testPrevious() {
        XCTAssertEqual(Period.p("2024-10").previous, Period.p("2024-09"))
        XCTAssertEqual(Period.p("2024-01").previous, Period.p("2023-12"))
        XCTAssertEqual(Period.p("FY2024-25-Q2").previous, Period.p("FY2024-25-Q1"))
        XCTAssertEqual(Period.p("FY2024-25-Q1").previous, Period.p("FY2023-24-Q4"))
        XCTAssertEqual(Period.p("AY2023-24-Summer").previous, Period.p("AY2023-24-Spring"))
        XCTAssertEqual(Period.p("AY2023-24-Autumn").previous, Period.p("AY2022-23-Summer"))
        XCTAssertEqual(Period.p("AY2023-24").previous, Period.p("AY2022-23"))
        XCTAssertEqual(Period.p("FY2024-25").previous, Period.p("FY2023-24"))
        XCTAssertEqual(Period.p("2023").previous, Period.p("2022"))
        XCTAssertEqual(Period.p("FY2000-01").previous.description, "FY1999-00")
    }

    func testLabels() {
        XCTAssertEqual(Period.p("2024-10").label, "Oct-24")
        XCTAssertEqual(Period.p("2025-01").label, "Jan-25")
        XCTAssertEqual(Period.p("FY2024-25-Q2").label, "Q2 24-25")
        XCTAssertEqual(Period.p("AY2023-24-Summer").label, "Summer 23-24")
        XCTAssertEqual(Period.p("AY2023-24-Autumn").label, "Autumn 23-24")
        XCTAssertEqual(Period.p("AY2023-24").label, "2023-24")
        XCTAssertEqual(Period.p("FY2024-25").label, "2024-25")
        XCTAssertEqual(Period.p("FY1999-00").label, "1999-00")
        XCTAssertEqual(Period.p("2023").label, "2023")
    }

    func testMonthsCovered() {
        let q2 = Period.p("FY2024-25-Q2")
        XCTAssertEqual(q2.startOrdinal, Period.p("2024-07").startOrdinal)
        XCTAssertEqual(q2.endOrdinal, Period.p("2024-09").endOrdinal)
        let summer = Period.p("AY2023-24-Summer")
        XCTAssertEqual(summer.startOrdinal, Period.p("2024-04").startOrdinal)
        XCTAssertEqual(summer.endOrdinal, Period.p("2024-08").endOrdinal)
        let autumn = Period.p("AY2023-24-Autumn")
        XCTAssertEqual(autumn.startOrdinal, Period.p("2023-09").startOrdinal)
        XCTAssertEqual(autumn.endOrdinal, Period.p("2023-12").endOrdinal)
        XCTAssertEqual(Period.p("AY2023-24").endOrdinal, Period.p("2024-08").endOrdinal)
        XCTAssertEqual(Period.p("FY2023-24").startOrdinal, Period.p("2023-04").startOrdinal)
    }

    /// A month cell with any byte at any of its seven positions parses exactly when it still
    /// reads YYYY-MM with a month of 1 to 12, to that year and month.
    func testMonthCellsWithEveryByteAtEveryPosition() {
        let base = Array("2015-07".utf8)
        for k in 0..<7 {
            for b in 0...255 {
                var cell = base
                cell[k] = UInt8(b)
                let text = String(decoding: cell, as: UTF8.self)
                let digits = cell.enumerated().allSatisfy { $0.offset == 4 ? $0.element == 0x2D : (0x30...0x39).contains($0.element) }
                let year = Int(text.prefix(4)), month = Int(text.suffix(2))
                let expected = digits && (1...12).contains(month ?? 0) ? Period(kind: .month, year: year ?? -1, index: month ?? -1) : nil
                XCTAssertEqual(Period.parse(cell[...]), expected, "\(cell)")
            }
        }
        XCTAssertEqual(Period.parse(Array("9999-12".utf8)[...]), Period(kind: .month, year: 9999, index: 12))
        XCTAssertEqual(Period.parse(Array("0000-01".utf8)[...]), Period(kind: .month, year: 0, index: 1))
        XCTAssertNil(Period.parse(Array("2015-00".utf8)[...]))
        XCTAssertNil(Period.parse(Array("2015-13".utf8)[...]))
    }
}
