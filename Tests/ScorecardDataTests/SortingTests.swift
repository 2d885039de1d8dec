import XCTest
@testable import ScorecardData

/// The sort vocabulary shared by `report --sort` and the dashboard's tables.
final class SortingTests: XCTestCase {
    func testParsingColumnAndDirection() {
        XCTAssertEqual(ReportSort(parsing: "value"), ReportSort(.value))
        XCTAssertEqual(ReportSort(parsing: "value:desc"), ReportSort(.value, descending: true))
        XCTAssertEqual(ReportSort(parsing: " Gap : ASC "), ReportSort(.gap))
        XCTAssertEqual(ReportSort(parsing: "national_rank:DESC"), ReportSort(.nationalRank, descending: true))
        for bad in ["", "colour", "value:", "value:up", "value:desc:asc", ":desc"] { XCTAssertNil(ReportSort(parsing: bad), bad) }
        XCTAssertEqual(ReportSort(.rag, descending: true).argument, "rag:desc")
        for column in ReportColumn.allCases { XCTAssertEqual(ReportSort(parsing: column.rawValue)?.column, column) }
    }

    func testEveryReportFieldIsASortColumn() {
        XCTAssertEqual(ReportColumn.allCases.map(\.rawValue), ReportFormat.fields + ReportFormat.neighbourFields)
    }

    func testMissingValuesSortLastBothWays() {
        let values: [SortValue] = [.number(3), .missing, .number(1), .number(nil), .number(2)]
        func order(_ descending: Bool) -> [Int] {
            values.indices.sorted { i, j in
                SortValue.precedes(values[i], values[j], descending: descending)
                    || (!SortValue.precedes(values[j], values[i], descending: descending) && i < j)
            }
        }
        XCTAssertEqual(order(false), [2, 4, 0, 1, 3])
        XCTAssertEqual(order(true), [0, 4, 2, 1, 3])
        XCTAssertFalse(SortValue.precedes(.missing, .missing))
        XCTAssertTrue(SortValue.text("").isMissing)
        XCTAssertTrue(SortValue.number(.nan).isMissing)
        XCTAssertTrue(SortValue.text(String?.none).isMissing)
        XCTAssertTrue(SortValue.precedes(.text("z"), .text(""), descending: false))
        XCTAssertTrue(SortValue.precedes(.text("a"), .text(""), descending: true))
    }

    func testRatingsBySeverityDirectionsWorstFirstTextIgnoringCase() {
        XCTAssertTrue(SortValue.precedes(.rating(.red), .rating(.amber)))
        XCTAssertTrue(SortValue.precedes(.rating(.amber), .rating(.green)))
        XCTAssertTrue(SortValue.precedes(.rating(.green), .rating(nil)))
        XCTAssertTrue(SortValue.precedes(.rating(.amber), .rating(nil, source: .undecided)), "target missed after AMBER")
        XCTAssertTrue(SortValue.precedes(.rating(nil, source: .undecided), .rating(.green, source: .rule)), "and before GREEN")
        XCTAssertTrue(SortValue.precedes(.rating(nil, source: .undecided), .rating(nil)), "and before no rating")
        XCTAssertTrue(SortValue.precedes(.rating(.green), .rating(.red), descending: true))
        XCTAssertTrue(SortValue.precedes(.direction(.worsened), .direction(.same)))
        XCTAssertTrue(SortValue.precedes(.direction(.same), .direction(.improved)))
        XCTAssertTrue(SortValue.precedes(.text("apple"), .text("Banana")))
        XCTAssertTrue(SortValue.precedes(.text("Apple"), .text("apple")), "equal ignoring case: then by the text as written")
        XCTAssertTrue(SortValue.precedes(.period(.p("2024-09")), .period(.p("FY2024-25-Q2"))))
    }

    func testRowsThatSortAlikeKeepTheirOrder() {
        func row(_ name: String, _ rag: RAG?, _ gap: Double?) -> ReportRow {
            ReportRow(areaCode: name, areaName: name, indicator: "I", indicatorName: "I", period: .p("2024"), rag: rag, gap: gap)
        }
        let rows = [row("a", .green, 2), row("b", nil, nil), row("c", .red, -3), row("d", .green, 2), row("e", .red, -1), row("f", .amber, 0)]
        XCTAssertEqual(ReportSort(.rag).sorted(rows).map(\.areaCode), ["c", "e", "f", "a", "d", "b"])
        XCTAssertEqual(ReportSort(.rag, descending: true).sorted(rows).map(\.areaCode), ["a", "d", "f", "c", "e", "b"])
        XCTAssertEqual(ReportSort(.gap).sorted(rows).map(\.areaCode), ["c", "e", "f", "a", "d", "b"])
        XCTAssertEqual(ReportSort(.gap, descending: true).sorted(rows).map(\.areaCode), ["a", "d", "f", "e", "c", "b"])
        XCTAssertEqual(ReportSort(.area, descending: true).sorted(rows).map(\.areaCode), ["f", "e", "d", "c", "b", "a"])
    }
}
