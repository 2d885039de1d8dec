import Foundation
import XCTest
@testable import ScorecardData

/// What the loaded observations cost in memory, counted from the storage's buffers (not timed;
/// the room a streamed load makes past the rows it writes, never touched, is not counted): issue
/// #17 holds a load to ≤ 36 bytes an observation at ten times England scale, the file's bytes
/// not kept and the mostly-empty columns sparse.
final class StorageSizeTests: XCTestCase {
    /// A dataset of the benchmark's shape (Tests/Benchmarks/make_big_dataset.py): areas ×
    /// indicators × 120 months, 2% empty values, numerators and denominators on a fifth of the
    /// rows (percentages of local authorities), a note on 1%.
    static func generated(areas: Int, indicators: Int) -> [String: String] {
        var areasCSV = "code,name,parent\nE92000001,England,\n"
        for a in 1..<areas { areasCSV += "E06\(String(format: "%06d", a)),\"Area \(a), a district\",E92000001\n" }
        var indicatorsCSV = "code,name,polarity,period_type,unit,decimals,target,floor\n"
        for i in 0..<indicators {
            indicatorsCSV += "K\(String(format: "%03d", i)),Indicator \(i),\(["H", "L"][i % 2]),MS,\(i % 3 == 0 ? "percent" : "count"),1,50,20\n"
        }
        var obs = "area,indicator,period,value,numerator,denominator,note\n"
        var seed: UInt64 = 7
        func random() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for i in 0..<indicators {
            for a in 0..<areas {
                let code = a == 0 ? "E92000001" : "E06\(String(format: "%06d", a))"
                for m in 0..<120 {
                    let r = random()
                    let v = String(format: "%.1f", 20 + 60 * random())
                    let value = r < 0.02 ? "" : v
                    let fraction = i % 3 == 0 && a > 0 && !value.isEmpty && r > 0.6 ? "\(Int(r * 100)),\(Int(r * 100) + 50)" : ","
                    let note = r >= 0.02 && r < 0.03 ? "\"provisional, to be revised\"" : ""
                    obs += "\(code),K\(String(format: "%03d", i)),\(2015 + m / 12)-\(String(format: "%02d", m % 12 + 1)),\(value),\(fraction),\(note)\n"
                }
            }
        }
        return ["areas.csv": areasCSV, "indicators.csv": indicatorsCSV, "observations.csv": obs]
    }

    func testBytesPerObservation() throws {
        let data = try TempDataset(Self.generated(areas: 40, indicators: 30))
        defer { data.remove() }
        // Streamed in chunks, as a large file is, and read whole: the same storage either way.
        var streamed = LoadParallelism.standard
        streamed.streamBytes = 1
        streamed.chunkBytes = 64 << 10
        for parallelism in [streamed, LoadParallelism.standard] {
            let ds = try DatasetLoader.load(directories: [data.path], parallelism: parallelism).dataset
            XCTAssertEqual(ds.observationCount, 40 * 30 * 120)
            let perObservation = Double(ds.observationStorageBytes) / Double(ds.observationCount)
            // Period (4 bytes) and value (8), the rating and direction in one byte: 13; the
            // sparse numerators, denominators and notes about 3 more (13% of rows have a
            // numerator; values count by their number, as their room past it is never
            // touched). Areas and indicators are runs (16 bytes a series), and the series order
            // is the identity (no array). Measured 16.0 streamed, 15.8 whole. A 4-byte order,
            // 16-bit areas and indicators, or a second rating byte would each break the
            // budget (16.5).
            XCTAssertTrue(ds.order.isIdentity, "the file comes series by series in period order")
            XCTAssertLessThanOrEqual(perObservation, 16.5, "bytes per observation (streamed: \(parallelism.streamBytes == 1))")
            XCTAssertGreaterThanOrEqual(perObservation, 13, "the count covers every per-row column")
        }
    }

