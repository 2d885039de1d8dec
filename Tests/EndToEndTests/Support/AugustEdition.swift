import Foundation
import XCTest

/// An earlier edition of the bundled Kent data for end-to-end tests of "what changed": the
/// October 2024 scorecard as it would have stood in August.
enum AugustEdition {
    /// The bundled Kent dataset in the source tree.
    static let bundled = RagtopBinary.repoRoot.appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10")

    /// Writes the August edition to `dir` (which must not exist): the bundled files without the
    /// September and October 2024 figures or October's commentary (notes.csv). With `revised`,
    /// also as first published then: Kent's SCS19 for June 74.2 (73.7 now) and SCS19's target
    /// 80.0 (85.0 now). Returns how many figures were left out.
    @discardableResult
    static func make(at dir: URL, revised: Bool) throws -> Int {
        let fm = FileManager.default
        try fm.copyItem(at: bundled, to: dir)
        try fm.removeItem(at: dir.appendingPathComponent("notes.csv"))
        let observations = CSVRows.parse(try String(contentsOf: dir.appendingPathComponent("observations.csv"), encoding: .utf8))
        let header = observations[0]
        let period = try XCTUnwrap(header.firstIndex(of: "period")), value = try XCTUnwrap(header.firstIndex(of: "value"))
        let area = try XCTUnwrap(header.firstIndex(of: "area")), indicator = try XCTUnwrap(header.firstIndex(of: "indicator"))
        var kept = [header], dropped = 0
        for var row in observations.dropFirst() {
            if row[period] == "2024-09" || row[period] == "2024-10" {
                dropped += 1
                continue
            }
            if revised && row[area] == "E10000016" && row[indicator] == "SCS19" && row[period] == "2024-06" {
                XCTAssertEqual(row[value], "73.7")
                row[value] = "74.2"
            }
            kept.append(row)
        }
        try Data(CSVRows.write(kept).utf8).write(to: dir.appendingPathComponent("observations.csv"))
        if revised {
            var indicators = CSVRows.parse(try String(contentsOf: dir.appendingPathComponent("indicators.csv"), encoding: .utf8))
            let code = try XCTUnwrap(indicators[0].firstIndex(of: "code")), target = try XCTUnwrap(indicators[0].firstIndex(of: "target"))
            let scs19 = try XCTUnwrap(indicators.firstIndex { $0[code] == "SCS19" })
            XCTAssertEqual(indicators[scs19][target], "85.0")
            indicators[scs19][target] = "80.0"
            try Data(CSVRows.write(indicators).utf8).write(to: dir.appendingPathComponent("indicators.csv"))
        }
        return dropped
    }
}
