import XCTest
@testable import ScorecardData

final class CSVReaderTests: XCTestCase {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// Every record of `text` with its starting line.
    private func records(_ bytes: [UInt8]) throws -> [Record] {
        var reader = CSVReader(bytes: bytes)
        var out: [Record] = []
        while try reader.next() {
            out.append(Record(line: reader.recordLine, fields: (0..<reader.fieldCount).map { reader.string($0) ?? "<invalid>" }))
        }
        return out
    }

    private func records(_ text: String) throws -> [Record] { try records(Array(text.utf8)) }

    /// The error reading `bytes` must raise.
    private func csvError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        var reader = CSVReader(bytes: bytes)
        do {
            while try reader.next() {}
            XCTFail("expected a CSV error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func csvError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        csvError(Array(text.utf8), file: file, line: line)
    }

    private func assertError(_ text: String, line: Int, column: Int, _ prefix: String,
                             file: StaticString = #filePath, at sourceLine: UInt = #line) {
        guard let e = csvError(text, file: file, line: sourceLine) else { return }
        XCTAssertEqual(e.line, line, "line of \(e)", file: file, line: sourceLine)
        XCTAssertEqual(e.column, column, "column of \(e)", file: file, line: sourceLine)
        XCTAssertTrue(e.message.hasPrefix(prefix), "message '\(e.message)' should start with '\(prefix)'", file: file, line: sourceLine)
    }

    // MARK: Accepted input

    func testPlainRecords() throws {
        XCTAssertEqual(try records("a,b,c\n1,2,3\n"), [Record(line: 1, fields: ["a", "b", "c"]), Record(line: 2, fields: ["1", "2", "3"])])
    }

    func testEmptyInputHasNoRecords() throws {
        XCTAssertEqual(try records(""), [])
        XCTAssertEqual(try records([0xEF, 0xBB, 0xBF]), [])
    }

    func testQuotedFields() throws {
        XCTAssertEqual(try records("\"a\",\"b c\",d\n"), [Record(line: 1, fields: ["a", "b c", "d"])])
        XCTAssertEqual(try records("\"\",x\n"), [Record(line: 1, fields: ["", "x"])])
    }

    func testDoubledQuotes() throws {
        XCTAssertEqual(try records("\"say \"\"hi\"\"\",\"\"\"\"\n"), [Record(line: 1, fields: ["say \"hi\"", "\""])])
    }

    func testCommasAndNewlinesInsideQuotes() throws {
        let text = "name,note\n\"Kent, county\",\"line one\nline two\nline three\"\nMedway,plain\n\"a\nb\",x\nlast,row\n"
        XCTAssertEqual(try records(text), [
            Record(line: 1, fields: ["name", "note"]),
            Record(line: 2, fields: ["Kent, county", "line one\nline two\nline three"]),
            Record(line: 5, fields: ["Medway", "plain"]),
            Record(line: 6, fields: ["a\nb", "x"]),
            Record(line: 8, fields: ["last", "row"]),
        ])
    }

    func testFieldLocationAfterMultilineField() throws {
        var reader = CSVReader(bytes: Array("\"a\nbc\",d,\"e\"\n".utf8))
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.location(ofField: 0).line, 1)
        XCTAssertEqual(reader.location(ofField: 0).column, 1)
        XCTAssertEqual(reader.location(ofField: 1).line, 2)
        XCTAssertEqual(reader.location(ofField: 1).column, 5)
        XCTAssertEqual(reader.location(ofField: 2).line, 2)
        XCTAssertEqual(reader.location(ofField: 2).column, 7, "a quoted field is located at its opening quote")
    }