    /// A dataset whose rows come series by series in period order keeps no series order (the
    /// identity); one in another order keeps one. Either way every series lists its own rows,
    /// oldest first, and every row reads back its own area and indicator (runs of the file's
    /// rows, looked up by row) and its rating and direction.
    func testSeriesRowsAndAreasInAnyRowOrder() throws {
        let files = Self.generated(areas: 5, indicators: 4)
        let lines = files["observations.csv", default: ""].split(separator: "\n").map(String.init)
        let header = lines[0], rows = Array(lines.dropFirst())
        // Every series' rows together but newest first; then rows reversed whole; then rows
        // interleaved (every 7th row, seven passes).
        var newestFirst: [String] = []
        for k in stride(from: 0, to: rows.count, by: 120) { newestFirst += rows[k..<min(rows.count, k + 120)].reversed() }
        let interleaved = (0..<7).flatMap { offset in stride(from: offset, to: rows.count, by: 7).map { rows[$0] } }
        let orders: [(name: String, rows: [String], identity: Bool)] = [
            ("file order", rows, true), ("newest first", newestFirst, false),
            ("reversed", rows.reversed(), false), ("interleaved", interleaved, false),
        ]
        var expected: [String]?
        for order in orders {
            var variant = files
            variant["observations.csv"] = ([header] + order.rows).joined(separator: "\n") + "\n"
            let data = try TempDataset(variant)
            defer { data.remove() }
            let ds = try DatasetLoader.load(directories: [data.path]).dataset
            XCTAssertEqual(ds.order.isIdentity, order.identity, order.name)
            XCTAssertEqual(ds.observationCount, rows.count, order.name)
            var listing: [String] = []
            for s in 0..<ds.seriesCount {
                let series = ds.series(s)
                var previous: Period?
                for r in ds.rows(series: s).map(Int.init) {
                    let o = ds.observation(row: r)
                    XCTAssertEqual(o.area, series.area, "\(order.name): row \(r)")
                    XCTAssertEqual(o.indicator, series.indicator, "\(order.name): row \(r)")
                    if let previous { XCTAssertLessThan(previous, o.period, "\(order.name): series \(s)") }
                    previous = o.period
                    listing.append("\(o.area) \(o.indicator) \(o.period) \(String(describing: o.value)) \(String(describing: ds.rag(row: r))) \(String(describing: ds.ratingSource(row: r))) \(String(describing: ds.dot(row: r)))")
                }
            }
            listing.sort()
            XCTAssertEqual(listing.count, rows.count, order.name)
            if let expected { XCTAssertEqual(listing, expected, order.name) } else { expected = listing }
        }
    }

