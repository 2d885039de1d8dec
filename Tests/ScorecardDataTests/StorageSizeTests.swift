import Foundation
import XCTest
@testable import ScorecardData

/// What the loaded observations cost in memory, counted from the storage's buffer capacities
/// (not timed): issue #17 holds a load to ≤ 36 bytes an observation at ten times England scale,
/// the file's bytes not kept and the mostly-empty columns sparse.
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
            // Area, indicator, period (4 bytes each), value (8), series order (4), rating and
            // direction (1 each): 26; the sparse numerators, denominators and notes 3-4 more
            // (13% of rows have a numerator; packed values grow geometrically). Measured 30.3.
            // Dense numerators and denominators would add 16.
            XCTAssertLessThanOrEqual(perObservation, 31, "bytes per observation (streamed: \(parallelism.streamBytes == 1))")
            XCTAssertGreaterThanOrEqual(perObservation, 26, "the count covers every per-row column")
        }
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