    /// Every field located in one pass agrees with locating it alone, across quoted line
    /// breaks, empty and quoted fields and multi-byte characters.
    func testLocationsOfAllFieldsMatchOneByOne() throws {
        for text in ["\"a\nbc\",d,\"e\"\n", "é,,\"x\ny\"\"\",↔,\"\",z\r\n", "a\n", ",,,\n", "\"\"\n"] {
            var reader = CSVReader(bytes: Array(text.utf8))
            while try reader.next() {
                let all = reader.locationsOfFields()
                XCTAssertEqual(all.count, reader.fieldCount)
                for i in 0..<reader.fieldCount {
                    XCTAssertTrue(all[i] == reader.location(ofField: i), "field \(i) of \(text.debugDescription)")
                }
            }
        }
    }

    func testCRLFAndLF() throws {
        let expected = [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["1", "2"]), Record(line: 3, fields: ["x", "y"])]
        XCTAssertEqual(try records("a,b\r\n1,2\r\nx,y\r\n"), expected)
        XCTAssertEqual(try records("a,b\n1,2\r\n\"x\",\"y\"\r\n"), expected, "mixed line ends")
        XCTAssertEqual(try records("\"a\r\nb\",c\r\nd,e\r\n"), [Record(line: 1, fields: ["a\r\nb", "c"]), Record(line: 3, fields: ["d", "e"])],
                       "CRLF inside quotes is kept as data")
    }

    func testByteOrderMarkIsSkipped() throws {
        let recs = try records([0xEF, 0xBB, 0xBF] + Array("code,name\r\nK,Kent\r\n".utf8))
        XCTAssertEqual(recs, [Record(line: 1, fields: ["code", "name"]), Record(line: 2, fields: ["K", "Kent"])])
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("code,name\n".utf8))
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.location(ofField: 1).column, 6, "the BOM takes no column")
    }

    func testEmptyFields() throws {
        XCTAssertEqual(try records("a,,c\n,,\n"), [Record(line: 1, fields: ["a", "", "c"]), Record(line: 2, fields: ["", "", ""])])
        var reader = CSVReader(bytes: Array("a,,c\n".utf8))
        XCTAssertTrue(try reader.next())
        XCTAssertTrue(reader.isEmpty(1))
        XCTAssertFalse(reader.isEmpty(2))
    }

    func testTrailingComma() throws {
        XCTAssertEqual(try records("a,b,\n1,2,\n"), [Record(line: 1, fields: ["a", "b", ""]), Record(line: 2, fields: ["1", "2", ""])])
        XCTAssertEqual(try records("a,b,"), [Record(line: 1, fields: ["a", "b", ""])])
    }

    func testFinalLineWithoutNewline() throws {
        XCTAssertEqual(try records("a,b\n1,2"), [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["1", "2"])])
        XCTAssertEqual(try records("a,\"b\""), [Record(line: 1, fields: ["a", "b"])])
    }

    func testBlankLineIsOneEmptyField() throws {
        // The reader reports a blank line as one empty field; the table reader skips it.
        XCTAssertEqual(try records("a\n\nb\n"), [Record(line: 1, fields: ["a"]), Record(line: 2, fields: [""]), Record(line: 3, fields: ["b"])])
    }

    func testInvalidUTF8FieldIsNil() throws {
        var reader = CSVReader(bytes: [0x61, 0x2C, 0xFF, 0x0A])
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.string(0), "a")
        XCTAssertNil(reader.string(1))
    }

    // MARK: Errors

    func testUnterminatedQuoteIsReportedAtTheOpeningQuote() {
        assertError("a,b\n1,\"two\nthree\nfour\n", line: 2, column: 3, "unterminated quoted field")
        assertError("\"x", line: 1, column: 1, "unterminated quoted field")
    }

    func testTextAfterClosingQuote() {
        assertError("a,\"b\"c\n", line: 1, column: 6, "unexpected text after a closing quote")
        assertError("a,b\n\"x\" ,y\n", line: 2, column: 4, "unexpected text after a closing quote")
    }

    func testQuoteInUnquotedField() {
        assertError("ab\"c,d\n", line: 1, column: 3, "unexpected '\"' inside an unquoted field")
        assertError("\"a\nb\",c\"d\n", line: 2, column: 5, "unexpected '\"' inside an unquoted field")
    }

    func testNULByte() {
        assertError("a,b\u{0}c\n", line: 1, column: 4, "NUL byte in field")
        assertError("x\n\"a\u{0}\"\n", line: 2, column: 3, "NUL byte in quoted field")
    }

    func testBareCarriageReturn() {
        assertError("a,b\rc,d\n", line: 1, column: 4, "bare carriage return: line ends must be LF or CRLF")
        assertError("a,b\n\"a\"\rb\n", line: 2, column: 4, "bare carriage return")
        assertError("h\r\nx\r", line: 2, column: 2, "bare carriage return")
    }

    func testColumnsCountCharactersNotBytes() {
        // é and ü are two bytes each, ↑ three: columns still count one each.
        assertError("é,ü,\"x\"y\n", line: 1, column: 8, "unexpected text after a closing quote")
        assertError("code\n↑↓↔,naïve\"\n", line: 2, column: 10, "unexpected '\"'")
        var reader = CSVReader(bytes: Array("naïve,Kent,↔,x\n".utf8))
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.location(ofField: 1).column, 7)
        XCTAssertEqual(reader.location(ofField: 3).column, 14)
    }

    func testErrorLineAfterMultilineRecords() {
        assertError("h\n\"1\n2\n3\"\nok\nbad\"\n", line: 6, column: 4, "unexpected '\"'")
    }

    // MARK: Word-at-a-time scanning and field storage

    /// Unquoted fields are scanned eight bytes at a time: a byte that ends or breaks a field must
    /// be found at every position of a word, after every field length, UTF-8 included.
    func testSpecialBytesAreFoundAtEveryOffset() {
        for length in 0..<40 {
            let field = String((0..<length).map { k in Array("abcdefghijklmnopqrstuvwxyz0123456789.-_é")[k % 40] })
            let columnAfter = field.count + 1
            XCTAssertEqual(try records("\(field),x\n\(field)\n"), [Record(line: 1, fields: [field, "x"]), Record(line: 2, fields: [field])])
            XCTAssertEqual(try records("\(field)\r\n\(field),\(field)"), [Record(line: 1, fields: [field]), Record(line: 2, fields: [field, field])])
            assertError("\(field)\u{0}tail\n", line: 1, column: columnAfter, "NUL byte in field")
            assertError("\(field)\"tail\n", line: 1, column: length == 0 ? 1 : columnAfter,
                        length == 0 ? "unterminated quoted field" : "unexpected '\"' inside an unquoted field")
            assertError("\(field)\rtail,more,fields,to,fill\n", line: 1, column: columnAfter, "bare carriage return")
        }
        // Bytes just above ',' (and high bytes) are ordinary; bytes below it other than the five
        // special ones are too.
        let ordinary = "-./+*)(\u{1}\u{7}\t !#$%&'\u{7F}ÿ€"
        XCTAssertEqual(try records("\(ordinary)\(ordinary),\(ordinary)\n"), [Record(line: 1, fields: [ordinary + ordinary, ordinary])])
    }

    /// Every byte value at every position of a word is flagged by `bytesBelowHyphen` exactly
    /// when it is below 0x2D, whatever the bytes around it (no borrow or carry between bytes).
    func testBytesBelowHyphenFlagsEveryByteOnItsOwn() {
        var state: UInt64 = 7
        for b in 0...255 {
            for k in 0..<8 {
                for _ in 0..<4 {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    var bytes = withUnsafeBytes(of: state) { Array($0) }
                    bytes[k] = UInt8(b)
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element < 0x2D ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0) }
                    XCTAssertEqual(CSVReader.bytesBelowHyphen(word), expected, "byte \(b) at \(k) in \(bytes)")
                }
            }
        }
    }

    /// Records of plain cells are split a word at a time until a quote, CR or NUL, then byte by
    /// byte from that field on: each must be found after plain fields that put it at every
    /// offset of a word, in a record not itself aligned, with the same fields, lines and errors.
    func testSpecialCellsAfterPlainFieldsAtEveryOffset() throws {
        let tail = ",tail-long-enough-for-a-word,and,more\n"
        for shift in 0..<8 {
            for pad in 0..<17 {
                let lead = String(repeating: "r", count: shift) + "\n"
                let plain = ["p", String(repeating: "x", count: pad), ""]
                let prefix = plain.joined(separator: ",") + ","
                let after = ["tail-long-enough-for-a-word", "and", "more"]
                let column = prefix.count + 1
                let first = shift == 0 ? [] : [Record(line: 1, fields: [lead.dropLast().description])]
                func read(_ cell: String) throws -> [Record] {
                    try records(lead + prefix + cell + tail + "n,e,x,t\n").filter { $0.fields != [""] }
                }
                // Quoted cells (with a comma, a line feed and a doubled quote) and a CRLF line end.
                XCTAssertEqual(try read("\"q,\n\"\"\""), first + [Record(line: 2, fields: plain + ["q,\n\""] + after),
                                                              Record(line: 4, fields: ["n", "e", "x", "t"])])
                XCTAssertEqual(try records(lead + prefix + "c\r\n" + "n,e,x,t-long-enough\n").filter { $0.fields != [""] },
                               first + [Record(line: 2, fields: plain + ["c"]), Record(line: 3, fields: ["n", "e", "x", "t-long-enough"])])
                // Ordinary bytes below ',' and above 0x7F are part of the cell.
                XCTAssertEqual(try read(" !#$%&'()*+\t\u{1}é"), first + [Record(line: 2, fields: plain + [" !#$%&'()*+\t\u{1}é"] + after),
                                                                         Record(line: 3, fields: ["n", "e", "x", "t"])])
                assertError(lead + prefix + "ab\u{0}cd" + tail, line: 2, column: column + 2, "NUL byte in field")
                assertError(lead + prefix + "ab\"cd" + tail, line: 2, column: column + 2, "unexpected '\"' inside an unquoted field")
                assertError(lead + prefix + "ab\rcd" + tail, line: 2, column: column + 2, "bare carriage return")
                assertError(lead + prefix + "\"ab\"cd" + tail, line: 2, column: column + 4, "unexpected text after a closing quote")
            }
        }
    }

    /// The field storage grows for a record wider than any before it, and a narrower record
    /// after it shows only its own fields.
    func testWideRecordsGrowTheFieldStorage() throws {
        let wide = (0..<300).map { "f\($0)" }
        let text = "a,b\n" + wide.joined(separator: ",") + "\n" + "x,\"y,z\"\n" + wide.reversed().joined(separator: ",") + "\n"
        XCTAssertEqual(try records(text), [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: wide),
                                          Record(line: 3, fields: ["x", "y,z"]), Record(line: 4, fields: wide.reversed())])
        var reader = CSVReader(bytes: Array((wide.joined(separator: ",") + ",\"q\"\"\"\n").utf8))
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.fieldCount, 301)
        XCTAssertEqual(reader.location(ofField: 300).column, wide.joined(separator: ",").count + 2)
        XCTAssertFalse(try reader.next())
        XCTAssertEqual(reader.fieldCount, 0)
    }

    /// Random valid files, written by quoting each field as needed, read back field for field.
    func testRandomFilesReadBackExactly() throws {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("abcXYZ019.-_ ,\"\né↔\t;")
        for _ in 0..<300 {
            var rows: [[String]] = []
            var text = ""
            for _ in 0..<(1 + next(6)) {
                let row = (0..<(1 + next(12))).map { _ in String((0..<next(20)).map { _ in alphabet[next(alphabet.count)] }) }
                rows.append(row)
                text += row.map { f in f.contains(where: { ",\"\n".contains($0) }) || (row.count == 1 && f.isEmpty)
                    ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }.joined(separator: ",")
                text += next(3) == 0 ? "\r\n" : "\n"
            }
            XCTAssertEqual(try records(text).map(\.fields), rows, text)
        }
    }
}
