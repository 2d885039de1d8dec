import Foundation
import XCTest

/// `ragtop diff OLD NEW` run as a subprocess on an earlier edition made from the bundled Kent
/// data (`AugustEdition`): the last two months dropped, one past value revised, one target changed.
final class DiffCLITests: XCTestCase {
    static let header = "area_code,indicator,period,change,old_value,new_value,old_rag,new_rag,what,team,old_period,old_rated_by,new_rated_by,area,name"

    /// The two editions, made once for the class.
    struct Editions {
        let work: URL
        let old: String
        let new: String
        /// How many observations of the new edition are for September or October 2024.
        let droppedFigures: Int
    }

    static let editions: Result<Editions, Error> = Result {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-diff-\(UUID().uuidString)", isDirectory: true)
        let old = work.appendingPathComponent("kent-2024-08"), new = work.appendingPathComponent("kent-2024-10")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.copyItem(at: AugustEdition.bundled, to: new)
        let dropped = try AugustEdition.make(at: old, revised: true)
        return Editions(work: work, old: old.path, new: new.path, droppedFigures: dropped)
    }

    override class func tearDown() {
        if case .success(let e) = editions { try? FileManager.default.removeItem(at: e.work) }
    }

    private func ragtop(_ args: String...) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args)
    }

    /// The CSV records of a diff, without the header.
    private func changes(_ csv: String) -> [[String]] { Array(CSVRows.parse(csv).dropFirst()) }

    func testEveryChangeKindFromAugustToOctober() throws {
        let e = try Self.editions.get()
        let r = try ragtop("diff", e.old, e.new, "--format", "csv")
        XCTAssertEqual(r.status, 1, "differences: exit 1; stderr:\n\(r.stderr)")
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.stdout.split(separator: "\n").first.map(String.init), Self.header)
        let rows = changes(r.stdout)
        XCTAssertTrue(rows.allSatisfy { $0.count == 15 }, "every row has every column")
        let byKind = Dictionary(grouping: rows, by: { $0[3] })
        XCTAssertEqual(Set(byKind.keys), ["rating", "revised", "added", "target"])

        // Every September and October figure is one `added` row.
        let added = try XCTUnwrap(byKind["added"])
        XCTAssertEqual(added.count, e.droppedFigures)
        XCTAssertTrue(added.allSatisfy { $0[8] == "figure" && ["2024-09", "2024-10"].contains($0[2]) && $0[4] == "" && $0[6] == "" })
        XCTAssertTrue(added.contains(["E10000016", "SCS19", "2024-10", "added", "", "73.1", "", "RED", "figure", "", "", "", "published", "Kent",
                                      "Percentage of CIC Foster Care in KCC Foster Care/Rel & Friends placements (exc UASC)"]))

        XCTAssertEqual(byKind["revised"]?.map { Array($0.prefix(13)) },
                       [["E10000016", "SCS19", "2024-06", "revised", "74.2", "73.7", "RED", "RED", "value", "", "", "rule", "rule"]])
        XCTAssertEqual(byKind["target"]?.map { Array($0.prefix(9)) }, [["", "SCS19", "", "target", "80.0", "85.0", "", "", "target"]],
                       "an indicator's change has an empty area_code")

        // Ratings of the latest figures: August's against October's (published). August's 15.4
        // misses EH16-F's target of 15 with no floor: "target missed" (undecided), no colour.
        let rating = try XCTUnwrap(byKind["rating"])
        XCTAssertTrue(rating.contains { Array($0.prefix(13)) == ["E10000016", "EH16-F", "2024-10", "rating", "15.4", "15.0", "", "GREEN",
                                                                 "rating", "", "2024-08", "undecided", "published"] }, "\(rating.prefix(5))")
        XCTAssertTrue(rating.allSatisfy { $0[6] != $0[7] }, "a rating change changes the rating")

        // The new ratings are the ones `report` shows for the same figures.
        let report = try ragtop("report", "--data", e.new, "--format", "csv")
        XCTAssertEqual(report.status, 0, report.stderr)
        let reported = Dictionary(CSVRows.parse(report.stdout).dropFirst().map { ("\($0[0])|\($0[2])|\($0[11])", $0[9]) }, uniquingKeysWith: { a, _ in a })
        for row in rating {
            XCTAssertEqual(reported["\(row[0])|\(row[1])|\(row[9])"], row[7], "\(row.prefix(10))")
        }
    }

    func testTheOtherWayRoundListsRemovals() throws {
        let e = try Self.editions.get()
        let r = try ragtop("diff", e.new, e.old, "--format", "csv")
        XCTAssertEqual(r.status, 1, r.stderr)
        let byKind = Dictionary(grouping: changes(r.stdout), by: { $0[3] })
        XCTAssertEqual(Set(byKind.keys), ["rating", "revised", "removed", "target"])
        XCTAssertEqual(byKind["removed"]?.count, e.droppedFigures)
        XCTAssertEqual(byKind["revised"]?.map { Array($0.prefix(6)) }, [["E10000016", "SCS19", "2024-06", "revised", "73.7", "74.2"]])
        XCTAssertEqual(byKind["target"]?.map { Array($0.prefix(6)) }, [["", "SCS19", "", "target", "85.0", "80.0"]])
    }

    func testAddedAndRemovedAreasAndIndicators() throws {
        let e = try Self.editions.get()
        let fm = FileManager.default
        let other = e.work.appendingPathComponent("renamed-\(UUID().uuidString)")
        try fm.copyItem(atPath: e.new, toPath: other.path)
        defer { try? fm.removeItem(at: other) }
        // An indicator and an area without figures, only in this edition.
        let indicators = other.appendingPathComponent("indicators.csv"), areas = other.appendingPathComponent("areas.csv")
        let columns = CSVRows.parse(try String(contentsOf: indicators, encoding: .utf8))[0].count
        try (try String(contentsOf: indicators, encoding: .utf8) + "NEW1,A new indicator,,H,MS" + String(repeating: ",", count: columns - 5) + "\n")
            .write(to: indicators, atomically: true, encoding: .utf8)
        try (try String(contentsOf: areas, encoding: .utf8) + "E06000035,Medway,E12000008,la,,\n").write(to: areas, atomically: true, encoding: .utf8)
        let r = try ragtop("diff", e.new, other.path, "--format", "csv")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(changes(r.stdout).map { Array($0.prefix(9)) }, [
            ["E06000035", "", "", "added", "", "", "", "", "area"],
            ["", "NEW1", "", "added", "", "", "", "", "indicator"],
        ])
        let back = try ragtop("diff", other.path, e.new, "--format", "csv")
        XCTAssertEqual(changes(back.stdout).map { Array($0.prefix(9)) }, [
            ["E06000035", "", "", "removed", "", "", "", "", "area"],
            ["", "NEW1", "", "removed", "", "", "", "", "indicator"],
        ])
    }

    func testTheSameEditionTwiceHasNoDifferences() throws {
        let e = try Self.editions.get()
        let text = try ragtop("diff", e.new, e.new)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, "\(e.new) → \(e.new): 0 rating changes, 0 revised figures, 0 added, 0 removed, 0 target changes\nNo differences.\n")
        let csv = try ragtop("diff", e.new, e.new, "--format", "csv")
        XCTAssertEqual(csv.status, 0)
        XCTAssertEqual(csv.stdout, Self.header + "\n")
    }

    func testTextJSONAndMarkdown() throws {
        let e = try Self.editions.get()
        let csvRows = changes(try ragtop("diff", e.old, e.new, "--format", "csv").stdout)
        let json = try ragtop("diff", e.old, e.new, "--format", "json")
        XCTAssertEqual(json.status, 1)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, csvRows.count)
        XCTAssertEqual(Set(objects[0].keys), Set(Self.header.split(separator: ",").map(String.init)))
        let revised = try XCTUnwrap(objects.first { $0["change"] as? String == "revised" })
        XCTAssertEqual(revised["old_value"] as? Double, 74.2)
        XCTAssertEqual(revised["new_value"] as? Double, 73.7)

        let text = try ragtop("diff", e.old, e.new)
        XCTAssertEqual(text.status, 1)
        let ratings = csvRows.count { $0[3] == "rating" }
        XCTAssertTrue(text.stdout.hasPrefix("\(e.old) → \(e.new): \(ratings) rating changes, 1 revised figure, \(e.droppedFigures) added, 0 removed, 1 target change\n"),
                      String(text.stdout.prefix(300)))
        XCTAssertTrue(text.stdout.contains("\nRevised figures (1)\n"))
        XCTAssertTrue(text.stdout.contains("\nTargets, floors and polarity (1)\n"))

        let md = try ragtop("diff", e.old, e.new, "--format", "markdown")
        XCTAssertEqual(md.status, 1)
        let lines = md.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "# Changes from \(e.old) to \(e.new)")
        for heading in ["## Rating changes on the latest figure (\(ratings))", "## Revised figures (1)", "## Added (\(e.droppedFigures))",
                        "## Targets, floors and polarity (1)"] {
            let at = try XCTUnwrap(lines.firstIndex(of: heading), heading)
            XCTAssertTrue(lines[at + 2].hasPrefix("| Area | Code |") && lines[at + 3].hasPrefix("|---"), heading)
        }
        XCTAssertEqual(lines.count { $0.hasPrefix("| ") } - 4, csvRows.count, "a table row per change")
    }

    func testTheColumnsAreDocumented() throws {
        let doc = try String(contentsOf: RagtopBinary.repoRoot.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
        let columns = Self.header.split(separator: ",").map(String.init)
        XCTAssertTrue(doc.contains("CSV columns: `" + columns.prefix(8).joined(separator: ",") + "` (fixed:"), "the fixed eight")
        XCTAssertTrue(doc.contains("then `" + columns.dropFirst(8).joined(separator: ",") + "`."), "the columns after them")
    }

    func testBadUsageExits64() throws {
        let e = try Self.editions.get()
        let one = try ragtop("diff", e.old)
        XCTAssertEqual(one.status, 64)
        XCTAssertTrue(one.stderr.contains("NEW"), one.stderr)
        let format = try ragtop("diff", e.old, e.new, "--format", "xml")
        XCTAssertEqual(format.status, 64)
        XCTAssertTrue(format.stderr.contains("xml") && format.stderr.contains("markdown"), format.stderr)
        XCTAssertEqual(format.stdout, "")
    }

    func testBadDataExits65NamingTheEdition() throws {
        let e = try Self.editions.get()
        let bad = RagtopBinary.fixtures.appendingPathComponent("malformed/value-nan").path
        let old = try ragtop("diff", bad, e.new)
        XCTAssertEqual(old.status, 65)
        XCTAssertEqual(old.stdout, "")
        XCTAssertTrue(old.stderr.contains("\(bad)/observations.csv:3:18: error: value: expected a finite number"), old.stderr)
        XCTAssertTrue(old.stderr.contains("ragtop: 1 error in the old edition (\(bad)); nothing was changed"), old.stderr)
        let new = try ragtop("diff", e.old, bad)
        XCTAssertEqual(new.status, 65)
        XCTAssertTrue(new.stderr.contains("in the new edition (\(bad))"), new.stderr)
        XCTAssertFalse(new.stderr.contains("old edition"), new.stderr)
    }

    func testMissingDataExits66() throws {
        let e = try Self.editions.get()
        let gone = try ragtop("diff", e.old, "/nonexistent")
        XCTAssertEqual(gone.status, 66)
        XCTAssertTrue(gone.stderr.hasPrefix("/nonexistent:1:1: error: dataset directory not found\n"), gone.stderr)
        XCTAssertTrue(gone.stderr.contains("in the new edition (/nonexistent)"), gone.stderr)
        let noFile = RagtopBinary.fixtures.appendingPathComponent("malformed/missing-file").path
        let missing = try ragtop("diff", noFile, e.new)
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("\(noFile)/observations.csv:1:1: error: required file is missing"), missing.stderr)
    }

    func testDiffChangesNoFile() throws {
        let e = try Self.editions.get()
        func snapshot() throws -> [String: Data] {
            var out: [String: Data] = [:]
            for dir in [e.old, e.new] {
                for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
                    out[dir + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
                }
            }
            return out
        }
        let before = try snapshot()
        for format in ["text", "csv", "json", "markdown"] { XCTAssertEqual(try ragtop("diff", e.old, e.new, "--format", format).status, 1) }
        XCTAssertEqual(try snapshot(), before)
    }
}
