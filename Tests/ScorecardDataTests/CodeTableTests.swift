import XCTest
@testable import ScorecardData

final class CodeTableTests: XCTestCase {
    /// The id `table` gives for `bytes`, looked up in place.
    private func id(_ table: inout CodeTable, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { table.id(of: $0) }
    }

    /// Codes of every length up to 40 are found by their exact bytes, and a cell that differs
    /// from one in any single byte (at every position, so in either compared word), is one
    /// byte shorter or longer, is found only if it spells another code: as a dictionary says.
    /// Each changed cell comes right after its code was found, so it meets the check of the last
    /// code's length and words first.
    func testLookupsAgreeWithADictionaryForEveryLengthAndByte() {
        let codes = (1...40).map { n in String((0..<n).map { k in Array("E9200000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")[(n + k) % 43] }) }
            + ["E92000001", "E92000002", "E9200000", "EHCP01", "EHCP0", "ab", "a"]
        let distinct = Array(Set(codes)).sorted()
        let reference = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { (Array($1.utf8), Int32($0)) })
        var table = CodeTable(distinct)
        for code in distinct {
            let bytes = Array(code.utf8)
            var probes: [[UInt8]] = [bytes, bytes + [0x41], Array(bytes.dropLast()), Array(bytes.dropFirst())]
            for k in bytes.indices {
                var changed = bytes
                changed[k] ^= 0x01
                probes.append(changed)
                changed[k] = 0x80
                probes.append(changed)
            }
            for probe in probes {
                XCTAssertEqual(id(&table, probe), probe.isEmpty ? nil : reference[probe], "\(probe)")
                // Again, now that the last code found is tried first.
                XCTAssertEqual(id(&table, probe), probe.isEmpty ? nil : reference[probe], "\(probe) again")
            }
        }
        XCTAssertNil(id(&table, []))
    }

    /// `equal` compares exactly `count` bytes: a difference at any of them is seen, and bytes
    /// past them are not compared.
    func testEqualSeesEveryByteOfEveryLengthAndNoMore() {
        for count in 0...40 {
            let a = (0..<(count + 8)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            for k in 0..<(count + 8) {
                var b = a
                b[k] ^= 0x10
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        guard let x = pa.baseAddress, let y = pb.baseAddress else { return XCTFail("no storage") }
                        XCTAssertEqual(CodeTable.equal(x, y, count: count), k >= count, "count \(count), byte \(k)")
                    }
                }
            }
        }
    }
}