    /// Sparse columns appended one after another at every offset within a word (as stretches
    /// are joined) read back every row, and take further values after the join.
    func testSparseColumnsAppendedAtAnyOffset() {
        for offset in [0, 1, 5, 63, 64, 65, 127, 128, 200] {
            var column = SparseColumn<Int32>(missing: -1), expected: [Int: Int32] = [:]
            for r in stride(from: 0, to: offset, by: 3) { column.set(r, Int32(r)); expected[r] = Int32(r) }
            var other = SparseColumn<Int32>(missing: -1)
            var seed = UInt64(offset + 1)
            for r in 0..<300 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                if seed >> 62 != 0 { other.set(r, Int32(10_000 + r)); expected[offset + r] = Int32(10_000 + r) }
            }
            column.append(other, after: offset)
            column.set(offset + 300, 7)
            expected[offset + 300] = 7
            column.set(offset + 450, 8)
            expected[offset + 450] = 8
            XCTAssertEqual(column.count, expected.count, "offset \(offset)")
            for r in 0..<(offset + 520) { XCTAssertEqual(column[r], expected[r] ?? -1, "offset \(offset), row \(r)") }
        }
    }

    /// A run column reads back every value appended, one by one or a whole column at a time,
    /// and a value that continues the last run (also one appended with a column) adds no run.
    func testRunColumnReadsBackAndContinuesRuns() {
        for step: Int32 in [0, 1] {
            var column = RunColumn(step: step), other = RunColumn(step: step)
            var expected: [Int32] = [], otherExpected: [Int32] = []
            var seed: UInt64 = 5
            for target in [0, 1] {
                var value: Int32 = 10
                for _ in 0..<200 {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    if seed >> 62 == 0 { value = Int32(seed >> 40 & 1023) } else { value &+= step }
                    if target == 0 { column.append(value); expected.append(value) } else { other.append(value); otherExpected.append(value) }
                }
            }
            column.append(other)
            expected += otherExpected
            let runs = column.runRows.count
            // The next value of the last run: no new run.
            let next = expected[expected.count - 1] &+ step
            column.append(next)
            expected.append(next)
            XCTAssertEqual(column.runRows.count, runs, "step \(step)")
            XCTAssertEqual(column.count, expected.count)
            for r in expected.indices { XCTAssertEqual(column[r], expected[r], "step \(step), row \(r)") }
        }
    }

    /// A rating code and a direction share one byte and come back apart unchanged.
    func testRatingAndDirectionShareOneByte() {
        var seen = Set<UInt8>()
        for rating in [RatingCode.none, 0, 1, 2, 4, 5, 6, RatingCode.undecided] {
            for dot: Int8 in [-1, 0, 1, 2] {
                let byte = RatingCode.packed(rating: rating, dot: dot)
                XCTAssertEqual(RatingCode.rating(packed: byte), rating)
                XCTAssertEqual(RatingCode.dot(packed: byte), dot)
                seen.insert(byte)
            }
        }
        XCTAssertEqual(seen.count, 32)
    }

    /// The runs of two run columns, cut wherever either changes, cover every row once in order
    /// with the values each column reads for those rows.
    func testAreaIndicatorRunsMatchRowByRow() {
        var columns = ObservationColumns()
        var seed: UInt64 = 3
        var rows = 0
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 61) + 1  // 1-8 rows
            let area = Int32(seed >> 59 & 3), indicator = Int32(seed >> 55 & 3)
            for k in 0..<length {
                columns.area.append(area)
                columns.indicator.append(k == length / 2 ? indicator ^ 1 : indicator)
            }
            rows += length
        }
        var next = 0
        columns.forEachAreaIndicatorRun { range, area, indicator in
            XCTAssertEqual(range.lowerBound, next)
            XCTAssertFalse(range.isEmpty)
            for r in range {
                XCTAssertEqual(columns.area[r], area, "row \(r)")
                XCTAssertEqual(columns.indicator[r], indicator, "row \(r)")
            }
            next = range.upperBound
        }
        XCTAssertEqual(next, rows)
    }

    /// A sparse column reads back what was set, wherever rows fall in its words, set in order,
    /// out of order, overwritten, or appended after other rows; unset rows read as the default.
    func testSparseColumnReadsBackWhatWasSet() {
        var expected: [Int: Double] = [:]
        var column = SparseColumn<Double>(missing: -1)
        var seed: UInt64 = 1
        var row = 0
        for _ in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            row += Int(seed >> 60)  // gaps of 0-15 rows (0: the same row again)
            let v = Double(seed >> 40)
            column.set(row, v)
            expected[row] = v
        }
        // Earlier rows, set late.
        for r in [0, 1, 63, 64, 65, 127, 128, 500] where expected[r] == nil {
            column.set(r, Double(-r - 10))
            expected[r] = Double(-r - 10)
        }
        var other = SparseColumn<Double>(missing: -1)
        for r in [0, 5, 64, 200] { other.set(r, Double(r) + 0.5) }
        let rows = row + 37
        column.append(other, after: rows)
        for r in [0, 5, 64, 200] { expected[rows + r] = Double(r) + 0.5 }
        for r in 0..<(rows + 300) {
            XCTAssertEqual(column[r], expected[r] ?? -1, "row \(r)")
        }
        XCTAssertEqual(column.count, expected.count)
        XCTAssertEqual(column[-1], -1)
    }
}
