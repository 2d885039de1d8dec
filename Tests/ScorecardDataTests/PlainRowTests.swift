import XCTest
@testable import ScorecardData

/// Plain rows of observations.csv are read in one pass (`PlainRow`); every other row by the
/// general path (`CSVReader` and `TableReader`). Both must give exactly the same load: the same
/// rows, values to the bit, series, ratings and diagnostics.
final class PlainRowTests: XCTestCase {
    private static let areas = Array("code,name,parent\nAREA01,Area one,\nAREA010,Area ten,AREA01\nE1,Short,AREA01\n\"A,B\",Comma,AREA01\n\"AB,CD\",Comma two,AREA01\n".utf8)
    private static let indicators = Array("code,name,polarity,period_type,target,floor\nIND1,One,H,MS,50,40\nIND10,Ten,L,MS,20,\nEHCP01,EHCP,H,MS,,\n".utf8)

    /// A loaded dataset, as lines to compare (`FuzzHarness.loaderOutcome`).
    private func outcome(_ observations: [UInt8], plainRows: Bool, parts: Int = 1) -> [String] {
        var parallelism = LoadParallelism(maxParts: parts, stretchBytes: parts == 1 ? 4 << 20 : 1, rowsPerRatingPart: 250_000)
        parallelism.plainRows = plainRows
        return FuzzHarness.loaderOutcome([("areas.csv", Self.areas), ("indicators.csv", Self.indicators),
                                                ("observations.csv", observations)], parallelism: parallelism)
    }

    /// The bytes of a file of observations: the header, then each row with its line end.
    private func file(_ header: String, _ rows: [String], end: String = "\n") -> [UInt8] {
        Array((([header] + rows).joined(separator: end) + end).utf8)
    }

