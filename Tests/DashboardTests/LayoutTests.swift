import XCTest
@testable import Dashboard

/// The layout primitives: Rect, the constraint layout, and the table's column placement.
final class LayoutTests: XCTestCase {
    /// A title's line count, counted without splitting it, is what splitting gives (a CR LF is
    /// one Character, so no break).
    func testTitleLineCountIsTheCountOfTitleLines() {
        for title in ["", "a", "District", "\n1", "▴\n1\n2", "\n\n", "a\r\nb", "a\rb\nc", "x\n"] {
            let column = TableColumn("c", title)
            XCTAssertEqual(column.titleLineCount, column.titleLines.count, "\(title.debugDescription)")
        }
    }

    /// A bar is so many full blocks, in either alphabet; none for 0 or less.
    func testABarIsThatManyFullBlocks() {
        for (glyphs, block) in [(Glyphs(ascii: false), "█"), (Glyphs(ascii: true), "#")] {
            XCTAssertEqual(glyphs.bar(0), "")
            XCTAssertEqual(glyphs.bar(1), block)
            XCTAssertEqual(glyphs.bar(3), block + block + block)
            XCTAssertEqual(glyphs.bar(40).count, 40)
            XCTAssertTrue(glyphs.bar(40).allSatisfy { String($0) == block })
            XCTAssertEqual(glyphs.bar(-3), "")
        }
    }

    func testRect() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        XCTAssertEqual(r.right, 12)
        XCTAssertEqual(r.bottom, 7)
        XCTAssertTrue(r.contains(x: 2, y: 3))
        XCTAssertFalse(r.contains(x: 12, y: 3))
        XCTAssertEqual(r.inset(left: 1, top: 1, right: 1, bottom: 1), Rect(x: 3, y: 4, width: 8, height: 2))
        XCTAssertEqual(r.row(1), Rect(x: 2, y: 4, width: 10, height: 1))
        XCTAssertEqual(r.row(9).height, 0)
        XCTAssertEqual(r.splitTop(1).rest, Rect(x: 2, y: 4, width: 10, height: 3))
        XCTAssertEqual(r.splitBottom(9).bottom, r, "never more than there is")
        XCTAssertEqual(Rect(x: 0, y: 0, width: -3, height: 2).width, 0, "never negative")
        XCTAssertEqual(r.intersection(Rect(x: 10, y: 0, width: 10, height: 4)), Rect(x: 10, y: 3, width: 2, height: 1))
    }

    func testLengthsFirstThenFillsShareTheRest() {
        let parts = Layout.vertical([.length(1), .fill(1), .length(2), .fill(2)]).split(Rect(x: 0, y: 0, width: 10, height: 12))
        XCTAssertEqual(parts.map(\.height), [1, 3, 2, 6])
        XCTAssertEqual(parts.map(\.y), [0, 1, 4, 6])
    }

    func testMinMaxPercentageAndSpacing() {
        XCTAssertEqual(Layout.sizes([.percentage(50), .fill(1)], total: 11), [5, 6])
        XCTAssertEqual(Layout.sizes([.min(3), .fill(1)], total: 9), [6, 3], "a minimum, then a share of the rest")
        XCTAssertEqual(Layout.sizes([.max(2), .fill(1)], total: 10), [2, 8], "a capped part gives the rest back")
        let cols = Layout.horizontal([.length(3), .length(3)], spacing: 2).split(Rect(x: 1, y: 0, width: 20, height: 1))
        XCTAssertEqual(cols.map(\.x), [1, 6])
    }

    func testNotEnoughRoomCutsTheLastParts() {
        XCTAssertEqual(Layout.sizes([.length(4), .length(4), .fill(1)], total: 6), [4, 2, 0])
        XCTAssertEqual(Layout.sizes([.length(4)], total: 0), [0])
    }

    func testTableColumnsFitTheirValuesAndNamesTakeTheRest() {
        let model = TableModel(columns: [
            TableColumn("code", "Code", .fit(max: 6)),
            TableColumn("name", "Name", .fill(min: 5)),
            TableColumn("value", "Value", align: .right, .fit()),
            TableColumn("extra", "Extra column", .fit(), priority: 2),
        ], rows: [.data([TableCell("ABCDEFGHIJ"), TableCell("a long name"), TableCell("1,234.5"), TableCell("x")])])
        let wide = TableLayout.regions(model, in: Rect(x: 0, y: 0, width: 60, height: 5), cursor: 0, scroll: 0)
        XCTAssertEqual(wide.columns.map(\.width), [6, 60 - 6 - 7 - 12 - 3, 7, 12])
        let narrow = TableLayout.regions(model, in: Rect(x: 0, y: 0, width: 25, height: 5), cursor: 0, scroll: 0)
        XCTAssertEqual(narrow.columns.map(\.index), [0, 1, 2], "the droppable column goes first")
        XCTAssertEqual(narrow.columns.map(\.width), [6, 10, 7])
        XCTAssertEqual(narrow.hit(x: 7, y: 1), .row(0))
        XCTAssertEqual(narrow.hit(x: 7, y: 0), .header(column: 1))
        XCTAssertNil(narrow.hit(x: 7, y: 2))
    }

    func testAShrinkingColumnGivesWayButNoMore() {
        let model = TableModel(columns: [
            TableColumn("measure", "Measure", .shrink(min: 8, max: 30)),
            TableColumn("v", "V", align: .right, .fit()),
        ], rows: [.data([TableCell("a measure of twenty c"), TableCell("12")])])
        XCTAssertEqual(TableLayout.regions(model, in: Rect(x: 0, y: 0, width: 80, height: 3), cursor: 0, scroll: 0).columns.map(\.width), [21, 2])
        XCTAssertEqual(TableLayout.regions(model, in: Rect(x: 0, y: 0, width: 15, height: 3), cursor: 0, scroll: 0).columns.map(\.width), [12, 2])
    }

    func testScrollKeepsTheCursorInViewAndARowInViewStill() {
        XCTAssertEqual(ListScroll.firstRow(scroll: 0, cursor: 12, count: 20, visible: 5), 8)
        XCTAssertEqual(ListScroll.firstRow(scroll: 8, cursor: 9, count: 20, visible: 5), 8, "a row in view does not move")
        XCTAssertEqual(ListScroll.firstRow(scroll: 8, cursor: 3, count: 20, visible: 5, isSection: { $0 == 2 }), 2,
                       "scrolling up to a row brings its heading")
        XCTAssertEqual(ListScroll.firstRow(scroll: 18, cursor: 19, count: 20, visible: 5), 15, "never past the end")
    }
}