    func testAPlainFileLoadsWithEveryValueAndNoDiagnostic() {
        let bytes = file("area,indicator,period,value,numerator,denominator,note",
                         ["AREA01,IND1,2024-01,52.3,,,", "AREA01,IND1,2024-02,-0.5,3,6,", "AREA010,IND1,2024-01,7.,,,", "E1,IND10,2024-01,.25,,,"])
        let lines = outcome(bytes, plainRows: true)
        XCTAssertEqual(lines.first, "loaded", lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains(": error: ") }, lines.joined(separator: "\n"))
        for expected in ["52.3", "-0.5", "7", "0.25"] {
            XCTAssertTrue(lines.contains { $0.contains(expected) }, "\(expected) in \(lines)")
        }
        XCTAssertEqual(lines, outcome(bytes, plainRows: false))
    }

    /// Rows made of cells that the one-pass reader takes and cells it must leave to the general
    /// path — quotes, spaces, CR, exponents, long numbers, codes that begin others or hold a
    /// comma, periods of several kinds, text in rating and note cells, blank lines — in random
    /// files under several headers. Half the files also have bad cells, short and long rows and
    /// bare CRs (they fail, with diagnostics that must be the same); the other half must load.
    func testRandomRowsLoadAsTheGeneralPathLoadsThem() {
        // For each kind of cell: plain ones, ones the general path accepts, and bad ones.
        typealias Pools = (plain: [String], fine: [String], bad: [String])
        let areaCells: Pools = (["AREA01", "AREA010", "E1"], ["\"A,B\"", "\"AB,CD\"", " AREA01", "AREA01 ", "\"AREA01\""],
                                 ["A,B", "AB,CD", "NOPE01", "", "AREA0"])
        let indicatorCells: Pools = (["IND1", "IND10", "EHCP01"], [" IND1", "\"IND1\"", "IND1\t"], ["IND", "", "IND1x"])
        let numberCells: Pools = (["", "", "52.3", "-0", "-0.0", "0", "5.", ".5", "7", "-12.75", "123456789012345", "12345678901234.5",
                                   "0.00000000000001"],
                                  ["1e3", "+5", " 5", "5 ", "\"52.3\"", "1000000000000000", "-0.000000000000001", "1.5E-2"],
                                  ["-", ".", "NaN", "abc", "1.2.3", "--1", "1234567890123456", "99999999999999999", "1,5"])
        let textCells: [String: Pools] = [
            "rag": ([""], ["RED", "G", " amber "], ["bad"]), "dot": ([""], ["↑", "same"], ["x"]),
            "team": ([""], ["North", "\"South, East\""], []), "note": ([""], ["\"a, b\"", "\"say \"\"hi\"\"\"", " ", "n"], []),
            "source": ([""], ["src"], []), "status": ([""], ["provisional"], ["nonsense"]),
            "extra": (["", "x", "a b"], ["\"q\"", "1"], []), "": (["", "x"], ["\"q\""], []),
        ]
        let headers: [[String]] = [
            ["area", "indicator", "period", "value"],
            ["area", "indicator", "period", "value", "numerator", "denominator", "note"],
            ["indicator", "area", "value", "period", "rag", "dot", "extra"],
            ["period", "value", "target", "floor", "area", "indicator", "team", "source", "status"],
            ["area", "", "indicator", "period", "value"],
        ]
        var random = SplitMix64(seed: 17)
        var loaded = 0
        for round in 0..<240 {
            let header = headers[round % headers.count]
            let withBadCells = round % 2 == 1
            // Row r's period is the r-th of one kind, so that no two rows of a series clash.
            let kind = random.below(3)
            func period(_ r: Int) -> String {
                switch kind {
                case 0: String(2000 + r / 12) + "-" + (r % 12 < 9 ? "0" : "") + String(r % 12 + 1)
                case 1: String(1900 + r)
                default: "FY\(1900 + r)-" + String(String((1901 + r) % 100 + 100).suffix(2))
                }
            }
            func pick(_ pools: Pools, odd: Bool) -> String {
                let roll = random.below(4)
                if odd && roll == 0 && withBadCells && !pools.bad.isEmpty { return pools.bad[random.below(pools.bad.count)] }
                if odd && roll <= 1 && !pools.fine.isEmpty { return pools.fine[random.below(pools.fine.count)] }
                return pools.plain[random.below(pools.plain.count)]
            }
            var rows: [String] = []
            for r in 0..<(5 + random.below(30)) {
                // Mostly plain rows; in some, any cell may be odd.
                let odd = random.below(3) == 0
                var cells = header.map { name -> String in
                    switch name {
                    case "area": return pick(areaCells, odd: odd)
                    case "indicator": return pick(indicatorCells, odd: odd)
                    case "period":
                        let p = period(r)
                        switch odd ? random.below(8) : 7 {
                        case 0: return " " + p
                        case 1: return p + " "
                        case 2: return "\"" + p + "\""
                        case 3 where withBadCells: return p + "x"
                        case 4 where withBadCells: return ""
                        case 5 where withBadCells && kind == 0: return String(p.prefix(5)) + "13"
                        default: return p
                        }
                    case "value", "numerator", "denominator", "target", "floor": return pick(numberCells, odd: odd)
                    default: return pick(textCells[name] ?? ([""], [], []), odd: odd)
                    }
                }
                if withBadCells {
                    switch random.below(30) {
                    case 0: cells.append("")          // one cell too many
                    case 1: cells.removeLast()        // one too few
                    default: break
                    }
                }
                if random.below(30) == 0 { rows.append("") }   // a blank line
                rows.append(cells.joined(separator: ","))
            }
            let end = random.below(5) == 0 ? "\r\n" : "\n"
            var bytes = file(header.joined(separator: ","), rows, end: end)
            // Sometimes no line end after the last row, or a bare CR inside one.
            if random.below(6) == 0 { bytes.removeLast(end.utf8.count) }
            if withBadCells, random.below(12) == 0, let lf = bytes.lastIndex(of: UInt8(ascii: "\n")), lf > 0 {
                bytes.insert(UInt8(ascii: "\r"), at: lf - 1)
            }
            let general = outcome(bytes, plainRows: false)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(outcome(bytes, plainRows: true), general, "round \(round):\n\(text)")
            XCTAssertEqual(outcome(bytes, plainRows: true, parts: 3), general, "round \(round), 3 stretches:\n\(text)")
            if general.first == "loaded" { loaded += 1 }
            if !withBadCells { XCTAssertEqual(general.first, "loaded", "round \(round):\n\(general.prefix(3))\n\(text)") }
        }
        XCTAssertGreaterThanOrEqual(loaded, 120, "every file without bad cells loads")
    }

    /// What the one-pass reader takes, and what it leaves to the general path.
    func testWhichRowsArePlain() {
        let header = "area,indicator,period,value,numerator,rag,extra"
        guard let table = tableReader(header) else { return XCTFail("header") }
        let cells = PlainRow.layout(of: table)
        XCTAssertEqual(cells, [.area, .indicator, .period, .value, .numerator, .empty, .ignored])
        func read(_ row: String) -> PlainRow? {
            var areaCodes = CodeTable(["AREA01", "AREA010", "A,B"]), indicatorCodes = CodeTable(["IND1", "IND10"])
            var plain = PlainRow()
            let bytes = Array(row.utf8)
            let end = bytes.withUnsafeBufferPointer { buf in
                cells.withUnsafeBufferPointer { plain.read(buf, from: 0, cells: $0, areaCodes: &areaCodes, indicatorCodes: &indicatorCodes) }
            }
            guard let end else { return nil }
            XCTAssertEqual(end, bytes.count, "the whole of \(row.debugDescription)")
            return plain
        }
        let row = read("AREA010,IND10,2024-11,-12.75,3,,x y\n")
        XCTAssertEqual(row?.area, 1)
        XCTAssertEqual(row?.indicator, 1)
        XCTAssertEqual(row?.period, .month(2024, 11))
        XCTAssertEqual(row?.value, -12.75)
        XCTAssertEqual(row?.numerator, 3)
        XCTAssertEqual(read("AREA01,IND1,FY2024-25,,,,\r\n")?.period, Period(kind: .financialYear, year: 2024))
        XCTAssertEqual(read("AREA01,IND1,2024,5.,,,\n")?.value, 5)
        XCTAssertTrue(read("AREA01,IND1,2024-01,,,,\n")?.value.isNaN ?? false)
        for notPlain in ["AREA01,IND1,2024-01,1,,RED,\n", "\"AREA01\",IND1,2024-01,1,,,\n", "AREA01,IND1,2024-01,1e3,,,\n",
                         "AREA01,IND1,2024-01,1,,,\r", "AREA01,IND1,2024-01,1,,,", "AREA01,IND1,2024-01,1,,\n", "AREA01,IND1,2024-01,1,,,,\n",
                         "AREA01 ,IND1,2024-01,1,,,\n", "A,B,IND1,2024-01,1,,,\n", "AREA01,IND1, 2024-01,1,,,\n", "AREA01,IND1,2024-13,1,,,\n",
                         "AREA01,IND1,2024-01,1234567890123456,,,\n", "AREA01,IND1,2024-01,+5,,,\n", "AREA01,IND1,2024-01,-,,,\n",
                         "AREA0,IND1,2024-01,1,,,\n", "AREA01,IND1,2024-01,1,,,\"q\"\n", "AREA01,IND1,2024-01,1,,,a\u{0}b\n"] {
            XCTAssertNil(read(notPlain), notPlain.debugDescription)
        }
    }

    /// The last code found is tried first: a code that begins another, or that another begins,
    /// is still told apart, and a code holding a comma (quoted in the row before) is never taken
    /// for the start of an unquoted row.
    func testTheLastCodeIsTriedFirstOnlyWhereItEndsTheCell() {
        let bytes = file("area,indicator,period,value", ["AREA01,IND1,2024-01,1", "AREA010,IND1,2024-01,2", "AREA01,IND10,2024-01,3",
                                                         "AREA010,IND10,2024-01,4", "AREA01,IND1,2024-02,5"])
        let lines = outcome(bytes, plainRows: true)
        XCTAssertEqual(lines.first, "loaded", lines.joined(separator: "\n"))
        XCTAssertEqual(lines, outcome(bytes, plainRows: false))
        let comma = file("area,indicator,period,value", ["\"AB,CD\",IND1,2024-01,1", "AB,CD,IND1,2024-02,2"])
        let failed = outcome(comma, plainRows: true)
        XCTAssertEqual(failed, ["failed", "data/observations.csv:3:20: error: expected 4 cells as in the header, found 5"])
        XCTAssertEqual(failed, outcome(comma, plainRows: false))
    }

    private func tableReader(_ header: String) -> TableReader? {
        var sink: [Diagnostic] = []
        let spec = DatasetLoader.observationColumns
        return TableReader(path: "observations.csv", bytes: Array((header + "\n").utf8), required: spec.required, optional: spec.optional, diagnostics: &sink)
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be run again.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
